"""How errors inside the app become answers: 4xx that say what to fix, 503 when the
database is away, and never a 500 for anything a request can cause.

Field errors keep FastAPI's shape, `{"detail": [{"loc": [...], "msg": "...",
"type": "..."}]}`, whoever raises them, so a client reads every 422 one way.
Other errors are `{"detail": "message"}`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import TimeoutError as PoolTimeout

from unknot.intake.screen import TextTooLong
from unknot.planner import PlanningError
from unknot.safety.questions import UnknownQuestion
from unknot.storage import (
    DatabaseCorrupted,
    DatabaseUnavailable,
    InvalidSessionData,
    InvalidSessionUpdate,
    SessionNotFound,
    StorageError,
)

# Storage messages start with the field they are about: "plan.steps.0.kind: …".
FIELD_MESSAGE = re.compile(r"^(?P<field>[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*): (?P<msg>.+)$", re.S)


class BodyError(HTTPException):
    """A request body is well-formed JSON but a value in it cannot be accepted.

    An HTTPException, because FastAPI lets only those out of body parsing (anything
    else there becomes a bare 400); its own handler below gives it the 422 shape.
    """

    def __init__(self, loc: Sequence[str | int], msg: str, kind: str = "value_error") -> None:
        super().__init__(status_code=422, detail=msg)
        self.loc, self.msg, self.kind = list(loc), msg, kind


def field_error(loc: Sequence[str | int], msg: str, kind: str = "value_error") -> dict[str, Any]:
    """One entry of a 422's `detail` list."""
    return {"type": kind, "loc": list(loc), "msg": msg}


def unprocessable(errors: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"detail": errors}, status_code=422)


def problem(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status)


def storage_field_error(message: str) -> dict[str, Any]:
    """A storage error message as a field error on the request body."""
    match = FIELD_MESSAGE.match(message)
    if match is None:
        return field_error(["body"], message)
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in match["field"].split(".")]
    return field_error(["body", *parts], match["msg"])


async def _body_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BodyError)
    return unprocessable([field_error(exc.loc, exc.msg, exc.kind)])


# A 422 names each field and what is wrong with it; it repeats the value sent only when
# that is short, and lists at most MAX_SHOWN problems. FastAPI's own answer echoes every
# value whole: a megabyte list sent back took seconds to encode on the event loop.
MAX_SHOWN = 20
ECHO_CHARS = 200


def _echo(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | float):
        return True
    return isinstance(value, str) and len(value) <= ECHO_CHARS


async def _invalid_request(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    found = exc.errors()
    errors = []
    for error in found[:MAX_SHOWN]:
        entry = field_error(error["loc"], error["msg"], error["type"])
        if "input" in error and _echo(error["input"]):
            entry["input"] = error["input"]
        if error.get("ctx"):  # limits and patterns: small, kept as text when not plain
            entry["ctx"] = {key: value if _echo(value) else str(value)
                            for key, value in error["ctx"].items()}
        errors.append(entry)
    if len(found) > MAX_SHOWN:
        errors.append(field_error(["body"], f"and {len(found) - MAX_SHOWN} more problems",
                                  "too_many_errors"))
    return unprocessable(errors)


async def _invalid_data(_request: Request, exc: Exception) -> JSONResponse:
    return unprocessable([storage_field_error(str(exc))])


async def _conflict(_request: Request, exc: Exception) -> JSONResponse:
    return problem(409, str(exc))


async def _not_found(_request: Request, exc: Exception) -> JSONResponse:
    return problem(404, str(exc))


async def _unavailable(_request: Request, exc: Exception) -> JSONResponse:
    # The database is down or unreachable: try again later, nothing was half-written.
    return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})


async def _busy(_request: Request, exc: Exception) -> JSONResponse:
    # Every database connection of this worker stayed busy for the pool's whole timeout
    # (heavy writes): nothing was done, so the client may simply send it again.
    return JSONResponse({"detail": "the database is busy: nothing was changed; try again in "
                                   "a moment"}, status_code=503, headers={"Retry-After": "2"})


async def _damaged(_request: Request, exc: Exception) -> JSONResponse:
    # The database file is damaged: no Retry-After, waiting will not mend it; the
    # message says how to recover (restore a backup, `unknot db check`).
    return problem(503, str(exc))


async def _no_plan(_request: Request, exc: Exception) -> JSONResponse:
    return unprocessable([field_error(["body"], f"no routine can be made: {exc}")])


async def _unknown_question(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownQuestion)
    return unprocessable([field_error(["body", "answers", "questions", qid],
                                      f"unknown safety question id {qid!r}: answer the ids the "
                                      "intake returned") for qid in exc.ids])


async def _too_long(_request: Request, exc: Exception) -> JSONResponse:
    return unprocessable([field_error(["body", "text"], str(exc))])


def install(app: FastAPI) -> None:
    """Register the handlers; the most specific class of an error wins."""
    app.add_exception_handler(BodyError, _body_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(InvalidSessionUpdate, _conflict)
    app.add_exception_handler(InvalidSessionData, _invalid_data)
    app.add_exception_handler(SessionNotFound, _not_found)
    app.add_exception_handler(DatabaseCorrupted, _damaged)
    app.add_exception_handler(DatabaseUnavailable, _unavailable)
    app.add_exception_handler(StorageError, _unavailable)
    app.add_exception_handler(PoolTimeout, _busy)
    app.add_exception_handler(PlanningError, _no_plan)
    app.add_exception_handler(UnknownQuestion, _unknown_question)
    app.add_exception_handler(TextTooLong, _too_long)
