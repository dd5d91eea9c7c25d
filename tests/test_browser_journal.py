"""The journal page in real Chromium: "show older" pages through every session once,
however often the chart's buttons were pressed, and sessions that share a moment are
all listed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

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


# What the script draws, and whether it is shown; the chart's lines are left out (only
# the script draws them, at the chart's width).
DRAWN = """() => {
    const html = (sel) => document.querySelector(sel).innerHTML;
    const shown = (sel) => !document.querySelector(sel).hidden;
    return {advice: html('#advice-list'), desc: html('#chart-desc'), table: html('#chart-table tbody'),
            techniques: html('#helps-techniques tbody'), goals: html('#helps-goals tbody'),
            sessions: html('#sessions'), status: html('#journal-status'),
            shown: ['#advice', '#chart-section', '#helps-section', '#sessions-section', '#older',
                    '#journal-empty', '#journal-pending'].filter(shown)};
}"""


def _varied_sessions(server, plan: dict) -> None:
    """Every kind of row the page draws: each status, notes, unrated, a request of areas
    only, text that looks like markup, changes up, down and none, advice to see a doctor,
    and a session late in the evening in New York (the next day in UTC)."""
    def session(moment: str, before: dict | None, request: dict | None = None) -> str:
        sid = str(uuid.uuid4())
        server.api("/api/v1/sessions", "POST", {
            "id": sid, "plan": plan, "request": request or {"text": "neck"}, "created_at": moment,
            **({"before": before} if before else {})})
        return sid

    def finish(sid: str, status: str, after: dict | None, note: str | None = None) -> None:
        server.api(f"/api/v1/sessions/{sid}/finish", "POST", {
            "status": status, "after": after, "completed_steps": 1, "note": note,
            "stop_reason": "it hurt" if status == "stopped" else None})

    # The last fortnight, so the advice rules look at it.
    start = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(days=10)
    at = [(start + timedelta(days=n)).isoformat() for n in range(8)]
    for n in range(4):
        finish(session(at[n], {"pain": 6, "tension": 4, "stress": 5}), "completed",
               {"pain": 3, "tension": 4, "stress": 6})
    finish(session(at[4], {"pain": 4}, {"regions": ["glutes", "upper_back"], "minutes": 2}), "quit",
           {"pain": 4})
    finish(session(at[5], {"stress": 3}, {"text": "<b>jaw</b> & \"teeth\""}), "stopped", None,
           note="</script> it hurt <i>here</i> & there")
    session(at[6], None)  # never rated, never finished
    finish(session(LATE.isoformat(), {"pain": 9}), "completed", {"pain": 8})


# 02:30 UTC on a day in the last fortnight: still the evening before in New York, and
# already morning in Tokyo.
LATE = datetime.now(UTC).replace(hour=2, minute=30, second=0, microsecond=0) - timedelta(days=2)


def _day(moment: datetime, zone: str, month_first: bool) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    month = local.strftime("%b")
    return f"{month} {local.day}, {local.year}" if month_first else f"{local.day} {month} {local.year}"


def test_the_document_draws_the_first_view_exactly_as_the_script_draws_it(chromium, tmp_path):  # noqa: F811
    with serve(tmp_path, {"TZ": "America/New_York"}) as server:
        _varied_sessions(server, _plan(server))
        context = chromium.new_context(base_url=server.url, viewport=PHONE, locale="en-US",
                                       timezone_id="America/New_York", service_workers="block",
                                       java_script_enabled=False)
        page = context.new_page()
        page.goto("/journal")
        document = page.evaluate(DRAWN)  # the server's view, no script run
        context.close()
        assert _day(LATE, "America/New_York", True) in document["sessions"]
        assert _day(LATE, "UTC", True) not in document["sessions"]
        assert set(document["shown"]) == {"#advice", "#chart-section", "#helps-section",
                                          "#sessions-section"}

        context = chromium.new_context(base_url=server.url, viewport=PHONE, locale="en-US",
                                       timezone_id="America/New_York", service_workers="block")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto("/journal")
        page.wait_for_selector("#chart.drawn")
        # In the zone and language the server guessed, the script changes nothing it took
        # over; it adds the table folded under the chart, which the server leaves out…
        taken_over = page.evaluate(DRAWN)
        assert document["table"] == "" and taken_over["table"].count("<tr>") == 7  # the rated ones
        assert {**taken_over, "table": ""} == document
        # …and drawing everything anew from the API's answers gives the very same page.
        page.evaluate("window.unknotJournal.refresh()")
        assert page.evaluate(DRAWN) == taken_over
        assert not errors
        context.close()


def test_each_date_is_rewritten_as_the_browser_writes_dates(chromium, tmp_path):  # noqa: F811
    with serve(tmp_path, {"TZ": "America/New_York"}) as server:
        _varied_sessions(server, _plan(server))
        # Tokyo, in British English: the server guessed New York's day, written "Oct 7, 2026".
        context = chromium.new_context(base_url=server.url, viewport=PHONE, locale="en-GB",
                                       timezone_id="Asia/Tokyo", service_workers="block")
        page = context.new_page()
        page.goto("/journal")
        page.wait_for_selector("#chart.drawn")
        taken_over = page.evaluate(DRAWN)
        assert _day(LATE, "Asia/Tokyo", False) in taken_over["sessions"]
        assert _day(LATE, "America/New_York", True) not in taken_over["sessions"]
        page.evaluate("window.unknotJournal.refresh()")
        assert page.evaluate(DRAWN) == taken_over
        context.close()
