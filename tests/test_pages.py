"""The server-rendered pages: they render, their links and forms work, and the urgent
page shows nothing but the emergency message (with or without JavaScript)."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest
from httpx import Response

from unknot.settings import Settings
from unknot.vocabulary import REGIONS
from unknot.web.app import create_app

with warnings.catch_warnings():
    # Starlette warns at import that its test client will move to httpx2; nothing to act on here.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PAGES = ["/", "/check", "/safety", "/plan", "/before", "/session", "/after", "/journal",
         "/library", "/library/cat-camel", "/settings"]
URGENT = "worst headache of my life, came on suddenly"
PLAYER_BUDGET = 100_000


class Links(HTMLParser):
    """Every href and src of a page, and the tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("tel:"):
            # A phone number to call: the emergency page's one kind of link.
            self.tags.append("tel")
            self.urls.append(href)
            return
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def visible_text(html: str) -> str:
    """The text of the page's elements that are not hidden, roughly as a reader sees it."""
    html = re.sub(r"<(section|div|p)[^>]*\shidden[^>]*>.*?</\1>", "", html, flags=re.S)
    html = re.sub(r"<(head|script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def hidden_fields(html: str) -> dict[str, list[str]]:
    """The hidden inputs of a page's forms, by name (what the check form carries along)."""
    out: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        out.setdefault(name, []).append(unescape(value))
    return out


def is_check(html: str) -> bool:
    return '<h1 id="check-title">Quick safety check</h1>' in html


def send_check(client: TestClient, html: str, answers: dict[str, str] | None = None,
               none: bool = False, **extra: str) -> Response:
    """Send the check page's form back, as a browser without scripts does."""
    data: dict[str, Any] = {**hidden_fields(html), **extra}
    data.update({f"q:{qid}": answer for qid, answer in (answers or {}).items()})
    if none:
        data["none"] = "1"
    return client.post("/start", data=data)


def start(client: TestClient, data: dict[str, Any]) -> Response:
    """The start form sent, then the check answered "None of these apply" if it is asked."""
    response = client.post("/start", data=data)
    if is_check(response.text):
        response = send_check(client, response.text, none=True)
    assert not is_check(response.text)
    return response


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=database_url))) as test_client:
        yield test_client


@pytest.mark.parametrize("path", PAGES)
def test_it_renders_each_page_with_landmarks(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="en">' in html and "<main" in html and "<title>" in html
    assert 'name="viewport"' in html and 'rel="manifest"' in html


def test_it_links_only_to_things_that_exist(client: TestClient) -> None:
    seen: set[str] = set()
    for page in ("/", "/library", "/library/cat-camel", "/journal", "/settings", "/plan"):
        for url in parse(client.get(page).text).urls:
            assert not url.startswith(("http:", "https:", "//")), f"{page} loads {url} from elsewhere"
            if url.startswith("#") or url in seen:
                continue
            seen.add(url)
            assert client.get(url).status_code == 200, f"{page} links to {url}, which is missing"


def test_it_draws_every_region_on_the_start_page_body_map(client: TestClient) -> None:
    html = client.get("/").text
    boxes = re.findall(r'data-region="([a-z_]+)"\s+role="checkbox" tabindex="(-1|0)"', html)
    assert sorted(region for region, _ in boxes) == sorted(REGIONS)
    # One tab stop for the whole map; the arrow keys move inside it.
    assert [region for region, tabindex in boxes if tabindex == "0"] == ["scalp"]
    for region in REGIONS:
        assert f'name="regions" value="{region}"' in html


def test_it_shows_only_the_emergency_message_when_urgent(client: TestClient) -> None:
    response = client.post("/start", data={"text": URGENT, "minutes": "10"})
    assert response.status_code == 200
    html = response.text
    links = parse(html)
    assert not {"nav", "header", "footer", "form", "a", "button", "input", "svg"} & set(links.tags)
    assert {"tel:112", "tel:911", "tel:999", "tel:000"} <= set(links.urls)  # one tap to call
    text = visible_text(html)
    assert text.startswith("Call your local emergency number now.")
    assert "bleeding in the brain" in text
    assert "doctor" not in text.lower() and "routine" not in text.lower()


def test_it_explains_why_there_is_no_routine_when_a_doctor_should_look(client: TestClient) -> None:
    html = start(client, {"text": "my calf is swollen and hot"}).text
    text = visible_text(html)
    assert "Please see a doctor before massaging this" in text
    assert "You said:" in text and "Based on:" in text
    assert "Call your local emergency number now." not in text
    assert 'class="step"' not in html


def test_it_plans_on_the_server_when_scripts_are_off(client: TestClient) -> None:
    response = start(client, {"text": "I take warfarin, shoulders knotted",
                              "minutes": "5", "setting": "desk", "tools": "tennis_ball"})
    assert response.status_code == 200
    html = response.text
    assert "Left out, to keep you safe" in visible_text(html)
    assert html.count('class="step"') >= 3
    assert 'id="server-plan"' in html


def test_each_server_planned_step_shows_its_stop_if_line(client: TestClient) -> None:
    from unknot.library.loader import default_library

    html = start(client, {"text": "neck and shoulders tight", "minutes": "8"}).text
    steps = re.findall(r'<li class="step" data-index="\d+">(.*?)</li>', html, flags=re.S)
    assert len(steps) >= 3
    library = default_library()
    for step in steps:
        name = re.search(r'<h3 class="step-name">([^<]+)', step).group(1).strip()
        technique = next(t for t in library.techniques if t.name == name)
        assert f'<p class="stop-if">{technique.stop_if}</p>' in step.replace("&#39;", "'")


def test_the_player_has_a_place_for_the_stop_if_line(client: TestClient) -> None:
    assert 'id="step-stop"' in client.get("/session").text


def test_a_technique_page_says_in_plain_words_what_it_is_not_for(client: TestClient) -> None:
    text = visible_text(client.get("/library/knees-to-chest").text)
    assert "Leave it out with:" in text
    assert "Pregnancy" in text and "A hernia" in text and "Thin or fragile bones" in text
    assert "Stop if pain runs down a leg" in text
    calm = visible_text(client.get("/library/paced-breathing").text)
    assert "Leave it out with:" not in calm and "Stop if you feel light-headed" in calm


@pytest.mark.parametrize(("data", "says"), [
    ({"text": "", "minutes": "10"}, "give at least one of text, regions or goals"),
    ({"text": "stiff neck", "minutes": "99"}, "Minutes"),
    ({"text": "stiff neck", "setting": "boat"}, "Where you are"),
    ({"text": "stiff neck", "age": "300"}, "About your health (age)"),
    ({"text": "stiff neck", "q:neck.fever_light": "maybe"},
     "Quick safety check (neck.fever_light)"),
    ({"text": "stiff neck", "subject": "the cat"}, "Quick safety check:"),
])
def test_it_answers_a_bad_form_with_what_to_fix(client: TestClient, data: dict[str, str],
                                                says: str) -> None:
    response = client.post("/start", data=data)
    assert response.status_code == 422
    assert 'role="alert"' in response.text and says in response.text


def test_it_filters_the_library_by_words_and_region(client: TestClient) -> None:
    everything = client.get("/library").text.count('class="card"')
    calves = client.get("/library", params={"region": "calves"}).text
    assert 0 < calves.count('class="card"') < everything
    found = client.get("/library", params={"q": "cat camel"}).text
    assert 'href="/library/cat-camel"' in found
    assert client.get("/library", params={"region": "elbow"}).status_code == 200


def test_it_shows_a_page_for_an_unknown_technique(client: TestClient) -> None:
    response = client.get("/library/no-such-thing")
    assert response.status_code == 404
    assert "no technique called" in response.text


def test_it_serves_a_manifest_with_icons_that_exist(client: TestClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_it_serves_the_service_worker_from_the_root_with_the_shell_to_keep(client: TestClient) -> None:
    response = client.get("/sw.js")
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "no-cache"
    body = response.text
    for page in ("/", "/plan", "/session", "/after", "/journal", "/library", "/settings"):
        assert f'"{page}"' in body
    assert "/api/v1/techniques" in body
    for url in re.findall(r'"(/static/[^"]+)"', body):
        assert client.get(url).status_code == 200


def test_it_versions_static_files_so_they_can_be_kept_for_a_year(client: TestClient) -> None:
    html = client.get("/session").text
    css = re.search(r'href="(/static/app\.css\?v=[0-9a-f]+)"', html)
    assert css is not None
    assert "immutable" in client.get(css.group(1)).headers["cache-control"]


def test_the_player_page_stays_under_its_weight_budget(client: TestClient) -> None:
    html = client.get("/session").text
    total = len(html.encode())
    for url in parse(html).urls:
        if url.endswith(".css") or ".css?" in url or ".js?" in url:
            total += len(client.get(url).content)
    assert total < PLAYER_BUDGET, f"the player page loads {total} bytes of HTML, CSS and JS"


def test_every_word_of_the_vocabulary_has_a_label_and_a_place_on_the_body_map() -> None:
    from unknot.vocabulary import GOALS, KINDS, PRESSURES, SETTINGS, TOOLS
    from unknot.web.pages.bodymap import focus_views
    from unknot.web.pages.templating import LABELS

    for kind, words in (("regions", REGIONS), ("tools", TOOLS), ("settings", SETTINGS),
                        ("pressures", PRESSURES), ("goals", GOALS), ("kinds", KINDS)):
        assert set(LABELS[kind]) == set(words), kind
    assert set(focus_views()) == set(REGIONS)



def test_it_answers_an_unknown_page_with_a_page_but_keeps_json_for_the_api(
        client: TestClient) -> None:
    page = client.get("/no-such-page", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "There is no page at this address" in page.text
    assert page.headers["content-type"].startswith("text/html")
    api = client.get("/api/v1/no-such-thing", headers={"accept": "text/html"})
    assert api.status_code == 404
    assert api.json() == {"detail": "Not Found"}


# -- the quick safety check (issue 6 §1) ---------------------------------------------

NECK = {"text": "neck and shoulders tight from the desk", "minutes": "5", "setting": "desk",
        "tools": "tennis_ball", "age": "40", "conditions": "asthma, eczema"}


def server_plan(html: str) -> dict[str, Any]:
    """The plan and request a server-rendered plan page hands to plan.js."""
    found = re.search(r'<script type="application/json" id="server-plan">(.*?)</script>', html,
                      re.S)
    assert found, "no server-rendered plan on this page"
    return json.loads(unescape(found.group(1)))


def asked_with(html: str, verdict: str) -> str:
    """The first question on the check page whose yes means `verdict`."""
    from unknot.safety.questions import default_questions

    questions = default_questions()
    for question_id in hidden_fields(html)["asked"]:
        question = questions.by_id(question_id)
        assert question is not None
        if question.verdict == verdict:
            return question_id
    raise AssertionError(f"no question asked here has a yes meaning {verdict}")


def test_it_asks_the_quick_safety_check_before_the_plan_when_scripts_are_off(
        client: TestClient) -> None:
    from unknot.intake.screen import screen
    from unknot.safety.answers import Answers

    response = client.post("/start", data=NECK)
    assert response.status_code == 200
    html = response.text
    assert is_check(html) and 'class="step"' not in html
    questions = screen(NECK["text"], Answers(age=40, conditions=["asthma", "eczema"])).questions
    assert questions
    for number, question in enumerate(questions):
        item = re.findall(r'<li class="question" data-id="([^"]+)">(.*?)</li>', html, re.S)[number]
        assert item[0] == question.id  # in the intake's order, most decisive first
        body = unescape(item[1])
        assert f"<legend>{question.ask}</legend>" in body  # each question is its own fieldset
        for value, text in (("yes", "Yes"), ("no", "No")):
            assert (f'<input type="radio" name="q:{question.id}" value="{value}"><span>{text}'
                    in body)
        assert "<summary>Why we ask</summary>" in body and question.why in body
        assert f"Based on: {question.source}" in body
    assert "<legend>Is this for you, or someone you're helping?</legend>" in html
    assert 'name="subject" value="self" checked' in html
    assert re.search(r'<p class="for-other" id="for-other" hidden>', html)
    assert 'name="none" value="1" id="none-apply"' in html and "None of these apply" in html
    # The start form's choices travel with the check, so nothing is asked twice.
    carried = hidden_fields(html)
    assert carried["text"] == [NECK["text"]] and carried["minutes"] == ["5"]
    assert carried["setting"] == ["desk"] and carried["tools"] == ["tennis_ball"]
    assert carried["age"] == ["40"] and carried["conditions"] == ["asthma, eczema"]


def test_none_of_these_apply_answers_every_open_question_no_and_leads_to_the_plan(
        client: TestClient) -> None:
    check = client.post("/start", data=NECK).text
    response = send_check(client, check, none=True)
    assert response.status_code == 200
    html = response.text
    assert not is_check(html)
    assert html.count('class="step"') >= 3
    assert re.search(r'<a class="button primary big" href="/before" id="start-button">', html)
    assert re.search(r'id="start-locked" disabled[^>]* hidden>', html)
    plan = server_plan(html)
    intake = plan["plan"]["intake"]
    assert intake["complete"] is True
    assert {q["answer"] for q in intake["questions"]} == {False}
    assert plan["request"]["answers"]["questions"] == {q["id"]: False for q in intake["questions"]}
    assert plan["request"]["answers"]["age"] == 40  # the carried answers came back


def test_a_yes_then_none_of_the_rest_keeps_the_yes(client: TestClient) -> None:
    check = client.post("/start", data=NECK).text
    html = send_check(client, check, {asked_with(check, "see_doctor"): "yes"}, none=True).text
    text = visible_text(html)
    assert "Please see a doctor before massaging this" in text
    assert "You answered yes to:" in text and 'class="step"' not in html


def test_the_check_is_shown_again_until_every_question_has_an_answer(client: TestClient) -> None:
    check = client.post("/start", data=NECK).text
    first = hidden_fields(check)["asked"][0]
    response = send_check(client, check, {first: "no"})
    assert response.status_code == 200
    html = response.text
    assert is_check(html) and 'class="step"' not in html
    assert "Answer each question with yes or no" in visible_text(html)
    assert f'name="q:{first}" value="no" checked' in html  # what was answered is kept
    second = hidden_fields(html)["asked"][1]
    assert f'name="q:{second}" value="no" checked' not in html


def test_a_yes_to_an_emergency_question_shows_only_the_emergency_message(
        client: TestClient) -> None:
    check = client.post("/start", data=NECK).text
    html = send_check(client, check, {asked_with(check, "urgent"): "yes"}, none=True).text
    assert not {"nav", "header", "footer", "form", "a", "button", "input"} & set(parse(html).tags)
    text = visible_text(html)
    assert text.startswith("Call your local emergency number now.")
    assert "doctor" not in text.lower() and "routine" not in text.lower()


def test_an_emergency_in_the_words_skips_the_check(client: TestClient) -> None:
    html = client.post("/start", data={"text": URGENT}).text
    assert not is_check(html)
    assert visible_text(html).startswith("Call your local emergency number now.")


def test_the_check_asks_for_the_person_being_helped_when_the_text_says_so(
        client: TestClient) -> None:
    html = client.post("/start", data={"text": "Nan is 81 and her back aches, I rub it for "
                                               "her"}).text
    assert is_check(html)
    assert 'name="subject" value="someone_else" checked' in html
    assert "Answer for the person you're helping." in unescape(visible_text(html))
    plan = server_plan(start(client, {"text": "Nan is 81 and her back aches, I rub it for "
                                              "her"}).text)
    assert plan["plan"]["intake"]["subject"] == "someone_else"


def test_whose_body_it_is_goes_with_the_answers(client: TestClient) -> None:
    check = client.post("/start", data=NECK).text
    html = send_check(client, check, none=True, subject="someone_else").text
    data = server_plan(html)
    assert data["request"]["answers"]["subject"] == "someone_else"
    assert data["plan"]["intake"]["subject"] == "someone_else"


def test_an_unknown_question_id_is_refused_by_name(client: TestClient) -> None:
    check = client.post("/start", data=NECK).text
    response = send_check(client, check, {"neck.no_such_question": "no"}, none=True)
    assert response.status_code == 422
    assert "neck.no_such_question" in response.text and 'role="alert"' in response.text


def test_words_it_cannot_place_ask_for_the_area_and_never_make_a_routine(
        client: TestClient) -> None:
    response = client.post("/start", data={"text": "blah blah", "minutes": "10"})
    assert response.status_code == 200
    html = response.text
    assert not is_check(html) and 'class="step"' not in html
    text = visible_text(html)
    assert "Which part of your body is it?" in text
    assert 'href="#map-field"' in html and 'id="map-field"' in html
    assert "blah blah" in html  # what they wrote is kept to change


def test_the_plan_page_start_is_locked_until_the_check_is_done(client: TestClient) -> None:
    html = client.get("/plan").text
    # Before plan.js has seen a plan with its check done, only the locked start shows.
    assert re.search(r'<a class="button primary big" href="/before" id="start-button" hidden>',
                     html)
    locked = re.search(r'<button [^>]*id="start-locked"[^>]*>', html).group(0)
    assert "disabled" in locked and "hidden" not in locked
    assert '<p class="hint" id="start-why">' in html and 'href="/check"' in html


def test_the_player_has_a_screen_that_sends_an_unchecked_plan_to_the_check(
        client: TestClient) -> None:
    html = client.get("/before").text
    assert 'id="stage-check"' in html and 'href="/check"' in html


def test_the_check_page_is_drawn_from_storage_with_scripts(client: TestClient) -> None:
    html = client.get("/check").text
    assert re.search(r'<form id="check-form"[^>]* hidden', html)
    assert "check.js" in html
    assert '"/check"' in client.get("/sw.js").text  # kept for offline use


def test_the_start_form_keeps_any_minutes_from_1_to_60_as_a_choice(client: TestClient) -> None:
    html = client.post("/start", data={"text": "", "minutes": "7"}).text  # nothing to work on
    assert 'name="minutes" value="7" checked' in html
    values = re.findall(r'name="minutes" value="(\d+)"', html)
    assert values == ["3", "5", "7", "10", "15", "20", "30"]


def test_counts_read_right_in_the_singular_and_the_plural() -> None:
    from unknot.web.pages.templating import templates

    count = templates.env.globals["count"]

    assert count(1, "step") == "1 step" and count(2, "step") == "2 steps"
    assert count(0, "minute") == "0 minutes" and count(1, "minute") == "1 minute"
    assert count(1, "person", "people") == "1 person" and count(3, "person", "people") == "3 people"


def test_the_plan_page_shows_the_ok_line_above_the_steps_and_start_after_them(
        client: TestClient) -> None:
    check = client.post("/start", data={"text": "neck and shoulders tight from the desk",
                                         "minutes": "5", "setting": "desk"}).text
    html = send_check(client, check, none=True).text
    intake = server_plan(html)["plan"]["intake"]
    assert intake["verdict"] == "ok"
    line = re.search(r'<p class="safe-line" id="plan-ok">([^<]+)</p>', html)
    assert line and unescape(line[1]) == intake["message"]
    assert html.index('id="plan-ok"') < html.index('id="steps"')
    assert html.index('id="steps"') < html.index('class="start-bar"') < html.index('id="start-button"')


def test_each_server_planned_step_shows_its_figure_on_its_own_side(client: TestClient) -> None:
    """A step on the left and the same step on the right: each figure says its side, and
    one of the pair is the other turned over (the library's technique page stays unsided)."""
    html = start(client, {"text": "neck and shoulders tight from the desk", "minutes": "5"}).text
    steps = re.findall(r'<li class="step" data-index="\d+">(.*?)</li>', html, flags=re.S)
    figures: dict[tuple[str, str], str] = {}
    for step in steps:
        box = re.search(r'<div class="step-fig" data-technique="([^"]+)" data-position="[^"]*" '
                        r'data-side="([^"]*)">(<svg .*?</svg>)</div>', step, flags=re.S)
        assert box, step[:200]
        technique, side, svg = box.groups()
        label = unescape(re.search(r'aria-label="([^"]+)"', svg).group(1))
        if side:
            assert f'data-side="{side}"' in svg and side in label.lower(), label
            figures[technique, side] = svg
        else:
            assert "data-side" not in svg
    pairs = {t for t, _ in figures if (t, "left") in figures and (t, "right") in figures}
    assert pairs, "no step was done on both sides"
    for technique in pairs:
        turned = ['transform="matrix(-1 0 0 1 ' in figures[technique, s] for s in ("left", "right")]
        assert sorted(turned) == [False, True], technique
        page = client.get(f"/library/{technique}").text
        assert "data-side" not in page and 'transform="matrix(-1 0 0 1 ' not in page


def test_without_scripts_library_figures_come_in_the_pages_colour_scheme(client: TestClient) -> None:
    html = client.get("/library").text
    cards = html.count('class="card"')
    dark = re.findall(r'<picture><source media="\(prefers-color-scheme: dark\)" srcset="([^"]+)">'
                      r'<img class="fig fig-small" src="([^"]+)"', html)
    assert len(dark) == cards > 100
    for dark_url, light_url in dark[:3]:
        assert unescape(dark_url) == unescape(light_url) + "&scheme=dark"
        answer = client.get(unescape(dark_url))
        assert answer.status_code == 200 and 'fill="#2b3644"' in answer.text
