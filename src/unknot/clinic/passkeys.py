"""Passkeys (WebAuthn, through py_webauthn): register one from the account page or when
accepting an invitation, sign in with it instead of a password, and confirm with it that
it is really you before your account is deleted.

A ceremony is two requests: the options (with a fresh challenge), then the browser's
answer. The challenge waits in the database (`passkey_challenges`), never in process
memory, so the answer may reach any worker on any machine; it is deleted by the one
request that uses it (single use even under races) and refused once expired. The
browser holds only a random handle to it; the database only the handle's hash.

Passkeys are discoverable (resident) and user-verified, so signing in needs no e-mail:
the authenticator says which credential it used, and that names the account. Starting a
signed-out ceremony (sign in, join) is throttled per address, since each keeps a row.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from unknot.clinic import throttle
from unknot.clinic.access import Viewer
from unknot.clinic.accounts import (
    ClinicError,
    _viewer,
    check_throttle,
    clean_name,
    take_invite,
    usable_invite,
)
from unknot.clinic.credentials import NO_PASSWORD
from unknot.clinic.tokens import new_token, token_hash
from unknot.storage import Store
from unknot.storage.clinic_models import (
    Account,
    AuditEvent,
    LoginSession,
    Passkey,
    PasskeyChallenge,
)
from unknot.storage.models import Person

CHALLENGE_LIFETIME = timedelta(minutes=5)
TIMEOUT_MS = 300_000
PASSKEYS_MAX = 10
NAME_MAX = 100
ANSWER_MAX = 20_000  # characters of a browser's answer (JSON); real ones are ~1-2 KB


class PasskeyRefused(ClinicError):
    """A passkey answer that does not check out; the message says what to do."""


@dataclass(frozen=True)
class RelyingParty:
    """Who the passkeys are for: the id (a domain) and the origin browsers report."""

    id: str
    origin: str
    name: str = "unknot"


@dataclass(frozen=True)
class PasskeyView:
    id: str
    name: str
    created_at: datetime
    last_used_at: datetime | None


def _user_handle(account_id: str) -> bytes:
    return uuid.UUID(account_id).bytes


def _keep_challenge(db: Session, challenge: bytes, purpose: str, now: datetime, *,
                    account_id: str | None = None, invite_hash: str | None = None) -> str:
    handle = new_token()
    # Old unanswered challenges go whenever a new one is made: the table stays small.
    db.execute(delete(PasskeyChallenge).where(PasskeyChallenge.expires_at <= now))
    db.add(PasskeyChallenge(handle_hash=token_hash(handle), purpose=purpose,
                            challenge=bytes_to_base64url(challenge), account_id=account_id,
                            invite_hash=invite_hash, created_at=now,
                            expires_at=now + CHALLENGE_LIFETIME))
    return handle


@dataclass(frozen=True)
class _Challenge:
    challenge: str
    account_id: str | None
    invite_hash: str | None


def _take_challenge(store: Store, handle: str, purpose: str) -> _Challenge:
    """The challenge behind `handle`, deleted in the same step: one answer per challenge
    (of two workers answering at once, the one whose DELETE removed the row wins)."""
    if not isinstance(handle, str) or not handle or len(handle) > 200:
        raise PasskeyRefused("Passkey: start again (the request was incomplete).")
    now = store.now()
    key = token_hash(handle)
    with store.writing() as db:
        found = db.get(PasskeyChallenge, key)
        if found is None or found.purpose != purpose:
            raise PasskeyRefused("Passkey: this request was used already or is unknown; "
                                 "start again.")
        taken = _Challenge(found.challenge, found.account_id, found.invite_hash)
        expired = found.expires_at <= now
        gone = db.execute(delete(PasskeyChallenge).where(PasskeyChallenge.handle_hash == key)
                          .execution_options(synchronize_session=False))
        if gone.rowcount != 1:
            raise PasskeyRefused("Passkey: this request was used already; start again.")
    if expired:
        raise PasskeyRefused("Passkey: this request expired; start again.")
    return taken


def _answer(raw: Any) -> dict[str, Any]:
    if isinstance(raw, str):
        if len(raw) > ANSWER_MAX:
            raise PasskeyRefused("Passkey: the browser's answer is too long.")
        try:
            raw = json.loads(raw)
        except ValueError:
            raise PasskeyRefused("Passkey: the browser's answer is not JSON.") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise PasskeyRefused("Passkey: the browser's answer is missing its credential.")
    return raw


def _options_json(options: Any) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(options_to_json(options))
    return result


def _creation_options(rp: RelyingParty, account_id: str, email: str, name: str,
                      exclude: list[str]) -> Any:
    return generate_registration_options(
        rp_id=rp.id, rp_name=rp.name, user_id=_user_handle(account_id), user_name=email,
        user_display_name=name, timeout=TIMEOUT_MS,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED),
        exclude_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(c))
                             for c in exclude])


def _verified_registration(rp: RelyingParty, answer: dict[str, Any], challenge: str) -> Any:
    try:
        return verify_registration_response(
            credential=answer, expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp.id, expected_origin=rp.origin, require_user_verification=True)
    except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
        raise PasskeyRefused(f"Passkey: it could not be checked ({str(exc)[:120]}); try "
                             "again.") from None


def _add_passkey(db: Session, account_id: str, verified: Any, name: str, now: datetime) -> Passkey:
    credential_id = bytes_to_base64url(verified.credential_id)
    if db.scalar(select(Passkey.id).where(Passkey.credential_id == credential_id)) is not None:
        raise PasskeyRefused("Passkey: this passkey is registered already.")
    row = Passkey(id=str(uuid.uuid4()), account_id=account_id, credential_id=credential_id,
                  public_key=bytes_to_base64url(verified.credential_public_key),
                  sign_count=verified.sign_count, name=name, created_at=now, last_used_at=None)
    db.add(row)
    return row


def clean_passkey_name(value: str) -> str:
    name = " ".join(value.split())[:NAME_MAX]
    return name or "Passkey"


# -- registering from the account page -------------------------------------------------


def registration_options(store: Store, rp: RelyingParty, viewer: Viewer) -> tuple[str, dict]:
    """(handle, options for navigator.credentials.create) for the signed-in account."""
    with store.writing() as db:
        existing = list(db.scalars(select(Passkey.credential_id)
                                   .where(Passkey.account_id == viewer.account_id)))
        if len(existing) >= PASSKEYS_MAX:
            raise PasskeyRefused(f"Passkeys: at most {PASSKEYS_MAX}; remove one first.")
        options = _creation_options(rp, viewer.account_id, viewer.email, viewer.name, existing)
        handle = _keep_challenge(db, options.challenge, "register", store.now(),
                                 account_id=viewer.account_id)
    return handle, _options_json(options)


def register(store: Store, rp: RelyingParty, viewer: Viewer, handle: str, raw_answer: Any,
             name: str) -> PasskeyView:
    """Check the browser's answer and keep the passkey for the signed-in account."""
    answer = _answer(raw_answer)
    found = _take_challenge(store, handle, "register")
    if found.account_id != viewer.account_id:
        raise PasskeyRefused("Passkey: this request belongs to another sign-in; start again.")
    verified = _verified_registration(rp, answer, found.challenge)
    now = store.now()
    label = clean_passkey_name(name)
    with store.writing() as db:
        row = _add_passkey(db, viewer.account_id, verified, label, now)
        db.add(AuditEvent(at=now, clinic_id=viewer.clinic_id, actor_id=viewer.account_id,
                          client_id=viewer.account_id, action="passkey",
                          detail=f"added the passkey “{label}”"))
        db.flush()
        return PasskeyView(row.id, row.name, row.created_at, None)


def passkeys_of(store: Store, account_id: str) -> list[PasskeyView]:
    with store.reading() as db:
        rows = db.scalars(select(Passkey).where(Passkey.account_id == account_id)
                          .order_by(Passkey.created_at, Passkey.id)).all()
    return [PasskeyView(r.id, r.name, r.created_at, r.last_used_at) for r in rows]


def remove_passkey(store: Store, viewer: Viewer, passkey_id: str) -> str:
    """Remove one of the viewer's own passkeys (another's is "no such passkey")."""
    from unknot.clinic.credentials import has_password

    now = store.now()
    with store.writing() as db:
        row = db.get(Passkey, passkey_id[:36]) if passkey_id else None
        if row is None or row.account_id != viewer.account_id:
            raise PasskeyRefused("Passkey: there is no such passkey on your account.")
        account = db.get_one(Account, viewer.account_id)
        others = db.scalar(select(Passkey.id).where(Passkey.account_id == viewer.account_id,
                                                    Passkey.id != row.id).limit(1))
        if others is None and not has_password(account.password_hash):
            raise PasskeyRefused("Passkey: it is the only way you sign in; set a password "
                                 "first, then remove it.")
        name = row.name
        db.delete(row)
        db.add(AuditEvent(at=now, clinic_id=viewer.clinic_id, actor_id=viewer.account_id,
                          client_id=viewer.account_id, action="passkey",
                          detail=f"removed the passkey “{name}”"))
    return name


# -- signing in ----------------------------------------------------------------------


@dataclass(frozen=True)
class Caller:
    """Who starts a signed-out ceremony: their address, and how many such starts an address
    may make per throttle window (`UNKNOT_PASSKEY_OPTIONS_PER_ADDRESS`)."""

    address: str
    limit: int


def _count_start(db: Session, caller: Caller, now: datetime) -> None:
    """Signed out, anyone can ask for options, and each keeps a challenge row: counted per
    address by the sign-in throttle, refused with `Throttled` past the limit."""
    key = f"passkey-options:{caller.address[:100]}"
    check_throttle(db, [(key, caller.limit)], now, what="passkey attempts from here")
    throttle.note_attempts(db, [key], now)


def sign_in_options(store: Store, rp: RelyingParty, caller: Caller) -> tuple[str, dict]:
    """(handle, options for navigator.credentials.get): any passkey of this site."""
    options = generate_authentication_options(
        rp_id=rp.id, timeout=TIMEOUT_MS, user_verification=UserVerificationRequirement.REQUIRED)
    now = store.now()
    with store.writing() as db:
        _count_start(db, caller, now)
        handle = _keep_challenge(db, options.challenge, "sign_in", now)
    return handle, _options_json(options)


def _asserted(store: Store, rp: RelyingParty, answer: dict[str, Any], challenge: str, *,
              account_id: str | None = None) -> tuple[Passkey, Account, Person, int]:
    """The passkey that signed this answer to `challenge`, its account and person, and its
    new signature count; with `account_id`, only a passkey of that account will do."""
    query = (select(Passkey, Account, Person).join(Account, Account.id == Passkey.account_id)
             .join(Person, Person.id == Account.person_id)
             .where(Passkey.credential_id == str(answer["id"])[:1400]))
    if account_id is not None:
        query = query.where(Passkey.account_id == account_id)
    with store.reading() as db:
        row = db.execute(query).first()
    if row is None and account_id is not None:
        raise PasskeyRefused("Passkey: that is not one of your account's passkeys; use one you "
                             "added to this account.")
    if row is None:
        raise PasskeyRefused("Passkey: this passkey is not registered here (it may have been "
                             "removed). Sign in with your password.")
    passkey, account, person = row
    try:
        verified = verify_authentication_response(
            credential=answer, expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp.id, expected_origin=rp.origin,
            credential_public_key=base64url_to_bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count, require_user_verification=True)
    except (WebAuthnException, ValueError, KeyError, TypeError) as exc:
        raise PasskeyRefused(f"Passkey: it could not be checked ({str(exc)[:120]}); try "
                             "again.") from None
    return passkey, account, person, verified.new_sign_count


def _note_use(db: Session, passkey_id: str, sign_count: int, now: datetime) -> None:
    stored = db.get_one(Passkey, passkey_id)
    stored.sign_count, stored.last_used_at = sign_count, now


def sign_in(store: Store, rp: RelyingParty, handle: str, raw_answer: Any, *,
            login_days: int) -> tuple[Viewer, str, str]:
    """Check a passkey answer and open a sign-in session: (viewer, cookie, CSRF token)."""
    answer = _answer(raw_answer)
    found = _take_challenge(store, handle, "sign_in")
    passkey, account, person, sign_count = _asserted(store, rp, answer, found.challenge)
    token, csrf = new_token(), new_token()
    now = store.now()
    with store.writing() as db:
        _note_use(db, passkey.id, sign_count, now)
        db.add(LoginSession(token_hash=token_hash(token), account_id=account.id, csrf_token=csrf,
                            created_at=now, expires_at=now + timedelta(days=login_days)))
    return _viewer(account, person), token, csrf


# -- confirming with a passkey that it is really you (before deleting the account) -----


def delete_options(store: Store, rp: RelyingParty, viewer: Viewer) -> tuple[str, dict]:
    """(handle, options for navigator.credentials.get) offering only the viewer's own
    passkeys, with a challenge bound to the viewer's account and to deleting it."""
    now = store.now()
    with store.writing() as db:
        own = list(db.scalars(select(Passkey.credential_id)
                              .where(Passkey.account_id == viewer.account_id)))
        if not own:
            raise PasskeyRefused("Passkey: your account has none; confirm with your password.")
        options = generate_authentication_options(
            rp_id=rp.id, timeout=TIMEOUT_MS, user_verification=UserVerificationRequirement.REQUIRED,
            allow_credentials=[PublicKeyCredentialDescriptor(id=base64url_to_bytes(c))
                               for c in own])
        handle = _keep_challenge(db, options.challenge, "delete_account", now,
                                 account_id=viewer.account_id)
    return handle, _options_json(options)


def confirm_delete(store: Store, rp: RelyingParty, viewer: Viewer, handle: Any,
                   raw_answer: Any) -> None:
    """Refuse with `PasskeyRefused` unless the signed-in person has just used one of their
    own passkeys to answer a deletion challenge made for their account (single use, five
    minutes): a stolen session cookie alone cannot delete an account."""
    answer = _answer(raw_answer)
    found = _take_challenge(store, handle, "delete_account")
    if found.account_id != viewer.account_id:
        raise PasskeyRefused("Passkey: this request belongs to another sign-in; start again.")
    passkey, _account, _person, sign_count = _asserted(store, rp, answer, found.challenge,
                                                       account_id=viewer.account_id)
    with store.writing() as db:
        _note_use(db, passkey.id, sign_count, store.now())


# -- accepting an invitation with a passkey ------------------------------------------


def _invited_account_id(invite_hash: str) -> str:
    """The id the invited account will have: chosen when the passkey is made (it travels in
    the passkey as its user handle), derived from the invitation so the answer matches it."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"unknot-invite:{invite_hash}"))


def invite_options(store: Store, rp: RelyingParty, invite_token: str,
                   caller: Caller) -> tuple[str, dict]:
    """Options to make the invited account's first passkey."""
    key = token_hash(invite_token)
    now = store.now()
    with store.writing() as db:
        _count_start(db, caller, now)
        found = usable_invite(db, key, now)
        options = _creation_options(rp, _invited_account_id(key), found.email,
                                    found.display_name, [])
        handle = _keep_challenge(db, options.challenge, "invite", now, invite_hash=key)
    return handle, _options_json(options)


def accept_with_passkey(store: Store, rp: RelyingParty, invite_token: str, handle: str,
                        raw_answer: Any, *, display_name: str,
                        login_days: int) -> tuple[Viewer, str]:
    """Use the invitation once, making the account with this passkey and no password:
    (viewer, sign-in cookie)."""
    name = clean_name(display_name)
    answer = _answer(raw_answer)
    key = token_hash(invite_token)
    found_challenge = _take_challenge(store, handle, "invite")
    if found_challenge.invite_hash != key:
        raise PasskeyRefused("Passkey: this request belongs to another invitation; start again.")
    verified = _verified_registration(rp, answer, found_challenge.challenge)
    now = store.now()
    token, csrf = new_token(), new_token()
    with store.writing() as db:
        account, person = take_invite(db, key, now, name=name, password_hash=NO_PASSWORD,
                                      account_id=_invited_account_id(key))
        _add_passkey(db, account.id, verified, "Passkey made when joining", now)
        db.add(LoginSession(token_hash=token_hash(token), account_id=account.id, csrf_token=csrf,
                            created_at=now, expires_at=now + timedelta(days=login_days)))
        db.add(AuditEvent(at=now, clinic_id=account.clinic_id, actor_id=account.id,
                          client_id=account.id, action="passkey", detail="joined with a passkey"))
        return _viewer(account, person), token
