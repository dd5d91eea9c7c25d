"""Build the FastAPI application: the JSON API, the pages and the static files.

No state lives in process memory: every request reads and writes the database,
so several workers (and several machines on one PostgreSQL) serve the same people.
Each app opens one store (a connection pool) in its lifespan, applying any
pending migrations first; `unknot serve` has applied them already, so with
several workers this is a quick check that finds the schema at head.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from unknot.settings import Settings, get_settings
from unknot.storage import Store, open_store


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the app's store at start and close it at the end, unless one was handed in."""
    if app.state.store is not None:
        # The caller's store (a test's): the caller closes it.
        yield
        return
    settings: Settings = app.state.settings
    store = open_store(settings.effective_database_url)
    app.state.store = store
    try:
        yield
    finally:
        app.state.store = None
        store.close()


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """A fresh application for `settings` (tests pass their own, or a ready `store`)."""
    settings = settings or get_settings()
    app = FastAPI(title="unknot", version="1", openapi_url="/openapi.json",
                  docs_url="/api/docs", redoc_url=None, lifespan=lifespan,
                  description="A guided self-massage coach: safety screening, routines that "
                              "fit your minutes, hands-free guidance, and a journal.")
    app.state.settings = settings
    app.state.store = store

    from unknot.web import errors
    from unknot.web.api import router as api_router
    from unknot.web.pages import install as install_pages

    errors.install(app)
    app.include_router(api_router, prefix="/api/v1")
    install_pages(app)
    return app
