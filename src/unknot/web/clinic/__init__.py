"""Clinic mode on the web: sign-in, the one ownership dependency, and the clinic pages."""

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Clinic mode: the sign-in and clinic pages, and the answers to refused requests."""
    from unknot.web.clinic import auth, pages, records_routes

    auth.install(app)
    app.include_router(pages.router)
    app.include_router(records_routes.router)
