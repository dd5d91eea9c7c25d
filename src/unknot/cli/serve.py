"""`unknot serve`: the web app under uvicorn, after bringing the database up to date.

Migrations run here once, before any worker starts, so workers find the schema
at head. The app keeps no state in process memory, so any number of workers
(SQLite in WAL mode, or PostgreSQL) serve the same people.

Listening beyond this computer (`--host 0.0.0.0`, a LAN address) puts personal
health data on the network, so it needs an access token, the way Jupyter does: one
is made (unless UNKNOT_ACCESS_TOKEN gives one) and printed in the link to open; the
browser keeps it as a cookie, API clients send `Authorization: Bearer TOKEN`. The
workers get the host, port, worker count and token through the environment.

With several workers the listening sockets are made here, not by uvicorn: uvicorn's
own makes one without naming the protocol, so the accepted connections never get
TCP_NODELAY (asyncio sets it only on sockets that say they are TCP) and every
kept-alive request waits ~40 ms on the client's delayed ACK (uvicorn issue #3149).
And each worker gets a socket of its own on the same port (SO_REUSEPORT, where the
system has it): with one shared socket, the worker that wakes first accepts every
connection waiting, so a browser's or a load test's kept-alive connections pile onto
one worker while the other idles; the kernel spreads new connections across the
sockets instead.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from unknot.cli.app import app, fail

if TYPE_CHECKING:  # imported where used: every command loads this module
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

APP_FACTORY = "unknot.web.app:create_app"
STARTUP_FAILURE = 3  # uvicorn's exit code when it cannot start


def listening_socket(host: str, port: int, reuse_port: bool = False) -> socket.socket:
    """A TCP socket bound to host:port, made so that every connection it accepts has
    Nagle's algorithm off.

    The protocol is named (IPPROTO_TCP): accepted sockets inherit it, and asyncio
    turns TCP_NODELAY on only for sockets whose protocol says TCP. The listener has
    TCP_NODELAY too, which Linux copies to the connections it accepts.
    """
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """One socket for each of `count` workers, all on host:port (SO_REUSEPORT: the kernel
    spreads new connections across them), or one to share where the system lacks it."""
    import socket

    if count < 2 or not hasattr(socket, "SO_REUSEPORT"):
        return [listening_socket(host, port)]
    made: list[socket.socket] = []
    try:
        for _ in range(count):
            made.append(listening_socket(host, port, reuse_port=True))
    except OSError:
        for sock in made:
            sock.close()
        raise
    return made


def run_workers(host: str, port: int, workers: int, access_log: bool) -> None:
    """uvicorn's multi-worker run (what `uvicorn.run` does), on sockets with TCP_NODELAY, one
    a worker (`balanced_workers`)."""
    import logging

    import uvicorn

    # The config also sets up uvicorn's logging, which the lines below use.
    config = uvicorn.Config(APP_FACTORY, factory=True, host=host, port=port, workers=workers,
                            access_log=access_log, proxy_headers=False)
    log = logging.getLogger("uvicorn.error")
    try:
        sockets = listening_sockets(host, port, workers)
    except OSError as exc:
        log.error(exc)
        sys.exit(STARTUP_FAILURE)
    shown = f"[{host}]" if ":" in host else host
    log.info("Uvicorn running on http://%s:%d (Press CTRL+C to quit)", shown, port)
    try:
        balanced_workers(config, sockets).run()
    except KeyboardInterrupt:
        pass
    finally:
        for sock in sockets:
            sock.close()


def balanced_workers(config: uvicorn.Config, sockets: list[socket.socket]) -> Multiprocess:
    """uvicorn's supervisor, giving worker i the socket i (of several on one port), and a
    worker that dies or is restarted the same socket again: a socket no worker accepts on
    would still be handed its share of new connections, and they would hang."""
    import logging

    from uvicorn.supervisors import Multiprocess
    from uvicorn.supervisors.multiprocess import Process

    log = logging.getLogger("uvicorn.error")

    class BalancedWorkers(Multiprocess):
        def _start(self, index: int) -> Process:
            process = Process(self.config, [sockets[index % len(sockets)]])
            process.start()
            return process

        def init_processes(self) -> None:
            for index in range(self.processes_num):
                self.processes.append(self._start(index))

        def keep_subprocess_alive(self) -> None:
            # As uvicorn's own (0.54), but the replacement takes the same socket.
            if self.should_exit.is_set():
                return
            for index, process in enumerate(self.processes):
                if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                    continue
                process.kill()  # hung or dead: make sure it is gone
                process.join()
                if process.exitcode == STARTUP_FAILURE:
                    log.error("Child process [%s] failed to start, stopping the parent process.",
                              process.pid)
                    self.should_exit.set()
                    return
                if self.should_exit.is_set():
                    return
                log.info("Child process [%s] died", process.pid)
                self.processes[index] = self._start(index)

        def restart_all(self) -> None:
            for index, old in enumerate(self.processes):
                if self.should_exit.is_set():
                    return
                new = self._start(index)
                if not new.wait_until_ready(self.config.timeout_worker_healthcheck,
                                            self.should_exit):
                    new.kill()
                    new.join()
                    return
                old.terminate()
                old.join()
                self.processes[index] = new

        def handle_ttin(self) -> None:
            self.processes_num += 1
            self.processes.append(self._start(len(self.processes)))

        def handle_ttou(self) -> None:
            if self.processes_num <= len(sockets):
                log.info("Each socket needs its worker: not decreasing below %d.", len(sockets))
                return
            super().handle_ttou()

    return BalancedWorkers(config, sockets=sockets[:1])


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(
        help="Address to listen on (default UNKNOT_HOST or 127.0.0.1: this computer only).")] = None,
    port: Annotated[int | None, typer.Option(
        min=1, max=65535, help="Port to listen on (default UNKNOT_PORT or 8000).")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="Worker processes (default UNKNOT_WORKERS or 1).")] = None,
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log", help="Log every request.")] = True,
) -> None:
    """Start the web app: open http://HOST:PORT/ in a browser."""
    import secrets

    import uvicorn

    from unknot.settings import SettingsError, check_host, get_settings, is_loopback
    from unknot.storage import StorageError, upgrade_database
    from unknot.web.app import check_data, startup_message

    try:
        settings = get_settings()
        host = check_host(host) if host is not None else settings.host
    except SettingsError as exc:
        raise fail(str(exc)) from exc
    except ValueError as exc:
        raise fail(f"--host: {exc}") from exc
    try:
        check_data()
        state = upgrade_database(settings.effective_database_url)
    except StorageError as exc:
        raise fail(str(exc), code=1) from exc
    except ValueError as exc:  # LibraryError, RuleError, QuestionError, LexiconError
        raise fail(startup_message(exc), code=1) from exc
    port = port or settings.port
    workers = workers or settings.workers
    token = settings.access_token
    # A clinic's people sign in with their own accounts: no shared access token.
    if token is None and not is_loopback(host) and not settings.clinic:
        token = secrets.token_urlsafe(24)
    # The workers read their settings from the environment: give them what was chosen here.
    os.environ.update({"UNKNOT_HOST": host, "UNKNOT_PORT": str(port),
                       "UNKNOT_WORKERS": str(workers)})
    if token is not None:
        os.environ["UNKNOT_ACCESS_TOKEN"] = token
    get_settings.cache_clear()  # one worker runs in this process: it reads them afresh
    typer.echo(f"Database: {state.url} (revision {state.revision})", err=True)
    # Every network includes this computer's loopback: link to that for a wildcard.
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
    link = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    typer.echo(f"unknot: {link}  ({workers} worker{'s' * (workers > 1)}; Ctrl+C stops)",
               err=True)
    if settings.clinic:
        typer.echo("Clinic mode: people sign in with their own accounts "
                   "(`unknot clinic create` makes a clinic).", err=True)
    elif not is_loopback(host):
        typer.echo(
            f"Warning: listening on {host}, so unknot is reachable from other computers on "
            "the network, not only this one. Your journal and health answers need the access "
            "token: open the link above (from another device, with this computer's network "
            f"address in place of {shown}); API clients send `Authorization: Bearer TOKEN`. "
            "Anyone with the link can read and change your data.", err=True)
    elif token is not None:
        typer.echo("The access token from UNKNOT_ACCESS_TOKEN is required (in the link above).",
                   err=True)
    if workers > 1:
        run_workers(host, port, workers, access_log)
        return
    # One worker: uvicorn lets asyncio make the socket, which names TCP and so gets
    # TCP_NODELAY on every connection.
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, workers=1,
                access_log=access_log, proxy_headers=False)
