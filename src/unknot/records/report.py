"""What the report for a doctor or therapist says, as plain values: pure, no database.

The same `Report` is rendered as the printable page and as the PDF, so the two always
show the same numbers. A change is after − before: below zero means the session helped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from unknot.clinic.adherence import Rated, WeekTrend, weekly
from unknot.journal import DIMENSIONS, FINISHED_STATUSES, Advice, HelpItem, JournalEntry
from unknot.records.gather import PersonRecord, ProgrammeRecord, Screen, Subject
from unknot.week_chart import WeekChart, week_chart

# The newest sessions listed one by one; every session counts in the figures, and the
# CSV export lists them all.
SESSIONS_LISTED = 100
MONTHS_SHOWN = 12
HELPS_SHOWN = 5
VERDICT_WORDS = {"ok": "Self-massage is fine", "caution": "Fine, with things to avoid",
                 "see_doctor": "See a doctor first", "urgent": "Urgent: emergency help"}
STATUS_WORDS = {"completed": "completed", "stopped": "stopped (it hurt)", "quit": "ended early",
                "in_progress": "not finished", "planned": "not started"}


@dataclass(frozen=True)
class Mean:
    """Mean before and after of one dimension over the sessions rated both times."""

    dimension: str
    sessions: int
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


@dataclass(frozen=True)
class Month:
    label: str  # "March 2026"
    sessions: int
    means: list[Mean]


@dataclass(frozen=True)
class SessionLine:
    when: datetime
    minutes: float
    status: str
    areas: str
    ratings: dict[str, tuple[int | None, int | None]]
    programme: bool
    stop_reason: str | None
    note: str | None


@dataclass(frozen=True)
class ProgrammeTrend:
    """A programme's whole history, week by week (slot weeks, as on the outcomes page)."""

    weeks: list[WeekTrend]
    chart: WeekChart | None  # pain before and after; None without a pain rating


@dataclass(frozen=True)
class Report:
    subject: Subject
    generated_at: datetime
    first: datetime | None
    last: datetime | None
    total: int
    by_status: dict[str, int]
    means: list[Mean]
    months: list[Month]
    stops: list[SessionLine]
    sessions: list[SessionLine]  # newest first, at most SESSIONS_LISTED
    advice: list[Advice]
    helps: list[tuple[str, HelpItem]]  # (the technique's name, what it did)
    screens: list[Screen]
    programmes: list[ProgrammeRecord]
    trends: dict[str, ProgrammeTrend]  # programme id → its weeks


def _means(entries: list[JournalEntry]) -> list[Mean]:
    out = []
    for dim in DIMENSIONS:
        pairs = [(e.before.get(dim), e.after.get(dim)) for e in entries
                 if e.status in FINISHED_STATUSES]
        both = [(b, a) for b, a in pairs if b is not None and a is not None]
        out.append(Mean(dim, len(both),
                        round(sum(b for b, _ in both) / len(both), 1) if both else None,
                        round(sum(a for _, a in both) / len(both), 1) if both else None))
    return out


def _line(entry: JournalEntry, record: PersonRecord) -> SessionLine:
    return SessionLine(
        when=entry.created_at.astimezone(record.subject.zone),
        minutes=round(entry.total_seconds / 60, 1), status=entry.status,
        areas=", ".join(r.replace("_", " ") for r in entry.regions) or "—",
        ratings={d: (entry.before.get(d), entry.after.get(d)) for d in DIMENSIONS},
        programme=entry.id in record.programme_of, stop_reason=entry.stop_reason,
        note=entry.note)


def _months(entries: list[JournalEntry], record: PersonRecord) -> list[Month]:
    groups: dict[tuple[int, int], list[JournalEntry]] = {}
    for entry in entries:
        local = entry.created_at.astimezone(record.subject.zone)
        groups.setdefault((local.year, local.month), []).append(entry)
    months = []
    for (year, month), items in sorted(groups.items())[-MONTHS_SHOWN:]:
        label = datetime(year, month, 1).strftime("%B %Y")
        months.append(Month(label, len(items), _means(items)))
    return months


def _technique_name(technique_id: str) -> str:
    from unknot.library.loader import default_library

    technique = default_library().get(technique_id)
    return technique.name if technique is not None else technique_id


def _trends(record: PersonRecord) -> dict[str, ProgrammeTrend]:
    played: dict[str, list[Rated]] = {p.id: [] for p in record.programmes}
    for entry in record.entries:
        programme, slot = record.programme_of.get(entry.id), record.slots.get(entry.id)
        if programme in played and slot and entry.status in FINISHED_STATUSES:
            played[programme].append((date.fromisoformat(slot[:10]),
                                      tuple(entry.before.get(d) for d in DIMENSIONS),
                                      tuple(entry.after.get(d) for d in DIMENSIONS)))
    today = record.generated_at.astimezone(record.subject.zone).date()
    out = {}
    for programme in record.programmes:
        weeks = weekly(played[programme.id])
        # A programme still on the schedule reaches this week (or its end), so recent
        # weeks without sessions show; an archived one stops at its last session.
        until = None if programme.archived else \
            min(today, programme.ends_on) if programme.ends_on else today
        out[programme.id] = ProgrammeTrend(weeks, week_chart(weeks, programme.title,
                                                             until=until))
    return out


def build(record: PersonRecord) -> Report:
    """The report of `record`."""
    entries = record.entries
    newest = list(reversed(entries))
    stops = [_line(e, record) for e in newest if e.status == "stopped" or e.stop_reason]
    return Report(
        subject=record.subject, generated_at=record.generated_at.astimezone(record.subject.zone),
        first=entries[0].created_at.astimezone(record.subject.zone) if entries else None,
        last=entries[-1].created_at.astimezone(record.subject.zone) if entries else None,
        total=len(entries), by_status=dict(Counter(e.status for e in entries)),
        means=_means(entries), months=_months(entries, record), stops=stops,
        sessions=[_line(e, record) for e in newest[:SESSIONS_LISTED]],
        advice=list(record.summary.advice),
        helps=[(_technique_name(h.key), h)
               for h in record.summary.what_helps.by_technique[:HELPS_SHOWN]],
        screens=record.screens, programmes=record.programmes, trends=_trends(record))


def number(value: float | int | None) -> str:
    """A rating or a mean as printed: "–" when there is none, "5" or "4.5"."""
    if value is None:
        return "–"
    return f"{value:g}"


def signed(value: float | None) -> str:
    if value is None:
        return "–"
    return ("−" if value < 0 else "+" if value > 0 else "±") + f"{abs(value):g}"


def pair(ratings: tuple[float | None, float | None]) -> str:
    before, after = ratings
    if before is None and after is None:
        return "–"
    return f"{number(before)} → {number(after)}"
