"""The documents of an analysis over a period: the cumulative removal and what is
still stored at the end of the last year (``stored_at_end``: after the reversal
assumed, none unless a rate is given or sourced), the year-by-year path, each
entry's ramp, saturation and reversal (JSON ``horizon``, at the top level and in
each entry). Their precision is that of the rates they come from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.catalog_documents import reference_document
from nbscdr_cli.api.document_parts import local, reference_digits, relation_document, uncertainty_document
from nbscdr_cli.base.numbers import number

if TYPE_CHECKING:
    from nbscdr_cli.api.results import Results
    from nbscdr_cli.model.units import Unit


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


def horizon_document(analysis: Results, unit: Unit, mass: Unit, digits: dict[str, int]) -> dict[str, Any]:
    """The horizon totals (JSON `horizon` at the top level); ``digits``: each
    entry's significant figures, by technique id."""
    h = analysis.horizon
    assert h is not None
    total_digits = min(digits.values(), default=3)
    comparisons = []
    for c in h.comparisons:
        inside = min((digits[t] for t in c.in_scope_ids), default=3)
        comparisons.append(
            {
                "reference": c.reference.id,
                **{k: v for k, v in reference_document(c.reference, mass).items() if k != "id"},
                "period": local(c.reference.period),
                "same_period": c.reference.years == (h.settings.start, h.settings.end),
                "significant_figures": min(inside, reference_digits(c.reference)),
                "in_scope": {
                    "techniques": list(c.in_scope_ids),
                    "cumulative": _pair(c.cumulative, mass.factor),
                    "stored_at_end": _pair(c.durable, mass.factor),
                    "significant_figures": inside,
                },
                "out_of_scope": list(c.out_of_scope_ids),
                **relation_document(c.relation, mass.factor),
                "stored_at_end_position": relation_document(c.durable_relation, mass.factor),
            }
        )
    doc: dict[str, Any] = {
        "from": h.settings.start,
        "to": h.settings.end,
        "years": h.settings.years,
        "last_year": h.settings.end - 1,
        "unit": mass.text,
        "significant_figures": total_digits,
        "cumulative": _pair(h.cumulative, mass.factor),
        "stored_at_end": _pair(h.durable, mass.factor),
        "reversal_applied": any(e.parameters.reversal_rate for e in h.entries),
        "path": _path_document(h.path, unit, mass),
        "comparisons": comparisons,
    }
    if analysis.simulation is not None:
        doc["uncertainty"] = {
            key: uncertainty_document(analysis.simulation, name, mass, total_digits)
            for key, name in (("cumulative", "cumulative"), ("stored_at_end", "durable"))
        }
    return doc


def entry_horizon_document(analysis: Results, entry: Any, e: Any, unit: Unit, mass: Unit) -> dict[str, Any]:
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
        "stored_at_end": _pair(e.durable, mass.factor),
        "ramp_years": number(p.ramp_years),
        "saturation_years": (
            {"low": number(p.saturation_years[0]), "high": number(p.saturation_years[1])}
            if isinstance(p.saturation_years, tuple)
            else number(p.saturation_years)
        ),
        "saturation_from": p.saturation_from,
        "saturation_source": entry.technique.saturation_source if p.saturation_from == "data" else None,
        "reversal_rate": number(p.reversal_rate),
        "reversal_from": p.reversal_from,
        "path": _path_document(e.path, unit, mass),
    }
