"""Put the chosen steps in order — one block per position, phases in order — and word
their reasons for the order they end up in (nothing promised that does not follow,
nothing said twice)."""

from __future__ import annotations

from itertools import combinations, permutations
from typing import TYPE_CHECKING

from unknot.planner.model import PHASES
from unknot.planner.render import Choice
from unknot.planner.traits import Traits, make_traits
from unknot.planner.words import _names
from unknot.text.programs import Lazy

if TYPE_CHECKING:
    from unknot.planner.compose import Context

_PHASE_NUMBER = {phase: number for number, phase in enumerate(PHASES)}


class _Step:
    """A chosen step as the search for an order asks about it (worked out once a plan)."""

    __slots__ = ("allowed", "allowed_set", "choice", "hands_on", "light", "phase", "rank",
                 "wanted")

    def __init__(self, choice: Choice, traits: Traits, allowed: list[str] | None,
                 positions: tuple[str, ...]) -> None:
        self.choice = choice
        self.wanted = choice.position
        if allowed is None:
            allowed = [p for p in positions if p in traits.positions]
        self.allowed = allowed or [choice.position]
        self.allowed_set = frozenset(self.allowed)
        self.phase = _PHASE_NUMBER[choice.phase]
        # A warm-up leads its phase: it readies the muscles for the strokes after it.
        self.rank = self.phase - 0.5 * traits.warm_up
        self.light = traits.light
        self.hands_on = traits.hands_on


def group_positions(chosen: list[Choice], ctx: Context) -> list[Choice]:
    """Order the steps so each position is one block: few changes, and phases in order
    as far as the blocks allow (settle first, close last; in bed the end is lying down).

    Every order of every smallest set of positions that leaves each step a position
    of its own is tried; the cheapest wins (the first found, on a tie).
    """
    traits, positions = ctx.traits, ctx.positions
    allowed = ctx.index.positions_in(positions) if ctx.index is not None else {}
    steps = [_Step(c, traits.get(c.technique.id) or make_traits(c.technique),
                   allowed.get(c.technique.id), positions) for c in chosen]
    settle = [s for s in steps if s.phase == 0]
    close = [s for s in steps if s.phase == 5]
    middle = [s for s in steps if 0 < s.phase < 5]
    if not middle:
        return [s.choice for s in settle + close]

    bed = ctx.setting == "bed" and "lying" in ctx.positions
    best: tuple | None = None
    options = list(dict.fromkeys(p for s in middle for p in s.allowed))
    for size in range(1, len(options) + 1):
        for subset in combinations(options, size):
            if any(s.allowed_set.isdisjoint(subset) for s in middle):
                continue
            for order in permutations(subset):
                arranged = _arrange(settle, middle, close, order)
                cost = _arrangement_cost(arranged, bed)
                if best is None or cost < best[0]:
                    best = (cost, arranged)
        if best is not None:
            break
    assert best is not None
    ordered = []
    for step, position in best[1]:
        step.choice.position = position
        ordered.append(step.choice)
    _light_first(ordered, traits)
    _mind_the_order(ordered, ctx.calm)
    _vary_reasons(ordered, traits)
    return ordered


def _arrange(settle: list[_Step], middle: list[_Step], close: list[_Step],
             order: tuple[str, ...]) -> list[tuple[_Step, str]]:
    block = {position: number for number, position in enumerate(order)}
    placed = []
    for index, step in enumerate(middle):
        wanted = step.wanted
        if wanted in block and wanted in step.allowed_set:
            position = wanted
        else:
            position = next(p for p in order if p in step.allowed_set)
        placed.append((block[position], step.rank, index, step, position))
    placed.sort(key=_first_three)
    out = [(s, p) for *_, s, p in placed]
    if not out[0][0].light:
        # Light first: bring the first step that can be light to the front of its block.
        start = out[0][1]
        light = next((i for i, (s, p) in enumerate(out) if p == start and s.light), None)
        if light is not None:
            out.insert(0, out.pop(light))
    first, last = out[0][1], out[-1][1]
    for step in settle:
        own = step.allowed
        out.insert(0, (step, first if first in own else own[0]))
    for step in close:
        own = step.allowed
        out.append((step, last if last in own else ("lying" if "lying" in own else own[0])))
    return out


def _first_three(placed: tuple) -> tuple:
    return placed[:3]


def _arrangement_cost(arranged: list[tuple[_Step, str]], bed: bool) -> tuple:
    changes = moved = inversions = 0
    seen = [0] * len(PHASES)  # how many steps of each phase came before
    before = None
    hands_on = None
    for step, position in arranged:
        if before is not None and position != before:
            changes += 1
        before = position
        if position != step.wanted:
            moved += 1
        phase = step.phase
        inversions += sum(seen[phase + 1:])
        seen[phase] += 1
        if hands_on is None and step.hands_on:
            hands_on = step
    heavy_first = hands_on is not None and not hands_on.light
    return (bed and before != "lying", changes, heavy_first, inversions, moved)


def _light_first(ordered: list[Choice], traits: dict[str, Traits]) -> None:
    """The first hands-on step is light (seeds: relaxation first, then knots)."""
    for choice in ordered:
        own = traits.get(choice.technique.id) or make_traits(choice.technique)
        if own.hands_on:
            if own.light:
                choice.pressure = "light"
            return


BEFORE_DEEPER = " before any deeper work."


def _mind_the_order(ordered: list[Choice], calm: bool) -> None:
    """A gentle step promises deeper work only when deeper work follows it.

    With no targeted work at all (a light-only routine) it says so; placed after
    the work (a new position's first step) it says why it is there. A calm routine
    stays light from start to end, so nothing in it is "deeper".
    """
    has_work = any(c.phase == "work" for c in ordered)
    worked = False
    for index, choice in enumerate(ordered):
        if BEFORE_DEEPER in choice.why:
            if calm and not worked:
                ending = ", to begin the slow, light work."
            elif not has_work or calm:
                ending = ", kept light throughout."
            elif worked and ordered[index - 1].position != choice.position:
                ending = " as you settle into the new position."
            elif worked:
                ending = " between the deeper steps."
            else:
                ending = BEFORE_DEEPER
            choice.why = choice.why.replace(BEFORE_DEEPER, ending)
        worked = worked or choice.phase == "work"


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _sentences(text: str) -> list[str]:
    r"""`re.split(r"(?<=\.) (?=[A-Z])", text)`: the sentences, split at each space after a
    full stop and before a capital (the space dropped), without the regex engine."""
    if ". " not in text:
        return [text]
    parts = text.split(". ")
    out = [parts[0]]
    for part in parts[1:]:
        if part[:1] in _CAPITALS:
            out[-1] += "."
            out.append(part)
        else:
            out[-1] += ". " + part
    return out

_WORKS = Lazy(r"Works on your (.+), where you feel it\.")
_CONNECTS = Lazy(r"The (.+) connects? to your (.+): tension there feeds it\.")
_USES = Lazy(r"Uses the (.+) you have at hand\.")
_LENGTHENS = Lazy(r"Lengthens the (.+) after the work\.")


def _match(pattern: Lazy, sentence: str, starts: str, ends: str):
    """`pattern.fullmatch(sentence)`, asked only when the sentence has the pattern's fixed
    start and end (no match is possible without them: most sentences are not asked)."""
    if sentence.startswith(starts) and sentence.endswith(ends):
        return pattern.fullmatch(sentence)
    return None


def _vary_reasons(ordered: list[Choice], traits: dict[str, Traits]) -> None:
    """Say a reason once: a sentence repeated on every card is read by nobody.

    The same pressure note or goal line is kept on its first step only; the same
    "works on" or "connects to" line is said another way the second time and
    left out after that; the tool line is kept short when it comes back.
    """
    seen: dict[str, int] = {}
    for choice in ordered:
        sentences = _sentences(choice.why)
        if choice.why and len(set(sentences)) == len(sentences) \
                and not any(sentence in seen for sentence in sentences):
            # Nothing said before: the reason stays as it is (the same sentences joined
            # by the same spaces), remembered for the steps after it.
            for sentence in sentences:
                seen[sentence] = 1
            continue
        technique = choice.technique
        own = traits.get(technique.id) or make_traits(technique)
        kept = []
        for sentence in sentences:
            count = seen.get(sentence, 0)
            seen[sentence] = count + 1
            if count == 0:
                kept.append(sentence)
                continue
            works = _match(_WORKS, sentence, "Works on your ", ", where you feel it.")
            connects = _match(_CONNECTS, sentence, "The ", ": tension there feeds it.")
            uses = _match(_USES, sentence, "Uses the ", " you have at hand.")
            if uses:
                kept.append(f"Again the {uses.group(1)}.")
            elif works and count == 1:
                kept.append(f"More for your {works.group(1)}, now with {own.touch}.")
            elif works:
                kept.append(f"Back to your {works.group(1)} with {own.touch}, {own.does}.")
            elif connects and count == 1:
                kept.append(f"Supports your {connects.group(2)} through the {connects.group(1)}.")
            elif connects:
                kept.append(f"Eases the {connects.group(1)} around your {connects.group(2)} with "
                            f"{own.touch}.")
            elif (lengthens := _match(_LENGTHENS, sentence, "Lengthens the ", " after the work.")) \
                    and count == 1:
                kept.append(f"{technique.name} adds a second stretch for the "
                            f"{lengthens.group(1)}.")
            elif lengthens:
                kept.append(f"{technique.name} ends the stretches for the "
                            f"{lengthens.group(1)}, so the work holds.")
        choice.why = " ".join(kept) or (
            f"Continues on the {_names(technique.regions)} with {own.touch}.")
