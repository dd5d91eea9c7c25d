"""A person's own records (issue 10 §4), in personal and clinic mode: the report for a
doctor (a page that prints well, and a PDF), a FHIR R4 bundle, and CSV and JSON of
everything they own; deleting it all is in `unknot.web.pages.deleting`.

Whose record: personal mode's one person, or in clinic mode the signed-in person, which
`unknot.clinic.access.decide` allows as "a person's own data". In clinic mode every
view and download is written to the audit log (what was taken, never the data itself).
The therapist's copies of a client's report and bundle are in
`unknot.web.clinic.records_routes`, through the same `deliver`.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Literal
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from unknot.clinic.access import Viewer, decide
from unknot.records import gather as gathering
from unknot.records.report import STATUS_WORDS, VERDICT_WORDS, build, number, pair, signed
from unknot.storage import Store
from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger("unknot.records")

Form = Literal["page", "pdf", "fhir"]
WHAT = {"page": "opened the printable report", "pdf": "downloaded the report as a PDF",
        "fhir": "downloaded the FHIR R4 bundle", "csv": "downloaded their sessions as CSV",
        "json": "downloaded all their data as JSON",
        "zip": "downloaded all their data as CSV files"}


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def local_zone() -> object:
    """Personal mode runs on the person's own computer: its zone is theirs."""
    return datetime.now().astimezone().tzinfo


async def own_viewer(request: Request) -> Viewer | None:
    """None in personal mode; in clinic mode the signed-in person, allowed by the one
    ownership rule to act on their own data (refused otherwise)."""
    if not request.app.state.settings.clinic:
        return None
    from unknot.web.clinic import auth

    viewer = await auth.signed_in(request)
    decision = decide(viewer, "own_data")
    if not decision:
        raise auth.Refused(decision)
    return viewer


def clinic_subject(store: Store, account_id: str) -> gathering.Subject:
    """A clinic member's record subject: name, clinic, zone and (for a client) therapist."""
    from unknot.clinic import accounts
    from unknot.storage.clinic_models import Account, Clinic

    with store.reading() as db:
        account = db.get_one(Account, account_id)
        clinic = db.get_one(Clinic, account.clinic_id)
    member = accounts.member(store, account_id)
    therapist = accounts.member(store, account.therapist_id) if account.therapist_id else None
    assert member is not None
    return gathering.Subject(
        person_id=account.person_id, name=member.name,
        zone=accounts.account_timezone(store, account.id),
        account_id=account.id if account.role == "client" else None, email=account.email,
        clinic=clinic.name, therapist=therapist.name if therapist else None)


def own_subject(store: Store, viewer: Viewer | None) -> gathering.Subject:
    if viewer is None:
        person = Store.person_id()
        return gathering.Subject(person, gathering.person_name(store, person),
                                 local_zone())  # type: ignore[arg-type]
    return clinic_subject(store, viewer.account_id)


def audit_own(store: Store, viewer: Viewer | None, what: str) -> None:
    if viewer is not None:
        from unknot.clinic import records

        records.audit(store, viewer, viewer.account_id if viewer.role == "client" else None,
                      "records", what)


def filename(subject: gathering.Subject, suffix: str, when: datetime) -> str:
    stem = "".join(c if c.isalnum() else "-" for c in subject.name.lower()).strip("-")[:40]
    return f"unknot-{stem or 'record'}-{when.strftime('%Y-%m-%d')}{suffix}"


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
            "Cache-Control": "no-store"}


def deliver(request: Request, subject: gathering.Subject, form: Form, *, paper: str = "a4",
            back: tuple[str, str] = ("/records", "Your records"), base: str = "/records") \
        -> Response:
    """The report page, its PDF or the FHIR bundle of `subject` (access already decided)."""
    store = _store(request)
    record = gathering.gather(store, subject)
    if form == "fhir":
        from unknot.records.fhir import MEDIA_TYPE, bundle_json

        body = bundle_json(record)
        return Response(body, media_type=MEDIA_TYPE,
                        headers=attachment(filename(subject, "-fhir.json", record.generated_at)))
    report = build(record)
    if form == "pdf":
        from unknot.records.pdf import render as render_pdf

        size = "letter" if paper == "letter" else "a4"
        return Response(render_pdf(report, size), media_type="application/pdf",
                        headers=attachment(filename(subject, f"-{size}.pdf", record.generated_at)))
    return render(request, "records/report.html", page="/records", report=report,
                  back=back, base=base, number=number, pair=pair, signed=signed,
                  status_words=STATUS_WORDS, verdict_words=VERDICT_WORDS)


# -- the routes -----------------------------------------------------------------------


def _hub(request: Request, viewer: Viewer | None) -> Response:
    store = _store(request)
    subject = own_subject(store, viewer)
    sessions = len(store.journal_entries(person_id=subject.person_id))
    return render(request, "records/index.html", page="/records", subject=subject,
                  sessions=sessions, viewer=viewer,
                  can_delete=viewer is None or bool(decide(viewer, "delete_account")))


@router.get("/records", response_class=HTMLResponse)
async def records_page(request: Request) -> Response:
    """Your records: the report for a doctor, the downloads, and deleting everything."""
    viewer = await own_viewer(request)
    return await run_in_threadpool(_hub, request, viewer)


def _own(request: Request, viewer: Viewer | None, form: Form, paper: str) -> Response:
    store = _store(request)
    audit_own(store, viewer, WHAT[form] + (f" ({paper})" if form == "pdf" else ""))
    return deliver(request, own_subject(store, viewer), form, paper=paper)


@router.get("/records/report", response_class=HTMLResponse)
async def report_page(request: Request) -> Response:
    """The report for a doctor or therapist, as a page that prints well."""
    viewer = await own_viewer(request)
    return await run_in_threadpool(_own, request, viewer, "page", "a4")


@router.get("/records/report.pdf")
async def report_pdf(request: Request, paper: Literal["a4", "letter"] = "a4") -> Response:
    """The same report as a PDF, on A4 or US Letter."""
    viewer = await own_viewer(request)
    return await run_in_threadpool(_own, request, viewer, "pdf", paper)


@router.get("/records/fhir.json")
async def fhir_bundle(request: Request) -> Response:
    """Patient, CarePlan and pain Observations as a FHIR R4 Bundle."""
    viewer = await own_viewer(request)
    return await run_in_threadpool(_own, request, viewer, "fhir", "a4")


@router.get("/records/export.csv")
async def export_csv(request: Request) -> Response:
    """Every session, oldest first, as CSV (UTF-8 with a byte-order mark)."""
    from unknot.records.export import sessions_csv

    viewer = await own_viewer(request)
    store = _store(request)
    subject = await run_in_threadpool(own_subject, store, viewer)
    await run_in_threadpool(audit_own, store, viewer, WHAT["csv"])
    return StreamingResponse(sessions_csv(store, subject.person_id), media_type="text/csv; "
                             "charset=utf-8", headers=attachment(
                                 filename(subject, "-sessions.csv", store.now())))


@router.get("/records/export.zip")
async def export_zip(request: Request) -> Response:
    """Everything the person owns as CSV files (one per table) in a ZIP."""
    from unknot.records.export import everything_zip

    viewer = await own_viewer(request)
    store = _store(request)
    subject = await run_in_threadpool(own_subject, store, viewer)
    await run_in_threadpool(audit_own, store, viewer, WHAT["zip"])
    body = await run_in_threadpool(everything_zip, store, subject)
    return Response(body, media_type="application/zip",
                    headers=attachment(filename(subject, "-all-csv.zip", store.now())))


@router.get("/records/export.json")
async def export_json(request: Request) -> Response:
    """Everything the person owns, as one JSON document."""
    from unknot.records.export import everything_json

    viewer = await own_viewer(request)
    store = _store(request)
    subject = await run_in_threadpool(own_subject, store, viewer)
    await run_in_threadpool(audit_own, store, viewer, WHAT["json"])
    return StreamingResponse(everything_json(store, subject), media_type="application/json",
                             headers=attachment(filename(subject, "-all.json", store.now())))


# -- personal mode's forms ---------------------------------------------------------------


async def personal_form_refused(request: Request) -> Response | None:
    """Personal mode has no sign-in: its forms here carry the double-submit token set with
    the form (`auth.pre_csrf_token`). A 403 page when it is missing or wrong, else None."""
    from unknot.web.clinic import auth

    try:
        await auth.check_pre_csrf(request)
    except auth.CsrfRefused:
        return render(request, "missing.html", status_code=403,
                      what="This form has expired or did not come from this site: reload the "
                           "page and send it again.", back_href=request.url.path,
                      back_label="Reload the page")
    return None
