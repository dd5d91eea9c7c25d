"""The body map: front and back outlines of the 22 regions, as SVG shapes.

One drawing serves the start page (where each region is a checkbox you can click
or reach with the keyboard) and the player (where the current step's regions
light up). A region drawn in both views (hands, knees…) answers to a click in
either, but takes the keyboard focus only once, in the first view it appears in.

On the start page every region also has invisible hit areas at least HIT_MIN
units square (about 24 CSS px on a phone, more on a larger screen; WCAG 2.2 target
size), which never overlap another region's. The head is drawn large for the same
reason: scalp, forehead, face and jaw each get a band tall enough to tap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BACK_X = 210  # the back view sits to the right of the front view
HIT_MIN = 28  # units: 24 CSS px where the map is narrowest (a 390 px phone)
BODY_DY = 54  # the body below the neck sits this much lower than first drawn, to make room
# for a head large enough to tap
HEIGHT = 496  # of each view, with its label

Rect = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True)
class Shape:
    region: str
    view: str   # "front" or "back"
    d: str      # SVG path data, drawn in the view's own coordinates
    mirrored: bool = False  # drawn flipped about the midline (x = 100): the body's other side
    hit: Rect | None = None  # a larger invisible target, where the shape itself is small

    @property
    def hit_area(self) -> Rect | None:
        """The hit rectangle in the view's coordinates (flipped for the other side)."""
        if self.hit is None or not self.mirrored:
            return self.hit
        x, y, w, h = self.hit
        return (200 - x - w, y, w, h)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_COMMAND = re.compile(r"([MLHVQZ])([^MLHVQZ]*)")


def _lower(d: str, dy: float = BODY_DY) -> str:
    """Path data moved down by `dy` (absolute M, L, Q, H, V and Z only, as drawn here)."""
    out = []
    for command, args in _COMMAND.findall(d):
        numbers = [float(n) for n in _NUMBER.findall(args)]
        if command in "MLQ":
            numbers = [n + dy if i % 2 else n for i, n in enumerate(numbers)]
        elif command == "V":
            numbers = [n + dy for n in numbers]
        out.append(command + " ".join(f"{n:g}" for n in numbers))
    return " ".join(out)


def _pair(region: str, view: str, d: str, hit: Rect | None = None) -> list[Shape]:
    return [Shape(region, view, d, hit=hit), Shape(region, view, d, mirrored=True, hit=hit)]


def _body(region: str, view: str, d: str, hit: Rect | None = None, pair: bool = False) -> list[Shape]:
    """A shape below the neck, drawn where it was first drawn and moved down by BODY_DY."""
    lowered = _lower(d)
    if pair:
        return _pair(region, view, lowered, hit)
    return [Shape(region, view, lowered, hit=hit)]


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> str:
    return (f"M{cx - rx:g} {cy:g} Q{cx - rx:g} {cy - ry:g} {cx:g} {cy - ry:g} "
            f"Q{cx + rx:g} {cy - ry:g} {cx + rx:g} {cy:g} Q{cx + rx:g} {cy + ry:g} {cx:g} {cy + ry:g} "
            f"Q{cx - rx:g} {cy + ry:g} {cx - rx:g} {cy:g} Z")


# Parts of the outline that are not regions (none now: the shins are the lower legs).
FILLER: dict[str, list[str]] = {"front": [], "back": []}

# Hit areas of the small shapes, in lowered coordinates, reaching into the empty space
# beside the body rather than over a neighbour.
# Beside the limbs and the head there is room: there they reach 50 units (44 CSS px on a
# phone) each way; between the knees, calves and feet only the width can grow.
TEMPLE_HIT: Rect = (10, 4, 58, 60)
SHOULDER_HIT: Rect = (14, 96, 57, 72)
ARM_HIT: Rect = (14, 172, 56, 52)
FOREARM_HIT: Rect = (14, 226, 52, 52)
HAND_HIT: Rect = (14, 281, 52, 52)
KNEE_HIT: Rect = (40, 351, 60, 28)
CALF_HIT: Rect = (40, 380, 60, 72)
FOOT_HIT: Rect = (40, 457, 60, 33)


def _limbs(view: str) -> list[Shape]:
    foot = _ellipse(86, 414, 11, 9) if view == "front" else _ellipse(88, 414, 10, 9)
    return [
        *_body("arms", view, "M54 118 H72 L70 170 H50 Z", ARM_HIT, pair=True),
        *_body("forearms", view, "M50 172 H70 L64 226 H44 Z", FOREARM_HIT, pair=True),
        *_body("hands", view, _ellipse(53, 242, 10, 14), HAND_HIT, pair=True),
        *_body("thighs", view, "M70 214 H99 L96 298 H76 Z" if view == "front"
               else "M70 228 H99 L96 298 H76 Z", pair=True),
        *_body("knees", view, _ellipse(86, 311, 11, 12), KNEE_HIT, pair=True),
        *_body("calves", view, "M78 326 H96 L94 402 H82 Z" if view == "front"
               else "M77 324 H97 L94 400 H82 Z", CALF_HIT, pair=True),
        *_body("feet", view, foot, FOOT_HIT, pair=True),
    ]


NECK = "M85 122 H115 L116 150 H84 Z"
SHOULDER = "M88 96 L70 98 Q54 102 54 118 H72 L82 104 Z"

SHAPES: list[Shape] = [
    # Front view: the head drawn large, a band for each of its parts.
    Shape("scalp", "front", "M70 34 Q72 4 100 4 Q128 4 130 34 Z"),
    Shape("forehead", "front", "M70 34 H130 L129 62 H71 Z"),
    *_pair("temples", "front", "M62 38 H70 L71 62 H64 Z", TEMPLE_HIT),
    Shape("face", "front", "M71 62 H129 L127 92 H73 Z"),
    Shape("jaw", "front", "M73 92 H127 Q118 120 100 122 Q82 120 73 92 Z"),
    Shape("neck", "front", NECK),
    *_body("shoulders", "front", SHOULDER, SHOULDER_HIT, pair=True),
    *_body("chest", "front", "M82 100 H118 L128 106 L128 142 H72 L72 106 Z"),
    *_body("abdomen", "front", "M72 142 H128 L126 186 H74 Z"),
    *_body("hips", "front", "M74 186 H126 L130 214 H70 Z"),
    *_limbs("front"),
    # Back view.
    Shape("head", "back", "M70 62 Q70 4 100 4 Q130 4 130 62 Q130 120 100 122 Q70 120 70 62 Z"),
    Shape("neck", "back", NECK),
    *_body("shoulders", "back", SHOULDER, SHOULDER_HIT, pair=True),
    *_body("upper_back", "back", "M82 100 H118 L128 106 L128 132 H72 L72 106 Z"),
    *_body("middle_back", "back", "M72 132 H128 L127 160 H73 Z"),
    *_body("lower_back", "back", "M73 160 H127 L126 188 H74 Z"),
    *_body("glutes", "back", "M74 188 H126 L130 228 H70 Z"),
    *_limbs("back"),
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

