"""The journal's pure logic: recent list, changes, what helps, escalation advice.

No database and no clock: entries are built here and `now` is frozen.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from unknot.journal import (
    Changes,
    JournalEntry,
    Ratings,
    changes,
    escalation_advice,
    recent_sessions,
    summarize,
    what_helps_by_goal,
    what_helps_by_technique,
)

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def entry(days_ago: float, *, before: dict[str, int] | None = None,
          after: dict[str, int] | None = None, status: str = "completed",
          techniques: tuple[str, ...] = ("neck-glide",), goals: tuple[str, ...] = ("stiffness",),
          ident: str | None = None, stop_reason: str | None = None) -> JournalEntry:
    return JournalEntry(
        id=ident or f"s-{days_ago}", created_at=NOW - timedelta(days=days_ago), status=status,
        total_seconds=300, before=Ratings(**(before or {})), after=Ratings(**(after or {})),
        goals=goals, regions=("neck",), techniques=techniques,
        completed_steps=len(techniques), total_steps=len(techniques) + 1,
        stop_reason=stop_reason,
    )


def advice_ids(entries: list[JournalEntry], now: datetime = NOW) -> list[str]:
    return [a.id for a in escalation_advice(entries, now)]


# -- ratings and changes ----------------------------------------------------

def test_it_refuses_a_rating_above_ten() -> None:
    with pytest.raises(ValidationError, match="less than or equal to 10"):
        Ratings(pain=11)


def test_it_refuses_a_negative_rating() -> None:
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        Ratings(stress=-1)


def test_change_is_after_minus_before_and_empty_where_a_rating_is_missing() -> None:
    assert changes(Ratings(pain=6, tension=7), Ratings(pain=2, stress=3)) == Changes(pain=-4)


def test_it_lists_recent_sessions_newest_first_with_their_changes() -> None:
    entries = [entry(3, before={"pain": 5}, after={"pain": 4}),
               entry(1, before={"pain": 6}, after={"pain": 3}),
               entry(2)]
    recent = recent_sessions(entries, limit=2)
    assert [r.id for r in recent] == ["s-1", "s-2"]
    assert recent[0].change.pain == -3
    assert recent[0].minutes == 5


def test_sessions_at_the_same_moment_keep_a_stable_order() -> None:
    a, b = entry(1, ident="a"), entry(1, ident="b")
    assert [r.id for r in recent_sessions([a, b])] == [r.id for r in recent_sessions([b, a])]


# -- what helps -------------------------------------------------------------

def test_it_averages_the_change_per_technique_with_the_sessions_behind_it() -> None:
    entries = [
        entry(1, before={"pain": 6, "stress": 5}, after={"pain": 3, "stress": 4},
              techniques=("neck-glide", "scalp-circles")),
        entry(2, before={"pain": 5}, after={"pain": 4}, techniques=("neck-glide",)),
    ]
    items = {i.key: i for i in what_helps_by_technique(entries)}
    glide = items["neck-glide"]
    assert (glide.sessions, glide.pain.change, glide.pain.sessions) == (2, -2.0, 2)
    assert (glide.stress.change, glide.stress.sessions) == (-1.0, 1)
    assert glide.tension.change is None and glide.tension.sessions == 0
    assert items["scalp-circles"].pain.change == -3.0


def test_a_technique_done_on_both_sides_counts_once_per_session() -> None:
    entries = [entry(1, before={"pain": 6}, after={"pain": 4},
                     techniques=("ear-pull", "ear-pull"))]
    [item] = what_helps_by_technique(entries)
    assert item.sessions == 1 and item.pain.sessions == 1


def test_what_helps_leaves_out_unfinished_and_unrated_sessions() -> None:
    entries = [entry(1, before={"pain": 6}, status="in_progress"),
               entry(2, before={"pain": 6}),  # no after rating
               entry(3, before={"pain": 6}, after={"pain": 5}, techniques=("jaw-circles",))]
    assert [i.key for i in what_helps_by_technique(entries)] == ["jaw-circles"]


def test_what_helps_puts_the_most_helpful_first() -> None:
    entries = [entry(1, before={"pain": 5}, after={"pain": 5}, techniques=("a",)),
               entry(2, before={"pain": 7}, after={"pain": 2}, techniques=("b",)),
               entry(3, before={"pain": 4}, after={"pain": 6}, techniques=("c",))]
    assert [i.key for i in what_helps_by_technique(entries)] == ["b", "a", "c"]


def test_it_averages_the_change_per_goal() -> None:
    entries = [entry(1, before={"stress": 8}, after={"stress": 4}, goals=("sleep", "relaxation")),
               entry(2, before={"stress": 6}, after={"stress": 4}, goals=("sleep",))]
    items = {i.key: i for i in what_helps_by_goal(entries)}
    assert (items["sleep"].stress.change, items["sleep"].sessions) == (-3.0, 2)
    assert (items["relaxation"].stress.change, items["relaxation"].sessions) == (-4.0, 1)


# -- escalation advice ------------------------------------------------------

def test_it_advises_a_doctor_when_pain_before_a_session_is_8_or_more() -> None:
    [advice] = escalation_advice([entry(1, before={"pain": 8})], NOW)
    assert advice.id == "intense_pain" and advice.verdict == "see_doctor"
    assert "8/10" in advice.evidence and advice.sessions == ["s-1"]


def test_pain_of_7_is_not_called_intense() -> None:
    assert advice_ids([entry(1, before={"pain": 7})]) == []


def test_intense_pain_older_than_two_weeks_is_history() -> None:
    assert advice_ids([entry(15, before={"pain": 9})]) == []


def test_it_advises_a_doctor_when_pain_before_rises_over_the_last_three_sessions() -> None:
    entries = [entry(5, before={"pain": 3}), entry(3, before={"pain": 4}),
               entry(1, before={"pain": 6})]
    [advice] = escalation_advice(entries, NOW)
    assert advice.id == "pain_rising"
    assert "3 → 4 → 6" in advice.evidence
    assert advice.sessions == ["s-5", "s-3", "s-1"]


@pytest.mark.parametrize("pains", [(3, 4, 4), (5, 4, 6), (6, 5, 4)])
def test_pain_that_does_not_rise_every_time_is_not_called_rising(pains: tuple[int, ...]) -> None:
    entries = [entry(5 - 2 * i, before={"pain": p}) for i, p in enumerate(pains)]
    assert "pain_rising" not in advice_ids(entries)


def test_a_rise_that_ended_weeks_ago_is_history() -> None:
    entries = [entry(40, before={"pain": 3}), entry(35, before={"pain": 4}),
               entry(30, before={"pain": 6})]
    assert advice_ids(entries) == []


def test_it_advises_a_doctor_when_two_weeks_of_sessions_bring_no_improvement() -> None:
    entries = [entry(14, before={"pain": 5}, after={"pain": 4}),
               entry(7, before={"pain": 6}, after={"pain": 4}),
               entry(1, before={"pain": 5}, after={"pain": 4})]
    [advice] = escalation_advice(entries, NOW)
    assert advice.id == "no_improvement"
    assert "5/10 on 6 Mar 2026 and 5/10 on 19 Mar 2026, over 3 sessions" in advice.evidence


def test_pain_that_comes_down_over_two_weeks_needs_no_advice() -> None:
    entries = [entry(14, before={"pain": 5}), entry(7, before={"pain": 4}),
               entry(1, before={"pain": 3})]
    assert advice_ids(entries) == []


def test_improvement_is_judged_only_after_two_weeks_of_sessions() -> None:
    entries = [entry(12, before={"pain": 5}), entry(7, before={"pain": 5}),
               entry(1, before={"pain": 5})]
    assert advice_ids(entries) == []


def test_no_pain_throughout_is_not_a_lack_of_improvement() -> None:
    entries = [entry(14, before={"pain": 0}), entry(7, before={"pain": 0}),
               entry(1, before={"pain": 0})]
    assert advice_ids(entries) == []


def test_it_advises_a_doctor_after_a_session_stopped_because_it_hurt() -> None:
    stopped = entry(2, before={"pain": 4}, status="stopped", stop_reason="it hurts more")
    [advice] = escalation_advice([stopped], NOW)
    assert advice.id == "stopped_hurting"
    assert advice.evidence.endswith("after 1 of 2 steps (it hurts more)")


def test_quitting_a_session_is_not_a_reason_to_see_a_doctor() -> None:
    assert advice_ids([entry(2, status="quit")]) == []


def test_it_advises_a_doctor_when_pain_is_higher_after_a_session_than_before() -> None:
    [advice] = escalation_advice([entry(1, before={"pain": 3}, after={"pain": 5})], NOW)
    assert advice.id == "pain_worse_after" and "3 → 5" in advice.evidence


def test_several_signals_give_one_advice_each_in_a_fixed_order() -> None:
    entries = [entry(5, before={"pain": 6}), entry(3, before={"pain": 7}),
               entry(1, before={"pain": 9}, after={"pain": 10}, status="stopped")]
    assert advice_ids(entries) == ["intense_pain", "pain_rising", "stopped_hurting",
                                   "pain_worse_after"]


def test_every_advice_says_why_and_where_the_rule_comes_from() -> None:
    entries = [entry(14, before={"pain": 8}), entry(7, before={"pain": 8}),
               entry(1, before={"pain": 9}, after={"pain": 10}, status="stopped")]
    for advice in escalation_advice(entries, NOW):
        assert advice.message.endswith(".") and "doctor" in advice.message
        assert advice.evidence and advice.source.startswith("seed 003") and advice.sessions


def test_dates_in_the_evidence_follow_the_zone_of_now() -> None:
    late = JournalEntry(id="x", created_at=datetime(2026, 3, 19, 23, 30, tzinfo=UTC),
                        status="completed", total_seconds=60, before=Ratings(pain=9),
                        after=Ratings())
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    assert "20 Mar 2026" in escalation_advice([late], tokyo)[0].evidence
    assert "19 Mar 2026" in escalation_advice([late], NOW)[0].evidence


def test_a_naive_now_is_taken_as_utc() -> None:
    assert advice_ids([entry(1, before={"pain": 9})], NOW.replace(tzinfo=None)) == [
        "intense_pain"]


# -- the whole summary -------------------------------------------------------

def test_the_summary_holds_recent_sessions_what_helps_and_advice() -> None:
    entries = [entry(2, before={"pain": 4}, after={"pain": 2}),
               entry(1, before={"pain": 9}, after={"pain": 7})]
    summary = summarize(entries, NOW, recent_limit=1)
    assert summary.total_sessions == 2 and [r.id for r in summary.recent] == ["s-1"]
    assert summary.what_helps.by_technique[0].pain.change == -2.0
    assert [a.id for a in summary.advice] == ["intense_pain"]
    assert summary.generated_at == NOW


ratings = st.builds(Ratings, pain=st.none() | st.integers(0, 10),
                    tension=st.none() | st.integers(0, 10), stress=st.none() | st.integers(0, 10))
entries_strategy = st.lists(
    st.builds(
        JournalEntry,
        id=st.uuids().map(str),
        created_at=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2026, 3, 20),
                                timezones=st.just(UTC)),
        status=st.sampled_from(["planned", "in_progress", "completed", "stopped", "quit"]),
        total_seconds=st.integers(60, 3600), before=ratings, after=ratings,
        goals=st.lists(st.sampled_from(["sleep", "stiffness", "recovery"]), max_size=2)
        .map(tuple),
        techniques=st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=4).map(tuple),
    ),
    max_size=30,
)


@given(entries_strategy)
def test_the_summary_is_bounded_and_does_not_depend_on_input_order(
        entries: list[JournalEntry]) -> None:
    summary = summarize(entries, NOW)
    assert summary == summarize(list(reversed(entries)), NOW)
    for item in summary.what_helps.by_technique + summary.what_helps.by_goal:
        assert 1 <= item.sessions <= len(entries)
        for average in (item.pain, item.tension, item.stress):
            assert average.sessions <= item.sessions
            assert average.change is None or -10 <= average.change <= 10
    assert len({a.id for a in summary.advice}) == len(summary.advice)
    summary.model_dump_json()
