"""POST /api/v1/plans: the CLI's options as a JSON body → the plan object of SPEC §4."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from unknot.storage import Store
from unknot.vocabulary import expand_regions

STEP_KEYS = {"technique", "name", "kind", "phase", "regions", "side", "seconds", "pressure",
             "tools", "position", "instructions", "cues", "why", "stop_if"}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def plan(client: TestClient, **body: object) -> dict:
    answer = client.post("/api/v1/plans", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_it_builds_a_routine_that_fills_the_minutes_exactly(client: TestClient) -> None:
    body = plan(client, text="neck and shoulders tight from the desk", minutes=7, setting="desk")
    assert body["intake"]["verdict"] == "ok"
    assert body["total_seconds"] == 7 * 60 == sum(s["seconds"] for s in body["steps"])
    for step in body["steps"]:
        assert set(step) == STEP_KEYS
        assert step["position"] in ("seated", "standing")
        assert all({"at", "say"} == set(cue) for cue in step["cues"])
        assert step["stop_if"].startswith("Stop ")


def test_it_uses_only_the_tools_at_hand(client: TestClient) -> None:
    body = plan(client, regions=["upper_back"], tools=["tennis_ball", "wall"], minutes=10)
    used = {tool for step in body["steps"] for tool in step["tools"]}
    assert used <= {"hands", "tennis_ball", "wall"}


def test_the_same_request_and_seed_give_the_same_plan(client: TestClient) -> None:
    request = {"text": "sore calves after my run", "minutes": 12, "seed": 42}
    assert plan(client, **request) == plan(client, **request)


def test_a_caution_plan_leaves_out_what_the_screening_avoids(client: TestClient) -> None:
    body = plan(client, text="bloated and my back aches",
                answers={"pregnant": True, "pregnancy_weeks": 20})
    avoid = expand_regions(body["intake"]["avoid"])
    assert body["intake"]["verdict"] == "caution" and "abdomen" in avoid
    assert body["steps"]
    for step in body["steps"]:
        assert not expand_regions(step["regions"]) & avoid


def test_an_urgent_verdict_has_no_steps_and_says_to_get_help(client: TestClient) -> None:
    body = plan(client, text="worst headache of my life, came on suddenly")
    assert body["intake"]["verdict"] == "urgent"
    assert body["steps"] == [] and body["total_seconds"] == 0
    assert "emergency" in body["intake"]["message"]


@pytest.mark.parametrize(("body", "loc", "words"), [
    ({"minutes": 10}, ["body"], "give at least one of text, regions or goals"),
    ({"text": "neck", "minutes": 0}, ["body", "minutes"], "greater than or equal to 1"),
    ({"text": "neck", "minutes": 61}, ["body", "minutes"], "less than or equal to 60"),
    ({"text": "neck", "tools": ["hammer"]}, ["body", "tools", 0], "'hands'"),
    ({"regions": ["elbow"]}, ["body", "regions", 0], "'head'"),
    ({"text": "neck", "setting": "office"}, ["body", "setting"], "'desk'"),
    ({"text": "neck", "seed": -1}, ["body", "seed"], "greater than or equal to 0"),
    ({"text": "neck", "colour": "blue"}, ["body", "colour"], "not permitted"),
])
def test_a_bad_request_is_a_422_naming_the_field_and_why(
        client: TestClient, body: dict, loc: list, words: str) -> None:
    answer = client.post("/api/v1/plans", json=body)
    assert answer.status_code == 422
    errors = answer.json()["detail"]
    assert any(e["loc"] == loc and words in e["msg"] for e in errors), errors


def test_a_late_pregnancy_plan_leaves_out_what_the_techniques_rule_out(client: TestClient) -> None:
    from unknot.library.loader import default_library

    body = plan(client, text="my lower back aches", setting="floor", minutes=15,
                answers={"pregnant": True, "pregnancy_weeks": 24})
    conditions = set(body["intake"]["conditions"])
    assert {"pregnancy", "late_pregnancy"} <= conditions
    assert body["steps"]
    library = default_library()
    for step in body["steps"]:
        assert step["position"] != "lying"
        assert not set(library.get(step["technique"]).contraindications) & conditions
        assert step["stop_if"] == library.get(step["technique"]).stop_if


def test_a_sided_step_names_its_side_in_its_own_words(client: TestClient) -> None:
    """The web plan page and player show the plan's words as they are: a right-side step
    says "the right shoulder", never the library's "the first shoulder"."""
    body = plan(client, regions=["shoulders"], minutes=10, setting="desk", seed=1)
    sided = [step for step in body["steps"] if step["side"]]
    assert {step["side"] for step in sided} == {"left", "right"}
    named = 0
    for step in sided:
        words = " ".join(step["instructions"] + [cue["say"] for cue in step["cues"]])
        assert " first " not in words, (step["technique"], words)
        named += f"the {step['side']} " in words
    assert named, "no sided step names its side"
