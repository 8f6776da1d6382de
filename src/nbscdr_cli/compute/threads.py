"""Tasks on a few threads: results in task order, progress as each finishes, and a
stop at once on Ctrl-C or any error.

numpy's generators and ufuncs release the GIL, so threads share the cores. The
main thread only waits, with a timeout so that Ctrl-C is seen at once, and keeps
a few tasks ahead of the workers rather than queueing all of them. On any
exception it sets ``stop``, which the tasks check before each unit of work.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

MAX_WORKERS = 8
POLL_SECONDS = 0.1  # how often the waiting main thread wakes (Ctrl-C, progress)

T = TypeVar("T")


def default_workers() -> int:
    """Threads to use: the cores this process may run on, at most MAX_WORKERS."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def run_in_order(
    task: Callable[[int], T],
    count: int,
    workers: int,
    *,
    done: Callable[[int], None],
    stop: threading.Event,
) -> list[T]:
    """``task(i)`` for i in 0..count-1 on ``workers`` threads; ``done(i)`` is
    called in the main thread as each finishes. Returns the results in task order."""
    results: list[Any] = [None] * count
    if workers == 1:
        for i in range(count):
            results[i] = task(i)
            done(i)
        return results
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    pool = ThreadPoolExecutor(workers, thread_name_prefix="nbscdr-sampling")
    pending: dict[Any, int] = {}
    queue = iter(range(count))
    try:
        for i in queue:
            pending[pool.submit(task, i)] = i
            if len(pending) >= 2 * workers:  # a few tasks ahead, not the whole run
                break
        while pending:
            finished, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                i = pending.pop(future)
                results[i] = future.result()
                done(i)
                nxt = next(queue, None)
                if nxt is not None:
                    pending[pool.submit(task, nxt)] = nxt
    except BaseException:
        stop.set()  # workers stop before their next unit of work
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results
