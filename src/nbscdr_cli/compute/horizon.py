"""Removals over a period: ramp-up, saturation and reversal.

Years are counted as intervals: ``--from 2030 --to 2050`` is the 20 years 2030,
2031, ..., 2049, and the stock is reported at the end of 2049 (the start of 2050).

For each entry with full annual rate r (its low or its high), year k = 0..n-1:

- ramp: the rate grows linearly over ``ramp`` years, (k + 1)/ramp of r in year k,
  reaching r in year ``ramp``; 0 ramp years (the default: nbscdr knows no sourced
  ramp-up time) means the full rate from the first year;
- saturation: the sink stops adding after ``saturation`` years from the start (a
  fraction of a year counts pro rata); it comes from the catalog where a source
  gives it (soil carbon: 20 years, 2006 IPCC Guidelines) or from the user;
  otherwise none, and the output says so. A user may give a range of years
  (SR1.5 4.3.7.3: soil sinks saturate "after 10–100 years"): the low end of the
  rate goes with the shorter time and the high end with the longer, and a Monte
  Carlo draws the time uniformly over the range, independently of the rate;
- reversal: each year a fraction ``reversal`` of the stock built so far is
  released again, before that year's removal is added; from the catalog where a
  source gives one, or from the user; otherwise 0, with a note that nature-based
  storage is reversible.

Gross cumulative removal is Σ removal_k; the durable stock at the end is
stock_{n-1}, with stock_k = stock_{k-1}·(1 − reversal) + removal_k. Both are linear
in r, so each entry has two weights (cumulative and durable per Gt CO2/yr of
rate) that the Monte Carlo reuses on its draws. With a range of saturation times
S the weights are functions of S, linear between whole years (year k is active
for min(1, max(0, S − k)) of a year), so a ``Curve`` of their values at whole
years gives them exactly by linear interpolation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from nbscdr_cli.compute.portfolio import PortfolioResult, Relation, relate
from nbscdr_cli.model.catalog import Reference, RemovalRange, Technique
from nbscdr_cli.model.errors import InputError
from nbscdr_cli.model.horizon_settings import HorizonSettings, Years, check_settings


@dataclass(frozen=True)
class EntryParameters:
    ramp_years: float
    saturation_years: Years | None  # a (low, high) range only when the user gives one
    saturation_from: str | None  # "data" (with its source), "user", or None
    reversal_rate: float
    reversal_from: str | None  # "data", "user", or None (0 by default)

    @property
    def saturation_range(self) -> tuple[float, float] | None:
        """The (low, high) saturation times where a range was given."""
        s = self.saturation_years
        return s if isinstance(s, tuple) else None

    def at_saturation(self, years: float) -> EntryParameters:
        """These parameters with one saturation time."""
        return EntryParameters(
            self.ramp_years, years, self.saturation_from, self.reversal_rate, self.reversal_from
        )


class Curve(NamedTuple):
    """A weight (cumulative or durable, per Gt CO2/yr of rate) as a function of
    the saturation time S, drawn uniformly on [low, high]: ``values`` at the
    whole-year ``knots``, linear between them (exact: see the module's note)."""

    low: float
    high: float
    knots: tuple[float, ...]
    values: tuple[float, ...]

    def at(self, years: float) -> float:
        import numpy as np

        return float(np.interp(years, self.knots, self.values))

    @property
    def mean(self) -> float:
        """E[weight] for S uniform on [low, high]: the exact integral of the
        piecewise-linear curve over the range, divided by its width."""
        inner = [k for k in self.knots if self.low < k < self.high]
        xs = [self.low, *inner, self.high]
        ys = [self.at(x) for x in xs]
        # each piece's share of the range first: a range of 1e307 years does not overflow
        span = self.high - self.low
        return math.fsum(
            (x1 - x0) / span * (y0 + y1) / 2 for x0, x1, y0, y1 in zip(xs, xs[1:], ys, ys[1:], strict=False)
        )

    @property
    def least(self) -> float:
        return min(self.at(x) for x in (self.low, self.high, *self.knots) if self.low <= x <= self.high)

    @property
    def most(self) -> float:
        return max(self.at(x) for x in (self.low, self.high, *self.knots) if self.low <= x <= self.high)


@dataclass(frozen=True)
class EntryHorizon:
    technique: str
    parameters: EntryParameters
    cumulative: RemovalRange  # Gt CO2
    durable: RemovalRange  # Gt CO2
    removal_path: tuple[float, ...]  # per Gt CO2/yr of rate, year by year (the low saturation time)
    stock_path: tuple[float, ...]  # per Gt CO2/yr of rate
    path: tuple[dict[str, float], ...]  # year by year, in Gt CO2(/yr): see year_rows
    # with a range of saturation times: the weights as functions of the time
    cumulative_curve: Curve | None = None
    durable_curve: Curve | None = None


@dataclass(frozen=True)
class CumulativeComparison:
    """The cumulative gross and durable totals of the entries in a cumulative
    reference's scope, against the reference's range."""

    reference: Reference
    cumulative: RemovalRange  # in the reference's scope, Gt CO2
    durable: RemovalRange
    relation: Relation  # cumulative against the reference
    durable_relation: Relation
    in_scope_ids: tuple[str, ...]
    out_of_scope_ids: tuple[str, ...]


@dataclass(frozen=True)
class Horizon:
    settings: HorizonSettings
    entries: tuple[EntryHorizon, ...]
    cumulative: RemovalRange  # totals, Gt CO2 (open lows as 0)
    durable: RemovalRange
    path: tuple[dict[str, float], ...]  # total per year: removal/cumulative/stock low and high
    comparisons: tuple[CumulativeComparison, ...] = ()

    @property
    def cumulative_weights(self) -> list[float | Curve]:
        """Each entry's cumulative removal per Gt CO2/yr of rate (a Curve where
        its saturation time is a range)."""
        return [e.cumulative_curve or math.fsum(e.removal_path) for e in self.entries]

    @property
    def durable_weights(self) -> list[float | Curve]:
        return [e.durable_curve or (e.stock_path[-1] if e.stock_path else 0.0) for e in self.entries]


def entry_parameters(technique: Technique, settings: HorizonSettings) -> EntryParameters:
    """An entry's ramp, saturation and reversal: the user's, else the catalog's."""
    tid = technique.id
    ramp = settings.ramp_years.for_technique(tid) or 0.0
    assert not isinstance(ramp, tuple)  # check_settings allows ranges for saturation only
    saturation = settings.saturation_years.for_technique(tid)
    if isinstance(saturation, tuple) and saturation[0] == saturation[1]:
        saturation = saturation[0]  # a range of one value
    saturation_from: str | None = "user"
    if saturation is None:
        saturation = technique.saturation_years
        saturation_from = "data" if saturation is not None else None
    # A sink that saturates after the period ends saturates, for the period, at
    # its end. A range reaching past it keeps its spread: a time drawn beyond
    # the end counts as the end (the weight curves are flat there).
    if isinstance(saturation, tuple) and saturation[0] >= settings.years:
        saturation = float(settings.years)
    elif saturation is not None and not isinstance(saturation, tuple):
        saturation = min(saturation, float(settings.years))
    reversal = settings.reversal_rate.for_technique(tid)
    assert not isinstance(reversal, tuple)
    reversal_from: str | None = "user"
    if reversal is None:
        reversal = technique.reversal_rate
        reversal_from = "data" if reversal is not None else None
    return EntryParameters(ramp, saturation, saturation_from, reversal or 0.0, reversal_from)


def unit_paths(p: EntryParameters, years: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Removal and stock, year by year, for a full rate of 1 (one saturation time)."""
    assert not isinstance(p.saturation_years, tuple)
    removal = []
    stock = []
    current = 0.0
    for k in range(years):
        ramp = 1.0 if p.ramp_years <= 0 else min(1.0, (k + 1) / p.ramp_years)
        active = 1.0 if p.saturation_years is None else min(1.0, max(0.0, p.saturation_years - k))
        amount = ramp * active
        current = current * (1 - p.reversal_rate) + amount
        removal.append(amount)
        stock.append(current)
    return tuple(removal), tuple(stock)


def weight_curves(p: EntryParameters, years: int) -> tuple[Curve, Curve]:
    """The cumulative and durable weights as functions of a saturation time
    ranging over ``p.saturation_range``: their values at every whole year from
    the range's floor to its ceiling (beyond the period's length a longer time
    changes nothing, so the knots stop there)."""
    low, high = p.saturation_range or (0.0, 0.0)
    first = math.floor(low)
    last = max(first + 1, min(math.ceil(high), years))
    knots = tuple(float(k) for k in range(first, last + 1))
    cumulative, durable = [], []
    for knot in knots:
        removal, stock = unit_paths(p.at_saturation(max(knot, 0.0)), years)
        cumulative.append(math.fsum(removal))
        durable.append(stock[-1] if stock else 0.0)
    return Curve(low, high, knots, tuple(cumulative)), Curve(low, high, knots, tuple(durable))


STOCK_KEYS = ("removal_low", "removal_high", "stock_low", "stock_high")


def year_rows(
    start: int,
    removal_low: Sequence[float],
    removal_high: Sequence[float],
    stock_low: Sequence[float],
    stock_high: Sequence[float],
) -> tuple[dict[str, float], ...]:
    """Rows of year, removal, running cumulative and stock, low and high (Gt CO2
    per year for removals, Gt CO2 for the rest): one shape for an entry and the total."""
    rows = []
    cumulative_low = cumulative_high = 0.0
    for k, (rl, rh, sl, sh) in enumerate(zip(removal_low, removal_high, stock_low, stock_high, strict=True)):
        cumulative_low += rl
        cumulative_high += rh
        rows.append(
            {
                "year": start + k,
                "removal_low": rl,
                "removal_high": rh,
                "cumulative_low": cumulative_low,
                "cumulative_high": cumulative_high,
                "stock_low": sl,
                "stock_high": sh,
            }
        )
    return tuple(rows)


def _compare(
    reference: Reference, result: PortfolioResult, entries: Sequence[EntryHorizon]
) -> CumulativeComparison:
    """The in-scope cumulative and durable subtotals against a cumulative reference."""
    inside = [
        h for e, h in zip(result.portfolio.entries, entries, strict=True) if reference.covers(e.technique)
    ]
    ids = {h.technique for h in inside}
    cumulative = RemovalRange(
        math.fsum(h.cumulative.lower for h in inside), math.fsum(h.cumulative.high for h in inside)
    )
    durable = RemovalRange(
        math.fsum(h.durable.lower for h in inside), math.fsum(h.durable.high for h in inside)
    )
    return CumulativeComparison(
        reference=reference,
        cumulative=cumulative,
        durable=durable,
        relation=relate(cumulative, reference.range),
        durable_relation=relate(durable, reference.range),
        in_scope_ids=tuple(h.technique for h in inside),
        out_of_scope_ids=tuple(h.technique for h in entries if h.technique not in ids),
    )


def project(
    result: PortfolioResult, settings: HorizonSettings, references: Sequence[Reference] = ()
) -> Horizon:
    """Cumulative and durable removals of a summed portfolio over the period,
    compared with the cumulative ``references``."""
    from nbscdr_cli.compute.portfolio import checked_sum, entry_place

    check_settings(settings)
    n = settings.years
    cache: dict[EntryParameters, tuple[tuple[float, ...], tuple[float, ...]]] = {}

    def paths(params: EntryParameters) -> tuple[tuple[float, ...], tuple[float, ...]]:
        if params not in cache:
            cache[params] = unit_paths(params, n)
        return cache[params]

    entries = []
    for entry in result.portfolio.entries:
        params = entry_parameters(entry.technique, settings)
        span = params.saturation_range
        # the low end of the rate with the shorter saturation time, the high end with the longer
        removal, stock = paths(params.at_saturation(span[0]) if span else params)
        removal_high, stock_high = paths(params.at_saturation(span[1])) if span else (removal, stock)
        curves = weight_curves(params, n) if span else (None, None)
        k, d = math.fsum(removal), stock[-1]
        k_high, d_high = math.fsum(removal_high), stock_high[-1]
        rng = entry.range
        if not math.isfinite(rng.high * k_high):
            raise InputError(
                f"its cumulative removal over {settings.start}–{settings.end} passes the largest "
                "number; give a smaller figure or a shorter period",
                where=entry_place(entry),
            )
        entries.append(
            EntryHorizon(
                technique=entry.technique.id,
                parameters=params,
                cumulative=RemovalRange(None if rng.low is None else rng.low * k, rng.high * k_high),
                durable=RemovalRange(None if rng.low is None else rng.low * d, rng.high * d_high),
                removal_path=removal,
                stock_path=stock,
                path=year_rows(
                    settings.start,
                    [rng.lower * r for r in removal],
                    [rng.high * r for r in removal_high],
                    [rng.lower * x for x in stock],
                    [rng.high * x for x in stock_high],
                ),
                cumulative_curve=curves[0],
                durable_curve=curves[1],
            )
        )
    # Every yearly figure is at most the cumulative total, so checking that one
    # sum keeps all the others finite.
    sources = result.portfolio.entries
    high = checked_sum([e.cumulative.high for e in entries], sources, "the cumulative total")
    cumulative = RemovalRange(math.fsum(e.cumulative.lower for e in entries), high)  # low <= high
    durable = RemovalRange(
        math.fsum(e.durable.lower for e in entries), math.fsum(e.durable.high for e in entries)
    )
    totals = [[math.fsum(e.path[year][key] for e in entries) for year in range(n)] for key in STOCK_KEYS]
    path = year_rows(settings.start, *totals)
    comparisons = tuple(_compare(r, result, entries) for r in references if r.cumulative)
    return Horizon(settings, tuple(entries), cumulative, durable, path, comparisons)
