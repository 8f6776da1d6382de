"""The distribution of each entry's removal rate, built from its low, high and mode.

- ``uniform``: every value between low and high equally likely;
- ``triangular``: density rising linearly from low to the mode and falling to high;
- ``pert``: the beta distribution on low–high with shapes α = 1 + 4·(mode − low)/(high − low)
  and β = 1 + 4·(high − mode)/(high − low) (the usual PERT weight of 4), so its mean
  is (low + 4·mode + high)/6;
- ``lognormal``: fitted so that low and high are its 5th and 95th percentiles.

Without a mode, the mode is the midpoint. Low == high is a fixed value.

Means, variances, CDFs and quantiles here are exact: closed forms, and for PERT
scipy's beta functions (``scipy.special``, imported only when an entry is PERT:
the import costs about 0.3 s).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np

from nbscdr_cli.model.enums import Distribution
from nbscdr_cli.model.errors import InputError

PERT_WEIGHT = 4.0  # the classic PERT weight on the mode
# lognormal: low and high are the 5th and 95th percentiles. NormalDist().inv_cdf(0.95),
# written out: importing statistics (with fractions and decimal) costs ~20 ms.
Z95 = 1.6448536269514715


class Marginals(NamedTuple):
    """Each entry's parameters in canonical units: numpy arrays of one value per entry."""

    low: Any
    high: Any
    mode: Any

    @property
    def width(self) -> Any:
        return self.high - self.low


def marginals(lows: Sequence[float], highs: Sequence[float], modes: Sequence[float | None]) -> Marginals:
    """The entries' parameters as arrays; a missing mode is the midpoint."""
    low = np.asarray(lows, dtype=float)
    high = np.asarray(highs, dtype=float)
    mode = np.asarray(
        [lo + (hi - lo) / 2 if m is None else m for lo, hi, m in zip(lows, highs, modes, strict=True)],
        dtype=float,
    )
    return Marginals(low, high, mode)


def check_marginals(m: Marginals, dist: Distribution, names: Sequence[str] | None = None) -> None:
    """Refuse parameters the distribution cannot take: a lognormal needs a
    positive low, and a mode must lie within its entry's range."""
    if dist is Distribution.lognormal and np.any(m.low <= 0):
        bad = [names[int(i)] if names else str(i) for i in np.flatnonzero(m.low <= 0)]
        raise InputError(
            f"lognormal needs a positive low for every entry; {', '.join(bad)} has none "
            "(give the entry its own low and high, or choose another distribution)",
            field="distribution",
        )
    if np.any((m.mode < m.low) | (m.mode > m.high)):
        raise InputError("a mode lies outside its entry's low–high range")


def pert_shapes(m: Marginals) -> tuple[Any, Any]:
    """The beta shapes (α, β) of each entry's PERT distribution (1, 1 where low == high)."""
    width = m.width
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(width > 0, 1 + PERT_WEIGHT * (m.mode - m.low) / width, 1.0)
        b = np.where(width > 0, 1 + PERT_WEIGHT * (m.high - m.mode) / width, 1.0)
    return a, b


def lognormal_parameters(m: Marginals) -> tuple[Any, Any]:
    """μ and σ of log(rate) for each entry, so that low and high are its 5th and 95th percentiles."""
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = (np.log(m.low) + np.log(m.high)) / 2
        sigma = (np.log(m.high) - np.log(m.low)) / (2 * Z95)
    return mu, sigma


def mean_offsets(m: Marginals, dist: Distribution) -> Any:
    """E[rate − low] for each entry (lognormal: E[rate])."""
    width = m.width
    if dist is Distribution.uniform:
        return width / 2
    if dist is Distribution.triangular:
        return (width + (m.mode - m.low)) / 3
    if dist is Distribution.pert:
        return (width + PERT_WEIGHT * (m.mode - m.low)) / (2 + PERT_WEIGHT)
    mu, sigma = lognormal_parameters(m)
    return np.exp(mu + sigma**2 / 2)


def means(m: Marginals, dist: Distribution) -> list[float]:
    """E[rate] of each entry, as Python floats."""
    offsets = mean_offsets(m, dist)
    if dist is Distribution.lognormal:
        return [float(x) for x in offsets]
    return [float(lo) + float(x) for lo, x in zip(m.low, offsets, strict=True)]


def variances(m: Marginals, dist: Distribution) -> Any:
    """Var[rate] of each entry."""
    width = m.width
    if dist is Distribution.uniform:
        return width**2 / 12
    if dist is Distribution.triangular:
        peak = m.mode - m.low  # (a² + b² + c² − ab − ac − bc)/18 with a = 0: exact for huge lows
        return (width * width + peak * peak - width * peak) / 18
    if dist is Distribution.pert:
        a, b = pert_shapes(m)
        return width**2 * a * b / ((a + b) ** 2 * (a + b + 1))
    mu, sigma = lognormal_parameters(m)
    return np.expm1(sigma**2) * np.exp(2 * mu + sigma**2)


def triangular_offsets(u: Any, width: Any, peak: Any) -> Any:
    """Rate − low of a triangular distribution on [0, width] peaking at ``peak``,
    at probabilities ``u`` (its quantile function)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        cut = np.where(width > 0, peak / width, 0.0)
    left = np.sqrt(u * width * peak)
    right = width - np.sqrt((1 - u) * width * (width - peak))
    return np.where(u < cut, left, right)


def triangular_cdf(y: Any, width: Any, peak: Any) -> Any:
    """P(rate − low ≤ y) for a triangular distribution on [0, width] peaking at ``peak``."""
    y = np.clip(y, 0, width)
    with np.errstate(divide="ignore", invalid="ignore"):
        rising = np.where(peak > 0, y * y / (width * peak), 0.0)
        rest = width - y
        falling = np.where(width > peak, 1 - rest * rest / (width * (width - peak)), 1.0)
    return np.where(y <= peak, rising, falling)


def log_beta(a: Any, b: Any) -> Any:
    """log B(a, b), elementwise (scipy, imported only for PERT entries)."""
    from scipy.special import betaln

    return betaln(a, b)


# 6-point Gauss–Legendre rule on [-1, 1] (numpy.polynomial.legendre.leggauss(6))
GAUSS_NODES = np.array([-0.9324695142031521, -0.6612093864662645, -0.2386191860831969])
GAUSS_NODES = np.concatenate([GAUSS_NODES, -GAUSS_NODES[::-1]])
GAUSS_WEIGHTS = np.array([0.1713244923791704, 0.3607615730481386, 0.4679139345726910])
GAUSS_WEIGHTS = np.concatenate([GAUSS_WEIGHTS, GAUSS_WEIGHTS[::-1]])


def cell_masses(
    dist: Distribution, lo: Any, hi: Any, width: Any, peak: Any, a: Any, b: Any, log_b: Any
) -> Any:
    """P(lo < rate − low ≤ hi), elementwise, for cells of uniform, triangular and
    PERT entries on [0, width] (``peak``: mode − low; ``a``, ``b``: PERT shapes,
    ``log_b``: log B(a, b)).

    Uniform and triangular: differences of the closed-form CDF. PERT: the beta
    density integrated over each cell by 6-point Gauss–Legendre, 20 times cheaper
    than the incomplete beta function at every edge and as accurate on cells this
    narrow; the caller normalises each entry's cells to sum to one."""
    if dist is Distribution.uniform:
        return (np.minimum(hi, width) - np.maximum(lo, 0)) / width
    if dist is Distribution.triangular:
        return triangular_cdf(hi, width, peak) - triangular_cdf(lo, width, peak)
    x0, x1 = (np.clip(e / width, 0.0, 1.0)[:, None] for e in (lo, hi))
    x = (x0 + x1) / 2 + (x1 - x0) / 2 * GAUSS_NODES  # nodes strictly inside each cell
    with np.errstate(divide="ignore", invalid="ignore"):
        log_pdf = (a[:, None] - 1) * np.log(x) + (b[:, None] - 1) * np.log1p(-x) - log_b[:, None]
    pdf = np.where(np.isfinite(log_pdf), np.exp(log_pdf), 0.0)
    return np.einsum("ij,j->i", pdf, GAUSS_WEIGHTS) * (x1[:, 0] - x0[:, 0]) / 2


def marginal_quantiles(
    m: Marginals, dist: Distribution, percentiles: Sequence[float]
) -> tuple[dict[float, float], ...]:
    """Each entry's percentiles, from the quantile function of its distribution."""
    u = np.asarray(percentiles, dtype=float)[:, None] / 100  # (p, 1) against (n,) entries
    shape = (u.shape[0], m.low.shape[0])
    width = m.width
    if dist is Distribution.uniform:
        values = m.low + u * width
    elif dist is Distribution.triangular:
        values = m.low + triangular_offsets(np.broadcast_to(u, shape), width, m.mode - m.low)
    elif dist is Distribution.pert:
        a, b = pert_shapes(m)
        from scipy.special import betaincinv

        values = m.low + width * betaincinv(a, b, np.broadcast_to(u, shape))
    else:
        from statistics import NormalDist

        z = np.asarray([NormalDist().inv_cdf(p / 100) for p in percentiles])[:, None]
        mu, sigma = lognormal_parameters(m)
        values = np.exp(mu + sigma * z)
    return tuple({p: float(values[i, j]) for i, p in enumerate(percentiles)} for j in range(shape[1]))
