"""Saved routines on the start page, in real Chromium: rename, delete (and undo), and long
texts cut to two lines in the list."""

from __future__ import annotations

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    axe_violations,
    chromium,
    describe,
    make_routine,
    open_page,
    screenshot,
    server,
)

pytestmark = pytest.mark.browser

LONG = ("my lower back has been sore for a few days after moving house and carrying heavy "
        "boxes all weekend long, and then sitting at my desk for hours on end afterwards, "
        "it is stiff in the morning and eases a little once I get going")
ROUTINES = "JSON.parse(localStorage.getItem('unknot.routines'))"


def item(page, n: int):
    return page.locator("#saved-list li").nth(n)


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_saved_routines_can_be_renamed_and_deleted(chromium, server, size):  # noqa: F811
    with open_page(chromium, server, PHONE if size == "phone" else LAPTOP) as page:
        make_routine(page, text="neck and shoulders tight from the desk", minutes=3)
        make_routine(page, text=LONG, minutes=5)
        page.goto("/")
        page.wait_for_selector("#saved:not([hidden])")
        assert page.locator("#saved-list li").count() == 2

        # The long text is shortened to two lines in the list, the whole of it still there.
        name = item(page, 0).locator(".saved-name")
        assert name.text_content() == LONG
        line = float(name.evaluate("(e) => parseFloat(getComputedStyle(e).lineHeight)"))
        box = name.bounding_box()
        assert box["height"] <= 2 * line + 1, "a long text takes more than two lines"
        assert name.evaluate("(e) => e.scrollHeight > e.clientHeight")
        screenshot(page, f"start-saved-{size}")
        violations = axe_violations(page)
        assert not violations, describe(violations)

        item(page, 0).get_by_role("button", name="Rename").click()
        page.fill("#saved-list input", "Moving-house back")
        page.keyboard.press("Enter")
        assert item(page, 0).locator(".saved-name").inner_text() == "Moving-house back"
        assert page.evaluate(ROUTINES)[0]["name"] == "Moving-house back"
        assert "Renamed" in page.inner_text("#saved-status")

        item(page, 1).get_by_role("button", name="Delete").click()
        assert page.locator("#saved-list li").count() == 1
        page.get_by_role("button", name="Undo").click()
        assert page.locator("#saved-list li").count() == 2
        item(page, 1).get_by_role("button", name="Delete").click()
        page.reload()
        page.wait_for_selector("#saved:not([hidden])")
        assert page.locator("#saved-list li").count() == 1
        assert item(page, 0).locator(".saved-name").inner_text() == "Moving-house back"

        # The name stays with the routine when it is opened and changed.
        item(page, 0).get_by_role("button", name="Open").click()
        page.wait_for_url("**/plan")
        page.locator("#steps li").first.get_by_role("button", name="Remove").click()
        page.goto("/")
        assert item(page, 0).locator(".saved-name").inner_text() == "Moving-house back"

        item(page, 0).get_by_role("button", name="Delete").click()
        assert page.evaluate(ROUTINES) == []
        assert page.errors == []
