"""Today's programme for the client's start page, in the client's time zone."""

from __future__ import annotations

from datetime import date

from fastapi import Request

from unknot.clinic import accounts, records
from unknot.clinic.access import Viewer
from unknot.storage import Store


def local_today(request: Request, viewer: Viewer) -> date:
    """Today's date where the person is (their own time zone, else the clinic's)."""
    store: Store = request.app.state.store
    zone = accounts.account_timezone(store, viewer.account_id)
    return store.now().astimezone(zone).date()


def client_today(request: Request) -> list[records.TodayView] | None:
    """The signed-in client's programmes for today (None outside clinic mode, or for
    someone who is not a client)."""
    if not request.app.state.settings.clinic:
        return None
    viewer: Viewer | None = getattr(request.state, "viewer", None)
    if viewer is None or viewer.role != "client":
        return None
    store: Store = request.app.state.store
    return records.today(store, viewer.account_id, viewer.person_id, local_today(request, viewer))
