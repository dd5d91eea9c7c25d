"""Keeping an account: changing the password, one-time reset links (no e-mail: the
owner, the client's therapist or `unknot clinic reset-link` makes one and passes it on),
withdrawing an invitation, and the person's own time zone.

Every change is written to the audit log in the same transaction as the change itself.
Reset links are stored as SHA-256 hashes only, used once (one conditional UPDATE
decides a race between two workers), and expire.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from unknot.clinic.access import Colleague, Invitation, Viewer, decide
from unknot.clinic.accounts import ClinicError, check_timezone, clean_email, client_of
from unknot.clinic.passwords import check_new_password, hash_password, verify_password
from unknot.clinic.tokens import new_token, token_hash
from unknot.storage import Store
from unknot.storage.clinic_models import Account, AuditEvent, Invite, LoginSession, PasswordReset
from unknot.storage.models import Person

# Stored for an account made with a passkey: no password matches it (not an argon2 hash).
NO_PASSWORD = "!no password: signs in with a passkey"


class ResetUnusable(ClinicError):
    """A reset link that is unknown, used already, or expired."""


def _audit(db: Session, *, clinic_id: str, actor_id: str | None, about: str | None,
           action: str, detail: str, at: datetime) -> None:
    db.add(AuditEvent(at=at, clinic_id=clinic_id, actor_id=actor_id, client_id=about,
                      action=action[:32], detail=detail[:2000]))


def has_password(password_hash: str) -> bool:
    return password_hash.startswith("$argon2")


# -- changing the password --------------------------------------------------------------


def change_password(store: Store, viewer: Viewer, *, current: str, new: str, again: str,
                    keep_token: str) -> int:
    """Set a new password after checking the current one (not asked when the account has
    none yet, e.g. made with a passkey); every other sign-in of the account ends.
    Returns how many other sign-ins ended."""
    check_new_password(new, again)
    with store.reading() as db:
        stored = db.get_one(Account, viewer.account_id).password_hash
    if has_password(stored) and not verify_password(stored, current):
        raise ClinicError("Current password: that is not your current password.")
    hashed = hash_password(new)
    now = store.now()
    with store.writing() as db:
        db.execute(update(Account).where(Account.id == viewer.account_id)
                   .values(password_hash=hashed))
        ended = db.execute(delete(LoginSession).where(
            LoginSession.account_id == viewer.account_id,
            LoginSession.token_hash != token_hash(keep_token)))
        _audit(db, clinic_id=viewer.clinic_id, actor_id=viewer.account_id,
               about=viewer.account_id, action="password",
               detail="changed their password; other sign-ins ended", at=now)
        return int(ended.rowcount or 0)


# -- reset links ---------------------------------------------------------------------


@dataclass(frozen=True)
class ResetTarget:
    account_id: str
    clinic_id: str
    role: str
    name: str
    email: str


def reset_target(store: Store, account_id: str) -> ResetTarget | None:
    if not account_id or len(account_id) > 36:
        return None
    with store.reading() as db:
        row = db.execute(select(Account, Person).join(Person, Person.id == Account.person_id)
                         .where(Account.id == account_id)).first()
    if row is None:
        return None
    account, person = row
    return ResetTarget(account.id, account.clinic_id, account.role, person.display_name,
                       account.email)


def may_reset(viewer: Viewer, store: Store, account_id: str) -> tuple[bool, str]:
    """The ownership decision on making `account_id` a reset link, with its reason."""
    target = reset_target(store, account_id)
    if target is not None and target.role == "therapist":
        decision = decide(viewer, "reset_therapist_password",
                          therapist=Colleague(target.account_id, target.clinic_id))
    else:
        decision = decide(viewer, "reset_client_password", client_of(store, account_id))
    return decision.allowed, decision.reason


def _new_reset(db: Session, account: Account, made_by: str | None, now: datetime,
               hours: int) -> str:
    token = new_token()
    # One live link per account: a new one replaces any unused earlier one.
    db.execute(delete(PasswordReset).where(PasswordReset.account_id == account.id,
                                           PasswordReset.used_at.is_(None)))
    db.add(PasswordReset(token_hash=token_hash(token), account_id=account.id, made_by=made_by,
                         created_at=now, expires_at=now + timedelta(hours=hours), used_at=None))
    return token


def make_reset_link(store: Store, viewer: Viewer, account_id: str, *, hours: int) -> str:
    """A one-time reset token for a therapist (by the owner) or a client (by their
    therapist); refused, as if there were no such account, otherwise."""
    allowed, reason = may_reset(viewer, store, account_id)
    if not allowed:
        raise ClinicError(f"Reset: {reason}.")
    now = store.now()
    with store.writing() as db:
        account = db.get_one(Account, account_id)
        token = _new_reset(db, account, viewer.account_id, now, hours)
        _audit(db, clinic_id=viewer.clinic_id, actor_id=viewer.account_id, about=account_id,
               action="reset link", detail=f"made a password reset link (valid {hours} h)",
               at=now)
    return token


def make_reset_link_for_email(store: Store, email: str, *, hours: int) -> tuple[str, str]:
    """For `unknot clinic reset-link EMAIL` (whoever runs it holds the server): (token,
    the account's role)."""
    address = clean_email(email)
    now = store.now()
    with store.writing() as db:
        account = db.scalar(select(Account).where(Account.email == address))
        if account is None:
            raise ClinicError(f"E-mail: no account has the address {address}.")
        token = _new_reset(db, account, None, now, hours)
        _audit(db, clinic_id=account.clinic_id, actor_id=None, about=account.id,
               action="reset link",
               detail=f"a password reset link was made on the server (valid {hours} h)", at=now)
        return token, account.role


def _usable_reset(found: PasswordReset | None, now: datetime) -> PasswordReset:
    if found is None:
        raise ResetUnusable("This reset link is not known. Ask for a new one.")
    if found.used_at is not None:
        raise ResetUnusable("This reset link has been used already. Ask for a new one if you "
                            "still need it.")
    if found.expires_at <= now:
        raise ResetUnusable("This reset link has expired. Ask for a new one.")
    return found


def look_up_reset(store: Store, token: str) -> ResetTarget:
    """Whose password the link resets, or `ResetUnusable`."""
    with store.reading() as db:
        found = _usable_reset(db.get(PasswordReset, token_hash(token)), store.now())
    target = reset_target(store, found.account_id)
    if target is None:
        raise ResetUnusable("This reset link is not known. Ask for a new one.")
    return target


def use_reset_link(store: Store, token: str, *, new: str, again: str) -> str:
    """Set the new password once; every sign-in of the account ends. The account's e-mail."""
    check_new_password(new, again)
    hashed = hash_password(new)
    now = store.now()
    key = token_hash(token)
    with store.writing() as db:
        found = _usable_reset(db.get(PasswordReset, key), now)
        taken = db.execute(update(PasswordReset).where(
            PasswordReset.token_hash == key, PasswordReset.used_at.is_(None),
            PasswordReset.expires_at > now).values(used_at=now))
        if taken.rowcount != 1:
            raise ResetUnusable("This reset link has been used already.")
        account = db.get_one(Account, found.account_id)
        account.password_hash = hashed
        db.execute(delete(LoginSession).where(LoginSession.account_id == account.id))
        _audit(db, clinic_id=account.clinic_id, actor_id=account.id, about=account.id,
               action="password", detail="set a new password with a reset link; every "
                                         "sign-in ended", at=now)
        return account.email


# -- invitations ---------------------------------------------------------------------


@dataclass(frozen=True)
class OpenInvite:
    id: str  # the stored hash: names the invitation without being the link
    role: str
    email: str
    display_name: str
    expires_at: datetime


def open_invites(store: Store, viewer: Viewer) -> list[OpenInvite]:
    """Invitations this person sent that are neither used, withdrawn nor expired."""
    with store.reading() as db:
        rows = db.scalars(select(Invite).where(
            Invite.invited_by == viewer.account_id, Invite.used_at.is_(None),
            Invite.revoked_at.is_(None), Invite.expires_at > store.now())
            .order_by(Invite.created_at, Invite.token_hash)).all()
    return [OpenInvite(r.token_hash, r.role, r.email, r.display_name, r.expires_at) for r in rows]


def revoke_invite(store: Store, viewer: Viewer, invite_id: str) -> str:
    """Withdraw an unused invitation: its link stops working. The invitee's e-mail."""
    now = store.now()
    with store.writing() as db:
        found = db.get(Invite, invite_id[:64]) if invite_id else None
        decision = decide(viewer, "revoke_invite",
                          invitation=Invitation(found.clinic_id, found.invited_by)
                          if found is not None else None)
        if found is None or not decision:
            raise ClinicError(f"Invitation: {decision.reason}.")
        if found.used_at is not None:
            raise ClinicError("Invitation: it has been accepted already, so it cannot be "
                              "withdrawn.")
        if found.revoked_at is None:
            found.revoked_at = now
            _audit(db, clinic_id=viewer.clinic_id, actor_id=viewer.account_id, about=None,
                   action="invitation", detail=f"withdrew the invitation for {found.email}",
                   at=now)
        return found.email


# -- time zones -----------------------------------------------------------------------


def set_timezone(store: Store, viewer: Viewer, account_id: str, zone: str) -> str:
    """Set an account's own time zone ("" goes back to the clinic's). The caller has
    decided the viewer may (their own, or their client's)."""
    cleaned = check_timezone(zone.strip()) if zone.strip() else None
    now = store.now()
    with store.writing() as db:
        account = db.get_one(Account, account_id)
        account.timezone = cleaned
        whose = "their own" if account_id == viewer.account_id else "the client's"
        _audit(db, clinic_id=viewer.clinic_id, actor_id=viewer.account_id, about=account_id,
               action="time zone",
               detail=f"set {whose} time zone to {cleaned or 'the clinic’s'}", at=now)
    return cleaned or ""


def timezone_of(store: Store, account_id: str) -> str | None:
    """The account's own zone name (None: it follows the clinic's)."""
    with store.reading() as db:
        return db.scalar(select(Account.timezone).where(Account.id == account_id))
