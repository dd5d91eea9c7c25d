"""Between table rows and the values the rest of unknot sees (records, journal entries)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, Integer, bindparam, or_, select
from sqlalchemy.orm import Session

from unknot.journal import DIMENSIONS, JournalEntry, Ratings
from unknot.storage.models import RATING_COLUMNS, SessionRow, SessionTechnique
from unknot.storage.records import SessionRecord


def ratings_of(row: SessionRow, when: str) -> Ratings:
    """The "before" or "after" ratings stored on a session row."""
    return Ratings(**{dim: getattr(row, f"{dim}_{when}") for dim in DIMENSIONS})


def set_ratings(row: SessionRow, when: str, ratings: Ratings) -> None:
    """Store "before" or "after" ratings on a session row."""
    for dim in DIMENSIONS:
        setattr(row, f"{dim}_{when}", ratings.get(dim))


def to_record(row: SessionRow, *, with_plan: bool = True) -> SessionRecord:
    """The frozen record of a session row (without its plan, for a row read without it)."""
    return SessionRecord(
        id=row.id, person_id=row.person_id, created_at=row.created_at,
        updated_at=row.updated_at, started_at=row.started_at, finished_at=row.finished_at,
        source=row.source, status=row.status, request=row.request,
        plan=row.plan if with_plan else None,
        total_seconds=row.total_seconds, total_steps=row.total_steps, step_index=row.step_index,
        step_elapsed=row.step_elapsed, completed_steps=row.completed_steps,
        before=ratings_of(row, "before"), after=ratings_of(row, "after"),
        note=row.note, stop_reason=row.stop_reason, goals=list(row.goals),
        regions=list(row.regions), programme_id=row.programme_id, slot=row.slot,
    )


class RatingPoint(NamedTuple):
    """A rated session on the journal's chart: when, and the six ratings."""

    id: str
    date: datetime
    pain_before: int | None
    pain_after: int | None
    tension_before: int | None
    tension_after: int | None
    stress_before: int | None
    stress_after: int | None


RATED = or_(*(getattr(SessionRow, c).is_not(None) for c in RATING_COLUMNS))
PAIN_RATED = SessionRow.pain_before.is_not(None)
# Built once: SQLAlchemy then reuses its compiled form without rebuilding the expression
# (and its cache key) on every request. Values come in as bound parameters.
_RATING_POINTS = (
    select(SessionRow.id, SessionRow.created_at, SessionRow.pain_before, SessionRow.pain_after,
           SessionRow.tension_before, SessionRow.tension_after, SessionRow.stress_before,
           SessionRow.stress_after)
    .where(SessionRow.person_id == bindparam("person_id"), RATED)
    .order_by(SessionRow.created_at.desc(), SessionRow.id.desc())
    .limit(bindparam("newest", type_=Integer)))


def load_rating_points(db: Session, person_id: str, newest: int) -> list[RatingPoint]:
    """The newest `newest` sessions with any rating, oldest first, reading only the
    columns the chart draws (one indexed query)."""
    rows = db.connection().execute(_RATING_POINTS,
                                   {"person_id": person_id, "newest": newest}).all()
    return [RatingPoint(*row) for row in reversed(rows)]


def load_journal_entries(db: Session, person_id: str, *,
                         where: Sequence[ColumnElement[bool]] = (), newest: int | None = None,
                         with_techniques: bool = True) -> list[JournalEntry]:
    """A person's sessions as journal entries (all, those matching `where`, or the newest
    `newest` of them, newest first), in indexed queries.

    Only the columns the journal needs are read, and techniques come from the
    `session_techniques` rows (only when asked: just "what helps" needs them), so
    years of sessions never mean parsing every plan.
    """
    s, t = SessionRow, SessionTechnique
    # Core rows rather than ORM loading: the same SQL at a fraction of the cost.
    conn = db.connection()
    query = (select(s.id, s.created_at, s.status, s.total_seconds, s.total_steps,
                    s.completed_steps, s.pain_before, s.tension_before, s.stress_before,
                    s.pain_after, s.tension_after, s.stress_after, s.goals, s.regions,
                    s.stop_reason, s.note)
             .where(s.person_id == person_id, *where))
    if newest is not None:
        query = query.order_by(s.created_at.desc(), s.id.desc()).limit(newest)
    rows = conn.execute(query).all()
    # Only the steps the person got through speak for a technique.
    done: dict[str, list[str]] = {}
    if with_techniques and rows:
        steps = select(t.session_id, t.technique).join(s, s.id == t.session_id).where(
            s.person_id == person_id, t.position < s.completed_steps, *where)
        if newest is not None:
            steps = steps.where(s.id.in_([r.id for r in rows]))
        for session_id, technique in conn.execute(steps.order_by(t.session_id, t.position)):
            done.setdefault(session_id, []).append(technique)
    return [
        JournalEntry(
            id=r.id, created_at=r.created_at, status=r.status, total_seconds=r.total_seconds,
            before=Ratings(pain=r.pain_before, tension=r.tension_before, stress=r.stress_before),
            after=Ratings(pain=r.pain_after, tension=r.tension_after, stress=r.stress_after),
            goals=tuple(r.goals), regions=tuple(r.regions),
            techniques=tuple(done.get(r.id, ())), completed_steps=r.completed_steps,
            total_steps=r.total_steps,
            stop_reason=r.stop_reason, note=r.note,
        )
        for r in rows
    ]
