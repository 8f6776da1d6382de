"""The documents of an analysis and a comparison: results in the output units,
rounded and localised. A document is exactly what ``--format json`` prints (the
JSON contract in README); the other formats lay the same document out. The
catalog's own documents (list, show, assessments) are in ``catalog_documents``.

Numbers are rounded to 12 significant digits, so 3 + 1.8 prints 4.8 and not
4.800000000000001.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from nbscdr_cli.render.catalog_documents import (
    assessed,
    cost_document,
    note_document,
    reference_document,
    trl_document,
)
from nbscdr_cli.render.numbers import number

if TYPE_CHECKING:
    from nbscdr_cli.analysis import Analysis
    from nbscdr_cli.api import Row
    from nbscdr_cli.catalog import LocalText
    from nbscdr_cli.portfolio import Comparison, Entry, Relation
    from nbscdr_cli.uncertainty import Simulation, Summary
    from nbscdr_cli.units import Unit


def entry_document(e: Entry, unit: Unit, lang: str) -> dict[str, Any]:
    """One entry in the output unit."""
    f = unit.factor
    doc: dict[str, Any] = {
        "technique": e.technique.id,
        "name": e.technique.name.get(lang),
        "share": number(e.share),
        "low": number(e.range.lower / f),
        "high": number(e.range.high / f),
        "up_to": e.open_low,
        "own_figure": e.own_figure,
        "as_given": e.as_given(f),
        "scope": e.technique.scope,
        "assessment": None if e.own_figure else e.technique.assessment,
        "fallback": e.technique.fallback and not e.own_figure,
        "central": number(None if e.range.mode is None else e.range.mode / f),
    }
    estimate = None if e.own_figure else e.technique.in_use
    if estimate is not None:
        doc["caveat"] = note_document(estimate.caveat)
        doc["cost"] = cost_document(assessed(e.technique, "cost"))
        doc["trl"] = trl_document(assessed(e.technique, "trl"))
    if e.technique.iamc_variable:
        doc["iamc_variable"] = e.technique.iamc_variable
    return doc


def relation_document(relation: Relation, factor: float) -> dict[str, Any]:
    """Where a range lies against a reference's, and by how much at each end."""
    return {
        "position": relation.position,
        "difference": {
            "low": number(relation.low_difference / factor),
            "high": number(relation.high_difference / factor),
        },
    }


def comparison_document(c: Comparison, unit: Unit, entries_as_given: bool) -> dict[str, Any]:
    """The entries in a reference's scope against it, in the output unit."""
    f = unit.factor
    ref = reference_document(c.reference, unit)
    ref.pop("id")
    return {
        "reference": c.reference.id,
        **ref,
        "as_given": c.reference.unit_factor == f,
        "in_scope": {
            "low": number(c.compared.lower / f),
            "high": number(c.compared.high / f),
            "techniques": list(c.in_scope_ids),
            "as_given": entries_as_given,
        },
        "out_of_scope": list(c.out_of_scope_ids),
        **relation_document(c.relation, f),
    }


def portfolio_document(
    analysis: Analysis, unit: Unit, lang: str, mass_unit: Unit | None = None
) -> dict[str, Any]:
    """The analysis in the output units (``unit`` for rates, ``mass_unit`` for
    amounts over a horizon): the JSON contract of `portfolio`."""
    from nbscdr_cli import __version__
    from nbscdr_cli.finite import check_units
    from nbscdr_cli.render.notes import portfolio_notes

    result = analysis.result
    check_units(result, analysis.horizon, analysis.simulation, unit, mass_unit)
    f = unit.factor
    entries = [entry_document(e, unit, lang) for e in result.portfolio.entries]
    as_given = all(e["as_given"] for e in entries)
    doc: dict[str, Any] = {
        "nbscdr_version": __version__,
        "name": result.portfolio.name,
        "assessment": analysis.assessment,
        "assessment_name": _local(_assessment_name(analysis)),
        "potential": analysis.catalog.potential,
        "unit": unit.text,
        "entries": entries,
        "total": {
            "low": number(result.total.lower / f),
            "high": number(result.total.high / f),
            "up_to": list(result.open_low_ids),
            "as_given": as_given,
        },
        "comparisons": [comparison_document(c, unit, as_given) for c in result.comparisons],
    }
    if analysis.simulation is not None:
        from nbscdr_cli.uncertainty import percentile_key

        doc["uncertainty"] = uncertainty_document(analysis.simulation, "annual", unit)
        for entry_doc, marginal in zip(entries, analysis.simulation.marginals, strict=True):
            entry_doc["percentiles"] = {percentile_key(p): number(v / f) for p, v in marginal.items()}
    if analysis.horizon is not None:
        from nbscdr_cli.render.horizon_documents import entry_horizon_document, horizon_document
        from nbscdr_cli.units import CANONICAL_MASS, parse_unit

        mass = mass_unit or parse_unit(CANONICAL_MASS, kind="mass")
        doc["horizon"] = horizon_document(analysis, unit, mass)
        pairs = zip(entries, result.portfolio.entries, analysis.horizon.entries, strict=True)
        for entry_doc, entry, entry_horizon in pairs:
            entry_doc["horizon"] = entry_horizon_document(analysis, entry, entry_horizon, unit, mass)
    doc["warnings"] = portfolio_notes(analysis, doc, lang)
    return doc


def uncertainty_document(sim: Simulation, total: str, unit: Unit) -> dict[str, Any]:
    """One total's distribution (e.g. "annual") in the output unit, with the
    chances of reaching each reference's ends: for a reference with a scope, the
    chance that the subtotal of the entries in its scope reaches them (the totals
    found as "<total>@<reference>"). The same keys for both methods (``samples``
    and ``seed`` are null for the convolution, and its histogram has shares but
    no counts)."""
    from nbscdr_cli.uncertainty import percentile_key

    summary: Summary = sim.totals[total]
    f = unit.factor
    (lo, hi), weights = summary.histogram
    whole = sum(weights) or 1
    probability = dict(summary.probability)
    thresholds = dict(summary.thresholds)
    for name, scoped in sim.totals.items():
        if name.startswith(f"{total}@"):
            probability.update(scoped.probability)
            thresholds.update(scoped.thresholds)
    if "target" in probability:  # the references' ends first, the user's target last
        probability["target"] = probability.pop("target")
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
        "probability": {k: number(v) for k, v in probability.items()},
        "thresholds": {k: number(v / f) for k, v in thresholds.items()},
        "histogram": {
            "low": number(lo / f),
            "high": number(hi / f),
            "counts": [int(c) for c in weights] if sim.samples is not None else None,
            "shares": [number(w / whole) for w in weights],
        },
    }


def compare_document(rows: list[Row], unit: Unit, lang: str, *, by: str) -> dict[str, Any]:
    """Rows side by side (``by``: "assessment" or "portfolio"), in the output unit:
    each row's total, what it measures, its comparisons (the entries in each
    reference's scope against it), and what it lacks, borrows or only bounds;
    then the notes on the references, from the first row that has totals."""
    from nbscdr_cli import __version__

    out = []
    row_notes: list[tuple[str, dict[str, Any]]] = []
    for row in rows:
        item: dict[str, Any] = {by: row.key, "name": row.label.get(lang), "measure": _local(row.measure)}
        if row.analysis is None:
            names = [n.get(lang) for n in row.missing_names]
            item.update({"low": None, "high": None, "missing": list(row.missing), "missing_names": names})
            out.append(item)
            continue
        doc = portfolio_document(row.analysis, unit, lang)
        row_notes.append((item["name"] or row.key, doc))
        item.update(
            {
                "low": doc["total"]["low"],
                "high": doc["total"]["high"],
                "central_sum": _central_sum(doc["entries"]),
                "as_given": doc["total"]["as_given"],
                "up_to": doc["total"]["up_to"],
                "missing": [],
                "fallback": list(row.fallback),
                "entries": [
                    {k: e[k] for k in ("technique", "name", "low", "high", "up_to", "assessment", "fallback")}
                    for e in doc["entries"]
                ],
                "comparisons": doc["comparisons"],
            }
        )
        for key in ("uncertainty", "horizon"):
            if key in doc:
                item[key] = doc[key]
        out.append(item)
    from nbscdr_cli.render.notes import compare_notes

    notes = compare_notes(row_notes, lang, central_sum=any(r.get("central_sum") is not None for r in out))
    return {"nbscdr_version": __version__, "by": by, "unit": unit.text, "rows": out, "warnings": notes}


def _central_sum(entries: list[dict[str, Any]]) -> float | None:
    """The sum of the entries' central values where every entry has one (a sum
    of medians, not the median of the sum); else None."""
    centrals = [e["central"] for e in entries]
    return number(math.fsum(centrals)) if centrals and None not in centrals else None


def _assessment_name(analysis: Analysis) -> LocalText | None:
    found = analysis.catalog.assessments.get(analysis.assessment or "")
    return None if found is None else found.name


def _local(text: LocalText | None) -> dict[str, str] | None:
    return None if text is None else text.as_dict()


IAMC_UNIT = "Mt CO2/yr"


def iamc_document(doc: dict[str, Any], year: int | None = None) -> dict[str, Any]:
    """IAMC rows from a portfolio document in Mt CO2/yr: one scenario per bound
    ("<name>|low", "<name>|high", "<name>|p5"...), one row per variable (entries
    reporting under the same variable are summed), one column per year: each year
    of the period where the document has one, else ``year`` (default 2050).
    Percentile scenarios give each variable its own (marginal) percentile."""
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
    if "horizon" in doc:
        years = [p["year"] for p in doc["horizon"]["path"]]

        def path(e: dict[str, Any], value: float, end: str) -> list[float]:
            rows = e["horizon"]["path"]
            if end in ("low", "high"):
                return [p["removal"][end] for p in rows]
            return [value * (p["removal"]["high"] / e["high"] if e["high"] else 0.0) for p in rows]
    else:
        years = [2050 if year is None else year]

        def path(e: dict[str, Any], value: float, end: str) -> list[float]:
            return [value]

    bounds = ["low", "high", *(f"p{p}" for p in doc.get("uncertainty", {}).get("percentiles", {}))]
    rows = []
    for bound in bounds:
        totals: dict[str, list[float]] = {}
        for e in doc["entries"]:
            value = e[bound] if bound in ("low", "high") else e["percentiles"][bound[1:]]
            series = path(e, value, bound)
            previous = totals.get(e["iamc_variable"], [0.0] * len(years))
            totals[e["iamc_variable"]] = [a + b for a, b in zip(previous, series, strict=True)]
        for variable, values in totals.items():
            rows.append(
                {
                    "model": f"nbscdr {__version__}",
                    "scenario": f"{name}|{bound}",
                    "region": "World",
                    "variable": variable,
                    "unit": IAMC_UNIT,
                    "values": [number(v) for v in values],
                }
            )
    return {"years": years, "rows": rows}


def portfolio_output(analysis: Analysis, fmt: str, year: int | None) -> tuple[str, dict[str, Any]]:
    """The document `portfolio` renders in ``fmt``: the IAMC rows, or the portfolio."""
    if fmt == "iamc":  # its unit is fixed: an overflow is the format's, not --unit's
        from nbscdr_cli.finite import check_units

        check_units(analysis.result, analysis.horizon, analysis.simulation, analysis.unit, None, field="iamc")
    doc = analysis.to_dict()
    if fmt == "iamc":
        return "iamc", iamc_document(doc, year)
    return "portfolio", doc


def conversion_document(value: float, unit: Unit) -> dict[str, Any]:
    return {"value": number(value), "unit": unit.text}
