"""GET /api/v1/ping and the OpenAPI description of the API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from unknot.storage import Store

CONTRACT = {
    ("get", "/api/v1/ping"), ("post", "/api/v1/intake"), ("post", "/api/v1/plans"),
    ("get", "/api/v1/techniques"), ("get", "/api/v1/techniques/{technique_id}"),
    ("post", "/api/v1/sessions"), ("get", "/api/v1/sessions"),
    ("get", "/api/v1/sessions/{session_id}"), ("put", "/api/v1/sessions/{session_id}/progress"),
    ("post", "/api/v1/sessions/{session_id}/finish"), ("get", "/api/v1/journal"),
    ("get", "/api/v1/preferences"), ("put", "/api/v1/preferences"),
}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def test_it_answers_ping(client: TestClient) -> None:
    answer = client.get("/api/v1/ping")
    assert answer.status_code == 200
    assert answer.json() == {"ok": True}


def test_the_openapi_schema_describes_every_endpoint_of_the_contract(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert operations >= CONTRACT


def test_the_schema_documents_the_errors_each_endpoint_can_give(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"201", "200", "409", "422"} <= set(paths["/api/v1/sessions"]["post"]["responses"])
    finish = paths["/api/v1/sessions/{session_id}/finish"]["post"]["responses"]
    assert {"200", "404", "409", "422"} <= set(finish)
