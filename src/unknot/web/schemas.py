"""Request and response bodies of the JSON API (/api/v1), one family per resource.

The intake and plan objects are the core's own models (SPEC §4); what is here is
what the web adds: session bodies, technique summaries, the journal view and
preferences. Request models refuse unknown fields and non-finite numbers, so a
typo in a field name is a 422 that names it instead of being silently dropped.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from unknot.intake.screen import MAX_TEXT, IntakeResult
from unknot.journal import Ratings
from unknot.planner.request import PlanRequest
from unknot.safety.answers import Answers
from unknot.storage import SessionRecord
from unknot.storage.records import NOTE_MAX, STOP_REASON_MAX
from unknot.vocabulary import Goal, Kind, Position, Pressure, Region, Setting, Side, Tool

# Moments a client may send: wide enough for any real session, narrow enough that
# converting to UTC can never overflow (year 1 with a positive offset does).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
MAX_STEPS = 500


class Body(BaseModel):
    """Base of every request body: unknown fields and NaN/Infinity are errors."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


def check_moment(value: datetime) -> datetime:
    """A client's moment, taken as UTC when it has no zone, within EARLIEST–LATEST."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"must be between {EARLIEST:%Y} and {LATEST:%Y}")
    return value.astimezone(UTC)


Moment = Annotated[datetime, AfterValidator(check_moment)]


class Problem(BaseModel):
    """An error that is not about one field (404, 409, 503)."""

    detail: str


# -- intake and plans -------------------------------------------------------

class IntakeBody(Body):
    text: str = Field(max_length=MAX_TEXT, description="What is bothering the person.")
    answers: Answers | None = Field(default=None, description="Structured screening answers.")


class PlanBody(PlanRequest):
    """The plan request of SPEC §4 (the CLI's options by the same names)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


# -- techniques -------------------------------------------------------------

class TechniqueSummary(BaseModel):
    id: str
    name: str
    kind: Kind
    summary: str
    regions: list[Region]
    goals: list[Goal]
    tools: list[Tool]
    positions: list[Position]
    sided: bool


class TechniqueList(BaseModel):
    items: list[TechniqueSummary]
    count: int


# -- sessions ---------------------------------------------------------------

class StepIn(BaseModel):
    """A plan step as the client sends it back: the planner's step, perhaps edited.

    Only what the player and the journal rely on is required; the rest of the
    planner's fields (name, instructions, cues, why …) are kept as sent.
    """

    model_config = ConfigDict(extra="allow", allow_inf_nan=False)

    technique: str = Field(min_length=1, max_length=100)
    kind: Kind
    seconds: int = Field(ge=1, le=3600)
    side: Side | None = None
    regions: list[Region] = Field(default_factory=list, max_length=22)
    tools: list[Tool] = Field(default_factory=list, max_length=8)
    pressure: Pressure | None = None


class PlanIn(BaseModel):
    """The plan a session runs (SPEC §4): normally the one POST /plans answered."""

    model_config = ConfigDict(extra="allow", allow_inf_nan=False)

    intake: IntakeResult | None = None
    total_seconds: int | None = Field(default=None, ge=0, le=60 * 60 * 24)
    steps: list[StepIn] = Field(max_length=MAX_STEPS)


class ProgrammeLink(Body):
    """Clinic mode: the programme and slot a session is played for."""

    id: uuid.UUID
    slot: str = Field(pattern=r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$",
                      description="The scheduled day and time, e.g. '2026-03-02 08:00'.")


class SessionCreate(Body):
    id: uuid.UUID | None = Field(
        default=None, description="Client-made id; a retry with the same id returns the "
                                  "stored session and never makes a second one.")
    plan: PlanIn
    request: dict[str, Any] = Field(default_factory=dict,
                                    description="The plan request the plan came from.")
    before: Ratings | None = None
    source: Literal["web", "terminal"] = "web"
    status: Literal["planned", "in_progress"] = "in_progress"
    created_at: Moment | None = Field(
        default=None, description="When the session began, for one made offline; default now.")
    programme: ProgrammeLink | None = Field(
        default=None, description="Clinic mode: the programme slot this session is played for.")


class ProgressUpdate(Body):
    step_index: int = Field(ge=0, lt=MAX_STEPS)
    step_elapsed: float = Field(ge=0, le=3600, description="Seconds into the step.")


class SessionFinish(Body):
    status: Literal["completed", "stopped", "quit"]
    after: Ratings | None = None
    completed_steps: int = Field(ge=0, le=MAX_STEPS)
    stop_reason: str | None = Field(default=None, max_length=STOP_REASON_MAX)
    note: str | None = Field(default=None, max_length=NOTE_MAX)
    finished_at: Moment | None = Field(
        default=None, description="When it ended, for one finished offline; default now.")


class SessionOut(BaseModel):
    id: str
    status: str
    source: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    plan: dict[str, Any]
    request: dict[str, Any]
    before: Ratings | None
    after: Ratings | None
    step_index: int
    step_elapsed: float
    completed_steps: int
    total_steps: int
    total_seconds: int
    stop_reason: str | None
    note: str | None

    @classmethod
    def of(cls, record: SessionRecord) -> SessionOut:
        """The API view of a stored session (ratings null when none were given)."""
        return cls.model_validate(cls.of_fields(record))

    @staticmethod
    def of_fields(record: SessionRecord) -> dict[str, Any]:
        def rated(ratings: Ratings) -> Ratings | None:
            return ratings if any(v is not None for v in ratings.model_dump().values()) else None

        return dict(
            id=record.id, status=record.status, source=record.source,
            created_at=record.created_at, started_at=record.started_at,
            finished_at=record.finished_at, plan=record.plan, request=record.request,
            before=rated(record.before), after=rated(record.after),
            step_index=record.step_index, step_elapsed=record.step_elapsed,
            completed_steps=record.completed_steps, total_steps=record.total_steps,
            total_seconds=record.total_seconds, stop_reason=record.stop_reason, note=record.note,
        )


class SessionListItem(SessionOut):
    """A session in a list: every field of a session, with its plan only when asked."""

    plan: dict[str, Any] | None = Field(  # type: ignore[assignment]
        description="The session's plan with `include=plan`; otherwise null (GET "
                    "/sessions/{id} has it): a list shows when, how long and how it went, "
                    "and a plan is most of a session's bytes.")


class SessionList(BaseModel):
    items: list[SessionListItem]
    next_before: datetime | None = Field(
        description="Pass as `before` for the next (older) page; null on the last page.")


# -- journal ----------------------------------------------------------------

class SeriesPoint(BaseModel):
    id: str
    date: datetime
    pain_before: int | None
    pain_after: int | None
    tension_before: int | None
    tension_after: int | None
    stress_before: int | None
    stress_after: int | None


class HelpOut(BaseModel):
    """Average change (after − before; below zero helped) and the sessions it rests on."""

    id: str
    name: str
    sessions: int
    pain: float | None
    tension: float | None
    stress: float | None


class Helps(BaseModel):
    techniques: list[HelpOut]
    goals: list[HelpOut]


class AdviceOut(BaseModel):
    id: str
    message: str
    evidence: str
    verdict: Literal["see_doctor"]
    source: str


class JournalOut(BaseModel):
    sessions: int
    series: list[SeriesPoint] = Field(description="Rated sessions, oldest first, for the chart.")
    helps: Helps
    advice: list[AdviceOut]


# -- preferences ------------------------------------------------------------

class Preferences(BaseModel):
    """The player's and the start page's settings; a PUT changes only the fields it names."""

    model_config = ConfigDict(allow_inf_nan=False)

    voice: bool = True
    voice_name: str | None = Field(default=None, max_length=200)
    # A little slower than normal speech: the voice leads a slow, calm routine.
    voice_rate: float = Field(default=0.9, ge=0.5, le=2.0)
    breath_rate: float = Field(default=6.0, ge=2.0, le=20.0, description="Breaths a minute.")
    ambient: Literal["off", "rain", "waves", "brown"] = "off"
    pressure: Pressure = "moderate"
    tools: list[Tool] = Field(default_factory=list, max_length=8)
    setting: Setting = "anywhere"
    minutes: int = Field(default=10, ge=1, le=60)

    @field_validator("tools")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


class PreferencesUpdate(Preferences):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Ping(BaseModel):
    ok: bool
