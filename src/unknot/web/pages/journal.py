"""The journal page: sessions over time, before and after, what helps, doctor advice.

The document carries its first view — drawn here from the two answers the page's
script would otherwise ask for, and those answers themselves as JSON — so a phone on
a slow network paints the journal without a further round trip. The script then
sends anything finished offline (and asks the API again if it did), draws the
chart's lines, and pages through older sessions.
"""

from __future__ import annotations

import asyncio
import json
from datetime import tzinfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from unknot.storage import Store
from unknot.web.api.journal import read_journal
from unknot.web.api.sessions import read_sessions
from unknot.web.deps import CurrentPerson, StoreDep
from unknot.web.guard import content_security_policy
from unknot.web.pages.journal_view import CHART, PAGE, day_format, first_view
from unknot.web.pages.templating import inline_style, render

router = APIRouter(include_in_schema=False)



def json_in_html(data: str) -> Markup:
    """JSON for a <script type="application/json"> block. Only "</script" or "<!--" could
    end or change the block early; these characters appear in JSON only inside strings,
    where their \\u escapes read back the same."""
    return Markup(data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _zone(request: Request, store: Store) -> tzinfo | None:
    """The zone dates are written in: a clinic member's own; personal mode's computer's."""
    viewer = getattr(request.state, "viewer", None)
    if viewer is None:
        return None
    from unknot.clinic.accounts import account_timezone

    return account_timezone(store, viewer.account_id)


@router.get("/journal", response_class=HTMLResponse)
async def journal_page(request: Request, store: StoreDep, person: CurrentPerson) -> HTMLResponse:
    """The person's journal, its first view drawn in the document."""
    # Only what the first view shows — the chart's points, what helps, the first page —
    # in two reads at once in the thread pool (the store is synchronous), as the page's
    # two API calls ran: the document waits for the slower read, not for both.
    journal, (page, zone) = await asyncio.gather(
        run_in_threadpool(lambda: read_journal(store, person, CHART).json()),
        run_in_threadpool(_first_page, request, store, person))
    return await run_in_threadpool(_document, request, journal, page, zone)


def _first_page(request: Request, store: Store, person: str) -> tuple[bytes, tzinfo | None]:
    page = read_sessions(store, person, limit=PAGE).model_dump_json().encode()
    return page, _zone(request, store)


def _document(request: Request, journal: bytes, page: bytes, zone: tzinfo | None) -> HTMLResponse:
    day = day_format(request.headers.get("accept-language", ""), zone)
    view = first_view(json.loads(journal), json.loads(page), day)
    data = f'{{"journal":{journal.decode()},"sessions":{page.decode()}}}'
    style = inline_style("app.css")
    response = render(request, "journal.html", page="/journal", view=view, style=style,
                      data=json_in_html(data))
    response.headers["Content-Security-Policy"] = content_security_policy((style.csp_hash,))
    # The document now holds health data, like the API's answers: kept by no shared
    # cache nor the browser's HTTP cache (the service worker keeps its own copy offline).
    response.headers["Cache-Control"] = "no-store"
    return response
