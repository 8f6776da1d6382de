"""Horizon arithmetic against closed forms."""

from __future__ import annotations

import math

import pytest

from nbscdr_cli.api.request import Request, analyse
from nbscdr_cli.compute.portfolio import Relation
from nbscdr_cli.model.errors import UsageError
from nbscdr_cli.model.horizon_settings import HorizonSettings, Setting, check_settings, parse_setting
from nbscdr_cli.model.monte_carlo import MonteCarlo


def run(specs: list[str], horizon: HorizonSettings, mc: MonteCarlo | None = None):  # type: ignore[no-untyped-def]
    return analyse(Request(specs, horizon=horizon, monte_carlo=mc))


def test_no_ramp_no_saturation_is_rate_times_years() -> None:
    h = run(["afforestation", "biochar"], HorizonSettings(2030, 2050)).horizon
    assert h.settings.years == 20
    assert (h.cumulative.low, h.cumulative.high) == (4.8 * 20, 22.8 * 20)
    assert (h.durable.low, h.durable.high) == (4.8 * 20, 22.8 * 20)
    assert [p["year"] for p in h.path] == list(range(2030, 2050))


def test_soil_carbon_stops_adding_after_20_years_by_default() -> None:
    h = run(["soil-carbon"], HorizonSettings(2030, 2060)).horizon
    assert (h.cumulative.low, h.cumulative.high) == (20.0, 220.0)
    assert h.entries[0].parameters.saturation_from == "data"
    assert h.path[19]["removal_high"] == 11.0 and h.path[20]["removal_high"] == 0.0


def test_user_saturation_overrides_the_data() -> None:
    h = run(
        ["soil-carbon", "afforestation"],
        HorizonSettings(2030, 2060, saturation_years=Setting(per_technique={"soil-carbon": 10.0})),
    ).horizon
    assert h.entries[0].cumulative.high == 110.0
    assert h.entries[1].cumulative.high == 18.0 * 30


def test_linear_ramp_sum() -> None:
    # ramp of 5 years: 1/5, 2/5, ..., 5/5 of the rate, then full: 3 + 15 = 18 rate-years in 20
    h = run(["afforestation"], HorizonSettings(2030, 2050, ramp_years=Setting(5.0))).horizon
    assert h.cumulative.high == pytest.approx(18.0 * 18)
    assert h.cumulative.low == pytest.approx(3.0 * 18)
    assert [round(p["removal_high"], 12) for p in h.path[:6]] == [3.6, 7.2, 10.8, 14.4, 18.0, 18.0]


def test_reversal_decay() -> None:
    rho, n = 0.02, 40
    h = run(["biochar"], HorizonSettings(2030, 2030 + n, reversal_rate=Setting(rho))).horizon
    expected = (1 - (1 - rho) ** n) / rho
    assert h.durable.high == pytest.approx(4.8 * expected, rel=1e-12)
    assert h.durable.low == pytest.approx(1.8 * expected, rel=1e-12)
    assert h.cumulative.high == pytest.approx(4.8 * n)


def test_cumulative_references_are_compared_when_asked_for() -> None:
    h = analyse(
        Request(["afforestation"], horizon=HorizonSettings(2030, 2050), references=["sr15-cdr"])
    ).horizon
    (c,) = h.comparisons
    assert c.reference.id == "sr15-cdr"
    assert (c.cumulative.low, c.cumulative.high) == (60.0, 360.0)
    assert c.relation == Relation("overlapping", 60 - 100, 360 - 1000, 360 - 100)
    assert c.in_scope_ids == ("afforestation",)


def test_a_cumulative_reference_over_other_years_is_not_compared_by_default() -> None:
    """SR1.5's CDR is over the 21st century: a default reference, but never set
    beside a total over 2030–2049 unless asked for."""
    a = run(["afforestation"], HorizonSettings(2030, 2050))
    assert a.horizon.comparisons == ()
    assert [c.reference.id for c in a.result.comparisons] == ["unep"]


def test_monte_carlo_is_consistent_with_the_horizon() -> None:
    # comonotonic uniform, one entry: cumulative = annual * rate-years exactly
    a = run(["soil-carbon"], HorizonSettings(2030, 2060), MonteCarlo(50_000, seed=1, correlation=1.0))
    sim = a.simulation
    for p in (5.0, 50.0, 95.0):
        assert sim.totals["cumulative"].percentiles[p] == pytest.approx(
            20 * sim.totals["annual"].percentiles[p], rel=1e-12
        )
    b = run(
        ["afforestation", "soil-carbon"],
        HorizonSettings(2030, 2050, reversal_rate=Setting(0.01)),
        MonteCarlo(200_000, seed=2),
    )
    mid = (b.horizon.durable.low + b.horizon.durable.high) / 2
    assert b.simulation.totals["durable"].mean == pytest.approx(mid, rel=0.005)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (HorizonSettings(2050, 2030), "horizon.end: 2030 is not after the start year 2050"),
        (HorizonSettings(2030, 2030), "horizon.end: 2030 is not after the start year 2030"),
        (HorizonSettings(1000, 2030), "horizon.start: 1000 is outside 1900–2500"),
        (HorizonSettings(2030, 99999), "horizon.end: 99999 is outside 1900–2500"),
        (
            HorizonSettings(2030, 2050, ramp_years=Setting(-1.0)),
            "horizon.ramp_years: -1 is not a number of years, 0 or more",
        ),
        (
            HorizonSettings(2030, 2050, saturation_years=Setting(-5.0)),
            "horizon.saturation_years: -5 is not a number of years, 1 or more",
        ),
        (
            HorizonSettings(2030, 2050, reversal_rate=Setting(1.0)),
            "horizon.reversal_rate: 1 is outside [0, 100%)",
        ),
        (
            HorizonSettings(2030, 2050, reversal_rate=Setting(math.nan)),
            "horizon.reversal_rate: nan is outside [0, 100%)",
        ),
    ],
)
def test_bad_horizons(settings: HorizonSettings, message: str) -> None:
    with pytest.raises(UsageError) as err:
        check_settings(settings)
    assert str(err.value) == message


def test_parse_setting() -> None:
    s = parse_setting(["1%", "soil=0.5%", "reforestation=0.02"], field="horizon.reversal_rate", percent=True)
    assert s.default == 0.01
    assert s.per_technique == {"soil": 0.005, "reforestation": 0.02}
    with pytest.raises(UsageError) as err:
        parse_setting(["5%"], field="horizon.ramp_years")
    assert str(err.value) == "horizon.ramp_years: '5%': give a number of years, not a percentage"
    with pytest.raises(UsageError) as err:
        parse_setting(["soon"], field="horizon.ramp_years")
    assert str(err.value) == "horizon.ramp_years: 'soon' is not a value such as 20, or TECH=20"


def test_per_technique_settings_resolve_against_the_portfolio() -> None:
    settings = HorizonSettings(2030, 2050, reversal_rate={"soil": 0.005, "reforestation": 0.02})
    h = run(["afforestation", "soil-carbon"], settings).horizon
    assert [e.parameters.reversal_rate for e in h.entries] == [0.02, 0.005]
    with pytest.raises(UsageError) as err:
        run(["afforestation"], HorizonSettings(2030, 2050, ramp_years={"biochar": 5}))
    assert (
        str(err.value) == "horizon.ramp_years: 'biochar' is not in the portfolio; its entries: afforestation"
    )


# A range of saturation times (SR1.5 4.3.7.3: soil sinks saturate "after 10–100 years")


def test_parse_setting_takes_a_range_of_years_only_where_allowed() -> None:
    assert parse_setting(["soil-carbon=10-100"], field="f", ranges=True) == Setting(
        None, {"soil-carbon": (10.0, 100.0)}
    )
    assert parse_setting(["10 – 100"], field="f", ranges=True) == Setting((10.0, 100.0))
    assert parse_setting(["20-20"], field="f", ranges=True) == Setting(20.0)
    for text, message in (
        ("10-100", "'10-100': give one number, not a range"),
        ("100-10", "'100-10': the low end is above the high end"),
    ):
        with pytest.raises(UsageError) as err:
            parse_setting([text], field="f", ranges=text == "100-10")
        assert err.value.message == message


def test_a_saturation_range_takes_the_short_time_with_the_low_rate() -> None:
    ranged = HorizonSettings(2030, 2080, saturation_years={"soil-carbon": (10.0, 100.0)})
    h = run(["soil-carbon"], ranged).horizon
    # low: 1 Gt CO2/yr for 10 years; high: 11 Gt CO2/yr for the whole 50-year period
    assert (h.cumulative.low, h.cumulative.high) == (10.0, 550.0)
    assert h.path[10]["removal_low"] == 0.0 and h.path[49]["removal_high"] == 11.0
    assert h.entries[0].parameters.saturation_years == (10.0, 100.0)


def test_a_saturation_range_is_refused_for_other_settings() -> None:
    with pytest.raises(UsageError) as err:
        check_settings(HorizonSettings(2030, 2080, ramp_years={"soil-carbon": (1.0, 2.0)}))
    assert (err.value.field, err.value.message) == (
        "horizon.ramp_years",
        "(1.0, 2.0): give one number of years, not a range",
    )


@pytest.mark.parametrize("reversal", [0.0, 0.03])
def test_weight_curves_are_exact_between_whole_years(reversal: float) -> None:
    from nbscdr_cli.compute.horizon import EntryParameters, unit_paths, weight_curves

    params = EntryParameters(4.0, (10.3, 61.5), "user", reversal, "user")
    cumulative, durable = weight_curves(params, 50)
    for years in (10.3, 17.25, 33.5, 49.9, 50.0, 61.5):
        removal, stock = unit_paths(params.at_saturation(years), 50)
        assert cumulative.at(years) == pytest.approx(math.fsum(removal), rel=1e-12)
        assert durable.at(years) == pytest.approx(stock[-1], rel=1e-12)
    # no ramp, no reversal: E[min(S, 50)] for S uniform on 10.3–61.5, in closed form
    flat = weight_curves(EntryParameters(0.0, (10.3, 61.5), "user", 0.0, "user"), 50)[0]
    assert flat.mean == pytest.approx(((50**2 - 10.3**2) / 2 + 50 * (61.5 - 50)) / (61.5 - 10.3), rel=1e-12)


def test_monte_carlo_draws_the_saturation_time() -> None:
    # soil carbon fixed at 5 Gt CO2/yr, saturating after 10–100 years (uniform) over 50 years:
    # cumulative = 5·min(S, 50), mean 5·(1200 + 2500)/90, and P(cumulative >= 200) = P(S >= 40) = 60/90
    ranged = HorizonSettings(2030, 2080, saturation_years={"soil-carbon": (10.0, 100.0)})
    a = run(["soil-carbon=5"], ranged, MonteCarlo(200_000, seed=7))
    cumulative = a.simulation.totals["cumulative"]
    assert cumulative.mean == pytest.approx(5 * 3700 / 90, rel=5e-3)
    assert cumulative.percentiles[5.0] == pytest.approx(5 * (10 + 0.05 * 90), rel=5e-3)
    assert cumulative.percentiles[95.0] == 250.0  # S >= 50 two times in three: the whole period
    assert a.horizon.cumulative.low == 50.0 and a.horizon.cumulative.high == 250.0
    assert a.simulation.totals["annual"].std == 0.0  # the annual rate does not depend on S


def test_a_fixed_rate_with_a_saturation_range_under_every_distribution() -> None:
    # 5 Gt CO2/yr, saturating after 10–20 years over 20 years: cumulative 5·S, S uniform on 10–20
    ranged = HorizonSettings(2030, 2050, saturation_years={"soil-carbon": (10.0, 20.0)})
    for distribution in ("uniform", "pert", "lognormal"):
        mc = MonteCarlo(100_000, seed=2, distribution=distribution)  # type: ignore[arg-type]
        cumulative = run(["soil-carbon=5"], ranged, mc).simulation.totals["cumulative"]
        assert cumulative.mean == pytest.approx(75.0, rel=3e-3), distribution
        assert cumulative.percentiles[5.0] == pytest.approx(52.5, rel=3e-3), distribution


def test_a_range_of_one_value_is_that_value() -> None:
    one = run(["soil-carbon"], HorizonSettings(2030, 2060, saturation_years={"soil-carbon": (10.0, 10.0)}))
    assert one.horizon.entries[0].parameters.saturation_years == 10.0
    assert (one.horizon.cumulative.low, one.horizon.cumulative.high) == (10.0, 110.0)
