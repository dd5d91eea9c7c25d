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
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyte
import pytest

from unknot.guide.cues import step_title
from unknot.intake.screen import screen
from unknot.planner import build_plan
from unknot.planner.request import PlanRequest

PLAN_FILE = Path(__file__).parent / "data" / "guide_plan.json"
TEXT = "neck and shoulders tight from my desk"
WAIT = 30.0  # seconds to wait for a piece of text; generous for a loaded CI machine
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07")


def _default_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """`unknot` running on the slave side of a pty; we read and type on the master side."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (110, 45)) -> None:
        self.master, self.slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # `setsid -c` gives the program this pty as its controlling terminal, so
        # Ctrl-C typed here reaches it as SIGINT, as in a real terminal.
        # (Ctrl-C restored to its default in the child: an ignored SIGINT is inherited across
        # exec, and a test process that ran something ignoring it before would pass that on)
        self.proc = subprocess.Popen(
            ["setsid", "-c", sys.executable, "-c", "from unknot.cli import main; main()",
             *args],
            stdin=self.slave, stdout=self.slave, stderr=self.slave, env=env, close_fds=True,
            preexec_fn=_default_ctrl_c)
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

    def screen_until(self, wanted: Callable[[list[str]], bool], timeout: float = WAIT) -> list[str]:
        """The rows a real terminal of this size shows, once `wanted(rows)` holds."""
        rows, columns = struct.unpack("HHHH", fcntl.ioctl(self.slave, termios.TIOCGWINSZ,
                                                          b"\0" * 8))[:2]
        shown = pyte.Screen(columns, rows)
        stream = pyte.ByteStream(shown)
        fed = 0
        deadline = time.monotonic() + timeout
        while True:
            # Each full-screen frame starts by moving the cursor home: feeding up to the
            # latest such move shows the last frame drawn whole, never one half drawn.
            whole = self.raw.rfind(b"\x1b[H")
            if whole > fed:
                stream.feed(self.raw[fed:whole])
                fed = whole
            if wanted(shown.display):
                return list(shown.display)
            if time.monotonic() > deadline or self._read(0.1) is None:
                raise AssertionError("the screen never showed what was wanted; it showed:\n"
                                     + "\n".join(shown.display))

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

    def start(*args: str, size: tuple[int, int] = (110, 45)) -> Terminal:
        term = Terminal(list(args), env, size)
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
    asked = screen(TEXT).questions
    term = run("guide", "--no-voice", "--minutes", "5", "--seed", "1", TEXT)

    # The quick safety check comes first, one key a question.
    term.expect("Quick safety check")
    term.expect("Is this for you, or someone you're helping?")
    term.type("\r")
    term.expect("→ for me")
    term.expect(f"1 of {len(asked)}")
    term.type("n")
    term.expect(f"2 of {len(asked)}")
    term.type("?")
    term.expect(f"Why we ask: {asked[1].why[:40]}")
    term.type("a")
    term.expect("no, and none of the rest apply")
    term.expect(asked[-1].ask[:40])
    term.expect("Safe to start gently.")

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


def answer_check_until(term: Terminal, text: str, wanted: str) -> str:
    """Answer "for me", then no until the first question whose yes means `wanted`, then
    yes to it; its id."""
    from unknot.safety.questions import default_questions

    known = default_questions()
    asked = screen(text).questions
    term.expect("Is this for you")
    term.type("m")
    for number, question in enumerate(asked, start=1):
        term.expect(f"{number} of {len(asked)}")
        if known.by_id(question.id).verdict == wanted:
            term.type("y")
            term.expect("→ yes")
            return question.id
        term.type("n")
    raise AssertionError(f"no question for {text!r} has a yes meaning {wanted}")


def test_a_yes_that_needs_a_doctor_ends_without_a_routine(run, database: Path) -> None:
    term = run("guide", "--no-voice", TEXT)
    answer_check_until(term, TEXT, "see_doctor")
    term.type("a")  # none of the rest apply
    term.expect("See a doctor first — no routine today.")
    term.expect("yes to")
    assert term.wait_exit() == 0
    assert term.line_mode()
    shown = term.text()
    assert "Before you start" not in shown and "step 1 of" not in shown
    assert not database.exists() or saved_sessions(database) == []


def test_a_yes_that_is_an_emergency_prints_only_the_call_for_help(run, database: Path) -> None:
    term = run("guide", "--no-voice", TEXT)
    answer_check_until(term, TEXT, "urgent")
    term.type("a")
    term.expect("Call your local emergency number now")
    assert term.wait_exit() == 0
    after = term.text()[term.text().index("Call your local emergency number now"):]
    assert "Before you start" not in after and "See a doctor" not in after
    assert not database.exists() or saved_sessions(database) == []


def test_options_that_answer_the_check_skip_it(run, database: Path) -> None:
    term = run("guide", "--no-voice", "--none", "--for", "self", "--plan-file", str(PLAN_FILE))
    answer_ratings(term, "", "", "")
    term.expect("step 1 of 4")
    term.type("q")
    assert term.wait_exit() == 0
    term = run("guide", "--no-voice", "--none", "--for", "self", "--minutes", "3", TEXT)
    term.expect("Safe to start gently.")
    answer_ratings(term, "3", "", "")
    term.expect("step 1 of")
    term.type("q")
    term.expect("Session ended")
    assert term.wait_exit() == 0
    assert "Quick safety check" not in term.text()
    # --none answers the questions, but whose body it is still gets asked.
    term = run("guide", "--no-voice", "--none", "--minutes", "3", TEXT)
    term.expect("Is this for you")
    term.type("s")
    term.expect("→ for someone I'm helping")
    term.expect("Before you start")
    assert "1 of" not in term.text()
    term.type("\x03")
    term.wait_exit()


def test_q_leaves_the_check_with_no_routine_and_the_terminal_as_it_was(run, database: Path) -> None:
    term = run("guide", "--no-voice", TEXT)
    term.expect("Is this for you")
    term.type("\r")
    term.expect("1 of")
    term.type("q")
    term.expect("no routine today")
    assert term.wait_exit() == 0
    assert term.line_mode()
    assert "Before you start" not in term.text()
    assert not database.exists() or saved_sessions(database) == []


def _inside_panel(rows: list[str]) -> str:
    """The panel's text with its border taken off and its wrapping undone."""
    inner = [row.strip()[1:-1] for row in rows if row.strip().startswith("│")]
    return " ".join(" ".join(inner).split())


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
def test_every_step_fits_a_small_terminal_with_its_timer_stop_line_and_keys(run, size) -> None:
    steps = build_plan(PlanRequest(text=TEXT, minutes=10, seed=1)).model_dump()["steps"]
    term = run("guide", "--no-voice", "--none", "--for", "self", "--minutes", "10", "--seed", "1",
               TEXT, size=size)
    answer_ratings(term, "", "", "")
    for number, step in enumerate(steps, start=1):
        # The header on the top row, the step's stop-if line in the panel and the keys below
        # everything (waiting for all three also waits for the whole frame to arrive).
        rows = term.screen_until(lambda shown, n=number, stop=str(step["stop_if"]):
                                 f"step {n} of {len(steps)}" in shown[0]
                                 and stop in _inside_panel(shown)
                                 and any("q quit" in row for row in shown))
        assert re.search(r"\d+:\d\d left", _inside_panel(rows)), rows
        assert any(row.startswith("Breath ") for row in rows), rows
        assert any(row.startswith("Session ") and "/ 10:00" in row for row in rows), rows
        assert any(row.startswith("Next    ") for row in rows), rows
        if number == 2:
            # Paused: the pacer stands still and says so; it never says "breathe out".
            term.type(" ")
            rows = term.screen_until(lambda shown: "PAUSED" in shown[0])
            breath = next(row for row in rows if row.startswith("Breath "))
            assert "paused" in breath and "breathe" not in breath
            term.type(" ")
            term.screen_until(lambda shown: "PAUSED" not in shown[0])
        term.type("n")
    term.expect("How do you feel now?")
    term.type("\x03")
    term.wait_exit()
