"""Figures of the moves (issue 8 §2): the renderer, the figure lint and the API."""

from __future__ import annotations

import math
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from support.api import TestClient, serve
from unknot.figures import figure_svg, place
from unknot.figures.lint import check_figures
from unknot.figures.render import drawn_side
from unknot.figures.spec import FIGURES_FILE, FigureSpec
from unknot.library.lint import lint_library
from unknot.library.loader import TECHNIQUES_DIR, default_library, load_library_dir
from unknot.storage import Store

SVG = "{http://www.w3.org/2000/svg}"
LIBRARY = default_library()


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


@pytest.mark.parametrize("technique", LIBRARY.techniques, ids=lambda t: t.id)
def test_every_technique_draws_valid_svg_in_every_position(technique):
    for position in technique.positions:
        svg = figure_svg(technique, position=position, size="large")
        root = parse(svg)
        assert root.get("role") == "img"
        label = root.get("aria-label")
        assert label and len(label) > 20
        assert root.find(f"{SVG}title").text == label
        assert root.get("data-technique") == technique.id
        # One path at least, and the hand, tool or dot that shows where the work is.
        assert root.findall(f".//{SVG}path")
        assert root.findall(".//*[@class='fstill']")
        assert figure_svg(technique, position=position, size="large") == svg, "not deterministic"


@pytest.mark.parametrize("technique", LIBRARY.techniques, ids=lambda t: t.id)
def test_every_path_lies_on_its_region(technique):
    placed = place(technique)
    if placed.spec.stroke == "scan":
        assert all(placed.body.on_body(p) for p in placed.paths[0])
        return
    assert all(placed.area.contains(placed.body, p) for p in placed.paths[0])


def _view_box(svg: str) -> tuple[float, float, float, float]:
    x, y, w, h = (float(n) for n in parse(svg).get("viewBox").split())
    return x, y, x + w, y + h


def _head_outline(body) -> list[tuple[float, float]]:
    """Points round the drawn head (an ellipse on the head band)."""
    head = body.bands["head"]
    return [head.at(0.5 + 0.5 * math.cos(a), math.sin(a))
            for a in (2 * math.pi * k / 16 for k in range(16))]


@pytest.mark.parametrize("technique", LIBRARY.techniques, ids=lambda t: t.id)
def test_a_small_figure_never_crops_the_work_or_the_head(technique):
    """The zoomed plan-card figure keeps the worked region, the head and, lying down,
    the feet in view — in every position the technique lists."""
    for position in technique.positions:
        placed = place(technique, position)
        x0, y0, x1, y1 = _view_box(figure_svg(technique, position=position, size="small"))
        must = _head_outline(placed.body)
        if placed.spec.stroke != "scan":
            must += placed.area.corners(placed.body)
        for path in placed.paths:
            must += path
        if placed.body.position == "lying" and placed.spec.frame == "body":
            must += [band.at(u, v) for band in placed.body.bands.values()
                     if band.part in ("foot", "head") for u in (0, 1) for v in (-1, 1)]
        off = [(round(x, 1), round(y, 1)) for x, y in must if not (x0 <= x <= x1 and y0 <= y <= y1)]
        assert not off, f"{position}: {off} outside the small figure's view {x0, y0, x1, y1}"


def test_the_text_alternative_says_position_place_and_stroke():
    svg = figure_svg(LIBRARY.get("shoulder-knuckle-glide"))
    label = parse(svg).get("aria-label")
    assert label.startswith("Seated, seen from behind")
    assert "shoulders" in label and "glides" in label and "each breath out" in label


def test_text_is_escaped():
    technique = LIBRARY.get("temple-fingertip-circles")
    spec = FigureSpec(pose="seated-front", region="temples", stroke="circles",
                      says='Fingertips <on> the "temples" & round')
    svg = figure_svg(technique, spec=spec)
    assert "<on>" not in svg and "&lt;on&gt;" in svg and "&amp;" in svg
    assert parse(svg).get("aria-label") == 'Fingertips <on> the "temples" & round'


def test_the_stroke_runs_at_the_breath_tempo():
    technique = LIBRARY.get("thigh-palm-glide")
    root = parse(figure_svg(technique, rate=6))
    assert root.get("data-cycle") == "10"
    motion = root.find(f".//{SVG}animateMotion")
    # Waits through the in-breath (40 % of the cycle), glides on the out-breath.
    assert motion.get("dur") == "10s" and motion.get("keyTimes") == "0;0.4;1"
    assert motion.get("keyPoints") == "0;0;1"
    slower = parse(figure_svg(technique, rate=5)).find(f".//{SVG}animateMotion")
    assert slower.get("dur") == "12s"


def test_a_still_figure_has_no_animation():
    root = parse(figure_svg(LIBRARY.get("thigh-palm-glide"), animate=False))
    assert not root.findall(f".//{SVG}animateMotion") and not root.findall(f".//{SVG}animate")
    assert root.findall(".//*[@class='farrow']")


def test_the_shipped_figures_lint_clean():
    assert check_figures(LIBRARY) == []
    assert lint_library().ok


def _broken_copy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(FIGURES_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "figures.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.pop("neck-side-stretch"), "figures.yaml: neck-side-stretch: no figure"),
    (lambda d: d["cat-camel"].update(pose="handstand"), "cat-camel: pose: unknown pose 'handstand'"),
    (lambda d: d["cat-camel"].update(region="elbows"), "figures.yaml: cat-camel: region:"),
    (lambda d: d["thigh-palm-glide"].update(path=[[0.5, 0.5], [1.6, 0.5]]),
     "thigh-palm-glide: path.1: the point [1.6, 0.5] is off the thighs"),
    (lambda d: d["thigh-palm-glide"].update(region="neck"),
     "thigh-palm-glide: region: 'neck' is not one of the technique's regions"),
    (lambda d: d["upper-back-fingertips-beside-spine"].update(pose="seated-front"),
     "upper-back-fingertips-beside-spine: region: 'upper_back' does not show"),
    (lambda d: d.update({"no-such-move": {"pose": "seated-front", "region": "face",
                                          "stroke": "glide"}}),
     "figures.yaml: no-such-move: no technique with this id"),
    (lambda d: d["upper-back-fingertips-beside-spine"].update(path=[[0.3, 0.5]]),
     "upper-back-fingertips-beside-spine: shows: a one-sided move drawn on the middle of the upper_back"),
])
def test_a_broken_figure_file_names_the_technique_and_field(tmp_path, change, expected):
    path = _broken_copy(tmp_path, change)
    problems = check_figures(LIBRARY, path)
    assert any(expected in p for p in problems), problems


def test_library_lint_reports_a_technique_without_a_figure(tmp_path):
    folder = tmp_path / "techniques"
    shutil.copytree(TECHNIQUES_DIR, folder)
    text = (folder / "cat-camel.yaml").read_text(encoding="utf-8")
    (folder / "cat-camel-slow.yaml").write_text(text.replace("id: cat-camel", "id: cat-camel-slow", 1),
                                                encoding="utf-8")
    assert load_library_dir(folder).get("cat-camel-slow")
    report = lint_library(folder, rule_ids=set())
    assert "figures.yaml: cat-camel-slow: no figure: add an entry (pose, region, stroke)" in report.problems


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def test_the_api_serves_a_figure_in_the_asked_position(client: TestClient):
    answer = client.get("/api/v1/techniques/shoulder-palm-kneading/figure",
                        params={"position": "lying", "size": "large"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    root = parse(answer.text)
    assert root.get("aria-label").startswith("Lying")
    assert client.get("/api/v1/techniques/nothing-here/figure").status_code == 404
    assert client.get("/api/v1/techniques/cat-camel/figure", params={"position": "upside"}).status_code == 422


def test_a_standalone_figure_is_a_complete_still_image(client: TestClient):
    """For an <img> (the library without script): namespaced, colours written on the
    shapes (the page's stylesheet does not reach an image), and no motion."""
    answer = client.get("/api/v1/techniques/childs-pose/figure?still=true&standalone=true")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(answer.text)
    assert root.tag == f"{SVG}svg"
    body = root.findall(f"{SVG}path")
    assert body and all(p.get("fill") and p.get("class") is None for p in body)
    assert not root.findall(f".//{SVG}animate") and not root.findall(f".//{SVG}animateMotion")
    assert root.get("aria-label") == parse(figure_svg(LIBRARY.get("childs-pose"))).get("aria-label")


def test_a_stretch_done_in_another_position_keeps_its_own_arms():
    """Standing or kneeling, the cross-body stretch is still an arm across the chest (not a
    plain standing figure with an arrow); lying, the hands stay held together on the chest."""
    from unknot.figures import body as B

    for technique, position, plain in (("cross-body-shoulder-stretch", "standing", "standing-front"),
                                       ("cross-body-shoulder-stretch", "kneeling", "kneeling-front"),
                                       ("hand-thumb-and-palm", "lying", "lying-front")):
        placed = place(LIBRARY.get(technique), position)
        own = B.pose(placed.spec.pose)
        assert placed.body.position == position and placed.body.name != plain
        # The arms keep their shape relative to the torso (turned with it when lying).
        for tag in ("n", "f"):
            a, b = own.bands[f"forearm_{tag}"], placed.body.bands[f"forearm_{tag}"]
            ta, tb = own.bands["torso"], placed.body.bands["torso"]
            turn_own = math.atan2(*a.axis) - math.atan2(*ta.axis)
            turn_here = math.atan2(*b.axis) - math.atan2(*tb.axis)
            assert math.isclose(math.cos(turn_own), math.cos(turn_here), abs_tol=1e-6)
        # The legs are those of the position.
        assert placed.body.bands["shin_n"].a == B.pose(plain).bands["shin_n"].a or position == "lying"


def test_the_stretch_poses_show_the_move_itself():
    from unknot.figures import body as B

    # Child's pose: hips above the shoulders, the forehead down at the floor, knees on it.
    child = B.pose("childs-pose")
    floor = child.bounds()[3]
    torso, head = child.bands["torso"], child.bands["head"]
    assert torso.b[1] < torso.a[1], "the hips are higher than the shoulders"
    assert floor - max(head.a[1], head.b[1]) < head.wa + 2
    assert floor - child.bands["shin_n"].a[1] < child.bands["shin_n"].wa + 2
    # Figure four: the crossed shin lies across the other knee, in both positions it is done in.
    for name in ("lying-figure-four", "seated-figure-four"):
        four = B.pose(name)
        shin, knee = four.bands["shin_n"], four.bands["thigh_f"].b
        u, v = shin.coords(knee)
        assert 0.3 <= u <= 1.2 and abs(v * shin.width(min(u, 1.0))) < 10, name
    assert place(LIBRARY.get("figure-four-stretch"), "seated").body.name == "seated-figure-four"
    # The seated twist: the head turned and the shoulders turned (narrower than sitting plain).
    twist, plain = B.pose("seated-twist"), B.pose("seated-back")
    assert twist.spec.look != 0
    span = math.dist(twist.bands["upper_arm_n"].a, twist.bands["upper_arm_f"].a)
    assert span < 0.8 * math.dist(plain.bands["upper_arm_n"].a, plain.bands["upper_arm_f"].a)
    assert 'class="feye"' in figure_svg(LIBRARY.get("seated-spinal-twist"))


# ---- a step on one side is drawn on that side ------------------------------------------

SIDED = [t for t in LIBRARY.techniques if t.sided]
MIRROR = re.compile(r'<g transform="matrix\(-1 0 0 1 ([-\d.]+) 0\)">')


def _turn(svg: str):
    """How the figure's drawing is placed: x → x, or x → T - x when it is turned over."""
    found = MIRROR.search(svg)
    return (lambda x: float(found.group(1)) - x) if found else (lambda x: x)


def _centre_x(points) -> float:
    return sum(p[0] for p in points) / len(points)


@pytest.mark.parametrize("technique", SIDED, ids=lambda t: t.id)
def test_every_one_sided_move_is_drawn_on_each_side_in_every_position(technique):
    """The left step and the right step are mirror images of each other: one is the
    drawing as it is (it shows that side), the other the same drawing turned over, in the
    same frame — so the head, region, path and hand stay in it — and each says its side."""
    for position in technique.positions:
        placed = place(technique, position)
        drawn = drawn_side(placed)
        assert drawn in ("left", "right"), f"{position}: the drawing shows no side"
        for size in ("small", "large"):
            plain = figure_svg(technique, position, size)
            shown = {side: figure_svg(technique, position, size, side=side) for side in ("left", "right")}
            other = "left" if drawn == "right" else "right"
            assert not MIRROR.search(shown[drawn]) and MIRROR.search(shown[other])
            # Turned over about the middle of its frame, so all it shows stays in the frame.
            x, _, w, _ = (float(n) for n in parse(plain).get("viewBox").split())
            assert math.isclose(float(MIRROR.search(shown[other]).group(1)), 2 * x + w, abs_tol=0.15)
            for side, svg in shown.items():
                root = parse(svg)
                assert root.get("data-side") == side
                assert root.get("viewBox") == parse(plain).get("viewBox")
                label = root.get("aria-label")
                assert side in label.lower() and root.find(f"{SVG}title").text == label
            # The drawing itself is the same in all three; only the turn and the words differ.
            assert _drawing(shown[drawn]) == _drawing(shown[other]) == _drawing(plain)


def _drawing(svg: str) -> str:
    """What is drawn, without the words and without the turn."""
    inside = svg.split("</title>", 1)[1].removesuffix("</svg>")
    if MIRROR.match(inside):
        inside = MIRROR.sub("", inside, count=1).removesuffix("</g>")
    return inside


def test_a_shoulder_seen_from_behind_is_worked_on_the_side_the_step_names():
    """Seen from behind the person's right is the viewer's right."""
    technique = LIBRARY.get("shoulder-knuckle-glide")
    placed = place(technique)
    head = placed.body.bands["head"]
    for side, sign in (("right", 1), ("left", -1)):
        svg = figure_svg(technique, size="large", side=side)
        x = _turn(svg)
        region = _centre_x(placed.area.corners(placed.body))
        hand = placed.paths[0][0][0]
        head_x = x((head.a[0] + head.b[0]) / 2)
        assert sign * (x(region) - head_x) > 5 and sign * (x(hand) - head_x) > 5, side
        label = parse(svg).get("aria-label")
        assert label == (f"Seated, seen from behind: a loose fist on the {side} shoulder, "
                         "slow glides along the muscle with each breath out.")


def test_an_arm_seen_from_the_front_is_worked_on_the_side_the_step_names():
    """Seen from the front the person's right is the viewer's left."""
    technique = LIBRARY.get("upper-arm-squeeze")
    placed = place(technique)
    head = placed.body.bands["head"]
    for side, sign in (("right", -1), ("left", 1)):
        svg = figure_svg(technique, size="large", side=side)
        x = _turn(svg)
        head_x = x((head.a[0] + head.b[0]) / 2)
        assert sign * (x(_centre_x(placed.area.corners(placed.body))) - head_x) > 10, side
        assert f"the {side} upper arm" in parse(svg).get("aria-label")


def test_a_leg_seen_from_the_side_faces_the_way_that_shows_the_side_the_step_names():
    """Seen from the side the near leg is worked: the right one when facing the viewer's right."""
    technique = LIBRARY.get("thigh-palm-glide")
    placed = place(technique)
    head = placed.body.bands["head"]
    eye = head.at(0.42, 0.55)
    for side, sign in (("right", 1), ("left", -1)):
        svg = figure_svg(technique, size="large", side=side)
        x = _turn(svg)
        assert sign * (x(eye[0]) - x((head.a[0] + head.b[0]) / 2)) > 1, f"{side}: faces the wrong way"
        assert placed.area.band.endswith("_n"), "the worked leg is the near one"
        assert f"the {side} thigh" in parse(svg).get("aria-label")


def test_a_neck_stretch_tips_the_head_toward_the_side_the_step_names():
    """The library's neck stretch tips the ear toward the shoulder of the step's side."""
    technique = LIBRARY.get("neck-side-stretch")
    placed = place(technique)
    crown, neck = placed.body.bands["head"].a, placed.body.bands["neck"].a
    for side, sign in (("left", 1), ("right", -1)):  # seen from the front: the left is the viewer's right
        x = _turn(figure_svg(technique, size="large", side=side))
        assert sign * (x(crown[0]) - x(neck[0])) > 3, side


def test_a_move_with_its_own_words_says_the_side_first():
    svg = figure_svg(LIBRARY.get("shoulder-blade-massage-gun"), side="left")
    assert parse(svg).get("aria-label").startswith("Left side. Seated, seen from behind: a massage gun")


def test_a_dark_standalone_figure_is_painted_in_the_dark_colours():
    from unknot.figures.render import PALETTES

    technique = LIBRARY.get("childs-pose")
    for scheme in ("light", "dark"):
        root = ET.fromstring(figure_svg(technique, standalone=True, scheme=scheme))
        fills = {shape.get("fill") for shape in root.iter() if shape.get("fill")}
        assert {PALETTES[scheme][name] for name in ("region", "far", "accent-soft")} <= fills
    painted = figure_svg(technique, standalone=True, scheme="dark")
    assert not any(colour in painted for colour in PALETTES["light"].values())


def test_the_api_draws_a_step_on_its_side(client: TestClient):
    answer = client.get("/api/v1/techniques/shoulder-knuckle-glide/figure",
                        params={"side": "right", "size": "large"})
    assert answer.status_code == 200
    root = parse(answer.text)
    assert root.get("data-side") == "right" and "the right shoulder" in root.get("aria-label")
    assert answer.text == figure_svg(LIBRARY.get("shoulder-knuckle-glide"), size="large", side="right")
    assert client.get("/api/v1/techniques/cat-camel/figure", params={"side": "middle"}).status_code == 422
    dark = client.get("/api/v1/techniques/cat-camel/figure",
                      params={"still": "true", "standalone": "true", "scheme": "dark"})
    assert dark.status_code == 200 and "#2b3644" in dark.text
    assert client.get("/api/v1/techniques/cat-camel/figure", params={"scheme": "sepia"}).status_code == 422
