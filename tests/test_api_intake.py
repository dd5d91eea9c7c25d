"""POST /api/v1/intake: free text and answers → the intake object of SPEC §4."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from unknot.storage import Store

KEYS = {"verdict", "regions", "goals", "avoid", "red_flags", "cautions", "conditions", "questions",
        "complete", "subject", "understood", "message"}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def test_it_screens_an_everyday_complaint_as_ok(client: TestClient) -> None:
    answer = client.post("/api/v1/intake", json={"text": "stiff neck and shoulders from the desk"})
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == KEYS
    assert body["verdict"] == "ok"
    assert body["regions"][:2] == ["neck", "shoulders"]


def test_it_sends_a_thunderclap_headache_to_emergency_help(client: TestClient) -> None:
    body = client.post("/api/v1/intake", json={
        "text": "worst headache of my life, came on suddenly"}).json()
    assert body["verdict"] == "urgent"
    assert "emergency" in body["message"]
    assert body["red_flags"] and body["red_flags"][0]["evidence"]


def test_it_uses_the_structured_answers(client: TestClient) -> None:
    body = client.post("/api/v1/intake", json={
        "text": "my lower back aches", "answers": {"pregnant": True, "pregnancy_weeks": 20}}).json()
    assert body["verdict"] == "caution"
    assert "abdomen" in body["avoid"]


def test_answers_may_be_null(client: TestClient) -> None:
    answer = client.post("/api/v1/intake", json={"text": "tired feet", "answers": None})
    assert answer.status_code == 200


@pytest.mark.parametrize(("body", "loc", "words"), [
    ({}, ["body", "text"], "required"),
    ({"text": "x" * 4001}, ["body", "text"], "at most 4000"),
    ({"text": "neck", "answers": {"pain": 11}}, ["body", "answers", "pain"], "less than or equal"),
    ({"text": "neck", "answers": {"age": "old"}}, ["body", "answers", "age"], "integer"),
    ({"text": "neck", "mood": "bad"}, ["body", "mood"], "not permitted"),
])
def test_a_bad_body_is_a_422_naming_the_field_and_why(
        client: TestClient, body: dict, loc: list, words: str) -> None:
    answer = client.post("/api/v1/intake", json=body)
    assert answer.status_code == 422
    errors = answer.json()["detail"]
    assert any(e["loc"] == loc and words in e["msg"] for e in errors), errors


def test_it_returns_the_checklist_and_takes_answers_by_id(client: TestClient) -> None:
    asked = client.post("/api/v1/intake", json={"text": "my lower back aches"}).json()
    assert asked["complete"] is False and asked["subject"] == "self"
    question = asked["questions"][1]
    assert set(question) == {"id", "ask", "why", "source", "answer"}
    answers = {q["id"]: False for q in asked["questions"]}
    done = client.post("/api/v1/intake", json={"text": "my lower back aches",
                                               "answers": {"questions": answers}}).json()
    assert done["complete"] is True and done["verdict"] == "ok"
    answers["back.saddle_numbness"] = True
    yes = client.post("/api/v1/intake", json={"text": "my lower back aches",
                                              "answers": {"questions": answers}}).json()
    assert yes["verdict"] == "urgent"


def test_an_unknown_question_id_is_a_422_naming_it(client: TestClient) -> None:
    answer = client.post("/api/v1/intake", json={"text": "sore back",
                                                 "answers": {"questions": {"back.nope": True}}})
    assert answer.status_code == 422
    detail = answer.json()["detail"][0]
    assert detail["loc"] == ["body", "answers", "questions", "back.nope"]
    assert "back.nope" in detail["msg"]


def test_a_text_over_the_limit_is_a_422_never_a_silent_cut(client: TestClient) -> None:
    answer = client.post("/api/v1/intake", json={"text": "neck " * 801})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "text"]


def test_a_carer_can_say_the_routine_is_for_someone_else(client: TestClient) -> None:
    body = client.post("/api/v1/intake", json={
        "text": "her shoulders are tight", "answers": {"subject": "someone_else"}}).json()
    assert body["subject"] == "someone_else"


def test_an_overlong_condition_is_a_422_naming_it(client: TestClient) -> None:
    answer = client.post("/api/v1/intake", json={
        "text": "sore back", "answers": {"conditions": ["asthma", "x" * 201]}})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "answers", "conditions", 1]


def test_the_answer_is_encoded_as_its_response_model_encodes_it(client: TestClient) -> None:
    # Encoded in the worker's CPU lane rather than by FastAPI on the event loop: the same
    # bytes as the response model's own encoding, non-ASCII text included.
    from unknot.intake.screen import IntakeResult

    answer = client.post("/api/v1/intake", json={"text": "Nacken steif – neck stiff, “sore” 😣"})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.content == IntakeResult.model_validate_json(answer.content).model_dump_json().encode()
