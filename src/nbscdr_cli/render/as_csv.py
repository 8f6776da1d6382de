"""CSV: a header row, one row per item, and for a portfolio a final total row;
every row has every column. A portfolio's Monte Carlo statistics follow in a
section of their own (``summary_rows``), after one empty line."""

from __future__ import annotations

import csv
import io
from typing import Any

from nbscdr_cli.api.rows import path_rows, portfolio_rows, summary_rows
from nbscdr_cli.render.environment import Environment


def _rows(kind: str, doc: dict[str, Any], lang: str) -> list[list[Any]]:
    if kind == "portfolio" and "horizon" in doc:
        return path_rows(doc)
    if kind == "portfolio":
        return portfolio_rows(doc, lang)
    if kind == "catalog":
        rows: list[list[Any]] = [["id", "name_en", "name_zh", "low", "high", "unit", "up_to", "scope"]]
        for t in doc["techniques"]:
            name = t["name"]
            rows.append(
                [
                    t["id"],
                    name["en"],
                    name.get("zh", ""),
                    t["low"],
                    t["high"],
                    t["unit"],
                    t["up_to"],
                    t["scope"],
                ]
            )
        return rows
    if kind == "compare":
        header: list[Any] = [
            doc["by"],
            "name",
            "measure",
            "low",
            "high",
            "central_sum",
            "unit",
            "up_to",
            "missing",
            "fallback",
        ]
        rows = [header]
        for r in doc["rows"]:
            measure = (r.get("measure") or {}).get(lang) or (r.get("measure") or {}).get("en")
            rows.append(
                [
                    r[doc["by"]],
                    r["name"],
                    measure,
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
    if kind == "assessments":
        rows = [["id", "name_en", "name_zh", "measure", "default", "techniques", "citation"]]
        for a in doc["assessments"]:
            rows.append(
                [
                    a["id"],
                    a["name"]["en"],
                    a["name"].get("zh", ""),
                    a["measure"],
                    a["default"],
                    ";".join(a["techniques"]),
                    a["citation"],
                ]
            )
        return rows
    if kind in ("rank", "regions"):
        from nbscdr_cli.render.region_tables import rank_rows, regions_rows

        return rank_rows(doc) if kind == "rank" else regions_rows(doc)
    if kind == "technique":
        return [["key", "value"], *[[k, _flat(v)] for k, v in doc.items()]]
    return [list(doc.keys()), [_flat(v) for v in doc.values()]]


def _flat(value: Any) -> Any:
    if isinstance(value, dict):
        return " | ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(str(_flat(v)) for v in value)
    return "" if value is None else value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    """The CSV; a portfolio with a Monte Carlo has a second section, after one
    empty line, with its statistics (``summary_rows``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[_cell(v) for v in row] for row in _rows(kind, doc, lang)])
    if kind == "portfolio" and "uncertainty" in doc:
        writer.writerow([])
        writer.writerows([[_cell(v) for v in row] for row in summary_rows(doc)])
    return buffer.getvalue()
