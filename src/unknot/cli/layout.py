"""A list with hanging marks, for the readable output of `intake` and `plan`.

Each row is a short mark (a clock, a bullet, an answer box) and a text wrapped beside it,
never back under the mark. A rich `Table.grid` draws the same, but it measures every cell
of every row before it draws one, and for a routine of a dozen steps that was a tenth of
the whole command's time. Here each text is wrapped once, to the width left beside the
widest mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text

# Narrower than this beside the marks and the text goes under them instead: a word a line
# helps nobody.
_NARROWEST = 12


class Hanging:
    """Rows of (mark, text): the marks in a column as wide as the widest, then a space,
    then the text wrapped to what is left of the width. `gap` puts a blank line between
    rows."""

    def __init__(self, rows: Iterable[tuple[str, Text | str]], mark_style: str = "",
                 gap: bool = False):
        self.rows = [(mark, text if isinstance(text, Text) else Text(text)) for mark, text in rows]
        self.mark_style = mark_style
        self.gap = gap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        mark_width = max((cell_len(mark) for mark, _ in self.rows), default=0)
        indent = mark_width + 1
        if options.max_width - indent < _NARROWEST:
            indent = 0
        width = options.max_width - indent
        style = console.get_style(self.mark_style) if self.mark_style else None
        for number, (mark, text) in enumerate(self.rows):
            if number and self.gap:
                yield Segment.line()
            for index, line in enumerate(text.wrap(console, width)):
                if indent:
                    head = mark.ljust(mark_width) if index == 0 else ""
                    yield Segment(head.ljust(indent), style)
                elif index == 0 and mark:
                    yield Segment(mark, style)
                    yield Segment.line()
                line.rstrip()
                yield from line.render(console)
                yield Segment.line()
