"""The journal page's first view, drawn on the server from the same answers its script
gets (GET /api/v1/journal?series=60 and GET /api/v1/sessions?limit=20).

On a slow phone network every round trip before the first paint costs over half a
second, so the document arrives with the summary, the chart's figures and the first
page of sessions already in it; the script then takes over (the chart's lines, the
pain/tension/stress buttons, "show older") from the answers embedded as JSON.

Every word here is what `static/js/journal.js` writes for the same data, so the
script's later redraws look exactly the same (a browser test compares the two). The
one thing the server can only guess is how the browser writes a date — its time zone
and its language's order — so dates are `<time>` elements the script rewrites in
place wherever the guess was wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from unknot.plural import counted

DIMS = ("pain", "tension", "stress")
# An average of fewer sessions than this says more about chance than about what helps.
ENOUGH = 3
PAGE = 20  # sessions the page lists at first; "show older" adds as many again
CHART = 60  # rated sessions the chart draws
STATUS = {"completed": "Finished", "stopped": "Stopped: it hurt", "quit": "Ended early",
          "in_progress": "Not finished", "planned": "Planned"}
# common.js's names for vocabulary words (`U.word`); any other word loses its underscores.
WORDS = {
    "head": "head", "upper_back": "upper back", "middle_back": "middle back",
    "lower_back": "lower back", "glutes": "buttocks", "abdomen": "belly", "arms": "upper arms",
    "tennis_ball": "tennis ball", "massage_ball": "massage ball", "foam_roller": "foam roller",
    "handheld_massager": "handheld massager", "massage_gun": "massage gun",
    "deep_pressure": "deep or firm pressure", "percussion": "tapping and massage guns",
    "stress_relief": "calm", "headache_relief": "headache relief", "pain_relief": "pain relief",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Languages whose browsers write "Nov 19, 2026"; English elsewhere writes "19 Nov 2026".
MONTH_FIRST = frozenset({"en", "en-us"})
DASH = "–"


# -- the words journal.js uses ------------------------------------------------------

def word(key: object) -> str:
    text = str(key)
    return WORDS.get(text, text.replace("_", " "))


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def fixed(value: float) -> str:
    """JavaScript's `Math.abs(n).toFixed(1)`: the exact binary value, halves rounded up."""
    return str(Decimal(abs(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def change(value: float | None) -> str:
    """An average change, signed: "−2.8", "+0.5", "±0.0"; "–" when there is none."""
    if value is None:
        return DASH
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + fixed(value)


def rating_line(session: Mapping[str, Any]) -> str:
    """"Pain 6 → 3 · Tension 5 before", or "Not rated"."""
    before, after = session.get("before") or {}, session.get("after") or {}
    parts = []
    for dim in DIMS:
        was, now = before.get(dim), after.get(dim)
        if was is not None and now is not None:
            parts.append(f"{capital(dim)} {was} → {now}")
        elif was is not None:
            parts.append(f"{capital(dim)} {was} before")
        elif now is not None:
            parts.append(f"{capital(dim)} {now} after")
    return " · ".join(parts) if parts else "Not rated"


def said(request: object) -> str:
    """What the person asked for, in quotes, else the areas the session worked."""
    if not isinstance(request, Mapping):
        return ""
    if request.get("text"):
        return f"“{request['text']}”"
    regions = request.get("regions") or []
    return ", ".join(word(r) for r in regions) if isinstance(regions, list) else ""


def half_up(value: float) -> int:
    """JavaScript's Math.round for a number of minutes (never below zero): halves up."""
    return int(Decimal(max(0.0, value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# -- dates --------------------------------------------------------------------------

DayFormat = Callable[[str], str]


def day_format(accept_language: str, zone: tzinfo | None) -> DayFormat:
    """How this browser most likely writes a day (`toLocaleDateString` with a short
    month), in `zone` (None: this computer's zone, as personal mode runs on the
    person's own machine)."""
    first = accept_language.split(",")[0].split(";")[0].strip().lower()
    month_first = first in MONTH_FIRST or not first

    def day(iso: str) -> str:
        try:
            moment = datetime.fromisoformat(iso)
        except (TypeError, ValueError):
            return str(iso or "")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        local = moment.astimezone(zone)
        month = MONTHS[local.month - 1]
        return f"{month} {local.day}, {local.year}" if month_first \
            else f"{local.day} {month} {local.year}"

    return day


# -- the parts of the page ----------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    label: str
    text: str
    css: str | None = None


@dataclass(frozen=True)
class HelpRow:
    name: str
    sessions: int
    cells: list[Cell]  # empty: too few sessions to tell


@dataclass(frozen=True)
class SessionItem:
    id: str
    created_at: str
    day: str
    line: str  # " · 10 min · Finished"
    said: str
    ratings: str
    note: str | None


@dataclass(frozen=True)
class FirstView:
    advice: list[Mapping[str, Any]]
    chart: bool  # rated sessions to draw; the script draws the lines and the table
    chart_desc: str
    techniques: list[HelpRow]
    goals: list[HelpRow]
    sessions: list[SessionItem]
    more: bool  # a full first page: "show older" may find more


def help_rows(items: Sequence[Mapping[str, Any]], name_of: Callable[[Mapping[str, Any]], str]
              ) -> list[HelpRow]:
    rows = []
    for item in items:
        count = int(item.get("sessions") or 0)
        cells = [Cell(capital(d), change(item.get(d)),
                      "better" if (item.get(d) is not None and item[d] < 0) else None)
                 for d in DIMS] if count >= ENOUGH else []
        rows.append(HelpRow(name_of(item), count, cells))
    return rows


def chart_desc(series: Sequence[Mapping[str, Any]], dim: str = "pain") -> str:
    if not series:
        return "No ratings yet."
    paired = [p for p in series if p.get(f"{dim}_before") is not None
              and p.get(f"{dim}_after") is not None]
    if len(paired) >= ENOUGH:
        def mean(key: str) -> str:
            return fixed(sum(p[f"{dim}_{key}"] for p in paired) / len(paired))
        average = (f" On average {mean('before')} before and {mean('after')} after, over "
                   f"{counted(len(paired), 'session')}.")
    else:
        average = f" Averages show from {ENOUGH} sessions rated before and after."
    return (f"{capital(dim)} before and after your last {counted(len(series), 'session')}, "
            f"0 to 10.{average}")


def first_view(journal: Mapping[str, Any], page: Mapping[str, Any], day: DayFormat) -> FirstView:
    """The page's first view from the two API answers, worded as journal.js words it."""
    series = list(journal.get("series") or [])[-CHART:]
    helps = journal.get("helps") or {}
    items = list(page.get("items") or [])
    return FirstView(
        advice=list(journal.get("advice") or []),
        chart=bool(series),
        chart_desc=chart_desc(series) if series else "",
        techniques=help_rows(helps.get("techniques") or [],
                             lambda i: i.get("name") or word(i.get("id") or i.get("key"))),
        goals=help_rows(helps.get("goals") or [], lambda i: capital(word(
            i.get("name") or i.get("id") or i.get("key") or i.get("goal")))),
        sessions=[SessionItem(
            id=s["id"], created_at=s["created_at"], day=day(s["created_at"]),
            line=f" · {half_up((s.get('total_seconds') or 0) / 60)} min · "
                 f"{STATUS.get(s['status'], s['status'])}",
            said=said(s.get("request")), ratings=rating_line(s), note=s.get("note") or None,
        ) for s in items],
        more=len(items) >= PAGE,
    )
