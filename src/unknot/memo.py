"""A memo bounded by the memory its values take, not by how many it holds.

Counting entries is no bound when entries vary: 20,000 rendered cue lists were about
60 MiB a worker. `SizedMemo` keeps the most recently used values whose estimated
sizes add up to at most `max_bytes`, forgetting the least recently used first, so
a long-running server's memory stays flat whatever it is asked. Forgetting an entry
costs only the time to compute it again. Safe to share between threads (the web
app computes in a thread pool).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SizedMemo(Generic[K, V]):
    """Least recently used values, at most `max_bytes` of them by `size(value)`."""

    def __init__(self, max_bytes: int, size: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self._size = size
        self._entries: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The value kept for `key` (now the most recently used), or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: K, value: V) -> V:
        """Keep `value` for `key` (unless it alone is over the bound); returns it."""
        size = self._size(value)
        if size > self.max_bytes:
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped
        return value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value for `key`, made by `make()` and kept when it is not there yet."""
        found = self.get(key)
        return found if found is not None else self.put(key, make())

    @property
    def size_bytes(self) -> int:
        """The estimated bytes of every value kept now (never over `max_bytes`)."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
