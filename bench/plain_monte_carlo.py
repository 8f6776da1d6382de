"""The baseline for nbscdr's Monte Carlo (bench/run.py): a plain single-threaded
numpy script doing the same work in the obvious way. It draws the six
techniques' uniform rates in chunks of 4M rows, one column at a time, sums the
columns into the chunk's totals, adds the totals to a 2^20-bin histogram over
their exact support, and prints the mean and three percentiles read from it.

    python bench/plain_monte_carlo.py 1e8
"""

import sys

import numpy as np

LOWS = [3.0, 1.8, 0.5, 0.0, 1.0, 0.0]
HIGHS = [18.0, 4.8, 1.0, 19.0, 11.0, 1.0]
CHUNK = 4_000_000
BINS = 1 << 20


def main() -> None:
    n = int(float(sys.argv[1]))
    rng = np.random.default_rng(1)
    lo, hi = sum(LOWS), sum(HIGHS)
    scale = BINS / (hi - lo)
    counts = np.zeros(BINS, dtype=np.int64)
    total_sum = 0.0
    done = 0
    while done < n:
        size = min(CHUNK, n - done)
        totals = np.zeros(size)
        for low, high in zip(LOWS, HIGHS, strict=True):
            totals += rng.uniform(low, high, size)
        total_sum += float(totals.sum())
        idx = ((totals - lo) * scale).astype(np.int64)
        np.minimum(idx, BINS - 1, out=idx)
        counts += np.bincount(idx, minlength=BINS)
        done += size
    cdf = np.cumsum(counts) / n
    edges = lo + np.searchsorted(cdf, [0.05, 0.5, 0.95]) / scale
    print(total_sum / n, *edges)


if __name__ == "__main__":
    main()
