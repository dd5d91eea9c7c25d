"""Intake: free text (and optional answers) → the intake object of SPEC §4.

    screen("neck and shoulders tight from the desk, headache coming")
    → verdict ok, regions [neck, shoulders, head], goals [stiffness, headache_relief] …
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, Field

from unknot.safety.answers import Answers
from unknot.safety.engine import Engine, Fired, Screening, Texts
from unknot.safety.facts import extract_facts
from unknot.safety.rules import default_rules
from unknot.text.lexicon import Lexicon, default_lexicon
from unknot.text.negation import is_negated
from unknot.text.normal import NormalText, normalise
from unknot.text.patterns import find_hits
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


class RedFlag(BaseModel):
    id: str
    verdict: Verdict
    message: str
    evidence: str
    source: str


class CautionOut(BaseModel):
    id: str
    avoid: list[Region | Modality]
    message: str
    evidence: str
    source: str


class IntakeResult(BaseModel):
    """The intake contract of SPEC §4."""

    verdict: Verdict
    regions: list[Region] = Field(description="Most relevant first; may be empty.")
    goals: list[Goal]
    avoid: list[Region | Modality]
    red_flags: list[RedFlag]
    cautions: list[CautionOut]
    conditions: list[HealthCondition] = Field(
        default_factory=list, description="Health conditions found; the planner leaves out every "
                                          "technique that names one as a contraindication.")
    message: str


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    return Engine(default_rules(), default_lexicon())


def _mentions(regexes: dict, text: NormalText,
              excluded_spans: list[tuple[int, int]]) -> list[str]:
    """Names whose patterns are found, not denied, ordered by first mention."""
    first_seen: dict[str, int] = {}
    for name, regex in regexes.items():
        for hit in find_hits(regex, text):
            if is_negated(text, hit):
                continue
            if any(low <= hit.first and hit.last <= high for low, high in excluded_spans):
                continue
            first_seen[name] = min(first_seen.get(name, hit.first), hit.first)
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


def _conditions(screening: Screening, facts) -> list[str]:
    found = set(screening.conditions)
    if "pregnancy" in found and (facts.pregnancy_weeks is None
                                 or facts.pregnancy_weeks >= _LATE_PREGNANCY_WEEKS):
        # Weeks unknown: take the cautious reading (safety.md) and treat it as late.
        found.add("late_pregnancy")
    return [c for c in CONDITIONS if c in found]


def _message(screening: Screening, avoid: list[str]) -> str:
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
    return ("Nothing you describe needs a doctor first. Start light, go slowly, breathe, and "
            "stop if anything hurts. Self-massage complements medical care; it does not "
            "replace it.")


def screen(text: str | None, answers: Answers | None = None,
           lexicon: Lexicon | None = None, engine: Engine | None = None) -> IntakeResult:
    """Screen `text` and `answers` and return the intake object (SPEC §4)."""
    engine = engine or default_engine()
    lexicon = lexicon or engine.lexicon
    raw = (text or "")[:MAX_TEXT]
    main = normalise(raw, lexicon.correct, lexicon.idioms)
    answer_texts = []
    if answers is not None:
        for label, values in (("conditions", answers.conditions),
                              ("medicines", answers.medicines),
                              ("injury", [answers.injury] if answers.injury else [])):
            for value in values:
                answer_texts.append(normalise(f"{label}: {value}", lexicon.correct,
                                              lexicon.idioms))
    facts = extract_facts(raw, answers)
    complaint = _mentions(lexicon.regions, main, [])
    screening = engine.screen(Texts(main, tuple(answer_texts)), facts, set(complaint))
    regions = _mentions(lexicon.regions, main, _site_spans(screening.fired, main))
    goals = _mentions(lexicon.goals, main, [])
    avoid = _order_avoid(screening.avoid)
    return IntakeResult(
        verdict=screening.verdict,
        regions=regions,
        goals=goals,
        avoid=avoid,
        red_flags=[RedFlag(id=f.rule.id, verdict=f.rule.verdict, message=f.rule.message,
                           evidence=f.evidence, source=f.rule.source)
                   for f in screening.red_flags],
        cautions=[CautionOut(id=f.rule.id, avoid=_order_avoid(set(f.avoid)),
                             message=f.rule.message, evidence=f.evidence, source=f.rule.source)
                  for f in screening.cautions],
        conditions=_conditions(screening, facts),
        message=_message(screening, avoid),
    )
