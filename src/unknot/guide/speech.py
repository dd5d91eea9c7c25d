"""Spoken cues: espeak-ng when it is installed and wanted, silence otherwise.

The player only ever calls `say` and `cancel`, which return at once: speech runs
in a background thread that starts one espeak-ng process per utterance, in
order, so the display and the keys never wait on the voice. Skipping a step
cancels what is being said, because the old step's words would now be wrong.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading
from collections import deque
from typing import Protocol

ESPEAK = "espeak-ng"
# Slower than espeak-ng's default 175 wpm: the person is listening with their
# eyes closed and their hands busy.
DEFAULT_WPM = 140
# How long `close` lets the last words finish before cutting them off.
DRAIN_SECONDS = 6.0


class Speaker(Protocol):
    """Something that can speak the player's cues."""

    def say(self, text: str) -> None:
        """Queue `text` to be spoken after anything already queued; never blocks."""

    def cancel(self) -> None:
        """Stop the current utterance and drop anything queued."""

    def close(self) -> None:
        """Stop speaking and release whatever the speaker holds."""


class SilentSpeaker:
    """The speaker used when there is no voice: says nothing."""

    def say(self, text: str) -> None:
        """Say nothing."""

    def cancel(self) -> None:
        """Nothing to cancel."""

    def close(self) -> None:
        """Nothing to release."""


class EspeakSpeaker:
    """Speaks through an espeak-ng subprocess, one utterance at a time, off the UI thread."""

    def __init__(self, command: str = ESPEAK, *, wpm: int = DEFAULT_WPM) -> None:
        self._argv = [command, "-s", str(wpm)]
        self._queue: deque[str] = deque()
        self._lock = threading.Condition()
        self._current: subprocess.Popen[bytes] | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="unknot-speech", daemon=True)
        self._thread.start()

    def say(self, text: str) -> None:
        """Queue `text`; it is spoken once everything before it has been."""
        with self._lock:
            if not self._closed and text.strip():
                self._queue.append(text)
                self._lock.notify_all()

    def cancel(self) -> None:
        """Silence the current utterance and forget the queue."""
        with self._lock:
            self._queue.clear()
            proc = self._current
        if proc is not None:
            _end(proc)

    def close(self, drain_seconds: float = DRAIN_SECONDS) -> None:
        """Let queued words finish for up to `drain_seconds`, then stop speaking for good.

        The drain is what lets "well done" be heard when the program ends right
        after the routine; anything still going after it is cut off.
        """
        with self._lock:
            self._lock.wait_for(lambda: not self._queue and self._current is None,
                                timeout=max(0.0, drain_seconds))
            self._closed = True
            self._lock.notify_all()
        self.cancel()
        self._thread.join(timeout=2.0)

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._queue and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                text = self._queue.popleft()
                # The text goes in on stdin, never as an argument, so a cue that
                # starts with "-" cannot be read as an option.
                try:
                    self._current = subprocess.Popen(
                        self._argv, stdin=subprocess.PIPE,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                except OSError:
                    # espeak-ng vanished or cannot run: the session goes on in silence.
                    self._closed = True
                    self._queue.clear()
                    self._lock.notify_all()
                    return
                proc = self._current
            if proc.stdin is not None:
                # An OSError here means it was cancelled before it read its text.
                with contextlib.suppress(OSError):
                    proc.stdin.write(text.encode("utf-8"))
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            proc.wait()
            with self._lock:
                self._current = None
                self._lock.notify_all()  # wakes a `close` waiting for the queue to drain


def _end(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it had already finished
        proc.terminate()


def make_speaker(voice: bool, command: str = ESPEAK) -> Speaker:
    """espeak-ng if `voice` is on and the program is found on PATH, else silence."""
    if voice and shutil.which(command):
        return EspeakSpeaker(command)
    return SilentSpeaker()
