"""POST /intake: free text (and optional answers) → the intake object of SPEC §4."""

from __future__ import annotations

from unknot.intake.screen import IntakeResult, screen
from unknot.web.api.routing import api_router
from unknot.web.schemas import IntakeBody

router = api_router("intake")


# A plain `def`: screening is CPU work, so it runs in the thread pool and never holds
# up the event loop (and with it every other request of this worker).
@router.post("/intake", response_model=IntakeResult)
def intake(body: IntakeBody) -> IntakeResult:
    """Screen what the person wrote for safety; say what to avoid, or to get help."""
    return screen(body.text, body.answers)
