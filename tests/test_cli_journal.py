"""`unknot journal`, `unknot journal export` and `unknot db`, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

import unknot.cli.db  # noqa: F401  (importing registers the commands on the app)
import unknot.cli.journal  # noqa: F401
from unknot.cli.app import app
from unknot.settings import get_settings
from unknot.storage import Ratings, Store, head_revision
from unknot.storage.models import SessionRow

UNKNOT = Path(sys.executable).with_name("unknot")
PLAN = {
    "intake": {"regions": ["neck"], "goals": ["stiffness"]},
    "total_seconds": 180,
    "steps": [{"technique": "settling-breath", "kind": "breathing", "seconds": 60},
              {"technique": "neck-glide", "kind": "massage", "seconds": 120}],
}


@pytest.fixture
def clock(clock: Any) -> Any:
    """The store's clock, frozen a little before the real now the CLI reads."""
    clock.now = datetime.now(UTC) - timedelta(hours=3)
    return clock


@pytest.fixture
def configured(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point the settings (and so the CLI) at the test database."""
    monkeypatch.setenv("UNKNOT_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


@pytest.fixture
def cli_store(configured: str, store: Store) -> Store:
    """The store the CLI will read, for putting sessions in."""
    return store


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def finished(store: Store, before: int, after: int, note: str | None = None) -> str:
    rec = store.create_session(plan=PLAN, request={"text": "stiff neck"},
                               before=Ratings(pain=before, stress=4))
    store.finish_session(rec.id, status="completed", after=Ratings(pain=after, stress=2),
                         completed_steps=2, note=note)
    return rec.id


def test_it_says_when_there_are_no_sessions(configured: str) -> None:
    result = run("journal")
    assert result.exit_code == 0, result.output
    assert "No sessions yet" in result.stdout


def test_it_lists_sessions_with_before_and_after_then_what_helps(cli_store: Store) -> None:
    finished(cli_store, 6, 3)
    result = run("journal")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "neck · stiffness" in out and "pain 6 → 3, stress 4 → 2" in out
    assert "3 min" in out and "[completed]" in out
    assert "neck-glide: pain −3.0, stress −2.0 (1 session)" in out
    assert "See a doctor" not in out


def test_each_session_fits_a_narrow_terminal_on_two_lines(cli_store: Store) -> None:
    rec = cli_store.create_session(
        plan={**PLAN, "intake": {"regions": ["neck", "shoulders"], "goals": ["stiffness"]}},
        request={}, before=Ratings(pain=6, tension=7, stress=4))
    cli_store.finish_session(rec.id, status="completed", after=Ratings(pain=3, tension=5, stress=2),
                             completed_steps=2)
    lines = run("journal").stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if "[completed]" in line)
    assert "neck, shoulders · stiffness" in lines[first] and "3 min" in lines[first]
    assert lines[first + 1].strip() == "pain 6 → 3, tension 7 → 5, stress 4 → 2"
    assert all(len(line) <= 72 for line in lines[first:first + 2])


def test_it_counts_each_figure_when_they_rest_on_different_sessions(cli_store: Store) -> None:
    finished(cli_store, 6, 3)
    rec = cli_store.create_session(plan=PLAN, request={}, before=Ratings(pain=4))
    cli_store.finish_session(rec.id, status="completed", after=Ratings(pain=2), completed_steps=2)
    assert "neck-glide: pain −2.5 (2 sessions), stress −2.0 (1 session)" in run("journal").stdout


def test_it_shows_doctor_advice_with_the_reason(cli_store: Store) -> None:
    finished(cli_store, 9, 7)
    out = run("journal").stdout
    assert "See a doctor:" in out and "8 out of 10 or more" in out
    assert "Why: pain 9/10 before the session on" in out


def test_it_limits_the_list(cli_store: Store, clock: Any) -> None:
    for pain in (5, 4, 3):
        finished(cli_store, pain, 2)
        clock.advance(hours=1)
    summary = json.loads(run("journal", "--json", "--limit", "2").stdout)
    assert [r["before"]["pain"] for r in summary["recent"]] == [3, 4]
    assert summary["total_sessions"] == 3


def test_it_prints_the_summary_as_json(cli_store: Store) -> None:
    finished(cli_store, 5, 2)
    result = run("journal", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert set(summary) == {"generated_at", "total_sessions", "recent", "what_helps", "advice"}
    assert summary["recent"][0]["change"]["pain"] == -3


@pytest.mark.parametrize("args", [("journal", "--limit", "0"), ("journal", "--limit", "x"),
                                  ("journal", "export", "--format", "xml")])
def test_bad_options_are_a_usage_error(configured: str, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Invalid value" in result.output


def test_it_exports_csv_to_a_file(cli_store: Store, tmp_path: Path) -> None:
    first = finished(cli_store, 6, 3, note="better, =SUM(A1)")
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "journal.csv"
    result = run("journal", "export", "--format", "csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert "Wrote 1 session to" in result.stderr
    [row] = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert row["id"] == first and row["pain_before"] == "6" and row["pain_after"] == "3"
    assert row["tension_before"] == "" and row["techniques"] == "settling-breath;neck-glide"
    assert row["goals"] == "stiffness" and row["note"] == "better, =SUM(A1)"
    # Written through a temporary file that is renamed, so none is left over.
    assert [p.name for p in target.parent.iterdir()] == ["journal.csv"]


ESCAPES = ("\x1b", "\x9b", "\x07", "\x00", "\x7f")


def stored_before(store: Store, sid: str, **columns: object) -> None:
    """Write straight into the row, as a version of unknot that did not neutralise would have."""
    with store.engine.begin() as conn:
        conn.execute(update(SessionRow).where(SessionRow.id == sid).values(**columns))


def test_the_journal_never_prints_terminal_escapes_from_stored_data(cli_store: Store) -> None:
    sid = finished(cli_store, 6, 3)
    stored_before(cli_store, sid, status="stopped", note="\x1b]0;owned\x07note",
                  stop_reason="\x1b[2J\x1b[31mit hurt\x9b0m\x7f",
                  regions=["neck\x1b[8m"], goals=["\x9b2Jstiffness"])
    result = run("journal")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not any(c in out for c in ESCAPES)
    # Shown, not obeyed.
    assert "Why: stopped on" in out and "(\\x1b[2J\\x1b[31mit hurt\\x9b0m\\x7f)" in out
    assert "neck\\x1b[8m" in out
    as_json = run("journal", "--json")
    assert not any(c in as_json.stdout for c in ESCAPES)
    # The JSON still says exactly what is stored.
    recent = json.loads(as_json.stdout)["recent"][0]
    assert recent["note"] == "\x1b]0;owned\x07note" and recent["goals"] == ["\x9b2Jstiffness"]


def test_the_export_never_prints_terminal_escapes_from_stored_data(cli_store: Store) -> None:
    sid = finished(cli_store, 6, 3)
    stored_before(cli_store, sid, note="\x1b[2Jgone\x9b\x07", stop_reason="\x7fok")
    for fmt in ("csv", "json"):
        result = run("journal", "export", "--format", fmt)
        assert result.exit_code == 0, result.output
        assert not any(c in result.stdout for c in ESCAPES), fmt
    [row] = json.loads(run("journal", "export", "--format", "json").stdout)
    assert row["note"] == "\x1b[2Jgone\x9b\x07"  # JSON escapes, the same text


@pytest.mark.parametrize("note", ["=HYPERLINK(\"http://evil.example\",\"click\")",
                                  "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                                  "\tTAB", "\x1b=1+1"])
def test_the_csv_export_neutralises_cells_that_start_a_formula(
        cli_store: Store, note: str) -> None:
    sid = finished(cli_store, 6, 3)
    stored_before(cli_store, sid, note=note, stop_reason=note, goals=[note.lstrip("\x1b")])
    [row] = list(csv.DictReader(io.StringIO(run("journal", "export").stdout)))
    for column in ("note", "stop_reason", "goals"):
        assert row[column].startswith("'"), (column, row[column])
        assert row[column][1:] == note.replace("\x1b", ""), column
    assert row["pain_before"] == "6"  # numbers are left alone


def test_it_exports_json_to_standard_output(cli_store: Store) -> None:
    ids = [finished(cli_store, 6, 3), finished(cli_store, 5, 5)]
    result = run("journal", "export", "--format", "json")
    assert result.exit_code == 0, result.output
    exported = json.loads(result.stdout)
    assert sorted(r["id"] for r in exported) == sorted(ids)
    assert exported[0]["plan"] == PLAN and exported[0]["after"]["pain"] in (3, 5)


def test_an_empty_journal_exports_an_empty_list(configured: str) -> None:
    assert json.loads(run("journal", "export", "--format", "json").stdout) == []


def test_it_refuses_to_export_into_a_missing_folder(configured: str, tmp_path: Path) -> None:
    result = run("journal", "export", "--output", str(tmp_path / "nowhere" / "x.csv"))
    assert result.exit_code == 2
    assert "give a file in an existing folder" in result.stderr


def test_db_upgrade_migrates_and_hides_the_password(configured: str) -> None:
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert f"Upgraded from an empty database to revision {head_revision()}." in result.stdout
    if configured.startswith("postgresql"):
        assert "unknot:***@" in result.stdout and ":unknot@" not in result.stdout
    assert "Already up to date" in run("db", "upgrade").stdout


def test_db_current_tells_whether_an_upgrade_is_needed(configured: str) -> None:
    assert "run `unknot db upgrade`" in run("db", "current").stdout
    run("db", "upgrade")
    assert f"Revision: {head_revision()} (up to date)" in run("db", "current").stdout


def test_a_bad_database_url_is_a_clear_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNKNOT_DATABASE_URL", "mysql://localhost/unknot")
    get_settings.cache_clear()
    try:
        result = run("db", "upgrade")
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2
    assert "UNKNOT_DATABASE_URL" in result.stderr and "postgresql+psycopg://" in result.stderr


def test_the_installed_command_upgrades_the_database_named_in_the_environment(
        database_url: str) -> None:
    env = {**os.environ, "UNKNOT_DATABASE_URL": database_url}
    done = subprocess.run([str(UNKNOT), "db", "upgrade"], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert f"revision {head_revision()}" in done.stdout
    current = subprocess.run([str(UNKNOT), "db", "current"], env=env, capture_output=True,
                             text=True, timeout=60, check=False)
    assert "(up to date)" in current.stdout
