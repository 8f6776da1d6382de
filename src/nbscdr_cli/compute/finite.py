"""Every result is a finite number: checks where the numbers are produced.

Figures a user gives are finite, but sums, products and unit conversions of
finite floats can overflow (``1e308 + 1e308``, ``1e300`` Gt CO2/yr in g C/yr, a
rate times 600 years). An overflow would otherwise surface far away: as
``inf`` in a table, a JSON encoder refusing Infinity, ``math.fsum`` raising
OverflowError, or numpy warnings. Each check here raises an ``InputError``
naming the entry (its spec or file place) or the request field at fault.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from nbscdr_cli.model.errors import InputError

if TYPE_CHECKING:
    from nbscdr_cli.compute.horizon import Horizon
    from nbscdr_cli.compute.portfolio import PortfolioResult
    from nbscdr_cli.compute.summary import Simulation
    from nbscdr_cli.model.units import Unit


def _numbers(value: Any) -> Iterable[float]:
    if isinstance(value, int | float):
        yield float(value)
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _numbers(v)


def check_simulation(simulation: Simulation) -> None:
    """After a Monte Carlo or a convolution: every statistic it reports is finite."""
    sampled = simulation.samples is not None
    for name, s in simulation.totals.items():
        parts = (s.mean, s.std, s.percentiles, s.probability, s.thresholds, s.histogram[0])
        if not all(math.isfinite(x) for x in _numbers(parts)):
            how = "Monte Carlo" if sampled else "convolution"
            raise InputError(
                f"the {how} statistics of the {name} total are out of range; give smaller figures",
                field="samples" if sampled else "method",
            )
    if not all(math.isfinite(x) for x in _numbers(list(simulation.marginals))):
        raise InputError("an entry's percentiles are out of range; give smaller figures", field="samples")


def largest(
    result: PortfolioResult, horizon: Horizon | None, simulation: Simulation | None
) -> tuple[float, float]:
    """The largest rate (Gt CO2/yr) and amount (Gt CO2) an analysis reports:
    every other number it converts to the output units is smaller."""
    rates = [result.total.high, *(c.reference.range.high for c in result.comparisons)]
    amounts = [0.0]
    if horizon is not None:
        amounts += [horizon.cumulative.high, *(c.reference.range.high for c in horizon.comparisons)]
    if simulation is not None:
        for name, s in simulation.totals.items():
            top = [s.histogram[0][1], *s.percentiles.values(), *s.thresholds.values()]
            (rates if name == "annual" else amounts).extend(top)
        rates += [v for m in simulation.marginals for v in m.values()]
    return max(rates), max(amounts)


def check_units(
    result: PortfolioResult,
    horizon: Horizon | None,
    simulation: Simulation | None,
    unit: Unit,
    mass_unit: Unit | None,
    *,
    field: str = "unit",
) -> None:
    """Every figure of an analysis is finite in the output units (a small unit
    such as g C/yr multiplies figures by ~3e14); ``field`` names the request
    value that chose them."""
    rate, amount = largest(result, horizon, simulation)
    pairs = [(rate, unit, "Gt CO2/yr")]
    if mass_unit is not None:
        pairs.append((amount, mass_unit, "Gt CO2"))
    for value, u, canonical in pairs:
        if not math.isfinite(value / u.factor):
            advice = "; choose a larger unit" if field == "unit" else ""
            raise InputError(f"{value:.4g} {canonical} is out of range in {u.text!r}{advice}", field=field)
