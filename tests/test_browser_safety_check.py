"""The quick safety check in real Chromium: asked before any routine, "None of these apply"
in one press, a yes that means an emergency shows nothing but the call for help, and no
routine starts while a question is open. Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    after_start,
    axe_violations,
    begin,
    chromium,
    describe,
    none_apply,
    open_page,
    screenshot,
    server,
)

pytestmark = pytest.mark.browser

NECK = "neck and shoulders tight from the desk"
CALVES = "tight calves after my run"
HELPING = "Nan is 81 and her back aches, I rub it for her"


def check(page, name: str) -> None:
    """Screenshot the page and fail on any serious or critical accessibility problem."""
    screenshot(page, name)
    violations = axe_violations(page)
    assert not violations, f"axe-core on {name}:\n{describe(violations)}"


def to_check(page, text: str) -> list[dict]:
    """From the start page to the quick safety check; the questions the intake asked."""
    page.goto("/")
    page.fill("#text", text)
    page.click("#make")
    assert after_start(page) == "check"
    page.wait_for_selector("#questions li")
    return page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan.intake.questions")


def question_with(questions: list[dict], verdict: str) -> dict:
    """The first question asked whose yes means `verdict`."""
    from unknot.safety.questions import default_questions

    known = default_questions()
    for question in questions:
        if known.by_id(question["id"]).verdict == verdict:
            return question
    raise AssertionError(f"no question here has a yes meaning {verdict}")


def item(page, question: dict):
    return page.locator(f"#questions li[data-id='{question['id']}']")


def sessions(server) -> list[dict]:  # noqa: F811
    return server.api("/api/v1/sessions?limit=100")["items"]


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_none_of_these_apply_leads_to_the_plan_and_the_routine_starts(chromium, server, size):  # noqa: F811
    with open_page(chromium, server, PHONE if size == "phone" else LAPTOP) as page:
        questions = to_check(page, NECK)
        assert questions and all(q["answer"] is None for q in questions)
        shown = page.locator("#questions li legend").all_inner_texts()
        assert shown == [q["ask"] for q in questions]  # most decisive first, as the intake asks
        for question in questions:
            for answer in ("Yes", "No"):
                choice = item(page, question).get_by_role("radio", name=answer, exact=True)
                box = choice.locator("xpath=..").bounding_box()
                assert box["height"] >= 44 and box["width"] >= 44, (question["id"], box)
        assert page.get_by_role("radio", name="For me").is_checked()
        assert page.locator("#for-other").is_hidden()
        first = item(page, questions[0])
        assert first.locator(".why p").first.is_hidden()
        first.get_by_text("Why we ask").click()
        assert first.locator(".why p").first.inner_text() == questions[0]["why"]
        check(page, f"check-{size}")
        assert page.locator(".check-actions button").first.inner_text() == "Continue"

        page.click("#none-apply")
        page.wait_for_url("**/plan")
        page.wait_for_selector("#steps li")
        current = page.evaluate("JSON.parse(localStorage.getItem('unknot.current'))")
        intake = current["plan"]["intake"]
        assert intake["complete"] is True
        assert {q["answer"] for q in intake["questions"]} == {False}
        assert current["request"]["answers"]["questions"] == {q["id"]: False for q in questions}
        assert current["request"]["answers"]["subject"] == "self"
        assert page.locator("#start-button").is_visible()
        assert page.locator("#start-locked").is_hidden()
        check(page, f"plan-after-check-{size}")

        begin(page)
        session_id = page.evaluate("window.unknotPlayer.session().id")
        assert page.evaluate(
            "window.unknot.outbox.flush().then(() => window.unknot.outbox.pending())") == 0
        assert page.evaluate("localStorage.getItem('unknot.refused')") is None
        assert page.errors == []
    stored = server.api(f"/api/v1/sessions/{session_id}")
    assert stored["plan"]["intake"]["complete"] is True


@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_a_yes_to_an_emergency_question_shows_only_the_emergency_instruction(
        chromium, server, size):  # noqa: F811
    with open_page(chromium, server, PHONE if size == "phone" else LAPTOP) as page:
        questions = to_check(page, NECK)
        urgent = question_with(questions, "urgent")
        item(page, urgent).get_by_role("radio", name="Yes", exact=True).check()
        assert page.inner_text("#none-apply") == "None of the others apply"
        page.click("#none-apply")
        page.wait_for_url("**/safety")
        page.wait_for_selector("#urgent:not([hidden])")
        text = page.inner_text("body")
        assert text.startswith("Call your local emergency number now.")
        for other in ("Journal", "Library", "Settings", "routine", "massage", "doctor"):
            assert other not in text, f"the urgent page also shows {other!r}"
        visible = page.locator("a:visible:not([href^='tel:']), button:visible, input:visible, nav:visible, "
                               "header:visible, footer:visible, img:visible, svg:visible")
        assert visible.count() == 0
        assert page.locator("a[href='tel:112']").is_visible()  # the numbers call with one tap
        check(page, f"check-urgent-{size}")
        assert page.evaluate("localStorage.getItem('unknot.routines')") is None
        assert page.errors == []


def test_a_routine_never_starts_while_the_check_is_incomplete(chromium, server):  # noqa: F811
    before = len(sessions(server))
    with open_page(chromium, server, PHONE) as page:
        questions = to_check(page, NECK)
        # Continue with a question open: it says what to do, and stays.
        item(page, questions[0]).get_by_role("radio", name="No", exact=True).check()
        page.click("#check-continue")
        page.wait_for_selector("#check-errors:not([hidden])")
        assert "Answer each question" in page.inner_text("#check-errors")
        assert page.evaluate("document.activeElement.name") == f"q:{questions[1]['id']}"
        assert page.url.endswith("/check")

        # The plan page will not start it: back to the check.
        page.goto("/plan")
        page.wait_for_url("**/check")
        page.wait_for_selector("#questions li")
        # Nor the player, even if its form is sent by hand.
        page.goto("/before")
        page.wait_for_selector("#stage-check:not([hidden])")
        assert page.locator("#begin").is_hidden()
        check(page, "before-unchecked-phone")
        page.evaluate("document.querySelector('#before-form').requestSubmit()")
        assert page.locator("#stage-player").is_hidden()
        assert page.evaluate("localStorage.getItem('unknot.session')") is None
        assert page.evaluate("localStorage.getItem('unknot.routines')") is None
        # Nor the server.
        status = page.evaluate("""async () => {
            const c = JSON.parse(localStorage.getItem('unknot.current'));
            const r = await fetch('/api/v1/sessions', {method: 'POST',
                headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({id: crypto.randomUUID(), plan: c.plan, request: c.request,
                                      source: 'web', status: 'in_progress'})});
            return r.status;
        }""")
        assert status == 422
        page.click("#to-check")
        page.wait_for_url("**/check")
        assert page.errors == []
    assert len(sessions(server)) == before


def test_a_yes_that_leaves_something_out_shows_it_and_keeps_the_routine(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        questions = to_check(page, CALVES)
        careful = question_with(questions, "caution")
        for question in questions:
            answer = "Yes" if question is careful else "No"
            item(page, question).get_by_role("radio", name=answer, exact=True).check()
        page.click("#check-continue")
        page.wait_for_url("**/safety")
        page.wait_for_selector("#caution:not([hidden])")
        assert f"You answered yes to: {careful['ask']}" in page.inner_text("#caution")
        check(page, "check-caution-phone")
        page.click("#caution-continue")
        page.wait_for_selector("#steps li")
        plan = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).plan")
        avoid = set(plan["intake"]["avoid"])
        assert avoid
        for step in plan["steps"]:
            assert not avoid & set(step["regions"]), step["technique"]
        assert page.locator("#start-button").is_visible()
        assert page.errors == []


def test_it_asks_for_the_person_being_helped(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        page.emulate_media(color_scheme="dark")
        to_check(page, HELPING)
        helping = page.get_by_role("radio", name="For someone I'm helping")
        assert helping.is_checked()
        assert page.inner_text("#for-other") == "Answer for the person you're helping."
        check(page, "check-helping-dark-phone")
        page.get_by_role("radio", name="For me").check()
        assert page.locator("#for-other").is_hidden()
        helping.check()
        none_apply(page)
        # At 81 the safety page keeps pressure light and says so before the routine.
        page.wait_for_url("**/safety")
        page.wait_for_selector("#caution:not([hidden])")
        assert "From 80 on" in page.inner_text("#caution")
        page.click("#caution-continue")
        page.wait_for_selector("#steps li")
        request = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).request")
        assert request["answers"]["subject"] == "someone_else"
        assert page.errors == []


def test_words_it_cannot_place_ask_for_the_area_not_a_whole_body_routine(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        page.goto("/")
        page.fill("#text", "blah blah")
        page.click("#make")
        page.wait_for_selector("#unclear:not([hidden])")
        assert page.url.endswith("/")
        assert "Which part of your body is it?" in page.inner_text("#unclear")
        assert page.evaluate("localStorage.getItem('unknot.current')") is None
        check(page, "start-unclear-phone")
        page.click("#unclear a")
        page.locator("#bodymap .rg[data-region='lower_back'][role='checkbox']").click()
        page.click("#make")
        assert after_start(page) == "check"
        none_apply(page)
        page.wait_for_selector("#steps li")
        regions = page.evaluate("JSON.parse(localStorage.getItem('unknot.current')).request.regions")
        assert regions == ["lower_back"]
        assert page.errors == []


def test_the_check_works_without_javascript(chromium, server):  # noqa: F811
    context = chromium.new_context(base_url=server.url, java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto("/")
        page.fill("#text", HELPING)
        page.click("#make")
        page.wait_for_selector("#questions li")
        assert page.get_by_role("radio", name="For someone I'm helping").is_checked()
        assert page.inner_text("#for-other") == "Answer for the person you're helping."
        first = page.locator("#questions li").first
        first.get_by_role("radio", name="No", exact=True).check()
        page.click("#check-continue")  # the others are still open: asked again, answer kept
        page.wait_for_selector("#check-errors:not([hidden])")
        assert "Answer each question" in page.inner_text("#check-errors")
        assert page.locator("#questions li").first.get_by_role(
            "radio", name="No", exact=True).is_checked()
        page.click("#none-apply")
        page.wait_for_selector("#steps li")
        assert page.locator("#start-button").is_visible()
        assert page.locator("#start-locked").is_hidden()
    finally:
        context.close()


def test_offline_at_the_check_it_says_so_and_starts_nothing(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        to_check(page, NECK)
        page.context.set_offline(True)
        page.click("#none-apply")
        page.wait_for_selector("#check-errors:not([hidden])")
        assert "offline" in page.inner_text("#check-errors")
        assert page.url.endswith("/check")
        assert not page.locator("#none-apply").is_disabled()
        assert page.evaluate("localStorage.getItem('unknot.routines')") is None
        page.context.set_offline(False)
        page.click("#none-apply")
        page.wait_for_url("**/plan")
        page.wait_for_selector("#steps li")
        assert page.errors == []


def test_going_back_to_the_check_shows_the_answers_given(chromium, server):  # noqa: F811
    with open_page(chromium, server, PHONE) as page:
        questions = to_check(page, NECK)
        none_apply(page)
        page.wait_for_selector("#steps li")
        page.go_back()
        page.wait_for_url("**/check")
        page.wait_for_selector("#questions li")
        for question in questions:
            assert item(page, question).get_by_role("radio", name="No", exact=True).is_checked()
        page.click("#check-continue")
        page.wait_for_url("**/plan")
        assert page.errors == []
