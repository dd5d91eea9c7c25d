"""The no-script start form screens and plans off the event loop: /api/v1/ping is
answered while a long, costly text sent through POST /start is still being screened
(by ordering, not by timing, as tests/test_security.py does for the JSON API)."""

from __future__ import annotations

import socket
from urllib.parse import urlencode

import httpx
import pytest

from test_security import Running, dense_text, loopback  # noqa: F401  (the fixture)


def test_ping_is_answered_while_the_start_form_is_screened(loopback: Running) -> None:  # noqa: F811
    form = {"text": dense_text(0), "minutes": "10"}
    assert httpx.post(loopback.base + "/start", data=form).status_code == 200  # warm caches
    body = urlencode({**form, "text": dense_text(1)}).encode()
    request = (f"POST /start HTTP/1.1\r\nHost: 127.0.0.1:{loopback.port}\r\nContent-Type: "
               "application/x-www-form-urlencoded\r\nContent-Length: "
               f"{len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", loopback.port)) as big:
        big.sendall(request)  # the whole form is with the server now
        ping = httpx.get(loopback.base + "/api/v1/ping", headers={"Connection": "close"},
                         timeout=30)
        assert ping.json() == {"ok": True}
        # Ping's answer came first: nothing of the form's answer has arrived yet (with the
        # screen on the event loop, ping waited for it).
        big.setblocking(False)
        with pytest.raises(BlockingIOError):
            big.recv(1)
        big.setblocking(True)
        big.settimeout(60)
        answer = b""
        while chunk := big.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert b"<!doctype html>" in answer
