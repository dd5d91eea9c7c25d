"""The journal page's document: its first view drawn on the server from exactly the
answers of the API (embedded for the script), holding up nothing it does not need, and
worded as journal.js words it (tests/test_browser_journal.py compares the two in
Chromium)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from html import unescape
from zoneinfo import ZoneInfo

import pytest

from conftest import FrozenClock
from support.api import TestClient, make_plan, serve, start_session
from unknot.storage import Store
from unknot.web.pages.journal_view import change, day_format, fixed, half_up, rating_line, said
from unknot.web.pages.templating import STATIC_DIR


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def embedded(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="journal-data">(.*?)</script>', html,
                      re.S)
    assert found, "the page embeds no journal data"
    return json.loads(found.group(1))


def section(html: str, ident: str) -> str:
    """The opening tag of the element with this id."""
    found = re.search(rf'<[a-z]+ [^>]*id="{ident}"[^>]*>', html)
    assert found, ident
    return found.group(0)


def finished(client: TestClient, plan: dict, before: dict, after: dict, **fields: object) -> dict:
    session = start_session(client, plan, before=before, **fields)
    client.post(f"/api/v1/sessions/{session['id']}/finish", json={
        "status": "completed", "after": after, "completed_steps": session["total_steps"]})
    return session


def test_it_embeds_exactly_what_the_api_answers_and_draws_the_first_page(
        client: TestClient, clock: FrozenClock) -> None:
    plan = make_plan(client)
    for n in range(23):
        moment = clock.advance(hours=20)
        finished(client, plan, {"pain": 3 + n % 5}, {"pain": 2}, created_at=moment.isoformat())
    answer = client.get("/journal")
    assert answer.status_code == 200
    html = answer.text
    data = embedded(html)
    assert data["journal"] == client.get("/api/v1/journal?series=60").json()
    assert data["sessions"] == client.get("/api/v1/sessions?limit=20").json()
    # The first page only, newest first, each as the script draws it; "show older" for the rest.
    listed = re.findall(r'<li data-id="([^"]+)">', html)
    assert listed == [s["id"] for s in data["sessions"]["items"]] and len(listed) == 20
    assert "hidden" not in section(html, "older")
    assert " hidden" in section(html, "journal-empty")
    assert (" hidden" in section(html, "advice")) == (not data["journal"]["advice"])
    for shown in ("chart-section", "helps-section", "sessions-section"):
        assert " hidden" not in section(html, shown), shown
    assert "Pain before and after your last 23 sessions, 0 to 10." in html
    assert "Loading" not in html
    # Health data now: kept by no HTTP cache.
    assert answer.headers["cache-control"] == "no-store"


def test_an_empty_journal_says_so_in_the_document(client: TestClient) -> None:
    html = client.get("/journal").text
    assert " hidden" not in section(html, "journal-empty")
    for hidden in ("advice", "chart-section", "helps-section", "sessions-section", "older"):
        assert " hidden" in section(html, hidden), hidden
    assert embedded(html)["sessions"]["items"] == []


def test_text_a_person_typed_cannot_break_out_of_the_page(client: TestClient) -> None:
    plan = make_plan(client)
    note = "</script><script>alert(1)</script> & <!-- 'quoted' \u2028 -->"
    session = start_session(client, plan, before={"pain": 5},
                            request={"text": "neck </script> & <b>stiff</b>"})
    client.post(f"/api/v1/sessions/{session['id']}/finish", json={
        "status": "completed", "after": {"pain": 3}, "completed_steps": session["total_steps"],
        "note": note})
    html = client.get("/journal").text
    assert "<script>alert" not in html and "<b>stiff" not in html
    data = embedded(html)
    assert data["sessions"]["items"][0]["note"] == note
    assert data["sessions"]["items"][0]["request"]["text"] == "neck </script> & <b>stiff</b>"
    assert "Note: " + note in unescape(html)


def test_advice_to_see_a_doctor_is_in_the_document(client: TestClient) -> None:
    finished(client, make_plan(client), {"pain": 9}, {"pain": 8})
    html = client.get("/journal").text
    assert " hidden" not in section(html, "advice")
    advice = embedded(html)["journal"]["advice"][0]
    assert f"<li><p>{advice['message']}</p>" in unescape(html)


def test_the_document_waits_for_nothing_it_does_not_draw(client: TestClient) -> None:
    answer = client.get("/journal")
    head = answer.text.split("</head>")[0]
    # No stylesheet to fetch: app.css is in the document (no figures of moves are drawn),
    # and the page's policy allows that exact text inline, nothing else.
    assert 'rel="stylesheet"' not in head
    style = re.search(r"<style>(.*?)</style>", head, re.S)
    assert style and style.group(1) == (STATIC_DIR / "app.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    policy = dict(part.strip().split(" ", 1) for part in
                  answer.headers["content-security-policy"].split(";"))
    assert policy["style-src"] == f"'self' 'sha256-{digest}'"
    assert policy["script-src"] == "'self'"
    # No API answer asked for before it paints, and its scripts wait for the document.
    assert "/api/" not in head and 'rel="preload"' not in head
    for tag in re.findall(r"<script\b[^>]*src=[^>]*>", head):
        assert " defer" in tag, tag
    # Every other page links its stylesheets, kept for a year, under the usual policy.
    other = client.get("/library/cat-camel")
    assert "/static/app.css?v=" in other.text and "/static/figures.css?v=" in other.text
    assert "<style>" not in other.text
    assert "style-src 'self';" in other.headers["content-security-policy"]


# -- the words, as journal.js has them ------------------------------------------------

def test_numbers_round_as_javascript_rounds_them() -> None:
    # toFixed(1) rounds the exact binary value, halves up: 0.25 is exact, 0.15 just under.
    assert [fixed(v) for v in (0.25, 0.15, 2.75, 1.05, 0.0, 3.0)] == \
        ["0.3", "0.1", "2.8", "1.1", "0.0", "3.0"]
    assert [change(v) for v in (-2.75, 0.5, 0.0, -0.0, None)] == ["−2.8", "+0.5", "±0.0", "±0.0", "–"]
    assert [half_up(v) for v in (2.5, 0.49, 1.5, 0.0)] == [3, 0, 2, 0]


def test_ratings_and_requests_read_as_the_list_shows_them() -> None:
    assert rating_line({"before": {"pain": 6, "tension": 4, "stress": None},
                        "after": {"pain": 3, "tension": None, "stress": 2}}) == \
        "Pain 6 → 3 · Tension 4 before · Stress 2 after"
    assert rating_line({"before": None, "after": None}) == "Not rated"
    assert said({"text": "stiff neck"}) == "“stiff neck”"
    assert said({"regions": ["glutes", "upper_back", "calves"]}) == "buttocks, upper back, calves"
    assert said({}) == "" and said(None) == ""


def test_dates_are_written_in_the_zone_and_order_the_browser_most_likely_uses() -> None:
    late = "2026-11-02T03:30:00Z"  # still the 1st in New York
    new_york = ZoneInfo("America/New_York")
    assert day_format("en-US,en;q=0.9", new_york)(late) == "Nov 1, 2026"
    assert day_format("", new_york)(late) == "Nov 1, 2026"
    assert day_format("en-GB,en;q=0.8", ZoneInfo("UTC"))(late) == "2 Nov 2026"
    assert day_format("de-DE", ZoneInfo("Asia/Tokyo"))("2026-07-31T20:00:00Z") == "1 Aug 2026"
    assert day_format("en-US", new_york)("not a date") == "not a date"
