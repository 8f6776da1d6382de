"""The documents: results in the output units, rounded and localised. A document
is exactly what ``--format json`` prints (the JSON contract in README); the other
formats lay the same document out.

Numbers are rounded to 12 significant digits, so 3 + 1.8 prints 4.8 and not
4.800000000000001.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.render.labels import join_scopes, text
from nbscdr_cli.render.text import fmt

if TYPE_CHECKING:
    from nbscdr_cli.analysis import Analysis
    from nbscdr_cli.api import Row
    from nbscdr_cli.catalog import Catalog, Estimate, LocalText, Reference, Technique
    from nbscdr_cli.portfolio import PortfolioResult
    from nbscdr_cli.uncertainty import Simulation, Summary
    from nbscdr_cli.units import Unit


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
        "assessment": t.assessment,
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
            "durability": _local(t.durability),
            "saturation_years": t.saturation_years,
            "saturation_source": t.saturation_source,
            "reversal_rate": t.reversal_rate,
            "reversal_source": t.reversal_source,
            "estimates": [estimate_document(e) for e in t.estimates],
        }
    )
    return doc


def estimate_document(e: Estimate) -> dict[str, Any]:
    return {
        "assessment": e.assessment,
        "low": number(None if e.range.low is None else e.range.low / e.unit_factor),
        "high": number(e.range.high / e.unit_factor),
        "unit": e.unit,
        "up_to": e.range.open_low,
        "measure": e.measure,
        "source": e.source,
        "notes": e.notes,
    }


def assessments_document(catalog: Catalog) -> dict[str, Any]:
    """The assessments a catalog holds, with citations and the techniques each covers."""
    every = catalog.all_techniques or catalog.techniques
    return {
        "default": catalog.default_assessment,
        "assessments": [
            {
                "id": a.id,
                "name": a.name.as_dict(),
                "citation": a.citation,
                "measure": a.measure,
                "default": a.id == catalog.default_assessment,
                "techniques": [t.id for t in every.values() if t.estimate(a.id) is not None],
            }
            for a in catalog.assessments.values()
        ],
    }


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
        from nbscdr_cli.uncertainty import percentile_key

        doc["uncertainty"] = uncertainty_document(analysis.simulation, "annual", unit)
        for entry_doc, marginal in zip(entries, analysis.simulation.marginals, strict=True):
            entry_doc["percentiles"] = {percentile_key(p): number(v / f) for p, v in marginal.items()}
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


def _pair(rng: Any, f: float) -> dict[str, float | None]:
    return {"low": number(rng.lower / f), "high": number(rng.high / f)}


def _path_document(rows: Any, unit: Unit, mass: Unit) -> list[dict[str, Any]]:
    """Year-by-year rows (horizon.year_rows) in the output units: removals in the
    rate unit, cumulative and stock in the amount unit."""

    def pair(row: dict[str, float], key: str, factor: float) -> dict[str, float | None]:
        return {"low": number(row[f"{key}_low"] / factor), "high": number(row[f"{key}_high"] / factor)}

    return [
        {
            "year": r["year"],
            "removal": pair(r, "removal", unit.factor),
            "cumulative": pair(r, "cumulative", mass.factor),
            "stock": pair(r, "stock", mass.factor),
        }
        for r in rows
    ]


def horizon_document(analysis: Analysis, unit: Unit, mass: Unit) -> dict[str, Any]:
    """The horizon totals (JSON `horizon` at the top level)."""
    h = analysis.horizon
    assert h is not None
    doc: dict[str, Any] = {
        "from": h.settings.start,
        "to": h.settings.end,
        "years": h.settings.years,
        "last_year": h.settings.end - 1,
        "unit": mass.text,
        "cumulative": _pair(h.cumulative, mass.factor),
        "durable": _pair(h.durable, mass.factor),
        "path": _path_document(h.path, unit, mass),
        "comparisons": [
            {
                "reference": c.reference.id,
                **{k: v for k, v in reference_document(c.reference, mass).items() if k != "id"},
                "ratio_low": number(c.ratio_low),
                "ratio_high": number(c.ratio_high),
                "durable_ratio_low": number(c.durable_ratio_low),
                "durable_ratio_high": number(c.durable_ratio_high),
            }
            for c in h.comparisons
        ],
    }
    if analysis.simulation is not None:
        doc["uncertainty"] = {
            name: uncertainty_document(analysis.simulation, name, mass) for name in ("cumulative", "durable")
        }
    return doc


def entry_horizon_document(analysis: Analysis, entry: Any, e: Any, unit: Unit, mass: Unit) -> dict[str, Any]:
    """One entry's horizon (JSON `horizon` inside each entry): ``entry`` is the
    portfolio entry, ``e`` its horizon.EntryHorizon."""
    h = analysis.horizon
    assert h is not None
    p = e.parameters
    return {
        "from": h.settings.start,
        "to": h.settings.end,
        "years": h.settings.years,
        "cumulative": _pair(e.cumulative, mass.factor),
        "durable": _pair(e.durable, mass.factor),
        "ramp_years": number(p.ramp_years),
        "saturation_years": number(p.saturation_years),
        "saturation_from": p.saturation_from,
        "saturation_source": entry.technique.saturation_source if p.saturation_from == "data" else None,
        "reversal_rate": number(p.reversal_rate),
        "reversal_from": p.reversal_from,
        "path": _path_document(e.path, unit, mass),
    }


def horizon_warnings(analysis: Analysis, lang: str) -> list[dict[str, Any]]:
    """What the horizon assumed: counting of years, ramp, saturation, reversal."""
    h = analysis.horizon
    assert h is not None
    s = h.settings
    out: list[dict[str, Any]] = [
        {
            "code": "years",
            "message": text("note.years", lang, start=s.start, end=s.end, n=s.years, last=s.end - 1),
        }
    ]
    if all(e.parameters.ramp_years == 0 for e in h.entries):
        out.append({"code": "no-ramp", "message": text("note.no_ramp", lang)})
    for e in h.entries:
        p = e.parameters
        if p.saturation_from == "data":
            t = next(x.technique for x in analysis.result.portfolio.entries if x.technique.id == e.technique)
            out.append(
                {
                    "code": "saturation",
                    "technique": e.technique,
                    "message": text(
                        "note.saturation",
                        lang,
                        id=e.technique,
                        years=fmt(p.saturation_years),
                        source=t.saturation_source,
                    ),
                }
            )
    unsaturated = [e.technique for e in h.entries if e.parameters.saturation_years is None]
    if unsaturated:
        out.append(
            {
                "code": "no-saturation",
                "techniques": unsaturated,
                "message": text("note.no_saturation", lang, ids=", ".join(unsaturated)),
            }
        )
    no_reversal = [e.technique for e in h.entries if e.parameters.reversal_from is None]
    if no_reversal:
        out.append(
            {
                "code": "no-reversal",
                "techniques": no_reversal,
                "message": text("note.no_reversal", lang, ids=", ".join(no_reversal)),
            }
        )
    for c in h.comparisons:
        out.append(
            {
                "code": "reference-period",
                "reference": c.reference.id,
                "message": text("note.period", lang, ref=c.reference.id, start=s.start, last=s.end - 1),
            }
        )
    return out


def uncertainty_document(sim: Simulation, total: str, unit: Unit) -> dict[str, Any]:
    """One total's distribution (e.g. "annual") in the output unit; the same keys
    for both methods (``samples`` and ``seed`` are null for the convolution, and
    its histogram has shares but no counts)."""
    from nbscdr_cli.uncertainty import percentile_key

    summary: Summary = sim.totals[total]
    f = unit.factor
    (lo, hi), weights = summary.histogram
    whole = sum(weights) or 1
    return {
        "samples": sim.samples,
        "seed": sim.seed,
        "distribution": sim.distribution.value,
        "correlation": number(sim.correlation),
        "method": sim.method.value,
        "percentile_method": sim.percentile_method,
        "mean": number(summary.mean / f),
        "std": number(summary.std / f),
        "percentiles": {percentile_key(p): number(v / f) for p, v in summary.percentiles.items()},
        "probability": {k: number(v) for k, v in summary.probability.items()},
        "thresholds": {k: number(v / f) for k, v in summary.thresholds.items()},
        "histogram": {
            "low": number(lo / f),
            "high": number(hi / f),
            "counts": [int(c) for c in weights] if sim.samples is not None else None,
            "shares": [number(w / whole) for w in weights],
        },
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
