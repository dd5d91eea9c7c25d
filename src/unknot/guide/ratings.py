"""The before and after ratings: pain, tension and stress on a 0–10 scale."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from unknot.guide.outcome import RATING_NAMES

QUESTIONS: dict[str, str] = {
    "pain": "Pain right now (0 none – 10 worst)",
    "tension": "Tension or tightness (0 loose – 10 very tight)",
    "stress": "Stress (0 calm – 10 overwhelmed)",
}
_NUMBER = re.compile(r"^\s*(\d{1,2})\s*(?:/\s*10\s*)?$")


class RatingInputError(ValueError):
    """An answer that is not a whole number from 0 to 10 (nor empty, which skips)."""


def parse_rating(text: str) -> int | None:
    """A rating from what was typed: "7" or "7/10" is 7, empty is None (skipped)."""
    if not text.strip():
        return None
    match = _NUMBER.match(text)
    if not match or int(match.group(1)) > 10:
        raise RatingInputError(
            f"“{text.strip()}” is not a rating: type a whole number from 0 to 10, "
            "or press Enter to skip.")
    return int(match.group(1))


def ask_ratings(ask: Callable[[str], str], tell: Callable[[str], None],
                when: Literal["before", "after"]) -> dict[str, int | None]:
    """Ask the three ratings through `ask`, re-asking after a bad answer.

    End of input (EOFError) skips the ratings not yet given: a person who walks
    away from the prompt has not rated, which is not an error.
    """
    heading = ("Before you start, how do you feel? Enter skips a question."
               if when == "before" else "How do you feel now? Enter skips a question.")
    tell(heading)
    ratings: dict[str, int | None] = dict.fromkeys(RATING_NAMES)
    for name in RATING_NAMES:
        while True:
            try:
                answer = ask(f"{QUESTIONS[name]}: ")
            except EOFError:
                tell("")
                return ratings
            try:
                ratings[name] = parse_rating(answer)
            except RatingInputError as exc:
                tell(str(exc))
                continue
            break
    return ratings


def summary_lines(before: dict[str, int | None], after: dict[str, int | None]) -> list[str]:
    """One line per rating: "Pain: 6 → 3", with "–" for a skipped answer."""
    def show(value: int | None) -> str:
        return "–" if value is None else str(value)

    return [f"{name.capitalize()}: {show(before.get(name))} → {show(after.get(name))}"
            for name in RATING_NAMES]
