"""`unknot serve` for real: a subprocess on a free loopback port, driven over HTTP.

On SQLite (WAL) and PostgreSQL, with one worker and with two: a plan and a whole
session round trip, each request on a new connection so that with two workers
both take part, and nothing is lost between them (no state in process memory).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

UNKNOT = Path(sys.executable).parent / "unknot"
HOST = "127.0.0.1"
START_TIMEOUT = 30.0
STARTED = "Application startup complete"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_until_ready(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"unknot serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)  # polling for readiness, not waiting for a result
    pytest.fail(f"unknot serve did not answer {url} in {START_TIMEOUT:.0f} s:\n{log.read_text()}")


def wait_for_workers(log: Path, workers: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while log.read_text().count(STARTED) < workers:
        if time.monotonic() > deadline:
            pytest.fail(f"{workers} workers did not start:\n{log.read_text()}")
        time.sleep(0.1)  # polling the log for readiness


def stop(process: subprocess.Popen) -> None:
    process.terminate()  # uvicorn's supervisor stops its workers on SIGTERM
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the group this test started
        process.wait()


@pytest.fixture(params=[1, 2], ids=["1-worker", "2-workers"])
def served(request: pytest.FixtureRequest, database_url: str,
           tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The base URL of a running `unknot serve`, and its log file."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "UNKNOT_DATABASE_URL": database_url,
           "UNKNOT_DATA_DIR": str(tmp_path / "data")}
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(UNKNOT), "serve", "--host", HOST, "--port", str(port),
             "--workers", str(request.param)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://{HOST}:{port}"
    try:
        wait_until_ready(process, f"{base}/api/v1/ping", log)
        wait_for_workers(log, request.param)
        yield base, log
    finally:
        stop(process)


def test_a_plan_and_a_session_make_the_round_trip(served: tuple[str, Path]) -> None:
    base, log = served
    # A new connection per request: with two workers, both serve this session.
    with httpx.Client(base_url=f"{base}/api/v1", headers={"Connection": "close"},
                      timeout=10) as api:
        request = {"text": "stiff neck from the desk", "minutes": 5, "setting": "desk"}
        checklist = api.post("/plans", json=request).json()["intake"]["questions"]
        none_apply = {q["id"]: False for q in checklist}
        plan = api.post("/plans", json={**request, "answers": {"questions": none_apply}})
        assert plan.status_code == 200 and plan.json()["intake"]["complete"]
        steps = plan.json()["steps"]
        sid = str(uuid.uuid4())
        body = {"id": sid, "plan": plan.json(), "request": {"text": "stiff neck"},
                "before": {"pain": 5}, "source": "web", "status": "planned"}
        assert api.post("/sessions", json=body).status_code == 201
        assert api.post("/sessions", json=body).status_code == 200  # a retry
        for index in range(len(steps)):
            progress = api.put(f"/sessions/{sid}/progress",
                               json={"step_index": index, "step_elapsed": 1.0})
            assert progress.status_code == 200 and progress.json()["step_index"] == index
        finish = {"status": "completed", "after": {"pain": 2}, "completed_steps": len(steps)}
        assert api.post(f"/sessions/{sid}/finish", json=finish).status_code == 200
        assert api.post(f"/sessions/{sid}/finish", json=finish).status_code == 200
        session = api.get(f"/sessions/{sid}").json()
        assert (session["status"], session["after"]["pain"]) == ("completed", 2)
        assert [s["id"] for s in api.get("/sessions").json()["items"]] == [sid]
        journal = api.get("/journal").json()
        assert journal["sessions"] == 1 and journal["series"][0]["pain_after"] == 2
    assert httpx.get(f"{base}/openapi.json").json()["info"]["title"] == "unknot"
    assert "Database:" in log.read_text()


def test_each_worker_process_opens_its_own_store(served: tuple[str, Path]) -> None:
    base, log = served
    text = log.read_text()
    workers = 2 if "(2 workers;" in text else 1
    assert text.count(STARTED) == workers
    assert text.count("Started server process") == workers
    assert httpx.get(f"{base}/api/v1/ping").json() == {"ok": True}


@pytest.mark.parametrize(("url", "code", "words"), [
    ("mysql://root@localhost/x", 2, "UNKNOT_DATABASE_URL"),
    ("postgresql+psycopg://unknot:s3cret@127.0.0.1:1/x?connect_timeout=2", 1, "cannot migrate"),
])
def test_it_refuses_to_start_on_a_database_it_cannot_use(url: str, code: int,
                                                         words: str) -> None:
    env = {**os.environ, "UNKNOT_DATABASE_URL": url}
    done = subprocess.run([str(UNKNOT), "serve", "--port", str(free_port())], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == code
    assert words in done.stderr and "s3cret" not in done.stderr
