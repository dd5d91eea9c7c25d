"""Running totals behind the journal's "what helps", filled from the sessions stored so far.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

The journal used to read every session and every step to say what helps; the
totals let it read a few rows. The backfill applies the rule of its day, spelled
out here so this migration keeps meaning the same thing: a session counts when it
is finished (completed, stopped, quit) and rated before and after on some
dimension; it counts for each technique among the steps the person finished, and
each goal, once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DIMENSIONS = ("pain", "tension", "stress")
FINISHED = ("completed", "stopped", "quit")
COUNTERS = ("sessions", *(f"{d}_{part}" for d in DIMENSIONS for part in ("sum", "count")))
BATCH = 2000


def upgrade() -> None:
    op.create_table(
        "journal_help_totals",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item", sa.String(length=100), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTERS),
        sa.CheckConstraint("kind IN ('technique', 'goal')",
                           name=op.f("ck_journal_help_totals_kind_known")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_journal_help_totals_person_id_people"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", "kind", "item", name=op.f("pk_journal_help_totals")),
    )
    backfill(op.get_bind())


def backfill(conn: sa.Connection) -> None:
    sessions = sa.table("sessions", sa.column("id", sa.String), sa.column("person_id", sa.String),
                        sa.column("status", sa.String), sa.column("completed_steps", sa.Integer),
                        sa.column("goals", sa.JSON),
                        *(sa.column(f"{d}_{when}", sa.Integer) for d in DIMENSIONS
                          for when in ("before", "after")))
    steps = sa.table("session_techniques", sa.column("session_id", sa.String),
                     sa.column("position", sa.Integer), sa.column("technique", sa.String))
    rows = conn.execute(sa.select(sessions).where(sessions.c.status.in_(FINISHED))).all()
    done: dict[str, list[str]] = {}
    for session_id, technique in conn.execute(
            sa.select(steps.c.session_id, steps.c.technique)
            .join(sessions, sessions.c.id == steps.c.session_id)
            .where(sessions.c.status.in_(FINISHED),
                   steps.c.position < sessions.c.completed_steps)
            .order_by(steps.c.session_id, steps.c.position)):
        done.setdefault(session_id, []).append(technique)
    totals: dict[tuple[str, str, str], list[int]] = {}
    for row in rows:
        deltas = [None if getattr(row, f"{d}_before") is None or getattr(row, f"{d}_after") is None
                  else getattr(row, f"{d}_after") - getattr(row, f"{d}_before")
                  for d in DIMENSIONS]
        if all(change is None for change in deltas):
            continue
        values = [1]
        for change in deltas:
            values += [change, 1] if change is not None else [0, 0]
        keys = [("technique", t) for t in dict.fromkeys(done.get(row.id, []))]
        keys += [("goal", g) for g in dict.fromkeys(row.goals or [])]
        for kind, item in keys:
            current = totals.setdefault((row.person_id, kind, item), [0] * len(COUNTERS))
            for i, value in enumerate(values):
                current[i] += value
    table = sa.table("journal_help_totals", sa.column("person_id"), sa.column("kind"),
                     sa.column("item"), *(sa.column(name) for name in COUNTERS))
    records = [{"person_id": p, "kind": k, "item": i, **dict(zip(COUNTERS, v, strict=True))}
               for (p, k, i), v in totals.items()]
    for start in range(0, len(records), BATCH):
        conn.execute(table.insert(), records[start:start + BATCH])


def downgrade() -> None:
    op.drop_table("journal_help_totals")
