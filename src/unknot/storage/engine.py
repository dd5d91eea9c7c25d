"""Engines for SQLite (local, one person) and PostgreSQL (a clinic, several workers).

SQLite gets the settings that make it a good multi-process store: the parent
folder made, write-ahead logging so readers never block the writer, foreign
keys enforced, a busy timeout instead of instant "database is locked", and
write transactions that take the write lock up front (`BEGIN IMMEDIATE`).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from unknot.storage.errors import DatabaseUnavailable

BUSY_TIMEOUT_MS = 15_000
# PostgreSQL: the connections all workers together may hold (the server's default
# max_connections is 100; some are kept for admin and migrations), shared out per
# worker, and how long a request waits for one before it is answered 503 with
# Retry-After (well before a client gives up; the pool's default is 30 s).
POSTGRES_CONNECTIONS = 80
POOL_SIZE_MAX, POOL_OVERFLOW_MAX = 20, 10
POOL_TIMEOUT_SECONDS = 5.0
# Execution option marking a connection that will write; see `_begin`.
WRITE = "unknot_write"


def resolve_url(url: str | None = None) -> str:
    """The URL to use: the one given, else the configured one (settings are read only here)."""
    if url:
        return url
    from unknot.settings import get_settings

    return get_settings().effective_database_url


def display_url(url: str | URL) -> str:
    """The URL with its password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def parse_url(url: str | URL | None = None) -> URL:
    """The URL to use (None: the configured one), checked to be SQLite or PostgreSQL."""
    if isinstance(url, URL):
        return url
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError as exc:
        raise DatabaseUnavailable(f"not a database URL: {resolved!r}") from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(
            f"unsupported database {display_url(parsed)}: use sqlite:/// or postgresql+psycopg://")
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        # psycopg 3 is the driver we ship; the bare scheme would ask for psycopg2.
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_memory_sqlite(url: URL) -> bool:
    """True for an in-memory SQLite URL (nothing on disk)."""
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def sqlite_path(url: str | URL) -> Path | None:
    """The file a SQLite URL names, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or is_memory_sqlite(parsed):
        return None
    return Path(str(parsed.database)).expanduser()


def make_engine(url: str | URL | None = None) -> Engine:
    """An engine for `url` (None: the configured database), set up for its kind."""
    parsed = parse_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(parsed)
        # pre_ping: a clinic's server may restart under long-lived workers.
        size, overflow = pool_size_for(_workers())
        return create_engine(parsed, pool_pre_ping=True, pool_size=size, max_overflow=overflow,
                             pool_timeout=POOL_TIMEOUT_SECONDS)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseUnavailable(
            f"no driver for {display_url(parsed)}: the {parsed.drivername} driver is not "
            "installed; use sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/DB") \
            from exc


def pool_size_for(workers: int) -> tuple[int, int]:
    """(pool_size, max_overflow) of each worker's PostgreSQL pool, so that all workers
    together stay within POSTGRES_CONNECTIONS (one worker: 20 kept open + 10 more)."""
    share = max(2, POSTGRES_CONNECTIONS // max(1, workers))
    size = max(1, min(POOL_SIZE_MAX, share * 2 // 3))
    return size, max(1, min(POOL_OVERFLOW_MAX, share - size))


def _workers() -> int:
    """How many worker processes share the database (UNKNOT_WORKERS; `serve` sets it)."""
    from unknot.settings import SettingsError, get_settings

    try:
        return get_settings().workers
    except SettingsError:
        return 1


def _sqlite_engine(url: URL) -> Engine:
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}}
    path = sqlite_path(url)
    if path is None:
        # One shared connection, or every checkout would see a fresh empty database.
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(
                f"cannot create the folder for {path}: {exc.strerror}") from exc
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy (`_begin`): the sqlite3 module's own
    # handling skips BEGIN before DDL and SELECT, which breaks migrations and reads.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _write_ahead_logging(cursor)
    finally:
        cursor.close()


def _write_ahead_logging(cursor: Any) -> None:
    """Switch the file to WAL (once: the mode is kept in the file). SQLite answers "database
    is locked" at once, without its busy timeout, when another connection is switching a
    new file at the same moment (several workers starting together), so that is waited out
    here, for up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _begin(connection: Connection) -> None:
    # A writer that starts with a read and then upgrades its lock can fail at once
    # with "database is locked" (busy timeout does not apply); IMMEDIATE avoids that.
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
