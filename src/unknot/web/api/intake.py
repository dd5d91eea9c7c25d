"""POST /intake: free text (and optional answers) → the intake object of SPEC §4."""

from __future__ import annotations

from fastapi import Request, Response

from unknot.intake.screen import IntakeResult, screen
from unknot.web.api.cpu import run_cpu
from unknot.web.api.routing import api_router
from unknot.web.clinic.own_screen import after_screen
from unknot.web.schemas import IntakeBody

router = api_router("intake")


# Screening is CPU work: it runs in a thread, in the worker's CPU lane, and never holds
# up the event loop (and with it every other request of this worker).
@router.post("/intake", response_model=IntakeResult)
async def intake(body: IntakeBody, request: Request) -> Response:
    """Screen what the person wrote for safety; say what to avoid, or to get help."""
    answer = Response(await run_cpu(intake_json, body), media_type="application/json")
    await after_screen(request, body.text, body.answers)  # a clinic client's red flag
    return answer


def intake_json(body: IntakeBody) -> bytes:
    """The intake for `body`, encoded in the same thread (the bytes FastAPI's own encoding
    of the response model gives, without checking the answer again on the event loop)."""
    return screen(body.text, body.answers).model_dump_json().encode()
