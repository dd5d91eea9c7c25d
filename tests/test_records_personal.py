"""Records in personal mode (one person, no sign-up), on SQLite and PostgreSQL: the
report, PDF, FHIR bundle and exports from the journal; "delete all my data" in
Settings; and the person's own routine reminders as a secret, revocable calendar feed."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import FrozenClock
from support.api import TestClient, make_plan, serve, start_session
from unknot.storage import Store

PAGE = {"accept": "text/html"}


@pytest.fixture
def http(store: Store) -> Iterator[TestClient]:
    with serve(store) as client:
        yield client


def _form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the form has no token"
    return found[1]


def _journal(http: TestClient, clock: FrozenClock) -> list[str]:
    """Two finished sessions: pain 5 → 2, then 4 → 4 stopped with a reason."""
    plan = make_plan(http)
    ids = []
    for before, after, status, reason in ((5, 2, "completed", None),
                                          (4, 4, "stopped", "-it hurts at the jaw")):
        session = start_session(http, plan, before={"pain": before})
        finished = http.post(f"/api/v1/sessions/{session['id']}/finish", json={
            "status": status, "completed_steps": 1, "after": {"pain": after},
            "stop_reason": reason})
        assert finished.status_code == 200, finished.text
        ids.append(session["id"])
        clock.advance(days=1)
    return ids


def test_the_report_pdf_fhir_and_exports_come_from_the_journal(
        http: TestClient, clock: FrozenClock) -> None:
    from pypdf import PdfReader

    from support.fhir import read_both

    ids = _journal(http, clock)
    http.put("/api/v1/preferences", json={"minutes": 7})
    hub = http.get("/records")
    assert hub.status_code == 200 and "2 sessions in your journal" in hub.text
    assert "Delete all my data" in hub.text
    page = http.get("/records/report").text
    assert "Self-massage record: Me" in page and "-it hurts at the jaw" in page
    assert "Before a session" in page  # the safety screen of the sessions' check
    assert "Programme:" not in page
    words = " ".join(PdfReader(io.BytesIO(http.get("/records/report.pdf").content))
                     .pages[0].extract_text().split())
    assert "Pain 2 4.5 3 −1.5" in words, words[:600]
    bundle = read_both(http.get("/records/fhir.json").content)  # R4 (4.0.1) and R4B
    values = [(e.resource.identifier[0].value, e.resource.valueInteger) for e in bundle.entry
              if e.resource.get_resource_type() == "Observation"]
    assert values == [(f"session/{ids[0]}/pain_before", 5), (f"session/{ids[0]}/pain_after", 2),
                      (f"session/{ids[1]}/pain_before", 4), (f"session/{ids[1]}/pain_after", 4)]
    text = http.get("/records/export.csv").content.decode("utf-8")
    assert text.startswith("\ufeff") and "'-it hurts at the jaw" in text
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(http.get("/records/export.zip").content))
    assert "intakes.csv" not in archive.namelist()  # a clinic's; personal mode has none
    assert "minutes,7" in archive.read("preferences.csv").decode("utf-8-sig")
    data = http.get("/records/export.json").json()
    assert [s["id"] for s in data["sessions"]] == ids
    assert data["preferences"]["minutes"] == 7 and data["person"]["name"] == "Me"


def test_delete_all_my_data_needs_the_typed_word_and_takes_everything(
        http: TestClient, clock: FrozenClock, store: Store) -> None:
    _journal(http, clock)
    http.put("/api/v1/preferences", json={"minutes": 7})
    assert "/records" in http.get("/settings").text
    page = http.get("/records/delete")
    assert page.status_code == 200 and "2 sessions" in page.text
    token = _form_token(page.text)
    assert http.post("/records/delete", data={"confirm": "delete"}).status_code == 403
    wrong = http.post("/records/delete", data={"csrf_token": token, "confirm": "yes"})
    assert wrong.status_code == 422 and "type the word" in wrong.text
    assert http.get("/api/v1/journal").json()["sessions"] == 2
    done = http.post("/records/delete", data={"csrf_token": token, "confirm": "Delete"})
    assert done.status_code == 200 and "Your data is deleted" in done.text
    assert http.get("/api/v1/journal").json()["sessions"] == 0
    assert http.get("/api/v1/preferences").json()["minutes"] != 7
    assert store.list_sessions() == []
    # And the app goes on: a new session starts a new journal.
    start_session(http)
    assert http.get("/api/v1/journal").json()["sessions"] == 1


def _feed_path(html: str) -> str:
    found = re.search(r'value="http://[^"/]+(/reminders/[^"]+\.ics)"', html)
    assert found, "no calendar address on the page"
    return found[1]


def test_reminders_are_a_secret_revocable_calendar_feed(http: TestClient) -> None:
    from icalendar import Calendar

    page = http.get("/settings/reminders")
    assert page.status_code == 200
    token = _form_token(page.text)
    form: dict[str, Any] = {"csrf_token": token, "days": ["mon", "wed", "fri"],
                            "times": "07:30, 21:00", "minutes": "8",
                            "timezone": "Europe/Paris"}
    assert http.post("/settings/reminders", data={**form, "csrf_token": ""}).status_code == 403
    bad = http.post("/settings/reminders", data={**form, "times": "7.30"})
    assert bad.status_code == 422 and "write it as 08:00" in bad.text
    zone = http.post("/settings/reminders", data={**form, "timezone": "Mars/Olympus"})
    assert zone.status_code == 422 and "is not a time zone" in zone.text
    saved = http.post("/settings/reminders", data=form)
    assert saved.status_code == 200 and "Make my calendar address" in saved.text
    made = http.post("/settings/reminders/feed", data={"csrf_token": token})
    path = _feed_path(made.text)
    with TestClient(http.app) as calendar_app:  # a calendar app: no cookie of ours
        answer = calendar_app.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    events = list(Calendar.from_ical(answer.content).walk("VEVENT"))
    assert sorted(e.decoded("dtstart").strftime("%H:%M") for e in events) == ["07:30", "21:00"]
    for event in events:
        assert str(event.decoded("dtstart").tzinfo) == "Europe/Paris"
        assert event["rrule"]["BYDAY"] == ["MO", "WE", "FR"]
        assert event.decoded("duration").total_seconds() == 8 * 60
        assert [a["action"] for a in event.walk("VALARM")] == ["DISPLAY"]
    # New times reach the same address; a new address ends the old one; off ends it all.
    http.post("/settings/reminders", data={**form, "times": "09:15"})
    events = list(Calendar.from_ical(http.get(path).content).walk("VEVENT"))
    assert [e.decoded("dtstart").strftime("%H:%M") for e in events] == ["09:15"]
    renewed = _feed_path(http.post("/settings/reminders/feed", data={"csrf_token": token}).text)
    assert http.get(path).status_code == 404 and http.get(renewed).status_code == 200
    http.post("/settings/reminders/off", data={"csrf_token": token})
    assert http.get(renewed).status_code == 404
    assert http.get("/reminders/not-a-token.ics").status_code == 404


def test_the_feed_opens_without_the_access_token_and_nothing_else_does(store: Store) -> None:
    # Served beyond this computer, unknot wants its access token; a phone's calendar app
    # cannot show it, so the feed's own secret address is the key there.
    from unknot.settings import Settings

    token = "a-long-enough-access-token"
    settings = Settings(database_url=store.engine.url.render_as_string(hide_password=False),
                        access_token=token)
    with serve(store, settings) as http:
        assert http.get("/settings/reminders").status_code == 401
        http.cookies.set("unknot_token", token)
        form_token = _form_token(http.get("/settings/reminders").text)
        http.post("/settings/reminders", data={"csrf_token": form_token, "days": ["mon"],
                                               "times": "08:00", "minutes": "5",
                                               "timezone": "UTC"})
        path = _feed_path(http.post("/settings/reminders/feed",
                                    data={"csrf_token": form_token}).text)
        http.cookies.clear()
        assert http.get(path).status_code == 200
        assert http.get("/records/export.json").status_code == 401
        assert http.get("/reminders/guessed.ics").status_code == 404


def test_the_feed_address_needs_reminder_times_first(http: TestClient) -> None:
    token = _form_token(http.get("/settings/reminders").text)
    answer = http.post("/settings/reminders/feed", data={"csrf_token": token})
    assert answer.status_code == 422 and "choose the days and times first" in answer.text


def test_a_deletion_the_database_refuses_keeps_everything(
        http: TestClient, clock: FrozenClock, store: Store) -> None:
    from test_clinic_records import _refuse_deleting_people

    _journal(http, clock)
    _refuse_deleting_people(store)
    token = _form_token(http.get("/records/delete").text)
    answer = http.post("/records/delete", data={"csrf_token": token, "confirm": "delete"})
    assert answer.status_code == 409 and "Nothing was deleted" in answer.text
    assert http.get("/api/v1/journal").json()["sessions"] == 2
