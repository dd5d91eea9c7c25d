"""Clinic mode: a passkey can confirm deleting one's account, so passkey challenges get a
fourth purpose, "delete_account".

The table is made again with the wider check rather than altered: SQLite cannot change
a CHECK constraint in place, and the rows are challenges of at most five minutes, so a
ceremony under way while the server upgrades simply starts again.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("register", "sign_in", "invite")
AFTER = (*BEFORE, "delete_account")


def _challenges(purposes: tuple[str, ...]) -> None:
    op.drop_index("ix_passkey_challenges_expires_at", table_name="passkey_challenges")
    op.drop_table("passkey_challenges")
    known = ", ".join(f"'{purpose}'" for purpose in purposes)
    op.create_table(
        "passkey_challenges",
        sa.Column("handle_hash", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("challenge", sa.String(length=200), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("invite_hash", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"purpose IN ({known})",
                           name=op.f("ck_passkey_challenges_purpose_known")),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"],
                                name=op.f("fk_passkey_challenges_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("handle_hash", name=op.f("pk_passkey_challenges")),
    )
    op.create_index("ix_passkey_challenges_expires_at", "passkey_challenges", ["expires_at"])


def upgrade() -> None:
    _challenges(AFTER)


def downgrade() -> None:
    _challenges(BEFORE)
