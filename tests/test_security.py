"""Personal health data stays on the person's machine, tested over real HTTP against a
real `unknot serve`: trusted hosts (DNS rebinding), cross-site writes, the access
token beyond loopback, the security headers, HEAD, and a ping answered while a
large body is being screened."""

from __future__ import annotations

import json
import os
import random
import re
import socket
import string
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from test_serve import UNKNOT, free_port, stop

START_TIMEOUT = 30.0
EVIL = "evil.example"
LINK = re.compile(r"unknot: (http://\S+)")


@dataclass
class Running:
    base: str
    port: int
    log: Path
    process: subprocess.Popen[bytes]


def _start(tmp_path: Path, host: str, *extra: str, env: dict[str, str] | None = None) -> Running:
    port = free_port()
    log = tmp_path / f"serve-{port}.log"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("UNKNOT_")}
    clean.update({"UNKNOT_DATABASE_URL": f"sqlite:///{tmp_path / 'unknot.db'}",
                  "UNKNOT_DATA_DIR": str(tmp_path / "data"), **(env or {})})
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(UNKNOT), "serve", "--host", host, "--port", str(port), *extra],
            env=clean, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"unknot serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            httpx.get(f"{base}/static/app.css", timeout=1)  # any answer: it is up
            return Running(base, port, log, process)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                stop(process)
                pytest.fail(f"unknot serve did not answer in {START_TIMEOUT:.0f} s:\n"
                            f"{log.read_text()}")
            time.sleep(0.1)  # polling for readiness, not waiting for a result


@pytest.fixture
def loopback(tmp_path: Path) -> Iterator[Running]:
    """`unknot serve --host 127.0.0.1`: personal mode on this computer only."""
    running = _start(tmp_path, "127.0.0.1")
    try:
        yield running
    finally:
        stop(running.process)


@pytest.fixture
def everywhere(tmp_path: Path) -> Iterator[Running]:
    """`unknot serve --host 0.0.0.0`: reachable from the network."""
    running = _start(tmp_path, "0.0.0.0")
    try:
        yield running
    finally:
        stop(running.process)


def token_of(running: Running) -> str:
    match = LINK.search(running.log.read_text())
    assert match, running.log.read_text()
    token = httpx.URL(match[1]).params.get("token")
    assert token, match[1]
    return token


# -- trusted hosts -------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/"), ("GET", "/api/v1/journal"), ("GET", "/api/v1/sessions"),
    ("GET", "/api/v1/preferences"), ("PUT", "/api/v1/preferences"), ("GET", "/openapi.json"),
])
def test_dns_rebinding_gets_400(loopback: Running, method: str, path: str) -> None:
    # A page on evil.example whose name now resolves to 127.0.0.1 sends Host: evil.example.
    answer = httpx.request(method, loopback.base + path, headers={"Host": EVIL},
                           json={"voice": False} if method == "PUT" else None)
    assert answer.status_code == 400
    assert "UNKNOT_ALLOWED_HOSTS" in answer.json()["detail"]
    for host in (f"{EVIL}:{loopback.port}", "127.0.0.1.nip.io", "", "[::1"):
        assert httpx.get(loopback.base + "/api/v1/ping",
                         headers={"Host": host}).status_code == 400, host


def test_the_names_of_this_computer_are_answered(loopback: Running) -> None:
    for host in (f"127.0.0.1:{loopback.port}", f"localhost:{loopback.port}", "localhost",
                 f"LOCALHOST:{loopback.port}", f"[::1]:{loopback.port}"):
        answer = httpx.get(loopback.base + "/api/v1/ping", headers={"Host": host})
        assert answer.status_code == 200, host


def test_a_name_in_the_allowed_hosts_setting_is_answered(tmp_path: Path) -> None:
    running = _start(tmp_path, "127.0.0.1", env={"UNKNOT_ALLOWED_HOSTS": "unknot.home.arpa"})
    try:
        ping = running.base + "/api/v1/ping"
        assert httpx.get(ping, headers={"Host": "unknot.home.arpa"}).status_code == 200
        assert httpx.get(ping, headers={"Host": EVIL}).status_code == 400
    finally:
        stop(running.process)


# -- cross-site writes ---------------------------------------------------------------

def test_a_write_from_another_site_is_refused(loopback: Running) -> None:
    api = loopback.base + "/api/v1"
    before = httpx.get(f"{api}/preferences").json()
    for headers in ({"Origin": f"http://{EVIL}"}, {"Origin": "null"},
                    {"Origin": f"http://127.0.0.1:{loopback.port + 1}"},
                    {"Sec-Fetch-Site": "cross-site"}):
        changed = {**before, "voice": not before["voice"]}
        answer = httpx.put(f"{api}/preferences", json=changed, headers=headers)
        assert answer.status_code == 403, headers
        session = {"id": "0f7f0c4e-8d6a-4c53-9f59-1f0f1b6bd0a1", "plan": {"steps": []},
                   "source": "web", "status": "planned"}
        assert httpx.post(f"{api}/sessions", json=session, headers=headers).status_code == 403
        form = httpx.post(loopback.base + "/start", data={"text": "stiff neck"}, headers=headers)
        assert form.status_code == 403
    assert httpx.get(f"{api}/preferences").json() == before
    assert httpx.get(f"{api}/sessions").json()["items"] == []
    # Reading is not a write, and the app's own pages write with their own origin.
    assert httpx.get(f"{api}/journal", headers={"Origin": f"http://{EVIL}"}).status_code == 200
    own = {"Origin": loopback.base, "Sec-Fetch-Site": "same-origin"}
    changed = {**before, "voice": not before["voice"]}
    assert httpx.put(f"{api}/preferences", json=changed, headers=own).status_code == 200


# -- the access token beyond loopback ------------------------------------------------

def test_loopback_needs_no_token(loopback: Running) -> None:
    assert httpx.get(loopback.base + "/api/v1/journal").status_code == 200
    assert httpx.get(loopback.base + "/").status_code == 200
    text = loopback.log.read_text()
    assert "?token=" not in text and "reachable from other computers" not in text


def test_listening_on_every_network_says_so_and_needs_the_token(everywhere: Running) -> None:
    text = everywhere.log.read_text()
    assert "reachable from other computers on the network" in text
    token = token_of(everywhere)
    assert len(token) >= 24
    base = everywhere.base
    for path in ("/", "/journal", "/api/v1/journal", "/api/v1/sessions", "/api/v1/ping",
                 "/openapi.json"):
        refused = httpx.get(base + path)
        assert refused.status_code == 401, path
        assert token not in refused.text
    assert httpx.get(base + "/", headers={"Accept": "text/html"}).status_code == 401
    assert "token" in httpx.get(base + "/", headers={"Accept": "text/html"}).text
    wrong = "x" * len(token)
    for headers in ({"Authorization": f"Bearer {wrong}"}, {"X-Unknot-Token": wrong},
                    {"Cookie": f"unknot_token={wrong}"}):
        assert httpx.get(base + "/api/v1/journal", headers=headers).status_code == 401
    assert httpx.get(base + f"/?token={wrong}").status_code == 401
    # API clients send it as a header.
    for headers in ({"Authorization": f"Bearer {token}"}, {"X-Unknot-Token": token}):
        assert httpx.get(base + "/api/v1/journal", headers=headers).status_code == 200
    # The browser opens the printed link: a cookie, and the token leaves the address.
    with httpx.Client(base_url=base) as browser:
        opened = browser.get(f"/journal?token={token}")
        assert opened.status_code == 303 and opened.headers["location"] == "/journal"
        cookie = opened.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert browser.get("/journal").status_code == 200
        assert browser.get("/api/v1/journal").status_code == 200
    # Files with nothing personal in them load without it (the manifest, the styles).
    assert httpx.get(base + "/manifest.webmanifest").status_code == 200
    # A token does not make another site's host name trusted.
    assert httpx.get(base + "/api/v1/ping", headers={
        "Host": EVIL, "Authorization": f"Bearer {token}"}).status_code == 400


def test_a_token_from_the_environment_is_used_and_checked(tmp_path: Path) -> None:
    token = "a-token-from-the-environment-1234"
    running = _start(tmp_path, "127.0.0.1", env={"UNKNOT_ACCESS_TOKEN": token})
    try:
        assert httpx.get(running.base + "/api/v1/ping").status_code == 401
        assert httpx.get(running.base + "/api/v1/ping",
                         headers={"Authorization": f"Bearer {token}"}).status_code == 200
    finally:
        stop(running.process)
    done = subprocess.run([str(UNKNOT), "serve", "--port", str(free_port())],
                          env={**os.environ, "UNKNOT_ACCESS_TOKEN": "short"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "UNKNOT_ACCESS_TOKEN" in done.stderr
    assert "short" not in done.stderr


# -- security headers ----------------------------------------------------------------

def _check_headers(answer: httpx.Response) -> None:
    csp = answer.headers.get("content-security-policy", "")
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in csp.split(";"))
    assert directives.get("script-src") == "'self'", csp
    assert directives.get("default-src") == "'self'", csp
    assert directives.get("frame-ancestors") == "'none'", csp
    assert answer.headers.get("x-content-type-options") == "nosniff"
    assert answer.headers.get("referrer-policy") == "same-origin"


def test_every_answer_carries_the_security_headers(loopback: Running) -> None:
    base = loopback.base
    app_css = re.search(r'href="(/static/app\.css\?v=\w+)"', httpx.get(base + "/").text)
    assert app_css
    for path in ("/", "/journal", "/library", "/settings", "/plan", "/no-such-page",
                 app_css[1], "/sw.js", "/manifest.webmanifest", "/openapi.json",
                 "/api/v1/ping", "/api/v1/journal", "/api/v1/sessions/nope"):
        _check_headers(httpx.get(base + path))
    _check_headers(httpx.get(base + "/", headers={"Host": EVIL}))  # a refusal too
    # The journal page carries its first view (health data) in the document.
    for path in ("/api/v1/journal", "/api/v1/sessions", "/api/v1/preferences", "/journal"):
        assert httpx.get(base + path).headers["cache-control"] == "no-store", path
    intake = httpx.post(base + "/api/v1/intake", json={"text": "pregnant, sore back"})
    assert intake.status_code == 200 and intake.headers["cache-control"] == "no-store"
    # The start form's answer is a plan built from health answers.
    started = httpx.post(base + "/start", data={"text": "stiff neck", "minutes": "5"})
    assert started.headers["cache-control"] == "no-store"


def test_pages_load_only_the_apps_own_scripts(loopback: Running) -> None:
    for path in ("/", "/check", "/safety", "/plan", "/before", "/session", "/after", "/journal",
                 "/library", "/settings"):
        html = httpx.get(loopback.base + path).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Executable scripts come from /static; JSON data blocks never run.
            assert re.search(r'src="/static/', tag) or 'type="application/json"' in tag, tag
        assert not re.search(r"\son[a-z]+=", html), path  # no inline event handlers
        assert "javascript:" not in html


def test_the_api_docs_load_nothing_from_a_cdn(loopback: Running) -> None:
    docs = httpx.get(loopback.base + "/api/docs")
    assert docs.status_code == 404 and "cdn" not in docs.text.lower()
    assert httpx.get(loopback.base + "/openapi.json").json()["info"]["title"] == "unknot"


# -- HEAD ----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/journal", "/library", "/api/v1/ping",
                                  "/api/v1/journal", "/api/v1/techniques", "/openapi.json"])
def test_head_is_answered_like_get(loopback: Running, path: str) -> None:
    get = httpx.get(loopback.base + path)
    head = httpx.head(loopback.base + path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert int(head.headers["content-length"]) > 0
    assert httpx.head(loopback.base + "/no-such-page").status_code == 404


# -- a ping is answered while a large body is screened --------------------------------

def dense_text(seed: int, length: int = 4000) -> str:
    """Words no lexicon knows, each needing spelling repair: the costliest text to screen."""
    rnd = random.Random(seed)
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < length:
        words.append("".join(rnd.choice(string.ascii_lowercase)
                             for _ in range(rnd.randint(5, 9))))
    return " ".join(words)[:length]


def ping_answered_first(server: Running, path: str, content_type: str, body: bytes) -> bytes:
    """Send `body` whole to `path`, then ask /api/v1/ping on another connection; assert ping
    was answered while nothing of the big request's answer had come back yet (ordering, not
    timing: a worker whose event loop is busy with the big request cannot answer ping at all),
    and return the big request's answer."""
    request = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: "
               f"{content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
               ).encode() + body
    with socket.create_connection(("127.0.0.1", server.port)) as big:
        big.sendall(request)  # the whole body is with the server now
        ping = httpx.get(server.base + "/api/v1/ping", headers={"Connection": "close"},
                         timeout=30)
        assert ping.json() == {"ok": True}
        big.setblocking(False)
        with pytest.raises(BlockingIOError):
            big.recv(1)  # the big request's answer has not begun
        big.setblocking(True)
        big.settimeout(60)
        answer = b""
        while chunk := big.recv(65536):
            answer += chunk
    return answer


def test_ping_is_answered_while_a_large_body_is_screened(loopback: Running) -> None:
    assert httpx.post(loopback.base + "/api/v1/intake",
                      json={"text": dense_text(0)}).status_code == 200  # warm the caches
    body = json.dumps({"text": dense_text(1)}).encode()
    answer = ping_answered_first(loopback, "/api/v1/intake", "application/json", body)
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
