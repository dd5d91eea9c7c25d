"""Technique → inline SVG: the body in its pose, the worked region, the hands or tool,
and the stroke's path, moving with the breath.

The animation is SMIL inside the SVG, so it needs no script and no inline style
(the pages' Content-Security-Policy allows neither). One cycle is one breath:
the hand waits (or rolls back) on the in-breath and does the stroke on the
out-breath, like the player's pacer (40 % in, 60 % out). The player pauses the
SVG clock and sets it from its pacer every tick, so figure and pacer stay in
step; `prefers-reduced-motion` hides everything that moves and shows the still
hand and the arrow instead (app.css).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from html import escape
from typing import Literal

from unknot.figures import body as B
from unknot.figures.spec import MOTION, FigureSpec, default_figures
from unknot.library.schema import Technique

INHALE = 0.4          # share of a breath spent breathing in (player.js `breath`)
DEFAULT_RATE = 6.0    # breaths a minute, the pacer's default
ASPECT = 1.25         # width : height of every figure
WIDE = 2.0            # … but a small figure of a body lying along the floor (class fig-wide)


Side = Literal["left", "right"]
OTHER_SIDE: dict[str, Side] = {"left": "right", "right": "left"}


class FigureError(ValueError):
    """A figure cannot be drawn: no data, an unknown pose, or a region the pose hides."""


@dataclass(frozen=True)
class Placed:
    """A figure worked out: the body, the region's shape and the stroke's points."""

    technique: Technique
    spec: FigureSpec
    body: B.Body
    area: B.Area
    paths: list[list[B.Point]]          # one per hand (two when `both`)
    region_points: list[tuple[float, float]]
    side: Side | None = None            # the side of the body this step works, when it has one
    mirrored: bool = False              # drawn mirrored, so the picture shows `side`


def _pose_for(spec: FigureSpec, position: str | None) -> str:
    if not position or position == B.POSES[spec.pose].position:
        return spec.pose
    if position in spec.poses:
        return spec.poses[position]
    derived = B.derived_name(spec.pose, position)
    if derived in B.POSES:
        return derived
    view = B.POSES[spec.pose].view
    for candidate in (view, "side", "back", "front"):
        name = B.base_pose(position, candidate)
        if name in B.POSES and B.areas(B.pose(name), spec.region):
            return name
    return spec.pose


def place(technique: Technique, position: str | None = None,
          spec: FigureSpec | None = None, side: Side | None = None) -> Placed:
    """Work out where everything goes; raises `FigureError` naming the technique and field.

    A step done on one `side` is drawn on that side: mirrored when the drawing as
    placed works the other one (see `drawn_side`).
    """
    placed = _place(technique, position, spec)
    if side not in ("left", "right"):
        return placed
    drawn = drawn_side(placed)
    return replace(placed, side=side, mirrored=drawn is not None and drawn != side)


def _place(technique: Technique, position: str | None, spec: FigureSpec | None) -> Placed:
    spec = spec or default_figures().get(technique.id)
    if spec is None:
        raise FigureError(f"{technique.id}: no figure (add an entry to figures.yaml)")
    if spec.pose not in B.POSES:
        raise FigureError(f"{technique.id}: pose: unknown pose {spec.pose!r}")
    for where, name in spec.poses.items():
        if name not in B.POSES:
            raise FigureError(f"{technique.id}: poses.{where}: unknown pose {name!r}")
    name = _pose_for(spec, position)
    body = B.pose(name)
    if spec.stroke == "scan":
        # Attention moves down the whole body: the path follows its middle line.
        bands = body.bands
        line = [bands["head"].at(0.5, 0), bands["neck"].at(0.5, 0), bands["torso"].at(0.3, 0),
                bands["torso"].at(0.8, 0), bands["thigh_n"].at(0.6, 0), bands["shin_n"].at(0.6, 0),
                bands["foot_n"].at(0.4, 0)]
        return Placed(technique, spec, body, B.areas(body, spec.region)[0], [line], [])
    shapes = B.areas(body, spec.region)
    if not shapes:
        raise FigureError(f"{technique.id}: region: {spec.region!r} does not show in the "
                          f"{body.view} view of pose {name!r}")
    index = spec.area
    if name != spec.pose and body.position == "lying" and len(shapes) > 1:
        # Lying on one side, the side on top is the one worked.
        index = min(range(len(shapes)), key=lambda n: min(p[1] for p in shapes[n].corners(body)))
    if index >= len(shapes):
        raise FigureError(f"{technique.id}: area: pose {name!r} shows {spec.region!r} only once")
    area = shapes[index]
    points = spec.points()
    paths = [[area.point(body, u, v) for u, v in points]]
    if spec.both:
        if len(shapes) > 1:
            other = shapes[1 - index]
            paths.append([other.point(body, u, 1 - v) for u, v in points])
        else:
            paths.append([area.point(body, u, 1 - v) for u, v in points])
    return Placed(technique, spec, body, area, paths, points)


# How far off the middle line (in half-widths of the part) a stroke on the trunk, neck
# or head must run to count as working one side of it.
OFF_MIDDLE = 0.15


def drawn_side(placed: Placed) -> Side | None:
    """Which side of the person the drawing, unmirrored, shows worked (None: the middle).

    Seen from the front the person's right is the viewer's left; seen from behind it is
    the viewer's right; seen from the side, the near side is the right one when they
    face the viewer's right (the left when they face left), and a far limb is the other.
    The figure's data (body.py) names limbs `_n` (near, or the viewer's left — lying,
    the lower one) and `_f`; on the trunk, neck and head the stroke's own path says
    which side of the middle it runs, and a turned head (a twist) the way the body turns.
    """
    body, area = placed.body, placed.area
    if placed.spec.shows:
        return placed.spec.shows
    if placed.spec.stroke == "scan":
        return None
    if body.view == "side":
        near: Side = "right" if body.spec.facing > 0 else "left"
        return OTHER_SIDE[near] if area.band.endswith("_f") else near
    # `across` is the direction the build puts the `_f` limbs: the viewer's right when upright.
    up = B.direction(body.spec.torso)
    across = (-up[1], up[0])
    if area.band.endswith(("_n", "_f")):
        toward = 1.0 if area.band.endswith("_f") else -1.0
    else:
        band = body.bands[area.band]
        flip = 1.0 if band.normal[0] * across[0] + band.normal[1] * across[1] >= 0 else -1.0
        across_v = [band.coords(p)[1] for p in placed.paths[0]]
        v = sum(across_v) / len(across_v)
        if abs(v) < OFF_MIDDLE:
            v = (area.v0 + area.v1) / 2
        if abs(v) >= OFF_MIDDLE:
            toward = flip * (1.0 if v > 0 else -1.0)
        elif body.spec.look:
            toward = 1.0 if body.spec.look > 0 else -1.0
        else:
            return None
    # `across` is the person's left seen from the front, their right seen from behind.
    if body.view == "front":
        return "left" if toward > 0 else "right"
    return "right" if toward > 0 else "left"


# ---- drawing helpers -------------------------------------------------------------

def _n(x: float) -> str:
    """A coordinate, short: one decimal, no trailing zero."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _pt(p: B.Point) -> str:
    return f"{_n(p[0])} {_n(p[1])}"


def _deg(band: B.Band) -> float:
    """The angle of a band's cross direction, for an elliptic arc across its end."""
    return math.degrees(math.atan2(-band.axis[0], band.axis[1]))


def _capsule(band: B.Band, rounded: bool = False) -> str:
    """A tapered capsule (or the head's ellipse) as path data."""
    if band.part == "head":
        rx, ry = band.wa, band.length / 2
        angle = math.degrees(math.atan2(band.axis[1], band.axis[0])) - 90
        return (f"M{_pt(band.a)}A{_n(rx)} {_n(ry)} {_n(angle)} 1 1 {_pt(band.b)}"
                f"A{_n(rx)} {_n(ry)} {_n(angle)} 1 1 {_pt(band.a)}Z")
    # Every part wound the same way round, so where parts overlap the fill never cancels out.
    nx, ny = band.axis[1], -band.axis[0]
    a1 = (band.a[0] + nx * band.wa, band.a[1] + ny * band.wa)
    a2 = (band.a[0] - nx * band.wa, band.a[1] - ny * band.wa)
    b1 = (band.b[0] + nx * band.wb, band.b[1] + ny * band.wb)
    b2 = (band.b[0] - nx * band.wb, band.b[1] - ny * band.wb)
    if band.part == "torso" and not rounded:
        # Seen from the front or back a torso is a trapezoid, square at the shoulders;
        # from the side it is rounded (the back and the seat), which reads as a body, not a box.
        return f"M{_pt(a1)}L{_pt(b1)} {_pt(b2)} {_pt(a2)}Z"
    if band.part == "torso":
        # Rounded, but flatter than a half circle: a torso seen from the side.
        ra, rb = band.wa, band.wb * 0.8
        return (f"M{_pt(a1)}L{_pt(b1)}A{_n(band.wb)} {_n(rb)} {_n(_deg(band))} 0 1 {_pt(b2)}"
                f"L{_pt(a2)}A{_n(band.wa)} {_n(ra * 0.6)} {_n(_deg(band))} 0 1 {_pt(a1)}Z")
    return (f"M{_pt(a1)}L{_pt(b1)}A{_n(band.wb)} {_n(band.wb)} 0 0 1 {_pt(b2)}"
            f"L{_pt(a2)}A{_n(band.wa)} {_n(band.wa)} 0 0 1 {_pt(a1)}Z")


def smooth(points: list[B.Point]) -> str:
    """A smooth path through the points (Catmull-Rom as cubic Béziers)."""
    if len(points) == 1:
        return f"M{_pt(points[0])}"
    if len(points) == 2:
        return f"M{_pt(points[0])}L{_pt(points[1])}"
    closed = math.dist(points[0], points[-1]) < 0.01
    pts = points[:-1] if closed else points
    count = len(pts)
    out = [f"M{_pt(pts[0])}"]
    segments = count if closed else count - 1
    for i in range(segments):
        p0 = pts[(i - 1) % count] if (closed or i > 0) else pts[i]
        p1, p2 = pts[i], pts[(i + 1) % count]
        p3 = pts[(i + 2) % count] if (closed or i + 2 < count) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C{_pt(c1)} {_pt(c2)} {_pt(p2)}")
    return "".join(out)


def _arrow(points: list[B.Point]) -> str:
    """A small arrowhead at the end of the path, pointing the way the stroke goes."""
    end = points[-1]
    before = points[-2] if len(points) > 1 else (end[0] - 1, end[1])
    if math.dist(end, before) < 0.5 and len(points) > 2:
        before = points[-3]
    dx, dy = end[0] - before[0], end[1] - before[1]
    n = math.hypot(dx, dy) or 1.0
    dx, dy = dx / n, dy / n
    size = 4.0
    left = (end[0] - dx * size + dy * size * 0.6, end[1] - dy * size - dx * size * 0.6)
    right = (end[0] - dx * size - dy * size * 0.6, end[1] - dy * size + dx * size * 0.6)
    return f"M{_pt(left)}L{_pt(end)}L{_pt(right)}"


# A soft mitten: palm and fingers as one egg, the thumb a smaller one beside it.
HAND = ("M-4 1C-4.5-3-3-6.5 0-6.5S4.5-3 4 1 2.5 5.5 0 5.5-3.5 4-4 1Z"
        "M-4.2 2.5C-6.8 1-7.4-1.8-6.3-2.4S-3.8-1-3.4.6Z")
TOOLS = {
    "ball": '<circle r="4.6" class="ft-ball"/>',
    "roller": '<circle r="7.5" class="ft-roller"/><circle r="2.2" class="ft-core"/>',
    "gun": ('<path class="ft-gun" d="M-3 -9h6v9h-6zM-1.5 0h3v8h-3z"/>'
            '<circle r="3.2" cy="-10" class="ft-ball"/>'),
    "massager": '<path class="ft-gun" d="M-2.5 -10h5v10h-5z"/><ellipse rx="6" ry="3.5" class="ft-ball"/>',
}


def _hand(tool: str, k: float = 1.0) -> str:
    """The hand or tool at (0, 0), scaled by `k` (smaller in a close-up)."""
    if tool in TOOLS:
        shape = TOOLS[tool]
    elif tool == "fist":
        shape = '<circle r="4.4" class="fhand"/>'
    elif tool == "fingertips":
        shape = '<circle r="2.4" class="fhand"/>'
    else:
        shape = f'<path class="fhand" d="{HAND}"/>'
    return shape if k == 1.0 else f'<g transform="scale({_n(k)})">{shape}</g>'


def _scale(placed: Placed) -> float:
    """Hands and tools are drawn smaller in a close-up, where the body is drawn bigger."""
    return 0.6 if placed.spec.frame == "close" else 1.0


SMALL_ZOOM = 0.62  # a small figure shows at least this share of the body's height
SMALL_MARGIN = 6.0  # room kept round what a small figure must show


def lies_along(body: B.Body) -> bool:
    """Whether the body lies along the floor (child's pose, all fours), not upright."""
    torso = body.bands["torso"]
    return abs(torso.axis[0]) > abs(torso.axis[1])


def must_show(placed: Placed, size: str = "large") -> list[B.Point]:
    """What a figure's frame must contain: the worked region, the path, the hand or
    tool on it and the head — and, lying down or in a stretch, the whole body, head to
    feet (a lying figure cut at the hips reads as a pile of legs)."""
    body = placed.body
    points = list(placed.area.corners(body)) if placed.spec.stroke != "scan" else []
    for path in placed.paths:
        points += path + _tool_points(placed, path)
    head = body.bands["head"]
    r = max(head.wa, head.wb)
    for end in (head.a, head.b):
        points += [(end[0] - r, end[1] - r), (end[0] + r, end[1] + r)]
    # A stretch is told by the pose itself: all of it shows.
    if placed.spec.frame == "body" and (body.position == "lying" or lies_along(body)
                                        or placed.spec.stroke == "stretch"):
        x0, y0, x1, y1 = body.bounds()
        points += [(x0, y0), (x1, y1)]
    return points


def _fit(x0: float, y0: float, x1: float, y1: float,
         aspect: float = ASPECT) -> tuple[float, float, float, float]:
    """The box (x, y, w, h) of `aspect` round the given one, centred on it."""
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - w / 2, cy - h / 2, w, h


def _frame(placed: Placed, size: str = "large") -> tuple[float, float, float, float]:
    """The viewBox: the whole body, or close on the region; ASPECT wide (small and lying: WIDE).

    A small figure (a plan card) is too small to show the whole body and the hand
    clearly, so it shows the body round the work as large as it goes — but never
    less than the region, the hand or tool and the head (see `must_show`).
    """
    body = placed.body
    if placed.spec.frame == "close":
        xs = [p[0] for c in [placed.area.corners(body)] + placed.paths for p in c]
        ys = [p[1] for c in [placed.area.corners(body)] + placed.paths for p in c]
        head = body.bands["head"]
        xs += [head.a[0], head.b[0]]
        ys += [head.a[1], head.b[1]]
        x0, y0, x1, y1 = min(xs) - 16, min(ys) - 16, max(xs) + 16, max(ys) + 16
        w, h = max(x1 - x0, 80.0), max(y1 - y0, 64.0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return _fit(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    x0, y0, x1, y1 = body.bounds()
    # A ball under a foot or a roller under a calf reaches past the body: keep it in view.
    for path in placed.paths:
        for x, y in _tool_points(placed, path):
            x0, y0, x1, y1 = min(x0, x - 8), min(y0, y - 8), max(x1, x + 8), max(y1, y + 8)
    fx, fy, fw, fh = _fit(x0 - 8, y0 - 6, x1 + 8, y1 + 8)
    if size == "small" and (body.position == "lying" or lies_along(body)):
        # A body along the floor is long and low: in a wide strip it is drawn larger, whole.
        return _fit(x0 - 5, y0 - 5, x1 + 5, y1 + 6, WIDE)
    if size != "small" or placed.spec.stroke == "scan":
        return fx, fy, fw, fh
    points = must_show(placed, size)
    m = SMALL_MARGIN
    kx0, ky0 = min(p[0] for p in points) - m, min(p[1] for p in points) - m
    kx1, ky1 = max(p[0] for p in points) + m, max(p[1] for p in points) + m
    zh = min(fh, max(fh * SMALL_ZOOM, ky1 - ky0, (kx1 - kx0) / ASPECT))
    zw = zh * ASPECT
    # Centred on what must show, but never past the edges of the whole-body frame
    # (which holds all of it, so the shift never pushes any of it out).
    zx = min(max((kx0 + kx1) / 2 - zw / 2, fx), fx + fw - zw)
    zy = min(max((ky0 + ky1) / 2 - zh / 2, fy), fy + fh - zh)
    return zx, zy, zw, zh


def _props(placed: Placed, box: tuple[float, float, float, float]) -> str:
    body = placed.body
    x0, y0, w, h = box
    bx0, by0, bx1, by1 = body.bounds()
    out = []
    floor = by1 + 0.5
    radius = TOOL_RADIUS.get(placed.spec.tool)
    if radius and "wall-back" not in body.spec.props and "wall-front" not in body.spec.props:
        # A ball or roller under the body rests on the floor.
        for path in placed.paths:
            floor = max([floor] + [y + radius + 0.5 for _, y in _tool_points(placed, path)])
    props = set(body.spec.props)
    if {"floor", "chair", "stool", "wall-front", "wall-back"} & props or body.position == "standing":
        out.append(f'<path class="fp" d="M{_n(x0 + 4)} {_n(floor)}H{_n(x0 + w - 4)}"/>')
    seat = body.bands["torso"].b
    if "chair" in props:
        thigh = body.bands["thigh_n"]
        top = max(thigh.a[1], thigh.b[1]) + thigh.wa - 0.5
        back = seat[0] - 13 * body.spec.facing
        front = thigh.b[0] - 6 * body.spec.facing
        out.append(f'<path class="fp" d="M{_n(back)} {_n(top - 38)}V{_n(floor)}M{_n(back)} {_n(top)}'
                   f'H{_n(front)}V{_n(floor)}"/>')
    if "stool" in props:
        top = seat[1] + 2
        out.append(f'<path class="fp" d="M{_n(seat[0] - 22)} {_n(top)}H{_n(seat[0] + 22)}'
                   f'M{_n(seat[0] - 19)} {_n(top)}V{_n(floor)}M{_n(seat[0] + 19)} {_n(top)}V{_n(floor)}"/>')
    if "stool-front" in props:
        foot = body.bands["foot_n"].a
        out.append(f'<path class="fp" d="M{_n(foot[0] - 10)} {_n(foot[1] + 4)}H{_n(foot[0] + 10)}'
                   f'M{_n(foot[0])} {_n(foot[1] + 4)}V{_n(floor)}"/>')
    gap = 9.5 if placed.spec.tool == "ball" else 1.5
    if "wall-front" in props:
        x = (bx1 + gap) if body.spec.facing > 0 else (bx0 - gap)
        out.append(f'<path class="fp fwall" d="M{_n(x)} {_n(y0)}V{_n(floor)}"/>')
    if "wall-back" in props:
        x = (bx0 - gap) if body.spec.facing > 0 else (bx1 + gap)
        out.append(f'<path class="fp fwall" d="M{_n(x)} {_n(y0)}V{_n(floor)}"/>')
    return "".join(out)


ARM_PARTS = ("upper_arm", "forearm", "hand")


def _body(body: B.Body) -> str:
    """The far limbs, then the body, then the near arms on top with their own outline,
    so an arm across the chest or resting on a thigh still reads as an arm."""
    far = "".join(_capsule(b) for b in body.bands.values() if b.far)
    side = body.view == "side"
    base = "".join(_capsule(b, rounded=side) for b in body.bands.values()
                   if not b.far and b.part not in ARM_PARTS)
    arms = "".join(_capsule(b) for b in body.bands.values() if not b.far and b.part in ARM_PARTS)
    # One path per layer: its outline is painted under its fill (paint-order), so where
    # parts overlap the fill hides the inner outlines and only the silhouette is drawn.
    parts = []
    if far:
        parts.append(f'<path class="fx" d="{far}"/>')
    parts.append(f'<path class="fb" d="{base}"/>')
    parts.append(f'<path class="fb" d="{arms}"/>')
    head = body.bands["head"]
    if body.view == "side":
        eye = head.at(0.42, 0.55)
        parts.append(f'<circle class="feye" cx="{_n(eye[0])}" cy="{_n(eye[1])}" r="1.1"/>')
    elif body.spec.look:
        # A head turned to one side: the eye and the tip of the nose show on that side.
        side = 1.0 if body.spec.look > 0 else -1.0
        eye = head.at(0.42, 0.6 * side)
        top, tip, low = head.at(0.4, 0.97 * side), head.at(0.5, 1.3 * side), head.at(0.58, 0.95 * side)
        parts.append(f'<circle class="feye" cx="{_n(eye[0])}" cy="{_n(eye[1])}" r="1.1"/>'
                     f'<path class="fb" d="M{_pt(top)}L{_pt(tip)} {_pt(low)}"/>')
    return "".join(parts)


def _animation(placed: Placed, points: list[B.Point], cycle: float, index: int) -> str:
    """The moving hand (or tool) for one path, as SMIL."""
    spec = placed.spec
    motion = MOTION[spec.stroke]
    dur = f"{_n(cycle)}s"
    hand = _hand(spec.tool, _scale(placed))
    path = smooth(points)
    start = points[0]
    inside = hand
    if motion in ("press", "breathe"):
        if motion == "press":
            inside = (f'<g>{hand}<animateTransform attributeName="transform" type="scale" '
                      f'values="1;1;.82;1" keyTimes="0;{INHALE};.8;1" dur="{dur}" '
                      f'repeatCount="indefinite"/></g>')
        return f'<g class="fmove" transform="translate({_pt(start)})">{inside}</g>'
    if motion == "tap":
        beat = cycle * (1 - INHALE) / max(spec.per_breath, 1)
        inside = (f'<g>{hand}<animateTransform attributeName="transform" type="scale" '
                  f'values="1;.7;1" dur="{_n(beat)}s" repeatCount="indefinite"/></g>')
    if motion == "roll":
        key_points, key_times = "1;0;1", f"0;{INHALE};1"
    else:
        key_points, key_times = "0;0;1", f"0;{INHALE};1"
    fade = ""
    if motion in ("travel", "tap", "stretch"):
        fade = (f'<animate attributeName="opacity" values="0;1;1;0" keyTimes="0;.25;.92;1" '
                f'dur="{dur}" repeatCount="indefinite"/>')
    repeat = spec.per_breath if motion == "loop" else 1
    loop_path = path
    if repeat > 1:
        loop_path = "".join([path] + [path.replace("M", "L", 1)[0:] for _ in range(repeat - 1)])
    return (f'<g class="fmove">{inside}<animateMotion dur="{dur}" repeatCount="indefinite" '
            f'calcMode="linear" keyPoints="{key_points}" keyTimes="{key_times}" '
            f'path="{loop_path}"/>{fade}</g>')


TOOL_RADIUS = {"ball": 4.6, "roller": 7.5}


def _tool_points(placed: Placed, points: list[B.Point]) -> list[B.Point]:
    """Where a ball or roller sits: against the surface the path runs along, not inside it."""
    radius = TOOL_RADIUS.get(placed.spec.tool)
    if radius is None or placed.spec.stroke == "scan":
        return points
    band = placed.body.bands[placed.area.band]
    out = []
    for p in points:
        u, v = band.coords(p)
        if abs(v) < 0.6:
            out.append(p)
            continue
        side = 1.0 if v > 0 else -1.0
        edge = band.at(u, side)
        nx, ny = band.normal
        out.append((edge[0] + nx * side * (radius + 0.6), edge[1] + ny * side * (radius + 0.6)))
    return out


PLAIN = {"abdomen": "belly", "glutes": "buttocks", "arms": "upper arms"}
# One of a pair, for a step on one side ("the right shoulder"); other regions are
# said as "the right side of the upper back".
ONE_OF = {"shoulders": "shoulder", "arms": "upper arm", "forearms": "forearm", "hands": "hand",
          "thighs": "thigh", "knees": "knee", "calves": "calf", "feet": "foot", "hips": "hip",
          "glutes": "buttock", "temples": "temple"}


def region_words(region: str, side: str | None = None) -> str:
    """The region as said in a text alternative: "the shoulders", "the right shoulder"."""
    name = PLAIN.get(region, region.replace("_", " "))
    if not side:
        return f"the {name}"
    if region in ONE_OF:
        return f"the {side} {ONE_OF[region]}"
    return f"the {side} side of the {name}"
PHRASES = {
    "glide": "slow glides along the muscle", "sweep": "gentle sweeping strokes",
    "pull": "a gentle lift and pull", "tap": "light tapping along the muscle",
    "roll": "slow rolling back and forth", "circles": "slow circles",
    "knead": "kneading in small circles", "rotate": "slow turning circles",
    "press": "press and hold", "squeeze": "squeeze and let go",
    "breathe": "resting while the breath moves", "rest": "resting",
}


def describe(placed: Placed) -> str:
    """The text alternative: position, where the hands or tool go (on which side), the stroke."""
    spec = placed.spec
    if spec.says:
        # Written by hand for the move as a whole: the side comes first.
        return f"{placed.side.capitalize()} side. {spec.says}" if placed.side else spec.says
    body = placed.body
    view = {"front": "seen from the front", "back": "seen from behind",
            "side": "seen from the side"}[body.view]
    if body.position == "lying" and body.view == "front":
        view = "seen from above"
    region = region_words(spec.region, placed.side)
    tool = {"hand": "both hands" if spec.both else "a hand", "fingertips": "fingertips",
            "fist": "a loose fist", "ball": "a ball", "roller": "a foam roller",
            "gun": "a massage gun", "massager": "a handheld massager", "none": ""}[spec.tool]
    where = f"{body.position.capitalize()}, {view}"
    if spec.stroke == "stretch":
        # Said as the step's title says it ("Neck side stretch, left side"): which side a
        # stretch is named for (the one leant toward or the one stretched) is the move's own.
        region, sided = region_words(spec.region), f", {placed.side} side" if placed.side else ""
        return f"{where}: a slow stretch for {region}{sided}, easing further on each breath out."
    if spec.stroke == "scan":
        return f"{where}: attention moves slowly down the body, from the head to the feet."
    if MOTION[spec.stroke] == "breathe":
        rests = f"{tool} resting on {region}, " if tool else f"slow breathing into {region}, "
        return f"{where}: {rests}which rises on the in-breath and settles on the out-breath."
    if not tool:
        return f"{where}: {region}, {PHRASES[spec.stroke]}."
    timing = "" if MOTION[spec.stroke] == "breathe" else " with each breath out"
    return f"{where}: {tool} on {region}, {PHRASES[spec.stroke]}{timing}."


# The colours of figures.css (light and dark schemes: app.css's variables) as presentation
# attributes, for a figure shown as an image file (<img>), where the page's stylesheet does
# not reach and the Content-Security-Policy would refuse a <style> of its own. A browser
# test holds these to the colours the stylesheet gives the same shapes on a page.
Scheme = Literal["light", "dark"]
PALETTES: dict[str, dict[str, str]] = {
    "light": {"region": "#e4ded3", "region-line": "#6d6658", "far": "#d2cabd", "line": "#cfc8bb",
              "accent": "#0b5f5a", "accent-soft": "#d7ebe8", "surface": "#fffdf8",
              "hand": "#e7b897", "hand-line": "#8a5a3c", "tool": "#c9d46a"},
    "dark": {"region": "#2b3644", "region-line": "#8b99ab", "far": "#3a4757", "line": "#3a4656",
             "accent": "#5cc8bd", "accent-soft": "#1d3a38", "surface": "#18202a",
             "hand": "#c99a7b", "hand-line": "#f1d3bf", "tool": "#a9b44e"},
}
PAINT = {
    "fb": ('fill="{region}" stroke="{region-line}" stroke-width="1.8" stroke-linejoin="round" '
           'paint-order="stroke"'),
    "fx": ('fill="{far}" stroke="{region-line}" stroke-width="1.8" stroke-linejoin="round" '
           'paint-order="stroke"'),
    "feye": 'fill="{region-line}"',
    "fp": 'fill="none" stroke="{line}" stroke-width="2" stroke-linecap="round"',
    "fp fwall": 'fill="none" stroke="{line}" stroke-width="3.5" stroke-linecap="round"',
    "fr": 'fill="{accent-soft}" stroke="{accent}" stroke-width=".8" stroke-linejoin="round" opacity=".9"',
    "ftrack": ('fill="none" stroke="{accent}" stroke-width="1.3" stroke-dasharray="2 2.5" '
               'stroke-linecap="round" opacity=".7"'),
    "farrow": ('fill="none" stroke="{accent}" stroke-width="1.6" stroke-linecap="round" '
               'stroke-linejoin="round"'),
    "fhand": 'fill="{hand}" fill-opacity=".88" stroke="{hand-line}" stroke-width="1" stroke-linejoin="round"',
    "fdot": 'fill="{accent}" stroke="{surface}" stroke-width=".8"',
    "ft-ball": 'fill="{tool}" stroke="#5d6420" stroke-width="1"',
    "ft-roller": 'fill="#9fb8d6" stroke="#3d5470" stroke-width="1"',
    "ft-core": 'fill="{surface}"',
    "ft-gun": 'fill="#5b6270"',
}


def paint(name: str, scheme: Scheme = "light") -> str:
    """The presentation attributes of one class of shape, in a colour scheme."""
    colours = PALETTES[scheme]
    return re.sub(r"\{([a-z-]+)\}", lambda m: colours[m.group(1)], PAINT[name])


def _painted(svg: str, scheme: Scheme = "light") -> str:
    """A still figure as a complete SVG file: the namespace, and colours written on each shape."""
    head, _, rest = svg.partition(">")
    rest = re.sub(r' class="([^"]+)"', lambda m: f" {paint(m.group(1), scheme)}" if m.group(1) in PAINT
                  else m.group(0), rest)
    return head.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) + ">" + rest


def figure_svg(technique: Technique, position: str | None = None, size: str = "small",
               animate: bool = True, rate: float = DEFAULT_RATE,
               spec: FigureSpec | None = None, standalone: bool = False,
               side: Side | None = None, scheme: Scheme = "light") -> str:
    """The figure as an inline SVG string (deterministic; all text escaped).

    `side` draws a step done on one side on that side (mirrored when need be) and says
    so in the text alternative. `standalone` gives a still figure that stands on its own
    as an image file, in the colours of the page's light or dark `scheme` (see PAINT).
    """
    if standalone:
        return _painted(figure_svg(technique, position, size, animate=False, rate=rate, spec=spec,
                                   side=side), scheme)
    placed = place(technique, position, spec, side)
    text = describe(placed)
    box = _frame(placed, size)
    cycle = 60.0 / rate
    spec = placed.spec
    motion = MOTION[spec.stroke]
    region_shapes = []
    shown = [placed.area] if spec.stroke != "scan" else []
    if spec.both:
        shown += [a for a in B.areas(placed.body, spec.region) if a != placed.area][:1]
    for area in shown:
        corners = " ".join(_pt(p) for p in area.corners(placed.body))
        pulse = ""
        if motion == "breathe" and animate:
            pulse = (f'<animate attributeName="opacity" values=".35;.9;.35" '
                     f'keyTimes="0;{INHALE};1" dur="{_n(cycle)}s" repeatCount="indefinite"/>')
        region_shapes.append(f'<polygon class="fr" points="{corners}">{pulse}</polygon>')
    tracks, arrows, stills, movers = [], [], [], []
    for index, points in enumerate(placed.paths):
        at = _tool_points(placed, points)
        still_hand = _hand(spec.tool, _scale(placed))
        if spec.tool == "none" or motion in ("stretch", "scan"):
            still_hand = '<circle r="2.6" class="fdot"/>'
        if len(points) > 1:
            d = smooth(points)
            tracks.append(f'<path class="ftrack" d="{d}"/>')
            arrows.append(f'<path class="farrow" d="{_arrow(points)}"/>')
            if animate and motion != "breathe":
                tracks.append(f'<path class="ftrail fmove" d="{d}" pathLength="100" '
                              f'stroke-dasharray="100"><animate attributeName="stroke-dashoffset" '
                              f'values="100;100;0" keyTimes="0;{INHALE};1" dur="{_n(cycle)}s" '
                              f'repeatCount="indefinite"/></path>')
        stills.append(f'<g class="fstill" transform="translate({_pt(at[0])})">{still_hand}</g>')
        if animate and motion not in ("breathe",):
            mover_spec = placed
            if spec.tool == "none" or motion in ("stretch", "scan"):
                movers.append(
                    f'<g class="fmove"><circle r="2.6" class="fdot"/><animateMotion dur="{_n(cycle)}s" '
                    f'repeatCount="indefinite" keyPoints="0;0;1" keyTimes="0;{INHALE};1" '
                    f'calcMode="linear" path="{smooth(points)}"/></g>')
            else:
                movers.append(_animation(mover_spec, at, cycle, index))
    x, y, w, h = box
    classes = (f"fig fig-{escape(size)}" + (" fig-wide" if w / h > 1.6 else "")
               + (" fig-anim" if animate else ""))
    drawing = (f"{_props(placed, box)}{_body(placed.body)}{''.join(region_shapes)}"
               f"{''.join(tracks)}{''.join(arrows)}{''.join(stills)}{''.join(movers)}")
    if placed.mirrored:
        # Turned over about the middle of the frame: the other side, with the same frame
        # round it (so the head, the region, the path and the hand all stay in view).
        drawing = f'<g transform="matrix(-1 0 0 1 {_n(2 * x + w)} 0)">{drawing}</g>'
    sided = f' data-side="{placed.side}"' if placed.side else ""
    return (
        f'<svg class="{classes}" viewBox="{_n(x)} {_n(y)} {_n(w)} {_n(h)}" role="img" '
        f'aria-label="{escape(text)}" focusable="false" data-technique="{escape(technique.id)}"'
        f'{sided} data-cycle="{_n(cycle)}" data-motion="{motion}">'
        f"<title>{escape(text)}</title>{drawing}</svg>"
    )
