"""Portfolios: resolve specs against a catalog, sum their ranges, compare with
references. Pure arithmetic on floats in Gt CO2/yr; nothing here prints.

Summing every low and every high gives the widest range the portfolio could
span: it assumes all the lows (or all the highs) happen together. An entry whose
source gives only "up to X" counts 0 as its low and is flagged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from nbscdr_cli.catalog import Catalog, Reference, RemovalRange, Technique
from nbscdr_cli.errors import InputError, UsageError, cut
from nbscdr_cli.spec import EntrySpec


class Entry(NamedTuple):
    """A technique in a portfolio, with its range after the share (Gt CO2/yr)."""

    technique: Technique
    share: float
    range: RemovalRange
    own_figure: bool = False
    where: str = ""  # the spec or file place it came from, for messages

    @property
    def open_low(self) -> bool:
        return self.range.open_low


class Portfolio(NamedTuple):
    name: str | None  # None when the user gave none
    entries: tuple[Entry, ...]


class Comparison(NamedTuple):
    """The portfolio total against one reference range."""

    reference: Reference
    ratio_low: float | None  # total low / reference low
    ratio_high: float | None  # total high / reference high
    in_scope: RemovalRange  # subtotal of the entries inside the reference's scope
    in_scope_ids: tuple[str, ...]
    out_of_scope_ids: tuple[str, ...]


class PortfolioResult(NamedTuple):
    portfolio: Portfolio
    total: RemovalRange  # low counts open lows as 0
    open_low_ids: tuple[str, ...]
    comparisons: tuple[Comparison, ...]
    overlaps: tuple[tuple[str, str], ...]  # pairs that may double count at their high ends


def make_entry(catalog: Catalog, spec: EntrySpec) -> Entry:
    """Resolve one spec: find its technique and apply its share or own figure."""
    technique = catalog.find(spec.technique, where=spec.where or None)
    if spec.own_figure:
        assert spec.high is not None
        factor = 1.0
        if spec.unit is not None:
            from nbscdr_cli.units import rate_factor

            factor = rate_factor(spec.unit, where=spec.where or None)
        low = spec.high if spec.low is None else spec.low
        mode = None if spec.mode is None else spec.mode * factor
        rng = RemovalRange(low * factor, spec.high * factor, mode)
        if not math.isfinite(rng.high):
            raise InputError("figure is too large", where=spec.where or None)
        return Entry(technique, 1.0, rng, own_figure=True, where=spec.where)
    return Entry(technique, spec.share, technique.range.scaled(spec.share), where=spec.where)


def build_portfolio(catalog: Catalog, specs: Sequence[EntrySpec], *, name: str | None = None) -> Portfolio:
    """Resolve every spec; a technique may appear only once."""
    if not specs:
        raise UsageError("give at least one technique, e.g. 'afforestation' or 'biochar:50%'", field="specs")
    entries = []
    seen: dict[str, str] = {}
    for spec in specs:
        entry = make_entry(catalog, spec)
        tid = entry.technique.id
        if tid in seen:
            raise InputError(
                f"technique {cut(tid)!r} is already in the portfolio ({seen[tid]}); give each technique once",
                where=spec.where or None,
            )
        seen[tid] = spec.where or tid
        entries.append(entry)
    return Portfolio(name, tuple(entries))


def total_range(entries: Sequence[Entry]) -> RemovalRange:
    """Σlow (open lows as 0) and Σhigh, summed exactly (math.fsum); a sum beyond
    the largest float is an error naming the entry that takes it there."""
    from nbscdr_cli.finite import checked_sum

    high = checked_sum([e.range.high for e in entries], entries, "the total")
    return RemovalRange(math.fsum(e.range.lower for e in entries), high)  # low <= high


def compare_with_reference(total: RemovalRange, entries: Sequence[Entry], reference: Reference) -> Comparison:
    """The total against ``reference``, and the subtotal inside its scope."""
    from nbscdr_cli.finite import check_ratio

    scope = set(reference.scope)
    inside = [e for e in entries if e.technique.scope in scope]
    outside = [e for e in entries if e.technique.scope not in scope]
    ref = reference.range
    return Comparison(
        reference=reference,
        ratio_low=check_ratio(total.lower / ref.lower if ref.lower > 0 else None, reference.id),
        ratio_high=check_ratio(total.high / ref.high if ref.high > 0 else None, reference.id),
        in_scope=total_range(inside),
        in_scope_ids=tuple(e.technique.id for e in inside),
        out_of_scope_ids=tuple(e.technique.id for e in outside),
    )


def overlapping_pairs(entries: Sequence[Entry]) -> tuple[tuple[str, str], ...]:
    """Pairs of entries that draw on the same land or biomass (from the catalog's
    ``shares_resource_with``), whose high ends may count the same removal twice."""
    present = {e.technique.id for e in entries}
    pairs: set[tuple[str, str]] = set()
    for entry in entries:
        for other in entry.technique.shares_resource_with:
            if other in present and other != entry.technique.id:
                a, b = sorted((entry.technique.id, other))
                pairs.add((a, b))
    return tuple(sorted(pairs))


def sum_portfolio(portfolio: Portfolio, references: Sequence[Reference] = ()) -> PortfolioResult:
    """Sum a portfolio and compare it with annual ``references``."""
    total = total_range(portfolio.entries)
    return PortfolioResult(
        portfolio=portfolio,
        total=total,
        open_low_ids=tuple(e.technique.id for e in portfolio.entries if e.open_low),
        comparisons=tuple(
            compare_with_reference(total, portfolio.entries, r) for r in references if r.kind == "annual"
        ),
        overlaps=overlapping_pairs(portfolio.entries),
    )
