"""Records that travel, in clinic mode, on SQLite and PostgreSQL: the ownership matrix on
every records route, the report (page and PDF), the FHIR R4 bundle, CSV and JSON of
everything a client owns, and a client deleting their account in one transaction,
confirmed by their password or by a fresh passkey assertion of their own."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from conftest import FrozenClock
from support.clinic import (
    BASE,
    PAGE,
    PASSWORD,
    Clinic,
    Person,
    TestClient,
    clinic,
    form_token,
    invite_link_token,
    refresh_csrf,
)
from support.fhir import r4_code_problems, read_both, read_r4
from support.passkey import SoftAuthenticator, b64url, unb64url
from support.week_chart import week_charts
from test_clinic_accounts import ORIGIN, add_passkey, passkey_sign_in
from test_clinic_web import make_programme, record_intake
from unknot.storage import Store
from unknot.storage.clinic_models import (
    Account,
    AuditEvent,
    ClientIntake,
    LoginFailure,
    Passkey,
    PasskeyChallenge,
    Programme,
)
from unknot.storage.models import Person as PersonRow
from unknot.storage.models import PreferenceRow, SessionRow, SessionTechnique

SLOT = "2026-03-02 08:00"


@pytest.fixture
def town(store: Store) -> Iterator[Clinic]:
    with clinic(store) as made:
        yield made


def play(client: Person, programme: str, *, slot: str, before: int, after: int | None,
         status: str = "completed", stop_reason: str | None = None,
         note: str | None = None) -> str:
    """The client plays a programme slot from its page, rating pain before and after."""
    page = client.http.get(f"/programme/{programme}/play?slot={slot.replace(' ', '%20')}")
    assert page.status_code == 200, page.text
    routine = json.loads(re.search(r'id="programme-routine">(.*?)</script>', page.text, re.S)[1])
    sid = str(uuid.uuid4())
    made = client.api("POST", "/api/v1/sessions", {
        "id": sid, "plan": routine["plan"], "request": routine["request"],
        "programme": routine["programme"], "before": {"pain": before, "stress": 6}})
    assert made.status_code == 201, made.text
    steps = len(routine["plan"]["steps"])
    finished = client.api("POST", f"/api/v1/sessions/{sid}/finish", {
        "status": status, "completed_steps": steps if status == "completed" else 1,
        "after": {"pain": after, "stress": 3} if after is not None else None,
        "stop_reason": stop_reason, "note": note})
    assert finished.status_code == 200, finished.text
    return sid


@pytest.fixture
def carol_history(town: Clinic, clock: FrozenClock) -> dict[str, Any]:
    """Carol's programme from Alice, two sessions played (one stopped because it hurt)."""
    record_intake(town.alice, town.carol, conditions="varicose veins")
    programme = make_programme(town.alice, town.carol)
    first = play(town.carol, programme, slot=SLOT, before=7, after=3)
    clock.advance(hours=10)
    second = play(town.carol, programme, slot="2026-03-02 19:00", before=6, after=8,
                  status="stopped", stop_reason="it hurts more on the left",
                  note="=HYPERLINK(\"http://evil.example\",\"click\")")
    return {"programme": programme, "sessions": [first, second]}


# -- the ownership matrix --------------------------------------------------------------


OWN_ROUTES = ("/records", "/records/report", "/records/report.pdf",
              "/records/report.pdf?paper=letter", "/records/fhir.json", "/records/export.csv",
              "/records/export.json", "/records/export.zip", "/records/delete")


def test_the_ownership_matrix_on_every_records_route(town: Clinic, carol_history: Any) -> None:
    carol = town.carol.account_id
    everyone = {"owner": town.owner, "alice": town.alice, "bob": town.bob, "carol": town.carol,
                "dave": town.dave, "outsider": town.outsider}
    # A person's own records: each signed-in person gets their own, never Carol's.
    for path in OWN_ROUTES:
        for key, person in everyone.items():
            answer = person.http.get(path, headers=PAGE, follow_redirects=False)
            assert answer.status_code == 200, (key, path, answer.status_code)
            if key != "carol" and not path.endswith((".pdf", ".zip")):
                assert "Carol" not in answer.text and "it hurts more" not in answer.text, \
                    (key, path)
        signed_out = town.anonymous.get(path, headers=PAGE, follow_redirects=False)
        assert signed_out.status_code == 303, path
        assert signed_out.headers["location"].startswith("/login?next=")
        assert town.anonymous.get(path, follow_redirects=False).status_code == 401, path
    assert "it hurts more" in town.carol.http.get("/records/report").text
    # A client's records through their therapist: Alice only.
    for path in (f"/clinic/clients/{carol}/report", f"/clinic/clients/{carol}/report.pdf",
                 f"/clinic/clients/{carol}/report.pdf?paper=letter",
                 f"/clinic/clients/{carol}/fhir.json"):
        for key, person in everyone.items():
            answer = person.http.get(path, headers=PAGE, follow_redirects=False)
            assert answer.status_code == (200 if key == "alice" else 404), (key, path)
            if key != "alice":
                assert "Carol" not in answer.text, (key, path)
        assert town.anonymous.get(path, headers=PAGE, follow_redirects=False) \
            .status_code == 303, path
    # Another therapist's id, and an unknown one, look the same.
    assert town.alice.http.get(f"/clinic/clients/{town.dave.account_id}/fhir.json").status_code \
        == town.alice.http.get(f"/clinic/clients/{uuid.uuid4()}/fhir.json").status_code == 404
    # Deleting: a client deletes only their own account; therapists and owners cannot.
    for key in ("owner", "alice", "outsider"):
        refused = everyone[key].post("/records/delete", {"password": PASSWORD}, headers=PAGE)
        assert refused.status_code == 404, key
    assert town.anonymous.post("/records/delete", data={"password": PASSWORD},
                               follow_redirects=False).status_code in (401, 403)
    # The passkey challenge for deleting: only a client, for their own account.
    for key in ("owner", "alice", "outsider"):
        assert everyone[key].api("POST", "/records/delete/passkey/options").status_code == 404
    assert town.anonymous.post("/records/delete/passkey/options").status_code in (401, 403)
    assert town.carol.http.post("/records/delete/passkey/options").status_code == 403  # no CSRF
    none_yet = town.carol.api("POST", "/records/delete/passkey/options")
    assert none_yet.status_code == 409 and "confirm with your password" in none_yet.json()["detail"]


def test_every_view_and_download_is_in_the_audit_log(town: Clinic, carol_history: Any) -> None:
    carol = town.carol.account_id
    town.alice.http.get(f"/clinic/clients/{carol}/report")
    town.alice.http.get(f"/clinic/clients/{carol}/fhir.json")
    town.carol.http.get("/records/report.pdf?paper=letter")
    town.carol.http.get("/records/export.csv")
    town.bob.http.get(f"/clinic/clients/{carol}/report")  # refused: not recorded
    log = town.owner.http.get("/clinic/audit").text
    assert "opened the client&#39;s printable report" in log
    assert "downloaded the client&#39;s FHIR R4 bundle" in log
    assert "downloaded the report as a PDF (letter)" in log
    assert "downloaded their sessions as CSV" in log
    assert "Bob Therapist" not in log


# -- the report --------------------------------------------------------------------------


def test_the_report_page_shows_ratings_trends_stops_safety_and_the_programme(
        town: Clinic, carol_history: Any) -> None:
    page = town.carol.http.get("/records/report").text
    assert "Self-massage record: Carol Client" in page
    assert "Calm Hands, therapist Alice Therapist" in page
    assert "2 sessions: 1 completed, 1 stopped (it hurt)" in page
    # Pain: 7 → 3 and 6 → 8; mean 6.5 → 5.5, change −1.
    assert re.search(r"Pain</th><td class=\"num\">2</td><td class=\"num\">6.5</td>"
                     r"<td class=\"num\">5.5</td><td class=\"num\">−1</td>", page)
    assert "March 2026" in page  # the month's trend row
    assert "it hurts more on the left" in page
    assert "Recorded by the therapist" in page and "Fine, with things to avoid" in page
    assert "Programme: Neck, twice a day" in page and "stay light on the left side" in page
    assert "7 → 3" in page and "6 → 8" in page
    # Printing: the nav, footer and buttons are left off the paper.
    css = town.carol.http.get(re.search(r'href="(/static/records\.css[^"]*)"', page)[1]).text
    assert "@media print" in css and ".top, .foot" in css and "@page" in css


def test_the_report_pdf_parses_and_carries_the_numbers(town: Clinic, carol_history: Any) -> None:
    from pypdf import PdfReader

    carol = town.carol.account_id
    for path, size in ((f"/clinic/clients/{carol}/report.pdf", (595, 842)),
                       (f"/clinic/clients/{carol}/report.pdf?paper=letter", (612, 792)),
                       ("/records/report.pdf", (595, 842))):
        http = town.carol.http if path.startswith("/records") else town.alice.http
        answer = http.get(path)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/pdf"
        assert "attachment" in answer.headers["content-disposition"]
        reader = PdfReader(io.BytesIO(answer.content))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
        words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
        assert "Self-massage record: Carol Client" in words
        assert "Pain 2 6.5 5.5 −1" in words, words[:800]
        assert "7 → 3" in words and "6 → 8" in words
        assert "it hurts more on the left" in words
        assert "Neck, twice a day" in words and "stay light on the left side" in words
        assert "Fine, with things to avoid" in words


def _pdf_lines(page: Any, reader: Any) -> dict[tuple[float, ...], list[list[tuple[float, float]]]]:
    """The stroked paths of a PDF page (points in pt), by their stroke colour."""
    from pypdf.generic import ContentStream

    found: dict[tuple[float, ...], list[list[tuple[float, float]]]] = {}
    colour: tuple[float, ...] = (0, 0, 0)
    path: list[tuple[float, float]] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"RG":
            colour = tuple(round(float(v), 2) for v in operands)
        elif operator in (b"m", b"l"):
            path = ([] if operator == b"m" else path) + [(float(operands[0]), float(operands[1]))]
        elif operator == b"S" and path:
            found.setdefault(colour, []).append(path)
            path = []
    return found


def test_the_report_draws_each_programmes_weeks_on_the_page_and_in_the_pdf(
        store: Store, clock: FrozenClock) -> None:
    from pypdf import PdfReader

    from unknot.records.pdf_chart import AFTER_INK, BEFORE_INK, HEIGHT, LABEL_ROOM, TOP_ROOM

    with clinic(store, login_days=60) as town:  # signed in across the four weeks
        record_intake(town.alice, town.carol)
        programme = make_programme(town.alice, town.carol, ends_on="2026-03-29")
        for slot, before, after in (("2026-03-02 08:00", 7, 3), ("2026-03-04 19:00", 5, 3),
                                    ("2026-03-09 08:00", 5, 2), ("2026-03-23 08:00", 4, 1)):
            clock.now = datetime.fromisoformat(f"{slot}:00+00:00") + timedelta(minutes=5)
            play(town.carol, programme, slot=slot, before=before, after=after)
        clock.advance(days=2)
        carol = town.carol.account_id
        assert town.alice.post(f"/clinic/clients/{carol}/programmes/{programme}/archive") \
            .status_code == 303
        page = town.alice.http.get(f"/clinic/clients/{carol}/report").text
        pdf = town.alice.http.get(f"/clinic/clients/{carol}/report.pdf").content
    # The page: the archived programme's four weeks, the third without sessions.
    assert "Programme: Neck, twice a day <span class=\"hint\">(archived)</span>" in page
    [chart] = week_charts(page)
    weeks = [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16), date(2026, 3, 23)]
    assert (chart.first, chart.weeks) == (weeks[0], 4)
    assert chart.dots == {"before": [(weeks[0], 6.0), (weeks[1], 5.0), (weeks[3], 4.0)],
                          "after": [(weeks[0], 3.0), (weeks[1], 2.0), (weeks[3], 1.0)]}
    assert chart.lines == {"before": [(weeks[0], weeks[1])], "after": [(weeks[0], weeks[1])]}
    assert 'aria-describedby="programme-trend-1-desc"' in page
    table = page[page.index('<details class="week-table">'):page.index("</details>")]
    assert re.search(r'<th scope="row">2 Mar 2026</th><td class="num">2</td>'
                     r'<td class="num">6 → 3</td>', table), table
    assert "23 Mar 2026" in table and "16 Mar 2026" not in table
    # The PDF: the same chart in fpdf2's lines, and its words.
    reader = PdfReader(io.BytesIO(pdf))
    [sheet] = [p for p in reader.pages if "week by week" in p.extract_text()]
    words = " ".join(sheet.extract_text().split())
    assert "Programme: Neck, twice a day (archived)" in words
    assert "Pain, 0 (none) to 10 (worst) Before After" in words, words
    assert all(label in words for label in ("2 Mar", "9 Mar", "16 Mar", "23 Mar"))
    assert "4 weeks from the week of 2 Mar 2026 to the week of 23 Mar 2026. 3 of those weeks " \
           "have ratings" in words
    lines = _pdf_lines(sheet, reader)

    def sloped(ink: tuple[int, int, int]) -> list[list[tuple[float, float]]]:
        key = tuple(round(c / 255, 2) for c in ink)
        # Neither level (the legend's, the grid's) nor upright (the weeks' marks).
        return [path for path in lines.get(key, [])
                if path[0][0] != path[-1][0] and path[0][1] != path[-1][1]]

    [before], [after] = sloped(BEFORE_INK), sloped(AFTER_INK)
    assert [x for x, _ in before] == [x for x, _ in after] and before[0][0] < before[1][0]
    # Heights follow the ratings: 6 → 5 before and 3 → 2 after, one scale for both.
    point = (HEIGHT - TOP_ROOM - LABEL_ROOM) / 10 * 72 / 25.4  # pt per rating point
    zero = before[0][1] - 6 * point
    for (_, y), value in zip(before + after, (6, 5, 3, 2), strict=True):
        assert abs(y - (zero + value * point)) < 0.05, (y, value)


# -- FHIR --------------------------------------------------------------------------------


def test_the_fhir_bundle_validates_and_round_trips(town: Clinic, carol_history: Any,
                                                   store: Store) -> None:
    from fhir.resources.R4B.bundle import Bundle

    answer = town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/fhir.json")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/fhir+json; fhirVersion=4.0"
    bundle = read_both(answer.content)  # R4 (4.0.1) with fhirclient, and R4B
    assert bundle.type == "collection"
    again = Bundle.model_validate_json(bundle.model_dump_json(exclude_none=True))
    assert again.model_dump(exclude_none=True) == bundle.model_dump(exclude_none=True)
    resources = [e.resource for e in bundle.entry]
    kinds = [r.get_resource_type() for r in resources]
    assert kinds.count("Patient") == 1 and kinds.count("CarePlan") == 1
    patient = resources[kinds.index("Patient")]
    assert patient.name[0].text == "Carol Client"
    careplan = resources[kinds.index("CarePlan")]
    assert careplan.title == "Neck, twice a day" and careplan.intent == "plan"
    assert careplan.subject.reference == f"urn:uuid:{patient.id}"
    assert [a.detail.code.coding[0].code for a in careplan.activity] == [
        "neck-side-stretch", "shoulder-knuckle-glide"]
    timing = careplan.activity[1].detail.scheduledTiming.repeat
    assert [str(t) for t in timing.timeOfDay] == ["08:00:00", "19:00:00"]
    assert "stay light on the left side" in careplan.activity[1].detail.description
    observations = [r for r in resources if r.get_resource_type() == "Observation"]
    values = []
    first, second = carol_history["sessions"]
    for sid in (first, second):
        record = store.get_session(sid, person_id=town.carol.person_id)
        assert record is not None
        for when, moment in (("before", record.started_at), ("after", record.finished_at)):
            [obs] = [o for o in observations
                     if o.identifier[0].value == f"session/{sid}/pain_{when}"]
            coding = obs.code.coding[0]
            assert (coding.system, coding.code) == ("http://loinc.org", "72514-3")
            assert coding.display == \
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
            assert obs.status == "final" and obs.subject.reference == f"urn:uuid:{patient.id}"
            assert obs.effectiveDateTime == moment
            assert obs.basedOn[0].reference == f"urn:uuid:{careplan.id}"
            values.append(obs.valueInteger)
    assert values == [7, 3, 6, 8]
    assert len(observations) == 4


def test_the_fhir_bundle_reads_as_r4_with_its_pain_codes_and_care_plan(
        town: Clinic, carol_history: Any, store: Store) -> None:
    # The same download read by an R4 (4.0.1) reader: every resource a typed R4 model.
    r4 = read_r4(town.alice.http.get(f"/clinic/clients/{town.carol.account_id}/fhir.json")
                 .content)
    resources = [e.resource for e in r4.entry]
    assert [type(r).__name__ for r in resources] == ["Patient", "CarePlan", *["Observation"] * 4]
    careplan = resources[1]
    assert (careplan.status, careplan.intent) == ("active", "plan")  # runs to 8 March
    assert [a.detail.kind for a in careplan.activity] == ["Task", "Task"]
    repeat = careplan.activity[1].detail.scheduledTiming.repeat
    assert (repeat.duration, repeat.durationUnit) == (90, "s")  # 45 s on each side
    assert [t.isostring for t in repeat.timeOfDay] == ["08:00:00", "19:00:00"]
    assert repeat.boundsPeriod.start.as_json() == "2026-03-02"
    for obs in resources[2:]:
        [coding] = obs.code.coding
        assert (coding.system, coding.code) == ("http://loinc.org", "72514-3")
        assert [c.code for c in obs.category[0].coding] == ["survey"]
        assert isinstance(obs.valueInteger, int) and 0 <= obs.valueInteger <= 10
        assert obs.effectiveDateTime.datetime.tzinfo is not None  # R4 wants the zone
    first = store.get_session(carol_history["sessions"][0], person_id=town.carol.person_id)
    assert first is not None
    assert resources[2].effectiveDateTime.datetime == first.started_at
    assert r4.meta.tag[0].display == "FHIR 4.0.1 (R4)"


def test_a_broken_bundle_does_not_validate() -> None:
    # The checks the export relies on are real: a pain value that is not a number fails.
    from fhir.resources.R4B.observation import Observation
    from pydantic import ValidationError

    from unknot.records.fhir import BundleInvalid, check_r4

    with pytest.raises(ValidationError):
        Observation.model_validate({"resourceType": "Observation", "status": "final",
                                    "code": {"text": "pain"}, "valueInteger": "severe"})
    pain = {"resourceType": "Observation", "status": "final", "code": {"text": "pain"},
            "valueInteger": 4, "effectiveDateTime": "2026-03-02T09:00:00+00:00"}

    def bundle(*resources: dict[str, Any]) -> dict[str, Any]:
        return {"resourceType": "Bundle", "type": "collection",
                "entry": [{"fullUrl": f"urn:uuid:{uuid.uuid4()}", "resource": r}
                          for r in resources]}

    check_r4(bundle(pain))  # the good one passes
    broken = {
        "a pain that is a word": {**pain, "valueInteger": "severe"},
        "no code (required in R4)": {k: v for k, v in pain.items() if k != "code"},
        "a moment without its zone": {**pain, "effectiveDateTime": "2026-03-02T09:00:00"},
        "a field R4 lacks (R5's CarePlan.activity.performedActivity)": {
            "resourceType": "CarePlan", "status": "active", "intent": "plan",
            "subject": {"reference": "urn:uuid:x"},
            "activity": [{"performedActivity": [{"concept": {"text": "glide"}}]}]},
        "one author where R4 allows one, given as a list": {
            "resourceType": "CarePlan", "status": "active", "intent": "plan",
            "subject": {"reference": "urn:uuid:x"}, "author": [{"display": "Alice"}]},
    }
    for why, resource in broken.items():
        with pytest.raises(BundleInvalid, match="does not fit R4"):
            check_r4(bundle(resource))
            pytest.fail(why)
    assert r4_code_problems(bundle({**pain, "status": "done"})) == ["Observation.status = 'done'"]


# -- CSV and JSON ------------------------------------------------------------------------


def test_the_csv_is_utf8_with_a_bom_and_defuses_formulas(town: Clinic,
                                                        carol_history: Any) -> None:
    answer = town.carol.http.get("/records/export.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == carol_history["sessions"]
    assert [(r["pain_before"], r["pain_after"]) for r in rows] == [("7", "3"), ("6", "8")]
    assert rows[1]["note"].startswith("'=HYPERLINK(")
    assert rows[1]["stop_reason"] == "it hurts more on the left"
    # Nothing of Carol's in Dave's.
    dave = town.dave.http.get("/records/export.csv").content.decode("utf-8-sig")
    assert dave.count("\n") == 1


def test_the_json_export_holds_everything_the_client_owns(town: Clinic,
                                                         carol_history: Any) -> None:
    town.carol.api("PUT", "/api/v1/preferences", {"minutes": 12})
    answer = town.carol.http.get("/records/export.json")
    assert answer.status_code == 200
    data = answer.json()
    assert data["format"] == "unknot-export" and data["version"] == 1
    assert data["person"]["name"] == "Carol Client"
    assert data["preferences"]["minutes"] == 12
    assert [s["id"] for s in data["sessions"]] == carol_history["sessions"]
    assert data["sessions"][1]["stop_reason"] == "it hurts more on the left"
    assert data["sessions"][0]["plan"]["steps"]
    assert data["intakes"][-1]["intake"]["verdict"] == "caution"
    assert data["programmes"][0]["title"] == "Neck, twice a day"


def test_everything_as_csv_files_in_a_zip(town: Clinic, carol_history: Any) -> None:
    import zipfile

    town.carol.api("PUT", "/api/v1/preferences", {"minutes": 12})
    answer = town.carol.http.get("/records/export.zip")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    assert sorted(archive.namelist()) == [
        "README.txt", "intakes.csv", "preferences.csv", "programmes.csv", "reminders.csv",
        "session_steps.csv", "sessions.csv"]

    def table(name: str) -> list[dict[str, str]]:
        raw = archive.read(name)
        assert raw.startswith(b"\xef\xbb\xbf"), name
        return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))

    assert [r["note"][:11] for r in table("sessions.csv")] == ["", "'=HYPERLINK"]
    assert {r["session_id"] for r in table("session_steps.csv")} == set(carol_history["sessions"])
    assert {r["setting"]: r["value"] for r in table("preferences.csv")}["minutes"] == "12"
    assert [r["verdict"] for r in table("intakes.csv")] == ["caution", "caution"]
    assert "varicose" in table("intakes.csv")[-1]["cautions"]
    steps = table("programmes.csv")
    assert [(r["technique"], r["note"]) for r in steps] == [
        ("neck-side-stretch", ""), ("shoulder-knuckle-glide", "stay light on the left side")]
    assert "formula" in archive.read("README.txt").decode()


# -- deleting an account -----------------------------------------------------------------


def _owned(store: Store, account_id: str, person_id: str) -> dict[str, int]:
    with store.reading() as db:
        def count(query: Any) -> int:
            return int(db.scalar(query) or 0)

        return {
            "people": count(select(func.count()).select_from(PersonRow)
                            .where(PersonRow.id == person_id)),
            "accounts": count(select(func.count()).select_from(Account)
                              .where(Account.id == account_id)),
            "sessions": count(select(func.count()).select_from(SessionRow)
                              .where(SessionRow.person_id == person_id)),
            "steps": count(select(func.count()).select_from(SessionTechnique)
                           .join(SessionRow).where(SessionRow.person_id == person_id)),
            "preferences": count(select(func.count()).select_from(PreferenceRow)
                                 .where(PreferenceRow.person_id == person_id)),
            "intakes": count(select(func.count()).select_from(ClientIntake)
                             .where(ClientIntake.client_id == account_id)),
            "programmes": count(select(func.count()).select_from(Programme)
                                .where(Programme.client_id == account_id)),
            "audit_about": count(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.client_id == account_id)),
        }


def test_a_client_deletes_their_account_and_all_their_data(
        town: Clinic, carol_history: Any, store: Store) -> None:
    carol = town.carol
    carol.api("PUT", "/api/v1/preferences", {"minutes": 12})
    carol.post("/calendar")
    before = _owned(store, carol.account_id, carol.person_id)
    assert all(before.values()), before
    page = carol.http.get("/records/delete")
    assert "Your password, to confirm" in page.text and "2 sessions" in page.text
    forged = carol.http.post("/records/delete", data={"password": PASSWORD}, headers=PAGE)
    assert forged.status_code == 403
    wrong = carol.post("/records/delete", {"password": "not my password"})
    assert wrong.status_code == 422 and "not your password" in wrong.text
    assert _owned(store, carol.account_id, carol.person_id) == before
    done = carol.post("/records/delete", {"password": PASSWORD})
    assert done.status_code == 200 and "Your account is deleted" in done.text
    assert done.headers["clear-site-data"] == '"cache", "storage"'
    assert set(_owned(store, carol.account_id, carol.person_id).values()) == {0}
    # Signed out everywhere; the therapist sees the client gone.
    assert carol.http.get("/api/v1/sessions").status_code == 401
    assert "Carol Client" not in town.alice.http.get("/clinic").text
    assert town.alice.http.get(f"/clinic/clients/{carol.account_id}",
                               headers=PAGE).status_code == 404
    # The audit log says so, without keeping her health data.
    with store.reading() as db:
        details = list(db.scalars(select(AuditEvent.detail)))
    assert "Carol Client (a client of Alice Therapist) deleted their account and all their " \
           "data" in details
    assert not any("caution" in d or "Neck, twice a day" in d for d in details), details
    assert "deleted their account" in town.owner.http.get("/clinic/audit").text
    # Nothing of anyone else went with her.
    assert town.dave.http.get("/api/v1/sessions").status_code == 200
    assert _owned(store, town.dave.account_id, town.dave.person_id)["accounts"] == 1


def test_guessing_the_password_to_delete_is_throttled(town: Clinic, carol_history: Any,
                                                     store: Store) -> None:
    for _ in range(5):
        assert town.carol.post("/records/delete", {"password": "a guess a guess"}) \
            .status_code == 422
    held = town.carol.post("/records/delete", {"password": PASSWORD})  # even the right one
    assert held.status_code == 429 and "too many wrong tries" in held.text
    assert _owned(store, town.carol.account_id, town.carol.person_id)["sessions"] == 2


# -- confirming the deletion with a passkey ---------------------------------------------


def deletion_answer(person: Person, key: SoftAuthenticator, *, origin: str | None = None,
                    signer: SoftAuthenticator | None = None) -> dict[str, str]:
    """Ask for a deletion challenge as `person` and answer it with `signer` (default: `key`)
    as the page's script would: the form's two passkey fields."""
    started = person.api("POST", "/records/delete/passkey/options")
    assert started.status_code == 200, started.text
    body = started.json()
    offered = {c["id"] for c in body["options"]["allowCredentials"]}
    assert offered == {b64url(key.credential_id)}  # only the person's own passkeys
    answer = (signer or key).get(body["options"], origin)
    return {"passkey_handle": body["handle"], "passkey_answer": json.dumps(answer)}


def join_with_passkey(town: Clinic, name: str, email: str, key: SoftAuthenticator) -> Person:
    """A client of Alice who joins with a passkey and never sets a password."""
    sent = town.alice.post("/clinic/invite", {"name": name, "email": email})
    token = invite_link_token(sent.text)
    http = TestClient(town.app, base_url=BASE)
    csrf = form_token(http.get(f"/welcome/{token}").text)
    body = http.post(f"/welcome/{token}/passkey/options", headers={"X-CSRF-Token": csrf}).json()
    joined = http.post(f"/welcome/{token}/passkey", headers={"X-CSRF-Token": csrf}, json={
        "handle": body["handle"], "credential": key.create(body["options"]), "name": name})
    assert joined.status_code == 200, joined.text
    person = Person(name, email, http)
    refresh_csrf(person)
    with town_store(town).reading() as db:
        account = db.scalars(select(Account).where(Account.email == email)).one()
        person.account_id, person.person_id = account.id, account.person_id
    return person


def town_store(town: Clinic) -> Store:
    store: Store = town.app.state.store
    return store


def test_a_client_without_a_password_deletes_their_account_with_a_passkey(
        town: Clinic, store: Store) -> None:
    key = SoftAuthenticator(ORIGIN)
    fay = join_with_passkey(town, "Fay Client", "fay@calm.test", key)
    fay.api("PUT", "/api/v1/preferences", {"minutes": 12})
    # Where passkeys are off (plain http beyond this computer), the page says what to do.
    from support.clinic import clinic_settings
    from unknot.web.app import create_app

    no_passkeys = create_app(clinic_settings(store, public_url="http://clinic.lan:8000"),
                             store=store)
    with TestClient(no_passkeys, base_url=BASE, cookies=fay.http.cookies) as elsewhere:
        page = elsewhere.get("/records/delete").text
        assert "set a password on" in page and "confirming with a passkey" not in page
        refused = elsewhere.post("/records/delete", data={
            "csrf_token": fay.csrf, **deletion_answer(fay, key)}, follow_redirects=False)
        assert refused.status_code == 422 and "not set up on this server" in refused.text
    account = fay.http.get("/account").text
    assert 'href="/records/delete"' in account and "with one of your passkeys" in account
    assert 'href="/records/delete"' not in town.alice.http.get("/account").text
    page = fay.http.get("/records/delete").text
    assert "Delete my account, confirming with a passkey" in page
    assert 'name="password"' not in page  # she has none to type
    # A password cannot confirm for an account without one (and counts no failure).
    typed = fay.post("/records/delete", {"password": PASSWORD})
    assert typed.status_code == 422 and "your account has none" in typed.text
    with store.reading() as db:
        assert db.scalar(select(func.count()).select_from(LoginFailure)
                         .where(LoginFailure.key == "account:fay@calm.test")) == 0
    before = _owned(store, fay.account_id, fay.person_id)
    assert before["accounts"] == before["people"] == before["preferences"] == 1
    done = fay.post("/records/delete", deletion_answer(fay, key))
    assert done.status_code == 200 and "Your account is deleted" in done.text, done.text
    assert done.headers["clear-site-data"] == '"cache", "storage"'
    assert set(_owned(store, fay.account_id, fay.person_id).values()) == {0}
    with store.reading() as db:
        assert db.scalar(select(func.count()).select_from(Passkey)) == 0
        assert db.scalar(select(func.count()).select_from(PasskeyChallenge)) == 0
    assert fay.http.get("/api/v1/sessions").status_code == 401
    # Her passkey opens nothing any more.
    assert "not registered" in passkey_sign_in(TestClient(town.app, base_url=BASE),
                                               key).json()["detail"]
    assert "Fay Client (a client of Alice Therapist) deleted their account" in \
        town.owner.http.get("/clinic/audit").text


def test_a_deletion_passkey_must_be_fresh_their_own_and_used_once(
        town: Clinic, carol_history: Any, store: Store, clock: FrozenClock) -> None:
    carol, dave = town.carol, town.dave
    carol_key, dave_key = SoftAuthenticator(ORIGIN), SoftAuthenticator(ORIGIN)
    assert add_passkey(carol, carol_key).status_code == 200
    assert add_passkey(dave, dave_key).status_code == 200
    page = carol.http.get("/records/delete").text
    assert "confirming with a passkey" in page and "Your password, to confirm" in page
    before = _owned(store, carol.account_id, carol.person_id)

    def refused(fields: dict[str, str], words: str) -> None:
        answer = carol.post("/records/delete", fields)
        assert answer.status_code == 422 and words in answer.text, answer.text[-3000:]
        assert _owned(store, carol.account_id, carol.person_id) == before

    # Another account's passkey, even answering Carol's own challenge.
    stolen = deletion_answer(carol, carol_key, signer=dave_key)
    refused(stolen, "not one of your account&#39;s passkeys")
    # That challenge is spent: her own answer to it is a replay.
    replay = {**stolen, "passkey_answer": json.dumps(carol_key.get(
        {"rpId": "localhost", "challenge": _challenge_of(stolen)}))}
    refused(replay, "used already")
    # A challenge made for Dave's deletion, or for signing in, does not confirm hers.
    daves = deletion_answer(dave, dave_key)
    refused({**daves, "passkey_answer": json.dumps(carol_key.get(
        {"rpId": "localhost", "challenge": _challenge_of(daves)}))}, "belongs to another sign-in")
    login = form_token(town.anonymous.get("/login", headers=PAGE).text)
    signing_in = town.anonymous.post("/login/passkey/options",
                                     headers={"X-CSRF-Token": login}).json()
    refused({"passkey_handle": signing_in["handle"],
             "passkey_answer": json.dumps(carol_key.get(signing_in["options"]))}, "used already")
    # Another site's answer, a mangled one, and a late one.
    refused(deletion_answer(carol, carol_key, origin="https://evil.example"), "origin")
    refused({**deletion_answer(carol, carol_key), "passkey_answer": "{not json"}, "not JSON")
    late = deletion_answer(carol, carol_key)
    clock.advance(minutes=6)
    refused(late, "expired")
    # Dave's account was never touched; Carol's own fresh passkey deletes hers.
    done = carol.post("/records/delete", deletion_answer(carol, carol_key))
    assert done.status_code == 200 and "Your account is deleted" in done.text
    assert set(_owned(store, carol.account_id, carol.person_id).values()) == {0}
    assert passkey_sign_in(TestClient(town.app, base_url=BASE), dave_key).status_code == 200
    assert _owned(store, dave.account_id, dave.person_id)["accounts"] == 1


def _challenge_of(fields: dict[str, str]) -> str:
    """The challenge a deletion answer signed (read back from its client data)."""
    client_data = json.loads(unb64url(json.loads(fields["passkey_answer"])["response"]
                                      ["clientDataJSON"]))
    challenge: str = client_data["challenge"]
    return challenge


def _refuse_deleting_people(store: Store) -> None:
    """A database trigger that refuses to delete a person: the last step of a deletion."""
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER keep_people BEFORE DELETE ON people "
                              "BEGIN SELECT RAISE(ABORT, 'people are kept'); END"))
        else:
            conn.execute(text("CREATE FUNCTION keep_people() RETURNS trigger LANGUAGE plpgsql "
                              "AS $$ BEGIN RAISE EXCEPTION 'people are kept'; END $$"))
            conn.execute(text("CREATE TRIGGER keep_people BEFORE DELETE ON people "
                              "FOR EACH ROW EXECUTE FUNCTION keep_people()"))


def test_a_deletion_that_fails_part_way_leaves_everything(
        town: Clinic, carol_history: Any, store: Store) -> None:
    from sqlalchemy.exc import DBAPIError

    from unknot.records.erase import erase_client

    carol = town.carol
    before = _owned(store, carol.account_id, carol.person_id)
    with store.reading() as db:
        audit_before = sorted(db.scalars(select(AuditEvent.detail)))
    _refuse_deleting_people(store)
    with pytest.raises(DBAPIError, match="people are kept"):
        erase_client(store, carol.account_id)
    assert _owned(store, carol.account_id, carol.person_id) == before
    # Through the page: a clear answer, not a 500, and still nothing deleted.
    answer = carol.post("/records/delete", {"password": PASSWORD})
    assert answer.status_code == 409 and "Nothing was deleted" in answer.text
    assert _owned(store, carol.account_id, carol.person_id) == before
    assert carol.http.get("/api/v1/sessions").status_code == 200  # still signed in
    with store.reading() as db:
        assert sorted(db.scalars(select(AuditEvent.detail))) == audit_before
    assert "Carol Client" in town.alice.http.get("/clinic").text


def test_reminders_of_personal_mode_are_not_mounted_in_a_clinic(town: Clinic) -> None:
    assert town.carol.http.get("/settings/reminders", headers=PAGE).status_code == 404
    assert "/calendar" in town.carol.http.get("/settings").text
