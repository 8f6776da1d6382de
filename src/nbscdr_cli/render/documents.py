"""The documents of an analysis and a comparison: results in the output units,
rounded and localised. A document is exactly what ``--format json`` prints (the
JSON contract in README); the other formats lay the same document out. The
catalog's own documents (list, show, assessments) are in ``catalog_documents``.

Numbers are rounded to 12 significant digits, so 3 + 1.8 prints 4.8 and not
4.800000000000001.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.render.catalog_documents import reference_document
from nbscdr_cli.render.horizon_documents import entry_horizon_document, horizon_document, horizon_warnings
from nbscdr_cli.render.labels import join_scopes, text
from nbscdr_cli.render.numbers import fmt, number

if TYPE_CHECKING:
    from nbscdr_cli.analysis import Analysis
    from nbscdr_cli.api import Row
    from nbscdr_cli.portfolio import PortfolioResult
    from nbscdr_cli.uncertainty import Simulation, Summary
    from nbscdr_cli.units import Unit


def portfolio_document(
    analysis: Analysis, unit: Unit, lang: str, mass_unit: Unit | None = None
) -> dict[str, Any]:
    """The analysis in the output units (``unit`` for rates, ``mass_unit`` for
    amounts over a horizon): the JSON contract of `portfolio`."""
    from nbscdr_cli import __version__

    result = analysis.result
    f = unit.factor
    entries: list[dict[str, Any]] = []
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
                "assessment": None if e.own_figure else e.technique.assessment,
                "fallback": e.technique.fallback and not e.own_figure,
            }
        )
        if e.technique.iamc_variable:
            entries[-1]["iamc_variable"] = e.technique.iamc_variable
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
        "assessment": analysis.assessment,
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
        for entry_doc, marginal in zip(entries, analysis.simulation.marginals, strict=True):
            entry_doc["percentiles"] = {f"{p:g}": number(v / f) for p, v in marginal.items()}
    if analysis.horizon is not None:
        from nbscdr_cli.units import CANONICAL_MASS, parse_unit

        mass = mass_unit or parse_unit(CANONICAL_MASS, kind="mass")
        doc["horizon"] = horizon_document(analysis, unit, mass)
        pairs = zip(entries, result.portfolio.entries, analysis.horizon.entries, strict=True)
        for entry_doc, entry, entry_horizon in pairs:
            entry_doc["horizon"] = entry_horizon_document(analysis, entry, entry_horizon, unit, mass)
    doc["warnings"] = portfolio_warnings(result, comparisons, unit, lang)
    if analysis.horizon is not None:
        doc["warnings"][1:1] = horizon_warnings(analysis, lang)
    fallback = [e["technique"] for e in entries if e["fallback"]]
    if fallback:
        doc["warnings"].insert(
            0,
            {
                "code": "fallback",
                "techniques": fallback,
                "message": text(
                    "note.fallback",
                    lang,
                    ids=", ".join(fallback),
                    assessment=analysis.assessment,
                    default=_assessment_of(result, fallback[0]),
                ),
            },
        )
    return doc


def _assessment_of(result: PortfolioResult, tid: str) -> str | None:
    """The assessment whose estimate entry ``tid`` uses."""
    return next(e.technique.assessment for e in result.portfolio.entries if e.technique.id == tid)


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
    warnings: list[dict[str, Any]] = [{"code": "sum-of-extremes", "message": text("note.sum_note", lang)}]
    if result.open_low_ids:
        warnings.append(
            {
                "code": "up-to",
                "techniques": list(result.open_low_ids),
                "message": text("note.up_to", lang, ids=", ".join(result.open_low_ids)),
            }
        )
    for a, b in result.overlaps:
        warnings.append(
            {
                "code": "double-counting",
                "techniques": [a, b],
                "message": text("note.overlap", lang, a=a, b=b),
            }
        )
    for c in comparisons:
        if not c["scope"]:
            continue
        outside = text("note.outside", lang, ids=", ".join(c["out_of_scope"])) if c["out_of_scope"] else ""
        warnings.append(
            {
                "code": "reference-scope",
                "reference": c["reference"],
                "message": text(
                    "note.scope",
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
    warnings.append({"code": "permanence", "message": text("note.permanence", lang)})
    return warnings


def compare_document(rows: list[Row], unit: Unit, lang: str, *, by: str) -> dict[str, Any]:
    """Rows side by side (``by``: "assessment" or "portfolio"), in the output unit."""
    from nbscdr_cli import __version__

    out = []
    for row in rows:
        item: dict[str, Any] = {by: row.key, "name": row.label.get(lang)}
        if row.analysis is None:
            item.update({"low": None, "high": None, "missing": list(row.missing)})
        else:
            doc = portfolio_document(row.analysis, unit, lang)
            item.update(
                {
                    "low": doc["total"]["low"],
                    "high": doc["total"]["high"],
                    "up_to": doc["total"]["up_to"],
                    "missing": [],
                    "fallback": list(row.fallback),
                    "entries": [
                        {k: e[k] for k in ("technique", "low", "high", "up_to", "assessment", "fallback")}
                        for e in doc["entries"]
                    ],
                    "comparisons": [
                        {k: c[k] for k in ("reference", "low", "high", "ratio_low", "ratio_high", "in_scope")}
                        for c in doc["comparisons"]
                    ],
                }
            )
            if "uncertainty" in doc:
                item["uncertainty"] = doc["uncertainty"]
        out.append(item)
    return {"nbscdr_version": __version__, "by": by, "unit": unit.text, "rows": out}


IAMC_UNIT = "Mt CO2/yr"


def iamc_document(doc: dict[str, Any], year: int) -> dict[str, Any]:
    """IAMC rows from a portfolio document in Mt CO2/yr: one scenario per bound
    ("<name>|low", "<name>|high", "<name>|p5"...), one row per variable (entries
    reporting under the same variable are summed). Percentile scenarios give each
    variable its own (marginal) percentile."""
    from nbscdr_cli import __version__
    from nbscdr_cli.errors import InputError

    assert doc["unit"] == IAMC_UNIT
    name = doc["name"] or "portfolio"
    missing = [e["technique"] for e in doc["entries"] if "iamc_variable" not in e]
    if missing:
        raise InputError(
            f"no iamc_variable in the data for {', '.join(missing)}; the IAMC format needs one per technique",
            field="iamc",
        )
    bounds: list[tuple[str, Any]] = [("low", lambda e: e["low"]), ("high", lambda e: e["high"])]
    if "uncertainty" in doc:
        for p in doc["uncertainty"]["percentiles"]:
            bounds.append((f"p{p}", lambda e, p=p: e["percentiles"][p]))
    rows = []
    for bound, value in bounds:
        totals: dict[str, float] = {}
        for e in doc["entries"]:
            totals[e["iamc_variable"]] = totals.get(e["iamc_variable"], 0.0) + value(e)
        for variable, total in totals.items():
            rows.append(
                {
                    "model": f"nbscdr {__version__}",
                    "scenario": f"{name}|{bound}",
                    "region": "World",
                    "variable": variable,
                    "unit": IAMC_UNIT,
                    "value": number(total),
                }
            )
    return {"year": year, "rows": rows}


def portfolio_output(analysis: Analysis, fmt: str, year: int | None) -> tuple[str, dict[str, Any]]:
    """The document `portfolio` renders in ``fmt``: the IAMC rows, or the portfolio."""
    doc = analysis.to_dict()
    if fmt == "iamc":
        return "iamc", iamc_document(doc, 2050 if year is None else year)
    return "portfolio", doc


def conversion_document(value: float, unit: Unit) -> dict[str, Any]:
    return {"value": number(value), "unit": unit.text}
