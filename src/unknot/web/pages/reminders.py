"""Personal mode's routine reminders (Settings → Reminders): the days and times, and a
secret, revocable calendar address any phone calendar can subscribe to.

Clinic mode has its own (`/calendar`: the programme's times), so these routes are
mounted in personal mode only. Forms carry a double-submit token (the cookie set with
the form), besides the guard's refusal of cross-site writes.
"""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from unknot.clinic.schedule import DAY_NAMES, DAYS
from unknot.records import reminders
from unknot.storage import Store
from unknot.web.clinic import auth
from unknot.web.pages.records import personal_form_refused
from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)
DEFAULT = {"days": list(DAYS), "times": ["08:00"], "minutes": 10, "timezone": "",
           "feed_on": False}


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _page(request: Request, *, link: str | None = None, errors: list[str] | None = None,
          form: dict[str, object] | None = None, status: int = 200) -> Response:
    saved = reminders.reminder_settings(_store(request), Store.person_id())
    shown = form or saved or DEFAULT
    response = render(request, "records/reminders.html", status_code=status, page="/settings",
                      saved=saved, shown=shown, link=link, errors=errors or [],
                      days=DAYS, day_names=DAY_NAMES, form_token=auth.pre_csrf_token(request),
                      webcal=link.replace("https://", "webcal://").replace("http://", "webcal://")
                      if link else None)
    return auth.keep_pre_csrf(request, response)


@router.get("/settings/reminders", response_class=HTMLResponse)
def reminders_page(request: Request) -> Response:
    """The reminder days and times, and the calendar address."""
    return _page(request)


@router.post("/settings/reminders", response_class=HTMLResponse)
async def reminders_save(request: Request) -> Response:
    """Save the days, times, minutes and zone."""
    if (refused := await personal_form_refused(request)) is not None:
        return refused
    form = await request.form()
    days = [d for d in form.getlist("days") if isinstance(d, str)][:7]
    times_text = form.get("times")
    times = [t for t in (times_text if isinstance(times_text, str) else "")[:200]
             .replace(";", ",").split(",") if t.strip()]
    zone = str(form.get("timezone") or "").strip()[:64] or _local_zone_name()
    minutes_text = str(form.get("minutes") or "").strip()[:4]
    shown = {"days": days, "times": times, "minutes": minutes_text, "timezone": zone,
             "feed_on": False}
    try:
        if not minutes_text.isdigit():
            raise reminders.ReminderError("Minutes: a whole number from 1 to 60.")
        await run_in_threadpool(reminders.save_reminders, _store(request), Store.person_id(),
                                days=days, times=times, minutes=int(minutes_text), timezone=zone)
    except reminders.ReminderError as exc:
        problem = str(exc)
        return await run_in_threadpool(partial(_page, request, errors=[problem], form=shown,
                                               status=422))
    return await run_in_threadpool(_page, request)


@router.post("/settings/reminders/feed", response_class=HTMLResponse)
async def reminders_feed(request: Request) -> Response:
    """A new secret calendar address (the old one stops working); shown once."""
    if (refused := await personal_form_refused(request)) is not None:
        return refused
    try:
        token = await run_in_threadpool(reminders.new_feed, _store(request), Store.person_id())
    except reminders.ReminderError as exc:
        problem = str(exc)
        return await run_in_threadpool(partial(_page, request, errors=[problem], status=422))
    link = f"{request.app.state.settings.base_url}/reminders/{token}.ics"
    return await run_in_threadpool(partial(_page, request, link=link))


@router.post("/settings/reminders/off", response_class=HTMLResponse)
async def reminders_off(request: Request) -> Response:
    """Turn the calendar address off."""
    if (refused := await personal_form_refused(request)) is not None:
        return refused
    await run_in_threadpool(reminders.stop_feed, _store(request), Store.person_id())
    return await run_in_threadpool(_page, request)


@router.get("/reminders/{token}.ics")
def reminders_ics(request: Request, token: str) -> Response:
    """The feed: the secret address is the only key (calendar apps send no cookie)."""
    body = reminders.feed_for(_store(request), token,
                              url=f"{request.app.state.settings.base_url}/")
    if body is None:
        return Response("no calendar at this address (it may have been turned off)\n",
                        status_code=404, media_type="text/plain")
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Cache-Control": "no-store"})


def _local_zone_name() -> str:
    """This computer's zone name (personal mode runs on the person's own computer)."""
    import os
    from pathlib import Path

    named = os.environ.get("TZ", "").lstrip(":")
    if named:
        return named
    try:
        target = Path("/etc/localtime").resolve()
        parts = target.parts
        if "zoneinfo" in parts:
            return "/".join(parts[parts.index("zoneinfo") + 1:])
    except OSError:
        pass
    return "UTC"
