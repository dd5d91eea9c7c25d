"""POST /plans/alternatives: what one step of a plan may be swapped for, as ready steps.

The plan a person is looking at lives in their browser (they may have removed or
swapped steps), so the body carries it: the request it was made from and its
steps. The intake is screened again from the request rather than taken from the
client, so the safety limits are the server's own: nothing avoided, nothing the
person's conditions rule out, never a technique already in the plan. A sided step
swaps together with its other side; `replaces` says which steps go.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel, Field

from unknot.intake.screen import screen
from unknot.library.loader import default_library
from unknot.planner import Plan
from unknot.planner.compose import NO_ROUTINE
from unknot.planner.model import PlanStep
from unknot.planner.swap import swap_options
from unknot.vocabulary import Kind
from unknot.web.api.cpu import run_cpu
from unknot.web.api.routing import api_router
from unknot.web.errors import BodyError
from unknot.web.schemas import MAX_STEPS, Body, PlanBody

router = api_router("plans")


class SwapBody(Body):
    request: PlanBody = Field(description="The plan request the routine was made from.")
    steps: list[PlanStep] = Field(min_length=1, max_length=MAX_STEPS,
                                  description="The routine's steps as they are now.")
    index: int = Field(ge=0, description="The step to swap (its other side goes with it).")


class SwapOption(BaseModel):
    technique: str
    name: str
    summary: str
    kind: Kind
    steps: list[PlanStep] = Field(description="The steps that take the replaced ones' place.")


class SwapAnswer(BaseModel):
    replaces: list[int] = Field(description="[start, end): the steps one swap replaces.")
    count: int = Field(description="How many alternatives are listed.")
    items: list[SwapOption]


@router.post("/plans/alternatives", response_model=SwapAnswer)
async def alternatives_for(body: SwapBody) -> Response:
    """Techniques that may take a step's place, best first, each as the steps to put in."""
    # Screening again, ranking and encoding are CPU work: a thread, in the worker's CPU lane
    # (the bytes FastAPI's own encoding of the response model gives).
    answer = await run_cpu(lambda: swap_answer(body).model_dump_json().encode())
    return Response(answer, media_type="application/json")


def swap_answer(body: SwapBody) -> SwapAnswer:
    """The alternatives for `body`'s step (a 422 naming the problem when there are none)."""
    if body.index >= len(body.steps):
        raise BodyError(["body", "index"], f"there are {len(body.steps)} steps; the index must be "
                                           f"below that")
    library = default_library()
    for n, step in enumerate(body.steps):
        if library.get(step.technique) is None:
            raise BodyError(["body", "steps", n, "technique"], f"no technique {step.technique!r}")
    request = body.request
    intake = screen(request.text, request.answers, regions=request.regions or None,
                    goals=request.goals or None)
    if intake.verdict in NO_ROUTINE or not intake.understood:
        raise BodyError(["body", "request"], "this request gets no routine, so there is nothing "
                                             "to swap")
    if not intake.complete:
        raise BodyError(["body", "request", "answers", "questions"],
                        "answer the quick safety check first")
    plan = Plan(intake=intake, total_seconds=sum(s.seconds for s in body.steps), steps=body.steps)
    (start, end), options = swap_options(plan, body.index, request, library)
    items = [SwapOption(technique=o.technique.id, name=o.technique.name,
                        summary=o.technique.summary, kind=o.technique.kind, steps=o.steps)
             for o in options]
    return SwapAnswer(replaces=[start, end], count=len(items), items=items)
