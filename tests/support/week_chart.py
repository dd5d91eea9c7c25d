"""Reading the week charts of a page back from their SVG: each dot's week from where it
stands across, its rating from its height, and which weeks each line segment joins.
The positions are read, not the data attributes beside them, so a chart that puts a dot
in the wrong place fails even when its labels are right."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, timedelta

SVG = "{http://www.w3.org/2000/svg}"


@dataclass
class Plotted:
    first: date
    weeks: int
    dots: dict[str, list[tuple[date, float]]] = field(default_factory=dict)  # side → (week, value)
    lines: dict[str, list[tuple[date, date]]] = field(default_factory=dict)  # side → joined weeks
    labels: list[tuple[date, str, bool]] = field(default_factory=list)  # week, text, on a phone


def _week(plot: ET.Element, x: str) -> date:
    assert x.endswith("%"), x
    pad, weeks = float(plot.get("data-pad", "0")), int(plot.get("data-weeks", "1"))
    at = (float(x[:-1]) - pad) / (100 - 2 * pad)
    n = at * (weeks - 1) if weeks > 1 else 0
    assert abs(n - round(n)) < 0.01 and (weeks > 1 or abs(at - 0.5) < 0.01), (x, weeks)
    return date.fromisoformat(plot.get("data-first", "")) + timedelta(weeks=round(n))


def _value(plot: ET.Element, y: str) -> float:
    top, base = float(plot.get("data-top", "0")), float(plot.get("data-base", "0"))
    return round(10 * (base - float(y)) / (base - top), 2)


def week_charts(html: str) -> list[Plotted]:
    """Every week chart on the page, in order."""
    out = []
    for svg in re.findall(r'<svg class="week-plot".*?</svg>', html, re.S):
        plot = ET.fromstring(svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
        found = Plotted(date.fromisoformat(plot.get("data-first", "")),
                        int(plot.get("data-weeks", "0")))
        for side in ("before", "after"):
            group = plot.find(f"{SVG}g[@class='series-{side}']")
            assert group is not None
            found.dots[side] = []
            for dot in group.iter(f"{SVG}circle"):
                week = _week(plot, dot.get("cx", ""))
                assert week.isoformat() == dot.get("data-week")
                found.dots[side].append((week, _value(plot, dot.get("cy", ""))))
            found.lines[side] = []
            for line in group.iter(f"{SVG}line"):
                a, b = _week(plot, line.get("x1", "")), _week(plot, line.get("x2", ""))
                # Each end of a segment sits on a dot of its week.
                ends = {(a, _value(plot, line.get("y1", ""))), (b, _value(plot, line.get("y2", "")))}
                assert ends <= set(found.dots[side]), (ends, found.dots[side])
                found.lines[side].append((a, b))
        for text in plot.iter(f"{SVG}text"):
            found.labels.append((_week(plot, text.get("x", "")), text.text or "",
                                 "wide-only" not in (text.get("class") or "")))
        out.append(found)
    return out
