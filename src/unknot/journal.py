"""The journal's insight: recent sessions, before → after changes, what helps, when to see a doctor.

Pure functions over `JournalEntry` values: no database, no clock. The caller passes
`now`, so tests freeze time and every view of the same data agrees. Storage loads
the entries (see `unknot.storage`); the CLI and the web render the summary.

A change is `after − before`, so a negative number means the session helped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from unknot.plural import counted as count_of

DIMENSIONS: tuple[str, ...] = ("pain", "tension", "stress")
# Sessions that ran to an end; only these have "after" ratings worth comparing.
FINISHED_STATUSES: tuple[str, ...] = ("completed", "stopped", "quit")
# How far back escalation advice looks: older signals are history, not a warning.
ADVICE_WINDOW = timedelta(days=14)
# The "pain rising" rule reads the newest this many pain ratings.
RISING_RUN = 3
INTENSE_PAIN = 8
SEED_003 = "seed 003: intense, ongoing or unexplained pain, or pain worse after massage"


class Ratings(BaseModel):
    """How the person feels, 0 (none) to 10 (worst), each optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pain: int | None = Field(default=None, ge=0, le=10, description="Pain, 0–10.")
    tension: int | None = Field(default=None, ge=0, le=10, description="Tension, 0–10.")
    stress: int | None = Field(default=None, ge=0, le=10, description="Stress, 0–10.")

    def get(self, dimension: str) -> int | None:
        """The rating for one of `DIMENSIONS`."""
        return getattr(self, dimension)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """The part of a stored session the journal reasons about."""

    id: str
    created_at: datetime
    status: str
    total_seconds: int
    before: Ratings
    after: Ratings
    goals: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    # Techniques of the steps the person actually finished, in order.
    techniques: tuple[str, ...] = ()
    completed_steps: int = 0
    total_steps: int = 0
    stop_reason: str | None = None
    note: str | None = None


class Changes(BaseModel):
    """`after − before` per dimension; None where either rating is missing."""

    model_config = ConfigDict(frozen=True)

    pain: int | None = None
    tension: int | None = None
    stress: int | None = None


class RecentSession(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    created_at: datetime
    minutes: float
    status: str
    goals: list[str]
    regions: list[str]
    before: Ratings
    after: Ratings
    change: Changes
    note: str | None = None


class Average(BaseModel):
    """Mean change of one dimension and how many sessions it rests on."""

    model_config = ConfigDict(frozen=True)

    change: float | None = None
    sessions: int = 0


class HelpItem(BaseModel):
    """What a technique or goal did for this person, on average."""

    model_config = ConfigDict(frozen=True)

    key: str
    sessions: int
    pain: Average
    tension: Average
    stress: Average
    # Mean of the dimensions' mean changes; the sort key (most negative helps most).
    score: float | None


class WhatHelps(BaseModel):
    model_config = ConfigDict(frozen=True)

    by_technique: list[HelpItem]
    by_goal: list[HelpItem]


class Advice(BaseModel):
    """A reason to see a doctor, with the sessions that show it."""

    model_config = ConfigDict(frozen=True)

    id: str
    verdict: Literal["see_doctor"] = "see_doctor"
    message: str
    evidence: str
    source: str
    sessions: list[str]


class JournalSummary(BaseModel):
    model_config = ConfigDict(frozen=True)

    generated_at: datetime
    total_sessions: int
    recent: list[RecentSession]
    what_helps: WhatHelps
    advice: list[Advice]


Delta = tuple[int | None, ...]  # after − before, in the order of DIMENSIONS


def _difference(before: Ratings, after: Ratings) -> Delta:
    values = []
    for dim in DIMENSIONS:
        b, a = before.get(dim), after.get(dim)
        values.append(None if a is None or b is None else a - b)
    return tuple(values)


def changes(before: Ratings, after: Ratings) -> Changes:
    """Per-dimension `after − before`."""
    return Changes(**dict(zip(DIMENSIONS, _difference(before, after), strict=True)))


def newest_first(entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """Entries sorted newest first; ties broken by id so the order is stable."""
    return sorted(entries, key=lambda e: (e.created_at, e.id), reverse=True)


def recent_sessions(entries: Iterable[JournalEntry], limit: int = 10) -> list[RecentSession]:
    """The newest `limit` sessions with their before → after changes."""
    return [
        RecentSession(
            id=e.id, created_at=e.created_at, minutes=round(e.total_seconds / 60, 1),
            status=e.status, goals=list(e.goals), regions=list(e.regions),
            before=e.before, after=e.after, change=changes(e.before, e.after), note=e.note,
        )
        for e in newest_first(entries)[:limit]
    ]


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _delta(entry: JournalEntry) -> Delta | None:
    """The session's change per dimension; None when nothing can be compared."""
    values = _difference(entry.before, entry.after)
    return values if any(v is not None for v in values) else None


def help_item(key: str, sessions: int, sums: Sequence[int], counts: Sequence[int]) -> HelpItem:
    """What a technique or goal did, from running totals: `sessions` finished, rated
    sessions, and per dimension the sum of their changes and how many had that change.

    The same numbers as averaging the changes one by one (the sums are whole numbers),
    so a summary kept up to date as sessions finish gives exactly the recomputed view.
    """
    # model_construct: every value is computed here from whole numbers, nothing to check
    # (a journal reads dozens of these on every view).
    averages = {
        dim: Average.model_construct(
            change=round(sums[i] / counts[i], 2) if counts[i] else None, sessions=counts[i])
        for i, dim in enumerate(DIMENSIONS)
    }
    means = [a.change for a in averages.values() if a.change is not None]
    return HelpItem.model_construct(key=key, sessions=sessions, score=_mean(means), **averages)


def ranked(items: Iterable[HelpItem]) -> list[HelpItem]:
    """Most helpful first (the most negative score); more evidence wins a tie."""
    return sorted(items, key=lambda i: (i.score if i.score is not None else 99, -i.sessions, i.key))


def _help_items(groups: dict[str, list[Delta]]) -> list[HelpItem]:
    items = []
    for key, deltas in groups.items():
        known = [[v for d in deltas if (v := d[i]) is not None] for i in range(len(DIMENSIONS))]
        items.append(help_item(key, len(deltas), [sum(k) for k in known], [len(k) for k in known]))
    return ranked(items)


@dataclass(frozen=True, slots=True)
class Counted:
    """What one session adds to "what helps": its change, and the techniques and goals
    it counts for (each once, though done on both sides)."""

    delta: Delta
    techniques: tuple[str, ...]
    goals: tuple[str, ...]


def counted(entry: JournalEntry) -> Counted | None:
    """The session's part in "what helps"; None for one not finished or not rated on
    both ends of any dimension (it counts for nothing)."""
    if entry.status not in FINISHED_STATUSES:
        return None
    delta = _delta(entry)
    if delta is None:
        return None
    # dict.fromkeys: a technique done on both sides counts once for the session.
    return Counted(delta, tuple(dict.fromkeys(entry.techniques)), tuple(dict.fromkeys(entry.goals)))


def _grouped(entries: Iterable[JournalEntry], keys: Callable[[Counted], Iterable[str]]
             ) -> list[HelpItem]:
    groups: dict[str, list[Delta]] = {}
    for entry in entries:
        part = counted(entry)
        if part is None:
            continue
        for key in keys(part):
            groups.setdefault(key, []).append(part.delta)
    return _help_items(groups)


def what_helps_by_technique(entries: Iterable[JournalEntry]) -> list[HelpItem]:
    """Average change per technique, over finished, rated sessions where it was done.

    A technique done twice in one session (left and right side) counts once.
    """
    return _grouped(entries, lambda c: c.techniques)


def what_helps_by_goal(entries: Iterable[JournalEntry]) -> list[HelpItem]:
    """Average change per goal of the session, over finished, rated sessions."""
    return _grouped(entries, lambda c: c.goals)


def _aware(moment: datetime) -> datetime:
    # A naive time is taken as UTC, the zone storage keeps.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _day(moment: datetime, now: datetime) -> str:
    # Dates are shown in the caller's zone: `now` carries it.
    local = moment.astimezone(now.tzinfo)
    return f"{local.day} {local:%b %Y}"


def _pain_before(entry: JournalEntry) -> int:
    # Only called on entries already filtered to those with a pain rating.
    return entry.before.pain or 0


def _intense_pain(recent: list[JournalEntry], now: datetime) -> Advice | None:
    hits = [e for e in recent if (e.before.pain or 0) >= INTENSE_PAIN]
    if not hits:
        return None
    latest = hits[0]
    more = f" (and {len(hits) - 1} more in the last two weeks)" if len(hits) > 1 else ""
    return Advice(
        id="intense_pain",
        message="Your pain was 8 out of 10 or more before a session. Pain that strong should "
                "be checked by a doctor before you keep massaging it.",
        evidence=f"pain {latest.before.pain}/10 before the session on "
                 f"{_day(latest.created_at, now)}{more}",
        source=SEED_003, sessions=[e.id for e in hits],
    )


def _pain_rising(rated: list[JournalEntry], now: datetime) -> Advice | None:
    last = rated[:RISING_RUN]
    if len(last) < RISING_RUN or now - last[0].created_at > ADVICE_WINDOW:
        return None
    oldest, middle, newest = (_pain_before(e) for e in reversed(last))
    if not oldest < middle < newest:
        return None
    return Advice(
        id="pain_rising",
        message="Your pain before a session has gone up three times in a row. Pain that keeps "
                "getting worse needs a doctor's look; massage may be hiding what causes it.",
        evidence=f"pain before your last three sessions: {oldest} → {middle} → {newest} "
                 f"(from {_day(last[2].created_at, now)} to {_day(last[0].created_at, now)})",
        source=SEED_003, sessions=[e.id for e in reversed(last)],
    )


def baseline_before(latest: datetime) -> datetime:
    """The "no improvement" rule compares the newest pain rating with the newest one at
    or before this moment: two weeks earlier, counting both ends."""
    return latest - (ADVICE_WINDOW - timedelta(days=1))


def _no_improvement(rated: list[JournalEntry], now: datetime) -> Advice | None:
    if not rated or now - rated[0].created_at > ADVICE_WINDOW:
        return None
    latest = rated[0]
    span_start = baseline_before(latest.created_at)
    older = [e for e in rated if e.created_at <= span_start]
    if not older:
        return None
    baseline = older[0]
    period = [e for e in rated if e.created_at >= baseline.created_at]
    first, last = _pain_before(baseline), _pain_before(latest)
    if len(period) < 3 or last == 0 or last < first:
        return None
    return Advice(
        id="no_improvement",
        message="Two weeks of sessions have not brought your pain down. When self-massage "
                "does not help, see a doctor to find out what is causing the pain.",
        evidence=f"pain before a session was {first}/10 on {_day(baseline.created_at, now)} "
                 f"and {last}/10 on {_day(latest.created_at, now)}, over {len(period)} sessions",
        source=SEED_003, sessions=[e.id for e in reversed(period)],
    )


def _stopped_hurting(recent: list[JournalEntry], now: datetime) -> Advice | None:
    hits = [e for e in recent if e.status == "stopped"]
    if not hits:
        return None
    latest = hits[0]
    where = f"after {latest.completed_steps} of {count_of(latest.total_steps, 'step')}"
    reason = f" ({latest.stop_reason})" if latest.stop_reason else ""
    return Advice(
        id="stopped_hurting",
        message="You stopped a session because it hurt. If the pain stays, or comes back "
                "when you massage the area, see a doctor before the next session.",
        evidence=f"stopped on {_day(latest.created_at, now)} {where}{reason}",
        source=SEED_003, sessions=[e.id for e in hits],
    )


def _worse_after(recent: list[JournalEntry], now: datetime) -> Advice | None:
    hits = [e for e in recent
            if e.before.pain is not None and e.after.pain is not None
            and e.after.pain > e.before.pain]
    if not hits:
        return None
    latest = hits[0]
    return Advice(
        id="pain_worse_after",
        message="Your pain was higher after a session than before it. Pain that gets worse "
                "with massage is a reason to see a doctor before massaging that area again.",
        evidence=f"pain {latest.before.pain} → {latest.after.pain} on "
                 f"{_day(latest.created_at, now)}",
        source=SEED_003, sessions=[e.id for e in hits],
    )


def escalation_advice(entries: Iterable[JournalEntry], now: datetime) -> list[Advice]:
    """Plain advice to see a doctor when the pattern of sessions calls for it.

    Looks at the last two weeks before `now`: pain 8+ before a session, pain
    before rising over the last three sessions, no improvement over two weeks of
    sessions, a session stopped because it hurt, pain higher after than before.
    """
    now = _aware(now)
    ordered = newest_first(entries)
    recent = [e for e in ordered if e.created_at >= now - ADVICE_WINDOW]
    rated = [e for e in ordered if e.before.pain is not None]
    found = (
        _intense_pain(recent, now),
        _pain_rising(rated, now),
        _no_improvement(rated, now),
        _stopped_hurting(recent, now),
        _worse_after(recent, now),
    )
    return [advice for advice in found if advice is not None]


def summarize(entries: Sequence[JournalEntry], now: datetime, *,
              recent_limit: int = 10) -> JournalSummary:
    """The whole journal view: recent sessions, what helps, and any advice."""
    now = _aware(now)
    return JournalSummary(
        generated_at=now,
        total_sessions=len(entries),
        recent=recent_sessions(entries, recent_limit),
        what_helps=WhatHelps(
            by_technique=what_helps_by_technique(entries),
            by_goal=what_helps_by_goal(entries),
        ),
        advice=escalation_advice(entries, now),
    )
