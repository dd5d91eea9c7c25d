"""The programme builder: one form whose buttons add, move and remove steps, start from a
generated plan, pick a schedule, and save. It works without JavaScript; the state
travels in the form until it is saved.

Every technique offered has passed the client's safety screen; the ones it rules out
are listed with the reason, and a request to add one anyway is refused with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from unknot.clinic import records
from unknot.clinic.programmes import (
    ProgrammeError,
    check_step,
    default_seconds,
    from_plan,
    intake_refusal,
    refusal,
)
from unknot.clinic.schedule import DAYS, PRESETS, ScheduleError, describe, parse_schedule, preset
from unknot.intake.screen import IntakeResult
from unknot.library.loader import default_library
from unknot.planner import PlanningError, PlanRequest, plan_for
from unknot.web.clinic.auth import ClientAccess
from unknot.web.pages.templating import render

__all__ = ["State", "describe", "page", "submit"]


@dataclass
class State:
    """What the builder form holds."""

    title: str
    steps: list[dict[str, Any]]
    preset: str
    days: list[str]
    times: str
    starts_on: str
    ends_on: str
    programme_id: str = ""
    minutes: str = "10"
    regions: list[str] = field(default_factory=list)

    @classmethod
    def empty(cls, today: date) -> State:
        return cls(title="", steps=[], preset="daily", days=list(DAYS), times="08:00",
                   starts_on=today.isoformat(), ends_on="")

    @classmethod
    def of(cls, programme: records.ProgrammeView) -> State:
        schedule = programme.schedule
        return cls(title=programme.title, steps=[dict(s) for s in programme.steps], preset="custom",
                   days=list(schedule.days), times=", ".join(schedule.times),
                   starts_on=schedule.starts_on.isoformat(),
                   ends_on=schedule.ends_on.isoformat() if schedule.ends_on else "",
                   programme_id=programme.id)


def _text(form: FormData, name: str, limit: int = 400) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


def _texts(form: FormData, name: str) -> list[str]:
    return [v.strip()[:400] if isinstance(v, str) else "" for v in form.getlist(name)][:40]


def _whole(value: str) -> int | str:
    return int(value) if value.isdigit() and len(value) < 6 else value


def read_state(form: FormData) -> State:
    techniques = _texts(form, "step_technique")
    seconds, sides, notes = (_texts(form, n) for n in ("step_seconds", "step_side", "step_note"))

    def at(values: list[str], i: int) -> str:
        return values[i] if i < len(values) else ""

    steps = [{"technique": t, "seconds": _whole(at(seconds, i)), "side": at(sides, i) or None,
              "note": at(notes, i)} for i, t in enumerate(techniques)]
    return State(title=_text(form, "title", 300), steps=steps, preset=_text(form, "preset") or "custom",
                 days=[d for d in _texts(form, "days") if d in DAYS], times=_text(form, "times"),
                 starts_on=_text(form, "starts_on", 20), ends_on=_text(form, "ends_on", 20),
                 programme_id=_text(form, "programme_id", 36), minutes=_text(form, "minutes", 4),
                 regions=_texts(form, "regions"))


def _date(value: str, label: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ScheduleError(f"{label}: pick a date (YYYY-MM-DD).") from None


def _intake(request: Request, access: ClientAccess) -> IntakeResult | None:
    stored = records.latest_intake(request.app.state.store, access.client.account_id)
    return stored.intake if stored else None


def page(request: Request, access: ClientAccess, state: State, errors: list[str] | None = None,
         status: int = 200, notice: str = "") -> Response:
    """The builder, drawn from `state`."""
    from unknot.clinic.accounts import member

    intake = _intake(request, access)
    library = default_library()
    offered, ruled_out = [], []
    if intake is not None:
        for technique in library.techniques:
            why = refusal(technique, intake)
            (ruled_out if why else offered).append((technique, why))
    steps = [(step, library.get(str(step.get("technique")))) for step in state.steps]
    return render(request, "clinic/builder.html", status_code=status, page="/clinic",
                  client=member(request.app.state.store, access.client.account_id), state=state,
                  intake=intake, blocked=intake_refusal(intake), offered=offered,
                  ruled_out=ruled_out, steps=steps, errors=errors or [], notice=notice,
                  presets=PRESETS, DAYS=DAYS)


def _move(steps: list[dict[str, Any]], index: int, by: int) -> None:
    target = index + by
    if 0 <= index < len(steps) and 0 <= target < len(steps):
        steps[index], steps[target] = steps[target], steps[index]


def submit(request: Request, access: ClientAccess, form: FormData) -> Response:
    """Apply the button pressed to the form's state; save, or draw the builder again."""
    state = read_state(form)
    action = _text(form, "action", 40)
    verb, _, arg = action.partition(":")
    index = int(arg) if arg.isdigit() else -1
    intake = _intake(request, access)
    library = default_library()
    try:
        if intake_refusal(intake) is not None:
            raise ProgrammeError(intake_refusal(intake) or "")
        assert intake is not None
        if verb == "add":
            technique = library.get(_text(form, "add_technique", 100))
            if technique is None:
                raise ProgrammeError("Add: pick a technique from the list.")
            step = {"technique": technique.id, "seconds": default_seconds(technique),
                    "side": "both" if technique.sided else None, "note": ""}
            state.steps.append(check_step(step, intake, library, "Add"))
            return page(request, access, state, notice=f"Added {technique.name}.")
        if verb in ("up", "down"):
            _move(state.steps, index, -1 if verb == "up" else 1)
            return page(request, access, state)
        if verb == "remove":
            if 0 <= index < len(state.steps):
                state.steps.pop(index)
            return page(request, access, state)
        if verb == "generate":
            return page(request, access, _generated(state, intake),
                        notice="Started from a generated plan: change it as you like.")
        if verb == "preset":
            return page(request, access, _with_preset(state))
        if verb == "save":
            return _save(request, access, state)
        raise ProgrammeError("Press one of the form's buttons.")
    except (ProgrammeError, ScheduleError) as exc:
        return page(request, access, state, errors=[str(exc)], status=422)


def _generated(state: State, intake: IntakeResult) -> State:
    minutes = state.minutes if state.minutes.isdigit() else "10"
    regions = state.regions or list(intake.regions)
    try:
        request = PlanRequest(minutes=int(minutes), regions=regions,
                              goals=[] if regions else list(intake.goals) or ["relaxation"])
        plan = plan_for(request, intake)
    except (ValidationError, PlanningError) as exc:
        raise ProgrammeError(f"Generate: {exc}") from exc
    if not plan.steps:
        raise ProgrammeError("Generate: no routine fits these areas for this client.")
    return replace(state, steps=from_plan(plan))


def _with_preset(state: State) -> State:
    starts = _date(state.starts_on, "Start date")
    schedule = preset(state.preset, starts)
    return replace(state, days=list(schedule.days), times=", ".join(schedule.times),
                   ends_on=schedule.ends_on.isoformat() if schedule.ends_on else "")


def _save(request: Request, access: ClientAccess, state: State) -> Response:
    if state.preset in PRESETS:
        state = _with_preset(state)
    starts = _date(state.starts_on, "Start date")
    ends = _date(state.ends_on, "End date") if state.ends_on else None
    schedule = parse_schedule(state.days, state.times.split(","), starts, ends)
    if not state.steps:
        raise ProgrammeError("Steps: add at least one technique.")
    records.save_programme(request.app.state.store, access.viewer, access.client.account_id,
                           title=state.title, steps=state.steps, schedule=schedule,
                           programme_id=state.programme_id or None)
    return RedirectResponse(f"/clinic/clients/{access.client.account_id}#programmes",
                            status_code=303)
