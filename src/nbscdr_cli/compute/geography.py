"""Figures for countries and regions from Roe et al. (2021): a technique's figure for
each country, and sums over a region's members. Plain floats in the SI's own units
(Mt CO2/yr or Mt CO2e/yr; hectares); nothing here prints.

A country's figure for a measure is the SI's cells: the central value (the average of
two studies, or one study's figure) with the lower and the higher study as its range. A
blank cell is no figure, never 0; in a combined block the SI fills min and max with 0
where neither study has a figure while the average stays blank: that is no figure too.
A technique made of several measures (soil carbon: croplands and grasslands) adds the
measures that have a figure.

A region's figure adds its members' figures: central values, lows and highs each summed
(the low end assumes every country's lower study at once, the high end every higher
one, as every other sum of extremes here). Members without a figure add nothing and are
counted, so that the output can say how many figures a sum holds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from nbscdr_cli.model.roe2021 import AVERAGE, BY_TECHNIQUE, Mapped, Measure

if TYPE_CHECKING:
    from nbscdr_cli.model.roe2021 import RoeData


class Figure(NamedTuple):
    """A central value and a range, in the SI's unit."""

    central: float
    low: float
    high: float

    def scaled(self, share: float) -> Figure:
        return Figure(self.central * share, self.low * share, self.high * share)


class Area(NamedTuple):
    """The land of one measure summed over the members that have a figure: hectares,
    per year ("ha/yr") or in total ("ha total"), as the SI gives it."""

    measure: Measure
    hectares: float
    unit: str  # "ha/yr" or "ha total"
    counted: int  # members with an area


class Summed(NamedTuple):
    """A technique's figure summed over a region's members (in ``unit``)."""

    technique: str
    figure: Figure
    unit: str  # the SI's, e.g. "MtCO2/yr"
    counted: tuple[str, ...]  # members with a figure
    missing: tuple[str, ...]  # members without one
    parts: tuple[tuple[Measure, Figure, int], ...]  # measures of a technique made of several
    areas: tuple[Area, ...]
    per_country: Mapping[str, Figure]


def measure_figure(data: RoeData, measure: Measure, potential: str, iso3: str) -> Figure | None:
    """One measure's figure for one country, or None where the SI has none."""
    central_id, low_id, high_id = measure.columns(potential)
    central = data.value(iso3, central_id)
    if central is None:  # a combined block's min and max hold 0 here: still no figure
        return None
    if measure.block != AVERAGE:
        return Figure(central, central, central)
    low, high = data.value(iso3, low_id), data.value(iso3, high_id)
    return Figure(central, central if low is None else low, central if high is None else high)


def technique_figure(data: RoeData, mapped: Mapped, potential: str, iso3: str) -> Figure | None:
    """A technique's figure for one country: its measures' figures added, or None
    where none of them has one."""
    found = [f for m in mapped.measures if (f := measure_figure(data, m, potential, iso3)) is not None]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return Figure(*(math.fsum(column) for column in zip(*found, strict=True)))


def unit_of(data: RoeData, mapped: Mapped, potential: str) -> str:
    """The SI's unit of a technique's figures (its measures share one)."""
    units = {data.columns[m.columns(potential)[0]].unit for m in mapped.measures}
    if len(units) != 1:
        raise ValueError(f"{mapped.technique}: measures in different units {sorted(units)}")
    return units.pop()


def add(figures: Iterable[Figure]) -> Figure:
    """Central values, lows and highs, each summed exactly."""
    listed = list(figures)
    if not listed:
        return Figure(0.0, 0.0, 0.0)
    return Figure(*(math.fsum(column) for column in zip(*listed, strict=True)))


def region_sum(data: RoeData, technique: str, potential: str, members: Sequence[str]) -> Summed:
    """``technique``'s figure (``potential``: "technical" or "economic") summed over
    ``members`` (ISO3 codes), with its parts, its land and each member's figure."""
    mapped = BY_TECHNIQUE[technique]
    per_country = {
        iso3: f for iso3 in members if (f := technique_figure(data, mapped, potential, iso3)) is not None
    }
    parts = []
    if len(mapped.measures) > 1:
        for m in mapped.measures:
            found = [f for iso3 in members if (f := measure_figure(data, m, potential, iso3)) is not None]
            parts.append((m, add(found), len(found)))
    areas = []
    for m in mapped.measures:
        column = m.area_column(potential)
        values = [
            v
            for iso3 in members
            if measure_figure(data, m, potential, iso3) is not None
            and (v := data.value(iso3, column)) is not None
        ]
        if values:
            areas.append(Area(m, math.fsum(values), data.columns[column].unit, len(values)))
    return Summed(
        technique=technique,
        figure=add(per_country.values()),
        unit=unit_of(data, mapped, potential),
        counted=tuple(per_country),
        missing=tuple(iso3 for iso3 in members if iso3 not in per_country),
        parts=tuple(parts),
        areas=tuple(areas),
        per_country=per_country,
    )


def two_studies(technique: str) -> bool:
    """Whether a technique's figures combine two studies (a range, not one figure)."""
    return any(m.block == AVERAGE for m in BY_TECHNIQUE[technique].measures)


class Ranked(NamedTuple):
    """A country's or a region's total for a portfolio (shares applied)."""

    code: str
    total: Figure
    by_technique: Mapping[str, Figure]  # the entries that have a figure there
    missing: tuple[str, ...]  # entries without one there
    members: int  # countries summed over
    counted: int  # of them, those with a figure for at least one entry


def country_table(
    data: RoeData, entries: Sequence[tuple[str, float]], potential: str
) -> dict[str, dict[str, Figure]]:
    """ISO3 -> entry technique -> its figure there (share applied), for every country."""
    mapped = [(tid, share, BY_TECHNIQUE[tid]) for tid, share in entries]
    table: dict[str, dict[str, Figure]] = {}
    for iso3 in data.values:
        row = {}
        for tid, share, m in mapped:
            found = technique_figure(data, m, potential, iso3)
            if found is not None:
                row[tid] = found.scaled(share)
        table[iso3] = row
    return table


def rank_totals(
    table: Mapping[str, Mapping[str, Figure]],
    techniques: Sequence[str],
    units: Sequence[tuple[str, Sequence[str]]],
) -> list[Ranked]:
    """Each unit's (code, members) total over ``techniques``, from ``country_table``;
    units where no member has a figure for any entry are left out."""
    out = []
    for code, members in units:
        by_technique = {}
        for tid in techniques:
            found = [table[iso3][tid] for iso3 in members if tid in table[iso3]]
            if found:
                by_technique[tid] = add(found)
        if not by_technique:
            continue
        counted = sum(1 for iso3 in members if table[iso3])
        missing = tuple(t for t in techniques if t not in by_technique)
        out.append(Ranked(code, add(by_technique.values()), by_technique, missing, len(members), counted))
    return out
