"""Personal mode's own reminders: the days and times a person wants their routine, and
the secret address of their calendar feed (only its hash is kept)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from unknot.storage.columns import JSONType
from unknot.storage.models import Base


class ReminderRow(Base):
    """One person's routine reminders. The feed is off while `token_hash` is empty;
    a new address replaces the hash, so the old address stops working."""

    __tablename__ = "reminders"

    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           primary_key=True)
    days: Mapped[list[str]] = mapped_column(JSONType)
    times: Mapped[list[str]] = mapped_column(JSONType)
    minutes: Mapped[int] = mapped_column(Integer)
    timezone: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    updated_at: Mapped[datetime]
