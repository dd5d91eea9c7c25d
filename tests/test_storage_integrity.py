"""A damaged SQLite file, the check and the backup, on real files with garbage written over them.

Nothing is mocked: each test makes a real database, writes garbage over its pages
(or its header) the way a failing disk or a sync tool half-way through would, and
checks that unknot stops with a message that says what to do and never writes
into the damaged file again.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from unknot.storage import (
    DatabaseCorrupted,
    NotForThisDatabase,
    Ratings,
    backup_database,
    check_database,
    database_state,
    open_store,
    upgrade_database,
)

PAGE = 4096
PLAN = {
    "intake": {"regions": ["neck"], "goals": ["stiffness"]},
    "total_seconds": 180,
    "steps": [{"technique": "settling-breath", "kind": "breathing", "seconds": 60},
              {"technique": "neck-glide", "kind": "massage", "seconds": 120}],
}
WHAT_TO_DO = ("unknot db backup", "unknot db check", "will not read or write")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(url: str, sessions: int = 40) -> None:
    """A real database with enough sessions to span many pages."""
    with open_store(url) as store:
        for _ in range(sessions):
            store.create_session(plan=PLAN, request={"text": "stiff neck " * 100},
                                 before=Ratings(pain=5))


def damage_file(path: Path, how: str = "pages") -> str:
    """Write garbage over a real database's pages (from page 2 on) or over its header,
    the way a failing disk would; returns the damaged file's hash."""
    # Everything into the main file first, so what SQLite reads next is the garbage.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    garbage = random.Random(7).randbytes(PAGE * 6)
    with path.open("r+b") as f:
        if how == "header":
            f.write(garbage[:100])
        else:
            assert f.seek(0, 2) > PAGE * 8, "the database is too small to damage its pages"
            f.seek(PAGE)
            f.write(garbage)
    return digest(path)


@pytest.fixture
def postgres_url(postgres_admin_engine: Any) -> str:
    return str(postgres_admin_engine.url.render_as_string(hide_password=False))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'unknot.db'}"


@pytest.fixture
def db_file(sqlite_url: str, tmp_path: Path) -> Path:
    fill(sqlite_url)
    return tmp_path / "unknot.db"


def assert_says_what_to_do(exc: Any, path: Path) -> None:
    message = str(exc.value if hasattr(exc, "value") else exc)
    assert str(path) in message and "damaged" in message
    for words in WHAT_TO_DO:
        assert words in message


# -- found when the store opens ------------------------------------------------

@pytest.mark.parametrize("how, reason", [("header", "file is not a database"),
                                         ("pages", "btreeInitPage")])
def test_opening_a_damaged_file_stops_with_what_to_do_and_writes_nothing(
        db_file: Path, sqlite_url: str, how: str, reason: str) -> None:
    before = damage_file(db_file, how)
    for opening in (lambda: open_store(sqlite_url), lambda: open_store(sqlite_url, upgrade=False),
                    lambda: upgrade_database(sqlite_url), lambda: database_state(sqlite_url)):
        with pytest.raises(DatabaseCorrupted, match=reason) as raised:
            opening()
        assert_says_what_to_do(raised, db_file)
    assert digest(db_file) == before


def test_damage_found_while_running_stops_every_later_read_and_write(
        db_file: Path, sqlite_url: str) -> None:
    # A worker that opened the store before the disk failed.
    worker = open_store(sqlite_url, upgrade=False)
    before = damage_file(db_file)
    try:
        with pytest.raises(DatabaseCorrupted, match="malformed") as raised:
            worker.journal()
        assert_says_what_to_do(raised, db_file)
        assert worker.damage is not None
        # From now on the store refuses at once, without touching the file.
        with pytest.raises(DatabaseCorrupted):
            worker.create_session(plan=PLAN, request={}, before=None)
        with pytest.raises(DatabaseCorrupted):
            worker.list_sessions()
    finally:
        worker.close()
    assert digest(db_file) == before


def test_a_sound_file_opens_as_before(db_file: Path, sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        assert len(store.list_sessions(limit=100)) == 40
        assert store.damage is None


# -- unknot db check -----------------------------------------------------------

def test_the_check_finds_a_sound_database_sound(db_file: Path, sqlite_url: str) -> None:
    report = check_database(sqlite_url)
    assert report.ok and report.exists and report.backend == "sqlite"


def test_the_check_names_the_damage_and_changes_nothing(db_file: Path, sqlite_url: str) -> None:
    before = damage_file(db_file)
    report = check_database(sqlite_url)
    assert not report.ok and any("btreeInitPage" in p for p in report.problems)
    assert digest(db_file) == before


def test_the_check_of_a_missing_file_says_so_and_makes_none(tmp_path: Path) -> None:
    report = check_database(f"sqlite:///{tmp_path / 'none.db'}")
    assert report.ok and not report.exists and not (tmp_path / "none.db").exists()


@pytest.mark.postgres
def test_the_check_of_postgresql_asks_the_server(postgres_url: str) -> None:
    report = check_database(postgres_url)
    assert report.ok and report.backend == "postgresql"


# -- unknot db backup ----------------------------------------------------------

def test_a_backup_is_a_sound_standalone_copy(db_file: Path, sqlite_url: str,
                                             tmp_path: Path) -> None:
    target = backup_database(sqlite_url, tmp_path / "copy.db")
    assert target == tmp_path / "copy.db"
    # One file: no write-ahead log needed beside it, and nothing else left behind.
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not list(tmp_path.glob(".copy.db*"))
    with open_store(f"sqlite:///{target}") as copy:
        assert len(copy.list_sessions(limit=100)) == 40


def test_a_backup_goes_to_a_dated_file_beside_the_database_by_default(
        db_file: Path, sqlite_url: str) -> None:
    first = backup_database(sqlite_url)
    second = backup_database(sqlite_url)
    assert first.parent == second.parent == db_file.parent / "backups"
    assert first != second and first.name.startswith("unknot-") and first.suffix == ".db"


def test_a_backup_into_a_folder_gets_a_dated_name(db_file: Path, sqlite_url: str,
                                                  tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    assert backup_database(sqlite_url, folder).parent == folder


def test_a_backup_taken_while_sessions_are_written_is_consistent(
        db_file: Path, sqlite_url: str, tmp_path: Path) -> None:
    stop = threading.Event()

    def write() -> None:
        with open_store(sqlite_url, upgrade=False) as writer:
            while not stop.is_set():
                writer.create_session(plan=PLAN, request={"text": "x" * 3000}, before=None)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copies = [backup_database(sqlite_url, tmp_path / f"copy{i}.db") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    counts = []
    for copy in copies:
        assert check_database(f"sqlite:///{copy}").ok
        with open_store(f"sqlite:///{copy}", upgrade=False) as opened:
            counts.append(len(opened.journal_entries()))
    assert counts == sorted(counts) and counts[0] >= 40


def test_a_damaged_database_is_not_backed_up(db_file: Path, sqlite_url: str,
                                             tmp_path: Path) -> None:
    damage_file(db_file)
    with pytest.raises(DatabaseCorrupted, match="no backup made"):
        backup_database(sqlite_url, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_a_backup_never_overwrites_a_file(db_file: Path, sqlite_url: str,
                                          tmp_path: Path) -> None:
    (tmp_path / "copy.db").write_text("keep me")
    with pytest.raises(NotForThisDatabase, match="already exists"):
        backup_database(sqlite_url, tmp_path / "copy.db")
    assert (tmp_path / "copy.db").read_text() == "keep me"


@pytest.mark.postgres
def test_postgresql_is_backed_up_with_pg_dump(postgres_url: str) -> None:
    with pytest.raises(NotForThisDatabase, match="pg_dump") as raised:
        backup_database(postgres_url)
    password = make_url(postgres_url).password
    assert "postgresql://" in str(raised.value)  # libpq's form, which pg_dump reads
    assert not password or f":{password}@" not in str(raised.value)
