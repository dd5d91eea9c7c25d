"""`kill -9` in the middle of heavy writes, on SQLite and PostgreSQL: nothing the
server acknowledged is lost, nothing is half-written or doubled, and after a restart
the clients' retries (same ids) complete what the crash cut off.

A real `unknot serve --workers 2`; its whole process group is killed with SIGKILL
while many clients are writing (after a number of acknowledgements, so by ordering,
not by timing), then started again on the same database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from test_serve import HOST, UNKNOT, free_port, stop, wait_for_workers, wait_until_ready

WORKERS = 2
SESSIONS = 80
CLIENTS = 16
KILL_AFTER = 30  # acknowledged writes before the kill


class Server:
    """`unknot serve` on one database, that can be killed and started again."""

    def __init__(self, database_url: str, tmp_path: Path) -> None:
        self.env = {**os.environ, "UNKNOT_DATABASE_URL": database_url,
                    "UNKNOT_DATA_DIR": str(tmp_path / "data")}
        self.tmp_path = tmp_path
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        log = self.tmp_path / f"serve-{self.starts}.log"
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [str(UNKNOT), "serve", "--host", HOST, "--port", str(self.port),
                 "--workers", str(WORKERS), "--no-access-log"],
                env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        wait_until_ready(self.process, f"{self.base}/api/v1/ping", log)
        wait_for_workers(log, WORKERS)

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)  # supervisor and workers, no goodbye
        self.process.wait()


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[Server]:
    running = Server(database_url, tmp_path)
    running.start()
    try:
        yield running
    finally:
        if running.process is not None and running.process.poll() is None:
            stop(running.process)


def complete_plan(base: str) -> dict[str, Any]:
    request = {"text": "stiff neck from the desk", "minutes": 5, "setting": "desk"}
    with httpx.Client(base_url=f"{base}/api/v1", timeout=30) as api:
        questions = api.post("/plans", json=request).json()["intake"]["questions"]
        plan = api.post("/plans", json={**request, "answers": {
            "questions": {q["id"]: False for q in questions}}})
    assert plan.status_code == 200 and plan.json()["intake"]["complete"], plan.text
    return plan.json()


def test_a_crash_mid_write_loses_and_doubles_nothing(server: Server) -> None:
    plan = complete_plan(server.base)
    steps = len(plan["steps"])
    ids = [str(uuid.uuid4()) for _ in range(SESSIONS)]
    acknowledged: dict[str, str] = {}  # id → the last state the server confirmed
    lock = threading.Lock()
    enough = threading.Event()
    server_errors: list[str] = []

    def write(api: httpx.Client, sid: str) -> None:
        """Create, then finish; stop quietly at the first failed connection."""
        create = {"id": sid, "plan": plan, "request": {"text": "stiff neck"},
                  "before": {"pain": 5}, "source": "web", "status": "planned"}
        finish = {"status": "completed", "after": {"pain": 2}, "completed_steps": steps}
        for method, url, body, state in (("POST", "/sessions", create, "planned"),
                                         ("POST", f"/sessions/{sid}/finish", finish, "completed")):
            try:
                answer = api.request(method, url, json=body)
            except httpx.TransportError:
                return  # the server died under this request: the retry decides
            if answer.status_code >= 500:
                server_errors.append(f"{method} {url}: {answer.status_code} {answer.text[:120]}")
                return
            assert answer.status_code in (200, 201), answer.text
            with lock:
                acknowledged[sid] = state
                if len(acknowledged) >= KILL_AFTER:
                    enough.set()

    limits = httpx.Limits(max_connections=CLIENTS)
    with httpx.Client(base_url=f"{server.base}/api/v1", timeout=30, limits=limits) as api, \
            ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        writing = [pool.submit(write, api, sid) for sid in ids]
        assert enough.wait(timeout=120), "the writes never got going"
        server.kill()  # mid-write: many requests are in flight
        for future in writing:
            future.result()
    assert not server_errors, server_errors[:5]
    cut_off = [sid for sid in ids if acknowledged.get(sid) != "completed"]
    assert cut_off, "the kill came after every write: nothing was in flight"

    server.start()
    with httpx.Client(base_url=f"{server.base}/api/v1", timeout=30) as api:
        # Everything acknowledged before the crash is there, exactly as confirmed.
        for sid, state in acknowledged.items():
            session = api.get(f"/sessions/{sid}")
            assert session.status_code == 200, (sid, state, session.text)
            assert session.json()["status"] in ({state} if state == "completed"
                                                else {"planned", "completed"})
        # The clients retry what was cut off, with the same ids: nothing doubles.
        for sid in cut_off:
            write(api, sid)
        assert not server_errors, server_errors[:5]
        assert all(acknowledged.get(sid) == "completed" for sid in ids)
        listed: list[str] = []
        page = api.get("/sessions", params={"limit": 100}).json()
        while True:
            listed += [item["id"] for item in page["items"]]
            if not page.get("next_before"):
                break
            page = api.get("/sessions", params={"limit": 100, "before": page["next_before"],
                                                "before_id": page["next_before_id"]}).json()
        assert sorted(listed) == sorted(ids)  # each once
        for sid in ids:
            session = api.get(f"/sessions/{sid}").json()
            # Whole, not half-written: finished with its ratings and steps.
            assert (session["status"], session["after"]["pain"], session["before"]["pain"]) == \
                ("completed", 2, 5), session
    if server.env["UNKNOT_DATABASE_URL"].startswith("sqlite"):
        check = subprocess.run([str(UNKNOT), "db", "check"], env=server.env,
                               capture_output=True, text=True, timeout=120)
        assert check.returncode == 0 and "OK" in check.stdout, check.stdout + check.stderr
