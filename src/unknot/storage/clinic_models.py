"""The clinic-mode tables: clinics, accounts, sign-in sessions, invitations, sign-in
failures, the audit log and programmes.

Personal mode never writes these. Every account is also a row of `people`, so a
client's sessions, journal and preferences are the same rows personal mode uses,
keyed by the client's person id.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from unknot.storage.columns import JSONType
from unknot.storage.models import Base, _in

ROLES: tuple[str, ...] = ("owner", "therapist", "client")


class Clinic(Base):
    """One practice: its name and the zone its schedules are read in."""

    __tablename__ = "clinics"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class Account(Base):
    """Someone who signs in: a clinic owner, a therapist or a client (of one therapist)."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(_in("role", ROLES), name="role_known"),
        CheckConstraint("role != 'client' OR therapist_id IS NOT NULL", name="client_has_therapist"),
        Index("ix_accounts_therapist_id", "therapist_id"),
        Index("ix_accounts_clinic_id", "clinic_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinics.id", ondelete="CASCADE"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    therapist_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime]
    # The person's own IANA zone (None: the clinic's): their schedule, "today", the feed.
    timezone: Mapped[str | None] = mapped_column(String(64))


class LoginSession(Base):
    """A signed-in device. The cookie holds a random token; only its hash is stored."""

    __tablename__ = "login_sessions"
    __table_args__ = (Index("ix_login_sessions_account_id", "account_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class Invite(Base):
    """A one-time link: it makes the owner, a therapist or a client account, once."""

    __tablename__ = "invites"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role_known"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinics.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    email: Mapped[str] = mapped_column(String(254))
    display_name: Mapped[str] = mapped_column(String(200))
    invited_by: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class LoginFailure(Base):
    """A failed sign-in, counted per account and per address to slow down guessing."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(300))
    at: Mapped[datetime]


class AuditEvent(Base):
    """Who viewed or changed a client's record, and when."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_client_id_at", "client_id", "at"),
        Index("ix_audit_events_clinic_id_at", "clinic_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinics.id", ondelete="CASCADE"))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    client_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text)


class ClientIntake(Base):
    """What the client told their therapist, screened: the request and the intake object."""

    __tablename__ = "client_intakes"
    __table_args__ = (Index("ix_client_intakes_client_id_id", "client_id", "id"),)

    # A sequence, so "latest" is well defined even for two intakes in the same instant.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    recorded_by: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    request: Mapped[dict[str, Any]]
    intake: Mapped[dict[str, Any]]


class Programme(Base):
    """A therapist's routine for a client, with its steps, notes and schedule."""

    __tablename__ = "programmes"
    __table_args__ = (Index("ix_programmes_client_id", "client_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    therapist_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(200))
    # [{"technique", "seconds", "side", "note"}], in order.
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
    # {"days": ["mon", ...], "times": ["08:00", ...]}
    schedule: Mapped[dict[str, Any]]
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Archived: off the client's today page and calendar, kept with its history; restorable.
    archived_at: Mapped[datetime | None]


class CalendarFeed(Base):
    """A person's secret calendar address (one at a time); only the token's hash is kept.
    Turning the feed off, or making a new address, deletes the row."""

    __tablename__ = "calendar_feeds"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"),
                                            unique=True)
    created_at: Mapped[datetime]


ALERT_KINDS: tuple[str, ...] = ("it_hurts", "high_pain", "rising_pain", "red_flag")


class ClinicAlert(Base):
    """One item of a therapist's inbox, stored when it happens (a session stopped because
    it hurt, pain 8+ before a session, pain rising, a red-flag intake), so the inbox and
    the dashboard read a few rows instead of scanning years of sessions."""

    __tablename__ = "clinic_alerts"
    __table_args__ = (
        CheckConstraint(_in("kind", ALERT_KINDS), name="kind_known"),
        # The inbox: a therapist's unseen items newest first (and marking them all seen);
        # the latest seen ones; and the unseen ones per client (the dashboard).
        Index("ix_clinic_alerts_therapist_id_seen_at_at", "therapist_id", "seen_at", "at"),
        Index("ix_clinic_alerts_therapist_id_at", "therapist_id", "at"),
        Index("ix_clinic_alerts_client_id_seen_at", "client_id", "seen_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    clinic_id: Mapped[str] = mapped_column(ForeignKey("clinics.id", ondelete="CASCADE"))
    client_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    # The client's therapist when it happened: theirs to see.
    therapist_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    detail: Mapped[str] = mapped_column(Text)
    # The session it came from (none for an intake); no foreign key, like sessions'
    # programme link: the item stays when a session is deleted.
    session_id: Mapped[str | None] = mapped_column(String(36))
    seen_at: Mapped[datetime | None]
    seen_by: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))


class Passkey(Base):
    """A WebAuthn credential an account signs in with: its id and public key (no secret)."""

    __tablename__ = "passkeys"
    __table_args__ = (Index("ix_passkeys_account_id", "account_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    # base64url, as the browser names it; the public key as base64url COSE.
    credential_id: Mapped[str] = mapped_column(String(1400), unique=True)
    public_key: Mapped[str] = mapped_column(Text)
    sign_count: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]


PASSKEY_PURPOSES: tuple[str, ...] = ("register", "sign_in", "invite", "delete_account")


class PasskeyChallenge(Base):
    """A WebAuthn challenge waiting for its answer: single use (deleted when answered),
    expiring, and in the database so any worker can check the answer."""

    __tablename__ = "passkey_challenges"
    __table_args__ = (CheckConstraint(_in("purpose", PASSKEY_PURPOSES), name="purpose_known"),
                      Index("ix_passkey_challenges_expires_at", "expires_at"))

    handle_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(16))
    challenge: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    invite_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class PasswordReset(Base):
    """A one-time link to choose a new password, made by the owner (for a therapist), the
    client's therapist, or `unknot clinic reset-link`."""

    __tablename__ = "password_resets"
    __table_args__ = (Index("ix_password_resets_account_id", "account_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    made_by: Mapped[str | None] = mapped_column(ForeignKey("accounts.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
