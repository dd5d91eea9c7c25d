"""Deleting a person and everything they own, in one transaction: either all of it goes
or nothing does (a failure part-way leaves the record whole, and says so).

Personal mode: the journal, sessions, ratings, preferences and reminders. Clinic mode,
for a client: also their account, intakes, programmes, calendar feed, sign-ins and
invitation. The clinic's audit log keeps who looked at a record and when, but the
details of the departed client's entries are blanked (an entry can name a verdict or a
programme), and one entry says that the client deleted their account, by name only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from unknot.storage import Store
from unknot.storage.models import HelpTotal, Person, PreferenceRow, SessionRow, SessionTechnique
from unknot.storage.reminder_models import ReminderRow

BLANKED = "(details removed when the client deleted their account)"


@dataclass(frozen=True)
class Erased:
    sessions: int


def _erase_person(db: Session, person_id: str) -> int:
    sessions = int(db.scalar(select(func.count()).select_from(SessionRow)
                             .where(SessionRow.person_id == person_id)) or 0)
    owned = select(SessionRow.id).where(SessionRow.person_id == person_id)
    db.execute(delete(SessionTechnique).where(SessionTechnique.session_id.in_(owned)))
    db.execute(delete(SessionRow).where(SessionRow.person_id == person_id))
    for table in (HelpTotal, PreferenceRow, ReminderRow):
        db.execute(delete(table).where(table.person_id == person_id))
    return sessions


def erase_personal(store: Store, person_id: str) -> Erased:
    """Personal mode's "delete all my data": the person, their sessions, journal totals,
    preferences and reminders (the next session makes a fresh, empty person)."""
    with store.writing() as db:
        sessions = _erase_person(db, person_id)
        db.execute(delete(Person).where(Person.id == person_id))
    return Erased(sessions)


def erase_client(store: Store, account_id: str) -> Erased:
    """A client's account and everything it owns, with one audit entry that it happened."""
    from unknot.storage.clinic_models import (
        Account,
        AuditEvent,
        CalendarFeed,
        ClientIntake,
        ClinicAlert,
        Invite,
        LoginFailure,
        LoginSession,
        Programme,
    )

    with store.writing() as db:
        account = db.get_one(Account, account_id, with_for_update=True)
        person = db.get_one(Person, account.person_id)
        therapist = db.get(Account, account.therapist_id) if account.therapist_id else None
        therapist_name = db.get_one(Person, therapist.person_id).display_name \
            if therapist is not None else "no therapist"
        sessions = _erase_person(db, account.person_id)
        for table, column in ((CalendarFeed, CalendarFeed.account_id),
                              (LoginSession, LoginSession.account_id),
                              (ClientIntake, ClientIntake.client_id),
                              (ClinicAlert, ClinicAlert.client_id),
                              (Programme, Programme.client_id)):
            db.execute(delete(table).where(column == account_id))
        db.execute(delete(Invite).where(or_(Invite.email == account.email,
                                            Invite.invited_by == account_id)))
        db.execute(delete(LoginFailure).where(LoginFailure.key == f"account:{account.email}"))
        db.execute(update(AuditEvent).where(AuditEvent.client_id == account_id)
                   .values(detail=BLANKED, client_id=None))
        db.execute(update(AuditEvent).where(AuditEvent.actor_id == account_id)
                   .values(actor_id=None))
        db.add(AuditEvent(at=store.now(), clinic_id=account.clinic_id, actor_id=None,
                          client_id=None, action="account_deleted",
                          detail=f"{person.display_name} (a client of {therapist_name}) deleted "
                                 "their account and all their data"))
        db.flush()
        db.delete(account)
        db.flush()
        db.delete(person)
    return Erased(sessions)
