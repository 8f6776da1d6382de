from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbscdr_cli.model.errors import InputError, UnitError
from nbscdr_cli.model.units import convert, parse_quantity, parse_unit, rate_factor


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("Gt CO2/yr", 1.0),
        ("GtCO2/yr", 1.0),
        ("Gt CO2e/yr", 1.0),
        ("Mt CO2/yr", 1e-3),
        ("Gt C/yr", 44 / 12),
        ("Mt C/yr", 44 / 12 * 1e-3),
        ("Pg C/yr", 44 / 12),
        ("Tg C/yr", 44 / 12 * 1e-3),
        ("t CO2/day", 365.25e-9),
        ("kt CO2/a", 1e-6),
        ("Gt CO2 yr-1", 1.0),
        ("Gt CO2 * yr**-1", 1.0),
        ("Gt CO2/year", 1.0),
    ],
)
def test_rate_factors(text: str, factor: float) -> None:
    assert rate_factor(text) == pytest.approx(factor, rel=1e-12)


def test_carbon_to_co2_is_44_over_12() -> None:
    value, source = parse_quantity("1 Gt C/yr")
    assert convert(value, source, parse_unit("Mt CO2/yr")) == pytest.approx(1000 * 44 / 12, rel=1e-12)


def test_mass_units_are_their_own_kind() -> None:
    unit = parse_unit("Mt C", kind="mass")
    assert unit.kind == "mass"
    assert unit.factor == pytest.approx(44 / 12 * 1e-3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("m", "unit 'm': 'm' is not a known unit; expected a mass of CO2 or C per time"),
        ("Gt", "unit 'Gt': has the wrong dimension"),
        ("Gt CO2", "unit 'Gt CO2' is an amount (no per-time); expected a mass of CO2 or C per time"),
        ("Gt CO2/yr**2", "has the wrong dimension"),
        ("10**10**10", "unit '10**10**10': only small integer exponents such as '**-1' are allowed"),
        ("yr**(10**10)", "only small integer exponents"),
        ("Gt CO2/yr**999", "only small integer exponents"),
        ("(((Gt CO2/yr)", "unit '(((Gt CO2/yr)' has unbalanced parentheses"),
        ("Gt CO2/yr)", "unbalanced parentheses"),
        ("x" * 10_000, "unit is 10000 characters long (at most 80)"),
        ("", "empty unit"),
        ("Gt CO2/yr; import os", "has the character ';'"),
        ("1e999 Gt CO2/yr", "not a finite, positive scale"),
        ("0 Gt CO2/yr", "not a finite, positive scale"),
    ],
)
def test_refused_units(text: str, message: str) -> None:
    with pytest.raises(UnitError) as err:
        parse_unit(text, kind="rate")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_quantity_needs_a_unit() -> None:
    with pytest.raises(InputError, match="is not a quantity"):
        parse_quantity("12")


def test_convert_refuses_mixed_kinds() -> None:
    with pytest.raises(UnitError, match="cannot convert"):
        convert(1.0, parse_unit("Gt CO2/yr"), parse_unit("Gt CO2", kind="mass"))


UNITS = ["Gt CO2/yr", "Mt C/yr", "t CO2/day", "Pg C/yr", "g C/s"]
CO2E_UNITS = ["kt CO2e/a", "Gt CO2e/yr", "Mt CO2eq/day"]


@given(
    value=st.floats(min_value=0, max_value=1e12, allow_nan=False),
    a=st.sampled_from(UNITS),
    b=st.sampled_from(UNITS),
)
def test_round_trip_is_identity(value: float, a: str, b: str) -> None:
    ua, ub = parse_unit(a), parse_unit(b)
    back = convert(convert(value, ua, ub), ub, ua)
    assert math.isclose(back, value, rel_tol=1e-12, abs_tol=1e-300)


@given(a=st.sampled_from(CO2E_UNITS), b=st.sampled_from(CO2E_UNITS), other=st.sampled_from(UNITS))
def test_co2e_converts_only_to_co2e(a: str, b: str, other: str) -> None:
    """A CO2-equivalent is not a mass of CO2 or C: no factor turns one into the other."""
    assert math.isclose(
        convert(convert(2.5, parse_unit(a), parse_unit(b)), parse_unit(b), parse_unit(a)), 2.5
    )
    for source, target in ((a, other), (other, a)):
        with pytest.raises(UnitError) as err:
            convert(1.0, parse_unit(source), parse_unit(target))
        assert str(err.value) == (
            f"cannot convert {source!r} to {target!r}: CO2e is not CO2 (a CO2e figure may count methane, "
            "nitrous oxide or avoided emissions), so it has no CO2 or carbon mass to convert; convert CO2e to "
            "CO2e, or CO2 and C between themselves"
        )


@given(st.text(max_size=120))
def test_any_text_is_a_unit_or_a_unit_error(text: str) -> None:
    try:
        unit = parse_unit(text, kind=None)
    except UnitError as exc:
        assert "\n" not in str(exc)
    else:
        assert math.isfinite(unit.factor) and unit.factor > 0
