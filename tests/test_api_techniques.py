"""GET /api/v1/techniques (list, filter, search) and GET /api/v1/techniques/{id}."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from unknot.library.loader import default_library
from unknot.storage import Store
from unknot.vocabulary import expand_regions

SUMMARY_KEYS = {"id", "name", "kind", "summary", "regions", "goals", "tools", "positions", "sided"}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store) as api:
        yield api


def listing(client: TestClient, **query: str) -> dict:
    answer = client.get("/api/v1/techniques", params=query)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_it_lists_the_whole_library_with_a_count(client: TestClient) -> None:
    body = listing(client)
    assert body["count"] == len(body["items"]) == len(default_library().techniques)
    assert all(set(item) == SUMMARY_KEYS for item in body["items"])


def test_every_filter_must_hold(client: TestClient) -> None:
    body = listing(client, region="calves", tool="foam_roller", kind="massage")
    assert body["count"] >= 1
    for item in body["items"]:
        assert "calves" in expand_regions(item["regions"])
        assert "foam_roller" in item["tools"] and item["kind"] == "massage"


def test_a_region_filter_finds_the_head_parts(client: TestClient) -> None:
    ids = {item["id"] for item in listing(client, region="head")["items"]}
    assert "temple-fingertip-circles" in ids


def test_it_searches_names_and_summaries_by_every_word(client: TestClient) -> None:
    body = listing(client, q="Tennis BALL")
    assert body["count"] >= 1
    for item in body["items"]:
        text = f"{item['id']} {item['name']} {item['summary']}".lower().replace("-", " ")
        assert "tennis" in text and "ball" in text
    assert listing(client, q="tennis zebra")["count"] == 0


def test_a_filter_outside_the_vocabulary_is_a_422(client: TestClient) -> None:
    answer = client.get("/api/v1/techniques", params={"region": "elbow"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["query", "region"]


def test_it_gives_one_technique_in_full(client: TestClient) -> None:
    answer = client.get("/api/v1/techniques/neck-cup-squeeze")
    assert answer.status_code == 200
    body = answer.json()
    assert body["id"] == "neck-cup-squeeze"
    assert body["steps"] and body["facts"] and "duration" in body


def test_an_unknown_technique_is_a_404(client: TestClient) -> None:
    answer = client.get("/api/v1/techniques/no-such-thing")
    assert answer.status_code == 404
    assert "no-such-thing" in answer.json()["detail"]
