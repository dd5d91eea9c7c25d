"""Turn chosen techniques into plan steps: scaled step times, spoken cues, sides.

What a step says does not depend on the request: each technique's lines for each
side, and where its cues fall in the run as written, are worked out once
(`_Written`); a plan then only scales the times and fills in the step.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

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
    # Per side, each written step's start (in seconds, as written) and its cues in
    # written order: each cue's own second within the step and what it says on that side.
    cues: dict[str | None, tuple[tuple[int, tuple[tuple[int, str], ...]], ...]]
    # The seconds a plan gives one run first (as written, within the duration's range),
    # and the cues at those seconds, made once: about half of all steps keep them.
    seconds: int
    first_cues: dict[str | None, tuple[PlanCue, ...]]


def _write_out(technique: Technique) -> _Written:
    sides: tuple[str | None, ...] = ("left", "right") if technique.sided else (None,)
    base = technique.base_seconds
    instructions, cues = {}, {}
    for side in sides:
        instructions[side] = tuple(for_side(step.instruction, side) for step in technique.steps)
        placed, elapsed = [], 0
        for step in technique.steps:
            placed.append((elapsed, tuple((cue.at, for_side(cue.say, side)) for cue in step.cues)))
            elapsed += step.seconds
        cues[side] = tuple(placed)
    seconds = min(max(base, technique.duration.min), technique.duration.max)
    first_cues = {side: tuple(_make_cues(base, cues[side], seconds, side)) for side in sides}
    return _Written(base=base, tools=tuple(sorted({"hands", *technique.tools})),
                    instructions=instructions, cues=cues, seconds=seconds,
                    first_cues=first_cues)


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
    return CUE_OVERHEAD_BYTES * len(cues) + sum(map(len, map(_say, cues)))


_say = attrgetter("say")


# Bounded by size: cue lists vary with the seconds, so a count alone let it reach ~60 MiB.
CUE_MEMO: SizedMemo[tuple[str, int, int, str | None], tuple[PlanCue, ...]] = \
    SizedMemo(CUE_MEMO_BYTES, _cue_bytes)


def _cues(technique: Technique, seconds: int, side: str | None) -> list[PlanCue]:
    """The technique's cues stretched to `seconds` (memoised: plans reuse the same few)."""
    written = _written(technique)
    if seconds == written.seconds:
        return list(written.first_cues[side])
    key = (technique.id, written.base, seconds, side)
    found = CUE_MEMO.get(key)
    if found is None:
        found = CUE_MEMO.put(key, tuple(_make_cues(written.base, written.cues[side], seconds, side)))
    return list(found)


_new = object.__new__
_set = object.__setattr__


def _cue(at: int, say: str) -> PlanCue:
    """`trusted(PlanCue, …)`, written out: a plan makes about a hundred of them."""
    made = _new(PlanCue)
    _set(made, "__dict__", {"at": at, "say": say})
    _set(made, "__pydantic_fields_set__", {"at", "say"})
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


def _scaled_cues(technique: Technique, seconds: int, side: str | None) -> list[PlanCue]:
    written = _written(technique)
    if seconds == written.seconds:
        return list(written.first_cues[side])
    return _make_cues(written.base, written.cues[side], seconds, side)


def _make_cues(base: int, steps: tuple[tuple[int, tuple[tuple[int, str], ...]], ...],
               seconds: int, side: str | None) -> list[PlanCue]:
    factor = seconds / base
    last = seconds - 1
    # (The same arithmetic as `reference_cues`, on the positions worked out at load.)
    out = []
    for start, cues in steps:
        begins = round(start * seconds / base)
        for at, say in cues:
            at = begins + round(at * factor)
            made = _new(PlanCue)  # (`_cue`, written out)
            _set(made, "__dict__", {"at": 0 if at < 0 else last if at > last else at, "say": say})
            _set(made, "__pydantic_fields_set__", {"at", "say"})
            _set(made, "__pydantic_extra__", None)
            _set(made, "__pydantic_private__", None)
            out.append(made)
    out.sort(key=_at)  # (stable: cues at the same second keep their written order)
    if side is not None:
        announce = f"{side.capitalize()} side."
        if out and out[0].at == 0:
            out[0] = _cue(0, f"{announce} {out[0].say}")
        else:
            out.insert(0, _cue(0, announce))
    return out


_at = attrgetter("at")


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
        seconds = choice.seconds
        if type(seconds) is not int or seconds < 1:
            steps.extend(reference_steps([choice]))  # (validation says what is wrong)
            continue
        written = _written(technique)
        usual = seconds == written.seconds
        for side in _BOTH_SIDES if technique.sided else _NO_SIDE:
            steps.append(trusted(PlanStep, {
                "technique": technique.id,
                "name": technique.name,
                "kind": technique.kind,
                "phase": choice.phase,
                "regions": list(technique.regions),
                "side": side,
                "seconds": seconds,
                "pressure": choice.pressure,
                "tools": list(written.tools),
                "position": choice.position,
                "instructions": list(written.instructions[side]),
                "cues": list(written.first_cues[side]) if usual else _cues(technique, seconds, side),
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
