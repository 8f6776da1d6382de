"""Rendering: results become one plain document (the JSON contract), and one
renderer per format turns that document into text.

``*_document`` functions convert canonical floats into the output unit, round them
to 12 significant digits (so 3 + 1.8 prints 4.8, not 4.800000000000001) and
localise names; the format modules (``as_json``, ``as_csv``, ``as_markdown``,
``as_table``) only lay the document out.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TYPE_CHECKING, Any

from nbscdr_cli.render.labels import join_scopes, sentence

if TYPE_CHECKING:
    from nbscdr_cli.analysis import Analysis
    from nbscdr_cli.catalog import Catalog, LocalText, Reference, Technique
    from nbscdr_cli.portfolio import PortfolioResult
    from nbscdr_cli.uncertainty import Simulation, Summary
    from nbscdr_cli.units import Unit


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def number(value: float | None) -> float | None:
    """A plain, finite number rounded to 12 significant digits (None stays None)."""
    if value is None:
        return None
    rounded = float(f"{value:.12g}")
    return 0.0 if rounded == 0 else rounded


def _local(text: LocalText | None) -> dict[str, str] | None:
    return None if text is None else text.as_dict()


def technique_summary(t: Technique) -> dict[str, Any]:
    """A technique as the JSON contract of `list` gives it (range in its own unit)."""
    factor = t.unit_factor
    return {
        "id": t.id,
        "name": t.name.as_dict(),
        "low": number(None if t.range.low is None else t.range.low / factor),
        "high": number(t.range.high / factor),
        "unit": t.unit,
        "up_to": t.range.open_low,
        "scope": t.scope,
        "readiness": _local(t.readiness),
    }


def technique_document(t: Technique) -> dict[str, Any]:
    """Everything about one technique (`show`)."""
    doc = technique_summary(t)
    doc.update(
        {
            "aliases": list(t.aliases),
            "governance": [{"id": c.id, **c.text.as_dict()} for c in t.governance],
            "shares_resource_with": list(t.shares_resource_with),
            "source": t.source,
            "notes": t.notes,
        }
    )
    return doc


def reference_document(r: Reference, unit: Unit | None = None) -> dict[str, Any]:
    factor = unit.factor if unit is not None else r.unit_factor
    return {
        "id": r.id,
        "name": _local(r.name),
        "kind": r.kind,
        "low": number(r.range.lower / factor),
        "high": number(r.range.high / factor),
        "unit": unit.text if unit is not None else r.unit,
        "scope": list(r.scope),
        "source": r.source,
    }


def catalog_document(catalog: Catalog) -> dict[str, Any]:
    from nbscdr_cli import __version__

    return {
        "nbscdr_version": __version__,
        "data": catalog.path,
        "techniques": [technique_summary(t) for t in catalog.techniques.values()],
        "references": [reference_document(r) for r in catalog.references.values()],
    }


def portfolio_document(analysis: Analysis, unit: Unit, lang: str) -> dict[str, Any]:
    """The analysis in the output unit: the JSON contract of `portfolio`."""
    from nbscdr_cli import __version__

    result = analysis.result
    f = unit.factor
    entries = []
    for e in result.portfolio.entries:
        entries.append(
            {
                "technique": e.technique.id,
                "name": e.technique.name.get(lang),
                "share": number(e.share),
                "low": number(e.range.lower / f),
                "high": number(e.range.high / f),
                "up_to": e.open_low,
                "own_figure": e.own_figure,
                "scope": e.technique.scope,
            }
        )
    comparisons = []
    for c in result.comparisons:
        ref = reference_document(c.reference, unit)
        ref.pop("id")
        comparisons.append(
            {
                "reference": c.reference.id,
                **ref,
                "ratio_low": number(c.ratio_low),
                "ratio_high": number(c.ratio_high),
                "in_scope": {
                    "low": number(c.in_scope.lower / f),
                    "high": number(c.in_scope.high / f),
                    "techniques": list(c.in_scope_ids),
                },
                "out_of_scope": list(c.out_of_scope_ids),
            }
        )
    doc: dict[str, Any] = {
        "nbscdr_version": __version__,
        "name": result.portfolio.name,
        "unit": unit.text,
        "entries": entries,
        "total": {
            "low": number(result.total.lower / f),
            "high": number(result.total.high / f),
            "up_to": list(result.open_low_ids),
        },
        "comparisons": comparisons,
    }
    if analysis.simulation is not None:
        doc["uncertainty"] = uncertainty_document(analysis.simulation, "annual", unit)
    doc["warnings"] = portfolio_warnings(result, comparisons, unit, lang)
    return doc


def uncertainty_document(sim: Simulation, total: str, unit: Unit) -> dict[str, Any]:
    """One simulated total (e.g. "annual") in the output unit."""
    summary: Summary = sim.totals[total]
    f = unit.factor
    (lo, hi), counts = summary.histogram
    return {
        "samples": sim.samples,
        "seed": sim.seed,
        "distribution": sim.distribution.value,
        "correlation": number(sim.correlation),
        "method": "exact" if sim.exact else "histogram",
        "mean": number(summary.mean / f),
        "std": number(summary.std / f),
        "percentiles": {f"{p:g}": number(v / f) for p, v in summary.percentiles.items()},
        "probability": {k: number(v) for k, v in summary.probability.items()},
        "thresholds": {k: number(v / f) for k, v in summary.thresholds.items()},
        "histogram": {"low": number(lo / f), "high": number(hi / f), "counts": list(counts)},
    }


def portfolio_warnings(
    result: PortfolioResult, comparisons: list[dict[str, Any]], unit: Unit, lang: str
) -> list[dict[str, Any]]:
    """The caveats a reader of the totals needs, as codes with localised messages."""
    warnings: list[dict[str, Any]] = [
        {"code": "sum-of-extremes", "message": sentence("sum_note", lang)}
    ]
    if result.open_low_ids:
        warnings.append(
            {
                "code": "up-to",
                "techniques": list(result.open_low_ids),
                "message": sentence("up_to", lang, ids=", ".join(result.open_low_ids)),
            }
        )
    for a, b in result.overlaps:
        warnings.append(
            {
                "code": "double-counting",
                "techniques": [a, b],
                "message": sentence("overlap", lang, a=a, b=b),
            }
        )
    for c in comparisons:
        if not c["scope"]:
            continue
        outside = (
            sentence("outside", lang, ids=", ".join(c["out_of_scope"])) if c["out_of_scope"] else ""
        )
        warnings.append(
            {
                "code": "reference-scope",
                "reference": c["reference"],
                "message": sentence(
                    "scope",
                    lang,
                    ref=c["reference"].upper() if len(c["reference"]) <= 5 else c["reference"],
                    scope=join_scopes(c["scope"], lang),
                    low=fmt(c["in_scope"]["low"]),
                    high=fmt(c["in_scope"]["high"]),
                    unit=unit.text,
                    outside=outside,
                ),
            }
        )
    warnings.append({"code": "permanence", "message": sentence("permanence", lang)})
    return warnings


def conversion_document(value: float, unit: Unit) -> dict[str, Any]:
    return {"value": number(value), "unit": unit.text}


def fmt(value: float | None) -> str:
    """A number for people: up to 4 significant digits, thousands separated."""
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    text = f"{value:.4g}"
    if "e" in text:
        return f"{value:.2e}"
    return text


def low_text(value: float | None, up_to: bool, lang: str) -> str:
    """The low end as printed: an open ("up to") low shows as "(up to) 0"."""
    from nbscdr_cli.render.labels import label

    return f"0 ({label('up_to', lang)})" if up_to else fmt(value)


def range_text(item: dict[str, Any], lang: str) -> str:
    """'3–18 Gt CO2/yr', or 'up to 19 Gt CO2/yr' where the source gives no low."""
    from nbscdr_cli.render.labels import label

    if item["up_to"]:
        return f"{label('up_to', lang)} {fmt(item['high'])} {item['unit']}"
    return f"{fmt(item['low'])}–{fmt(item['high'])} {item['unit']}"


def render(kind: str, doc: dict[str, Any], fmt_: Format, *, lang: str, terminal: bool) -> str:
    """Lay out ``doc`` (of ``kind``: portfolio, catalog, technique, conversion) as text."""
    module = importlib.import_module(f"nbscdr_cli.render.as_{fmt_.value}")
    text: str = module.render(kind, doc, lang=lang, terminal=terminal)
    return text if text.endswith("\n") else text + "\n"
