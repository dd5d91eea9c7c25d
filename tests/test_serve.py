"""`unknot serve` for real: a subprocess on a free loopback port, driven over HTTP.

On SQLite (WAL) and PostgreSQL, with one worker and with two: a plan and a whole
session round trip, each request on a new connection so that with two workers
both take part, and nothing is lost between them (no state in process memory).
"""

from __future__ import annotations

import ctypes
import http.client
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
PIDFD_OPEN, PIDFD_GETFD = 434, 438  # Linux system call numbers (the same on x86-64 and arm64)


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


def _descendants(pid: int) -> list[int]:
    """The processes under `pid` (uvicorn's supervisor and its workers), from /proc."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            children = [int(c) for c in task.read_text().split()]
            found += children
            todo += children
    return found


def _socket_inode(server_port: int, client_port: int) -> int:
    """The inode of the server's end of the loopback connection client_port → server_port."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, inode = fields[1], fields[2], int(fields[9])
        if int(local.split(":")[1], 16) == server_port and \
                int(remote.split(":")[1], 16) == client_port and inode:
            return inode
    raise AssertionError(f"no server socket for the connection from port {client_port}")


def _borrow_fd(pid: int, fd: int) -> socket.socket:
    """A copy of another process's file descriptor (pidfd_getfd, Linux 5.6+): the very
    socket that process serves the connection on, to read its options."""
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd = libc.syscall(PIDFD_OPEN, pid, 0)
    assert pidfd >= 0, f"pidfd_open: {os.strerror(ctypes.get_errno())}"
    try:
        copy = libc.syscall(PIDFD_GETFD, pidfd, fd, 0)
        assert copy >= 0, f"pidfd_getfd: {os.strerror(ctypes.get_errno())}"
    finally:
        os.close(pidfd)
    return socket.socket(fileno=copy)


def test_kept_alive_connections_have_nagle_off(served: tuple[str, Path]) -> None:
    """The server's socket for a connection has TCP_NODELAY, with one worker and with two
    (uvicorn's own socket for several workers lacks it: ~40 ms on every kept-alive request).

    Checked on the server's own accepted socket, borrowed from the worker that holds it."""
    base, _log = served
    server_port = int(base.rsplit(":", 1)[1])
    serve_pid = _serve_pid(server_port)
    connection = http.client.HTTPConnection(HOST, server_port, timeout=10)
    try:
        for _ in range(2):  # the second request travels on the kept-alive connection
            connection.request("GET", "/api/v1/ping")
            answer = connection.getresponse()
            assert (answer.status, answer.read()) == (200, b'{"ok":true}')
        assert connection.sock is not None
        inode = _socket_inode(server_port, connection.sock.getsockname()[1])
        holders = [(pid, int(fd.name)) for pid in [serve_pid, *_descendants(serve_pid)]
                   for fd in Path(f"/proc/{pid}/fd").iterdir()
                   if _link(fd) == f"socket:[{inode}]"]
        assert len(holders) == 1, holders
        with _borrow_fd(*holders[0]) as accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
    finally:
        connection.close()


def _link(fd: Path) -> str:
    try:
        return os.readlink(fd)
    except OSError:  # closed since the listing
        return ""


def _serve_pid(port: int) -> int:
    """The `unknot serve` process listening on `port` (the fixture's child)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in args and str(port).encode() in args:
            return int(cmdline.parent.name)
    raise AssertionError(f"no unknot serve on port {port}")


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


# -- faults at start: a clear message, never a traceback ---------------------------------

def test_a_bad_host_option_is_refused_with_what_is_allowed() -> None:
    for host in ("localhost:8000", "999.1.1.1", "not a host"):
        done = subprocess.run([str(UNKNOT), "serve", "--host", host, "--port", str(free_port())],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, done.stderr
        assert "--host:" in done.stderr and "is not an address to listen on" in done.stderr
        assert "Traceback" not in done.stderr


def test_a_worker_starting_on_a_damaged_database_says_what_to_do(tmp_path: Path) -> None:
    from test_storage_integrity import damage_file, fill

    url = f"sqlite:///{tmp_path / 'unknot.db'}"
    fill(url, sessions=5)
    damage_file(tmp_path / "unknot.db", how="header")
    # The worker itself, as `serve` starts it (serve's own check ran before the damage).
    env = {**os.environ, "UNKNOT_DATABASE_URL": url, "UNKNOT_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "uvicorn", "unknot.web.app:create_app",
                           "--factory", "--host", HOST, "--port", str(free_port())],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "unknot cannot start:" in done.stderr and "damaged" in done.stderr
    assert "unknot db check" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def broken_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped technique library with one file broken (a step without its seconds)."""
    import shutil

    from unknot.library import loader

    folder = tmp_path / "techniques"
    shutil.copytree(loader.TECHNIQUES_DIR, folder)
    broken = sorted(folder.glob("*.yaml"))[0]
    broken.write_text(broken.read_text(encoding="utf-8").replace("seconds:", "secs:", 1),
                      encoding="utf-8")
    monkeypatch.setattr(loader, "TECHNIQUES_DIR", folder)
    loader.default_library.cache_clear()
    yield broken
    loader.default_library.cache_clear()


def test_a_broken_library_file_stops_the_app_at_start_naming_it(
        broken_library: Path, tmp_path: Path) -> None:
    from support.api import TestClient
    from unknot.library.loader import LibraryError
    from unknot.settings import Settings
    from unknot.web.app import create_app

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unknot.db'}"))
    with pytest.raises(LibraryError), TestClient(app):
        pass  # start-up fails: no request is ever served
    message = app.state.startup_error
    assert message.startswith("unknot cannot start: the technique library has errors")
    assert broken_library.name in message and "unknot library lint" in message


def test_serve_finds_a_broken_library_file_before_it_listens(
        broken_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from unknot.cli.serve import serve
    from unknot.settings import get_settings

    monkeypatch.setenv("UNKNOT_DATABASE_URL", f"sqlite:///{tmp_path / 'unknot.db'}")
    get_settings.cache_clear()
    try:
        with pytest.raises(typer.Exit) as stopped:
            serve(host=None, port=free_port(), workers=None, access_log=False)
    finally:
        get_settings.cache_clear()
    assert stopped.value.exit_code == 1
    said = capsys.readouterr().err
    assert "the technique library has errors" in said and broken_library.name in said
    assert not (tmp_path / "unknot.db").exists()  # found before the database is touched


def test_a_broken_rule_file_stops_the_app_at_start_naming_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from support.api import TestClient
    from unknot.safety import rules
    from unknot.safety.rules import RuleError
    from unknot.settings import Settings
    from unknot.web.app import create_app

    folder = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, folder)
    broken = sorted(folder.glob("*.yaml"))[0]
    broken.write_text(broken.read_text(encoding="utf-8") + "\n  - [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(rules, "RULES_DIR", folder)
    rules.default_rules.cache_clear()
    try:
        app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'unknot.db'}"))
        with pytest.raises(RuleError), TestClient(app):
            pass
    finally:
        rules.default_rules.cache_clear()
    assert app.state.startup_error.startswith("unknot cannot start: the safety data has errors")
    assert broken.name in app.state.startup_error


# -- several workers: each its own socket on the port -------------------------------------

@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[int, Path, subprocess.Popen]]:
    """`unknot serve --workers 2` on SQLite: its port, its log and its process."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "UNKNOT_DATA_DIR": str(tmp_path / "data")}
    env.pop("UNKNOT_DATABASE_URL", None)
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(UNKNOT), "serve", "--host", HOST, "--port", str(port), "--workers", "2",
             "--no-access-log"],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_ready(process, f"http://{HOST}:{port}/api/v1/ping", log)
        wait_for_workers(log, 2)
        yield port, log, process
    finally:
        stop(process)


def _serving_pid(server_port: int, connection: http.client.HTTPConnection,
                 pids: list[int]) -> int:
    """The worker that holds the server's end of a kept-alive connection."""
    assert connection.sock is not None
    inode = _socket_inode(server_port, connection.sock.getsockname()[1])
    holders = [pid for pid in pids for fd in Path(f"/proc/{pid}/fd").iterdir()
               if _link(fd) == f"socket:[{inode}]"]
    assert len(holders) == 1, holders
    return holders[0]


def _ping_on_new_connections(port: int, count: int) -> list[http.client.HTTPConnection]:
    """`count` kept-alive connections, each answered once (a short timeout: a connection
    the kernel handed to a socket no worker accepts on would hang)."""
    connections = [http.client.HTTPConnection(HOST, port, timeout=5) for _ in range(count)]
    for connection in connections:  # all at once, as a browser or a load test opens them
        connection.connect()
    for connection in connections:
        connection.request("GET", "/api/v1/ping")
        answer = connection.getresponse()
        assert (answer.status, answer.read()) == (200, b'{"ok":true}')
    return connections


def test_kept_alive_connections_are_spread_over_both_workers(two_workers) -> None:
    """With one shared socket the worker that woke first took every waiting connection,
    and a load of kept-alive connections ran on one core; each worker now has a socket of
    its own on the port and the kernel spreads new connections across them."""
    port, _log, process = two_workers
    workers = _descendants(process.pid)
    connections = _ping_on_new_connections(port, 16)
    try:
        serving = [_serving_pid(port, connection, workers) for connection in connections]
    finally:
        for connection in connections:
            connection.close()
    shares = sorted(serving.count(pid) for pid in set(serving))
    # (spread by a hash of each connection: fewer than 2 of 16 on one worker is a chance of
    # about 1 in 1,900)
    assert len(shares) == 2 and shares[0] >= 2, shares


def _listeners(port: int) -> set[int]:
    """The inodes of the sockets listening on `port` (state 0A in /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":
            found.add(int(fields[9]))
    return found


def _held(pid: int, inodes: set[int]) -> set[int]:
    return {inode for fd in Path(f"/proc/{pid}/fd").iterdir() for inode in inodes
            if _link(fd) == f"socket:[{inode}]"}


def test_each_worker_listens_on_a_socket_of_its_own(two_workers) -> None:
    """Two sockets listen on the port (SO_REUSEPORT), one in each worker: with a single
    shared socket, the worker that woke first accepted every waiting connection."""
    port, _log, process = two_workers
    listeners = _listeners(port)
    assert len(listeners) == 2, listeners
    held = [_held(pid, listeners) for pid in _descendants(process.pid)]
    held = [inodes for inodes in held if inodes]
    assert sorted(map(sorted, held)) == sorted([inode] for inode in listeners), held


def test_a_worker_that_dies_is_replaced_on_its_own_socket(two_workers) -> None:
    """A worker killed outright is replaced, and its replacement accepts on the same socket:
    every new connection is answered (none waits on a socket no worker serves)."""
    port, log, process = two_workers
    serving_before = _descendants(process.pid)
    connections = _ping_on_new_connections(port, 8)
    victim = _serving_pid(port, connections[0], serving_before)
    for connection in connections:
        connection.close()
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + START_TIMEOUT
    while log.read_text().count(STARTED) < 3:
        if time.monotonic() > deadline:
            pytest.fail(f"the killed worker was not replaced:\n{log.read_text()}")
        time.sleep(0.1)  # polling the log for the replacement
    assert f"Child process [{victim}] died" in log.read_text()
    listeners = _listeners(port)
    held = sorted(sorted(inodes) for inodes in (
        _held(pid, listeners) for pid in _descendants(process.pid)) if inodes)
    assert held == sorted([inode] for inode in listeners), held  # each socket has its worker
    for connection in _ping_on_new_connections(port, 16):
        connection.close()
