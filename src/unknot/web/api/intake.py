"""POST /intake: free text (and optional answers) → the intake object of SPEC §4."""

from __future__ import annotations

from unknot.intake.screen import IntakeResult, screen
from unknot.web.api.cpu import run_cpu
from unknot.web.api.routing import api_router
from unknot.web.schemas import IntakeBody

router = api_router("intake")


# Screening is CPU work: it runs in a thread, in the worker's CPU lane, and never holds
# up the event loop (and with it every other request of this worker).
@router.post("/intake", response_model=IntakeResult)
async def intake(body: IntakeBody) -> IntakeResult:
    """Screen what the person wrote for safety; say what to avoid, or to get help."""
    return await run_cpu(screen, body.text, body.answers)
