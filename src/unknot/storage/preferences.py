"""A person's preferences: one JSON document per person, merged on every save.

Storage keeps the document as given; what the settings are, their ranges and
their defaults belong to the caller (the web's `Preferences` schema). Saving
merges the changes into what is stored inside one transaction, so two tabs that
each change one setting do not undo each other.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.exc import IntegrityError

from unknot.storage.errors import InvalidSessionData
from unknot.storage.models import PreferenceRow
from unknot.storage.store import Store

MAX_BYTES = 16_000


def _checked(changes: Any) -> dict[str, Any]:
    if not isinstance(changes, dict):
        raise InvalidSessionData("preferences: must be an object")
    try:
        size = len(json.dumps(changes, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise InvalidSessionData(f"preferences: not storable as JSON ({exc})") from exc
    if size > MAX_BYTES:
        raise InvalidSessionData(f"preferences: at most {MAX_BYTES} bytes of JSON, got {size}")
    return changes


def load_preferences(store: Store, *, person_id: str | None = None) -> dict[str, Any] | None:
    """The person's stored preferences, or None when they never saved any."""
    with store._read() as db:  # the store's session helpers turn driver errors into ours
        row = db.get(PreferenceRow, store.person_id(person_id))
        return dict(row.data) if row is not None else None


def _merge(store: Store, pid: str, changes: dict[str, Any]) -> dict[str, Any]:
    with store._write() as db:
        store._ensure_person(db, pid)
        row = db.get(PreferenceRow, pid, with_for_update=True)
        now = store._now()
        if row is None:
            row = PreferenceRow(person_id=pid, data=dict(changes), updated_at=now)
            db.add(row)
        else:
            # A new dict, so SQLAlchemy sees the JSON column change.
            row.data = {**row.data, **changes}
            row.updated_at = now
        return dict(row.data)


def save_preferences(store: Store, changes: dict[str, Any], *,
                     person_id: str | None = None) -> dict[str, Any]:
    """Merge `changes` into the person's stored preferences and return the whole document."""
    changes = _checked(changes)
    pid = store.person_id(person_id)
    try:
        return _merge(store, pid, changes)
    except IntegrityError:
        # Another worker inserted the first document between our read and our insert;
        # now there is a row to lock and merge into.
        pass
    try:
        return _merge(store, pid, changes)
    except IntegrityError as exc:
        raise InvalidSessionData(f"the database refused the preferences: {exc.orig}") from exc
