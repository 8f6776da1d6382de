"""The catalog's documents, for `list`, `show` and `assessments`: techniques,
estimates, assessments and references as the JSON contract gives them (each
range in the unit its source wrote)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.render.numbers import number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from nbscdr_cli.catalog import Catalog, Estimate, LocalText, Overlap, Reference, Technique
    from nbscdr_cli.units import Unit


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
        "caveat": None if t.caveat is None else {**t.caveat.text.as_dict(), "source": t.caveat.source},
    }


def technique_document(t: Technique, overlaps: Sequence[Overlap] = ()) -> dict[str, Any]:
    """Everything about one technique (`show`), with the recorded overlaps it is in."""
    doc = technique_summary(t)
    doc.update(
        {
            "aliases": list(t.aliases),
            "governance": [{"id": c.id, **c.text.as_dict()} for c in t.governance],
            "overlaps": [
                {"with": next(x for x in o.techniques if x != t.id), **o.text.as_dict(), "source": o.source}
                for o in overlaps
                if t.id in o.techniques
            ],
            "source": t.source,
            "notes": _local(t.notes),
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
        "measure": _local(e.measure),
        "source": e.source,
        "notes": _local(e.notes),
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
                "measure": _local(a.measure),
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
        "measures": _local(r.measures),
        "source": r.source,
    }


def references_document(catalog: Catalog) -> dict[str, Any]:
    """The references a portfolio can be compared with (`references`)."""
    from nbscdr_cli import __version__

    return {
        "nbscdr_version": __version__,
        "references": [reference_document(r) for r in catalog.references.values()],
    }


def catalog_document(catalog: Catalog) -> dict[str, Any]:
    from nbscdr_cli import __version__

    return {
        "nbscdr_version": __version__,
        "data": catalog.path,
        "techniques": [technique_summary(t) for t in catalog.techniques.values()],
        "references": [reference_document(r) for r in catalog.references.values()],
    }
