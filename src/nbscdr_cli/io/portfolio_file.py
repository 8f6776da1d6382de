"""Portfolio files: a name and entries, in TOML or JSON, from a path, standard
input, text or a parsed mapping. Each entry becomes an ``EntrySpec`` (the same
checks as a spec typed on the command line, ``model.spec``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, NamedTuple

from nbscdr_cli.base.user_text import clean
from nbscdr_cli.io.files import STDIN, STDIN_NAME, display_path, parse_document, read_text
from nbscdr_cli.model.errors import DataError, InputError, cut
from nbscdr_cli.model.spec import MAX_ENTRIES, EntrySpec, parse_share

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
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or a path, not {type(path).__name__}")
    where = STDIN_NAME if os.fspath(path) == STDIN else display_path(path)
    return portfolio_from_text(read_text(path, what="portfolio file"), where=where, name=os.fspath(path))


def portfolio_from_text(text: str, *, where: str = "<portfolio>", name: str = "") -> PortfolioFile:
    """A portfolio from the text of a file, TOML or JSON (by ``name``'s extension
    where it has .toml or .json, else by content)."""
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
    return PortfolioFile(clean(name).strip() if name else None, specs, where)


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
                from nbscdr_cli.model.units import parse_unit

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
