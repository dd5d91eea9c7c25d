"""A damaged SQLite file, found before anything touches it; the check and the backup.

SQLite reports a damaged file as `sqlite3.DatabaseError` ("file is not a
database", "database disk image is malformed"). unknot looks for that damage
when a store opens (`PRAGMA quick_check` on a read-only connection, before the
engine ever connects) and on every error the database raises later, and then
stops with `DatabaseCorrupted`: it neither reads nor writes the file again, and
the message says how to recover.

`check_database` is `unknot db check` (the full `PRAGMA integrity_check`);
`backup_database` is `unknot db backup` (SQLite's online backup API, a
consistent copy even while unknot is writing). PostgreSQL keeps its own pages
safe and is backed up with `pg_dump`.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from unknot.storage.engine import BUSY_TIMEOUT_MS, display_url, parse_url, sqlite_path
from unknot.storage.errors import DatabaseCorrupted, DatabaseUnavailable, StorageError

# SQLite's primary result codes for a damaged file (extended codes share the low byte).
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
DAMAGE_WORDS = ("file is not a database", "disk image is malformed", "malformed database")
# How many of integrity_check's findings a report keeps.
PROBLEMS_SHOWN = 20


class NotForThisDatabase(StorageError):
    """The command does not apply to the configured database (the message says what does)."""


def damage_of(exc: BaseException) -> str | None:
    """SQLite's own words when `exc` (a driver error, or SQLAlchemy's wrapper) means a
    damaged file; None for every other error."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return str(orig)
    words = str(orig).lower()
    return str(orig) if any(w in words for w in DAMAGE_WORDS) else None


def damaged(path: Path | str, reason: str) -> DatabaseCorrupted:
    """The error for a damaged database file, with the way back."""
    name = Path(path).name
    return DatabaseCorrupted(
        f"the database file {path} is damaged ({reason}); unknot will not read or write it. "
        f"To recover: stop unknot, move {name} (and {name}-wal, {name}-shm if they are there) "
        "out of that folder, copy your latest backup (made by `unknot db backup`) there as "
        f"{name}, then run `unknot db check`.")


def _read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: looking never writes, not even the checkpoint a last connection makes on close.
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                           timeout=BUSY_TIMEOUT_MS / 1000)


def file_problems(path: Path, *, full: bool = False) -> list[str]:
    """What SQLite finds wrong with the file at `path`; empty when it is sound.

    `full` runs `integrity_check` (also reads every index against its table);
    otherwise `quick_check`, which is fast enough to run whenever a store opens.
    Raises `DatabaseUnavailable` when the file cannot be opened at all.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = _read_only(path)
        try:
            rows = conn.execute(f"PRAGMA {pragma}({PROBLEMS_SHOWN})").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if (reason := damage_of(exc)) is not None:
            return [reason]
        raise DatabaseUnavailable(f"cannot open {path}: {exc}") from exc
    # One row per problem, or one row of several lines under a "*** in database" heading.
    problems = [line for row in rows for line in str(row[0]).splitlines()
                if line.strip() and not line.startswith("***")]
    return [] if problems == ["ok"] else problems


def summary(problems: list[str] | tuple[str, ...]) -> str:
    """The first problem, and how many more there are."""
    more = len(problems) - 1
    return problems[0] + (f", and {more} more problem{'s' * (more > 1)}" if more else "")


def verify_file(url: str | URL | None) -> None:
    """Stop with `DatabaseCorrupted` when `url` names a damaged SQLite file.

    Other databases, in-memory SQLite and a file not made yet pass.
    """
    path = sqlite_path(parse_url(url))
    if path is None or not path.exists():
        return
    problems = file_problems(path)
    if problems:
        raise damaged(path, summary(problems))


@dataclass(frozen=True)
class CheckReport:
    """What `check_database` found."""

    url: str  # password hidden
    backend: str  # "sqlite" or "postgresql"
    exists: bool
    problems: tuple[str, ...] = ()
    path: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(url: str | URL | None = None) -> CheckReport:
    """Check the database `url` (None: the configured one) without changing anything.

    SQLite: the full `PRAGMA integrity_check` on a read-only connection. PostgreSQL
    guards its own pages; this checks that the server answers.
    """
    parsed = parse_url(url)
    shown = display_url(parsed)
    if parsed.get_backend_name() == "postgresql":
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        from unknot.storage.engine import make_engine

        engine = make_engine(parsed)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise DatabaseUnavailable(f"cannot reach {shown}: {exc.orig}") from exc
        finally:
            engine.dispose()
        return CheckReport(shown, "postgresql", exists=True)
    path = sqlite_path(parsed)
    if path is None:
        return CheckReport(shown, "sqlite", exists=True)
    if not path.exists():
        return CheckReport(shown, "sqlite", exists=False, path=path)
    return CheckReport(shown, "sqlite", exists=True, path=path,
                       problems=tuple(file_problems(path, full=True)))


def default_backup_path(path: Path, folder: Path | None = None,
                        now: datetime | None = None) -> Path:
    """`unknot-YYYYMMDD-HHMMSS.db` (local time) in `folder`, by default `backups/` beside
    the database `path`; never an existing file."""
    stamp = (now or datetime.now().astimezone()).strftime("%Y%m%d-%H%M%S")
    folder = folder if folder is not None else path.parent / "backups"
    candidate = folder / f"{path.stem}-{stamp}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"{path.stem}-{stamp}-{n}.db"
        n += 1
    return candidate


def backup_database(url: str | URL | None = None, target: Path | None = None) -> Path:
    """Copy the SQLite database `url` (None: the configured one) to `target`, consistently.

    SQLite's online backup API takes a snapshot even while other processes write.
    `target` may be a file that does not exist yet or a folder; None means
    `default_backup_path`. The copy is written beside the target, checked, and
    only then renamed into place, so a failed backup leaves no half file. A
    damaged database is not copied (a backup must be one to restore from).
    """
    parsed = parse_url(url)
    shown = display_url(parsed)
    if parsed.get_backend_name() == "postgresql":
        # libpq's form of the URL, without the password (pg_dump asks, or reads ~/.pgpass).
        libpq = URL.create("postgresql", username=parsed.username, host=parsed.host,
                           port=parsed.port, database=parsed.database)
        raise NotForThisDatabase(
            f"{shown} is PostgreSQL: `unknot db backup` copies SQLite files only. Back it up "
            "with PostgreSQL's own tool, e.g. pg_dump --format=custom --file=unknot.dump "
            f"'{libpq.render_as_string(hide_password=False)}' (restore with pg_restore)")
    path = sqlite_path(parsed)
    if path is None:
        raise NotForThisDatabase(f"{shown} lives in memory: there is no file to back up")
    if not path.exists():
        raise DatabaseUnavailable(f"there is no database at {path} yet: nothing to back up")
    problems = file_problems(path)
    if problems:
        raise DatabaseCorrupted(f"no backup made: {damaged(path, summary(problems))}")
    if target is None or target.is_dir():
        target = default_backup_path(path, target)
    if target.exists():
        raise NotForThisDatabase(f"{target} already exists: give a new file name")
    if target.resolve() == path.resolve():
        raise NotForThisDatabase("the backup must go to another file than the database")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot make the folder {target.parent}: {exc.strerror}") \
            from exc
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        _copy(path, partial)
        os.replace(partial, target)
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot write {target}: {exc.strerror}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def _copy(path: Path, partial: Path) -> None:
    try:
        source = _read_only(path)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                # The copy stands alone: one file, no write-ahead log beside it.
                copy.execute("PRAGMA journal_mode = DELETE")
                checked = [r[0] for r in copy.execute("PRAGMA quick_check").fetchall()]
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        if (reason := damage_of(exc)) is not None:
            raise DatabaseCorrupted(f"no backup made: {damaged(path, reason)}") from exc
        raise DatabaseUnavailable(f"cannot back up {path}: {exc}") from exc
    if checked != ["ok"]:
        raise DatabaseCorrupted(f"no backup made: the copy of {path} did not check out "
                                f"({checked[0]})")
