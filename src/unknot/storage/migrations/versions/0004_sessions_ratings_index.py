"""An index holding what the journal's chart and advice read of each session.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

The chart reads the newest rated sessions' moments and six ratings; on SQLite those
columns come after the plan in each row (about 30 KB, in overflow pages), so reading
them meant walking every plan. With them in an index, the journal never touches
the rows it charts.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RATINGS = ["pain_before", "tension_before", "stress_before",
           "pain_after", "tension_after", "stress_after"]


def upgrade() -> None:
    op.create_index("ix_sessions_person_ratings", "sessions",
                    ["person_id", "created_at", "id", *RATINGS])


def downgrade() -> None:
    op.drop_index("ix_sessions_person_ratings", table_name="sessions")
