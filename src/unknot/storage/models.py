"""The tables, as typed SQLAlchemy 2 models.

The schema itself changes only through the Alembic migrations next to this file;
a test checks that the two agree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from unknot.storage.columns import JSONType, UTCDateTime

STATUSES: tuple[str, ...] = ("planned", "in_progress", "completed", "stopped", "quit")
SOURCES: tuple[str, ...] = ("terminal", "web")
RATING_COLUMNS: tuple[str, ...] = (
    "pain_before", "tension_before", "stress_before",
    "pain_after", "tension_after", "stress_after",
)

# Named constraints, so later migrations can alter them by name on both databases.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSONType, list[str]: JSONType}


class Person(Base):
    """Whose sessions these are. Personal mode has one; a clinic has many."""

    __tablename__ = "people"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class SessionRow(Base):
    """One guided session: the request, the plan, progress, ratings and outcome."""

    __tablename__ = "sessions"
    __table_args__ = (
        *(CheckConstraint(f"{c} IS NULL OR ({c} >= 0 AND {c} <= 10)", name=f"{c}_0_10")
          for c in RATING_COLUMNS),
        CheckConstraint(_in("status", STATUSES), name="status_known"),
        CheckConstraint(_in("source", SOURCES), name="source_known"),
        CheckConstraint("total_seconds > 0", name="total_seconds_positive"),
        CheckConstraint("step_elapsed >= 0", name="step_elapsed_not_negative"),
        CheckConstraint("total_steps > 0", name="total_steps_positive"),
        CheckConstraint("step_index >= 0 AND step_index < total_steps", name="step_index_in_plan"),
        CheckConstraint("completed_steps >= 0 AND completed_steps <= total_steps",
                        name="completed_steps_in_plan"),
        # The journal lists a person's sessions newest first.
        Index("ix_sessions_person_id_created_at", "person_id", "created_at"),
        # The journal's chart and advice read only these: from the index alone, never
        # the row (on SQLite a row's later columns sit behind its ~30 KB plan).
        Index("ix_sessions_person_ratings", "person_id", "created_at", "id", *RATING_COLUMNS),
        # Clinic mode: which slots of a programme were played.
        Index("ix_sessions_programme_id_slot", "programme_id", "slot"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    source: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    request: Mapped[dict[str, Any]]
    plan: Mapped[dict[str, Any]]
    total_seconds: Mapped[int] = mapped_column(Integer)
    total_steps: Mapped[int] = mapped_column(Integer)
    step_index: Mapped[int] = mapped_column(Integer, default=0)
    step_elapsed: Mapped[float] = mapped_column(Float, default=0.0)
    completed_steps: Mapped[int] = mapped_column(Integer, default=0)
    pain_before: Mapped[int | None] = mapped_column(SmallInteger)
    tension_before: Mapped[int | None] = mapped_column(SmallInteger)
    stress_before: Mapped[int | None] = mapped_column(SmallInteger)
    pain_after: Mapped[int | None] = mapped_column(SmallInteger)
    tension_after: Mapped[int | None] = mapped_column(SmallInteger)
    stress_after: Mapped[int | None] = mapped_column(SmallInteger)
    note: Mapped[str | None] = mapped_column(Text)
    stop_reason: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[list[str]]
    regions: Mapped[list[str]]
    # Clinic mode: the programme and the slot ("2026-03-02 08:00") this session was played
    # for. No foreign key: a session stays in the journal when its programme is removed.
    programme_id: Mapped[str | None] = mapped_column(String(36))
    slot: Mapped[str | None] = mapped_column(String(16))

    techniques: Mapped[list[SessionTechnique]] = relationship(
        back_populates="session", order_by="SessionTechnique.position",
        cascade="all, delete-orphan", passive_deletes=True,
    )


class SessionTechnique(Base):
    """One step of a session's plan, as a row, so "what helps" is a query."""

    __tablename__ = "session_techniques"
    __table_args__ = (
        CheckConstraint("position >= 0", name="position_not_negative"),
        CheckConstraint("seconds > 0", name="seconds_positive"),
        Index("ix_session_techniques_technique", "technique"),
    )

    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    technique: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    seconds: Mapped[int] = mapped_column(Integer)
    side: Mapped[str | None] = mapped_column(String(8))

    session: Mapped[SessionRow] = relationship(back_populates="techniques")


class PreferenceRow(Base):
    """A person's settings for the player and the start page, as one JSON object.

    Kept as a document rather than columns: the web decides what the settings are
    (and their defaults), so adding one needs no migration.
    """

    __tablename__ = "preferences"

    person_id: Mapped[str] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]


HELP_KINDS: tuple[str, ...] = ("technique", "goal")


class HelpTotal(Base):
    """Running totals behind the journal's "what helps", one row per person and
    technique or goal: how many finished, rated sessions count for it, and per
    dimension the sum of their changes (after − before) and how many had one.

    Kept up to date in the same transaction as the session write that changes them
    (`unknot.storage.summaries`), so the journal reads a few rows, not years of them.
    """

    __tablename__ = "journal_help_totals"
    # No check on the counters: an upsert that takes a session away is checked as the
    # row it would insert (negative) before it finds the row to add to.
    __table_args__ = (CheckConstraint(_in("kind", HELP_KINDS), name="kind_known"),)

    person_id: Mapped[str] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    item: Mapped[str] = mapped_column(String(100), primary_key=True)
    sessions: Mapped[int] = mapped_column(Integer)
    pain_sum: Mapped[int] = mapped_column(Integer)
    pain_count: Mapped[int] = mapped_column(Integer)
    tension_sum: Mapped[int] = mapped_column(Integer)
    tension_count: Mapped[int] = mapped_column(Integer)
    stress_sum: Mapped[int] = mapped_column(Integer)
    stress_count: Mapped[int] = mapped_column(Integer)


# The clinic tables share this metadata (Alembic compares all of it with the migrations).
from unknot.storage import clinic_models, reminder_models  # noqa: E402,F401
