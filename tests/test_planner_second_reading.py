"""Plans read a second time as a massage therapist would (issue 8, after the rubric).

Each test here is one thing a therapist stopped at: the side a step works on said
the same way everywhere, reasons that fit the kind of touch, a warm-up before the
hands-on work, one powered tool per short routine, and no new position just to end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from unknot.library.loader import default_library
from unknot.planner import PlanRequest, build_plan

UNKNOT = str(Path(sys.executable).with_name("unknot"))
LIBRARY = default_library()
DEVICES = {"massage_gun", "handheld_massager"}


def plans(text: str, minutes: tuple[int, ...], setting: str = "anywhere",
          tools: tuple[str, ...] = (), seeds: range = range(6)):
    for minute in minutes:
        for seed in seeds:
            yield build_plan(PlanRequest(text=text, minutes=minute, setting=setting,
                                         tools=list(tools), seed=seed), rest_no=True)


def test_the_plan_json_names_the_side_each_step_works_on() -> None:
    done = subprocess.run([UNKNOT, "plan", "--none", "--json", "--minutes", "10", "--setting",
                           "desk", "--tools", "massage_gun", "tight shoulders from stress"],
                          capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    steps = [s for s in json.loads(done.stdout)["steps"] if s["technique"] == "shoulder-massage-gun"]
    assert [s["side"] for s in steps] == ["left", "right"]
    for step in steps:
        words = " ".join(step["instructions"])
        assert "first shoulder" not in words
        assert f"the {step['side']} shoulder" in words


def test_a_warm_up_comes_before_the_hands_on_work() -> None:
    seen = 0
    for text in ("stiff neck from the desk", "tight shoulders", "my neck and shoulders ache"):
        for plan in plans(text, (5, 8, 10, 12), "desk"):
            ids = [s.technique for s in plan.steps]
            if "neck-shoulder-warmup" not in ids:
                continue
            seen += 1
            first_massage = next(i for i, s in enumerate(plan.steps) if s.kind == "massage")
            assert ids.index("neck-shoulder-warmup") < first_massage, ids
            warm_up = plan.steps[ids.index("neck-shoulder-warmup")]
            assert "after the work" not in warm_up.why and "connect" not in warm_up.why
    assert seen, "the warm-up was never chosen"


@pytest.mark.parametrize("text,minutes,tools", [
    ("tight shoulders", 12, ("massage_gun",)),
    ("sore legs after leg day", 10, ("massage_gun",)),
    ("sore calves and thighs", 12, ("massage_gun", "handheld_massager")),
    ("knots around my shoulder blades", 8, ("massage_gun",)),
])
def test_a_short_routine_has_one_block_with_a_powered_tool(text, minutes, tools) -> None:
    for plan in plans(text, (minutes,), tools=tools):
        blocks = {s.technique for s in plan.steps if set(s.tools) & DEVICES}
        assert len(blocks) == 1, blocks


def test_a_long_routine_may_use_a_powered_tool_on_two_areas() -> None:
    most = max(len({s.technique for s in plan.steps if set(s.tools) & DEVICES})
               for plan in plans("sore calves, thighs and glutes after leg day", (25,),
                                 tools=("massage_gun",)))
    assert most >= 2


STROKING = {"glide", "sweep", "circles", "knead"}


def test_a_reason_fits_the_kind_of_touch_and_says_something() -> None:
    cases = [("desk neck", (5,), "desk"), ("tension headache", (10,), "anywhere"),
             ("tight shoulders", (12,), "anywhere"), ("sore calves after running", (12,), "floor")]
    for text, minutes, setting in cases:
        for plan in plans(text, minutes, setting):
            for step in plan.steps:
                technique = LIBRARY.get(step.technique)
                assert "another angle" not in step.why and "another touch" not in step.why
                if "Gentle strokes" in step.why:
                    assert technique.strokes[0] in STROKING, (step.technique, step.why)


def test_a_short_routine_does_not_kneel_just_to_end() -> None:
    for plan in plans("tight shoulders", (8, 10, 12, 14), seeds=range(10)):
        worked = {s.position for s in plan.steps if s.kind == "massage"}
        assert plan.steps[-1].position in worked, [(s.technique, s.position) for s in plan.steps]
        assert "childs-pose" not in {s.technique for s in plan.steps}


def test_the_massage_gun_works_around_the_shoulder_blade_once_in_a_short_routine() -> None:
    technique = LIBRARY.get("shoulder-blade-massage-gun")
    assert technique is not None and technique.sided and "percussion" in technique.modalities
    assert {"pregnancy", "bleeding_risk", "fragile_bones", "cancer", "frailty"} <= set(
        technique.contraindications)
    chosen = 0
    for plan in plans("tight upper back around my shoulder blades", (8, 10, 12),
                      tools=("massage_gun",)):
        guns = [s for s in plan.steps if "massage_gun" in s.tools]
        assert len({s.technique for s in guns}) == 1, [s.technique for s in guns]
        assert sorted(s.side for s in guns) == ["left", "right"]
        chosen += guns[0].technique == "shoulder-blade-massage-gun"
        for step in guns:
            words = " ".join(step.instructions)
            assert " first " not in words
            part = "shoulder blade" if step.technique == "shoulder-blade-massage-gun" else "shoulder"
            assert f"the {step.side} {part}" in words
    assert chosen, "the shoulder-blade gun was never chosen for the shoulder blades"


@pytest.mark.parametrize("setting", ["anywhere", "floor"])
def test_a_massage_ball_brought_for_sore_calves_is_used_on_the_calves(setting) -> None:
    for plan in plans("sore calves after running", (8, 12), setting, tools=("massage_ball",)):
        with_ball = [s for s in plan.steps if "massage_ball" in s.tools]
        assert with_ball and all("calves" in s.regions for s in with_ball), \
            [s.technique for s in plan.steps]
        assert all("massage ball" in s.why for s in with_ball)


def test_reasons_read_as_plain_english() -> None:
    for plan in plans("sore calves after running, I am 24 weeks pregnant", (12,)):
        for step in plan.steps:
            assert "feet connects" not in step.why
            assert "Pressure kept light: In " not in step.why
