"""CSV: one rectangular table per file, a header row and one row per item, every
row with every column (README, "CSV contract"). A portfolio's file holds the
table ``--table`` chooses (``api.rows``): its entries and a final total row
(kind "portfolio"), its totals' statistics ("statistics") or its years
("years"). Texts given in two languages are two columns (``name_en``,
``name_zh``), so a file is the same whatever the language asked for."""

from __future__ import annotations

import csv
import io
from typing import Any

from nbscdr_cli.api.rows import portfolio_rows, statistics_rows, year_rows
from nbscdr_cli.render.environment import Environment


def _both(text: dict[str, str] | None) -> list[str | None]:
    """A text in both languages as two cells, English then Chinese."""
    if not text:
        return [None, None]
    return [text.get("en"), text.get("zh")]


def _catalog(doc: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = [["id", "name_en", "name_zh", "low", "high", "central", "unit", "up_to", "scope"]]
    for t in doc["techniques"]:
        rows.append([t["id"], *_both(t["name"]), t["low"], t["high"], t["central"], t["unit"], t["up_to"]])
        rows[-1].append(t["scope"])
    return rows


def _compare(doc: dict[str, Any]) -> list[list[Any]]:
    by = doc["by"]
    header = [by, "name_en", "name_zh", "measure_en", "measure_zh", "low", "high", "central_sum", "unit"]
    rows: list[list[Any]] = [[*header, "up_to", "missing", "fallback"]]
    for r in doc["rows"]:
        rows.append(
            [
                r[by],
                *_both(r["name"]),
                *_both(r.get("measure")),
                r["low"],
                r["high"],
                r.get("central_sum"),
                doc["unit"],
                ";".join(r.get("up_to", [])),
                ";".join(r["missing"]),
                ";".join(r.get("fallback", [])),
            ]
        )
    return rows


def _assessments(doc: dict[str, Any]) -> list[list[Any]]:
    header = ["id", "name_en", "name_zh", "measure_en", "measure_zh", "potentials", "default", "techniques"]
    rows: list[list[Any]] = [[*header, "citation"]]
    for a in doc["assessments"]:
        rows.append(
            [
                a["id"],
                *_both(a["name"]),
                *_both(a["measure"]),
                ";".join(a["potentials"]),
                a["default"],
                ";".join(a["techniques"]),
                a["citation"],
            ]
        )
    return rows


def _references(doc: dict[str, Any]) -> list[list[Any]]:
    header = ["id", "name_en", "name_zh", "kind", "potential", "low", "high", "central", "unit", "scope"]
    rows: list[list[Any]] = [
        [*header, "techniques", "region", "measures_en", "measures_zh", "default", "source"]
    ]
    for r in doc["references"]:
        rows.append(
            [
                r["id"],
                *_both(r["name"]),
                r["kind"],
                r["potential"],
                r["low"],
                r["high"],
                r["central"],
                r["unit"],
                ";".join(r["scope"]),
                ";".join(r["techniques"]),
                r["region"],
                *_both(r["measures"]),
                r["default"],
                r["source"],
            ]
        )
    return rows


def flatten(value: Any, key: str = "") -> list[list[Any]]:
    """A nested document as (key, value) rows, keys as paths: ``name.en``,
    ``estimates.0.low``. An empty list or object is one row with no value."""
    if isinstance(value, dict) and value:
        return [row for k, v in value.items() for row in flatten(v, f"{key}.{k}" if key else str(k))]
    if isinstance(value, list) and value:
        return [row for i, v in enumerate(value) for row in flatten(v, f"{key}.{i}")]
    return [[key, None if value in ({}, []) else value]]


def _region_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """A ranking's or the regions' rows (``region_tables``, imported only for them)."""
    from nbscdr_cli.render.region_tables import rank_rows, regions_rows

    return rank_rows(doc) if "rows" in doc else regions_rows(doc)


def _rows(kind: str, doc: dict[str, Any]) -> list[list[Any]]:
    tables = {
        "portfolio": portfolio_rows,
        "statistics": statistics_rows,
        "years": year_rows,
        "catalog": _catalog,
        "compare": _compare,
        "assessments": _assessments,
        "references": _references,
        "rank": _region_rows,
        "regions": _region_rows,
    }
    if kind in tables:
        return tables[kind](doc)
    if kind == "technique":
        return [["key", "value"], *flatten(doc)]
    return [list(doc.keys()), list(doc.values())]  # conversion: value, unit


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    """The one table of ``kind`` as CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[_cell(v) for v in row] for row in _rows(kind, doc)])
    return buffer.getvalue()
