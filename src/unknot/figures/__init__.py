"""Figures of the moves: every technique drawn from data as an inline SVG (issue 8 §2).

`body.py` holds the body (poses from joint angles, regions as shapes on each
part), `spec.py` the per-technique figure data (`data/figures.yaml`), and
`render.py` the pure function technique → SVG used by the pages and the API.
"""

from unknot.figures.render import FigureError, describe, figure_svg, place

__all__ = ["FigureError", "describe", "figure_svg", "place"]
