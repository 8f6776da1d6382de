"""CSV: a header row, one row per item, and for a portfolio a final total row."""

from __future__ import annotations

import csv
import io
from typing import Any

from nbscdr_cli.environment import Environment
from nbscdr_cli.render.labels import text


def _path_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """With a horizon: one row per entry and year, then the total's rows."""
    h = doc["horizon"]
    rows: list[list[Any]] = [
        [
            "technique",
            "year",
            "removal_low",
            "removal_high",
            "rate_unit",
            "cumulative_low",
            "cumulative_high",
            "stock_low",
            "stock_high",
            "unit",
        ]
    ]
    series = [(e["technique"], e["horizon"]["path"]) for e in doc["entries"]] + [("total", h["path"])]
    for name, path in series:
        for p in path:
            rows.append(
                [
                    name,
                    p["year"],
                    p["removal"]["low"],
                    p["removal"]["high"],
                    doc["unit"],
                    p["cumulative"]["low"],
                    p["cumulative"]["high"],
                    p["stock"]["low"],
                    p["stock"]["high"],
                    h["unit"],
                ]
            )
    return rows


def portfolio_rows(doc: dict[str, Any], lang: str) -> list[list[Any]]:
    """A header, one row per entry, and a final total row (with the Monte Carlo
    statistics of the total where there are any)."""
    unit = doc["unit"]
    u = doc.get("uncertainty")
    extra = [] if u is None else ["mean", *(f"p{p}" for p in u["percentiles"]), "method"]
    rows: list[list[Any]] = [["technique", "name", "share", "low", "high", "unit", "up_to", *extra]]
    for e in doc["entries"]:
        rows.append(
            [e["technique"], e["name"], e["share"], e["low"], e["high"], unit, e["up_to"]] + [""] * len(extra)
        )
    total = doc["total"]
    stats = [] if u is None else [u["mean"], *u["percentiles"].values(), u["method"]]
    rows.append(["total", text("total", lang), "", total["low"], total["high"], unit, "", *stats])
    return rows


def _rows(kind: str, doc: dict[str, Any], lang: str) -> list[list[Any]]:
    if kind == "portfolio" and "horizon" in doc:
        return _path_rows(doc)
    if kind == "portfolio":
        return portfolio_rows(doc, lang)
    if kind == "catalog":
        rows = [["id", "name_en", "name_zh", "low", "high", "unit", "up_to", "scope"]]
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
        rows = [[doc["by"], "name", "low", "high", "unit", "missing", "fallback"]]
        for r in doc["rows"]:
            rows.append(
                [
                    r[doc["by"]],
                    r["name"],
                    r["low"],
                    r["high"],
                    doc["unit"],
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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[_cell(v) for v in row] for row in _rows(kind, doc, lang)])
    return buffer.getvalue()
