"""Engines and migrations: from empty to head, idempotent, safe in parallel, matching the models."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from unknot.settings import get_settings
from unknot.storage import (
    DatabaseUnavailable,
    MigrationError,
    MigrationState,
    database_state,
    head_revision,
    make_engine,
    open_store,
    upgrade_database,
)
from unknot.storage.models import Base

TABLES = {"alembic_version", "people", "sessions", "session_techniques", "preferences"}


def test_it_migrates_an_empty_database_to_the_newest_revision(database_url: str) -> None:
    assert database_state(database_url).revision is None
    state = upgrade_database(database_url)
    assert (state.previous, state.revision) == (None, head_revision())
    engine = make_engine(database_url)
    try:
        assert set(inspect(engine).get_table_names()) >= TABLES
    finally:
        engine.dispose()
    assert database_state(database_url).up_to_date


def test_upgrading_again_changes_nothing(database_url: str) -> None:
    upgrade_database(database_url)
    again = upgrade_database(database_url)
    assert again.previous == again.revision == head_revision()


def test_workers_starting_at_once_all_upgrade_safely(database_url: str) -> None:
    barrier = threading.Barrier(4)
    results: list[MigrationState] = []
    errors: list[BaseException] = []

    def start() -> None:
        barrier.wait()
        try:
            results.append(upgrade_database(database_url))
        except Exception as exc:  # collected and reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {r.revision for r in results} == {head_revision()}
    assert sum(r.previous is None for r in results) == 1


def test_the_models_match_the_migrations(database_url: str) -> None:
    upgrade_database(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_a_database_newer_than_the_code_is_refused(database_url: str) -> None:
    upgrade_database(database_url)
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    with pytest.raises(MigrationError, match="revision 9999, newer than this unknot knows"):
        upgrade_database(database_url)


def test_sqlite_gets_its_folder_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "unknot.db"
    with open_store(f"sqlite:///{path}") as store, store.engine.connect() as conn:
        assert path.exists()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_looking_at_a_missing_sqlite_database_does_not_create_it(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "unknot.db"
    state = database_state(f"sqlite:///{path}")
    assert state.revision is None and not state.up_to_date
    assert not path.parent.exists()


def test_an_in_memory_sqlite_store_works(tmp_path: Path) -> None:
    with open_store("sqlite://") as store:
        assert store.list_sessions() == []


def test_it_reads_the_configured_database_when_given_no_url(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNKNOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("UNKNOT_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        state = upgrade_database()
    finally:
        get_settings.cache_clear()
    assert state.url == f"sqlite:///{tmp_path / 'data' / 'unknot.db'}"
    assert (tmp_path / "data" / "unknot.db").exists()


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "not a url"])
def test_it_refuses_a_database_it_does_not_support(url: str) -> None:
    with pytest.raises(DatabaseUnavailable, match="database"):
        upgrade_database(url)


def test_an_unreachable_server_gives_a_clear_error_without_the_password() -> None:
    url = "postgresql+psycopg://unknot:s3cret@127.0.0.1:1/unknot?connect_timeout=2"
    with pytest.raises(DatabaseUnavailable, match=r"cannot migrate .*unknot:\*\*\*@") as info:
        upgrade_database(url)
    assert "s3cret" not in str(info.value)


CLINIC_TABLES = {"clinics", "accounts", "login_sessions", "invites", "login_failures",
                 "audit_events", "client_intakes", "programmes", "calendar_feeds"}


def test_the_clinic_migration_goes_down_and_up_again_keeping_sessions(database_url: str) -> None:
    from alembic import command

    from unknot.storage.migrate import alembic_config

    upgrade_database(database_url)
    with open_store(database_url, upgrade=False) as store:
        kept = store.create_session(
            plan={"total_seconds": 60, "steps": [{"technique": "neck-side-stretch",
                                                   "kind": "stretch", "seconds": 60}]},
            request={"text": "stiff neck"}, before=None)
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0004")
        names = set(inspect(engine).get_table_names())
        assert not names & CLINIC_TABLES
        assert "programme_id" not in {c["name"] for c in inspect(engine).get_columns("sessions")}
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        assert set(inspect(engine).get_table_names()) >= CLINIC_TABLES
    finally:
        engine.dispose()
    with open_store(database_url, upgrade=False) as store:
        again = store.get_session(kept.id)
        assert again is not None and again.programme_id is None
