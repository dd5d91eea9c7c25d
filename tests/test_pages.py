"""The server-rendered pages: they render, their links and forms work, and the urgent
page shows nothing but the emergency message (with or without JavaScript)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

from unknot.settings import Settings
from unknot.vocabulary import REGIONS
from unknot.web.app import create_app

with warnings.catch_warnings():
    # Starlette warns at import that its test client will move to httpx2; nothing to act on here.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PAGES = ["/", "/safety", "/plan", "/before", "/session", "/after", "/journal", "/library",
         "/library/cat-camel", "/settings"]
URGENT = "worst headache of my life, came on suddenly"
PLAYER_BUDGET = 100_000


class Links(HTMLParser):
    """Every href and src of a page, and the tags it uses."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
    focusable = re.findall(r'data-region="([a-z_]+)"\s+role="checkbox" tabindex="0"', html)
    assert sorted(focusable) == sorted(REGIONS)
    for region in REGIONS:
        assert f'name="regions" value="{region}"' in html


def test_it_shows_only_the_emergency_message_when_urgent(client: TestClient) -> None:
    response = client.post("/start", data={"text": URGENT, "minutes": "10"})
    assert response.status_code == 200
    html = response.text
    links = parse(html)
    assert not {"nav", "header", "footer", "form", "a", "button", "input", "svg"} & set(links.tags)
    text = visible_text(html)
    assert text.startswith("Call your local emergency number now.")
    assert "bleeding in the brain" in text
    assert "doctor" not in text.lower() and "routine" not in text.lower()


def test_it_explains_why_there_is_no_routine_when_a_doctor_should_look(client: TestClient) -> None:
    html = client.post("/start", data={"text": "my calf is swollen and hot"}).text
    text = visible_text(html)
    assert "Please see a doctor before massaging this" in text
    assert "You said:" in text and "Based on:" in text
    assert "Call your local emergency number now." not in text
    assert 'class="step"' not in html


def test_it_plans_on_the_server_when_scripts_are_off(client: TestClient) -> None:
    response = client.post("/start", data={"text": "I take warfarin, shoulders knotted",
                                           "minutes": "5", "setting": "desk", "tools": "tennis_ball"})
    assert response.status_code == 200
    html = response.text
    assert "Left out, to keep you safe" in visible_text(html)
    assert html.count('class="step"') >= 3
    assert 'id="server-plan"' in html


def test_each_server_planned_step_shows_its_stop_if_line(client: TestClient) -> None:
    from unknot.library.loader import default_library

    html = client.post("/start", data={"text": "neck and shoulders tight", "minutes": "8"}).text
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
    ({"text": "stiff neck", "age": "300"}, "Safety questions"),
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
