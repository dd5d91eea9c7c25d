"""The therapist's inbox: what needs their eyes, stored the moment it happens.

Four things make an item, each for the client's therapist:

- `it_hurts`: a session stopped with "it hurts" (status "stopped");
- `high_pain`: pain rated 8 or more (of 10) before a session;
- `rising_pain`: pain before a session rose three times in a row — the last three
  before-ratings each higher than the one before, all within 14 days (the journal's
  own "pain rising" rule, seed 003); while one such item is unseen, a further rise
  adds no second one;
- `red_flag`: an intake whose screen says see a doctor first, or get urgent help.

Items are written in the same transaction as the session or intake that causes them
(`Store.session_hooks`, `records.record_intake`), so none is lost or made twice, and
the inbox and dashboard read a handful of indexed rows instead of years of sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from unknot.clinic.access import Viewer
from unknot.journal import ADVICE_WINDOW, FINISHED_STATUSES, INTENSE_PAIN, RISING_RUN
from unknot.storage import Store
from unknot.storage.clinic_models import Account, ClinicAlert, Programme
from unknot.storage.models import Person, SessionRow

HIGH_PAIN = INTENSE_PAIN
RISING_WINDOW = ADVICE_WINDOW
RED_FLAG_VERDICTS = ("see_doctor", "urgent")
TITLES = {"it_hurts": "Stopped: it hurt", "high_pain": "High pain before a session",
          "rising_pain": "Pain rising", "red_flag": "Red flag at intake"}
SEEN_SHOWN = 30


def rising(before_pains: list[tuple[datetime, int]]) -> bool:
    """Whether the newest `RISING_RUN` before-ratings (newest first) each rose, within
    `RISING_WINDOW` of each other."""
    if len(before_pains) < RISING_RUN:
        return False
    run = list(reversed(before_pains[:RISING_RUN]))
    if run[-1][0] - run[0][0] > RISING_WINDOW:
        return False
    return all(a[1] < b[1] for a, b in zip(run, run[1:], strict=False))


def watch_sessions(store: Store) -> None:
    """Have the store add inbox items as sessions are written (once per store)."""
    if on_session not in store.session_hooks:
        store.session_hooks.append(on_session)


def _programme_words(db: Session, row: SessionRow) -> str:
    if row.programme_id is None:
        return "a session of their own"
    programme = db.get(Programme, row.programme_id)
    return f"“{programme.title}”" if programme is not None else "a programme session"


def _add(db: Session, client: Account, kind: str, at: datetime, detail: str,
         session_id: str | None = None) -> None:
    assert client.therapist_id is not None
    db.add(ClinicAlert(clinic_id=client.clinic_id, client_id=client.id,
                       therapist_id=client.therapist_id, kind=kind, at=at, detail=detail[:2000],
                       session_id=session_id))


def on_session(db: Session, row: SessionRow, status_before: str | None) -> None:
    """The session hook: add what this write calls for to the client's therapist's inbox."""
    client = db.scalars(select(Account).where(Account.person_id == row.person_id)).first()
    if client is None or client.role != "client" or client.therapist_id is None:
        return
    if status_before is None and row.pain_before is not None:
        _before_rating(db, client, row)
    elif status_before not in FINISHED_STATUSES and row.status == "stopped":
        step = min(row.completed_steps + 1, row.total_steps)
        detail = (f"Stopped {_programme_words(db, row)} during step {step} of {row.total_steps}, "
                  "because it hurt.")
        if row.note:
            detail += f" They wrote: “{row.note}”"
        _add(db, client, "it_hurts", row.finished_at or row.updated_at, detail, row.id)


def _before_rating(db: Session, client: Account, row: SessionRow) -> None:
    pain = row.pain_before
    assert pain is not None
    if pain >= HIGH_PAIN:
        _add(db, client, "high_pain", row.created_at,
             f"Rated pain {pain} of 10 before {_programme_words(db, row)}.", row.id)
    recent = [(at, p) for at, p in db.execute(
        select(SessionRow.created_at, SessionRow.pain_before)
        .where(SessionRow.person_id == row.person_id, SessionRow.pain_before.is_not(None),
               SessionRow.created_at <= row.created_at)
        .order_by(SessionRow.created_at.desc(), SessionRow.id.desc()).limit(RISING_RUN))]
    if not rising(recent) or recent[0][0] != row.created_at:
        return
    unseen = db.scalar(select(ClinicAlert.id).where(
        ClinicAlert.client_id == client.id, ClinicAlert.seen_at.is_(None),
        ClinicAlert.kind == "rising_pain").limit(1))
    if unseen is None:
        pains = " → ".join(str(p) for _at, p in reversed(recent))
        _add(db, client, "rising_pain", row.created_at,
             f"Pain before a session rose {RISING_RUN} times in a row: {pains}.", row.id)


def on_intake(db: Session, client_id: str, verdict: str, message: str, at: datetime) -> None:
    """Called as an intake is recorded: a see-a-doctor or urgent screen is an item."""
    if verdict not in RED_FLAG_VERDICTS:
        return
    client = db.get(Account, client_id)
    if client is None or client.role != "client" or client.therapist_id is None:
        return
    what = "see a doctor first" if verdict == "see_doctor" else "urgent: emergency help"
    _add(db, client, "red_flag", at, f"The intake screen said {what}. {message}")


# A client's own screen is run again at each step of the start page (text, the quick
# check, the plan): the same finding within a day, still unseen, is one item, not three.
OWN_SCREEN_REPEAT = timedelta(days=1)


def on_own_screen(store: Store, client_id: str, verdict: str, message: str,
                  flags: list[str]) -> bool:
    """A client screened themself (the start page, the API) and the screen said see a
    doctor or get help now: an item for their therapist, unless the same one is waiting."""
    if verdict not in RED_FLAG_VERDICTS:
        return False
    what = "see a doctor first" if verdict == "see_doctor" else "urgent: emergency help"
    found = f" ({', '.join(flags)})" if flags else ""
    detail = f"Their own screen on the start page said {what}{found}. {message}"[:2000]
    now = store.now()
    with store.writing() as db:
        client = db.get(Account, client_id)
        if client is None or client.role != "client" or client.therapist_id is None:
            return False
        waiting = db.scalar(select(ClinicAlert.id).where(
            ClinicAlert.client_id == client_id, ClinicAlert.kind == "red_flag",
            ClinicAlert.seen_at.is_(None), ClinicAlert.at >= now - OWN_SCREEN_REPEAT,
            ClinicAlert.detail == detail).limit(1))
        if waiting is not None:
            return False
        _add(db, client, "red_flag", now, detail)
    return True


# -- reading and marking -------------------------------------------------------------


@dataclass(frozen=True)
class InboxItem:
    id: int
    kind: str
    title: str
    at: datetime
    detail: str
    client_id: str
    client_name: str
    seen_at: datetime | None


def _items(db: Session, query: object) -> list[InboxItem]:
    return [InboxItem(a.id, a.kind, TITLES[a.kind], a.at, a.detail, a.client_id, name, a.seen_at)
            for a, name in db.execute(query)]  # type: ignore[call-overload]


def _with_names() -> object:
    return (select(ClinicAlert, Person.display_name)
            .join(Account, Account.id == ClinicAlert.client_id)
            .join(Person, Person.id == Account.person_id))


def inbox(store: Store, therapist_id: str, *, seen_shown: int = SEEN_SHOWN
          ) -> tuple[list[InboxItem], list[InboxItem]]:
    """A therapist's items: every unseen one, then the latest seen ones; newest first."""
    base = _with_names()
    mine = ClinicAlert.therapist_id == therapist_id
    order = (ClinicAlert.at.desc(), ClinicAlert.id.desc())
    with store.reading() as db:
        unseen = _items(db, base.where(mine, ClinicAlert.seen_at.is_(None))  # type: ignore[attr-defined]
                        .order_by(*order))
        seen = _items(db, base.where(mine, ClinicAlert.seen_at.is_not(None))  # type: ignore[attr-defined]
                      .order_by(*order).limit(seen_shown))
    return unseen, seen


def client_items(store: Store, client_id: str, *, limit: int = 20) -> list[InboxItem]:
    """One client's items, newest first."""
    query = _with_names().where(ClinicAlert.client_id == client_id)  # type: ignore[attr-defined]
    with store.reading() as db:
        return _items(db, query.order_by(ClinicAlert.at.desc(), ClinicAlert.id.desc()).limit(limit))


def mark_seen(store: Store, viewer: Viewer, client_id: str, alert_id: int) -> bool:
    """Mark one of this client's items seen (False: no such item for the client)."""
    from unknot.clinic.records import add_audit

    now = store.now()
    with store.writing() as db:
        alert = db.get(ClinicAlert, alert_id, with_for_update=True)
        if alert is None or alert.client_id != client_id:
            return False
        if alert.seen_at is None:
            alert.seen_at, alert.seen_by = now, viewer.account_id
            add_audit(db, viewer, client_id, "seen",
                      f"marked “{TITLES[alert.kind]}” ({alert.at:%-d %b %H:%M} UTC) as seen", now)
        return True


def mark_all_seen(store: Store, viewer: Viewer) -> int:
    """Mark every unseen item of this therapist seen; how many were."""
    from unknot.clinic.records import add_audit

    now = store.now()
    with store.writing() as db:
        done = db.execute(update(ClinicAlert)
                          .where(ClinicAlert.therapist_id == viewer.account_id,
                                 ClinicAlert.seen_at.is_(None))
                          .values(seen_at=now, seen_by=viewer.account_id))
        count = int(done.rowcount or 0)
        if count:
            items = "item" if count == 1 else "items"
            add_audit(db, viewer, None, "seen", f"marked the {count} unseen inbox {items} as seen",
                      now)
        return count

