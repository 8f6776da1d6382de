"""The Roe et al. (2021) workbook's cells, read directly (openpyxl), for tests that check
nbscdr's country and region figures against the SI itself rather than against the derived
data file: a figure or sum expected here is computed from the cells."""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "data" / "sources" / "roe2021" / "roe2021-gcb15873-supinfo.xlsx"
SHEET = "1. Sectoral mitigation-country"
FIRST_ROW = 12
HISTORIC = {"SCG", "ANT"}  # left out of every sum (see model/regions.py)
KEYS = {"region_ar6_5": "D", "region_ar6_10": "E", "region_ar6_22": "F", "region_ar6_dev": "G"}


def _index(letters: str) -> int:
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n - 1


@functools.cache
def rows() -> dict[str, tuple[Any, ...]]:
    """ISO3 (column B) -> the row's cells, for every country row of the sheet."""
    import openpyxl

    book = openpyxl.load_workbook(WORKBOOK, read_only=True, data_only=False)
    try:
        found = {}
        for row in book[SHEET].iter_rows(min_row=FIRST_ROW, values_only=True):
            iso3 = row[1]
            if iso3 not in (None, ""):
                found[iso3] = tuple(row)
    finally:
        book.close()
    return found


def cell(iso3: str, column: str) -> Any:
    """One cell, or None where it is blank (empty or an empty string)."""
    row = rows()[iso3]
    i = _index(column)
    value = row[i] if i < len(row) else None
    return None if value in (None, "") else value


def members(key: str | None = None, name: str | None = None) -> list[str]:
    """The ISO3 codes of a region (``key`` column's value ``name``), or of every
    country, historic entities left out."""
    codes = [c for c in rows() if c not in HISTORIC]
    if key is None:
        return codes
    return [c for c in codes if cell(c, KEYS[key]) == name]


def combined(iso3: str, avg: str, low: str, high: str) -> tuple[float, float, float] | None:
    """(central, low, high) of an "(average)" block: None where its average is blank
    (the SI then holds 0 in min and max)."""
    central = cell(iso3, avg)
    if central is None:
        return None
    return central, cell(iso3, low), cell(iso3, high)


def region_sum(codes: list[str], avg: str, low: str, high: str) -> tuple[float, float, float]:
    """Central values, lows and highs of an average block, each summed over ``codes``."""
    found = [f for c in codes if (f := combined(c, avg, low, high)) is not None]
    return tuple(math.fsum(column) for column in zip(*found, strict=True))  # type: ignore[return-value]
