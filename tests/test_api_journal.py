"""GET /api/v1/journal: the chart series, what helps, and advice to see a doctor."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FrozenClock
from support.api import DESK_NECK, TestClient, make_plan, serve, start_session
from test_storage_integrity import damage_file, digest, fill
from unknot.storage import Store, open_store


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def journal(client: TestClient) -> dict:
    answer = client.get("/api/v1/journal")
    assert answer.status_code == 200, answer.text
    return answer.json()


def session_done(client: TestClient, plan: dict, before: dict, after: dict,
                 status: str = "completed") -> dict:
    session = start_session(client, plan, before=before)
    client.post(f"/api/v1/sessions/{session['id']}/finish", json={
        "status": status, "after": after, "completed_steps": session["total_steps"]})
    return session


def test_an_empty_journal_has_nothing_to_show(client: TestClient) -> None:
    assert journal(client) == {"sessions": 0, "series": [],
                               "helps": {"techniques": [], "goals": []}, "advice": []}


def test_the_series_runs_oldest_first_with_before_and_after(
        client: TestClient, clock: FrozenClock) -> None:
    plan = make_plan(client)
    first = session_done(client, plan, {"pain": 5, "stress": 6}, {"pain": 3, "stress": 2})
    clock.advance(days=1)
    second = session_done(client, plan, {"pain": 4}, {"pain": 2})
    clock.advance(days=1)
    start_session(client, plan)  # no ratings: counted, not charted
    body = journal(client)
    assert body["sessions"] == 3
    assert [p["id"] for p in body["series"]] == [first["id"], second["id"]]
    assert body["series"][0] == {
        "id": first["id"], "date": "2026-03-02T09:00:00Z", "pain_before": 5, "pain_after": 3,
        "tension_before": None, "tension_after": None, "stress_before": 6, "stress_after": 2}


def test_the_series_can_be_asked_shorter_and_keeps_the_newest(
        client: TestClient, clock: FrozenClock) -> None:
    plan = make_plan(client)
    done = []
    for pain in range(4):
        done.append(session_done(client, plan, {"pain": pain + 5}, {"pain": pain}))
        clock.advance(days=1)
    short = client.get("/api/v1/journal", params={"series": 2}).json()
    assert [p["id"] for p in short["series"]] == [s["id"] for s in done[-2:]]
    assert short["sessions"] == 4 and short["helps"] == journal(client)["helps"]
    for wrong in (0, 366, "all"):
        answer = client.get("/api/v1/journal", params={"series": wrong})
        assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == [
            "query", "series"]


def test_it_says_what_helps_per_technique_and_per_goal(client: TestClient,
                                                       clock: FrozenClock) -> None:
    plan = make_plan(client)
    session_done(client, plan, {"pain": 6}, {"pain": 2})
    clock.advance(days=1)
    session_done(client, plan, {"pain": 6}, {"pain": 4})
    helps = journal(client)["helps"]
    first_step = plan["steps"][0]
    item = next(i for i in helps["techniques"] if i["id"] == first_step["technique"])
    assert item == {"id": first_step["technique"], "name": first_step["name"], "sessions": 2,
                    "pain": -3.0, "tension": None, "stress": None}
    goal = helps["goals"][0]
    assert goal["sessions"] == 2 and goal["pain"] == -3.0
    assert goal["name"][0].isupper() and "_" not in goal["name"]


def test_intense_pain_before_a_session_brings_advice_to_see_a_doctor(
        client: TestClient) -> None:
    session_done(client, make_plan(client), {"pain": 9}, {"pain": 8})
    advice = journal(client)["advice"]
    assert [a["id"] for a in advice] == ["intense_pain"]
    assert advice[0]["verdict"] == "see_doctor"
    assert "doctor" in advice[0]["message"] and "9/10" in advice[0]["evidence"]


def test_a_session_stopped_because_it_hurt_brings_advice(client: TestClient) -> None:
    session = start_session(client, before={"pain": 3})
    client.post(f"/api/v1/sessions/{session['id']}/finish", json={
        "status": "stopped", "completed_steps": 1, "stop_reason": "it hurts more"})
    assert "stopped_hurting" in [a["id"] for a in journal(client)["advice"]]


def test_the_journal_shows_only_the_persons_own_sessions(client: TestClient,
                                                         store: Store) -> None:
    bob = store.add_person("Bob")
    store.create_session(plan=make_plan(client), request=DESK_NECK, before={"pain": 9},
                         source="web", person_id=bob)
    assert journal(client)["sessions"] == 0


# -- a damaged database file ----------------------------------------------------

def test_a_damaged_database_is_a_503_that_says_what_to_do_and_nothing_is_written(
        tmp_path: Path) -> None:
    path = tmp_path / "unknot.db"
    fill(f"sqlite:///{path}")
    # The worker opened the database while it was sound; then the disk failed.
    worker = open_store(f"sqlite:///{path}", upgrade=False)
    try:
        with serve(worker) as client:
            plan = make_plan(client)
            damaged = damage_file(path)
            for answer in (client.get("/api/v1/journal"),
                           client.post("/api/v1/sessions", json={
                               "id": str(uuid.uuid4()), "plan": plan, "request": DESK_NECK}),
                           client.get("/api/v1/sessions")):
                assert answer.status_code == 503, answer.text
                assert answer.headers["content-type"] == "application/json"
                detail = answer.json()["detail"]
                assert isinstance(detail, str) and str(path) in detail
                assert "damaged" in detail and "unknot db backup" in detail \
                    and "unknot db check" in detail
                # Waiting will not mend a damaged file: no Retry-After.
                assert "retry-after" not in answer.headers
    finally:
        worker.close()
    assert digest(path) == damaged


def test_the_journal_is_sent_as_exactly_the_bytes_its_model_gives(
        client: TestClient, clock: FrozenClock) -> None:
    # The series is encoded straight from the database's rows (no model per point): the
    # answer must stay byte for byte what JournalOut itself encodes, advice included.
    from unknot.web.schemas import JournalOut

    plan = make_plan(client)
    for pain in (3, 5, 7, 8, 9):
        session_done(client, plan, {"pain": pain, "tension": 4}, {"pain": pain + 1},
                     status="stopped" if pain == 9 else "completed")
        clock.advance(hours=20)
    answer = client.get("/api/v1/journal")
    body = answer.json()
    assert body["advice"] and len(body["series"]) == 5 and body["helps"]["techniques"]
    assert answer.content == JournalOut.model_validate(body).model_dump_json().encode()
