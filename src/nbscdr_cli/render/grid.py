"""A table as cells of text (``Grid``): what the table and Markdown renderers lay
out, whichever module worded it (``tables``, ``catalog_tables``, ``region_tables``)."""

from __future__ import annotations

from typing import NamedTuple


class Grid(NamedTuple):
    """A table: a title (or ""), column headers (a header may hold a line break
    before its unit), rows of cells, which columns are numbers (right-aligned),
    and how many final rows are totals."""

    title: str
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    totals: int = 0
    key: str = ""  # which table: "portfolio", "comparison", "uncertainty", "horizon"...
