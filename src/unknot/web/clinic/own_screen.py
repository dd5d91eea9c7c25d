"""A client's own safety screen reaches their therapist.

In clinic mode a client may screen themself on the start page (or through the API)
before playing a routine. When that screen says see a doctor first, or get help now,
their therapist's inbox gets an item (issue 10 §3: "a red-flag intake"), whichever way
the screen was asked for: `POST /api/v1/intake`, `POST /api/v1/plans` or the no-script
`POST /start`. Personal mode, therapists and owners are untouched.
"""

from __future__ import annotations

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from unknot.clinic import alerts
from unknot.intake.screen import IntakeResult, screen
from unknot.safety.answers import Answers
from unknot.web.api.cpu import run_cpu


async def client_of(request: Request) -> str | None:
    """The signed-in client's account id in clinic mode, else None."""
    if not request.app.state.settings.clinic:
        return None
    from unknot.web.clinic.auth import viewer_of

    viewer = await viewer_of(request)
    return viewer.account_id if viewer is not None and viewer.role == "client" else None


def tell_therapist(request: Request, client_id: str, result: IntakeResult) -> None:
    """Store the inbox item for a red-flag screen (a no-op for any other verdict)."""
    if result.verdict in alerts.RED_FLAG_VERDICTS:
        alerts.on_own_screen(request.app.state.store, client_id, result.verdict, result.message,
                             [flag.id for flag in result.red_flags])


async def after_screen(request: Request, text: str | None, answers: Answers | None) -> None:
    """For a signed-in client: screen `text` (cheap next to the work just done) and tell
    their therapist if it says see a doctor or get help now."""
    client = await client_of(request)
    if client is None:
        return
    result = await run_cpu(screen, text or "", answers)
    if result.verdict in alerts.RED_FLAG_VERDICTS:
        await run_in_threadpool(tell_therapist, request, client, result)
