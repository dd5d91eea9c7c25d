"""POST /api/v1/plans/alternatives: what a step may be swapped for, as steps ready to put in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.api import TestClient, make_plan, none_apply, serve
from unknot.library.loader import default_library
from unknot.storage import Store

LIBRARY = default_library()
CALVES = {"text": "sore calves after my run", "minutes": 10, "seed": 3}
BACK = {"text": "my lower back aches", "minutes": 10, "seed": 1}
BACK_OSTEOPOROSIS = {"text": "my lower back aches, I have osteoporosis", "minutes": 10, "seed": 1}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def answered(client: TestClient, request: dict) -> tuple[dict, dict]:
    """The plan, and the request with its safety check answered "none of these apply"."""
    plan = make_plan(client, **request)
    return plan, {**request, "answers": {"questions": none_apply(plan)}}


def offers(client: TestClient, request: dict, steps: list[dict], index: int) -> dict:
    answer = client.post("/api/v1/plans/alternatives",
                         json={"request": request, "steps": steps, "index": index})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_sided_step_swaps_with_its_other_side_and_keeps_the_time(client: TestClient) -> None:
    plan, request = answered(client, CALVES)
    steps = plan["steps"]
    right = next(i for i, s in enumerate(steps) if s["side"] == "right")
    assert steps[right - 1]["technique"] == steps[right]["technique"]
    body = offers(client, request, steps, right)
    assert body["replaces"] == [right - 1, right + 1]
    pair_seconds = steps[right - 1]["seconds"] + steps[right]["seconds"]
    assert body["items"], "nothing offered for a calf step"
    for item in body["items"]:
        new = item["steps"]
        assert sum(s["seconds"] for s in new) == pair_seconds
        assert {s["technique"] for s in new} == {item["technique"]}
        if LIBRARY.get(item["technique"]).sided:
            assert [s["side"] for s in new] == ["left", "right"]
        else:
            assert [s["side"] for s in new] == [None]
        assert all(s["phase"] == steps[right]["phase"] for s in new)
        assert new[0]["why"].startswith("Your choice")


def test_it_never_offers_a_technique_already_in_the_plan_and_the_count_is_the_list(
        client: TestClient) -> None:
    plan, request = answered(client, BACK)
    used = {s["technique"] for s in plan["steps"]}
    for index in range(len(plan["steps"])):
        body = offers(client, request, plan["steps"], index)
        assert body["count"] == len(body["items"])
        assert not {i["technique"] for i in body["items"]} & used


def test_it_never_offers_what_the_persons_conditions_rule_out(client: TestClient) -> None:
    plan, plain = answered(client, BACK)
    _, fragile = answered(client, BACK_OSTEOPOROSIS)
    steps = plan["steps"]  # the same routine, asked about by someone with fragile bones

    def ruled_out(request: dict) -> set[str]:
        found = set()
        for index in range(len(steps)):
            for item in offers(client, request, steps, index)["items"]:
                if "fragile_bones" in LIBRARY.get(item["technique"]).contraindications:
                    found.add(item["technique"])
        return found

    assert ruled_out(plain), "the test needs a plan where such a technique would be offered"
    assert ruled_out(fragile) == set()


def test_bad_requests_name_what_to_fix(client: TestClient) -> None:
    plan, request = answered(client, BACK)
    steps = plan["steps"]
    url = "/api/v1/plans/alternatives"

    answer = client.post(url, json={"request": request, "steps": steps, "index": len(steps)})
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "index"]

    wrong = [dict(steps[0], technique="no-such-move"), *steps[1:]]
    answer = client.post(url, json={"request": request, "steps": wrong, "index": 0})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "steps", 0, "technique"]

    answer = client.post(url, json={"request": BACK, "steps": steps, "index": 0})
    assert answer.status_code == 422 and "safety check" in answer.json()["detail"][0]["msg"]

    urgent = {"text": "worst headache of my life, came on suddenly"}
    answer = client.post(url, json={"request": urgent, "steps": steps, "index": 0})
    assert answer.status_code == 422 and "no routine" in answer.json()["detail"][0]["msg"]

    answer = client.post(url, json={"request": request, "steps": [], "index": 0})
    assert answer.status_code == 422


def test_the_answer_is_encoded_as_its_response_model_encodes_it(client: TestClient) -> None:
    # Encoded in the worker's CPU lane rather than by FastAPI on the event loop: the same
    # bytes as the response model's own encoding.
    from unknot.web.api.swaps import SwapAnswer

    plan, request = answered(client, CALVES)
    answer = client.post("/api/v1/plans/alternatives",
                         json={"request": request, "steps": plan["steps"], "index": 0})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.content == SwapAnswer.model_validate_json(answer.content).model_dump_json().encode()
