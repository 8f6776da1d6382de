"""Markdown: the grids of ``tables.py`` as pipe tables, for pasting into a briefing."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.wording import unit_text
from nbscdr_cli.base.i18n import _, p_
from nbscdr_cli.base.numbers import derived
from nbscdr_cli.base.typography import chinese
from nbscdr_cli.render import catalog_tables, compare_table, reference_tables, tables
from nbscdr_cli.render.environment import Environment
from nbscdr_cli.render.footnotes import Footnoted, general_heading
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import entry_label


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _head(header: str) -> str:
    """'Low\nGt CO2/yr' as 'Low (Gt CO2/yr)'; a Chinese label takes full-width
    brackets: '下限（Gt CO2/年）'."""
    if "\n" not in header:
        return header
    label, unit = header.split("\n", 1)
    chinese = any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in label)
    return f"{label}（{unit}）" if chinese else f"{label} ({unit})"


def emphasis(text: str, lang: str) -> str:
    """``text`` set apart (a subtitle, a table's caption): in italics in English;
    in Chinese by weight, since Chinese has no italic and slanted Han characters
    are a distortion (typography.md rule 5): no ``<em>`` comes of it in HTML."""
    return f"**{text}**" if lang == "zh" else f"*{text}*"


def table(grid: Grid) -> str:
    """A pipe table; total rows in bold, the header's line breaks as spaces with
    the unit in parentheses; in Chinese, every cell set by the typography
    rules (issue 24)."""
    if chinese():
        grid = catalog_tables.typeset_grid(grid, "zh")
    header = [_head(h) for h in grid.header]
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join("---:" if numeric else "---" for numeric in grid.numeric) + "|")
    first_total = len(grid.rows) - grid.totals
    for i, row in enumerate(grid.rows):
        cells = [_cell(v) for v in row]
        if grid.totals and i >= first_total:
            cells = [f"**{c}**" if c else c for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def section(grid: Grid, level: int = 3) -> str:
    """A grid under its title as a heading (when it has one)."""
    if chinese():
        grid = catalog_tables.typeset_grid(grid, "zh")
    return f"{'#' * level} {grid.title}\n\n{table(grid)}" if grid.title else table(grid)


def notes_markdown(marked: Footnoted, lang: str, level: int) -> list[str]:
    """The footnotes as a list, each starting with its marker, under a heading;
    the notes that qualify nothing in particular under a heading of their own."""
    parts = []
    if marked.numbered:
        heading = "#" * level + " " + p_("heading", "Notes", lang)
        parts.append(heading + "\n\n" + "\n".join(f"- {_cell_text(line)}" for line in marked.numbered))
    if marked.general:
        heading = "#" * level + " " + general_heading(lang)
        parts.append(heading + "\n\n" + "\n".join(f"- {_cell_text(line)}" for line in marked.general))
    return parts


def _cell_text(text: str) -> str:
    return text.replace("\n", " ")


def portfolio_markdown(
    doc: dict[str, Any], lang: str, level: int = 2, notes: str = "essential", superscript: bool = True
) -> list[str]:
    """The portfolio's tables and its notes (at ``notes``) as Markdown blocks."""
    marked = tables.marked_portfolio(doc, lang, notes, superscript)
    grids = marked.built
    parts = [section(grids[0], level)]
    parts += [section(g, level + 1) for g in grids[1:]]
    return parts + notes_markdown(marked, lang, level + 1)


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment, notes: str = "essential") -> str:
    if kind == "portfolio":
        return "\n\n".join(portfolio_markdown(doc, lang, notes=notes, superscript=env.unicode))
    if kind == "compare":
        marked = compare_table.marked_compare(doc, lang, notes, env.unicode)
        return "\n\n".join([section(marked.built), *notes_markdown(marked, lang, 3)])
    if kind == "catalog":
        footnotes = catalog_tables.catalog_footnotes(doc, lang)
        return section(catalog_tables.catalog_grid(doc, lang)) + (
            "\n\n" + "\n".join(footnotes) if footnotes else ""
        )
    if kind == "technique":
        lines = [f"## {entry_label(doc['name'].get(lang) or doc['name']['en'], doc['id'], lang)}", ""]
        for key, value in catalog_tables.technique_fields(doc, lang):
            if isinstance(value, list):
                lines.append("**" + key + "**" + _(": ", lang).rstrip())  # the list follows
                lines += [f"- {item}" for item in value]
            else:
                lines.append("**" + key + "**" + _(": ", lang) + value)
            lines.append("")
        return "\n".join(lines)
    if kind == "conversion":
        return f"{derived(doc['value'])} {unit_text(doc['unit'], lang)}"
    grid = {
        "assessments": catalog_tables.assessments_grid,
        "references": reference_tables.references_grid,
        "rank": region_grid,
        "regions": region_grid,
    }
    listed = "\n".join(f"- {w['message']}" for w in doc.get("warnings", []))
    return section(grid[kind](doc, lang)) + (f"\n\n{listed}" if listed else "")


def region_grid(doc: dict[str, Any], lang: str) -> Grid:
    """A ranking's or the regions' table, from ``region_tables`` (imported only for them)."""
    from nbscdr_cli.render import region_tables

    return (region_tables.rank_grid if "rows" in doc else region_tables.regions_grid)(doc, lang)
