"""The convolution method against closed forms and against a large Monte Carlo."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from nbscdr_cli.compute.uncertainty import simulate
from nbscdr_cli.model.enums import Distribution, Method
from nbscdr_cli.model.errors import UsageError
from nbscdr_cli.model.monte_carlo import MonteCarlo

EXTREMES = (0.001, 0.1, 1.0, 5.0, 25.0, 50.0, 75.0, 95.0, 99.0, 99.9, 99.999)
ACCURACY = 1e-4  # of the total's range: the promise


def convolution(**kwargs: object) -> MonteCarlo:
    return MonteCarlo(method="convolution", percentiles=(*EXTREMES, 5.0, 25.0, 75.0), **kwargs)  # type: ignore[arg-type]


def invert(cdf, p: float, low: float, high: float) -> float:  # type: ignore[no-untyped-def]
    """x with cdf(x) = p, by bisection (cdf exact, monotone)."""
    for _ in range(60):
        mid = (low + high) / 2
        if cdf(mid) < p:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def irwin_hall_cdf(n: int, x: float) -> float:
    """P(U1 + ... + Un <= x) for independent U(0, 1), in exact rational arithmetic."""
    xf = Fraction(x)
    total = sum((-1) ** k * math.comb(n, k) * (xf - k) ** n for k in range(n + 1) if xf > k) / math.factorial(
        n
    )
    return float(total)


@pytest.mark.parametrize("n", [1, 2, 3, 6, 12, 30])
def test_equal_uniforms_follow_irwin_hall(n: int) -> None:
    sim = simulate([0.0] * n, [1.0] * n, convolution(), thresholds={"annual": {"a": n / 3, "b": n * 0.9}})
    total = sim.totals["annual"]
    assert (sim.method, sim.samples, sim.seed, sim.percentile_method) == (
        Method.convolution,
        None,
        None,
        "grid",
    )
    assert total.mean == n / 2
    assert total.std == pytest.approx(math.sqrt(n / 12), rel=1e-15)
    for p, value in total.percentiles.items():
        exact = invert(lambda x: irwin_hall_cdf(n, x), p / 100, 0.0, float(n))
        assert abs(value - exact) <= ACCURACY * n, (p, value, exact)
    for key, t in (("a", n / 3), ("b", n * 0.9)):
        assert total.probability[key] == pytest.approx(1 - irwin_hall_cdf(n, t), abs=1e-5)


def trapezoid_quantile(a: tuple[float, float], b: tuple[float, float], p: float) -> float:
    """The p-quantile of U(a) + U(b): ramps of width min(w) at both ends, flat between."""
    (a0, a1), (b0, b1) = a, b
    low, small, big = a0 + b0, min(a1 - a0, b1 - b0), max(a1 - a0, b1 - b0)
    ramp = small / (2 * big)  # probability under each ramp
    if p <= ramp:
        return low + math.sqrt(2 * p * small * big)
    if p >= 1 - ramp:
        return low + small + big - math.sqrt(2 * (1 - p) * small * big)
    return low + small / 2 + p * big


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((3.0, 18.0), (1.8, 4.8)),  # afforestation + biochar
        ((0.0, 1.0), (0.0, 1.0)),  # a triangle
        ((0.0, 1000.0), (5.0, 5.001)),  # widths a million apart
        ((1e9, 1e9 + 15), (0.0, 2.0)),  # far from zero
    ],
)
def test_two_uniforms_give_the_trapezoid(a: tuple[float, float], b: tuple[float, float]) -> None:
    total = simulate([a[0], b[0]], [a[1], b[1]], convolution()).totals["annual"]
    span = a[1] - a[0] + b[1] - b[0]
    for p, value in total.percentiles.items():
        assert abs(value - trapezoid_quantile(a, b, p / 100)) <= ACCURACY * span, p


@pytest.mark.parametrize(
    ("distribution", "law"),
    [
        (Distribution.triangular, stats.triang(c=0.25, loc=2, scale=8)),
        (Distribution.pert, stats.beta(2, 4, loc=2, scale=8)),
    ],
)
def test_one_entry_has_its_own_quantiles(distribution: Distribution, law) -> None:  # type: ignore[no-untyped-def]
    sim = simulate([2.0], [10.0], convolution(distribution=distribution), modes=[4.0])
    for p, value in sim.totals["annual"].percentiles.items():
        assert abs(value - law.ppf(p / 100)) <= ACCURACY * 8, p
    assert sim.marginals[0][50.0] == pytest.approx(law.ppf(0.5), rel=1e-12)
    assert sim.totals["annual"].mean == pytest.approx(law.mean(), rel=1e-14)
    assert sim.totals["annual"].std == pytest.approx(law.std(), rel=1e-12)


# Mixed widths, modes at either end and inside, an "up to" entry (low 0) and a fixed one.
LOWS = [3.0, 1.8, 0.5, 0.0, 1.0, 2.0]
HIGHS = [18.0, 4.8, 1.0, 19.0, 11.0, 2.0]
MODES: list[float | None] = [3.0, None, 1.0, 4.0, 10.0, None]


@pytest.mark.parametrize("distribution", [Distribution.uniform, Distribution.triangular, Distribution.pert])
def test_mixed_portfolio_agrees_with_a_large_monte_carlo(distribution: Distribution) -> None:
    n = 10**7
    percentiles = (1.0, 5.0, 25.0, 50.0, 75.0, 95.0, 99.0)
    thresholds = {"annual": {"t": 30.0}}
    exact = simulate(
        LOWS,
        HIGHS,
        MonteCarlo(method="convolution", distribution=distribution, percentiles=percentiles),
        modes=MODES,
        thresholds=thresholds,
    ).totals["annual"]
    sampled = simulate(
        LOWS,
        HIGHS,
        MonteCarlo(n, seed=2024, distribution=distribution, percentiles=percentiles),
        modes=MODES,
        thresholds=thresholds,
    ).totals["annual"]
    assert abs(exact.mean - sampled.mean) < 5 * exact.std / math.sqrt(n)
    assert exact.std == pytest.approx(sampled.std, rel=1e-3)
    span = sum(HIGHS) - sum(LOWS)
    for p in percentiles:
        # a percentile's sampling error: sqrt(p(1-p)/n) over the density there,
        # the density read off the exact distribution
        x, dx = exact.percentiles[p], span * 1e-3
        u = p / 100
        lower = (
            simulate(
                LOWS,
                HIGHS,
                MonteCarlo(method="convolution", distribution=distribution, percentiles=(p,)),
                modes=MODES,
                thresholds={"annual": {"x": x - dx, "y": x + dx}},
            )
            .totals["annual"]
            .probability
        )
        density = (lower["x"] - lower["y"]) / (2 * dx)
        error = math.sqrt(u * (1 - u) / n) / density
        assert abs(exact.percentiles[p] - sampled.percentiles[p]) < 5 * error + ACCURACY * span, p
    t = exact.probability["t"]
    assert abs(t - sampled.probability["t"]) < 5 * math.sqrt(t * (1 - t) / n) + 1e-5


def test_fixed_entries_are_constants() -> None:
    sim = simulate([2.0, 1.0], [2.0, 1.0], convolution(), thresholds={"annual": {"at": 3.0, "above": 3.0001}})
    total = sim.totals["annual"]
    assert set(total.percentiles.values()) == {3.0}
    assert (total.mean, total.std) == (3.0, 0.0)
    assert total.probability == {"at": 1.0, "above": 0.0}
    shifted = simulate([2.0, 0.0], [2.0, 1.0], convolution()).totals["annual"]
    for p, value in shifted.percentiles.items():
        assert value == pytest.approx(2 + p / 100, abs=1e-6)


def test_reach_is_certain_at_the_low_end_and_nil_beyond_the_high_end() -> None:
    total = simulate(
        [1.0, 2.0],
        [3.0, 5.0],
        convolution(),
        thresholds={"annual": {"low": 3.0, "high": 8.0, "beyond": 8.01}},
    ).totals["annual"]
    assert total.probability["low"] == 1.0
    assert total.probability["high"] == pytest.approx(0.0, abs=1e-12)
    assert total.probability["beyond"] == 0.0


def test_weights_scale_and_mirror_the_entries() -> None:
    sim = simulate(
        [0.0, 1.0],
        [1.0, 4.0],
        convolution(),
        weights={"annual": [1, 1], "twenty": [20, 20], "mirror": [-1, -1]},
    )
    annual, twenty, mirror = (sim.totals[k] for k in ("annual", "twenty", "mirror"))
    assert twenty.mean == 20 * annual.mean and twenty.std == pytest.approx(20 * annual.std, rel=1e-15)
    for p in EXTREMES:
        assert twenty.percentiles[p] == pytest.approx(20 * annual.percentiles[p], abs=20 * 4 * 1e-6)
    for p in (5.0, 25.0, 50.0, 75.0, 95.0):  # 100 − p exactly
        assert mirror.percentiles[p] == pytest.approx(-annual.percentiles[100 - p], abs=4 * 1e-6)


def test_a_thousand_entries_of_very_unequal_widths() -> None:
    rng = np.random.default_rng(1)
    widths = np.concatenate([[500.0], rng.random(999) * 0.01])
    total = simulate([0.0] * 1000, list(widths), convolution()).totals["annual"]
    # the wide entry dominates: the total is U(0, 500) smoothed by the others
    small_mean = float(widths[1:].sum()) / 2
    assert total.mean == pytest.approx(250 + small_mean, rel=1e-14)
    for p, value in total.percentiles.items():
        assert abs(value - (small_mean + 5 * p)) <= ACCURACY * widths.sum() + 0.02, p


def test_tiny_and_huge_magnitudes_give_no_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tiny = simulate([1.8e-320], [4.8e-320], convolution()).totals["annual"]
        huge = simulate([1e9, 3.0], [1e9, 18.0], convolution()).totals["annual"]
    assert 1.8e-320 <= tiny.percentiles[50.0] <= 4.8e-320
    assert huge.std == pytest.approx(15 / math.sqrt(12), rel=1e-14)
    assert huge.percentiles[50.0] == pytest.approx(1e9 + 10.5, abs=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"samples": 1000},
            "samples: convolution computes the distribution without sampling: give no samples",
        ),
        ({"seed": 1}, "seed: convolution draws no samples, so it takes no seed"),
        (
            {"correlation": 0.5},
            "correlation: 0.5 needs sampling: convolution is for independent entries (correlation 0)",
        ),
        (
            {"distribution": "lognormal"},
            "distribution: lognormal needs sampling: convolution works on the total's bounded range, "
            "and a lognormal has none",
        ),
        ({"method": "exact"}, "method: 'exact' is not one of monte-carlo, convolution"),
    ],
)
def test_what_convolution_refuses(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError) as err:
        MonteCarlo(**{"method": "convolution", **kwargs})  # type: ignore[arg-type]
    assert str(err.value) == message


def test_monte_carlo_needs_samples() -> None:
    with pytest.raises(UsageError) as err:
        MonteCarlo()
    assert str(err.value) == "samples: the Monte Carlo method needs a number of samples"
