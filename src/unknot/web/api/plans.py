"""POST /plans: the CLI's plan options as a JSON body → the plan object of SPEC §4.

Planning is a pure function of the request (SPEC §4: the same inputs and seed
give the same plan), so answers are memoised per process, keyed by the request
in canonical form. This is a cache, not state: every worker computes the same
answer for the same request, and forgetting an entry changes nothing but time.
It pays off when a person reloads or goes back to the start page, where the
same request comes again; a new request costs the planner's few milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

from fastapi import Response

from unknot.planner import Plan, build_plan
from unknot.web.api.routing import api_router
from unknot.web.schemas import PlanBody

router = api_router("plans")

# ~16 KB a plan: a few MB per worker at most.
MEMO_SIZE = 256


@lru_cache(maxsize=MEMO_SIZE)
def plan_json(canonical: str) -> bytes:
    """The plan for a request given as its canonical JSON, as the JSON bytes to send."""
    return build_plan(PlanBody.model_validate_json(canonical)).model_dump_json().encode()


# A plain `def`: screening and planning are CPU work, so they run in the thread pool
# and never hold up the event loop (and with it every other request of this worker).
@router.post("/plans", response_model=Plan)
def plan(body: PlanBody) -> Response:
    """Screen the request, then compose a routine that fits it.

    For a `see_doctor` or `urgent` verdict the plan has no steps: the intake's
    message says what to do instead. No routine possible at all is a 422.
    """
    return Response(plan_json(body.model_dump_json()), media_type="application/json")
