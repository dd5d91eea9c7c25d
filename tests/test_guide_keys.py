"""Raw single keys from a real pseudo-terminal, and the terminal put back afterwards."""

from __future__ import annotations

import contextlib
import os
import pty
import termios
from collections.abc import Iterator

import pytest

from unknot.guide.keys import KeysClosed, TerminalKeys, split_keys


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    master, slave = pty.openpty()
    yield master, slave
    for fd in (master, slave):
        with contextlib.suppress(OSError):  # the test closed it already
            os.close(fd)


def _line_mode(fd: int) -> bool:
    lflag = termios.tcgetattr(fd)[3]
    return bool(lflag & termios.ICANON) and bool(lflag & termios.ECHO)


def test_it_reads_single_keys_without_enter_and_restores_the_terminal(
        terminal: tuple[int, int]) -> None:
    master, slave = terminal
    assert _line_mode(slave)
    with TerminalKeys(fd=slave) as keys:
        assert not _line_mode(slave)
        os.write(master, b"n \x1b[Cq")
        assert [keys.read_key(2.0) for _ in range(4)] == ["n", " ", "right", "q"]
        assert keys.read_key(0.01) is None
    assert _line_mode(slave)


def test_it_restores_the_terminal_even_when_interrupted(terminal: tuple[int, int]) -> None:
    _, slave = terminal
    with pytest.raises(KeyboardInterrupt), TerminalKeys(fd=slave):
        raise KeyboardInterrupt
    assert _line_mode(slave)


def test_it_says_so_when_input_ends() -> None:
    read_end, write_end = os.pipe()
    os.close(write_end)
    try:
        with pytest.raises(KeysClosed):
            TerminalKeys(fd=read_end).read_key(1.0)
    finally:
        os.close(read_end)


def test_arrow_keys_become_names_and_other_escapes_are_dropped() -> None:
    assert split_keys("\x1b[Db\x1b[15~\x1bOCs") == ["left", "b", "right", "s"]
