"""The documents of an analysis over a period: cumulative and durable totals, the
year-by-year path, each entry's ramp, saturation and reversal, and the notes on
what was assumed (JSON ``horizon``, at the top level and in each entry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.catalog_documents import reference_document
from nbscdr_cli.api.document_parts import relation_document, uncertainty_document
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


def horizon_document(analysis: Results, unit: Unit, mass: Unit) -> dict[str, Any]:
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
                "in_scope": {
                    "techniques": list(c.in_scope_ids),
                    "cumulative": _pair(c.cumulative, mass.factor),
                    "durable": _pair(c.durable, mass.factor),
                },
                "out_of_scope": list(c.out_of_scope_ids),
                **relation_document(c.relation, mass.factor),
                "durable_position": relation_document(c.durable_relation, mass.factor),
            }
            for c in h.comparisons
        ],
    }
    if analysis.simulation is not None:
        doc["uncertainty"] = {
            name: uncertainty_document(analysis.simulation, name, mass) for name in ("cumulative", "durable")
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
        "durable": _pair(e.durable, mass.factor),
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
