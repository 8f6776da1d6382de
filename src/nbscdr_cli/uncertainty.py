"""Monte Carlo uncertainty of portfolio totals.

Each entry's removal rate is drawn from a distribution built from its low/high
(and a mode where the data or the spec gives one):

- ``uniform`` (default): every value between low and high equally likely;
- ``triangular`` and ``pert``: peak at the mode, or at the midpoint if none is given;
  PERT is the beta distribution with shape 1 + 4·(mode − low)/(high − low), the
  usual PERT weight of 4;
- ``lognormal``: fitted so that low and high are its 5th and 95th percentiles (a
  mode is ignored); it needs a positive low for every entry.

An entry with no lower bound ("up to") starts at 0; low == high is a fixed value.

Entries are linked by one rank (Spearman) correlation R through a Gaussian copula
with one common factor: R = 0 draws them independently, R = 1 is fully
comonotonic (one uniform U for all, so the uniform total is exactly
Σlow + U·Σ(high − low)), and in between the normal correlation is 2·sin(π·R/6),
which gives rank correlation R.

Sampling runs in chunks, so memory does not grow with the number of samples. Up to
``EXACT_LIMIT`` samples every total is kept and percentiles are exact order
statistics (linear interpolation, as numpy's default). Beyond it, totals go into a
fixed histogram of ``HISTOGRAM_BINS`` bins over their exact support, and
percentiles are interpolated inside a bin: off by at most a bin (1e-6 of the
support's width) plus the gap between neighbouring samples, far under the
sampling error. The draws of a seed do not depend on the
chunk size, so neither do the results (the mean up to float rounding).

numpy is imported here only; scipy.special only for the distributions and
correlations that need a normal CDF or a beta quantile.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from nbscdr_cli.enums import Distribution
from nbscdr_cli.errors import InputError, UsageError

EXACT_LIMIT = 1 << 22
HISTOGRAM_BINS = 1 << 20
CHUNK_ELEMENTS = 1 << 20  # values drawn per chunk (~8 MB of float64)
MAX_SAMPLES = 10**10
MAX_SEED = 2**63 - 1
DEFAULT_PERCENTILES = (5.0, 50.0, 95.0)
PERT_WEIGHT = 4.0  # the classic PERT weight on the mode
Z95 = NormalDist().inv_cdf(0.95)  # lognormal: low and high are the 5th and 95th percentiles
LOGNORMAL_TAIL_Z = 8.5  # histogram support for lognormals: up to the 1 - 1e-17 quantile


@dataclass(frozen=True)
class MonteCarlo:
    """How to sample: the number of samples, the seed (an int, a
    ``numpy.random.Generator`` to draw one from, or None for a random one), the
    distribution of each entry, one rank correlation shared by all entries, and
    the percentiles to report."""

    samples: int
    seed: Any = None
    distribution: Distribution = Distribution.uniform
    correlation: float = 0.0
    percentiles: tuple[float, ...] = DEFAULT_PERCENTILES

    def __post_init__(self) -> None:
        if isinstance(self.distribution, str) and not isinstance(self.distribution, Distribution):
            object.__setattr__(self, "distribution", parse_distribution(self.distribution))
        samples: Any = self.samples
        if isinstance(samples, float) and samples.is_integer():  # 1e6 is a fine number of samples
            object.__setattr__(self, "samples", int(samples))
        object.__setattr__(self, "percentiles", tuple(float(p) for p in self.percentiles))
        check_settings(self)


@dataclass(frozen=True)
class Summary:
    """Statistics of one total (e.g. the annual total) over all samples."""

    mean: float
    std: float
    percentiles: Mapping[float, float]
    probability: Mapping[str, float]  # threshold name -> P(total >= threshold)
    thresholds: Mapping[str, float]
    histogram: tuple[tuple[float, float], tuple[int, ...]]  # (lo, hi), coarse counts for display


@dataclass(frozen=True)
class Simulation:
    samples: int
    seed: int
    distribution: Distribution
    correlation: float
    exact: bool  # percentiles are exact order statistics (not from the histogram)
    totals: Mapping[str, Summary]
    # each entry's own percentiles (from its distribution's quantile function):
    # marginal, so they do not add up to the total's
    marginals: tuple[Mapping[float, float], ...] = ()


def check_settings(settings: MonteCarlo) -> None:
    """Refuse settings out of range, naming the field at fault."""
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
    if not (math.isfinite(settings.correlation) and 0 <= settings.correlation <= 1):
        raise UsageError(f"{settings.correlation} is outside 0–1", field="correlation")
    for p in settings.percentiles:
        if not (math.isfinite(p) and 0 < p < 100):
            raise UsageError(f"{p:g} is outside (0, 100)", field="percentiles")


def _is_generator(value: Any) -> bool:
    return type(value).__name__ == "Generator" and hasattr(value, "bit_generator")


def parse_distribution(text: str) -> Distribution:
    try:
        return Distribution(text.strip().lower())
    except ValueError:
        choices = ", ".join(d.value for d in Distribution)
        raise UsageError(f"{text!r} is not one of {choices}", field="distribution") from None


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


@dataclass(frozen=True)
class Marginals:
    """Per-entry distribution parameters, canonical units."""

    low: Any  # numpy arrays of length n
    high: Any
    mode: Any


def marginals(lows: Sequence[float], highs: Sequence[float], modes: Sequence[float | None]) -> Marginals:
    import numpy as np

    low = np.asarray(lows, dtype=float)
    high = np.asarray(highs, dtype=float)
    mode = np.asarray(
        [(lo + hi) / 2 if m is None else m for lo, hi, m in zip(lows, highs, modes, strict=True)], dtype=float
    )
    return Marginals(low, high, mode)


def simulate(
    lows: Sequence[float],
    highs: Sequence[float],
    settings: MonteCarlo,
    *,
    modes: Sequence[float | None] | None = None,
    weights: Mapping[str, Sequence[float]] | None = None,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
    names: Sequence[str] | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_rows: int | None = None,
) -> Simulation:
    """Draw ``settings.samples`` portfolios and summarise their totals.

    ``weights`` maps a total's name to one weight per entry (default: {"annual":
    all ones}); a total is Σ weight·rate, so cumulative and durable totals over a
    horizon come from the same draws. ``thresholds`` maps a total's name to named
    values whose probability of being reached (total >= value) is reported.
    """
    import numpy as np

    n = len(lows)
    if n == 0:
        raise InputError("no entries to sample")
    m = marginals(lows, highs, modes or [None] * n)
    if settings.distribution is Distribution.lognormal and np.any(m.low <= 0):
        bad = [names[int(i)] if names else str(i) for i in np.flatnonzero(m.low <= 0)]
        raise InputError(
            f"lognormal needs a positive low for every entry; {', '.join(bad)} has none "
            "(give the entry its own low and high, or choose another distribution)",
            field="distribution",
        )
    if np.any((m.mode < m.low) | (m.mode > m.high)):
        raise InputError("a mode lies outside its entry's low–high range")
    seed = settings.seed
    if seed is None:
        seed = secrets.randbelow(2**32)
    elif _is_generator(seed):
        seed = int(seed.integers(0, 2**32))  # recorded, so the run can be repeated
    views = dict(weights) if weights else {"annual": [1.0] * n}
    names_ = list(views)
    W = np.column_stack([np.asarray(views[k], dtype=float) for k in names_])  # n x k
    rng = np.random.default_rng(seed)
    rows = chunk_rows or max(1, CHUNK_ELEMENTS // (n + 1))
    exact = settings.samples <= EXACT_LIMIT
    acc = [
        _Accumulator(exact, settings.samples, *_support(m, W[:, j], settings.distribution))
        for j in range(len(names_))
    ]
    done = 0
    while done < settings.samples:
        size = min(rows, settings.samples - done)
        totals = _draw_totals(rng, m, W, size, settings)
        for j, a in enumerate(acc):
            a.add(totals[:, j])
        done += size
        if progress is not None:
            progress(done)
    thresholds = thresholds or {}
    summaries = {
        name: a.summary(settings.percentiles, thresholds.get(name, {}))
        for name, a in zip(names_, acc, strict=True)
    }
    return Simulation(
        settings.samples,
        seed,
        settings.distribution,
        settings.correlation,
        exact,
        summaries,
        marginal_quantiles(m, settings.distribution, settings.percentiles),
    )


def marginal_quantiles(
    m: Marginals, dist: Distribution, percentiles: Sequence[float]
) -> tuple[dict[float, float], ...]:
    """Each entry's percentiles, from the quantile function of its distribution."""
    import numpy as np

    u = np.asarray(percentiles, dtype=float)[:, None] / 100  # (p, 1) against (n,) entries
    width = m.high - m.low
    if dist is Distribution.uniform:
        values = m.low + u * width
    elif dist is Distribution.triangular:
        values = _triangular(np.broadcast_to(u, (u.shape[0], m.low.shape[0])), m)
    elif dist is Distribution.pert:
        from scipy.special import betaincinv

        a, b = _pert_shapes(m)
        values = m.low + width * betaincinv(a, b, np.broadcast_to(u, (u.shape[0], m.low.shape[0])))
    else:
        z = np.asarray([NormalDist().inv_cdf(p / 100) for p in percentiles])[:, None]
        with np.errstate(divide="ignore"):
            mu = (np.log(m.low) + np.log(m.high)) / 2
            sigma = (np.log(m.high) - np.log(m.low)) / (2 * Z95)
        values = np.exp(mu + sigma * z)
    return tuple({p: float(values[i, j]) for i, p in enumerate(percentiles)} for j in range(m.low.shape[0]))


def _draw_totals(rng: Any, m: Marginals, W: Any, size: int, settings: MonteCarlo) -> Any:
    """One chunk: draw the entries' rates and return the totals (size x k)."""
    import numpy as np

    n = m.low.shape[0]
    r = settings.correlation
    dist = settings.distribution
    if dist is Distribution.lognormal or 0 < r < 1:
        # Gaussian copula, one common factor in column 0: draws (size, n+1) normals
        # in one call so the stream does not depend on the chunk size.
        z = rng.standard_normal((size, n + 1))
        rho = 2 * math.sin(math.pi * r / 6) if r < 1 else 1.0
        common = z[:, :1]
        z = math.sqrt(rho) * common + math.sqrt(1 - rho) * z[:, 1:]
        if dist is Distribution.lognormal:
            mu = (np.log(m.low) + np.log(m.high)) / 2
            sigma = (np.log(m.high) - np.log(m.low)) / (2 * Z95)
            return np.exp(mu + sigma * z) @ W
        from scipy.special import ndtr

        u = ndtr(z)
    elif r == 1:
        u = rng.random((size, 1))
    elif dist is Distribution.pert:
        # Independent PERT: numpy's beta sampler is exact and ~50x faster than
        # inverting the beta CDF (scipy's betaincinv), which correlated draws need.
        a, b = _pert_shapes(m)
        return (m.low + (m.high - m.low) * rng.beta(a, b, size=(size, n))) @ W
    else:
        u = rng.random((size, n))
    width = m.high - m.low
    if dist is Distribution.uniform:
        if u.shape[1] == 1:
            return u * (width @ W) + m.low @ W
        return u @ (width[:, None] * W) + m.low @ W
    if dist is Distribution.triangular:
        return _triangular(np.broadcast_to(u, (size, n)), m) @ W
    a, b = _pert_shapes(m)
    from scipy.special import betaincinv

    return (m.low + width * betaincinv(a, b, np.broadcast_to(u, (size, n)))) @ W


def _pert_shapes(m: Marginals) -> tuple[Any, Any]:
    import numpy as np

    width = m.high - m.low
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(width > 0, 1 + PERT_WEIGHT * (m.mode - m.low) / width, 1.0)
        b = np.where(width > 0, 1 + PERT_WEIGHT * (m.high - m.mode) / width, 1.0)
    return a, b


def _triangular(u: Any, m: Marginals) -> Any:
    import numpy as np

    width = m.high - m.low
    with np.errstate(divide="ignore", invalid="ignore"):
        cut = np.where(width > 0, (m.mode - m.low) / width, 0.0)
    left = m.low + np.sqrt(u * width * (m.mode - m.low))
    right = m.high - np.sqrt((1 - u) * width * (m.high - m.mode))
    return np.where(u < cut, left, right)


def _support(m: Marginals, w: Any, dist: Distribution) -> tuple[float, float]:
    """The exact range a weighted total can take (lognormal: up to a far tail)."""
    import numpy as np

    if dist is Distribution.lognormal:
        sigma = (np.log(m.high) - np.log(m.low)) / (2 * Z95)
        top = np.exp((np.log(m.low) + np.log(m.high)) / 2 + LOGNORMAL_TAIL_Z * sigma)
        return 0.0, float(w @ top)
    return float(w @ m.low), float(w @ m.high)


class _Accumulator:
    """Running statistics of one total: every value (exact) or a histogram."""

    DISPLAY_BINS = 32  # divides HISTOGRAM_BINS

    def __init__(self, exact: bool, samples: int, lo: float, hi: float) -> None:
        import numpy as np

        self.exact = exact
        self.lo, self.hi = lo, hi
        self.sum = 0.0
        self.sum_squares = 0.0
        self.count = 0
        self.values: list[Any] = []
        self.counts = None if exact else np.zeros(HISTOGRAM_BINS, dtype=np.int64)

    def add(self, totals: Any) -> None:
        import numpy as np

        self.sum += float(totals.sum())
        self.sum_squares += float(totals @ totals)
        self.count += totals.shape[0]
        if self.exact:
            self.values.append(np.array(totals, copy=True))
        else:
            assert self.counts is not None
            idx = self._bin(totals)
            self.counts += np.bincount(idx, minlength=HISTOGRAM_BINS)

    def _display_bin(self, totals: Any) -> Any:
        import numpy as np

        span = self.hi - self.lo
        if span <= 0:
            return np.zeros(totals.shape[0], dtype=np.int64)
        idx = ((totals - self.lo) * (self.DISPLAY_BINS / span)).astype(np.int64)
        return np.clip(idx, 0, self.DISPLAY_BINS - 1)

    def _bin(self, totals: Any) -> Any:
        import numpy as np

        span = self.hi - self.lo
        if span <= 0:
            return np.zeros(totals.shape[0], dtype=np.int64)
        idx = ((totals - self.lo) * (HISTOGRAM_BINS / span)).astype(np.int64)
        return np.clip(idx, 0, HISTOGRAM_BINS - 1)

    def summary(self, percentiles: Sequence[float], thresholds: Mapping[str, float]) -> Summary:
        import numpy as np

        if self.exact:
            values = np.concatenate(self.values)
            pct = _order_statistics(values, percentiles)
            prob = {k: int(np.count_nonzero(values >= t)) / len(values) for k, t in thresholds.items()}
            counts = np.bincount(self._display_bin(values), minlength=self.DISPLAY_BINS)
        else:
            assert self.counts is not None
            cdf = np.cumsum(self.counts)
            pct = {p: self._hist_quantile(cdf, p) for p in percentiles}
            prob = {k: self._hist_reach(cdf, t) for k, t in thresholds.items()}
            counts = self.counts.reshape(self.DISPLAY_BINS, -1).sum(axis=1)
        mean = self.sum / self.count
        variance = max(0.0, self.sum_squares / self.count - mean * mean) * self.count / max(1, self.count - 1)
        return Summary(
            mean=mean,
            std=math.sqrt(variance),
            percentiles=pct,
            probability=prob,
            thresholds=dict(thresholds),
            histogram=((self.lo, self.hi), tuple(int(c) for c in counts)),
        )

    def _hist_quantile(self, cdf: Any, p: float) -> float:
        import numpy as np

        target = p / 100 * (self.count - 1) + 1  # 1-based rank, as the exact method
        i = int(np.searchsorted(cdf, target, side="left"))
        before = cdf[i - 1] if i > 0 else 0
        inside = cdf[i] - before
        width = (self.hi - self.lo) / HISTOGRAM_BINS
        frac = (target - before) / inside if inside else 0.5
        return self.lo + (i + frac) * width

    def _hist_reach(self, cdf: Any, t: float) -> float:
        """P(total >= t) from the histogram, linear inside t's bin."""
        if t <= self.lo:
            return 1.0
        if t > self.hi:
            return 0.0
        width = (self.hi - self.lo) / HISTOGRAM_BINS
        pos = (t - self.lo) / width
        i = min(int(pos), HISTOGRAM_BINS - 1)
        before = cdf[i - 1] if i > 0 else 0
        below = before + (cdf[i] - before) * (pos - i)
        return float(1 - below / self.count)


def _order_statistics(values: Any, percentiles: Sequence[float]) -> dict[float, float]:
    """Percentiles of ``values`` by linear interpolation between order statistics
    (numpy's default method). A partial sort (np.partition) around just the ranks
    needed is ~3x faster than a full sort at a million values."""
    import numpy as np

    n = len(values)
    positions = {p: p / 100 * (n - 1) for p in percentiles}
    ranks = sorted({r for x in positions.values() for r in (math.floor(x), min(math.floor(x) + 1, n - 1))})
    part = np.partition(values, ranks)
    out = {}
    for p, x in positions.items():
        i = math.floor(x)
        j = min(i + 1, n - 1)
        out[p] = float(part[i] + (part[j] - part[i]) * (x - i))
    return out


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


def simulate_portfolio(
    result: Any,
    settings: MonteCarlo,
    *,
    targets: Mapping[str, float] | None = None,
    weights: Mapping[str, Sequence[float]] | None = None,
    thresholds: Mapping[str, Mapping[str, float]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Simulation:
    """Monte Carlo of a summed portfolio (``portfolio.PortfolioResult``).

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
