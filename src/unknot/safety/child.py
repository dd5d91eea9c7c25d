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

_NUMBER = (r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
           r"fourteen|fifteen|eighteen|twenty|thirty")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30}
# "my 4 month old", "a 6-week-old", "9 days old", "10wk", "baby is 6 weeks" (not "she is 20 weeks":
# a pregnancy is told that way too).
_WEEKS_OR_MONTHS_OLD = Lazy(
    rf"\b(?P<n>{_NUMBER})(?: and a half)? ?(?:- )?(?P<unit>days?|d|weeks?|wks?|wk|months?|mths?|mnths?|mo|m)"
    rf" ?(?:- )?old\b"
    rf"|\b(?P<n2>\d{{1,2}}) ?(?P<unit2>wk|wks|mo|mth|mths)\b"
    rf"|\b(?:baby|babies|newborn|infant|lo|little one|bubs|bub) (?:is |who is |, |is now |now )"
    rf"(?P<n3>{_NUMBER}) (?P<unit3>days?|weeks?|wks?|months?|mths?)\b(?! ago)")
_BABY_WORDS = Lazy(r"\b(?:newborn|new born|infant|baby|babys|bubba|bub|bubs)\b")
# "had my baby", "expecting a baby", "the baby is due": the writer's own news, not the one
# massaged.
_NOT_THE_BABY = Lazy(r"\b(?:had|having|expecting|pregnant with|lost|carrying|since|after) "
                     r"(?:my |our |the |a |her )?(?:baby|babies|newborn)\b"
                     r"|\bbaby (?:is )?(?:due|weight|bump|brain|blues|shower)\b")
_TODDLER_WORDS = Lazy(r"\b(?:toddler|toddlers|preschooler|pre - schooler|tot)\b")
_YEARS_OLD = Lazy(rf"\b(?P<n>{_NUMBER})(?: and a half)? ?(?:- )?(?:years?|yrs?|yr|y) ?(?:- )?(?:old|o)\b"
                  rf"|\b(?P<n2>\d{{1,2}}) ?(?:yo|y/o|y \. o|yrs?)\b")
_CHILD_WORDS = Lazy(r"\b(?:kid|kiddo|child|my boy|my girl|little boy|little girl|little one|lil one|"
                    r"little un|schoolboy|schoolgirl|primary school|infant school|junior school|nursery|"
                    r"preschool|pre - school|in reception|reception class|year [1-9])\b")
# A baby's health told beside a baby's age: the baby is who it is about, though the parent asks
# for their own neck too ("baby is 6 weeks and felt hot…, and something for my neck").
_BABY_UNWELL = Lazy(r"\b(?:hot|temp|temperature|fever|feverish|feed|feeds|feeding|fed|bottle|"
                    r"breath\w*|rash|sick|vomit\w*|floppy|sleepy|cough\w*|cold|poorly|unwell|nappy|"
                    r"nappies|not herself|not himself|colic\w*|wind|windy|constipat\w*|jaundice|"
                    r"yellow|grunt\w*|crying|cries|screaming)\b")
# A birth told by the writer: the baby named beside it is not the one massaged.
_A_BIRTH = Lazy(r"\b(?:c - section|c section|caesarean|cesarean|section|gave birth|giving birth|birth|"
                r"postpartum|post partum|post - partum|had (?:my|the|our|a) baby|since having|"
                r"delivered|labour|labor)\b")
# "Can I massage my baby": the child's routine, whatever else the writer says.
_CARE_FOR_A_CHILD = Lazy(r"\b(?:massage|massaging|rub|rubbing|stroke|stroking|knead|kneading) "
                         r"(?:my|our|the|a) (?:\d{1,2} \w+ old |little |newborn )?"
                         r"(?:baby|babys|bubs|newborn|infant|toddler|little one|lo|kid|child)\b")
# Grown-ups a text may name first as the one massaged: the child named later is then not.
_ADULT_FIRST = frozenset({"wife", "husband", "partner", "boyfriend", "girlfriend", "mum", "mom",
                          "mother", "dad", "father", "nan", "nana", "gran", "granny", "grandma",
                          "grandad", "grandpa", "client", "patient", "friend", "sister",
                          "brother", "hubby", "fiance", "fiancee", "son", "daughter", "uncle",
                          "aunt", "auntie", "cousin", "nephew", "niece", "colleague", "flatmate",
                          "boss", "neighbour", "neighbor", "mate"})


@dataclass(frozen=True)
class Child:
    """The one massaged is a child; `age` in whole years (0 for a baby), None when unknown."""

    age: int | None


def child_massaged(text: NormalText, age: int | None, subject: str) -> Child | None:
    """The child the routine is for, if it is for a child (see the module's note)."""
    if age is not None:
        return Child(age) if age < CHILD_BELOW else None
    norm = text.norm
    own = tells_of_own_body(text)
    baby = _WEEKS_OR_MONTHS_OLD.search(norm)
    if baby is not None and (not own or subject == "someone_else"
                             or _CARE_FOR_A_CHILD.search(norm) or _BABY_UNWELL.search(norm)):
        # A baby's age told in weeks or months, and the baby the one massaged or unwell: the
        # baby's questions are asked even of a parent who asks for their own neck too — the few
        # seconds they take are nothing beside a missed fever in a newborn.
        return Child(_age_of(baby))
    found = _first_child_word(norm)
    if found is None:
        return None
    if subject != "someone_else" and (own or _A_BIRTH.search(norm)) \
            and not _CARE_FOR_A_CHILD.search(norm):
        # the writer's own routine ("my neck aches from carrying my toddler", "c-section 3
        # weeks ago, shoulders aching from feeding the baby")
        return None
    where, child = found
    # A grown-up named before the child is the one massaged ("my wife had the baby", "my
    # uncle carries his toddler"), but not the writer saying who they are ("grandma here,
    # minding the baby").
    before = norm[:where].split()
    if any(word in _ADULT_FIRST and before[index + 1:index + 2] != ["here"]
           for index, word in enumerate(before)):
        return None
    return child


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _age_of(match) -> int:
    """Whole years of an age told in days, weeks or months ("30 month old" is 2)."""
    number = match.group("n") or match.group("n2") or match.group("n3")
    unit = match.group("unit") or match.group("unit2") or match.group("unit3")
    return _number(number) // 12 if unit.startswith("m") else 0  # (months; days and weeks are 0)


def _first_child_word(norm: str) -> tuple[int, Child] | None:
    """Where the text first names a child, and the child it names."""
    found: list[tuple[int, Child]] = []
    for match in _BABY_WORDS.finditer(norm):
        if not _NOT_THE_BABY.search(norm, max(0, match.start() - 30), match.end() + 12):
            found.append((match.start(), Child(0)))
            break
    match = _TODDLER_WORDS.search(norm)
    if match:
        found.append((match.start(), Child(2)))
    for match in _YEARS_OLD.finditer(norm):
        years = _number(match.group("n") or match.group("n2"))
        if years < CHILD_BELOW:
            found.append((match.start(), Child(years)))
            break
    match = _CHILD_WORDS.search(norm)
    if match:
        found.append((match.start(), Child(None)))
    return min(found, key=lambda item: item[0]) if found else None
