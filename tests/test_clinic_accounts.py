"""Clinic accounts over HTTP, on SQLite and PostgreSQL: passkeys (a software authenticator
with a real key pair; the challenge kept in the database, single use, expiring),
password change, one-time reset links (page and `unknot clinic reset-link`), withdrawn
invitations, archived programmes, each person's time zone, and the ownership matrix
on every one of these routes."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from conftest import FrozenClock
from support.clinic import (
    BASE,
    PAGE,
    PASSWORD,
    Clinic,
    Person,
    TestClient,
    accept,
    clinic,
    form_token,
    invite_link_token,
    refresh_csrf,
    sign_in,
)
from support.passkey import SoftAuthenticator
from test_clinic_web import make_programme, record_intake
from unknot.storage import Store
from unknot.storage.clinic_models import PasskeyChallenge
from unknot.web.app import create_app

ORIGIN = "http://localhost:8000"  # where passkeys live for a clinic served at 127.0.0.1:8000
NEW_PASSWORD = "quiet shoulders long exhale"


@pytest.fixture
def town(store: Store) -> Iterator[Clinic]:
    with clinic(store) as made:
        yield made


def audit_text(town: Clinic) -> str:
    return town.owner.http.get("/clinic/audit").text


def login_token(http: TestClient) -> str:
    return form_token(http.get("/login", headers=PAGE).text)


def passkey_sign_in(http: TestClient, key: SoftAuthenticator, *, origin: str | None = None,
                    app_http: TestClient | None = None) -> Any:
    """Ask one client for the options and answer through `app_http` (default: the same)."""
    token = login_token(http)
    started = http.post("/login/passkey/options", headers={"X-CSRF-Token": token})
    assert started.status_code == 200, started.text
    body = started.json()
    answer = key.get(body["options"], origin)
    finisher = app_http or http
    if app_http is not None:
        token = login_token(app_http)
    return finisher.post("/login/passkey", headers={"X-CSRF-Token": token},
                         json={"handle": body["handle"], "credential": answer})


def add_passkey(person: Person, key: SoftAuthenticator, name: str = "My phone") -> Any:
    started = person.api("POST", "/account/passkeys/options")
    assert started.status_code == 200, started.text
    body = started.json()
    return person.api("POST", "/account/passkeys", {
        "handle": body["handle"], "credential": key.create(body["options"]), "name": name})


# -- passkeys ------------------------------------------------------------------------------


def test_a_client_adds_a_passkey_and_signs_in_with_it_instead_of_a_password(
        town: Clinic) -> None:
    key = SoftAuthenticator(ORIGIN)
    added = add_passkey(town.carol, key)
    assert added.status_code == 200, added.text
    page = town.carol.http.get("/account").text
    assert "My phone" in page and "Add a passkey" in page
    fresh = TestClient(town.app, base_url=BASE)
    signed = passkey_sign_in(fresh, key)
    assert signed.status_code == 200, signed.text
    assert signed.json()["next"] == "/"
    assert "unknot_session=" in signed.headers["set-cookie"]
    assert fresh.get("/api/v1/sessions").status_code == 200
    assert "Carol Client" in fresh.get("/account").text
    assert "added the passkey" in audit_text(town)
    record = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}").text
    assert "added the passkey “My phone”" in record


def test_the_options_are_answered_on_another_worker_sharing_the_database(
        town: Clinic, store: Store) -> None:
    key = SoftAuthenticator(ORIGIN)
    assert add_passkey(town.dave, key).status_code == 200
    from support.clinic import clinic_settings

    other_app = create_app(clinic_settings(store), store=store)
    with TestClient(town.app, base_url=BASE) as one, TestClient(other_app, base_url=BASE) as two:
        signed = passkey_sign_in(one, key, app_http=two)
        assert signed.status_code == 200, signed.text
        assert "Dave Client" in two.get("/account").text


def test_a_challenge_is_single_use_and_expires(town: Clinic, store: Store,
                                               clock: FrozenClock) -> None:
    key = SoftAuthenticator(ORIGIN)
    assert add_passkey(town.carol, key).status_code == 200
    http = town.anonymous
    token = login_token(http)
    body = http.post("/login/passkey/options", headers={"X-CSRF-Token": token}).json()
    answer = key.get(body["options"])
    with store.reading() as db:
        assert db.scalar(select(func.count()).select_from(PasskeyChallenge)) == 1
    first = http.post("/login/passkey", headers={"X-CSRF-Token": token},
                      json={"handle": body["handle"], "credential": answer})
    assert first.status_code == 200
    again = http.post("/login/passkey", headers={"X-CSRF-Token": token},
                      json={"handle": body["handle"], "credential": answer})
    assert again.status_code == 401 and "used already" in again.json()["detail"]
    with store.reading() as db:
        assert db.scalar(select(func.count()).select_from(PasskeyChallenge)) == 0
    late = town.anonymous.post("/login/passkey/options", headers={"X-CSRF-Token": token}).json()
    clock.advance(minutes=6)
    expired = http.post("/login/passkey", headers={"X-CSRF-Token": token},
                        json={"handle": late["handle"], "credential": key.get(late["options"])})
    assert expired.status_code == 401 and "expired" in expired.json()["detail"]


def test_a_passkey_answer_for_another_site_or_a_forged_one_is_refused(town: Clinic) -> None:
    key = SoftAuthenticator(ORIGIN)
    assert add_passkey(town.carol, key).status_code == 200
    elsewhere = passkey_sign_in(town.anonymous, key, origin="https://evil.example")
    assert elsewhere.status_code == 401 and "origin" in elsewhere.json()["detail"].lower()
    stranger = SoftAuthenticator(ORIGIN, credential_id=key.credential_id)  # same id, other key
    forged = passkey_sign_in(town.anonymous, stranger)
    assert forged.status_code == 401
    unknown = passkey_sign_in(town.anonymous, SoftAuthenticator(ORIGIN))
    assert unknown.status_code == 401 and "not registered" in unknown.json()["detail"]
    token = login_token(town.anonymous)
    for body in ({}, {"handle": "x", "credential": "nope"}, {"handle": 5, "credential": {}},
                 [1, 2], "text"):
        answer = town.anonymous.post("/login/passkey", headers={"X-CSRF-Token": token},
                                     json=body)
        assert answer.status_code in (400, 401), (body, answer.status_code)
    no_csrf = town.anonymous.post("/login/passkey/options")
    assert no_csrf.status_code == 403


def test_an_invitation_can_be_accepted_with_a_passkey_instead_of_a_password(
        town: Clinic, store: Store) -> None:
    sent = town.alice.post("/clinic/invite", {"name": "Fay Client", "email": "fay@calm.test"})
    token = invite_link_token(sent.text)
    http = TestClient(town.app, base_url=BASE)
    page = http.get(f"/welcome/{token}")
    assert "Set up with a passkey instead" in page.text
    csrf = form_token(page.text)
    key = SoftAuthenticator(ORIGIN)
    started = http.post(f"/welcome/{token}/passkey/options", headers={"X-CSRF-Token": csrf})
    assert started.status_code == 200, started.text
    body = started.json()
    joined = http.post(f"/welcome/{token}/passkey", headers={"X-CSRF-Token": csrf},
                       json={"handle": body["handle"], "credential": key.create(body["options"]),
                             "name": "Fay Client"})
    assert joined.status_code == 200, joined.text
    assert joined.json()["next"] == "/"
    assert "Fay Client" in http.get("/account").text
    # No password opens the account; the passkey does, and the link is used up.
    assert sign_in(TestClient(town.app, base_url=BASE), "fay@calm.test",
                   "any password at all").status_code == 401
    assert passkey_sign_in(TestClient(town.app, base_url=BASE), key).status_code == 200
    assert http.get(f"/welcome/{token}").status_code == 410
    assert "Fay Client" in town.alice.http.get("/clinic").text
    # The only passkey cannot be removed until a password is set.
    refresh_csrf_of = Person("Fay", "fay@calm.test", http)
    refresh_csrf(refresh_csrf_of)
    account = http.get("/account").text
    passkey_id = re.search(r"/account/passkeys/([0-9a-f-]{36})/remove", account)[1]
    kept = refresh_csrf_of.post(f"/account/passkeys/{passkey_id}/remove")
    assert kept.status_code == 409 and "only way you sign in" in kept.text
    assert "Set a password" in account
    made = refresh_csrf_of.post("/account/password", {"password": NEW_PASSWORD,
                                                      "again": NEW_PASSWORD})
    assert made.status_code == 200 and "Your password is changed" in made.text
    assert refresh_csrf_of.post(f"/account/passkeys/{passkey_id}/remove").status_code == 200
    assert sign_in(TestClient(town.app, base_url=BASE), "fay@calm.test",
                   NEW_PASSWORD).status_code == 303


def test_starting_a_passkey_sign_in_or_joining_is_throttled_per_address(
        store: Store, clock: FrozenClock) -> None:
    with clinic(store, passkey_options_per_address=3) as town:
        sent = town.alice.post("/clinic/invite", {"name": "Fay", "email": "fay@calm.test"})
        joining = f"/welcome/{invite_link_token(sent.text)}/passkey/options"
        http = town.anonymous
        token = login_token(http)

        def start(path: str) -> Any:
            return http.post(path, headers={"X-CSRF-Token": token})

        # Sign-ins and joinings from one address share one count.
        assert [start(p).status_code for p in ("/login/passkey/options", joining,
                                                "/login/passkey/options")] == [200, 200, 200]
        for path in ("/login/passkey/options", joining):
            held = start(path)
            assert held.status_code == 429, (path, held.text)
            assert held.json()["detail"] == ("Too many passkey attempts from here. Wait 15 "
                                             "minutes, then try again.")
            assert held.headers["retry-after"] == "900"
        with store.reading() as db:  # a held request keeps no challenge
            assert db.scalar(select(func.count()).select_from(PasskeyChallenge)) == 3
        # Retry-After counts down to the moment the first start ages out.
        clock.advance(minutes=5)
        assert start("/login/passkey/options").headers["retry-after"] == "600"
        # A password sign-in from the same address is not held by them.
        assert sign_in(TestClient(town.app, base_url=BASE), "dave@calm.test").status_code == 303
        clock.advance(minutes=10)
        assert start("/login/passkey/options").status_code == 200
        assert start(joining).status_code == 200


def test_the_default_lets_a_busy_address_start_thirty_passkey_sign_ins(town: Clinic) -> None:
    token = login_token(town.anonymous)
    answers = [town.anonymous.post("/login/passkey/options", headers={"X-CSRF-Token": token})
               .status_code for _ in range(31)]
    assert answers == [200] * 30 + [429]


# -- password change and reset links --------------------------------------------------------


def test_changing_the_password_needs_the_current_one_and_ends_other_sign_ins(
        town: Clinic) -> None:
    other_device = TestClient(town.app, base_url=BASE)
    assert sign_in(other_device, "carol@calm.test").status_code == 303
    wrong = town.carol.post("/account/password", {"current": "not it at all", "password":
                                                  NEW_PASSWORD, "again": NEW_PASSWORD})
    assert wrong.status_code == 422 and "not your current password" in wrong.text
    weak = town.carol.post("/account/password", {"current": PASSWORD, "password": "short",
                                                 "again": "short"})
    assert weak.status_code == 422 and "at least 10 characters" in weak.text
    done = town.carol.post("/account/password", {"current": PASSWORD, "password": NEW_PASSWORD,
                                                  "again": NEW_PASSWORD})
    assert done.status_code == 200
    assert "signed out on 1 other device" in done.text
    assert other_device.get("/api/v1/sessions").status_code == 401
    assert town.carol.http.get("/api/v1/sessions").status_code == 200  # this device stays
    assert sign_in(TestClient(town.app, base_url=BASE), "carol@calm.test").status_code == 401
    assert sign_in(TestClient(town.app, base_url=BASE), "carol@calm.test",
                   NEW_PASSWORD).status_code == 303
    assert "changed their password" in town.alice.http.get(
        f"/clinic/clients/{town.carol.account_id}").text


def reset_link_of(html: str) -> str:
    found = re.search(r'value="http://127\.0\.0\.1:8000(/reset/[A-Za-z0-9_-]+)"', html)
    assert found, html[:2000]
    return found[1]


def test_a_therapist_makes_a_one_time_reset_link_for_their_client(
        town: Clinic, clock: FrozenClock) -> None:
    made = town.alice.post("/clinic/reset-link", {"account_id": town.carol.account_id})
    assert made.status_code == 200, made.text
    path = reset_link_of(made.text)
    http = TestClient(town.app, base_url=BASE)
    page = http.get(path)
    assert page.status_code == 200 and "carol@calm.test" in page.text
    mismatch = http.post(path, data={"csrf_token": form_token(page.text), "password": NEW_PASSWORD,
                                     "again": "something else"})
    assert mismatch.status_code == 422 and "not the same" in mismatch.text
    used = http.post(path, data={"csrf_token": form_token(page.text), "password": NEW_PASSWORD,
                                 "again": NEW_PASSWORD}, follow_redirects=False)
    assert used.status_code == 303 and used.headers["location"] == "/login?reset=1"
    # Every sign-in of the account ends; the new password works, the old does not.
    assert town.carol.http.get("/api/v1/sessions").status_code == 401
    assert sign_in(TestClient(town.app, base_url=BASE), "carol@calm.test").status_code == 401
    assert sign_in(TestClient(town.app, base_url=BASE), "carol@calm.test",
                   NEW_PASSWORD).status_code == 303
    twice = http.get(path)
    assert twice.status_code == 410 and "used already" in twice.text
    # Links expire.
    late = reset_link_of(town.alice.post("/clinic/reset-link",
                                         {"account_id": town.carol.account_id}).text)
    clock.advance(hours=25)
    assert "expired" in http.get(late).text
    record = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}").text
    assert "made a password reset link" in record and "set a new password with a reset link" \
        in record


def test_the_owner_makes_a_therapists_reset_link_and_nobody_else_can(town: Clinic) -> None:
    owner = town.owner.post("/clinic/reset-link", {"account_id": town.alice.account_id})
    assert owner.status_code == 200 and "Reset link for Alice Therapist" in owner.text
    refused = [
        (town.bob, town.carol), (town.carol, town.carol), (town.owner, town.carol),
        (town.alice, town.bob), (town.outsider, town.alice), (town.outsider, town.carol),
        (town.carol, town.alice), (town.alice, town.owner), (town.alice, town.alice),
    ]
    for who, whom in refused:
        answer = who.post("/clinic/reset-link", {"account_id": whom.account_id}, headers=PAGE)
        assert answer.status_code == 404, (who.name, whom.name, answer.status_code)
        assert "/reset/" not in answer.text
    unknown = town.owner.post("/clinic/reset-link", {"account_id": str(uuid.uuid4())},
                              headers=PAGE)
    assert unknown.status_code == 404
    assert "made a password reset link" in audit_text(town)


def test_reset_link_command_prints_a_working_link(database_url: str) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    from support.clinic import clinic_settings
    from unknot.clinic import accounts
    from unknot.storage import open_store

    with open_store(database_url) as store:
        _clinic, token = accounts.create_clinic(store, "Calm Hands", "owner@calm.test")
        with TestClient(create_app(clinic_settings(store), store=store), base_url=BASE) as http:
            assert accept(http, token, "Olive").status_code == 303
    command = [str(Path(sys.executable).parent / "unknot"), "clinic", "reset-link"]
    env = {**os.environ, "UNKNOT_MODE": "clinic", "UNKNOT_DATABASE_URL": database_url,
           "UNKNOT_PUBLIC_URL": "https://calm.example.org", "UNKNOT_RESET_HOURS": "2"}
    done = subprocess.run([*command, "Owner@Calm.test"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "expires in 2 hours" in done.stdout
    link = re.search(r"https://calm\.example\.org(/reset/[A-Za-z0-9_-]+)", done.stdout)
    assert link, done.stdout
    nobody = subprocess.run([*command, "nobody@calm.test"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert nobody.returncode == 2 and "no account has the address" in nobody.stderr
    with open_store(database_url) as store, TestClient(
            create_app(clinic_settings(store), store=store), base_url=BASE) as http:
        page = http.get(link[1])
        assert page.status_code == 200
        set_new = http.post(link[1], data={"csrf_token": form_token(page.text),
                                           "password": NEW_PASSWORD, "again": NEW_PASSWORD},
                            follow_redirects=False)
        assert set_new.status_code == 303
        assert sign_in(http, "owner@calm.test", NEW_PASSWORD).status_code == 303
        assert "a password reset link was made on the server" in http.get("/clinic/audit").text


# -- invitations ----------------------------------------------------------------------------


def test_an_unused_invitation_can_be_withdrawn_by_whoever_sent_it(town: Clinic) -> None:
    sent = town.alice.post("/clinic/invite", {"name": "Gus Client", "email": "gus@calm.test"})
    token = invite_link_token(sent.text)
    home = town.alice.http.get("/clinic").text
    assert "Gus Client" in home and "Withdraw" in home
    invite_id = re.search(r"/clinic/invites/([0-9a-f]{64})/revoke", home)[1]
    for other in (town.bob, town.owner, town.carol, town.outsider):
        answer = other.post(f"/clinic/invites/{invite_id}/revoke", headers=PAGE)
        assert answer.status_code == 404, other.name
    assert town.anonymous.get(f"/welcome/{token}").status_code == 200
    withdrawn = town.alice.post(f"/clinic/invites/{invite_id}/revoke")
    assert withdrawn.status_code == 303
    assert "Gus Client" not in town.alice.http.get("/clinic").text
    page = town.anonymous.get(f"/welcome/{token}")
    assert page.status_code == 410 and "withdrawn" in page.text
    accepted = accept_refused(town, token)
    assert accepted.status_code == 410
    assert "withdrew the invitation for gus@calm.test" in town.owner.http.get(
        "/clinic/audit").text


def accept_refused(town: Clinic, token: str) -> Any:
    login = town.anonymous.get("/login", headers=PAGE)
    return town.anonymous.post(f"/welcome/{token}", data={
        "csrf_token": form_token(login.text), "name": "Gus", "password": PASSWORD,
        "again": PASSWORD}, follow_redirects=False)


def test_an_invitation_says_why_it_cannot_be_used_the_same_way_for_passwords_and_passkeys(
        town: Clinic) -> None:
    from unknot.clinic.accounts import INVITE_USED, INVITE_WITHDRAWN

    http = town.anonymous
    csrf = login_token(http)
    key = SoftAuthenticator(ORIGIN)
    for email, why, message in (("gus@calm.test", "withdrawn", INVITE_WITHDRAWN),
                                ("hal@calm.test", "used", INVITE_USED)):
        sent = town.alice.post("/clinic/invite", {"name": "Gus", "email": email})
        token = invite_link_token(sent.text)
        # A passkey ceremony started while the invitation was still good...
        started = http.post(f"/welcome/{token}/passkey/options",
                            headers={"X-CSRF-Token": csrf}).json()
        if why == "withdrawn":
            invite_id = re.search(r"/clinic/invites/([0-9a-f]{64})/revoke",
                                  town.alice.http.get("/clinic").text)[1]
            assert town.alice.post(f"/clinic/invites/{invite_id}/revoke").status_code == 303
        else:
            assert accept(TestClient(town.app, base_url=BASE), token, "Hal").status_code == 303
        # ...ends as the page, the password form and a new passkey start say.
        finished = http.post(f"/welcome/{token}/passkey", headers={"X-CSRF-Token": csrf},
                             json={"handle": started["handle"], "name": "Gus",
                                   "credential": key.create(started["options"])})
        assert finished.status_code == 410 and finished.json()["detail"] == message
        again = http.post(f"/welcome/{token}/passkey/options", headers={"X-CSRF-Token": csrf})
        assert again.status_code == 410 and again.json()["detail"] == message
        page = http.get(f"/welcome/{token}")
        assert page.status_code == 410 and html.escape(message) in page.text
        password = accept_refused(town, token)
        assert password.status_code == 410 and html.escape(message) in password.text


def test_an_accepted_invitation_cannot_be_withdrawn(town: Clinic) -> None:
    sent = town.alice.post("/clinic/invite", {"name": "Hal Client", "email": "hal@calm.test"})
    home = town.alice.http.get("/clinic").text
    invite_id = re.search(r"/clinic/invites/([0-9a-f]{64})/revoke", home)[1]
    assert accept(TestClient(town.app, base_url=BASE), invite_link_token(sent.text),
                  "Hal").status_code == 303
    assert town.alice.post(f"/clinic/invites/{invite_id}/revoke",
                           headers=PAGE).status_code == 404


# -- archiving programmes --------------------------------------------------------------------


def test_an_archived_programme_leaves_today_and_the_calendar_and_can_be_restored(
        town: Clinic) -> None:
    from icalendar import Calendar

    record_intake(town.alice, town.carol)
    programme = make_programme(town.alice, town.carol)
    carol = town.carol.account_id
    feed = re.search(r'value="http://127\.0\.0\.1:8000(/calendar/[^"]+\.ics)"',
                     town.carol.post("/calendar").text)[1]

    def events() -> int:
        return len(list(Calendar.from_ical(town.anonymous.get(feed).content).walk("VEVENT")))

    assert "Neck, twice a day" in town.carol.http.get("/").text and events() == 2
    for other in (town.bob, town.owner, town.carol, town.dave, town.outsider):
        refused = other.post(f"/clinic/clients/{carol}/programmes/{programme}/archive",
                             headers=PAGE)
        assert refused.status_code == 404, other.name
    archived = town.alice.post(f"/clinic/clients/{carol}/programmes/{programme}/archive")
    assert archived.status_code == 303
    assert "Neck, twice a day" not in town.carol.http.get("/").text
    assert events() == 0
    # An old link to one of its slots no longer plays it.
    play = town.carol.http.get(f"/programme/{programme}/play?slot=2026-03-02%2008:00")
    assert play.status_code == 409 and "archived this programme" in play.text
    record = town.alice.http.get(f"/clinic/clients/{carol}").text
    assert "Archived programmes" in record and "archived the programme" in record
    # Her own export and the therapist's FHIR bundle still hold it: history is kept.
    exported = town.carol.http.get("/records/export.json")
    assert exported.status_code == 200
    assert "Neck, twice a day" in exported.text
    bundle = town.alice.http.get(f"/clinic/clients/{carol}/fhir.json")
    assert bundle.status_code == 200 and "Neck, twice a day" in bundle.text
    # The history is kept: the programme opens in the builder, its sessions stay linked.
    assert town.alice.http.get(f"/clinic/clients/{carol}/programmes/{programme}").status_code \
        == 200
    restored = town.alice.post(f"/clinic/clients/{carol}/programmes/{programme}/restore")
    assert restored.status_code == 303
    assert "Neck, twice a day" in town.carol.http.get("/").text and events() == 2
    assert town.carol.http.get(f"/programme/{programme}/play?slot=2026-03-02%2008:00") \
        .status_code == 200
    assert "restored the programme" in town.alice.http.get(f"/clinic/clients/{carol}").text
    other = town.alice.post(f"/clinic/clients/{carol}/programmes/{uuid.uuid4()}/archive",
                            headers=PAGE)
    assert other.status_code == 404


# -- time zones -----------------------------------------------------------------------------


def test_a_clients_time_zone_moves_today_and_the_calendar(town: Clinic,
                                                           clock: FrozenClock) -> None:
    from icalendar import Calendar

    record_intake(town.alice, town.carol)
    make_programme(town.alice, town.carol)  # 2 to 8 March 2026, 08:00 and 19:00
    clock.advance(days=6, hours=9)  # Sunday 8 March, 18:00 UTC: the last day in London
    assert "Neck, twice a day" in town.carol.http.get("/").text
    bad = town.carol.post("/account/timezone", {"timezone": "Mars/Olympus_Mons"})
    assert bad.status_code == 422 and "is not a time zone" in bad.text
    moved = town.carol.post("/account/timezone", {"timezone": "Pacific/Auckland"})
    assert moved.status_code == 200 and "Pacific/Auckland" in moved.text
    # Already Monday 9 March in Auckland: the programme has ended there.
    assert "Neck, twice a day" not in town.carol.http.get("/").text
    feed = re.search(r'value="http://127\.0\.0\.1:8000(/calendar/[^"]+\.ics)"',
                     town.carol.post("/calendar").text)[1]
    starts = [e.decoded("dtstart") for e in
              Calendar.from_ical(town.anonymous.get(feed).content).walk("VEVENT")]
    assert {str(s.tzinfo) for s in starts} == {"Pacific/Auckland"}
    # Her therapist can set it too; nobody else.
    for other in (town.bob, town.owner, town.dave, town.outsider, town.carol):
        answer = other.post(f"/clinic/clients/{town.carol.account_id}/timezone",
                            {"timezone": "UTC"}, headers=PAGE)
        assert answer.status_code == 404, other.name
    back = town.alice.post(f"/clinic/clients/{town.carol.account_id}/timezone",
                           {"timezone": "Europe/London"})
    assert back.status_code == 303
    assert "Neck, twice a day" in town.carol.http.get("/").text
    assert "set the client&#39;s time zone to Europe/London" in audit_text(town)
    cleared = town.carol.post("/account/timezone", {"timezone": ""})
    assert "clinic's time zone" in cleared.text.replace("&#39;", "'")


# -- the ownership matrix of these routes ---------------------------------------------------


def test_the_ownership_matrix_on_the_account_routes(town: Clinic) -> None:
    record_intake(town.alice, town.carol)
    programme = make_programme(town.alice, town.carol, **{"title": "Matrix"})
    carol = town.carol.account_id
    sent = town.alice.post("/clinic/invite", {"name": "Ivy", "email": "ivy@calm.test"})
    assert sent.status_code == 200
    invite_id = re.search(r"/clinic/invites/([0-9a-f]{64})/revoke",
                          town.alice.http.get("/clinic").text)[1]
    everyone = {"owner": town.owner, "alice": town.alice, "bob": town.bob, "carol": town.carol,
                "dave": town.dave, "outsider": town.outsider}
    # (method, path, form, who may) — the last of each kind changes state, so it runs last.
    routes: list[tuple[str, str, dict[str, Any], set[str]]] = [
        ("POST", "/clinic/reset-link", {"account_id": carol}, {"alice"}),
        ("POST", "/clinic/reset-link", {"account_id": town.alice.account_id}, {"owner"}),
        ("POST", f"/clinic/clients/{carol}/timezone", {"timezone": "Europe/Paris"}, {"alice"}),
        ("POST", f"/clinic/clients/{carol}/programmes/{programme}/archive", {}, {"alice"}),
        ("POST", f"/clinic/clients/{carol}/programmes/{programme}/restore", {}, {"alice"}),
        ("POST", f"/clinic/invites/{invite_id}/revoke", {}, {"alice"}),
    ]
    for method, path, data, allowed in routes:
        for key, person in everyone.items():
            if key in allowed:
                continue
            answer = person.post(path, data, headers=PAGE)
            assert answer.status_code == 404, (key, path, answer.status_code)
            assert "Carol" not in answer.text and "/reset/" not in answer.text, (key, path)
        signed_out = town.anonymous.request(method, path, data=data, headers=PAGE,
                                            follow_redirects=False)
        assert signed_out.status_code in (303, 401, 403), (path, signed_out.status_code)
        for key in allowed:
            answer = everyone[key].post(path, data, headers=PAGE)
            assert answer.status_code in (200, 303), (key, path, answer.status_code)
    # Each person's own account routes act only on their own account.
    for key, person in everyone.items():
        assert person.http.get("/account", headers=PAGE).status_code == 200, key
        assert person.http.get("/account").text.count(person.email) >= 1
        assert person.api("POST", "/account/passkeys/options").status_code == 200, key
    assert town.anonymous.get("/account", headers=PAGE,
                              follow_redirects=False).status_code == 303
    for path in ("/account/passkeys/options", "/account/passkeys", "/account/password",
                 "/account/timezone"):
        assert town.anonymous.post(path, json={}).status_code in (401, 403), path
    # Someone else's passkey cannot be removed: it looks like no passkey at all.
    key = SoftAuthenticator(ORIGIN)
    assert add_passkey(town.carol, key).status_code == 200
    passkey_id = re.search(r"/account/passkeys/([0-9a-f-]{36})/remove",
                           town.carol.http.get("/account").text)[1]
    for other in ("alice", "dave", "owner", "outsider"):
        assert everyone[other].post(f"/account/passkeys/{passkey_id}/remove").status_code == 404
    assert "My phone" in town.carol.http.get("/account").text
    # The session delete endpoint: only the session's owner deletes it.
    asked = town.carol.api("POST", "/api/v1/plans", {"text": "stiff neck", "answers": {
        "questions": {}}}).json()["intake"]["questions"]
    planned = town.carol.api("POST", "/api/v1/plans", {"text": "stiff neck", "answers": {
        "questions": {q["id"]: False for q in asked}}}).json()
    sid = str(uuid.uuid4())
    assert town.carol.api("POST", "/api/v1/sessions", {"id": sid, "plan": planned}).status_code \
        == 201
    for key, person in everyone.items():
        if key != "carol":
            assert person.api("DELETE", f"/api/v1/sessions/{sid}").status_code == 404, key
    assert town.anonymous.delete(f"/api/v1/sessions/{sid}").status_code == 401
    assert town.carol.http.delete(f"/api/v1/sessions/{sid}").status_code == 403  # no CSRF
    assert town.carol.api("GET", f"/api/v1/sessions/{sid}").status_code == 200
    assert town.carol.api("DELETE", f"/api/v1/sessions/{sid}").status_code == 204
    assert town.carol.api("GET", f"/api/v1/sessions/{sid}").status_code == 404



# Every route of the account module, and the test above (or the passkey and reset tests,
# for the signed-out ones) that tries it as each role.
COVERED = {
    "/account", "/account/password", "/account/timezone", "/account/passkeys/options",
    "/account/passkeys", "/account/passkeys/{passkey_id}/remove",
    "/login/passkey/options", "/login/passkey",
    "/welcome/{token}/passkey/options", "/welcome/{token}/passkey",
    "/clinic/reset-link", "/reset/{token}", "/clinic/invites/{invite_id}/revoke",
    "/clinic/clients/{client_id}/programmes/{programme_id}/archive",
    "/clinic/clients/{client_id}/programmes/{programme_id}/restore",
    "/clinic/clients/{client_id}/timezone",
}


def test_no_account_route_is_left_out_of_the_matrix() -> None:
    from unknot.web.clinic import account

    assert {route.path for route in account.router.routes} == COVERED
