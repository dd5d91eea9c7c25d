"""Errors across the API: bodies no model could judge, a database that is away, start-up.

Valid JSON may still hold what no database stores or no encoder sends back (NUL,
lone surrogates, NaN); these are 422s naming the value's place, never 500s.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect

from support.api import DESK_NECK, TestClient, make_plan, serve, start_session
from unknot.settings import Settings
from unknot.storage import Store, database_state, head_revision, make_engine
from unknot.web.app import create_app


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def post_raw(client: TestClient, path: str, raw: str | bytes):
    return client.post(path, content=raw, headers={"content-type": "application/json"})


def test_malformed_json_is_a_422_saying_where(client: TestClient) -> None:
    answer = post_raw(client, "/api/v1/intake", '{"text": "neck",')
    assert answer.status_code == 422
    error = answer.json()["detail"][0]
    assert error["type"] == "json_invalid" and error["loc"][0] == "body"


def test_a_body_that_is_not_utf8_is_a_422(client: TestClient) -> None:
    answer = post_raw(client, "/api/v1/intake", b'{"text": "\xff\xfe"}')
    assert answer.status_code == 422
    assert "UTF-8" in answer.json()["detail"][0]["msg"]


@pytest.mark.parametrize(("path", "raw", "loc", "words"), [
    ("/api/v1/intake", '{"text": "neck\\u0000"}', ["body", "text"], "NUL"),
    ("/api/v1/intake", '{"text": "neck \\ud800"}', ["body", "text"], "surrogate"),
    ("/api/v1/plans", '{"text": "neck", "minutes": NaN}', ["body", "minutes"], "finite"),
    ("/api/v1/plans", '{"text": "neck", "seed": Infinity}', ["body", "seed"], "finite"),
    ("/api/v1/preferences", '{"voice_name": "a\\u0000b"}', ["body", "voice_name"], "NUL"),
    ("/api/v1/sessions", '{"plan": {"steps": []}, "request": {"x\\u0000": 1}}',
     ["body", "request"], "a key contains a NUL"),
])
def test_values_no_database_could_store_are_422s_naming_their_place(
        client: TestClient, path: str, raw: str, loc: list, words: str) -> None:
    method = client.put if path.endswith("preferences") else client.post
    answer = method(path, content=raw, headers={"content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    error = answer.json()["detail"][0]
    assert error["loc"] == loc and words in error["msg"]


def test_nul_deep_in_a_free_form_plan_is_refused_before_storage(client: TestClient) -> None:
    plan = make_plan(client)
    plan["steps"][1]["cues"][0]["say"] = "breathe\u0000"
    answer = client.post("/api/v1/sessions", json={"plan": plan})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "plan", "steps", 1, "cues", 0, "say"]
    assert client.get("/api/v1/sessions").json()["items"] == []


def test_nan_in_a_field_the_plan_keeps_as_sent_is_refused(client: TestClient) -> None:
    text = json.dumps({"plan": make_plan(client)})
    answer = post_raw(client, "/api/v1/sessions", text[:-2] + ', "extra": NaN}}')
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "plan", "extra"]


def test_absurd_nesting_is_refused(client: TestClient) -> None:
    deep = "[" * 40 + "]" * 40
    answer = post_raw(client, "/api/v1/sessions",
                      f'{{"plan": {{"steps": []}}, "request": {{"a": {deep}}}}}')
    assert answer.status_code == 422
    assert "nested more than" in answer.json()["detail"][0]["msg"]


@pytest.mark.parametrize("path", ["/api/v1/sessions", "/api/v1/plans", "/api/v1/intake",
                                  "/api/v1/preferences"])
def test_nesting_too_deep_to_parse_is_a_422_that_says_so(client: TestClient, path: str) -> None:
    # Deeper than Python's recursion limit: the parser itself gives up.
    deep = "[" * 100_000 + "]" * 100_000
    send = client.put if path.endswith("preferences") else client.post
    answer = send(path, content=f'{{"text": "neck", "x": {deep}}}',
                  headers={"Content-Type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert "nested more than 32 levels deep" in answer.json()["detail"][0]["msg"]


@pytest.mark.parametrize("number", ["9" * 5000, "1" * 200, "0." + "5" * 5000, "1e" + "9" * 300,
                                    "-" + "7" * 4400])
def test_a_number_too_long_is_a_422_that_says_so(client: TestClient, number: str) -> None:
    answer = post_raw(client, "/api/v1/plans", f'{{"text": "neck", "minutes": {number}}}')
    assert answer.status_code == 422, answer.text
    message = answer.json()["detail"][0]["msg"]
    assert f"a number is {len(number)} characters long; the limit is 100" == message
    # A number of ordinary length still reaches the field's own check.
    answer = post_raw(client, "/api/v1/plans", '{"text": "neck", "minutes": 100000}')
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"][-1] == "minutes"


def test_a_body_over_a_megabyte_is_a_413(client: TestClient) -> None:
    answer = client.post("/api/v1/sessions", json={"plan": {"steps": []},
                                                   "request": {"x": "a" * 1_100_000}})
    assert answer.status_code == 413


def test_custom_errors_have_the_shape_of_fastapis_own(client: TestClient) -> None:
    session = start_session(client)
    ours = client.put(f"/api/v1/sessions/{session['id']}/progress",
                      json={"step_index": 99, "step_elapsed": 0}).json()
    fastapis = client.put(f"/api/v1/sessions/{session['id']}/progress",
                          json={"step_index": "x", "step_elapsed": 0}).json()
    for body in (ours, fastapis):
        assert set(body) == {"detail"}
        assert {"loc", "msg", "type"} <= set(body["detail"][0])


def _unreachable(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        # A folder where the database file should be: SQLite cannot open it.
        return f"sqlite:///{tmp_path}"
    return "postgresql+psycopg://unknot:s3cret@127.0.0.1:1/unknot?connect_timeout=2"


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_a_database_that_is_away_is_a_503_not_a_500(kind: str, tmp_path: Path) -> None:
    with Store(make_engine(_unreachable(kind, tmp_path))) as store, serve(store) as api:
        answer = api.get("/api/v1/sessions")
        assert answer.status_code == 503
        assert answer.headers["retry-after"]
        assert "cannot read" in answer.json()["detail"]
        assert "s3cret" not in answer.text
        # What needs no database still works.
        assert api.post("/api/v1/plans", json=DESK_NECK).status_code == 200
        assert api.get(f"/api/v1/sessions/{uuid.uuid4()}").status_code == 503


def test_the_app_migrates_and_opens_the_configured_database_at_start(
        database_url: str) -> None:
    app = create_app(Settings(database_url=database_url))
    with TestClient(app) as api:
        assert api.get("/api/v1/journal").status_code == 200
        assert database_state(database_url).revision == head_revision()
    assert app.state.store is None  # closed at shutdown
    engine = make_engine(database_url)
    try:
        assert "preferences" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_each_workers_postgres_pool_fits_all_workers_in_the_server() -> None:
    from unknot.storage import engine

    for workers in (1, 2, 4, 8, 16):
        size, overflow = engine.pool_size_for(workers)
        assert size >= 1 and overflow >= 1
        assert workers * (size + overflow) <= max(engine.POSTGRES_CONNECTIONS, 2 * workers)
    assert engine.pool_size_for(2) == (20, 10)
    # A request waits for a connection far less than the pool's default 30 s.
    assert engine.POOL_TIMEOUT_SECONDS <= 10


@pytest.mark.parametrize("database_url", [pytest.param("postgres", marks=pytest.mark.postgres)],
                         indirect=True)
def test_every_connection_busy_is_a_503_with_retry_after_not_a_500(
        database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from unknot.storage import engine, upgrade_database

    upgrade_database(database_url)
    # A pool of two connections that gives up waiting quickly, both held by others.
    monkeypatch.setattr(engine, "POSTGRES_CONNECTIONS", 2)
    monkeypatch.setattr(engine, "POOL_TIMEOUT_SECONDS", 0.3)
    with Store(make_engine(database_url)) as store, serve(store) as api:
        assert store.engine.pool.timeout() == 0.3  # type: ignore[attr-defined]
        held = [store.engine.connect() for _ in range(2)]
        try:
            answer = api.get("/api/v1/sessions")
            assert answer.status_code == 503, answer.text
            assert answer.headers["retry-after"]
            assert "busy" in answer.json()["detail"]
            body = {"id": str(uuid.uuid4()), "plan": {"steps": []}, "source": "web",
                    "status": "planned"}
            started = api.post("/api/v1/sessions", json=body)
            assert started.status_code == 503 and started.headers["retry-after"]
        finally:
            for connection in held:
                connection.close()
        assert api.get("/api/v1/sessions").json()["items"] == []
