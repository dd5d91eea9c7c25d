"""The journal page in real Chromium: "show older" pages through every session once,
however often the chart's buttons were pressed, and sessions that share a moment are
all listed."""

from __future__ import annotations

import uuid

import pytest

from browser_support import chromium, open_page, serve  # noqa: F401  (fixtures)

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
