"""`unknot guide` as a command: screening first, bad options refused, a hands-free run saved."""

from __future__ import annotations

import json
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
    # 2.4 s of wall time for the 2-minute plan: its shortest step lasts 0.4 s, so a process
    # paused for a moment on a busy machine still enters every step (a step that runs out
    # while the guide is paused is counted done without its header, as it should be).
    done = unknot(tmp_path, "--no-input", "--no-voice", "--time-scale", "0.02",
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


# -- the quick safety check without a terminal (issue 6 §1) ----------------------------

NECK = "neck and shoulders tight from my desk"


def asked_with(text: str, verdict: str) -> str:
    """The id of the first question asked for `text` whose yes means `verdict`."""
    from unknot.safety.questions import default_questions

    questions = default_questions()
    for question in screen(text).questions:
        if questions.by_id(question.id).verdict == verdict:
            return question.id
    raise AssertionError(f"no question for {text!r} has a yes meaning {verdict}")


def saved_plans(tmp_path: Path) -> list[dict]:
    import json

    with sqlite3.connect(tmp_path / "unknot.db") as db:
        return [json.loads(row[0]) for row in db.execute("SELECT plan FROM sessions")]


def test_without_a_terminal_an_open_check_starts_no_routine(tmp_path: Path) -> None:
    done = unknot(tmp_path, "--no-input", "--no-voice", NECK)
    assert done.returncode == 2
    assert "Quick safety check" in done.stdout
    for question in screen(NECK).questions:
        assert question.id in done.stdout
    assert "the quick safety check is not complete" in done.stderr
    assert "--answer ID=yes|no" in done.stderr and "--none" in done.stderr
    assert "Step 1" not in done.stdout and sessions(tmp_path) == []


def test_none_answers_the_check_ahead_and_the_routine_plays(tmp_path: Path) -> None:
    done = unknot(tmp_path, "--no-input", "--no-voice", "--none", "--minutes", "2",
                  "--time-scale", "0.002", NECK)
    assert done.returncode == 0, done.stderr
    assert "Safe to start gently." in done.stdout and "Step 1 of" in done.stdout
    assert "Quick safety check" not in done.stdout  # answered: not listed again
    [(status, _)] = sessions(tmp_path)
    assert status == "completed"
    [plan] = saved_plans(tmp_path)
    assert plan["intake"]["complete"] is True
    assert {q["answer"] for q in plan["intake"]["questions"]} == {False}


def test_a_yes_given_ahead_that_needs_a_doctor_ends_without_a_routine(tmp_path: Path) -> None:
    question = asked_with(NECK, "see_doctor")
    done = unknot(tmp_path, "--no-input", "--none", "--answer", f"{question}=yes", NECK)
    assert done.returncode == 0
    assert "See a doctor first — no routine today." in done.stdout
    assert "Step 1" not in done.stdout and sessions(tmp_path) == []


def test_a_yes_given_ahead_that_is_an_emergency_prints_only_the_call_for_help(
        tmp_path: Path) -> None:
    from unknot.safety.answers import Answers

    question = asked_with(NECK, "urgent")
    done = unknot(tmp_path, "--no-input", "--none", "--answer", f"{question}=yes", NECK)
    assert done.returncode == 0
    expected = screen(NECK, Answers(questions={question: True}), rest_no=True).message
    assert " ".join(done.stdout.split()) == " ".join(expected.split())
    assert sessions(tmp_path) == []


def test_an_unknown_question_id_is_a_usage_error_that_names_it(tmp_path: Path) -> None:
    done = unknot(tmp_path, "--no-input", "--answer", "neck.no_such_thing=no", NECK)
    assert done.returncode == 2
    assert "neck.no_such_thing" in done.stderr and sessions(tmp_path) == []


def test_words_it_cannot_place_ask_for_the_area_and_play_nothing(tmp_path: Path) -> None:
    done = unknot(tmp_path, "--no-input", "--none", "blah blah")
    assert done.returncode == 0
    assert "We could not tell which part of the body" in " ".join(done.stdout.split())
    assert "Step 1" not in done.stdout and sessions(tmp_path) == []


def test_a_saved_plan_with_an_open_check_is_checked_before_it_plays(tmp_path: Path) -> None:
    from unknot.planner import build_plan
    from unknot.planner.request import PlanRequest

    saved = tmp_path / "plan.json"
    saved.write_text(build_plan(PlanRequest(text=NECK, minutes=2, seed=3)).model_dump_json(),
                     encoding="utf-8")
    refused = unknot(tmp_path, "--no-input", "--plan-file", str(saved))
    assert refused.returncode == 2 and "not complete" in refused.stderr
    doctor = unknot(tmp_path, "--no-input", "--plan-file", str(saved), "--none",
                    "--answer", f"{asked_with(NECK, 'see_doctor')}=yes")
    assert doctor.returncode == 0 and "no routine today" in doctor.stdout
    assert sessions(tmp_path) == []
    played = unknot(tmp_path, "--no-input", "--no-voice", "--plan-file", str(saved), "--none",
                    "--time-scale", "0.002")
    assert played.returncode == 0, played.stderr
    assert [status for status, _ in sessions(tmp_path)] == ["completed"]
    [plan] = saved_plans(tmp_path)
    assert plan["intake"]["complete"] is True


def test_a_journal_that_cannot_be_reached_is_found_before_the_routine(tmp_path: Path) -> None:
    env = {**os.environ, "UNKNOT_DATA_DIR": str(tmp_path),
           "UNKNOT_DATABASE_URL": "postgresql+psycopg://u:p@127.0.0.1:1/x?connect_timeout=2"}
    done = subprocess.run(
        [sys.executable, "-c", "from unknot.cli import main; main()", "guide", "--no-input",
         "--none", "--no-voice", "--time-scale", "0.002", "--plan-file", str(PLAN_FILE)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "journal cannot be written" in done.stderr
    assert "Step 1" not in done.stdout


def test_a_session_a_read_only_journal_refuses_is_kept_in_a_file(tmp_path: Path) -> None:
    first = unknot(tmp_path, "--no-input", "--none", "--no-voice", "--time-scale", "0.002",
                   "--plan-file", str(PLAN_FILE))  # makes the database, with one session
    assert first.returncode == 0, first.stderr
    # The same file opened read-only (SQLite's URI mode), which even root cannot write.
    read_only = f"sqlite:///file:{tmp_path / 'unknot.db'}?mode=ro&uri=true"
    env = {**os.environ, "UNKNOT_DATABASE_URL": read_only, "UNKNOT_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", "from unknot.cli import main; main()", "guide", "--no-input",
         "--none", "--no-voice", "--time-scale", "0.002", "--plan-file", str(PLAN_FILE)],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 1
    assert "it is kept in" in done.stderr
    kept = list((tmp_path / "unsaved").glob("session-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text())["status"] == "completed"
    assert sessions(tmp_path) == [("completed", 4)]


def test_a_session_the_journal_refuses_is_kept_in_a_file(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from unknot.cli.guide import _keep_unsaved
    from unknot.guide import GuideOutcome
    from unknot.planner import PlanRequest

    outcome = GuideOutcome(status="completed", completed_steps=4, before={"pain": 5},
                           after={"pain": 2}, stop_reason=None)
    path = _keep_unsaved({"steps": []}, PlanRequest(text="neck"), outcome,
                         datetime(2026, 12, 4, 9, 30, tzinfo=UTC), tmp_path)
    assert path.parent == tmp_path / "unsaved"
    kept = json.loads(path.read_text())
    assert kept["status"] == "completed" and kept["after"] == {"pain": 2}


def test_the_help_reads_in_whole_sentences_at_any_width() -> None:
    unknot = str(Path(sys.executable).with_name("unknot"))
    for columns in (60, 100):
        done = subprocess.run([unknot, "guide", "--help"], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "COLUMNS": str(columns)})
        lines = [line.strip() for line in done.stdout.splitlines()]
        assert all(len(line) <= columns for line in lines)
        flowing = " ".join(" ".join(lines).split())
        assert "y yes, n no, a none of the rest apply, w why." in flowing
        assert "space pause, n next, b back, s stop (it hurts), q quit." in flowing
    # Wide enough for a sentence: it is not broken where the source file broke it.
    assert any("The safety check asks" in line and "w why" in line for line in lines)
