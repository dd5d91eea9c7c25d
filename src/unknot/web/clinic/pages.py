"""Clinic-mode pages: sign in and out, accept an invitation, the clinic home (therapists
or clients), a client's record (intake, programmes, audit), the programme builder, the
audit log, and playing a programme slot.

Every route here goes through `auth` (signed in, CSRF on writes) and, where it is about
one client, the ownership dependency `auth.access(...)`. Database work and password
hashing run in the thread pool, so a slow one never stalls the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.clinic import accounts, archive, credentials, records
from unknot.clinic.access import Decision, Viewer, decide
from unknot.clinic.passwords import WeakPassword
from unknot.clinic.programmes import ProgrammeError, as_plan
from unknot.library.loader import default_library
from unknot.safety.answers import Answers
from unknot.storage import Store
from unknot.web.clinic import auth, builder
from unknot.web.clinic.today import local_today
from unknot.web.pages.start import _answers
from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)

ViewClient = Annotated[auth.ClientAccess, auth.access("view_client")]
ChangeClient = Annotated[auth.ClientAccess, auth.access("change_client")]
Owner = Annotated[Viewer, auth.role_access("view_clinic_audit")]
SESSIONS_SHOWN = 10


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _safe_next(value: str | None) -> str:
    # Only a path on this site: never an open redirect.
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _home(viewer: Viewer) -> str:
    return "/" if viewer.role == "client" else "/clinic"


def _text(form: FormData, name: str, limit: int = 4000) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _see_other(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


# -- signing in and out ----------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str | None = None, reset: str = "") -> Response:
    """The sign-in form (someone signed in already goes on to where they were going)."""
    viewer = await auth.viewer_of(request)
    if viewer is not None:
        return _see_other(_safe_next(next) if next else _home(viewer))
    response = render(request, "clinic/login.html", form_token=auth.pre_csrf_token(request),
                      next=_safe_next(next), errors=[], email="", reset=reset == "1")
    return auth.keep_pre_csrf(request, response)


@router.post("/login", response_class=HTMLResponse)
async def login_submit(request: Request) -> Response:
    """Check the password (throttled per account and address) and open a session."""
    await auth.check_pre_csrf(request)
    form = await request.form()
    email, password = _text(form, "email", 254), _text(form, "password", 1000)
    target = _safe_next(_text(form, "next"))
    settings = request.app.state.settings
    try:
        viewer, token, _csrf = await run_in_threadpool(
            accounts.sign_in, _store(request), email, password, address=auth.client_address(request),
            login_days=settings.login_days)
    except accounts.ClinicError as exc:
        status = 429 if isinstance(exc, accounts.Throttled) else 401
        headers = {"Retry-After": str(exc.retry_after)} \
            if isinstance(exc, accounts.Throttled) else None
        response = render(request, "clinic/login.html", status_code=status,
                          form_token=auth.pre_csrf_token(request), next=target,
                          errors=[str(exc)], email=email)
        if headers:
            response.headers.update(headers)
        return auth.keep_pre_csrf(request, response)
    response = _see_other(target if target != "/" else _home(viewer))
    auth.set_session_cookie(request, response, token)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    """Sign out on this device."""
    await auth.signed_in(request)
    await run_in_threadpool(accounts.sign_out, _store(request),
                            request.cookies.get(auth.SESSION_COOKIE, ""))
    response = _see_other("/login")
    auth.clear_session_cookie(request, response)
    return response


@router.post("/logout/everywhere")
async def logout_everywhere(request: Request) -> Response:
    """Sign out on every device (a lost phone, a shared computer)."""
    viewer = await auth.signed_in(request)
    await run_in_threadpool(accounts.sign_out_everywhere, _store(request), viewer.account_id)
    response = _see_other("/login")
    auth.clear_session_cookie(request, response)
    return response


# -- invitations ------------------------------------------------------------------------


def _invite_page(request: Request, token: str, errors: list[str], name: str = "",
                 status: int = 200) -> Response:
    try:
        found = accounts.look_up_invite(_store(request), token)
    except accounts.InviteUnusable as exc:
        return render(request, "clinic/problem.html", status_code=410, title="Invitation",
                      message=str(exc))
    response = render(request, "clinic/welcome.html", status_code=status, invite=found,
                      token=token, form_token=auth.pre_csrf_token(request), errors=errors,
                      your_name=name or found.display_name,
                      passkeys_on=request.app.state.settings.webauthn_rp_id is not None)
    return auth.keep_pre_csrf(request, response)


@router.get("/welcome/{token}", response_class=HTMLResponse)
def welcome_page(request: Request, token: str) -> Response:
    """An invitation: choose a name and password, once."""
    return _invite_page(request, token[:200], [])


@router.post("/welcome/{token}", response_class=HTMLResponse)
async def welcome_submit(request: Request, token: str) -> Response:
    await auth.check_pre_csrf(request)
    form = await request.form()
    name = _text(form, "name", 300)
    try:
        viewer = await run_in_threadpool(
            accounts.accept_invite, _store(request), token[:200], display_name=name,
            password=_text(form, "password", 1000), again=_text(form, "again", 1000))
        _viewer, cookie, _csrf = await run_in_threadpool(
            accounts.sign_in, _store(request), viewer.email, _text(form, "password", 1000),
            address=auth.client_address(request), login_days=request.app.state.settings.login_days)
    except accounts.InviteUnusable as exc:
        return render(request, "clinic/problem.html", status_code=410, title="Invitation",
                      message=str(exc))
    except (accounts.ClinicError, WeakPassword) as exc:
        return await run_in_threadpool(_invite_page, request, token[:200], [str(exc)], name, 422)
    response = _see_other(_home(viewer))
    auth.set_session_cookie(request, response, cookie)
    return response


# -- the clinic home ---------------------------------------------------------------------


def _clinic_home(request: Request, viewer: Viewer, *, new_link: str | None = None,
                 errors: list[str] | None = None, status: int = 200) -> Response:
    store = _store(request)
    if viewer.role == "owner":
        people = accounts.members(store, viewer.clinic_id, role="therapist")
    else:
        people = accounts.members(store, viewer.clinic_id, role="client",
                                  therapist_id=viewer.account_id)
    return render(request, "clinic/home.html", status_code=status, page="/clinic", viewer=viewer,
                  people=people, pending=credentials.open_invites(store, viewer),
                  new_link=new_link, errors=errors or [])


@router.get("/clinic", response_class=HTMLResponse)
async def clinic_home(request: Request) -> Response:
    """The owner's therapists, or a therapist's clients, and the invitation form."""
    viewer = await auth.signed_in(request)
    if viewer.role == "client":
        return _see_other("/")
    return await run_in_threadpool(_clinic_home, request, viewer)


@router.post("/clinic/invite", response_class=HTMLResponse)
async def clinic_invite(request: Request) -> Response:
    """Invite a therapist (the owner) or a client (a therapist): shows the one-time link."""
    viewer = await auth.signed_in(request)
    if viewer.role == "client":
        raise auth.Refused(decide(viewer, "invite_client"))
    form = await request.form()
    settings = request.app.state.settings
    try:
        token = await run_in_threadpool(
            accounts.invite, _store(request), viewer, email=_text(form, "email", 300),
            display_name=_text(form, "name", 300), invite_days=settings.invite_days)
    except accounts.ClinicError as exc:
        return await run_in_threadpool(_clinic_home, request, viewer, errors=[str(exc)],
                                       status=422)
    link = f"{settings.base_url}/welcome/{token}"
    return await run_in_threadpool(_clinic_home, request, viewer, new_link=link)


@router.get("/clinic/audit", response_class=HTMLResponse)
def clinic_audit(request: Request, viewer: Owner) -> Response:
    """The clinic's audit log: who viewed or changed which client's record."""
    entries = records.audit_log(_store(request), viewer.clinic_id)
    return render(request, "clinic/audit.html", page="/clinic", entries=entries, client=None)


# -- a client's record -----------------------------------------------------------------


def _client_page(request: Request, access: auth.ClientAccess, *, errors: list[str] | None = None,
                 status: int = 200, intake_form: dict[str, Any] | None = None) -> Response:
    store = _store(request)
    client = accounts.member(store, access.client.account_id)
    assert client is not None
    stored = records.latest_intake(store, client.account_id)
    sessions = store.list_sessions(limit=SESSIONS_SHOWN, person_id=_person_of(store, client))
    programmes = records.programmes_of(store, client.account_id)
    return render(request, "clinic/client.html", status_code=status, page="/clinic",
                  client=client, stored=stored, sessions=sessions, programmes=programmes,
                  describe=builder.describe, errors=errors or [], intake_form=intake_form or {},
                  archived=archive.archived_programmes(store, client.account_id),
                  client_zone=credentials.timezone_of(store, client.account_id),
                  entries=records.audit_log(store, access.viewer.clinic_id,
                                            client_id=client.account_id, limit=20))


def _person_of(store: Store, client: accounts.Member) -> str:
    from unknot.storage.clinic_models import Account

    with store.reading() as db:
        return db.get_one(Account, client.account_id).person_id


def _viewed(request: Request, access: auth.ClientAccess, what: str) -> None:
    records.audit(_store(request), access.viewer, access.client.account_id, "viewed", what)


@router.get("/clinic/clients/{client_id}", response_class=HTMLResponse)
def client_page(request: Request, access: ViewClient) -> Response:
    """A client's record: the latest intake, their programmes, recent sessions, the audit."""
    _viewed(request, access, "opened the client's record")
    return _client_page(request, access)


@router.post("/clinic/clients/{client_id}/intake", response_class=HTMLResponse)
async def client_intake(request: Request, access: ChangeClient) -> Response:
    """Record what the client said, screened like any intake."""
    form = await request.form()
    text = _text(form, "text") or None
    try:
        raw = _answers(form)
        answers = Answers.model_validate(raw) if raw else None
        if not text and answers is None:
            raise ValueError("say what is bothering the client, or fill in their answers")
        await run_in_threadpool(records.record_intake, _store(request), access.viewer,
                                access.client.account_id, text=text, answers=answers)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return await run_in_threadpool(_client_page, request, access, errors=problems,
                                       status=422, intake_form={"text": text or ""})
    except ValueError as exc:
        return await run_in_threadpool(_client_page, request, access, errors=[str(exc)],
                                       status=422, intake_form={"text": text or ""})
    return _see_other(f"/clinic/clients/{access.client.account_id}#intake")


# -- programmes --------------------------------------------------------------------------


@router.get("/clinic/clients/{client_id}/programmes/new", response_class=HTMLResponse)
def programme_new(request: Request, access: ChangeClient) -> Response:
    """The programme builder, empty."""
    return builder.page(request, access, builder.State.empty(local_today(request, access.viewer)))


@router.get("/clinic/clients/{client_id}/programmes/{programme_id}", response_class=HTMLResponse)
def programme_edit(request: Request, access: ViewClient, programme_id: str) -> Response:
    """The programme builder, on a saved programme."""
    programme = records.get_programme(_store(request), programme_id)
    if programme is None or programme.client_id != access.client.account_id:
        raise auth.Refused(Decision(False, "no such programme for this client"))
    _viewed(request, access, f"opened the programme “{programme.title}”")
    return builder.page(request, access, builder.State.of(programme))


@router.post("/clinic/clients/{client_id}/programmes", response_class=HTMLResponse)
async def programme_submit(request: Request, access: ChangeClient) -> Response:
    """Every builder button posts here: add, move, remove, start from a plan, save."""
    form = await request.form()
    return await run_in_threadpool(builder.submit, request, access, form)


# -- playing a slot --------------------------------------------------------------------


@router.get("/programme/{programme_id}/play", response_class=HTMLResponse)
async def programme_play(request: Request, programme_id: str, slot: str = "") -> Response:
    """Hand a programme slot to the player (the browser keeps it as the current routine)."""
    viewer = await auth.signed_in(request)
    return await run_in_threadpool(_play, request, viewer, programme_id, slot)


def _play(request: Request, viewer: Viewer, programme_id: str, slot: str) -> Response:
    store = _store(request)
    programme = records.get_programme(store, programme_id)
    client = accounts.client_of(store, programme.client_id) if programme else None
    decision = decide(viewer, "play_programme", client)
    if programme is None or not decision:
        raise auth.Refused(decision)
    why = records.check_link(store, viewer.person_id, programme.id, slot)
    stored = records.latest_intake(store, programme.client_id)
    try:
        if why is not None:
            raise ProgrammeError(f"This slot cannot be played: {why}.")
        if stored is None:
            raise ProgrammeError("Your therapist has not recorded your intake yet.")
        plan = as_plan(programme.steps, stored.intake, default_library())
    except ProgrammeError as exc:
        return render(request, "clinic/problem.html", status_code=409, title="Programme",
                      message=str(exc))
    regions = sorted({r for step in plan.steps for r in step.regions})
    current = {"plan": plan.model_dump(mode="json"),
               "request": {"regions": regions, "minutes": max(1, round(plan.total_seconds / 60)),
                           "programme": programme.title},
               "programme": {"id": programme.id, "slot": slot}}
    return render(request, "clinic/play.html", page="/", programme=programme, slot=slot,
                  current=current)



# -- the calendar feed -------------------------------------------------------------------


def _calendar_page(request: Request, viewer: Viewer, link: str | None = None) -> Response:
    on = accounts.calendar_feed_on(_store(request), viewer)
    return render(request, "clinic/calendar.html", page="/settings", on=on, link=link,
                  webcal=link.replace("https://", "webcal://").replace("http://", "webcal://")
                  if link else None)


@router.get("/calendar", response_class=HTMLResponse)
async def calendar_page(request: Request) -> Response:
    """Reminders in the person's own calendar: make, renew or turn off the secret address."""
    viewer = await auth.signed_in(request)
    return await run_in_threadpool(_calendar_page, request, viewer)


@router.post("/calendar", response_class=HTMLResponse)
async def calendar_new(request: Request) -> Response:
    """A new secret address (the old one stops working); shown once."""
    viewer = await auth.signed_in(request)
    token = await run_in_threadpool(accounts.new_calendar_feed, _store(request), viewer)
    link = f"{request.app.state.settings.base_url}/calendar/{token}.ics"
    return await run_in_threadpool(_calendar_page, request, viewer, link)


@router.post("/calendar/off")
async def calendar_off(request: Request) -> Response:
    viewer = await auth.signed_in(request)
    await run_in_threadpool(accounts.stop_calendar_feed, _store(request), viewer)
    return _see_other("/calendar")


@router.get("/calendar/{token}.ics")
def calendar_feed(request: Request, token: str) -> Response:
    """The feed itself: the secret address is the only key (calendar apps send no cookie)."""
    from unknot.clinic.calendar import feed

    store = _store(request)
    account = accounts.calendar_feed_account(store, token)
    if account is None:
        return Response("no calendar at this address (it may have been turned off)\n",
                        status_code=404, media_type="text/plain")
    programmes = records.programmes_of(store, account.id) if account.role == "client" else []
    body = feed(programmes, accounts.account_timezone(store, account.id),
                url=f"{request.app.state.settings.base_url}/", stamp=store.now())
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Cache-Control": "no-store"})
