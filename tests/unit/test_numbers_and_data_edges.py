"""Numbers at the edge and a data file's own mistakes (issue 27): saturation
times beyond the period are the period; a suggestion never names the value it
replaces."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nbscdr_cli import DataError, HorizonSettings, MonteCarlo, Request, analyse
from nbscdr_cli.io.validate import catalog_from_dict
from nbscdr_cli.model.names import did_you_mean

PERIOD = HorizonSettings(2030, 2050)


def totals(saturation: object, samples: bool = False) -> tuple[dict[str, float], dict[str, float]]:
    settings_ = HorizonSettings(2030, 2050, saturation_years=saturation)  # type: ignore[arg-type]
    mc = MonteCarlo(2000, seed=3) if samples else None
    doc = analyse(Request(["afforestation", "biochar"], horizon=settings_, monte_carlo=mc)).to_dict()
    return doc["horizon"]["cumulative"], doc["horizon"]["stored_at_end"]


@pytest.mark.parametrize("saturation", [20, 21, 100, 1e307, (20, 30), (100, 1e307), (1e306, 1e307)])
def test_saturation_beyond_the_period_is_the_period(saturation: object) -> None:
    assert totals(saturation) == totals(None)
    assert totals(saturation, samples=True)[0] == totals(None)[0]


def test_a_range_reaching_past_the_period_keeps_its_spread() -> None:
    """Times drawn beyond the period count as the period; the rest saturate earlier."""
    doc = analyse(
        Request(
            ["soil-carbon"],
            horizon=HorizonSettings(2030, 2050, saturation_years=(10, 1e307)),
            monte_carlo=MonteCarlo(20000, seed=1),
        )
    ).to_dict()
    h = doc["horizon"]
    assert h["cumulative"] == {"low": 10.0, "high": 220.0}  # low end with 10 years, high end with the period
    assert math.isfinite(h["uncertainty"]["cumulative"]["mean"])


@settings(max_examples=200, deadline=None)
@given(st.floats(1, 19), st.floats(20, 1e307))
def test_the_mean_over_a_range_of_saturation_times_is_finite(low: float, high: float) -> None:
    from nbscdr_cli.compute.horizon import EntryParameters, weight_curves

    cumulative, durable = weight_curves(EntryParameters(0.0, (low, high), "user", 0.0, None), 20)
    assert 0 <= cumulative.mean <= 20 + 1e-9 and 0 <= durable.mean <= 20 + 1e-9  # (rounding)


@settings(max_examples=300)
@given(st.text(min_size=1, max_size=12), st.lists(st.text(max_size=12), max_size=6))
def test_a_suggestion_never_names_the_refused_value(value: str, choices: list[str]) -> None:
    assert repr(value) not in did_you_mean(value, [*choices, value])


def test_a_technique_part_of_itself() -> None:
    other = {"name": {"en": "B"}, "high": 1, "unit": "Gt CO2/yr", "source": "s"}
    body = {**other, "name": {"en": "A"}, "part_of": {"technique": "a", "en": "itself", "source": "s"}}
    with pytest.raises(DataError) as raised:  # 'ab' is close to 'a', but 'a' is never suggested for 'a'
        catalog_from_dict({"techniques": {"a": body, "ab": other}}, source="cat.toml")
    assert str(raised.value) == (
        "cat.toml: techniques.a.part_of.technique: 'a' is this technique: a technique is not a part of itself"
    )
