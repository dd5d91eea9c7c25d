"""The body a figure is drawn on: poses built from joint angles, and where each region lies.

A pose is a few angles (torso, neck, head, each arm and leg) turned into joint
positions by walking down the limbs (forward kinematics), so one set of body
proportions serves every position and view. Each body part is a *band*: a
segment from `a` to `b` with a half-width at either end. A region of the library
vocabulary is one or more rectangles in band coordinates — `u` from 0 at `a` to
1 at `b`, `v` from -1 to 1 across (in a side view +1 is the front of the body;
in a front or back view +1 is the viewer's right) — so a stroke written once in
region coordinates lands on the right spot in every pose that shows the region.

Coordinates are SVG user units in a 200×160 box, y down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cache

Point = tuple[float, float]

WIDTH, HEIGHT = 200.0, 160.0

# Lengths of the body parts (a calm, slightly stylised adult).
LENGTH = {"torso": 46.0, "neck": 8.0, "head": 23.0, "upper_arm": 25.0, "forearm": 22.0,
          "hand": 10.0, "thigh": 33.0, "shin": 31.0, "foot": 12.0}
# Half-widths at the start and end of each part, (front or back view, side view).
HALF = {
    "torso": ((17.0, 14.5), (11.0, 12.5)),
    "neck": ((4.5, 4.5), (5.0, 5.0)),
    "head": ((9.0, 9.0), (10.0, 10.0)),
    "upper_arm": ((5.0, 4.2), (5.0, 4.2)),
    "forearm": ((4.2, 3.4), (4.2, 3.4)),
    "hand": ((3.6, 3.0), (3.6, 3.0)),
    "thigh": ((7.5, 5.5), (7.0, 5.5)),
    "shin": ((5.3, 3.6), (5.3, 3.6)),
    "foot": ((3.4, 3.0), (3.2, 2.6)),
}
SHOULDER_HALF = 15.0   # from the spine to the shoulder joint, front or back view
HIP_HALF = 8.0


def direction(angle: float) -> Point:
    """A unit vector: 0° points down, 90° right, 180° up, -90° left (SVG y grows down)."""
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def add(p: Point, q: Point, k: float = 1.0) -> Point:
    return (p[0] + q[0] * k, p[1] + q[1] * k)


@dataclass(frozen=True)
class Band:
    """One body part: a tapered capsule from `a` to `b` (or an ellipse for the head)."""

    part: str
    a: Point
    b: Point
    wa: float
    wb: float
    front: float = 1.0   # +1 or -1: which side of the axis `v = +1` is
    far: bool = False    # the limb on the far side of a side view (drawn behind, paler)

    @property
    def length(self) -> float:
        return math.dist(self.a, self.b)

    @property
    def axis(self) -> Point:
        n = self.length or 1.0
        return ((self.b[0] - self.a[0]) / n, (self.b[1] - self.a[1]) / n)

    @property
    def normal(self) -> Point:
        ax, ay = self.axis
        # The axis turned a quarter; `front` (+1 or -1) was chosen by `_front_sign`.
        return (ay * self.front, -ax * self.front)

    def width(self, u: float) -> float:
        return self.wa + (self.wb - self.wa) * u

    def at(self, u: float, v: float) -> Point:
        """The point `u` along and `v` across (in half-widths)."""
        base = add(self.a, (self.b[0] - self.a[0], self.b[1] - self.a[1]), u)
        return add(base, self.normal, v * self.width(u))

    def coords(self, p: Point) -> tuple[float, float]:
        """Inverse of `at`: where `p` lies in this band's (u, v)."""
        ax, ay = self.axis
        dx, dy = p[0] - self.a[0], p[1] - self.a[1]
        along = dx * ax + dy * ay
        u = along / (self.length or 1.0)
        nx, ny = self.normal
        across = dx * nx + dy * ny
        w = self.width(min(1.0, max(0.0, u))) or 1.0
        return u, across / w

    def contains(self, p: Point, slack: float = 0.0) -> bool:
        """Whether `p` lies on this part as drawn (ellipse for the head, capsule otherwise)."""
        if self.part == "head":
            u, v = self.coords(p)
            return ((u - 0.5) / 0.5) ** 2 + v ** 2 <= 1.0 + slack
        ax, ay = self.axis
        dx, dy = p[0] - self.a[0], p[1] - self.a[1]
        t = max(0.0, min(1.0, (dx * ax + dy * ay) / (self.length or 1.0)))
        closest = add(self.a, (self.b[0] - self.a[0], self.b[1] - self.a[1]), t)
        return math.dist(p, closest) <= self.width(t) * (1.0 + slack) + 0.5


@dataclass(frozen=True)
class Area:
    """A rectangle in one band's coordinates: a region as it shows on one body part."""

    band: str
    u0: float
    u1: float
    v0: float
    v1: float

    def point(self, body: Body, ru: float, rv: float) -> Point:
        """Region coordinates (0..1 along, 0..1 across) to a point of the figure."""
        band = body.bands[self.band]
        return band.at(self.u0 + (self.u1 - self.u0) * ru, self.v0 + (self.v1 - self.v0) * rv)

    def corners(self, body: Body) -> list[Point]:
        return [self.point(body, ru, rv) for ru, rv in ((0, 0), (1, 0), (1, 1), (0, 1))]

    def contains(self, body: Body, p: Point) -> bool:
        band = body.bands[self.band]
        u, v = band.coords(p)
        eps = 1e-6
        inside_rect = (min(self.u0, self.u1) - eps <= u <= max(self.u0, self.u1) + eps
                       and min(self.v0, self.v1) - eps <= v <= max(self.v0, self.v1) + eps)
        return inside_rect and band.contains(p)


@dataclass(frozen=True)
class PoseSpec:
    """A position and view as angles; anything not given keeps the base pose's value."""

    position: str
    view: str
    root: Point                      # the pelvis (bottom of the torso band)
    torso: float = 180.0             # angle from the pelvis up to the base of the neck
    neck: float | None = None        # default: follows the torso
    head: float | None = None
    # Per limb: (upper, lower, end) angles; 'n' = near or viewer's left, 'f' = far or right.
    arm_n: tuple[float, float, float] = (-8.0, -4.0, 0.0)
    arm_f: tuple[float, float, float] = (8.0, 4.0, 0.0)
    leg_n: tuple[float, float, float] = (-2.0, 0.0, 0.0)
    leg_f: tuple[float, float, float] = (2.0, 0.0, 0.0)
    # Foreshortening of a part pointing at the viewer, e.g. thighs of a seated front view.
    scale: dict[str, float] = field(default_factory=dict)
    props: tuple[str, ...] = ()      # chair, floor, stool …
    facing: float = 1.0              # side views: +1 faces right, -1 faces left
    # Front or back views: the head turned to look toward the viewer's right (+1) or left
    # (-1), drawn as an eye and a nose on that side; and the shoulders turned (0 to 1), which
    # brings them closer together as seen — together they show a twist without an arrow.
    look: float = 0.0
    twist: float = 0.0
    # Limbs hidden behind the body in a front or back view ('arm_n', 'leg_f' …), drawn pale
    # under it — an arm reaching across the front, seen from behind.
    behind: tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """A pose worked out: its bands by name, drawing order and props."""

    name: str
    spec: PoseSpec
    bands: dict[str, Band]

    @property
    def position(self) -> str:
        return self.spec.position

    @property
    def view(self) -> str:
        return self.spec.view

    def on_body(self, p: Point) -> bool:
        return any(band.contains(p) for band in self.bands.values())

    def bounds(self) -> tuple[float, float, float, float]:
        xs, ys = [], []
        for band in self.bands.values():
            if band.part == "head":
                # The head is an ellipse through its two ends: its own extent, not a capsule's
                # (a tilted head would otherwise lift the floor line off the knees).
                (ax, ay), ry, rx = band.axis, band.length / 2, band.wa
                cx, cy = (band.a[0] + band.b[0]) / 2, (band.a[1] + band.b[1]) / 2
                hx, hy = math.hypot(ry * ax, rx * ay), math.hypot(ry * ay, rx * ax)
                xs += [cx - hx, cx + hx]
                ys += [cy - hy, cy + hy]
                continue
            for end, w in ((band.a, band.wa), (band.b, band.wb)):
                xs += [end[0] - w, end[0] + w]
                ys += [end[1] - w, end[1] + w]
        return min(xs), min(ys), max(xs), max(ys)


def build(name: str, spec: PoseSpec) -> Body:
    """Walk the limbs from the pelvis out and return the bands of the pose."""
    side = spec.view == "side"
    k = 1 if side else 0

    def size(part: str, tag: str = "") -> float:
        # `scale` may name one limb (`thigh_n`): a knee turned toward the viewer looks shorter.
        return LENGTH[part] * spec.scale.get(f"{part}_{tag}", spec.scale.get(part, 1.0))

    def half(part: str) -> tuple[float, float]:
        return HALF[part][k]

    bands: dict[str, Band] = {}
    front = spec.facing if side else 1.0
    pelvis = spec.root
    up = direction(spec.torso)
    neck_base = add(pelvis, up, size("torso"))
    # The torso band runs from the base of the neck down past the hip joints to the seat.
    seat = add(pelvis, up, -5.0)
    wa, wb = half("torso")
    wa *= 1.0 - 0.3 * spec.twist
    bands["torso"] = Band("torso", neck_base, seat, wa, wb,
                         front=_front_sign(neck_base, seat, spec))
    neck_angle = spec.torso if spec.neck is None else spec.neck
    head_angle = neck_angle if spec.head is None else spec.head
    neck_top = add(neck_base, direction(neck_angle), size("neck") + 2.0)
    bands["neck"] = Band("neck", add(neck_base, direction(neck_angle), -2.0), neck_top,
                         *half("neck"), front=_front_sign(neck_base, neck_top, spec))
    hd = direction(head_angle)
    chin = add(neck_top, hd, -3.0)
    crown = add(chin, hd, size("head"))
    if side:
        # The neck meets the head behind its middle: shift the head's centre forward a little.
        chin = add(chin, _perp(hd), 2.5 * front)
        crown = add(crown, _perp(hd), 2.5 * front)
    bands["head"] = Band("head", crown, chin, *half("head"),
                         front=_front_sign(crown, chin, spec))

    across = _perp(up)  # points to the viewer's right for an upright front view
    for tag, angles in (("n", spec.arm_n), ("f", spec.arm_f)):
        if side:
            shoulder = add(neck_base, up, -4.0)
        else:
            offset = (-SHOULDER_HALF if tag == "n" else SHOULDER_HALF) * (1.0 - 0.35 * spec.twist)
            shoulder = add(add(neck_base, up, -4.0), across, offset)
        elbow = add(shoulder, direction(angles[0]), size("upper_arm", tag))
        wrist = add(elbow, direction(angles[1]), size("forearm", tag))
        tip = add(wrist, direction(angles[2]), size("hand", tag))
        far = (side and tag == "f") or f"arm_{tag}" in spec.behind
        for part, a, b in (("upper_arm", shoulder, elbow), ("forearm", elbow, wrist),
                           ("hand", wrist, tip)):
            bands[f"{part}_{tag}"] = Band(part, a, b, *half(part), far=far,
                                          front=_front_sign(a, b, spec))
    for tag, angles in (("n", spec.leg_n), ("f", spec.leg_f)):
        if side:
            hip = add(pelvis, up, 2.0)
        else:
            offset = -HIP_HALF if tag == "n" else HIP_HALF
            hip = add(add(pelvis, up, 2.0), across, offset)
        knee = add(hip, direction(angles[0]), size("thigh", tag))
        ankle = add(knee, direction(angles[1]), size("shin", tag))
        toe = add(ankle, direction(angles[2]), size("foot", tag) * spec.scale.get("foot", 1.0))
        far = (side and tag == "f") or f"leg_{tag}" in spec.behind
        for part, a, b in (("thigh", hip, knee), ("shin", knee, ankle), ("foot", ankle, toe)):
            bands[f"{part}_{tag}"] = Band(part, a, b, *half(part), far=far,
                                          front=_front_sign(a, b, spec))
    return Body(name, spec, bands)


def _perp(d: Point) -> Point:
    """A quarter turn of `d` (for `up` pointing up this is the viewer's right)."""
    return (-d[1], d[0])


def _front_sign(a: Point, b: Point, spec: PoseSpec) -> float:
    """Choose the sign so that +v is the part's own front (side view) or the viewer's right.

    In a side view a part's front turns with it (a thigh raised to sitting has its
    front on top), which is exactly the band's axis turned a quarter, mirrored when
    the body faces left. In a front or back view +v is the viewer's right, or, for
    a part lying across the picture, the top.
    """
    if spec.view == "side":
        return spec.facing
    ax, ay = b[0] - a[0], b[1] - a[1]
    dot = ay  # (ay, -ax) · (1, 0)
    if abs(dot) < 1e-9:
        dot = ax
    return 1.0 if dot >= 0 else -1.0


# Regions as they show in each view: (band, u0, u1, v0, v1). Bands ending in
# `_n` are the near (or viewer's left) limb, `_f` the far one; the first area of
# a region is where a one-sided stroke is drawn.
_LIMBS = {
    "arms": ("upper_arm", 0.12, 0.9, -0.8, 0.8),
    "forearms": ("forearm", 0.1, 0.9, -0.8, 0.8),
    "hands": ("hand", 0.05, 0.95, -0.8, 0.8),
    "thighs": ("thigh", 0.1, 0.8, -0.8, 0.8),
    "knees": ("thigh", 0.84, 1.0, -0.85, 0.85),
    "calves": ("shin", 0.12, 0.85, -0.8, 0.8),
    "feet": ("foot", 0.05, 0.95, -0.8, 0.8),
}
_FRONT = {
    "scalp": [("head", 0.03, 0.2, -0.55, 0.55)],
    "forehead": [("head", 0.2, 0.36, -0.6, 0.6)],
    "temples": [("head", 0.32, 0.48, -0.9, -0.62), ("head", 0.32, 0.48, 0.62, 0.9)],
    "face": [("head", 0.42, 0.78, -0.62, 0.62)],
    "jaw": [("head", 0.58, 0.8, -0.78, -0.5), ("head", 0.58, 0.8, 0.5, 0.78)],
    "neck": [("neck", 0.15, 0.85, -0.8, 0.8)],
    "shoulders": [("torso", 0.0, 0.16, -0.95, -0.5), ("torso", 0.0, 0.16, 0.5, 0.95)],
    "chest": [("torso", 0.1, 0.4, -0.75, 0.75)],
    "abdomen": [("torso", 0.45, 0.82, -0.65, 0.65)],
    "hips": [("torso", 0.76, 0.95, -1.0, -0.66), ("torso", 0.76, 0.95, 0.66, 1.0)],
}
_BACK = {
    "scalp": [("head", 0.05, 0.75, -0.7, 0.7)],
    "neck": [("neck", 0.15, 0.85, -0.8, 0.8)],
    "shoulders": [("torso", 0.0, 0.16, -0.95, -0.45), ("torso", 0.0, 0.16, 0.45, 0.95)],
    "upper_back": [("torso", 0.12, 0.38, -0.8, 0.8)],
    "middle_back": [("torso", 0.38, 0.62, -0.75, 0.75)],
    "lower_back": [("torso", 0.62, 0.84, -0.7, 0.7)],
    "glutes": [("torso", 0.84, 1.0, -0.92, -0.06), ("torso", 0.84, 1.0, 0.06, 0.92)],
    "hips": [("torso", 0.74, 0.92, -1.0, -0.7), ("torso", 0.74, 0.92, 0.7, 1.0)],
}
_SIDE = {
    "scalp": [("head", 0.02, 0.3, -0.75, 0.35)],
    "forehead": [("head", 0.2, 0.38, 0.45, 0.88)],
    "temples": [("head", 0.3, 0.48, 0.05, 0.45)],
    "face": [("head", 0.42, 0.8, 0.3, 0.85)],
    "jaw": [("head", 0.7, 0.92, -0.1, 0.6)],
    "neck": [("neck", 0.15, 0.85, -0.8, 0.8)],
    "shoulders": [("torso", 0.0, 0.16, -0.6, 0.6)],
    "chest": [("torso", 0.1, 0.4, 0.3, 0.95)],
    "upper_back": [("torso", 0.1, 0.4, -0.95, -0.3)],
    "middle_back": [("torso", 0.4, 0.63, -0.95, -0.3)],
    "lower_back": [("torso", 0.63, 0.86, -0.95, -0.3)],
    "abdomen": [("torso", 0.45, 0.85, 0.3, 0.95)],
    "glutes": [("torso", 0.84, 1.0, -0.95, -0.2)],
    "hips": [("torso", 0.76, 0.96, -0.25, 0.55)],
}
for _table, _sides in ((_FRONT, ("n", "f")), (_BACK, ("f", "n")), (_SIDE, ("n", "f"))):
    for _region, (_part, *_rect) in _LIMBS.items():
        _table[_region] = [(f"{_part}_{tag}", *_rect) for tag in _sides]
REGION_AREAS: dict[str, dict[str, list[tuple[str, float, float, float, float]]]] = {
    "front": _FRONT, "back": _BACK, "side": _SIDE,
}


def areas(body: Body, region: str) -> list[Area]:
    """Where `region` shows on this body (empty if the view hides it)."""
    if region == "head":
        region = "scalp"
    return [Area(*row) for row in REGION_AREAS[body.view].get(region, [])]


# The poses. Base poses per position and view, then the special ones a
# stretch or a tool needs (named in the figure data).
_STAND = dict(root=(100.0, 84.0))
_SIDE_ARMS = dict(arm_n=(8.0, 10.0, 5.0), arm_f=(-6.0, -2.0, 0.0))
POSES: dict[str, PoseSpec] = {
    "standing-front": PoseSpec("standing", "front", **_STAND),
    "standing-back": PoseSpec("standing", "back", **_STAND),
    "standing-side": PoseSpec("standing", "side", **_STAND, **_SIDE_ARMS,
                              leg_n=(3.0, 0.0, 90.0), leg_f=(-3.0, 0.0, 90.0)),
    "seated-front": PoseSpec("seated", "front", root=(100.0, 92.0), arm_n=(-10.0, 20.0, 10.0),
                             arm_f=(10.0, -20.0, -10.0), leg_n=(-8.0, 0.0, 0.0),
                             leg_f=(8.0, 0.0, 0.0), scale={"thigh": 0.35, "foot": 0.5},
                             props=("stool",)),
    "seated-back": PoseSpec("seated", "back", root=(100.0, 92.0), arm_n=(-10.0, 20.0, 10.0),
                            arm_f=(10.0, -20.0, -10.0), leg_n=(-8.0, 0.0, 0.0),
                            leg_f=(8.0, 0.0, 0.0), scale={"thigh": 0.35, "foot": 0.5},
                            props=("stool",)),
    "seated-side": PoseSpec("seated", "side", root=(80.0, 98.0), arm_n=(15.0, 75.0, 85.0),
                            arm_f=(8.0, 70.0, 85.0), leg_n=(90.0, 0.0, 90.0),
                            leg_f=(88.0, 2.0, 90.0), props=("chair",)),
    "lying-side": PoseSpec("lying", "side", root=(112.0, 128.0), torso=-90.0, neck=-95.0,
                           head=-95.0, arm_n=(92.0, 90.0, 90.0), arm_f=(88.0, 92.0, 90.0),
                           leg_n=(90.0, 90.0, 180.0), leg_f=(90.0, 90.0, 180.0),
                           props=("floor",), facing=1.0),
    "lying-knees-bent": PoseSpec("lying", "side", root=(105.0, 128.0), torso=-90.0, neck=-95.0,
                                 head=-95.0, arm_n=(92.0, 90.0, 90.0), arm_f=(88.0, 92.0, 90.0),
                                 leg_n=(138.0, 45.0, 90.0), leg_f=(135.0, 48.0, 90.0),
                                 props=("floor",)),
    # Lying on the back, seen from above (head to the left).
    "lying-front": PoseSpec("lying", "front", root=(110.0, 80.0), torso=-90.0,
                            arm_n=(68.0, 80.0, 85.0), arm_f=(112.0, 100.0, 95.0),
                            leg_n=(84.0, 90.0, 90.0), leg_f=(96.0, 90.0, 90.0),
                            scale={"foot": 0.5}),
    "side-lying-roller": PoseSpec("lying", "front", root=(112.0, 112.0), torso=-75.0,
                                  neck=-80.0, head=-85.0, arm_n=(-5.0, -90.0, -90.0),
                                  arm_f=(80.0, 60.0, 60.0), leg_n=(100.0, 92.0, 90.0),
                                  leg_f=(75.0, 110.0, 90.0), scale={"foot": 0.6},
                                  props=("floor",)),
    # Lying on one side, seen from behind (head to the left): the top side is worked.
    "side-lying-back": PoseSpec("lying", "back", root=(112.0, 112.0), torso=-90.0,
                                arm_n=(95.0, 80.0, 80.0), arm_f=(60.0, 100.0, 95.0),
                                leg_n=(95.0, 88.0, 90.0), leg_f=(92.0, 85.0, 90.0),
                                scale={"foot": 0.6}, props=("floor",)),
    "lying-calf-on-knee": PoseSpec("lying", "side", root=(100.0, 128.0), torso=-90.0,
                                   neck=-95.0, head=-95.0, arm_n=(92.0, 90.0, 90.0),
                                   arm_f=(88.0, 92.0, 90.0), leg_n=(128.0, 88.0, 120.0),
                                   leg_f=(140.0, 45.0, 90.0), props=("floor",)),
    # Hands held together in front of the body, one working on the other.
    "seated-hands-up": PoseSpec("seated", "front", root=(100.0, 92.0),
                                arm_n=(-12.0, 100.0, 95.0), arm_f=(12.0, -112.0, -120.0),
                                leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                                scale={"thigh": 0.35, "foot": 0.5}, props=("stool",)),
    # Arms raised out and up, as on a full in-breath.
    "seated-arms-up": PoseSpec("seated", "front", root=(100.0, 92.0),
                               arm_n=(-140.0, -160.0, -170.0), arm_f=(140.0, 160.0, 170.0),
                               leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                               scale={"thigh": 0.35, "foot": 0.5}, props=("stool",)),
    "seated-self-hug": PoseSpec("seated", "front", root=(100.0, 92.0),
                                arm_n=(-5.0, 120.0, 110.0), arm_f=(5.0, -120.0, -110.0),
                                leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                                scale={"thigh": 0.35, "foot": 0.5}, props=("stool",)),
    "kneeling-side": PoseSpec("kneeling", "side", root=(92.0, 98.0), torso=180.0,
                              arm_n=(10.0, 60.0, 80.0), arm_f=(5.0, 55.0, 80.0),
                              leg_n=(68.0, -90.0, -100.0), leg_f=(66.0, -90.0, -100.0),
                              props=("floor",)),
    "kneeling-front": PoseSpec("kneeling", "front", root=(100.0, 96.0),
                               arm_n=(-10.0, 20.0, 10.0), arm_f=(10.0, -20.0, -10.0),
                               leg_n=(-10.0, 0.0, 0.0), leg_f=(10.0, 0.0, 0.0),
                               scale={"thigh": 0.55, "shin": 0.25, "foot": 0.3},
                               props=("floor",)),
    "kneeling-back": PoseSpec("kneeling", "back", root=(100.0, 96.0),
                              arm_n=(-10.0, 20.0, 10.0), arm_f=(10.0, -20.0, -10.0),
                              leg_n=(-10.0, 0.0, 0.0), leg_f=(10.0, 0.0, 0.0),
                              scale={"thigh": 0.55, "shin": 0.25, "foot": 0.3},
                              props=("floor",)),
    # Stretches and tools.
    "all-fours": PoseSpec("kneeling", "side", root=(70.0, 95.0), torso=90.0, neck=95.0, head=100.0,
                          arm_n=(0.0, 0.0, 90.0), arm_f=(3.0, 0.0, 90.0),
                          leg_n=(0.0, -90.0, -90.0), leg_f=(3.0, -90.0, -90.0),
                          props=("floor",)),
    # Sitting back on the heels, the back rounded forward over the thighs, the forehead on
    # the floor and the arms resting alongside, palms up (the form handouts draw most).
    "childs-pose": PoseSpec("kneeling", "side", root=(62.0, 116.0), torso=80.0, neck=65.0,
                            head=85.0, arm_n=(-74.0, -80.0, -88.0), arm_f=(-76.0, -82.0, -88.0),
                            leg_n=(55.0, -90.0, -90.0), leg_f=(53.0, -90.0, -90.0),
                            props=("floor",)),
    "kneeling-lunge": PoseSpec("kneeling", "side", root=(95.0, 96.0), torso=180.0,
                               arm_n=(30.0, 60.0, 20.0), arm_f=(20.0, 50.0, 20.0),
                               leg_n=(-15.0, -90.0, -90.0), leg_f=(95.0, 0.0, 90.0),
                               props=("floor",)),
    "standing-quad": PoseSpec("standing", "side", root=(100.0, 84.0), arm_n=(-25.0, -30.0, -20.0),
                              arm_f=(60.0, 80.0, 90.0), leg_n=(5.0, 170.0, 200.0),
                              leg_f=(0.0, 0.0, 90.0), props=("wall-front",)),
    "standing-calf-wall": PoseSpec("standing", "side", root=(98.0, 84.0), torso=170.0,
                                   arm_n=(120.0, 100.0, 90.0), arm_f=(115.0, 95.0, 90.0),
                                   leg_n=(-22.0, -22.0, 90.0), leg_f=(15.0, 0.0, 90.0),
                                   props=("wall-front",)),
    "standing-wall-back": PoseSpec("standing", "side", root=(100.0, 84.0), **_SIDE_ARMS,
                                   leg_n=(8.0, 0.0, 90.0), leg_f=(4.0, 0.0, 90.0),
                                   props=("wall-back",)),
    "standing-wall-front": PoseSpec("standing", "side", root=(100.0, 84.0), **_SIDE_ARMS,
                                    leg_n=(-8.0, 0.0, 90.0), leg_f=(-4.0, 0.0, 90.0),
                                    props=("wall-front",)),
    "standing-wall-side": PoseSpec("standing", "back", root=(100.0, 84.0),
                                   props=("wall-side",)),
    "standing-chest-opener": PoseSpec("standing", "side", root=(100.0, 84.0),
                                      arm_n=(-95.0, -170.0, -180.0), arm_f=(-6.0, -2.0, 0.0),
                                      leg_n=(3.0, 0.0, 90.0), leg_f=(-3.0, 0.0, 90.0),
                                      props=("wall-back",)),
    "seated-chair-back": PoseSpec("seated", "side", root=(80.0, 98.0), arm_n=(15.0, 75.0, 85.0),
                                  arm_f=(8.0, 70.0, 85.0), leg_n=(90.0, 0.0, 90.0),
                                  leg_f=(88.0, 2.0, 90.0), props=("chair",)),
    "seated-floor": PoseSpec("seated", "side", root=(70.0, 122.0), torso=170.0,
                             arm_n=(-20.0, -10.0, -90.0), arm_f=(-15.0, -10.0, -90.0),
                             leg_n=(110.0, 60.0, 90.0), leg_f=(90.0, 90.0, 180.0),
                             props=("floor",)),
    "seated-floor-straight": PoseSpec("seated", "side", root=(70.0, 122.0), torso=165.0,
                                      arm_n=(-28.0, -20.0, -90.0), arm_f=(-24.0, -18.0, -90.0),
                                      leg_n=(90.0, 90.0, 180.0), leg_f=(92.0, 90.0, 180.0),
                                      props=("floor",)),
    "seated-leg-raised": PoseSpec("seated", "side", root=(70.0, 98.0), torso=175.0,
                                  arm_n=(25.0, 70.0, 85.0), arm_f=(20.0, 65.0, 85.0),
                                  leg_n=(90.0, 90.0, 180.0), leg_f=(88.0, 2.0, 90.0),
                                  props=("chair", "stool-front")),
    "seated-hamstring": PoseSpec("seated", "side", root=(70.0, 98.0), torso=150.0, neck=140.0,
                                 head=140.0, arm_n=(70.0, 80.0, 85.0), arm_f=(65.0, 75.0, 85.0),
                                 leg_n=(95.0, 62.0, 160.0), leg_f=(88.0, 2.0, 90.0),
                                 props=("chair",)),
    "seated-side-bend": PoseSpec("seated", "back", root=(100.0, 92.0), torso=160.0,
                                 neck=155.0, head=155.0,
                                 arm_n=(-170.0, -160.0, -160.0), arm_f=(20.0, 10.0, 0.0),
                                 leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                                 scale={"thigh": 0.35, "foot": 0.5}, props=("stool",)),
    # Seen from behind, turned to the right: the head in profile over the right shoulder,
    # the shoulders turned (narrower), the right hand planted on the stool behind, the
    # left arm reaching across the front to the right knee (behind the body as seen).
    "seated-twist": PoseSpec("seated", "back", root=(100.0, 92.0), look=1.0, twist=1.0,
                             arm_n=(20.0, 35.0, 30.0), arm_f=(30.0, 10.0, 0.0),
                             leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                             scale={"thigh": 0.35, "foot": 0.5, "upper_arm_f": 0.8,
                                    "forearm_f": 0.6}, props=("stool",), behind=("arm_n",)),
    "seated-neck-tilt": PoseSpec("seated", "front", root=(100.0, 92.0), neck=160.0, head=150.0,
                                 arm_n=(-10.0, 20.0, 10.0), arm_f=(10.0, -20.0, -10.0),
                                 leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                                 scale={"thigh": 0.35, "foot": 0.5}, props=("stool",)),
    "seated-cross-arm": PoseSpec("seated", "front", root=(100.0, 92.0),
                                 arm_n=(80.0, 95.0, 95.0), arm_f=(10.0, -135.0, -135.0),
                                 leg_n=(-8.0, 0.0, 0.0), leg_f=(8.0, 0.0, 0.0),
                                 scale={"thigh": 0.35, "foot": 0.5}, props=("stool",)),
    "seated-wrist-stretch": PoseSpec("seated", "side", root=(80.0, 98.0),
                                     arm_n=(90.0, 90.0, 180.0), arm_f=(60.0, 100.0, 160.0),
                                     leg_n=(90.0, 0.0, 90.0), leg_f=(88.0, 2.0, 90.0),
                                     props=("chair",)),
    "lying-knees-to-chest": PoseSpec("lying", "side", root=(112.0, 128.0), torso=-90.0,
                                     neck=-95.0, head=-95.0, arm_n=(140.0, 70.0, 60.0),
                                     arm_f=(135.0, 70.0, 60.0), leg_n=(-160.0, 95.0, 180.0),
                                     leg_f=(-165.0, 92.0, 180.0), props=("floor",)),
    "lying-twist": PoseSpec("lying", "side", root=(112.0, 128.0), torso=-90.0, neck=-95.0,
                            head=-95.0, arm_n=(-175.0, -90.0, -90.0), arm_f=(92.0, 90.0, 90.0),
                            leg_n=(170.0, 40.0, 90.0), leg_f=(90.0, 90.0, 180.0),
                            props=("floor",)),
    # On the back, one foot flat on the floor, the other ankle across that knee (its knee
    # turned out toward the viewer, so its thigh looks short), hands behind the bent thigh.
    "lying-figure-four": PoseSpec("lying", "side", root=(100.0, 128.0), torso=-90.0, neck=-95.0,
                                  head=-95.0, arm_n=(110.0, 100.0, 95.0), arm_f=(108.0, 98.0, 95.0),
                                  leg_n=(150.0, 95.0, 130.0), leg_f=(135.0, 10.0, 90.0),
                                  scale={"thigh_n": 0.7}, props=("floor",)),
    # The same cross seated on a chair: an ankle on the other knee, leaning forward a little.
    "seated-figure-four": PoseSpec("seated", "side", root=(80.0, 98.0), torso=165.0, neck=165.0,
                                   head=170.0, arm_n=(45.0, 85.0, 95.0), arm_f=(35.0, 80.0, 90.0),
                                   leg_n=(100.0, 88.0, 150.0), leg_f=(88.0, 2.0, 90.0),
                                   scale={"thigh_n": 0.6, "shin_n": 0.62}, props=("chair",)),
    "lying-roller-back": PoseSpec("lying", "side", root=(118.0, 112.0), torso=-80.0,
                                  neck=-85.0, head=-85.0, arm_n=(-150.0, -95.0, -90.0),
                                  arm_f=(-145.0, -95.0, -90.0), leg_n=(140.0, 40.0, 90.0),
                                  leg_f=(137.0, 43.0, 90.0), props=("floor",)),
    "lying-roller-thigh": PoseSpec("lying", "side", root=(85.0, 108.0), torso=-100.0,
                                   neck=-100.0, head=-110.0, arm_n=(0.0, 0.0, 90.0),
                                   arm_f=(3.0, 0.0, 90.0), leg_n=(100.0, 92.0, 0.0),
                                   leg_f=(130.0, 20.0, 90.0), props=("floor",), facing=-1.0),
    "lying-ball-back": PoseSpec("lying", "side", root=(112.0, 122.0), torso=-90.0,
                                neck=-95.0, head=-95.0, arm_n=(92.0, 90.0, 90.0),
                                arm_f=(88.0, 92.0, 90.0), leg_n=(138.0, 45.0, 90.0),
                                leg_f=(135.0, 48.0, 90.0), props=("floor",)),
    "lying-foot-on-shin": PoseSpec("lying", "side", root=(100.0, 128.0), torso=-90.0,
                                   neck=-95.0, head=-95.0, arm_n=(92.0, 90.0, 90.0),
                                   arm_f=(88.0, 92.0, 90.0), leg_n=(120.0, 60.0, 90.0),
                                   leg_f=(90.0, 90.0, 180.0), props=("floor",)),
}


def base_pose(position: str, view: str) -> str:
    """The plain pose for a position and a view, e.g. ('lying', 'back') → 'lying-front'."""
    if position == "lying":
        # Lying on the back seen from above shows the front; the back lies on the floor,
        # so work on the back is seen from the side.
        return "lying-front" if view == "front" else "lying-side"
    return f"{position}-{view}"


# Poses that arrange the upper body for one move (arms crossed, hands held up, a
# side bend …) are drawn the same way in the other positions the move allows: the
# upper body of the special pose on the legs, seat and props of the plain pose there
# (`cross-body-shoulder-stretch` standing is the same arm across the chest, standing).
# Lying, the upper body turns with the torso to lie along the floor (seen from above).
UPPER_BODY_POSES = ("seated-hands-up", "seated-arms-up", "seated-self-hug", "seated-side-bend",
                    "seated-twist", "seated-neck-tilt", "seated-cross-arm", "seated-wrist-stretch")


def _turned(angle: float | None, turn: float) -> float | None:
    return None if angle is None else angle + turn


def upper_body_on(special: PoseSpec, plain: PoseSpec) -> PoseSpec:
    """The special pose's torso, head and arms on the plain pose's legs and props."""
    own_plain = POSES[base_pose(special.position, special.view)]
    turn = plain.torso - own_plain.torso
    legs = {k: v for k, v in plain.scale.items() if not k.startswith(("upper_arm", "forearm", "hand"))}
    arms = {k: v for k, v in special.scale.items() if k.startswith(("upper_arm", "forearm", "hand"))}
    return replace(
        plain, torso=special.torso + turn, neck=_turned(special.neck, turn),
        head=_turned(special.head, turn),
        arm_n=tuple(a + turn for a in special.arm_n), arm_f=tuple(a + turn for a in special.arm_f),
        scale=legs | arms, look=special.look, twist=special.twist, behind=special.behind)


def derived_name(special: str, position: str) -> str:
    return f"{special}@{position}"


def _derive_poses() -> None:
    for special in UPPER_BODY_POSES:
        spec = POSES[special]
        for position in ("standing", "seated", "kneeling", "lying"):
            plain = base_pose(position, spec.view)
            if position == spec.position or plain not in POSES or POSES[plain].view != spec.view:
                continue
            POSES[derived_name(special, position)] = upper_body_on(spec, POSES[plain])


_derive_poses()


@cache
def pose(name: str) -> Body:
    """A named pose, built once."""
    return build(name, POSES[name])
