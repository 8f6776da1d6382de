"""The terminal table (the default format): the grids of ``tables.py`` drawn with rich.

Colour and box-drawing characters appear only when stdout is a terminal that can
show them; NO_COLOR is honoured (``Environment.colour``). Written to a pipe or a
file, the same layout uses plain ASCII rules and no escape codes. Tables have
rules between columns and under the header, no frame around them (two lines
fewer each); where every figure of a table is in one unit, the unit is in its
title rather than under each header. Notes follow as footnotes
(``footnotes.py``): the essential ones by default, every one with
``--notes all``, none with ``--notes none``.
"""

from __future__ import annotations

import io
from typing import Any

from nbscdr_cli.api.wording import unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import derived, given
from nbscdr_cli.base.typography import chinese
from nbscdr_cli.render import catalog_tables, compare_table, reference_tables, tables
from nbscdr_cli.render.environment import Environment
from nbscdr_cli.render.footnotes import Footnoted, general_heading
from nbscdr_cli.render.long_tables import LONG_TABLE_ROWS, print_table
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import entry_label, total_show


def _console(env: Environment) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=env.width,
        force_terminal=env.stdout_terminal,
        no_color=not env.colour,
        color_system="auto" if env.colour else None,
        highlight=False,
        markup=False,  # names and notes come from users' files: never interpret [brackets]
        soft_wrap=False,
        emoji=False,
        legacy_windows=False,
    )


def _box(env: Environment) -> Any:
    from rich import box

    return box.ROUNDED if env.stdout_terminal and env.unicode else box.ASCII2


def draw(console: Any, grid: Grid, env: Environment, *, show_header: bool = True) -> None:
    """Lay ``grid`` out as one rich table, its cells wrapped by ``wrap.py`` in
    columns sized by ``column_widths``; where even the narrowest layout is wider
    than the terminal, as one record per row."""
    from rich.table import Table

    from nbscdr_cli.render.wrap import Wrapped

    grid = unit_in_title(grid)
    if chinese():  # every Chinese cell set by the typography rules (issue 24)
        grid = catalog_tables.typeset_grid(grid, "zh")
    if grid.title:  # on a line of its own: a table would wrap it to its own width
        _line(console, grid.title, env)
    widths = column_widths(grid, console.width, show_header)
    if widths is None:
        _records(console, grid, env)
        return
    if len(grid.rows) >= LONG_TABLE_ROWS:  # plain cells, drawn fast where none wraps
        table = Table(
            box=_box(env),
            header_style="bold cyan" if env.stdout_terminal else "",
            show_header=show_header,
            show_edge=False,
        )
        for name, numeric in zip(grid.header, grid.numeric, strict=True):
            table.add_column(name, justify="right" if numeric else "left")
        _add_rows(table, grid, env, str)
        print_table(console, table)
        return
    table = Table(
        box=_box(env),
        header_style="bold cyan" if env.stdout_terminal else "",
        show_header=show_header,
        show_edge=False,
    )
    for name, numeric, width in zip(grid.header, grid.numeric, widths, strict=True):
        table.add_column(Wrapped(name), justify="right" if numeric else "left", width=width)
    _add_rows(table, grid, env, Wrapped)
    console.print(table)


def unit_in_title(grid: Grid) -> Grid:
    """Where every header that names a unit names the same one ("Low\nGt CO2/yr"),
    the unit once, at the end of the title, and one line of headers."""
    units = {h.split("\n", 1)[1] for h in grid.header if "\n" in h}
    if len(units) != 1 or not grid.title:
        return grid
    (unit,) = units
    header = [h.split("\n", 1)[0] for h in grid.header]
    chinese = any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in grid.title)
    return grid._replace(title=grid.title + ("，" if chinese else ", ") + unit, header=header)


def _add_rows(table: Any, grid: Grid, env: Environment, cell: Any) -> None:
    """The grid's rows, the totals after a rule and (on a terminal) in bold."""
    first_total = len(grid.rows) - grid.totals
    for i, row in enumerate(grid.rows):
        if i == first_total and grid.totals:
            table.add_section()
        bold = i >= first_total and grid.totals and env.stdout_terminal
        table.add_row(*(cell(value) for value in row), style="bold" if bold else "")


def column_widths(grid: Grid, width: int, show_header: bool = True) -> list[int] | None:
    """Each column's width within ``width`` cells (a space either side of each
    column and a rule between them): every column at its widest line if that
    fits, else at least its widest unbreakable piece (an id, a DOI); then the
    columns that need no more than an even share of the room left get all they
    need (short labels stay whole), and the rest share it in proportion. None where
    the table cannot fit that way, or where a row would wrap taller than
    MAX_ROW_LINES: then it is drawn as records."""
    from rich.cells import cell_len

    from nbscdr_cli.render.wrap import widest_piece

    columns = [list(c) for c in zip(*grid.rows, strict=True)] if grid.rows else [[] for _ in grid.header]
    if show_header:
        columns = [[h, *c] for h, c in zip(grid.header, columns, strict=True)]
    lines = [[line for cell in column for line in cell.split("\n")] for column in columns]
    widest = [max((cell_len(line) for line in c), default=0) for c in lines]
    narrowest = [max((widest_piece(cell) for cell in c), default=0) for c in columns]
    room = width - 3 * len(columns) + 1  # a space either side of each cell, a rule between columns
    if sum(widest) <= room:
        return widest
    if show_header:  # a figures' column need not be as wide as a long header: two lines of it will do
        for i, (head, numeric) in enumerate(zip(grid.header, grid.numeric, strict=True)):
            body = max((cell_len(line) for cell in columns[i][1:] for line in cell.split("\n")), default=0)
            if numeric and widest[i] > body:
                half = max(cell_len(line) for line in head.split("\n")) // 2 + 1
                widest[i] = max(body, narrowest[i], min(widest[i], half))
    if len(columns) > 2 and sum(narrowest) > room:
        return None
    widths = list(narrowest)
    spare = max(room - sum(widths), 0)
    open_ = {i for i in range(len(widths)) if widest[i] > widths[i]}
    while open_:  # a column that needs no more than an even share gets all it needs
        even = spare // len(open_)
        done = {i for i in open_ if widest[i] - widths[i] <= even}
        if not done:
            break
        for i in done:
            spare -= widest[i] - widths[i]
            widths[i] = widest[i]
        open_ -= done
    wanted = {i: widest[i] - widths[i] for i in open_}
    shares = {i: spare * w // (sum(wanted.values()) or 1) for i, w in wanted.items()}
    for i in sorted(shares, key=lambda i: -wanted[i])[: spare - sum(shares.values())]:
        shares[i] += 1
    widths = [max(w + shares.get(i, 0), 1) for i, w in enumerate(widths)]
    if len(columns) > 2 and tallest(grid.rows, widths) > MAX_ROW_LINES:
        return None
    return widths


MAX_ROW_LINES = 8  # a row wrapped taller than this reads better as a record


def tallest(rows: list[list[str]], widths: list[int]) -> int:
    """The most lines a row takes with its cells wrapped to ``widths`` (the first
    200 rows: a long table's rows are alike)."""
    from nbscdr_cli.render.wrap import wrap

    return max(
        (len(wrap(cell, w)) for row in rows[:200] for cell, w in zip(row, widths, strict=True)), default=0
    )


def _records(console: Any, grid: Grid, env: Environment) -> None:
    """A table too wide for the terminal (or so wide that its cells would wrap
    into tall, narrow columns) as records, one under another: each cell beside
    its column's name, a rule between rows."""
    from rich.table import Table

    from nbscdr_cli.render.wrap import Wrapped

    names = [" ".join(h.split("\n")) for h in grid.header]
    first_total = len(grid.rows) - grid.totals
    records = [
        [
            (name, cell, i >= first_total and grid.totals)
            for j, (name, cell) in enumerate(zip(names, row, strict=True))
            if cell or not j
        ]
        for i, row in enumerate(grid.rows)
    ]
    pairs = Grid(
        "", ["", ""], [[name, cell] for record in records for name, cell, _ in record], [False, False]
    )
    widths = column_widths(pairs, console.width, show_header=False)  # two columns: never None
    table = Table(box=_box(env), show_header=False, show_edge=False)
    for width in widths or (None, None):
        table.add_column(width=width)
    for i, record in enumerate(records):
        if i:
            table.add_section()
        for j, (name, cell, total) in enumerate(record):
            bold = env.stdout_terminal and (total or not j)
            table.add_row(Wrapped(name), Wrapped(cell), style="bold" if bold else "")
    console.print(table)


def _line(console: Any, line: str, env: Environment, style: str = "") -> None:
    """A line of text: on a terminal wrapped by ``wrap.py`` (a note's
    continuation lines under its text); to a pipe or file one line, for grep."""
    if env.stdout_terminal:
        from nbscdr_cli.render.wrap import Wrapped

        console.print(Wrapped(line), style=style)
    else:
        console.print(line, markup=False, soft_wrap=True)


SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = " .:-=+*#"


def sparkline(counts: list[int], ascii_only: bool) -> str:
    """A one-line histogram, one character per bin."""
    marks = SPARK_ASCII if ascii_only else SPARK
    top = max(counts) or 1
    return "".join(marks[min(len(marks) - 1, round(c / top * (len(marks) - 1)))] for c in counts)


def _notes(console: Any, marked: Footnoted, lang: str, env: Environment) -> None:
    """The footnotes under the tables, each starting with its marker; then the
    notes that qualify nothing in particular, under a heading of their own."""
    for line in marked.numbered:
        _line(console, line, env, "yellow")
    if marked.general:
        _line(console, general_heading(lang) + _(": ", lang).rstrip(), env)
        for message in marked.general:
            _line(console, f"- {message}", env, "yellow")


def _portfolio(console: Any, doc: dict[str, Any], lang: str, env: Environment, notes: str) -> None:
    ascii_only = _box(env).ascii
    marked = tables.marked_portfolio(doc, lang, notes, env.unicode)
    for grid in marked.built:
        draw(console, grid, env)
        if grid.key == "uncertainty":
            hist = doc["uncertainty"]["histogram"]
            spark = sparkline(hist["counts"] or hist["shares"], ascii_only)  # the convolution has shares
            show = total_show(doc)
            _line(
                console,
                f"{show(hist['low'])} {spark} {show(hist['high'])} {unit_text(doc['unit'], lang)}",
                env,
            )
        if grid.key == "horizon":
            h = doc["horizon"]
            stock = [p["stock"]["high"] for p in h["path"]]
            scale = max(stock) or 1
            spark = sparkline([round(v / scale * 1000) for v in stock], ascii_only)
            label = _("Stock, high end {start}–{last}: ", lang, start=h["from"], last=h["last_year"])
            show = total_show(doc)
            _line(console, f"{label}{spark} {show(stock[-1])} {unit_text(h['unit'], lang)}", env)
    _notes(console, marked, lang, env)


def _technique(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    rows = [
        [key, "\n".join(f"• {v}" for v in value) if isinstance(value, list) else value]
        for key, value in catalog_tables.technique_fields(doc, lang)
    ]
    title = entry_label(doc["name"].get(lang) or doc["name"]["en"], doc["id"], lang)
    draw(console, Grid(title, ["", ""], rows, [False, False]), env, show_header=False)


def _catalog(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    draw(console, catalog_tables.catalog_grid(doc, lang), env)
    for note in catalog_tables.catalog_footnotes(doc, lang):
        _line(console, note, env)


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment, notes: str = "essential") -> str:
    """``doc`` of ``kind`` as tables, with its notes at ``notes`` (essential,
    all, none) as footnotes. To a pipe or a file, no line ends in spaces."""
    if kind == "conversion":
        return f"{given(doc['value']) if doc.get('as_given') else derived(doc['value'])} {unit_text(doc['unit'], lang)}"
    console = _console(env)
    if kind == "portfolio":
        _portfolio(console, doc, lang, env, notes)
    elif kind == "technique":
        _technique(console, doc, lang, env)
    elif kind == "catalog":
        _catalog(console, doc, lang, env)
    elif kind == "compare":
        marked = compare_table.marked_compare(doc, lang, notes, env.unicode)
        draw(console, marked.built, env)
        _notes(console, marked, lang, env)
    else:
        grid = {
            "assessments": catalog_tables.assessments_grid,
            "references": reference_tables.references_grid,
            "rank": region_grid,
            "regions": region_grid,
        }
        draw(console, grid[kind](doc, lang), env)
        for w in doc.get("warnings", []):
            _line(console, f"- {w['message']}", env, "yellow")
    text = str(console.file.getvalue())
    if env.stdout_terminal:
        return text
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def region_grid(doc: dict[str, Any], lang: str) -> Grid:
    """A ranking's or the regions' table, from ``region_tables`` (imported only for them)."""
    from nbscdr_cli.render import region_tables

    return (region_tables.rank_grid if "rows" in doc else region_tables.regions_grid)(doc, lang)
