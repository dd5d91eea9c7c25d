"""A therapist's clients at a glance: last session, this week's programme so far, the
latest pain rating and unseen inbox items, in an order the therapist picks.

Built for a therapist with a hundred clients and years of sessions each: a few indexed
queries (the newest session and rating per client read backwards from the sessions'
(person, time) index, unseen items from the inbox table, this week's programme slots by
(programme, slot)), never a scan of anyone's history.

"Needs attention first" (the default order): unseen inbox items (most first), then the
highest latest pain, then the least of this week's programme done, then by name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from unknot.clinic import adherence
from unknot.clinic.access import Viewer
from unknot.clinic.records import write_audit
from unknot.clinic.schedule import Schedule, parse_schedule
from unknot.storage import Store
from unknot.storage.clinic_models import Account, Clinic, ClinicAlert, Programme
from unknot.storage.models import Person, SessionRow

SORTS = {"attention": "Needs attention first", "name": "Name", "last": "Last session",
         "week": "This week", "pain": "Latest pain", "alerts": "Unseen alerts"}
DEFAULT_SORT = "attention"


class SortUnknown(ValueError):
    """A sort the dashboard does not offer; the message lists the ones it does."""


@dataclass(frozen=True)
class RunningProgramme:
    """What the week needs of a programme: not its steps (read only its schedule)."""

    id: str
    client_id: str
    schedule: Schedule


@dataclass(frozen=True)
class ClientRow:
    account_id: str
    name: str
    last_session: datetime | None
    latest_pain: int | None
    unseen: int
    week: adherence.Tally


def check_sort(value: str | None) -> str:
    if value is None or value == "":
        return DEFAULT_SORT
    if value not in SORTS:
        raise SortUnknown(f"Sort: {value[:40]!r} is not one of {', '.join(SORTS)}.")
    return value


def _key(sort: str):  # type: ignore[no-untyped-def]
    """The sort key for `sort`; every order ends by name, so it is stable."""
    def name(row: ClientRow) -> tuple[str, str]:
        return (row.name.casefold(), row.account_id)

    def ratio(row: ClientRow) -> float:
        return row.week.ratio if row.week.ratio is not None else 2.0  # none due: last

    if sort == "name":
        return name
    if sort == "last":  # longest since the last session first; never played first of all
        return lambda r: (r.last_session is not None,
                          r.last_session.timestamp() if r.last_session else 0.0, name(r))
    if sort == "week":
        return lambda r: (ratio(r), name(r))
    if sort == "pain":
        return lambda r: (-(r.latest_pain if r.latest_pain is not None else -1), name(r))
    if sort == "alerts":
        return lambda r: (-r.unseen, name(r))
    return lambda r: (-r.unseen, -(r.latest_pain if r.latest_pain is not None else -1), ratio(r),
                      name(r))


def board(store: Store, viewer: Viewer, *, now: datetime, sort: str = DEFAULT_SORT
          ) -> tuple[ZoneInfo, list[ClientRow]]:
    """The clinic's time zone and the therapist's clients in `sort` order, read in one
    transaction that also writes the audit event of opening the dashboard (each
    transaction costs a pooled connection's check, a BEGIN and an end: on a busy machine
    those round trips were a good part of the page's time)."""
    with store.writing() as db:
        zone = ZoneInfo(db.execute(select(Clinic.timezone)
                                   .where(Clinic.id == viewer.clinic_id)).scalar_one())
        found = rows(db, viewer.account_id, today=now.astimezone(zone).date(), zone=zone,
                     now=now, sort=sort)
        write_audit(db, viewer, None, "viewed", "opened the dashboard", now)
    return zone, found


# The dashboard's queries, built once (SQLAlchemy reuses their compiled form instead of
# building each expression again on every view); the therapist and the week come in as
# bound parameters.
_PERSON = Account.person_id
_CLIENTS = select(
    Account.id,
    # The name by key, client by client: joined, PostgreSQL hashed every person of the
    # clinic to find a hundred.
    select(Person.display_name).where(Person.id == _PERSON).correlate(Account).scalar_subquery(),
    # The newest session and the newest rating, read backwards from the sessions' indexes.
    select(func.max(SessionRow.created_at)).where(SessionRow.person_id == _PERSON)
    .correlate(Account).scalar_subquery(),
    select(func.coalesce(SessionRow.pain_after, SessionRow.pain_before))
    .where(SessionRow.person_id == _PERSON,
           or_(SessionRow.pain_before.is_not(None), SessionRow.pain_after.is_not(None)))
    .order_by(SessionRow.created_at.desc(), SessionRow.id.desc()).limit(1)
    .correlate(Account).scalar_subquery(),
    # The therapist's inbox items not yet seen, from the inbox's (client, seen) index.
    select(func.count()).select_from(ClinicAlert)
    .where(ClinicAlert.client_id == Account.id, ClinicAlert.seen_at.is_(None),
           ClinicAlert.therapist_id == bindparam("therapist_id"))
    .correlate(Account).scalar_subquery(),
    Account.timezone,
).where(Account.therapist_id == bindparam("therapist_id"), Account.role == "client")
# Joined through the therapist, not listed by id: one short query, however many.
_RUNNING = (select(Programme.id, Programme.client_id, Programme.schedule, Programme.starts_on,
                   Programme.ends_on)
            .join(Account, Account.id == Programme.client_id)
            .where(Account.therapist_id == bindparam("therapist_id"),
                   Programme.starts_on <= bindparam("sunday"), Programme.archived_at.is_(None),
                   or_(Programme.ends_on.is_(None), Programme.ends_on >= bindparam("monday"))))


def rows(db: Session, therapist_id: str, *, today: date, zone: ZoneInfo, now: datetime,
         sort: str = DEFAULT_SORT) -> list[ClientRow]:
    """The therapist's clients, in `sort` order (see `SORTS`)."""
    monday, sunday = adherence.week_of(today)
    clients = db.execute(_CLIENTS, {"therapist_id": therapist_id}).all()
    running = [RunningProgramme(id_, client_id, parse_schedule(
                   schedule["days"], schedule["times"], starts_on, ends_on))
               for id_, client_id, schedule, starts_on, ends_on in db.execute(
                   _RUNNING, {"therapist_id": therapist_id, "monday": monday, "sunday": sunday})]
    played = adherence.therapist_statuses(db, therapist_id, monday, sunday)
    by_client: dict[str, list[RunningProgramme]] = defaultdict(list)
    for programme in running:
        by_client[programme.client_id].append(programme)
    out = []
    for account_id, name, last_at, latest, waiting, own_zone in clients:
        # Each client's slots in their own time zone when they have one (as on their
        # outcomes page and calendar), else the clinic's.
        local = ZoneInfo(own_zone) if own_zone else zone
        week = adherence.week_tally(by_client[account_id], played, monday, sunday, local, now)
        out.append(ClientRow(account_id, name, last_at, latest, waiting, week))
    return sorted(out, key=_key(sort))
