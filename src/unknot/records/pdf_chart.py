"""A `WeekChart` drawn in the report's PDF with fpdf2's own lines, circles and text: the
picture the pages draw as SVG (templates/_macros.html, `week_chart`), in millimetres.

Before is a dashed grey line with hollow dots, after a solid green line with filled ones,
as on screen; a week without sessions breaks the lines. Every week has a small mark on
the axis while they are far enough apart; the labels are the chart's own (the wide set:
paper is wide), centred on their weeks as on screen: the first reaches into the scale's
column, the last into the room kept on the right.
"""

from __future__ import annotations

from fpdf import FPDF

from unknot.week_chart import GRID, WeekChart

# The report's inks (records/pdf.py sets its text and tables in them too).
INK, MUTED, LINE = (20, 33, 31), (80, 90, 88), (200, 208, 206)
AFTER_INK = (11, 95, 90)  # the pages' accent, #0b5f5a
BEFORE_INK = MUTED
HEIGHT = 52.0  # mm, the whole chart with its labels
SCALE_WIDTH = 7.0  # the 0-10 labels' column
LABEL_ROOM = 6.0  # under the plot, for the week labels
TOP_ROOM = 2.0
RIGHT_ROOM = 6.0  # for half the newest week's label, centred on it
PAD = 0.015  # of the plot's width, each side, so the end dots stay inside
DOT = 1.1  # mm, a dot at its largest


def legend(pdf: FPDF, chart: WeekChart, family: str, x: float, y: float) -> None:
    """The scale's name and what each line is, on one line from (`x`, `y`)."""
    pdf.set_font(family, size=8)
    pdf.set_text_color(*MUTED)
    name = f"{chart.dimension.capitalize()}, 0 (none) to 10 (worst)"
    pdf.text(x, y + 3, name)
    at = x + pdf.get_string_width(name) + 6
    for word, ink, dashed in (("Before", BEFORE_INK, True), ("After", AFTER_INK, False)):
        pdf.set_draw_color(*ink)
        pdf.set_line_width(0.45 if dashed else 0.6)
        pdf.set_dash_pattern(dash=1.4, gap=0.9) if dashed else pdf.set_dash_pattern()
        pdf.line(at, y + 2, at + 8, y + 2)
        pdf.set_dash_pattern()
        pdf.text(at + 9.5, y + 3, word)
        at += 9.5 + pdf.get_string_width(word) + 6
    pdf.set_line_width(0.2)


def draw(pdf: FPDF, chart: WeekChart, family: str, x: float, y: float, width: float) -> None:
    """Draw `chart` with its top-left corner at (`x`, `y`), `width` wide, `HEIGHT` tall."""
    left, right = x + SCALE_WIDTH, x + width - RIGHT_ROOM
    top, base = y + TOP_ROOM, y + HEIGHT - LABEL_ROOM

    def across(at: float) -> float:
        span = right - left
        return left + span * PAD + at * span * (1 - 2 * PAD)

    def down(value: float) -> float:
        return chart.height(value, top, base)

    pdf.set_font(family, size=7)
    pdf.set_line_width(0.2)
    for level in GRID:
        pdf.set_draw_color(*(MUTED if level == 0 else LINE))
        pdf.line(left, down(level), right, down(level))
        pdf.set_text_color(*MUTED)
        label = str(level)
        pdf.text(left - 1.2 - pdf.get_string_width(label), down(level) + 1.1, label)
    pdf.set_draw_color(*MUTED)
    for at in chart.ticks:
        pdf.line(across(at), base, across(at), base + 1.2)
    for label in chart.labels:
        pdf.text(across(label.at) - pdf.get_string_width(label.text) / 2, base + 4.4, label.text)

    dot = DOT * chart.dot
    for runs, points, ink, dashed in ((chart.before_runs, chart.before, BEFORE_INK, True),
                                      (chart.after_runs, chart.after, AFTER_INK, False)):
        pdf.set_draw_color(*ink)
        pdf.set_fill_color(*(255, 255, 255) if dashed else ink)
        pdf.set_line_width(0.45 if dashed else 0.6)
        pdf.set_dash_pattern(dash=1.4, gap=0.9) if dashed else pdf.set_dash_pattern()
        for run in runs:
            if len(run) > 1:
                pdf.polyline([(across(p.at), down(p.value)) for p in run])
        pdf.set_dash_pattern()
        pdf.set_line_width(0.3)
        for p in points:
            pdf.circle(across(p.at), down(p.value), dot, style="DF")
    pdf.set_line_width(0.2)
    pdf.set_text_color(*INK)
