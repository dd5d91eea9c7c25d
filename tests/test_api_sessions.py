"""Sessions over HTTP: create (idempotent), progress, finish, list, read — and ownership."""

from __future__ import annotations

import copy
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest

from conftest import FrozenClock
from support.api import DESK_NECK, TestClient, make_plan, serve, start_session
from unknot.storage import Store, open_store

SESSION_KEYS = {"id", "status", "source", "created_at", "started_at", "finished_at", "plan",
                "request", "before", "after", "step_index", "step_elapsed", "completed_steps",
                "total_steps", "total_seconds", "stop_reason", "note"}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def finish(client: TestClient, sid: str, **body: object) -> dict:
    answer = client.post(f"/api/v1/sessions/{sid}/finish", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def errors_of(answer) -> list[dict]:
    assert answer.status_code == 422, answer.text
    return answer.json()["detail"]


# -- create -----------------------------------------------------------------

def test_it_stores_a_session_from_a_plan_and_answers_201(client: TestClient) -> None:
    plan = make_plan(client)
    sid = str(uuid.uuid4())
    answer = client.post("/api/v1/sessions", json={
        "id": sid, "plan": plan, "request": DESK_NECK, "before": {"pain": 4, "stress": 6},
        "source": "web", "status": "in_progress"})
    assert answer.status_code == 201
    body = answer.json()
    assert set(body) == SESSION_KEYS
    assert body["id"] == sid and body["status"] == "in_progress" and body["source"] == "web"
    assert body["plan"]["steps"] == plan["steps"]
    assert body["before"] == {"pain": 4, "tension": None, "stress": 6}
    assert body["after"] is None
    assert body["total_seconds"] == plan["total_seconds"]
    assert body["total_steps"] == len(plan["steps"])
    assert body["created_at"] == body["started_at"] == "2026-03-02T09:00:00Z"


def test_a_retry_with_the_same_id_answers_200_and_stores_nothing_new(
        client: TestClient) -> None:
    plan = make_plan(client)
    body = {"id": str(uuid.uuid4()), "plan": plan, "request": DESK_NECK}
    first = client.post("/api/v1/sessions", json=body)
    second = client.post("/api/v1/sessions", json=body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert len(client.get("/api/v1/sessions").json()["items"]) == 1


def test_concurrent_creates_of_one_id_answer_one_201_and_the_rest_200(
        client: TestClient, database_url: str) -> None:
    plan = make_plan(client)
    workers = 6
    # Each worker its own app and connection pool on the same database, as under uvicorn.
    with ExitStack() as stack:
        clients = [stack.enter_context(serve(stack.enter_context(
            open_store(database_url, upgrade=False)))) for _ in range(workers)]
        # Started before the race: FastAPI sets an app up on its first requests, and
        # that is not safe to do from several threads at once.
        for worker in clients:
            assert worker.get("/api/v1/sessions").status_code == 200
            assert worker.post("/api/v1/sessions", json={}).status_code == 422
        for _ in range(4):
            body = {"id": str(uuid.uuid4()), "plan": plan, "request": DESK_NECK}
            barrier = threading.Barrier(workers)

            def post(worker: TestClient, body: dict = body,
                     barrier: threading.Barrier = barrier) -> tuple[int, str]:
                barrier.wait()
                answer = worker.post("/api/v1/sessions", json=body)
                return answer.status_code, answer.json()["id"]

            with ThreadPoolExecutor(workers) as pool:
                answers = list(pool.map(post, clients))
            assert sorted(code for code, _ in answers) == [200] * (workers - 1) + [201]
            assert {sid for _, sid in answers} == {body["id"]}
    assert len(client.get("/api/v1/sessions").json()["items"]) == 4


def test_a_retry_after_progress_returns_the_session_as_it_now_is(client: TestClient) -> None:
    session = start_session(client)
    client.put(f"/api/v1/sessions/{session['id']}/progress",
               json={"step_index": 1, "step_elapsed": 2.0})
    again = client.post("/api/v1/sessions", json={
        "id": session["id"], "plan": session["plan"], "request": DESK_NECK})
    assert again.status_code == 200
    assert again.json()["step_index"] == 1


def test_an_upper_case_id_is_the_same_session(client: TestClient) -> None:
    session = start_session(client)
    again = client.post("/api/v1/sessions", json={
        "id": session["id"].upper(), "plan": session["plan"], "request": DESK_NECK})
    assert again.status_code == 200 and again.json()["id"] == session["id"]


def test_the_server_makes_an_id_when_the_client_gives_none(client: TestClient) -> None:
    answer = client.post("/api/v1/sessions", json={"plan": make_plan(client)})
    assert answer.status_code == 201
    assert uuid.UUID(answer.json()["id"])


def test_an_urgent_plan_has_no_routine_to_store(client: TestClient) -> None:
    plan = make_plan(client, text="worst headache of my life, came on suddenly")
    errors = errors_of(client.post("/api/v1/sessions", json={"id": str(uuid.uuid4()),
                                                              "plan": plan}))
    assert errors[0]["loc"] == ["body", "plan", "steps"]
    assert errors[0]["msg"].startswith("no routine for this verdict (urgent)")


def test_a_plan_without_steps_is_refused(client: TestClient) -> None:
    errors = errors_of(client.post("/api/v1/sessions", json={"plan": {"steps": []}}))
    assert errors[0]["loc"] == ["body", "plan", "steps"]
    assert "no routine for this verdict" in errors[0]["msg"]


def test_a_see_doctor_verdict_forbids_steps_even_if_a_client_adds_some(
        client: TestClient) -> None:
    plan = make_plan(client)
    plan["intake"]["verdict"] = "see_doctor"
    errors = errors_of(client.post("/api/v1/sessions", json={"plan": plan}))
    assert "no routine for this verdict (see_doctor)" in errors[0]["msg"]


def test_an_edited_step_that_touches_what_the_screening_avoids_is_refused(
        client: TestClient) -> None:
    plan = make_plan(client, text="bloated and my back aches",
                     answers={"pregnant": True, "pregnancy_weeks": 20})
    assert "abdomen" in plan["intake"]["avoid"]
    belly = copy.deepcopy(plan["steps"][0])
    belly.update(technique="abdomen-colon-strokes", kind="massage", regions=["abdomen"])
    plan["steps"].insert(1, belly)
    errors = errors_of(client.post("/api/v1/sessions", json={"plan": plan}))
    assert errors[0]["loc"] == ["body", "plan", "steps", 1]
    assert "abdomen" in errors[0]["msg"] and "avoid" in errors[0]["msg"]


def test_an_edited_step_the_persons_conditions_rule_out_is_refused(client: TestClient) -> None:
    plan = make_plan(client, text="I'm 25 weeks pregnant and my lower back aches", minutes=10)
    assert "late_pregnancy" in plan["intake"]["conditions"]
    lying = copy.deepcopy(plan["steps"][-1])
    lying.update(technique="lower-back-lying-rock", kind="stretch", regions=["lower_back"],
                 position="lying")
    plan["steps"].insert(1, lying)
    errors = errors_of(client.post("/api/v1/sessions", json={"plan": plan}))
    assert errors[0]["loc"] == ["body", "plan", "steps", 1]
    assert "late pregnancy" in errors[0]["msg"]


def test_a_plan_whose_safety_check_is_open_is_refused(client: TestClient) -> None:
    answer = client.post("/api/v1/plans", json={"text": "my lower back aches", "minutes": 5})
    plan = answer.json()
    assert plan["steps"] and not plan["intake"]["complete"]
    errors = errors_of(client.post("/api/v1/sessions", json={"plan": plan}))
    assert errors[0]["loc"] == ["body", "plan", "intake", "complete"]
    assert "back.saddle_numbness" in errors[0]["msg"]


@pytest.mark.parametrize(("change", "loc", "words"), [
    ({"plan": None}, ["body", "plan"], "valid dictionary"),
    ({"before": {"pain": 11}}, ["body", "before", "pain"], "less than or equal to 10"),
    ({"before": {"mood": 3}}, ["body", "before", "mood"], "not permitted"),
    ({"status": "completed"}, ["body", "status"], "'planned' or 'in_progress'"),
    ({"source": "fax"}, ["body", "source"], "'web'"),
    ({"id": "not-a-uuid"}, ["body", "id"], "UUID"),
    ({"created_at": "1999-12-31T23:00:00Z"}, ["body", "created_at"], "between 2000 and 2200"),
    ({"colour": "blue"}, ["body", "colour"], "not permitted"),
])
def test_a_bad_session_body_is_a_422_naming_the_field(
        client: TestClient, change: dict, loc: list, words: str) -> None:
    body = {"id": str(uuid.uuid4()), "plan": make_plan(client), "request": DESK_NECK, **change}
    errors = errors_of(client.post("/api/v1/sessions", json=body))
    assert any(e["loc"] == loc and words in e["msg"] for e in errors), errors


def test_a_step_the_player_cannot_run_is_refused_with_its_place(client: TestClient) -> None:
    plan = make_plan(client)
    plan["steps"][2]["seconds"] = 0
    errors = errors_of(client.post("/api/v1/sessions", json={"plan": plan}))
    assert errors[0]["loc"] == ["body", "plan", "steps", 2, "seconds"]


def test_a_plan_with_a_step_dropped_gets_the_right_length(client: TestClient) -> None:
    plan = make_plan(client)
    dropped = plan["steps"].pop(1)
    session = start_session(client, plan)
    assert session["total_seconds"] == plan["total_seconds"] - dropped["seconds"]
    assert session["total_steps"] == len(plan["steps"])


def test_an_offline_session_keeps_when_it_began_and_ended(client: TestClient) -> None:
    session = start_session(client, created_at="2026-03-01T20:15:00+01:00")
    assert session["created_at"] == "2026-03-01T19:15:00Z"
    done = finish(client, session["id"], status="completed", completed_steps=2,
                  finished_at="2026-03-01T19:20:00Z")
    assert done["finished_at"] == "2026-03-01T19:20:00Z"


# -- progress ---------------------------------------------------------------

def test_progress_is_kept_so_a_reload_resumes_at_the_same_step_and_second(
        client: TestClient) -> None:
    session = start_session(client, status="planned")
    assert session["status"] == "planned" and session["started_at"] is None
    answer = client.put(f"/api/v1/sessions/{session['id']}/progress",
                        json={"step_index": 2, "step_elapsed": 12.5})
    assert answer.status_code == 200
    reloaded = client.get(f"/api/v1/sessions/{session['id']}").json()
    assert (reloaded["step_index"], reloaded["step_elapsed"]) == (2, 12.5)
    assert reloaded["status"] == "in_progress" and reloaded["started_at"]


def test_progress_past_the_last_step_names_step_index(client: TestClient) -> None:
    session = start_session(client)
    errors = errors_of(client.put(f"/api/v1/sessions/{session['id']}/progress",
                                  json={"step_index": session["total_steps"],
                                        "step_elapsed": 0}))
    assert errors[0]["loc"] == ["body", "step_index"]
    assert f"0 to {session['total_steps'] - 1}" in errors[0]["msg"]


@pytest.mark.parametrize(("body", "loc"), [
    ({"step_index": 0, "step_elapsed": -1}, ["body", "step_elapsed"]),
    ({"step_index": -1, "step_elapsed": 0}, ["body", "step_index"]),
    ({"step_elapsed": 0}, ["body", "step_index"]),
])
def test_bad_progress_is_a_422_naming_the_field(client: TestClient, body: dict,
                                                loc: list) -> None:
    session = start_session(client)
    errors = errors_of(client.put(f"/api/v1/sessions/{session['id']}/progress", json=body))
    assert errors[0]["loc"] == loc


def test_progress_on_an_unknown_session_is_a_404(client: TestClient) -> None:
    answer = client.put(f"/api/v1/sessions/{uuid.uuid4()}/progress",
                        json={"step_index": 0, "step_elapsed": 0})
    assert answer.status_code == 404
    assert "no session" in answer.json()["detail"]


def test_progress_after_the_end_is_a_conflict(client: TestClient) -> None:
    session = start_session(client)
    finish(client, session["id"], status="quit", completed_steps=1)
    answer = client.put(f"/api/v1/sessions/{session['id']}/progress",
                        json={"step_index": 1, "step_elapsed": 0})
    assert answer.status_code == 409
    assert "progress is closed" in answer.json()["detail"]


# -- finish -----------------------------------------------------------------

def test_it_finishes_with_the_after_ratings_and_a_note(client: TestClient,
                                                       clock: FrozenClock) -> None:
    session = start_session(client, before={"pain": 5, "tension": 7})
    clock.advance(minutes=5)
    done = finish(client, session["id"], status="completed", after={"pain": 2, "tension": 3},
                  completed_steps=session["total_steps"], note="  felt looser  ")
    assert done["status"] == "completed"
    assert done["after"] == {"pain": 2, "tension": 3, "stress": None}
    assert done["note"] == "felt looser"
    assert done["finished_at"] == "2026-03-02T09:05:00Z"


def test_stopping_because_it_hurts_keeps_the_reason(client: TestClient) -> None:
    session = start_session(client)
    done = finish(client, session["id"], status="stopped", completed_steps=1,
                  stop_reason="it hurts more")
    assert (done["status"], done["stop_reason"]) == ("stopped", "it hurts more")


def test_terminal_escapes_in_a_note_are_neutralised(client: TestClient) -> None:
    session = start_session(client)
    done = finish(client, session["id"], status="stopped", completed_steps=1,
                  stop_reason="\x1b[2Jit hurts\x07", note="fine\x9b31m\r\nreally\x7f")
    assert done["stop_reason"] == "[2Jit hurts" and done["note"] == "fine31m\nreally"
    stored = client.get(f"/api/v1/sessions/{session['id']}").json()
    assert (stored["stop_reason"], stored["note"]) == (done["stop_reason"], done["note"])


def test_direction_overrides_in_a_note_are_removed(client: TestClient) -> None:
    # U+202E turns the rest of a line around on screen: "it hurts" would show as "struh ti".
    session = start_session(client)
    done = finish(client, session["id"], status="stopped", completed_steps=1,
                  stop_reason="\u202eit hurts\u202c", note="left \u2067side\u2069 \u200fsore")
    assert (done["stop_reason"], done["note"]) == ("it hurts", "left side sore")


def test_sending_the_same_finish_again_is_harmless(client: TestClient,
                                                   clock: FrozenClock) -> None:
    session = start_session(client)
    body = {"status": "completed", "completed_steps": 3, "after": {"pain": 1}}
    first = finish(client, session["id"], **body)
    clock.advance(minutes=1)
    assert finish(client, session["id"], **body) == first


def test_a_finish_that_contradicts_the_stored_one_is_a_409(client: TestClient) -> None:
    session = start_session(client)
    finish(client, session["id"], status="completed", completed_steps=3, after={"pain": 1})
    answer = client.post(f"/api/v1/sessions/{session['id']}/finish",
                         json={"status": "stopped", "completed_steps": 3, "after": {"pain": 4}})
    assert answer.status_code == 409
    detail = answer.json()["detail"]
    assert "status is completed, not stopped" in detail and "pain_after is 1" in detail


@pytest.mark.parametrize(("body", "loc"), [
    ({"status": "paused", "completed_steps": 0}, ["body", "status"]),
    ({"status": "completed"}, ["body", "completed_steps"]),
    ({"status": "completed", "completed_steps": 999}, ["body", "completed_steps"]),
    ({"status": "completed", "completed_steps": 1, "after": {"pain": -1}},
     ["body", "after", "pain"]),
    ({"status": "completed", "completed_steps": 1, "note": "x" * 2001}, ["body", "note"]),
])
def test_a_bad_finish_is_a_422_naming_the_field(client: TestClient, body: dict,
                                                loc: list) -> None:
    session = start_session(client)
    errors = errors_of(client.post(f"/api/v1/sessions/{session['id']}/finish", json=body))
    assert errors[0]["loc"] == loc


def test_finishing_an_unknown_session_is_a_404(client: TestClient) -> None:
    answer = client.post(f"/api/v1/sessions/{uuid.uuid4()}/finish",
                         json={"status": "completed", "completed_steps": 0})
    assert answer.status_code == 404


# -- list and read ----------------------------------------------------------

def test_it_lists_sessions_newest_first_a_page_at_a_time(client: TestClient,
                                                        clock: FrozenClock) -> None:
    ids = []
    for _ in range(5):
        ids.append(start_session(client)["id"])
        clock.advance(hours=1)
    page = client.get("/api/v1/sessions", params={"limit": 2}).json()
    assert [s["id"] for s in page["items"]] == ids[::-1][:2]
    assert page["next_before"] == page["items"][-1]["created_at"]
    rest = client.get("/api/v1/sessions", params={"limit": 10,
                                                  "before": page["next_before"]}).json()
    assert [s["id"] for s in rest["items"]] == ids[::-1][2:]
    assert rest["next_before"] is None


def test_paging_never_skips_sessions_that_began_at_the_same_moment(
        client: TestClient, clock: FrozenClock) -> None:
    ids = []
    for i in range(7):
        ids.append(start_session(client)["id"])
        if i in (3, 6):  # three moments: 4 sessions, then 3, then none
            clock.advance(minutes=1)
    seen: list[str] = []
    params: dict = {"limit": 2}
    while True:
        page = client.get("/api/v1/sessions", params=params).json()
        seen += [s["id"] for s in page["items"]]
        if page["next_before"] is None:
            assert page["next_before_id"] is None
            break
        assert page["next_before_id"] == page["items"][-1]["id"]
        params = {"limit": 2, "before": page["next_before"], "before_id": page["next_before_id"]}
    assert sorted(seen) == sorted(ids) and len(seen) == len(set(seen)) == 7
    newest_first = client.get("/api/v1/sessions", params={"limit": 100}).json()["items"]
    assert seen == [s["id"] for s in newest_first]


def test_the_list_leaves_plans_out_unless_asked_and_each_session_has_its_own(
        client: TestClient, clock: FrozenClock) -> None:
    made = []
    for _ in range(3):
        made.append(start_session(client))
        clock.advance(minutes=5)
    slim = client.get("/api/v1/sessions").json()["items"]
    assert [s["id"] for s in slim] == [m["id"] for m in made[::-1]]
    assert all(set(s) == SESSION_KEYS and s["plan"] is None for s in slim)
    assert [{**s, "plan": None} for s in slim] == [{**m, "plan": None} for m in made[::-1]]
    full = client.get("/api/v1/sessions", params={"include": "plan"}).json()["items"]
    assert full == made[::-1]
    assert client.get(f"/api/v1/sessions/{made[0]['id']}").json()["plan"] == made[0]["plan"]
    assert errors_of(client.get("/api/v1/sessions", params={"include": "plans"}))[0]["loc"] \
        == ["query", "include"]


def test_a_deleted_session_leaves_the_list_and_the_journal(client: TestClient) -> None:
    kept, gone = (start_session(client, before={"pain": 6}) for _ in range(2))
    for session, after in ((kept, 2), (gone, 9)):
        finish(client, session["id"], status="completed", after={"pain": after},
               completed_steps=session["total_steps"])
    assert client.get("/api/v1/journal").json()["sessions"] == 2
    assert client.delete(f"/api/v1/sessions/{gone['id']}").status_code == 204
    assert client.delete(f"/api/v1/sessions/{gone['id']}").status_code == 404
    assert client.get(f"/api/v1/sessions/{gone['id']}").status_code == 404
    assert [s["id"] for s in client.get("/api/v1/sessions").json()["items"]] == [kept["id"]]
    journal = client.get("/api/v1/journal").json()
    assert journal["sessions"] == 1 and [p["id"] for p in journal["series"]] == [kept["id"]]
    assert {h["pain"] for h in journal["helps"]["techniques"]} == {2 - 6}


def test_before_id_without_before_is_a_422(client: TestClient) -> None:
    errors = errors_of(client.get("/api/v1/sessions", params={"before_id": str(uuid.uuid4())}))
    assert errors[0]["loc"] == ["query", "before"]


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 101}, {"before": "yesterday"},
                                   {"before": "0001-01-01T00:00:00+05:00"},
                                   {"before": "2026-03-02T09:00:00Z", "before_id": "x"}])
def test_a_bad_list_query_is_a_422(client: TestClient, query: dict) -> None:
    errors = errors_of(client.get("/api/v1/sessions", params=query))
    assert errors[0]["loc"][0] == "query"


def test_reading_an_unknown_session_is_a_404(client: TestClient) -> None:
    assert client.get(f"/api/v1/sessions/{uuid.uuid4()}").status_code == 404


def test_a_session_id_that_is_not_a_uuid_is_a_422(client: TestClient) -> None:
    errors = errors_of(client.get("/api/v1/sessions/abc"))
    assert errors[0]["loc"] == ["path", "session_id"]


# -- ownership and sharing --------------------------------------------------

def test_someone_elses_session_is_not_found_and_its_id_is_taken(
        client: TestClient, store: Store) -> None:
    bob = store.add_person("Bob")
    theirs = store.create_session(plan=make_plan(client), request=DESK_NECK, before=None,
                                  source="web", person_id=bob)
    sid = theirs.id
    assert client.get(f"/api/v1/sessions/{sid}").status_code == 404
    assert client.put(f"/api/v1/sessions/{sid}/progress",
                      json={"step_index": 1, "step_elapsed": 0}).status_code == 404
    assert client.post(f"/api/v1/sessions/{sid}/finish",
                       json={"status": "quit", "completed_steps": 0}).status_code == 404
    assert client.get("/api/v1/sessions").json()["items"] == []
    taken = client.post("/api/v1/sessions", json={"id": sid, "plan": theirs.plan})
    assert taken.status_code == 409
    assert store.get_session(sid, person_id=bob).step_index == 0


def test_every_app_on_the_database_sees_the_same_sessions(
        client: TestClient, database_url: str) -> None:
    session = start_session(client)
    # A second worker: its own app and connection pool on the same database.
    with open_store(database_url, upgrade=False) as other, serve(other) as second:
        second.put(f"/api/v1/sessions/{session['id']}/progress",
                   json={"step_index": 3, "step_elapsed": 1.5})
    assert client.get(f"/api/v1/sessions/{session['id']}").json()["step_index"] == 3
