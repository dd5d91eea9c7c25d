"""The dependencies every API route shares, as `Annotated` aliases.

`CurrentPerson` is the one place that decides whom a request acts for; every
route passes it to the store, which treats another person's session as not
found. Personal mode has one person and no sign-up; in clinic mode it is the
signed-in person (`unknot.web.clinic.auth`), and a signed-out request is refused.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from unknot.settings import Settings
from unknot.storage import DatabaseUnavailable, Store


# async: these do no I/O, and a sync dependency would cost a thread hop per request.
async def get_store(request: Request) -> Store:
    """The app's store, opened by the lifespan (or handed to `create_app` by a test)."""
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        raise DatabaseUnavailable("the database is not open: the app has not started")
    return store


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was made with (tests make apps with their own)."""
    settings: Settings = request.app.state.settings
    return settings


async def current_person(request: Request) -> str:
    """Whom the request acts for: in personal mode, the single local person; in clinic
    mode, the signed-in person (a write also needs its CSRF token)."""
    if not request.app.state.settings.clinic:
        return Store.person_id()
    from unknot.web.clinic.auth import person_in_clinic

    return await person_in_clinic(request)


StoreDep = Annotated[Store, Depends(get_store)]
CurrentPerson = Annotated[str, Depends(current_person)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
