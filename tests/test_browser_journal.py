"""The journal page in real Chromium: "show older" pages through every session once,
however often the chart's buttons were pressed, and sessions that share a moment are
all listed."""

from __future__ import annotations

import uuid

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    PHONE,
    axe_violations,
    chromium,
    describe,
    open_page,
    screenshot,
    serve,
)

pytestmark = pytest.mark.browser

PAGE = 20  # the journal page's page size


def _plan(server) -> dict:
    request = {"text": "neck stiff from the desk", "minutes": 2, "setting": "desk"}
    checklist = server.api("/api/v1/plans", "POST", request)["intake"]["questions"]
    answers = {"questions": {q["id"]: False for q in checklist}}
    return server.api("/api/v1/plans", "POST", {**request, "answers": answers})


def test_older_sessions_come_once_each_whatever_the_chart_buttons_did(chromium, tmp_path):  # noqa: F811
    with serve(tmp_path) as server:
        plan = _plan(server)
        ids = []
        for index in range(PAGE + 6):
            # Three sessions share each moment, across the page boundary too.
            moment = f"2026-11-{1 + index // 3:02d}T08:00:00Z"
            sid = str(uuid.uuid4())
            server.api("/api/v1/sessions", "POST", {
                "id": sid, "plan": plan, "request": {"text": "neck"}, "created_at": moment,
                "before": {"pain": 4}})
            ids.append(sid)
        with open_page(chromium, server, clock=False) as page:
            page.goto("/journal")
            page.wait_for_selector("#sessions li")
            for dim in ("tension", "stress", "pain"):
                page.click(f".chart-controls button[data-dim='{dim}']")
            page.click("#older")
            # A locator, not a string predicate: the page's CSP forbids eval, which that polls with.
            page.locator("#sessions li").nth(len(ids) - 1).wait_for()
            page.wait_for_timeout(300)  # let any extra page a doubled handler asked for arrive
            assert page.locator("#sessions li").count() == len(ids)
            assert page.locator("#older").is_hidden()
            assert not page.errors


def _rated_session(server, plan: dict, day: int, before: int, after: int) -> None:
    sid = str(uuid.uuid4())
    server.api("/api/v1/sessions", "POST", {
        "id": sid, "plan": plan, "request": {"text": "neck"},
        "created_at": f"2026-10-{day:02d}T08:00:00Z", "before": {"pain": before}})
    server.api(f"/api/v1/sessions/{sid}/finish", "POST", {
        "status": "completed", "after": {"pain": after}, "completed_steps": len(plan["steps"])})


def fits(page, selector: str) -> bool:
    """Nothing in these boxes is wider than the box: no column cut off or scrolled away."""
    return page.evaluate("""(sel) => Array.from(document.querySelectorAll(sel)).every((box) =>
        box.scrollWidth <= box.clientWidth + 1)""", selector)


def test_on_a_phone_nothing_is_clipped_and_averages_wait_for_enough_sessions(chromium, tmp_path):  # noqa: F811
    with serve(tmp_path) as server:
        plan = _plan(server)
        _rated_session(server, plan, 1, 6, 3)
        _rated_session(server, plan, 2, 5, 3)
        with open_page(chromium, server, PHONE, clock=False) as page:
            page.goto("/journal")
            page.wait_for_selector("#helps-section:not([hidden])")
            page.click("#chart-section summary")  # open the table too
            assert "Averages show from 3 sessions" in page.inner_text("#chart-desc")
            assert "On average" not in page.inner_text("#chart-desc")
            rows = page.locator("#helps-techniques tbody tr")
            assert rows.count() > 0
            for n in range(rows.count()):
                assert "Too few to tell yet" in rows.nth(n).inner_text()
            assert fits(page, ".table-wrap") and fits(page, "main")
            assert not page.errors

        _rated_session(server, plan, 3, 6, 2)
        _rated_session(server, plan, 4, 4, 2)
        with open_page(chromium, server, PHONE, clock=False) as page:
            page.goto("/journal")
            page.wait_for_selector("#helps-section:not([hidden])")
            page.click("#chart-section summary")
            assert "On average 5.3 before and 2.5 after, over 4 sessions." in page.inner_text("#chart-desc")
            first = page.locator("#helps-techniques tbody tr").first
            assert first.locator("td[data-label=Sessions]").inner_text() == "4"
            assert first.locator("td[data-label=Pain]").inner_text() == "−2.8"
            assert fits(page, ".table-wrap") and fits(page, "main")
            for cell in page.locator("#helps-techniques td, #helps-techniques th").all():
                box = cell.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
            screenshot(page, "journal-averages-phone")
            violations = axe_violations(page)
            assert not violations, describe(violations)
            assert not page.errors
