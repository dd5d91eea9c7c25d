"""One person's record, read once for every form it leaves in: who, their sessions (the
compact journal entries, never the ~30 KB plans), the safety screens behind them, their
programmes and the journal's advice.

The caller has already decided who may see it (`unknot.clinic.access`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import select

from unknot.intake.screen import IntakeResult
from unknot.journal import JournalEntry, JournalSummary
from unknot.storage import Store
from unknot.storage.models import Person
from unknot.storage.preferences import load_preferences

# Personal mode keeps no intake of its own: the safety screens are those of the newest
# sessions' plans (each plan carries the intake it was made on).
SESSION_SCREENS_READ = 30


@dataclass(frozen=True)
class Subject:
    """Whose record: their person id and, in clinic mode, their client account."""

    person_id: str
    name: str
    zone: tzinfo
    account_id: str | None = None
    email: str | None = None
    clinic: str | None = None
    therapist: str | None = None


@dataclass(frozen=True)
class Screen:
    """A safety screen: when, by whom, and what it said."""

    at: datetime
    by: str  # "therapist" (a clinic intake) or "session" (the check before a session)
    intake: IntakeResult
    said: str | None = None


@dataclass(frozen=True)
class ProgrammeStep:
    technique: str
    name: str
    seconds: int
    side: str | None
    note: str


@dataclass(frozen=True)
class ProgrammeRecord:
    id: str
    title: str
    schedule: str  # in plain words
    days: tuple[str, ...]
    times: tuple[str, ...]
    starts_on: Any
    ends_on: Any
    therapist: str
    steps: list[ProgrammeStep]
    updated_at: datetime
    archived: bool = False


@dataclass(frozen=True)
class PersonRecord:
    subject: Subject
    generated_at: datetime
    entries: list[JournalEntry]  # oldest first
    summary: JournalSummary
    screens: list[Screen]  # newest first
    programmes: list[ProgrammeRecord] = field(default_factory=list)
    programme_of: dict[str, str] = field(default_factory=dict)  # session id → programme id
    # session id → (started_at, finished_at): when "before" and "after" were rated
    times: dict[str, tuple[datetime | None, datetime | None]] = field(default_factory=dict)
    preferences: dict[str, Any] | None = None
    # session id → the programme slot it was played for ("2026-03-02 08:00")
    slots: dict[str, str] = field(default_factory=dict)


def person_name(store: Store, person_id: str, default: str = "Me") -> str:
    with store.reading() as db:
        person = db.get(Person, person_id)
    return person.display_name if person is not None else default


def _finding(intake: IntakeResult) -> str:
    """What a screen found, without when or by whom: two screens that found the same are
    shown once (the newest; an older one still waiting for its safety answers adds
    nothing)."""
    return intake.model_dump_json(include={"verdict", "avoid", "red_flags", "cautions"})


def distinct(screens: list[Screen]) -> list[Screen]:
    """The screens newest first, each finding once: the therapist's record of it where
    there is one (the clinic's own), else the newest session's."""
    seen: set[str] = set()
    out = []
    for screen in sorted(screens, key=lambda s: (s.by == "therapist", s.at), reverse=True):
        key = _finding(screen.intake)
        if key not in seen:
            seen.add(key)
            out.append(screen)
    return sorted(out, key=lambda s: s.at, reverse=True)


def _session_screens(store: Store, person_id: str) -> list[Screen]:
    """The safety screens of the newest sessions' plans."""
    out = []
    for record in store.list_sessions(limit=SESSION_SCREENS_READ, person_id=person_id):
        raw = (record.plan or {}).get("intake")
        if not isinstance(raw, dict):
            continue
        try:
            intake = IntakeResult.model_validate(raw)
        except ValueError:
            continue  # a plan stored by an older version: skipped, the session stays listed
        said = record.request.get("text") if isinstance(record.request.get("text"), str) else None
        out.append(Screen(record.created_at, "session", intake, said))
    return out


def _clinic_parts(store: Store, account_id: str) -> tuple[list[Screen], list[ProgrammeRecord]]:
    from unknot.clinic import accounts, archive, records
    from unknot.clinic.schedule import describe
    from unknot.library.loader import default_library
    from unknot.storage.clinic_models import ClientIntake

    with store.reading() as db:
        rows = db.scalars(select(ClientIntake).where(ClientIntake.client_id == account_id)
                          .order_by(ClientIntake.id.desc())).all()
    screens = [Screen(r.created_at, "therapist", IntakeResult.model_validate(r.intake),
                      (r.request or {}).get("text")) for r in rows]
    library = default_library()
    archived = {p.id for p in archive.archived_programmes(store, account_id)}
    programmes = []
    for p in records.programmes_of(store, account_id, include_archived=True):
        therapist = accounts.member(store, p.therapist_id)
        steps = []
        for s in p.steps:
            technique = library.get(str(s.get("technique")))
            steps.append(ProgrammeStep(str(s.get("technique")),
                                       technique.name if technique else str(s.get("technique")),
                                       int(s.get("seconds") or 0), s.get("side"),
                                       str(s.get("note") or "")))
        programmes.append(ProgrammeRecord(
            p.id, p.title, describe(p.schedule), p.schedule.days, p.schedule.times,
            p.schedule.starts_on, p.schedule.ends_on,
            therapist.name if therapist else "(removed)", steps, p.updated_at,
            p.id in archived))
    return screens, programmes


def gather(store: Store, subject: Subject) -> PersonRecord:
    """Everything the report, the FHIR bundle and the exports show of `subject`."""
    from unknot.storage.models import SessionRow

    now = store.now()
    entries = sorted(store.journal_entries(person_id=subject.person_id),
                     key=lambda e: (e.created_at, e.id))
    summary = store.journal(now, recent=0, person_id=subject.person_id)
    with store.reading() as db:
        rows = db.execute(select(SessionRow.id, SessionRow.programme_id, SessionRow.started_at,
                                 SessionRow.finished_at, SessionRow.slot)
                          .where(SessionRow.person_id == subject.person_id)).all()
    linked = {r.id: r.programme_id for r in rows if r.programme_id is not None}
    times = {r.id: (r.started_at, r.finished_at) for r in rows}
    slots = {r.id: r.slot for r in rows if r.slot is not None}
    screens: list[Screen] = []
    programmes: list[ProgrammeRecord] = []
    if subject.account_id is not None:
        screens, programmes = _clinic_parts(store, subject.account_id)
    screens = distinct(screens + _session_screens(store, subject.person_id))
    return PersonRecord(subject, now, entries, summary, screens, programmes, linked, times,
                        load_preferences(store, person_id=subject.person_id), slots)
