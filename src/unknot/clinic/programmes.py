"""A programme's steps: chosen by a therapist, screened like any plan, played as a plan.

A step is `{"technique", "seconds", "side", "note"}`: seconds per side, side "both",
"left" or "right" for a sided technique (None otherwise), and the therapist's note.
The same screen that keeps the planner safe decides here, against the client's latest
intake: a technique that touches what the screening said to avoid, or that names one of
the client's conditions as a contraindication, cannot be added, and the reason says why.
No programme at all while the intake says see a doctor or get help, or while its safety
questions are unanswered.
"""

from __future__ import annotations

from typing import Any

from unknot.intake.screen import IntakeResult
from unknot.library.loader import Library
from unknot.library.schema import Technique, condition_words
from unknot.planner.model import Plan
from unknot.planner.render import Choice, render_steps
from unknot.vocabulary import PRESSURE_LEVEL, expand_regions

STEPS_MAX = 30
NOTE_MAX = 300
SECONDS_MIN, SECONDS_MAX = 10, 900
SIDES = ("both", "left", "right")
NO_ROUTINE = ("see_doctor", "urgent")
WORDS = {"deep_pressure": "deep or firm pressure", "percussion": "tapping and massage guns",
         "abdomen": "the belly", "upper_back": "the upper back", "middle_back": "the middle back",
         "lower_back": "the lower back", "glutes": "the buttocks"}


class ProgrammeError(ValueError):
    """A programme step or intake that cannot be used; the message says why."""


def _word(key: str) -> str:
    return WORDS.get(key, key.replace("_", " "))


def intake_refusal(intake: IntakeResult | None) -> str | None:
    """Why no programme can be made on this intake (None: it can)."""
    if intake is None:
        return "Record what the client told you first: the safety screen needs their intake."
    if intake.verdict in NO_ROUTINE:
        return ("The intake says no self-massage for now (" + intake.verdict.replace("_", " ")
                + "): " + intake.message)
    if not intake.complete:
        open_ = [q.ask for q in intake.questions if q.answer is None]
        return "Answer the safety questions first: " + " ".join(open_)
    return None


def refusal(technique: Technique, intake: IntakeResult) -> str | None:
    """Why `technique` may not be in this client's programme (None: it may)."""
    avoid = expand_regions(intake.avoid)
    touched = expand_regions(technique.regions) | set(technique.modalities)
    hit = sorted(touched & avoid)
    if hit:
        return (f"{technique.name} uses {', '.join(_word(h) for h in hit)}, which the client's "
                "safety screen says to avoid.")
    ruled_out = set(technique.contraindications) & set(intake.conditions)
    if ruled_out:
        return (f"{technique.name} is not for someone with "
                f"{' or '.join(condition_words(ruled_out))}, which the client's intake found.")
    return None


def check_step(raw: dict[str, Any], intake: IntakeResult, library: Library,
               where: str = "Step") -> dict[str, Any]:
    """One step, cleaned, or `ProgrammeError` naming what to fix."""
    technique_id = str(raw.get("technique") or "")
    technique = library.get(technique_id)
    if technique is None:
        raise ProgrammeError(f"{where}: there is no technique {technique_id[:100]!r} in the library.")
    why = refusal(technique, intake)
    if why is not None:
        raise ProgrammeError(f"{where}: {why}")
    seconds = raw.get("seconds")
    if not isinstance(seconds, int) or isinstance(seconds, bool) \
            or not SECONDS_MIN <= seconds <= SECONDS_MAX:
        raise ProgrammeError(f"{where}: seconds must be a whole number from {SECONDS_MIN} "
                             f"to {SECONDS_MAX}.")
    side = raw.get("side") or None
    if technique.sided:
        side = side or "both"
        if side not in SIDES:
            raise ProgrammeError(f"{where}: side must be one of {', '.join(SIDES)}.")
    elif side is not None:
        raise ProgrammeError(f"{where}: {technique.name} is not done one side at a time.")
    note = " ".join(str(raw.get("note") or "").split())
    if len(note) > NOTE_MAX:
        raise ProgrammeError(f"{where}: the note is longer than {NOTE_MAX} characters.")
    return {"technique": technique.id, "seconds": seconds, "side": side, "note": note}


def check_steps(steps: list[dict[str, Any]], intake: IntakeResult,
                library: Library) -> list[dict[str, Any]]:
    """Every step checked (see `check_step`); at most `STEPS_MAX`."""
    if len(steps) > STEPS_MAX:
        raise ProgrammeError(f"A programme has at most {STEPS_MAX} steps.")
    return [check_step(step, intake, library, f"Step {n}") for n, step in enumerate(steps, 1)]


def default_seconds(technique: Technique) -> int:
    """A sensible starting length: the technique as written, within the allowed range."""
    return max(SECONDS_MIN, min(SECONDS_MAX, technique.base_seconds))


def _pressure(technique: Technique, intake: IntakeResult) -> str:
    allowed = sorted(technique.pressures, key=PRESSURE_LEVEL.__getitem__)
    if "deep_pressure" in intake.avoid:
        return allowed[0]
    return "moderate" if "moderate" in allowed else allowed[0]


def as_plan(steps: list[dict[str, Any]], intake: IntakeResult, library: Library) -> Plan:
    """The programme as a plan (SPEC §4) the player runs, screened again on the way."""
    intake_problem = intake_refusal(intake)
    if intake_problem is not None:
        raise ProgrammeError(intake_problem)
    rendered = []
    for step in check_steps(steps, intake, library):
        technique = library.get(step["technique"])
        assert technique is not None  # check_steps found it
        note = step["note"]
        choice = Choice(technique=technique, phase="work", seconds=step["seconds"],
                        position=technique.positions[0], pressure=_pressure(technique, intake),
                        why=f"From your therapist: {note}" if note else "From your therapist.")
        for planned in render_steps([choice]):
            if step["side"] in ("left", "right") and planned.side != step["side"]:
                continue
            if note:
                planned.instructions.insert(0, f"From your therapist: {note}")
            rendered.append(planned)
    if not rendered:
        raise ProgrammeError("The programme has no steps yet.")
    return Plan(intake=intake, total_seconds=sum(s.seconds for s in rendered), steps=rendered)


def from_plan(plan: Plan) -> list[dict[str, Any]]:
    """A generated plan's steps as programme steps (a sided pair becomes one step)."""
    out: list[dict[str, Any]] = []
    for step in plan.steps:
        if step.side == "right" and out and out[-1]["technique"] == step.technique:
            continue
        out.append({"technique": step.technique, "seconds": step.seconds,
                    "side": "both" if step.side else None, "note": ""})
    return out
