"""Shared database fixtures: every test that asks gets a clean, migrated database.

`database_url` runs a test twice: on a fresh SQLite file, and on PostgreSQL in a
schema of its own (named by the URL's search_path, dropped afterwards), so tests
run in parallel without seeing each other. PostgreSQL comes from
UNKNOT_TEST_POSTGRES_URL; without it those tests fail and say how to set it up,
unless deselected with `-m "not postgres"`. Nothing here is autouse, and heavy
imports happen inside the fixtures, so tests without a database pay nothing.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from unknot.storage import Store

POSTGRES_ENV = "UNKNOT_TEST_POSTGRES_URL"
MISSING_POSTGRES = (
    f"{POSTGRES_ENV} is not set. Start PostgreSQL and create the test database with "
    f"`scripts/postgres.sh`, then `export {POSTGRES_ENV}=<the URL it prints>` "
    "(or deselect these tests with -m \"not postgres\")."
)


class FrozenClock:
    """A clock that only moves when a test moves it."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: Any) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture(scope="session")
def postgres_admin_engine() -> Iterator[Engine]:
    """An engine on the test PostgreSQL database, for making and dropping schemas."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.fail(MISSING_POSTGRES, pytrace=False)
    from unknot.storage import make_engine

    engine = make_engine(base)
    yield engine
    engine.dispose()


def _postgres_schema_url(engine: Engine) -> Iterator[str]:
    from sqlalchemy import text

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = engine.url.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'unknot.db'}"
        return
    yield from _postgres_schema_url(request.getfixturevalue("postgres_admin_engine"))


@pytest.fixture
def clock() -> FrozenClock:
    """The store's clock, frozen at 2 March 2026 09:00 UTC until a test advances it."""
    return FrozenClock()


@pytest.fixture
def store(database_url: str, clock: FrozenClock) -> Iterator[Store]:
    """A store on a clean database, migrated by `upgrade_database` (never `create_all`)."""
    from unknot.storage import open_store, upgrade_database

    upgrade_database(database_url)
    with open_store(database_url, upgrade=False, clock=clock) as opened:
        yield opened


def pytest_sessionstart(session) -> None:
    """Start the intake accuracy report afresh (`test_intake_labelled.py` adds a line per set
    as it scores it); only in the main process, before any test process starts."""
    if not hasattr(session.config, "workerinput"):
        from pathlib import Path

        report = Path(__file__).resolve().parent.parent / "test-output" / "intake-accuracy.txt"
        report.unlink(missing_ok=True)
