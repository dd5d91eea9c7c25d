"""`unknot db check`, `unknot db backup`, and every command on a damaged database file,
run as the installed command in a subprocess (real files, real PostgreSQL)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from test_storage_integrity import damage_file, digest, fill

UNKNOT = Path(sys.executable).with_name("unknot")


def unknot(*args: str, url: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UNKNOT_DATABASE_URL": url}
    return subprocess.run([str(UNKNOT), *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "unknot.db"
    fill(f"sqlite:///{path}")
    return path


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def assert_clear_damage_message(done: subprocess.CompletedProcess[str], path: Path) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert f"the database file {path} is damaged" in done.stderr
    assert "unknot db backup" in done.stderr and "unknot db check" in done.stderr


# -- every command on a damaged file -------------------------------------------

@pytest.mark.parametrize("how", ["header", "pages"])
@pytest.mark.parametrize("args", [("journal",), ("journal", "export"), ("db", "current"),
                                  ("db", "upgrade")])
def test_a_damaged_file_stops_each_command_with_what_to_do(
        db_file: Path, how: str, args: tuple[str, ...]) -> None:
    before = damage_file(db_file, how)
    assert_clear_damage_message(unknot(*args, url=url_of(db_file)), db_file)
    assert digest(db_file) == before


def test_serve_refuses_to_start_on_a_damaged_file(db_file: Path) -> None:
    before = damage_file(db_file)
    done = unknot("serve", "--port", str(free_port()), url=url_of(db_file), timeout=30)
    assert_clear_damage_message(done, db_file)
    assert digest(db_file) == before


# -- unknot db check -------------------------------------------------------------

def test_check_says_ok_for_a_sound_database(database_url: str) -> None:
    assert unknot("db", "upgrade", url=database_url).returncode == 0
    done = unknot("db", "check", url=database_url)
    assert done.returncode == 0, done.stderr
    assert "OK:" in done.stdout and "DAMAGED" not in done.stdout + done.stderr


def test_check_names_the_damage_and_exits_1(db_file: Path) -> None:
    before = damage_file(db_file)
    done = unknot("db", "check", url=url_of(db_file))
    assert done.returncode == 1
    assert "DAMAGED: the integrity check found" in done.stderr
    assert "btreeInitPage" in done.stderr and "unknot db backup" in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(db_file) == before


def test_check_of_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "unknot.db"
    path.write_text("my shopping list\n" * 500)
    done = unknot("db", "check", url=url_of(path))
    assert done.returncode == 1 and "file is not a database" in done.stderr


def test_check_of_a_database_not_made_yet(tmp_path: Path) -> None:
    done = unknot("db", "check", url=url_of(tmp_path / "unknot.db"))
    assert done.returncode == 0 and "no database file yet" in done.stdout
    assert not (tmp_path / "unknot.db").exists()


# -- unknot db backup ------------------------------------------------------------

def test_backup_then_restore_after_damage(db_file: Path, tmp_path: Path) -> None:
    url = url_of(db_file)
    done = unknot("db", "backup", url=url)
    assert done.returncode == 0, done.stderr
    [copy] = (db_file.parent / "backups").iterdir()
    assert f"Backed up to {copy}" in done.stdout
    damage_file(db_file)
    assert unknot("journal", url=url).returncode == 1
    # The recovery the message describes: move the damaged files aside, copy the backup in.
    aside = tmp_path / "damaged"
    aside.mkdir()
    for name in ("unknot.db", "unknot.db-wal", "unknot.db-shm"):
        if (db_file.parent / name).exists():
            shutil.move(db_file.parent / name, aside / name)
    shutil.copy(copy, db_file)
    assert unknot("db", "check", url=url).returncode == 0
    journal = unknot("journal", url=url)
    assert journal.returncode == 0 and "40 in all" in journal.stdout


def test_backup_to_a_named_file_and_never_over_one(db_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    assert unknot("db", "backup", str(target), url=url_of(db_file)).returncode == 0
    again = unknot("db", "backup", str(target), url=url_of(db_file))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_backup_into_a_missing_folder_is_a_usage_error(db_file: Path, tmp_path: Path) -> None:
    done = unknot("db", "backup", str(tmp_path / "nowhere" / "copy.db"), url=url_of(db_file))
    assert done.returncode == 2 and "existing folder" in done.stderr


def test_a_damaged_file_is_not_backed_up(db_file: Path, tmp_path: Path) -> None:
    damage_file(db_file)
    done = unknot("db", "backup", str(tmp_path / "copy.db"), url=url_of(db_file))
    assert done.returncode == 1 and "no backup made" in done.stderr
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.postgres
def test_backup_on_postgresql_says_to_use_pg_dump(postgres_admin_engine: Any) -> None:
    url = postgres_admin_engine.url.render_as_string(hide_password=False)
    done = unknot("db", "backup", url=url)
    assert done.returncode == 2
    assert "pg_dump" in done.stderr and "Traceback" not in done.stderr
    password = postgres_admin_engine.url.password
    assert not password or f":{password}@" not in done.stderr
