"""Who may do what in a clinic: one rule, answering with a decision and its reason.

Every clinic route asks `decide` (through the web's one ownership dependency), and the
personal routes act for the signed-in person's own data. The rule:

- everyone acts on their own data (journal, sessions, preferences, exports);
- the clinic owner invites therapists and reads the clinic's audit log;
- a therapist invites clients and sees and changes only their own clients' records;
- a client sees their own programmes and how they are getting on (outcomes), and
  nothing of anyone else, and may delete their own account (with all their data);
- a therapist's inbox and dashboard are theirs alone, and list only their own clients;
- a password reset link is made by the clinic owner for a therapist, and by a client's
  own therapist for the client; an invitation is withdrawn by the one who sent it.

Refusals are answered as "not found" by the web, so an id never tells whether it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["owner", "therapist", "client"]
Action = Literal["own_data", "invite_therapist", "invite_client", "view_clinic_audit",
                 "view_client", "change_client", "view_programme", "play_programme",
                 "delete_account", "view_outcomes", "therapist_inbox",
                 "reset_client_password", "reset_therapist_password", "revoke_invite"]


@dataclass(frozen=True)
class Viewer:
    """The signed-in account a request acts for."""

    account_id: str
    person_id: str
    clinic_id: str
    role: Role
    name: str
    email: str


@dataclass(frozen=True)
class Client:
    """The client a request is about: enough to decide, nothing more."""

    account_id: str
    clinic_id: str
    therapist_id: str


@dataclass(frozen=True)
class Colleague:
    """A therapist, as an account the clinic owner manages."""

    account_id: str
    clinic_id: str


@dataclass(frozen=True)
class Invitation:
    """An invitation not yet accepted: whose clinic, and who sent it."""

    clinic_id: str
    invited_by: str | None


@dataclass(frozen=True)
class Decision:
    """Allowed or not, and why (logged and shown to whoever may see it)."""

    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


def _yes(reason: str) -> Decision:
    return Decision(True, reason)


def _no(reason: str) -> Decision:
    return Decision(False, reason)


def decide(viewer: Viewer | None, action: Action, client: Client | None = None, *,
           therapist: Colleague | None = None, invitation: Invitation | None = None) -> Decision:
    """May `viewer` do `action` (on `client`'s record, `therapist`'s account or
    `invitation`, where the action concerns one)?"""
    if viewer is None:
        return _no("not signed in")
    if action == "own_data":
        return _yes("a person's own data")
    if action == "reset_therapist_password":
        if therapist is None or therapist.clinic_id != viewer.clinic_id:
            return _no("no such therapist in this clinic")
        return _yes("the clinic owner resets a therapist's password") if viewer.role == "owner" \
            else _no("only the clinic owner resets a therapist's password")
    if action == "revoke_invite":
        if invitation is None or invitation.clinic_id != viewer.clinic_id:
            return _no("no such invitation in this clinic")
        return _yes("the sender withdraws their invitation") \
            if invitation.invited_by == viewer.account_id \
            else _no("only the person who sent an invitation withdraws it")
    if action == "invite_therapist":
        return _yes("the clinic owner invites therapists") if viewer.role == "owner" \
            else _no("only the clinic owner invites therapists")
    if action == "invite_client":
        return _yes("a therapist invites their clients") if viewer.role == "therapist" \
            else _no("only a therapist invites clients")
    if action == "delete_account":
        return _yes("a client deletes their own account") if viewer.role == "client" \
            else _no("a therapist's or owner's account holds other people's records: ask the "
                     "clinic to close it")
    if action == "view_clinic_audit":
        return _yes("the clinic owner reads the clinic's audit log") if viewer.role == "owner" \
            else _no("only the clinic owner reads the whole clinic's audit log")
    if action == "therapist_inbox":
        return _yes("a therapist's own inbox and dashboard") if viewer.role == "therapist" \
            else _no("only a therapist has an inbox of their clients")
    if client is None:
        return _no("no such client")
    if client.clinic_id != viewer.clinic_id:
        return _no("another clinic's client")
    if action in ("view_programme", "play_programme", "view_outcomes") \
            and viewer.account_id == client.account_id:
        return _yes("the client's own programme")
    if action == "play_programme":
        return _no("only the client plays their programme")
    if action == "reset_client_password" and viewer.account_id == client.account_id:
        return _no("a client changes their own password on their account page")
    if viewer.role == "therapist" and client.therapist_id == viewer.account_id:
        return _yes("the client's own therapist")
    if viewer.role == "therapist":
        return _no("another therapist's client")
    if viewer.role == "owner":
        return _no("client records are for the client's therapist, not the clinic owner")
    return _no("a client sees only their own data")
