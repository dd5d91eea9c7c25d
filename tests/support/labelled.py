"""Score the intake against a labelled set of sentences (tests/data/*.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from unknot.intake.screen import screen
from unknot.safety.answers import Answers
from unknot.text import prefilter
from unknot.vocabulary import HEAD_PARTS

DATA = Path(__file__).resolve().parent.parent / "data"
# Every set, scored and pending (a pending set that has joined `tests/data` under the same
# name — holdout47 keeps its full copy there — is listed once, from `tests/data`).
ALL_SETS = sorted([*DATA.glob("intake_*.yaml"),
                   *(path for path in (DATA / "pending").glob("intake_*.yaml")
                     if not (DATA / path.name).exists())])


@contextmanager
def prefilter_off() -> Iterator[None]:
    """Every rule evaluated on every text, as if no word were missing."""
    prefilter.ENABLED = False
    try:
        yield
    finally:
        prefilter.ENABLED = True
ESCALATED = {"see_doctor", "urgent"}


def flag_ids(result) -> set[str]:
    """The ids of the red flags a screen raised (the family tests check which rule spoke)."""
    return {flag.id for flag in result.red_flags}


def load_cases(name: str) -> list[dict]:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _regions_found(expected: list[str], found: list[str]) -> bool:
    """Every expected region was found; `head` and its parts stand for each other."""
    found_set = set(found)
    if found_set & set(HEAD_PARTS):
        found_set.add("head")
    if "head" in found_set:
        found_set.update(HEAD_PARTS)
    return set(expected) <= found_set


@dataclass
class Score:
    missed_red_flags: list[str] = field(default_factory=list)
    under_called: list[str] = field(default_factory=list)  # an emergency called see_doctor
    benign_escalated: list[str] = field(default_factory=list)
    caution_misses: list[str] = field(default_factory=list)
    region_misses: list[str] = field(default_factory=list)
    goal_misses: list[str] = field(default_factory=list)
    exact_verdicts: int = 0
    urgent: int = 0
    escalated: int = 0
    total: int = 0
    benign: int = 0
    region_cases: int = 0
    goal_cases: int = 0

    @property
    def benign_escalation_rate(self) -> float:
        return len(self.benign_escalated) / self.benign if self.benign else 0.0

    @property
    def region_accuracy(self) -> float:
        return 1 - len(self.region_misses) / self.region_cases if self.region_cases else 1.0

    @property
    def goal_accuracy(self) -> float:
        return 1 - len(self.goal_misses) / self.goal_cases if self.goal_cases else 1.0

    def summary(self) -> str:
        return (f"{self.total} cases: exact verdict {self.exact_verdicts}/{self.total}; "
                f"missed red flags {len(self.missed_red_flags)} of {self.escalated}; "
                f"emergencies under-called {len(self.under_called)} of {self.urgent}; benign escalated "
                f"{len(self.benign_escalated)}/{self.benign} ({self.benign_escalation_rate:.1%}); "
                f"regions {self.region_accuracy:.1%} of {self.region_cases}; goals "
                f"{self.goal_accuracy:.1%} of {self.goal_cases}; caution misses "
                f"{len(self.caution_misses)}")


def answered_truthfully(case: dict):
    """The case screened with its safety check answered as the person would: yes to the
    questions in `said_yes` (recorded by a reader who had not seen the rules), no to the rest."""
    given = dict(case.get("answers") or {})
    asked = screen(case["text"], Answers.model_validate(given) if given else None).questions
    said_yes = set(case.get("said_yes") or [])
    given["questions"] = {q.id: q.id in said_yes for q in asked}
    return screen(case["text"], Answers.model_validate(given))


def score(cases: list[dict], with_answers: bool = False) -> Score:
    """Score the screen on `cases`: text (and typed answers) alone, or `with_answers` —
    the safety check answered truthfully (cases that carry `said_yes`)."""
    result = Score()
    for case in cases:
        if with_answers:
            out = answered_truthfully(case)
        else:
            answers = Answers.model_validate(case["answers"]) if case.get("answers") else None
            out = screen(case["text"], answers)
        expected = case["verdict"]
        label = f"{case['text']!r}: expected {expected}, got {out.verdict}"
        result.total += 1
        result.escalated += expected in ESCALATED
        result.exact_verdicts += out.verdict == expected
        if expected in ESCALATED and out.verdict not in ESCALATED:
            result.missed_red_flags.append(label)
        if expected == "urgent":
            result.urgent += 1
            if out.verdict == "see_doctor":
                result.under_called.append(label)
        if expected == "ok":
            result.benign += 1
            if out.verdict in ESCALATED:
                flags = ", ".join(f"{f.id} ({f.evidence})" for f in out.red_flags)
                result.benign_escalated.append(f"{label} by {flags}")
        if expected == "caution":
            # A stricter verdict offers no routine at all, so nothing can break the avoid list.
            missing = set(case.get("avoid", [])) - set(out.avoid)
            if out.verdict == "ok" or (out.verdict == "caution" and missing):
                result.caution_misses.append(f"{label}; avoid {out.avoid}, missing {missing}")
        if expected in ("ok", "caution") and out.verdict in ("ok", "caution"):
            if case.get("regions"):
                result.region_cases += 1
                if not _regions_found(case["regions"], out.regions):
                    result.region_misses.append(f"{case['text']!r}: want {case['regions']}, "
                                                f"got {out.regions}")
            if case.get("goals"):
                result.goal_cases += 1
                if not set(case["goals"]) <= set(out.goals):
                    result.goal_misses.append(f"{case['text']!r}: want {case['goals']}, "
                                              f"got {out.goals}")
    return result
