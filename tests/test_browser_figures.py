"""Figures of the moves in real Chromium (issue 8 §2): on the plan cards, large in the
player and moving with the pacer, on the library pages; reduced motion stops them; the
player page stays light; axe-core finds nothing serious."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    axe_violations,
    begin,
    chromium,
    describe,
    make_routine,
    open_page,
    run_for,
    screenshot,
    server,
)

pytestmark = pytest.mark.browser

PLAYER_BUDGET_BYTES = 100_000
# A copy of the screenshots for people to look at (set when run by hand).
SHOTS = Path("/tmp/shots/figures")


def _shot(page, name: str) -> None:
    path = screenshot(page, name)
    if SHOTS.is_dir():
        shutil.copy(path, SHOTS / path.name)


def _until(page, script: str, arg=None, tries: int = 100) -> None:
    """Wait until `script` (a function) is true; wait_for_function would need eval, which CSP forbids."""
    for _ in range(tries):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"never true: {script}")


DISPLAY = "els => els.map(e => getComputedStyle(e).display)"


def _figures(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(selector, """els => els.map(svg => ({
        label: svg.getAttribute('aria-label') || '', role: svg.getAttribute('role'),
        technique: svg.dataset.technique, width: svg.getBoundingClientRect().width,
        title: (svg.querySelector('title') || {}).textContent || ''}))""")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_plan_and_player_show_the_figure_of_each_step(chromium, server, viewport):  # noqa: F811
    with open_page(chromium, server, viewport) as page:
        make_routine(page, minutes=5)
        steps = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan.steps")
        _until(page, "(n) => document.querySelectorAll('#steps .step-fig svg.fig').length === n",
               len(steps))
        cards = _figures(page, "#steps .step-fig svg.fig")
        assert [c["technique"] for c in cards] == [s["technique"] for s in steps]
        for card in cards:
            assert card["role"] == "img" and len(card["label"]) > 20 and card["title"] == card["label"]
            assert card["width"] >= 80
        assert not (found := axe_violations(page)), describe(found)
        _shot(page, f"figures-plan-{viewport['width']}")

        begin(page, pain=4)
        page.wait_for_selector("#figure-slot svg.fig")
        shown = _figures(page, "#figure-slot svg.fig")[0]
        assert shown["technique"] == steps[0]["technique"]
        # Beside the ring on a phone (immersive), large on a wide screen.
        assert shown["width"] >= (150 if viewport == PHONE else 250)
        box = page.locator("#figure-slot svg").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], \
            "the figure is not on the first screen of the player"
        assert not (found := axe_violations(page)), describe(found)
        _shot(page, f"figures-player-{viewport['width']}")

        # The next step brings its own figure.
        page.click("#next")
        _until(page, "(id) => (document.querySelector('#figure-slot svg') || {dataset: {}})"
               ".dataset.technique === id", steps[1]["technique"])
        assert page.errors == []


def test_the_figure_moves_with_the_breath_pacer(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page, text="tight shoulders", minutes=3)
        begin(page)
        page.wait_for_selector("#figure-slot svg.fig")
        seen = set()
        for _ in range(14):
            run_for(page, 0.7)
            phase = page.text_content("#breath-label")
            t, cycle = page.evaluate("""() => { const s = document.querySelector('#figure-slot svg');
                return [s.getCurrentTime(), Number(s.dataset.cycle)]; }""")
            assert page.evaluate("document.querySelector('#figure-slot svg').animationsPaused()")
            # The figure's own clock is the pacer's: in-breath in the first 40 % of a cycle.
            if phase == "Breathe in":
                assert t <= 0.4 * cycle + 1e-6, (phase, t)
            else:
                assert t >= 0.4 * cycle - 1e-6, (phase, t)
            seen.add(phase)
        assert seen == {"Breathe in", "Breathe out"}


def test_library_pages_show_figures_and_pass_axe(chromium, server):  # noqa: F811
    for viewport in (PHONE, LAPTOP):
        with open_page(chromium, server, viewport) as page:
            page.goto("/library")
            cards = page.locator("#library-list .card").count()
            assert cards > 100
            # Figures are drawn as their cards come into view: the first at once, the last
            # once scrolled to.
            _until(page, "() => !!document.querySelector('#library-list .card:first-child svg.fig')")
            page.locator("#library-list .card").last.scroll_into_view_if_needed()
            _until(page, "() => !!document.querySelector('#library-list .card:last-child svg.fig')")
            figures = _figures(page, "#library-list .card svg.fig")
            assert all(f["label"] and f["width"] >= 60 for f in figures)
            assert page.locator("#library-list .card svg.fig animateMotion").count() == 0
            assert not (found := axe_violations(page)), describe(found)
            _shot(page, f"figures-library-{viewport['width']}")
            page.goto("/library/abdomen-colon-strokes")
            big = _figures(page, ".technique-fig svg.fig")
            assert len(big) == 1 and "bowel" in big[0]["label"] and big[0]["width"] >= 250
            assert not (found := axe_violations(page)), describe(found)
            _shot(page, f"figures-technique-{viewport['width']}")
            assert page.errors == []


def test_without_script_the_library_cards_still_show_figures(chromium, server):  # noqa: F811
    """No JavaScript: each card's figure comes as a lazily loaded still image instead."""
    context = chromium.new_context(base_url=server.url, viewport=PHONE, java_script_enabled=False,
                                   service_workers="block")
    try:
        page = context.new_page()
        page.goto("/library")
        images = page.locator("#library-list .card .card-fig img.fig")
        assert images.count() == page.locator("#library-list .card").count() > 100
        first = images.first
        first.scroll_into_view_if_needed()
        _until(page, "el => el.complete", first.element_handle())
        shown = first.evaluate("el => ({w: el.naturalWidth, h: el.naturalHeight, "
                               "box: el.getBoundingClientRect().width})")
        assert shown["w"] > 0 and shown["h"] > 0 and shown["box"] >= 60
        src = first.get_attribute("src")
        answer = page.request.get(src)
        assert answer.ok and answer.headers["content-type"].startswith("image/svg+xml")
        assert 'xmlns="http://www.w3.org/2000/svg"' in answer.text()
        screenshot(page, "figures-library-nojs-390")
    finally:
        context.close()


def test_reduced_motion_shows_a_still_hand_and_the_arrow(chromium, server):  # noqa: F811
    context = chromium.new_context(base_url=server.url, viewport=PHONE, reduced_motion="reduce",
                                   service_workers="block")
    try:
        page = context.new_page()
        page.goto("/library/shoulder-knuckle-glide")
        svg = ".technique-fig svg.fig"
        moving = page.eval_on_selector_all(f"{svg} .fmove", DISPLAY)
        still = page.eval_on_selector_all(f"{svg} .fstill", DISPLAY)
        assert moving and set(moving) == {"none"}
        assert still and "none" not in still
        assert page.locator(f"{svg} .farrow").count() >= 1
    finally:
        context.close()
    with open_page(chromium, server) as page:
        page.goto("/library/shoulder-knuckle-glide")
        svg = ".technique-fig svg.fig"
        moving = page.eval_on_selector_all(f"{svg} .fmove", DISPLAY)
        assert moving and "none" not in moving


def test_the_player_page_stays_under_100_kb(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page, minutes=5)
        begin(page)
        sizes: dict[str, int] = {}

        # What the page loads (HTML, CSS, scripts, the figure); the session's own
        # writes (POST) echo the plan back and are not part of the page.
        def count(response) -> None:
            if response.url.startswith(server.url) and response.request.method == "GET":
                try:
                    sizes[response.url] = len(response.body())
                except Exception:  # a response without a body (redirect, 204)
                    sizes[response.url] = 0

        page.on("response", count)
        page.reload()
        page.wait_for_selector("#figure-slot svg.fig")
        page.wait_for_load_state("networkidle")
        kinds = {url: n for url, n in sizes.items()}
        assert any("/figure" in url for url in kinds), kinds
        assert any(url.endswith("/session") for url in kinds), kinds
        total = sum(kinds.values())
        assert total < PLAYER_BUDGET_BYTES, f"{total} bytes: {sorted(kinds.items(), key=lambda kv: -kv[1])}"


def _hand_at(page, selector: str) -> list[dict]:
    """Per figure: its side and where the (still) hand or tool sits across it (0 left, 1 right)."""
    return page.eval_on_selector_all(selector, """els => els.map(svg => {
        const box = svg.getBoundingClientRect(), r = svg.querySelector('.fstill').getBoundingClientRect();
        return {technique: svg.dataset.technique, side: svg.dataset.side || null,
                label: svg.getAttribute('aria-label'),
                turned: !!svg.querySelector('g[transform^="matrix(-1 "]'),
                at: (r.left + r.width / 2 - box.left) / box.width}; })""")


def _mirrored(left: dict, right: dict) -> bool:
    """One of the two is turned over, and the right step's hand sits where the left
    step's would in a mirror."""
    return left["turned"] != right["turned"] and abs(left["at"] - (1 - right["at"])) < 0.01


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_step_on_each_side_shows_that_side_on_the_plan_and_in_the_player(
        chromium, server, viewport):  # noqa: F811
    """The plan's left and right steps of one move show mirror-image figures that say their
    side; the player's large figure follows the step, side and all."""
    with open_page(chromium, server, viewport) as page:
        page.emulate_media(reduced_motion="reduce")  # the hand held still at the start of its stroke
        make_routine(page, minutes=5)
        steps = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan.steps")
        _until(page, "(n) => document.querySelectorAll('#steps .step-fig svg.fig').length === n",
               len(steps))
        cards = _hand_at(page, "#steps .step-fig svg.fig")
        for step, card in zip(steps, cards, strict=True):
            assert card["side"] == step["side"], (step, card)
            if step["side"]:
                assert step["side"] in card["label"].lower(), card["label"]
        pairs = [(a, b) for a, b in zip(cards, cards[1:], strict=False)
                 if a["technique"] == b["technique"] and (a["side"], b["side"]) == ("left", "right")]
        assert pairs, "the routine has no move done on both sides"
        for left, right in pairs:
            assert _mirrored(left, right), (left, right)

        begin(page, pain=4)
        page.wait_for_selector("#figure-slot svg.fig")
        first = next(i for i, s in enumerate(steps) if s["side"] == "left")
        for _ in range(first):
            page.click("#next")
        shown = {}
        for index in (first, first + 1):
            side = steps[index]["side"]
            _until(page, "(s) => (document.querySelector('#figure-slot svg') || {dataset: {}})"
                   ".dataset.side === s", side)
            shown[side] = _hand_at(page, "#figure-slot svg.fig")[0]
            assert shown[side]["technique"] == steps[index]["technique"]
            assert side in shown[side]["label"].lower()
            if side == "left":
                page.click("#next")
        assert _mirrored(shown["left"], shown["right"]), shown
        assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_without_script_library_figures_follow_the_colour_scheme(chromium, server, scheme):  # noqa: F811
    """No JavaScript, dark mode: the still figures come painted in the dark colours the
    page's own figures get from the stylesheet, not the light ones."""
    context = chromium.new_context(base_url=server.url, viewport=PHONE, java_script_enabled=False,
                                   service_workers="block", color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto("/library")
        first = page.locator("#library-list .card .card-fig img.fig").first
        first.scroll_into_view_if_needed()
        _until(page, "el => el.complete && el.naturalWidth > 0", first.element_handle())
        src = first.evaluate("el => el.currentSrc")
        assert ("scheme=dark" in src) == (scheme == "dark"), src
        region = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--region')")
        painted = page.request.get(src).text()
        assert f'fill="{region.strip()}"' in painted
        screenshot(page, f"figures-library-nojs-390-{scheme}")
    finally:
        context.close()


# A figure of each kind of shape: body, far limb, eye, props and wall, region, path,
# arrow, hand, dot, ball, roller and its core, gun.
SHAPES_ON = ("abdomen-colon-strokes", "arm-lymph-sweep", "arrival-meditation", "back-handheld-massager",
             "bedtime-slow-breath", "calf-foam-roll", "calf-wall-stretch")
RGB = re.compile(r"rgb\((\d+), (\d+), (\d+)\)")


def _hex(colour: str) -> str:
    found = RGB.fullmatch(colour)
    return "#" + "".join(f"{int(n):02x}" for n in found.groups()) if found else colour


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_image_figure_is_painted_in_the_stylesheets_colours(chromium, server, scheme):  # noqa: F811
    """The colours written into a figure served as an image (render.PAINT) are the ones the
    stylesheet gives the same shapes on a page, in each scheme."""
    from unknot.figures.render import PAINT, paint

    context = chromium.new_context(base_url=server.url, viewport=PHONE, service_workers="block",
                                   color_scheme=scheme)
    seen: dict[str, dict[str, str]] = {}
    try:
        page = context.new_page()
        for technique in SHAPES_ON:
            page.goto(f"/library/{technique}")
            for name in PAINT:
                if name in seen:
                    continue
                found = page.eval_on_selector_all(
                    f'.technique-fig svg [class="{name}"]',
                    "els => els.slice(0, 1).map(e => { const s = getComputedStyle(e);"
                    " return {fill: s.fill, stroke: s.stroke}; })")
                if found:
                    seen[name] = {k: _hex(v) for k, v in found[0].items()}
    finally:
        context.close()
    assert set(seen) == set(PAINT)
    for name, css in seen.items():
        written = dict(re.findall(r'(fill|stroke)="([^"]+)"', paint(name, scheme)))
        assert written.get("fill", "none") == css["fill"], (name, written, css)
        assert written.get("stroke", "none") == css["stroke"], (name, written, css)
