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
from unknot.planner.model import CONNECTED, GOAL_REGIONS, PHASE_SHARE, PHASES, Plan
from unknot.planner.render import Choice, render_steps
from unknot.planner.request import PlanRequest
from unknot.vocabulary import (
    HEAD_PARTS,
    PRESSURE_LEVEL,
    SETTING_POSITIONS,
    expand_regions,
)

NO_ROUTINE = ("see_doctor", "urgent")
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
    position: str | None = None
    _static: dict[tuple[str, str], float] = field(default_factory=dict)


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
        note = "Pressure kept light: " + (reasons[0] if reasons else "a caution applies.")
    if request.pressure == "light":
        avoid = avoid | {"deep_pressure"}  # a preference, not a safety rule
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
    )


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
    regions = ctx.regions_of.get(technique.id) or expand_regions(technique.regions)
    if regions & ctx.avoid or set(technique.modalities) & ctx.avoid:
        return False
    if "abdomen" in regions and not ctx.allow_abdomen and technique.kind == "massage":
        return False
    if not technique.needed_tools <= ctx.tools:
        return False
    if not set(technique.positions) & set(ctx.positions):
        return False
    lightest = min(PRESSURE_LEVEL[p] for p in technique.pressures)
    return lightest <= PRESSURE_LEVEL[ctx.pressure]


def _overlap(technique: Technique, regions: list[str], ctx: Context) -> list[str]:
    mine = ctx.regions_of.get(technique.id) or expand_regions(technique.regions)
    return [r for r in regions if r in mine]


def _score(technique: Technique, phase: str, ctx: Context) -> float:
    key = (technique.id, phase)
    if key not in ctx._static:
        ctx._static[key] = _static_score(technique, phase, ctx)
    score = ctx._static[key]
    if ctx.position in technique.positions:
        score += 2.5  # fewer position changes
    score -= 4.0 * ctx.used.get(technique.id, 0)
    return score + ctx.rng.random() * 1.2


def _static_score(technique: Technique, phase: str, ctx: Context) -> float:
    """The part of a technique's score that does not change while a plan is built."""
    on_target = _overlap(technique, ctx.targets, ctx)
    on_connected = _overlap(technique, ctx.connected, ctx)
    score = 0.0
    if phase in ("work", "gentle", "stretch"):
        if on_target:
            # Earlier-named regions matter more ("most relevant first").
            score += 3.0 + 2.0 / (1 + ctx.targets.index(on_target[0]))
        score += 0.8 * bool(on_connected)
    elif phase == "connected":
        score += 3.0 * bool(on_connected) + 0.5 * bool(on_target)
    score += 0.7 * len(set(technique.goals) & set(ctx.goals))
    if technique.needed_tools and on_target:
        score += 1.0  # they brought the tool for a reason, for this area
    return score


def _relevant(technique: Technique, phase: str, ctx: Context) -> bool:
    if phase == "settle":
        return True
    if phase == "close":
        # A calm ending: breathing or stillness, or gentle work on what was just worked.
        return technique.kind in ("breathing", "meditation") or bool(
            _overlap(technique, ctx.targets, ctx))
    if phase == "connected":
        return bool(_overlap(technique, ctx.connected, ctx))
    return bool(_overlap(technique, ctx.targets + ctx.connected, ctx))


def _position_for(technique: Technique, ctx: Context) -> str:
    if ctx.position in technique.positions and ctx.position in ctx.positions:
        return ctx.position
    return next(p for p in ctx.positions if p in technique.positions)


def _pick(pool: list[Technique], phase: str, ctx: Context, budget: int,
          allow_repeat: bool = False) -> Choice | None:
    ranked = sorted(pool, key=lambda t: -_score(t, phase, ctx))
    for technique in ranked:
        if ctx.used.get(technique.id) and not allow_repeat:
            continue
        sides = 2 if technique.sided else 1
        per_side = min(max(technique.base_seconds, technique.duration.min),
                       technique.duration.max)
        if per_side * sides > budget:
            per_side = budget // sides
        if per_side < technique.duration.min:
            continue
        ctx.used[technique.id] = ctx.used.get(technique.id, 0) + 1
        ctx.position = _position_for(technique, ctx)
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


def _why(technique: Technique, phase: str, ctx: Context) -> str:
    target = _overlap(technique, ctx.targets, ctx)
    connected = _overlap(technique, ctx.connected, ctx)
    goals = [g.replace("_", " ") for g in technique.goals if g in ctx.goals]
    if phase == "settle":
        text = "Opens with slow breathing so every stroke that follows stays slow and present."
    elif phase == "close":
        text = "Closes quietly so the work can settle before you get up."
    elif phase == "gentle":
        text = f"Gentle strokes relax the {_names(technique.regions)} before any deeper work."
    elif phase == "stretch":
        text = f"Lengthens the {_names(target or connected or technique.regions)} after the work."
    elif phase == "connected" or not target:
        text = (f"The {_names(connected or technique.regions)} connects to your "
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
    budgets = {phase: int(total * share) for phase, share in shares.items()}
    budgets["work"] += total - sum(budgets.values())
    return budgets


def compose(ctx: Context, library: Library) -> list[Choice]:
    """Choose techniques phase by phase, then fit the seconds to the minutes exactly."""
    ctx.regions_of = library.region_sets
    fitting = [t for t in library.techniques if usable(t, ctx)]
    pools = _pools(fitting)
    chosen: list[Choice] = []
    carry = 0
    for phase, budget in _budgets(ctx).items():
        budget += carry
        pool = [t for t in pools[phase] if _relevant(t, phase, ctx)]
        while pool and budget > 0:
            choice = _pick(pool, phase, ctx, budget)
            if choice is None:
                break
            chosen.append(choice)
            budget -= choice.total
            if phase in ("settle", "close"):
                break  # one breathing segment is enough; extra time goes to the work
        carry = budget
    _fill(chosen, ctx, pools)
    ordered = _group_positions(chosen)
    _say_what_was_left_out(ordered, ctx, library)
    return ordered


def _pools(techniques: list[Technique]) -> dict[str, list[Technique]]:
    return {phase: [t for t in techniques
                    if set(t.roles) & set(_PHASE_ROLES[phase])
                    and (phase != "stretch" or t.kind == "stretch")] for phase in PHASES}


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
    pools = _pools(held_back)
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


def _group_positions(chosen: list[Choice]) -> list[Choice]:
    """Within each phase, keep steps of one position together, starting where we already are."""
    ordered: list[Choice] = []
    for phase in PHASES:
        group = [c for c in chosen if c.phase == phase]
        current = ordered[-1].position if ordered else None
        order = list(dict.fromkeys([current] + [c.position for c in group]))
        group.sort(key=lambda c: order.index(c.position))  # stable within a position
        ordered.extend(group)
    return ordered


def _fill(chosen: list[Choice], ctx: Context, pools: dict[str, list[Technique]]) -> None:
    """Stretch or shrink step times within their ranges so they add up to the minutes."""
    for _ in range(200):
        diff = ctx.total - sum(c.total for c in chosen)
        if diff == 0:
            return
        if diff > 0:
            diff = _grow(chosen, diff)
            if diff == 0:
                return
            extra = None
            for phase in ("work", "connected", "gentle"):
                pool = [t for t in pools[phase] if _relevant(t, phase, ctx)] or pools[phase]
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


def _grow(chosen: list[Choice], diff: int) -> int:
    order = sorted(chosen, key=lambda c: ("work", "connected", "gentle", "stretch", "settle",
                                          "close").index(c.phase))
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
