"""Who may do what in a clinic: one rule, answering with a decision and its reason.

Every clinic route asks `decide` (through the web's one ownership dependency), and the
personal routes act for the signed-in person's own data. The rule:

- everyone acts on their own data (journal, sessions, preferences, exports);
- the clinic owner invites therapists and reads the clinic's audit log;
- a therapist invites clients and sees and changes only their own clients' records;
- a client sees their own programmes and how they are getting on (outcomes), and
  nothing of anyone else, and may delete their own account (with all their data);
- a therapist's inbox and dashboard are theirs alone, and list only their own clients.

Refusals are answered as "not found" by the web, so an id never tells whether it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["owner", "therapist", "client"]
Action = Literal["own_data", "invite_therapist", "invite_client", "view_clinic_audit",
                 "view_client", "change_client", "view_programme", "play_programme",
                 "delete_account", "view_outcomes", "therapist_inbox"]


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


def decide(viewer: Viewer | None, action: Action, client: Client | None = None) -> Decision:
    """May `viewer` do `action` (on `client`'s record, where the action concerns one)?"""
    if viewer is None:
        return _no("not signed in")
    if action == "own_data":
        return _yes("a person's own data")
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
    if viewer.role == "therapist" and client.therapist_id == viewer.account_id:
        return _yes("the client's own therapist")
    if viewer.role == "therapist":
        return _no("another therapist's client")
    if viewer.role == "owner":
        return _no("client records are for the client's therapist, not the clinic owner")
    return _no("a client sees only their own data")
