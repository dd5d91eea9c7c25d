"""Large answers go gzipped over real HTTP, and keep every security header and no-store.

Against a real `unknot serve` (uvicorn, SQLite): a client that accepts gzip gets
plans, pages and static files compressed, byte for byte the same content as a
client that does not; small answers go as they are.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator

import httpx
import pytest

from browser_support import Server, serve
from unknot.web.app import GZIP_MINIMUM_BYTES
from unknot.web.guard import SECURITY_HEADERS

PLAN = {"text": "neck and shoulders tight from the desk", "minutes": 20, "setting": "desk",
        "seed": 4}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(tmp_path_factory.mktemp("gzip")) as running:
        yield running


def fetch(server: Server, method: str, path: str, encoding: str, **kw: object) -> httpx.Response:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        request = client.build_request(method, path, headers={"Accept-Encoding": encoding}, **kw)
        answer = client.send(request, stream=True)
        answer.raw = b"".join(answer.iter_raw())  # type: ignore[attr-defined]  # as sent
        answer.close()
        return answer


def assert_secured(answer: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        sent = answer.headers.get(name, "")
        if name == "content-security-policy":
            # The journal allows its one inline stylesheet by hash; nothing else differs.
            sent = re.sub(r" 'sha256-[A-Za-z0-9+/=]+'", "", sent)
        assert sent == value, name


@pytest.mark.parametrize(("method", "path", "body", "private"), [
    ("POST", "/api/v1/plans", PLAN, True),
    ("GET", "/api/v1/techniques", None, True),
    ("GET", "/journal", None, True),  # its first view holds health data
    ("GET", "/static/js/journal.js", None, False),
    ("GET", "/static/app.css", None, False),
])
def test_large_answers_are_gzipped_and_keep_their_headers(
        server: Server, method: str, path: str, body: dict | None, private: bool) -> None:
    plain = fetch(server, method, path, "identity", json=body)
    packed = fetch(server, method, path, "gzip", json=body)
    assert plain.status_code == packed.status_code == 200
    assert "content-encoding" not in plain.headers and len(plain.raw) > GZIP_MINIMUM_BYTES
    assert packed.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in packed.headers["vary"].lower()
    assert gzip.decompress(packed.raw) == plain.raw  # the same answer, smaller
    assert len(packed.raw) < len(plain.raw) / 2
    assert int(packed.headers["content-length"]) == len(packed.raw)
    for answer in (plain, packed):
        assert_secured(answer)
        assert (answer.headers.get("cache-control") == "no-store") is private


def test_small_answers_go_as_they_are(server: Server) -> None:
    answer = fetch(server, "GET", "/api/v1/ping", "gzip")
    assert answer.raw == b'{"ok":true}' and "content-encoding" not in answer.headers
    assert_secured(answer)
    assert answer.headers["cache-control"] == "no-store"


def test_a_refused_request_is_still_secured_when_compressed(server: Server) -> None:
    answer = fetch(server, "POST", "/api/v1/plans", "gzip", json={**PLAN, "minutes": 0})
    assert answer.status_code == 422
    assert_secured(answer)
    assert answer.headers["cache-control"] == "no-store"


def test_the_browser_is_told_what_it_decodes(server: Server) -> None:
    # httpx, as a browser, asks for gzip by default and decodes it: the JSON reads the same.
    with httpx.Client(base_url=server.url, timeout=30) as client:
        answer = client.post("/api/v1/plans", json=PLAN)
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.json()["steps"] and answer.json()["total_seconds"] == 20 * 60
