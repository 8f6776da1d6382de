"""Monte Carlo against closed forms, with fixed seeds."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from nbscdr_cli.compute import sampling
from nbscdr_cli.compute.sampling import BLOCK_ROWS
from nbscdr_cli.compute.summary import Simulation, Summary
from nbscdr_cli.compute.uncertainty import simulate
from nbscdr_cli.model.enums import Distribution
from nbscdr_cli.model.errors import InputError, UsageError
from nbscdr_cli.model.monte_carlo import MonteCarlo, parse_percentiles, parse_samples

LOWS = [3.0, 1.8, 0.5, 0.0, 1.0, 0.0]  # the six techniques, open lows as 0
HIGHS = [18.0, 4.8, 1.0, 19.0, 11.0, 1.0]
N = 200_000


def annual(sim: Simulation) -> Summary:
    return sim.totals["annual"]


def test_uniform_mean_is_the_sum_of_midpoints() -> None:
    summary = annual(simulate(LOWS, HIGHS, MonteCarlo(N, seed=1)))
    expected = sum((lo + hi) / 2 for lo, hi in zip(LOWS, HIGHS, strict=True))  # 30.55
    sd = math.sqrt(sum((hi - lo) ** 2 / 12 for lo, hi in zip(LOWS, HIGHS, strict=True)))
    assert expected == pytest.approx(30.55)
    assert abs(summary.mean - expected) < 4 * sd / math.sqrt(N)
    assert summary.std == pytest.approx(sd, rel=0.01)


def test_comonotonic_total_is_exactly_low_plus_u_times_width() -> None:
    # Block b of the run draws from SeedSequence(seed).spawn()[b]; comonotonic
    # uniforms draw one U per row, so the totals can be rebuilt here exactly.
    seed = 7
    summary = annual(simulate(LOWS, HIGHS, MonteCarlo(N, seed=seed, correlation=1.0)))
    children = np.random.SeedSequence(seed).spawn(-(-N // BLOCK_ROWS))
    u = np.concatenate(
        [
            np.random.Generator(np.random.PCG64(child)).random(min(BLOCK_ROWS, N - b * BLOCK_ROWS))
            for b, child in enumerate(children)
        ]
    )
    totals = sum(LOWS) + u * (sum(HIGHS) - sum(LOWS))
    for p, value in summary.percentiles.items():
        assert value == pytest.approx(float(np.percentile(totals, p)), rel=1e-12)
    assert summary.mean == pytest.approx(float(totals.mean()), rel=1e-12)
    assert summary.std == pytest.approx(float(totals.std(ddof=1)), rel=1e-9)


SIGMA = math.log(4) / (2 * 1.6448536269514722)


@pytest.mark.parametrize(
    ("distribution", "law"),
    [
        (Distribution.uniform, stats.uniform(loc=2, scale=6)),
        (Distribution.triangular, stats.triang(c=0.5, loc=2, scale=6)),
        (Distribution.pert, stats.beta(3, 3, loc=2, scale=6)),
        (Distribution.lognormal, stats.lognorm(s=SIGMA, scale=4)),
    ],
)
@pytest.mark.parametrize("correlation", [0.0, 0.5])
def test_single_entry_percentiles_are_its_quantiles(
    distribution: Distribution, law, correlation: float
) -> None:  # type: ignore[no-untyped-def]
    settings = MonteCarlo(
        N,
        seed=3,
        distribution=distribution,
        correlation=correlation,
        percentiles=(5.0, 25.0, 50.0, 75.0, 95.0),
    )
    summary = annual(simulate([2.0], [8.0], settings))
    for p, value in summary.percentiles.items():
        q = law.ppf(p / 100)
        sampling_error = math.sqrt(p / 100 * (1 - p / 100) / N) / law.pdf(q)
        assert value == pytest.approx(q, abs=4 * sampling_error), (p, value)


def test_lognormal_puts_low_and_high_at_5th_and_95th_percentiles() -> None:
    summary = annual(simulate([2.0], [8.0], MonteCarlo(N, seed=5, distribution=Distribution.lognormal)))
    assert summary.percentiles[5.0] == pytest.approx(2.0, abs=0.03)
    assert summary.percentiles[95.0] == pytest.approx(8.0, abs=0.1)


def test_mode_moves_the_peak() -> None:
    settings = MonteCarlo(N, seed=2, distribution=Distribution.triangular)
    summary = annual(simulate([0.0], [1.0], settings, modes=[0.0]))
    # triangular(0, 0, 1): median 1 - sqrt(1/2)
    assert summary.percentiles[50.0] == pytest.approx(1 - math.sqrt(0.5), abs=0.005)


def test_fixed_value_when_low_equals_high() -> None:
    summary = annual(
        simulate([2.0, 1.0], [2.0, 1.0], MonteCarlo(1000, seed=1, distribution=Distribution.pert))
    )
    assert summary.percentiles == {5.0: 3.0, 50.0: 3.0, 95.0: 3.0}
    assert summary.std == 0.0


def test_correlation_sets_the_rank_correlation() -> None:
    # Two U(0,1) entries with rank (= Pearson, for uniforms) correlation R:
    # var(total) = 2/12 * (1 + R).
    for r in (0.0, 0.3, 0.8, 1.0):
        summary = annual(simulate([0.0, 0.0], [1.0, 1.0], MonteCarlo(N, seed=11, correlation=r)))
        assert summary.std**2 == pytest.approx(2 / 12 * (1 + r), rel=0.02), r


def test_probability_of_reaching_thresholds() -> None:
    sim = simulate(
        [0.0], [1.0], MonteCarlo(N, seed=4), thresholds={"annual": {"a": 0.25, "b": 0.9, "c": 2.0}}
    )
    probability = annual(sim).probability
    assert probability["a"] == pytest.approx(0.75, abs=0.005)
    assert probability["b"] == pytest.approx(0.1, abs=0.005)
    assert probability["c"] == 0.0


@pytest.mark.parametrize("distribution", list(Distribution))
@pytest.mark.parametrize("correlation", [0.0, 0.4, 1.0])
def test_same_seed_same_numbers_whatever_the_threads_and_batches(
    distribution: Distribution, correlation: float
) -> None:
    lows = [3.0, 0.5, 1.0] if distribution is Distribution.lognormal else LOWS[1:4]
    highs = HIGHS[1:4]
    rows = 2 * BLOCK_ROWS + 123  # three blocks, the last one short
    settings = MonteCarlo(rows, seed=99, distribution=distribution, correlation=correlation)
    sims = [
        simulate(lows, highs, settings, workers=workers, batch_blocks=batch)
        for workers, batch in ((1, None), (2, 1), (2, 2), (3, 1))
    ]
    assert all(sim.totals == sims[0].totals for sim in sims)  # bit for bit: means, std, percentiles
    other = MonteCarlo(rows, seed=100, distribution=distribution, correlation=correlation)
    assert annual(simulate(lows, highs, other)).percentiles != annual(sims[0]).percentiles


def test_histogram_runs_are_the_same_whatever_the_threads_and_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 1000)
    monkeypatch.setattr(sampling, "INDEX_ROWS", 2 * BLOCK_ROWS)  # several bincounts per thread
    settings = MonteCarlo(7 * BLOCK_ROWS + 5, seed=5)
    views = {"annual": [1.0] * 6, "twice": [2.0] * 6}
    sims = [
        simulate(LOWS, HIGHS, settings, weights=views, workers=workers, batch_blocks=batch)
        for workers, batch in ((1, None), (2, 1), (2, 3))
    ]
    assert sims[0].percentile_method == "histogram"
    assert all(sim.totals == sims[0].totals for sim in sims)


def test_histogram_method_agrees_with_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = MonteCarlo(300_000, seed=8, percentiles=(1.0, 5.0, 50.0, 95.0, 99.0))
    exact = simulate(LOWS, HIGHS, settings, thresholds={"annual": {"t": 30.0}})
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 1000)
    approx = simulate(LOWS, HIGHS, settings, thresholds={"annual": {"t": 30.0}})
    assert exact.exact and not approx.exact
    # Off by at most a bin (~5e-5 here) plus the gap between neighbouring samples
    # in the tails; both far below the sampling error (~0.05 at this N).
    for p, value in annual(exact).percentiles.items():
        assert annual(approx).percentiles[p] == pytest.approx(value, abs=2e-3)
    assert annual(approx).probability["t"] == pytest.approx(annual(exact).probability["t"], abs=1e-4)
    assert annual(approx).mean == annual(exact).mean  # moments do not depend on the method
    assert annual(approx).std == annual(exact).std


def test_weighted_views_share_the_draws() -> None:
    sim = simulate(
        [1.0, 2.0], [3.0, 4.0], MonteCarlo(10_000, seed=1), weights={"annual": [1, 1], "twice": [2, 2]}
    )
    assert sim.totals["twice"].mean == pytest.approx(2 * sim.totals["annual"].mean, rel=1e-12)
    for p in (5.0, 50.0, 95.0):
        assert sim.totals["twice"].percentiles[p] == pytest.approx(
            2 * sim.totals["annual"].percentiles[p], rel=1e-12
        )


def test_seed_is_chosen_and_reported_when_not_given() -> None:
    sim = simulate([0.0], [1.0], MonteCarlo(100))
    again = simulate([0.0], [1.0], MonteCarlo(100, seed=sim.seed))
    assert annual(sim).percentiles == annual(again).percentiles


@pytest.mark.parametrize(
    ("text", "value"), [("1e6", 1_000_000), ("1000", 1000), ("1_000", 1000), ("10000000000", 10**10)]
)
def test_parse_samples(text: str, value: int) -> None:
    assert parse_samples(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0", "samples: 0 is outside 1–1e+10"),
        ("-5", "samples: -5 is outside 1–1e+10"),
        ("2e10", "samples: 2e10 is outside 1–1e+10"),
        ("1.5", "samples: '1.5' is not a whole number"),
        ("many", "samples: 'many' is not a number"),
        ("nan", "samples: 'nan' is not a whole number"),
    ],
)
def test_bad_samples(text: str, message: str) -> None:
    with pytest.raises(UsageError) as err:
        parse_samples(text)
    assert str(err.value) == message


def test_percentiles_option() -> None:
    assert parse_percentiles("10,90") == (5.0, 10.0, 50.0, 90.0, 95.0)
    with pytest.raises(UsageError, match=r"percentiles: 0 is outside \(0, 100\)"):
        parse_percentiles("0")
    with pytest.raises(UsageError, match="percentiles: 'x' is not a number"):
        parse_percentiles("x")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"correlation": 1.5}, "correlation: 1.5 is outside 0–1"),
        ({"correlation": -0.1}, "correlation: -0.1 is outside 0–1"),
        ({"seed": -1}, "seed: -1 is outside 0–9223372036854775807"),
    ],
)
def test_bad_settings(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(UsageError) as err:
        MonteCarlo(10, **kwargs)  # type: ignore[arg-type]
    assert str(err.value) == message


def test_lognormal_refuses_open_lows() -> None:
    with pytest.raises(InputError) as err:
        simulate(
            [1.0, 0.0],
            [2.0, 3.0],
            MonteCarlo(10, distribution=Distribution.lognormal),
            names=["a", "macroalgae"],
        )
    assert str(err.value).startswith(
        "distribution: lognormal needs a positive low for every entry; macroalgae has none"
    )
