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

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nbscdr_cli.enums import Distribution, Method
from nbscdr_cli.errors import InputError, UsageError

if TYPE_CHECKING:
    from nbscdr_cli.horizon import Curve

MAX_SAMPLES = 10**10
MAX_SEED = 2**63 - 1
DEFAULT_PERCENTILES = (5.0, 50.0, 95.0)


@dataclass(frozen=True)
class MonteCarlo:
    """How to compute the uncertainty of the totals: the ``method``
    ("monte-carlo" or "convolution"), the number of ``samples`` and the ``seed``
    (Monte Carlo only: an int, a ``numpy.random.Generator`` to draw one from, or
    None for a random one), the distribution of each entry, one rank correlation
    shared by all entries (Monte Carlo only), and the percentiles to report."""

    samples: int | None = None
    seed: Any = None
    distribution: Distribution = Distribution.uniform
    correlation: float = 0.0
    percentiles: tuple[float, ...] = DEFAULT_PERCENTILES
    method: Method = Method.monte_carlo

    def __post_init__(self) -> None:
        if isinstance(self.distribution, str) and not isinstance(self.distribution, Distribution):
            object.__setattr__(self, "distribution", parse_distribution(self.distribution))
        if isinstance(self.method, str) and not isinstance(self.method, Method):
            object.__setattr__(self, "method", parse_method(self.method))
        samples: Any = self.samples
        if isinstance(samples, float) and samples.is_integer():  # 1e6 is a fine number of samples
            object.__setattr__(self, "samples", int(samples))
        # Equal percentiles would share one key in the results: keep each once, in order.
        object.__setattr__(self, "percentiles", tuple(dict.fromkeys(float(p) for p in self.percentiles)))
        check_settings(self)


@dataclass(frozen=True)
class Summary:
    """Statistics of one total (e.g. the annual total)."""

    mean: float
    std: float
    percentiles: Mapping[float, float]
    probability: Mapping[str, float]  # threshold name -> P(total >= threshold)
    thresholds: Mapping[str, float]
    # ((low, high), weights of 32 equal bins over the total's support, for display):
    # sample counts (Monte Carlo) or probabilities (convolution)
    histogram: tuple[tuple[float, float], tuple[float, ...]]


@dataclass(frozen=True)
class Simulation:
    """The distribution of each total, with how it was computed. ``samples`` and
    ``seed`` are None for the convolution method. ``percentile_method``: "exact"
    (order statistics of every sample), "histogram" (a 2^20-bin histogram of the
    samples) or "grid" (the convolution's grid)."""

    method: Method
    samples: int | None
    seed: int | None
    distribution: Distribution
    correlation: float
    percentile_method: str
    totals: Mapping[str, Summary]
    # each entry's own percentiles (from its distribution's quantile function):
    # marginal, so they do not add up to the total's
    marginals: tuple[Mapping[float, float], ...] = ()

    @property
    def exact(self) -> bool:
        """Percentiles are exact order statistics of the samples."""
        return self.percentile_method == "exact"


CONVOLUTION_NEEDS_FIXED_SATURATION = (
    "convolution needs one saturation time per entry; a range of saturation times needs sampling"
)


def check_settings(settings: MonteCarlo) -> None:
    """Refuse settings out of range or that do not go with the method, naming
    the field at fault."""
    if not (math.isfinite(settings.correlation) and 0 <= settings.correlation <= 1):
        raise UsageError(f"{settings.correlation} is outside 0–1", field="correlation")
    for p in settings.percentiles:
        if not (math.isfinite(p) and 0 < p < 100):
            raise UsageError(f"{p:g} is outside (0, 100)", field="percentiles")
    if settings.method is Method.convolution:
        _check_convolution(settings)
        return
    if settings.samples is None:
        raise UsageError("the Monte Carlo method needs a number of samples", field="samples")
    if isinstance(settings.samples, bool) or not isinstance(settings.samples, int):
        raise UsageError("must be a whole number", field="samples")
    if not 1 <= settings.samples <= MAX_SAMPLES:
        raise UsageError(f"{settings.samples} is outside 1–{MAX_SAMPLES:.0e}", field="samples")
    seed = settings.seed
    if seed is not None and not _is_generator(seed):
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise UsageError("must be a whole number or a numpy.random.Generator", field="seed")
        if not 0 <= seed <= MAX_SEED:
            raise UsageError(f"{seed} is outside 0–{MAX_SEED}", field="seed")


def _check_convolution(settings: MonteCarlo) -> None:
    if settings.samples is not None:
        raise UsageError(
            "convolution computes the distribution without sampling: give no samples", field="samples"
        )
    if settings.seed is not None:
        raise UsageError("convolution draws no samples, so it takes no seed", field="seed")
    if settings.correlation != 0:
        raise UsageError(
            f"{settings.correlation:g} needs sampling: convolution is for independent entries (correlation 0)",
            field="correlation",
        )
    if settings.distribution is Distribution.lognormal:
        raise UsageError(
            "lognormal needs sampling: convolution works on the total's bounded range, and a lognormal has none",
            field="distribution",
        )


def _is_generator(value: Any) -> bool:
    return type(value).__name__ == "Generator" and hasattr(value, "bit_generator")


def parse_distribution(text: str) -> Distribution:
    try:
        return Distribution(text.strip().lower())
    except ValueError:
        choices = ", ".join(d.value for d in Distribution)
        raise UsageError(f"{text!r} is not one of {choices}", field="distribution") from None


def parse_method(text: str) -> Method:
    try:
        return Method(text.strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in Method)
        raise UsageError(f"{text!r} is not one of {choices}", field="method") from None


def parse_percentiles(text: str) -> tuple[float, ...]:
    """'10,90' -> (5, 10, 50, 90, 95): the defaults plus the ones asked for."""
    values = set(DEFAULT_PERCENTILES)
    for part in text.split(","):
        part = part.strip().rstrip("%")
        if not part:
            continue
        try:
            value = float(part)
        except ValueError:
            raise UsageError(f"{part!r} is not a number", field="percentiles") from None
        if not (math.isfinite(value) and 0 < value < 100):
            raise UsageError(f"{part} is outside (0, 100)", field="percentiles")
        values.add(value)
    return tuple(sorted(values))


def percentile_key(p: float) -> str:
    """A percentile as its JSON key and label: the shortest decimal that reads
    back as the same number, never in exponent form (5.0 -> '5', 99.99999 ->
    '99.99999', 5.0000001 -> '5.0000001', 1e-05 -> '0.00001'). Distinct
    percentiles get distinct keys."""
    text = repr(float(p))
    if "e" in text:
        from decimal import Decimal

        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def parse_samples(text: str) -> int:
    """'1e6', '1000000', '1_000_000' or '1,000,000' -> 1000000; refuses 0,
    negatives, fractions."""
    cleaned = text.strip().replace("_", "").replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise UsageError(f"{text!r} is not a number", field="samples") from None
    if not math.isfinite(value) or value != int(value):
        raise UsageError(f"{text!r} is not a whole number", field="samples")
    if not 1 <= value <= MAX_SAMPLES:
        raise UsageError(f"{text} is outside 1–{MAX_SAMPLES:.0e}", field="samples")
    return int(value)


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
    from nbscdr_cli.distributions import check_marginals, marginal_quantiles, marginals

    n = len(lows)
    if n == 0:
        raise InputError("no entries to sample")
    m = marginals(lows, highs, modes or [None] * n)
    check_marginals(m, settings.distribution, names)
    views = dict(weights) if weights else {"annual": [1.0] * n}
    quantiles = marginal_quantiles(m, settings.distribution, settings.percentiles)
    if settings.method is Method.convolution:
        from nbscdr_cli.convolution import convolve
        from nbscdr_cli.horizon import Curve

        if any(isinstance(w, Curve) for ws in views.values() for w in ws):
            raise UsageError(CONVOLUTION_NEEDS_FIXED_SATURATION, field="method")

        fixed = {name: [float(w) for w in ws] for name, ws in views.items()}  # type: ignore[arg-type]
        totals = convolve(m, settings.distribution, fixed, settings.percentiles, thresholds or {})
        return Simulation(
            Method.convolution, None, None, settings.distribution, 0.0, "grid", totals, quantiles
        )
    from nbscdr_cli.sampling import sample

    seed = settings.seed
    if seed is None:
        import secrets

        seed = secrets.randbelow(2**32)
    elif _is_generator(seed):
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
