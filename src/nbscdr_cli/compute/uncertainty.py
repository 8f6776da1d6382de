"""Uncertainty of portfolio totals: the settings (``MonteCarlo``), the results
(``Simulation``, one ``Summary`` per total) and ``simulate``, which computes them
by one of two methods:

- ``monte-carlo`` (the default, sampling.py): draws ``samples`` portfolios from a
  seed and summarises their totals. Any distribution, any correlation.
- ``convolution`` (convolution.py): for independent entries (correlation 0) with
  uniform, triangular or PERT distributions, the distribution of the total itself,
  by convolving the entries' densities on a fine grid; no samples, no seed.
  Percentiles are within 1e-5 of the total's range; mean and standard deviation
  are exact. Lognormal entries (unbounded) and correlated entries must be sampled.

Each entry's distribution is built from its low/high and a mode where the data or
the spec gives one (distributions.py): ``uniform``, ``triangular``, ``pert`` or
``lognormal``. An entry with no lower bound ("up to") starts at 0; low == high is
a fixed value.

Entries are linked by one rank (Spearman) correlation R through a Gaussian copula
with one common factor: R = 0 draws them independently, R = 1 is fully
comonotonic (one uniform U for all, so the uniform total is exactly
Σlow + U·Σ(high − low)), and in between the normal correlation is 2·sin(π·R/6),
which gives rank correlation R.

This module imports neither numpy nor scipy, so the command line can build
settings at start-up for free; the methods' modules import numpy.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from nbscdr_cli.compute.summary import Simulation
from nbscdr_cli.model.enums import Method
from nbscdr_cli.model.errors import InputError, UsageError
from nbscdr_cli.model.monte_carlo import CONVOLUTION_NEEDS_FIXED_SATURATION, MonteCarlo, is_generator

if TYPE_CHECKING:
    from nbscdr_cli.compute.horizon import Curve


def simulate(
    lows: Sequence[float],
    highs: Sequence[float],
    settings: MonteCarlo,
    *,
    modes: Sequence[float | None] | None = None,
    weights: Mapping[str, Sequence[float | Curve]] | None = None,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
    names: Sequence[str] | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    batch_blocks: int | None = None,
    probability_only: Collection[str] = (),
) -> Simulation:
    """The distribution of the totals of entries ranging from ``lows`` to ``highs``.

    ``weights`` maps a total's name to one weight per entry (default: {"annual":
    all ones}); a total is Σ weight·rate, so cumulative and durable totals over a
    horizon come from the same draws. ``thresholds`` maps a total's name to named
    values whose probability of being reached (total >= value) is reported.
    ``progress`` is called with the number of samples drawn so far. ``workers``
    (threads, default one per core) and ``batch_blocks`` (blocks of samples per
    task) change how fast a Monte Carlo runs, never its results. Totals named in
    ``probability_only`` are only tested against their thresholds: a Monte Carlo
    counts the samples reaching them and reports no percentiles for them.
    """
    from nbscdr_cli.compute.distributions import check_marginals, marginal_quantiles, marginals

    n = len(lows)
    if n == 0:
        raise InputError("no entries to sample")
    m = marginals(lows, highs, modes or [None] * n)
    check_marginals(m, settings.distribution, names)
    views = dict(weights) if weights else {"annual": [1.0] * n}
    quantiles = marginal_quantiles(m, settings.distribution, settings.percentiles)
    if settings.method is Method.convolution:
        from nbscdr_cli.compute.convolution import convolve
        from nbscdr_cli.compute.horizon import Curve

        if any(isinstance(w, Curve) for ws in views.values() for w in ws):
            raise UsageError(CONVOLUTION_NEEDS_FIXED_SATURATION, field="method")

        fixed = {name: [float(w) for w in ws] for name, ws in views.items()}  # type: ignore[arg-type]
        totals = convolve(m, settings.distribution, fixed, settings.percentiles, thresholds or {})
        return Simulation(
            Method.convolution, None, None, settings.distribution, 0.0, "grid", totals, quantiles
        )
    from nbscdr_cli.compute.sampling import sample

    seed = settings.seed
    if seed is None:
        import secrets

        seed = secrets.randbelow(2**32)
    elif is_generator(seed):
        seed = int(seed.integers(0, 2**32))  # recorded, so the run can be repeated
    assert settings.samples is not None
    percentile_method, totals = sample(
        m,
        settings,
        seed,
        views,
        thresholds or {},
        progress=progress,
        workers=workers,
        batch_blocks=batch_blocks,
        probability_only=probability_only,
    )
    return Simulation(
        Method.monte_carlo,
        settings.samples,
        seed,
        settings.distribution,
        settings.correlation,
        percentile_method,
        totals,
        quantiles,
    )


def simulate_portfolio(
    result: Any,
    settings: MonteCarlo,
    *,
    targets: Mapping[str, float] | None = None,
    weights: Mapping[str, Sequence[float | Curve]] | None = None,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Simulation:
    """The uncertainty of a summed portfolio (``portfolio.PortfolioResult``).

    The annual total is tested against each compared reference's low and high
    (``"<ref>.low"``, ``"<ref>.high"``) and any ``targets`` (name -> Gt CO2/yr).
    """
    entries = result.portfolio.entries
    annual = {
        f"{c.reference.id}.{end}": value
        for c in result.comparisons
        for end, value in (("low", c.reference.range.lower), ("high", c.reference.range.high))
    }
    annual.update(targets or {})
    all_thresholds = {"annual": annual, **(thresholds or {})}
    views = {"annual": [1.0] * len(entries), **(weights or {})}
    return simulate(
        [e.range.lower for e in entries],
        [e.range.high for e in entries],
        settings,
        modes=[e.range.mode for e in entries],
        weights=views,
        thresholds=all_thresholds,
        names=[e.technique.id for e in entries],
        progress=progress,
    )
