"""The no-script start form screens and plans off the event loop: /api/v1/ping is
answered while a long, costly text sent through POST /start is still being screened
(by ordering, not by timing, as tests/test_security.py does for the JSON API)."""

from __future__ import annotations

from urllib.parse import urlencode

import httpx

from test_security import Running, dense_text, loopback, ping_answered_first  # noqa: F401


def test_ping_is_answered_while_the_start_form_is_screened(loopback: Running) -> None:  # noqa: F811
    form = {"text": dense_text(0), "minutes": "10"}
    assert httpx.post(loopback.base + "/start", data=form).status_code == 200  # warm caches
    body = urlencode({**form, "text": dense_text(1)}).encode()
    # With the screen on the event loop, ping waited for the form's answer.
    answer = ping_answered_first(loopback, "/start", "application/x-www-form-urlencoded", body)
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert b"<!doctype html>" in answer
