"""The entries' distributions against scipy's (tests only: nbscdr computes these
itself, so that the convolution and independent sampling never import scipy)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special, stats

from nbscdr_cli.distributions import (
    Marginals,
    beta_cdf,
    beta_quantile,
    cell_masses,
    log_beta,
    means,
    pert_shapes,
    variances,
)
from nbscdr_cli.enums import Distribution

SHAPES = [(1.0, 5.0), (5.0, 1.0), (3.0, 3.0), (1.0000001, 4.9999999), (2.5, 3.5), (1.0, 1.0)]


@pytest.mark.parametrize(("a", "b"), SHAPES)
def test_beta_cdf_matches_scipy(a: float, b: float) -> None:
    x = np.concatenate([[0.0, 1e-12, 1e-6], np.linspace(0, 1, 2001), [1 - 1e-9, 1.0]])
    assert np.max(np.abs(beta_cdf(a, b, x) - special.betainc(a, b, x))) < 1e-13


@pytest.mark.parametrize(("a", "b"), SHAPES)
def test_beta_quantile_inverts_the_cdf(a: float, b: float) -> None:
    u = np.array([1e-7, 1e-3, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999])
    q = beta_quantile(a, b, u)
    assert np.allclose(q, special.betaincinv(a, b, u), rtol=1e-11, atol=1e-15)


def test_pert_means_and_variances_are_the_beta_distributions() -> None:
    m = Marginals(np.array([2.0, 0.0, 1e9]), np.array([10.0, 1.0, 1e9 + 15]), np.array([4.0, 1.0, 1e9 + 3]))
    a, b = pert_shapes(m)
    for j, (lo, hi) in enumerate(zip(m.low, m.high, strict=True)):
        law = stats.beta(a[j], b[j], loc=lo, scale=hi - lo)
        assert means(m, Distribution.pert)[j] == pytest.approx(law.mean(), rel=1e-15)
        assert variances(m, Distribution.pert)[j] == pytest.approx(law.var(), rel=1e-9)
        law = stats.triang(c=(m.mode[j] - lo) / (hi - lo), loc=lo, scale=hi - lo)
        assert means(m, Distribution.triangular)[j] == pytest.approx(law.mean(), rel=1e-15)
        assert variances(m, Distribution.triangular)[j] == pytest.approx(law.var(), rel=1e-9)


@pytest.mark.parametrize(
    ("distribution", "law"),
    [
        (Distribution.uniform, stats.uniform(loc=0, scale=8)),
        (Distribution.triangular, stats.triang(c=0.25, loc=0, scale=8)),
        (Distribution.pert, stats.beta(2, 4, loc=0, scale=8)),
    ],
)
def test_cell_masses_are_the_probabilities_of_the_cells(distribution: Distribution, law) -> None:  # type: ignore[no-untyped-def]
    edges = np.linspace(0, 8, 1001)
    one = np.ones(1000)
    a, b = 2 * one, 4 * one
    masses = cell_masses(distribution, edges[:-1], edges[1:], 8 * one, 2 * one, a, b, log_beta(a, b))
    assert np.max(np.abs(masses - np.diff(law.cdf(edges)))) < 1e-12
