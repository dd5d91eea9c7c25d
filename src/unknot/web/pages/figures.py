"""`{{ figure(...) }}` in the templates: a technique's figure as inline SVG, or nothing.

A figure that cannot be drawn (data missing — the lint reports it) leaves the
page as it was rather than failing it: the words still say what to do.
"""

from __future__ import annotations

from markupsafe import Markup

from unknot.figures import FigureError, figure_svg
from unknot.library.loader import default_library
from unknot.library.schema import Technique


def figure(technique: Technique | str, position: str | None = None, size: str = "small",
           animate: bool = True, side: str | None = None) -> Markup:
    """The figure; a plan step's `side` ("left", "right") draws it on that side."""
    if isinstance(technique, str):
        found = default_library().get(technique)
        if found is None:
            return Markup("")
        technique = found
    try:
        return Markup(figure_svg(technique, position=position, size=size, animate=animate,
                                     side=side if side in ("left", "right") else None))
    except FigureError:
        return Markup("")
