"""The API's CPU work (screening, planning, swaps) runs in a thread, one piece at a time
per worker (`unknot.web.api.cpu`): the event loop stays free meanwhile, and plans no
longer take turns on the interpreter lock with a dozen others."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from unknot.web.api.cpu import CPU_THREADS, run_cpu
from unknot.web.api.plans import PLAN_MEMO, plan_json
from unknot.web.schemas import PlanBody


def _run(coroutine):
    """`asyncio.run` on a thread of its own: a browser test earlier in this worker may keep
    Playwright's event loop running on the main thread for the whole session."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=60)


def test_cpu_work_runs_one_at_a_time_in_a_thread_while_the_loop_stays_free() -> None:
    lock = threading.Lock()
    running, most = 0, 0
    threads: set[int] = set()
    loop_ran = threading.Event()

    def planned(body: PlanBody) -> bytes:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        threads.add(threading.get_ident())
        try:
            # Only a free event loop can set this (ordering, not timing): the first piece
            # of work waits for it, so the loop ran while the work was in its thread.
            assert loop_ran.wait(timeout=30)
            time.sleep(0.005)  # long enough for any second thread to overlap
            return plan_json(body)
        finally:
            with lock:
                running -= 1

    async def main() -> tuple[int, list[bytes]]:
        bodies = [PlanBody(text="neck tight from the desk", minutes=5, seed=n) for n in range(6)]
        work = [asyncio.ensure_future(run_cpu(planned, body)) for body in bodies]
        await asyncio.sleep(0)
        loop_ran.set()
        return threading.get_ident(), await asyncio.gather(*work)

    PLAN_MEMO.clear()
    loop_thread, answers = _run(main())
    assert CPU_THREADS == 1 and most == 1
    assert loop_thread not in threads
    assert len(set(answers)) == 6 and all(a.startswith(b"{") for a in answers)


def test_each_event_loop_has_its_own_lane() -> None:
    # Tests (and any embedding) run apps on several loops in one process: a lane made on
    # one loop must not be waited on from another.
    async def several() -> list[int]:
        return list(await asyncio.gather(*(run_cpu(pow, n, 2) for n in range(4))))

    assert _run(several()) == [0, 1, 4, 9]
    assert _run(several()) == [0, 1, 4, 9]
