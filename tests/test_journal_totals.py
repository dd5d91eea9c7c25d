"""The journal's running totals and windowed reads equal a recomputation from every session.

Random histories of creates, retries, finishes (and ratings filled in later) and
deletes, on real SQLite and PostgreSQL: after each, the fast journal (`Store.journal`,
`Store.journal_series`) must say exactly what `unknot.journal.summarize` says over
every stored session, and the totals table must hold exactly the recomputed sums.
Migration 0003 must fill the same totals for sessions stored before it, and going
down and up again keeps every session.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from unknot.journal import Ratings, counted, summarize
from unknot.storage import (
    InvalidSessionUpdate,
    Store,
    make_engine,
    open_store,
    upgrade_database,
)
from unknot.storage.migrate import alembic_config
from unknot.storage.models import HelpTotal
from unknot.storage.summaries import COUNTERS, totals_of

if TYPE_CHECKING:
    from conftest import FrozenClock

TECHNIQUES = ("settling-breath", "neck-glide", "jaw-circles", "ear-pull")
GOALS = ("stiffness", "stress", "sleep")
rating = st.none() | st.integers(0, 10)
ratings = st.builds(Ratings, pain=rating, tension=rating, stress=rating)

create_op = st.tuples(
    st.just("create"),
    st.lists(st.sampled_from(TECHNIQUES), min_size=1, max_size=5),
    st.lists(st.sampled_from(GOALS), max_size=3),
    ratings,
    st.integers(-40, 0),  # began this many days before the clock (offline sessions)
)
finish_op = st.tuples(st.just("finish"), st.integers(0, 30), st.sampled_from(
    ["completed", "stopped", "quit"]), ratings, st.integers(0, 5), st.booleans())
other_op = st.tuples(st.sampled_from(["retry", "delete", "tick"]), st.integers(0, 30))
histories = st.lists(st.one_of(create_op, finish_op, other_op), min_size=1, max_size=25)


def plan(techniques: list[str], goals: list[str]) -> dict[str, Any]:
    return {"intake": {"verdict": "ok", "regions": ["neck"], "goals": goals},
            "total_seconds": 60 * len(techniques),
            "steps": [{"technique": t, "kind": "massage", "seconds": 60} for t in techniques]}


def run(store: Store, clock: FrozenClock, person: str, history: list[tuple]) -> None:
    made: list[dict[str, Any]] = []
    for op in history:
        if op[0] == "create":
            _, techniques, goals, before, days = op
            body = {"session_id": str(uuid.uuid4()), "plan": plan(techniques, goals),
                    "request": {"text": "neck"}, "before": before,
                    "created_at": clock.now + timedelta(days=days, hours=len(made) % 3),
                    "person_id": person}
            store.create_session(**body)
            made.append(body)
        elif not made:
            continue
        elif op[0] == "retry":
            store.create_session(**made[op[1] % len(made)])  # the same id: no second session
        elif op[0] == "delete":
            body = made.pop(op[1] % len(made))
            store.delete_session(body["session_id"], person_id=person)
        elif op[0] == "tick":
            clock.advance(hours=op[1])
        else:
            _, which, status, after, done, partly = op
            body = made[which % len(made)]
            steps = len(body["plan"]["steps"])
            try:
                if partly:  # ratings filled in by a second finish, as the player's retry does
                    store.finish_session(body["session_id"], status=status, person_id=person,
                                         after=Ratings(pain=after.pain),
                                         completed_steps=done % (steps + 1))
                store.finish_session(body["session_id"], status=status, after=after,
                                     completed_steps=done % (steps + 1), person_id=person)
            except InvalidSessionUpdate:
                pass  # a finish that contradicts the stored one changes nothing


def stored_totals(store: Store, person: str) -> dict[tuple[str, str], list[int]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(HelpTotal).where(HelpTotal.person_id == person)).all()
    return {(r.kind, r.item): [getattr(r, name) for name in COUNTERS] for r in rows}


def recomputed(store: Store, person: str) -> list:
    return [record.journal_entry() for record in store.iter_sessions(person_id=person)]


def check(store: Store, clock: FrozenClock, person: str) -> None:
    entries = recomputed(store, person)
    expected = summarize(entries, clock.now, recent_limit=5)
    assert store.journal(clock.now, recent=5, person_id=person) == expected
    assert stored_totals(store, person) == totals_of(counted(e) for e in entries)
    rated = sorted((e for e in entries
                    if any(v is not None for r in (e.before, e.after)
                           for v in r.model_dump().values())),
                   key=lambda e: (e.created_at, e.id))
    points = store.journal_series(limit=4, person_id=person)
    assert [(p.id, p.date, p.pain_before, p.pain_after, p.tension_before, p.tension_after,
             p.stress_before, p.stress_after) for p in points] == [
        (e.id, e.created_at, e.before.pain, e.after.pain, e.before.tension, e.after.tension,
         e.before.stress, e.after.stress) for e in rated[-4:]]
    # The web's journal view reads both in one transaction: the same answers.
    assert store.journal_view(clock.now, recent=5, series=4, person_id=person) == (expected, points)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(history=histories)
def test_the_fast_journal_equals_a_recomputation_from_every_session(
        store: Store, clock: FrozenClock, history: list[tuple]) -> None:
    person = store.add_person("Someone")  # each history on its own person, same database
    run(store, clock, person, history)
    check(store, clock, person)


def test_deleting_a_person_takes_their_totals_with_them(store: Store, clock: FrozenClock) -> None:
    person = store.add_person("Leaving")
    run(store, clock, person, [("create", ["neck-glide"], ["stress"], Ratings(pain=6), 0),
                               ("finish", 0, "completed", Ratings(pain=3), 1, False)])
    assert stored_totals(store, person)
    with store.engine.begin() as conn:
        from unknot.storage.models import Person
        conn.execute(Person.__table__.delete().where(Person.id == person))
    assert stored_totals(store, person) == {}


def test_the_migration_fills_the_totals_from_sessions_stored_before_it(
        database_url: str, clock: FrozenClock) -> None:
    upgrade_database(database_url)
    with open_store(database_url, upgrade=False, clock=clock) as store:
        people = [store.add_person(name) for name in ("Ana", "Ben")]
        for n, person in enumerate(people):
            run(store, clock, person, [
                ("create", ["neck-glide", "neck-glide", "jaw-circles"], ["stiffness"],
                 Ratings(pain=7, stress=5), -3),
                ("create", ["ear-pull"], ["sleep", "stress"], Ratings(tension=4), -1),
                ("create", ["settling-breath"], [], Ratings(), 0),
                ("finish", 0, "completed", Ratings(pain=3 + n, stress=2), 3, False),
                ("finish", 1, "quit", Ratings(tension=6), 1, False),
            ])
        before = {p: stored_totals(store, p) for p in people}
        sessions = {p: list(store.iter_sessions(person_id=p)) for p in people}
        assert all(before.values())
    engine = make_engine(database_url)
    with engine.begin() as conn:  # the table goes; the sessions stay
        command.downgrade(alembic_config(conn), "0002")
        # Read at schema 0002 with plain SQL: today's models know columns added later.
        kept = {p: [row[0] for row in conn.execute(
            text("SELECT id FROM sessions WHERE person_id = :p ORDER BY created_at, id"), {"p": p})]
            for p in people}
    engine.dispose()
    assert kept == {p: [s.id for s in listed] for p, listed in sessions.items()}
    upgrade_database(database_url)  # and the migration fills it again from them
    with open_store(database_url, upgrade=False, clock=clock) as store:
        assert {p: list(store.iter_sessions(person_id=p)) for p in people} == sessions
    with open_store(database_url, upgrade=False, clock=clock) as store:
        for person in people:
            assert stored_totals(store, person) == before[person]
            check(store, clock, person)
