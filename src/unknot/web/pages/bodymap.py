"""The body map: front and back outlines of the 22 regions, as SVG shapes.

One drawing serves the start page (where each region is a checkbox you can click
or reach with the keyboard) and the player (where the current step's regions
light up). A region drawn in both views (hands, knees…) answers to a click in
either, but takes the keyboard focus only once, in the first view it appears in.
"""

from __future__ import annotations

from dataclasses import dataclass

BACK_X = 210  # the back view sits to the right of the front view


@dataclass(frozen=True)
class Shape:
    region: str
    view: str   # "front" or "back"
    d: str      # SVG path data, drawn in the view's own coordinates
    mirrored: bool = False  # drawn flipped about the midline (x = 100): the body's other side


def _pair(region: str, view: str, d: str) -> list[Shape]:
    return [Shape(region, view, d), Shape(region, view, d, mirrored=True)]


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> str:
    return (f"M{cx - rx:g} {cy:g} Q{cx - rx:g} {cy - ry:g} {cx:g} {cy - ry:g} "
            f"Q{cx + rx:g} {cy - ry:g} {cx + rx:g} {cy:g} Q{cx + rx:g} {cy + ry:g} {cx:g} {cy + ry:g} "
            f"Q{cx - rx:g} {cy + ry:g} {cx - rx:g} {cy:g} Z")


# Parts of the outline that are not regions (shins, the front of the head's crown).
FILLER: dict[str, list[str]] = {
    "front": ["M78 326 H96 L94 402 H82 Z", "M122 326 H104 L106 402 H118 Z"],
    "back": [],
}

SHAPES: list[Shape] = [
    # Front view.
    Shape("scalp", "front", "M76 32 Q78 6 100 6 Q122 6 124 32 Z"),
    Shape("forehead", "front", "M76 32 H124 L123 44 H77 Z"),
    *_pair("temples", "front", "M70 36 H77 L78 52 H72 Z"),
    Shape("face", "front", "M78 44 H122 L120 62 H80 Z"),
    Shape("jaw", "front", "M80 62 H120 Q114 78 100 80 Q86 78 80 62 Z"),
    Shape("neck", "front", "M89 80 H111 L112 96 H88 Z"),
    *_pair("shoulders", "front", "M88 96 L70 98 Q54 102 54 118 H72 L82 104 Z"),
    Shape("chest", "front", "M82 100 H118 L128 106 L128 142 H72 L72 106 Z"),
    Shape("abdomen", "front", "M72 142 H128 L126 186 H74 Z"),
    Shape("hips", "front", "M74 186 H126 L130 212 H70 Z"),
    *_pair("arms", "front", "M54 118 H72 L70 170 H50 Z"),
    *_pair("forearms", "front", "M50 172 H70 L64 226 H44 Z"),
    *_pair("hands", "front", _ellipse(53, 242, 10, 14)),
    *_pair("thighs", "front", "M70 214 H99 L96 298 H76 Z"),
    *_pair("knees", "front", _ellipse(86, 311, 11, 12)),
    *_pair("feet", "front", _ellipse(86, 414, 11, 9)),
    # Back view.
    Shape("head", "back", "M76 40 Q76 6 100 6 Q124 6 124 40 Q124 76 100 78 Q76 76 76 40 Z"),
    Shape("neck", "back", "M89 78 H111 L112 96 H88 Z"),
    *_pair("shoulders", "back", "M88 96 L70 98 Q54 102 54 118 H72 L82 104 Z"),
    Shape("upper_back", "back", "M82 100 H118 L128 106 L128 134 H72 L72 106 Z"),
    Shape("middle_back", "back", "M72 134 H128 L127 162 H73 Z"),
    Shape("lower_back", "back", "M73 162 H127 L126 188 H74 Z"),
    Shape("glutes", "back", "M74 188 H126 L130 226 H70 Z"),
    *_pair("arms", "back", "M54 118 H72 L70 170 H50 Z"),
    *_pair("forearms", "back", "M50 172 H70 L64 226 H44 Z"),
    *_pair("hands", "back", _ellipse(53, 242, 10, 14)),
    *_pair("thighs", "back", "M70 228 H99 L96 298 H76 Z"),
    *_pair("knees", "back", _ellipse(86, 311, 11, 12)),
    *_pair("calves", "back", "M77 324 H97 L94 400 H82 Z"),
    *_pair("feet", "back", _ellipse(88, 414, 10, 9)),
]


def regions_in_order() -> list[tuple[str, str, list[Shape]]]:
    """(view, region, shapes) in drawing order, one entry per region and view."""
    out: list[tuple[str, str, list[Shape]]] = []
    for shape in SHAPES:
        if out and out[-1][0] == shape.view and out[-1][1] == shape.region:
            out[-1][2].append(shape)
        else:
            out.append((shape.view, shape.region, [shape]))
    return out


def focus_views() -> dict[str, str]:
    """The one view in which each region takes the keyboard focus (the first it appears in)."""
    first: dict[str, str] = {}
    for shape in SHAPES:
        first.setdefault(shape.region, shape.view)
    return first

