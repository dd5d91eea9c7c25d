"""The facts read from a text skip the patterns a text cannot match (no number, no unit):
the skips are only sound while every such pattern truly needs what its test looks for."""

from __future__ import annotations

from re import _constants as sre
from re import _parser

import pytest

from unknot.safety import facts


def _needs_digit(items) -> bool:
    """Whether every match of this parsed regex contains a digit (a sound under-estimate)."""
    for op, av in items:
        if op is sre.LITERAL and chr(av).isdigit():
            return True
        if op is sre.IN and av and all(
                (kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT)
                or (kind is sre.RANGE and chr(value[0]) >= "0" and chr(value[1]) <= "9")
                or (kind is sre.LITERAL and chr(value).isdigit()) for kind, value in av):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1 and _needs_digit(av[2]):
            return True
        if op is sre.SUBPATTERN and _needs_digit(av[3]):
            return True
        if op is sre.BRANCH and all(_needs_digit(branch) for branch in av[1]):
            return True
    return False


@pytest.mark.parametrize("pattern", [*facts._AGE_PATTERNS, *facts._PAIN_PATTERNS,
                                     facts._WEEKS_PREGNANT], ids=lambda lazy: lazy.pattern[:40])
def test_every_pattern_skipped_for_want_of_a_number_needs_one(pattern):
    assert _needs_digit(_parser.parse(pattern.pattern)), pattern.pattern


def test_the_digit_test_tells_the_two_apart():
    assert _needs_digit(_parser.parse(r"\b(\d{1,3}) years"))
    assert not _needs_digit(_parser.parse(r"\b(\d{1,3}|a few) years"))
    assert not _needs_digit(_parser.parse(r"age (\d*)"))


@pytest.mark.parametrize(("text", "days"), [
    ("stiff for three weeks", 21), ("3/52 of low back pain", 21), ("on and off for ages", 365),
    ("a fortnight of this", 14), ("since last year", 365), ("6 years ago I fell", None),
    ("neck is tight", None),
])
def test_durations_are_read_with_or_without_a_number(text: str, days: int | None):
    assert facts.parse_duration_days(text) == days


@pytest.mark.parametrize(("text", "age", "pain"), [
    ("I'm 67 and my back aches, pain is 7/10", 67, 7),
    ("in my sixties, the ache is about a six", 60, None),
    ("pain is a nine", None, 9),
    ("eight out of ten today", None, 8),
    ("tight shoulders", None, None),
])
def test_age_and_pain_are_read_from_the_text(text: str, age: int | None, pain: int | None):
    found = facts.extract_facts(text, None)
    assert (found.age, found.pain) == (age, pain)


@pytest.mark.parametrize("text", [
    "Fractured my wrist skiing 5 years ago, healed fine with a plate",
    "had shingles 3 years back, hands ache from crochet",
])
def test_a_time_in_years_is_not_an_age(text):
    assert facts.extract_facts(text, None).age is None
