"""A person's programmes as an iCalendar feed (RFC 5545, the `icalendar` library), so any
phone calendar reminds them: one recurring event per programme and time of day, in the
clinic's zone, with an alarm at the start. Pure: programmes in, bytes out."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from unknot.clinic.records import ProgrammeView
from unknot.clinic.schedule import DAYS

BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA",
         "sun": "SU"}
PRODUCT = "-//unknot//clinic programmes//EN"


def _first_day(programme: ProgrammeView) -> datetime | None:
    """The first day on or after the start that the programme runs (None: never)."""
    day = programme.schedule.starts_on
    for _ in range(7):
        if DAYS[day.weekday()] in programme.schedule.days:
            return datetime(day.year, day.month, day.day)
        day += timedelta(days=1)
    return None


def feed(programmes: list[ProgrammeView], zone: ZoneInfo, *, url: str, stamp: datetime) -> bytes:
    """The calendar: each programme time as a weekly-recurring event with an alarm.
    `url` is where a slot is played from; `stamp` is when the feed was made (DTSTAMP)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "unknot: your programme")
    for programme in programmes:
        first = _first_day(programme)
        if first is None:
            continue
        minutes = max(1, round(sum(
            int(s["seconds"]) * (2 if s.get("side") == "both" else 1) for s in programme.steps)
            / 60))
        for at in programme.schedule.times:
            hour, minute = (int(part) for part in at.split(":"))
            start = datetime.combine(first.date(), time(hour, minute), tzinfo=zone)
            event = Event()
            event.add("uid", f"{programme.id}-{at.replace(':', '')}@unknot")
            event.add("summary", f"Self-massage: {programme.title}")
            event.add("description", f"{minutes} minutes. Open unknot to play it: {url}")
            event.add("dtstart", start)
            event.add("duration", timedelta(minutes=minutes))
            event.add("dtstamp", stamp)
            rule: dict[str, object] = {"freq": "weekly",
                                       "byday": [BYDAY[d] for d in programme.schedule.days]}
            if programme.schedule.ends_on is not None:
                ends = programme.schedule.ends_on
                rule["until"] = datetime.combine(ends, time(23, 59, 59), tzinfo=zone)
            event.add("rrule", rule)
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Time for {programme.title}")
            alarm.add("trigger", timedelta(0))
            event.add_component(alarm)
            calendar.add_component(event)
    return calendar.to_ical()
