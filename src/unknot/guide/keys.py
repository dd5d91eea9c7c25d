"""Single keys from the terminal, without Enter, and the terminal put back afterwards.

The player needs a key the moment it is pressed (space to pause while the hands
are busy), so the terminal goes into cbreak mode: no line buffering, no echo,
but Ctrl-C still interrupts. The saved mode is restored in `__exit__`, which
runs on every way out — a finished session, `q`, an exception or Ctrl-C — so
the person's shell is never left without echo.
"""

from __future__ import annotations

import os
import select
import sys
import termios
import tty
from collections import deque
from types import TracebackType
from typing import Protocol

# Arrow keys arrive as escape sequences; right and left mean next and back.
_SEQUENCES = {"\x1b[C": "right", "\x1b[D": "left", "\x1bOC": "right", "\x1bOD": "left"}


class KeysClosed(EOFError):
    """The terminal's input has closed; no more keys will come."""


class KeySource(Protocol):
    """Where the player's keys come from (the terminal, or a script in tests)."""

    def __enter__(self) -> KeySource: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def read_key(self, timeout: float) -> str | None:
        """The next key, waiting at most `timeout` seconds; None when none came."""
        ...


def split_keys(text: str) -> list[str]:
    """Split what one read returned into keys; unknown escape sequences are dropped."""
    keys: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\x1b":
            for seq, name in _SEQUENCES.items():
                if text.startswith(seq, i):
                    keys.append(name)
                    i += len(seq)
                    break
            else:
                # An escape sequence we do not use (F-keys, Home…): skip to its final letter.
                j = i + 1
                if j < len(text) and text[j] in "[O":
                    j += 1
                    while j < len(text) and not text[j].isalpha() and text[j] != "~":
                        j += 1
                i = j + 1
            continue
        keys.append(text[i])
        i += 1
    return keys


class TerminalKeys:
    """Keys read raw from a terminal file descriptor (stdin by default)."""

    def __init__(self, fd: int | None = None) -> None:
        self._fd = sys.stdin.fileno() if fd is None else fd
        self._saved: list[object] | None = None
        self._pending: deque[str] = deque()

    def __enter__(self) -> TerminalKeys:
        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd, termios.TCSANOW)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._saved is not None:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def read_key(self, timeout: float) -> str | None:
        """The next key pressed, or None after `timeout` seconds; `KeysClosed` at end of input."""
        if self._pending:
            return self._pending.popleft()
        ready, _, _ = select.select([self._fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            data = os.read(self._fd, 64)
        except OSError as exc:  # Linux reports a hung-up terminal as EIO
            raise KeysClosed("the terminal hung up") from exc
        if not data:
            raise KeysClosed("the terminal's input closed")
        self._pending.extend(split_keys(data.decode("utf-8", errors="replace")))
        return self._pending.popleft() if self._pending else None
