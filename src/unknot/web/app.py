"""Build the FastAPI application: the JSON API, the pages and the static files.

No state lives in process memory: every request reads and writes the database,
so several workers (and several machines on one PostgreSQL) serve the same people.
Each app opens one store (a connection pool) in its lifespan, applying any
pending migrations first; `unknot serve` has applied them already, so with
several workers this is a quick check that finds the schema at head. A fault found
at start (a damaged database, a broken library or rule file) stops the worker with
the same message the command line gives, not a traceback.

Every request first passes `unknot.web.guard` (trusted hosts, cross-site writes, the
access token, security headers); answers over 1 KB are gzipped for clients that
accept it (a plan is 5–50 KB of JSON, the journal page's scripts and styles ~40 KB).
The interactive API docs are off (they load their scripts from a public CDN); the
OpenAPI description stays at /openapi.json.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from unknot.library.loader import LibraryError, default_library
from unknot.safety.questions import QuestionError, default_questions
from unknot.safety.rules import RuleError, default_rules
from unknot.settings import Settings, get_settings
from unknot.storage import StorageError, Store, open_store
from unknot.text.lexicon import LexiconError

# Answers smaller than this go as they are (a ping, an error): gzip would save a few
# bytes for a few microseconds.
GZIP_MINIMUM_BYTES = 1024
GZIP_LEVEL = 5


def check_data() -> None:
    """Load the technique library, the rules, the questions and the lexicon, and compile
    the rules' patterns (a rule naming an unknown concept loads, then fails to compile),
    now, so a broken file is found at start-up (the lint's message, naming the file),
    never at a request."""
    from unknot.intake.screen import default_engine

    default_library()
    default_rules()
    default_questions()
    default_engine()


def warm_up() -> None:
    """Read spelling repair's English word list now, in each worker before it serves: it
    is read on first use, and most of that is one call that holds the interpreter for
    up to half a second, so in a request it stalled every other request of the worker,
    /api/v1/ping included."""
    from unknot.intake.screen import default_engine
    from unknot.text.lexicon import default_lexicon

    default_lexicon().correct("unknotwarmup")  # neither a lexicon word nor a misspelling
    # The screen's patterns compile on first use (a command needs only its text's); a
    # worker compiles them all here, so no request waits for one (up to ~70 ms each).
    default_engine().compile_all()


def startup_message(exc: Exception) -> str:
    """What to say when start-up fails on `exc`."""
    if isinstance(exc, LibraryError):
        return f"the technique library has errors (run `unknot library lint`):\n{exc}"
    if isinstance(exc, RuleError | QuestionError):
        return f"the safety data has errors (run `unknot library lint`):\n{exc}"
    if isinstance(exc, LexiconError):
        return f"the lexicon (the words the screen reads) has errors:\n{exc}"
    return str(exc)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the app's store at start and close it at the end, unless one was handed in."""
    if app.state.store is not None:
        # The caller's store (a test's): the caller closes it.
        yield
        return
    settings: Settings = app.state.settings
    try:
        check_data()
        warm_up()
        store = open_store(settings.effective_database_url)
    except (StorageError, LibraryError, RuleError, QuestionError, LexiconError) as exc:
        # The guard logs this message instead of Starlette's traceback.
        app.state.startup_error = f"unknot cannot start: {startup_message(exc)}"
        raise
    if settings.clinic:
        from unknot.clinic.alerts import watch_sessions

        watch_sessions(store)
    app.state.store = store
    # What start-up loaded (rules, lexicon, library, prepared forms) lives as long as the
    # process: frozen out of the collector's way, a full collection no longer walks it — it
    # was the planner's rare 40–50 ms pause under load.
    gc.freeze()
    try:
        yield
    finally:
        app.state.store = None
        store.close()


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """A fresh application for `settings` (tests pass their own, or a ready `store`)."""
    settings = settings or get_settings()
    app = FastAPI(title="unknot", version="1", openapi_url="/openapi.json",
                  docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="A guided self-massage coach: safety screening, routines that "
                              "fit your minutes, hands-free guidance, and a journal.")
    app.state.settings = settings
    app.state.store = store
    app.state.startup_error = None

    from fastapi import Depends

    from unknot.web import errors
    from unknot.web.api import routers as api_routers
    from unknot.web.clinic import auth
    from unknot.web.clinic import install as install_clinic
    from unknot.web.guard import Guard
    from unknot.web.pages import install as install_pages

    errors.install(app)
    # Each resource's router straight onto the app: every level of nesting is matched
    # again on every request. Clinic mode: every API call but the ping needs a
    # signed-in person (personal mode adds nothing to a request).
    api_access = [Depends(auth.page_access)] if settings.clinic else []
    for router in api_routers:
        app.include_router(router, prefix="/api/v1", dependencies=api_access)
    install_pages(app)
    if settings.clinic:
        install_clinic(app)
    # Inside the guard, so a compressed answer still gets the security headers (and
    # no-store) on its way out.
    app.add_middleware(GzipWhenAccepted)
    app.add_middleware(Guard, settings=settings)
    return app


class GzipWhenAccepted:
    """Starlette's gzip for clients that accept it; every other request goes straight
    through (Starlette wraps those too, at a cost on every request of an API client).

    Small answers are not worth the CPU; level 5 is most of level 9's saving on JSON
    at a fraction of its time.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=GZIP_MINIMUM_BYTES, compresslevel=GZIP_LEVEL)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and any(
                name == b"accept-encoding" and b"gzip" in value.lower()
                for name, value in scope["headers"]):
            await self.gzip(scope, receive, send)
            return
        await self.app(scope, receive, send)
