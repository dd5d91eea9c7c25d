"""The body map in real Chromium: targets of at least 24×24 CSS px that nothing covers,
the front of the lower leg, and one tab stop with the arrow keys inside."""

from __future__ import annotations

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    axe_violations,
    chromium,
    describe,
    open_page,
    screenshot,
    server,
)

pytestmark = pytest.mark.browser

# Every drawn shape of every region, with its target: its hit area when it has one,
# else the shape itself; how big it is on screen, and which region is on top at its centre.
TARGETS = """() => Array.from(document.querySelectorAll('#bodymap .rg path')).map((path) => {
    const next = path.nextElementSibling;
    const target = next && next.matches('rect.hit') ? next : path;
    const r = target.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {region: path.parentNode.dataset.region, width: r.width, height: r.height,
            top: hit && hit.closest('.rg') ? hit.closest('.rg').dataset.region : null};
})"""


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_every_area_is_a_target_of_at_least_24_css_px(chromium, server, size):  # noqa: F811
    with open_page(chromium, server, PHONE if size == "phone" else LAPTOP) as page:
        page.goto("/")
        page.locator("#bodymap").scroll_into_view_if_needed()
        targets = page.evaluate(TARGETS)
        assert len(targets) >= 40
        small = [t for t in targets if t["width"] < 24 or t["height"] < 24]
        assert not small, f"targets under 24×24 px: {small}"
        covered = [t for t in targets if t["top"] != t["region"]]
        assert not covered, f"targets another area covers: {covered}"
        # Where the shape leaves room beside it, 44 px each way (the size for a finger).
        roomy = {"temples", "shoulders", "arms", "forearms", "hands", "calves"}
        small = [t for t in targets if t["region"] in roomy and min(t["width"], t["height"]) < 44]
        assert not small, f"targets under 44×44 px where there is room: {small}"
        screenshot(page, f"start-bodymap-{size}")
        violations = axe_violations(page)
        assert not violations, describe(violations)
        assert page.errors == []


def test_the_front_of_the_lower_leg_can_be_picked(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        page.goto("/")
        front = page.locator("#bodymap > g").first
        front.locator(".rg[data-region='calves'] rect.hit").first.click()
        assert page.locator("input[name=regions][value=calves]").is_checked()
        assert "calves" in page.inner_text("#picked")
        assert page.errors == []


def test_the_map_is_one_tab_stop_with_arrow_keys_inside(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        page.goto("/")
        page.focus("#text")
        page.keyboard.press("Tab")
        first = page.evaluate("document.activeElement.dataset.region")
        assert first and page.evaluate("document.activeElement.getAttribute('role')") == "checkbox"
        page.keyboard.press("ArrowRight")
        second = page.evaluate("document.activeElement.dataset.region")
        assert second and second != first
        page.keyboard.press("Space")
        assert page.locator(f"input[name=regions][value={second}]").is_checked()
        page.keyboard.press("End")
        last = page.evaluate("document.activeElement.dataset.region")
        page.keyboard.press("ArrowRight")  # wraps round to the first
        assert page.evaluate("document.activeElement.dataset.region") == first != last
        page.keyboard.press("ArrowLeft")
        assert page.evaluate("document.activeElement.dataset.region") == last
        page.keyboard.press("Tab")  # out of the map at once, not through 22 areas
        assert page.evaluate("document.activeElement.closest('#bodymap')") is None
        page.keyboard.press("Shift+Tab")  # back in, on the area last visited
        assert page.evaluate("document.activeElement.dataset.region") == last
        assert page.evaluate("document.querySelectorAll('#bodymap [tabindex=\"0\"]').length") == 1
        assert page.errors == []
