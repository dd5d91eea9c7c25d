"""The session pages: before ratings and the player (one page), and the after ratings.

The before ratings live on the player's page on purpose: the tap on "Begin" is
the gesture browsers require before they let a page speak or play sound, so the
voice works from the first step without a second tap.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)

RATINGS = (
    ("pain", "Pain", "0 none, 10 the worst"),
    ("tension", "Tension or tightness", "0 loose, 10 very tight"),
    ("stress", "Stress", "0 calm, 10 overwhelmed"),
)


@router.get("/before", response_class=HTMLResponse)
def before_page(request: Request) -> HTMLResponse:
    """How you feel before the routine (the player's first screen)."""
    return render(request, "session.html", page="/", stage="before", ratings=RATINGS)


@router.get("/session", response_class=HTMLResponse)
def session_page(request: Request) -> HTMLResponse:
    """The player: resumes a running session from the browser's storage."""
    return render(request, "session.html", page="/", stage="player", ratings=RATINGS)


@router.get("/after", response_class=HTMLResponse)
def after_page(request: Request) -> HTMLResponse:
    """How you feel after the routine, and an optional note."""
    return render(request, "after.html", page="/", ratings=RATINGS)
