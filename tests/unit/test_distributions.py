"""The entries' distributions against scipy's own (scipy.stats): nbscdr's closed
forms for means, variances and the convolution's cell masses."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from nbscdr_cli.compute.distributions import (
    Marginals,
    cell_masses,
    log_beta,
    means,
    pert_shapes,
    variances,
)
from nbscdr_cli.model.enums import Distribution

SHAPES = [(1.0, 5.0), (5.0, 1.0), (3.0, 3.0), (1.0000001, 4.9999999), (2.5, 3.5), (1.0, 1.0)]


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
