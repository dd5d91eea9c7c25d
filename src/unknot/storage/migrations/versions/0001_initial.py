"""People, sessions and the techniques of each session.

Revision ID: 0001
Revises:
Create Date: 2026-11-21

Types are spelled out here rather than imported from the models, so this
migration keeps meaning the same thing when the models move on.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RATINGS = ("pain_before", "tension_before", "stress_before",
           "pain_after", "tension_after", "stress_after")
STATUSES = "'planned', 'in_progress', 'completed', 'stopped', 'quit'"


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _moment(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        _moment("created_at"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        _moment("created_at"),
        _moment("updated_at"),
        _moment("started_at", nullable=True),
        _moment("finished_at", nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("request", _json(), nullable=False),
        sa.Column("plan", _json(), nullable=False),
        sa.Column("total_seconds", sa.Integer(), nullable=False),
        sa.Column("total_steps", sa.Integer(), nullable=False),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("step_elapsed", sa.Float(), nullable=False),
        sa.Column("completed_steps", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.SmallInteger(), nullable=True) for name in RATINGS),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("stop_reason", sa.Text(), nullable=True),
        sa.Column("goals", _json(), nullable=False),
        sa.Column("regions", _json(), nullable=False),
        *(sa.CheckConstraint(f"{c} IS NULL OR ({c} >= 0 AND {c} <= 10)",
                             name=op.f(f"ck_sessions_{c}_0_10")) for c in RATINGS),
        sa.CheckConstraint(f"status IN ({STATUSES})", name=op.f("ck_sessions_status_known")),
        sa.CheckConstraint("source IN ('terminal', 'web')", name=op.f("ck_sessions_source_known")),
        sa.CheckConstraint("total_seconds > 0", name=op.f("ck_sessions_total_seconds_positive")),
        sa.CheckConstraint("total_steps > 0", name=op.f("ck_sessions_total_steps_positive")),
        sa.CheckConstraint("step_index >= 0 AND step_index < total_steps",
                           name=op.f("ck_sessions_step_index_in_plan")),
        sa.CheckConstraint("step_elapsed >= 0",
                           name=op.f("ck_sessions_step_elapsed_not_negative")),
        sa.CheckConstraint("completed_steps >= 0 AND completed_steps <= total_steps",
                           name=op.f("ck_sessions_completed_steps_in_plan")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"],
                                name=op.f("fk_sessions_person_id_people"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index("ix_sessions_person_id_created_at", "sessions", ["person_id", "created_at"])
    op.create_table(
        "session_techniques",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("technique", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=True),
        sa.CheckConstraint("position >= 0",
                           name=op.f("ck_session_techniques_position_not_negative")),
        sa.CheckConstraint("seconds > 0", name=op.f("ck_session_techniques_seconds_positive")),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"],
                                name=op.f("fk_session_techniques_session_id_sessions"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "position", name=op.f("pk_session_techniques")),
    )
    op.create_index("ix_session_techniques_technique", "session_techniques", ["technique"])


def downgrade() -> None:
    op.drop_index("ix_session_techniques_technique", table_name="session_techniques")
    op.drop_table("session_techniques")
    op.drop_index("ix_sessions_person_id_created_at", table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("people")
