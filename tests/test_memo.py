"""Every per-process memo is bounded by memory: the bound holds under many varied requests,
and what it says it holds is what it really holds (measured with tracemalloc)."""

from __future__ import annotations

import gc
import random
import tracemalloc
from collections.abc import Iterator

import pytest

from support.api import TestClient, serve
from unknot.memo import SizedMemo
from unknot.planner import PlanRequest, build_plan, render
from unknot.storage import Store
from unknot.vocabulary import SETTINGS, TOOLS
from unknot.web.api import plans

TEXTS = ["neck and shoulders tight from the desk", "sore lower back after gardening",
         "calves sore after my run", "jaw tight from clenching", "can't sleep, mind racing"]


def varied(count: int, seed: int = 3) -> Iterator[PlanRequest]:
    rng = random.Random(seed)
    for n in range(count):
        yield PlanRequest(text=rng.choice(TEXTS), minutes=rng.randint(1, 60),
                          setting=rng.choice(SETTINGS), tools=rng.sample(TOOLS, 1), seed=n)


def test_a_sized_memo_forgets_the_least_recently_used_first() -> None:
    memo: SizedMemo[str, bytes] = SizedMemo(10, len)
    memo.put("a", b"aaaa")
    memo.put("b", b"bbbb")
    assert memo.get("a") == b"aaaa"  # now the most recent
    memo.put("c", b"cccc")  # 12 bytes: "b" goes
    assert (memo.get("b"), memo.get("a"), memo.get("c")) == (None, b"aaaa", b"cccc")
    assert memo.size_bytes == 8 and len(memo) == 2
    assert memo.put("big", b"x" * 11) == b"x" * 11 and memo.get("big") is None
    assert memo.get_or_make("d", lambda: b"dd") == b"dd" and memo.size_bytes == 10


def test_the_cue_memo_stays_within_its_bound_in_real_memory(
        monkeypatch: pytest.MonkeyPatch) -> None:
    bound = 256 * 1024
    monkeypatch.setattr(render.CUE_MEMO, "max_bytes", bound)
    render.CUE_MEMO.clear()
    for request in varied(300):
        build_plan(request)
        assert render.CUE_MEMO.size_bytes <= bound
    assert render.CUE_MEMO.size_bytes > bound * 0.8  # it filled up, and forgot to stay under
    # What the memo alone keeps alive: the memory its clearing gives back.
    gc.collect()
    tracemalloc.start()
    try:
        render.CUE_MEMO.clear()
        for request in varied(300, seed=4):
            build_plan(request)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        render.CUE_MEMO.clear()
        gc.collect()
        freed = held - tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert 0 < freed <= bound, f"the cue memo held {freed} bytes with a bound of {bound}"


def test_the_plan_memo_stays_within_its_bound_over_http(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    bound = 200 * 1024
    monkeypatch.setattr(plans.PLAN_MEMO, "max_bytes", bound)
    plans.PLAN_MEMO.clear()
    client: TestClient
    with serve(store) as client:
        for request in varied(40):
            answer = client.post("/api/v1/plans", json=request.model_dump(exclude_defaults=True))
            assert answer.status_code == 200
            assert plans.PLAN_MEMO.size_bytes <= bound
        again = client.post("/api/v1/plans", json=request.model_dump(exclude_defaults=True))
    assert again.content == answer.content  # the newest is still kept, and answers the same
    assert len(plans.PLAN_MEMO) < 40 and plans.PLAN_MEMO.size_bytes > bound / 2
