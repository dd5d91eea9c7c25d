"""The start page, and the quick safety check, safety and plan pages it leads to.

With JavaScript the start form asks the JSON API for a plan and the check, safety
and plan pages draw it from the browser's storage, so a saved routine works
offline. Without JavaScript the form posts here and the same pages are rendered
on the server: the urgent message never depends on a script having loaded.

The way through: an emergency shows only the call for help; text we cannot place
asks for the area; an unanswered safety question shows the quick safety check
(its form posts back here with the start form's choices carried along); then the
doctor page, or the routine.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from unknot.planner import PlanningError, PlanRequest, build_plan
from unknot.safety.questions import UnknownQuestion
from unknot.web.clinic.own_screen import client_of, tell_therapist
from unknot.web.pages.templating import render

router = APIRouter(include_in_schema=False)

STOPPING_VERDICTS = ("urgent", "see_doctor")


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request) -> HTMLResponse:
    """What is bothering you: text, body map, minutes, setting, tools, pressure. A clinic's
    client sees today's programme first."""
    from unknot.web.clinic.today import client_today

    return render(request, "start.html", page="/", form={}, errors=[],
                  today=client_today(request))


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _number(form: FormData, name: str) -> int | str | None:
    # Digits become a number; anything else typed is passed on for the schema to refuse by name.
    value = _text(form, name)
    return int(value) if value.isdigit() else (value or None)


def _words(form: FormData, name: str) -> list[str]:
    return [part.strip() for part in _text(form, name).split(",") if part.strip()]


QUESTION_PREFIX = "q:"
_YES_NO = {"yes": True, "no": False}


def _question_answers(form: FormData) -> dict[str, Any]:
    """The check's radios (`q:<id>` = yes | no); "None of these apply" answers no to
    every question shown (`asked`) that has no answer yet."""
    answered: dict[str, Any] = {}
    for name, value in form.multi_items():
        if name.startswith(QUESTION_PREFIX) and isinstance(value, str):
            # Anything but yes or no is passed on for the schema to refuse by name.
            answered[name.removeprefix(QUESTION_PREFIX)] = _YES_NO.get(value, value)
    if form.get("none"):
        for question_id in form.getlist("asked"):
            if isinstance(question_id, str):
                answered.setdefault(question_id, False)
    return answered


def _answers(form: FormData) -> dict[str, Any] | None:
    answers: dict[str, Any] = {
        "age": _number(form, "age"),
        "pregnant": True if form.get("pregnant") else None,
        "pregnancy_weeks": _number(form, "pregnancy_weeks"),
        "conditions": _words(form, "conditions"),
        "medicines": _words(form, "medicines"),
        "injury": _text(form, "injury") or None,
        "questions": _question_answers(form),
        "subject": _text(form, "subject") or None,
    }
    answers = {k: v for k, v in answers.items() if v not in (None, [], {})}
    return answers or None


def form_request(form: FormData) -> dict[str, Any]:
    """The plan request a start form describes, as the JSON body of POST /api/v1/plans."""
    body: dict[str, Any] = {
        "text": _text(form, "text") or None,
        "minutes": _text(form, "minutes") or "10",
        "setting": _text(form, "setting") or "anywhere",
        "pressure": _text(form, "pressure") or "moderate",
        "tools": [t for t in form.getlist("tools") if t != "hands"],
        "regions": form.getlist("regions"),
        "answers": _answers(form),
    }
    if _text(form, "seed").isdigit():
        body["seed"] = int(_text(form, "seed"))
    return body


def _field_errors(exc: ValidationError) -> list[str]:
    names = {"text": "What's bothering you", "minutes": "Minutes", "setting": "Where you are",
             "pressure": "Pressure", "tools": "Tools", "regions": "Body areas",
             "answers": "About your health"}
    out = []
    for item in exc.errors():
        loc = [str(p) for p in item["loc"]]
        if loc[:2] in (["answers", "questions"], ["answers", "subject"]):
            loc = ["Quick safety check", *loc[2:]]
        field = names.get(loc[0], loc[0]) if loc else "The form"
        detail = " → ".join(loc[1:])
        message = str(item["msg"]).removeprefix("Value error, ")
        out.append(f"{field}{' (' + detail + ')' if detail else ''}: {message}")
    return out


def _check_errors(form: FormData, intake: dict[str, Any]) -> list[str]:
    """Why the check is shown again after its form was sent: a question left unanswered,
    or new questions that the answers brought (whose body it is changes the checklist)."""
    if not form.get("check"):
        return []
    shown = set(form.getlist("asked"))
    open_ = [q for q in intake["questions"] if q["answer"] is None]
    if any(q["id"] in shown for q in open_):
        return ["Answer each question with yes or no, or press “None of these apply”."]
    return ["A few more questions, because of your answers."]


@router.post("/start", response_class=HTMLResponse)
async def start_submit(request: Request) -> HTMLResponse:
    """The no-script path: screen and plan on the server, then show the quick safety check,
    the safety page or the plan."""
    form = await request.form()
    client = await client_of(request)  # a clinic client: a red flag reaches their therapist
    # Screening and planning are CPU work (up to a second for a long text): in the thread
    # pool, so this worker's event loop, and every other request on it, never waits.
    return await run_in_threadpool(_start_answer, request, form, client)


def _start_answer(request: Request, form: FormData, client: str | None = None) -> HTMLResponse:
    body = form_request(form)
    try:
        plan = build_plan(PlanRequest.model_validate(body))
    except ValidationError as exc:
        return render(request, "start.html", status_code=422, page="/", form=body,
                      errors=_field_errors(exc))
    except (PlanningError, UnknownQuestion) as exc:
        return render(request, "start.html", status_code=422, page="/", form=body,
                      errors=[str(exc)])
    if client is not None:
        tell_therapist(request, client, plan.intake)
    data = plan.model_dump(mode="json")
    intake = data["intake"]
    if intake["verdict"] == "urgent":
        return render(request, "safety.html", intake=intake)
    if not intake["understood"]:
        return render(request, "start.html", page="/", form=body, errors=[], unclear=True)
    if not intake["complete"]:
        return render(request, "check.html", page="/", intake=intake, carried=body,
                      errors=_check_errors(form, intake))
    if intake["verdict"] in STOPPING_VERDICTS:
        return render(request, "safety.html", intake=intake)
    return render(request, "plan.html", page="/", plan=data, plan_request=body)


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request) -> HTMLResponse:
    """The quick safety check; drawn from the current plan in the browser's storage."""
    return render(request, "check.html", page="/", intake=None, carried=None, errors=[])


@router.get("/safety", response_class=HTMLResponse)
def safety_page(request: Request) -> HTMLResponse:
    """What the safety screen found; drawn from the current plan in the browser's storage."""
    return render(request, "safety.html", intake=None)


@router.get("/plan", response_class=HTMLResponse)
def plan_page(request: Request) -> HTMLResponse:
    """The current routine: steps, swap, drop, minutes, start."""
    return render(request, "plan.html", page="/", plan=None, plan_request=None)
