"""The week-by-week chart's geometry, pure: where points go, where lines break, which
weeks are labelled (thinned out over a year and more), and what it says in words."""

from __future__ import annotations

from datetime import date, timedelta

from unknot.clinic.adherence import WeekTrend, weekly
from unknot.week_chart import (
    LABELS_NARROW,
    LABELS_NARROW_LONG,
    LABELS_WIDE,
    LABELS_WIDE_LONG,
    week_chart,
)

MONDAY = date(2026, 3, 2)


def week(n: int, before: float | None, after: float | None, sessions: int = 2) -> WeekTrend:
    return WeekTrend(MONDAY + timedelta(weeks=n), sessions,
                     {"pain": before, "tension": None, "stress": None},
                     {"pain": after, "tension": None, "stress": None})


def test_it_draws_nothing_without_sessions_or_without_a_pain_rating() -> None:
    assert week_chart([], "Neck") is None
    assert week_chart([week(0, None, None)], "Neck") is None


def test_one_week_is_a_pair_of_dots_in_the_middle_and_no_line() -> None:
    chart = week_chart([week(0, 6, 3)], "Neck")
    assert chart is not None and chart.weeks == 1
    assert [(p.at, p.value) for p in chart.before] == [(0.5, 6.0)]
    assert [(p.at, p.value) for p in chart.after] == [(0.5, 3.0)]
    assert [len(r) for r in chart.before_runs] == [1]
    assert [(label.text, label.narrow) for label in chart.labels] == [("2 Mar", True)]
    assert chart.description.endswith("the week of 2 Mar 2026. Mean ratings: 6 before and 3 after.")


def test_a_week_without_sessions_breaks_the_lines_and_stays_on_the_axis() -> None:
    chart = week_chart([week(0, 6, 3), week(1, 5, 2), week(3, 4, None), week(4, 4, 1)], "Neck")
    assert chart is not None and chart.weeks == 5
    assert [p.at for p in chart.before] == [0, 0.25, 0.75, 1]
    assert [[p.monday.day for p in run] for run in chart.before_runs] == [[2, 9], [23, 30]]
    # A week rated only before leaves the after line broken there too.
    assert [[p.monday.day for p in run] for run in chart.after_runs] == [[2, 9], [30]]
    assert "5 weeks from the week of 2 Mar 2026 to the week of 30 Mar 2026" in chart.description
    assert "4 of those weeks have ratings; the lines break at the others." in chart.description
    assert "the week of 2 Mar 2026, 6 before and 3 after; the week of 30 Mar 2026, 4 before " \
           "and 1 after." in chart.description


def test_the_axis_reaches_this_week_while_the_programme_runs() -> None:
    chart = week_chart([week(0, 6, 3)], "Neck", until=MONDAY + timedelta(days=17))
    assert chart is not None and chart.weeks == 3 and chart.last == date(2026, 3, 16)
    assert [p.at for p in chart.after] == [0]
    assert chart.labels[-1].text == "16 Mar"


def test_a_year_and_more_thins_its_labels_and_names_months() -> None:
    weeks = [week(n, 7 - n / 20, 4 - n / 20) for n in range(70) if n % 9 != 4]
    chart = week_chart(weeks, "Shoulders")
    assert chart is not None and chart.weeks == 70
    assert len(chart.before) == len(weeks) and chart.before[-1].at == 1
    phone = [label for label in chart.labels if label.narrow]
    assert 2 <= len(phone) <= LABELS_NARROW_LONG < len(chart.labels) <= LABELS_WIDE_LONG
    # Evenly spaced, counted back from the newest week, which is always labelled.
    spacing = {round(b.at - a.at, 6) for a, b in zip(chart.labels, chart.labels[1:], strict=False)}
    assert len(spacing) == 1 and chart.labels[-1].at == 1
    assert [label.text for label in chart.labels] == [
        f"{label.monday:%b %Y}" for label in chart.labels]
    assert len({label.text for label in chart.labels}) == len(chart.labels)
    # Too many weeks for a mark each; smaller dots.
    assert chart.labels[-1].text == "Jun 2027" and chart.ticks == [] and chart.dot < 1
    # Gaps every ninth week: each run of weeks is its own line.
    assert len(chart.before_runs) == 9


def test_labels_on_a_phone_are_among_the_wide_ones_and_never_too_many() -> None:
    for count in (1, 2, 5, 8, 9, 13, 26, 27, 53, 104, 261):
        chart = week_chart([week(n, 5, 3) for n in range(count)], "Neck")
        assert chart is not None and chart.weeks == count
        long_span = count > 26
        phone = [label for label in chart.labels if label.narrow]
        assert phone and phone[-1] == chart.labels[-1], count
        assert len(phone) <= (LABELS_NARROW_LONG if long_span else LABELS_NARROW), count
        assert len(chart.labels) <= (LABELS_WIDE_LONG if long_span else LABELS_WIDE), count
        steps = {round((b.monday - a.monday).days / 7)
                 for a, b in zip(phone, phone[1:], strict=False)}
        assert len(steps) <= 1, (count, steps)


def test_weekly_means_group_sessions_by_their_slots_monday() -> None:
    weeks = weekly([(date(2026, 3, 2), (6, 5, None), (3, 2, None)),
                    (date(2026, 3, 8), (4, None, None), (2, None, None)),
                    (date(2026, 3, 16), (7, 5, 4), (None, 2, 1))])
    assert [(w.monday, w.sessions) for w in weeks] == [(date(2026, 3, 2), 2),
                                                       (date(2026, 3, 16), 1)]
    assert weeks[0].before == {"pain": 5.0, "tension": 5.0, "stress": None}
    assert weeks[0].after == {"pain": 2.5, "tension": 2.0, "stress": None}
    assert weeks[1].after["pain"] is None
