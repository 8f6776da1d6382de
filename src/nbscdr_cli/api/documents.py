"""The documents of an analysis and a comparison: results in the output units,
rounded and localised. A document is exactly what ``--format json`` prints (the
JSON contract in README); the other formats lay the same document out. The
catalog's own documents (list, show, assessments) are in ``catalog_documents``.

Numbers are rounded to 12 significant digits, so 3 + 1.8 prints 4.8 and not
4.800000000000001.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.document_parts import comparison_document, entry_document, local, uncertainty_document
from nbscdr_cli.base.numbers import number

if TYPE_CHECKING:
    from nbscdr_cli.api.results import Results
    from nbscdr_cli.model.catalog import LocalText
    from nbscdr_cli.model.units import Unit


def portfolio_document(
    analysis: Results, unit: Unit, lang: str, mass_unit: Unit | None = None
) -> dict[str, Any]:
    """The analysis in the output units (``unit`` for rates, ``mass_unit`` for
    amounts over a horizon): the JSON contract of `portfolio`."""
    from nbscdr_cli.api.notes import portfolio_notes
    from nbscdr_cli.base.version import __version__
    from nbscdr_cli.compute.finite import check_units

    result = analysis.result
    check_units(result, analysis.horizon, analysis.simulation, unit, mass_unit)
    f = unit.factor
    entries = [entry_document(e, unit) for e in result.portfolio.entries]
    # whose figure, by name too (after its id): a stand-in's (--fallback) is not -a's
    entries = [_with_assessment_name(e, analysis) for e in entries]
    # a sum is never a source's figure as given: a total is one only where it is
    # a single entry's figure, as given
    as_given = len(entries) == 1 and bool(entries[0]["as_given"])
    digits = {e["technique"]: e["significant_figures"] for e in entries}
    total_digits = min(digits.values(), default=3)
    doc: dict[str, Any] = {
        "nbscdr_version": __version__,
        "name": result.portfolio.name,
        "assessment": analysis.assessment,
        "assessment_name": local(_assessment_name(analysis)),
        "potential": analysis.catalog.potential,
        "unit": unit.text,
        "entries": entries,
        "total": {
            "low": number(result.total.lower / f),
            "high": number(result.total.high / f),
            "up_to": list(result.open_low_ids),
            "as_given": as_given,
            "significant_figures": total_digits,
        },
        "comparisons": [
            comparison_document(c, unit, {e["technique"]: e["as_given"] for e in entries}, digits)
            for c in result.comparisons
        ],
    }
    if analysis.simulation is not None:
        from nbscdr_cli.model.monte_carlo import percentile_key

        doc["uncertainty"] = uncertainty_document(analysis.simulation, "annual", unit, total_digits)
        for entry_doc, marginal in zip(entries, analysis.simulation.marginals, strict=True):
            entry_doc["percentiles"] = {percentile_key(p): number(v / f) for p, v in marginal.items()}
    if analysis.horizon is not None:
        from nbscdr_cli.api.horizon_documents import entry_horizon_document, horizon_document
        from nbscdr_cli.model.units import CANONICAL_MASS, parse_unit

        mass = mass_unit or parse_unit(CANONICAL_MASS, kind="mass")
        doc["horizon"] = horizon_document(analysis, unit, mass, digits)
        pairs = zip(entries, result.portfolio.entries, analysis.horizon.entries, strict=True)
        for entry_doc, entry, entry_horizon in pairs:
            entry_doc["horizon"] = entry_horizon_document(analysis, entry, entry_horizon, unit, mass)
    if analysis.geography is not None:
        _add_region(doc, analysis, unit, lang)
    doc["warnings"] = portfolio_notes(analysis, doc, lang)
    return doc


def _add_region(doc: dict[str, Any], analysis: Results, unit: Unit, lang: str) -> None:
    """The region, its land and (on request) its countries' figures."""
    from nbscdr_cli.api.region_documents import countries_document, land_document, region_document

    geography = analysis.geography
    assert geography is not None
    entries = analysis.result.portfolio.entries
    doc["region"] = region_document(geography, entries, unit, lang)
    doc["land"] = land_document(geography, entries, lang)
    if geography.per_country:
        from nbscdr_cli.io.roe2021 import load_roe2021

        doc["countries"] = countries_document(
            geography, entries, unit, lang, load_roe2021().regions.countries
        )


def _with_assessment_name(entry: dict[str, Any], analysis: Results) -> dict[str, Any]:
    found = analysis.catalog.assessments.get(entry["assessment"] or "")
    name = local(None if found is None else found.name)
    out: dict[str, Any] = {}
    for key, value in entry.items():
        out[key] = value
        if key == "assessment":
            out["assessment_name"] = name
    return out


def _assessment_name(analysis: Results) -> LocalText | None:
    found = analysis.catalog.assessments.get(analysis.assessment or "")
    return None if found is None else found.name


def conversion_document(value: float, unit: Unit) -> dict[str, Any]:
    return {"value": number(value), "unit": unit.text}
