"""Adherence, outcomes and the therapist's inbox over HTTP, on SQLite and PostgreSQL:
items stored as sessions and intakes happen, marked seen one by one or all at once; each
slot done, partial or missed; before → after per programme; the dashboard's order; and
the ownership matrix on every new route."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from conftest import FrozenClock
from support.clinic import PAGE, Clinic, Person, clinic, invite_link_token, refresh_csrf
from support.week_chart import week_charts
from test_clinic_web import _carol_plan, make_programme, record_intake
from unknot.storage import Store
from unknot.storage.clinic_models import Account, AuditEvent, ClinicAlert

NECK = "stiff neck and shoulders from the desk"


@pytest.fixture
def town(store: Store) -> Iterator[Clinic]:
    with clinic(store) as made:
        yield made


@pytest.fixture
def carols(town: Clinic) -> dict[str, Any]:
    """Carol's intake and a programme (08:00 and 19:00, 2 to 8 March 2026), and its plan."""
    record_intake(town.alice, town.carol)
    programme = make_programme(town.alice, town.carol)
    return {"programme": programme, "plan": _carol_plan(town, programme)}


def play(person: Person, plan: dict[str, Any], *, programme: str | None = None,
         slot: str | None = None, pain: int | None = None, finish: str | None = "completed",
         after: int | None = None, note: str | None = None, at: str | None = None) -> str:
    """A session as the player makes it: created (with the before rating), then finished."""
    sid = str(uuid.uuid4())
    body: dict[str, Any] = {"id": sid, "plan": plan, "request": {"text": NECK}}
    if pain is not None:
        body["before"] = {"pain": pain, "tension": 5, "stress": 4}
    if at:
        body["created_at"] = at
    if programme:
        body["programme"] = {"id": programme, "slot": slot}
    made = person.api("POST", "/api/v1/sessions", body)
    assert made.status_code == 201, made.text
    if finish:
        steps = len(plan["steps"]) if finish == "completed" else 1
        done: dict[str, Any] = {"status": finish, "completed_steps": steps}
        if finish == "stopped":
            done["stop_reason"] = "hurts"
        if after is not None:
            done["after"] = {"pain": after, "tension": 2, "stress": 2}
        if note:
            done["note"] = note
        answer = person.api("POST", f"/api/v1/sessions/{sid}/finish", done)
        assert answer.status_code == 200, answer.text
    return sid


def own_plan(person: Person) -> dict[str, Any]:
    """A plan the client made for themselves on the start page (no programme)."""
    first = person.api("POST", "/api/v1/plans", {"text": NECK, "answers": {"questions": {}}})
    questions = {q["id"]: False for q in first.json()["intake"]["questions"]}
    plan = person.api("POST", "/api/v1/plans", {"text": NECK, "answers": {
        "questions": questions}}).json()
    assert plan["intake"]["complete"]
    return plan


def items(store: Store, client: Person) -> list[tuple[str, str]]:
    with store.reading() as db:
        return [(a.kind, a.detail) for a in db.scalars(
            select(ClinicAlert).where(ClinicAlert.client_id == client.account_id)
            .order_by(ClinicAlert.id))]


def add_client(town: Clinic, name: str, email: str) -> Person:
    """Another client of Alice's, signed in."""
    from starlette.testclient import TestClient

    from support.clinic import _ids, accept

    sent = town.alice.post("/clinic/invite", {"name": name, "email": email})
    http = TestClient(town.app, base_url="http://127.0.0.1:8000")
    http.__enter__()
    assert accept(http, invite_link_token(sent.text), name).status_code == 303
    person = Person(name, email, http)
    person.account_id, person.person_id = _ids(town.app.state.store, email)
    refresh_csrf(person)
    return person


# -- the inbox -------------------------------------------------------------------------


def test_a_session_stopped_because_it_hurt_reaches_the_therapists_inbox(
        town: Clinic, carols: dict[str, Any], store: Store) -> None:
    play(town.carol, carols["plan"], programme=carols["programme"], slot="2026-03-02 08:00",
         pain=4, finish="stopped", note="sharp on the left")
    inbox = town.alice.http.get("/clinic/inbox", headers=PAGE)
    assert inbox.status_code == 200
    new = inbox.text.split('id="unseen-title"')[1].split("Seen lately")[0]
    assert "Stopped: it hurt" in new and "Carol Client" in new
    assert "Stopped “Neck, twice a day” during step 2 of 4, because it hurt." in new
    assert "sharp on the left" in new
    assert "Mon 2 Mar, 09:00" in new  # when, in the clinic's time (UTC here)
    # Bob's inbox has none of it; repeating the finish adds nothing.
    assert "Carol" not in town.bob.http.get("/clinic/inbox").text
    assert [k for k, _ in items(store, town.carol)] == ["it_hurts"]


def test_marking_seen_one_item_and_then_all(town: Clinic, carols: dict[str, Any],
                                            store: Store, clock: FrozenClock) -> None:
    plan = carols["plan"]
    play(town.carol, plan, programme=carols["programme"], slot="2026-03-02 08:00", pain=9)
    clock.advance(hours=1)
    play(town.carol, plan, programme=carols["programme"], slot="2026-03-02 19:00", pain=5,
         finish="stopped")
    inbox = town.alice.http.get("/clinic/inbox").text
    assert inbox.count("Mark as seen</button>") == 2
    first = re.search(r'action="(/clinic/clients/[^"]+/alerts/(\d+)/seen)"', inbox)
    assert first
    answer = town.alice.post(first[1], {"back": "inbox"})
    assert answer.status_code == 303 and answer.headers["location"] == "/clinic/inbox"
    inbox = town.alice.http.get("/clinic/inbox").text
    assert inbox.count("Mark as seen</button>") == 1 and "Seen lately" in inbox
    assert "Seen Mon 2 Mar, 10:00" in inbox
    assert town.alice.post("/clinic/inbox/seen").status_code == 303
    inbox = town.alice.http.get("/clinic/inbox").text
    assert "Mark as seen</button>" not in inbox and "Nothing new" in inbox
    assert town.alice.post("/clinic/inbox/seen").status_code == 303  # nothing left: harmless
    with store.reading() as db:
        assert all(a.seen_by == town.alice.account_id for a in db.scalars(select(ClinicAlert)))
        details = list(db.scalars(select(AuditEvent.detail).where(AuditEvent.action == "seen")))
    assert details[-1] == "marked the 1 unseen inbox item as seen"
    assert any(d.startswith("marked “") for d in details)


def test_pain_of_8_or_more_before_a_session_is_an_item(town: Clinic, store: Store) -> None:
    plan = own_plan(town.carol)
    play(town.carol, plan, pain=7)
    play(town.carol, plan, pain=8)
    assert items(store, town.carol) == [
        ("high_pain", "Rated pain 8 of 10 before a session of their own.")]


def test_pain_rising_three_times_in_a_row_is_one_item_until_seen(
        town: Clinic, store: Store, clock: FrozenClock) -> None:
    plan = own_plan(town.carol)
    for pain in (5, 3, 4):  # down, then up once: not rising
        play(town.carol, plan, pain=pain)
        clock.advance(days=1)
    assert items(store, town.carol) == []
    play(town.carol, plan, pain=6)  # 3 → 4 → 6
    assert items(store, town.carol) == [
        ("rising_pain", "Pain before a session rose 3 times in a row: 3 → 4 → 6.")]
    clock.advance(days=1)
    play(town.carol, plan, pain=7)  # still rising: the unseen item already says so
    assert [k for k, _ in items(store, town.carol)] == ["rising_pain"]
    town.alice.post("/clinic/inbox/seen")
    clock.advance(days=1)
    play(town.carol, plan, pain=9)  # rising again, and pain 9
    assert [k for k, _ in items(store, town.carol)] == ["rising_pain", "high_pain", "rising_pain"]


def test_rising_pain_counts_only_ratings_within_two_weeks(
        town: Clinic, store: Store, clock: FrozenClock) -> None:
    plan = own_plan(town.carol)
    play(town.carol, plan, pain=2, at="2026-02-01T09:00:00Z")  # 29 days before
    play(town.carol, plan, pain=3, at="2026-03-01T09:00:00Z")
    play(town.carol, plan, pain=4)
    assert items(store, town.carol) == []
    play(town.carol, plan, pain=3, at="2026-02-28T09:00:00Z")  # stored late: not the newest
    assert items(store, town.carol) == []


def test_a_red_flag_intake_is_an_item(town: Clinic, store: Store) -> None:
    answer = town.alice.post(f"/clinic/clients/{town.carol.account_id}/intake",
                             {"text": "worst headache of my life, came on suddenly"})
    assert answer.status_code == 303
    [(kind, detail)] = items(store, town.carol)
    assert kind == "red_flag" and detail.startswith("The intake screen said ")
    inbox = town.alice.http.get("/clinic/inbox").text
    assert "Red flag at intake" in inbox
    record_intake(town.alice, town.carol)  # a fine intake adds nothing
    assert len(items(store, town.carol)) == 1


def test_a_clients_own_red_flag_screen_reaches_the_therapist_once(town: Clinic,
                                                                   store: Store) -> None:
    urgent = "sudden worst headache of my life an hour ago, neck stiff, light hurts"
    # The start page screens, then plans: the same finding is one item, not two.
    assert town.carol.api("POST", "/api/v1/intake", {"text": urgent}).status_code == 200
    assert town.carol.api("POST", "/api/v1/plans", {"text": urgent, "minutes": 5}).status_code == 200
    [(kind, detail)] = items(store, town.carol)
    assert kind == "red_flag" and detail.startswith("Their own screen on the start page said urgent")
    assert "Red flag at intake" in town.alice.http.get("/clinic/inbox").text
    assert "Carol" not in town.bob.http.get("/clinic/inbox").text
    # The no-script start page too, and only for a red flag.
    town.carol.post("/start", {"text": "neck tight from the desk", "minutes": "5"})
    town.carol.post("/start", {"text": "my back hurts and since this morning I cannot feel "
                                       "the toilet paper when I wipe", "minutes": "5"})
    assert [kind for kind, _ in items(store, town.carol)] == ["red_flag", "red_flag"]
    # A therapist screening a text for themself adds nothing to anyone's inbox.
    town.alice.api("POST", "/api/v1/intake", {"text": urgent})
    assert len(items(store, town.carol)) == 2


# -- adherence and trends --------------------------------------------------------------


def test_each_slot_is_done_partial_or_missed_in_the_clients_local_time(
        town: Clinic, carols: dict[str, Any], clock: FrozenClock) -> None:
    plan, programme = carols["plan"], carols["programme"]
    play(town.carol, plan, programme=programme, slot="2026-03-02 08:00", pain=6, after=3)
    clock.advance(days=1)  # Tue 3 March 09:00
    play(town.carol, plan, programme=programme, slot="2026-03-03 08:00", pain=5, finish="quit")
    clock.advance(days=1, hours=1)  # Wed 4 March 10:00: the 08:00 slot is open until 19:00
    page = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/outcomes")
    assert page.status_code == 200
    rows = dict(re.findall(r'<tr><th scope="row">(\w{3} \d+ \w{3})</th>(.*?)</tr>', page.text,
                           re.S))
    states = {day: re.findall(r'state-(\w+)', cells) for day, cells in rows.items()}
    assert states["Mon 2 Mar"] == ["done", "missed"]
    assert states["Tue 3 Mar"] == ["partial", "missed"]
    assert states["Wed 4 Mar"] == ["open", "open"]
    assert "<strong>1 of 4</strong>" in page.text and "1 partly" in page.text
    # The dashboard says the same in a few words.
    board = town.alice.http.get("/clinic/dashboard").text
    assert "1 of 4, 1 partly" in board


def test_the_dashboard_reads_each_clients_week_in_their_own_time_zone(
        town: Clinic, carols: dict[str, Any], clock: FrozenClock) -> None:
    plan, programme = carols["plan"], carols["programme"]
    play(town.carol, plan, programme=programme, slot="2026-03-02 08:00", pain=6, after=3)
    clock.advance(days=2, hours=1)  # Wed 4 March 10:00 in London: Thu 00:00 on Kiritimati
    assert "1 of 4" in town.alice.http.get("/clinic/dashboard").text
    moved = town.alice.post(f"/clinic/clients/{town.carol.account_id}/timezone",
                            {"timezone": "Pacific/Kiritimati"})
    assert moved.status_code == 303
    page = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/outcomes").text
    done, due = re.search(r"<strong>(\d+) of (\d+)</strong>", page).groups()
    assert (done, due) != ("1", "4")  # Wednesday's slots have passed there
    assert f"{done} of {due}" in town.alice.http.get("/clinic/dashboard").text


def test_the_client_sees_their_week_in_kind_words_and_no_inbox(
        town: Clinic, carols: dict[str, Any], clock: FrozenClock, store: Store) -> None:
    play(town.carol, carols["plan"], programme=carols["programme"], slot="2026-03-02 08:00")
    clock.advance(days=1)
    start = town.carol.http.get("/").text
    link = f"/clinic/clients/{town.carol.account_id}/outcomes"
    assert link in start
    page = town.carol.http.get(link).text
    assert "How your programme is going" in page
    assert "Each one helps; there is no score to keep." in page
    assert "streak" not in page.lower() and "fail" not in page.lower()
    assert "Inbox items" not in page
    with store.reading() as db:
        viewed = list(db.scalars(select(AuditEvent.detail).where(
            AuditEvent.detail == "opened the client's outcomes")))
    assert viewed == []  # the client's own look is not an access to audit
    town.alice.http.get(link)
    with store.reading() as db:
        viewed = list(db.scalars(select(AuditEvent.actor_id).where(
            AuditEvent.detail == "opened the client's outcomes")))
    assert viewed == [town.alice.account_id]


def test_before_and_after_ratings_per_programme_by_week(
        town: Clinic, carols: dict[str, Any], clock: FrozenClock) -> None:
    plan, programme = carols["plan"], carols["programme"]
    play(town.carol, plan, programme=programme, slot="2026-03-02 08:00", pain=6, after=3)
    clock.advance(hours=10)
    play(town.carol, plan, programme=programme, slot="2026-03-02 19:00", pain=4, after=2)
    page = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/outcomes").text
    trend = page.split("Before → after")[1]
    assert re.search(r"<th scope=\"row\">2 Mar</th><td>2</td>\s*<td>5\.0 → 2\.5</td>"
                     r"<td>5\.0 → 2\.0</td><td>4\.0 → 2\.0</td>", trend), trend
    assert "Pain before a session: 5.0. A session eased it by 2.5 points on average." in trend


def test_the_trend_chart_draws_each_weeks_pain_before_and_after_with_its_gaps(
        store: Store, clock: FrozenClock) -> None:
    with clinic(store, login_days=60) as town:  # signed in across the four weeks
        record_intake(town.alice, town.carol)
        programme = make_programme(town.alice, town.carol, ends_on="2026-03-29")  # four weeks
        link = f"/clinic/clients/{town.carol.account_id}/outcomes"
        empty = town.alice.http.get(link).text
        assert week_charts(empty) == [] and "No finished sessions in the last eight" in empty
        plan = _carol_plan(town, programme)
        for slot, before, after in (("2026-03-02 08:00", 6, 3), ("2026-03-03 19:00", 4, 2),
                                    ("2026-03-16 08:00", 7, 4), ("2026-03-23 19:00", 3, 1)):
            clock.now = datetime.fromisoformat(f"{slot}:00+00:00") + timedelta(minutes=5)
            play(town.carol, plan, programme=programme, slot=slot, pain=before, after=after)
        clock.advance(days=2)  # Wed 25 March: the programme's fourth week
        page = town.alice.http.get(link).text
        own = town.carol.http.get(link).text
    [chart] = week_charts(page)
    weeks = [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23)]
    assert (chart.first, chart.weeks) == (weeks[0], 4)
    # Week one's two sessions as their means; week two had none: a gap the lines skip.
    assert chart.dots["before"] == [(weeks[0], 5.0), (weeks[2], 7.0), (weeks[3], 3.0)]
    assert chart.dots["after"] == [(weeks[0], 2.5), (weeks[2], 4.0), (weeks[3], 1.0)]
    assert chart.lines == {"before": [(weeks[2], weeks[3])], "after": [(weeks[2], weeks[3])]}
    assert chart.labels == [(w, f"{w:%-d %b}", True) for w in weeks]
    # One image with a name and a description in words; the table stays beside it.
    figure = page[page.index('<figure class="chart week-chart">'):page.index("</figure>")]
    assert 'role="img" aria-label="Pain before and after each week\'s sessions of Neck, ' \
           'twice a day" aria-describedby="trend-1-desc"' in figure
    caption = re.search(r'<figcaption id="trend-1-desc">(.*?)</figcaption>', figure, re.S)[1]
    assert "4 weeks from the week of 2 Mar 2026 to the week of 23 Mar 2026" in caption
    assert "the week of 2 Mar 2026, 5 before and 2.5 after" in caption
    assert "Pain, 0 (none) to 10 (worst)" in figure
    assert re.search(r'<th scope="row">16 Mar</th><td>1</td>\s*<td>7\.0 → 4\.0</td>', page)
    # The client sees the same chart on their own page.
    assert week_charts(own) == [chart]


def test_an_archived_programmes_weeks_still_show_marked_without_its_slots(
        town: Clinic, carols: dict[str, Any], clock: FrozenClock) -> None:
    plan, programme = carols["plan"], carols["programme"]
    play(town.carol, plan, programme=programme, slot="2026-03-02 08:00", pain=6, after=3)
    clock.advance(days=2)
    archived = town.alice.post(f"/clinic/clients/{town.carol.account_id}/programmes/"
                               f"{programme}/archive")
    assert archived.status_code == 303
    page = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/outcomes").text
    assert "Archived: no longer on the schedule; its sessions stay here." in page
    assert "The last two weeks" not in page and "Nothing is scheduled this week." in page
    [chart] = week_charts(page)
    assert chart.dots == {"before": [(date(2026, 3, 2), 6.0)], "after": [(date(2026, 3, 2), 3.0)]}
    assert chart.weeks == 1


# -- the dashboard ----------------------------------------------------------------------


def test_the_dashboard_puts_who_needs_attention_first_and_sorts_by_a_checked_parameter(
        town: Clinic, carols: dict[str, Any], clock: FrozenClock) -> None:
    cleo = add_client(town, "Cleo Client", "cleo@calm.test")
    add_client(town, "Abe Client", "abe@calm.test")
    play(town.carol, carols["plan"], programme=carols["programme"], slot="2026-03-02 08:00",
         pain=3, after=2)
    clock.advance(hours=1)
    play(cleo, own_plan(cleo), pain=5, finish="stopped")

    def order(query: str = "") -> list[str]:
        page = town.alice.http.get(f"/clinic/dashboard{query}")
        assert page.status_code == 200, page.text
        return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page.text)

    # Cleo has an unseen item; then Carol (latest pain 2) before Abe (never rated).
    assert order() == ["Cleo Client", "Carol Client", "Abe Client"]
    assert order("?sort=name") == ["Abe Client", "Carol Client", "Cleo Client"]
    assert order("?sort=pain") == ["Cleo Client", "Carol Client", "Abe Client"]
    assert order("?sort=last") == ["Abe Client", "Carol Client", "Cleo Client"]
    assert order("?sort=week")[0] == "Carol Client"  # the only one with a programme
    board = town.alice.http.get("/clinic/dashboard").text
    assert "1 new" in board and "2<span class=\"hint\"> / 10" in board
    assert 'aria-current="true">Needs attention first' in board
    bad = town.alice.http.get("/clinic/dashboard?sort=age%27--", headers=PAGE)
    assert bad.status_code == 422
    assert "is not one of attention, name, last, week, pain, alerts" in bad.text
    assert "Abe" not in town.bob.http.get("/clinic/dashboard").text


def test_the_dashboard_counts_the_therapists_own_unseen_items_and_logs_each_view(
        town: Clinic, carols: dict[str, Any], store: Store) -> None:
    abe = add_client(town, "Abe Client", "abe@calm.test")
    play(town.carol, carols["plan"], programme=carols["programme"], slot="2026-03-02 08:00",
         pain=9, finish="stopped")  # two items: pain 9, and stopped because it hurt
    with store.writing() as db:
        first = db.scalars(select(ClinicAlert).order_by(ClinicAlert.id)).first()
        assert first is not None
        # An item of Carol's raised with Bob (say, before she moved to Alice): not Alice's.
        db.add(ClinicAlert(clinic_id=first.clinic_id, client_id=town.carol.account_id,
                           therapist_id=town.bob.account_id, kind="high_pain", at=first.at,
                           detail="Rated pain 9 of 10 before a session."))
    assert town.alice.post(f"/clinic/clients/{town.carol.account_id}/alerts/{first.id}/seen",
                           {"back": "inbox"}).status_code == 303

    def row(page: str, name: str) -> str:
        found = page[page.index(name):]
        return found[:found.index("</tr>")]

    def views() -> int:
        with store.reading() as db:
            return len(db.scalars(select(AuditEvent.id).where(
                AuditEvent.actor_id == town.alice.account_id,
                AuditEvent.detail == "opened the dashboard")).all())

    before = views()
    for sort in ("attention", "name", "last", "week", "pain", "alerts"):
        page = town.alice.http.get(f"/clinic/dashboard?sort={sort}").text
        assert "1 new" in row(page, "Carol Client")  # hers, unseen: 1 of the 3
        assert "9<span" in row(page, "Carol Client")
        never = row(page, abe.name)  # no sessions at all
        assert "none" in never and "not rated" in never and "never" in never
    assert views() == before + 6  # each view logged once, with the page it showed


# -- who may see what ---------------------------------------------------------------------


def test_the_ownership_matrix_on_the_inbox_dashboard_and_outcomes(
        town: Clinic, carols: dict[str, Any], store: Store) -> None:
    play(town.carol, carols["plan"], programme=carols["programme"], slot="2026-03-02 08:00",
         pain=9, finish="stopped")
    with store.reading() as db:
        alert = db.scalars(select(ClinicAlert.id).order_by(ClinicAlert.id)).first()
    assert alert is not None
    carol = town.carol.account_id
    everyone = {"owner": town.owner, "alice": town.alice, "bob": town.bob, "carol": town.carol,
                "dave": town.dave, "outsider": town.outsider}
    routes = [
        # (method, path, who gets it; the outsider owns another clinic)
        ("GET", "/clinic/inbox", {"alice", "bob"}),
        ("GET", "/clinic/dashboard", {"alice", "bob"}),
        ("GET", "/clinic/dashboard?sort=name", {"alice", "bob"}),
        ("GET", f"/clinic/clients/{carol}/outcomes", {"alice", "carol"}),
        ("POST", "/clinic/inbox/seen", {"alice", "bob"}),
        ("POST", f"/clinic/clients/{carol}/alerts/{alert}/seen", {"alice"}),
    ]
    for method, path, allowed in routes:
        for key, person in everyone.items():
            if method == "GET":
                answer = person.http.get(path, headers=PAGE, follow_redirects=False)
            else:
                answer = person.post(path, {}, headers=PAGE)
            expected = (200, 303) if key in allowed else (404,)
            assert answer.status_code in expected, (key, method, path, answer.status_code)
            if key not in ("alice", "carol"):
                assert "Carol" not in answer.text, (key, path)
        signed_out = town.anonymous.request(method, path, headers=PAGE, follow_redirects=False)
        assert signed_out.status_code in (303, 401, 403), (method, path)
        if method == "GET":
            assert signed_out.headers["location"].startswith("/login?next=")
    # An item id of another client, or one that does not exist, is not found either.
    assert town.alice.post(f"/clinic/clients/{carol}/alerts/{alert + 1000}/seen",
                           headers=PAGE).status_code == 404
    dave_alert = town.bob.post(f"/clinic/clients/{town.dave.account_id}/alerts/{alert}/seen",
                               headers=PAGE)
    assert dave_alert.status_code == 404
    with store.reading() as db:
        account = db.get_one(Account, town.alice.account_id)
    assert account.role == "therapist"


def test_an_archived_programme_no_longer_counts_in_the_dashboards_week(
        town: Clinic, carols: dict[str, Any]) -> None:
    def carols_week() -> str:
        page = town.alice.http.get("/clinic/dashboard?sort=name").text
        row = page[page.index("Carol Client"):]
        return row[:row.index("</tr>")]

    assert "to come" in carols_week()  # the programme's slots this week
    carol, programme = town.carol.account_id, carols["programme"]
    archived = town.alice.post(f"/clinic/clients/{carol}/programmes/{programme}/archive")
    assert archived.status_code == 303
    assert "to come" not in carols_week()
