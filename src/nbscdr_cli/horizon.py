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
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from nbscdr_cli.catalog import Catalog, Reference, RemovalRange, Technique, did_you_mean
from nbscdr_cli.errors import InputError, UsageError, cut
from nbscdr_cli.portfolio import PortfolioResult, Relation, relate

EARLIEST_YEAR = 1900
LATEST_YEAR = 2500


Years = float | tuple[float, float]  # a number of years, or a (low, high) range of them


@dataclass(frozen=True)
class Setting:
    """A horizon parameter: one value for every entry and/or per-technique values
    (keyed by technique id, or by any name of a technique until the request is
    resolved against the catalog). Saturation times may be (low, high) ranges."""

    default: Years | None = None
    per_technique: Mapping[str, Years] = field(default_factory=dict)

    def for_technique(self, tid: str) -> Years | None:
        return self.per_technique.get(tid, self.default)

    @property
    def given(self) -> bool:
        return self.default is not None or bool(self.per_technique)

    @classmethod
    def of(cls, value: Setting | Years | Mapping[str, Years] | None) -> Setting:
        """A Setting from a number (every entry), a mapping (per technique) or None."""
        if isinstance(value, Setting):
            return value
        if value is None:
            return cls()
        if isinstance(value, Mapping):
            return cls(None, dict(value))
        return cls(value)


@dataclass(frozen=True)
class HorizonSettings:
    """A period (``start`` counted, ``end`` not) and the entries' ramp-up,
    saturation and reversal: each a number for every entry, a mapping of
    technique to number, or a ``Setting``. A saturation time may also be a
    (low, high) range of years."""

    start: int
    end: int
    ramp_years: Setting = Setting()
    saturation_years: Setting = Setting()
    reversal_rate: Setting = Setting()

    def __post_init__(self) -> None:
        for name in ("ramp_years", "saturation_years", "reversal_rate"):
            object.__setattr__(self, name, Setting.of(getattr(self, name)))

    @property
    def years(self) -> int:
        return self.end - self.start


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
        area = math.fsum(
            (x1 - x0) * (y0 + y1) / 2 for x0, x1, y0, y1 in zip(xs, xs[1:], ys, ys[1:], strict=False)
        )
        return area / (self.high - self.low)

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


def check_settings(settings: HorizonSettings) -> None:
    """Refuse periods and parameters out of range, naming the field at fault."""
    for name, year in (("horizon.start", settings.start), ("horizon.end", settings.end)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise UsageError(f"{cut(repr(year))} is not a year", field=name)
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise UsageError(f"{year} is outside {EARLIEST_YEAR}–{LATEST_YEAR}", field=name)
    if settings.end <= settings.start:
        raise UsageError(f"{settings.end} is not after the start year {settings.start}", field="horizon.end")
    # a sink that saturates at once removes nothing: saturation takes a year or more
    for name, setting, least in (
        ("horizon.ramp_years", settings.ramp_years, 0.0),
        ("horizon.saturation_years", settings.saturation_years, 1.0),
    ):
        for given in (setting.default, *setting.per_technique.values()):
            if isinstance(given, tuple):
                if name != "horizon.saturation_years":
                    raise UsageError(f"{cut(repr(given))}: give one number of years, not a range", field=name)
                if len(given) != 2 or not all(_is_number(v) for v in given) or not given[0] <= given[1]:
                    raise UsageError(f"{cut(repr(given))} is not a (low, high) range of years", field=name)
            for value in given if isinstance(given, tuple) else (given,):
                if value is not None and not (_is_number(value) and math.isfinite(value) and value >= least):
                    raise UsageError(
                        f"{_shown(value)} is not a number of years, {least:g} or more", field=name
                    )
    for rate in (settings.reversal_rate.default, *settings.reversal_rate.per_technique.values()):
        number = isinstance(rate, int | float) and not isinstance(rate, bool)
        if rate is not None and not (number and math.isfinite(rate) and 0 <= rate < 1):  # type: ignore[arg-type,operator]
            raise UsageError(f"{_shown(rate)} is outside [0, 100%)", field="horizon.reversal_rate")


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float)


def _shown(value: object) -> str:
    return f"{value:.6g}" if _is_number(value) else cut(repr(value))


_NUMBER = r"[-+]?[\d.]+(?:[eE][-+]?\d+)?"
_SETTING = re.compile(
    rf"^\s*(?:(?P<tech>[^=]+?)\s*=\s*)?(?P<value>{_NUMBER})(?:\s*[-–]\s*(?P<high>{_NUMBER}))?"
    r"\s*(?P<pct>%?)\s*$"
)


def parse_setting(
    values: Sequence[str], *, field: str, percent: bool = False, ranges: bool = False
) -> Setting:
    """'20' or 'soil-carbon=20' (repeatable); with ``percent``, '1%' or '0.01';
    with ``ranges``, also '10-100' or 'soil-carbon=10-100'. Technique names stay
    as written until the request is resolved."""
    default: Years | None = None
    per: dict[str, Years] = {}
    for text in values:
        match = _SETTING.match(text)
        if match is None:
            form = "1% or 0.01, or TECH=1%" if percent else "20, or TECH=20"
            raise UsageError(f"{cut(text)!r} is not a value such as {form}", field=field)
        try:
            value: Years = float(match.group("value"))
            high = match.group("high")
            if high is not None:
                value = (float(match.group("value")), float(high))
        except ValueError:
            raise UsageError(f"{cut(text)!r} is not a number", field=field) from None
        if isinstance(value, tuple):
            if match.group("pct"):
                raise UsageError(f"{cut(text)!r}: give a number of years, not a percentage", field=field)
            if not ranges:
                raise UsageError(f"{cut(text)!r}: give one number, not a range", field=field)
            if value[0] > value[1]:
                raise UsageError(f"{cut(text)!r}: the low end is above the high end", field=field)
            if value[0] == value[1]:
                value = value[0]
        elif match.group("pct"):
            if not percent:
                raise UsageError(f"{cut(text)!r}: give a number of years, not a percentage", field=field)
            value /= 100
        if percent and not (isinstance(value, float) and 0 <= value < 1):
            raise UsageError(
                f"{cut(text)!r} is not a share from 0 to under 100% (or 0 to under 1)", field=field
            )
        tech = match.group("tech")
        if tech is None:
            default = value
        else:
            per[tech] = value
    return Setting(default, per)


def resolve(settings: HorizonSettings, catalog: Catalog, present: Sequence[str]) -> HorizonSettings:
    """``settings`` with each per-technique key turned into the technique's id;
    a technique that is not in the portfolio (ids ``present``) is refused."""
    resolved = {}
    for name in ("ramp_years", "saturation_years", "reversal_rate"):
        setting: Setting = getattr(settings, name)
        per: dict[str, Years] = {}
        for key, value in setting.per_technique.items():
            try:
                tid = key if key in present else catalog.find(key).id
            except InputError as exc:
                raise UsageError(exc.message, field=f"horizon.{name}") from None
            if tid not in present:
                raise UsageError(
                    f"{cut(key)!r} is not in the portfolio{did_you_mean(tid, present)}; "
                    f"its entries: {', '.join(present)}",
                    field=f"horizon.{name}",
                )
            per[tid] = value
        resolved[name] = Setting(setting.default, per)
    return HorizonSettings(settings.start, settings.end, **resolved)


def entry_parameters(technique: Technique, settings: HorizonSettings) -> EntryParameters:
    """An entry's ramp, saturation and reversal: the user's, else the catalog's."""
    tid = technique.id
    ramp = settings.ramp_years.for_technique(tid) or 0.0
    assert not isinstance(ramp, tuple)  # check_settings allows ranges for saturation only
    saturation = settings.saturation_years.for_technique(tid)
    saturation_from: str | None = "user"
    if saturation is None:
        saturation = technique.saturation_years
        saturation_from = "data" if saturation is not None else None
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
    from nbscdr_cli.finite import checked_sum, entry_place

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


def check_years(start: int | None, end: int | None) -> tuple[int, int] | None:
    """Both years of a period, or neither."""
    if start is None and end is None:
        return None
    if start is None:
        raise UsageError("a period needs a start year too", field="horizon.end")
    if end is None:
        raise UsageError("a period needs an end year too", field="horizon.start")
    return start, end
