"""The convolution method: the distribution of a total of independent entries,
computed rather than sampled.

A total Σ wᵢ·Xᵢ of independent uniform, triangular or PERT entries has a density
that is the convolution of the entries' densities. Each entry (scaled by its
weight; a fixed entry is a constant) is put on one common grid of step h over the
total's exact support: the probability of each cell of width h (a difference of
the entry's CDF, or for PERT its density integrated by Gauss–Legendre, so right
however narrow the entry), placed at the cell's centre, and the whole entry shifted by a fraction of a cell so that its mean is
exact. The entries' cell probabilities are convolved with numpy's real FFT,
shortest first (so 1,000 narrow entries cost little more than a few wide ones), and
the total's CDF is read off the result, linear within each cell.

Accuracy. Each entry's lattice value is within h of its true value (h/2 to the
cell's centre, at most h/2 of mean shift), and reading linearly inside cells adds
h/2, so a percentile is off by at most (n + 1)·h for n varying entries; in practice
by about (n − 1)·h²/24 times the density's relative slope (a Sheppard-type
correction). The grid has ``CELLS_PER_ENTRY``·(n + 1) cells, which makes the first
bound 1e-4 of the total's range, up to ``HARD_CELLS`` (beyond, with a dozen entries
or more, the total is smooth and the second bound governs), and in any case enough
cells for the second to stay under ``TOLERANCE`` of the range at four standard
deviations. Tests find percentiles within 1e-6 of the range of the Irwin–Hall
distribution, the trapezoid of two uniforms and single triangular and PERT
entries. The mean and standard deviation are exact: sums of the entries' means
and variances.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from nbscdr_cli.compute.distributions import (
    Marginals,
    cell_masses,
    log_beta,
    mean_offsets,
    pert_shapes,
    variances,
)
from nbscdr_cli.compute.summary import Summary
from nbscdr_cli.model.enums import Distribution

TOLERANCE = 1e-5  # target error of a percentile, as a share of the total's range
CELLS_PER_ENTRY = 10_000  # grid cells per varying entry, for the hard error bound...
HARD_CELLS = 1 << 17  # ...up to this many
MAX_CELLS = 1 << 22  # never more cells than this (memory: a few arrays of this size)
DIRECT = 64  # convolve directly (not by FFT) when an array is this short
DISPLAY_BINS = 32


def convolve(
    m: Marginals,
    dist: Distribution,
    views: Mapping[str, Sequence[float]],
    percentiles: Sequence[float],
    thresholds: Mapping[str, Mapping[str, float]],
) -> dict[str, Summary]:
    """The distribution of each weighted total (``views``: name -> weight per
    entry) of independent entries, summarised: exact mean and standard deviation,
    percentiles and P(total >= threshold) from the convolved grid."""
    with np.errstate(all="ignore"):  # extreme magnitudes may underflow; results stay finite
        return {
            name: _total(m, dist, np.asarray(w, dtype=float), percentiles, thresholds.get(name, {}))
            for name, w in views.items()
        }


def _total(
    m: Marginals, dist: Distribution, w: Any, percentiles: Sequence[float], thresholds: Mapping[str, float]
) -> Summary:
    # w·X on [w·low, w·high], mirrored where w < 0 (PERT and triangular follow their mode)
    scaled = Marginals(np.minimum(w * m.low, w * m.high), np.maximum(w * m.low, w * m.high), w * m.mode)
    low, high = math.fsum(scaled.low), math.fsum(scaled.high)
    offsets = mean_offsets(scaled, dist)
    mean = math.fsum([*scaled.low, *offsets])
    std = _std(scaled, dist)
    moving = scaled.high > scaled.low
    if not moving.any():
        return _fixed(mean, percentiles, thresholds)
    grid = _Grid(scaled, dist, moving, offsets, std)
    return Summary(
        mean=mean,
        std=std,
        percentiles={p: float(min(max(grid.quantile(p / 100), low), high)) for p in percentiles},
        probability={k: grid.reach(t, low, high) for k, t in thresholds.items()},
        thresholds=dict(thresholds),
        histogram=(
            (low, high),
            tuple(float(x) for x in np.diff(grid.cdf(np.linspace(low, high, DISPLAY_BINS + 1)))),
        ),
    )


def _std(m: Marginals, dist: Distribution) -> float:
    """The total's standard deviation, computed on ranges scaled to the widest
    one so that squaring neither overflows nor underflows."""
    width = m.high - m.low
    scale = float(width.max())
    if scale == 0:
        return 0.0
    unit = Marginals(np.zeros_like(width), width / scale, (m.mode - m.low) / scale)
    return scale * math.sqrt(math.fsum(variances(unit, dist)))


def _fixed(value: float, percentiles: Sequence[float], thresholds: Mapping[str, float]) -> Summary:
    """A total that cannot vary: every entry is fixed."""
    return Summary(
        mean=value,
        std=0.0,
        percentiles={p: value for p in percentiles},
        probability={k: 1.0 if value >= t else 0.0 for k, t in thresholds.items()},
        thresholds=dict(thresholds),
        histogram=((value, value), (1.0,) + (0.0,) * (DISPLAY_BINS - 1)),
    )


def grid_step(span: float, std: float, entries: int) -> float:
    """The grid step for ``entries`` varying entries over a total range ``span``
    with standard deviation ``std`` (see the module's note on accuracy)."""
    hard = min(CELLS_PER_ENTRY * (entries + 1), HARD_CELLS)
    smooth = span / math.sqrt(24 * TOLERANCE * span * std / (4 * max(1, entries - 1))) if std > 0 else 0
    return span / min(MAX_CELLS, max(hard, math.ceil(smooth)))


class _Grid:
    """The total's probabilities on a lattice: mass q[k] at origin + k·h·span,
    standing for the cell of that width around it."""

    def __init__(self, s: Marginals, dist: Distribution, moving: Any, offsets: Any, std: float) -> None:
        fixed = math.fsum(s.low[~moving])
        low, width, peak, mean = s.low[moving], s.width[moving], (s.mode - s.low)[moving], offsets[moving]
        a, b = pert_shapes(Marginals(low, s.high[moving], s.mode[moving]))
        # The grid is laid out in units of the total's range, so that subnormal or
        # huge magnitudes give the same cells as ordinary ones.
        span = math.fsum(width.tolist())
        width, peak = width / span, peak / span
        h = grid_step(1.0, std / span, int(moving.sum()))
        cells = np.maximum(1, np.ceil(width / h)).astype(np.int64)
        # every entry's cells [0, h], [h, 2h], ... up to its width, in one flat array
        starts = np.concatenate([[0], np.cumsum(cells)[:-1]])
        index = np.arange(int(cells.sum())) - np.repeat(starts, cells)  # each cell's index in its entry
        log_b = log_beta(a, b) if dist is Distribution.pert else np.zeros_like(a)  # scipy for PERT only
        each = [np.repeat(x, cells) for x in (width, peak, a, b, log_b)]
        p = np.clip(cell_masses(dist, index * h, (index + 1) * h, *each), 0.0, None)
        p /= np.repeat(np.add.reduceat(p, starts), cells)
        lattice_mean = h * np.add.reduceat(p * index, starts)
        arrays = np.split(p, starts[1:])
        self.h, self.span = h, span  # the step, in units of the range
        # centre of the total's cell 0: each entry shifted so that its lattice mean
        # (cell centres) is its exact mean
        self.origin = math.fsum([fixed, *low.tolist(), *(mean - lattice_mean * span).tolist()])
        q = np.clip(_convolve_all(arrays), 0.0, None)
        self.q = q / q.sum()
        self.before = np.cumsum(self.q) - self.q  # P(total below cell k)

    def cdf(self, x: Any) -> Any:
        """P(total ≤ x), linear inside each cell."""
        pos = (np.asarray(x, dtype=float) - self.origin) / self.span / self.h + 0.5
        k = np.clip(np.floor(pos), 0, self.q.size - 1).astype(np.int64)
        inside = np.clip(pos - k, 0.0, 1.0)
        return np.clip(self.before[k] + inside * self.q[k], 0.0, 1.0)

    def quantile(self, u: float) -> float:
        """x with P(total ≤ x) = u."""
        end = self.before + self.q
        k = min(int(np.searchsorted(end, u, side="left")), self.q.size - 1)
        inside = (u - self.before[k]) / self.q[k] if self.q[k] > 0 else 0.5
        return float(self.origin + (k - 0.5 + min(max(inside, 0.0), 1.0)) * self.h * self.span)

    def reach(self, t: float, low: float, high: float) -> float:
        """P(total >= t)."""
        if t <= low:
            return 1.0
        if t > high:
            return 0.0
        return float(1 - self.cdf(t))


def _convolve_all(arrays: list[Any]) -> Any:
    """The convolution of all ``arrays``, always merging the two shortest (as
    Huffman coding does), so the total work is near that of the longest."""
    heap = [(a.size, i, a) for i, a in enumerate(arrays)]
    heapq.heapify(heap)
    count = len(arrays)
    while len(heap) > 1:
        _, _, x = heapq.heappop(heap)
        _, _, y = heapq.heappop(heap)
        z = _convolve_pair(x, y)
        heapq.heappush(heap, (z.size, count, z))
        count += 1
    return heap[0][2]


def _convolve_pair(x: Any, y: Any) -> Any:
    if min(x.size, y.size) <= DIRECT:
        return np.convolve(x, y)
    size = x.size + y.size - 1
    n = _fast_length(size)
    return np.fft.irfft(np.fft.rfft(x, n) * np.fft.rfft(y, n), n)[:size]


def _fast_length(n: int) -> int:
    """The smallest 2^a·3^b·5^c >= n: lengths the FFT handles fastest."""
    best = 1 << max(0, (n - 1).bit_length())
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            p = p35
            while p < n:
                p *= 2
            best = min(best, p)
            p35 *= 3
        p5 *= 5
    return best
