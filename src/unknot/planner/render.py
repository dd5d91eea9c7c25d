"""Turn chosen techniques into plan steps: scaled step times, spoken cues, sides."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.library.schema import Technique
from unknot.memo import SizedMemo
from unknot.planner.model import PlanCue, PlanStep
from unknot.planner.sides import for_side


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


def _scaled_cues(technique: Technique, seconds: int, side: str | None) -> list[PlanCue]:
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


def render_steps(choices: list[Choice]) -> list[PlanStep]:
    """One plan step per choice and side (sided techniques run left, then right)."""
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
                cues=_cues(technique, choice.seconds, side),
                why=choice.why,
                stop_if=technique.stop_if,
            ))
    return steps
