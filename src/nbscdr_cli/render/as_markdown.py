"""Markdown: the grids of ``tables.py`` as pipe tables, for pasting into a briefing."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.wording import unit_text
from nbscdr_cli.base.i18n import _, p_
from nbscdr_cli.base.numbers import derived
from nbscdr_cli.render import catalog_tables, tables
from nbscdr_cli.render.environment import Environment
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


def table(grid: Grid) -> str:
    """A pipe table; total rows in bold, the header's line breaks as spaces with
    the unit in parentheses."""
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
    return f"{'#' * level} {grid.title}\n\n{table(grid)}" if grid.title else table(grid)


def portfolio_markdown(doc: dict[str, Any], lang: str, level: int = 2) -> list[str]:
    """The portfolio's tables and notes as Markdown blocks."""
    grids = tables.portfolio_grids(doc, lang)
    parts = [section(grids[0], level)]
    parts += [section(g, level + 1) for g in grids[1:]]
    notes = [f"- {w['message']}" for w in doc["warnings"]]
    parts.append("#" * (level + 1) + " " + p_("heading", "Notes", lang) + "\n\n" + "\n".join(notes))
    return parts


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    if kind == "portfolio":
        return "\n\n".join(portfolio_markdown(doc, lang))
    if kind == "catalog":
        notes = catalog_tables.catalog_footnotes(doc, lang)
        return section(catalog_tables.catalog_grid(doc, lang)) + ("\n\n" + "\n".join(notes) if notes else "")
    if kind == "technique":
        lines = [f"## {entry_label(doc['name'].get(lang) or doc['name']['en'], doc['id'], lang)}", ""]
        for key, value in catalog_tables.technique_fields(doc, lang):
            if isinstance(value, list):
                lines.append("**" + key + "**" + _(": ", lang))
                lines += [f"- {item}" for item in value]
            else:
                lines.append("**" + key + "**" + _(": ", lang) + value)
            lines.append("")
        return "\n".join(lines)
    if kind == "conversion":
        return f"{derived(doc['value'])} {unit_text(doc['unit'], lang)}"
    grid = {
        "compare": tables.compare_grid,
        "assessments": catalog_tables.assessments_grid,
        "references": catalog_tables.references_grid,
        "rank": region_grid,
        "regions": region_grid,
    }
    listed = "\n".join(f"- {w['message']}" for w in doc.get("warnings", []))
    return section(grid[kind](doc, lang)) + (f"\n\n{listed}" if listed else "")


def region_grid(doc: dict[str, Any], lang: str) -> Grid:
    """A ranking's or the regions' table, from ``region_tables`` (imported only for them)."""
    from nbscdr_cli.render import region_tables

    return (region_tables.rank_grid if "rows" in doc else region_tables.regions_grid)(doc, lang)
