"""The router every API module uses: JSON bodies checked once, before any model sees them.

Valid JSON can still hold values no database or JSON encoder accepts: NUL
characters (PostgreSQL refuses them in text and JSONB), lone surrogates (not
encodable as UTF-8), NaN and Infinity (Python's parser allows them, JSON does
not), absurd nesting (too deep even for the parser) and numbers hundreds of digits
long (Python refuses over 4,300 digits). Rejecting them here, with the path to the value, means
no endpoint can turn them into a 500, including free-form fields such as a
session's plan.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from unknot.web.errors import BodyError

MAX_BODY_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 100
# Lists and objects a body may hold, counted by their opening brackets (a 60-minute plan
# has under a thousand). Parsing builds each as an object the garbage collector tracks,
# and its full passes over a few hundred thousand of them hold the interpreter for a
# second, stalling every request of the worker, wherever the parsing runs.
MAX_CONTAINERS = 20_000
Path = tuple[str | int, ...]


def _text_problem(value: str) -> str | None:
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate, which is not valid text"
    return None


def first_problem(value: Any, path: Path = ()) -> tuple[Path, str] | None:
    """The first value in parsed JSON that cannot be stored or sent back, and why."""
    if len(path) > MAX_DEPTH:
        return path, f"nested more than {MAX_DEPTH} levels deep"
    if isinstance(value, str):
        problem = _text_problem(value)
        return (path, problem) if problem else None
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, "must be a finite number")
    if isinstance(value, dict):
        for key, item in value.items():
            problem = _text_problem(key)
            if problem:
                return path, f"a key {problem}"
            found = first_problem(item, (*path, key))
            if found:
                return found
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found = first_problem(item, (*path, index))
            if found:
                return found
    return None


class NumberTooLong(ValueError):
    """A number in the body is longer than any field accepts."""


def _number(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(literal: str) -> Any:
        if len(literal) > MAX_NUMBER_CHARS:
            raise NumberTooLong(f"a number is {len(literal)} characters long; the limit is "
                                f"{MAX_NUMBER_CHARS}")
        return kind(literal)

    return parse


# MAX_DEPTH + 1 opening brackets in a row: certainly nested too deep.
_TOO_DEEP = re.compile(rb"(?:[\[{]\s*){%d}" % (MAX_DEPTH + 1))


def parse_body(raw: bytes) -> Any:
    """The JSON of a body; a 422 naming the problem for text that is not UTF-8, nesting
    too deep to parse or a number too long (json.JSONDecodeError goes to FastAPI)."""
    brackets = raw.count(b"[") + raw.count(b"{")
    if brackets > MAX_CONTAINERS:
        if _TOO_DEEP.search(raw):  # the usual shape of a body nested too deep: say that
            raise BodyError(["body"], f"nested more than {MAX_DEPTH} levels deep", "json_invalid")
        raise BodyError(["body"], f"holds {brackets} lists and objects (counting [ and {{); "
                                  f"at most {MAX_CONTAINERS} are accepted", "json_invalid")
    try:
        return json.loads(raw, parse_int=_number(int), parse_float=_number(float))
    except UnicodeDecodeError as exc:
        raise BodyError(["body"], "the body is not UTF-8 text", "json_invalid") from exc
    except RecursionError as exc:
        raise BodyError(["body"], f"nested more than {MAX_DEPTH} levels deep",
                        "json_invalid") from exc
    except NumberTooLong as exc:
        raise BodyError(["body"], str(exc), "json_invalid") from exc


# Above this size a body is parsed and checked in the thread pool: a megabyte of small
# items takes the better part of a second, which on the event loop would stall every
# other request of the worker (/api/v1/ping included); small bodies skip the hop.
OFF_LOOP_BYTES = 64_000


def checked_json(raw: bytes) -> Any:
    """The body's JSON, or a BodyError naming the first value that cannot be accepted."""
    parsed = parse_body(raw)
    found = first_problem(parsed)
    if found:
        path, message = found
        raise BodyError(["body", *path], message)
    return parsed


class CheckedRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            raw = await self.body()
            if len(raw) > OFF_LOOP_BYTES:
                self._json = await run_in_threadpool(checked_json, raw)
            else:
                self._json = checked_json(raw)
        return self._json


class CheckedRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            return await handler(CheckedRequest(request.scope, request.receive))

        return checked


def api_router(tag: str) -> APIRouter:
    """A router for one resource of /api/v1, with checked bodies and a size limit."""
    return APIRouter(tags=[tag], route_class=CheckedRoute, max_body_size=MAX_BODY_BYTES)
