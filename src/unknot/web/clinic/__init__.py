"""Clinic mode on the web: sign-in, the one ownership dependency, and the clinic pages."""

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Clinic mode: the sign-in and clinic pages, and the answers to refused requests."""
    from unknot.clinic.alerts import watch_sessions
    from unknot.web.clinic import account, auth, outcomes, pages, records_routes

    auth.install(app)
    app.include_router(pages.router)
    app.include_router(records_routes.router)
    app.include_router(outcomes.router)
    app.include_router(account.router)
    if app.state.store is not None:  # a store handed in (tests); else opened in the lifespan
        watch_sessions(app.state.store)
