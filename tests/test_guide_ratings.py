"""Parsing and asking the 0–10 ratings."""

from __future__ import annotations

import pytest

from unknot.guide.ratings import RatingInputError, ask_ratings, parse_rating, summary_lines


@pytest.mark.parametrize("text, value", [("0", 0), (" 7 ", 7), ("10", 10), ("7/10", 7),
                                         ("", None), ("   ", None)])
def test_it_reads_a_rating(text: str, value: int | None) -> None:
    assert parse_rating(text) == value


@pytest.mark.parametrize("text", ["11", "-1", "7.5", "seven", "5 6", "100"])
def test_it_refuses_what_is_not_a_rating_and_says_what_to_type(text: str) -> None:
    with pytest.raises(RatingInputError, match="whole number from 0 to 10"):
        parse_rating(text)


def test_end_of_input_leaves_the_rest_unanswered() -> None:
    answers = iter(["4"])

    def ask(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    told: list[str] = []
    assert ask_ratings(ask, told.append, "before") == {"pain": 4, "tension": None,
                                                       "stress": None}
    assert told[0].startswith("Before you start")


def test_the_summary_shows_before_and_after_with_a_dash_for_skipped() -> None:
    lines = summary_lines({"pain": 6, "tension": None, "stress": 4},
                          {"pain": 3, "tension": 2, "stress": None})
    assert lines == ["Pain: 6 → 3", "Tension: – → 2", "Stress: 4 → –"]
