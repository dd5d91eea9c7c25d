"""Large JSON bodies never stall a worker, and a 422 stays short.

A body of up to a megabyte of small items took the event loop seconds: parsing and
checking it, the garbage collector's passes over hundreds of thousands of lists, and
FastAPI's 422 echoing the whole value back. Now big bodies are parsed in the thread
pool, a body holding more lists and objects than any real one is refused before
parsing, and a 422 repeats only short values and at most 20 problems.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from test_security import Running, loopback, ping_answered_first  # noqa: F401  (the fixture)
from unknot.storage import Store


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def post_raw(client: TestClient, path: str, raw: str):
    return client.post(path, content=raw, headers={"content-type": "application/json"})


def test_a_body_with_more_lists_than_any_real_one_is_refused_unparsed(client: TestClient) -> None:
    many = ",".join(["[]"] * 25_000)
    answer = post_raw(client, "/api/v1/sessions", f'{{"id": "x", "plan": {{"steps": [{many}]}}}}')
    assert answer.status_code == 422
    (error,) = answer.json()["detail"]
    assert error["loc"] == ["body"] and error["type"] == "json_invalid"
    assert error["msg"] == ("holds 25003 lists and objects (counting [ and {); at most 20000 "
                            "are accepted")


def test_a_long_plan_is_well_within_the_limit(client: TestClient) -> None:
    # The largest real body: a session carrying a 60-minute plan.
    plan = client.post("/api/v1/plans", json={"text": "neck, back, shoulders, legs and feet",
                                              "minutes": 60}).json()
    raw = json.dumps({"id": "00000000-0000-4000-8000-000000000001", "plan": plan})
    assert raw.count("[") + raw.count("{") < 20_000 // 10


def test_a_422_does_not_echo_a_long_value(client: TestClient) -> None:
    answer = client.post("/api/v1/intake",
                         json={"text": "neck", "answers": {"conditions": ["x"] * 100_000}})
    assert answer.status_code == 422
    assert len(answer.content) < 1000  # was the whole list again, 500 KB
    (error,) = answer.json()["detail"]
    assert error["loc"] == ["body", "answers", "conditions"] and error["type"] == "too_long"
    assert "input" not in error and error["ctx"]["max_length"] == 50
    # A short value is still shown, so the client sees what it sent.
    short = client.post("/api/v1/plans", json={"text": "neck", "minutes": "abc"}).json()
    assert short["detail"][0]["input"] == "abc" and short["detail"][0]["loc"] == ["body", "minutes"]


def test_a_422_lists_at_most_twenty_problems_and_counts_the_rest(client: TestClient) -> None:
    answers = {f"neck.q{i}": "maybe" for i in range(60)}
    answer = client.post("/api/v1/plans", json={"text": "neck", "answers": {"questions": answers}})
    assert answer.status_code == 422
    detail = answer.json()["detail"]
    assert len(detail) == 21
    assert all(e["type"] == "bool_parsing" and e["input"] == "maybe" for e in detail[:20])
    assert detail[20] == {"type": "too_many_errors", "loc": ["body"], "msg": "and 40 more problems"}


def test_ping_is_answered_while_a_megabyte_body_is_parsed(loopback: Running) -> None:  # noqa: F811
    # 330,000 numbers: ints are not tracked by the garbage collector, so this is the
    # parsing and checking itself, now in the thread pool.
    body = json.dumps({"text": "neck", "answers": {"conditions": [0] * 330_000}}).encode()
    assert len(body) < 1_000_000
    answer = ping_answered_first(loopback, "/api/v1/intake", "application/json", body)
    assert answer.startswith(b"HTTP/1.1 422"), answer[:200]
    assert len(answer) < 2000
