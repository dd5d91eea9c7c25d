"""What the player says and when (pure)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unknot.guide.cues import schedule, step_cues, step_title

PLAN: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "guide_plan.json").read_text(encoding="utf-8"))


def _step(seconds: float, cues: list[dict[str, Any]], name: str = "Glide",
          side: str | None = None) -> dict[str, Any]:
    return {"name": name, "side": side, "seconds": seconds, "cues": cues}


def test_it_announces_each_step_first_with_its_side() -> None:
    cues = step_cues(PLAN, 1)
    assert (cues[0].at, cues[0].say, cues[0].kind) == (0.0, "Neck side glide, left side.", "start")


def test_it_says_the_plans_cues_at_their_second_in_order() -> None:
    said = [(c.at, c.say) for c in step_cues(PLAN, 1) if c.kind == "plan"]
    assert said == [(0.0, "Fingertips below your ear."),
                    (12.0, "Glide down slowly as you breathe out.")]


def test_a_long_step_gets_halfway_and_ten_seconds_left() -> None:
    kinds = {c.kind: c.at for c in step_cues(PLAN, 1)}
    assert kinds["halfway"] == 20.0 and kinds["ten_left"] == 30.0


def test_a_short_step_gets_neither() -> None:
    kinds = [c.kind for c in step_cues(PLAN, 0)]
    assert "halfway" not in kinds and "ten_left" not in kinds


def test_halfway_gives_way_to_a_written_cue_at_the_same_moment() -> None:
    plan = {"steps": [_step(60, [{"at": 29, "say": "Now slower."}])]}
    kinds = [c.kind for c in step_cues(plan, 0)]
    assert "halfway" not in kinds and "ten_left" in kinds


def test_it_says_what_comes_next_before_each_step_ends_but_the_last() -> None:
    nxt = [c for c in step_cues(PLAN, 2) if c.kind == "next"]
    assert [(c.at, c.say) for c in nxt] == [(35.0, "Next: Shoulder rolls.")]
    assert not [c for c in step_cues(PLAN, 3) if c.kind == "next"]


def test_a_cue_written_past_the_end_is_said_just_before_the_end() -> None:
    plan = {"steps": [_step(10, [{"at": 30, "say": "Late."}])]}
    assert [c.at for c in step_cues(plan, 0) if c.kind == "plan"] == [9.0]


def test_step_title_without_a_side_is_just_the_name() -> None:
    assert step_title({"name": "Shoulder rolls", "side": None}) == "Shoulder rolls"


cue_lists = st.lists(st.fixed_dictionaries({
    "at": st.integers(min_value=0, max_value=200),
    "say": st.text(alphabet="abc .", min_size=0, max_size=12)}), max_size=6)
plans = st.lists(st.builds(_step, st.integers(min_value=1, max_value=180), cue_lists,
                           st.sampled_from(["Glide", "Press"]),
                           st.sampled_from([None, "left", "right"])),
                 min_size=1, max_size=8).map(lambda steps: {"steps": steps})


@given(plans)
# Generating a plan is cheap, but on a loaded shared machine a second can pass before eight are.
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_every_step_starts_with_its_name_and_keeps_its_cues_inside_it(plan: dict) -> None:
    for index, cues in enumerate(schedule(plan)):
        seconds = plan["steps"][index]["seconds"]
        assert cues[0].kind == "start"
        assert [c.at for c in cues] == sorted(c.at for c in cues)
        assert all(0 <= c.at < seconds or (c.at == 0 and seconds <= 1) for c in cues)
        assert all(c.say.strip() for c in cues)
        assert all(c.step == index for c in cues)


def test_next_says_when_to_change_position() -> None:
    from unknot.guide.cues import position_move

    seated, lying = {"position": "seated"}, {"position": "lying"}
    assert position_move(seated, lying) == "lie down"
    assert position_move(lying, seated) == "sit up"
    assert position_move({"position": "standing"}, seated) == "sit down"
    assert position_move(seated, {"position": "standing"}) == "stand up"
    assert position_move(seated, {"position": "kneeling"}) == "kneel"
    assert position_move(seated, seated) is None and position_move({}, lying) is None
    plan = {"steps": [
        {"name": "Seated twist", "seconds": 40, "position": "seated"},
        {"name": "Lower back rock", "seconds": 40, "position": "lying"},
        {"name": "Knee hug", "seconds": 40, "position": "lying"},
    ]}
    said = [c.say for cues in schedule(plan) for c in cues if c.kind == "next"]
    assert said == ["Next, lie down: Lower back rock.", "Next: Knee hug."]
