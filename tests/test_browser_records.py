"""Records in real Chromium against a real `unknot serve` (personal mode): the report for
a doctor on a phone and a laptop and on paper (print media: no navigation, A4 and
Letter), reminders set in Settings with a calendar address whose feed parses, and
"delete all my data"."""

from __future__ import annotations

import io
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    Server,
    axe_violations,
    chromium,
    describe,
    open_page,
    screenshot,
    serve,
)

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots/records")
NECK = {"text": "neck and shoulders stiff from the desk", "minutes": 5}


@pytest.fixture(scope="module")
def records_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(tmp_path_factory.mktemp("records")) as server:
        yield server


def shoot(page: Any, name: str) -> None:
    path = screenshot(page, f"records-{name}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def no_serious_axe_violations(page: Any) -> None:
    found = axe_violations(page)
    assert not found, describe(found)


def _journal(server: Server) -> None:
    """Three sessions through the API, as the player stores them."""
    import uuid

    plan = server.api("/api/v1/plans", "POST", NECK)
    questions = {q["id"]: False for q in plan["intake"]["questions"]}
    plan = server.api("/api/v1/plans", "POST", {**NECK, "answers": {"questions": questions}})
    for before, after, status, reason in ((7, 4, "completed", None), (6, 3, "completed", None),
                                          (5, 6, "stopped", "it hurts more on the left side")):
        sid = str(uuid.uuid4())
        server.api("/api/v1/sessions", "POST", {"id": sid, "plan": plan, "request": NECK,
                                                "before": {"pain": before, "tension": 6}})
        server.api(f"/api/v1/sessions/{sid}/finish", "POST", {
            "status": status, "completed_steps": 1, "after": {"pain": after, "tension": 3},
            "stop_reason": reason})


def test_the_report_reads_on_a_phone_and_a_laptop_and_prints_without_the_app(
        chromium: Any, records_server: Server) -> None:  # noqa: F811
    from pypdf import PdfReader

    _journal(records_server)
    with open_page(chromium, records_server, PHONE) as page:
        page.goto("/journal")
        page.get_by_role("link", name="Report for your doctor, downloads and deleting").click()
        page.wait_for_url("**/records")
        shoot(page, "hub-phone")
        no_serious_axe_violations(page)
        page.get_by_role("link", name="Open the report").click()
        page.wait_for_url("**/records/report")
        assert page.get_by_role("button", name="Print").is_visible()
        assert "it hurts more on the left side" in page.inner_text("main")
        shoot(page, "report-phone")
        no_serious_axe_violations(page)
        assert not page.errors
    with open_page(chromium, records_server, LAPTOP) as page:
        page.goto("/records/report")
        shoot(page, "report-laptop")
        page.emulate_media(media="print")
        assert not page.locator("header.top").is_visible()
        assert not page.get_by_role("button", name="Print").is_visible()
        assert not page.locator("footer.foot").is_visible()
        shoot(page, "report-print")
        for paper, size in (("A4", (595, 842)), ("Letter", (612, 792))):
            printed = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
            box = printed.pages[0].mediabox
            # Chromium rounds the paper to whole pixels: within a point or two of the size.
            assert abs(float(box.width) - size[0]) < 2 and abs(float(box.height) - size[1]) < 2
            words = " ".join(" ".join(p.extract_text().split()) for p in printed.pages)
            assert "Self-massage record: Me" in words
            assert "it hurts more on the left side" in words
            assert "Library" not in words and "Skip to the main content" not in words


def test_reminders_in_settings_give_a_calendar_feed_and_delete_takes_everything(
        chromium: Any, records_server: Server) -> None:  # noqa: F811
    from icalendar import Calendar

    _journal(records_server)
    with open_page(chromium, records_server, PHONE) as page:
        page.goto("/settings")
        page.get_by_role("link", name="Reminders in your calendar").click()
        page.wait_for_url("**/settings/reminders")
        assert page.input_value("#timezone")  # the browser's own zone, filled in
        page.fill("#timezone", "Europe/London")
        for day in ("Sat", "Sun"):
            page.locator("label.chip", has_text=day).click()  # off: weekdays only
        page.fill("#times", "07:45, 20:30")
        page.fill("#minutes", "6")
        page.get_by_role("button", name="Save reminder times").click()
        page.get_by_role("button", name="Make my calendar address").click()
        link = page.input_value("#calendar-link")
        shoot(page, "reminders-phone")
        no_serious_axe_violations(page)
        with urllib.request.urlopen(link, timeout=10) as answer:
            calendar = Calendar.from_ical(answer.read())
        events = list(calendar.walk("VEVENT"))
        assert sorted(e.decoded("dtstart").strftime("%H:%M") for e in events) == ["07:45", "20:30"]
        assert all(e["rrule"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"] for e in events)

        page.goto("/records")
        page.get_by_role("link", name="Delete all my data…").click()
        page.fill("#confirm", "delete")
        shoot(page, "delete-phone")
        page.get_by_role("button", name="Delete all my data").click()
        page.wait_for_selector("text=Your data is deleted")
        assert records_server.api("/api/v1/journal")["sessions"] == 0
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(link, timeout=10)  # the reminders went too
        assert not page.errors


# -- clinic mode -------------------------------------------------------------------------

PASSWORD = "calm hands steady breath"


def _clinic_with_a_client(url: str) -> str:
    """A clinic with Alice (therapist) and her client Carol, Carol's intake, a programme
    and one played session; Carol's account id."""
    from datetime import timedelta

    from unknot.clinic import accounts, records
    from unknot.clinic.programmes import as_plan
    from unknot.clinic.schedule import parse_schedule
    from unknot.journal import Ratings
    from unknot.library.loader import default_library
    from unknot.safety.answers import Answers
    from unknot.storage import open_store

    with open_store(url) as store:
        _clinic, token = accounts.create_clinic(store, "Calm Hands", "owner@calm.test")
        owner = accounts.accept_invite(store, token, display_name="Olive", password=PASSWORD)
        token = accounts.invite(store, owner, email="alice@calm.test", display_name="Alice")
        alice = accounts.accept_invite(store, token, display_name="Alice Therapist",
                                       password=PASSWORD)
        token = accounts.invite(store, alice, email="carol@calm.test", display_name="Carol")
        carol = accounts.accept_invite(store, token, display_name="Carol Client",
                                       password=PASSWORD)
        said = "stiff neck and shoulders from the desk"
        intake = records.record_intake(store, alice, carol.account_id, text=said, answers=None)
        intake = records.record_intake(store, alice, carol.account_id, text=said,
                                       answers=Answers.model_validate({"questions": {
                                           q.id: False for q in intake.questions}}))
        today = store.now().date()
        programme = records.save_programme(
            store, alice, carol.account_id, title="Neck, twice a day",
            steps=[{"technique": "neck-side-stretch", "seconds": 60, "side": "both",
                    "note": ""}],
            schedule=parse_schedule(["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                    ["08:00"], today - timedelta(days=1), None))
        plan = as_plan(programme.steps, intake, default_library())
        session = store.create_session(plan=plan, request={"text": said},
                                       before=Ratings(pain=6), person_id=carol.person_id,
                                       programme_id=programme.id,
                                       slot=f"{today.isoformat()} 08:00", source="web")
        store.finish_session(session.id, status="completed", after=Ratings(pain=2),
                             completed_steps=len(plan.steps), person_id=carol.person_id)
        return carol.account_id


def _sign_in(page: Any, email: str) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_a_therapist_takes_the_fhir_bundle_and_the_client_deletes_their_account(
        chromium: Any, tmp_path: Path) -> None:  # noqa: F811
    from support.fhir import read_both

    carol = _clinic_with_a_client(f"sqlite:///{tmp_path / 'browser.db'}")
    with serve(tmp_path, {"UNKNOT_MODE": "clinic"}) as server:
        with open_page(chromium, server, LAPTOP) as page:
            _sign_in(page, "alice@calm.test")
            page.goto(f"/clinic/clients/{carol}")
            with page.expect_download() as download:
                page.get_by_role("link", name="FHIR R4").click()
            bundle = read_both(Path(download.value.path()).read_bytes())  # R4 and R4B
            pains = [e.resource.valueInteger for e in bundle.entry
                     if e.resource.get_resource_type() == "Observation"]
            assert pains == [6, 2]
            page.get_by_role("link", name="Report for a doctor").click()
            page.wait_for_url(f"**/clinic/clients/{carol}/report")
            assert "Programme: Neck, twice a day" in page.inner_text("main")
            shoot(page, "clinic-therapist-report-laptop")
            no_serious_axe_violations(page)
        with open_page(chromium, server, PHONE) as page:
            _sign_in(page, "carol@calm.test")
            page.goto("/settings")
            page.get_by_role("link", name="Your records").click()
            page.get_by_role("link", name="Delete my account…").click()
            page.fill("#password", PASSWORD)
            shoot(page, "clinic-client-delete-phone")
            no_serious_axe_violations(page)
            page.get_by_role("button", name="Delete my account and all my data").click()
            page.wait_for_selector("text=Your account is deleted")
            page.goto("/journal")
            page.wait_for_url("**/login?next=*")  # signed out: the account is gone
            assert not page.errors
        with open_page(chromium, server, LAPTOP) as page:
            _sign_in(page, "alice@calm.test")
            page.goto("/clinic")
            assert "Carol Client" not in page.inner_text("main")
