"""Whether the one massaged is a child, and about how old: a child gets a child's checklist.

A child's red flags are not an adult's. A baby with a fever, a grunting breath or a floppy
body (NICE NG143), a limp with no fall (NICE CKS), a baby who sweats and tires at feeds — none
of these is asked by an adult's checklist of the neck or the legs, and a parent describing
a child rarely names them unprompted. So when the routine is for a child, the children's
questions (`data/questions/child.yaml`) lead the checklist.

Read from the age when one is told ("my daughter is 6", "son (9)"), else from words that
only a child's age fits ("my 4 month old", "a toddler", "my 7yo"). A baby mentioned by a
parent whose own body the routine is for ("up all night with the baby, my neck…") is not
the one massaged, and neither is a grown son or daughter.
"""

from __future__ import annotations

from dataclasses import dataclass

from unknot.text.normal import NormalText
from unknot.text.programs import Lazy
from unknot.text.scope import tells_of_own_body

# Under this age the person is a child for the checklist (NICE's children's guidance runs to
# 16; a teenager of 16 or more is asked the adult questions).
CHILD_BELOW = 16

_WEEKS_OR_MONTHS_OLD = Lazy(r"\b\d{1,2} ?(?:-|) ?(?:days?|d|weeks?|wks?|wk|months?|mths?|mnths?|mo|m)"
                            r"(?: -)? ?old\b|\b\d{1,2} ?(?:wk|wks|mo|mth|mths)\b"
                            r"|\b(?:baby|babies|newborn|infant|lo|little one|he|she|they) "
                            r"(?:is |who is |, |now )?\d{1,2} (?:days?|weeks?|wks?|months?|mths?)\b")
_BABY_WORDS = Lazy(r"\b(?:newborn|new born|infant|baby|babys|bubba|bub)\b")
# "had my baby", "expecting a baby", "the baby is due": the writer's own news, not the one
# massaged.
_NOT_THE_BABY = Lazy(r"\b(?:had|having|expecting|pregnant with|lost|carrying|since|after) "
                     r"(?:my |our |the |a |her )?(?:baby|babies|newborn)\b"
                     r"|\bbaby (?:is )?(?:due|weight|bump|brain|blues|shower)\b")
_TODDLER_WORDS = Lazy(r"\b(?:toddler|toddlers|preschooler|pre-schooler|tot)\b")
_YEARS_OLD = Lazy(r"\b(\d{1,2}) ?(?:-|) ?(?:years?|yrs?|yr|y) ?(?:-|) ?(?:old|o)\b"
                  r"|\b(\d{1,2}) ?(?:yo|y/o|yrs?)\b")
_CHILD_WORDS = Lazy(r"\b(?:kid|kiddo|child|my boy|my girl|little boy|little girl|little one|"
                    r"schoolboy|schoolgirl|primary school|nursery|reception class|year [1-9])\b")
# A baby or a toddler named where nothing of the writer's own body is told: the routine is
# the child's though no person of `PEOPLE` is named ("gentle foot massage, baby is 10 days").
_BABY_OR_TODDLER = Lazy(r"\b(?:newborn|infant|baby|toddler|\d{1,2} ?(?:weeks?|wks?|months?|mths?) "
                        r"old)\b")
# "Can I massage my baby": the child's routine, whatever else the writer says.
_CARE_FOR_A_CHILD = Lazy(r"\b(?:massage|massaging|rub|rubbing|stroke|stroking|knead|kneading) "
                         r"(?:my|our|the|a) (?:\d{1,2} \w+ old |little |newborn )?"
                         r"(?:baby|babys|newborn|infant|toddler|little one|lo|kid|child)\b")
# Grown-ups a text may name first as the one massaged: the child named later is then not.
_ADULT_FIRST = frozenset({"wife", "husband", "partner", "boyfriend", "girlfriend", "mum", "mom",
                          "mother", "dad", "father", "nan", "nana", "gran", "granny", "grandma",
                          "grandad", "grandpa", "client", "patient", "friend", "sister",
                          "brother", "hubby", "fiance", "fiancee"})


@dataclass(frozen=True)
class Child:
    """The one massaged is a child; `age` in whole years (0 for a baby), None when unknown."""

    age: int | None


def child_massaged(text: NormalText, age: int | None, subject: str) -> Child | None:
    """The child the routine is for, if it is for a child (see the module's note)."""
    if age is not None:
        return Child(age) if age < CHILD_BELOW else None
    norm = text.norm
    if _WEEKS_OR_MONTHS_OLD.search(norm):
        # A baby's age told in weeks or months: the baby's questions are asked, even of a
        # parent who asks for their own neck too ("baby is 6 weeks and felt hot…, and maybe
        # something for my neck") — the few seconds they take are nothing beside a missed
        # fever in a newborn.
        return Child(0)
    if subject != "someone_else" and not _CARE_FOR_A_CHILD.search(norm) and (
            tells_of_own_body(text) or not _BABY_OR_TODDLER.search(norm)):
        return None  # the writer's own routine
    found = _first_child_word(norm)
    if found is None:
        return None
    where, child = found
    # A grown-up named before the child is the one massaged ("my wife had the baby"), but
    # not the writer saying who they are ("grandma here, minding the baby").
    before = norm[:where].split()
    if any(word in _ADULT_FIRST and before[index + 1:index + 2] != ["here"]
           for index, word in enumerate(before)):
        return None
    return child


def _first_child_word(norm: str) -> tuple[int, Child] | None:
    """Where the text first names a child, and the child it names."""
    found: list[tuple[int, Child]] = []
    match = _WEEKS_OR_MONTHS_OLD.search(norm)
    if match:
        found.append((match.start(), Child(0)))
    for match in _BABY_WORDS.finditer(norm):
        if not _NOT_THE_BABY.search(norm, max(0, match.start() - 30), match.end() + 12):
            found.append((match.start(), Child(0)))
            break
    match = _TODDLER_WORDS.search(norm)
    if match:
        found.append((match.start(), Child(2)))
    for match in _YEARS_OLD.finditer(norm):
        years = int(match.group(1) or match.group(2))
        if years < CHILD_BELOW:
            found.append((match.start(), Child(years)))
            break
    match = _CHILD_WORDS.search(norm)
    if match:
        found.append((match.start(), Child(None)))
    return min(found, key=lambda item: item[0]) if found else None
