"""Clinics, accounts, invitations and sign-in sessions, in the database (sign-in is
throttled per account and address by `unknot.clinic.throttle`).

Nothing is kept in process memory: a sign-in made by one worker is seen by every other
worker and machine on the same database. Tokens (cookies, invitation links) are stored
as SHA-256 hashes only; passwords as argon2id hashes.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from unknot.clinic import throttle
from unknot.clinic.access import Client, Viewer, decide
from unknot.clinic.passwords import DUMMY_HASH, check_new_password, hash_password, verify_password
from unknot.clinic.tokens import new_token, token_hash
from unknot.storage import Store
from unknot.storage.clinic_models import Account, Clinic, Invite, LoginSession
from unknot.storage.models import Person

EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]+")
NAME_MAX = 200


class ClinicError(ValueError):
    """Something a person asked for that cannot be done; the message says what to fix."""


class InviteUnusable(ClinicError):
    """An invitation link that is unknown, used already, or expired."""


class SignInRefused(ClinicError):
    """Wrong e-mail or password (the message never says which)."""


class Throttled(ClinicError):
    """Too many failed sign-ins lately; `retry_after` seconds until the next try."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class InviteView:
    role: str
    email: str
    display_name: str
    clinic_name: str


def clean_email(value: str) -> str:
    email = value.strip().lower()
    if len(email) > 254 or not EMAIL.fullmatch(email):
        raise ClinicError("E-mail: write a whole address, e.g. sam@example.org.")
    return email


def clean_name(value: str, field: str = "Name") -> str:
    name = " ".join(value.split())
    if not name:
        raise ClinicError(f"{field}: must not be empty.")
    if len(name) > NAME_MAX:
        raise ClinicError(f"{field}: at most {NAME_MAX} characters.")
    return name


def check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClinicError(f"Time zone: {value[:60]!r} is not a time zone; use a name such as "
                          "Europe/London or America/New_York.") from None
    return value


def _viewer(account: Account, person: Person) -> Viewer:
    return Viewer(account_id=account.id, person_id=account.person_id, clinic_id=account.clinic_id,
                  role=account.role, name=person.display_name,  # type: ignore[arg-type]
                  email=account.email)


def create_clinic(store: Store, name: str, owner_email: str, *, timezone: str = "UTC",
                  invite_days: int = 7) -> tuple[str, str]:
    """A new clinic and a one-time set-up link token for its owner: (clinic id, token)."""
    clinic_name = clean_name(name, "Clinic name")
    email = clean_email(owner_email)
    zone = check_timezone(timezone)
    token = new_token()
    now = store.now()
    clinic_id = str(uuid.uuid4())
    with store.writing() as db:
        if db.scalar(select(Account.id).where(Account.email == email)) is not None:
            raise ClinicError(f"E-mail: {email} already has an account.")
        db.add(Clinic(id=clinic_id, name=clinic_name, timezone=zone, created_at=now))
        db.flush()
        db.add(Invite(token_hash=token_hash(token), clinic_id=clinic_id, role="owner", email=email,
                      display_name=email.split("@")[0], invited_by=None, created_at=now,
                      expires_at=now + timedelta(days=invite_days), used_at=None))
    return clinic_id, token


def invite(store: Store, viewer: Viewer, *, email: str, display_name: str,
           invite_days: int = 7) -> str:
    """A one-time invitation token: the owner invites a therapist, a therapist a client."""
    role = "therapist" if viewer.role == "owner" else "client"
    decision = decide(viewer, "invite_therapist" if role == "therapist" else "invite_client")
    if not decision:
        raise ClinicError(f"Invitations: {decision.reason}.")
    address = clean_email(email)
    name = clean_name(display_name)
    token = new_token()
    now = store.now()
    with store.writing() as db:
        if db.scalar(select(Account.id).where(Account.email == address)) is not None:
            raise ClinicError(f"E-mail: {address} already has an account.")
        db.add(Invite(token_hash=token_hash(token), clinic_id=viewer.clinic_id, role=role,
                      email=address, display_name=name, invited_by=viewer.account_id,
                      created_at=now, expires_at=now + timedelta(days=invite_days), used_at=None))
    return token


# One wording per reason an invitation cannot be used, whichever way it is accepted.
INVITE_UNKNOWN = "This invitation link is not known. Ask for a new one."
INVITE_USED = "This invitation link has been used already: sign in instead, or ask for a new link."
INVITE_WITHDRAWN = "This invitation was withdrawn. Ask for a new one."
INVITE_EXPIRED = "This invitation link has expired. Ask for a new one."


def _usable(db_invite: Invite | None, now: datetime) -> Invite:
    if db_invite is None:
        raise InviteUnusable(INVITE_UNKNOWN)
    if db_invite.used_at is not None:
        raise InviteUnusable(INVITE_USED)
    if db_invite.revoked_at is not None:
        raise InviteUnusable(INVITE_WITHDRAWN)
    if db_invite.expires_at <= now:
        raise InviteUnusable(INVITE_EXPIRED)
    return db_invite


def usable_invite(db: Session, key: str, now: datetime) -> Invite:
    """The invitation whose token hashes to `key`, or `InviteUnusable` saying why not."""
    return _usable(db.get(Invite, key), now)


def take_invite(db: Session, key: str, now: datetime, *, name: str, password_hash: str,
                account_id: str | None = None) -> tuple[Account, Person]:
    """Use the invitation once and make its account, in the caller's transaction: the
    one way in for both a password and a passkey (the caller adds the passkey).

    Single use even under races: the invitation is marked used by one conditional
    UPDATE, so of two workers accepting at once exactly one succeeds.
    """
    found = usable_invite(db, key, now)
    taken = db.execute(update(Invite).where(Invite.token_hash == key, Invite.used_at.is_(None),
                                            Invite.revoked_at.is_(None),
                                            Invite.expires_at > now).values(used_at=now))
    if taken.rowcount != 1:
        raise InviteUnusable(INVITE_USED)
    has_one = f"{found.email} already has an account: sign in instead."
    if db.scalar(select(Account.id).where(Account.email == found.email)) is not None:
        raise InviteUnusable(has_one)
    person = Person(id=str(uuid.uuid4()), display_name=name, created_at=now)
    db.add(person)
    db.flush()
    account = Account(id=account_id or str(uuid.uuid4()), clinic_id=found.clinic_id,
                      person_id=person.id, email=found.email, role=found.role,
                      therapist_id=found.invited_by if found.role == "client" else None,
                      password_hash=password_hash, created_at=now)
    db.add(account)
    try:
        db.flush()
    except IntegrityError as exc:
        raise InviteUnusable(has_one) from exc
    return account, person


def look_up_invite(store: Store, token: str) -> InviteView:
    """What an invitation is for, or `InviteUnusable`."""
    with store.reading() as db:
        found = usable_invite(db, token_hash(token), store.now())
        clinic = db.get_one(Clinic, found.clinic_id)
        return InviteView(found.role, found.email, found.display_name, clinic.name)


def accept_invite(store: Store, token: str, *, display_name: str, password: str,
                  again: str | None = None) -> Viewer:
    """Use an invitation once: make the account with this password and return it."""
    name = clean_name(display_name)
    check_new_password(password, again)
    hashed = hash_password(password)
    with store.writing() as db:
        account, person = take_invite(db, token_hash(token), store.now(), name=name,
                                      password_hash=hashed)
        return _viewer(account, person)


# -- signing in ----------------------------------------------------------------


def check_throttle(db: Session, limits: list[tuple[str, int]], now: datetime, *,
                   what: str) -> None:
    """Refuse with `Throttled` (saying how long to wait) while a key is held."""
    seconds = throttle.held_for(db, limits, now)
    if seconds is not None:
        raise Throttled(f"Too many {what}. Wait {throttle.wait_words(seconds)}, then try again.",
                        retry_after=seconds)


def _throttle_keys(email: str, address: str) -> list[tuple[str, int]]:
    return [(f"account:{email}", throttle.ACCOUNT_FAILURES_MAX),
            (f"address:{address[:100]}", throttle.ADDRESS_FAILURES_MAX)]


def sign_in(store: Store, email: str, password: str, *, address: str,
            login_days: int = 14) -> tuple[Viewer, str, str]:
    """Check the password and open a sign-in session: (viewer, cookie token, CSRF token).

    Throttled per account and per address: past the limit, every try (right or wrong)
    is refused with `Throttled` until enough failures have aged out of the window.
    """
    email = email.strip().lower()[:254]
    now = store.now()
    keys = _throttle_keys(email, address)
    with store.reading() as db:
        check_throttle(db, keys, now, what="sign-in attempts")
        account = db.scalar(select(Account).where(Account.email == email))
        person = db.get(Person, account.person_id) if account is not None else None
    stored = account.password_hash if account is not None else DUMMY_HASH
    if not verify_password(stored, password) or account is None or person is None:
        with store.writing() as db:
            throttle.note_attempts(db, [key for key, _ in keys], now)
        raise SignInRefused("That e-mail and password do not match an account.")
    token, csrf = new_token(), new_token()
    with store.writing() as db:
        throttle.forget(db, keys[0][0], now)
        db.add(LoginSession(token_hash=token_hash(token), account_id=account.id, csrf_token=csrf,
                            created_at=now, expires_at=now + timedelta(days=login_days)))
    return _viewer(account, person), token, csrf


def session_viewer(store: Store, token: str) -> tuple[Viewer, str] | None:
    """The account a sign-in cookie belongs to, with its CSRF token (None: signed out)."""
    if not token or len(token) > 200:
        return None
    with store.reading() as db:
        row = db.execute(select(LoginSession, Account, Person)
                         .join(Account, Account.id == LoginSession.account_id)
                         .join(Person, Person.id == Account.person_id)
                         .where(LoginSession.token_hash == token_hash(token))).first()
    if row is None:
        return None
    login, account, person = row
    if login.expires_at <= store.now():
        return None
    return _viewer(account, person), login.csrf_token


def sign_out(store: Store, token: str) -> None:
    """End this device's sign-in."""
    with store.writing() as db:
        db.execute(delete(LoginSession).where(LoginSession.token_hash == token_hash(token)))


def sign_out_everywhere(store: Store, account_id: str) -> int:
    """End every sign-in of the account, on every device; returns how many ended."""
    with store.writing() as db:
        result = db.execute(delete(LoginSession).where(LoginSession.account_id == account_id))
        return int(result.rowcount or 0)


# -- looking people up -----------------------------------------------------------


@dataclass(frozen=True)
class Member:
    account_id: str
    name: str
    email: str
    role: str
    therapist_id: str | None
    joined: datetime


def client_of(store: Store, account_id: str) -> Client | None:
    """The client with this account id (None when there is none: an id of another role
    is not a client)."""
    if not account_id or len(account_id) > 36:
        return None
    with store.reading() as db:
        account = db.get(Account, account_id)
    if account is None or account.role != "client" or account.therapist_id is None:
        return None
    return Client(account.id, account.clinic_id, account.therapist_id)


def member(store: Store, account_id: str) -> Member | None:
    with store.reading() as db:
        row = db.execute(select(Account, Person).join(Person, Person.id == Account.person_id)
                         .where(Account.id == account_id)).first()
    if row is None:
        return None
    account, person = row
    return Member(account.id, person.display_name, account.email, account.role,
                  account.therapist_id, account.created_at)


def members(store: Store, clinic_id: str, *, role: str,
            therapist_id: str | None = None) -> list[Member]:
    """The clinic's therapists, or one therapist's clients, by name."""
    query = (select(Account, Person).join(Person, Person.id == Account.person_id)
             .where(Account.clinic_id == clinic_id, Account.role == role))
    if therapist_id is not None:
        query = query.where(Account.therapist_id == therapist_id)
    with store.reading() as db:
        rows = db.execute(query.order_by(Person.display_name, Account.id)).all()
    return [Member(a.id, p.display_name, a.email, a.role, a.therapist_id, a.created_at)
            for a, p in rows]


def clinic_timezone(store: Store, clinic_id: str) -> ZoneInfo:
    with store.reading() as db:
        clinic = db.get_one(Clinic, clinic_id)
    return ZoneInfo(clinic.timezone)


def account_timezone(store: Store, account_id: str) -> ZoneInfo:
    """The zone a person's schedule, "today" and calendar are read in: their own if they
    (or their therapist) set one, else the clinic's."""
    with store.reading() as db:
        own, clinic = db.execute(select(Account.timezone, Clinic.timezone)
                                 .join(Clinic, Clinic.id == Account.clinic_id)
                                 .where(Account.id == account_id)).one()
    return ZoneInfo(own or clinic)


# -- calendar feeds ----------------------------------------------------------------------


def new_calendar_feed(store: Store, viewer: Viewer) -> str:
    """A fresh secret feed address token for `viewer`; any earlier address stops working."""
    from unknot.storage.clinic_models import CalendarFeed

    token = new_token()
    with store.writing() as db:
        db.execute(delete(CalendarFeed).where(CalendarFeed.account_id == viewer.account_id))
        db.add(CalendarFeed(token_hash=token_hash(token), account_id=viewer.account_id,
                            created_at=store.now()))
    return token


def stop_calendar_feed(store: Store, viewer: Viewer) -> None:
    """Turn the feed off: its address answers "not found" from now on."""
    from unknot.storage.clinic_models import CalendarFeed

    with store.writing() as db:
        db.execute(delete(CalendarFeed).where(CalendarFeed.account_id == viewer.account_id))


def calendar_feed_on(store: Store, viewer: Viewer) -> bool:
    from unknot.storage.clinic_models import CalendarFeed

    with store.reading() as db:
        return db.scalar(select(CalendarFeed.token_hash)
                         .where(CalendarFeed.account_id == viewer.account_id)) is not None


def calendar_feed_account(store: Store, token: str) -> Account | None:
    """The account whose feed this token opens (None: unknown or turned off)."""
    from unknot.storage.clinic_models import CalendarFeed

    if not token or len(token) > 200:
        return None
    with store.reading() as db:
        feed = db.get(CalendarFeed, token_hash(token))
        return db.get(Account, feed.account_id) if feed is not None else None
