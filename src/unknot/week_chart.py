"""A programme's ratings before and after its sessions, week by week, as a chart: where
each point goes, which weeks a line joins, which weeks are labelled, and the sentence
that says it all in words. Pure: the clinic's outcomes page and the report draw it as
inline SVG (templates/_week_chart.html), the PDF with fpdf2 (records/pdf.py), from the
same `WeekChart`, so the three always agree.

Positions are fractions: `at` runs from 0 (the first week on the axis) to 1 (the last),
`value` is the rating itself (0 to 10; the renderer turns it into a height). The axis
has every week from the first to the last, sessions or not: a week without sessions is
a gap the lines do not cross, so a break in practice is seen as one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

SCALE = (0, 10)
GRID = (0, 2, 4, 6, 8, 10)  # the labelled levels of the 0-10 axis
# At most this many week labels, evenly spaced and counted back from the newest week:
# few enough on a phone (about 290 px of plot) that "16 Nov" never touches "23 Nov",
# about twice as many where the chart is wide (a laptop, paper). Past half a year a
# label names the month and year ("Nov 2025", wider) instead of the week's Monday.
LABELS_NARROW, LABELS_WIDE = 5, 9
LABELS_NARROW_LONG, LABELS_WIDE_LONG = 4, 7
SHORT_SPAN_WEEKS = 26
# Dots shrink as weeks crowd together, so a year or more still reads as two lines.
DOT_SIZES = ((26, 1.0), (60, 0.7))
DOT_SMALLEST = 0.45


class Week(Protocol):
    """One week of a programme (`unknot.clinic.adherence.WeekTrend` fits)."""

    monday: date
    sessions: int
    before: dict[str, float | None]
    after: dict[str, float | None]


@dataclass(frozen=True)
class Point:
    monday: date
    at: float  # 0..1 along the weeks
    value: float  # the rating, 0..10


@dataclass(frozen=True)
class Label:
    monday: date
    at: float
    text: str  # centred under its week
    narrow: bool  # shown on a phone too (else only where the chart is wide)


@dataclass(frozen=True)
class WeekChart:
    dimension: str
    first: date  # the Monday of the first week on the axis
    last: date  # the Monday of the last
    weeks: int  # weeks on the axis, with sessions or not
    rated_weeks: int
    before: list[Point]
    after: list[Point]
    before_runs: list[list[Point]]  # points of consecutive weeks: each run is one line
    after_runs: list[list[Point]]
    labels: list[Label]
    ticks: list[float]  # a small mark for each week, while they are far enough apart
    dot: float  # the dots' size, 1 at its largest
    description: str

    def height(self, value: float, top: float, bottom: float) -> float:
        """Where `value` sits between `top` (10) and `bottom` (0) of a drawing."""
        low, high = SCALE
        return top + (high - value) * (bottom - top) / (high - low)


def _index(first: date, monday: date) -> int:
    return (monday - first).days // 7


def _runs(points: list[Point], first: date) -> list[list[Point]]:
    runs: list[list[Point]] = []
    for point in points:
        if runs and _index(first, point.monday) - _index(first, runs[-1][-1].monday) == 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    return runs


def _step(weeks: int, most: int) -> int:
    """Weeks between two labels so that at most `most` of them fit on `weeks` weeks."""
    return max(1, -(-(weeks - 1) // (most - 1)))


def _labels(first: date, weeks: int, at: list[float]) -> list[Label]:
    long_span = weeks > SHORT_SPAN_WEEKS
    wide = _step(weeks, LABELS_WIDE_LONG if long_span else LABELS_WIDE)
    # The phone's step is a multiple of the wide one, so its labels are among the wide ones.
    narrow = wide * -(-_step(weeks, LABELS_NARROW_LONG if long_span else LABELS_NARROW) // wide)
    out = []
    for n in range((weeks - 1) % wide, weeks, wide):  # the newest week is always labelled
        monday = first + timedelta(weeks=n)
        text = f"{monday:%b %Y}" if long_span else f"{monday:%-d %b}"
        out.append(Label(monday, at[n], text, (weeks - 1 - n) % narrow == 0))
    return out


def _words(dimension: str, title: str, first: date, last: date, weeks: int,
           before: list[Point], after: list[Point]) -> str:
    name = dimension.capitalize()
    span = (f"the week of {first:%-d %b %Y}" if weeks == 1 else
            f"{weeks} weeks from the week of {first:%-d %b %Y} to the week of {last:%-d %b %Y}")
    text = f"{name} before and after sessions of {title}, week by week (0 none, 10 worst): {span}."
    rated = sorted({p.monday for p in before + after})
    if len(rated) < weeks:
        text += f" {len(rated)} of those weeks have ratings; the lines break at the others."

    def at(monday: date) -> str:
        b = next((p.value for p in before if p.monday == monday), None)
        a = next((p.value for p in after if p.monday == monday), None)
        parts = [f"{b:g} before" if b is not None else "", f"{a:g} after" if a is not None else ""]
        return " and ".join(p for p in parts if p)

    if weeks == 1:
        return text + f" Mean ratings: {at(rated[0])}."
    text += f" Mean ratings: the week of {rated[0]:%-d %b %Y}, {at(rated[0])}"
    if len(rated) > 1:
        text += f"; the week of {rated[-1]:%-d %b %Y}, {at(rated[-1])}"
    return text + "."


def week_chart(weeks: Sequence[Week], title: str, *, dimension: str = "pain",
               until: date | None = None) -> WeekChart | None:
    """The chart of `weeks` (oldest first, only weeks with sessions), or None without a
    rating of `dimension` to draw.

    The axis runs from the first week with sessions to the last, or on to the week of
    `until` (say, today, while the programme runs) so recent weeks without sessions show.
    """
    if not weeks:
        return None
    first = weeks[0].monday
    last = max(weeks[-1].monday, until - timedelta(days=until.weekday()) if until else first)
    count = _index(first, last) + 1
    at = [n / (count - 1) if count > 1 else 0.5 for n in range(count)]

    def points(side: str) -> list[Point]:
        out = []
        for week in weeks:
            value = getattr(week, side).get(dimension)
            if value is not None:
                out.append(Point(week.monday, at[_index(first, week.monday)], float(value)))
        return out

    before, after = points("before"), points("after")
    if not before and not after:
        return None
    dot = next((size for most, size in DOT_SIZES if count <= most), DOT_SMALLEST)
    return WeekChart(
        dimension=dimension, first=first, last=last, weeks=count,
        rated_weeks=len({p.monday for p in before + after}), before=before, after=after,
        before_runs=_runs(before, first), after_runs=_runs(after, first),
        labels=_labels(first, count, at), ticks=at if count <= DOT_SIZES[-1][0] else [],
        dot=dot, description=_words(dimension, title, first, last, count, before, after))
