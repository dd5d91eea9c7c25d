"""What planning asks of each technique, worked out once per library, not once per plan.

`Traits` holds one technique's answers (its regions with `head` expanded, its phases,
the words its reasons use); `LibraryIndex` holds, for each value a request can ask
about (an area, a tool, a position, a condition), the set of techniques that have it,
as the bits of one integer (bit i is the library's i-th technique). Which techniques
fit a request is then a few integer operations instead of a walk over every
technique, and the techniques come out in the library's order, as before.

The library is fixed data: the index lives as long as the library object does.
"""

from __future__ import annotations

from dataclasses import dataclass

from unknot.library.loader import Library
from unknot.library.schema import Technique
from unknot.planner.model import DEVICE_TOOLS, PHASES
from unknot.planner.words import STROKING, _names, _what_it_does, touch
from unknot.vocabulary import PRESSURE_LEVEL, expand_regions

_PHASE_ROLES = {
    "settle": ("settle",), "gentle": ("gentle",), "work": ("work",),
    "connected": ("work", "gentle"), "stretch": ("stretch",), "close": ("close",),
}
_PHASE_ROLE_SETS = {phase: frozenset(roles) for phase, roles in _PHASE_ROLES.items()}
CALM_GOALS = frozenset({"sleep", "stress_relief", "relaxation"})


@dataclass(frozen=True, slots=True)
class Traits:
    """What planning asks of a technique over and over, worked out once per library."""

    regions: frozenset[str]  # with `head` expanded
    modalities: frozenset[str]
    needed_tools: frozenset[str]
    positions: frozenset[str]
    goals: frozenset[str]
    phases: frozenset[str]  # the phases whose pool it belongs to
    lightest: int  # its lightest pressure
    device: bool  # needs a powered tool (massage gun, handheld massager)
    base_seconds: int  # one run as written (per side when sided)
    belly_massage: bool  # a massage that works on the abdomen
    named_for_bed: bool  # "bed" in its name
    named_in_bed: bool  # "in bed" in its name
    # Asked while choosing and ordering the steps:
    sides: int = 1  # 2 when sided (left, then right)
    seconds: int = 0  # one run as chosen first: as written, within its duration's range
    shortest: int = 0  # the shortest run its duration allows
    warm_up: bool = False  # only for before the hands-on work (`is_warm_up`)
    light: bool = False  # can be done with light pressure
    hands_on: bool = False  # a massage or a stretch (not breathing or stillness)
    breath: bool = False  # breathing or meditation
    rousing: bool = False  # meant to wake the body up (`rousing`)
    pressures: tuple[str, ...] = ()  # its pressures, lightest first
    # The words of its reasons that do not depend on the request:
    names: str = ""  # its regions, said as a list
    touch: str = ""  # its device or first stroke (`touch`)
    does: str = ""  # what its first stroke does (`_what_it_does`)
    stroking: bool = False  # its first stroke glides over the skin
    tools_line: str = ""  # " Uses the … you have at hand." when it needs a tool


def is_warm_up(technique: Technique) -> bool:
    """A move only for before the hands-on work (its one role is `gentle`)."""
    return set(technique.roles) == {"gentle"}


def rousing(technique: Technique) -> bool:
    """A move meant to wake the body up (arm-lift breath, tapping): for energy only."""
    return "energy" in technique.goals and not CALM_GOALS & set(technique.goals)


def make_traits(technique: Technique) -> Traits:
    roles = set(technique.roles)
    # A warm-up belongs before the work: never chosen to support or end it.
    wanted_by = {"gentle"} if is_warm_up(technique) else set(_PHASE_ROLE_SETS)
    needed = technique.needed_tools
    base = technique.base_seconds
    duration = technique.duration
    return Traits(
        regions=frozenset(expand_regions(technique.regions)),
        modalities=frozenset(technique.modalities),
        needed_tools=needed,
        positions=frozenset(technique.positions),
        goals=frozenset(technique.goals),
        phases=frozenset(phase for phase, wanted in _PHASE_ROLE_SETS.items()
                         if roles & wanted and phase in wanted_by
                         and (phase != "stretch" or technique.kind == "stretch")),
        lightest=min(PRESSURE_LEVEL[p] for p in technique.pressures),
        device=bool(needed & DEVICE_TOOLS),
        base_seconds=base,
        belly_massage="abdomen" in expand_regions(technique.regions) and technique.kind == "massage",
        named_for_bed="bed" in technique.name.lower(),
        named_in_bed="in bed" in technique.name.lower(),
        sides=2 if technique.sided else 1,
        seconds=min(max(base, duration.min), duration.max),
        shortest=duration.min,
        warm_up=is_warm_up(technique),
        light="light" in technique.pressures,
        hands_on=technique.kind in ("massage", "stretch"),
        breath=technique.kind in ("breathing", "meditation"),
        rousing=rousing(technique),
        pressures=tuple(sorted(technique.pressures, key=PRESSURE_LEVEL.__getitem__)),
        names=_names(technique.regions),
        touch=touch(technique),
        does=_what_it_does(technique),
        stroking=technique.strokes[0] in STROKING,
        tools_line=f" Uses the {_names(sorted(needed))} you have at hand." if needed else "",
    )


def _bits(techniques: tuple[Technique, ...], has) -> dict[str, int]:
    """value → the techniques that have it (`has(technique)` lists a technique's values)."""
    out: dict[str, int] = {}
    for i, technique in enumerate(techniques):
        for value in has(technique):
            out[value] = out.get(value, 0) | 1 << i
    return out


@dataclass(frozen=True, slots=True)
class LibraryIndex:
    """The library's techniques by what a request asks of them, as sets of bits."""

    techniques: tuple[Technique, ...]
    traits: dict[str, Traits]
    every: int  # all the techniques
    touching: dict[str, int]  # an area (`head` expanded) or a modality → techniques on it
    on_region: dict[str, int]  # an area (`head` expanded) → techniques that work on it
    ruled_out: dict[str, int]  # a health condition → techniques that name it a contraindication
    needing: dict[str, int]  # a tool beyond hands → techniques that need it
    at: dict[str, int]  # a position → techniques done in it
    in_phase: dict[str, int]  # a phase → techniques its pool may hold
    heavier_than: dict[str, int]  # a pressure → techniques whose lightest is firmer
    belly: int  # massages on the abdomen
    for_bed: int  # "bed" in the name
    in_bed: int  # "in bed" in the name
    breath: int  # breathing or meditation

    # The techniques of each byte value at each byte of a set, made as asked.
    by_byte: list[list[tuple[Technique, ...] | None]]
    # Per tuple of allowed positions (a setting's), each technique's, in the setting's order.
    allowed: dict[tuple[str, ...], dict[str, list[str]]]

    def listed(self, mask: int) -> list[Technique]:
        """The techniques whose bits are set, in the library's order."""
        out: list[Technique] = []
        by_byte = self.by_byte
        for offset, byte in enumerate(mask.to_bytes(len(by_byte), "little")):
            if byte:
                found = by_byte[offset][byte]
                if found is None:
                    found = by_byte[offset][byte] = tuple(
                        self.techniques[offset * 8 + bit] for bit in range(8) if byte >> bit & 1)
                out.extend(found)
        return out

    def positions_in(self, positions: tuple[str, ...]) -> dict[str, list[str]]:
        """Each technique's positions among `positions`, in their order (read-only)."""
        found = self.allowed.get(positions)
        if found is None:
            found = self.allowed[positions] = {
                tid: [p for p in positions if p in own.positions]
                for tid, own in self.traits.items()}
        return found


def make_index(library: Library) -> LibraryIndex:
    techniques = tuple(library.techniques)
    traits = {t.id: make_traits(t) for t in techniques}
    mine = [traits[t.id] for t in techniques]

    def flagged(flag) -> int:
        return sum(1 << i for i, own in enumerate(mine) if flag(own))

    return LibraryIndex(
        techniques=techniques,
        traits=traits,
        every=(1 << len(techniques)) - 1,
        touching=_bits(techniques, lambda t: traits[t.id].regions | traits[t.id].modalities),
        on_region=_bits(techniques, lambda t: traits[t.id].regions),
        ruled_out=_bits(techniques, lambda t: t.contraindications),
        needing=_bits(techniques, lambda t: traits[t.id].needed_tools),
        at=_bits(techniques, lambda t: traits[t.id].positions),
        in_phase={phase: flagged(lambda own, p=phase: p in own.phases) for phase in PHASES},
        heavier_than={pressure: flagged(lambda own, level=level: own.lightest > level)
                      for pressure, level in PRESSURE_LEVEL.items()},
        belly=flagged(lambda own: own.belly_massage),
        for_bed=flagged(lambda own: own.named_for_bed),
        in_bed=flagged(lambda own: own.named_in_bed),
        breath=flagged(lambda own: own.breath),
        by_byte=[[None] * 256 for _ in range((len(techniques) + 7) // 8)],
        allowed={},
    )


# The indexes of the last few libraries planned with (the shipped one, a test's, a bench's).
_INDEXES: list[tuple[Library, LibraryIndex]] = []


def library_index(library: Library) -> LibraryIndex:
    for known, index in _INDEXES:
        if known is library:
            return index
    index = make_index(library)
    _INDEXES.insert(0, (library, index))
    del _INDEXES[4:]
    return index
