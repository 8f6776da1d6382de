"""The Monte Carlo engine: its random streams, stable moments, threads and stop."""

from __future__ import annotations

import itertools
import math
import threading
import warnings

import numpy as np
import pytest

from nbscdr_cli.compute import sampling
from nbscdr_cli.compute.sample_statistics import combine
from nbscdr_cli.compute.sampling import BLOCK_ROWS, block_generator
from nbscdr_cli.compute.summary import Simulation
from nbscdr_cli.compute.uncertainty import simulate
from nbscdr_cli.model.monte_carlo import MonteCarlo


def uniforms(seed: int, n: int) -> np.ndarray:
    """The draws of the one varying uniform entry of a run: block by block, each
    block from its own child of SeedSequence(seed), each PCG64 output giving two
    32-bit draws k (its low half, then its high half), u = (k + 1/2)/2^32."""
    children = np.random.SeedSequence(seed).spawn(-(-n // BLOCK_ROWS))
    draws = []
    for b, child in enumerate(children):
        rows = min(BLOCK_ROWS, n - b * BLOCK_ROWS)
        raw = [int(x) for x in np.random.PCG64(child).random_raw(-(-rows // 2))]
        halves = [h for x in raw for h in (x & 0xFFFFFFFF, x >> 32)][:rows]
        draws.append((np.asarray(halves, dtype=float) + 0.5) / 2**32)
    return np.concatenate(draws)


def test_uniform_draws_are_the_blocks_32_bit_halves() -> None:
    n = BLOCK_ROWS + 3  # two blocks, the second of three rows (an odd count: half an output unused)
    summary = simulate([0.0], [2.0**32], MonteCarlo(n, seed=5, percentiles=(50.0,))).totals["annual"]
    u = uniforms(5, n)
    assert summary.percentiles[50.0] == float(np.percentile(u * 2**32, 50))  # k + 1/2: exact
    assert summary.mean == pytest.approx(float(u.mean()) * 2**32, rel=1e-15)


def test_block_streams_are_the_seed_sequence_children() -> None:
    children = np.random.SeedSequence(42).spawn(3)
    for b, child in enumerate(children):
        expected = np.random.Generator(np.random.PCG64(child)).random(4)
        assert list(block_generator(42, b).random(4)) == list(expected)


@pytest.mark.parametrize(
    ("fixed", "low", "high"),
    [
        (1e9, 3.0, 18.0),  # biochar=1e9 with afforestation: E[x²] − E[x]² gave 0
        (1e6, 0.0, 1e-3),
        (-5.0, 0.0, 1e-3),
        (0.0, 1e12, 1e12 + 1.0),
    ],
)
def test_standard_deviation_is_stable_far_from_zero(fixed: float, low: float, high: float) -> None:
    n = 3 * BLOCK_ROWS + 7
    summary = simulate([fixed, low], [fixed, high], MonteCarlo(n, seed=11)).totals["annual"]
    u = uniforms(11, n)
    totals = fixed + (low + (high - low) * u)
    # numpy's two-pass std of the totals themselves (representable here to ~1e-7 of the spread)
    assert summary.std == pytest.approx(float(np.std(totals, ddof=1)), rel=1e-6)
    # and as accurate as the spread alone, which never meets the large offset
    assert summary.std == pytest.approx((high - low) * float(np.std(u, ddof=1)), rel=1e-11)
    if fixed == 1e9:  # what the naive formula made of it
        assert math.sqrt(max(0.0, float(np.mean(totals**2)) - float(np.mean(totals)) ** 2)) < 1


@pytest.mark.parametrize("scale", [1e-300, 1e-150, 1e150, 1e300])
def test_standard_deviation_neither_underflows_nor_overflows(scale: float) -> None:
    n = 2 * BLOCK_ROWS
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary = simulate([0.0], [scale], MonteCarlo(n, seed=3)).totals["annual"]
    assert summary.std == pytest.approx(scale * float(np.std(uniforms(3, n), ddof=1)), rel=1e-12)
    assert summary.mean == pytest.approx(scale * float(np.mean(uniforms(3, n))), rel=1e-12)


def test_chan_merge_matches_numpy_on_blocks_of_any_size() -> None:
    rng = np.random.default_rng(0)
    z = rng.normal(1e-3, 2.0, 10_001)
    cuts = [0, 1, 2, 500, 4096, 9000, 10_001]
    blocks = [(b - a, float(z[a:b].sum()), float(z[a:b] @ z[a:b])) for a, b in itertools.pairwise(cuts)]
    moments = combine(blocks)
    assert moments.samples == z.size
    assert moments.mean == pytest.approx(float(z.mean()), rel=1e-12)
    assert math.sqrt(moments.m2 / (z.size - 1)) == pytest.approx(float(np.std(z, ddof=1)), rel=1e-12)


@pytest.mark.parametrize("exact", [True, False])
def test_no_warning_at_extreme_magnitudes(monkeypatch: pytest.MonkeyPatch, exact: bool) -> None:
    if not exact:
        monkeypatch.setattr(sampling, "EXACT_LIMIT", 10)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for lows, highs in (([1.8e-320], [4.8e-320]), ([1e9, 3.0], [1e9, 18.0]), ([0.0], [1e300])):
            summary = simulate(lows, highs, MonteCarlo(1000, seed=1)).totals["annual"]
            assert all(lows[-1] <= v <= sum(highs) for v in summary.percentiles.values())
        # 1e300 + 18 − (1e300 + 3) is 0 in floats, but the spread is still there
        huge = simulate([1e300, 3.0], [1e300, 18.0], MonteCarlo(1000, seed=1)).totals["annual"]
    assert huge.std == pytest.approx(15 / math.sqrt(12), rel=0.1)
    assert set(huge.percentiles.values()) == {1e300}


def test_progress_counts_up_to_the_samples() -> None:
    seen: list[int] = []
    simulate([0.0], [1.0], MonteCarlo(5 * BLOCK_ROWS + 1, seed=1), progress=seen.append, batch_blocks=2)
    assert seen == sorted(seen) and seen[-1] == 5 * BLOCK_ROWS + 1


def test_a_failing_block_stops_every_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    real = sampling._draw

    def draw(rng, plan, rows, work):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread() and rng is not None:
            draw.calls += 1  # type: ignore[attr-defined]
            if draw.calls == 3:  # type: ignore[attr-defined]
                raise MemoryError("no room")
        return real(rng, plan, rows, work)

    draw.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(sampling, "_draw", draw)
    before = threading.active_count()
    with pytest.raises(MemoryError, match="no room"):
        simulate([0.0], [1.0], MonteCarlo(200 * BLOCK_ROWS, seed=1), workers=2, batch_blocks=1)
    assert threading.active_count() == before  # the pool is shut down, no block keeps drawing
    assert draw.calls < 20  # the others stopped at their next block


def test_saturation_ranges_do_not_depend_on_threads_or_the_histogram(monkeypatch: pytest.MonkeyPatch) -> None:
    from nbscdr_cli.compute.horizon import EntryParameters, weight_curves

    cumulative, durable = weight_curves(EntryParameters(0.0, (10.0, 100.0), "user", 0.02, "user"), 50)
    views = {"annual": [1.0, 1.0], "cumulative": [cumulative, 50.0], "durable": [durable, 50.0]}
    settings = MonteCarlo(3 * BLOCK_ROWS, seed=11)
    runs = [
        simulate([1.0, 3.0], [11.0, 18.0], settings, weights=views, workers=w, batch_blocks=b)
        for w, b in ((1, None), (2, 1))
    ]
    assert runs[0].totals == runs[1].totals
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 10)
    binned = simulate([1.0, 3.0], [11.0, 18.0], settings, weights=views).totals["cumulative"]
    exact = runs[0].totals["cumulative"]
    assert binned.mean == exact.mean and binned.std == exact.std
    width = exact.histogram[0][1] - exact.histogram[0][0]
    for p, value in exact.percentiles.items():
        assert binned.percentiles[p] == pytest.approx(value, abs=1e-4 * width)  # a few bins, between draws
    # the exact mean: E[rate]·E[w(S)] plus 50 years of the second entry's mean
    assert exact.mean == pytest.approx(6 * cumulative.mean + 50 * 10.5, rel=3e-3)


def test_a_subtotal_tested_against_thresholds_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # the in-scope subtotal of a reference: the same chances as a fully summarised total,
    # from exact counts of the draws, and nothing it does not need
    views = {"annual": [1.0, 1.0], "annual@unep": [1.0, 0.0]}
    thresholds = {"annual@unep": {"unep.low": 4.0, "unep.high": 12.0}}
    settings = MonteCarlo(2 * BLOCK_ROWS + 5, seed=3)

    def run(**only: list[str]) -> Simulation:
        return simulate([3.0, 1.8], [18.0, 4.8], settings, weights=views, thresholds=thresholds, **only)  # type: ignore[arg-type]

    full, tested = run(), run(probability_only=["annual@unep"])
    scoped = tested.totals["annual@unep"]
    assert scoped.probability == full.totals["annual@unep"].probability
    assert (scoped.mean, scoped.std) == (full.totals["annual@unep"].mean, full.totals["annual@unep"].std)
    assert scoped.percentiles == {} and tested.totals["annual"] == full.totals["annual"]
    monkeypatch.setattr(sampling, "EXACT_LIMIT", 10)
    binned = run(probability_only=["annual@unep"])
    assert binned.totals["annual@unep"].probability == scoped.probability  # counted, not read off a histogram
    assert scoped.probability["unep.high"] == pytest.approx(6 / 15, abs=4 / math.sqrt(settings.samples))


def test_a_constant_curve_in_a_fixed_total_keeps_the_uniform_draws_scaled() -> None:
    from nbscdr_cli.compute.horizon import EntryParameters, weight_curves

    constant, _ = weight_curves(
        EntryParameters(0.0, (10.0, 100.0), "user", 0.0, None), 5
    )  # 5 years whatever S
    sim = simulate(
        [5.0, 3.0],
        [5.0, 18.0],
        MonteCarlo(100_000, seed=1),
        weights={"annual": [1, 1], "cum": [constant, 0.0]},
    )
    assert sim.totals["annual"].mean == pytest.approx(15.5, rel=1e-3)
    assert sim.totals["cum"].mean == 25.0


def test_convolution_takes_numpy_weights() -> None:
    from nbscdr_cli.model.enums import Method

    sim = simulate(
        [1.0, 2.0], [3.0, 4.0], MonteCarlo(method=Method.convolution), weights={"w": np.array([1, 2])}
    )
    assert sim.totals["w"].mean == pytest.approx(2 + 2 * 3)
