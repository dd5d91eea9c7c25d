"""Turn chosen techniques into plan steps: scaled step times, spoken cues, sides.

What a step says does not depend on the request: each technique's lines for each
side, and where its cues fall in the run as written, are worked out once
(`_Written`); a plan then only scales the times and fills in the step.
"""

from __future__ import annotations

from dataclasses import dataclass

from unknot.library.schema import Technique
from unknot.memo import SizedMemo
from unknot.planner.model import PlanCue, PlanStep
from unknot.planner.sides import for_side
from unknot.trusted import trusted


@dataclass
class Choice:
    technique: Technique
    phase: str
    seconds: int  # per side
    position: str
    pressure: str
    why: str

    @property
    def sides(self) -> int:
        return 2 if self.technique.sided else 1

    @property
    def total(self) -> int:
        return self.seconds * self.sides


def _scaled_starts(technique: Technique, seconds: int) -> list[int]:
    """Where each written step starts once the technique is stretched to `seconds`."""
    base = technique.base_seconds
    starts, elapsed = [], 0
    for step in technique.steps:
        starts.append(round(elapsed * seconds / base))
        elapsed += step.seconds
    return starts


@dataclass(frozen=True, slots=True)
class _Written:
    """A technique's words as written, per side (None, "left", "right"), worked out once."""

    base: int  # seconds of one run as written
    tools: tuple[str, ...]  # sorted, hands included
    instructions: dict[str | None, tuple[str, ...]]
    # Per side, each cue in written order: the second its step starts as written, its
    # own second within the step, and what it says on that side.
    cues: dict[str | None, tuple[tuple[int, int, str], ...]]


def _write_out(technique: Technique) -> _Written:
    sides: tuple[str | None, ...] = ("left", "right") if technique.sided else (None,)
    instructions, cues = {}, {}
    for side in sides:
        instructions[side] = tuple(for_side(step.instruction, side) for step in technique.steps)
        placed, elapsed = [], 0
        for step in technique.steps:
            placed.extend((elapsed, cue.at, for_side(cue.say, side)) for cue in step.cues)
            elapsed += step.seconds
        cues[side] = tuple(placed)
    return _Written(base=technique.base_seconds, tools=tuple(sorted({"hands", *technique.tools})),
                    instructions=instructions, cues=cues)


# Keyed by the technique object (a library's techniques live as long as the library):
# a test's or a bench's own library gets its own entries. Cleared, not grown, past the bound.
_WRITTEN: dict[int, tuple[Technique, _Written]] = {}
_WRITTEN_MAX = 50_000


def _written(technique: Technique) -> _Written:
    found = _WRITTEN.get(id(technique))
    if found is None or found[0] is not technique:
        if len(_WRITTEN) >= _WRITTEN_MAX:
            _WRITTEN.clear()
        found = _WRITTEN[id(technique)] = technique, _write_out(technique)
    return found[1]


# Bytes a PlanCue costs beside its text (the object, its dict, the number): 519 measured
# with tracemalloc.
CUE_OVERHEAD_BYTES = 520
CUE_MEMO_BYTES = 4 * 1024 * 1024


def _cue_bytes(cues: tuple[PlanCue, ...]) -> int:
    return sum(CUE_OVERHEAD_BYTES + len(cue.say) for cue in cues)


# Bounded by size: cue lists vary with the seconds, so a count alone let it reach ~60 MiB.
CUE_MEMO: SizedMemo[tuple[str, int, int, str | None], tuple[PlanCue, ...]] = \
    SizedMemo(CUE_MEMO_BYTES, _cue_bytes)


def _cues(technique: Technique, seconds: int, side: str | None) -> list[PlanCue]:
    """The technique's cues stretched to `seconds` (memoised: plans reuse the same few)."""
    key = (technique.id, technique.base_seconds, seconds, side)
    return list(CUE_MEMO.get_or_make(key, lambda: tuple(_scaled_cues(technique, seconds, side))))


def _cue(at: int, say: str) -> PlanCue:
    return trusted(PlanCue, {"at": at, "say": say})


def _scaled_cues(technique: Technique, seconds: int, side: str | None) -> list[PlanCue]:
    written = _written(technique)
    base = written.base
    factor = seconds / base
    last = seconds - 1
    # (The same arithmetic as `reference_cues`, on the positions worked out at load.)
    timed = [(max(0, min(last, round(start * seconds / base) + round(at * factor))), say)
             for start, at, say in written.cues[side]]
    timed.sort(key=_at)
    cues = [_cue(at, say) for at, say in timed]
    if side is not None:
        announce = f"{side.capitalize()} side."
        if cues and cues[0].at == 0:
            cues[0] = _cue(0, f"{announce} {cues[0].say}")
        else:
            cues.insert(0, _cue(0, announce))
    return cues


def _at(timed: tuple[int, str]) -> int:
    return timed[0]


def reference_cues(technique: Technique, seconds: int, side: str | None) -> list[PlanCue]:
    """The cues worked out step by step from the technique as written, validated: the
    plain form `_scaled_cues` must always agree with (tests/test_planner_reference.py)."""
    factor = seconds / technique.base_seconds
    cues: list[PlanCue] = []
    for start, step in zip(_scaled_starts(technique, seconds), technique.steps, strict=True):
        for cue in step.cues:
            at = min(seconds - 1, start + round(cue.at * factor))
            cues.append(PlanCue(at=max(0, at), say=for_side(cue.say, side)))
    cues.sort(key=lambda c: c.at)
    if side is not None:
        announce = f"{side.capitalize()} side."
        if cues and cues[0].at == 0:
            cues[0] = PlanCue(at=0, say=f"{announce} {cues[0].say}")
        else:
            cues.insert(0, PlanCue(at=0, say=announce))
    return cues


_NO_SIDE: tuple[str | None, ...] = (None,)
_BOTH_SIDES: tuple[str | None, ...] = ("left", "right")


def render_steps(choices: list[Choice]) -> list[PlanStep]:
    """One plan step per choice and side (sided techniques run left, then right)."""
    steps = []
    for choice in choices:
        technique = choice.technique
        if type(choice.seconds) is not int or choice.seconds < 1:
            steps.extend(reference_steps([choice]))  # (validation says what is wrong)
            continue
        written = _written(technique)
        for side in _BOTH_SIDES if technique.sided else _NO_SIDE:
            steps.append(trusted(PlanStep, {
                "technique": technique.id,
                "name": technique.name,
                "kind": technique.kind,
                "phase": choice.phase,
                "regions": list(technique.regions),
                "side": side,
                "seconds": choice.seconds,
                "pressure": choice.pressure,
                "tools": list(written.tools),
                "position": choice.position,
                "instructions": list(written.instructions[side]),
                "cues": _cues(technique, choice.seconds, side),
                "why": choice.why,
                "stop_if": technique.stop_if,
            }))
    return steps


def reference_steps(choices: list[Choice]) -> list[PlanStep]:
    """`render_steps` the plain way, every step validated: what it must always agree with."""
    steps = []
    for choice in choices:
        technique = choice.technique
        sides: list[str | None] = ["left", "right"] if technique.sided else [None]
        for side in sides:
            steps.append(PlanStep(
                technique=technique.id,
                name=technique.name,
                kind=technique.kind,
                phase=choice.phase,
                regions=list(technique.regions),
                side=side,
                seconds=choice.seconds,
                pressure=choice.pressure,
                tools=sorted({"hands", *technique.tools}),
                position=choice.position,
                instructions=[for_side(step.instruction, side) for step in technique.steps],
                cues=reference_cues(technique, choice.seconds, side),
                why=choice.why,
                stop_if=technique.stop_if,
            ))
    return steps
