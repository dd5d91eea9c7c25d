"""The breath pacer: a pure function of time and rate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unknot.guide.pacer import PacerError, breath_at, check_rate

rates = st.floats(min_value=2.0, max_value=20.0, allow_nan=False)
times = st.floats(min_value=0.0, max_value=100_000.0, allow_nan=False)


def test_it_starts_breathing_in_from_empty() -> None:
    breath = breath_at(0.0)
    assert (breath.phase, breath.level, breath.count) == ("in", 0.0, 0)
    assert breath.label == "breathe in"


def test_at_six_breaths_a_minute_it_breathes_in_for_four_seconds_and_out_for_six() -> None:
    assert breath_at(3.99).phase == "in"
    assert breath_at(4.0).phase == "out"
    assert breath_at(4.0).level == pytest.approx(1.0)
    assert breath_at(9.99).phase == "out"
    assert breath_at(10.0).phase == "in" and breath_at(10.0).count == 1
    assert breath_at(1.0).seconds_left == pytest.approx(3.0)
    assert breath_at(5.0).label == "breathe out"


def test_a_faster_rate_makes_shorter_breaths() -> None:
    # 12 a minute: 5 s breaths, 2 s in.
    assert breath_at(2.1, rate=12).phase == "out"
    assert breath_at(5.1, rate=12).phase == "in"


def test_the_in_breath_is_about_forty_percent_of_each_breath() -> None:
    samples = [breath_at(i / 100, rate=6).phase for i in range(1000)]
    assert samples.count("in") / len(samples) == pytest.approx(0.4, abs=0.01)


@pytest.mark.parametrize("rate", [0, 1.9, 20.1, float("nan"), float("inf"), -6])
def test_it_refuses_a_rate_it_cannot_lead(rate: float) -> None:
    with pytest.raises(PacerError, match="between 2 and 20"):
        check_rate(rate)
    with pytest.raises(PacerError):
        breath_at(1.0, rate=rate)


@given(times, rates)
def test_level_and_progress_stay_between_empty_and_full(t: float, rate: float) -> None:
    breath = breath_at(t, rate)
    assert 0.0 <= breath.level <= 1.0
    assert 0.0 <= breath.progress <= 1.0
    assert 0.0 < breath.seconds_left <= 60.0 / rate + 1e-9


@given(st.floats(min_value=0.0, max_value=1_000.0, allow_nan=False), rates,
       st.floats(min_value=0.001, max_value=0.5))
def test_the_bar_fills_while_breathing_in_and_empties_while_breathing_out(
        t: float, rate: float, dt: float) -> None:
    a, b = breath_at(t, rate), breath_at(t + dt, rate)
    if a.phase == b.phase == "in" and a.count == b.count:
        assert b.level >= a.level - 1e-12
    if a.phase == b.phase == "out" and a.count == b.count:
        assert b.level <= a.level + 1e-12
