"""The session repository, on real SQLite and real PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from unknot.storage import (
    DEFAULT_PERSON_ID,
    InvalidSessionData,
    InvalidSessionUpdate,
    Ratings,
    SessionNotFound,
    Store,
    open_store,
)
from unknot.storage import store as store_module
from unknot.storage.models import Person, SessionRow, SessionTechnique

if TYPE_CHECKING:
    from conftest import FrozenClock


def make_plan(*steps: tuple[str, int], side: str | None = None) -> dict[str, Any]:
    steps = steps or (("settling-breath", 60), ("neck-glide", 120), ("neck-glide", 120))
    return {
        "intake": {"verdict": "ok", "regions": ["neck", "shoulders"], "goals": ["stiffness"]},
        "total_seconds": sum(s for _, s in steps),
        "steps": [{"technique": t, "name": t.title(), "kind": "massage", "seconds": s,
                   "side": side, "cues": [{"at": 0, "say": "breathe in"}]} for t, s in steps],
    }


REQUEST = {"text": "stiff neck from my desk", "minutes": 5, "seed": 3}


def count(store: Store, model: type) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def create(store: Store, **kw: Any) -> Any:
    kw.setdefault("plan", make_plan())
    kw.setdefault("request", REQUEST)
    kw.setdefault("before", Ratings(pain=5, tension=6, stress=4))
    return store.create_session(**kw)


# -- creating ----------------------------------------------------------------

def test_it_creates_a_session_in_progress_with_its_plan_and_before_ratings(
        store: Store, clock: FrozenClock) -> None:
    rec = create(store)
    assert rec.status == "in_progress" and rec.source == "terminal"
    assert rec.created_at == rec.started_at == clock.now and rec.finished_at is None
    assert rec.before == Ratings(pain=5, tension=6, stress=4) and rec.after == Ratings()
    assert (rec.total_seconds, rec.total_steps, rec.step_index) == (300, 3, 0)
    assert rec.goals == ["stiffness"] and rec.regions == ["neck", "shoulders"]
    assert rec.plan == make_plan() and rec.request == REQUEST
    assert rec.person_id == DEFAULT_PERSON_ID
    assert store.get_session(rec.id) == rec


def test_it_keeps_each_plan_step_as_a_technique_row(store: Store) -> None:
    rec = create(store, plan=make_plan(("ear-pull", 30), ("ear-pull", 30), side="left"))
    with store.engine.connect() as conn:
        rows = conn.execute(select(SessionTechnique.position, SessionTechnique.technique,
                                   SessionTechnique.side)
                            .where(SessionTechnique.session_id == rec.id)
                            .order_by(SessionTechnique.position)).all()
    assert [tuple(r) for r in rows] == [(0, "ear-pull", "left"), (1, "ear-pull", "left")]


def test_creating_the_same_id_twice_returns_the_first_session_and_no_duplicate(
        store: Store, clock: FrozenClock) -> None:
    sid = str(uuid.uuid4())
    first = create(store, session_id=sid)
    clock.advance(minutes=5)
    again = create(store, session_id=sid.upper(), before=Ratings(pain=9), source="web")
    assert again == first
    assert count(store, SessionRow) == 1 and count(store, SessionTechnique) == 3


def test_a_retry_after_progress_returns_the_session_as_it_now_is(store: Store) -> None:
    rec = create(store)
    moved = store.update_progress(rec.id, step_index=1, step_elapsed=12.5)
    assert create(store, session_id=rec.id) == moved


def test_two_workers_creating_the_same_id_at_once_store_one_session(
        database_url: str, store: Store) -> None:
    sid = str(uuid.uuid4())
    workers = [open_store(database_url, upgrade=False) for _ in range(4)]
    barrier = threading.Barrier(len(workers))
    results: list[Any] = []

    def run(worker: Store) -> None:
        barrier.wait()
        results.append(create(worker, session_id=sid))

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for w in workers:
        w.close()
    assert len(results) == 4 and len({r.id for r in results}) == 1
    assert count(store, SessionRow) == 1 and count(store, Person) == 1


def test_it_makes_a_fresh_id_when_the_client_gives_none(store: Store) -> None:
    a, b = create(store), create(store)
    assert a.id != b.id and uuid.UUID(a.id)


def test_it_rejects_a_session_id_that_is_not_a_uuid(store: Store) -> None:
    with pytest.raises(InvalidSessionData, match="session_id: 'abc' is not a UUID"):
        create(store, session_id="abc")


def test_it_rejects_a_plan_without_steps(store: Store) -> None:
    with pytest.raises(InvalidSessionData, match="plan.steps"):
        create(store, plan={"steps": [], "total_seconds": 60})


def test_it_names_the_step_field_that_is_wrong(store: Store) -> None:
    plan = make_plan()
    plan["steps"][1]["kind"] = "dance"
    with pytest.raises(InvalidSessionData, match=r"plan\.steps\.1\.kind"):
        create(store, plan=plan)


def test_it_stores_the_planners_own_plan_and_request(store: Store) -> None:
    from unknot.planner import build_plan
    from unknot.planner.request import PlanRequest

    request = PlanRequest(text="neck and shoulders tight from my desk", minutes=5, seed=1)
    plan = build_plan(request)
    rec = create(store, plan=plan, request=request)
    assert rec.plan == plan.model_dump(mode="json") and rec.request["minutes"] == 5
    assert rec.total_seconds == 300 and rec.total_steps == len(plan.steps)
    assert "neck" in rec.regions


def test_it_rejects_a_request_that_is_not_an_object(store: Store) -> None:
    with pytest.raises(InvalidSessionData, match="request: must be an object"):
        create(store, request=["neck"])


def test_it_rejects_ratings_out_of_range_with_the_field_named(store: Store) -> None:
    with pytest.raises(InvalidSessionData, match=r"before\.pain: .*less than or equal to 10"):
        create(store, before={"pain": 11})
    with pytest.raises(ValidationError):
        Ratings(tension=-1)
    assert count(store, SessionRow) == 0


def test_the_database_itself_refuses_ratings_out_of_range(store: Store) -> None:
    rec = create(store)
    with pytest.raises(IntegrityError, match="(?i)check"), store.engine.begin() as conn:
        conn.execute(text("UPDATE sessions SET pain_after = 11 WHERE id = :id"), {"id": rec.id})
    assert store.get_session(rec.id) == rec


def test_it_rejects_an_unknown_source(store: Store) -> None:
    with pytest.raises(InvalidSessionData, match="source"):
        create(store, source="fax")


def test_a_refused_session_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(InvalidSessionData, match="no person"):
        create(store, person_id="nobody")
    assert count(store, SessionRow) == 0 and count(store, Person) == 0


def test_a_planned_session_starts_on_its_first_progress(
        store: Store, clock: FrozenClock) -> None:
    rec = create(store, status="planned")
    assert rec.status == "planned" and rec.started_at is None
    later = clock.advance(minutes=2)
    moved = store.update_progress(rec.id, step_index=0, step_elapsed=1.0)
    assert moved.status == "in_progress" and moved.started_at == later


def test_an_offline_client_can_say_when_the_session_began(
        store: Store, clock: FrozenClock) -> None:
    earlier = clock.now.replace(hour=7)
    rec = create(store, created_at=earlier)
    assert rec.created_at == earlier and rec.updated_at == clock.now


# -- progress ----------------------------------------------------------------

def test_it_records_progress_so_a_reload_resumes_at_the_same_step_and_second(
        store: Store, clock: FrozenClock) -> None:
    rec = create(store)
    clock.advance(seconds=95)
    store.update_progress(rec.id, step_index=1, step_elapsed=35.25)
    again = store.get_session(rec.id)
    assert again is not None
    assert (again.step_index, again.step_elapsed, again.updated_at) == (1, 35.25, clock.now)


def test_elapsed_time_past_the_step_end_is_kept_at_the_steps_length(store: Store) -> None:
    rec = create(store)
    assert store.update_progress(rec.id, step_index=0, step_elapsed=60.4).step_elapsed == 60.0


@pytest.mark.parametrize(("index", "elapsed", "problem"), [
    (3, 0.0, "step_index: must be 0 to 2"),
    (-1, 0.0, "step_index"),
    (0, -1.0, "step_elapsed: must not be negative"),
    (0, float("nan"), "step_elapsed: must be a number"),
])
def test_it_rejects_progress_outside_the_plan(store: Store, index: int, elapsed: float,
                                              problem: str) -> None:
    rec = create(store)
    with pytest.raises(InvalidSessionData, match=problem):
        store.update_progress(rec.id, step_index=index, step_elapsed=elapsed)
    assert store.get_session(rec.id) == rec


def test_progress_after_the_end_is_refused(store: Store) -> None:
    rec = create(store)
    store.finish_session(rec.id, status="completed", after=None, completed_steps=3)
    with pytest.raises(InvalidSessionUpdate, match="completed; progress is closed"):
        store.update_progress(rec.id, step_index=0, step_elapsed=0)


def test_progress_on_an_unknown_session_is_not_found(store: Store) -> None:
    with pytest.raises(SessionNotFound):
        store.update_progress(str(uuid.uuid4()), step_index=0, step_elapsed=0)
    with pytest.raises(SessionNotFound):
        store.update_progress("not-an-id", step_index=0, step_elapsed=0)


# -- finishing ---------------------------------------------------------------

def test_it_finishes_a_session_with_after_ratings_and_a_note(
        store: Store, clock: FrozenClock) -> None:
    rec = create(store)
    clock.advance(minutes=5)
    done = store.finish_session(rec.id, status="completed", after=Ratings(pain=2, stress=1),
                                completed_steps=3, note="  neck feels longer  ")
    assert done.status == "completed" and done.finished_at == clock.now
    assert done.after == Ratings(pain=2, stress=1) and done.note == "neck feels longer"
    assert done.completed_steps == 3 and store.get_session(rec.id) == done


def test_control_characters_in_a_note_and_a_stop_reason_are_neutralised(store: Store) -> None:
    rec = create(store)
    done = store.finish_session(
        rec.id, status="stopped", after=None, completed_steps=1,
        stop_reason="\x1b]0;owned\x07it \x9b2Jhurt\x00s",
        note="\x1b[31mred\x1b[0m\r\nnext line\ttab\rthird\x7f")
    assert done.stop_reason == "]0;ownedit 2Jhurts"
    assert done.note == "[31mred[0m\nnext line\ttab\nthird"
    assert store.get_session(rec.id) == done
    # The same finish sent again is recognised as the same, not a conflict.
    again = store.finish_session(rec.id, status="stopped", after=None, completed_steps=1,
                                 stop_reason="\x1b]0;owned\x07it \x9b2Jhurt\x00s")
    assert again == done


def test_nul_characters_in_the_request_and_plan_are_dropped_on_both_databases(
        store: Store) -> None:
    plan = make_plan()
    plan["steps"][0]["name"] = "Settling\x00 breath"
    plan["intake"]["regions"] = ["neck\x00", "\x1b[2Jshoulders"]
    rec = create(store, plan=plan, request={"text": "stiff\x00 neck", "a\x00": ["b\x00"]})
    assert rec.request == {"text": "stiff neck", "a": ["b"]}
    assert rec.plan["steps"][0]["name"] == "Settling breath"
    assert rec.regions == ["neck", "[2Jshoulders"]
    assert store.get_session(rec.id) == rec


def test_finishing_twice_with_the_same_data_changes_nothing(
        store: Store, clock: FrozenClock) -> None:
    rec = create(store)
    done = store.finish_session(rec.id, status="stopped", after=Ratings(pain=7),
                                completed_steps=1, stop_reason="it hurts more")
    clock.advance(minutes=1)
    again = store.finish_session(rec.id, status="stopped", after=Ratings(pain=7),
                                 completed_steps=1, stop_reason="it hurts more")
    assert again == done


def test_finishing_again_may_fill_in_what_was_left_out(
        store: Store, clock: FrozenClock) -> None:
    rec = create(store)
    store.finish_session(rec.id, status="stopped", after=None, completed_steps=1,
                         stop_reason="it hurts")
    later = clock.advance(minutes=1)
    filled = store.finish_session(rec.id, status="stopped", after=Ratings(pain=6),
                                  completed_steps=1, note="sharp at the base of the skull")
    assert filled.after.pain == 6 and filled.stop_reason == "it hurts"
    assert filled.note == "sharp at the base of the skull" and filled.updated_at == later


def test_finishing_again_with_different_data_is_refused(store: Store) -> None:
    rec = create(store)
    done = store.finish_session(rec.id, status="completed", after=Ratings(pain=2),
                                completed_steps=3)
    with pytest.raises(InvalidSessionUpdate, match="status is completed, not quit"):
        store.finish_session(rec.id, status="quit", after=Ratings(pain=2), completed_steps=3)
    with pytest.raises(InvalidSessionUpdate, match="pain_after is 2, not 4"):
        store.finish_session(rec.id, status="completed", after=Ratings(pain=4),
                             completed_steps=3)
    assert store.get_session(rec.id) == done


@pytest.mark.parametrize(("kwargs", "problem"), [
    ({"status": "in_progress"}, "status: must be one of completed, stopped, quit"),
    ({"completed_steps": 4}, "completed_steps: must be 0 to 3"),
    ({"note": "x" * 2001}, "note: at most 2000 characters"),
    ({"after": {"stress": 12}}, r"after\.stress"),
])
def test_it_rejects_a_bad_finish(store: Store, kwargs: dict[str, Any], problem: str) -> None:
    rec = create(store)
    args: dict[str, Any] = {"status": "completed", "after": None, "completed_steps": 3, **kwargs}
    with pytest.raises(InvalidSessionData, match=problem):
        store.finish_session(rec.id, **args)
    assert store.get_session(rec.id) == rec


def test_finishing_an_unknown_session_is_not_found(store: Store) -> None:
    with pytest.raises(SessionNotFound):
        store.finish_session(str(uuid.uuid4()), status="completed", after=None,
                             completed_steps=0)


# -- reading and ownership -----------------------------------------------------

def test_it_lists_sessions_newest_first_and_pages_back(
        store: Store, clock: FrozenClock) -> None:
    made = []
    for _ in range(5):
        made.append(create(store))
        clock.advance(hours=1)
    newest_first = [r.id for r in reversed(made)]
    assert [r.id for r in store.list_sessions()] == newest_first
    page = store.list_sessions(limit=2)
    assert [r.id for r in page] == newest_first[:2]
    older = store.list_sessions(limit=2, before=page[-1].created_at)
    assert [r.id for r in older] == newest_first[2:4]


def test_paging_by_moment_and_id_never_skips_sessions_that_share_a_moment(
        store: Store, clock: FrozenClock) -> None:
    made = [create(store).id for _ in range(5)]  # all at one moment
    clock.advance(minutes=1)
    made += [create(store).id for _ in range(3)]
    seen: list[str] = []
    page = store.list_sessions(limit=3)
    while page:
        seen += [r.id for r in page]
        page = store.list_sessions(limit=3, before=page[-1].created_at, before_id=page[-1].id)
    assert len(seen) == len(set(seen)) == 8 and sorted(seen) == sorted(made)
    assert seen == [r.id for r in store.list_sessions(limit=100)]
    # `before` alone still means "begun before this moment".
    assert len(store.list_sessions(before=clock.now)) == 5


def test_before_id_needs_before_and_a_uuid(store: Store, clock: FrozenClock) -> None:
    with pytest.raises(InvalidSessionData, match="before_id: goes with before"):
        store.list_sessions(before_id=str(uuid.uuid4()))
    with pytest.raises(InvalidSessionData, match="before_id: 'x' is not a UUID"):
        store.list_sessions(before=clock.now, before_id="x")


def test_of_concurrent_creates_of_one_id_exactly_one_stores_it(
        database_url: str, store: Store) -> None:
    workers = [open_store(database_url, upgrade=False) for _ in range(6)]
    try:
        for _ in range(4):
            sid = str(uuid.uuid4())
            barrier = threading.Barrier(len(workers))

            def run(worker: Store, sid: str = sid,
                    barrier: threading.Barrier = barrier) -> tuple[str, bool]:
                barrier.wait()
                record, created = worker.ensure_session(plan=make_plan(), request=REQUEST,
                                                        before=None, session_id=sid)
                return record.id, created

            with ThreadPoolExecutor(len(workers)) as pool:
                results = list(pool.map(run, workers))
            assert sorted(created for _, created in results) == [False] * 5 + [True]
            assert {rid for rid, _ in results} == {sid}
    finally:
        for w in workers:
            w.close()
    assert count(store, SessionRow) == 4


@pytest.mark.parametrize("limit", [0, 501])
def test_it_rejects_a_list_limit_out_of_range(store: Store, limit: int) -> None:
    with pytest.raises(InvalidSessionData, match="limit: must be 1 to 500"):
        store.list_sessions(limit=limit)


def test_it_reads_every_session_oldest_first_in_pages(
        store: Store, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "EXPORT_BATCH", 2)
    made = []
    for _ in range(5):
        made.append(create(store).id)
        clock.advance(minutes=30)
    assert [r.id for r in store.iter_sessions()] == made


def test_a_person_sees_only_their_own_sessions(store: Store) -> None:
    alice, bob = store.add_person("Alice"), store.add_person("Bob")
    mine = create(store, person_id=alice)
    create(store, person_id=bob)
    assert store.get_session(mine.id, person_id=bob) is None
    assert [r.id for r in store.list_sessions(person_id=alice)] == [mine.id]
    assert store.list_sessions() == []
    with pytest.raises(SessionNotFound):
        store.update_progress(mine.id, step_index=1, step_elapsed=0, person_id=bob)
    with pytest.raises(SessionNotFound):
        store.finish_session(mine.id, status="quit", after=None, completed_steps=0,
                             person_id=bob)
    with pytest.raises(InvalidSessionUpdate, match="already in use"):
        create(store, session_id=mine.id, person_id=bob)


def test_get_session_with_a_malformed_id_finds_nothing(store: Store) -> None:
    assert store.get_session("../etc/passwd") is None


def test_the_personal_mode_person_is_made_once(store: Store) -> None:
    create(store)
    create(store)
    assert count(store, Person) == 1


# -- the journal through the store ---------------------------------------------

def test_the_journal_rests_on_the_steps_actually_done(
        store: Store, clock: FrozenClock) -> None:
    plan = make_plan(("settling-breath", 60), ("neck-glide", 60), ("jaw-circles", 60))
    rec = create(store, plan=plan, before=Ratings(pain=6))
    store.finish_session(rec.id, status="quit", after=Ratings(pain=4), completed_steps=2)
    summary = store.journal()
    assert [i.key for i in summary.what_helps.by_technique] == ["neck-glide", "settling-breath"]
    assert summary.what_helps.by_goal[0].key == "stiffness"
    assert summary.recent[0].change.pain == -2 and summary.generated_at == clock.now


def test_the_stored_entries_match_the_records(store: Store, clock: FrozenClock) -> None:
    for pain in (3, 5, 9):
        rec = create(store, before=Ratings(pain=pain))
        store.finish_session(rec.id, status="stopped", after=Ratings(pain=pain + 1),
                             completed_steps=1, stop_reason="hurts")
        clock.advance(days=1)
    from_rows = sorted(store.journal_entries(), key=lambda e: e.id)
    from_records = sorted((r.journal_entry() for r in store.iter_sessions()), key=lambda e: e.id)
    assert from_rows == from_records
    advice = {a.id for a in store.journal().advice}
    assert {"intense_pain", "pain_rising", "stopped_hurting", "pain_worse_after"} <= advice
