"""Clinic mode: the therapist's inbox (items stored when they happen, marked as seen).

Revision ID: 0007_clinic_alerts
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_clinic_alerts"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clinic_alerts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("clinic_id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("therapist_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("seen_by", sa.String(length=36), nullable=True),
        sa.CheckConstraint("kind IN ('it_hurts', 'high_pain', 'rising_pain', 'red_flag')",
                           name=op.f("ck_clinic_alerts_kind_known")),
        sa.ForeignKeyConstraint(["client_id"], ["accounts.id"],
                                name=op.f("fk_clinic_alerts_client_id_accounts"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["clinic_id"], ["clinics.id"],
                                name=op.f("fk_clinic_alerts_clinic_id_clinics"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["seen_by"], ["accounts.id"],
                                name=op.f("fk_clinic_alerts_seen_by_accounts"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["therapist_id"], ["accounts.id"],
                                name=op.f("fk_clinic_alerts_therapist_id_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_alerts")),
    )
    with op.batch_alter_table("clinic_alerts", schema=None) as batch_op:
        batch_op.create_index("ix_clinic_alerts_therapist_id_seen_at_at",
                              ["therapist_id", "seen_at", "at"], unique=False)
        batch_op.create_index("ix_clinic_alerts_therapist_id_at", ["therapist_id", "at"],
                              unique=False)
        batch_op.create_index("ix_clinic_alerts_client_id_seen_at", ["client_id", "seen_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("clinic_alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_clinic_alerts_client_id_seen_at")
        batch_op.drop_index("ix_clinic_alerts_therapist_id_at")
        batch_op.drop_index("ix_clinic_alerts_therapist_id_seen_at_at")
    op.drop_table("clinic_alerts")
