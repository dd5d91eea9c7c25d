"""A client's record in the clinic: the audit log, intakes and programmes.

Callers have already asked `access.decide`; these functions read and write. Every
change to a client's record writes its audit event in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from unknot.clinic import alerts
from unknot.clinic.access import Viewer
from unknot.clinic.programmes import ProgrammeError, check_steps, intake_refusal
from unknot.clinic.schedule import Schedule, is_slot, parse_schedule, slots_on
from unknot.intake.screen import IntakeResult, screen
from unknot.library.loader import default_library
from unknot.safety.answers import Answers
from unknot.storage import Store
from unknot.storage.clinic_models import Account, AuditEvent, ClientIntake, Programme
from unknot.storage.models import Person, SessionRow

AUDIT_SHOWN = 200
TITLE_MAX = 200


# -- audit -----------------------------------------------------------------------


def _audit_values(viewer: Viewer, client_id: str | None, action: str, detail: str,
                  at: datetime) -> dict[str, Any]:
    return {"at": at, "clinic_id": viewer.clinic_id, "actor_id": viewer.account_id,
            "client_id": client_id, "action": action[:32], "detail": detail[:2000]}


def add_audit(db: Session, viewer: Viewer, client_id: str | None, action: str, detail: str,
              at: datetime) -> None:
    """The audit event as part of `db`'s unit of work (written with what it records)."""
    db.add(AuditEvent(**_audit_values(viewer, client_id, action, detail, at)))


def write_audit(db: Session, viewer: Viewer, client_id: str | None, action: str, detail: str,
                at: datetime) -> None:
    """The audit event written at once, one INSERT with no unit of work to flush (every
    page view writes one): for a transaction with no ORM changes waiting before it."""
    db.execute(insert(AuditEvent).values(_audit_values(viewer, client_id, action, detail, at)))


def audit(store: Store, viewer: Viewer, client_id: str | None, action: str, detail: str) -> None:
    """Record that `viewer` did `action` on `client_id`'s record."""
    with store.writing() as db:
        write_audit(db, viewer, client_id, action, detail, store.now())


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    client: str
    action: str
    detail: str


def audit_log(store: Store, clinic_id: str, *, client_id: str | None = None,
              limit: int = AUDIT_SHOWN) -> list[AuditEntry]:
    """Newest first: the clinic's audit events, or one client's."""
    actor, client = Account.__table__.alias("actor"), Account.__table__.alias("client")
    actor_person, client_person = Person.__table__.alias("ap"), Person.__table__.alias("cp")
    query = (select(AuditEvent.at, actor_person.c.display_name, client_person.c.display_name,
                    AuditEvent.action, AuditEvent.detail)
             .outerjoin(actor, actor.c.id == AuditEvent.actor_id)
             .outerjoin(actor_person, actor_person.c.id == actor.c.person_id)
             .outerjoin(client, client.c.id == AuditEvent.client_id)
             .outerjoin(client_person, client_person.c.id == client.c.person_id)
             .where(AuditEvent.clinic_id == clinic_id))
    if client_id is not None:
        query = query.where(AuditEvent.client_id == client_id)
    query = query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
    with store.reading() as db:
        return [AuditEntry(at, who or "(removed)", whom or "", action, detail)
                for at, who, whom, action, detail in db.execute(query)]


# -- intakes ---------------------------------------------------------------------


def record_intake(store: Store, viewer: Viewer, client_id: str, *, text: str | None,
                  answers: Answers | None) -> IntakeResult:
    """Screen what the client said (and their answers) and keep it as their latest intake."""
    intake = screen(text, answers)
    request: dict[str, Any] = {"text": text, "answers": answers.model_dump(mode="json",
                                                                         exclude_none=True)
                               if answers else None}
    now = store.now()
    with store.writing() as db:
        db.add(ClientIntake(client_id=client_id,
                            recorded_by=viewer.account_id, created_at=now, request=request,
                            intake=intake.model_dump(mode="json")))
        add_audit(db, viewer, client_id, "intake", f"recorded an intake ({intake.verdict})", now)
        alerts.on_intake(db, client_id, intake.verdict, intake.message, now)
    return intake


@dataclass(frozen=True)
class StoredIntake:
    created_at: datetime
    request: dict[str, Any]
    intake: IntakeResult


def latest_intake(store: Store, client_id: str) -> StoredIntake | None:
    with store.reading() as db:
        row = db.scalars(select(ClientIntake).where(ClientIntake.client_id == client_id)
                         .order_by(ClientIntake.id.desc())
                         .limit(1)).first()
    if row is None:
        return None
    return StoredIntake(row.created_at, row.request, IntakeResult.model_validate(row.intake))


# -- programmes ------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeView:
    id: str
    client_id: str
    therapist_id: str
    title: str
    steps: list[dict[str, Any]]
    schedule: Schedule
    updated_at: datetime


def _view(row: Programme) -> ProgrammeView:
    schedule = parse_schedule(row.schedule["days"], row.schedule["times"], row.starts_on,
                              row.ends_on)
    return ProgrammeView(row.id, row.client_id, row.therapist_id, row.title, list(row.steps),
                         schedule, row.updated_at)


def clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise ProgrammeError("Title: give the programme a name, e.g. “Neck, twice a day”.")
    if len(cleaned) > TITLE_MAX:
        raise ProgrammeError(f"Title: at most {TITLE_MAX} characters.")
    return cleaned


def save_programme(store: Store, viewer: Viewer, client_id: str, *, title: str,
                   steps: list[dict[str, Any]], schedule: Schedule,
                   programme_id: str | None = None) -> ProgrammeView:
    """Create or replace a programme, screening every step against the latest intake."""
    stored = latest_intake(store, client_id)
    intake = stored.intake if stored else None
    problem = intake_refusal(intake)
    if problem is not None:
        raise ProgrammeError(problem)
    assert intake is not None
    cleaned = check_steps(steps, intake, default_library())
    name = clean_title(title)
    now = store.now()
    with store.writing() as db:
        if programme_id is None:
            row = Programme(id=str(uuid.uuid4()), client_id=client_id,
                            therapist_id=viewer.account_id, title=name, steps=cleaned,
                            schedule=schedule.as_json(), starts_on=schedule.starts_on,
                            ends_on=schedule.ends_on, created_at=now, updated_at=now)
            db.add(row)
            action = "programme"
            detail = f"created the programme “{name}”"
        else:
            found = db.get(Programme, programme_id, with_for_update=True)
            if found is None or found.client_id != client_id:
                raise ProgrammeError("There is no such programme for this client.")
            row = found
            row.title, row.steps, row.schedule = name, cleaned, schedule.as_json()
            row.starts_on, row.ends_on, row.updated_at = schedule.starts_on, schedule.ends_on, now
            action = "programme"
            detail = f"changed the programme “{name}”"
        add_audit(db, viewer, client_id, action, detail, now)
        db.flush()
        return _view(row)


def get_programme(store: Store, programme_id: str) -> ProgrammeView | None:
    if not programme_id or len(programme_id) > 36:
        return None
    with store.reading() as db:
        row = db.get(Programme, programme_id)
    return _view(row) if row is not None else None


def programmes_of(store: Store, client_id: str, *,
                  include_archived: bool = False) -> list[ProgrammeView]:
    """The client's current programmes; with `include_archived`, also the archived ones
    (exports and reports keep the whole history; see `unknot.clinic.archive`)."""
    query = select(Programme).where(Programme.client_id == client_id)
    if not include_archived:
        query = query.where(Programme.archived_at.is_(None))
    with store.reading() as db:
        rows = db.scalars(query
                          .order_by(Programme.created_at.desc(), Programme.id)).all()
    return [_view(r) for r in rows]


@dataclass(frozen=True)
class SlotView:
    key: str
    time: str
    status: str | None  # the status of the session played for it, if any


@dataclass(frozen=True)
class TodayView:
    programme: ProgrammeView
    slots: list[SlotView]


def today(store: Store, client_id: str, person_id: str, day: date) -> list[TodayView]:
    """The client's programmes that run on `day`, with each slot and whether it was played."""
    out = []
    for programme in programmes_of(store, client_id):
        keys = slots_on(programme.schedule, day)
        if not keys:
            continue
        with store.reading() as db:
            played = dict(db.execute(
                select(SessionRow.slot, SessionRow.status)
                .where(SessionRow.person_id == person_id, SessionRow.programme_id == programme.id,
                       SessionRow.slot.in_(keys))
                .order_by(SessionRow.created_at)).all())
        out.append(TodayView(programme, [SlotView(k, k[11:], played.get(k)) for k in keys]))
    return out


def check_link(store: Store, person_id: str, programme_id: str, slot: str) -> str | None:
    """Why a session may not be linked to this programme slot (None: it may)."""
    programme = get_programme(store, programme_id)
    if programme is None:
        return "there is no such programme"
    with store.reading() as db:
        client = db.get(Account, programme.client_id)
        archived = db.scalar(select(Programme.archived_at).where(Programme.id == programme.id))
    if client is None or client.person_id != person_id:
        return "there is no such programme"
    if archived is not None:
        return "your therapist has archived this programme"
    if not is_slot(programme.schedule, slot):
        return f"{slot[:20]!r} is not a time this programme is scheduled for"
    return None
