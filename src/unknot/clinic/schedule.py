"""When a programme is done: days of the week, times of day, a first and a last day.

Pure dates and wall-clock times in the clinic's zone; no database. A slot is one day
and time, written "2026-03-02 08:00": the key a played session is linked by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
             "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
TIMES_MAX = 6
TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
SLOT = re.compile(r"\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d")
# How far ahead a programme may be planned: long enough for any course of care.
LONGEST_DAYS = 366

# The schedules a therapist starts from. "acute" is seed 002's advice while pain is
# acute: a few minutes two or three times a day, for a week.
PRESETS: dict[str, dict[str, object]] = {
    "daily": {"label": "Daily", "days": DAYS, "times": ("08:00",), "weeks": None},
    "acute": {"label": "Two or three times a day for a week", "days": DAYS,
              "times": ("08:00", "13:00", "19:00"), "weeks": 1},
    "weekdays": {"label": "Weekdays", "days": DAYS[:5], "times": ("12:30",), "weeks": None},
}


class ScheduleError(ValueError):
    """A schedule that cannot be used; the message names the field and what to do."""


@dataclass(frozen=True)
class Schedule:
    days: tuple[str, ...]
    times: tuple[str, ...]
    starts_on: date
    ends_on: date | None

    def as_json(self) -> dict[str, object]:
        return {"days": list(self.days), "times": list(self.times)}


def parse_schedule(days: list[str], times: list[str], starts_on: date,
                   ends_on: date | None) -> Schedule:
    """A checked schedule: known days in week order, HH:MM times sorted, dates in order."""
    unknown = [d for d in days if d not in DAYS]
    if unknown:
        raise ScheduleError(f"Days: {', '.join(unknown)} is not a day; use {', '.join(DAYS)}.")
    picked = tuple(d for d in DAYS if d in days)
    if not picked:
        raise ScheduleError("Days: pick at least one day of the week.")
    cleaned = []
    for value in times:
        value = value.strip()
        if not value:
            continue
        if not TIME.fullmatch(value):
            raise ScheduleError(f"Times: {value[:20]!r} is not a time; write it as 08:00 or 19:30.")
        cleaned.append(value)
    slots = tuple(sorted(set(cleaned)))
    if not slots:
        raise ScheduleError("Times: give at least one time of day, e.g. 08:00.")
    if len(slots) > TIMES_MAX:
        raise ScheduleError(f"Times: at most {TIMES_MAX} a day.")
    if ends_on is not None:
        if ends_on < starts_on:
            raise ScheduleError("End date: it comes before the start date.")
        if (ends_on - starts_on).days > LONGEST_DAYS:
            raise ScheduleError(f"End date: at most {LONGEST_DAYS} days after the start.")
    return Schedule(picked, slots, starts_on, ends_on)


def preset(name: str, starts_on: date) -> Schedule:
    """One of `PRESETS`, starting on `starts_on`."""
    if name not in PRESETS:
        raise ScheduleError(f"Schedule: {name!r} is not one of {', '.join(PRESETS)}.")
    spec = PRESETS[name]
    weeks = spec["weeks"]
    ends = starts_on + timedelta(days=7 * int(weeks) - 1) if isinstance(weeks, int) else None
    return parse_schedule(list(spec["days"]), list(spec["times"]),  # type: ignore[call-overload]
                          starts_on, ends)


def runs_on(schedule: Schedule, day: date) -> bool:
    """Whether the programme has slots on `day`."""
    if day < schedule.starts_on or (schedule.ends_on is not None and day > schedule.ends_on):
        return False
    return DAYS[day.weekday()] in schedule.days


def slot_key(day: date, time: str) -> str:
    return f"{day.isoformat()} {time}"


def slots_on(schedule: Schedule, day: date) -> list[str]:
    """The slots of `day`, earliest first (none when the programme does not run then)."""
    return [slot_key(day, t) for t in schedule.times] if runs_on(schedule, day) else []


def is_slot(schedule: Schedule, key: str) -> bool:
    """Whether `key` ("2026-03-02 08:00") is one of the schedule's slots."""
    if not SLOT.fullmatch(key):
        return False
    try:
        day = date.fromisoformat(key[:10])
    except ValueError:
        return False
    return key in slots_on(schedule, day)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _day(value: date) -> str:
    return f"{value.day} {value.strftime('%B')} {value.year}"


def describe(schedule: Schedule) -> str:
    """The schedule in plain words, e.g. "Every day at 08:00, 13:00 and 19:00, from 2 March
    2026 to 8 March 2026"."""
    if schedule.days == DAYS:
        days = "Every day"
    elif schedule.days == DAYS[:5]:
        days = "Weekdays"
    else:
        days = "On " + _listed([DAY_NAMES[d] + "s" for d in schedule.days])
    when = f"{days} at {_listed(list(schedule.times))}"
    until = f" to {_day(schedule.ends_on)}" if schedule.ends_on else ", no end date"
    return f"{when}, from {_day(schedule.starts_on)}{until}"
