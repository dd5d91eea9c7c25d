"""An HTTP client on the web app, in process, for the API tests.

Starlette's TestClient warns (as an error under our pytest settings) that it
would rather use the `httpx2` package; the warning is about packaging, not about
our code, so it is silenced for this one import.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from unknot.settings import Settings
from unknot.storage import Store
from unknot.web.app import create_app


@contextmanager
def serve(store: Store, settings: Settings | None = None) -> Iterator[TestClient]:
    """A client on a fresh app that uses `store` (so the test's clock and database)."""
    app = create_app(settings or Settings(database_url=store.engine.url.render_as_string(
        hide_password=False)), store=store)
    with TestClient(app) as client:
        yield client


DESK_NECK = {"text": "neck and shoulders stiff from the desk", "minutes": 5, "setting": "desk"}


def none_apply(plan: dict[str, Any]) -> dict[str, bool]:
    """"None of these apply": every question the intake asked, answered no."""
    return {q["id"]: False for q in plan["intake"]["questions"]}


def make_plan(client: TestClient, **body: Any) -> dict[str, Any]:
    """A plan from POST /plans (the desk-neck request unless told otherwise), with the
    safety check answered "none of these apply", as a person does before starting."""
    body = dict(body or DESK_NECK)
    answer = client.post("/api/v1/plans", json=body)
    assert answer.status_code == 200, answer.text
    plan = answer.json()
    if not plan["intake"]["complete"]:
        answers = {**body.get("answers", {}), "questions": none_apply(plan)}
        answer = client.post("/api/v1/plans", json={**body, "answers": answers})
        assert answer.status_code == 200, answer.text
        plan = answer.json()
        assert plan["intake"]["complete"]
    return plan


def start_session(client: TestClient, plan: dict[str, Any] | None = None,
                  **fields: Any) -> dict[str, Any]:
    """POST /sessions with a fresh client-made id; the stored session."""
    body = {"id": str(uuid.uuid4()), "plan": plan or make_plan(client),
            "request": DESK_NECK, **fields}
    answer = client.post("/api/v1/sessions", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()
