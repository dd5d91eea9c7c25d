"""The espeak-ng speaker, run against a stand-in program that records what it was told."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from unknot.guide.speech import EspeakSpeaker, SilentSpeaker, make_speaker

STAND_IN = """#!{python}
import os, sys, time
text = sys.stdin.read()
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(f"{{os.getpid()}}|{{' '.join(sys.argv[1:])}}|{{text}}\\n")
if text == "slow":
    time.sleep(60)
"""


def stand_in(tmp_path: Path) -> tuple[str, Path]:
    log = tmp_path / "said.log"
    program = tmp_path / "fake-espeak"
    program.write_text(STAND_IN.format(python=sys.executable, log=str(log)), encoding="utf-8")
    program.chmod(0o755)
    return str(program), log


def wait_for_lines(log: Path, count: int, timeout: float = 20.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        if len(lines) >= count:
            return lines
        time.sleep(0.02)
    raise AssertionError(f"fewer than {count} utterances in {log}")


def test_it_speaks_in_order_slowly_with_the_text_on_stdin(tmp_path: Path) -> None:
    command, log = stand_in(tmp_path)
    speaker = EspeakSpeaker(command)
    speaker.say("Breathe in.")
    speaker.say("-s 400 is text, not an option")
    speaker.close()  # lets the queue finish first
    lines = wait_for_lines(log, 2)
    assert [line.split("|", 1)[1] for line in lines] == [
        "-s 140|Breathe in.", "-s 140|-s 400 is text, not an option"]


def test_cancel_silences_the_current_utterance_and_drops_the_queue(tmp_path: Path) -> None:
    command, log = stand_in(tmp_path)
    speaker = EspeakSpeaker(command)
    speaker.say("slow")
    speaker.say("never said")
    pid = int(wait_for_lines(log, 1)[0].split("|")[0])
    speaker.cancel()
    speaker.close(drain_seconds=0)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.02)
    else:
        raise AssertionError("the utterance was not stopped")
    assert "never said" not in log.read_text(encoding="utf-8")


def test_without_voice_or_without_espeak_it_stays_silent(tmp_path: Path) -> None:
    command, _ = stand_in(tmp_path)
    assert isinstance(make_speaker(False, command), SilentSpeaker)
    assert isinstance(make_speaker(True, str(tmp_path / "no-such-program")), SilentSpeaker)
    speaker = make_speaker(True, command)
    assert isinstance(speaker, EspeakSpeaker)
    speaker.close()
