"""How a client is getting on with their programmes: each scheduled slot done, partial
or missed; the week so far in kind words; and before → after ratings per programme.

A slot (one day and time, in the client's local time) is

- **done** when a session played for it finished;
- **partial** when one was stopped early ("it hurts" or "stop here"), or was begun and
  left unfinished after the slot's window closed;
- **started** when one is under way and the window is still open;
- **missed** when its window has closed with no session for it;
- **open** until then.

The window gives the client the rest of their routine's part of the day: it closes when
the day's next slot begins, or at local midnight after the day's last one (a morning
slot of 08:00 in a 08:00/13:00/19:00 programme may be done until 13:00). No streaks,
nothing counted against a slot still open: the week says what was done, gently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from unknot.clinic.records import ProgrammeView
from unknot.clinic.schedule import Schedule, runs_on, slot_key
from unknot.journal import DIMENSIONS, FINISHED_STATUSES
from unknot.storage.clinic_models import Account, Programme
from unknot.storage.models import SessionRow

DONE, PARTIAL, STARTED, MISSED, OPEN = "done", "partial", "started", "missed", "open"
STATE_WORDS = {DONE: "Done", PARTIAL: "Partly done", STARTED: "Started", MISSED: "Not done",
               OPEN: "Still to come"}
TREND_WEEKS = 8


def slot_state(statuses: Iterable[str], closes_at: datetime, now: datetime) -> str:
    """The state of a slot from the statuses of the sessions played for it."""
    found = set(statuses)
    if not found:  # most slots: nothing played (yet)
        return OPEN if now < closes_at else MISSED
    if "completed" in found:
        return DONE
    if "stopped" in found or "quit" in found:
        return PARTIAL
    return STARTED if now < closes_at else PARTIAL


def window_closes(schedule: Schedule, day: date, at: str, zone: ZoneInfo) -> datetime:
    """When the slot of `day` at `at` stops being open: the day's next slot, or midnight."""
    return _closes(schedule.times, day, at, zone)


def _closes(times: tuple[str, ...], day: date, at: str, zone: ZoneInfo) -> datetime:
    later = [t for t in times if t > at]
    if later:
        hour, minute = (int(part) for part in later[0].split(":"))
        return datetime.combine(day, time(hour, minute), tzinfo=zone)
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=zone)


@lru_cache(maxsize=4096)
def day_slots(times: tuple[str, ...], day: date, zone: ZoneInfo
              ) -> tuple[tuple[str, str, datetime], ...]:
    """(slot key, time, when its window closes) for each of `times` on `day`, earliest
    first. Worked out once per day, times and zone, not per programme: a therapist's
    hundred clients mostly share a few schedules (the dashboard read each one's week
    slot by slot, and that was most of its time). The closing moment is given in UTC,
    the zone of `now`, so comparing the two needs no offset looked up each time."""
    return tuple((slot_key(day, at), at, _closes(times, day, at, zone).astimezone(UTC))
                 for at in times)


@dataclass(frozen=True)
class SlotOutcome:
    programme_id: str
    key: str
    day: date
    time: str
    state: str

    @property
    def words(self) -> str:
        return STATE_WORDS[self.state]


@dataclass
class Tally:
    """Slots counted by state; `due` leaves out those still open."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATE_WORDS, 0))

    def add(self, state: str) -> None:
        self.counts[state] += 1

    @property
    def done(self) -> int:
        return self.counts[DONE]

    @property
    def partial(self) -> int:
        return self.counts[PARTIAL]

    @property
    def due(self) -> int:
        return self.counts[DONE] + self.counts[PARTIAL] + self.counts[MISSED] + self.counts[STARTED]

    @property
    def planned(self) -> int:
        return self.due + self.counts[OPEN]

    @property
    def ratio(self) -> float | None:
        """Done (a partial counts half) per slot due so far; None before any is due."""
        return (self.done + 0.5 * self.partial) / self.due if self.due else None

    def summary(self) -> str:
        """"5 of 7 so far this week"-style words (the caller adds the period)."""
        if not self.planned:
            return "nothing scheduled"
        if not self.due:
            return f"{self.planned} to come"
        text = f"{self.done} of {self.due}"
        if self.partial:
            text += f", {self.partial} partly"
        return text

    def kind_words(self) -> str:
        """A gentle sentence for the client: what went well, never a streak to lose."""
        if not self.planned:
            return "Nothing is scheduled this week."
        if not self.due:
            return "Your week is just starting: your first session is still to come."
        practised = self.done + self.partial
        if practised == 0:
            return ("No sessions yet this week, and that is all right: the next one is a fine "
                    "place to begin again.")
        if self.done == self.due:
            return "Every session so far this week: well done, and keep it gentle."
        return (f"{practised} session{'s' if practised != 1 else ''} so far this week. Each "
                "one helps; there is no score to keep.")


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of `day`'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def linked_statuses(db: Session, programmes: Sequence[Scheduled], first: date, last: date
                    ) -> dict[tuple[str, str], list[str]]:
    """The statuses of the sessions played for each (programme, slot) in these days."""
    if not programmes:
        return {}
    rows = db.execute(select(SessionRow.programme_id, SessionRow.slot, SessionRow.status)
                      .where(SessionRow.programme_id.in_([p.id for p in programmes]),
                             SessionRow.slot >= first.isoformat(),
                             SessionRow.slot < (last + timedelta(days=1)).isoformat()))
    return _grouped(rows)


def _grouped(rows: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for programme_id, slot, status in rows:
        found[(programme_id, slot)].append(status)
    return found


# Built once: the dashboard asks it on every view (see `therapist_statuses`).
_THERAPIST_STATUSES = (
    select(SessionRow.programme_id, SessionRow.slot, SessionRow.status)
    .join(Programme, Programme.id == SessionRow.programme_id)
    .join(Account, Account.id == Programme.client_id)
    .where(Account.therapist_id == bindparam("therapist_id"),
           Programme.starts_on <= bindparam("last"),
           or_(Programme.ends_on.is_(None), Programme.ends_on >= bindparam("first")),
           SessionRow.slot >= bindparam("first_slot"), SessionRow.slot < bindparam("after_slot")))


def therapist_statuses(db: Session, therapist_id: str, first: date, last: date
                       ) -> dict[tuple[str, str], list[str]]:
    """`linked_statuses` for every programme of a therapist's clients running in these
    days, joined through the therapist (one short query, however many clients)."""
    rows = db.execute(_THERAPIST_STATUSES, {
        "therapist_id": therapist_id, "first": first, "last": last,
        "first_slot": first.isoformat(), "after_slot": (last + timedelta(days=1)).isoformat()})
    return _grouped(rows)  # type: ignore[arg-type]


class Scheduled(Protocol):
    """What reading a programme's slots needs: its id and its schedule."""

    @property
    def id(self) -> str: ...

    @property
    def schedule(self) -> Schedule: ...


def _states(programmes: Sequence[Scheduled], played: dict[tuple[str, str], list[str]],
            first: date, last: date, zone: ZoneInfo, now: datetime
            ) -> Iterator[tuple[str, str, date, str, str]]:
    """(programme id, slot key, day, time, state) of every slot, programme by programme."""
    days = _days(first, last)
    for programme in programmes:
        schedule = programme.schedule
        for day in days:
            if not runs_on(schedule, day):
                continue
            for key, at, closes in day_slots(schedule.times, day, zone):
                yield (programme.id, key, day, at,
                       slot_state(played.get((programme.id, key), ()), closes, now))


def outcomes(programmes: Sequence[Scheduled], played: dict[tuple[str, str], list[str]],
             first: date, last: date, zone: ZoneInfo, now: datetime) -> list[SlotOutcome]:
    """Every slot of these programmes from `first` to `last`, with its state."""
    return [SlotOutcome(*slot) for slot in _states(programmes, played, first, last, zone, now)]


def tally(slots: Iterable[SlotOutcome]) -> Tally:
    counted = Tally()
    for slot in slots:
        counted.add(slot.state)
    return counted


def week_tally(programmes: Sequence[Scheduled], played: dict[tuple[str, str], list[str]],
               first: date, last: date, zone: ZoneInfo, now: datetime) -> Tally:
    """`tally(outcomes(...))` without making each slot's outcome (the dashboard counts a
    hundred clients' weeks on every view)."""
    counted = Tally()
    for *_, state in _states(programmes, played, first, last, zone, now):
        counted.counts[state] += 1
    return counted


def running_between(programmes: list[ProgrammeView], first: date, last: date
                    ) -> list[ProgrammeView]:
    """The programmes with any day between `first` and `last`."""
    return [p for p in programmes if p.schedule.starts_on <= last
            and (p.schedule.ends_on is None or p.schedule.ends_on >= first)]


# -- before → after ---------------------------------------------------------------------


@dataclass(frozen=True)
class WeekTrend:
    """One week of a programme's finished sessions: mean ratings before and after."""

    monday: date
    sessions: int
    before: dict[str, float | None]
    after: dict[str, float | None]


def _mean(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


Rated = tuple[date, tuple[int | None, ...], tuple[int | None, ...]]  # slot day, before, after


def weekly(sessions: Iterable[Rated]) -> list[WeekTrend]:
    """Finished sessions (their slot's day and ratings before and after, in `DIMENSIONS`
    order) as one `WeekTrend` per week that has any, oldest first."""
    grouped: dict[date, list[Rated]] = defaultdict(list)
    for session in sessions:
        grouped[week_of(session[0])[0]].append(session)
    out = []
    for monday in sorted(grouped):
        rated = grouped[monday]
        before = {d: _mean([r[1][i] for r in rated if r[1][i] is not None])
                  for i, d in enumerate(DIMENSIONS)}
        after = {d: _mean([r[2][i] for r in rated if r[2][i] is not None])
                 for i, d in enumerate(DIMENSIONS)}
        out.append(WeekTrend(monday, len(rated), before, after))
    return out


def trends(db: Session, programme: ProgrammeView, today: date,
           weeks: int = TREND_WEEKS) -> list[WeekTrend]:
    """The last `weeks` weeks (oldest first, weeks with sessions only) of a programme."""
    first = week_of(today)[0] - timedelta(weeks=weeks - 1)
    rows = db.execute(select(SessionRow.slot, SessionRow.status,
                             *(getattr(SessionRow, f"{d}_before") for d in DIMENSIONS),
                             *(getattr(SessionRow, f"{d}_after") for d in DIMENSIONS))
                      .where(SessionRow.programme_id == programme.id,
                             SessionRow.slot >= slot_key(first, "00:00")))
    n = len(DIMENSIONS)
    return weekly((date.fromisoformat(slot[:10]), tuple(ratings[:n]), tuple(ratings[n:]))
                  for slot, status, *ratings in rows if status in FINISHED_STATUSES)


def trend_words(weeks: list[WeekTrend], dimension: str = "pain") -> str | None:
    """One plain sentence on how the ratings moved (None with nothing rated)."""
    rated = [w for w in weeks if w.before[dimension] is not None]
    if not rated:
        return None
    first, last = rated[0], rated[-1]
    after = [w for w in rated if w.after[dimension] is not None]
    text = f"{dimension.capitalize()} before a session: {first.before[dimension]}"
    if last is not first:
        text += f" in the week of {first.monday:%-d %b}, {last.before[dimension]} in the week of " \
                f"{last.monday:%-d %b}"
    text += "."
    if after:
        relief = [w.before[dimension] - w.after[dimension] for w in after  # type: ignore[operator]
                  ]
        mean = round(sum(relief) / len(relief), 1)
        if mean > 0:
            text += f" A session eased it by {mean} points on average."
        elif mean < 0:
            text += f" It was {abs(mean)} points higher after a session on average: worth a talk."
        else:
            text += " Sessions left it about the same."
    return text
