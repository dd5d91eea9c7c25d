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
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute

from unknot.web.errors import BodyError

MAX_BODY_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 100
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


def parse_body(raw: bytes) -> Any:
    """The JSON of a body; a 422 naming the problem for text that is not UTF-8, nesting
    too deep to parse or a number too long (json.JSONDecodeError goes to FastAPI)."""
    try:
        return json.loads(raw, parse_int=_number(int), parse_float=_number(float))
    except UnicodeDecodeError as exc:
        raise BodyError(["body"], "the body is not UTF-8 text", "json_invalid") from exc
    except RecursionError as exc:
        raise BodyError(["body"], f"nested more than {MAX_DEPTH} levels deep",
                        "json_invalid") from exc
    except NumberTooLong as exc:
        raise BodyError(["body"], str(exc), "json_invalid") from exc


class CheckedRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            parsed = parse_body(await self.body())
            found = first_problem(parsed)
            if found:
                path, message = found
                raise BodyError(["body", *path], message)
            self._json = parsed
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
