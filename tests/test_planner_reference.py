"""A faster planner makes the same plans: byte for byte, on a broad fixed set of requests,
and each shortcut agrees with the plain way it replaces.

The digests in tests/data/plan_reference.json were made by the planner before the speed
work of issue 9 (see tests/support/plan_reference.py, which also says how to make them
again when a change is meant to change plans).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.plan_reference import REFERENCE, digest, plan_json
from unknot.intake.screen import screen
from unknot.library.loader import default_library
from unknot.planner import PlanRequest, build_plan
from unknot.planner.compose import (
    _keys,
    _phase_pool,
    _position_score,
    _static_score,
    _usable_bits,
    compose,
    make_context,
    usable,
)
from unknot.planner.order import _sentences
from unknot.planner.render import (
    Choice,
    _scaled_cues,
    reference_cues,
    reference_steps,
    render_steps,
)
from unknot.planner.traits import library_index

CASES = json.loads(REFERENCE.read_text(encoding="utf-8"))


def test_the_reference_set_is_broad():
    assert len(CASES) >= 500
    requests = [case["request"] for case in CASES]
    assert {r["minutes"] for r in requests} >= {1, 2, 3, 15, 30, 59, 60}
    assert {r["setting"] for r in requests} == {"desk", "sofa", "bed", "floor", "anywhere"}
    assert sum(1 for r in requests if r["tools"]) > 300
    assert sum(1 for r in requests if r.get("regions")) > 50
    assert sum(1 for r in requests if r.get("answers")) > 30


def test_every_plan_is_the_same_as_before_byte_for_byte():
    changed = [case["request"] for case in CASES if digest(plan_json(case)) != case["plan_sha256"]]
    assert not changed, (
        f"{len(changed)} of {len(CASES)} plans differ from the reference, the first: {changed[0]} "
        "— when the change is meant to change plans, run "
        "`.venv/bin/python tests/support/plan_reference.py --write`")


def test_the_reference_set_holds_routines_of_every_kind():
    routines = 0
    for case in CASES[:150]:
        plan = build_plan(PlanRequest.model_validate(case["request"]), rest_no=case["rest_no"])
        routines += bool(plan.steps)
    assert 60 < routines < 150  # routines, and refusals (a doctor first, a question) too


@pytest.mark.parametrize("seconds", [1, 2, 7, 30, 45, 61, 90, 120, 179, 300, 600, 1800])
def test_cues_worked_out_at_load_agree_with_the_plain_way(seconds: int):
    for technique in default_library().techniques:
        for side in (("left", "right") if technique.sided else (None,)):
            fast = _scaled_cues(technique, seconds, side)
            plain = reference_cues(technique, seconds, side)
            assert fast == plain, (technique.id, seconds, side)
            assert [c.model_dump_json() for c in fast] == [c.model_dump_json() for c in plain]


def test_steps_made_without_validation_equal_validated_ones():
    library = default_library().techniques
    choices = [Choice(technique=t, phase=phase, seconds=seconds, position=t.positions[0],
                      pressure=t.pressures[-1], why="Because.")
               for t in library for phase, seconds in (("work", 37), ("close", 240))]
    fast, plain = render_steps(choices), reference_steps(choices)
    assert fast == plain
    assert [s.model_dump_json() for s in fast] == [s.model_dump_json() for s in plain]
    # Each step owns its lists: changing one changes no other plan.
    fast[0].instructions.insert(0, "From your therapist: slowly.")
    assert render_steps(choices[:1])[0].instructions == plain[0].instructions


def test_a_step_with_impossible_seconds_is_still_refused():
    from pydantic import ValidationError

    technique = default_library().techniques[0]
    with pytest.raises(ValidationError):
        render_steps([Choice(technique=technique, phase="work", seconds=0,
                             position=technique.positions[0], pressure="light", why="x")])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=". aAbZz1\n", max_size=40))
def test_reasons_are_split_into_sentences_as_the_regex_splits_them(text: str):
    assert _sentences(text) == re.split(r"(?<=\.) (?=[A-Z])", text)


def test_every_reason_in_the_reference_plans_splits_as_the_regex_splits_it():
    for case in CASES[:200]:
        plan = build_plan(PlanRequest.model_validate(case["request"]), rest_no=case["rest_no"])
        for step in plan.steps:
            assert _sentences(step.why) == re.split(r"(?<=\.) (?=[A-Z])", step.why)


def test_the_techniques_that_fit_are_those_usable_says_fit():
    """Which techniques fit, worked out on the library's sets of bits, is `usable` asked
    of each technique: with and without the person's health conditions."""
    library = default_library()
    index = library_index(library)
    for case in CASES:
        request = PlanRequest.model_validate(case["request"])
        intake = screen(request.text, request.answers, regions=request.regions or None,
                        goals=request.goals or None, rest_no=case["rest_no"])
        ctx = make_context(request, intake)
        ctx.use(index)
        for mind in (True, False):
            plain = [t for t in library.techniques if usable(t, ctx, mind_conditions=mind)]
            assert index.listed(_usable_bits(ctx, index, mind_conditions=mind)) == plain


def test_pool_keys_are_the_plain_scores_with_the_same_draws():
    """`_keys` (scores worked out once per pool) gives each technique the score the plain
    way gives it — static part, position, less for each use, one draw — even for a pool
    that holds a technique twice."""
    library = default_library()
    checked = 0
    for case in CASES[:150]:
        request = PlanRequest.model_validate(case["request"])
        intake = screen(request.text, request.answers, regions=request.regions or None,
                        goals=request.goals or None, rest_no=case["rest_no"])
        if not intake.understood or intake.verdict in ("see_doctor", "urgent"):
            continue
        ctx = make_context(request, intake)
        compose(ctx, library)  # (what a plan leaves: uses, positions, a place to be)
        for phase in ("work", "connected", "gentle"):
            pool = _phase_pool("work", ctx) + _phase_pool("connected", ctx)
            state = ctx.rng.getstate()
            fast = _keys(pool, phase, ctx)
            ctx.rng.setstate(state)
            plain = []
            for technique in pool:
                score = _static_score(technique, phase, ctx)
                score += _position_score(technique, ctx)
                score -= 4.0 * ctx.used.get(technique.id, 0)
                plain.append(-(score + ctx.rng.random() * 1.2))
            assert fast == plain, (case["request"], phase)
            checked += len(pool)
    assert checked > 1000
