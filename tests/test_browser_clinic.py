"""Clinic mode in real Chromium against a real `unknot serve` (UNKNOT_MODE=clinic): the
owner sets up the clinic and invites a therapist; the therapist invites a client, who
accepts; the therapist records the intake, builds and schedules a programme; the client
sees today's programme first and plays it, and the session is linked to the slot."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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
    run_for,
    screenshot,
    serve,
)

pytestmark = pytest.mark.browser

PASSWORD = "calm hands steady breath"
SHOTS = Path("/tmp/shots/clinic")


@pytest.fixture(scope="module")
def clinic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict]]:
    tmp = tmp_path_factory.mktemp("clinic")
    env = {"UNKNOT_MODE": "clinic"}
    with serve(tmp, env) as server:
        yield server, {**os.environ, "UNKNOT_DATABASE_URL": f"sqlite:///{tmp / 'browser.db'}",
                       "UNKNOT_DATA_DIR": str(tmp), "UNKNOT_PUBLIC_URL": server.url, **env}


def shoot(page: Any, name: str) -> None:
    """A full-page screenshot for the test output (and for people to look at)."""
    path = screenshot(page, f"clinic-{name}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / path.name)


def no_serious_axe_violations(page: Any) -> None:
    found = axe_violations(page)
    assert not found, describe(found)


def set_up(page: Any, link: str, name: str) -> None:
    page.goto(link)
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.fill("#again", PASSWORD)
    page.get_by_role("button", name="Create my account").click()


def invite(page: Any, name: str, email: str) -> str:
    page.goto("/clinic")
    page.fill("#invite-name", name)
    page.fill("#invite-email", email)
    page.get_by_role("button", name="Make an invitation link").click()
    return page.input_value("#invite-link")


def test_a_therapist_prescribes_a_programme_and_the_client_plays_it(chromium, clinic_server):  # noqa: F811
    server, env = clinic_server
    made = subprocess.run([str(Path(sys.executable).parent / "unknot"), "clinic", "create",
                           "Calm Hands", "--owner", "owner@calm.test"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    owner_link = re.search(r"http://\S+/welcome/\S+", made.stdout)[0]

    with open_page(chromium, server, LAPTOP, clock=False) as owner:
        owner.goto("/")
        assert "/login" in owner.url  # signed out: the sign-in page
        shoot(owner, "login-laptop")
        set_up(owner, owner_link, "Olive Owner")
        owner.wait_for_url("**/clinic")
        therapist_link = invite(owner, "Alice Therapist", "alice@calm.test")
        assert owner.errors == []

    with open_page(chromium, server, LAPTOP, clock=False) as alice:
        alice.goto(therapist_link)
        shoot(alice, "welcome-laptop")
        set_up(alice, therapist_link, "Alice Therapist")
        alice.wait_for_url("**/clinic")
        client_link = invite(alice, "Carol Client", "carol@calm.test")

        with open_page(chromium, server, PHONE, clock=False) as carol:
            carol.goto(client_link)
            shoot(carol, "welcome-phone")
            no_serious_axe_violations(carol)
            set_up(carol, client_link, "Carol Client")
            carol.wait_for_url(server.url + "/")
            assert carol.locator("#today-title").count() == 0  # no programme yet

        # The therapist opens Carol's record and records her intake.
        alice.goto("/clinic")
        shoot(alice, "home-laptop")
        alice.get_by_role("link", name="Carol Client").click()
        alice.fill("#text", "stiff neck and shoulders from the desk")
        alice.fill("#conditions", "varicose veins")
        with alice.expect_navigation():  # (a form post: the page it leads to, not the one before)
            alice.get_by_role("button", name="Screen and save").click()
        questions = alice.locator("fieldset.question")
        assert questions.count() > 0
        for n in range(questions.count()):
            questions.nth(n).get_by_role("radio", name="No").check()
        with alice.expect_navigation():
            alice.get_by_role("button", name="Screen and save").click()
        assert "Fine, with things to avoid" in alice.text_content("#intake")
        no_serious_axe_violations(alice)
        shoot(alice, "client-laptop")

        # The builder: calves are ruled out, with the reason; a neck programme is built.
        alice.get_by_role("link", name="New programme").click()
        ruled_out = alice.locator("details.ruled-out")
        assert "safety screen says to avoid" in ruled_out.text_content()
        alice.fill("#title", "Neck, while it is sore")
        alice.select_option("#add_technique", "neck-side-stretch")
        alice.get_by_role("button", name="Add", exact=True).click()
        alice.select_option("#add_technique", "shoulder-knuckle-glide")
        alice.get_by_role("button", name="Add", exact=True).click()
        alice.fill("#note-1", "stay light on the left side")
        alice.fill("#seconds-0", "30")
        alice.fill("#seconds-1", "30")
        alice.get_by_role("radio", name="Two or three times a day for a week").check()
        no_serious_axe_violations(alice)
        shoot(alice, "builder-laptop")
        alice.set_viewport_size(PHONE)
        shoot(alice, "builder-phone")
        alice.set_viewport_size(LAPTOP)
        alice.get_by_role("button", name="Save the programme").click()
        alice.wait_for_url(re.compile(r"/clinic/clients/[0-9a-f-]+#programmes$"))
        assert "Neck, while it is sore" in alice.text_content("#programmes")
        assert alice.errors == []

    with open_page(chromium, server, PHONE) as carol:
        carol.goto("/login")
        carol.fill("#email", "carol@calm.test")
        carol.fill("#password", PASSWORD)
        carol.get_by_role("button", name="Sign in").click()
        carol.wait_for_url(server.url + "/")
        today = carol.locator(".today")
        assert "Neck, while it is sore" in today.text_content()
        assert [t.strip() for t in today.locator(".slot-time").all_text_contents()] == \
            ["08:00", "13:00", "19:00"]
        # Today's programme comes before the start form.
        assert carol.evaluate("""() => document.querySelector('.today').compareDocumentPosition(
            document.querySelector('#start-form')) & Node.DOCUMENT_POSITION_FOLLOWING""")
        no_serious_axe_violations(carol)
        shoot(carol, "today-phone")
        today.get_by_role("link", name="Play").first.click()
        carol.wait_for_url("**/before")
        carol.wait_for_selector("#stage-before:not([hidden])")
        carol.locator("input[name=before-pain][value='4']").check()
        carol.click("#begin")
        carol.wait_for_selector("#stage-player:not([hidden])")
        assert "From your therapist" not in carol.text_content("#step-instructions")
        plan = carol.evaluate("window.unknotPlayer.session().plan")
        assert [s["technique"] for s in plan["steps"]] == ["neck-side-stretch"] * 2 + [
            "shoulder-knuckle-glide"] * 2
        run_for(carol, plan["total_seconds"] + 2)
        carol.wait_for_selector("#stage-done:not([hidden])")
        sent = stored_sessions(env, lambda rows: rows and rows[0][2] != "in_progress")
        carol.goto("/")
        first = carol.locator(".slots li").first
        assert "08:00" in first.text_content() and "Done" in first.text_content()
        shoot(carol, "today-done-phone")
        assert carol.errors == []

    # The session the player stored names the programme and the slot.
    assert len(sent) == 1
    programme_id, slot, status = sent[0]
    assert programme_id and slot.endswith(" 08:00") and status == "completed"


def stored_sessions(env: dict, ready: Any, seconds: float = 20) -> list[tuple[Any, ...]]:
    """The sessions the server stored (programme, slot, status), once `ready(rows)` holds
    (the page's outbox sends them in the background)."""
    import time

    from sqlalchemy import select

    from unknot.storage import open_store
    from unknot.storage.models import SessionRow

    deadline = time.monotonic() + seconds
    with open_store(env["UNKNOT_DATABASE_URL"], upgrade=False) as store:
        while True:
            with store.reading() as db:
                rows = [tuple(r) for r in db.execute(select(
                    SessionRow.programme_id, SessionRow.slot, SessionRow.status)).all()]
            if ready(rows) or time.monotonic() > deadline:
                return rows
            time.sleep(0.2)
