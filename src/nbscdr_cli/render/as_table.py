"""The terminal table (the default format): the grids of ``tables.py`` drawn with rich.

Colour and box-drawing characters appear only when stdout is a terminal that can
show them; NO_COLOR is honoured (``Environment.colour``). Written to a pipe or a
file, the same layout uses plain ASCII rules and no escape codes.
"""

from __future__ import annotations

import io
from typing import Any

from nbscdr_cli.environment import Environment
from nbscdr_cli.render import tables
from nbscdr_cli.render.labels import text
from nbscdr_cli.render.numbers import derived, given
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import unit_text


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
    """Lay ``grid`` out as one rich table."""
    from rich.table import Table

    if grid.title:  # on a line of its own: a table would wrap it to its own width
        _line(console, grid.title, env)
    table = Table(
        box=_box(env),
        header_style="bold cyan" if env.stdout_terminal else "",
        show_header=show_header,
    )
    for i, (name, numeric) in enumerate(zip(grid.header, grid.numeric, strict=True)):
        table.add_column(name, justify="right" if numeric else "left", overflow="fold", no_wrap=i < grid.ids)
    first_total = len(grid.rows) - grid.totals
    for i, row in enumerate(grid.rows):
        if i == first_total and grid.totals:
            table.add_section()
        bold = i >= first_total and grid.totals and env.stdout_terminal
        table.add_row(*row, style="bold" if bold else "")
    console.print(table)


def _line(console: Any, line: str, env: Environment, style: str = "") -> None:
    console.print(line, style=style if env.stdout_terminal else "", markup=False, soft_wrap=True)


SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = " .:-=+*#"


def sparkline(counts: list[int], ascii_only: bool) -> str:
    """A one-line histogram, one character per bin."""
    marks = SPARK_ASCII if ascii_only else SPARK
    top = max(counts) or 1
    return "".join(marks[min(len(marks) - 1, round(c / top * (len(marks) - 1)))] for c in counts)


def _portfolio(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    ascii_only = _box(env).ascii
    for grid in tables.portfolio_grids(doc, lang):
        draw(console, grid, env)
        if grid.key == "uncertainty":
            hist = doc["uncertainty"]["histogram"]
            spark = sparkline(hist["counts"], ascii_only)
            _line(
                console,
                f"{derived(hist['low'])} {spark} {derived(hist['high'])} {unit_text(doc['unit'], lang)}",
                env,
            )
        if grid.key == "horizon":
            h = doc["horizon"]
            stock = [p["stock"]["high"] for p in h["path"]]
            scale = max(stock) or 1
            spark = sparkline([round(v / scale * 1000) for v in stock], ascii_only)
            label = text("stock_path", lang)
            _line(
                console,
                f"{label} {h['from']}–{h['last_year']}: {spark} {derived(stock[-1])} {unit_text(h['unit'], lang)}",
                env,
            )
    for w in doc["warnings"]:
        _line(console, f"- {w['message']}", env, "yellow")


def _technique(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    rows = [
        [key, "\n".join(f"• {v}" for v in value) if isinstance(value, list) else value]
        for key, value in tables.technique_fields(doc, lang)
    ]
    title = f"{doc['name'].get(lang) or doc['name']['en']} ({doc['id']})"
    draw(console, Grid(title, ["", ""], rows, [False, False]), env, show_header=False)


def _catalog(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    draw(console, tables.catalog_grid(doc, lang), env)
    for note in tables.catalog_footnotes(doc, lang):
        _line(console, note, env)


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    if kind == "conversion":
        return f"{given(doc['value']) if doc.get('as_given') else derived(doc['value'])} {unit_text(doc['unit'], lang)}"
    console = _console(env)
    if kind == "portfolio":
        _portfolio(console, doc, lang, env)
    elif kind == "technique":
        _technique(console, doc, lang, env)
    elif kind == "catalog":
        _catalog(console, doc, lang, env)
    else:
        grid = {
            "compare": tables.compare_grid,
            "assessments": tables.assessments_grid,
            "references": tables.references_grid,
        }
        draw(console, grid[kind](doc, lang), env)
        for w in doc.get("warnings", []):
            _line(console, f"- {w['message']}", env, "yellow")
    return str(console.file.getvalue())
