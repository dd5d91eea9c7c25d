"""GET and PUT /api/v1/preferences: stored per person, merged, defaults from the settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from unknot.settings import Settings
from unknot.storage import Store, load_preferences, open_store, save_preferences

DEFAULTS = {"voice": True, "voice_name": None, "voice_rate": 0.9, "breath_rate": 6.0,
            "ambient": "off", "pressure": "moderate", "tools": [], "setting": "anywhere",
            "minutes": 10}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with serve(store, Settings(voice=True, breath_rate=6.0)) as api:
        yield api


def test_a_person_who_never_saved_any_gets_the_defaults(client: TestClient) -> None:
    answer = client.get("/api/v1/preferences")
    assert answer.status_code == 200
    assert answer.json() == DEFAULTS


def test_the_defaults_follow_the_configured_voice_and_breath_pace(store: Store) -> None:
    with serve(store, Settings(voice=False, breath_rate=4.5)) as api:
        body = api.get("/api/v1/preferences").json()
    assert (body["voice"], body["breath_rate"]) == (False, 4.5)


def test_a_put_changes_only_the_fields_it_names(client: TestClient) -> None:
    client.put("/api/v1/preferences", json={"voice_name": "Daniel", "ambient": "rain"})
    answer = client.put("/api/v1/preferences", json={"minutes": 15, "tools": ["wall", "wall"]})
    assert answer.status_code == 200
    assert answer.json() == {**DEFAULTS, "voice_name": "Daniel", "ambient": "rain",
                             "minutes": 15, "tools": ["wall"]}
    assert client.get("/api/v1/preferences").json() == answer.json()


def test_preferences_live_in_the_database_not_in_the_app(client: TestClient,
                                                         database_url: str) -> None:
    client.put("/api/v1/preferences", json={"breath_rate": 5.5})
    with open_store(database_url, upgrade=False) as other, serve(other) as second:
        assert second.get("/api/v1/preferences").json()["breath_rate"] == 5.5


@pytest.mark.parametrize(("body", "loc"), [
    ({"voice_rate": 3}, ["body", "voice_rate"]),
    ({"breath_rate": 1}, ["body", "breath_rate"]),
    ({"ambient": "birdsong"}, ["body", "ambient"]),
    ({"pressure": "crushing"}, ["body", "pressure"]),
    ({"tools": ["hammer"]}, ["body", "tools", 0]),
    ({"minutes": 61}, ["body", "minutes"]),
    ({"volume": 11}, ["body", "volume"]),
])
def test_a_bad_value_is_a_422_naming_the_field_and_nothing_is_saved(
        client: TestClient, store: Store, body: dict, loc: list) -> None:
    answer = client.put("/api/v1/preferences", json={"minutes": 20, **body})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == loc
    assert load_preferences(store) is None


def test_a_stored_value_that_no_longer_fits_falls_back_to_its_default(
        client: TestClient, store: Store) -> None:
    save_preferences(store, {"minutes": 999, "ambient": "waves", "retired_setting": True})
    assert client.get("/api/v1/preferences").json() == {**DEFAULTS, "ambient": "waves"}


def test_each_person_has_their_own_preferences(client: TestClient, store: Store) -> None:
    bob = store.add_person("Bob")
    save_preferences(store, {"minutes": 30}, person_id=bob)
    assert client.get("/api/v1/preferences").json()["minutes"] == 10
    client.put("/api/v1/preferences", json={"minutes": 5})
    assert load_preferences(store, person_id=bob) == {"minutes": 30}
