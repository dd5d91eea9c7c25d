"""Every page in real Chromium at phone and desktop sizes: screenshots, axe-core, the
urgent page alone with its message, and no request leaving the server."""

from __future__ import annotations

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    DESKTOP,
    PHONE,
    after_start,
    axe_violations,
    begin,
    chromium,
    describe,
    make_routine,
    none_apply,
    open_page,
    run_for,
    screenshot,
    server,
)

pytestmark = pytest.mark.browser

# The swap dialog has its answer (not "Finding alternatives…"): a count, or nothing fits.
SWAP_ANSWERED = r"#swap-status:text-matches('^(\\d+ alternatives?\\.|Nothing)')"

URGENT_TEXT = "worst headache of my life, came on suddenly"


def check(page, name: str) -> None:
    """Screenshot the page and fail on any serious or critical accessibility problem."""
    screenshot(page, name)
    violations = axe_violations(page)
    assert not violations, f"axe-core on {name}:\n{describe(violations)}"


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_it_shows_only_the_emergency_message_on_the_urgent_path(chromium, server, size):  # noqa: F811
    with open_page(chromium, server, PHONE if size == "phone" else DESKTOP) as page:
        page.goto("/")
        page.fill("#text", URGENT_TEXT)
        page.click("#make")
        page.wait_for_url("**/safety")
        page.wait_for_selector("#urgent:not([hidden])")
        text = page.inner_text("body")
        assert text.startswith("Call your local emergency number now.")
        assert "bleeding in the brain" in text  # why
        for other in ("Journal", "Library", "Settings", "routine", "massage"):
            assert other not in text, f"the urgent page also shows {other!r}"
        visible = page.locator("a:visible:not([href^='tel:']), button:visible, input:visible, nav:visible, "
                               "header:visible, "
                               "footer:visible, img:visible, svg:visible")
        assert visible.count() == 0
        assert page.locator("a[href='tel:112']").is_visible()  # the numbers call with one tap
        check(page, f"urgent-{size}")
        assert page.errors == []


def test_it_shows_the_urgent_message_without_javascript_too(chromium, server):  # noqa: F811
    context = chromium.new_context(base_url=server.url, java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto("/")
        page.fill("#text", URGENT_TEXT)
        page.click("#make")
        page.wait_for_selector("#urgent")
        assert page.inner_text("body").startswith("Call your local emergency number now.")
        assert page.locator("a:not([href^='tel:']), button, nav, form").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_page_is_accessible_and_stays_on_this_server(chromium, server, size):  # noqa: F811
    viewport = PHONE if size == "phone" else DESKTOP
    with open_page(chromium, server, viewport) as page:
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith((server.url, "data:", "blob:")) else None)

        page.goto("/")
        page.locator("#bodymap .rg[data-region='neck'][role='checkbox']").click()
        check(page, f"start-{size}")

        page.fill("#text", "I take warfarin, shoulders knotted")
        page.click("#make")
        assert after_start(page) == "check"
        page.wait_for_selector("#questions li")
        page.locator("#questions li").first.locator("summary").click()
        check(page, f"check-warfarin-{size}")
        none_apply(page)
        page.wait_for_selector("#caution:not([hidden])")
        check(page, f"safety-caution-{size}")
        page.click("#caution-continue")
        page.wait_for_selector("#steps li")
        check(page, f"plan-{size}")
        page.locator("#steps li").nth(1).get_by_role("button", name="Swap").click()
        page.wait_for_selector(SWAP_ANSWERED)
        check(page, f"plan-swap-{size}")
        page.click("#swap-cancel")

        begin_page = page.locator("#start-button")
        begin_page.click()
        page.wait_for_selector("#stage-before:not([hidden])")
        check(page, f"before-{size}")
        page.click("#begin")
        page.wait_for_selector("#stage-player:not([hidden])")
        run_for(page, 50)
        check(page, f"player-{size}")
        page.click("#hurts")
        page.wait_for_selector("#stage-stopped:not([hidden])")
        check(page, f"stopped-{size}")
        page.click("#stopped-after")
        page.wait_for_url("**/after")
        check(page, f"after-{size}")
        page.locator("input[name=after-pain][value='2']").check()
        page.click("#save-after")
        page.wait_for_selector("#after-done:not([hidden])")
        check(page, f"after-saved-{size}")
        page.click("#after-journal")
        page.wait_for_url("**/journal")
        page.wait_for_selector("#sessions li")
        check(page, f"journal-{size}")

        page.goto("/library")
        check(page, f"library-{size}")
        page.fill("#q", "calf")
        page.locator("#library-list .card:visible a").first.click()
        page.wait_for_selector("h1")
        check(page, f"technique-{size}")
        page.goto("/settings")
        check(page, f"settings-{size}")

        page.goto("/")
        page.fill("#text", "my calf is swollen and hot")
        page.click("#make")
        assert after_start(page) == "check"
        none_apply(page)
        page.wait_for_selector("#doctor:not([hidden])")
        check(page, f"safety-doctor-{size}")
        assert outside == [], f"requests left the server: {outside}"
        assert page.errors == []


def test_the_player_is_accessible_in_dark_mode(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        page.emulate_media(color_scheme="dark")
        make_routine(page)
        begin(page)
        run_for(page, 10)
        check(page, "player-dark-phone")
        assert page.errors == []


def test_settings_arriving_late_from_the_server_never_undo_what_was_just_typed(chromium, server):  # noqa: F811
    """The settings page fills from this device, then from the server a moment later; on a
    slow connection that answer must not overwrite a value the person has already typed."""
    import threading

    answered = threading.Event()
    with open_page(chromium, server) as page:
        def slow_preferences(route):
            if route.request.method == "GET":
                answered.wait(10)  # held until the person has typed and saved
            route.continue_()

        page.route("**/api/v1/preferences", slow_preferences)
        page.goto("/settings")
        page.fill("#minutes", "45")
        page.get_by_role("button", name="Save").click()
        page.wait_for_selector("#settings-status:has-text('Saved')")
        answered.set()  # now the server's old copy arrives
        page.wait_for_timeout(300)
        assert page.input_value("#minutes") == "45"
        assert page.evaluate("window.unknot.prefs().minutes") == 45
        page.unroute("**/api/v1/preferences")
    assert server.api("/api/v1/preferences")["minutes"] == 45
