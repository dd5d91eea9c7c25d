"""A therapist's copies of their client's records: the report (page and PDF) and the
FHIR R4 bundle. Through the one ownership dependency (`view_client`: the client's own
therapist only) and written to the audit log."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from unknot.clinic import records
from unknot.web.clinic import auth
from unknot.web.pages.records import WHAT, Form, clinic_subject, deliver

router = APIRouter(include_in_schema=False)
ViewClient = Annotated[auth.ClientAccess, auth.access("view_client")]


def _client_records(request: Request, access: auth.ClientAccess, form: Form,
                    paper: str) -> Response:
    store = request.app.state.store
    client = access.client.account_id
    what = {"page": "opened the client's printable report",
            "pdf": f"downloaded the client's report as a PDF ({paper})",
            "fhir": WHAT["fhir"].replace("downloaded the", "downloaded the client's")}[form]
    records.audit(store, access.viewer, client, "records", what)
    base = f"/clinic/clients/{client}"
    return deliver(request, clinic_subject(store, client), form, paper=paper,
                   back=(base, "The client's record"), base=base)


@router.get("/clinic/clients/{client_id}/report", response_class=HTMLResponse)
async def client_report(request: Request, access: ViewClient) -> Response:
    """The client's report for a doctor, as a page that prints well."""
    return await run_in_threadpool(_client_records, request, access, "page", "a4")


@router.get("/clinic/clients/{client_id}/report.pdf")
async def client_report_pdf(request: Request, access: ViewClient,
                            paper: Literal["a4", "letter"] = "a4") -> Response:
    """The client's report as a PDF (A4 or US Letter)."""
    return await run_in_threadpool(_client_records, request, access, "pdf", paper)


@router.get("/clinic/clients/{client_id}/fhir.json")
async def client_fhir(request: Request, access: ViewClient) -> Response:
    """The client's FHIR R4 Bundle: Patient, CarePlans, pain Observations."""
    return await run_in_threadpool(_client_records, request, access, "fhir", "a4")
