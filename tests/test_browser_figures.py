"""Figures of the moves in real Chromium (issue 8 §2): on the plan cards, large in the
player and moving with the pacer, on the library pages; reduced motion stops them; the
player page stays light; axe-core finds nothing serious."""

from __future__ import annotations

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
