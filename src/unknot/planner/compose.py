"""Compose a routine: settle → gentle strokes → targeted work → connected areas → stretch → close.

The planner is pure: the same request and seed give the same plan. Safety is
enforced here by construction — a technique touching an avoided region, using
an avoided modality or naming one of the person's health conditions among its
own contraindications never enters the candidate pool — and checked again by
property tests.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from itertools import combinations, permutations

from unknot.intake.screen import IntakeResult, screen
from unknot.library.loader import Library, default_library
from unknot.library.schema import Technique, condition_words
from unknot.planner.model import (
    CONNECTED,
    DEVICE_TOOLS,
    GOAL_REGIONS,
    ONE_DEVICE_BELOW_SECONDS,
    PHASE_SHARE,
    PHASES,
    SEED_BACK_STRETCHES,
    SETTLED_ENDING_BELOW_SECONDS,
    Plan,
)
from unknot.planner.render import Choice, render_steps
from unknot.planner.request import PlanRequest
from unknot.text.programs import Lazy
from unknot.vocabulary import (
    HEAD_PARTS,
    PRESSURE_LEVEL,
    SETTING_POSITIONS,
    expand_regions,
)

NO_ROUTINE = ("see_doctor", "urgent")
BACK_REGIONS = frozenset({"upper_back", "middle_back", "lower_back"})
# "lying" in the vocabulary does not say on the back, front or side, and most lying
# moves are on the back: from about 20 weeks of pregnancy no step is done lying.
LYING_NOTE = ("Nothing is done lying down: from about 20 weeks of pregnancy, lying flat on "
              "the back or front is best avoided.")
# How many left-out moves a step's reason names at most.
LEFT_OUT_NAMED = 2
_PHASE_ROLES = {
    "settle": ("settle",), "gentle": ("gentle",), "work": ("work",),
    "connected": ("work", "gentle"), "stretch": ("stretch",), "close": ("close",),
}


_PHASE_ROLE_SETS = {phase: frozenset(roles) for phase, roles in _PHASE_ROLES.items()}


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


def is_warm_up(technique: Technique) -> bool:
    """A move only for before the hands-on work (its one role is `gentle`)."""
    return set(technique.roles) == {"gentle"}


def _make_traits(technique: Technique) -> Traits:
    roles = set(technique.roles)
    # A warm-up belongs before the work: never chosen to support or end it.
    wanted_by = {"gentle"} if is_warm_up(technique) else set(_PHASE_ROLE_SETS)
    return Traits(
        regions=frozenset(expand_regions(technique.regions)),
        modalities=frozenset(technique.modalities),
        needed_tools=technique.needed_tools,
        positions=frozenset(technique.positions),
        goals=frozenset(technique.goals),
        phases=frozenset(phase for phase, wanted in _PHASE_ROLE_SETS.items()
                         if roles & wanted and phase in wanted_by
                         and (phase != "stretch" or technique.kind == "stretch")),
        lightest=min(PRESSURE_LEVEL[p] for p in technique.pressures),
        device=bool(technique.needed_tools & DEVICE_TOOLS),
        base_seconds=technique.base_seconds,
        belly_massage="abdomen" in expand_regions(technique.regions) and technique.kind == "massage",
        named_for_bed="bed" in technique.name.lower(),
        named_in_bed="in bed" in technique.name.lower(),
    )


# The traits of the last few libraries planned with (the shipped one, a test's, a bench's).
_LIBRARY_TRAITS: list[tuple[Library, dict[str, Traits]]] = []


def library_traits(library: Library) -> dict[str, Traits]:
    for known, traits in _LIBRARY_TRAITS:
        if known is library:
            return traits
    traits = {t.id: _make_traits(t) for t in library.techniques}
    _LIBRARY_TRAITS.insert(0, (library, traits))
    del _LIBRARY_TRAITS[4:]
    return traits


def _traits(technique: Technique, ctx: Context) -> Traits:
    found = ctx.traits.get(technique.id)
    return found if found is not None else _make_traits(technique)


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
    regions_of: dict[str, frozenset[str]] = field(default_factory=dict)
    used: dict[str, int] = field(default_factory=dict)
    used_positions: list[str] = field(default_factory=list)
    position: str | None = None
    _static: dict[tuple[str, str], float] = field(default_factory=dict)
    # Worked out once per request (the targets, connected areas, setting and positions
    # do not change while a plan is composed): see `_overlap` and `_phase_pool`.
    _overlaps: dict[tuple[str, bool], list[str]] = field(default_factory=dict)
    _phase_pools: dict[tuple[str, int], tuple] = field(default_factory=dict)
    setting: str = "anywhere"
    named_tools: frozenset[str] = frozenset()
    calm: bool = False
    seen: set[str] = field(default_factory=set)
    traits: dict[str, Traits] = field(default_factory=dict)
    position_set: frozenset[str] = frozenset()
    goal_set: frozenset[str] = frozenset()
    target_set: frozenset[str] = frozenset()
    connected_set: frozenset[str] = frozenset()
    devices: int = 0  # device blocks chosen so far
    named_areas: bool = True  # False: the areas come from the goal, not the person's words

    def __post_init__(self) -> None:
        # The same as sets, for the questions asked of every technique.
        self.position_set = frozenset(self.positions)
        self.goal_set = frozenset(self.goals)
        self.target_set = frozenset(self.targets)
        self.connected_set = frozenset(self.connected)


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


CALM_GOALS = frozenset({"sleep", "stress_relief", "relaxation"})


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


def _overlap(technique: Technique, regions: list[str], ctx: Context) -> list[str]:
    """The regions of `regions` the technique works on, in their order (for the context's
    targets and connected areas, worked out once a request: treat the list as read-only)."""
    on_targets = regions is ctx.targets
    if not on_targets and regions is not ctx.connected:
        mine = _traits(technique, ctx).regions
        return [r for r in regions if r in mine]
    key = (technique.id, on_targets)
    found = ctx._overlaps.get(key)
    if found is None:
        mine = _traits(technique, ctx).regions
        found = ctx._overlaps[key] = [r for r in regions if r in mine]
    return found


def _ranked(pool: list[Technique], phase: str, ctx: Context) -> list[Technique]:
    """The pool, best score first. Each technique is scored once, in pool order (one random
    draw each, so the same seed gives the same plan); ties keep the pool's order.

    `_score` for each technique, with what does not change while ranking taken out of
    the loop (the same sums in the same order, so the same floats)."""
    used_positions = set(ctx.used_positions)
    static, used, draw, traits = ctx._static, ctx.used, ctx.rng.random, ctx.traits
    # `_position_score`, with what depends only on the context taken out of the loop.
    allowed, here = ctx.position_set, ctx.position
    in_bed = ctx.setting == "bed" and "lying" in ctx.positions
    most = 1 if ctx.total < 480 else 2 if ctx.total < 720 else 3
    elsewhere = 0.0 if not used_positions else -1.0 if len(used_positions) < most else -6.0
    keys = []
    for technique in pool:
        key = (technique.id, phase)
        score = static.get(key)
        if score is None:
            score = static[key] = _static_score(technique, phase, ctx)
        mine = (traits.get(technique.id) or _make_traits(technique)).positions & allowed
        if in_bed:
            score += 2.5 if "lying" in mine else -8.0
        elif here in mine:
            score += 2.5
        elif not mine.isdisjoint(used_positions):
            score += 1.5
        else:
            score += elsewhere
        score -= 4.0 * used.get(technique.id, 0)
        keys.append(-(score + draw() * 1.2))
    return [pool[i] for i in sorted(range(len(pool)), key=keys.__getitem__)]


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
    on_target = _overlap(technique, ctx.targets, ctx)
    on_connected = _overlap(technique, ctx.connected, ctx)
    score = 0.0
    if phase in ("work", "gentle", "stretch"):
        if on_target:
            # Earlier-named regions matter more ("most relevant first"), and so does
            # covering more of what was asked.
            score += 6.0 + 2.0 / (1 + ctx.targets.index(on_target[0]))
            score += 0.4 * min(len(on_target), 3)
        score += 0.5 * bool(on_connected)
        if phase == "stretch" and on_target and technique.id in SEED_BACK_STRETCHES:
            score += 2.0  # the stretches seed 002 names: cat–camel, child's pose, twist
    elif phase == "connected":
        score += 3.0 * bool(on_connected) + 0.5 * bool(on_target)
    elif phase == "settle" and technique.kind in ("breathing", "meditation"):
        score += 3.0  # breath first (seeds 000, 004)
    traits = _traits(technique, ctx)
    score += 0.7 * len(traits.goals & ctx.goal_set)
    if traits.needed_tools & ctx.named_tools and (on_target or on_connected):
        score += 4.0 if on_target else 2.0  # they brought the tool for a reason
    elif traits.needed_tools and on_target:
        score += 1.0
    return score


def _relevant(technique: Technique, phase: str, ctx: Context) -> bool:
    if phase == "settle":
        return True
    regions = (ctx.traits.get(technique.id) or _make_traits(technique)).regions
    if phase == "close":
        # A calm ending: breathing or stillness, or gentle work on what was just worked.
        return technique.kind in ("breathing", "meditation") or not regions.isdisjoint(
            ctx.target_set)
    if phase == "connected":
        return not regions.isdisjoint(ctx.connected_set)
    return not (regions.isdisjoint(ctx.target_set) and regions.isdisjoint(ctx.connected_set))


def _phase_pool(pool: list[Technique], phase: str, ctx: Context) -> list[Technique]:
    """What a phase chooses from: on the complaint first; connected areas only as support.

    Worked out once a request for each pool (the fitting at the end asks again and again)."""
    key = (phase, id(pool))
    found = ctx._phase_pools.get(key)
    if found is None or found[0] is not pool or found[1] != len(pool):
        found = ctx._phase_pools[key] = (pool, len(pool), _make_phase_pool(pool, phase, ctx))
    return list(found[2])


def _make_phase_pool(pool: list[Technique], phase: str, ctx: Context) -> list[Technique]:
    relevant = [t for t in pool if _relevant(t, phase, ctx)]
    if ctx.setting == "bed" and "lying" in ctx.positions:
        # In bed everything is done lying down where it can be; a stretch that would
        # have the person sit up again is better left out.
        lying = [t for t in relevant if "lying" in t.positions]
        relevant = lying if lying or phase in ("stretch", "close") else relevant
    if phase in ("gentle", "work", "stretch"):
        on_target = [t for t in relevant if not _traits(t, ctx).regions.isdisjoint(ctx.target_set)]
        if on_target:
            return on_target
    return relevant


def _position_for(technique: Technique, ctx: Context) -> str:
    if ctx.position in technique.positions and ctx.position in ctx.positions:
        return ctx.position
    for position in ctx.used_positions:
        if position in technique.positions:
            return position
    return next(p for p in ctx.positions if p in technique.positions)


def _pick(pool: list[Technique], phase: str, ctx: Context, budget: int,
          allow_repeat: bool = False) -> Choice | None:
    for technique in _ranked(pool, phase, ctx):
        if ctx.used.get(technique.id) and not allow_repeat:
            continue
        traits = _traits(technique, ctx)
        if traits.device and ctx.devices and ctx.total < ONE_DEVICE_BELOW_SECONDS:
            continue  # one device block in a short routine: more is too much gun
        sides = 2 if technique.sided else 1
        duration = technique.duration
        per_side = min(max(traits.base_seconds, duration.min), duration.max)
        if per_side * sides > budget:
            per_side = budget // sides
        if per_side < duration.min:
            continue
        ctx.used[technique.id] = ctx.used.get(technique.id, 0) + 1
        ctx.devices += traits.device
        ctx.position = _position_for(technique, ctx)
        if ctx.position not in ctx.used_positions:
            ctx.used_positions.append(ctx.position)
        return Choice(technique=technique, phase=phase, seconds=per_side,
                      position=ctx.position, pressure=_pressure(technique, phase, ctx),
                      why=_why(technique, phase, ctx))
    return None


def _pressure(technique: Technique, phase: str, ctx: Context) -> str:
    levels = sorted(technique.pressures, key=PRESSURE_LEVEL.__getitem__)
    if phase in ("settle", "gentle", "close"):
        return levels[0]  # light pressure first, always
    allowed = [p for p in levels if PRESSURE_LEVEL[p] <= PRESSURE_LEVEL[ctx.pressure]]
    return allowed[-1]


def _names(regions: list[str]) -> str:
    return _and([r.replace("_", " ") for r in regions if r != "head"] or ["head"])


# Strokes that glide over the skin: "gentle strokes" is their word. A press, a lift
# or a roll is not a stroke, and its reason says what it does.
STROKING = frozenset({"glide", "sweep", "circles", "knead"})
# How each stroke is said in a reason ("… now with slow presses").
TOUCH_WORDS: dict[str, str] = {
    "glide": "long gliding strokes", "knead": "kneading", "circles": "small circles",
    "press": "slow presses", "hold": "held pressure", "squeeze": "slow squeezes",
    "pinch": "gentle pinches", "tap": "light tapping", "roll": "slow rolling",
    "stretch": "a slow stretch", "rotate": "slow turns", "pull": "a gentle pull",
    "sweep": "sweeping strokes", "rock": "rocking", "shake": "shaking out",
    "breathe": "the breath", "scan": "quiet attention", "rest": "rest",
}
SPOKEN_DEVICE = {"massage_gun": "the massage gun", "handheld_massager": "the handheld massager"}


def touch(technique: Technique) -> str:
    """How a technique works, in a few words: its device, else its first stroke."""
    for tool in sorted(technique.needed_tools):
        if tool in SPOKEN_DEVICE:
            return SPOKEN_DEVICE[tool]
    return TOUCH_WORDS[technique.strokes[0]]


# What work on the goal's own areas does, when the person named a goal and no area.
GOAL_HELPS: dict[str, str] = {
    "sleep": "the body wind down for sleep", "stress_relief": "the body calm down",
    "relaxation": "you relax", "energy": "wake the body up", "circulation": "the circulation",
    "recovery": "the muscles recover", "digestion": "digestion",
    "headache_relief": "ease the headache", "stiffness": "ease the stiffness",
    "pain_relief": "ease the ache",
}


def _why(technique: Technique, phase: str, ctx: Context) -> str:
    target = _overlap(technique, ctx.targets, ctx)
    connected = _overlap(technique, ctx.connected, ctx)
    goals = [g.replace("_", " ") for g in technique.goals if g in ctx.goals]
    if phase == "settle" and technique.kind not in ("breathing", "meditation"):
        text = "Opens gently, so you arrive in your body before the work begins."
    elif phase == "settle":
        text = "Opens with slow breathing so every stroke that follows stays slow and present."
    elif phase == "close" and "sleep" in ctx.goals:
        text = "Ends quietly and still, so sleep can come."
    elif phase == "close":
        text = "Closes quietly so the work can settle before you get up."
    elif phase == "gentle" and is_warm_up(technique) and technique.kind == "stretch":
        text = f"Warms up the {_names(technique.regions)} before the hands-on work."
    elif phase == "gentle" and technique.kind == "stretch":
        text = f"Gentle movement eases the {_names(technique.regions)} before any deeper work."
    elif phase == "gentle" and technique.strokes[0] in STROKING:
        text = f"Gentle strokes relax the {_names(technique.regions)} before any deeper work."
    elif phase == "gentle":
        text = (f"Starts light on the {_names(technique.regions)} with {touch(technique)}, "
                "before any deeper work.")
    elif phase in ("work", "connected") and not ctx.named_areas:
        # Areas chosen for the goal (sleep: hands, feet, face): nothing "connects to your
        # hands", and nobody said they feel it there. Say what the work is for.
        helps = GOAL_HELPS.get(ctx.goals[0], ctx.goals[0].replace("_", " "))
        text = f"Work on the {_names(target or connected or technique.regions)} helps {helps}."
        goals = []
    elif phase == "stretch":
        text = f"Lengthens the {_names(target or connected or technique.regions)} after the work."
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
    if technique.needed_tools:
        text += f" Uses the {_names(sorted(technique.needed_tools))} you have at hand."
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
    ctx.regions_of = library.region_sets
    ctx.traits = library_traits(library)
    fitting = [t for t in library.techniques if usable(t, ctx)]
    pools = _pools(fitting, ctx)
    chosen: list[Choice] = []
    carry = 0
    for phase, budget in _budgets(ctx).items():
        budget += carry
        pool = _phase_pool(pools[phase], phase, ctx)
        if phase == "stretch" and ctx.total >= 720 and set(ctx.targets) & BACK_REGIONS:
            budget -= _bring_the_stretches(pool, ctx, budget, chosen)
        if phase == "close" or (phase == "settle" and ctx.calm):
            pool = _not_rousing(pool, ctx)
        if phase in ("stretch", "close") and ctx.total < SETTLED_ENDING_BELOW_SECONDS:
            # No stretch rather than one that needs a new position; a close always.
            pool = _where_we_are(pool, ctx) or (pool if phase == "close" else [])
        if phase == "close":
            pool = _fits_every_position(pool, ctx)
        if phase == "work":
            budget -= _bring_the_tools(pool + _phase_pool(pools["connected"], "connected", ctx),
                                       ctx, budget, chosen)
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
    _fill(chosen, ctx, pools)
    ordered = _group_positions(chosen, ctx)
    _say_what_was_left_out(ordered, ctx, library)
    return ordered


def rousing(technique: Technique) -> bool:
    """A move meant to wake the body up (arm-lift breath, tapping): for energy only."""
    return "energy" in technique.goals and not CALM_GOALS & set(technique.goals)


def _not_rousing(pool: list[Technique], ctx: Context) -> list[Technique]:
    """A routine ends calm (and a calming one starts calm): no wake-up move there,
    unless waking up is what the person came for."""
    if "energy" in ctx.goals:
        return pool
    return [t for t in pool if not rousing(t)] or pool


def _where_we_are(pool: list[Technique], ctx: Context) -> list[Technique]:
    """A short routine ends in a position it already used: no kneeling just for the end."""
    used = frozenset(ctx.used_positions)
    return [t for t in pool if not _traits(t, ctx).positions.isdisjoint(used)]


def _fits_every_position(pool: list[Technique], ctx: Context) -> list[Technique]:
    """The closes that can be done in the most of the positions used, so the steps can
    be ordered (light first, one block per position) without a move just to close."""
    used = frozenset(ctx.used_positions)

    def reach(technique: Technique) -> int:
        return len(_traits(technique, ctx).positions & used)

    most = max((reach(t) for t in pool), default=0)
    return [t for t in pool if reach(t) == most]


def _bring_the_tools(pool: list[Technique], ctx: Context, budget: int,
                     chosen: list[Choice]) -> int:
    """Each tool the person named gets its best step for the complaint, when one fits."""
    spent = 0
    for tool in sorted(ctx.named_tools):
        if any(tool in c.technique.needed_tools for c in chosen):
            continue
        with_tool = _first_complaint([t for t in pool if tool in t.needed_tools], ctx)
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
    held_back = [t for t in library.techniques
                 if ruled_out_by(t, ctx) and usable(t, ctx, mind_conditions=False)]
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


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _group_positions(chosen: list[Choice], ctx: Context) -> list[Choice]:
    """Order the steps so each position is one block: few changes, and phases in order
    as far as the blocks allow (settle first, close last; in bed the end is lying down).
    """
    settle = [c for c in chosen if c.phase == "settle"]
    close = [c for c in chosen if c.phase == "close"]
    middle = [c for c in chosen if c.phase not in ("settle", "close")]
    if not middle:
        return settle + close

    known: dict[int, list[str]] = {}  # (worked out once a choice: the search asks often)

    def allowed(choice: Choice) -> list[str]:
        found = known.get(id(choice))
        if found is None:
            found = known[id(choice)] = [p for p in ctx.positions
                                         if p in choice.technique.positions] or [choice.position]
        return found

    best: tuple | None = None
    options = list(dict.fromkeys(p for c in middle for p in allowed(c)))
    for size in range(1, len(options) + 1):
        for subset in combinations(options, size):
            if not all(set(allowed(c)) & set(subset) for c in middle):
                continue
            for order in permutations(subset):
                arranged = _arrange(settle, middle, close, order, allowed)
                cost = _arrangement_cost(arranged, ctx)
                if best is None or cost < best[0]:
                    best = (cost, arranged)
        if best is not None:
            break
    assert best is not None
    ordered = []
    for choice, position in best[1]:
        choice.position = position
        ordered.append(choice)
    _light_first(ordered)
    _mind_the_order(ordered, ctx.calm)
    _vary_reasons(ordered)
    return ordered


_WORKS = Lazy(r"Works on your (.+), where you feel it\.")
_CONNECTS = Lazy(r"The (.+) connects? to your (.+): tension there feeds it\.")
_USES = Lazy(r"Uses the (.+) you have at hand\.")
_LENGTHENS = Lazy(r"Lengthens the (.+) after the work\.")


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


def _vary_reasons(ordered: list[Choice]) -> None:
    """Say a reason once: a sentence repeated on every card is read by nobody.

    The same pressure note or goal line is kept on its first step only; the same
    "works on" or "connects to" line is said another way the second time and
    left out after that; the tool line is kept short when it comes back.
    """
    seen: dict[str, int] = {}
    for choice in ordered:
        kept = []
        for sentence in re.split(r"(?<=\.) (?=[A-Z])", choice.why):
            count = seen.get(sentence, 0)
            seen[sentence] = count + 1
            if count == 0:
                kept.append(sentence)
                continue
            works, connects, uses = (_WORKS.fullmatch(sentence), _CONNECTS.fullmatch(sentence),
                                     _USES.fullmatch(sentence))
            if uses:
                kept.append(f"Again the {uses.group(1)}.")
            elif works and count == 1:
                kept.append(f"More for your {works.group(1)}, now with {touch(choice.technique)}.")
            elif works:
                kept.append(f"Back to your {works.group(1)} with {touch(choice.technique)}, "
                            f"{_what_it_does(choice.technique)}.")
            elif connects and count == 1:
                kept.append(f"Supports your {connects.group(2)} through the {connects.group(1)}.")
            elif connects:
                kept.append(f"Eases the {connects.group(1)} around your {connects.group(2)} with "
                            f"{touch(choice.technique)}.")
            elif (lengthens := _LENGTHENS.fullmatch(sentence)) and count == 1:
                kept.append(f"{choice.technique.name} adds a second stretch for the "
                            f"{lengthens.group(1)}.")
            elif lengthens:
                kept.append(f"{choice.technique.name} ends the stretches for the "
                            f"{lengthens.group(1)}, so the work holds.")
        choice.why = " ".join(kept) or (
            f"Continues on the {_names(choice.technique.regions)} with {touch(choice.technique)}.")


# What a stroke does for tight muscle, said once per kind of touch.
_DOES = {
    "glide": "to smooth the muscle along its length", "sweep": "to smooth the muscle along its length",
    "knead": "to loosen the muscle", "circles": "to work the small spots",
    "press": "to ease the knots", "hold": "to let a knot let go", "squeeze": "to loosen the muscle",
    "pinch": "to loosen the muscle", "roll": "to reach the deeper layers", "pull": "to make room",
    "tap": "to wake the muscle up", "shake": "to shake off the tension", "rock": "to let it soften",
    "rotate": "to loosen it through movement", "stretch": "to lengthen it",
}


def _what_it_does(technique: Technique) -> str:
    return _DOES.get(technique.strokes[0], "to let it soften")


def _arrange(settle: list[Choice], middle: list[Choice], close: list[Choice],
             order: tuple[str, ...], allowed) -> list[tuple[Choice, str]]:
    placed = []
    for index, choice in enumerate(middle):
        mine = [p for p in order if p in allowed(choice)]
        position = choice.position if choice.position in mine else mine[0]
        # A warm-up leads its phase: it readies the muscles for the strokes after it.
        placed.append((order.index(position), PHASES.index(choice.phase)
                       - 0.5 * is_warm_up(choice.technique), index, choice, position))
    placed.sort(key=lambda x: x[:3])
    out = [(c, p) for *_, c, p in placed]
    if "light" not in out[0][0].technique.pressures:
        # Light first: bring the first step that can be light to the front of its block.
        light = next((i for i, (c, p) in enumerate(out)
                      if p == out[0][1] and "light" in c.technique.pressures), None)
        if light is not None:
            out.insert(0, out.pop(light))
    first, last = out[0][1], out[-1][1]
    for choice in settle:
        own = allowed(choice)
        out.insert(0, (choice, first if first in own else own[0]))
    for choice in close:
        own = allowed(choice)
        out.append((choice, last if last in own else ("lying" if "lying" in own else own[0])))
    return out


def _arrangement_cost(arranged: list[tuple[Choice, str]], ctx: Context) -> tuple:
    positions = [p for _, p in arranged]
    changes = sum(1 for a, b in zip(positions, positions[1:], strict=False) if a != b)
    phases = [PHASES.index(c.phase) for c, _ in arranged]
    inversions = sum(1 for i, a in enumerate(phases) for b in phases[i + 1:] if a > b)
    bed = ctx.setting == "bed" and "lying" in ctx.positions and positions[-1] != "lying"
    hands_on = next((c for c, _ in arranged if c.technique.kind in ("massage", "stretch")),
                    None)
    heavy_first = hands_on is not None and "light" not in hands_on.technique.pressures
    moved = sum(1 for c, p in arranged if p != c.position)
    return (bed, changes, heavy_first, inversions, moved)


def _light_first(ordered: list[Choice]) -> None:
    """The first hands-on step is light (seeds: relaxation first, then knots)."""
    hands_on = next((c for c in ordered if c.technique.kind in ("massage", "stretch")), None)
    if hands_on is not None and "light" in hands_on.technique.pressures:
        hands_on.pressure = "light"


def _fill(chosen: list[Choice], ctx: Context, pools: dict[str, list[Technique]]) -> None:
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
                pool = _phase_pool(pools[phase], phase, ctx) or pools[phase]
                extra = _pick(pool, phase, ctx, diff, allow_repeat=True)
                if extra is not None:
                    break
            if extra is None:
                _absorb(chosen, ctx, pools, diff)
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
                _absorb(chosen, ctx, pools, -diff)
                return
            chosen.remove(droppable[-1])
    raise RuntimeError("the planner could not fit the minutes")  # pragma: no cover


def _grow(chosen: list[Choice], diff: int, ctx: Context) -> int:
    order = sorted(chosen, key=lambda c: (not _overlap(c.technique, ctx.targets, ctx),
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


def _absorb(chosen: list[Choice], ctx: Context, pools: dict[str, list[Technique]],
            diff: int) -> None:
    """Last resort: a breathing segment takes the odd seconds (breathing can always go on)."""
    flexible = [c for c in chosen if not c.technique.sided and c.phase in ("settle", "close")] \
        or [c for c in chosen if not c.technique.sided]
    if flexible:
        flexible[0].seconds += diff
        if flexible[0].seconds > 0:
            return
    breath = next(iter(pools["settle"] or pools["close"]), None)
    if breath is None:
        raise PlanningError("no breathing segment fits this request")
    chosen.insert(0, Choice(technique=breath, phase="settle", seconds=diff,
                            position=_position_for(breath, ctx), pressure="light",
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
    ctx.regions_of = library.region_sets
    ctx.traits = library_traits(library)
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
        return Plan(intake=intake, total_seconds=0, steps=[])
    ctx = make_context(request, intake)
    choices = compose(ctx, library or default_library())
    steps = render_steps(choices)
    return Plan(intake=intake, total_seconds=sum(s.seconds for s in steps), steps=steps)
