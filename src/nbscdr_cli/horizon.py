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
  otherwise none, and the output says so;
- reversal: each year a fraction ``reversal`` of the stock built so far is
  released again, before that year's removal is added; from the catalog where a
  source gives one, or from the user; otherwise 0, with a note that nature-based
  storage is reversible.

Gross cumulative removal is Σ removal_k; the durable stock at the end is
stock_{n-1}, with stock_k = stock_{k-1}·(1 − reversal) + removal_k. Both are linear
in r, so each entry has two weights (cumulative and durable per Gt CO2/yr of
rate) that the Monte Carlo reuses on its draws.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nbscdr_cli.catalog import Catalog, Reference, RemovalRange, Technique, did_you_mean
from nbscdr_cli.errors import InputError, UsageError, cut
from nbscdr_cli.portfolio import PortfolioResult, Relation, relate

EARLIEST_YEAR = 1900
LATEST_YEAR = 2500


@dataclass(frozen=True)
class Setting:
    """A horizon parameter: one value for every entry and/or per-technique values
    (keyed by technique id, or by any name of a technique until the request is
    resolved against the catalog)."""

    default: float | None = None
    per_technique: Mapping[str, float] = field(default_factory=dict)

    def for_technique(self, tid: str) -> float | None:
        return self.per_technique.get(tid, self.default)

    @property
    def given(self) -> bool:
        return self.default is not None or bool(self.per_technique)

    @classmethod
    def of(cls, value: Setting | float | Mapping[str, float] | None) -> Setting:
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
    technique to number, or a ``Setting``."""

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
    saturation_years: float | None
    saturation_from: str | None  # "data" (with its source), "user", or None
    reversal_rate: float
    reversal_from: str | None  # "data", "user", or None (0 by default)


@dataclass(frozen=True)
class EntryHorizon:
    technique: str
    parameters: EntryParameters
    cumulative: RemovalRange  # Gt CO2
    durable: RemovalRange  # Gt CO2
    removal_path: tuple[float, ...]  # per Gt CO2/yr of rate, year by year
    stock_path: tuple[float, ...]  # per Gt CO2/yr of rate
    path: tuple[dict[str, float], ...]  # year by year, in Gt CO2(/yr): see year_rows


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
    def cumulative_weights(self) -> list[float]:
        return [sum(e.removal_path) for e in self.entries]

    @property
    def durable_weights(self) -> list[float]:
        return [e.stock_path[-1] if e.stock_path else 0.0 for e in self.entries]


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
        for value in (setting.default, *setting.per_technique.values()):
            if value is not None and not (_is_number(value) and math.isfinite(value) and value >= least):
                raise UsageError(f"{_shown(value)} is not a number of years, {least:g} or more", field=name)
    for value in (settings.reversal_rate.default, *settings.reversal_rate.per_technique.values()):
        if value is not None and not (_is_number(value) and math.isfinite(value) and 0 <= value < 1):
            raise UsageError(f"{_shown(value)} is outside [0, 100%)", field="horizon.reversal_rate")


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float)


def _shown(value: object) -> str:
    return f"{value:.6g}" if _is_number(value) else cut(repr(value))


_SETTING = re.compile(
    r"^\s*(?:(?P<tech>[^=]+?)\s*=\s*)?(?P<value>[-+]?[\d.]+(?:[eE][-+]?\d+)?)\s*(?P<pct>%?)\s*$"
)


def parse_setting(values: Sequence[str], *, field: str, percent: bool = False) -> Setting:
    """'20' or 'soil-carbon=20' (repeatable); with ``percent``, '1%' or '0.01'.
    Technique names stay as written until the request is resolved."""
    default: float | None = None
    per: dict[str, float] = {}
    for text in values:
        match = _SETTING.match(text)
        if match is None:
            form = "1% or 0.01, or TECH=1%" if percent else "20, or TECH=20"
            raise UsageError(f"{cut(text)!r} is not a value such as {form}", field=field)
        try:
            value = float(match.group("value"))
        except ValueError:
            raise UsageError(f"{cut(text)!r} is not a number", field=field) from None
        if match.group("pct"):
            if not percent:
                raise UsageError(f"{cut(text)!r}: give a number of years, not a percentage", field=field)
            value /= 100
        if percent and not 0 <= value < 1:
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
        per: dict[str, float] = {}
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
    saturation = settings.saturation_years.for_technique(tid)
    saturation_from: str | None = "user"
    if saturation is None:
        saturation = technique.saturation_years
        saturation_from = "data" if saturation is not None else None
    reversal = settings.reversal_rate.for_technique(tid)
    reversal_from: str | None = "user"
    if reversal is None:
        reversal = technique.reversal_rate
        reversal_from = "data" if reversal is not None else None
    return EntryParameters(ramp, saturation, saturation_from, reversal or 0.0, reversal_from)


def unit_paths(p: EntryParameters, years: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Removal and stock, year by year, for a full rate of 1."""
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
    entries = []
    for entry in result.portfolio.entries:
        params = entry_parameters(entry.technique, settings)
        if params not in cache:
            cache[params] = unit_paths(params, n)
        removal, stock = cache[params]
        k, d = math.fsum(removal), stock[-1]
        rng = entry.range
        if not math.isfinite(rng.high * k):
            raise InputError(
                f"its cumulative removal over {settings.start}–{settings.end} passes the largest "
                "number; give a smaller figure or a shorter period",
                where=entry_place(entry),
            )
        entries.append(
            EntryHorizon(
                technique=entry.technique.id,
                parameters=params,
                cumulative=RemovalRange(None if rng.low is None else rng.low * k, rng.high * k),
                durable=RemovalRange(None if rng.low is None else rng.low * d, rng.high * d),
                removal_path=removal,
                stock_path=stock,
                path=year_rows(
                    settings.start,
                    [rng.lower * r for r in removal],
                    [rng.high * r for r in removal],
                    [rng.lower * x for x in stock],
                    [rng.high * x for x in stock],
                ),
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
