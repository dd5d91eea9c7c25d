"""The journal page: sessions over time, before and after, what helps, doctor advice.

The page is a shell the browser fills from GET /api/v1/journal, after sending any
sessions that were finished offline, so what it shows includes them.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/journal", response_class=HTMLResponse)
def journal_page(request: Request) -> HTMLResponse:
    """The person's journal."""
    return render(request, "journal.html", page="/journal")
