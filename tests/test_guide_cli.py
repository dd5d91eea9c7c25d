"""`unknot guide` as a command: screening first, bad options refused, a hands-free run saved."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from unknot.intake.screen import screen

PLAN_FILE = Path(__file__).parent / "data" / "guide_plan.json"


def unknot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{tmp_path / 'unknot.db'}",
           "UNKNOT_DATA_DIR": str(tmp_path), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", "from unknot.cli import main; main()", "guide", *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def sessions(tmp_path: Path) -> list[tuple]:
    database = tmp_path / "unknot.db"
    if not database.exists():
        return []
    with sqlite3.connect(database) as db:
        return db.execute("SELECT status, completed_steps FROM sessions").fetchall()


def test_it_prints_only_the_emergency_message_for_an_urgent_complaint(tmp_path: Path) -> None:
    text = "worst headache of my life, came on suddenly"
    done = unknot(tmp_path, "--no-input", text)
    assert done.returncode == 0
    assert " ".join(done.stdout.split()) == " ".join(screen(text).message.split())
    assert sessions(tmp_path) == []


def test_it_offers_no_routine_when_a_doctor_should_look_first(tmp_path: Path) -> None:
    done = unknot(tmp_path, "--no-input", "my calf is swollen red and hot after a long flight")
    assert done.returncode == 0
    assert "no routine today" in done.stdout
    assert "Step 1" not in done.stdout and sessions(tmp_path) == []


def test_a_hands_free_run_plays_every_step_and_is_saved(tmp_path: Path) -> None:
    done = unknot(tmp_path, "--no-input", "--no-voice", "--time-scale", "0.002",
                  "--plan-file", str(PLAN_FILE))
    assert done.returncode == 0, done.stderr
    for number in range(1, 5):
        assert f"Step {number} of 4" in done.stdout
    assert "Routine complete" in done.stdout and "Saved to your journal" in done.stdout
    assert sessions(tmp_path) == [("completed", 4)]


@pytest.mark.parametrize("args, message", [
    (["--breath-rate", "50", "neck"], "--breath-rate: breath rate must be between 2 and 20"),
    (["--time-scale", "0", "neck"], "--time-scale must be above 0"),
    (["--plan-file", "no-such-plan.json"], "--plan-file no-such-plan.json: cannot read it"),
    (["--setting", "moon", "neck"], "--setting:"),
])
def test_it_refuses_bad_options_with_what_to_fix(tmp_path: Path, args: list[str],
                                                  message: str) -> None:
    done = unknot(tmp_path, *args)
    assert done.returncode == 2
    assert message in done.stderr
