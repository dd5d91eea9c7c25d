"""What every request passes before the app sees it, and what every answer carries.

Personal health data must stay on the person's machine, so one ASGI layer, outside
everything else, checks each request:

- the Host header names this server (a loopback name, the address the connection
  came in on, the address it was started for, or a name in UNKNOT_ALLOWED_HOSTS),
  so a web page cannot reach it by DNS rebinding (`Host: evil.example` against
  127.0.0.1): otherwise 400;
- a state-changing request (not GET, HEAD or OPTIONS) whose `Origin` is another
  site, or that the browser marks as cross-site, is refused with 403;
- when the app has an access token (`unknot serve` makes one when it listens beyond
  loopback), the request shows it: the `unknot_token` cookie, `Authorization:
  Bearer TOKEN` or `X-Unknot-Token`; a page opened with `?token=TOKEN` sets the
  cookie and drops the token from the address. Otherwise 401. Static files and the
  manifest hold no personal data and need no token;
- HEAD is answered as GET without the body (FastAPI routes know GET only).

Every answer gets the security headers: a Content-Security-Policy allowing only
the app's own scripts, styles and connections and no framing, `nosniff`,
`Referrer-Policy: same-origin`, and `Cache-Control: no-store` on the API and on
answers to a POST (they carry health data).
"""

from __future__ import annotations

import hmac
import ipaddress
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from unknot.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_COOKIE = "unknot_token"
TOKEN_HEADER = "x-unknot-token"
TOKEN_QUERY = "token"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::"})
# Paths that carry no personal data: what a browser fetches without its cookie. And a
# reminders feed: its secret address is its own key (calendar apps send no cookie).
PUBLIC_PREFIXES = ("/static/", "/reminders/")
PUBLIC_PATHS = frozenset({"/manifest.webmanifest"})


def content_security_policy(style_hashes: tuple[str, ...] = ()) -> str:
    """The policy every answer carries; `style_hashes` ('sha256-…') let a page carry one of
    the app's own stylesheets inline, that exact text and nothing else."""
    styles = " ".join(["'self'", *(f"'{h}'" for h in style_hashes)])
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        f"style-src {styles}",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


CONTENT_SECURITY_POLICY = content_security_policy()
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}
BAD_HOST = ("this server does not answer to that host name (a page on another site cannot "
            "reach it); to use another name, add it to UNKNOT_ALLOWED_HOSTS")
CROSS_SITE = "a request from another site may not change anything here"
NEED_TOKEN = ("this unknot needs its access token: open the link `unknot serve` printed when "
              "it started, or send the token as `Authorization: Bearer TOKEN`")
TOKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Access token needed · unknot</title></head>
<body><main><h1>This unknot needs its access token</h1>
<p>It is reachable from other computers, so it asks for the token it printed when it
started. Open the link <code>unknot serve</code> printed (it ends in
<code>?token=…</code>) in this browser.</p></main></body></html>
"""


def host_name(value: str) -> str | None:
    """The host of a Host header or an origin's host[:port], lower-case, without the port
    or a final dot; None when it is malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        host, rest = value[1:end], value[end + 1:]
        if rest and not (rest.startswith(":") and rest[1:].isdigit()):
            return None
    else:
        host, _, port = value.partition(":")
        if port and not port.isdigit():
            return None
    host = host.removesuffix(".")
    return host or None


def _is_loopback_address(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def machine_names() -> set[str]:
    """This computer's own names, for a server listening on every network."""
    names: set[str] = set()
    try:
        hostname = socket.gethostname().lower()
    except OSError:
        return names
    if hostname:
        # No DNS look-up here: a start-up must not wait on a resolver.
        names.update({hostname, f"{hostname}.local"})
    return names


def trusted_hosts(settings: Settings) -> frozenset[str] | None:
    """The host names the app answers to besides the address a request came in on
    (None: any, when UNKNOT_ALLOWED_HOSTS is *)."""
    extra = settings.extra_hosts
    if "*" in extra:
        return None
    names = set(LOOPBACK_NAMES) | set(extra)
    listen = settings.host.lower().removesuffix(".")
    if listen in WILDCARDS:
        names |= machine_names()
    else:
        names.add(listen)
    return frozenset(names)


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


class Guard:
    """The ASGI layer described in the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.hosts = trusted_hosts(settings)
        self.token = settings.access_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, _clean_startup_failure(scope, send))
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(scope, send)
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> Response | None:
        headers = Headers(scope=scope)
        host = host_name(headers.get("host", ""))
        if host is None or not self._trusted(host, scope):
            return JSONResponse({"detail": BAD_HOST}, status_code=400)
        if scope["method"] not in SAFE_METHODS and self._cross_site(headers):
            return JSONResponse({"detail": CROSS_SITE}, status_code=403)
        if self.token is not None:
            return self._token_refusal(scope, headers)
        return None

    def _trusted(self, host: str, scope: Scope) -> bool:
        if self.hosts is None or host in self.hosts or _is_loopback_address(host):
            return True
        server = scope.get("server")
        # The address the connection came in on names this server, whatever the bind.
        return bool(server) and str(server[0]).lower() == host

    @staticmethod
    def _cross_site(headers: Headers) -> bool:
        if headers.get("sec-fetch-site", "") in ("cross-site", "same-site"):
            return True
        origin = headers.get("origin")
        if origin is None:
            return False  # not a browser's cross-origin request (curl, the CLI, a form of ours)
        parts = urlsplit(origin)
        if origin == "null" or not parts.netloc:
            return True
        return parts.netloc.lower() != headers.get("host", "").strip().lower()

    def _token_refusal(self, scope: Scope, headers: Headers) -> Response | None:
        token = self.token
        assert token is not None
        path: str = scope["path"]
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                          keep_blank_values=True)
        given = [value for key, value in query if key == TOKEN_QUERY]
        if given and scope["method"] == "GET":
            if not _same(given[-1], token):
                return self._unauthorised(path, headers)
            # The token leaves the address bar (and history) and becomes a cookie.
            rest = urlencode([(k, v) for k, v in query if k != TOKEN_QUERY])
            response = RedirectResponse(path + (f"?{rest}" if rest else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                                secure=scope.get("scheme") == "https")
            return response
        if path.startswith(PUBLIC_PREFIXES) or path in PUBLIC_PATHS:
            return None
        authorization = headers.get("authorization", "")
        candidates = [headers.get(TOKEN_HEADER, ""),
                      cookie_parser(headers.get("cookie", "")).get(TOKEN_COOKIE, "")]
        if authorization[:7].lower() == "bearer ":
            candidates.append(authorization[7:].strip())
        if any(candidate and _same(candidate, token) for candidate in candidates):
            return None
        return self._unauthorised(path, headers)

    @staticmethod
    def _unauthorised(path: str, headers: Headers) -> Response:
        challenge = {"WWW-Authenticate": 'Bearer realm="unknot"'}
        if "text/html" in headers.get("accept", "") and not path.startswith("/api/"):
            return HTMLResponse(TOKEN_PAGE, status_code=401, headers=challenge)
        return JSONResponse({"detail": NEED_TOKEN}, status_code=401, headers=challenge)


def _with_security_headers(scope: Scope, send: Send) -> Send:
    private = scope["path"].startswith("/api/") or scope["method"] not in SAFE_METHODS

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in SECURITY_HEADERS.items():
                headers.setdefault(name, value)
            if private:
                headers["cache-control"] = "no-store"
        await send(message)

    return wrapped


def _without_body(send: Send) -> Send:
    """For HEAD answered as GET: the headers (Content-Length included), no body."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return wrapped


def _clean_startup_failure(scope: Scope, send: Send) -> Send:
    """A start-up failure the app explained (`app.state.startup_error`) is logged as that
    message, not as the traceback Starlette would send."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "lifespan.startup.failed":
            app = scope.get("app")
            explained = getattr(getattr(app, "state", None), "startup_error", None)
            if explained:
                message = {**message, "message": explained}
        await send(message)

    return wrapped
