"""The app's store writes, run one at a time on a thread of their own.

A durable write (lock, atomic replace, fsync) takes ~10 ms and more on a busy disk: on the
event loop it would freeze keys and repaints for that long. One thread, rather than a
worker per write, keeps the writes in the order the user made them: `f` pressed twice
flips the tag twice, in order, whatever the scheduler does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class StoreWriter:
    """Runs callables in submission order on one thread; `run` awaits the result."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsroom-writer")

    async def run(self, call: Callable[[], T]) -> T:
        """Queue `call` behind the writes already asked for; its result or its exception.

        Shielded: if the task awaiting it is cancelled (the app quits), the write still
        runs; `close` waits for it."""
        return await asyncio.shield(asyncio.wrap_future(self._pool.submit(call)))

    def close(self) -> None:
        """Finish every queued write, then stop the thread (nothing asked for is dropped)."""
        self._pool.shutdown(wait=True)
