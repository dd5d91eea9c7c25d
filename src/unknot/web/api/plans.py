"""POST /plans: the CLI's plan options as a JSON body → the plan object of SPEC §4.

The request path does the least around the planner: the body is validated once
(by FastAPI, into `PlanBody`), the plan is serialised once by pydantic's Rust
encoder straight to bytes, and those bytes are the response (no second encoding
through `response_model`).

Planning is a pure function of the request (SPEC §4: the same inputs and seed
give the same plan), so recent answers are kept per process, keyed by the request
in canonical form: a person who reloads the plan page or goes back to it gets the
same request answered without planning again. It is a cache, not state (every
worker computes the same answer), bounded by bytes (`PLAN_MEMO_BYTES`), and costs a
new request only a look-up: a new request is planned as if it were not there.
"""

from __future__ import annotations

from fastapi import Request, Response

from unknot.memo import SizedMemo
from unknot.planner import Plan, build_plan
from unknot.web.api.cpu import run_cpu
from unknot.web.api.routing import api_router
from unknot.web.clinic.own_screen import after_screen
from unknot.web.schemas import PlanBody

router = api_router("plans")

# A plan is 5–50 KB of JSON: a few hundred recent plans a worker.
PLAN_MEMO_BYTES = 8 * 1024 * 1024
PLAN_MEMO: SizedMemo[str, bytes] = SizedMemo(PLAN_MEMO_BYTES, len)


def plan_json(body: PlanBody) -> bytes:
    """The plan for a validated request, as the JSON bytes to send."""
    key = body.model_dump_json()
    return PLAN_MEMO.get_or_make(key, lambda: build_plan(body).model_dump_json().encode())


# Screening and planning are CPU work: they run in a thread, in the worker's CPU lane,
# and never hold up the event loop (and with it every other request of this worker).
@router.post("/plans", response_model=Plan)
async def plan(body: PlanBody, request: Request) -> Response:
    """Screen the request, then compose a routine that fits it.

    For a `see_doctor` or `urgent` verdict the plan has no steps: the intake's
    message says what to do instead. No routine possible at all is a 422.
    """
    answer = Response(await run_cpu(plan_json, body), media_type="application/json")
    await after_screen(request, body.text, body.answers)  # a clinic client's red flag
    return answer
