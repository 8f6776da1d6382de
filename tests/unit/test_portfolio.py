from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbscdr_cli.errors import InputError
from nbscdr_cli.load import load_catalog
from nbscdr_cli.portfolio import build_portfolio, sum_portfolio
from nbscdr_cli.spec import parse_specs

ALL_SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]


def total(specs: list[str], refs: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    catalog = load_catalog()
    portfolio = build_portfolio(catalog, parse_specs(specs))
    return sum_portfolio(portfolio, [catalog.references[r] for r in refs])


def test_all_six_sum_to_the_brief_range() -> None:
    result = total(ALL_SIX)
    assert (result.total.low, result.total.high) == (6.3, 54.8)
    assert result.open_low_ids == ("macroalgae", "wetlands")


def test_afforestation_and_biochar() -> None:
    result = total(["afforestation", "biochar"])
    assert (result.total.low, result.total.high) == (4.8, 22.8)


def test_shares_and_own_figures() -> None:
    result = total(["afforestation:50%", "biochar=500-800 Mt CO2/yr", "soil-carbon=2"])
    assert [(e.range.low, e.range.high) for e in result.portfolio.entries] == [
        (1.5, 9.0),
        (0.5, 0.8),
        (2.0, 2.0),
    ]
    assert (result.total.low, result.total.high) == (4.0, 11.8)


def test_comparison_with_unep_counts_its_scope_only() -> None:
    (unep,) = total(ALL_SIX, ("unep",)).comparisons
    assert unep.in_scope_ids == ("afforestation", "soil-carbon", "wetlands")
    assert (unep.in_scope.low, unep.in_scope.high) == (4.0, 30.0)
    assert unep.out_of_scope_ids == ("biochar", "building-with-biomass", "macroalgae")
    assert unep.ratio_low == pytest.approx(6.3 / 4)
    assert unep.ratio_high == pytest.approx(54.8 / 12)


def test_double_counting_pairs() -> None:
    assert total(ALL_SIX).overlaps == (
        ("afforestation", "building-with-biomass"),
        ("biochar", "building-with-biomass"),
    )
    assert total(["afforestation", "biochar"]).overlaps == ()


def test_a_technique_appears_once() -> None:
    with pytest.raises(InputError) as err:
        total(["afforestation", "reforestation:50%"])
    assert str(err.value) == (
        "spec 2 'reforestation:50%': technique 'afforestation' is already in the portfolio "
        "(spec 1 'afforestation'); give each technique once"
    )


@given(st.permutations(ALL_SIX))
def test_order_does_not_change_totals(order: list[str]) -> None:
    result = total(order)
    assert (result.total.low, result.total.high) == (6.3, 54.8)


@given(st.dictionaries(st.sampled_from(ALL_SIX), st.floats(min_value=0, max_value=1), min_size=1, max_size=6))
def test_shares_scale_linearly_and_low_never_exceeds_high(shares: dict[str, float]) -> None:
    catalog = load_catalog()
    result = total([f"{tid}:{share!r}" for tid, share in shares.items()])
    for entry in result.portfolio.entries:
        full = catalog.techniques[entry.technique.id].range
        assert entry.range.high == pytest.approx(full.high * shares[entry.technique.id], abs=1e-12)
        assert entry.range.lower == pytest.approx(full.lower * shares[entry.technique.id], abs=1e-12)
        assert entry.range.lower <= entry.range.high
    assert result.total.lower <= result.total.high
