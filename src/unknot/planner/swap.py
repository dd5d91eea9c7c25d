"""Swapping one step of a plan for another technique, ready to drop in.

`alternatives()` says which techniques may take a step's place; this turns each
into the plan steps that replace it. A sided step swaps with its other side (the
left and right of one technique are one choice), so the steps replaced are the
pair, and a sided alternative comes back as a left and a right step sharing the
pair's time. The total time of the plan never changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from unknot.intake.screen import IntakeResult
from unknot.library.loader import Library, default_library
from unknot.library.schema import Technique
from unknot.planner.compose import _pressure, alternatives, make_context
from unknot.planner.model import Plan, PlanStep
from unknot.planner.render import Choice, render_steps
from unknot.planner.request import PlanRequest

# The dialog lists at most this many, best first (the count shown is the count listed).
MOST_OFFERED = 8


@dataclass(frozen=True)
class SwapOption:
    technique: Technique
    steps: list[PlanStep]


def pair_of(steps: list[PlanStep], index: int) -> tuple[int, int]:
    """The steps [start, end) that one swap replaces: a sided step and its other side."""
    step = steps[index]
    if step.side is not None:
        for other in (index - 1, index + 1):
            if 0 <= other < len(steps) and steps[other].technique == step.technique \
                    and steps[other].side not in (None, step.side):
                return min(index, other), max(index, other) + 1
    return index, index + 1


def _steps_for(technique: Technique, old: PlanStep, seconds: int, request: PlanRequest,
               intake: IntakeResult) -> list[PlanStep]:
    ctx = make_context(request, intake)
    position = old.position if old.position in technique.positions and old.position in ctx.positions \
        else next(p for p in ctx.positions if p in technique.positions)
    why = f"Your choice, in place of {old.name}."

    def render(per_side: int) -> list[PlanStep]:
        return render_steps([Choice(technique=technique, phase=old.phase, seconds=per_side,
                                    position=position, pressure=_pressure(technique, old.phase, ctx),
                                    why=why)])

    if not technique.sided:
        return render(seconds)
    left = max(1, seconds // 2)
    right = max(1, seconds - left)
    steps = render(left)
    if right != left:
        steps[1] = render(right)[1]
    return steps


def swap_options(plan: Plan, index: int, request: PlanRequest,
                 library: Library | None = None) -> tuple[tuple[int, int], list[SwapOption]]:
    """What step `index` (with its other side) may become, as ready steps, best first.

    Returns the range of steps replaced and at most MOST_OFFERED options.
    """
    library = library or default_library()
    start, end = pair_of(plan.steps, index)
    seconds = sum(s.seconds for s in plan.steps[start:end])
    old = plan.steps[index]
    options = [SwapOption(t, _steps_for(t, old, seconds, request, plan.intake))
               for t in alternatives(plan, index, request, library)[:MOST_OFFERED]]
    return (start, end), options
