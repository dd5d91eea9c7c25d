"""Clinic outcomes in real Chromium against a real `unknot serve` (UNKNOT_MODE=clinic): the
client plays today's routine and stops with "it hurts"; the therapist sees it in the
inbox, opens the client's outcomes (the slot partly done), marks it seen, and reads the
dashboard; the client reads their own week. Every page checked with axe and
photographed at phone and laptop size."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from browser_support import (  # noqa: F401  (fixtures)
    LAPTOP,
    PHONE,
    axe_violations,
    chromium,
    describe,
    open_page,
    screenshot,
)
from test_browser_clinic import clinic_server, invite, set_up, stored_sessions  # noqa: F401

pytestmark = pytest.mark.browser

PASSWORD = "calm hands steady breath"
SHOTS = Path("/tmp/shots/clinic4out")


def shoot(page: Any, name: str) -> None:
    """Full-page screenshots at phone and laptop size, for the test output and for people."""
    size = page.viewport_size
    for label, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        page.set_viewport_size(viewport)
        path = screenshot(page, f"clinic-outcomes-{name}-{label}")
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SHOTS / path.name)
    page.set_viewport_size(size)


def no_serious_axe_violations(page: Any) -> None:
    found = axe_violations(page)
    assert not found, describe(found)


def sign_in(page: Any, email: str) -> None:
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_client_stops_because_it_hurts_and_the_therapist_sees_it_in_the_inbox(
        chromium, clinic_server) -> None:  # noqa: F811
    server, env = clinic_server
    made = subprocess.run([str(Path(sys.executable).parent / "unknot"), "clinic", "create",
                           "Quiet Rooms", "--owner", "owner@quiet.test"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    owner_link = re.search(r"http://\S+/welcome/\S+", made.stdout)[0]

    with open_page(chromium, server, LAPTOP, clock=False) as owner:
        set_up(owner, owner_link, "Quinn Owner")
        owner.wait_for_url("**/clinic")
        therapist_link = invite(owner, "Tess Therapist", "tess@quiet.test")

    with open_page(chromium, server, LAPTOP, clock=False) as tess:
        set_up(tess, therapist_link, "Tess Therapist")
        tess.wait_for_url("**/clinic")
        client_link = invite(tess, "Rosa Client", "rosa@quiet.test")
        with open_page(chromium, server, PHONE, clock=False) as rosa:
            set_up(rosa, client_link, "Rosa Client")
            rosa.wait_for_url(server.url + "/")
        # An empty inbox first: calm, nothing to do.
        tess.goto("/clinic/inbox")
        assert "Nothing new" in tess.text_content("main")
        no_serious_axe_violations(tess)
        shoot(tess, "inbox-empty")
        # Intake and a programme for Rosa.
        tess.goto("/clinic")
        tess.get_by_role("link", name="Rosa Client").click()
        tess.fill("#text", "stiff neck and shoulders from the desk")
        # (each save is a form post: wait for the page it leads to, or a busy machine
        # counts the questions, or clicks on, on the page before it)
        with tess.expect_navigation():
            tess.get_by_role("button", name="Screen and save").click()
        questions = tess.locator("fieldset.question")
        for n in range(questions.count()):
            questions.nth(n).get_by_role("radio", name="No").check()
        with tess.expect_navigation():
            tess.get_by_role("button", name="Screen and save").click()
        tess.get_by_role("link", name="New programme").click()
        tess.fill("#title", "Neck, gently")
        tess.select_option("#add_technique", "neck-side-stretch")
        tess.get_by_role("button", name="Add", exact=True).click()
        tess.get_by_role("radio", name="Two or three times a day for a week").check()
        tess.get_by_role("button", name="Save the programme").click()
        tess.wait_for_url(re.compile(r"/clinic/clients/[0-9a-f-]+#programmes$"))
        assert tess.errors == []

    # Rosa plays today's first slot, rates her pain 8, and stops: it hurts.
    with open_page(chromium, server, PHONE) as rosa:
        sign_in(rosa, "rosa@quiet.test")
        rosa.wait_for_url(server.url + "/")
        rosa.locator(".today").get_by_role("link", name="Play").first.click()
        rosa.wait_for_url("**/before")
        rosa.wait_for_selector("#stage-before:not([hidden])")
        rosa.locator("input[name=before-pain][value='8']").check()
        rosa.click("#begin")
        rosa.wait_for_selector("#stage-player:not([hidden])")
        rosa.clock.run_for(5000)
        rosa.click("#hurts")
        rosa.wait_for_selector("#stage-stopped:not([hidden])")
        sent = stored_sessions(env, lambda rows: any(r[2] == "stopped" for r in rows))
        assert [r[2] for r in sent] == ["stopped"]
        # Her own page: kind words, the slot partly done.
        rosa.goto("/")
        rosa.get_by_role("link", name="How your programme is going").click()
        rosa.wait_for_selector("h1")
        assert "How your programme is going" in rosa.text_content("h1")
        assert "Partly done" in rosa.text_content(".slots-table")
        assert "streak" not in rosa.text_content("main").lower()
        no_serious_axe_violations(rosa)
        shoot(rosa, "client-own")
        assert rosa.errors == []

    with open_page(chromium, server, LAPTOP, clock=False) as tess:
        sign_in(tess, "tess@quiet.test")
        tess.wait_for_url("**/clinic")
        tess.get_by_role("navigation", name="Main").get_by_role("link", name="Inbox").click()
        new = tess.locator("#unseen-title + ul, section:has(#unseen-title) .alerts").first
        text = new.text_content()
        assert "Stopped: it hurt" in text and "High pain before a session" in text
        assert "Rosa Client" in text and "because it hurt" in text
        assert "Rated pain 8 of 10" in text
        no_serious_axe_violations(tess)
        shoot(tess, "inbox")
        # The dashboard puts Rosa's two new items in view.
        tess.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
        row = tess.locator("table.glance tbody tr").first
        assert "Rosa Client" in row.text_content() and "2 new" in row.text_content()
        no_serious_axe_violations(tess)
        shoot(tess, "dashboard")
        tess.get_by_role("link", name="Name", exact=True).click()
        tess.wait_for_url("**/clinic/dashboard?sort=name")
        # Her outcomes: the slot partly done, the items, one marked seen from here.
        tess.get_by_role("link", name="Rosa Client").click()
        tess.wait_for_url(re.compile(r"/outcomes$"))
        assert "Partly done" in tess.text_content(".slots-table")
        no_serious_axe_violations(tess)
        shoot(tess, "client")
        tess.locator("#alerts").get_by_role("button", name=re.compile("Mark as seen: Stopped")) \
            .click()
        tess.wait_for_url(re.compile(r"/outcomes#alerts$"))
        assert tess.locator("#alerts .alert-seen").count() == 1
        # Back in the inbox: one new, one seen; then all seen.
        tess.goto("/clinic/inbox")
        assert tess.locator("section:has(#unseen-title) .alert").count() == 1
        tess.get_by_role("button", name="Mark all as seen").click()
        tess.wait_for_url("**/clinic/inbox")
        assert "Nothing new" in tess.text_content("main")
        assert tess.locator(".alert-seen").count() == 2
        no_serious_axe_violations(tess)
        shoot(tess, "inbox-seen")
        assert tess.errors == []
