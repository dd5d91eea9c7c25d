"""The rules behind adherence and the inbox, as plain functions: a slot's state and its
window in local time, the week's kind words, the rising-pain rule, the dashboard order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from unknot.clinic import adherence, dashboard
from unknot.clinic.alerts import rising
from unknot.clinic.schedule import DAYS, parse_schedule, slots_on

LONDON = ZoneInfo("Europe/London")
THREE_A_DAY = parse_schedule(["mon", "wed"], ["08:00", "13:00", "19:00"], date(2026, 3, 2), None)


def test_a_slots_window_closes_at_the_days_next_slot_or_local_midnight() -> None:
    day = date(2026, 3, 2)
    assert adherence.window_closes(THREE_A_DAY, day, "08:00", LONDON) == \
        datetime(2026, 3, 2, 13, 0, tzinfo=LONDON)
    assert adherence.window_closes(THREE_A_DAY, day, "19:00", LONDON) == \
        datetime(2026, 3, 3, 0, 0, tzinfo=LONDON)
    # Summer time: local midnight is 23:00 UTC.
    summer = adherence.window_closes(THREE_A_DAY, date(2026, 7, 1), "19:00", LONDON)
    assert summer.astimezone(UTC) == datetime(2026, 7, 1, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(("statuses", "before_close", "state"), [
    (["completed"], True, "done"),
    (["quit", "completed"], False, "done"),  # tried again and finished
    (["stopped"], True, "partial"),
    (["quit"], False, "partial"),
    (["in_progress"], True, "started"),
    (["in_progress"], False, "partial"),  # begun, never finished, window closed
    ([], True, "open"),
    ([], False, "missed"),
])
def test_a_slots_state_comes_from_its_sessions_and_its_window(
        statuses: list[str], before_close: bool, state: str) -> None:
    closes = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)
    now = closes - timedelta(minutes=1) if before_close else closes
    assert adherence.slot_state(statuses, closes, now) == state


def tally(**counts: int) -> adherence.Tally:
    made = adherence.Tally()
    for state, n in counts.items():
        for _ in range(n):
            made.add(state)
    return made


def test_the_week_counts_only_slots_that_are_due() -> None:
    week = tally(done=5, partial=1, missed=1, open=7)
    assert (week.done, week.due, week.planned) == (5, 7, 14)
    assert week.summary() == "5 of 7, 1 partly"
    assert week.ratio == pytest.approx(5.5 / 7)
    assert tally(open=3).summary() == "3 to come" and tally(open=3).ratio is None
    assert adherence.Tally().summary() == "nothing scheduled"


@pytest.mark.parametrize("week", [tally(), tally(open=2), tally(missed=4), tally(done=1, missed=6),
                                  tally(done=3), tally(partial=2, missed=1)])
def test_the_weeks_words_are_kind_and_keep_no_streak(week: adherence.Tally) -> None:
    words = week.kind_words().lower()
    assert words
    for harsh in ("streak", "fail", "only", "broke", "behind", "should"):
        assert harsh not in words


def test_rising_pain_is_three_before_ratings_each_higher_within_two_weeks() -> None:
    day = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)

    def run(*pains: int, gap: timedelta = timedelta(days=1)) -> list[tuple[datetime, int]]:
        """Ratings given oldest first, a `gap` apart; newest first, as the store reads them."""
        return [(day - gap * n, p) for n, p in enumerate(reversed(pains))]

    assert rising(run(3, 4, 6))
    assert not rising(run(3, 4))
    assert not rising(run(3, 3, 4))  # level is not a rise
    assert not rising(run(5, 4, 6))
    assert rising(run(1, 2, 3, gap=timedelta(days=7)))  # 14 days end to end
    assert not rising(run(1, 2, 3, gap=timedelta(days=7, seconds=1)))


def test_the_sort_parameter_is_checked() -> None:
    assert dashboard.check_sort(None) == dashboard.check_sort("") == "attention"
    assert dashboard.check_sort("pain") == "pain"
    with pytest.raises(dashboard.SortUnknown, match="'PAIN' is not one of attention, name"):
        dashboard.check_sort("PAIN")


def test_needs_attention_first_is_unseen_items_then_pain_then_the_week() -> None:
    def row(name: str, unseen: int = 0, pain: int | None = None,
            week: adherence.Tally | None = None) -> dashboard.ClientRow:
        return dashboard.ClientRow(name, name, None, pain, unseen, week or adherence.Tally())

    rows = [row("a"), row("b", pain=9), row("c", unseen=1), row("d", unseen=3, pain=1),
            row("e", pain=2, week=tally(done=1, missed=3)), row("f", pain=2, week=tally(done=3))]
    ordered = sorted(rows, key=dashboard._key("attention"))
    assert [r.name for r in ordered] == ["d", "c", "b", "e", "f", "a"]


def test_slot_windows_shared_between_programmes_give_each_slot_its_own_state() -> None:
    """The dashboard works out a day's slot windows once per day, times and zone and counts
    the week without making each slot: every slot must still get the state read on its own
    (its window from `window_closes`), in the week the clocks go forward, in a zone half an
    hour off the hour, with `now` a minute before and exactly at each window's close."""
    acute = parse_schedule(list(DAYS), ["07:30", "13:00", "21:45"],
                           date(2026, 3, 25), date(2026, 4, 2))
    programmes = [SimpleNamespace(id="three", schedule=THREE_A_DAY),
                  SimpleNamespace(id="acute", schedule=acute)]
    played = {("three", "2026-03-25 08:00"): ["completed"],
              ("acute", "2026-03-29 07:30"): ["quit"],
              ("acute", "2026-03-29 13:00"): ["in_progress"],
              ("acute", "2026-03-30 21:45"): ["stopped", "completed"]}
    first, last = date(2026, 3, 23), date(2026, 4, 5)  # 29 March: summer time in London
    for zone in (LONDON, ZoneInfo("Asia/Kolkata"), ZoneInfo("UTC")):
        closes = [adherence.window_closes(p.schedule, day, key[11:], zone)
                  for p in programmes for day in adherence._days(first, last)
                  for key in slots_on(p.schedule, day)]
        for now in sorted({c - d for c in closes for d in (timedelta(0), timedelta(minutes=1))}):
            # Each slot on its own, as the outcomes page read them before.
            expected = [(p.id, key, adherence.slot_state(
                            played.get((p.id, key), ()),
                            adherence.window_closes(p.schedule, day, key[11:], zone), now))
                        for p in programmes for day in adherence._days(first, last)
                        for key in slots_on(p.schedule, day)]
            found = adherence.outcomes(programmes, played, first, last, zone, now)
            assert [(s.programme_id, s.key, s.state) for s in found] == expected
            assert adherence.week_tally(programmes, played, first, last, zone, now).counts == \
                adherence.tally(found).counts
