from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbscdr_cli.compute.portfolio import SLIVER, Relation, build_portfolio, relate, sum_portfolio
from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.model.catalog import RemovalRange
from nbscdr_cli.model.errors import InputError
from nbscdr_cli.model.spec import parse_specs

ALL_SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]


def total(specs: list[str], refs: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    catalog = load_catalog()
    portfolio = build_portfolio(catalog, parse_specs(specs))
    return sum_portfolio(portfolio, [catalog.references[r] for r in refs], catalog.overlaps)


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
    assert (unep.compared.low, unep.compared.high) == (4.0, 30.0)
    assert unep.out_of_scope_ids == ("biochar", "building-with-biomass", "macroalgae")
    assert unep.relation == Relation("contains", 0.0, 18.0, 8.0)  # 4–30 takes in all of 4–12


def test_a_reference_with_no_scope_covers_every_entry() -> None:
    (state,) = total(["afforestation", "biochar", "soil-carbon"], ("state-of-cdr-2050",)).comparisons
    assert state.in_scope_ids == ("afforestation", "biochar", "soil-carbon")
    assert state.out_of_scope_ids == ()
    assert (state.compared.low, state.compared.high) == (5.8, 33.8)
    assert state.relation == Relation("contains", 5.8 - 7, 33.8 - 9, 2.0)


def test_a_cumulative_reference_needs_a_period() -> None:
    result = total(["afforestation"], ("unep", "sr15-cdr"))
    assert [c.reference.id for c in result.comparisons] == ["unep"]
    assert [r.id for r in result.needs_period] == ["sr15-cdr"]


@pytest.mark.parametrize(
    ("ours", "theirs", "relation"),
    [
        ((1.8, 4.8), (4.0, 12.0), ("overlapping", -2.2, -7.2, 0.8)),
        ((0.5, 1.0), (4.0, 12.0), ("below", -3.5, -11.0, 0.0)),
        ((20.0, 30.0), (4.0, 12.0), ("above", 16.0, 18.0, 0.0)),
        ((4.0, 12.0), (4.0, 12.0), ("within", 0.0, 0.0, 8.0)),  # equal ranges: within, ends included
        ((5.0, 9.0), (4.0, 12.0), ("within", 1.0, -3.0, 4.0)),
        ((None, 19.0), (4.0, 12.0), ("contains", -4.0, 7.0, 8.0)),
        # AR6's economic portfolio against AR6's AFOLU mitigation: they share 0.1 of a
        # narrower width of 6, less than a tenth: they touch, at the portfolio's high end
        ((1.7, 8.1), (8.0, 14.0), ("touches", -6.3, -5.9, 0.1)),
        ((13.5, 20.0), (8.0, 14.0), ("touches", 5.5, 6.0, 0.5)),  # 0.5 < 0.6: at its low end
        ((13.0, 20.0), (8.0, 14.0), ("overlapping", 5.0, 6.0, 1.0)),  # 1 >= 0.6: a real overlap
        ((3.0, 4.0), (4.0, 12.0), ("touches", -1.0, -8.0, 0.0)),  # meeting at one point
        ((4.0, 4.0), (4.0, 12.0), ("within", 0.0, -8.0, 0.0)),  # a single value at the end
    ],
)
def test_ranges_are_related_end_by_end(
    ours: tuple[float | None, float], theirs: tuple[float, float], relation: tuple[str, float, float, float]
) -> None:
    found = relate(RemovalRange(*ours), RemovalRange(*theirs))
    assert found.position == relation[0]
    assert found.low_difference == pytest.approx(relation[1])
    assert found.high_difference == pytest.approx(relation[2])
    assert found.overlap == pytest.approx(relation[3])


def test_ranges_that_touch_say_at_which_end() -> None:
    assert relate(RemovalRange(1.7, 8.1), RemovalRange(8.0, 14.0)).meets_at == "high"
    assert relate(RemovalRange(13.5, 20.0), RemovalRange(8.0, 14.0)).meets_at == "low"
    assert relate(RemovalRange(1.8, 4.8), RemovalRange(4.0, 12.0)).meets_at is None


# Figures are 0 or at least a micro-unit: below that, scaling by 1e-9 underflows
# to subnormals and to 0 (IEEE 754), and order is lost in the arithmetic, not in relate.
FIGURE = st.one_of(st.just(0.0), st.floats(1e-6, 1e6))


@given(FIGURE, FIGURE, FIGURE, FIGURE, st.floats(1e-9, 1e9))
def test_a_relation_never_runs_backwards(a: float, b: float, c: float, d: float, factor: float) -> None:
    """Each position agrees with the ends and the shared width as its definition
    says, and none depends on the unit (any positive factor), except where the
    shared width is within rounding of a tenth of the narrower range."""
    ours = RemovalRange(min(a, b), max(a, b))
    theirs = RemovalRange(min(c, d), max(c, d))
    plain = relate(ours, theirs)
    narrower = min(ours.high - ours.lower, theirs.high - theirs.lower)
    low, high, shared = plain.low_difference, plain.high_difference, plain.overlap
    assert plain.position in ("below", "touches", "within", "contains", "overlapping", "above")
    assert shared >= 0
    if plain.position == "below":
        assert low < 0 and high < 0 and shared == 0
    if plain.position == "above":
        assert low > 0 and high > 0 and shared == 0
    if plain.position == "touches":
        assert shared < SLIVER * narrower and plain.meets_at in ("high", "low")
    if plain.position == "within":
        assert low >= 0 and high <= 0
    if plain.position == "contains":
        assert low <= 0 and high >= 0
    if plain.position == "overlapping":
        assert shared >= SLIVER * narrower and low * high > 0
    if abs(shared - SLIVER * narrower) > 1e-9 * max(ours.high, theirs.high, 1e-300):
        scaled = relate(
            RemovalRange(ours.lower * factor, ours.high * factor),
            RemovalRange(theirs.lower * factor, theirs.high * factor),
        )
        assert scaled.position == plain.position


def test_double_counting_comes_from_the_data() -> None:
    pairs = [o.techniques for o in total(ALL_SIX).overlaps]
    assert pairs == [
        ("wetlands", "afforestation"),
        ("biochar", "soil-carbon"),
        ("biochar", "building-with-biomass"),
        ("afforestation", "building-with-biomass"),
    ]
    assert all(o.source.startswith("C2G 2019") for o in total(ALL_SIX).overlaps)
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
