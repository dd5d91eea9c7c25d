"""Counts read right wherever the terminal says them: "1 step", "2 steps", "1 minute"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from unknot.journal import JournalEntry, Ratings, escalation_advice
from unknot.plural import counted, duration_words

UNKNOT = str(Path(sys.executable).with_name("unknot"))


def run(*args: str) -> str:
    done = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("n, one, expected", [
    (0, "step", "0 steps"), (1, "step", "1 step"), (2, "step", "2 steps"),
    (1, "session", "1 session"), (1.0, "minute", "1 minute"), (2.5, "minute", "2.5 minutes"),
    (3, "body", "3 bodies"),
])
def test_counted_says_one_thing_and_many_things(n, one, expected) -> None:
    many = "bodies" if one == "body" else None
    assert counted(n, one, many) == expected


@pytest.mark.parametrize("seconds, expected", [
    (60, "1 minute"), (600, "10 minutes"), (45, "45 seconds"), (1, "1 second"),
    (61, "1 minute 1 second"), (270, "4 minutes 30 seconds"),
])
def test_durations_in_words(seconds: int, expected: str) -> None:
    assert duration_words(seconds) == expected


def test_the_plan_table_counts_its_steps_and_minutes() -> None:
    text = "neck and shoulders tight from my desk"
    for minutes in ("1", "5"):
        shown = run("plan", "--none", "--for", "self", "--minutes", minutes, text)
        plan = json.loads(run("plan", "--json", "--none", "--for", "self", "--minutes", minutes,
                              text))
        steps = len(plan["steps"])
        words = "1 minute" if minutes == "1" else "5 minutes"
        assert f"Your routine: {steps} step{'' if steps == 1 else 's'}, {words}" in shown


def test_a_library_list_of_one_says_one_technique() -> None:
    listed = json.loads(run("library", "list", "--json"))
    titles = [line.strip() for line in run("library", "list").splitlines()]
    assert f"{len(listed)} techniques" in titles
    pairs: dict[tuple[str, str], int] = {}
    for item in listed:
        for tool in item["tools"]:
            for region in item["regions"]:
                pairs[tool, region] = pairs.get((tool, region), 0) + 1
    tool, region = next(pair for pair, n in sorted(pairs.items()) if n == 1)
    shown = run("library", "list", "--tool", tool, "--region", region)
    assert "1 technique" in [line.strip() for line in shown.splitlines()]


def test_the_screening_says_one_week_pregnant() -> None:
    out = json.loads(run("intake", "--json", "--pregnant", "--weeks", "1", "cramping belly pain"))
    evidence = [flag["evidence"] for flag in out["red_flags"]]
    assert any("1 week pregnant" in e for e in evidence), evidence
    assert not any("1 weeks" in e for e in evidence)


def test_the_journal_says_after_0_of_1_step() -> None:
    now = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    stopped = JournalEntry(id="s-1", created_at=now, status="stopped", total_seconds=60,
                           before=Ratings(pain=4), after=Ratings(), goals=("stiffness",),
                           regions=("neck",), techniques=(), completed_steps=0, total_steps=1,
                           stop_reason="hurts")
    [advice] = escalation_advice([stopped], now)
    assert "after 0 of 1 step (hurts)" in advice.evidence
