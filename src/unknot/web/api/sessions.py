"""Sessions: create (idempotent on a client-made id), record progress, finish, list, read.

Every call acts for `CurrentPerson`; a session of someone else is not found.
Handlers are plain `def`: the store is synchronous and FastAPI runs them in its
thread pool, so a slow database never stalls the event loop.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import HTTPException, Query, Response
from pydantic import Field

from unknot.library.loader import default_library
from unknot.storage import Store
from unknot.vocabulary import expand_regions
from unknot.web.api.routing import api_router
from unknot.web.deps import CurrentPerson, SettingsDep, StoreDep
from unknot.web.errors import BodyError
from unknot.web.schemas import (
    Moment,
    PlanIn,
    Problem,
    ProgressUpdate,
    SessionCreate,
    SessionFinish,
    SessionList,
    SessionListItem,
    SessionOut,
)

router = api_router("sessions")

NO_ROUTINE = ("see_doctor", "urgent")
NOT_FOUND = {404: {"model": Problem, "description": "No such session for this person"}}
CONFLICT = {409: {"model": Problem, "description": "The change contradicts the stored session"}}


def check_runnable(plan: PlanIn) -> None:
    """Refuse a plan that must not be run: no steps, a verdict that forbids a routine,
    or a step that touches what the screening said to avoid (a client may edit plans)."""
    verdict = plan.intake.verdict if plan.intake else None
    if not plan.steps or verdict in NO_ROUTINE:
        why = f" ({verdict})" if verdict else ""
        raise BodyError(["body", "plan", "steps"],
                        f"no routine for this verdict{why}: there are no steps to run")
    if plan.intake is None:
        return
    if not plan.intake.complete:
        unanswered = [q.id for q in plan.intake.questions if q.answer is None]
        raise BodyError(["body", "plan", "intake", "complete"],
                        "the quick safety check is not complete: answer "
                        + ", ".join(unanswered or ["every question"]) + " before starting")
    avoid = expand_regions(plan.intake.avoid)
    library = default_library()
    for index, step in enumerate(plan.steps):
        touched = expand_regions(step.regions)
        technique = library.get(step.technique)
        if technique is not None:
            touched |= expand_regions(technique.regions) | set(technique.modalities)
        if hit := sorted(touched & avoid):
            raise BodyError(["body", "plan", "steps", index],
                            f"{step.technique} uses {', '.join(hit)}, which the screening "
                            "said to avoid")
        ruled_out = sorted(set(technique.contraindications) & set(plan.intake.conditions)) \
            if technique is not None else []
        if ruled_out:
            raise BodyError(["body", "plan", "steps", index],
                            f"{step.technique} is not for {', '.join(ruled_out).replace('_', ' ')}, "
                            "which the screening found")


def check_programme_link(store: StoreDep, settings: SettingsDep, person: str, programme_id: str,
                         slot: str) -> None:
    """A session may name only a programme slot of the person's own programme."""
    if not settings.clinic:
        raise BodyError(["body", "programme"], "programmes belong to clinic mode; this unknot is "
                                               "in personal mode")
    from unknot.clinic.records import check_link

    why = check_link(store, person, programme_id, slot)
    if why is not None:
        raise BodyError(["body", "programme"], why)


@router.post("/sessions", response_model=SessionOut, status_code=201,
             responses={200: {"model": SessionOut, "description": "Already stored under this id"},
                        **CONFLICT})
def create_session(body: SessionCreate, store: StoreDep, person: CurrentPerson,
                   response: Response, settings: SettingsDep) -> SessionOut:
    """Store a new session (201), or return the one already stored under this id (200).

    Clients make the id, so a retry after a lost answer, or a session queued
    offline and sent twice, never makes a duplicate.
    """
    sid = str(body.id) if body.id is not None else None
    existing = store.get_session(sid, person_id=person) if sid else None
    if existing is not None:
        response.status_code = 200
        return SessionOut.of(existing)
    check_runnable(body.plan)
    link = body.programme
    if link is not None:
        check_programme_link(store, settings, person, str(link.id), link.slot)
    plan = body.plan.model_dump(mode="json")
    # A client that dropped or swapped steps may not have updated the total.
    plan["total_seconds"] = sum(step.seconds for step in body.plan.steps)
    # Another worker may store the same id between the look above and this write:
    # exactly one call stores it (201), every other one gets it back (200).
    record, created = store.ensure_session(
        plan=plan, request=body.request, before=body.before,
        session_id=sid, source=body.source, status=body.status, created_at=body.created_at,
        person_id=person, programme_id=str(link.id) if link else None,
        slot=link.slot if link else None)
    if not created:
        response.status_code = 200
    return SessionOut.of(record)


@router.put("/sessions/{session_id}/progress", response_model=SessionOut,
            responses={**NOT_FOUND, **CONFLICT})
def update_progress(session_id: uuid.UUID, body: ProgressUpdate, store: StoreDep,
                    person: CurrentPerson) -> SessionOut:
    """Record where the player is, so a reload resumes at the same step and second."""
    record = store.update_progress(str(session_id), step_index=body.step_index,
                                   step_elapsed=body.step_elapsed, person_id=person)
    return SessionOut.of(record)


@router.post("/sessions/{session_id}/finish", response_model=SessionOut,
             responses={**NOT_FOUND, **CONFLICT})
def finish_session(session_id: uuid.UUID, body: SessionFinish, store: StoreDep,
                   person: CurrentPerson) -> SessionOut:
    """End the session with the after ratings. Sending the same finish again is harmless;
    a finish that contradicts the stored one is a 409."""
    record = store.finish_session(
        str(session_id), status=body.status, after=body.after,
        completed_steps=body.completed_steps, stop_reason=body.stop_reason, note=body.note,
        finished_at=body.finished_at, person_id=person)
    return SessionOut.of(record)


class SessionPage(SessionList):
    next_before_id: str | None = Field(
        description="Pass as `before_id`, with `next_before` as `before`, for the next "
                    "(older) page; null on the last page.")


@router.get("/sessions", response_model=SessionPage)
def list_sessions(store: StoreDep, person: CurrentPerson,
                  limit: Annotated[int, Query(ge=1, le=100)] = 20,
                  before: Annotated[Moment | None, Query(
                      description="Only sessions begun before this moment (ISO 8601); "
                                  "with `before_id`, those after that session in the "
                                  "list.")] = None,
                  before_id: Annotated[uuid.UUID | None, Query(
                      description="The id of the last session of the previous page "
                                  "(`next_before_id`), so sessions that began at the same "
                                  "moment are neither skipped nor repeated.")] = None,
                  include: Annotated[Literal["plan"] | None, Query(
                      description="`plan` to have each session's plan in the list; "
                                  "without it `plan` is null.")] = None,
                  ) -> SessionPage:
    """The person's sessions, newest first, a page at a time.

    Page with both cursors, `before=next_before&before_id=next_before_id`: the order
    is (`created_at`, id), so sessions that share a moment all appear, once. Each
    item is a whole session but for its plan (null): ask `include=plan`, or GET
    /sessions/{id}, for that.
    """
    if before_id is not None and before is None:
        raise BodyError(["query", "before"], "before_id goes with before: pass next_before "
                                             "and next_before_id together", "missing")
    return read_sessions(store, person, limit=limit, before=before,
                         before_id=str(before_id) if before_id else None,
                         with_plan=include == "plan")


def read_sessions(store: Store, person: str, *, limit: int, before: datetime | None = None,
                  before_id: str | None = None, with_plan: bool = False) -> SessionPage:
    """A page of the person's sessions, newest first (what GET /sessions answers; the
    journal page draws and embeds its first page from the same)."""
    records = store.list_sessions(limit=limit, before=before, before_id=before_id,
                                  with_plan=with_plan, person_id=person)
    more = len(records) == limit
    return SessionPage(items=[SessionListItem.of(r) for r in records],
                       next_before=records[-1].created_at if more else None,
                       next_before_id=records[-1].id if more else None)


@router.delete("/sessions/{session_id}", status_code=204, responses=NOT_FOUND)
def delete_session(session_id: uuid.UUID, store: StoreDep, person: CurrentPerson) -> Response:
    """Remove a session for good (one started by mistake, or not worth keeping): it
    leaves the list and the journal's figures."""
    store.delete_session(str(session_id), person_id=person)
    return Response(status_code=204)


@router.get("/sessions/{session_id}", response_model=SessionOut, responses=NOT_FOUND)
def get_session(session_id: uuid.UUID, store: StoreDep, person: CurrentPerson) -> SessionOut:
    """One session, with its plan and where the player stands."""
    record = store.get_session(str(session_id), person_id=person)
    if record is None:
        raise HTTPException(404, detail=f"no session {str(session_id)!r}")
    return SessionOut.of(record)
