"""Personal mode's routine reminders: days and times set in Settings, served as an
iCalendar feed at a secret, revocable address (the same feed as a clinic programme's,
`unknot.clinic.calendar`). Only the address token's SHA-256 is stored."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from unknot.clinic.records import ProgrammeView
from unknot.clinic.schedule import ScheduleError, parse_schedule
from unknot.clinic.tokens import new_token, token_hash
from unknot.storage import Store
from unknot.storage.reminder_models import ReminderRow

MINUTES_MIN, MINUTES_MAX = 1, 60
TITLE = "your unknot routine"


class ReminderError(ValueError):
    """Reminder settings that cannot be used; the message names the field and the fix."""


def check_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ReminderError(f"Time zone: {value[:60]!r} is not a time zone; use a name such as "
                            "Europe/London or America/New_York.") from None
    return value


def reminder_settings(store: Store, person_id: str) -> dict[str, Any] | None:
    """The person's reminder days, times, minutes and zone, and whether the feed is on."""
    with store.reading() as db:
        row = db.get(ReminderRow, person_id)
    if row is None:
        return None
    return {"days": list(row.days), "times": list(row.times), "minutes": row.minutes,
            "timezone": row.timezone, "feed_on": row.token_hash is not None}


def save_reminders(store: Store, person_id: str, *, days: list[str], times: list[str],
                   minutes: int, timezone: str) -> dict[str, Any]:
    """Check and keep the reminder times (the feed address, if any, stays the same)."""
    zone = check_zone(timezone)
    if not MINUTES_MIN <= minutes <= MINUTES_MAX:
        raise ReminderError(f"Minutes: a whole number from {MINUTES_MIN} to {MINUTES_MAX}.")
    try:
        schedule = parse_schedule(days, times, store.now().date(), None)
    except ScheduleError as exc:
        raise ReminderError(str(exc)) from exc
    with store.writing() as db:
        store._ensure_person(db, person_id)
        row = db.get(ReminderRow, person_id, with_for_update=True)
        if row is None:
            row = ReminderRow(person_id=person_id, token_hash=None)
            db.add(row)
        row.days, row.times = list(schedule.days), list(schedule.times)
        row.minutes, row.timezone, row.updated_at = minutes, zone, store.now()
    saved = reminder_settings(store, person_id)
    assert saved is not None
    return saved


def new_feed(store: Store, person_id: str) -> str:
    """A fresh secret feed address token; an earlier address stops working."""
    token = new_token()
    with store.writing() as db:
        row = db.get(ReminderRow, person_id, with_for_update=True)
        if row is None:
            raise ReminderError("Reminders: choose the days and times first, then make the "
                                "calendar address.")
        row.token_hash, row.updated_at = token_hash(token), store.now()
    return token


def stop_feed(store: Store, person_id: str) -> None:
    """Turn the feed off: its address answers "not found" from now on."""
    with store.writing() as db:
        row = db.get(ReminderRow, person_id, with_for_update=True)
        if row is not None:
            row.token_hash = None


def feed_for(store: Store, token: str, *, url: str) -> bytes | None:
    """The iCalendar feed this token opens (None: unknown or turned off)."""
    from sqlalchemy import select

    from unknot.clinic.calendar import feed

    if not token or len(token) > 200:
        return None
    key = token_hash(token)
    with store.reading() as db:
        row = db.scalar(select(ReminderRow).where(ReminderRow.token_hash == key))
    if row is None:
        return None
    zone = ZoneInfo(row.timezone)
    starts = row.updated_at.astimezone(zone).date()
    schedule = parse_schedule(list(row.days), list(row.times), starts, None)
    routine = ProgrammeView(id=f"routine-{key[:16]}", client_id="", therapist_id="",
                            title=TITLE, steps=[{"seconds": row.minutes * 60}],
                            schedule=schedule, updated_at=row.updated_at)
    return feed([routine], zone, url=url, stamp=store.now())


