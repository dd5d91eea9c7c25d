"""The settings page: voice, breath pace, ambient sound, default pressure and tools."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)

@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request) -> HTMLResponse:
    """Preferences, saved through /api/v1/preferences (and kept in the browser offline)."""
    return render(request, "settings.html", page="/settings")
