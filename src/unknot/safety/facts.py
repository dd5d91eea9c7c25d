"""Numbers a screen needs: age, pain score, weeks of pregnancy, how long it has lasted.

They come from the structured answers when given, otherwise from the text
("I'm 67", "pain is 8/10", "20 weeks pregnant", "for three weeks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from unknot.safety.answers import Answers
from unknot.safety.doses import paracetamol_a_day
from unknot.text.programs import Lazy

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "few": 3, "couple": 2, "several": 4,
}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_NUM = r"(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple|several)"

_AGE_PATTERNS = [
    Lazy(r"\b(?:i am|i'm|im|i’m)\s+(\d{1,3})\b(?!\s*(?:/|out of|weeks|days|months|kg|lb|cm|%))"),
    # ("5 years ago", "3 years back": a time, not an age)
    Lazy(r"\b(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?|y/?o)\b(?!\s*(?:ago|back|later|earlier|before)\b)"
         r"(?:[\s-]*old)?"),
    Lazy(r"\b(?:aged?|age is|age:?)\s+(\d{1,3})\b"),
    # "my daughter is 13", "son (19)", "dad is 71": the age of the person written about.
    Lazy(r"\b(?:son|daughter|boy|girl|child|kid|grandson|granddaughter|nephew|niece|dad|mum|mom|"
         r"father|mother|husband|wife|partner|grandma|grandad|grandpa|granny|nan|gran|he|she)"
         r"(?:\s+is|'s|\s*\()\s*(\d{1,3})\b(?!\s*(?:/|weeks|wks|days|months|kg|lb|cm|%|minutes|mins|hours))"),
    Lazy(r"\b(?:i am|i'm|im) (?:over|older than|past|above) (\d{2})\b"),
    Lazy(r"(?:^|[,.;] ?)(?:over|aged over) (\d{2})(?= and|,| years|\.|$)"),
    Lazy(r"^(\d{2}) ?(?:,|and|here|yo\b)"),
    # A message that opens with the age as a sentence of its own: "68. Temples sore to touch…"
    # (not a numbered list, which starts at 1; not "10.5 hours").
    Lazy(r"^(1[6-9]|[2-9]\d|10\d) ?\.(?!\d)"),
    # A note with the age as a sentence of its own: "…a few times this fortnight. 52. Thinks
    # it's piles." (a number alone between full stops; a score out of ten is under 16).
    Lazy(r"[.!?]\s+(1[6-9]|[2-9]\d|10\d)\s*\.(?!\d)(?!\s*(?:kg|kgs|lb|lbs|minutes|mins|reps|km|miles|%|seconds|secs))"),
    # The age as a clause of its own after a full stop: "…smells strong. 81, not confused".
    Lazy(r"[.!?]\s+(1[6-9]|[2-9]\d|10\d)\s*,\s*(?!(?:\d|kg|kgs|lb|lbs|minutes|mins|reps|km|miles|"
         r"%|seconds|secs|maybe|or|no|then)\b)"),
    # A terse message that ends with the age: "jaw hurts chewing, temples tender, 71".
    Lazy(r"[,.]\s*(1[6-9]|[2-9]\d)\s*[.!]?\s*$"),
    # "Big lad, 12, limping", "my girl, 7, has…": a child named, then the age between commas.
    Lazy(r"\b(?:lad|lass|son|daughter|boy|girl|kid|grandson|granddaughter|nephew|niece)\s*,\s*"
         r"(\d{1,2})\s*(?:,|\.(?!\d))"),
    # "teenager here (16)", "me (15)": the writer's age in brackets after a word for them.
    Lazy(r"\b(?:teenager|teen|here|me|myself)\s*\(\s*(\d{1,2})\s*\)"),
    # "new since I turned 71": at least that age.
    Lazy(r"\bturned (\d{2})\b(?!\s*(?:minutes|mins|degrees|percent|%))"),
    # A note's client known by an initial: "Client S, 72.", "pt JB, 81, lives alone".
    Lazy(r"\b(?:client|patient|pt|resident|service user|su)\s+[a-z]{1,3}\.?\s*,?\s*"
         r"(1[6-9]|[2-9]\d|10\d)\s*(?:,|\.(?!\d)|$)"),
    # A clinical note: "67F", "client 50M", "pt 74 f".
    Lazy(r"(?:^|\b(?:client|pt|patient|mrs|mr|ms|res|resident|su)\s*,?\s*)(\d{2})\s?[mf]\b"),
    # A carer's "Grandma (83)", "Mum is 68", "my dad, 74,": the age of the person massaged.
    Lazy(r"\b(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandmother|grandad|"
         r"grandpa|grandfather|husband|wife|partner|aunt|auntie|uncle|client|patient|resident|"
         r"service user|"
         r"(?:client|patient|friend) of (?:mine|ours))\b(?:'s)?\s*"
         r"(?:\(|,|is|who is|who's|aged|(?<='s))\s*(\d{2,3})\b"
         r"(?!\s*(?:weeks|days|months|kg|lb|%|/|out|th|st|nd|rd|minutes|mins|times|pounds|quid))"),
]
# A note's "Mrs A, 78, lives alone", "3pm Ray, 47, marathon training": a name (one or two
# words opening a clause) and the age between commas.
_NOTE_AGE = Lazy(r"(?:^|[.:;!?–-]\s*|\b(?:mrs|mr|ms|miss|dr)\.?\s+)(?:\d{1,2}(?:am|pm)\s+)?"
                 r"(?:[a-z]+\s+)?[a-z]+\s*,\s*(1[6-9]|[2-9]\d|10\d)\s*,")
# (read last: a decade or a date of birth says it better; "Sets: squats, 20," is no age)
# A date of birth, or the year: "DOB 12/03/1958", "born in 1949", "b. 1958".
_BORN = Lazy(r"\b(?:dob|d\.o\.b\.?|date of birth|born(?: on| in)?|b\.)\s*:?\s*"
             r"(?:\d{1,2}[/.-]\d{1,2}[/.-]|\d{1,2}(?:st|nd|rd|th)? \w+,? )?((?:19|20)\d\d)\b")
# "in my forties", "in her 80s", and a note opening with the decade: "80s, fell yesterday".
_AGE_DECADE = Lazy(r"(?:\bin (?:my|her|his|their) |^(?=\d0s\b))(twenties|thirties|forties|"
                   r"fifties|sixties|seventies|eighties|nineties|20s|30s|40s|50s|60s|70s|80s|90s)\b")
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}
# A terse score after the place: "neck 10. can't turn it", "back 8, since Monday" (not a shoe
# size: `_SIZE_BEFORE`).
_TERSE_SCORE = Lazy(r"\b(?:neck|back|head|headache|shoulders?|knees?|hips?|jaw|calf|calves|foot|feet|"
                    r"legs?|arms?|wrists?|elbows?|ankles?|pain)\s+(\d{1,2})\s*(?=[.!;]|,\s*(?:since|can|"
                    r"cant|can't|worse|all|every|really|so)\b|$)")
_PAIN_PATTERNS = [
    Lazy(r"\b(\d{1,2})\s*(?:/|out of|outta|of|on)\s*10\b"),
    # "pain 7-8 most days", "pain is a 6 or 7": a range counts at its top.
    Lazy(r"\bpain(?: level| score)?\s+(?:is|of|at|about|around)?\s*(?:a\s+)?\d{1,2}\s*"
         r"(?:-|–|to|or)\s*(\d{1,2})\b(?!\s*(?:days|weeks|months|years|hours))"),
    Lazy(r"\bpain(?: level| score)?\s+(?:is|of|at|about|around)?\s*(?:a\s+)?(\d{1,2})\b"
         r"(?!\s*(?:days|weeks|months|years|hours|-|–|to \d|or \d))"),
    _TERSE_SCORE,
    # A scale read off an app or a chart: "pain scale in the tracker says 9".
    Lazy(r"\bpain (?:scale|score|level|rating)\b[^.]{0,40}?\b(?:says|said|shows|showed|reads|"
         r"logged|gave it|puts it at|put it at) (?:a |an )?(\d{1,2})\b"
         r"(?!\s*(?:days|weeks|months|years|hours|mins|minutes|%|kg))"),
    # The scale asked back and answered: "0-10? an 8 most of the day".
    Lazy(r"\b0\s*(?:-|–|to)\s*10\s*[?:]\s*(?:it'?s |about |around |i'?d say )?(?:a |an )?(\d{1,2})\b"
         r"(?!\s*(?:days|weeks|months|years|hours|mins|minutes))"),
]
_SIZE_BEFORE = Lazy(r"\b(?:size|sizes|shoe|shoes|width|uk|eu|us|wide feet|narrow feet|wide fit)\b")
_PAIN_SAID = Lazy(r"\b(?:pain|ache|hurts)\b[^.]{0,40}?(?:\bis|\bhas been|\bwas|(?<=pain)['’]s|"
                  r"(?<=ache)['’]s|"
                  r"(?<=mine)['’]s|(?<=that)['’]s|"
                  r"\b(?:sits|sitting|stuck|stays|staying|hovering|hovers) (?:at|around)) "
                  r"(?:about |around |like )?(?:a |an )?"
                  r"(?:solid |good |strong |easy |definite |steady |constant |firm )?"
                  r"(\d{1,2}|eight|nine|ten)\b(?!\s*(?:minutes|mins|days|weeks|hours|years|k\b|km|miles))")
_MINE_IS = Lazy(r"\bmine(?:['’]s| is) (?:about |around |like |at )?(?:a |an )?(\d{1,2}|eight|nine|ten)\b"
                r"(?!\s*(?:minutes|mins|days|weeks|hours|years|k\b|km|miles|%))")
_PAIN_WORDS = Lazy(r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten)\s+out of\s+"
                   r"(?:ten|10)\b")
# "6 weeks by my dates": weeks counted from the last period — read only when no other
# figure is given, since "37 weeks by dates / 35+4 by scan" is 35 weeks to the midwife.
_WEEKS_BY_DATES = Lazy(r"\b(\d{1,2})\s*(?:weeks?|wks?) by (?:my |the )?dates\b")
_WEEKS_PREGNANT = Lazy(r"\b(\d{1,2})\s*(?:weeks?|wks?)\s*(?:pregnant|gone|along|into)"
                             # "I am pregnant 11 weeks": the order of several first languages.
                       r"|\b(?:i am|i'm|im|i’m) (?:pregnant |pregnant since |pregnant for )?"
                       r"(\d{1,2})\s*(?:weeks?|wks?)"
                       r"(?!\s*(?:ago|old|of|since|now|post|after|postpartum))\b"
                       r"|\b(\d{1,2})\s*(?:weeks?|wks?|w)\s*(?:with (?:(?:my|our|the) )?(?:first|second|"
                       r"third|fourth|1st|2nd|3rd|4th|baby|twins|\w+ baby|little one)"
                       r"|with (?:number|no\.?) (?:two|three|four|five|six|\d)|expecting)\b"
                             # "28/40", "28+3/40": the midwife's way of writing weeks of pregnancy.
                       r"|\b([1-4]\d)(?:\+[0-6])?/40\b"
                             # "36+2": weeks and days, as midwives write them; "twins, 20 weeks".
                       r"|(?<![\d+])\b(2\d|3\d|4[0-2])\+[0-6]\b(?!\s*(?:years|yrs|reps|kg|km|miles|mins|minutes|hours))"
                             # "12+3. Cramping…": early weeks and days, opening a message
                       r"|^\W*(1[0-9])\+[0-6]\b(?=\s*[.,:;-])"
                       r"|\btwins?,?\s+(\d{1,2})\s*(?:weeks?|wks?)\b"
                             # "Pregnant about 12 wks and…"
                       r"|^\W*pregnant,? (?:about|around|nearly|almost|roughly|just over|just under|maybe) "
                       r"(\d{1,2})\s*(?:weeks?|wks?)\b(?!\s*(?:ago|since))"
                             # "32 weeks and my left leg…", "33 weeks, hips ache": opening a message,
                             # weeks alone are how far along someone is, not how long it has hurt.
                       r"|^\W*(1[2-9]|[23]\d|4[0-2])\s*(?:weeks?|wks?|w)\s*(?:,|and\b|&|\+|now\b|-|–|—|:)"
                             # "31w. He's usually kicking…": a full stop only after late weeks
                       r"|^\W*(2[4-9]|3\d|4[0-2])\s*(?:weeks?|wks?|w)\s*\."
                             # "34wks HA + blurry": the abbreviation opening a message.
                       r"|^\W*(1[2-9]|[23]\d|4[0-2])\s*wks?\b(?!\s*(?:ago|of|off|later|back|since))"
                       r"(?!\s*(?:still|of|later|on|in|since|after)\b)")
# "My partner is 36 weeks", "she's 30 weeks": how far along the person massaged is, counted
# only when the routine is for someone else (a partner's pregnancy is not the writer's).
_THEIR_WEEKS = Lazy(r"\b(?:she is|she's|shes|she’s|(?:partner|wife|girlfriend|fiancee|missus|"
                    r"daughter|sister|client|patient)(?: is|'s|’s)) (\d{1,2})\s*(?:weeks?|wks?)"
                    r"(?!\s*(?:ago|old|of|since|now|post|after|postpartum))\b")
# More of the ways weeks of pregnancy are written, each read with a check below (`_gestation`):
# "I'm only 33 weeks", "cramps at 29 weeks", "Week 21 and…", "(28 wks)", "…, 31 wks",
# "7wks, scan showed a heartbeat", "7 months gone", and the words of other first languages
# ("tengo 8 semanas", "w 34 tygodniu", "embarazada de 6 meses").
_GESTATION = Lazy(
    r"\b(?:i am|i'm|im|i’m) (?:only|just|nearly|almost|now|about|around|already|currently) "
    r"(?P<said>\d{1,2})\s*(?:weeks?|wks?)\b"
    r"|\bat (?P<at>\d{1,2})\s*(?:weeks?|wks?)\b"
    r"|(?:^|[.!?]\s*)\W*(?:in\s+)?week (?P<week>\d{1,2})\b"
    r"|\((?P<bracket>\d{1,2})\s*(?:weeks?|wks?)\)"
    r"|(?:,|;|\s-|–|—)\s*(?P<aside>\d{1,2})\s*(?:weeks?|wks?|w)\s*(?=[,.;!?)]|$|\s-|–|—|\s+and\b|\s+now\b)"
    # "…gone by the morning. 31 weeks, BP was fine": weeks opening a sentence of their own
    r"|[.!?]\s+(?P<sentence>\d{1,2})\s*(?:weeks?|wks?|w)\b(?=\s*[,.;:!?)]|\s+and\b|\s+now\b|\s+with\b)"
    r"|^\W*(?:(?:hi|hey|hello|hiya|morning|evening|ok|so|right|update)\b\W*)?(?P<opening>\d{1,2})\s*(?:weeks?|wks?)\b"
    r"|\b(?P<months>[1-9])\s*months?\s*(?:pregnant|gone|along|in\b)"
    r"|\bat (?P<at_months>[5-9]) months\b"
    r"|\b(?:tengo|estoy de|estás de|está de|tiene) (?P<semanas>\d{1,2}) semanas\b"
    r"|\bembarazada de (?P<meses>[1-9]) meses\b"
    r"|\bw (?P<tydzien>\d{1,2})\.? tygodni"
)
# What after the weeks says they are not a pregnancy's: "at 6 weeks old", "2 weeks post-op".
_NOT_GESTATION_AFTER = Lazy(r"\s*(?:ago|old|of age|since|post|after|postpartum|postnatal|"
                            r"postop|check|later|earlier|back|before|in a row|straight|running|"
                            r"off|on|in|out|of|to go|away|till|until|sober|clean)\b")
# Whose weeks, when the words before are about someone or something else: "my baby, 7 weeks",
# "my sister is at 30 weeks", "knee op, 6 weeks".
_NOT_GESTATION_BEFORE = Lazy(r"\b(?:baby|babies|newborn|son|daughter|boy|girl|he|him|his|born|"
                             r"birth|delivery|section|op|operation|surgery|fracture|broke|"
                             r"broken|injury|list|course|programme|program|plan|rehab|physio|"
                             r"cast|boot|crutches|bebé|bebe|hijo|hija|nació|nacio)\b[^.!?]{0,20}$"
                             # "for 12 weeks", "every 6 weeks", "waited 20 weeks": how long.
                             r"|\b(?:for|over|every|each|about|past|last|since|took|takes|"
                             r"waited|waiting|wait|lasted)\W*$")
# (not the baby's "her" in a movement: "haven't felt her hiccups or rolling today, 37 weeks")
_THEIRS_BEFORE = Lazy(r"\b(?:she|her(?! (?:hiccups|kicks|kicking|moving|move|moves|movements|"
                      r"wriggl\w*|roll\w*))|wife|partner|girlfriend|fiancee|missus|sister|friend|"
                      r"daughter|client|patient|colleague|cousin)\b[^.!?]{0,40}$")
# Early weeks, or weeks set apart by commas, are a pregnancy's only when the text speaks of one.
_PREGNANCY_CONTEXT = Lazy(r"pregnan|scan\b|heartbeat|sickness|nause|midwife|bump|kick|trimester|"
                          r"placenta|miscarr|spotting|\bttc\b|\bivf\b|embryo|hcg|booking|"
                          r"antenatal|ante-natal|prenatal|pre-natal|\bdue\b|expecting|"
                          r"contraction|tightening|waters|fetal|foetal|semanas|tygod|"
                          r"embarazada|ciąż|buntis|\bsick\b|vomit|throwing up|\bdown\b")
_HIGH = 42  # weeks: no pregnancy is longer
# "Pregnant" in scripts the words are not read in (their letters are not tokens): Arabic and
# Urdu, Hindi, Russian and Ukrainian, Chinese and Japanese, Greek, Hebrew, Thai, Korean.
_PREGNANT_IN_OTHER_SCRIPTS = Lazy(r"حامل|حبلى|गर्भवती|गर्भ से|беремен|вагітн|怀孕|懷孕|妊娠|"
                                  r"έγκυος|בהריון|ตั้งครรภ์|임신")
_TRIMESTER = Lazy(r"\b(first|second|third|1st|2nd|3rd)\s+trimester")
_TRIMESTER_WEEKS = {"first": 8, "1st": 8, "second": 20, "2nd": 20, "third": 32, "3rd": 32}
_DURATION = Lazy(rf"\b(?:for|past|last|over|about|almost|nearly)\s+(?:the\s+)?(?:last\s+|past\s+)?"
                 rf"{_NUM}?\s*(?:of\s+)?(day|week|fortnight|month|year)s?\b")
# Clinicians' shorthand: "3/52" three weeks, "2/12" two months, "5/7" five days.
_CLINICAL_DURATION = Lazy(r"(?<![\d/])(\d{1,2})/(52|12|7)\b")
_CLINICAL_UNIT_DAYS = {"52": 7, "12": 30, "7": 1}
_SINCE_LAST_YEAR = Lazy(r"\bsince last year\b|\bfor years\b|\bfor ages\b")


# Most texts give no number at all: every pattern above that reads one is skipped then,
# without a search (the answer is the same; a search costs more than this test).
_DIGIT = Lazy(r"\d")
_PAIN_SAID_WORDS = Lazy(r"pain|ache|hurts")


@dataclass(frozen=True)
class Facts:
    age: int | None = None
    age_evidence: str | None = None
    pain: int | None = None
    pain_evidence: str | None = None
    pregnancy_weeks: int | None = None
    pregnant: bool | None = None
    postpartum: bool | None = None
    # What the person wrote that shows it, when it was read from their words ("at 29 weeks").
    pregnant_evidence: str | None = None
    postpartum_evidence: str | None = None
    # A blood pressure reading written in the text ("my monitor says 190/115").
    systolic: int | None = None
    diastolic: int | None = None
    blood_pressure_evidence: str | None = None
    duration_days: int | None = None
    duration_evidence: str | None = None
    # Pain scores told over time that keep going up: "week 1 3/10, week 2 4/10, week 3 6/10".
    pain_rising: bool | None = None
    pain_rising_evidence: str | None = None
    # Tablets of paracetamol-containing products taken in one day, added up or multiplied
    # ("5 co-codamol and 5 paracetamol today"; `doses.py`).
    paracetamol_a_day: int | None = None
    paracetamol_evidence: str | None = None


def _to_int(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


# An age said in words, as dictation writes it: "sixty eight and my temples…", "he's ninety one".
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
_SPOKEN_AGE = Lazy(r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                   r"(?:[ -](one|two|three|four|five|six|seven|eight|nine))?\b"
                   r"(?! (?:percent|per cent|minutes|mins|seconds|pounds|quid|kg|kilos|miles|km|"
                   r"degrees|times|hours|days|weeks|months|point|(?:years?|yrs?)(?! old)))")


def _in_digits(lower: str) -> str:
    return _SPOKEN_AGE.sub(lambda m: str(_TENS[m.group(1)] + _UNITS.get(m.group(2) or "", 0)), lower)


def _age_from_text(lower: str) -> tuple[int | None, str | None]:
    age = _age_in(lower)
    if age[0] is None and "ty" in lower:
        spoken = _in_digits(lower)
        if spoken != lower:
            age = _age_in(spoken)
    return age


def _age_in(lower: str) -> tuple[int | None, str | None]:
    for pattern in _AGE_PATTERNS if _DIGIT.search(lower) else ():  # each needs a number
        match = pattern.search(lower)
        if match:
            value = int(match.group(1))
            if 1 <= value <= 115:
                return value, match.group(0)
    match = _BORN.search(lower) if ("b" in lower or "d" in lower) and _DIGIT.search(lower) else None
    if match:
        value = date.today().year - int(match.group(1))
        if 1 <= value <= 115:
            return value, match.group(0)
    match = _AGE_DECADE.search(lower) if ("in " in lower or lower[:1].isdigit()) else None
    if match:
        word = match.group(1)
        value = int(word[:2]) if word[0].isdigit() else _DECADES[word]
        return value, match.group(0)
    match = _NOTE_AGE.search(lower) if "," in lower and _DIGIT.search(lower) else None
    if match:
        return int(match.group(1)), match.group(0)
    return None, None


_OTHER_SCALES = Lazy(r"stress|anxi|tired|tense|tension|energy|mood|sleep|happy|calm|relax|"
                     r"worried|busy|motivat|confiden|scored|score|exam|test|rated|rating|"
                     r"review|stars|marks|quiz")


_NOW_SCORE = Lazy(r"\b(?:down to|now|now at|now it is|now it's|now its|now it is at|now up to|"
                  r"today it's|today its|today it is) (?:about |around )?"
                  r"(?:a |an )?(\d{1,2})\b(?!\s*(?:minutes|mins|days|weeks|hours|am|pm))")


# Where a series of scores starts: "started at a 2", "began as a 3".
_FIRST_SCORE = Lazy(r"\b(?:started|began|start|starting) (?:at|as|off at|off as|out at|out as)? ?"
                    r"(?:about |around )?(?:a |an )?(\d{1,2})\b"
                    r"(?:/10)?(?!\s*(?:minutes|mins|days|weeks|months|years|hours|am|pm|o'?clock))")
# "his thigh was 4/10, now it's 7/10": a score that was, out of ten.
_WAS_SCORE = Lazy(r"\b(?:pain|score|it|ache|soreness|thigh|thighs|back|neck|shoulder|shoulders|knee|"
                  r"knees|hip|hips|calf|calves|leg|legs|arm|arms|foot|feet|head|wrist|elbow|ankle|jaw|"
                  r"shin|shins|hamstring|hamstrings|quad|quads|glute|glutes|groin|ribs|buttock) "
                  r"(?:was|were) (?:about |around )?(?:a |an )?(\d{1,2})"
                  # (a bare number when a time says it was then: "calves were 4 before the gun")
                  r"(?=/10|\s*out of (?:10|ten)|\s+(?:before|earlier|at first|this morning|"
                  r"yesterday|last night|last week|on monday|on sunday)\b)")
# "4 out of 10 at first, 7 now": a score then, and a score now.
_SCORE_THEN = Lazy(r"\b(\d{1,2})(?:/10| out of 10| out of ten)? (?:at first|to start with|to begin with|"
                   r"initially|at the start|at the beginning|originally)\b")
_SCORE_NOW = Lazy(r"\b(\d{1,2})(?:/10| out of 10| out of ten)? (?:now|today|these days|this week)\b")
# "neck was 4 before and 7 after": a session's rating.
_BEFORE_AFTER = Lazy(r"\b(\d{1,2})(?:/10| out of 10)? before(?: the session| it| massage| the massage)?"
                     r"(?: ,)? and (?:a |an )?(\d{1,2})(?:/10| out of 10)? after\b")
# A diary of bare scores: "pain score over the last 2 weeks: 3, 4, 4, 5, 6, 7".
_SCORE_LIST = Lazy(r"\b(?:pain|score|scores|rating|ratings|scored)\b[^.]{0,40}?"
                   r"((?:\d{1,2}\s*,\s*){3,}\d{1,2})\b")
# Scores told from today backwards: "Pain an 8 today, was a 6 yesterday, a 4 on Monday".
_DAYS_BACK = (r"(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the day before|"
              r"two days ago|2 days ago|three days ago|3 days ago|at the weekend|last week|on the weekend)")
_SCORES_BACKWARDS = Lazy(r"\b(?:an? )?(\d{1,2})(?:/10| out of 10)? (?:today|now|this morning|tonight)\b"
                         r"[^.]{0,20}?\b(?:an? )?(\d{1,2})(?:/10| out of 10)? (?:yesterday|last night)\b"
                         rf"(?:[^.]{{0,20}}?\b(?:an? )?(\d{{1,2}})(?:/10| out of 10)? {_DAYS_BACK})?")
# A rise counts from this many points: a score that drifts by one or two is how scores are.
_RISE = 3


def _words(text: str, lower: str, start: int, end: int) -> str:
    """The person's own words at a span of `lower` (the same span, unless lower-casing
    changed the text's length)."""
    return text[start:end] if len(text) == len(lower) else lower[start:end]


def _pain_rising(lower: str) -> tuple[int, int] | None:
    """Where the words are that show pain scores rising over time, else None: three or more scores
    out of ten, each at least the one before (in the order told, how a diary or a list runs),
    or a starting score and a higher one now ("started at a 2 a fortnight ago, now it's 6")."""
    if not _DIGIT.search(lower):
        return None
    scores = [(m.start(), m.end(), int(m.group(1))) for m in _PAIN_PATTERNS[0].finditer(lower)
              if int(m.group(1)) <= 10]
    if len(scores) >= 3 and all(a[2] <= b[2] for a, b in zip(scores, scores[1:], strict=False)) \
            and scores[-1][2] - scores[0][2] >= _RISE \
            and not _score_is_over(lower, scores[-1][0]):
        return scores[0][0], scores[-1][1]
    for first in (*_FIRST_SCORE.finditer(lower), *_SCORE_THEN.finditer(lower),
                  *_WAS_SCORE.finditer(lower)):
        for now in (*_NOW_SCORE.finditer(lower, first.end()), *_SCORE_NOW.finditer(lower, first.end())):
            if int(first.group(1)) + _RISE <= int(now.group(1)) <= 10 \
                    and not _score_is_over(lower, now.start()):
                return first.start(), now.end()
    for told in _BEFORE_AFTER.finditer(lower):
        if int(told.group(1)) + _RISE <= int(told.group(2)) <= 10:
            return told.start(), told.end()
    for told in _SCORES_BACKWARDS.finditer(lower):
        values = [int(v) for v in told.groups() if v is not None][::-1]
        if all(v <= 10 for v in values) and values[-1] - values[0] >= _RISE \
                and all(a <= b for a, b in zip(values, values[1:], strict=False)):
            return told.start(), told.end()
    for listed in _SCORE_LIST.finditer(lower):
        values = [int(v) for v in re.findall(r"\d{1,2}", listed.group(1))]
        if all(v <= 10 for v in values) and values[-1] - values[0] >= _RISE \
                and all(a <= b for a, b in zip(values, values[1:], strict=False)):
            return listed.start(1), listed.end(1)
    return None


# A blood pressure reading: "190/115", "165 over 100", counted only when the text speaks of
# blood pressure ("8/10" is a pain score, "28/40" weeks of pregnancy, "3/52" three weeks).
# ("175–185 over about 110": a range counts at its top)
_BP_READING = Lazy(r"(?<![\d/.])(?:\d{2,3}\s*(?:-|–|to)\s*)?(\d{2,3})\s*(?:/|\bover\b)\s*"
                   # (a full stop may end the sentence after it: "readings now 175/105.")
                   r"(?:about |around |roughly |like )?(\d{2,3})(?![\d/]|\.\d)"
                   r"(?!\s*(?:seconds|secs|minutes|mins|reps|metres|meters|m\b|km|miles|steps))")
_BP_CONTEXT = Lazy(r"blood pressure|\bbp\b|monitor|reading|mmhg|mm hg|\bpressure\b|sphyg|cuff|"
                   r"systolic|diastolic|hypertens|machine|pharmac|nurse|doctor|\bgp\b|midwife|"
                   r"appointment|check|clinic")


def _blood_pressure_from_text(lower: str) -> tuple[int | None, int | None, str | None]:
    """The latest reading in the text as (systolic, diastolic, the words), or Nones."""
    if "/" not in lower and " over " not in lower:
        return None, None, None
    if not _BP_CONTEXT.search(lower):
        return None, None, None
    found = None
    for match in _BP_READING.finditer(lower):
        systolic, diastolic = int(match.group(1)), int(match.group(2))
        if 70 <= systolic <= 300 and 30 <= diastolic <= 200 and systolic > diastolic:
            found = (systolic, diastolic, match.group(0))
    return found if found else (None, None, None)


_SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)|;")


def _score_is_over(lower: str, position: int) -> bool:
    """Whether the sentence of a pain score (and the clause after a semicolon that ends it)
    says the pain is over: long ago, or gone."""
    from unknot.text.scope import over_in_words

    start = max((m.end() for m in _SENTENCE_END.finditer(lower, 0, position)), default=0)
    ends = list(_SENTENCE_END.finditer(lower, position))
    end = ends[0].end() if ends else len(lower)
    if ends and ends[0].group().startswith(";"):
        # the clause after the semicolon: "…; it's totally gone now"
        end = ends[1].end() if len(ends) > 1 else len(lower)
    return over_in_words(lower[start:end]) in ("long_ago", "resolved")


def _pain_from_text(lower: str) -> tuple[int | None, str | None]:
    scores: list[tuple[int, int, str]] = []  # (position, value, evidence)
    for pattern in _PAIN_PATTERNS if _DIGIT.search(lower) else ():  # each needs a number
        for match in pattern.finditer(lower):
            if int(match.group(1)) > 10:
                continue
            if pattern is _TERSE_SCORE and _SIZE_BEFORE.search(lower, max(0, match.start() - 20),
                                                               match.start()):
                continue  # "size 10. foot 9.": a shoe size, not a score
            # "8 out of 10 stressed" rates stress, not pain.
            near = lower[max(0, match.start() - 15):match.end() + 15]
            wider = lower[max(0, match.start() - 60):match.end() + 30]
            if _OTHER_SCALES.search(near) and not re.search(r"pain|hurt|ache|sore", wider):
                continue
            scores.append((match.start(), int(match.group(1)), match.group(0)))
    # "my neck pain hit 9/10 for a week; it's totally gone now", "8/10 after the crash in
    # 2017… fine for years": a score of a pain that is over is not today's pain.
    scores = [score for score in scores if not _score_is_over(lower, score[0])]
    if scores:
        for match in _NOW_SCORE.finditer(lower):
            if match.start() > scores[0][0] and int(match.group(1)) <= 10:
                scores.append((match.start(), int(match.group(1)), match.group(0)))
        # "was a 9/10 last month, down to a 2 now": the latest score is the one that counts.
        _, value, evidence = max(scores)
        return value, evidence
    match = _PAIN_SAID.search(lower) if _PAIN_SAID_WORDS.search(lower) else None
    if match:
        value = _to_int(match.group(1))
        if value is not None and value <= 10:
            return value, match.group(0)
    match = _MINE_IS.search(lower) if "pain" in lower and "mine" in lower else None
    if match:
        # "what pain score is too high? mine's about a 9"
        value = _to_int(match.group(1))
        if value is not None and value <= 10:
            return value, match.group(0)
    match = _PAIN_WORDS.search(lower) if "out of" in lower else None
    if match:
        return _NUMBER_WORDS.get(match.group(1), 0), match.group(0)
    return None, None


# How long someone has been well, or at a job, is not how long a complaint has lasted:
# "fully healed for ten years", "pain-free for 15 years", "nursing for 20 years".
_WELL_FOR = Lazy(r"\b(?:healed|fine|well|clear|better|free|normal|settled|stable|remission|"
                 r"sober|clean|married|together|retired|lived|living|worked|working|nursing|"
                 r"teaching|(?:no|without) (?:problems?|issues?|trouble|pain|symptoms?|flare-?ups?))"
                 r"(?:\s+(?:now|since|fully|completely|totally|again|for|over|about|almost|nearly|the|"
                 r"last|past))*\s*$")


_SPAN_BEFORE = Lazy(r"\b(?:in|over|within|during|for|across) the $")


def _complaint_duration(matches, lower: str):
    """The first duration that is not how long someone has been well (`_WELL_FOR`), nor a
    point in time ("last year", "last week": when something was, not how long it lasted)."""
    for match in matches:
        before = lower[max(0, match.start() - 12):match.start()]
        if match.group(0).startswith("last") and not match.group(1) \
                and not _SPAN_BEFORE.search(before):
            continue
        if not _WELL_FOR.search(lower, max(0, match.start() - 40), match.start()):
            return match
    return None


def parse_duration_days(text: str) -> int | None:
    """Days in a phrase such as '3 weeks', 'for a month', 'two days'."""
    lower = text.lower()
    match = None
    if any(unit in lower for unit in _UNIT_DAYS):  # (both patterns need one)
        # "6 years ago" is a point in time, not how long something has lasted.
        match = _complaint_duration(_DURATION.finditer(lower), lower) or _complaint_duration(
            re.finditer(rf"\b{_NUM}\s*(day|week|fortnight|month|year)s?\b"
                        # "11 weeks pregnant", "6 weeks postpartum": how far along, not how long it hurt.
            r"(?!\s*(?:ago|back|before|old|later|earlier|pregnant|gone|along|postpartum|"
            r"post-partum|postnatal|post-natal|post-op|postop|post op|after (?:the birth|birth|"
            r"my|the op|surgery)))", lower), lower)
    clinical = _CLINICAL_DURATION.search(lower) if "/" in lower else None
    if clinical and not match:
        return int(clinical.group(1)) * _CLINICAL_UNIT_DAYS[clinical.group(2)]
    if match:
        count = _to_int(match.group(1)) if match.group(1) else 1
        return (count or 1) * _UNIT_DAYS[match.group(2)]
    if ("year" in lower or "ages" in lower) and _complaint_duration(
            _SINCE_LAST_YEAR.finditer(lower), lower):
        return 365
    return None


# Below these weeks, a form that could as well be a duration counts only with a pregnancy
# spoken of in the text; the other forms (months gone, "semanas", "tygodniu") say pregnancy.
_NEEDS_CONTEXT_BELOW = {"said": 20, "at": 20, "week": 20, "bracket": 12, "aside": 20,
                        "opening": 20}
# Weeks opening a later sentence ("…by the morning. 31 weeks, BP fine") are a pregnancy's only
# late on and when the sentence before is not about an operation, an injury or an illness.
_SENTENCE_WEEKS_FROM = 24
# ("since yesterday" is how long a sign has lasted, not an illness the weeks could count from;
# a baby named before late weeks is the one inside: "baby's been quiet since. 39 weeks.")
_NOT_GESTATION_SENTENCE_BEFORE = Lazy(r"\b(?:op|operation|surgery|fracture|injury|"
                                      # ("waters broke an hour ago" is this pregnancy's)
                                      r"(?<!waters )broke|(?<!waters )broken|"
                                      r"(?<!hour )(?<!hours )(?<!minutes )(?<!mins )ago|"
                                      r"physio|rehab|cast|boot|crutches|flare|diagnosed|"
                                      r"ibs|infection|born|birth)\b"
                                      r"|\bsince\b(?!\s*[.!?]|\s+(?:yesterday|last night|this morning|"
                                      r"this afternoon|today|tonight|lunch|breakfast)\b)")
# A birth or a loss told before weeks that are when it came ("Our baby came early. 34 weeks, so
# he was tiny."), unless the weeks are told as now ("I had a miscarriage last year. 30 weeks now").
_PAST_BIRTH_BEFORE = Lazy(r"\b(?:premature|prem|came early|arrived early|stillborn|stillbirth|"
                          r"nicu|scbu|lost (?:our|my|the|a|her) (?:baby|pregnancy|son|daughter|boy|"
                          r"girl|little one))\b")
# ("26 weeks now" after an operation is how long since it: "now" alone is no pregnancy)
_WEEKS_TOLD_AS_NOW = Lazy(r"\b(?:currently|this time|this one|pregnant|along|gone|with this baby|today|"
                          r"tonight|kicks?|kicking|movements?|moving|baby|bump|waters|contractions|"
                          r"tightenings?)\b")
_NOW = Lazy(r"\bnow\b")
_BABY_BEFORE = Lazy(r"\bbaby\b")
_BABY_CANNOT_BE_WEEKS_FROM = 28  # a baby that old is told in months
_THE_BUMP = Lazy(r"\b(?:the|my|her) bump\b")
_WEEKS_IN_A_MONTH = 4.35


def _something_else_before(lower: str, match: re.Match, value: int) -> bool:
    """Weeks opening a sentence, with the sentence before about something else they could
    count from: an operation, an injury, an illness, a baby already born or lost — unless the
    weeks are told as now ("I had a miscarriage two years ago. 31 weeks now.") or the bump is
    named ("…headbutted me in the bump 2 days ago. 26 wks.")."""
    rest = _rest_of_sentence(lower, match.end())
    if _WEEKS_TOLD_AS_NOW.search(rest):
        return False
    window = max(0, match.start() - 80)
    if _PAST_BIRTH_BEFORE.search(lower, window, match.start() + 1):
        # (after a birth told before, "33 weeks now" is this pregnancy: a baby born is no span
        # of weeks since; after an operation "26 weeks now" is how long since it)
        return not _NOW.search(rest)
    before = _NOT_GESTATION_SENTENCE_BEFORE.search(lower, window, match.start() + 1) or (
        value < _BABY_CANNOT_BE_WEEKS_FROM and _BABY_BEFORE.search(lower, window, match.start()))
    return bool(before) and not _THE_BUMP.search(lower, window, match.start())


def _rest_of_sentence(lower: str, start: int) -> str:
    """The text from `start` to the end of its sentence."""
    rest = lower[start:]
    ends = [at for at in (rest.find(mark) for mark in ".!?\n") if at >= 0]
    return rest[:min(ends)] if ends else rest


def _gestation(lower: str, subject: str) -> tuple[int, str] | None:
    """Weeks of pregnancy written in one of the `_GESTATION` ways, and the words, or None.
    Weeks that could as well be how long something lasted, or a baby's age, count only with
    a pregnancy spoken of in the text and nothing before them saying they are something else."""
    context = None
    for match in _GESTATION.finditer(lower):
        kind = match.lastgroup
        value = int(match.group(kind))
        weeks = round(value * _WEEKS_IN_A_MONTH) if kind in {"months", "at_months", "meses"} \
            else value
        if not 4 <= weeks <= _HIGH:
            continue
        if _NOT_GESTATION_AFTER.match(lower, match.end()):
            continue
        sentence_start = max(lower.rfind(mark, 0, match.start()) for mark in ".!?\n") + 1
        before = lower[max(sentence_start, match.start() - 40):match.start()]
        if kind in {"at", "aside", "bracket", "semanas", "at_months"} and _NOT_GESTATION_BEFORE.search(
                before[-24:]):
            continue
        if subject != "someone_else" and _THEIRS_BEFORE.search(before):
            continue  # "my sister is at 30 weeks": hers, and the routine is the writer's
        if kind == "sentence" and (value < _SENTENCE_WEEKS_FROM
                                   or _something_else_before(lower, match, value)):
            continue
        if value < _NEEDS_CONTEXT_BELOW.get(kind, 0):
            if context is None:
                context = bool(_PREGNANCY_CONTEXT.search(lower))
            if not context:
                continue
        return weeks, match.group(0)
    return None


def extract_facts(text: str, answers: Answers | None, subject: str = "self") -> Facts:
    """Facts from the answers first (the person said them outright), then from the text.
    `subject` is whose body the routine is for: someone else's weeks of pregnancy count
    only when it is theirs."""
    lower = text.lower()
    age, age_evidence = _age_from_text(lower)
    pain, pain_evidence = _pain_from_text(lower)
    systolic, diastolic, pressure_words = _blood_pressure_from_text(lower)
    weeks = weeks_evidence = None
    said_weeks_of_pregnancy = False  # "I'm 32 weeks": only pregnancy counts like that
    match = _WEEKS_PREGNANT.search(lower) if _DIGIT.search(lower) else None  # (needs a number)
    by_dates = _WEEKS_BY_DATES.search(lower) if match is None and "dates" in lower else None
    if match:
        weeks = int(next(group for group in match.groups() if group))
        said_weeks_of_pregnancy = match.group(1) is None
        weeks_evidence = text[match.start():match.end()].strip(" ,;.!?-–()")
    elif by_dates:
        weeks, said_weeks_of_pregnancy = int(by_dates.group(1)), True
        weeks_evidence = by_dates.group(0)
    elif subject == "someone_else" and (theirs := _THEIR_WEEKS.search(lower)):
        weeks, said_weeks_of_pregnancy = int(theirs.group(1)), True
        weeks_evidence = text[theirs.start():theirs.end()]
    elif (_DIGIT.search(lower) or "month" in lower) and (gestation := _gestation(lower, subject)):
        (weeks, span), said_weeks_of_pregnancy = gestation, True
        weeks_evidence = span.strip(" ,;.!?-–()")
    if weeks is None:
        trimester = _TRIMESTER.search(lower) if "trimester" in lower else None
        if trimester:
            # "second trimester, sharp tug in my groin": a trimester is only a pregnancy's —
            # the writer's, unless it is said of someone else ("my wife is in her third")
            weeks = _TRIMESTER_WEEKS[trimester.group(1)]
            theirs = _THEIRS_BEFORE.search(lower[max(0, trimester.start() - 40):trimester.start()])
            if subject == "someone_else" or not theirs:
                said_weeks_of_pregnancy, weeks_evidence = True, trimester.group(0)
    duration = parse_duration_days(lower)
    duration_evidence = text if duration else None
    rising = _pain_rising(lower)
    doses = paracetamol_a_day(lower)  # (counts in words too: "five co-codamol and five …")
    pregnant = postpartum = pregnant_evidence = None
    if answers is not None:
        if answers.age is not None:
            age, age_evidence = answers.age, f"age: {answers.age}"
        if answers.pain is not None:
            pain, pain_evidence = answers.pain, f"pain: {answers.pain}/10"
        if answers.pregnancy_weeks is not None:
            weeks = answers.pregnancy_weeks
        pregnant = answers.pregnant
        postpartum = answers.postpartum
        if answers.duration:
            parsed = parse_duration_days(answers.duration)
            if parsed is not None:
                duration, duration_evidence = parsed, f"duration: {answers.duration}"
    if said_weeks_of_pregnancy and pregnant is None:
        pregnant, pregnant_evidence = True, weeks_evidence
    elif pregnant is None and not text.isascii() and (
            other_script := _PREGNANT_IN_OTHER_SCRIPTS.search(text)):
        pregnant, pregnant_evidence = True, other_script.group(0)
    if answers is not None and answers.pregnancy_weeks is not None and pregnant is None:
        pregnant = True  # weeks typed in the answers mean yes; the text has its own rules
    return Facts(age=age, age_evidence=age_evidence, pain=pain, pain_evidence=pain_evidence,
                 pregnancy_weeks=weeks, pregnant=pregnant, postpartum=postpartum,
                 pregnant_evidence=pregnant_evidence, systolic=systolic, diastolic=diastolic,
                 blood_pressure_evidence=pressure_words,
                 duration_days=duration, duration_evidence=duration_evidence,
                 pain_rising=True if rising else None,
                 pain_rising_evidence=_words(text, lower, *rising) if rising else None,
                 paracetamol_a_day=doses[0] if doses else None,
                 paracetamol_evidence=doses[1] if doses else None)
