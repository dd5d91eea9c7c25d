"""Heavy writes on PostgreSQL through a real `unknot serve --workers 2`.

Many clients at once create sessions, each create sent twice at the same moment
(a client retrying on a flaky network), then finish them. Nothing may be lost or
doubled, no answer may be a 5xx other than 503 with Retry-After (the pool's "busy,
try again", which the client then does, successfully), and /api/v1/ping keeps
answering while the writes are in flight (checked by ordering, not by timing).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from test_serve import HOST, UNKNOT, free_port, stop, wait_for_workers, wait_until_ready

pytestmark = pytest.mark.postgres

WORKERS = 2
SESSIONS = 48          # distinct client ids
SENDS_PER_SESSION = 2  # each create sent twice at once (a retry racing the first send)
CLIENTS = 64           # concurrent connections
MAX_ATTEMPTS = 8       # 503 + Retry-After are followed this many times at most


@pytest.fixture
def two_workers(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """(base URL, database URL) of `unknot serve --workers 2` on a fresh PostgreSQL schema."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "UNKNOT_DATABASE_URL": database_url,
           "UNKNOT_DATA_DIR": str(tmp_path / "data")}
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(UNKNOT), "serve", "--host", HOST, "--port", str(port),
             "--workers", str(WORKERS), "--no-access-log"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://{HOST}:{port}"
    try:
        wait_until_ready(process, f"{base}/api/v1/ping", log)
        wait_for_workers(log, WORKERS)
        yield base, database_url
    finally:
        stop(process)


class Tally:
    """Every answer seen, and the pings answered while writes were in flight."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self.busy_without_retry_after = 0
        self.in_flight = 0
        self.pings_during_writes = 0
        self.bad_pings: list[str] = []


def send(client: httpx.Client, tally: Tally, method: str, url: str,
         body: dict[str, Any]) -> httpx.Response:
    """Send, following 503 + Retry-After as a client would; any other 5xx is kept."""
    with tally.lock:
        tally.in_flight += 1
    try:
        for _ in range(MAX_ATTEMPTS):
            answer = client.request(method, url, json=body)
            with tally.lock:
                tally.statuses[answer.status_code] += 1
            if answer.status_code != 503:
                return answer
            retry_after = answer.headers.get("Retry-After")
            if retry_after is None:
                with tally.lock:
                    tally.busy_without_retry_after += 1
                return answer
            time.sleep(min(float(retry_after), 2.0))  # as told, a little sooner
        return answer
    finally:
        with tally.lock:
            tally.in_flight -= 1


def ping_until(stop_pinging: threading.Event, base: str, tally: Tally) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop_pinging.is_set():
            with tally.lock:
                writing = tally.in_flight > 0
            answer = client.get("/api/v1/ping")
            with tally.lock:
                if answer.status_code != 200 or answer.json() != {"ok": True}:
                    tally.bad_pings.append(f"{answer.status_code} {answer.text[:100]}")
                elif writing and tally.in_flight > 0:  # sent and answered amid the writes
                    tally.pings_during_writes += 1


def complete_plan(base: str) -> dict[str, Any]:
    request = {"text": "tight shoulders after a long drive", "minutes": 5, "setting": "anywhere"}
    with httpx.Client(base_url=f"{base}/api/v1", timeout=30) as api:
        questions = api.post("/plans", json=request).json()["intake"]["questions"]
        plan = api.post("/plans", json={**request,
                                        "answers": {"questions": {q["id"]: False for q in questions}}})
    assert plan.status_code == 200 and plan.json()["intake"]["complete"], plan.text
    return plan.json()


# PostgreSQL only: the shared `database_url` fixture, asked for its PostgreSQL schema.
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_workers_lose_and_double_nothing_under_concurrent_writes(
        two_workers: tuple[str, str]) -> None:
    base, database_url = two_workers
    plan = complete_plan(base)
    steps = len(plan["steps"])
    ids = [str(uuid.uuid4()) for _ in range(SESSIONS)]
    tally = Tally()
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)

    def create(sid: str) -> int:
        body = {"id": sid, "plan": plan, "request": {"text": "tight shoulders"},
                "before": {"pain": 6, "tension": 7}, "source": "web", "status": "planned"}
        return send(api, tally, "POST", "/sessions", body).status_code

    def finish(sid: str) -> int:
        body = {"status": "completed", "after": {"pain": 3, "tension": 2},
                "completed_steps": steps}
        return send(api, tally, "POST", f"/sessions/{sid}/finish", body).status_code

    stop_pinging = threading.Event()
    pinger = threading.Thread(target=ping_until, args=(stop_pinging, base, tally))
    with httpx.Client(base_url=f"{base}/api/v1", timeout=60, limits=limits) as api:
        pinger.start()
        try:
            with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
                created = list(pool.map(create, [sid for sid in ids
                                                 for _ in range(SENDS_PER_SESSION)]))
                finished = list(pool.map(finish, ids))
        finally:
            stop_pinging.set()
            pinger.join()

        # Every answer was a success or a 503 with Retry-After that was then retried.
        assert not [code for code in tally.statuses if code >= 500 and code != 503], tally.statuses
        assert tally.busy_without_retry_after == 0
        # Of the two sends of each id, exactly one created it (201), the other found it (200).
        by_id = Counter()
        for sid, code in zip([s for s in ids for _ in range(SENDS_PER_SESSION)], created,
                             strict=True):
            by_id[(sid, code)] += 1
        for sid in ids:
            assert (by_id[(sid, 201)], by_id[(sid, 200)]) == (1, SENDS_PER_SESSION - 1), sid
        assert set(finished) == {200}

        # Read back: every session once, finished, with its ratings.
        for sid in ids:
            session = api.get(f"/sessions/{sid}").json()
            assert (session["status"], session["after"]["pain"]) == ("completed", 3), session
        listed: list[str] = []
        page = api.get("/sessions", params={"limit": 15}).json()
        while True:
            listed += [item["id"] for item in page["items"]]
            if not page.get("next_before"):
                break
            page = api.get("/sessions", params={"limit": 15, "before": page["next_before"],
                                                "before_id": page["next_before_id"]}).json()
        assert sorted(listed) == sorted(ids)

    assert not tally.bad_pings, tally.bad_pings[:5]
    assert tally.pings_during_writes > 0  # /ping was answered while writes were in flight
    # The rows themselves, straight from the schema: one per session, none half-written.
    from sqlalchemy import text

    from unknot.storage import make_engine

    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, status FROM sessions")).all()
    finally:
        engine.dispose()
    assert sorted(str(row.id) for row in rows) == sorted(ids)
    assert {row.status for row in rows} == {"completed"}
