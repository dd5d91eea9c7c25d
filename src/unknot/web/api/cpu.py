"""One lane per worker for the API's CPU work (screening, planning, swaps).

That work must not run on the event loop (a long text or a 60-minute plan would stall
every other request of the worker, /api/v1/ping included), so it runs in a thread. But
Python runs one thread at a time: with the thread pool's 40 threads, 16 plans at once
took turns on the interpreter lock every few milliseconds, each finishing later, and
the worker answered about a third fewer plans a second than with one thread doing
them one after the other (measured in bench/http_load.py). So CPU work waits here for
the worker's single lane, in a thread, while the event loop stays free to read, route
and answer everything else. Database calls keep the ordinary thread pool: they wait on
I/O, not on the interpreter.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

T = TypeVar("T")

CPU_THREADS = 1
# One limiter per event loop: a limiter's waiters belong to the loop they wait on (tests
# run apps on several loops in one process).
_LANES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter] = (
    weakref.WeakKeyDictionary())


def cpu_lane() -> anyio.CapacityLimiter:
    """The running event loop's limiter for CPU work."""
    loop = asyncio.get_running_loop()
    lane = _LANES.get(loop)
    if lane is None:
        lane = _LANES[loop] = anyio.CapacityLimiter(CPU_THREADS)
    return lane


async def run_cpu(work: Callable[..., T], *args: object) -> T:
    """`work(*args)` in a thread, once the worker's CPU lane is free."""
    return await anyio.to_thread.run_sync(work, *args, limiter=cpu_lane())
