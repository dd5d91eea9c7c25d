"""Who a request acts for in clinic mode, and whether it may: the one ownership check.

- The sign-in cookie (`unknot_session`: HttpOnly, SameSite=Lax, Secure over HTTPS) names
  a row of `login_sessions`; nothing is kept in process memory, so any worker on the
  same database knows the person.
- Every state-changing request of a signed-in person carries that session's CSRF
  token: the `csrf_token` field of a form, or the `X-CSRF-Token` header of a fetch
  (the guard already refuses cross-site writes by Origin; this refuses forged ones
  that slip past it). Forms shown before sign-in use a double-submit cookie instead.
- `access(action)` is the dependency every clinic route uses: it asks
  `unknot.clinic.access.decide` and refuses with "not found" (so ids leak nothing),
  logging the decision's reason. The personal routes act for the signed-in person's
  own data through `unknot.web.deps.current_person`, which calls `signed_in` here.

Signed out: pages redirect to the sign-in page, the API answers 401.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from unknot.clinic import accounts
from unknot.clinic.access import Action, Client, Decision, Viewer, decide
from unknot.clinic.tokens import new_token, same
from unknot.settings import Settings
from unknot.storage import Store

log = logging.getLogger("unknot.access")

SESSION_COOKIE = "unknot_session"
PRE_CSRF_COOKIE = "unknot_form"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Reachable without signing in, in clinic mode too (no personal data behind them).
OPEN_API_PATHS = frozenset({"/api/v1/ping"})


class NotSignedIn(Exception):
    """The request needs a signed-in person and has none."""


class CsrfRefused(Exception):
    """A state-changing request without the right CSRF token."""


class Refused(Exception):
    """The ownership rule said no; answered as not found."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def client_address(request: Request) -> str:
    """The address a request came from, as the sign-in throttles count it."""
    return request.client.host if request.client else "unknown"


def secure_cookies(request: Request) -> bool:
    """Whether cookies get the Secure flag: served over HTTPS, or configured to be."""
    return request.url.scheme == "https" or _settings(request).base_url.startswith("https://")


async def _given_csrf(request: Request) -> str:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    if request.headers.get("content-type", "").startswith(FORM_TYPES):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def viewer_of(request: Request) -> Viewer | None:
    """The signed-in account of this request, or None (read once per request)."""
    if hasattr(request.state, "viewer"):
        viewer: Viewer | None = request.state.viewer
        return viewer
    token = request.cookies.get(SESSION_COOKIE, "")
    found = await run_in_threadpool(accounts.session_viewer, _store(request), token) \
        if token else None
    request.state.viewer, request.state.csrf = found if found else (None, None)
    return request.state.viewer


async def signed_in(request: Request) -> Viewer:
    """The signed-in account; refuses a signed-out request, and a write without the
    session's CSRF token."""
    viewer = await viewer_of(request)
    if viewer is None:
        raise NotSignedIn()
    if request.method not in SAFE_METHODS:
        given = await _given_csrf(request)
        if not given or not same(given, request.state.csrf):
            raise CsrfRefused()
    return viewer


async def check_pre_csrf(request: Request) -> None:
    """For forms shown before sign-in (sign in, accept an invitation): the form's token
    must equal the cookie set with the form."""
    cookie = request.cookies.get(PRE_CSRF_COOKIE, "")
    given = await _given_csrf(request)
    if not cookie or not given or not same(given, cookie):
        raise CsrfRefused()


def pre_csrf_token(request: Request) -> str:
    """The token for a signed-out form (the cookie's, or a new one set by `keep_pre_csrf`)."""
    token = request.cookies.get(PRE_CSRF_COOKIE) or new_token()
    request.state.pre_csrf = token
    return token


def keep_pre_csrf(request: Request, response: Response) -> Response:
    token = getattr(request.state, "pre_csrf", None)
    if token and token != request.cookies.get(PRE_CSRF_COOKIE):
        response.set_cookie(PRE_CSRF_COOKIE, token, httponly=True, samesite="lax",
                            secure=secure_cookies(request), path="/")
    return response


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    days = _settings(request).login_days
    response.set_cookie(SESSION_COOKIE, token, max_age=days * 86400, httponly=True,
                        samesite="lax", secure=secure_cookies(request), path="/")


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=secure_cookies(request))
    # Signing out leaves the device: the pages, answers and routines the browser kept
    # (service-worker cache, localStorage) go too, so the next person sees none of them.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'


# -- the dependencies routes use -------------------------------------------------------


async def person_in_clinic(request: Request) -> str:
    """The signed-in person's own id, for the personal routes (journal, sessions, ...)."""
    viewer = await signed_in(request)
    decision = decide(viewer, "own_data")
    if not decision:
        raise Refused(decision)
    return viewer.person_id


async def page_access(request: Request) -> None:
    """Router dependency of the personal pages and the API: signed in, in clinic mode."""
    if not _settings(request).clinic or request.url.path in OPEN_API_PATHS:
        return
    await signed_in(request)


class ClientAccess:
    """The decision on one client's record, with the viewer and the client."""

    def __init__(self, viewer: Viewer, client: Client, decision: Decision) -> None:
        self.viewer, self.client, self.decision = viewer, client, decision


def access(action: Action) -> Any:
    """The ownership dependency for a route about one client (`client_id` in the path):
    the decision, or "not found" with the reason logged."""

    async def dependency(request: Request, client_id: str) -> ClientAccess:
        viewer = await signed_in(request)
        client = await run_in_threadpool(accounts.client_of, _store(request), client_id)
        decision = decide(viewer, action, client)
        if not decision:
            log.info("refused %s on client %s for %s: %s", action, client_id[:36],
                     viewer.account_id, decision.reason)
            raise Refused(decision)
        assert client is not None
        return ClientAccess(viewer, client, decision)

    return Depends(dependency)


def role_access(action: Action) -> Any:
    """The ownership dependency for a route about no one client (invite, the audit log)."""

    async def dependency(request: Request) -> Viewer:
        viewer = await signed_in(request)
        decision = decide(viewer, action)
        if not decision:
            raise Refused(decision)
        return viewer

    return Depends(dependency)


SignedIn = Annotated[Viewer, Depends(signed_in)]


# -- answers to refusals -------------------------------------------------------------


def _wants_page(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and \
        "text/html" in request.headers.get("accept", "")


async def _not_signed_in(request: Request, _exc: Exception) -> Response:
    if _wants_page(request) and request.method in SAFE_METHODS:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
    return JSONResponse({"detail": "sign in first: this clinic's pages and data need an "
                                   "account"}, status_code=401,
                        headers={"WWW-Authenticate": 'Cookie realm="unknot"'})


async def _csrf_refused(request: Request, _exc: Exception) -> Response:
    message = ("this form has expired or did not come from this site: reload the page and "
               "send it again")
    if _wants_page(request):
        from unknot.web.pages.templating import render

        return render(request, "missing.html", status_code=403, what=message.capitalize() + ".",
                      back_href=request.url.path, back_label="Reload the page")
    return JSONResponse({"detail": message}, status_code=403)


async def _refused(request: Request, _exc: Exception) -> Response:
    if _wants_page(request):
        from unknot.web.pages.templating import render

        return render(request, "missing.html", status_code=404,
                      what="There is nothing for you at this address.", back_href="/",
                      back_label="Back to the start")
    return JSONResponse({"detail": "not found"}, status_code=404)


def install(app: Any) -> None:
    """Register the answers to signed-out, forged and refused requests."""
    app.add_exception_handler(NotSignedIn, _not_signed_in)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(Refused, _refused)
