"""Server-rendered pages, static files, the manifest and the service worker.

One module per page group: `start` (start, safety, plan), `session` (before,
player, after), `journal`, `library`, `settings` and `offline` (manifest and
service worker). The pages talk to the JSON API from the browser, so the
session flow behaves the same online and offline.
"""

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from unknot.web.pages import journal, library, offline, session, settings, start
from unknot.web.pages.templating import STATIC_DIR


class VersionedStatic(StaticFiles):
    """Static files that browsers may keep for a year: their URLs carry a content hash."""

    def file_response(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def install(app: FastAPI) -> None:
    """Mount the pages and static files on `app`."""
    for module in (start, session, journal, library, settings, offline):
        app.include_router(module.router)
    app.mount("/static", VersionedStatic(directory=STATIC_DIR), name="static")
