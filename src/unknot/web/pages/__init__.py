"""Server-rendered pages, static files, the manifest and the service worker.

One module per page group: `start` (start, safety, plan), `session` (before,
player, after), `journal`, `library`, `settings` and `offline` (manifest and
service worker). The pages talk to the JSON API from the browser, so the
session flow behaves the same online and offline.
"""

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from unknot.web.pages import (
    deleting,
    journal,
    library,
    offline,
    records,
    reminders,
    session,
    settings,
    start,
)
from unknot.web.pages.templating import STATIC_DIR, render


class VersionedStatic(StaticFiles):
    """Static files that browsers may keep for a year: their URLs carry a content hash."""

    def file_response(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


async def _page_not_found(request: Request, exc: Exception):  # type: ignore[no-untyped-def]
    """A person who follows a stale link gets a page, not JSON; the API keeps JSON errors."""
    wants_page = "text/html" in request.headers.get("accept", "")
    api = request.url.path.startswith(("/api/", "/openapi.json", "/static/"))
    if isinstance(exc, HTTPException) and exc.status_code == 404 and wants_page and not api:
        return render(request, "missing.html", status_code=404,
                      what="There is no page at this address.", back_href="/",
                      back_label="Back to the start")
    return await http_exception_handler(request, exc)  # type: ignore[arg-type]


def install(app: FastAPI) -> None:
    """Mount the pages and static files on `app`."""
    app.add_exception_handler(HTTPException, _page_not_found)
    from unknot.web.clinic.auth import page_access

    # In clinic mode these pages are for a signed-in person (personal mode adds nothing);
    # the manifest and service worker hold no personal data.
    signed_in = [Depends(page_access)] if app.state.settings.clinic else []
    for module in (start, session, journal, library, settings, records, deleting):
        app.include_router(module.router, dependencies=signed_in)
    if not app.state.settings.clinic:
        # Personal mode's own reminders (a clinic's come from its programmes: /calendar).
        app.include_router(reminders.router)
    app.include_router(offline.router)
    app.mount("/static", VersionedStatic(directory=STATIC_DIR), name="static")
