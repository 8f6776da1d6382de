"""The Monte Carlo method: draws portfolios in fixed blocks, each block from a
random stream of its own, on every core, and summarises their totals.

Streams. Samples are drawn in blocks of ``BLOCK_ROWS`` rows (the last one may be
shorter). Block b draws from ``Generator(PCG64(SeedSequence(seed, spawn_key=(b,))))``,
the b-th child of ``SeedSequence(seed).spawn()``: its numbers depend on the seed and
the block's index alone, never on how blocks are grouped into tasks or which thread
draws them. Block statistics are merged in block order (sample_statistics.py), the
histogram is a sum of integer counts, and exact percentiles come from every value
in place, so results are bit-identical for any number of threads and any batch size.

Within a block, each entry's column is drawn whole, in entry order; entries whose
low equals high draw nothing. Every total is kept as Σ coefficient·draw, a
normalised deviation from its exact mean (sample_statistics.Frame), in plain
vector arithmetic while the block is in cache (a matrix product would start BLAS
threads that compete with the sampler's own). Independent uniform entries, the
common case, take 32 random bits each: the block's PCG64 outputs, split into
their low and high halves (``UNIFORM_BITS``), are the columns' integers k, and
u = (k + 1/2)/2^32, the centres of a grid of 2.3e-10 of the entry's range (mean
exactly 1/2, far finer than any figure reported); one einsum turns them into the
totals. That halves the work of the random generator, which is most of the cost.

Saturation ranges. A total's weight for an entry may be a ``horizon.Curve``: a
function of the entry's saturation time S, drawn per sample uniformly over its
range (after the block's other draws are set aside: first every S, then the
columns). Such a term, w(S)·rate, is added to its total directly, centred on its
exact mean E[w(S)]·E[rate] (the two are drawn independently); its support, from
the least to the largest product of their ends, goes into the total's frame.

Threads. Batches of blocks run on one thread per core (threads.py); each block
first checks the run's stop flag, so Ctrl-C or an error stops every thread within
a few milliseconds. Up to ``EXACT_LIMIT`` samples, each block writes its totals into one array per total;
beyond, each thread buffers histogram bin indices and adds one ``bincount`` per
``INDEX_ROWS`` of them to a shared histogram (a bincount allocates its 8 MB result,
so it pays only on large batches).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import numpy as np

from nbscdr_cli.compute.distributions import (
    Marginals,
    triangular_offsets,
)
from nbscdr_cli.compute.horizon import Curve
from nbscdr_cli.compute.sample_statistics import (
    EXACT_LIMIT,
    HISTOGRAM_BINS,
    block_moments,
    combine,
    reach_summary,
    summarise,
)
from nbscdr_cli.compute.sampling_plan import Plan, make_plan
from nbscdr_cli.compute.summary import Summary
from nbscdr_cli.model.enums import Distribution
from nbscdr_cli.model.monte_carlo import MonteCarlo

BLOCK_ROWS = 1 << 16  # rows per random stream: ~0.5 MB per column, cache-sized
MAX_BATCH_BLOCKS = 32  # blocks per task at most (2M rows, ~50 ms of work)
INDEX_ROWS = 1 << 21  # histogram bin indices a thread buffers (16 MB) before a bincount


def block_generator(seed: int, block: int) -> Any:
    """The random generator of block ``block``: SeedSequence(seed).spawn()[block]."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(block,))))


class _Work:
    """One thread's buffers, reused from block to block."""

    def __init__(self, plan: Plan, exact: bool, binned: int) -> None:
        totals = len(plan.frames)
        self.draw = np.empty(BLOCK_ROWS)
        self.tmp = np.empty(BLOCK_ROWS)
        self.common = np.empty(BLOCK_ROWS)
        self.totals = np.empty((totals, BLOCK_ROWS))
        self.years = np.empty((len(plan.terms), BLOCK_ROWS))  # saturation times drawn
        self.rates = np.empty((len(plan.terms), BLOCK_ROWS))  # and the rates they multiply
        per_total = max(BLOCK_ROWS, INDEX_ROWS // max(binned, 1) // BLOCK_ROWS * BLOCK_ROWS)
        self.index = [] if exact else [np.empty(per_total, dtype=np.int64) for _ in range(binned)]
        self.filled = 0


class _Run:
    """One Monte Carlo run: the plan, the shared results, the stop flag.

    ``tests`` has, per total, None (a total whose distribution is reported: every
    value kept, or a histogram) or the normalised thresholds of a total that is
    only tested against them (a reference's in-scope subtotal): for those, each
    block counts the samples reaching each threshold, exactly and cheaply."""

    def __init__(self, plan: Plan, seed: int, samples: int, tests: list[Any]) -> None:
        self.plan = plan
        self.seed = seed
        self.samples = samples
        self.exact = samples <= EXACT_LIMIT
        self.tests = tests
        self.binned = [k for k, t in enumerate(tests) if t is None]
        self.values = [np.empty(samples) for _ in self.binned] if self.exact else []
        self.counts = [] if self.exact else [np.zeros(HISTOGRAM_BINS, dtype=np.int64) for _ in self.binned]
        self.reached = {k: np.zeros(len(t), dtype=np.int64) for k, t in enumerate(tests) if t is not None}
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.local = threading.local()

    def batch(self, blocks: range) -> list[list[tuple[int, float, float]]]:
        """Draw ``blocks`` and return each block's moments per total, in block order."""
        work = getattr(self.local, "work", None)
        if work is None:
            work = self.local.work = _Work(self.plan, self.exact, len(self.binned))
        reached = {k: np.zeros_like(r) for k, r in self.reached.items()}
        out = []
        for block in blocks:
            if self.stop.is_set():
                raise _Stopped
            start = block * BLOCK_ROWS
            rows = min(BLOCK_ROWS, self.samples - start)
            totals = _draw(block_generator(self.seed, block), self.plan, rows, work)
            out.append([block_moments(z) for z in totals])
            for k, counts in reached.items():
                for i, z_t in enumerate(self.tests[k]):
                    counts[i] += np.count_nonzero(totals[k] >= z_t)
            binned = [totals[k] for k in self.binned]
            if self.exact:
                for values, z in zip(self.values, binned, strict=True):
                    values[start : start + rows] = z
            else:
                if work.filled + rows > work.index[0].shape[0]:
                    self._flush(work)
                self._index(work, binned, rows)
        if not self.exact:
            self._flush(work)
        with self.lock:  # integer sums: the same in any order
            for k, counts in reached.items():
                self.reached[k] += counts
        return out

    def _index(self, work: _Work, totals: list[Any], rows: int) -> None:
        tmp = work.tmp[:rows]
        frames = [self.plan.frames[k] for k in self.binned]
        for frame, z, index in zip(frames, totals, work.index, strict=True):
            np.subtract(z, frame.z_low, out=tmp)
            np.multiply(tmp, HISTOGRAM_BINS, out=tmp)
            index[work.filled : work.filled + rows] = tmp  # truncates: the bin's index
        work.filled += rows

    def _flush(self, work: _Work) -> None:
        if work.filled == 0:
            return
        for index, counts in zip(work.index, self.counts, strict=True):
            filled = index[: work.filled]
            np.minimum(filled, HISTOGRAM_BINS - 1, out=filled)  # the support's top edge
            add = np.bincount(filled, minlength=HISTOGRAM_BINS)
            with self.lock:
                counts += add
        work.filled = 0


class _Stopped(Exception):
    """A worker saw the stop flag."""


def _add(totals: list[Any], draw: Any, coefs: Any, tmp: Any) -> None:
    """totals[k] += coefs[k]·draw for every total (``draw`` is used up)."""
    last = len(totals) - 1
    for k, (total, c) in enumerate(zip(totals, coefs, strict=True)):
        if c == 0:
            continue
        scaled = draw if k == last else tmp
        np.multiply(draw, c, out=scaled)
        np.add(total, scaled, out=total)


def _draw(rng: Any, plan: Plan, rows: int, work: _Work) -> list[Any]:
    """One block: the normalised totals (one array of ``rows`` per total)."""
    block = work.totals[:, :rows]
    totals = list(block)
    dist = plan.dist
    if plan.bits and plan.columns.size:
        n = plan.columns.size
        raw = rng.bit_generator.random_raw(-(-n * rows // 2))
        # low half first, then high, whatever the machine's byte order
        bits = raw.astype("<u8", copy=False).view("<u4")[: n * rows].reshape(n, rows)
        np.einsum("tj,jr->tr", plan.coef, bits, out=block)
        np.add(block, plan.const[:, None], out=block)
        return totals
    for total, c in zip(totals, plan.const, strict=True):
        total.fill(c)
    draw, tmp, common = work.draw[:rows], work.tmp[:rows], work.common[:rows]
    years, rates = work.years[:, :rows], work.rates[:, :rows]
    for k, term in enumerate(plan.terms):
        rng.random(out=years[k])
        np.multiply(years[k], term.years[1] - term.years[0], out=years[k])
        np.add(years[k], term.years[0], out=years[k])
        if term.column < 0:
            rates[k].fill(term.fixed)
    by_column = {term.column: k for k, term in enumerate(plan.terms) if term.column >= 0}
    if plan.columns.size == 0:
        _add_terms(totals, plan, years, rates, tmp)
        return totals
    if plan.rho == 1 and not plan.copula:  # comonotonic: one uniform for every entry
        rng.random(out=common)
        if dist is Distribution.uniform and not plan.terms:
            _add(totals, common, plan.coef.sum(axis=1), tmp)
            return totals
    elif plan.copula and plan.rho > 0:
        rng.standard_normal(out=common)
    for j in range(plan.columns.size):
        if plan.copula:
            _normal_column(rng, plan, j, draw, tmp, common)
        elif plan.rho == 1:
            _quantiles(plan, j, common, draw)
        elif dist is Distribution.pert:
            draw[:] = rng.beta(plan.shape_a[j], plan.shape_b[j], rows)
        else:
            rng.random(out=draw)
            if dist is Distribution.triangular:
                draw[:] = triangular_offsets(draw, plan.width[j], plan.peak[j])
        if j in by_column:  # keep its rate for the saturation terms (_add uses the draw up)
            term = plan.terms[by_column[j]]
            rate = rates[by_column[j]]
            np.multiply(draw, term.scale, out=rate)
            np.add(rate, term.base, out=rate)
        _add(totals, draw, plan.coef[:, j], tmp)
    _add_terms(totals, plan, years, rates, tmp)
    return totals


def _add_terms(totals: list[Any], plan: Plan, years: Any, rates: Any, tmp: Any) -> None:
    """Add each saturation-range term, (w(S)·rate − its mean)/width, to its totals."""
    for k, term in enumerate(plan.terms):
        for t, knots, values, mean_term, inverse_width in term.totals:
            weight = np.interp(years[k], knots, values)
            np.multiply(weight, rates[k], out=tmp)
            np.subtract(tmp, mean_term, out=tmp)
            np.multiply(tmp, inverse_width, out=tmp)
            np.add(totals[t], tmp, out=totals[t])


def _normal_column(rng: Any, plan: Plan, j: int, draw: Any, tmp: Any, common: Any) -> None:
    """Column j through the Gaussian copula: a normal sharing ``common`` with the
    others by correlation rho, then the entry's distribution."""
    if plan.rho == 1:
        draw[:] = common
    else:
        rng.standard_normal(out=draw)
        if plan.rho > 0:
            np.multiply(draw, math.sqrt(1 - plan.rho), out=draw)
            np.multiply(common, math.sqrt(plan.rho), out=tmp)
            np.add(draw, tmp, out=draw)
    if plan.dist is Distribution.lognormal:
        np.multiply(draw, plan.sigma[j], out=draw)
        np.add(draw, plan.mu[j], out=draw)
        np.exp(draw, out=draw)
        return
    from scipy.special import ndtr

    ndtr(draw, out=draw)
    _quantiles(plan, j, draw.copy(), draw)


def _quantiles(plan: Plan, j: int, u: Any, out: Any) -> None:
    """``out`` = column j's draw at probabilities ``u``."""
    if plan.dist is Distribution.uniform:
        out[:] = u
    elif plan.dist is Distribution.triangular:
        out[:] = triangular_offsets(u, plan.width[j], plan.peak[j])
    else:
        from scipy.special import betaincinv

        out[:] = betaincinv(plan.shape_a[j], plan.shape_b[j], u)


def sample(
    m: Marginals,
    settings: MonteCarlo,
    seed: int,
    views: Mapping[str, Sequence[float | Curve]],
    thresholds: Mapping[str, Mapping[str, float]],
    *,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    batch_blocks: int | None = None,
    probability_only: Collection[str] = (),
) -> tuple[str, dict[str, Summary]]:
    """Draw ``settings.samples`` portfolios from ``seed`` and summarise each
    weighted total (``views``: name -> weight per entry). Returns how the
    percentiles were computed ("exact" or "histogram") and one Summary per total.
    The totals in ``probability_only`` get only their mean, standard deviation and
    chances of reaching their thresholds (no percentiles, no histogram)."""
    assert settings.samples is not None
    plan = make_plan(m, settings, views)
    tests = [
        tuple(frame.z_of(t) for t in thresholds.get(name, {}).values())
        if name in probability_only and not frame.fixed
        else None
        for name, frame in zip(views, plan.frames, strict=True)
    ]
    run = _Run(plan, seed, settings.samples, tests)
    blocks = -(-settings.samples // BLOCK_ROWS)
    from nbscdr_cli.compute.threads import default_workers, run_in_order

    workers = max(1, min(workers or default_workers(), blocks))
    size = batch_blocks or min(MAX_BATCH_BLOCKS, max(1, -(-blocks // (4 * workers))))
    batches = [range(b, min(b + size, blocks)) for b in range(0, blocks, size)]
    with np.errstate(all="ignore"):  # extreme magnitudes may underflow; that is no news for a user
        drawn = 0

        def report(i: int) -> None:
            nonlocal drawn
            drawn += sum(min(BLOCK_ROWS, run.samples - b * BLOCK_ROWS) for b in batches[i])
            if progress is not None:
                progress(drawn)

        results = run_in_order(
            lambda i: run.batch(batches[i]), len(batches), workers, done=report, stop=run.stop
        )
    summaries = {}
    for k, (name, frame) in enumerate(zip(views, run.plan.frames, strict=True)):
        moments = combine(block[k] for batch in results for block in batch)
        if k in run.reached:
            summaries[name] = reach_summary(frame, moments, thresholds.get(name, {}), run.reached[k])
            continue
        j = run.binned.index(k)
        summaries[name] = summarise(
            frame,
            moments,
            settings.percentiles,
            thresholds.get(name, {}),
            values=run.values[j] if run.exact else None,
            counts=None if run.exact else run.counts[j],
        )
    return ("exact" if run.exact else "histogram"), summaries
