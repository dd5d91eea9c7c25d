"""Throttling in clinic mode: attempts counted per key over a window, in the database.

Keys name what is counted: `account:EMAIL` and `address:IP` for failed password sign-ins
(and wrong passwords typed to delete an account), `passkey-options:IP` for passkey
ceremonies started while signed out. Attempts are rows of `login_failures`, so every
worker and machine counts the same; a key is held until enough of its attempts have
aged out of the window, and the wait is said in seconds (for Retry-After) and words.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from unknot.storage.clinic_models import LoginFailure

WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES_MAX = 5
ADDRESS_FAILURES_MAX = 30


def attempts(db: Session, key: str, since: datetime) -> int:
    return int(db.scalar(select(func.count()).select_from(LoginFailure)
                         .where(LoginFailure.key == key, LoginFailure.at > since)) or 0)


def held_for(db: Session, limits: list[tuple[str, int]], now: datetime) -> int | None:
    """Seconds until every key is under its limit again (None: none is at it)."""
    since = now - WINDOW
    waits = []
    for key, limit in limits:
        over = attempts(db, key, since) - limit
        if over < 0:
            continue
        # The attempt whose ageing out brings the count under the limit.
        freeing = db.scalar(select(LoginFailure.at).where(LoginFailure.key == key,
                                                          LoginFailure.at > since)
                            .order_by(LoginFailure.at).offset(over).limit(1))
        waits.append(((freeing or now) + WINDOW - now).total_seconds())
    return max(1, math.ceil(max(waits))) if waits else None


def note_attempts(db: Session, keys: list[str], now: datetime) -> None:
    """Count one attempt against each key (and forget the ones that have aged out)."""
    db.execute(delete(LoginFailure).where(LoginFailure.key.in_(keys),
                                          LoginFailure.at <= now - WINDOW))
    db.add_all([LoginFailure(key=key, at=now) for key in keys])


def forget(db: Session, key: str, now: datetime) -> None:
    """A right password: the account's failures are forgiven, and every key's aged ones go."""
    db.execute(delete(LoginFailure).where(LoginFailure.key == key))
    db.execute(delete(LoginFailure).where(LoginFailure.at <= now - WINDOW))


def wait_words(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"
