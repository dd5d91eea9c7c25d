"""What to say, and when, for a plan (pure).

Each step gets: its name (and side) at its start, the plan's own cues at their
`at` second, "halfway" and "ten seconds left" for longer steps, and near its end
what comes next. The generated cues give way to the plan's: a "halfway" that
would land on top of a written cue is dropped, since the written one is the
instruction the person needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

# The planner owns how a step names its side ("the first shoulder" → "the left shoulder"):
# the terminal says exactly what the plan JSON and the web pages say.
from unknot.planner.sides import for_side

__all__ = ["Cue", "for_side", "position_move", "schedule", "step_cues", "step_title"]

CueKind = Literal["start", "plan", "halfway", "ten_left", "next"]

# Steps shorter than this get no "halfway" / "ten seconds left": with two or
# three written cues already, more talk would crowd them.
LONG_STEP_SECONDS = 30
# A generated cue this close to a written cue is dropped (plan seconds).
CLEARANCE_SECONDS = 3.0
# "Next up" is said this long before the step ends.
NEXT_UP_LEAD_SECONDS = 5.0


@dataclass(frozen=True)
class Cue:
    """One thing to say: `at` seconds into step `step`."""

    step: int
    at: float
    say: str
    kind: CueKind


def step_title(step: dict[str, Any]) -> str:
    """The step's name with its side, as shown and spoken: "Neck glide, left side"."""
    name = str(step.get("name") or step.get("technique") or "Next step")
    side = step.get("side")
    return f"{name}, {side} side" if side else name


def position_move(step: dict[str, Any], upcoming: dict[str, Any]) -> str | None:
    """What to do to get from one step's position to the next ("lie down"), None if no change.

    Said with "next" so a person with eyes closed knows to move before the step starts.
    """
    here, there = step.get("position"), upcoming.get("position")
    if not here or not there or here == there:
        return None
    if there == "seated":
        return "sit up" if here in ("lying", "kneeling") else "sit down"
    return {"lying": "lie down", "kneeling": "kneel", "standing": "stand up"}.get(str(there))


def _near_written(at: float, written: list[float]) -> bool:
    return any(abs(at - w) < CLEARANCE_SECONDS for w in written)


def step_cues(plan: dict[str, Any], index: int) -> list[Cue]:
    """The cues of step `index`, in the order they are said."""
    steps = plan["steps"]
    step = steps[index]
    seconds = float(step["seconds"])
    cues: list[tuple[float, int, Cue]] = [
        (0.0, 0, Cue(index, 0.0, step_title(step) + ".", "start")),
    ]
    written: list[float] = []
    for order, cue in enumerate(step.get("cues") or []):
        text = str(cue.get("say") or "").strip()
        if not text:
            continue
        # A cue written past the step's end is said just before it ends, not lost.
        at = min(max(0.0, float(cue.get("at", 0))), max(0.0, seconds - 1.0))
        written.append(at)
        cues.append((at, 1 + order, Cue(index, at, text, "plan")))
    if seconds >= LONG_STEP_SECONDS:
        half = seconds / 2
        if not _near_written(half, written):
            cues.append((half, 1000, Cue(index, half, "Halfway.", "halfway")))
        ten = seconds - 10
        if not _near_written(ten, written):
            cues.append((ten, 1001, Cue(index, ten, "Ten seconds left.", "ten_left")))
    if index + 1 < len(steps):
        at = max(seconds - NEXT_UP_LEAD_SECONDS, seconds / 2)
        title = step_title(steps[index + 1])
        move = position_move(step, steps[index + 1])
        say = f"Next, {move}: {title}." if move else f"Next: {title}."
        cues.append((at, 1002, Cue(index, at, say, "next")))
    cues.sort(key=lambda item: (item[0], item[1]))
    return [cue for _, _, cue in cues]


def schedule(plan: dict[str, Any]) -> list[list[Cue]]:
    """Every step's cues, one list per step of the plan."""
    return [step_cues(plan, i) for i in range(len(plan["steps"]))]
