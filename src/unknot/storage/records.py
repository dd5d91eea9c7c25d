"""What the storage layer hands out and takes in, independent of the tables.

`SessionRecord` is the frozen, JSON-ready view of a stored session. The plan a
session is made from is checked here for the few fields storage relies on; the
rest of it is kept as given.
"""

from __future__ import annotations

import json
import math
import re
import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from unknot.journal import FINISHED_STATUSES, JournalEntry, Ratings
from unknot.storage.errors import InvalidSessionData
from unknot.vocabulary import Kind, Side

NOTE_MAX = 2000
STOP_REASON_MAX = 500


class PlanStep(BaseModel):
    """The fields of a plan step (SPEC §4) that storage indexes; others are kept as is."""

    model_config = ConfigDict(extra="allow")

    technique: str = Field(min_length=1, max_length=100)
    kind: Kind
    seconds: int = Field(gt=0, le=3600)
    side: Side | None = None


class PlanSnapshot(BaseModel):
    model_config = ConfigDict(extra="allow")

    steps: list[PlanStep] = Field(min_length=1, max_length=500)
    total_seconds: int | None = Field(default=None, gt=0)
    intake: dict[str, Any] | None = None


class SessionRecord(BaseModel):
    """A stored session, as callers see it."""

    model_config = ConfigDict(frozen=True)

    id: str
    person_id: str
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    source: str
    status: str
    request: dict[str, Any]
    # None only in a list read without plans (`Store.list_sessions(with_plan=False)`).
    plan: dict[str, Any] | None
    total_seconds: int
    total_steps: int
    step_index: int
    step_elapsed: float
    completed_steps: int
    before: Ratings
    after: Ratings
    note: str | None
    stop_reason: str | None
    goals: list[str]
    regions: list[str]
    # Clinic mode: the programme and slot this session was played for.
    programme_id: str | None = None
    slot: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    def journal_entry(self) -> JournalEntry:
        """This session as the journal's pure functions take it."""
        if self.plan is None:
            raise ValueError(f"session {self.id} was read without its plan")
        steps = self.plan.get("steps", [])
        return JournalEntry(
            id=self.id, created_at=self.created_at, status=self.status,
            total_seconds=self.total_seconds, before=self.before, after=self.after,
            goals=tuple(self.goals), regions=tuple(self.regions),
            techniques=tuple(s["technique"] for s in steps[: self.completed_steps]),
            completed_steps=self.completed_steps, total_steps=self.total_steps,
            stop_reason=self.stop_reason, note=self.note,
        )


def _first_problem(exc: ValidationError, prefix: str) -> str:
    item = exc.errors()[0]
    where = ".".join(str(p) for p in (prefix, *item["loc"]) if p != "")
    return f"{where}: {item['msg']}"


def parse_plan(plan: Any) -> tuple[PlanSnapshot, dict[str, Any]]:
    """Check a plan (a dict, or the planner's model) enough to store it.

    Returns the checked fields and the plan as the JSON object to keep; an error
    names the field that is wrong.
    """
    if isinstance(plan, BaseModel):
        plan = plan.model_dump(mode="json")
    if not isinstance(plan, dict):
        raise InvalidSessionData("plan: must be an object with steps")
    plan = without_nul(plan)
    try:
        return PlanSnapshot.model_validate(plan), plan
    except ValidationError as exc:
        raise InvalidSessionData(_first_problem(exc, "plan")) from exc


def parse_request(request: Any) -> dict[str, Any]:
    """The plan request as a JSON object: a dict, or a pydantic model (e.g. `PlanRequest`)."""
    if isinstance(request, BaseModel):
        request = request.model_dump(mode="json")
    if not isinstance(request, dict):
        raise InvalidSessionData("request: must be an object")
    request = without_nul(request)
    try:
        json.dumps(request, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise InvalidSessionData(f"request: not storable as JSON ({exc})") from exc
    return request


def parse_ratings(value: Ratings | dict[str, Any] | None, which: str) -> Ratings:
    """Ratings from a model, a plain dict or None (no ratings)."""
    if value is None:
        return Ratings()
    try:
        return Ratings.model_validate(value if isinstance(value, dict) else value.model_dump())
    except ValidationError as exc:
        raise InvalidSessionData(_first_problem(exc, which)) from exc


def canonical_id(value: str) -> str | None:
    """The canonical (lower-case, hyphenated) form of a UUID string, or None if it is not one."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        return None


def new_session_id(value: str | None) -> str:
    """A client-made id made canonical, or a fresh one."""
    if value is None:
        return str(uuid.uuid4())
    canonical = canonical_id(value)
    if canonical is None:
        raise InvalidSessionData(f"session_id: {value!r} is not a UUID")
    return canonical


# C0 controls but tab and newline, DEL, and C1 controls: ESC (\x1b) and CSI (\x9b) start
# the sequences a terminal obeys (colours, cursor moves, window titles, even key input).
# Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the invisible
# direction marks reorder what is shown ("Trojan Source"), so a note reads other than it is.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_controls(value: str) -> str:
    """`value` without control characters: line breaks become `\\n`, tabs stay, the rest
    (ESC and friends, NUL) go, so stored text can never drive a terminal."""
    return CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def without_nul(value: Any) -> Any:
    """A JSON value with NUL characters removed from every string and key: PostgreSQL
    cannot store them, so both databases keep the same text."""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


def clean_text(value: str | None, field: str, limit: int) -> str | None:
    """Trimmed text without control characters (`strip_controls`), None when empty;
    longer than `limit` is an error."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidSessionData(f"{field}: must be text")
    value = strip_controls(value).strip()
    if len(value) > limit:
        raise InvalidSessionData(f"{field}: at most {limit} characters, got {len(value)}")
    return value or None


def check_whole(value: int, field: str, low: int, high: int) -> int:
    """A whole number from `low` to `high`; anything else names the field and the range."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidSessionData(f"{field}: must be {low} to {high}, got {value!r}")
    return value


def check_elapsed(value: float) -> float:
    """Seconds into a step: a finite number, not negative."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidSessionData(f"step_elapsed: must be a number of seconds, got {value!r}")
    if value < 0:
        raise InvalidSessionData(f"step_elapsed: must not be negative, got {value}")
    return float(value)


def intake_lists(snapshot: PlanSnapshot, request: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Goals and regions of the session: the plan's intake, else what the request asked."""
    intake = snapshot.intake or {}

    def pick(key: str) -> list[str]:
        values = intake.get(key) or request.get(key) or []
        if not isinstance(values, list):
            return []
        return [strip_controls(v) for v in values if isinstance(v, str)]

    return pick("goals"), pick("regions")
