"""Counts said the way people say them: "1 step", "2 steps", "1 minute" (pure, no imports).

Kept in its own small module so the command line, the guide and the journal can
all use it without loading anything else.
"""

from __future__ import annotations


def counted(n: int | float, one: str, many: str | None = None) -> str:
    """`n` with its noun, singular for exactly one: counted(1, "step") → "1 step"."""
    shown = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{shown} {one if n == 1 else (many or one + 's')}"


def duration_words(seconds: int | float) -> str:
    """A routine's length in words: "1 minute", "10 minutes", "4 minutes 30 seconds", "45 seconds"."""
    whole = int(round(seconds))
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return counted(rest, "second")
    if not rest:
        return counted(minutes, "minute")
    return f"{counted(minutes, 'minute')} {counted(rest, 'second')}"
