"""The Monte Carlo plan: what each block draws (which entries, from which
distribution) and how each total is made of the draws: the coefficients and
exact means of its normalised form (``sample_statistics.Frame``), and the terms
whose weight depends on a saturation time drawn per sample (``Term``). The
sampler (``sampling``) carries the plan out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from nbscdr_cli.compute.distributions import (
    Marginals,
    lognormal_parameters,
    mean_offsets,
    means,
    pert_shapes,
)
from nbscdr_cli.compute.horizon import Curve
from nbscdr_cli.compute.sample_statistics import Frame
from nbscdr_cli.model.enums import Distribution
from nbscdr_cli.model.monte_carlo import MonteCarlo

LOGNORMAL_TAIL_Z = 8.5  # histogram support for lognormals: up to the 1 - 1e-17 quantile
UNIFORM_BITS = 32  # bits per independent uniform draw: two draws per 64-bit output


class Term(NamedTuple):
    """An entry whose weight in some totals depends on its saturation time."""

    entry: int
    column: int  # its position among the drawn columns, or -1 if its rate is fixed
    base: float  # rate = base + scale·draw
    scale: float
    fixed: float  # the rate where it does not vary (column -1)
    years: tuple[float, float]  # the range its saturation time is drawn from
    totals: tuple[tuple[int, Any, Any, float, float], ...]  # (total, knots, values, mean term, 1/width)


class Plan(NamedTuple):
    """What a block draws and how each total is made of it."""

    dist: Distribution
    columns: Any  # indices of the entries drawn, in order
    coef: Any  # (totals, columns): each draw's weight in each normalised total
    const: Any  # (totals,): minus each normalised total's exact mean, in draws
    frames: tuple[Frame, ...]
    rho: float  # normal correlation of the Gaussian copula; 0 independent, 1 comonotonic
    copula: bool  # draw normals (lognormal, or 0 < correlation < 1)
    width: Any  # per column: high − low
    peak: Any  # mode − low
    shape_a: Any  # PERT shapes
    shape_b: Any
    mu: Any  # lognormal parameters
    sigma: Any
    terms: tuple[Term, ...] = ()  # entries with a saturation range
    bits: bool = False  # independent uniforms drawn as 32-bit integers (coef scaled to match)


def make_plan(m: Marginals, settings: MonteCarlo, views: Mapping[str, Sequence[float | Curve]]) -> Plan:
    dist = settings.distribution
    curves = {
        (t, i): w for t, ws in enumerate(views.values()) for i, w in enumerate(ws) if isinstance(w, Curve)
    }
    # (totals, entries); a Curve's term is handled on its own (see Term)
    weights = np.asarray([[0.0 if isinstance(w, Curve) else float(w) for w in ws] for ws in views.values()])
    width = m.width
    mu, sigma = lognormal_parameters(m) if dist is Distribution.lognormal else (width * 0, width * 0)
    if dist is Distribution.lognormal:
        top = np.exp(mu + LOGNORMAL_TAIL_Z * sigma)
        lows, highs = np.zeros_like(m.low), np.where(width > 0, top, m.low)
    else:
        lows, highs = m.low, m.high
    entry_means = np.asarray(means(m, dist))
    frames = []
    term_means: dict[tuple[int, int], float] = {}
    for t, w in enumerate(weights):
        ends = np.stack([w * lows, w * highs])
        deviations = np.stack([w * (lows - entry_means), w * (highs - entry_means)])
        term_widths = list(np.abs(w) * (highs - lows))
        mean_parts, low_parts, high_parts = (
            list(w * entry_means),
            list(ends.min(axis=0)),
            list(ends.max(axis=0)),
        )
        z_parts = list(deviations.min(axis=0))
        for (ct, i), curve in curves.items():
            if ct != t:
                continue
            products = [a * b for a in (curve.least, curve.most) for b in (lows[i], highs[i])]
            mean_term = term_means[t, i] = curve.mean * entry_means[i]
            mean_parts.append(mean_term)
            low_parts.append(min(products))
            high_parts.append(max(products))
            term_widths.append(max(products) - min(products))
            z_parts.append(min(products) - mean_term)
        spread = math.fsum(term_widths)
        fixed = not spread > 0
        frames.append(
            Frame(
                mean=math.fsum(mean_parts),
                width=1.0 if fixed else spread,
                low=math.fsum(low_parts),
                high=math.fsum(high_parts),
                z_low=0.0 if fixed else math.fsum(z_parts) / spread,
                fixed=fixed,
            )
        )
    random_entries = sorted({i for _, i in curves})
    drawn = (width > 0) & (np.any(weights != 0, axis=0) | np.isin(np.arange(width.size), random_entries))
    columns = np.flatnonzero(drawn)
    # A draw g per column: u in [0, 1) (uniform), the beta variable (PERT), rate − low
    # (triangular) or the rate (lognormal); its mean and its scale in rate units:
    a, b = pert_shapes(m)
    bits = dist is Distribution.uniform and settings.correlation == 0 and not curves
    if bits:  # the draw is the integer k, uniform on 0 .. 2^32 − 1 (scaled below): u = (k + ½)/2^32
        draw_mean, scale = np.full(width.shape, (2.0**UNIFORM_BITS - 1) / 2), width
    elif dist is Distribution.uniform:
        draw_mean, scale = np.full(width.shape, 0.5), width
    elif dist is Distribution.pert:
        draw_mean, scale = a / (a + b), width
    else:
        draw_mean, scale = mean_offsets(m, dist), np.ones_like(width)
    spans = np.asarray([f.width for f in frames])[:, None]
    coef = (weights * scale)[:, columns] / spans
    if bits:  # after the division, which keeps subnormal widths from vanishing
        coef = coef / 2.0**UNIFORM_BITS
    const = -(coef * draw_mean[columns]).sum(axis=1)
    r = settings.correlation
    rho = 1.0 if r == 1 else 2 * math.sin(math.pi * r / 6)
    base = np.zeros_like(width) if dist is Distribution.lognormal else m.low
    terms = []
    for i in random_entries:
        per_total = []
        first: Curve | None = None
        for t in range(len(frames)):
            got = curves.get((t, i))
            if got is None or frames[t].fixed:
                continue
            first = first or got
            knots, values = np.asarray(got.knots), np.asarray(got.values)
            per_total.append((t, knots, values, term_means[t, i], 1 / frames[t].width))
        if first is None:
            continue
        where = np.flatnonzero(columns == i)
        terms.append(
            Term(
                entry=i,
                column=int(where[0]) if where.size else -1,
                base=float(base[i]),
                scale=float(scale[i]),
                fixed=float(m.low[i]),
                years=(first.low, first.high),
                totals=tuple(per_total),
            )
        )
    return Plan(
        dist,
        columns,
        coef,
        const,
        tuple(frames),
        rho,
        dist is Distribution.lognormal or 0 < r < 1,
        width[columns],
        (m.mode - m.low)[columns],
        a[columns],
        b[columns],
        mu[columns],
        sigma[columns],
        tuple(terms),
        bits,
    )
