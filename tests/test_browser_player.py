"""The player in real Chromium against a real server: a whole routine, reload, keys, stop."""

from __future__ import annotations

import re

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
    position,
    run_for,
    screenshot,
    server,
)

pytestmark = pytest.mark.browser


def test_it_runs_a_whole_routine_with_the_clock_fast_forwarded(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page, minutes=3)
        plan = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan")
        begin(page, pain=6)
        session_id = page.evaluate("window.unknotPlayer.session().id")
        assert position(page)["index"] == 0

        start = position(page)["planElapsed"]
        run_for(page, plan["total_seconds"] / 2)
        halfway = position(page)
        assert 0 < halfway["index"] < len(plan["steps"]) - 1
        # The page's clock also moves with real time between the calls: on a busy machine a
        # second or so, which is not the player's error.
        assert 0 <= halfway["planElapsed"] - start - plan["total_seconds"] / 2 < 2.0

        run_for(page, plan["total_seconds"] / 2 + 2)
        page.wait_for_selector("#stage-done:not([hidden])")
        assert page.inner_text("#done-summary").startswith(f"You did {len(plan['steps'])} steps in about")
        assert page.locator("#done-journal").get_attribute("href") == "/journal"
        violations = axe_violations(page)
        assert not violations, describe(violations)
        said = page.evaluate("window.unknotPlayer.said.map(s => s.text)")
        for step in plan["steps"]:
            title = step["name"] + (f", {step['side']} side" if step["side"] else "")
            assert f"{title}." in said, f"the voice never announced {title!r}"
        # "Halfway." and "Ten seconds left." give way to a written cue near them; say them
        # when the plan has room for one (the seed is the start page's, so plans vary).
        timing = page.evaluate("""(plan) => plan.steps.flatMap((s, i) =>
            window.unknotPlayer.stepCues(plan, i)).filter((c) => c.kind === 'halfway' ||
            c.kind === 'ten_left').map((c) => c.say)""", plan)
        if timing:
            assert "Halfway." in said or "Ten seconds left." in said

        page.click("#done-after")
        page.wait_for_url("**/after")
        page.locator("input[name=after-pain][value='3']").check()
        page.fill("#note", "shoulders lower")
        page.click("#save-after")
        page.wait_for_selector("#after-done:not([hidden])")
        steps = len(plan["steps"])
        assert page.inner_text("#after-done-what") == (
            f"You did {steps} steps in about {round(plan['total_seconds'] / 60)} minutes.")
        assert "Pain: 6 → 3" in page.inner_text("#after-done-ratings")
        assert page.inner_text("#after-done-note") == "Your note: shoulders lower"
        page.click("#after-journal")
        page.wait_for_url("**/journal")
        page.wait_for_selector(f"#sessions li[data-id='{session_id}']")
        assert page.evaluate("JSON.parse(localStorage.getItem('unknot.outbox') || '[]').length") == 0
        assert page.errors == []

    stored = server.api(f"/api/v1/sessions/{session_id}")
    assert stored["status"] == "completed"
    assert stored["completed_steps"] == len(plan["steps"])
    assert stored["before"]["pain"] == 6 and stored["after"]["pain"] == 3
    assert stored["note"] == "shoulders lower"


def test_it_resumes_the_same_step_and_second_after_a_reload(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page, minutes=5)
        begin(page)
        run_for(page, 100.4)
        # Half a second ahead: on a busy machine the page's clock may pass a closer target
        # before the call arrives, and a clock cannot be paused in its own past.
        page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 0.5)  # seconds
        here = position(page)
        page.reload()
        page.wait_for_selector("#stage-player:not([hidden])")
        there = position(page)
        assert there["index"] == here["index"]
        assert abs(there["elapsed"] - here["elapsed"]) < 1.5, (here, there)
        shown = page.inner_text("#step-title")
        assert shown == page.evaluate(f"window.unknotPlayer.session().plan.steps[{here['index']}].name")
        page.clock.resume()
        assert page.errors == []


def test_it_runs_a_session_with_the_keyboard_alone(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        page.goto("/")
        page.keyboard.press("Tab")  # the skip link first
        assert page.evaluate("document.activeElement.textContent") == "Skip to the main content"
        page.focus("#text")
        page.keyboard.type("tension headache behind my eyes")
        # Reach the body map by Tab and pick the first area with the space bar.
        while page.evaluate("document.activeElement.getAttribute('role')") != "checkbox":
            page.keyboard.press("Tab")
        first = page.evaluate("document.activeElement.dataset.region")
        page.keyboard.press("Space")
        assert page.evaluate("document.activeElement.getAttribute('aria-checked')") == "true"
        assert page.locator(f"input[name=regions][value='{first}']").is_checked()
        page.focus("#make")
        page.keyboard.press("Enter")
        # The quick safety check, by keyboard too: Tab past each question to "None of these apply".
        page.wait_for_url("**/check")
        page.wait_for_selector("#questions li")
        for _ in range(80):
            if page.evaluate("document.activeElement.id") == "none-apply":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_url("**/plan")
        page.focus("#start-button")
        page.keyboard.press("Enter")
        page.wait_for_selector("#stage-before:not([hidden])")
        page.focus("#begin")
        page.keyboard.press("Enter")
        page.wait_for_selector("#stage-player:not([hidden])")
        assert page.evaluate("document.activeElement.id") == "step-title"

        page.keyboard.press("Space")
        assert position(page)["paused"] is True
        run_for(page, 20)
        assert position(page)["elapsed"] < 0.5, "time moved while paused"
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
        assert position(page)["index"] == 1
        page.keyboard.press("ArrowLeft")
        assert position(page)["index"] == 0
        steps = page.evaluate("window.unknotPlayer.session().plan.steps.length")
        for _ in range(steps):
            page.keyboard.press("ArrowRight")
        page.wait_for_selector("#stage-done:not([hidden])")
        assert page.evaluate("window.unknotPlayer.session().finish.status") == "completed"
        assert page.errors == []


def test_it_stops_when_it_hurts_with_advice_and_logs_it(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page)
        begin(page)
        session_id = page.evaluate("window.unknotPlayer.session().id")
        run_for(page, 50)
        index = position(page)["index"]
        page.click("#hurts")
        page.wait_for_selector("#stage-stopped:not([hidden])")
        assert "see a doctor" in page.inner_text("#stage-stopped")
        run_for(page, 30)
        assert position(page)["finished"] is True
        assert page.evaluate("window.unknot.outbox.flush().then(() => window.unknot.outbox.pending())") == 0
        assert page.evaluate("localStorage.getItem('unknot.refused')") is None
        assert page.errors == []
    stored = server.api(f"/api/v1/sessions/{session_id}")
    assert stored["status"] == "stopped" and stored["stop_reason"] == "hurts"
    assert stored["completed_steps"] == index


def test_it_swaps_removes_and_resizes_steps_and_the_server_takes_the_plan(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page, text="lower back sore after gardening", minutes=5)
        page.fill("#plan-minutes", "8")
        page.click("#minutes-form button")
        page.wait_for_selector("#plan-status:has-text('8 minutes')")
        assert page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan.total_seconds") == 480

        before = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan.steps")
        page.locator("#steps li").nth(2).get_by_role("button", name="Swap").click()
        page.wait_for_selector("#swap-options li, #swap-status:has-text('Nothing')")
        if page.locator("#swap-options li").count():
            page.locator("#swap-options li").first.get_by_role("button").click()
            after = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan.steps")
            # The step goes, with its other side when it has one.
            assert before[2]["technique"] not in {s["technique"] for s in after}
            assert any(s["why"].startswith("Your choice") for s in after)
        count = page.locator("#steps li").count()
        page.locator("#steps li").first.get_by_role("button", name="Remove").click()
        assert page.locator("#steps li").count() == count - 1

        begin(page)
        session_id = page.evaluate("window.unknotPlayer.session().id")
        assert page.evaluate("window.unknot.outbox.flush().then(() => window.unknot.outbox.pending())") == 0
        assert page.evaluate("localStorage.getItem('unknot.refused')") is None
        plan = page.evaluate("window.unknotPlayer.session().plan")
        assert page.errors == []
    stored = server.api(f"/api/v1/sessions/{session_id}")
    assert [s["technique"] for s in stored["plan"]["steps"]] == [s["technique"] for s in plan["steps"]]
    assert stored["total_seconds"] == sum(s["seconds"] for s in plan["steps"])


def test_it_saves_settings_and_the_start_page_uses_them(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        page.goto("/settings")
        page.get_by_role("radio", name="Light").check()
        page.get_by_role("checkbox", name="Foam roller").check()
        page.get_by_role("radio", name="Rain").check()
        page.fill("#minutes", "15")
        page.get_by_role("button", name="Save").click()
        page.wait_for_selector("#settings-status:has-text('Saved')")
        assert page.evaluate("window.unknot.outbox.flush().then(() => window.unknot.outbox.pending())") == 0
        assert page.errors == []
    prefs = server.api("/api/v1/preferences")
    assert prefs["pressure"] == "light" and prefs["tools"] == ["foam_roller"]
    assert prefs["ambient"] == "rain" and prefs["minutes"] == 15
    with open_page(chromium, server) as page:  # a new device: nothing stored locally
        page.goto("/")
        page.wait_for_function(
            "() => document.querySelector('input[name=minutes][value=\"15\"]').checked")
        assert page.get_by_role("radio", name="Light").is_checked()
        assert page.get_by_role("checkbox", name="Foam roller").is_checked()
    server.api("/api/v1/preferences", "PUT", {"pressure": "moderate", "tools": [], "ambient": "off",
                                              "minutes": 10})


def test_space_pauses_after_a_control_was_clicked(chromium, server):  # noqa: F811
    with open_page(chromium, server) as page:
        make_routine(page)
        begin(page)
        page.click("#next")  # the focus stays on Next, as after any click
        assert position(page)["index"] == 1
        page.keyboard.press("Space")
        here = position(page)
        assert here["paused"] is True and here["index"] == 1, "Space repeated Next instead of pausing"
        page.click("#back")
        assert position(page)["index"] == 0
        page.keyboard.press("Space")
        here = position(page)
        assert here["paused"] is False and here["index"] == 0
        page.click("#pause")
        page.keyboard.press("Space")
        assert position(page)["paused"] is False
        assert page.errors == []


def rect(page, selector: str) -> dict:
    return page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().toJSON()", selector)


SIZES = {"phone": PHONE, "laptop": LAPTOP, "phone-on-its-side": {"width": 844, "height": 390}}


@pytest.mark.parametrize("size", list(SIZES))
def test_the_player_fits_one_screen_and_the_dock_covers_no_text(chromium, server, size):  # noqa: F811
    viewport = SIZES[size]
    with open_page(chromium, server, viewport) as page:
        make_routine(page, text="lower back sore after gardening", minutes=15)
        begin(page)
        run_for(page, 20)
        screenshot(page, f"player-immersive-{size}")
        if size != "laptop":
            assert not page.locator("header.top").is_visible(), "the site header takes a phone's room"
            assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"]
        for part in ("#step-left", ".ring-wrap", "#pause", "#back", "#next", "#hurts", "#quit",
                     "#step-title"):
            box = rect(page, part)
            assert box["width"] > 0 and box["top"] >= 0 and box["bottom"] <= viewport["height"], part
        assert rect(page, "#step-info")["bottom"] <= rect(page, ".dock")["top"] + 0.5
        assert rect(page, "#step-info")["height"] >= 150, "too little room left for the step's text"
        violations = axe_violations(page)
        assert not violations, describe(violations)
        assert page.errors == []


def test_any_usual_minutes_from_1_to_60_is_what_the_start_page_asks_for(chromium, server):  # noqa: F811
    try:
        with open_page(chromium, server) as page:
            make_routine(page, minutes=15)  # the start page now remembers 15
            page.goto("/settings")
            page.fill("#minutes", "45")
            page.get_by_role("button", name="Save").click()
            page.wait_for_selector("#settings-status:has-text('Saved')")
            page.goto("/")
            page.wait_for_selector("input[name=minutes][value='45']:checked")
            labels = page.locator("input[name=minutes]").evaluate_all("(all) => all.map((i) => i.value)")
            assert labels == ["3", "5", "10", "15", "20", "30", "45"]
            assert page.errors == []
        with open_page(chromium, server) as page:  # a new device, with a usual 7 minutes
            page.goto("/settings")
            page.fill("#minutes", "7")
            page.get_by_role("button", name="Save").click()
            page.wait_for_selector("#settings-status:has-text('Saved')")
            sent = page.evaluate("window.unknot.outbox.flush().then(() => window.unknot.outbox.pending())")
            assert sent == 0
        with open_page(chromium, server) as page:
            page.goto("/")
            page.wait_for_selector("input[name=minutes][value='7']:checked")
            page.fill("#text", "neck and shoulders tight from the desk")
            page.click("#make")
            page.wait_for_url(re.compile(r"/(check|plan)$"))
            if page.url.endswith("/check"):
                page.wait_for_selector("#questions li")
                page.click("#none-apply")
            page.wait_for_url("**/plan")
            plan = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan")
            assert plan["total_seconds"] == 420
            assert page.errors == []
    finally:
        server.api("/api/v1/preferences", "PUT", {"pressure": "moderate", "tools": [], "ambient": "off",
                                                  "minutes": 10})
