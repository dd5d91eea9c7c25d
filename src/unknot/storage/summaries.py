"""The journal's "what helps" as running totals, kept up to date with the sessions.

A session counts once it is finished and rated on both ends of some dimension
(`unknot.journal.counted`); what it adds is fixed by its row. Every write that
changes that (a finish, ratings filled in later, a delete) calls `update_totals`
with the session's part before and after, in the same transaction as the write,
so the totals always equal a recomputation from the sessions and the journal
reads a few rows however many years of sessions there are. Migration 0003 fills
the table for sessions stored before it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from unknot.journal import (
    DIMENSIONS,
    Counted,
    JournalEntry,
    Ratings,
    WhatHelps,
    counted,
    help_item,
    ranked,
)
from unknot.storage.models import HelpTotal, SessionRow

COUNTERS: tuple[str, ...] = ("sessions", *(f"{d}_{part}" for d in DIMENSIONS
                                           for part in ("sum", "count")))
Totals = dict[tuple[str, str], list[int]]  # (kind, item) → values in the order of COUNTERS


def part_of(row: SessionRow) -> Counted | None:
    """What the session on `row` adds to the totals (None: nothing)."""
    done = [t.technique for t in row.techniques if t.position < row.completed_steps]
    return counted(JournalEntry(
        id=row.id, created_at=row.created_at, status=row.status,
        total_seconds=row.total_seconds,
        before=Ratings(pain=row.pain_before, tension=row.tension_before,
                       stress=row.stress_before),
        after=Ratings(pain=row.pain_after, tension=row.tension_after, stress=row.stress_after),
        goals=tuple(row.goals), techniques=tuple(done)))


def add_part(totals: Totals, part: Counted | None, sign: int = 1) -> None:
    """Add (sign 1) or take away (sign −1) one session's part."""
    if part is None:
        return
    values = [sign]
    for change in part.delta:
        values += [sign * change, sign] if change is not None else [0, 0]
    keys = [("technique", t) for t in part.techniques] + [("goal", g) for g in part.goals]
    for key in keys:
        current = totals.setdefault(key, [0] * len(COUNTERS))
        for i, value in enumerate(values):
            current[i] += value


def update_totals(db: Session, person_id: str, before: Counted | None,
                  after: Counted | None) -> None:
    """Move the person's totals from a session's part `before` a write to its part `after`."""
    if before == after:
        return
    totals: Totals = {}
    add_part(totals, before, -1)
    add_part(totals, after)
    changed = {key: values for key, values in totals.items() if any(values)}
    if not changed:
        return
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    for (kind, item), values in changed.items():
        statement = insert(HelpTotal).values(
            person_id=person_id, kind=kind, item=item, **dict(zip(COUNTERS, values, strict=True)))
        # One statement that adds to the row, so two workers finishing at once both count.
        statement = statement.on_conflict_do_update(
            index_elements=["person_id", "kind", "item"],
            set_={name: getattr(HelpTotal, name) + getattr(statement.excluded, name)
                  for name in COUNTERS})
        db.execute(statement)
    db.execute(delete(HelpTotal).where(HelpTotal.person_id == person_id,
                                       HelpTotal.sessions == 0))


# Built once (SQLAlchemy reuses its compiled form); the person comes in as a parameter.
_TOTALS = select(HelpTotal.kind, HelpTotal.item, *(getattr(HelpTotal, name) for name in COUNTERS)
                 ).where(HelpTotal.person_id == bindparam("person_id"))


def what_helps(db: Session, person_id: str) -> WhatHelps:
    """The person's "what helps", from the totals."""
    rows = db.connection().execute(_TOTALS, {"person_id": person_id})
    items: dict[str, list] = {"technique": [], "goal": []}
    for kind, item, sessions, *sums_and_counts in rows:
        items[kind].append(help_item(item, sessions, sums_and_counts[0::2],
                                     sums_and_counts[1::2]))
    return WhatHelps(by_technique=ranked(items["technique"]), by_goal=ranked(items["goal"]))


def totals_of(parts: Iterable[Counted | None]) -> Totals:
    """The totals of many sessions' parts (the migration's backfill, the tests' check)."""
    totals: Totals = {}
    for part in parts:
        add_part(totals, part)
    return totals
