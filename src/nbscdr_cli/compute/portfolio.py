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

from nbscdr_cli.model.catalog import Catalog, Overlap, Reference, RemovalRange, Technique
from nbscdr_cli.model.errors import InputError, UsageError, cut, expect
from nbscdr_cli.model.spec import EntrySpec

LARGEST = 1.7976931348623157e308  # the largest float


class Entry(NamedTuple):
    """A technique in a portfolio, with its range after the share (Gt CO2/yr)."""

    technique: Technique
    share: float
    range: RemovalRange
    own_figure: bool = False
    written_factor: float = 1.0  # the unit the figure was written in -> Gt CO2/yr
    where: str = ""  # the spec or file place it came from, for messages

    def as_given(self, factor: float) -> bool:
        """In a unit of ``factor``, is the figure exactly as its source wrote it?"""
        return self.share == 1.0 and factor == self.written_factor

    @property
    def open_low(self) -> bool:
        return self.range.open_low


class Portfolio(NamedTuple):
    name: str | None  # None when the user gave none
    entries: tuple[Entry, ...]


SLIVER = 0.1  # ranges that share less than this share of the narrower one's width only touch


class Relation(NamedTuple):
    """Where one range ("ours") lies against another ("theirs"), read as a
    person would, with the difference at each end (ours minus theirs, low end
    first) and the width of what the two share (0 where they share nothing):

    - ``below``: all of ours is under their low end; ``above``: over their high end;
    - ``touches``: they share less than a tenth (SLIVER) of the narrower range's
      width, a point included: the two meet only if ours is at one of its ends
      (its high end where ours lies lower, its low end where it lies higher);
    - ``within``: ours lies inside theirs, ends included (equal ranges too);
    - ``contains``: theirs lies inside ours;
    - ``overlapping``: they share more than a sliver and neither holds the other.
    """

    position: str  # "below", "touches", "within", "contains", "overlapping" or "above"
    low_difference: float
    high_difference: float
    overlap: float = 0.0

    @property
    def meets_at(self) -> str | None:
        """For ``touches``: the end of ours that meets theirs ("high" or "low")."""
        if self.position != "touches":
            return None
        return "high" if self.low_difference < 0 else "low"


def relate(ours: RemovalRange, theirs: RemovalRange) -> Relation:
    """``ours`` against ``theirs`` (open lows count as 0)."""
    lows, highs = (ours.lower, theirs.lower), (ours.high, theirs.high)
    low_difference, high_difference = lows[0] - lows[1], highs[0] - highs[1]
    shared = min(highs) - max(lows)
    if ours.high < theirs.lower:
        return Relation("below", low_difference, high_difference)
    if ours.lower > theirs.high:
        return Relation("above", low_difference, high_difference)
    narrower = min(ours.high - ours.lower, theirs.high - theirs.lower)
    inside = low_difference >= 0 and high_difference <= 0
    holds = low_difference <= 0 and high_difference >= 0
    if shared < SLIVER * narrower and not (inside or holds):
        position = "touches"
    elif inside:
        position = "within"
    elif holds:
        position = "contains"
    else:
        position = "overlapping"
    return Relation(position, low_difference, high_difference, shared)


class Comparison(NamedTuple):
    """The entries in a reference's scope against the reference's range. A
    reference without a scope covers every entry."""

    reference: Reference
    compared: RemovalRange  # subtotal of the entries in the reference's scope
    relation: Relation  # ``compared`` against the reference
    in_scope_ids: tuple[str, ...]
    out_of_scope_ids: tuple[str, ...]


class PortfolioResult(NamedTuple):
    portfolio: Portfolio
    total: RemovalRange  # low counts open lows as 0
    open_low_ids: tuple[str, ...]
    comparisons: tuple[Comparison, ...]  # with the annual references
    overlaps: tuple[Overlap, ...]  # recorded pairs that are both in the portfolio
    needs_period: tuple[Reference, ...] = ()  # cumulative references asked for without a period


def make_entry(catalog: Catalog, spec: EntrySpec) -> Entry:
    """Resolve one spec: find its technique and apply its share or own figure."""
    technique = catalog.find(spec.technique, where=spec.where or None)
    if spec.own_figure:
        assert spec.high is not None
        factor = 1.0
        if spec.unit is not None:
            from nbscdr_cli.model.units import rate_factor

            factor = rate_factor(spec.unit, where=spec.where or None)
        low = spec.high if spec.low is None else spec.low
        mode = None if spec.mode is None else spec.mode * factor
        rng = RemovalRange(low * factor, spec.high * factor, mode)
        if not math.isfinite(rng.high):
            raise InputError("figure is too large", where=spec.where or None)
        return Entry(technique, 1.0, rng, own_figure=True, written_factor=factor, where=spec.where)
    computed = technique.in_use is not None and technique.in_use.computed
    return Entry(
        technique,
        spec.share,
        technique.range.scaled(spec.share),
        written_factor=0.0 if computed else technique.unit_factor,  # no unit's factor is 0
        where=spec.where,
    )


def build_portfolio(catalog: Catalog, specs: Sequence[EntrySpec], *, name: str | None = None) -> Portfolio:
    """Resolve every spec; a technique may appear only once."""
    expect(catalog, Catalog, "catalog", "a Catalog (load_catalog)")
    if isinstance(specs, str) or not isinstance(specs, Sequence):
        raise TypeError(f"specs must be a list of EntrySpec (parse_specs), not {type(specs).__name__}")
    for spec in specs:
        expect(spec, EntrySpec, "specs", "a list of EntrySpec (parse_specs)")
    if name is not None:
        expect(name, str, "name", "a str or None")
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
    wholes = {e.technique.id: e for e in entries}
    for spec, entry in zip(specs, entries, strict=True):
        part = entry.technique.part_of
        if part is not None and part.whole in wholes:
            whole = wholes[part.whole].technique
            raise InputError(
                f"technique {entry.technique.id!r} is part of {whole.id!r} ({part.text.en.rstrip('.')}): "
                f"the portfolio would count it twice; give {whole.id!r} or its parts, not both",
                where=spec.where or None,
            )
    return Portfolio(name, tuple(entries))


def entry_place(entry: Entry) -> str:
    """Where an entry came from (its spec or file place), for messages."""
    return entry.where or f"entry {entry.technique.id!r}"


def checked_sum(values: Sequence[float], entries: Sequence[Entry], what: str) -> float:
    """The exact sum (math.fsum) of ``values``, one per entry, all 0 or more; if
    it overflows, an error naming the entry with which it does."""
    try:
        total = math.fsum(values)
    except OverflowError:
        total = math.inf
    if math.isfinite(total):
        return total
    running = 0.0
    for value, entry in zip(values, entries, strict=True):
        running += value
        if not math.isfinite(running):
            raise InputError(
                f"with this entry, {what} passes the largest number ({LARGEST:.4g}); give smaller figures",
                where=entry_place(entry),
            )
    raise InputError(f"{what} is out of range; give smaller figures")  # rounding at the very edge


def total_range(entries: Sequence[Entry]) -> RemovalRange:
    """Σlow (open lows as 0) and Σhigh, summed exactly (math.fsum); a sum beyond
    the largest float is an error naming the entry that takes it there."""
    high = checked_sum([e.range.high for e in entries], entries, "the total")
    return RemovalRange(math.fsum(e.range.lower for e in entries), high)  # low <= high


def compare_with_reference(entries: Sequence[Entry], reference: Reference) -> Comparison:
    """The subtotal of the entries in ``reference``'s scope, against it."""
    inside = [e for e in entries if reference.covers(e.technique)]
    compared = total_range(inside)
    return Comparison(
        reference=reference,
        compared=compared,
        relation=relate(compared, reference.range),
        in_scope_ids=tuple(e.technique.id for e in inside),
        out_of_scope_ids=tuple(e.technique.id for e in entries if not reference.covers(e.technique)),
    )


def overlapping(entries: Sequence[Entry], overlaps: Sequence[Overlap]) -> tuple[Overlap, ...]:
    """The recorded overlaps whose two techniques are both in the portfolio."""
    present = {e.technique.id for e in entries}
    return tuple(o for o in overlaps if set(o.techniques) <= present)


def sum_portfolio(
    portfolio: Portfolio, references: Sequence[Reference] = (), overlaps: Sequence[Overlap] = ()
) -> PortfolioResult:
    """Sum a portfolio and compare the entries in each annual reference's scope
    with it; cumulative references need a period (``horizon.project``)."""
    expect(portfolio, Portfolio, "portfolio", "a Portfolio (build_portfolio)")
    for reference in references:
        expect(reference, Reference, "references", "a list of Reference")
    for overlap in overlaps:
        expect(overlap, Overlap, "overlaps", "a list of Overlap")
    total = total_range(portfolio.entries)
    return PortfolioResult(
        portfolio=portfolio,
        total=total,
        open_low_ids=tuple(e.technique.id for e in portfolio.entries if e.open_low),
        comparisons=tuple(
            compare_with_reference(portfolio.entries, r) for r in references if not r.cumulative
        ),
        overlaps=overlapping(portfolio.entries, overlaps),
        needs_period=tuple(r for r in references if r.cumulative),
    )
