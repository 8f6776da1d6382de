"""Portfolio specs: what the user asks for, from arguments or a portfolio file.

A spec names a technique and how much of it::

    afforestation              its full range
    afforestation:50%          that share of its range (also afforestation:0.5)
    afforestation=2            the user's own figure, in Gt CO2/yr
    afforestation=1.5-3        the user's own range
    afforestation=500-800 Mt CO2/yr   ... in any rate unit

The technique is matched later against a catalog (``portfolio.build_portfolio``);
this module only checks the syntax and the numbers. The whole spec is NFKC-folded
first, so full-width '：', '＝', '％' and digits work as their half-width forms.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from nbscdr_cli.errors import DataError, InputError, cut

MAX_SPEC_LENGTH = 300
MAX_ENTRIES = 100_000
# A number as written or as nbscdr prints it (thousands separated: 1,000).
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_OWN_FIGURE = re.compile(
    rf"^\s*({_NUM})\s*(?:(?:-|–|—|~|\bto\b)\s*({_NUM}))?\s*(?:@\s*({_NUM}))?\s*(.*?)\s*$"
)
_SHARE = re.compile(rf"^\s*({_NUM})\s*(%?)\s*$")


class EntrySpec(NamedTuple):
    """One requested entry: a technique name plus a share or the user's own figure."""

    technique: str
    share: float = 1.0
    low: float | None = None  # own figure, in ``unit``
    high: float | None = None
    mode: float | None = None  # most likely value, for --distribution triangular/pert
    unit: str | None = None
    where: str = ""

    @property
    def own_figure(self) -> bool:
        return self.high is not None


def parse_share(text: str, *, where: str) -> float:
    """'50%' or '0.5' -> 0.5; a share is between 0 and 1 (0% and 100%)."""
    match = _SHARE.match(text)
    if match is None:
        raise InputError(f"share {cut(text)!r} is not a number or percentage, e.g. 50% or 0.5", where=where)
    value = float(match.group(1).replace(",", ""))
    percent = bool(match.group(2))
    share = value / 100 if percent else value
    if not 0 <= share <= 1:
        hint = "" if percent else f" (write {cut(text)}% for a percentage)"
        raise InputError(f"share {cut(text)} is outside 0–1 (0%–100%){hint}", where=where)
    return share


def parse_own_figure(text: str, *, where: str) -> tuple[float, float, float | None, str | None]:
    """'2', '1.5-3', '1-3@2' or '500-800 Mt CO2/yr' -> (low, high, mode, unit)."""
    match = _OWN_FIGURE.match(text)
    if match is None:
        raise InputError(
            f"figure {cut(text)!r} is not a number or range, e.g. 2, 1.5-3 or '500-800 Mt CO2/yr' "
            "(removals are 0 or more)",
            where=where,
        )
    from nbscdr_cli.units import parse_number

    low = parse_number(match.group(1), where=where, what="figure")
    high = low if match.group(2) is None else parse_number(match.group(2), where=where, what="figure")
    if low > high:
        raise InputError(
            f"figure {cut(text)!r}: low {cut(match.group(1))} is above high {cut(match.group(2))}",
            where=where,
        )
    mode = None
    if match.group(3) is not None:
        mode = parse_number(match.group(3), where=where, what="mode")
        if not low <= mode <= high:
            raise InputError(
                f"figure {cut(text)!r}: mode {cut(match.group(3))} is outside {low:g}–{high:g}", where=where
            )
    return low, high, mode, (match.group(4) or None)


def parse_spec(text: str, *, where: str | None = None) -> EntrySpec:
    """Parse one spec string (see the module docstring)."""
    where = where or f"spec {text[:60]!r}"
    if not isinstance(text, str):
        raise InputError("a spec must be text", where=where)
    if len(text) > MAX_SPEC_LENGTH:
        raise InputError(f"spec is {len(text)} characters long (at most {MAX_SPEC_LENGTH})", where=where)
    folded = unicodedata.normalize("NFKC", text)
    positions = [i for i in (folded.find(":"), folded.find("=")) if i >= 0]
    cut = min(positions) if positions else len(folded)
    name = folded[:cut].strip()
    if not name:
        raise InputError("no technique named; e.g. afforestation:50% or biochar=1-2", where=where)
    if cut == len(folded):
        return EntrySpec(name, where=where)
    rest = folded[cut + 1 :]
    if folded[cut] == ":":
        return EntrySpec(name, share=parse_share(rest, where=where), where=where)
    low, high, mode, unit = parse_own_figure(rest, where=where)
    if unit is not None:
        from nbscdr_cli.units import parse_unit

        parse_unit(unit, kind="rate", where=where)
    return EntrySpec(name, low=low, high=high, mode=mode, unit=unit, where=where)


def parse_specs(texts: Iterable[str], *, label: str = "spec") -> list[EntrySpec]:
    """Parse specs; each error names the spec's position (``label`` 1, 2, ...:
    the command line says "argument")."""
    specs = []
    for i, text in enumerate(texts, start=1):
        if not isinstance(text, str):
            raise InputError("a spec must be text, e.g. 'biochar:50%'", where=f"{label} {i}")
        shown = text if len(text) <= 60 else text[:57] + "..."
        specs.append(parse_spec(text, where=f"{label} {i} {shown!r}"))
    return specs


# ------------------------------------------------------------------ portfolio files

ENTRY_KEYS = {"technique", "share", "low", "high", "mode", "unit"}
FIGURE_KEYS = frozenset({"low", "high", "mode", "unit"})
FILE_KEYS = {"name", "entries"}


class PortfolioFile(NamedTuple):
    name: str | None
    entries: list[EntrySpec]
    path: str


def read_portfolio_file(path: str | os.PathLike[str]) -> PortfolioFile:
    """Read a portfolio file, TOML or JSON (by its extension, else by content);
    ``-`` reads standard input."""
    from nbscdr_cli.files import STDIN, STDIN_NAME, display_path, read_text

    where = STDIN_NAME if os.fspath(path) == STDIN else display_path(path)
    return portfolio_from_text(read_text(path, what="portfolio file"), where=where, name=os.fspath(path))


def portfolio_from_text(text: str, *, where: str = "<portfolio>", name: str = "") -> PortfolioFile:
    """A portfolio from the text of a file, TOML or JSON (by ``name``'s extension
    where it has .toml or .json, else by content)."""
    from nbscdr_cli.files import parse_document

    if not text.strip():
        raise DataError("portfolio file is empty", where=where)
    return portfolio_from_dict(parse_document(text, where=where, name=name), where=where)


def portfolio_from_dict(document: Any, *, where: str) -> PortfolioFile:
    """Validate a parsed portfolio document."""
    if not isinstance(document, Mapping):
        raise DataError("a portfolio file is a table with `name` and `entries`", where=where)
    for key in document:
        if key not in FILE_KEYS:
            raise DataError(f"{cut(str(key))}: unknown key; known keys: entries, name", where=where)
    name = document.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise DataError("name: must be a non-empty string", where=where)
    entries = document.get("entries")
    if not isinstance(entries, list) or not entries:
        raise DataError("entries: must be a non-empty list of tables ([[entries]])", where=where)
    if len(entries) > MAX_ENTRIES:
        raise DataError(f"entries: {len(entries)} entries; at most {MAX_ENTRIES}", where=where)
    specs = [_entry_from_dict(item, where=f"{where}: entries[{i}]") for i, item in enumerate(entries)]
    return PortfolioFile(name.strip() if name else None, specs, where)


def _entry_from_dict(item: Any, *, where: str) -> EntrySpec:
    if not isinstance(item, Mapping):
        raise DataError("must be a table with `technique` and `share` or `low`/`high`", where=where)
    if not item.keys() <= ENTRY_KEYS:
        key = next(k for k in item if k not in ENTRY_KEYS)
        raise DataError(
            f"unknown key {cut(str(key))!r}; known keys: {', '.join(sorted(ENTRY_KEYS))}", where=where
        )
    technique = item.get("technique")
    if not isinstance(technique, str) or not technique.strip():
        raise DataError("technique: must be a non-empty string", where=where)
    has_share = "share" in item
    has_figure = not FIGURE_KEYS.isdisjoint(item.keys())
    if has_share and has_figure:
        raise DataError("give either `share` or `low`/`high`/`unit`, not both", where=where)
    try:
        if has_share:
            share = item["share"]
            if isinstance(share, bool) or not isinstance(share, str | int | float):
                raise DataError(
                    f"share: must be a number or a percentage string, not {cut(repr(share))}", where=where
                )
            if isinstance(share, int | float) and 0 <= share <= 1:
                return EntrySpec(technique.strip(), share=float(share), where=where)
            return EntrySpec(technique.strip(), share=parse_share(str(share), where=where), where=where)
        if has_figure:
            if "high" not in item:
                raise DataError("high: missing (give high, and optionally low and unit)", where=where)
            high = _figure(item["high"], "high", where)
            low = _figure(item["low"], "low", where) if "low" in item else high
            if low > high:
                raise DataError(
                    f"low {cut(str(item['low']))} is above high {cut(str(item['high']))}", where=where
                )
            mode = _figure(item["mode"], "mode", where) if "mode" in item else None
            if mode is not None and not low <= mode <= high:
                raise DataError(f"mode {cut(str(item['mode']))} is outside the low–high range", where=where)
            unit = item.get("unit")
            if unit is not None:
                if not isinstance(unit, str):
                    raise DataError("unit: must be a string such as 'Gt CO2/yr'", where=where)
                from nbscdr_cli.units import parse_unit

                parse_unit(unit, kind="rate", where=f"{where}.unit")
            return EntrySpec(technique.strip(), low=low, high=high, mode=mode, unit=unit, where=where)
    except InputError as exc:
        raise DataError(exc.message, where=exc.where or where) from None
    return EntrySpec(technique.strip(), where=where)


def _figure(value: Any, key: str, where: str) -> float:
    import math

    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataError(f"{key}: must be a number, not {cut(repr(value))}", where=where)
    try:
        number = float(value)
    except OverflowError:
        raise DataError(f"{key}: number is too large", where=where) from None
    if not math.isfinite(number) or number < 0:
        raise DataError(f"{key}: must be a finite number, 0 or more, not {cut(str(value))}", where=where)
    return number
