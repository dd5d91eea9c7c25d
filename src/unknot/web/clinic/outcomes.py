"""Clinic pages on how clients are getting on: the therapist's inbox and dashboard, and
each client's adherence and before → after trends (seen by the client too, in kind words).

Every route asks the one ownership rule (`auth.access` / `auth.role_access`, i.e.
`unknot.clinic.access.decide`); opening a client's outcomes, the inbox or the dashboard,
and marking items seen, are written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from unknot.clinic import accounts, adherence, alerts, archive, dashboard, records
from unknot.clinic.access import Decision, Viewer
from unknot.clinic.schedule import describe
from unknot.storage import Store
from unknot.web.clinic import auth
from unknot.web.pages.templating import render
from unknot.week_chart import WeekChart, week_chart

router = APIRouter(include_in_schema=False)

Therapist = Annotated[Viewer, auth.role_access("therapist_inbox")]
ViewOutcomes = Annotated[auth.ClientAccess, auth.access("view_outcomes")]
ChangeClient = Annotated[auth.ClientAccess, auth.access("change_client")]
DAYS_SHOWN = 14


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def client_zone(store: Store, viewer: Viewer) -> ZoneInfo:
    """The zone a client's slots are read in (the clinic's, until clients have their own)."""
    return accounts.clinic_timezone(store, viewer.clinic_id)


def _local(zone: ZoneInfo):  # type: ignore[no-untyped-def]
    """A formatter of moments in `zone`, e.g. "Thu 3 Dec, 19:05"."""
    def local(moment: datetime | None) -> str:
        return moment.astimezone(zone).strftime("%a %-d %b, %H:%M") if moment else "never"
    return local


def _see_other(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


# -- the inbox -------------------------------------------------------------------------


@router.get("/clinic/inbox", response_class=HTMLResponse)
def inbox_page(request: Request, viewer: Therapist) -> Response:
    """What needs the therapist's eyes: unseen items first, then the latest seen ones."""
    store = _store(request)
    unseen, seen = alerts.inbox(store, viewer.account_id)
    records.audit(store, viewer, None, "viewed", "opened the inbox")
    return render(request, "clinic/inbox.html", page="/clinic/inbox", unseen=unseen, seen=seen,
                  local=_local(client_zone(store, viewer)))


@router.post("/clinic/inbox/seen")
async def inbox_all_seen(request: Request, viewer: Therapist) -> Response:
    """Mark every unseen item seen."""
    await run_in_threadpool(alerts.mark_all_seen, _store(request), viewer)
    return _see_other("/clinic/inbox")


@router.post("/clinic/clients/{client_id}/alerts/{alert_id}/seen")
async def alert_seen(request: Request, access: ChangeClient, alert_id: int) -> Response:
    """Mark one item seen, then back to where the therapist was (the inbox or the client)."""
    found = await run_in_threadpool(alerts.mark_seen, _store(request), access.viewer,
                                    access.client.account_id, alert_id)
    if not found:
        raise auth.Refused(Decision(False, "no such inbox item for this client"))
    form = await request.form()
    back = form.get("back")
    if back == "client":
        return _see_other(f"/clinic/clients/{access.client.account_id}/outcomes#alerts")
    return _see_other("/clinic/inbox")


# -- the dashboard ---------------------------------------------------------------------


@router.get("/clinic/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, viewer: Therapist, sort: str | None = None) -> Response:
    """All the therapist's clients at a glance, sortable; who needs attention first."""
    try:
        order = dashboard.check_sort(sort)
    except dashboard.SortUnknown as exc:
        return render(request, "clinic/problem.html", status_code=422, title="Dashboard",
                      message=str(exc), back_href="/clinic/dashboard",
                      back_label="Back to the dashboard")
    store = _store(request)
    zone, found = dashboard.board(store, viewer, now=store.now(), sort=order)
    return render(request, "clinic/dashboard.html", page="/clinic/dashboard", rows=found,
                  sort=order, sorts=dashboard.SORTS, local=_local(zone))


# -- one client's outcomes -----------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeOutcome:
    programme: records.ProgrammeView
    when: str
    days: list[tuple[date, list[adherence.SlotOutcome]]]  # newest day first
    weeks: list[adherence.WeekTrend]
    words: str | None
    chart: WeekChart | None
    archived: bool = False


@router.get("/clinic/clients/{client_id}/outcomes", response_class=HTMLResponse)
def outcomes_page(request: Request, access: ViewOutcomes) -> Response:
    """A client's week so far, each programme slot of the last two weeks, and before →
    after ratings per programme; for the therapist, the client's inbox items too."""
    store = _store(request)
    viewer, client_id = access.viewer, access.client.account_id
    own = viewer.account_id == client_id
    client = accounts.member(store, client_id)
    assert client is not None
    zone = accounts.account_timezone(store, client_id)  # the client's own, else the clinic's
    now = store.now()
    today = now.astimezone(zone).date()
    monday, sunday = adherence.week_of(today)
    first = min(monday, today - timedelta(days=DAYS_SHOWN - 1))
    programmes = records.programmes_of(store, client_id)
    # An archived programme is off the schedule but its history stays: its weeks of
    # ratings still show, marked, without the slots.
    archived = archive.archived_programmes(store, client_id)
    archived_ids = {p.id for p in archived}
    running = adherence.running_between(programmes, first, max(sunday, today))
    with store.reading() as db:
        played = adherence.linked_statuses(db, running, first, sunday)
        trends = {p.id: adherence.trends(db, p, today) for p in programmes + archived}
    week = adherence.tally(adherence.outcomes(running, played, monday, sunday, zone, now))
    shown = []
    for programme in programmes + archived:
        gone = programme.id in archived_ids
        slots = adherence.outcomes([programme], played, first, today, zone, now) \
            if programme in running else []
        by_day: dict[date, list[adherence.SlotOutcome]] = {}
        for slot in slots:
            by_day.setdefault(slot.day, []).append(slot)
        weeks = trends[programme.id]
        if not by_day and not weeks:
            continue
        ends = programme.schedule.ends_on
        # While it runs, the chart reaches this week, so weeks without sessions show.
        until = None if gone else min(today, ends) if ends else today
        shown.append(ProgrammeOutcome(programme, describe(programme.schedule),
                                      sorted(by_day.items(), reverse=True), weeks,
                                      adherence.trend_words(weeks),
                                      week_chart(weeks, programme.title, until=until), gone))
    items = [] if own else alerts.client_items(store, client_id)
    if not own:
        records.audit(store, viewer, client_id, "viewed", "opened the client's outcomes")
    return render(request, "clinic/outcomes.html", page="/" if own else "/clinic/dashboard",
                  own=own, client=client, week=week, shown=shown, items=items,
                  local=_local(zone), dimensions=("pain", "tension", "stress"))
