"""The real `unknot guide` program, driven through a pseudo-terminal like a person would.

Nothing here sleeps to assert a duration: every step waits for text to appear
on the terminal, with a generous timeout, and the routine is paused or moved on
by keys rather than by waiting for its clock.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from unknot.guide.cues import step_title
from unknot.planner import build_plan
from unknot.planner.request import PlanRequest

PLAN_FILE = Path(__file__).parent / "data" / "guide_plan.json"
TEXT = "neck and shoulders tight from my desk"
WAIT = 30.0  # seconds to wait for a piece of text; generous for a loaded CI machine
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07")


class Terminal:
    """`unknot` running on the slave side of a pty; we read and type on the master side."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, self.slave = pty.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 110, 0, 0))
        # `setsid -c` gives the program this pty as its controlling terminal, so
        # Ctrl-C typed here reaches it as SIGINT, as in a real terminal.
        self.proc = subprocess.Popen(
            ["setsid", "-c", sys.executable, "-c", "from unknot.cli import main; main()",
             *args],
            stdin=self.slave, stdout=self.slave, stderr=self.slave, env=env, close_fds=True)
        self.raw = b""
        self.mark = 0

    def text(self) -> str:
        return _ANSI.sub(b"", self.raw).decode("utf-8", errors="replace")

    def _read(self, timeout: float) -> bytes | None:
        """What arrived within `timeout` (b"" if nothing), or None once the pty is closed."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: nothing holds the terminal open any more
            return None
        self.raw += data
        return data or None

    def expect(self, wanted: str, timeout: float = WAIT) -> None:
        """Wait until `wanted` appears after the last thing expected."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.text().find(wanted, self.mark)
            if found >= 0:
                self.mark = found + len(wanted)
                return
            if time.monotonic() > deadline or self._read(0.1) is None:
                tail = self.text()[-1500:]
                raise AssertionError(f"never saw {wanted!r}; the terminal ended with:\n{tail}")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def wait_exit(self, timeout: float = WAIT) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.1)  # keep draining, so the program never blocks on output
        while self._read(0.05):
            pass  # whatever it printed last
        return self.proc.wait(timeout=5)

    def line_mode(self) -> bool:
        """True when the terminal is back to normal: line editing and echo on."""
        lflag = termios.tcgetattr(self.slave)[3]
        return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)
        os.close(self.slave)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "unknot.db"


@pytest.fixture
def run(tmp_path: Path, database: Path) -> Iterator:
    started: list[Terminal] = []
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env.update(TERM="xterm-256color", UNKNOT_DATABASE_URL=f"sqlite:///{database}",
               UNKNOT_DATA_DIR=str(tmp_path))

    def start(*args: str) -> Terminal:
        term = Terminal(list(args), env)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()


def saved_sessions(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT status, stop_reason, pain_before, pain_after, source "
                          "FROM sessions").fetchall()


def answer_ratings(term: Terminal, *answers: str) -> None:
    for question, answer in zip(("Pain right now", "Tension", "Stress"), answers, strict=True):
        term.expect(question)
        term.type(answer + "\r")


def test_it_guides_a_whole_session_in_a_real_terminal(run, database: Path) -> None:
    steps = build_plan(PlanRequest(text=TEXT, minutes=5, seed=1)).model_dump()["steps"]
    term = run("guide", "--no-voice", "--minutes", "5", "--seed", "1", TEXT)

    term.expect("Before you start")
    term.expect("Pain right now")
    term.type("4\r")
    term.expect("Tension")
    term.type("lots\r")
    term.expect("is not a rating: type a whole number from 0 to 10")
    term.expect("Tension")
    term.type("\r")
    term.expect("Stress")
    term.type("3\r")

    term.expect(f"step 1 of {len(steps)}")
    term.expect(step_title(steps[0]))
    term.expect("breathe")
    term.type(" ")
    term.expect("PAUSED")
    term.type(" ")
    term.type("n")
    term.expect(f"step 2 of {len(steps)}")
    term.expect(step_title(steps[1]))

    term.type("s")
    term.expect("It hurts: stopped")
    term.expect("stop pressing")
    term.expect("see a doctor")
    term.expect("How do you feel now?")
    answer_ratings(term, "2", "", "")
    term.expect("Pain: 4 → 2")
    term.expect("Saved to your journal")
    assert term.wait_exit() == 0
    assert term.line_mode()
    assert saved_sessions(database) == [("stopped", "hurts", 4, 2, "terminal")]


def test_q_quits_at_once_and_leaves_the_terminal_as_it_was(run, database: Path) -> None:
    term = run("guide", "--no-voice", "--plan-file", str(PLAN_FILE))
    answer_ratings(term, "", "", "")
    term.expect("step 1 of 4")
    term.expect("Settling breath")
    term.type("q")
    term.expect("Session ended")
    assert term.wait_exit() == 0
    assert "How do you feel now?" not in term.text()
    assert term.line_mode()
    assert [row[0] for row in saved_sessions(database)] == ["quit"]


def test_ctrl_c_during_the_routine_quits_cleanly(run, database: Path) -> None:
    term = run("guide", "--no-voice", "--plan-file", str(PLAN_FILE))
    answer_ratings(term, "5", "", "")
    term.expect("step 1 of 4")
    term.type("\x03")
    term.expect("Session ended")
    assert term.wait_exit() == 0
    assert term.line_mode()
    assert saved_sessions(database) == [("quit", None, 5, None, "terminal")]
