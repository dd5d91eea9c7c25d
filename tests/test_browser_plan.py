"""The plan page in real Chromium: swap (both sides, never a repeat, the count is the list),
the Start bar in reach on a phone, the safety line above the steps, "1 step"."""

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

# The swap dialog has its answer (not "Finding alternatives…"): a count, or nothing fits.
SWAP_ANSWERED = r"#swap-status:text-matches('^(\\d+ alternatives?\\.|Nothing)')"

STORED = "JSON.parse(localStorage.getItem('unknot.current')).plan"


def in_view(page, selector: str) -> bool:
    return page.evaluate("""(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""", selector)


def test_swapping_one_side_swaps_both_and_offers_nothing_already_there(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page, text="sore calves after my run", minutes=15)
        before = page.evaluate(STORED)
        listed = page.locator("#swap-options li")
        # The right side of the first two-sided step that has something to swap in.
        for right in (i for i, s in enumerate(before["steps"]) if s["side"] == "right"):
            page.locator("#steps li").nth(right).get_by_role("button", name="Swap").click()
            page.wait_for_selector(SWAP_ANSWERED)
            if listed.count():
                break
            page.click("#swap-cancel")
        count = listed.count()
        assert count > 0, "nothing offered for any two-sided calf step"
        old = before["steps"][right]["technique"]
        assert before["steps"][right - 1]["technique"] == old
        assert page.inner_text("#swap-status") == (f"{count} alternative" + ("s" if count != 1 else "")
                                                   + ".")
        assert "both sides" in page.inner_text("#swap-for")
        names = {s["name"] for s in before["steps"]}
        offered = [listed.nth(n).locator("h3").inner_text() for n in range(count)]
        assert not set(offered) & names, f"offers what the plan already has: {set(offered) & names}"
        screenshot(page, "plan-swap-both-sides-phone")
        violations = axe_violations(page)
        assert not violations, describe(violations)

        listed.first.get_by_role("button", name="Use this").click()
        after = page.evaluate(STORED)
        assert old not in {s["technique"] for s in after["steps"]}, "one side of the old move is left"
        assert after["total_seconds"] == before["total_seconds"]
        new = after["steps"][right - 1]
        assert new["why"].startswith("Your choice") and new["name"] == offered[0]
        if new["side"] == "left":
            assert after["steps"][right]["technique"] == new["technique"]
            assert after["steps"][right]["side"] == "right"
        assert page.errors == []


def test_start_stays_in_reach_on_a_phone_under_the_safety_line(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        make_routine(page, text="neck and shoulders tight from the desk", minutes=15)
        plan = page.evaluate(STORED)
        assert plan["intake"]["verdict"] == "ok"
        line = page.locator("#plan-ok")
        assert line.is_visible() and line.inner_text() == plan["intake"]["message"]
        assert page.evaluate("""() => document.querySelector('#plan-ok').getBoundingClientRect().bottom
            <= document.querySelector('#steps').getBoundingClientRect().top""")
        assert in_view(page, "#start-button"), "Start is below the fold on a phone"
        page.locator("#steps li").nth(3).scroll_into_view_if_needed()
        assert in_view(page, "#start-button")
        # The bar never hides a step's buttons for good: the last step can scroll above it.
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        last = page.locator("#steps li").last.get_by_role("button", name="Remove")
        assert page.evaluate("""(el) => el.getBoundingClientRect().bottom <=
            document.querySelector('#start-bar').getBoundingClientRect().top""", last.element_handle())
        assert page.errors == []


def test_one_step_left_reads_1_step(chromium, server):  # noqa: F811
    with open_page(chromium, server, LAPTOP) as page:
        make_routine(page, text="tension headache", minutes=3)
        removable = page.locator("#steps li button:text-is('Remove'):enabled")
        while page.locator("#steps li").count() > 1 and removable.count():
            removable.first.click()
        count = page.locator("#steps li").count()
        if count == 1:
            assert page.inner_text("#plan-summary").startswith("1 step ·")
        else:  # a two-sided step is all that is left: it goes as a pair or not at all
            assert count == 2 and page.inner_text("#plan-summary").startswith("2 steps ·")
        assert page.errors == []


def test_removing_one_side_removes_both(chromium, server):  # noqa: F811
    with open_page(chromium, server, LAPTOP) as page:
        make_routine(page, text="sore calves after my run", minutes=15)
        before = page.evaluate(STORED)
        right = next(i for i, s in enumerate(before["steps"]) if s["side"] == "right")
        old = before["steps"][right]["technique"]
        button = page.locator("#steps li").nth(right).get_by_role("button", name="Remove")
        assert button.get_attribute("aria-label").endswith(", both sides")
        button.click()
        after = page.evaluate(STORED)
        assert old not in {s["technique"] for s in after["steps"]}
        assert len(after["steps"]) == len(before["steps"]) - 2
        assert "both sides" in page.inner_text("#plan-status")
        assert page.errors == []
