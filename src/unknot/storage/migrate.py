"""Apply the Alembic migrations that live in this package, from code.

Nothing here depends on the current directory or an ini file. Upgrading is
idempotent and safe when several workers start at once: PostgreSQL serialises
them with an advisory lock, SQLite with its write lock (`BEGIN IMMEDIATE`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import ProgrammingError as SQLProgrammingError

from unknot.storage.engine import WRITE, display_url, make_engine, parse_url, sqlite_path
from unknot.storage.errors import DatabaseUnavailable, MigrationError
from unknot.storage.integrity import damage_of, damaged, verify_file

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed 64-bit number shared by every unknot process ("unknot" in ASCII).
ADVISORY_LOCK_KEY = 0x756E6B6E6F74


@dataclass(frozen=True)
class MigrationState:
    """Where a database stands: its revision and the newest one this code knows."""

    url: str  # password hidden
    revision: str | None
    head: str
    previous: str | None = None  # before an upgrade; None for a fresh database

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration shipped with this code."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise MigrationError("no migrations found in the unknot package")
    return head


def _revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _check_known(revision: str | None, url: str) -> None:
    if revision is None:
        return
    try:
        known = ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise MigrationError(
            f"{url} is at revision {revision}, newer than this unknot knows; upgrade unknot")


def _lock(connection: Connection) -> None:
    # Held to the end of the transaction: a second process waits here, then finds
    # the schema already at head and does nothing.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})


def upgrade_engine(engine: Engine) -> MigrationState:
    """Bring the database behind `engine` to the newest revision (no-op when it is there)."""
    url = display_url(engine.url)
    head = head_revision()
    try:
        with engine.connect() as conn:
            current = _revision(conn)
        _check_known(current, url)
        if current == head:
            return MigrationState(url, current, head, previous=current)
        # One transaction for the lock and every migration: all or nothing.
        with engine.execution_options(**{WRITE: True}).begin() as conn:
            _lock(conn)
            previous = _revision(conn)
            _check_known(previous, url)
            command.upgrade(alembic_config(conn), "head")
            return MigrationState(url, _revision(conn), head, previous=previous)
    except DBAPIError as exc:
        if (reason := damage_of(exc)) is not None:
            raise damaged(sqlite_path(engine.url) or url, reason) from exc
        if not isinstance(exc, OperationalError | SQLProgrammingError):
            raise
        raise DatabaseUnavailable(f"cannot migrate {url}: {exc.orig}") from exc
    except CommandError as exc:
        raise MigrationError(f"cannot migrate {url}: {exc}") from exc


def upgrade_database(url: str | None = None) -> MigrationState:
    """Apply every pending migration to `url` (None: the configured database).

    Idempotent, and safe to call from several processes at once. A damaged SQLite
    file raises `DatabaseCorrupted` before anything connects to it.
    """
    verify_file(url)
    engine = make_engine(url)
    try:
        return upgrade_engine(engine)
    finally:
        engine.dispose()


def database_state(url: str | None = None) -> MigrationState:
    """The database's current revision, without changing anything.

    A SQLite file that does not exist yet reports no revision and is not created.
    """
    parsed = parse_url(url)
    shown = display_url(parsed)
    path = sqlite_path(parsed)
    if path is not None and not path.exists():
        return MigrationState(shown, None, head_revision())
    verify_file(parsed)
    engine = make_engine(parsed)
    try:
        with engine.connect() as conn:
            return MigrationState(shown, _revision(conn), head_revision())
    except DBAPIError as exc:
        if (reason := damage_of(exc)) is not None:
            raise damaged(path or shown, reason) from exc
        if not isinstance(exc, OperationalError):
            raise
        raise DatabaseUnavailable(f"cannot open {shown}: {exc.orig}") from exc
    finally:
        engine.dispose()
