"""Clinic mode over HTTP, on SQLite and PostgreSQL: sign-in, invitations, CSRF,
throttling, the ownership matrix on every clinic page and API, programmes and the
session linked to a programme slot."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from conftest import FrozenClock
from support.clinic import (
    PAGE,
    PASSWORD,
    Clinic,
    Person,
    accept,
    clinic,
    form_token,
    invite_link_token,
    page_csrf,
    refresh_csrf,
    sign_in,
)
from unknot.storage import Store
from unknot.storage.clinic_models import Account

NECK = "stiff neck and shoulders from the desk"


@pytest.fixture
def town(store: Store) -> Iterator[Clinic]:
    with clinic(store) as made:
        yield made


def record_intake(therapist: Person, client: Person, conditions: str = "") -> Any:
    """The therapist records the client's intake, answering every safety question no."""
    first = therapist.post(f"/clinic/clients/{client.account_id}/intake",
                           {"text": NECK, "conditions": conditions})
    assert first.status_code == 303, first.text
    page = therapist.http.get(f"/clinic/clients/{client.account_id}")
    asked = sorted(set(_all(r'name="asked" value="([^"]+)"', page.text)))
    answer = therapist.post(f"/clinic/clients/{client.account_id}/intake",
                            {"text": NECK, "conditions": conditions, "asked": asked, "none": "1"})
    assert answer.status_code == 303, answer.text
    return answer


def _all(pattern: str, text: str) -> list[str]:
    import re

    return re.findall(pattern, text)


PROGRAMME_FORM = {
    "title": "Neck, twice a day", "step_technique": ["neck-side-stretch", "shoulder-knuckle-glide"],
    "step_seconds": ["60", "45"], "step_side": ["", "both"],
    "step_note": ["", "stay light on the left side"], "preset": "custom",
    "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "times": "08:00, 19:00",
    "starts_on": "2026-03-02", "ends_on": "2026-03-08", "action": "save",
}


def make_programme(therapist: Person, client: Person, **changes: Any) -> str:
    """Save a programme for `client`; its id."""
    answer = therapist.post(f"/clinic/clients/{client.account_id}/programmes",
                            {**PROGRAMME_FORM, **changes})
    assert answer.status_code == 303, answer.text
    page = therapist.http.get(f"/clinic/clients/{client.account_id}")
    ids = _all(rf"/clinic/clients/{client.account_id}/programmes/([0-9a-f-]{{36}})", page.text)
    assert ids
    return ids[0]


# -- accounts, sign-in, sessions ------------------------------------------------------


def test_it_keeps_passwords_as_argon2id_hashes(town: Clinic, store: Store) -> None:
    with store.reading() as db:
        hashes = list(db.scalars(select(Account.password_hash)))
    assert len(hashes) == 6
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(PASSWORD in h for h in hashes)


def test_signed_out_pages_go_to_sign_in_and_the_api_answers_401(town: Clinic) -> None:
    http = town.anonymous
    for path in ("/", "/journal", "/library", "/settings", "/plan", "/clinic", "/clinic/audit",
                 f"/clinic/clients/{town.carol.account_id}"):
        answer = http.get(path, headers=PAGE, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next="), path
    for path in ("/api/v1/sessions", "/api/v1/journal", "/api/v1/preferences",
                 "/api/v1/techniques"):
        assert http.get(path).status_code == 401, path
    assert http.post("/api/v1/plans", json={"text": NECK}).status_code == 401
    assert http.get("/api/v1/ping").status_code == 200


def test_the_session_cookie_is_httponly_and_lax(store: Store) -> None:
    with clinic(store) as town:
        answer = sign_in(town.anonymous, "carol@calm.test")
        assert answer.status_code == 303
        cookie = answer.headers["set-cookie"]
        assert "unknot_session=" in cookie and "HttpOnly" in cookie
        assert "SameSite=lax" in cookie or "samesite=lax" in cookie.lower()
        assert "Secure" not in cookie  # plain http here


def test_the_cookie_is_secure_when_the_clinic_is_served_over_https(store: Store) -> None:
    with clinic(store, base_url="https://127.0.0.1") as town:
        cookie = sign_in(town.anonymous, "carol@calm.test").headers["set-cookie"]
        assert "Secure" in cookie
        # Signed in over HTTPS, the person's pages work as usual.
        assert town.carol.http.get("/api/v1/sessions").status_code == 200


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(town: Clinic) -> None:
    wrong_password = sign_in(town.anonymous, "carol@calm.test", "not the password")
    no_account = sign_in(town.anonymous, "nobody@calm.test", "not the password")
    assert wrong_password.status_code == no_account.status_code == 401
    assert "do not match an account" in wrong_password.text
    assert "do not match an account" in no_account.text


def test_sign_in_is_throttled_per_account(town: Clinic, clock: FrozenClock) -> None:
    for _ in range(5):
        assert sign_in(town.anonymous, "carol@calm.test", "guess guess guess").status_code == 401
    refused = sign_in(town.anonymous, "carol@calm.test")  # even the right password
    assert refused.status_code == 429
    assert "Too many sign-in attempts" in refused.text
    assert int(refused.headers["retry-after"]) > 0
    # Another account is not held up by carol's.
    assert sign_in(town.anonymous, "dave@calm.test").status_code == 303
    town.anonymous.cookies.clear()
    clock.advance(minutes=16)
    assert sign_in(town.anonymous, "carol@calm.test").status_code == 303


def test_sign_in_is_throttled_per_address(town: Clinic) -> None:
    for n in range(30):
        assert sign_in(town.anonymous, f"guess{n}@calm.test", "guess guess guess") \
            .status_code == 401
    assert sign_in(town.anonymous, "dave@calm.test").status_code == 429


def test_sign_out_ends_this_device_and_everywhere_ends_all(town: Clinic) -> None:
    second = town.anonymous
    assert sign_in(second, "carol@calm.test").status_code == 303
    assert second.get("/api/v1/sessions").status_code == 200
    out = town.carol.post("/logout/everywhere")
    assert out.status_code == 303 and out.headers["location"] == "/login"
    # What the browser kept of her (cache, stored routines) leaves with her.
    assert out.headers["clear-site-data"] == '"cache", "storage"'
    assert town.carol.http.get("/api/v1/sessions").status_code == 401
    assert second.get("/api/v1/sessions").status_code == 401


def test_a_sign_in_made_by_one_app_is_known_to_another_on_the_same_database(
        town: Clinic, store: Store) -> None:
    # Two workers (or machines): nothing of the sign-in lives in process memory.
    from support.clinic import BASE, TestClient, clinic_settings
    from unknot.web.app import create_app

    other = create_app(clinic_settings(store), store=store)
    with TestClient(other, base_url=BASE, cookies=dict(town.carol.http.cookies)) as http:
        assert http.get("/api/v1/sessions").status_code == 200


# -- invitations -----------------------------------------------------------------------


def test_an_invitation_works_once(town: Clinic) -> None:
    sent = town.alice.post("/clinic/invite", {"name": "Fay", "email": "fay@calm.test"})
    token = invite_link_token(sent.text)
    assert accept(town.anonymous, token, "Fay").status_code == 303
    again = town.anonymous.get(f"/welcome/{token}")
    assert again.status_code == 410 and "used already" in again.text


def test_an_invitation_expires(town: Clinic, clock: FrozenClock) -> None:
    sent = town.alice.post("/clinic/invite", {"name": "Fay", "email": "fay@calm.test"})
    token = invite_link_token(sent.text)
    page = town.anonymous.get(f"/welcome/{token}")
    clock.advance(days=8)
    late = town.anonymous.post(f"/welcome/{token}", data={
        "csrf_token": form_token(page.text), "name": "Fay", "password": PASSWORD,
        "again": PASSWORD}, follow_redirects=False)
    assert late.status_code == 410 and "expired" in late.text
    assert sign_in(town.anonymous, "fay@calm.test").status_code == 401


def test_a_client_of_an_invitation_belongs_to_the_inviting_therapist(
        town: Clinic, store: Store) -> None:
    with store.reading() as db:
        carol = db.get_one(Account, town.carol.account_id)
    assert carol.role == "client" and carol.therapist_id == town.alice.account_id


def test_a_weak_password_is_refused_with_what_to_do(town: Clinic) -> None:
    sent = town.alice.post("/clinic/invite", {"name": "Fay", "email": "fay@calm.test"})
    token = invite_link_token(sent.text)
    page = town.anonymous.get(f"/welcome/{token}")
    short = town.anonymous.post(f"/welcome/{token}", data={
        "csrf_token": form_token(page.text), "name": "Fay", "password": "short",
        "again": "short"})
    assert short.status_code == 422 and "at least 10 characters" in short.text
    assert accept(town.anonymous, token, "Fay").status_code == 303  # still usable


def test_only_the_owner_invites_therapists_and_only_therapists_invite_clients(
        town: Clinic) -> None:
    assert town.carol.post("/clinic/invite", {"name": "X", "email": "x@calm.test"}) \
        .status_code == 404
    sent = town.owner.post("/clinic/invite", {"name": "Gus", "email": "gus@calm.test"})
    assert sent.status_code == 200 and "welcome/" in sent.text
    taken = town.alice.post("/clinic/invite", {"name": "Carol", "email": "carol@calm.test"})
    assert taken.status_code == 422 and "already has an account" in taken.text


# -- CSRF ------------------------------------------------------------------------------


def test_forms_without_the_csrf_token_are_refused(town: Clinic) -> None:
    http = town.alice.http
    for token in (None, "forged-token-forged-token"):
        data: dict[str, Any] = {"name": "Fay", "email": "fay@calm.test"}
        if token:
            data["csrf_token"] = token
        answer = http.post("/clinic/invite", data=data, headers=PAGE)
        assert answer.status_code == 403
        assert "did not come from this site" in answer.text
    # Signed-out forms carry their own token (the login form, an invitation).
    assert town.anonymous.post("/login", data={"email": "carol@calm.test",
                                               "password": PASSWORD}).status_code == 403


def test_api_writes_need_the_csrf_header(town: Clinic) -> None:
    http = town.carol.http
    refused = http.put("/api/v1/preferences", json={"minutes": 12})
    assert refused.status_code == 403
    taken = http.put("/api/v1/preferences", json={"minutes": 12},
                     headers={"X-CSRF-Token": town.carol.csrf})
    assert taken.status_code == 200 and taken.json()["minutes"] == 12


# -- the ownership matrix --------------------------------------------------------------


def test_the_ownership_matrix_on_every_clinic_page(town: Clinic) -> None:
    record_intake(town.alice, town.carol)
    programme = make_programme(town.alice, town.carol)
    carol = town.carol.account_id
    slot = "2026-03-02 08:00"
    pages = [
        ("GET", f"/clinic/clients/{carol}", {}),
        ("GET", f"/clinic/clients/{carol}/programmes/new", {}),
        ("GET", f"/clinic/clients/{carol}/programmes/{programme}", {}),
        ("POST", f"/clinic/clients/{carol}/programmes", {"action": "add",
                                                         "add_technique": "neck-side-stretch"}),
        # Last: a new intake (unanswered questions) holds programmes until it is complete.
        ("POST", f"/clinic/clients/{carol}/intake", {"text": NECK}),
    ]
    allowed = {"alice"}
    everyone = {"owner": town.owner, "alice": town.alice, "bob": town.bob, "carol": town.carol,
                "dave": town.dave, "outsider": town.outsider}
    play = f"/programme/{programme}/play?slot={slot.replace(' ', '%20')}"
    for key, person in everyone.items():
        answer = person.http.get(play, headers=PAGE)
        assert answer.status_code == (200 if key == "carol" else 404), (key, answer.status_code)
    assert town.anonymous.get(play, headers=PAGE, follow_redirects=False).status_code == 303
    for method, path, data in pages:
        for key, person in everyone.items():
            if method == "GET":
                answer = person.http.get(path, headers=PAGE, follow_redirects=False)
            else:
                answer = person.post(path, data, headers=PAGE)
            expected = (200, 303) if key in allowed else (404,)
            assert answer.status_code in expected, (key, method, path, answer.status_code)
            if key not in allowed:
                assert "Carol" not in answer.text, (key, path)
        signed_out = town.anonymous.request(method, path, headers=PAGE, follow_redirects=False)
        assert signed_out.status_code in (303, 401, 403), (method, path)
    audit = {key: p.http.get("/clinic/audit", headers=PAGE).status_code
             for key, p in everyone.items()}
    assert audit == {"owner": 200, "alice": 404, "bob": 404, "carol": 404, "dave": 404,
                     "outsider": 200}
    # The outsider's audit log is their own clinic's: nothing of Calm Hands.
    assert "Carol" not in town.outsider.http.get("/clinic/audit").text


def test_an_unknown_client_id_looks_the_same_as_someone_elses(town: Clinic) -> None:
    mine = town.bob.http.get(f"/clinic/clients/{town.carol.account_id}", headers=PAGE)
    nobody = town.bob.http.get(f"/clinic/clients/{uuid.uuid4()}", headers=PAGE)
    therapist = town.bob.http.get(f"/clinic/clients/{town.alice.account_id}", headers=PAGE)
    assert mine.status_code == nobody.status_code == therapist.status_code == 404
    assert mine.text == nobody.text == therapist.text


def test_lists_show_each_therapist_only_their_own_clients(town: Clinic) -> None:
    alice = town.alice.http.get("/clinic").text
    bob = town.bob.http.get("/clinic").text
    assert "Carol Client" in alice and "Dave Client" not in alice
    assert "Dave Client" in bob and "Carol Client" not in bob
    owner = town.owner.http.get("/clinic").text
    assert "Alice Therapist" in owner and "Bob Therapist" in owner
    assert "Eve" not in owner
    assert town.carol.http.get("/clinic", follow_redirects=False).headers["location"] == "/"


def test_personal_data_is_each_persons_own(town: Clinic) -> None:
    planned = town.carol.api("POST", "/api/v1/plans", {"text": NECK, "answers": {
        "questions": {}}})
    assert planned.status_code == 200, planned.text
    questions = {q["id"]: False for q in planned.json()["intake"]["questions"]}
    plan = town.carol.api("POST", "/api/v1/plans", {"text": NECK, "answers": {
        "questions": questions}}).json()
    assert plan["intake"]["complete"]
    sid = str(uuid.uuid4())
    made = town.carol.api("POST", "/api/v1/sessions", {"id": sid, "plan": plan,
                                                       "request": {"text": NECK}})
    assert made.status_code == 201, made.text
    assert [s["id"] for s in town.carol.api("GET", "/api/v1/sessions").json()["items"]] == [sid]
    for other in (town.dave, town.alice, town.owner, town.outsider):
        assert other.api("GET", "/api/v1/sessions").json()["items"] == []
        assert other.api("GET", f"/api/v1/sessions/{sid}").status_code == 404
        assert other.api("PUT", f"/api/v1/sessions/{sid}/progress",
                         {"step_index": 0, "step_elapsed": 1}).status_code == 404
        assert other.api("GET", "/api/v1/journal").json()["sessions"] == 0
    # Reusing carol's id does not reveal or touch her session.
    taken = town.dave.api("POST", "/api/v1/sessions", {"id": sid, "plan": plan})
    assert taken.status_code == 409
    assert sid not in taken.text or "already in use" in taken.text


def test_the_audit_log_records_who_viewed_and_changed_a_record(town: Clinic) -> None:
    record_intake(town.alice, town.carol)
    town.alice.http.get(f"/clinic/clients/{town.carol.account_id}")
    town.bob.http.get(f"/clinic/clients/{town.carol.account_id}")  # refused: not recorded
    log = town.owner.http.get("/clinic/audit").text
    assert "Alice Therapist" in log and "Carol Client" in log
    assert "recorded an intake" in log and "opened the client" in log
    assert "Bob Therapist" not in log
    record = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}").text
    assert "Who opened or changed this record" in record and "recorded an intake" in record


# -- programmes --------------------------------------------------------------------------


def test_no_programme_before_the_intake_is_recorded(town: Clinic) -> None:
    page = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/programmes/new")
    assert page.status_code == 200 and "Record what the client told you first" in page.text
    saved = town.alice.post(f"/clinic/clients/{town.carol.account_id}/programmes", PROGRAMME_FORM)
    assert saved.status_code == 422


def test_a_technique_the_clients_conditions_rule_out_cannot_be_added(town: Clinic) -> None:
    record_intake(town.alice, town.carol, conditions="varicose veins, osteoporosis")
    path = f"/clinic/clients/{town.carol.account_id}/programmes"
    builder = town.alice.http.get(path + "/new").text
    assert "Ruled out for this client" in builder
    assert 'value="calf-thumb-inside"' not in builder  # not offered
    by_area = town.alice.post(path, {**PROGRAMME_FORM, "action": "add",
                                     "add_technique": "calf-thumb-inside"})
    assert by_area.status_code == 422
    assert "which the client&#39;s safety screen says to avoid" in by_area.text
    by_condition = town.alice.post(path, {**PROGRAMME_FORM, "action": "add",
                                          "add_technique": "seated-spinal-twist"})
    assert by_condition.status_code == 422
    assert "is not for someone with" in by_condition.text
    assert "which the client&#39;s intake found" in by_condition.text
    assert "Seated spinal twist" in builder.split("Ruled out for this client")[1] or \
        "spinal twist" in builder.split("Ruled out for this client")[1].lower()
    # Nor can it be slipped into a save.
    sneaked = town.alice.post(path, {**PROGRAMME_FORM,
                                     "step_technique": ["neck-side-stretch", "seated-spinal-twist"]})
    assert sneaked.status_code == 422 and "Step 2" in sneaked.text


def test_a_see_a_doctor_intake_blocks_programmes(town: Clinic) -> None:
    answer = town.alice.post(f"/clinic/clients/{town.carol.account_id}/intake",
                             {"text": "worst headache of my life, came on suddenly"})
    assert answer.status_code == 303
    page = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/programmes/new")
    assert "No programme for now" in page.text


def test_the_builder_adds_moves_removes_and_starts_from_a_plan(town: Clinic) -> None:
    record_intake(town.alice, town.carol)
    path = f"/clinic/clients/{town.carol.account_id}/programmes"
    added = town.alice.post(path, {**PROGRAMME_FORM, "action": "add",
                                   "add_technique": "neck-cup-squeeze"})
    assert added.status_code == 200
    assert _all(r'name="step_technique" value="([^"]+)"', added.text) == [
        "neck-side-stretch", "shoulder-knuckle-glide", "neck-cup-squeeze"]
    moved = town.alice.post(path, {**PROGRAMME_FORM, "action": "up:1"})
    assert _all(r'name="step_technique" value="([^"]+)"', moved.text) == [
        "shoulder-knuckle-glide", "neck-side-stretch"]
    removed = town.alice.post(path, {**PROGRAMME_FORM, "action": "remove:0"})
    assert _all(r'name="step_technique" value="([^"]+)"', removed.text) == ["shoulder-knuckle-glide"]
    generated = town.alice.post(path, {**PROGRAMME_FORM, "action": "generate", "minutes": "5",
                                       "regions": ["neck"]})
    assert generated.status_code == 200
    assert len(_all(r'name="step_technique" value="([^"]+)"', generated.text)) >= 2


def test_the_acute_preset_is_two_or_three_times_a_day_for_a_week(
        town: Clinic, store: Store) -> None:
    from unknot.clinic import records

    record_intake(town.alice, town.carol)
    make_programme(town.alice, town.carol, preset="acute", starts_on="2026-03-02", ends_on="")
    [programme] = records.programmes_of(store, town.carol.account_id)
    assert programme.schedule.times == ("08:00", "13:00", "19:00")
    assert programme.schedule.ends_on.isoformat() == "2026-03-08"


def test_a_bad_schedule_is_refused_with_what_to_fix(town: Clinic) -> None:
    record_intake(town.alice, town.carol)
    path = f"/clinic/clients/{town.carol.account_id}/programmes"
    late = town.alice.post(path, {**PROGRAMME_FORM, "times": "25:00"})
    assert late.status_code == 422 and "write it as 08:00" in late.text
    backwards = town.alice.post(path, {**PROGRAMME_FORM, "ends_on": "2026-03-01"})
    assert backwards.status_code == 422 and "comes before the start date" in backwards.text


def test_the_client_sees_todays_programme_first_and_plays_a_slot(
        town: Clinic, store: Store) -> None:
    record_intake(town.alice, town.carol)
    programme = make_programme(town.alice, town.carol)
    start = town.carol.http.get("/").text
    assert start.index("Today's programme") < start.index("What's bothering you?")
    assert "Neck, twice a day" in start and "08:00" in start and "19:00" in start
    assert "Neck, twice a day" not in town.dave.http.get("/").text
    play = town.carol.http.get(f"/programme/{programme}/play?slot=2026-03-02%2008:00")
    assert play.status_code == 200
    import json
    import re

    routine = json.loads(re.search(r'id="programme-routine">(.*?)</script>', play.text,
                                   re.S)[1])
    plan = routine["plan"]
    assert routine["programme"] == {"id": programme, "slot": "2026-03-02 08:00"}
    # Both are done one side at a time: left, then right.
    assert [(s["technique"], s["side"]) for s in plan["steps"]] == [
        ("neck-side-stretch", "left"), ("neck-side-stretch", "right"),
        ("shoulder-knuckle-glide", "left"), ("shoulder-knuckle-glide", "right")]
    assert [s["seconds"] for s in plan["steps"]] == [60, 60, 45, 45]
    assert plan["steps"][2]["instructions"][0] == \
        "From your therapist: stay light on the left side"
    sid = str(uuid.uuid4())
    made = town.carol.api("POST", "/api/v1/sessions", {
        "id": sid, "plan": plan, "request": routine["request"],
        "programme": routine["programme"]})
    assert made.status_code == 201, made.text
    record = store.get_session(sid, person_id=town.carol.person_id)
    assert record is not None
    assert (record.programme_id, record.slot) == (programme, "2026-03-02 08:00")
    finished = town.carol.api("POST", f"/api/v1/sessions/{sid}/finish", {
        "status": "completed", "completed_steps": len(plan["steps"])})
    assert finished.status_code == 200
    assert "Done" in town.carol.http.get("/").text


def test_a_session_cannot_claim_someone_elses_programme_or_a_slot_not_scheduled(
        town: Clinic) -> None:
    record_intake(town.alice, town.carol)
    programme = make_programme(town.alice, town.carol)
    routine_plan = _carol_plan(town, programme)
    for person, slot, why in ((town.dave, "2026-03-02 08:00", "no such programme"),
                              (town.carol, "2026-03-02 12:00", "not a time this programme"),
                              (town.carol, "2026-04-02 08:00", "not a time this programme")):
        answer = person.api("POST", "/api/v1/sessions", {
            "id": str(uuid.uuid4()), "plan": routine_plan,
            "programme": {"id": programme, "slot": slot}})
        assert answer.status_code == 422 and why in answer.text, answer.text


def _carol_plan(town: Clinic, programme: str) -> dict[str, Any]:
    import json
    import re

    play = town.carol.http.get(f"/programme/{programme}/play?slot=2026-03-02%2008:00")
    return json.loads(re.search(r'id="programme-routine">(.*?)</script>', play.text, re.S)[1])[
        "plan"]


def test_personal_mode_refuses_a_programme_link(store: Store) -> None:
    from support.api import make_plan, serve

    with serve(store) as http:
        answer = http.post("/api/v1/sessions", json={
            "id": str(uuid.uuid4()), "plan": make_plan(http),
            "programme": {"id": str(uuid.uuid4()), "slot": "2026-03-02 08:00"}})
    assert answer.status_code == 422 and "clinic mode" in answer.text


def test_a_page_for_a_signed_in_person_carries_the_csrf_token(town: Clinic) -> None:
    refresh_csrf(town.carol)
    assert page_csrf(town.carol.http.get("/journal").text) == town.carol.csrf


def test_clinic_create_prints_a_set_up_link_that_makes_the_owner(database_url: str) -> None:
    import os
    import re
    import subprocess
    import sys
    from pathlib import Path

    from support.clinic import BASE, TestClient, clinic_settings
    from unknot.storage import open_store
    from unknot.web.app import create_app

    command = [str(Path(sys.executable).parent / "unknot"), "clinic", "create", "Calm Hands",
               "--owner", "Owner@Calm.test", "--timezone", "Europe/London"]
    env = {**os.environ, "UNKNOT_MODE": "clinic", "UNKNOT_DATABASE_URL": database_url,
           "UNKNOT_PUBLIC_URL": "https://calm.example.org"}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    link = re.search(r"https://calm\.example\.org/welcome/([A-Za-z0-9_-]+)", done.stdout)
    assert link, done.stdout
    personal = subprocess.run(command, env={**env, "UNKNOT_MODE": "personal"},
                              capture_output=True, text=True, timeout=120)
    assert personal.returncode == 2 and "UNKNOT_MODE=clinic" in personal.stderr
    with open_store(database_url) as store, TestClient(
            create_app(clinic_settings(store), store=store), base_url=BASE) as http:
        assert accept(http, link[1], "Olive").headers["location"] == "/clinic"
        assert "Your therapists" in http.get("/clinic").text


# -- the calendar feed -------------------------------------------------------------------


def test_the_calendar_feed_is_a_secret_revocable_icalendar_of_the_programme(
        town: Clinic) -> None:
    import re

    from icalendar import Calendar

    record_intake(town.alice, town.carol)
    make_programme(town.alice, town.carol, preset="acute", starts_on="2026-03-02", ends_on="")
    assert town.carol.http.post("/calendar", headers=PAGE).status_code == 403  # no CSRF token
    made = town.carol.post("/calendar")
    assert made.status_code == 200
    path = re.search(r'value="http://127\.0\.0\.1:8000(/calendar/[^"]+\.ics)"', made.text)[1]
    # Calendar apps send no cookie: the address alone opens it.
    answer = town.anonymous.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(answer.content)
    events = list(calendar.walk("VEVENT"))
    assert sorted(e.decoded("dtstart").strftime("%H:%M") for e in events) == [
        "08:00", "13:00", "19:00"]
    for event in events:
        assert str(event["summary"]) == "Self-massage: Neck, twice a day"
        rule = event["rrule"]
        assert rule["FREQ"] == ["WEEKLY"] and len(rule["BYDAY"]) == 7
        assert rule["UNTIL"][0].date().isoformat() == "2026-03-08"
        assert [a["action"] for a in event.walk("VALARM")] == ["DISPLAY"]
    # Nobody else's feed shows her programme; a new address ends the old one.
    town.dave.post("/calendar")
    renewed = town.carol.post("/calendar")
    assert town.anonymous.get(path).status_code == 404
    new_path = re.search(r'value="http://127\.0\.0\.1:8000(/calendar/[^"]+\.ics)"',
                         renewed.text)[1]
    assert town.anonymous.get(new_path).status_code == 200
    assert town.carol.post("/calendar/off").status_code == 303
    assert town.anonymous.get(new_path).status_code == 404
