"""Compose a routine: settle → gentle strokes → targeted work → connected areas → stretch → close.

The planner is pure: the same request and seed give the same plan. Safety is
enforced here by construction — a technique touching an avoided region, using
an avoided modality or naming one of the person's health conditions among its
own contraindications never enters the candidate pool — and checked again by
property tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from unknot.intake.screen import IntakeResult, screen
from unknot.library.loader import Library, default_library
from unknot.library.schema import Technique, condition_words
from unknot.planner.model import (
    CONNECTED,
    GOAL_REGIONS,
    ONE_DEVICE_BELOW_SECONDS,
    PHASE_SHARE,
    PHASES,
    SEED_BACK_STRETCHES,
    SETTLED_ENDING_BELOW_SECONDS,
    Plan,
)
from unknot.planner.order import group_positions
from unknot.planner.render import Choice, render_steps
from unknot.planner.request import PlanRequest
from unknot.planner.traits import (
    CALM_GOALS,
    LibraryIndex,
    Traits,
    is_warm_up,
    library_index,
    make_traits,
    rousing,
)
from unknot.planner.words import GOAL_HELPS, _and, _names, touch
from unknot.trusted import trusted
from unknot.vocabulary import (
    HEAD_PARTS,
    PRESSURE_LEVEL,
    SETTING_POSITIONS,
    expand_regions,
)

__all__ = ["CALM_GOALS", "PlanningError", "alternatives", "build_plan", "is_warm_up",
           "make_context", "plan_for", "rousing", "touch", "usable"]

NO_ROUTINE = ("see_doctor", "urgent")
BACK_REGIONS = frozenset({"upper_back", "middle_back", "lower_back"})
# "lying" in the vocabulary does not say on the back, front or side, and most lying
# moves are on the back: from about 20 weeks of pregnancy no step is done lying.
LYING_NOTE = ("Nothing is done lying down: from about 20 weeks of pregnancy, lying flat on "
              "the back or front is best avoided.")
# How many left-out moves a step's reason names at most.
LEFT_OUT_NAMED = 2


def library_traits(library: Library) -> dict[str, Traits]:
    """Each technique's traits, by id (worked out once per library)."""
    return library_index(library).traits


def _traits(technique: Technique, ctx: Context) -> Traits:
    found = ctx.traits.get(technique.id)
    return found if found is not None else make_traits(technique)


@dataclass
class Context:
    """Everything the choice of techniques depends on, worked out once per request."""

    total: int
    targets: list[str]
    connected: list[str]
    goals: list[str]
    avoid: set[str]
    tools: set[str]
    positions: tuple[str, ...]
    pressure: str
    pressure_note: str | None
    allow_abdomen: bool
    rng: random.Random
    conditions: frozenset[str] = frozenset()
    position_note: str | None = None
    used: dict[str, int] = field(default_factory=dict)
    used_positions: list[str] = field(default_factory=list)
    position: str | None = None
    # Worked out once per request (the targets, connected areas, setting and positions
    # do not change while a plan is composed): see `_facts`, `_keys` and `_phase_pool`.
    _scored: dict[str, dict[str, tuple[float, frozenset[str]]]] = field(default_factory=dict)
    _phase_pools: dict[str, list[Technique]] = field(default_factory=dict)
    _facts: dict[str, tuple] = field(default_factory=dict)
    _tables: dict[tuple[str, int], tuple] = field(default_factory=dict)
    setting: str = "anywhere"
    named_tools: frozenset[str] = frozenset()
    calm: bool = False
    traits: dict[str, Traits] = field(default_factory=dict)
    index: LibraryIndex | None = None
    pool_bits: dict[str, int] = field(default_factory=dict)  # each phase's fitting techniques
    position_set: frozenset[str] = frozenset()
    goal_set: frozenset[str] = frozenset()
    target_set: frozenset[str] = frozenset()
    connected_set: frozenset[str] = frozenset()
    in_bed: bool = False  # in bed, lying down allowed: everything that can be is done lying
    devices: int = 0  # device blocks chosen so far
    named_areas: bool = True  # False: the areas come from the goal, not the person's words

    def __post_init__(self) -> None:
        # The same as sets, for the questions asked of every technique.
        self.position_set = frozenset(self.positions)
        self.goal_set = frozenset(self.goals)
        self.target_set = frozenset(self.targets)
        self.connected_set = frozenset(self.connected)
        self.in_bed = self.setting == "bed" and "lying" in self.positions

    def use(self, index: LibraryIndex) -> None:
        """Plan from this library's techniques."""
        self.index = index
        self.traits = index.traits


def _targets(request: PlanRequest, intake: IntakeResult, goals: list[str]) -> list[str]:
    regions = list(request.regions or intake.regions)
    if not regions:
        for goal in goals:
            regions.extend(GOAL_REGIONS.get(goal, ()))
    if "head" in regions:
        index = regions.index("head")
        regions[index:index + 1] = ["head", *HEAD_PARTS]
    if "headache_relief" in goals and not set(regions) & set(HEAD_PARTS):
        regions.extend(["head", *HEAD_PARTS])
    return list(dict.fromkeys(regions))


def _connected(targets: list[str]) -> list[str]:
    out: list[str] = []
    for region in targets:
        out.extend(CONNECTED.get(region, ()))
    return [r for r in dict.fromkeys(out) if r not in targets]


def make_context(request: PlanRequest, intake: IntakeResult) -> Context:
    goals = list(request.goals or intake.goals) or ["relaxation"]
    targets = _targets(request, intake, goals)
    avoid = expand_regions(intake.avoid)
    pressure, note = request.pressure, None
    if "deep_pressure" in avoid and pressure != "light":
        # A relative contraindication: the cautious reading is light pressure only.
        pressure = "light"
        reasons = [c.message for c in intake.cautions if "deep_pressure" in c.avoid]
        reason = reasons[0] if reasons else "a caution applies."
        note = "Pressure kept light: " + reason[:1].lower() + reason[1:]
    if request.pressure == "light":
        avoid = avoid | {"deep_pressure"}  # a preference, not a safety rule
    calm = _calm(goals)
    if calm and pressure != "light":
        # Sleep and calming routines stay light throughout (seeds 000, 004).
        pressure = "light"
    conditions = frozenset(intake.conditions)
    positions, position_note = SETTING_POSITIONS[request.setting], None
    if "late_pregnancy" in conditions and "lying" in positions:
        positions = tuple(p for p in positions if p != "lying")
        position_note = LYING_NOTE
    return Context(
        total=request.minutes * 60,
        targets=[t for t in targets if t not in avoid],
        connected=[c for c in _connected(targets) if c not in avoid],
        goals=goals,
        avoid=avoid,
        tools={"hands", *request.tools},
        positions=positions,
        pressure=pressure,
        pressure_note=note,
        allow_abdomen="abdomen" in targets or "digestion" in goals,
        rng=random.Random(request.seed),
        conditions=conditions,
        position_note=position_note,
        setting=request.setting,
        named_tools=frozenset(t for t in request.tools if t not in ("wall", "chair")),
        calm=calm,
        named_areas=bool(request.regions or intake.regions),
    )


def _calm(goals: list[str]) -> bool:
    """A routine for sleep or for calming down: light pressure from start to end."""
    return "sleep" in goals or ("stress_relief" in goals and set(goals) <= CALM_GOALS)


def _fits_setting(traits: Traits, ctx: Context) -> bool:
    """A technique named for the bed belongs in bed (or, for sleep, on a sofa or anywhere)."""
    if not traits.named_for_bed or ctx.setting == "bed":
        return True
    return (not traits.named_in_bed and ctx.setting in ("sofa", "anywhere")
            and "sleep" in ctx.goals)


def ruled_out_by(technique: Technique, ctx: Context) -> list[str]:
    """The person's conditions that this technique names as its own contraindications."""
    if not ctx.conditions:
        return []
    return [c for c in technique.contraindications if c in ctx.conditions]


def usable(technique: Technique, ctx: Context, mind_conditions: bool = True) -> bool:
    """Whether a technique may appear in this plan at all (safety and practicality).

    `mind_conditions=False` asks whether it would have fitted but for the person's
    health conditions, to say what was left out for them.
    """
    if mind_conditions and ctx.conditions and not ctx.conditions.isdisjoint(
            technique.contraindications):
        return False
    traits = _traits(technique, ctx)
    avoid = ctx.avoid
    if not (traits.regions.isdisjoint(avoid) and traits.modalities.isdisjoint(avoid)):
        return False
    if traits.belly_massage and not ctx.allow_abdomen:
        return False
    if not traits.needed_tools <= ctx.tools:
        return False
    if traits.positions.isdisjoint(ctx.position_set):
        return False
    if not _fits_setting(traits, ctx):
        return False
    return traits.lightest <= PRESSURE_LEVEL[ctx.pressure]


def _position_score(technique: Technique, ctx: Context,
                    used: set[str] | None = None) -> float:
    """Few position changes: stay where we are, or go back to a position already used."""
    mine = _traits(technique, ctx).positions & ctx.position_set
    if ctx.setting == "bed" and "lying" in ctx.positions:
        # In bed: lying down, and it ends lying down.
        return 2.5 if "lying" in mine else -8.0
    if ctx.position in mine:
        return 2.5
    if used is None:
        used = set(ctx.used_positions)
    if mine & used:
        return 1.5
    if not used:
        return 0.0
    # A new position: tiring in a short routine, and one too many past three.
    most = 1 if ctx.total < 480 else 2 if ctx.total < 720 else 3
    return -1.0 if len(used) < most else -6.0


def _static_score(technique: Technique, phase: str, ctx: Context) -> float:
    """The part of a technique's score that does not change while a plan is built."""
    facts = ctx._facts.get(technique.id)
    if facts is None:
        facts = _facts(technique, ctx)
    _, _, on_target, on_connected, first, cover, goals, tools, breath = facts
    score = 0.0
    if phase in ("work", "gentle", "stretch"):
        if on_target:
            # Earlier-named regions matter more ("most relevant first"), and so does
            # covering more of what was asked.
            score += first
            score += cover
        score += 0.5 * on_connected
        if phase == "stretch" and on_target and technique.id in SEED_BACK_STRETCHES:
            score += 2.0  # the stretches seed 002 names: cat–camel, child's pose, twist
    elif phase == "connected":
        score += 3.0 * on_connected + 0.5 * on_target
    elif phase == "settle" and breath:
        score += 3.0  # breath first (seeds 000, 004)
    score += goals
    if tools:
        score += tools  # they brought the tool for a reason
    return score


def _areas(technique: Technique, ctx: Context) -> tuple[list[str], list[str]]:
    """The targets and the connected areas the technique works on, each in the request's
    order (worked out once a request: treat the lists as read-only)."""
    facts = ctx._facts.get(technique.id)
    if facts is None:
        facts = _facts(technique, ctx)
    return facts[0], facts[1]


def _facts(technique: Technique, ctx: Context) -> tuple:
    """What `_static_score` and the reasons ask of a technique in every phase, worked out
    once a request: which targets and connected areas it works on, and what they add."""
    traits = _traits(technique, ctx)
    mine = traits.regions
    on_target = [r for r in ctx.targets if r in mine]
    on_connected = [r for r in ctx.connected if r in mine]
    first = cover = 0.0
    if on_target:
        first = 6.0 + 2.0 / (1 + ctx.targets.index(on_target[0]))
        cover = 0.4 * min(len(on_target), 3)
    tools = 0.0
    if traits.needed_tools & ctx.named_tools and (on_target or on_connected):
        tools = 4.0 if on_target else 2.0
    elif traits.needed_tools and on_target:
        tools = 1.0
    facts = ctx._facts[technique.id] = (
        on_target, on_connected, bool(on_target), bool(on_connected), first, cover,
        0.7 * len(traits.goals & ctx.goal_set), tools, traits.breath)
    return facts


def _relevant(technique: Technique, phase: str, ctx: Context) -> bool:
    if phase == "settle":
        return True
    regions = _traits(technique, ctx).regions
    if phase == "close":
        # A calm ending: breathing or stillness, or gentle work on what was just worked.
        return technique.kind in ("breathing", "meditation") or not regions.isdisjoint(
            ctx.target_set)
    if phase == "connected":
        return not regions.isdisjoint(ctx.connected_set)
    return not (regions.isdisjoint(ctx.target_set) and regions.isdisjoint(ctx.connected_set))


def _usable_bits(ctx: Context, index: LibraryIndex, mind_conditions: bool = True) -> int:
    """`usable` for every technique of the library at once: the bits of those that are.

    The same questions as `usable`, asked of the sets of techniques that have each
    value (an avoided area, a tool not at hand, a position not allowed here)."""
    bits = index.every
    touching, ruled_out, needing, at = index.touching, index.ruled_out, index.needing, index.at
    for avoided in ctx.avoid:
        bits &= ~touching.get(avoided, 0)
    if mind_conditions:
        for condition in ctx.conditions:
            bits &= ~ruled_out.get(condition, 0)
    if not ctx.allow_abdomen:
        bits &= ~index.belly
    for tool, needers in needing.items():
        if tool not in ctx.tools:
            bits &= ~needers
    allowed = 0
    for position in ctx.position_set:
        allowed |= at.get(position, 0)
    bits &= allowed
    if ctx.setting != "bed":
        # (`_fits_setting`: named for the bed, only in bed — or, for sleep, on a sofa or
        # anywhere when not "in bed".)
        sleepy = ctx.setting in ("sofa", "anywhere") and "sleep" in ctx.goals
        bits &= ~(index.in_bed if sleepy else index.for_bed)
    return bits & ~index.heavier_than[ctx.pressure]


def _regions_bits(regions: frozenset[str], index: LibraryIndex) -> int:
    bits = 0
    for region in regions:
        bits |= index.on_region.get(region, 0)
    return bits


def _phase_pool(phase: str, ctx: Context) -> list[Technique]:
    """What a phase chooses from: on the complaint first; connected areas only as support.

    Worked out once a request for each phase (the fitting at the end asks again and
    again): the same list each time, so treat it as read-only."""
    found = ctx._phase_pools.get(phase)
    if found is None:
        found = ctx._phase_pools[phase] = ctx.index.listed(_phase_bits(phase, ctx))
    return found


def _phase_bits(phase: str, ctx: Context) -> int:
    """`_relevant` and the choices below for every fitting technique of the phase at once."""
    index = ctx.index
    relevant = ctx.pool_bits[phase]
    if phase != "settle":
        on_target = _regions_bits(ctx.target_set, index)
        if phase == "close":
            # A calm ending: breathing or stillness, or gentle work on what was just worked.
            relevant &= index.breath | on_target
        elif phase == "connected":
            relevant &= _regions_bits(ctx.connected_set, index)
        else:
            relevant &= on_target | _regions_bits(ctx.connected_set, index)
    if ctx.in_bed:
        # In bed everything is done lying down where it can be; a stretch that would
        # have the person sit up again is better left out.
        lying = relevant & index.at.get("lying", 0)
        relevant = lying if lying or phase in ("stretch", "close") else relevant
    if phase in ("gentle", "work", "stretch"):
        on_target = relevant & _regions_bits(ctx.target_set, index)
        if on_target:
            return on_target
    return relevant


def _position_for(traits: Traits, ctx: Context) -> str:
    mine = traits.positions
    if ctx.position in mine and ctx.position in ctx.position_set:
        return ctx.position
    for position in ctx.used_positions:
        if position in mine:
            return position
    return next(p for p in ctx.positions if p in mine)


def _keys(pool: list[Technique], phase: str, ctx: Context) -> list[float]:
    """Each technique's score, negated, for sorting best first: `_static_score` (once a
    request), `_position_score`, less for each time it was used already, and one random
    draw each in pool order (so the same seed gives the same plan). The same sums in the
    same order as scoring each one alone, so the same floats."""
    statics, mines, kinds, where, again = _table(pool, phase, ctx)
    here, in_bed = ctx.position, ctx.in_bed
    used_positions = set(ctx.used_positions)
    most = 1 if ctx.total < 480 else 2 if ctx.total < 720 else 3
    elsewhere = 0.0 if not used_positions else -1.0 if len(used_positions) < most else -6.0
    bonus_of: dict[frozenset[str], float] = {}  # `_position_score` of each set of positions
    for mine in kinds:
        if in_bed:
            bonus = 2.5 if "lying" in mine else -8.0
        elif here in mine:
            bonus = 2.5
        elif not mine.isdisjoint(used_positions):
            bonus = 1.5
        else:
            bonus = elsewhere
        bonus_of[mine] = bonus
    scores = [static + bonus_of[mine] for static, mine in zip(statics, mines, strict=False)]
    used = ctx.used
    for technique_id, times in used.items():
        i = where.get(technique_id)
        if i is not None:
            scores[i] -= 4.0 * times
    for i, technique_id in again:  # (a technique twice in one pool: both places)
        if technique_id in used:
            scores[i] -= 4.0 * used[technique_id]
    draw = ctx.rng.random
    return [-(score + draw() * 1.2) for score in scores]


def _table(pool: list[Technique], phase: str, ctx: Context) -> tuple:
    """The pool's static scores and allowed positions, in pool order, the distinct sets of
    those positions, and where each technique is in it: worked out once for each pool a
    phase ranks again and again."""
    key = (phase, id(pool))
    found = ctx._tables.get(key)
    if found is not None and found[0] is pool and found[1] == len(pool):
        return found[2]
    scored = ctx._scored.get(phase)
    if scored is None:
        scored = ctx._scored[phase] = {}
    allowed = ctx.position_set
    statics, mines, where, again = [], [], {}, []
    for i, technique in enumerate(pool):
        tid = technique.id
        entry = scored.get(tid)
        if entry is None:
            entry = scored[tid] = (_static_score(technique, phase, ctx),
                                   _traits(technique, ctx).positions & allowed)
        statics.append(entry[0])
        mines.append(entry[1])
        if tid in where:
            again.append((i, tid))
        else:
            where[tid] = i
    table = (statics, mines, set(mines), where, again)
    ctx._tables[key] = (pool, len(pool), table)
    return table


def _ranked(pool: list[Technique], phase: str, ctx: Context) -> list[Technique]:
    """The pool, best score first (`_keys`); ties keep the pool's order."""
    keys = _keys(pool, phase, ctx)
    return [pool[i] for i in sorted(range(len(pool)), key=keys.__getitem__)]


def _pick(pool: list[Technique], phase: str, ctx: Context, budget: int,
          allow_repeat: bool = False) -> Choice | None:
    """The best-ranked technique of the pool that fits (`_take`), chosen."""
    if not pool:
        return None
    keys = _keys(pool, phase, ctx)
    # Mostly the best one fits: the whole order only when it does not (`min` finds the
    # first of equals, as the stable sort puts it first).
    best = min(range(len(pool)), key=keys.__getitem__)
    choice = _take(pool[best], phase, ctx, budget, allow_repeat)
    if choice is not None or len(pool) == 1:
        return choice
    for i in sorted(range(len(pool)), key=keys.__getitem__):
        if i != best and (choice := _take(pool[i], phase, ctx, budget, allow_repeat)):
            return choice
    return None


def _take(technique: Technique, phase: str, ctx: Context, budget: int,
          allow_repeat: bool) -> Choice | None:
    """The technique as this phase's next step, when it fits the time left; else None."""
    if not allow_repeat and ctx.used.get(technique.id):
        return None
    traits = _traits(technique, ctx)
    if traits.device and ctx.devices and ctx.total < ONE_DEVICE_BELOW_SECONDS:
        return None  # one device block in a short routine: more is too much gun
    sides = traits.sides
    per_side = traits.seconds
    if per_side * sides > budget:
        per_side = budget // sides
    if per_side < traits.shortest:
        return None
    ctx.used[technique.id] = ctx.used.get(technique.id, 0) + 1
    ctx.devices += traits.device
    ctx.position = _position_for(traits, ctx)
    if ctx.position not in ctx.used_positions:
        ctx.used_positions.append(ctx.position)
    return Choice(technique=technique, phase=phase, seconds=per_side,
                  position=ctx.position, pressure=_pressure(technique, phase, ctx),
                  why=_why(technique, phase, ctx))


def _pressure(technique: Technique, phase: str, ctx: Context) -> str:
    levels = _traits(technique, ctx).pressures
    if phase in ("settle", "gentle", "close"):
        return levels[0]  # light pressure first, always
    allowed = [p for p in levels if PRESSURE_LEVEL[p] <= PRESSURE_LEVEL[ctx.pressure]]
    return allowed[-1]


def _why(technique: Technique, phase: str, ctx: Context) -> str:
    traits = _traits(technique, ctx)
    target, connected = _areas(technique, ctx)
    goals = [g.replace("_", " ") for g in technique.goals if g in ctx.goal_set]
    if phase == "settle" and not traits.breath:
        text = "Opens gently, so you arrive in your body before the work begins."
    elif phase == "settle":
        text = "Opens with slow breathing so every stroke that follows stays slow and present."
    elif phase == "close" and "sleep" in ctx.goal_set:
        text = "Ends quietly and still, so sleep can come."
    elif phase == "close":
        text = "Closes quietly so the work can settle before you get up."
    elif phase == "gentle" and traits.warm_up and technique.kind == "stretch":
        text = f"Warms up the {traits.names} before the hands-on work."
    elif phase == "gentle" and technique.kind == "stretch":
        text = f"Gentle movement eases the {traits.names} before any deeper work."
    elif phase == "gentle" and traits.stroking:
        text = f"Gentle strokes relax the {traits.names} before any deeper work."
    elif phase == "gentle":
        text = f"Starts light on the {traits.names} with {traits.touch}, before any deeper work."
    elif phase in ("work", "connected") and not ctx.named_areas:
        # Areas chosen for the goal (sleep: hands, feet, face): nothing "connects to your
        # hands", and nobody said they feel it there. Say what the work is for.
        helps = GOAL_HELPS.get(ctx.goals[0], ctx.goals[0].replace("_", " "))
        areas = _names(target or connected) if target or connected else traits.names
        text = f"Work on the {areas} helps {helps}."
        goals = []
    elif phase == "stretch":
        areas = _names(target or connected) if target or connected else traits.names
        text = f"Lengthens the {areas} after the work."
    elif phase == "connected" or not target:
        areas = connected or list(technique.regions)
        plural = areas[0].endswith("s") or areas[0] == "feet"
        verb = "connects" if len(areas) == 1 and not plural else "connect"
        text = (f"The {_names(areas)} {verb} to your "
                f"{_names(ctx.targets[:2] or technique.regions)}: tension there feeds it.")
    else:
        text = f"Works on your {_names(target)}, where you feel it."
    if goals and phase not in ("settle", "close"):
        text += f" Helps with {' and '.join(goals[:2])}."
    text += traits.tools_line
    if ctx.pressure_note and phase in ("work", "connected", "stretch"):
        text += " " + ctx.pressure_note
    return text


def _budgets(ctx: Context) -> dict[str, int]:
    total = ctx.total
    shares = dict(PHASE_SHARE)
    if total < 240:
        # Short routines: arrive, work, done.
        shares = {"settle": 0.2, "gentle": 0.0, "work": 0.8, "connected": 0.0,
                  "stretch": 0.0, "close": 0.0}
        if total >= 150:
            shares.update({"settle": 0.15, "work": 0.7, "close": 0.15})
    elif total >= 720 and set(ctx.targets) & BACK_REGIONS:
        # Longer back routines make room for the seed's stretches (seed 002).
        shares.update({"stretch": 0.2, "connected": 0.08})
    budgets = {phase: int(total * share) for phase, share in shares.items()}
    budgets["work"] += total - sum(budgets.values())
    return budgets


def compose(ctx: Context, library: Library) -> list[Choice]:
    """Choose techniques phase by phase, then fit the seconds to the minutes exactly."""
    index = library_index(library)
    ctx.use(index)
    fitting = _usable_bits(ctx, index)
    ctx.pool_bits = {phase: fitting & index.in_phase[phase] for phase in PHASES}
    chosen: list[Choice] = []
    carry = 0
    for phase, budget in _budgets(ctx).items():
        budget += carry
        pool = _phase_pool(phase, ctx)
        if phase == "stretch" and ctx.total >= 720 and set(ctx.targets) & BACK_REGIONS:
            budget -= _bring_the_stretches(pool, ctx, budget, chosen)
        if phase == "close" or (phase == "settle" and ctx.calm):
            pool = _not_rousing(pool, ctx)
        if phase in ("stretch", "close") and ctx.total < SETTLED_ENDING_BELOW_SECONDS:
            # No stretch rather than one that needs a new position; a close always.
            pool = _where_we_are(pool, ctx) or (pool if phase == "close" else [])
        if phase == "close":
            pool = _fits_every_position(pool, ctx)
        if phase == "work" and ctx.named_tools:
            budget -= _bring_the_tools(pool + _phase_pool("connected", ctx), ctx, budget, chosen)
        while pool and budget > 0:
            choice = _pick(pool, phase, ctx, budget)
            if choice is None:
                break
            chosen.append(choice)
            budget -= choice.total
            if phase in ("settle", "close"):
                break  # one breathing segment is enough; extra time goes to the work
        # Time the work could not use is not handed to the connected areas: the
        # fitting at the end grows the steps on the complaint first.
        carry = 0 if phase == "work" else budget
    _fill(chosen, ctx)
    ordered = group_positions(chosen, ctx)
    _say_what_was_left_out(ordered, ctx, library)
    return ordered


def _not_rousing(pool: list[Technique], ctx: Context) -> list[Technique]:
    """A routine ends calm (and a calming one starts calm): no wake-up move there,
    unless waking up is what the person came for."""
    if "energy" in ctx.goals:
        return pool
    return [t for t in pool if not _traits(t, ctx).rousing] or pool


def _where_we_are(pool: list[Technique], ctx: Context) -> list[Technique]:
    """A short routine ends in a position it already used: no kneeling just for the end."""
    used = frozenset(ctx.used_positions)
    return [t for t in pool if not _traits(t, ctx).positions.isdisjoint(used)]


def _fits_every_position(pool: list[Technique], ctx: Context) -> list[Technique]:
    """The closes that can be done in the most of the positions used, so the steps can
    be ordered (light first, one block per position) without a move just to close."""
    used = frozenset(ctx.used_positions)
    reach = [len(_traits(t, ctx).positions & used) for t in pool]
    most = max(reach, default=0)
    return [t for t, own in zip(pool, reach, strict=True) if own == most]


def _bring_the_tools(pool: list[Technique], ctx: Context, budget: int,
                     chosen: list[Choice]) -> int:
    """Each tool the person named gets its best step for the complaint, when one fits."""
    spent = 0
    for tool in sorted(ctx.named_tools):
        if any(tool in c.technique.needed_tools for c in chosen):
            continue
        with_tool = _first_complaint([t for t in pool if tool in _traits(t, ctx).needed_tools],
                                     ctx)
        choice = _pick(with_tool, "work", ctx, budget - spent) if with_tool else None
        if choice is not None:
            chosen.append(choice)
            spent += choice.total
    return spent


def _first_complaint(pool: list[Technique], ctx: Context) -> list[Technique]:
    """The techniques that reach the earliest-named area any of them reaches.

    A tool brought for the upper back goes on the upper back, not on whatever
    else the text also named (a ball for the shoulder blades is not for the glutes).
    """
    def rank(technique: Technique) -> int:
        mine = _traits(technique, ctx).regions
        return next((i for i, r in enumerate(ctx.targets) if r in mine), len(ctx.targets))

    best = min((rank(t) for t in pool), default=0)
    return [t for t in pool if rank(t) == best]


def _bring_the_stretches(pool: list[Technique], ctx: Context, budget: int,
                         chosen: list[Choice]) -> int:
    """Longer back routines take the stretches seed 002 names, where the setting allows."""
    spent = 0
    for technique_id in SEED_BACK_STRETCHES:
        stretch = [t for t in pool if t.id == technique_id]
        choice = _pick(stretch, "stretch", ctx, budget - spent) if stretch else None
        if choice is not None:
            chosen.append(choice)
            spent += choice.total
    return spent


def _pools(techniques: list[Technique], ctx: Context) -> dict[str, list[Technique]]:
    phases = [_traits(t, ctx).phases for t in techniques]
    return {phase: [t for t, own in zip(techniques, phases, strict=True) if phase in own]
            for phase in PHASES}


def _say_what_was_left_out(chosen: list[Choice], ctx: Context, library: Library) -> None:
    """Tell, in the reasons, which fitting moves a health condition kept out of the routine.

    The first step of each phase names the best of the moves left out of that
    phase and the conditions behind them; the first step of all says when lying
    down was left out altogether.
    """
    if not chosen or not ctx.conditions:
        return
    if ctx.position_note:
        chosen[0].why += " " + ctx.position_note
    index = ctx.index or library_index(library)
    ruled_out = 0
    for condition in ctx.conditions:
        ruled_out |= index.ruled_out.get(condition, 0)
    held_back = index.listed(ruled_out & _usable_bits(ctx, index, mind_conditions=False))
    if not held_back:
        return
    pools = _pools(held_back, ctx)
    named: set[str] = {c.technique.id for c in chosen}
    for phase in ("gentle", "work", "connected", "stretch"):
        first = next((c for c in chosen if c.phase == phase), None)
        if first is None:
            continue
        pool = [t for t in pools[phase] if t.id not in named and _relevant(t, phase, ctx)]
        pool.sort(key=lambda t: (-_static_score(t, phase, ctx), t.id))
        if not pool:
            continue
        shown = pool[:LEFT_OUT_NAMED]
        named.update(t.id for t in shown)
        why = {c for t in shown for c in ruled_out_by(t, ctx)}
        first.why += (f" Left out for {_and(condition_words(why))}: "
                      f"{_and([t.name.lower() for t in shown])}.")


def _fitting(phase: str, ctx: Context) -> list[Technique]:
    """Every technique that fits the request and belongs in the phase."""
    return ctx.index.listed(ctx.pool_bits[phase])


def _fill(chosen: list[Choice], ctx: Context) -> None:
    """Stretch or shrink step times within their ranges so they add up to the minutes."""
    for _ in range(200):
        diff = ctx.total - sum(c.total for c in chosen)
        if diff == 0:
            return
        if diff > 0:
            diff = _grow(chosen, diff, ctx)
            if diff == 0:
                return
            extra = None
            for phase in ("work", "gentle", "connected"):
                pool = _phase_pool(phase, ctx) or _fitting(phase, ctx)
                extra = _pick(pool, phase, ctx, diff, allow_repeat=True)
                if extra is not None:
                    break
            if extra is None:
                _absorb(chosen, ctx, diff)
                return
            at = max((i for i, c in enumerate(chosen) if c.phase in ("work", "connected",
                                                                        "gentle", "settle")),
                     default=-1) + 1
            chosen.insert(at, extra)
        else:
            diff = _shrink(chosen, -diff)
            if diff == 0:
                return
            droppable = [c for c in chosen if c.phase not in ("settle", "work")] or chosen[1:]
            if not droppable:
                _absorb(chosen, ctx, -diff)
                return
            chosen.remove(droppable[-1])
    raise RuntimeError("the planner could not fit the minutes")  # pragma: no cover


def _grow(chosen: list[Choice], diff: int, ctx: Context) -> int:
    order = sorted(chosen, key=lambda c: (not _areas(c.technique, ctx)[0],
                                          ("work", "gentle", "stretch", "connected", "settle",
                                           "close").index(c.phase)))
    for choice in order:
        room = choice.technique.duration.max - choice.seconds
        step = min(room, diff // choice.sides)
        if step > 0:
            choice.seconds += step
            diff -= step * choice.sides
        if diff == 0:
            break
    return diff


def _shrink(chosen: list[Choice], excess: int) -> int:
    for choice in reversed(chosen):
        room = choice.seconds - choice.technique.duration.min
        step = min(room, -(-excess // choice.sides))
        if step > 0:
            choice.seconds -= step
            excess -= step * choice.sides
        if excess <= 0:
            break
    return -excess if excess < 0 else excess


def _absorb(chosen: list[Choice], ctx: Context, diff: int) -> None:
    """Last resort: a breathing segment takes the odd seconds (breathing can always go on)."""
    flexible = [c for c in chosen if not c.technique.sided and c.phase in ("settle", "close")] \
        or [c for c in chosen if not c.technique.sided]
    if flexible:
        flexible[0].seconds += diff
        if flexible[0].seconds > 0:
            return
    breath = next(iter(_fitting("settle", ctx) or _fitting("close", ctx)), None)
    if breath is None:
        raise PlanningError("no breathing segment fits this request")
    chosen.insert(0, Choice(technique=breath, phase="settle", seconds=diff,
                            position=_position_for(_traits(breath, ctx), ctx), pressure="light",
                            why=_why(breath, "settle", ctx)))


def alternatives(plan: Plan, index: int, request: PlanRequest,
                 library: Library | None = None) -> list[Technique]:
    """What step `index` of `plan` may be swapped for, best first.

    The same phase, one of the step's areas, safe for this person here (the same
    rules the plan was made by), and never a technique already in the plan.
    """
    library = library or default_library()
    step = plan.steps[index]
    ctx = make_context(request, plan.intake)
    ctx.use(library_index(library))
    in_plan = {s.technique for s in plan.steps}
    areas = expand_regions(step.regions)
    pool = [t for t in _pools([t for t in library.techniques if usable(t, ctx)], ctx)[step.phase]
            if t.id not in in_plan and (step.phase in ("settle", "close")
                                        or expand_regions(t.regions) & areas)]
    ctx.position = step.position
    return sorted(pool, key=lambda t: (-_static_score(t, step.phase, ctx)
                                       - _position_score(t, ctx), t.id))


class PlanningError(ValueError):
    """No routine can be made from the library for this request."""


def build_plan(request: PlanRequest, library: Library | None = None,
               rest_no: bool = False) -> Plan:
    """Screen the request, then compose a routine that fits it (SPEC §4).

    `rest_no` answers every safety question not yet answered with no ("none of these
    apply")."""
    intake = screen(request.text, request.answers, regions=request.regions or None,
                    goals=request.goals or None, rest_no=rest_no)
    return plan_for(request, intake, library)


def plan_for(request: PlanRequest, intake: IntakeResult, library: Library | None = None) -> Plan:
    """Compose a routine for a request whose intake is already known.

    `build_plan` screens first; this is the same planning for an intake made
    elsewhere (a stored one, or one a test builds with chosen conditions).
    """
    if intake.verdict in NO_ROUTINE or not intake.understood:
        # Text we cannot place never becomes a whole-body routine: the intake's message
        # asks for the area instead.
        return _plan(intake, 0, [])
    ctx = make_context(request, intake)
    choices = compose(ctx, library or default_library())
    steps = render_steps(choices)
    return _plan(intake, sum(s.seconds for s in steps), steps)


def _plan(intake: IntakeResult, total_seconds: int, steps: list) -> Plan:
    """The plan, made without validating again what was made valid (see `trusted`)."""
    if not isinstance(intake, IntakeResult):
        return Plan(intake=intake, total_seconds=total_seconds, steps=steps)
    return trusted(Plan, {"intake": intake, "total_seconds": total_seconds, "steps": steps})
