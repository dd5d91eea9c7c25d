"""Clinic mode: a person's own account (password, passkeys, time zone), signing in with a
passkey, joining with a passkey, password reset links, withdrawing invitations,
archiving programmes and a client's time zone.

Every route asks the one ownership rule (`unknot.clinic.access.decide`, through
`auth.signed_in` + "own_data", `auth.access(...)` for a client's record, or the
decision on a therapist or invitation) and writes the audit log. Refusals look like
"not found". The passkey ceremonies are JSON (`static/js/passkeys.js` drives them);
their challenges live in the database, see `unknot.clinic.passkeys`.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Annotated, Any
from zoneinfo import available_timezones

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.clinic import accounts, archive, credentials, passkeys
from unknot.clinic.access import Decision, Viewer, decide
from unknot.clinic.passwords import WeakPassword
from unknot.clinic.programmes import ProgrammeError
from unknot.storage import Store
from unknot.web.clinic import auth
from unknot.web.pages.templating import render

log = logging.getLogger("unknot.access")
router = APIRouter(include_in_schema=False)

ChangeClient = Annotated[auth.ClientAccess, auth.access("change_client")]
JSON_BODY_MAX = 32_000


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _text(form: FormData, name: str, limit: int = 1000) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _see_other(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _home(viewer: Viewer) -> str:
    return "/" if viewer.role == "client" else "/clinic"


def _safe_next(value: object) -> str:
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") \
            and "\\" not in value and len(value) < 2000:
        return value
    return "/"


def relying_party(request: Request) -> passkeys.RelyingParty | None:
    """Who passkeys are for, from the settings (None: passkeys are off here)."""
    settings = request.app.state.settings
    if settings.webauthn_rp_id is None or settings.webauthn_origin is None:
        return None
    return passkeys.RelyingParty(settings.webauthn_rp_id, settings.webauthn_origin)


def _problem(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def _caller(request: Request) -> passkeys.Caller:
    limit = request.app.state.settings.passkey_options_per_address
    return passkeys.Caller(auth.client_address(request), limit)


def _throttled(exc: accounts.Throttled) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=429,
                        headers={"Retry-After": str(exc.retry_after), "Cache-Control": "no-store"})


async def _json(request: Request) -> dict[str, Any]:
    body = await request.body()
    if len(body) > JSON_BODY_MAX:
        raise passkeys.PasskeyRefused("Passkey: the request is too large.")
    import json

    try:
        value = json.loads(body or b"{}")
    except ValueError:
        raise passkeys.PasskeyRefused("Passkey: the request is not JSON.") from None
    if not isinstance(value, dict):
        raise passkeys.PasskeyRefused("Passkey: the request must be a JSON object.")
    return value


async def own(request: Request) -> Viewer:
    """The signed-in person, deciding "own_data" (their own account)."""
    viewer = await auth.signed_in(request)
    decision = decide(viewer, "own_data")
    if not decision:
        raise auth.Refused(decision)
    return viewer


# -- the account page ------------------------------------------------------------------


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """The IANA zone names offered as suggestions (reading them walks the zone files)."""
    return tuple(sorted(available_timezones()))


def _account_page(request: Request, viewer: Viewer, *, errors: list[str] | None = None,
                  notice: str = "", status: int = 200) -> Response:
    store = _store(request)
    with store.reading() as db:
        from unknot.storage.clinic_models import Account

        password_set = credentials.has_password(db.get_one(Account, viewer.account_id)
                                                .password_hash)
    return render(request, "clinic/account.html", status_code=status, page="/account",
                  viewer=viewer, errors=errors or [], notice=notice,
                  passkeys=passkeys.passkeys_of(store, viewer.account_id),
                  passkeys_on=relying_party(request) is not None,
                  password_set=password_set,
                  can_delete=bool(decide(viewer, "delete_account")),
                  zone=credentials.timezone_of(store, viewer.account_id) or "",
                  clinic_zone=str(accounts.clinic_timezone(store, viewer.clinic_id)),
                  zones=zone_names())


@router.get("/account", response_class=HTMLResponse)
async def account_page(request: Request, added: str = "") -> Response:
    """Your account: password, passkeys, time zone, signing out everywhere."""
    viewer = await own(request)
    notice = "Your passkey is added: next time, sign in with it." if added == "passkey" else ""
    return await run_in_threadpool(_account_page, request, viewer, notice=notice)


@router.post("/account/password", response_class=HTMLResponse)
async def change_password(request: Request) -> Response:
    """A new password (the current one is asked); every other sign-in ends."""
    viewer = await own(request)
    form = await request.form()
    try:
        ended = await run_in_threadpool(
            credentials.change_password, _store(request), viewer,
            current=_text(form, "current"), new=_text(form, "password"),
            again=_text(form, "again"), keep_token=request.cookies.get(auth.SESSION_COOKIE, ""))
    except (accounts.ClinicError, WeakPassword) as exc:
        return await run_in_threadpool(_account_page, request, viewer, errors=[str(exc)],
                                       status=422)
    others = f" and signed out on {ended} other device{'s' if ended != 1 else ''}" if ended \
        else ""
    return await run_in_threadpool(_account_page, request, viewer,
                                   notice=f"Your password is changed{others}.")


@router.post("/account/timezone", response_class=HTMLResponse)
async def own_timezone(request: Request) -> Response:
    """The person's own time zone (empty: the clinic's)."""
    viewer = await own(request)
    form = await request.form()
    try:
        zone = await run_in_threadpool(credentials.set_timezone, _store(request), viewer,
                                       viewer.account_id, _text(form, "timezone", 100))
    except accounts.ClinicError as exc:
        return await run_in_threadpool(_account_page, request, viewer, errors=[str(exc)],
                                       status=422)
    return await run_in_threadpool(
        _account_page, request, viewer,
        notice=f"Your time zone is now {zone}." if zone else "You follow the clinic's time zone.")


# -- passkeys on the account page --------------------------------------------------------


@router.post("/account/passkeys/options")
async def passkey_register_options(request: Request) -> Response:
    viewer = await own(request)
    rp = relying_party(request)
    if rp is None:
        return _problem("Passkeys are not set up on this server (UNKNOT_PASSKEY_ORIGIN).", 409)
    try:
        handle, options = await run_in_threadpool(passkeys.registration_options,
                                                  _store(request), rp, viewer)
    except passkeys.PasskeyRefused as exc:
        return _problem(str(exc), 409)
    return JSONResponse({"handle": handle, "options": options},
                        headers={"Cache-Control": "no-store"})


@router.post("/account/passkeys")
async def passkey_register(request: Request) -> Response:
    viewer = await own(request)
    rp = relying_party(request)
    if rp is None:
        return _problem("Passkeys are not set up on this server (UNKNOT_PASSKEY_ORIGIN).", 409)
    try:
        body = await _json(request)
        made = await run_in_threadpool(passkeys.register, _store(request), rp, viewer,
                                       body.get("handle"), body.get("credential"),
                                       str(body.get("name") or ""))
    except passkeys.PasskeyRefused as exc:
        return _problem(str(exc))
    return JSONResponse({"id": made.id, "name": made.name, "next": "/account?added=passkey#passkeys"})


@router.post("/account/passkeys/{passkey_id}/remove", response_class=HTMLResponse)
async def passkey_remove(request: Request, passkey_id: str) -> Response:
    viewer = await own(request)
    try:
        name = await run_in_threadpool(passkeys.remove_passkey, _store(request), viewer,
                                       passkey_id)
    except passkeys.PasskeyRefused as exc:
        return await run_in_threadpool(_account_page, request, viewer, errors=[str(exc)],
                                       status=404 if "no such" in str(exc) else 409)
    return await run_in_threadpool(_account_page, request, viewer,
                                   notice=f"The passkey “{name}” is removed.")


# -- signing in with a passkey (signed out) ------------------------------------------------


@router.post("/login/passkey/options")
async def passkey_sign_in_options(request: Request) -> Response:
    await auth.check_pre_csrf(request)
    rp = relying_party(request)
    if rp is None:
        return _problem("Passkeys are not set up on this server.", 409)
    try:
        handle, options = await run_in_threadpool(passkeys.sign_in_options, _store(request), rp,
                                                  _caller(request))
    except accounts.Throttled as exc:
        return _throttled(exc)
    return JSONResponse({"handle": handle, "options": options},
                        headers={"Cache-Control": "no-store"})


@router.post("/login/passkey")
async def passkey_sign_in(request: Request) -> Response:
    await auth.check_pre_csrf(request)
    rp = relying_party(request)
    if rp is None:
        return _problem("Passkeys are not set up on this server.", 409)
    try:
        body = await _json(request)
        viewer, token, _csrf = await run_in_threadpool(
            passkeys.sign_in, _store(request), rp, body.get("handle"), body.get("credential"),
            login_days=request.app.state.settings.login_days)
    except passkeys.PasskeyRefused as exc:
        return _problem(str(exc), 401)
    target = _safe_next(body.get("next"))
    response = JSONResponse({"next": target if target != "/" else _home(viewer)})
    auth.set_session_cookie(request, response, token)
    return response


# -- joining with a passkey ---------------------------------------------------------------


@router.post("/welcome/{token}/passkey/options")
async def invite_passkey_options(request: Request, token: str) -> Response:
    await auth.check_pre_csrf(request)
    rp = relying_party(request)
    if rp is None:
        return _problem("Passkeys are not set up on this server: choose a password.", 409)
    try:
        handle, options = await run_in_threadpool(passkeys.invite_options, _store(request), rp,
                                                  token[:200], _caller(request))
    except accounts.Throttled as exc:
        return _throttled(exc)
    except accounts.InviteUnusable as exc:
        return _problem(str(exc), 410)
    return JSONResponse({"handle": handle, "options": options},
                        headers={"Cache-Control": "no-store"})


@router.post("/welcome/{token}/passkey")
async def invite_passkey(request: Request, token: str) -> Response:
    await auth.check_pre_csrf(request)
    rp = relying_party(request)
    if rp is None:
        return _problem("Passkeys are not set up on this server: choose a password.", 409)
    try:
        body = await _json(request)
        viewer, cookie = await run_in_threadpool(
            passkeys.accept_with_passkey, _store(request), rp, token[:200], body.get("handle"),
            body.get("credential"), display_name=str(body.get("name") or "")[:300],
            login_days=request.app.state.settings.login_days)
    except accounts.InviteUnusable as exc:
        return _problem(str(exc), 410)
    except accounts.ClinicError as exc:
        return _problem(str(exc), 422)
    response = JSONResponse({"next": _home(viewer)})
    auth.set_session_cookie(request, response, cookie)
    return response


# -- reset links ---------------------------------------------------------------------------


@router.post("/clinic/reset-link", response_class=HTMLResponse)
async def make_reset_link(request: Request) -> Response:
    """The owner makes a therapist's reset link, a therapist their client's; shown once."""
    viewer = await auth.signed_in(request)
    form = await request.form()
    account_id = _text(form, "account_id", 36)
    store = _store(request)
    allowed, reason = await run_in_threadpool(credentials.may_reset, viewer, store, account_id)
    if not allowed:
        log.info("refused a reset link for %s by %s: %s", account_id, viewer.account_id, reason)
        raise auth.Refused(Decision(False, reason))
    hours = request.app.state.settings.reset_hours
    token = await run_in_threadpool(credentials.make_reset_link, store, viewer, account_id,
                                    hours=hours)
    target = await run_in_threadpool(credentials.reset_target, store, account_id)
    assert target is not None
    back = f"/clinic/clients/{account_id}" if target.role == "client" else "/clinic"
    return render(request, "clinic/reset_made.html", page="/clinic", target=target,
                  link=f"{request.app.state.settings.base_url}/reset/{token}", hours=hours,
                  back=back)


def _reset_page(request: Request, token: str, errors: list[str], status: int = 200) -> Response:
    try:
        target = credentials.look_up_reset(_store(request), token)
    except credentials.ResetUnusable as exc:
        return render(request, "clinic/problem.html", status_code=410, title="Reset link",
                      message=str(exc), back_href="/login", back_label="Sign in")
    response = render(request, "clinic/reset.html", status_code=status, target=target,
                      token=token, form_token=auth.pre_csrf_token(request), errors=errors)
    return auth.keep_pre_csrf(request, response)


@router.get("/reset/{token}", response_class=HTMLResponse)
def reset_page(request: Request, token: str) -> Response:
    """A reset link: choose a new password, once."""
    return _reset_page(request, token[:200], [])


@router.post("/reset/{token}", response_class=HTMLResponse)
async def reset_submit(request: Request, token: str) -> Response:
    await auth.check_pre_csrf(request)
    form = await request.form()
    try:
        await run_in_threadpool(credentials.use_reset_link, _store(request), token[:200],
                                new=_text(form, "password"), again=_text(form, "again"))
    except credentials.ResetUnusable as exc:
        return render(request, "clinic/problem.html", status_code=410, title="Reset link",
                      message=str(exc), back_href="/login", back_label="Sign in")
    except WeakPassword as exc:
        return await run_in_threadpool(_reset_page, request, token[:200], [str(exc)], 422)
    response = _see_other("/login?reset=1")
    auth.clear_session_cookie(request, response)
    return response


# -- invitations ---------------------------------------------------------------------------


@router.post("/clinic/invites/{invite_id}/revoke")
async def revoke_invite(request: Request, invite_id: str) -> Response:
    """Withdraw an invitation not yet accepted: its link stops working."""
    viewer = await auth.signed_in(request)
    try:
        await run_in_threadpool(credentials.revoke_invite, _store(request), viewer, invite_id)
    except accounts.ClinicError as exc:
        log.info("refused withdrawing invitation for %s: %s", viewer.account_id, exc)
        raise auth.Refused(Decision(False, str(exc))) from None
    return _see_other("/clinic#open-invites")


# -- a client's record: archive, restore, time zone ---------------------------------------


@router.post("/clinic/clients/{client_id}/programmes/{programme_id}/archive")
async def programme_archive(request: Request, access: ChangeClient, programme_id: str) -> Response:
    """Off the client's today page and calendar; history kept; can be restored."""
    return await _set_archived(request, access, programme_id, True)


@router.post("/clinic/clients/{client_id}/programmes/{programme_id}/restore")
async def programme_restore(request: Request, access: ChangeClient, programme_id: str) -> Response:
    return await _set_archived(request, access, programme_id, False)


async def _set_archived(request: Request, access: auth.ClientAccess, programme_id: str,
                        archived: bool) -> Response:
    try:
        await run_in_threadpool(archive.set_archived, _store(request), access.viewer,
                                access.client.account_id, programme_id, archived)
    except ProgrammeError as exc:
        raise auth.Refused(Decision(False, str(exc))) from None
    return _see_other(f"/clinic/clients/{access.client.account_id}#programmes")


@router.post("/clinic/clients/{client_id}/timezone", response_class=HTMLResponse)
async def client_timezone(request: Request, access: ChangeClient) -> Response:
    """The client's time zone, set by their therapist (empty: the clinic's)."""
    form = await request.form()
    try:
        await run_in_threadpool(credentials.set_timezone, _store(request), access.viewer,
                                access.client.account_id, _text(form, "timezone", 100))
    except accounts.ClinicError as exc:
        return render(request, "clinic/problem.html", status_code=422, title="Time zone",
                      message=str(exc), back_href=f"/clinic/clients/{access.client.account_id}",
                      back_label="Back to the client")
    return _see_other(f"/clinic/clients/{access.client.account_id}#client-account")
