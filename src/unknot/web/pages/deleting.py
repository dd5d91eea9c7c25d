"""Deleting everything a person owns, in one transaction (`unknot.records.erase`).

Personal mode: after typing a word (the form carries the signed-out double-submit
token). Clinic mode: a client deletes their own account, allowed by the one ownership
rule ("delete_account"), after proving again that it is them — their password, or, for
someone who has passkeys, a fresh passkey assertion: a challenge made for their account
and for this deletion only (`passkeys.delete_options`), single use and short-lived like
every passkey challenge. A stolen session cookie alone deletes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.clinic.access import Viewer, decide
from unknot.storage import Store
from unknot.web.pages.records import own_subject, own_viewer, personal_form_refused
from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)
log = logging.getLogger("unknot.records")

CONFIRM_WORD = "delete"
FIELD_MAX = 25_000  # characters of a form field here (a passkey answer is ~1-2 KB)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value[:FIELD_MAX] if isinstance(value, str) else ""


def _ways(request: Request, viewer: Viewer) -> tuple[bool, bool]:
    """How this person can confirm: (has a password, can use a passkey here)."""
    from sqlalchemy import func, select

    from unknot.clinic.credentials import has_password
    from unknot.storage.clinic_models import Account, Passkey
    from unknot.web.clinic.account import relying_party

    with _store(request).reading() as db:
        password = has_password(db.get_one(Account, viewer.account_id).password_hash)
        passkeys = db.scalar(select(func.count()).select_from(Passkey)
                             .where(Passkey.account_id == viewer.account_id)) or 0
    return password, bool(passkeys) and relying_party(request) is not None


def _delete_page(request: Request, viewer: Viewer | None, *, errors: list[str] | None = None,
                 status: int = 200) -> Response:
    from unknot.web.clinic import auth

    store = _store(request)
    subject = own_subject(store, viewer)
    decision = decide(viewer, "delete_account") if viewer is not None else None
    password_set, passkey_ready = _ways(request, viewer) if viewer is not None else (False, False)
    response = render(request, "records/delete.html", status_code=status, page="/records",
                      subject=subject, viewer=viewer, errors=errors or [],
                      refused=decision.reason if decision is not None and not decision else None,
                      sessions=len(store.journal_entries(person_id=subject.person_id)),
                      form_token=auth.pre_csrf_token(request) if viewer is None else None,
                      confirm_word=CONFIRM_WORD, password_set=password_set,
                      passkey_ready=passkey_ready)
    return auth.keep_pre_csrf(request, response) if viewer is None else response


@router.get("/records/delete", response_class=HTMLResponse)
async def delete_page(request: Request) -> Response:
    """What deleting removes, and the form that confirms it."""
    viewer = await own_viewer(request)
    return await run_in_threadpool(_delete_page, request, viewer)


@dataclass(frozen=True)
class Problem:
    """Why the deletion was not confirmed, as the page says it."""

    message: str
    retry_after: int | None = None  # seconds, when waiting is the remedy (answered 429)


def _password_problem(store: Store, viewer: Viewer, password: str) -> Problem | None:
    """Why the password does not confirm the deletion (None: it does). Wrong tries count
    with failed sign-ins, so a stolen session cannot be used to guess the password."""
    from unknot.clinic import throttle
    from unknot.clinic.credentials import has_password
    from unknot.clinic.passwords import verify_password
    from unknot.storage.clinic_models import Account

    key = f"account:{viewer.email}"
    now = store.now()
    with store.reading() as db:
        stored = db.get_one(Account, viewer.account_id).password_hash
        held = throttle.held_for(db, [(key, throttle.ACCOUNT_FAILURES_MAX)], now)
    if held is not None:
        return Problem(f"Password: too many wrong tries. Wait {throttle.wait_words(held)}, "
                       "then try again.", retry_after=held)
    if not has_password(stored):
        return Problem("Password: your account has none. Confirm with one of your passkeys, "
                       "or set a password on your account page first.")
    if verify_password(stored, password):
        return None
    with store.writing() as db:
        throttle.note_attempts(db, [key], now)
    return Problem("Password: that is not your password. Type it again to confirm.")


def _passkey_problem(request: Request, viewer: Viewer, handle: str,
                     answer: str) -> Problem | None:
    """Why the passkey answer does not confirm the deletion (None: it does)."""
    from unknot.clinic import passkeys
    from unknot.web.clinic.account import relying_party

    rp = relying_party(request)
    if rp is None:
        return Problem("Passkey: passkeys are not set up on this server; confirm with your "
                       "password.")
    try:
        passkeys.confirm_delete(_store(request), rp, viewer, handle, answer)
    except passkeys.PasskeyRefused as exc:
        return Problem(str(exc))
    return None


@router.post("/records/delete/passkey/options")
async def delete_passkey_options(request: Request) -> Response:
    """A challenge for confirming the deletion with one of the person's own passkeys."""
    from unknot.clinic import passkeys
    from unknot.web.clinic import auth
    from unknot.web.clinic.account import relying_party

    viewer = await own_viewer(request)  # clinic mode: signed in, with the CSRF header
    if viewer is None:
        return JSONResponse({"detail": "personal mode has no passkeys"}, status_code=404)
    decision = decide(viewer, "delete_account")
    if not decision:
        raise auth.Refused(decision)
    rp = relying_party(request)
    if rp is None:
        return JSONResponse({"detail": "Passkeys are not set up on this server: confirm with "
                                       "your password."}, status_code=409)
    try:
        handle, options = await run_in_threadpool(passkeys.delete_options, _store(request), rp,
                                                  viewer)
    except passkeys.PasskeyRefused as exc:
        return JSONResponse({"detail": str(exc)}, status_code=409)
    return JSONResponse({"handle": handle, "options": options},
                        headers={"Cache-Control": "no-store"})


async def _not_deleted(request: Request, viewer: Viewer | None, exc: DBAPIError) -> Response:
    """The database refused part of a deletion: the transaction is rolled back whole."""
    log.warning("deleting %s's data was refused and rolled back: %s",
                viewer.account_id if viewer else "the local person", exc.orig)
    return await run_in_threadpool(partial(
        _delete_page, request, viewer, status=409,
        errors=["Nothing was deleted: the database refused part of it, so all of it was "
                "kept. Try again later; if it keeps happening, ask whoever runs this unknot."]))


async def _delete_personal(request: Request, form: FormData) -> Response:
    from unknot.records.erase import erase_personal

    word = form.get("confirm")
    if not isinstance(word, str) or word.strip().lower() != CONFIRM_WORD:
        return await run_in_threadpool(
            _delete_page, request, None, status=422,
            errors=[f"Confirm: type the word “{CONFIRM_WORD}” to delete everything."])
    try:
        erased = await run_in_threadpool(erase_personal, _store(request), Store.person_id())
    except DBAPIError as exc:
        return await _not_deleted(request, None, exc)
    return render(request, "records/deleted.html", page="/records", erased=erased, clinic=False)


@router.post("/records/delete", response_class=HTMLResponse)
async def delete_submit(request: Request) -> Response:
    """Delete the account (clinic: after the password or a passkey again) or all the data
    (personal: after typing the word), in one transaction."""
    from unknot.records.erase import erase_client
    from unknot.web.clinic import auth

    viewer = await own_viewer(request)  # clinic mode: signed in, and the form's CSRF token
    if viewer is None and (refused := await personal_form_refused(request)) is not None:
        return refused
    form = await request.form()
    if viewer is None:
        return await _delete_personal(request, form)
    decision = decide(viewer, "delete_account")
    if not decision:
        raise auth.Refused(decision)
    store = _store(request)
    handle = _field(form, "passkey_handle")
    if handle:
        problem = await run_in_threadpool(_passkey_problem, request, viewer, handle,
                                          _field(form, "passkey_answer"))
    else:
        problem = await run_in_threadpool(_password_problem, store, viewer,
                                          _field(form, "password")[:1000])
    if problem is not None:
        page = await run_in_threadpool(
            _delete_page, request, viewer, status=422 if problem.retry_after is None else 429,
            errors=[problem.message])
        if problem.retry_after is not None:
            page.headers["Retry-After"] = str(problem.retry_after)
        return page
    try:
        erased = await run_in_threadpool(erase_client, store, viewer.account_id)
    except DBAPIError as exc:
        return await _not_deleted(request, viewer, exc)
    request.state.viewer, request.state.csrf = None, None
    response = render(request, "records/deleted.html", page="", erased=erased, clinic=True)
    auth.clear_session_cookie(request, response)
    return response
