"""Per-person preferences in storage: one JSON document, merged on every save."""

from __future__ import annotations

import threading

import pytest

from unknot.storage import InvalidSessionData, Store, load_preferences, save_preferences


def test_a_person_without_preferences_has_none(store: Store) -> None:
    assert load_preferences(store) is None


def test_saving_merges_into_what_is_stored(store: Store) -> None:
    save_preferences(store, {"voice": False, "minutes": 5})
    assert save_preferences(store, {"minutes": 15}) == {"voice": False, "minutes": 15}
    assert load_preferences(store) == {"voice": False, "minutes": 15}


@pytest.mark.parametrize(("changes", "words"), [
    ([1, 2], "must be an object"),
    ({"rate": float("nan")}, "not storable as JSON"),
    ({"blob": "x" * 20_000}, "at most 16000 bytes"),
])
def test_it_refuses_what_it_cannot_keep(store: Store, changes: object, words: str) -> None:
    with pytest.raises(InvalidSessionData, match=words):
        save_preferences(store, changes)  # type: ignore[arg-type]
    assert load_preferences(store) is None


def test_two_workers_saving_different_settings_at_once_keep_both(store: Store) -> None:
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def save(name: str) -> None:
        barrier.wait()
        try:
            save_preferences(store, {name: True})
        except Exception as exc:  # collected and reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(f"s{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert load_preferences(store) == {"s0": True, "s1": True, "s2": True, "s3": True}
