"""The report as a PDF, made here with fpdf2 (pure Python: no browser, no network).

A4 or US Letter. Set in DejaVu Sans, shipped with unknot (records/fonts, its free
licence beside it) and embedded in each PDF as the subset of letters used, so names and
notes in Latin, Greek or Cyrillic scripts print as written ("Łucja", "Ζωή", "Юлия").
A character the font lacks (Chinese, say) prints as "?"; the printable page shows
every character.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from unknot.records import pdf_chart
from unknot.records.pdf_chart import INK, LINE, MUTED
from unknot.records.report import STATUS_WORDS, VERDICT_WORDS, ProgrammeTrend, Report, number, pair, signed

Paper = Literal["a4", "letter"]
PAPERS: dict[str, str] = {"a4": "A4", "letter": "Letter"}
FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"


@cache
def _covered() -> frozenset[int]:
    """The characters the font has (read once, when the first report is made)."""
    from fontTools.ttLib import TTFont  # fpdf2's own dependency

    with TTFont(FONTS / "DejaVuSans.ttf", lazy=True) as font:
        return frozenset(font.getBestCmap())


def printable(text: object) -> str:
    """`text` with any character the font lacks shown as "?" (see the module's note)."""
    covered = _covered()
    return "".join(c if ord(c) in covered or c in "\n\t" else "?" for c in str(text))


class _Document(FPDF):
    def __init__(self, paper: Paper, title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format=PAPERS[paper])
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, margin=18)
        self.running_title = printable(title)
        self.set_title(title)
        self.set_creator("unknot")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"{self.running_title} - page {self.page_no()} of {{nb}}", align="C")


def _heading(pdf: _Document, text: str) -> None:
    # Keep a heading with at least a few lines of what follows it.
    if pdf.get_y() > pdf.h - 50:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 12)
    pdf.set_text_color(*INK)
    pdf.cell(0, 7, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*LINE)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(1.5)


def _para(pdf: _Document, text: str, *, size: float = 10, style: str = "",
          muted: bool = False) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_text_color(*(MUTED if muted else INK))
    pdf.multi_cell(0, size * 0.5, printable(text), align="L", new_x=XPos.LMARGIN,
                   new_y=YPos.NEXT)


def _table(pdf: _Document, head: list[str], rows: list[list[str]],
           widths: tuple[float, ...]) -> None:
    pdf.set_font(FAMILY, size=8.5)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*LINE)
    with pdf.table(col_widths=widths, line_height=4.6, text_align="LEFT", padding=1,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(236, 242, 241)),
                   repeat_headings=1, first_row_as_headings=True) as table:
        header = table.row()
        for cell in head:
            header.cell(printable(cell))
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(printable(value))
    pdf.ln(1)


def _trend(pdf: _Document, trend: ProgrammeTrend) -> None:
    """A programme's week-by-week chart, its legend and its description, kept together."""
    pdf.ln(1)
    if trend.chart is None:
        _para(pdf, "Before → after, week by week: " + (
            "sessions, but no pain rated yet." if trend.weeks else
            "no finished sessions of this programme yet."), size=9, muted=True)
        return
    if pdf.get_y() + 8 + pdf_chart.HEIGHT + 14 > pdf.h - pdf.b_margin:
        pdf.add_page()
    _para(pdf, "Before → after, week by week", size=10, style="B")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    top = pdf.get_y() + 5
    # Its colours, line widths and dashes stay its own: the tables after it are untouched.
    with pdf.local_context():
        pdf_chart.legend(pdf, trend.chart, FAMILY, pdf.l_margin, pdf.get_y())
        pdf_chart.draw(pdf, trend.chart, FAMILY, pdf.l_margin, top, width)
    pdf.set_y(top + pdf_chart.HEIGHT + 1)
    _para(pdf, trend.chart.description, size=8.5, muted=True)


def _day(value: object) -> str:
    return value.strftime("%-d %b %Y") if value is not None else "–"  # type: ignore[attr-defined]


def render(report: Report, paper: Paper = "a4") -> bytes:
    """The PDF of `report` on `paper`."""
    who = report.subject
    pdf = _Document(paper, f"Self-massage record: {who.name}")
    pdf.add_page()
    _para(pdf, f"Self-massage record: {who.name}", size=16, style="B")
    facts = [f"Made {report.generated_at.strftime('%-d %B %Y, %H:%M')}"]
    if report.first:
        facts.append(f"sessions from {_day(report.first)} to {_day(report.last)}")
    if who.clinic:
        facts.append(f"{who.clinic}" + (f", therapist {who.therapist}" if who.therapist else ""))
    _para(pdf, " · ".join(facts), size=9, muted=True)
    _para(pdf, "Ratings are the person's own, 0 (none) to 10 (worst), just before and just "
               "after each session. A change is after minus before: below zero means the "
               "session helped.", size=9, muted=True)

    _heading(pdf, "Summary")
    statuses = ", ".join(f"{n} {STATUS_WORDS.get(s, s)}" for s, n in sorted(report.by_status.items()))
    _para(pdf, f"{report.total} session{'s' if report.total != 1 else ''}"
               + (f": {statuses}." if statuses else "."))
    _table(pdf, ["Rating", "Sessions rated before and after", "Mean before", "Mean after",
                 "Mean change"],
           [[m.dimension.capitalize(), str(m.sessions), number(m.before), number(m.after),
             signed(m.change)] for m in report.means], (24, 50, 30, 30, 30))

    if report.advice:
        _heading(pdf, "Signals to see a doctor")
        for advice in report.advice:
            _para(pdf, f"- {advice.message}", style="B")
            _para(pdf, f"  Why: {advice.evidence}. Source: {advice.source}.", size=9, muted=True)

    if report.months:
        _heading(pdf, "Trend by month")
        _table(pdf, ["Month", "Sessions", "Pain before -> after", "Tension before -> after",
                     "Stress before -> after"],
               [[m.label, str(m.sessions),
                 *(pair((x.before, x.after)) + (f" ({signed(x.change)})" if x.change is not None
                                                else "") for x in m.means)]
                for m in report.months],
               (30, 18, 42, 46, 42))

    _heading(pdf, "Stopped sessions and reasons")
    if report.stops:
        _table(pdf, ["When", "Status", "Pain before -> after", "Reason"],
               [[s.when.strftime("%-d %b %Y %H:%M"), STATUS_WORDS.get(s.status, s.status),
                 pair(s.ratings["pain"]), s.stop_reason or "(none given)"]
                for s in report.stops], (32, 30, 32, 84))
    else:
        _para(pdf, "No session was stopped.")

    _heading(pdf, "Safety screening")
    if report.screens:
        for screen in report.screens:
            i = screen.intake
            by = "Recorded by the therapist" if screen.by == "therapist" else "Before a session"
            _para(pdf, f"{_day(screen.at)} · {by}: {VERDICT_WORDS.get(i.verdict, i.verdict)}",
                  style="B")
            _para(pdf, i.message, size=9)
            if i.avoid:
                _para(pdf, "Avoid: " + ", ".join(a.replace("_", " ") for a in i.avoid), size=9)
            for flag in i.red_flags:
                _para(pdf, f"Red flag ({flag.verdict.replace('_', ' ')}): {flag.message} "
                           f"[{flag.source}]", size=9)
            for caution in i.cautions:
                _para(pdf, f"Caution: {caution.message} [{caution.source}]", size=9)
            pdf.ln(1)
    else:
        _para(pdf, "No safety screen on record.")

    for programme in report.programmes:
        _heading(pdf, f"Programme: {programme.title}"
                      + (" (archived)" if programme.archived else ""))
        _para(pdf, f"{programme.schedule}. Set by {programme.therapist}."
                   + (" Archived: no longer scheduled; its sessions are kept."
                      if programme.archived else ""), size=9)
        _table(pdf, ["#", "Technique", "Time", "Side", "Therapist's note"],
               [[str(n), s.name, f"{s.seconds} s", s.side or "–", s.note or ""]
                for n, s in enumerate(programme.steps, 1)], (8, 62, 18, 18, 72))
        _trend(pdf, report.trends[programme.id])

    if report.helps:
        _heading(pdf, "What helped most (mean change per technique)")
        _table(pdf, ["Technique", "Sessions", "Pain", "Tension", "Stress"],
               [[name, str(h.sessions), signed(h.pain.change), signed(h.tension.change),
                 signed(h.stress.change)] for name, h in report.helps], (70, 24, 28, 28, 28))

    _heading(pdf, f"Sessions (newest {len(report.sessions)} of {report.total})")
    if report.sessions:
        _table(pdf, ["When", "Min", "Status", "Areas", "From", "Pain", "Tension", "Stress"],
               [[s.when.strftime("%-d %b %Y %H:%M"), f"{s.minutes:g}",
                 STATUS_WORDS.get(s.status, s.status), s.areas,
                 "programme" if s.programme else "own", pair(s.ratings["pain"]),
                 pair(s.ratings["tension"]), pair(s.ratings["stress"])]
                for s in report.sessions],
               (29, 9, 24, 40, 19, 19, 19, 19))
    else:
        _para(pdf, "No sessions yet.")
    return bytes(pdf.output())
