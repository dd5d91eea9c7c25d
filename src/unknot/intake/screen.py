"""Intake: free text (and optional answers) → the intake object of SPEC §4.

    screen("neck and shoulders tight from the desk, headache coming")
    → verdict ok, regions [neck, shoulders, head], goals [stiffness, headache_relief] …
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from unknot.safety.answers import Answers, Subject
from unknot.safety.child import Child, child_massaged
from unknot.safety.engine import Engine, Fired, Screening, Texts
from unknot.safety.facts import Facts, extract_facts
from unknot.safety.questions import Question, QuestionSet, check_answer_ids, default_questions
from unknot.text.lexicon import Lexicon
from unknot.text.negation import is_negated
from unknot.text.normal import NormalText
from unknot.text.patterns import iter_hits
from unknot.text.scope import subject_of
from unknot.trusted import trusted
from unknot.vocabulary import (
    CONDITIONS,
    MODALITIES,
    REGIONS,
    Goal,
    HealthCondition,
    Modality,
    Region,
    Verdict,
)

MAX_TEXT = 4000


class TextTooLong(ValueError):
    """The text is over MAX_TEXT: never cut silently, a red flag in the cut part would be missed."""

    def __init__(self, length: int):
        super().__init__(f"text is {length} characters; the limit is {MAX_TEXT} — shorten it "
                         "to what is bothering you now")


class RedFlag(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    verdict: Verdict
    message: str
    evidence: str
    source: str


class CautionOut(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    avoid: list[Region | Modality]
    message: str
    evidence: str
    source: str


class QuestionOut(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    ask: str
    why: str
    source: str
    answer: bool | None = Field(description="null until answered.")


class IntakeResult(BaseModel):
    """The intake contract of SPEC §4."""
    model_config = ConfigDict(defer_build=True)

    verdict: Verdict
    regions: list[Region] = Field(description="Most relevant first; may be empty.")
    goals: list[Goal]
    avoid: list[Region | Modality]
    red_flags: list[RedFlag]
    cautions: list[CautionOut]
    conditions: list[HealthCondition] = Field(
        default_factory=list, description="Health conditions found; the planner leaves out every "
                                          "technique that names one as a contraindication.")
    questions: list[QuestionOut] = Field(
        default_factory=list, description="The red-flag checklist for this complaint, most "
                                          "decisive first (SPEC §4).")
    complete: bool = Field(default=True, description="Every question is answered; no routine "
                                                     "starts while this is false.")
    subject: Subject = Field(default="self", description="Whose body the routine is for.")
    understood: bool = Field(default=True, description="False when the text names no area, goal "
                                                       "or finding: ask for the area instead.")
    message: str


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    from unknot.safety.engine import default_engine as prepared_engine

    return prepared_engine()


def _question_findings(questions: QuestionSet, answered: dict[str, bool]) -> list[Fired]:
    """A "yes" is a finding like a fired rule; its evidence names the question."""
    found = []
    for question_id, yes in answered.items():
        question = questions.by_id(question_id)
        if yes and question is not None:
            found.append(Fired(rule=question, evidence=f"yes to “{question.ask}”",
                               avoid=tuple(question.avoid)))
    return found


def _checklist(questions: QuestionSet, screening: Screening, regions: list[str],
               goals: list[str], facts: Facts, mind: bool, child: Child | None) -> list[Question]:
    if screening.verdict == "urgent":
        return []  # nothing may stand between the person and the call for help
    age = facts.age if child is None or child.age is None else child.age
    return questions.select(regions, goals, age, screening.conditions, mind=mind,
                            child=child is not None)


def _touches_the_mind(lexicon: Lexicon, text: NormalText) -> bool:
    """Any of the lexicon's `mind` words, denied or not ("not drinking much", "no voices"
    still make the questions worth asking)."""
    regex = lexicon.mind
    if regex is None or not lexicon.compiler.may_match(regex, text):
        return False
    return next(iter_hits(regex, text), None) is not None


def _mentions(lexicon: Lexicon, regexes: dict, text: NormalText,
              excluded_spans: list[tuple[int, int]], longer_first: bool = False) -> list[str]:
    """Names whose patterns are found, not denied, ordered by first mention. With
    `longer_first` (body regions), of two found at the same word the longer mention comes
    first: "between my shoulder blades" is the upper back before it is the shoulders."""
    first_seen: dict[str, tuple[int, int]] = {}
    held = lexicon.compiler.held(text)
    for name, regex in regexes.items():
        if not regex.could_match_in(held):
            continue  # its words are not in the text
        for hit in iter_hits(regex, text):
            if is_negated(text, hit):
                continue
            if any(low <= hit.first and hit.last <= high for low, high in excluded_spans):
                continue
            first_seen[name] = min(first_seen.get(name, (hit.first, 0)),
                                   (hit.first, hit.first - hit.last if longer_first else 0))
            break
    return sorted(first_seen, key=lambda name: first_seen[name])


def _site_spans(fired: list[Fired], text: NormalText) -> list[tuple[int, int]]:
    """Clauses naming local problems: a region named only there is not a complaint."""
    spans = []
    for item in fired:
        if item.site_tokens is not None:
            spans.append(item.site_tokens)
    return spans


def _order_avoid(avoid: set[str]) -> list[str]:
    return [r for r in REGIONS if r in avoid] + [m for m in MODALITIES if m in avoid]


# From about 20 weeks, lying flat on the back can press on the great veins.
_LATE_PREGNANCY_WEEKS = 20


def _conditions(screening: Screening, facts: Facts) -> list[str]:
    found = set(screening.conditions)
    if "pregnancy" in found and (facts.pregnancy_weeks is None
                                 or facts.pregnancy_weeks >= _LATE_PREGNANCY_WEEKS):
        # Weeks unknown: take the cautious reading (safety.md) and treat it as late.
        found.add("late_pregnancy")
    return [c for c in CONDITIONS if c in found]


def _message(screening: Screening, avoid: list[str], understood: bool = True,
             complete: bool = True) -> str:
    text = _verdict_message(screening, avoid, understood)
    if not complete and screening.verdict in ("ok", "caution"):
        text += " First, answer the quick safety check: no routine starts until it is done."
    return text


def _verdict_message(screening: Screening, avoid: list[str], understood: bool) -> str:
    if screening.verdict == "urgent":
        reasons = " ".join(dict.fromkeys(f.rule.message for f in screening.red_flags
                                         if f.rule.verdict == "urgent"))
        return ("Call your local emergency number now (999, 112 or 911). " + reasons +
                " Do not massage; get help first.")
    if screening.verdict == "see_doctor":
        reasons = " ".join(dict.fromkeys(f.rule.message for f in screening.red_flags))
        return ("Please see a doctor before any self-massage. " + reasons +
                " A routine could hide or worsen this, so none is offered today.")
    if screening.verdict == "caution":
        reasons = " ".join(dict.fromkeys(f.rule.message for f in screening.cautions))
        left_out = ", ".join(a.replace("_", " ") for a in avoid)
        return (f"You can go ahead gently. Left out: {left_out}. {reasons} "
                "Stop at once if anything hurts.")
    if not understood:
        return ("We could not tell which part of the body this is about. Name the area — "
                "for example neck, shoulders or lower back — or pick it on the body map.")
    return ("Nothing you describe needs a doctor first. Start light, go slowly, breathe, and "
            "stop if anything hurts. Self-massage complements medical care; it does not "
            "replace it.")


def screen(text: str | None, answers: Answers | None = None,
           lexicon: Lexicon | None = None, engine: Engine | None = None,
           regions: list[str] | None = None, goals: list[str] | None = None,
           questions: QuestionSet | None = None, rest_no: bool = False) -> IntakeResult:
    """Screen `text` and `answers` and return the intake object (SPEC §4).

    `rest_no` is "none of these apply": every question asked and not yet answered
    is answered no.
    `regions` and `goals`, when given (a body map, a plan request), choose the
    checklist instead of the ones read from the text.
    """
    engine = engine or default_engine()
    lexicon = lexicon or engine.lexicon
    questions = questions or default_questions()
    raw = text or ""
    if len(raw) > MAX_TEXT:
        raise TextTooLong(len(raw))
    answered = dict(answers.questions) if answers is not None else {}
    check_answer_ids(questions, answered)
    main = lexicon.read(raw)
    answer_texts = []
    if answers is not None:
        for label, values in (("conditions", answers.conditions),
                              ("medicines", answers.medicines),
                              ("injury", [answers.injury] if answers.injury else [])):
            for value in values:
                answer_texts.append(lexicon.read(f"{label}: {value}"))
    subject = (answers.subject if answers is not None and answers.subject
               else subject_of(main))
    facts = extract_facts(raw, answers, subject)
    complaint = _mentions(lexicon, lexicon.regions, main, [], longer_first=True)
    text_screening = engine.screen(Texts(main, tuple(answer_texts)), facts, set(complaint),
                                   subject=subject)
    sites = _site_spans(text_screening.fired, main)
    # (No site named: the same question as `complaint` asked, so the same answer.)
    found_regions = _mentions(lexicon, lexicon.regions, main, sites,
                              longer_first=True) if sites else list(complaint)
    found_goals = _mentions(lexicon, lexicon.goals, main, [])
    asked = _checklist(questions, text_screening, regions or found_regions,
                       goals or found_goals, facts, _touches_the_mind(lexicon, main),
                       child_massaged(main, facts.age, subject))
    if rest_no:
        answered.update({q.id: False for q in asked if q.id not in answered})
    screening = text_screening.with_findings(_question_findings(questions, answered))
    avoid = _order_avoid(screening.avoid)
    understood = bool(not raw.strip() or regions or goals or found_regions or found_goals
                      or screening.fired)
    complete = all(q.id in answered for q in asked)
    # Made from values the screen has checked already (each list fresh): validating them
    # again cost a tenth of a screen. The labelled-set tests compare the JSON byte for byte.
    return trusted(IntakeResult, {
        "verdict": screening.verdict,
        "regions": found_regions,
        "goals": found_goals,
        "avoid": avoid,
        "red_flags": [trusted(RedFlag, {"id": f.rule.id, "verdict": f.rule.verdict,
                                        "message": f.rule.message, "evidence": f.evidence,
                                        "source": f.rule.source})
                      for f in screening.red_flags],
        "cautions": [trusted(CautionOut, {"id": f.rule.id, "avoid": _order_avoid(set(f.avoid)),
                                          "message": f.rule.message, "evidence": f.evidence,
                                          "source": f.rule.source})
                     for f in screening.cautions],
        "conditions": _conditions(screening, facts),
        "questions": [trusted(QuestionOut, {"id": q.id, "ask": q.ask, "why": q.why,
                                            "source": q.source, "answer": answered.get(q.id)})
                      for q in asked],
        "complete": complete,
        "subject": subject,
        "understood": understood,
        "message": _message(screening, avoid, understood, complete),
    })
