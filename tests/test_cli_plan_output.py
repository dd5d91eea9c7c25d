"""`unknot plan` read in a terminal: every step whole, at any width (no squeezed columns)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

UNKNOT = str(Path(sys.executable).with_name("unknot"))
TEXT = "my neck is stiff from sitting at the desk all day"


def run(*args: str, columns: int) -> str:
    done = subprocess.run([UNKNOT, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "COLUMNS": str(columns)})
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("columns", [60, 80])
def test_every_step_is_shown_whole_with_its_length_stop_line_and_why(columns: int) -> None:
    args = ("plan", "--none", "--for", "self", "--minutes", "10", "--setting", "desk", TEXT)
    plan = json.loads(run(*args, "--json", columns=columns))
    shown = run(*args, "--why", columns=columns)
    lines = shown.splitlines()
    assert all(len(line.rstrip()) <= columns for line in lines)
    assert "…" not in shown  # nothing cut short
    flowing = " ".join(" ".join(lines).split())
    elapsed = 0
    for step in plan["steps"]:
        title = step["name"] + (f", {step['side']} side" if step["side"] else "")
        clock = f"{elapsed // 60}:{elapsed % 60:02d}"
        assert f"{clock} {title}" in flowing, title
        assert step["stop_if"] in flowing and f"Why: {step['why']}" in flowing
        elapsed += step["seconds"]
    assert f"Your routine: {len(plan['steps'])} steps, 10 minutes" in shown


def test_a_step_says_its_length_pressure_position_and_tool() -> None:
    shown = run("plan", "--none", "--for", "self", "--minutes", "10", "--setting", "desk",
                "--tools", "massage_gun", "tight shoulders from stress", columns=80)
    lines = [line.strip() for line in shown.splitlines()]
    named = next(i for i, line in enumerate(lines)
                 if line.endswith("Massage gun on top of the shoulder, left side"))
    length, pressure, position, tool = lines[named + 1].split(" · ")
    assert length.endswith(" s") and pressure.endswith(" pressure")
    assert (position, tool) == ("seated", "massage gun")


def test_a_caution_is_said_once_in_plain_words_with_its_reason_indented() -> None:
    shown = run("plan", "--minutes", "10", "--tools", "massage_gun",
                "tight shoulders, I take warfarin", columns=70)
    assert shown.startswith("Go gently. Left out: deep pressure, tapping and massage guns.")
    flowing = " ".join(shown.split())
    assert flowing.count("Left out:") == 1
    assert flowing.count("Blood thinners make bruising easy") == 1
    assert "Stop at once if anything hurts." in shown
    assert "First, answer the quick safety check" in shown
    # Wrapped text stays beside its bullet or answer box, never back under it.
    body = shown.split("Quick safety check", 1)[1].splitlines()[1:]
    checklist = body[:body.index(next(line for line in body if line.startswith("Answer each")))]
    assert all(line.startswith("  ") for line in checklist), checklist
    reason = shown.splitlines()[1:4]
    assert reason[0].startswith("• Blood thinners") and all(r.startswith("  ") for r in reason[1:])


def test_a_hanging_list_wraps_each_text_beside_its_mark_and_never_under_it() -> None:
    from rich.console import Console
    from rich.text import Text

    from unknot.cli.layout import Hanging

    long = "Stop if you feel dizzy, get pins and needles, or the headache sharpens at all."
    for width in (30, 44, 80):
        console = Console(width=width, record=True, color_system=None)
        console.print(Hanging([("0:00", Text(long)), ("10:30", "Short one.")], gap=True))
        lines = console.export_text().splitlines()
        assert lines[0].startswith("0:00  ") and all(len(line) <= width for line in lines)
        # every wrapped line sits in the text column, after the widest mark and a space
        text_lines = [line for line in lines if line]
        assert all(line[:6].strip() in ("", "0:00", "10:30") for line in text_lines)
        assert " ".join(" ".join(line[6:].split()) for line in text_lines[:-1]) == long
        assert "" in lines  # the gap between rows
    narrow = Console(width=14, record=True, color_system=None)
    narrow.print(Hanging([("  [  ?]", Text(long))]))
    lines = narrow.export_text().splitlines()
    assert lines[0].strip() == "[  ?]" and all(len(line) <= 14 for line in lines)  # under it
