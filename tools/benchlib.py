"""What the benchmarks share: timing a call."""

from __future__ import annotations

import gc
import time


def best(fn, n: int = 1) -> float:
    """The best wall time of ``n`` calls of ``fn`` (after a garbage collection each)."""
    times = []
    for _ in range(n):
        gc.collect()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)
