"""Long tables, drawn fast and exactly as rich draws them.

rich lays out every cell of a table as a renderable (measure, wrap, pad, crop),
about 0.4 ms a row: a 10,000-entry portfolio took 5 s as a table against 0.3 s
as CSV. Most rows of a long table are plain: one line per cell, no style. Here
rich draws a *skeleton* of the table, in which each run of plain rows is one row
of placeholder cells exactly as wide as the column; every plain row is then
that placeholder line with its cells written in, justified as rich would. The
header, styled rows (a bold total), section rules, title and box come from rich
itself, so the output is the same to the byte, on a terminal or not.

Only tables that rich would not wrap are drawn this way (every column at its
natural width within the console's); anything else (wrapping, tabs or control
characters, fixed or ratio widths) goes to rich whole. Rows with a style, or a
cell of several lines or with spaces at its edges, stay rows of the skeleton.
"""

from __future__ import annotations

import copy
import re
from typing import Any

LONG_TABLE_ROWS = 64  # below this many rows, rich draws the table itself
MARK = "\ue000"  # placeholder cell character: private use, one cell wide (tables holding it go to rich)
UNSAFE = re.compile(r"[\x00-\x1f\x7f]")  # rich strips or expands these: leave such tables to rich
MARKS = re.compile(MARK + "+")


def print_table(console: Any, table: Any) -> None:
    """``console.print(table)``, fast for long tables of plain rows."""
    if len(table.rows) < LONG_TABLE_ROWS or not _print_fast(console, table):
        console.print(table)


def _print_fast(console: Any, table: Any) -> bool:
    from rich.cells import cell_len

    columns = table.columns
    if not columns or table.width is not None or table.min_width is not None or table.expand:
        return False
    if table.show_footer or table.show_lines or table.row_styles or table.leading:
        return False
    if table.collapse_padding or not table.pad_edge or table.padding[0] or table.padding[2]:
        return False
    cells = [column._cells for column in columns]
    if not all(
        isinstance(c, str) and MARK not in c and not UNSAFE.search(c.replace("\n", ""))
        for column in cells
        for c in column
    ):
        return False  # not plain text, or tabs and control characters rich would expand or strip
    if MARK in str(table.title or "") or any(MARK in str(column.header) for column in columns):
        return False
    widths = []
    for column, column_cells in zip(columns, cells, strict=True):
        if column.width is not None or column.min_width or column.max_width or column.ratio:
            return False
        if column.justify not in ("left", "right", "center") or column.style:
            return False
        header = column.header if isinstance(column.header, str) else None
        if header is None:
            return False
        lines = [line for cell in (header, *column_cells) for line in cell.split("\n")]
        widths.append(max((cell_len(line) for line in lines), default=0))
    if min(widths) == 0:
        return False
    pad = table.padding[1] + table.padding[3]
    if not pad and not table.box:
        return False  # cells would touch, and their placeholders run together
    if sum(widths) + pad * len(widths) + (len(widths) + 1 if table.box else 0) > console.width:
        return False  # rich would wrap or shrink columns
    runs: list[list[int]] = []  # runs of plain rows, each drawn from one placeholder row
    skeleton = copy.copy(table)
    skeleton.columns = []
    for column, width in zip(columns, widths, strict=True):
        fixed = copy.copy(column)
        fixed.width, fixed._cells = width, []
        skeleton.columns.append(fixed)
    skeleton.rows = []
    for i, row in enumerate(table.rows):
        row_cells = [column[i] for column in cells]
        # rich trims a cell's edge spaces when it wraps the text: leave those to rich
        plain = not row.style and all("\n" not in c and c == c.strip() for c in row_cells)
        if plain and runs and runs[-1][-1] == i - 1 and not table.rows[i - 1].end_section:
            runs[-1].append(i)
            skeleton.rows[-1].end_section = row.end_section
            continue
        if plain:
            runs.append([i])
            skeleton.add_row(*(MARK * w for w in widths), end_section=row.end_section)
        else:
            skeleton.add_row(*row_cells, style=row.style, end_section=row.end_section)
    with console.capture() as capture:
        console.print(skeleton)
    out: list[str] = []
    pending = iter(runs)
    for line in capture.get().split("\n"):
        if MARK not in line:
            out.append(line)
            continue
        frame = MARKS.split(line)  # the text around the cells: borders and padding
        for i in next(pending):
            parts = [frame[0]]
            for column, width, text_, edge in zip(
                columns, widths, (c[i] for c in cells), frame[1:], strict=True
            ):
                parts += [_justify(text_, width, column.justify, cell_len), edge]
            out.append("".join(parts))
    console.file.write("\n".join(out))
    return True


def _justify(text: str, width: int, justify: str, cell_len: Any) -> str:
    space: int = width - cell_len(text)
    if justify == "right":
        return " " * space + text
    if justify == "center":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space
