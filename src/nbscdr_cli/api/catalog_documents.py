"""The catalog's documents, for `list`, `show` and `assessments`: techniques,
estimates, assessments and references as the JSON contract gives them (each
range in the unit its source wrote)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.base.numbers import number

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from nbscdr_cli.api.regional import Geography
    from nbscdr_cli.model.catalog import (
        Assessment,
        Catalog,
        Challenge,
        Cost,
        Estimate,
        LocalText,
        Note,
        OtherFigure,
        Overlap,
        Quote,
        Readiness,
        Reference,
        Statement,
        Technique,
    )
    from nbscdr_cli.model.units import Unit


def _local(text: LocalText | None) -> dict[str, str] | None:
    return None if text is None else text.as_dict()


def quote_document(q: Quote) -> dict[str, Any]:
    """An exact quotation: its text in the source's language, the source and
    section it comes from, and nbscdr's translation."""
    return {
        "id": q.id,
        "source": q.source,
        "section": q.section,
        "lang": q.lang,
        "text": q.text,
        "translation": q.translation,
    }


def quotes_document(quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    return [quote_document(q) for q in quotes]


def note_document(note: Note | None) -> dict[str, Any] | None:
    if note is None:
        return None
    return {**note.text.as_dict(), "source": note.source, "quotes": quotes_document(note.quotes)}


def statement_document(statement: Statement | None) -> dict[str, Any] | None:
    """A line of text with its source (null where the data gives none) and quotations."""
    if statement is None:
        return None
    return {
        **statement.text.as_dict(),
        "source": statement.source,
        "quotes": quotes_document(statement.quotes),
    }


def challenge_document(c: Challenge) -> dict[str, Any]:
    return {"id": c.id, **c.text.as_dict(), "source": c.source, "quotes": quotes_document(c.quotes)}


def cost_document(cost: Cost | None) -> dict[str, Any] | None:
    """A cost range in USD per t CO2 or per t CO2e (the source's unit), or the
    source's words (kept as text)."""
    if cost is None:
        return None
    quotes = quotes_document(cost.quotes)
    if cost.text is not None:
        return {"text": cost.text.as_dict(), "source": cost.source, "quotes": quotes}
    return {
        "low": number(cost.low),
        "high": number(cost.high),
        "unit": cost.unit,
        "notes": _local(cost.notes),
        "source": cost.source,
        "quotes": quotes,
    }


def assessed(t: Technique, name: str) -> Any:
    """The cost or TRL (``name``) of a technique in the assessment in use: its
    estimate's, else that assessment's technical estimate's (AR6 gives them once
    per measure, beside its technical potential, and they hold for its economic
    potential too)."""
    if t.in_use is None:
        return None
    value = getattr(t.in_use, name)
    if value is None and t.in_use.potential != "technical":
        technical = t.estimate(t.in_use.assessment, "technical")
        value = getattr(technical, name) if technical is not None else None
    return value


def trl_document(trl: Readiness | None) -> dict[str, Any] | None:
    if trl is None:
        return None
    return {"low": trl.low, "high": trl.high, "source": trl.source, "quotes": quotes_document(trl.quotes)}


def _written(texts: tuple[str | None, ...]) -> dict[str, str]:
    """{"high": "3.0"}: the ends a source wrote with digits a number drops."""
    return {end: t for end, t in zip(("low", "central", "high"), texts, strict=False) if t is not None}


def figure_facts(e: Estimate | None) -> dict[str, Any]:
    """What a figure is, beside its numbers: the kind of potential its source
    gives, its period, what its central value is and what it counts."""
    if e is None:
        return {
            "potential_kind": None,
            "period": None,
            "statistic": None,
            "includes": None,
            "removal_only": None,
            "written": {},
        }
    return {
        # the ends its source wrote with digits a float drops ("3.0"), as written
        "written": _written(e.written),
        "potential_kind": e.kind,
        "period": _local(e.period),
        "statistic": e.statistic,
        "includes": list(e.includes),
        "removal_only": e.removal_only,
    }


def technique_summary(t: Technique) -> dict[str, Any]:
    """A technique as the JSON contract of `list` gives it (range in its own unit)."""
    factor = t.unit_factor
    return {
        "id": t.id,
        "name": t.name.as_dict(),
        "low": number(None if t.range.low is None else t.range.low / factor),
        "high": number(t.range.high / factor),
        "unit": t.unit,
        "central": number(None if t.range.mode is None else t.range.mode / factor),
        "up_to": t.range.open_low,
        "as_given": not (t.in_use is not None and t.in_use.computed),
        "scope": t.scope,
        "readiness": statement_document(t.readiness),
        "assessment": t.assessment,
        "potential": t.potential,
        **figure_facts(t.in_use),
        "fallback": t.fallback,
        "caveat": note_document(t.caveat),
        "estimate_caveat": note_document(t.in_use.caveat if t.in_use else None),
        "cost": cost_document(assessed(t, "cost")),
        "trl": trl_document(assessed(t, "trl")),
    }


def technique_document(
    t: Technique,
    overlaps: Sequence[Overlap] = (),
    assessments: Mapping[str, Assessment] | None = None,
    techniques: Mapping[str, Technique] | None = None,
) -> dict[str, Any]:
    """Everything about one technique (`show`), with the recorded overlaps it is
    in (and the other technique's name, from ``techniques``) and the names of
    the ``assessments`` whose estimates it lists."""
    names = {a.id: a.name.as_dict() for a in (assessments or {}).values()}
    others = {tid: x.name.as_dict() for tid, x in (techniques or {}).items()}
    doc = technique_summary(t)
    doc.update(
        {
            "aliases": list(t.aliases),
            "governance": [challenge_document(c) for c in t.governance],
            "overlaps": [
                {
                    "with": (other := next(x for x in o.techniques if x != t.id)),
                    "with_name": others.get(other),
                    **o.text.as_dict(),
                    "source": o.source,
                    "quotes": quotes_document(o.quotes),
                }
                for o in overlaps
                if t.id in o.techniques
            ],
            "part_of": None
            if t.part_of is None
            else {
                "technique": t.part_of.whole,
                **t.part_of.text.as_dict(),
                "source": t.part_of.source,
                "quotes": quotes_document(t.part_of.quotes),
            },
            "source": t.source,
            "notes": statement_document(t.notes),
            "remarks": [note_document(n) for n in t.remarks],
            "durability": [note_document(n) for n in t.durability],
            "saturation_years": t.saturation_years,
            "saturation_source": t.saturation_source,
            "saturation_notes": _local(t.saturation_notes),
            "reversal_rate": t.reversal_rate,
            "reversal_source": t.reversal_source,
            "estimates": [
                {**estimate_document(e), "assessment_name": names.get(e.assessment or "")}
                for e in t.estimates
            ],
            "no_estimate": [
                {"assessment": a, "assessment_name": names.get(a), **(note_document(n) or {})}
                for a, n in t.no_estimate.items()
            ],
        }
    )
    return doc


def estimate_document(e: Estimate) -> dict[str, Any]:
    """One assessment's estimate of one potential, in the unit its source wrote."""
    f = e.unit_factor
    return {
        "assessment": e.assessment,
        "potential": e.potential,
        "low": number(None if e.range.low is None else e.range.low / f),
        "high": number(e.range.high / f),
        "central": number(None if e.range.mode is None else e.range.mode / f),
        "unit": e.unit,
        "up_to": e.range.open_low,
        **figure_facts(e),
        "as_given": not e.computed,
        "measure": _local(e.measure),
        "source": e.source,
        "quotes": quotes_document(e.quotes),
        "notes": _local(e.notes),
        "caveat": note_document(e.caveat),
        "cost": cost_document(e.cost),
        "trl": trl_document(e.trl),
        "parts": [
            {
                "name": p.name.as_dict(),
                "low": number(p.range.lower / f),
                "high": number(p.range.high / f),
                "central": number(None if p.range.mode is None else p.range.mode / f),
                "statistic": p.statistic,
                "written": _written(p.written),
                "source": p.source,
                "quotes": quotes_document(p.quotes),
            }
            for p in e.parts
        ],
        "other_figures": [other_figure_document(o) for o in e.other_figures],
    }


def other_figure_document(o: OtherFigure) -> dict[str, Any]:
    """A differing figure for the same measure, in the unit its source wrote."""
    f = o.unit_factor
    return {
        "low": number(None if o.range.low is None else o.range.low / f),
        "high": number(o.range.high / f),
        "unit": o.unit,
        "up_to": o.range.open_low,
        **o.text.as_dict(),
        "source": o.source,
        "quotes": quotes_document(o.quotes),
    }


def assessments_document(catalog: Catalog) -> dict[str, Any]:
    """The assessments a catalog holds, with citations and the techniques each covers."""
    from nbscdr_cli.model.roe2021 import BY_TECHNIQUE, ROE2021

    every = catalog.all_techniques or catalog.techniques

    def covered(aid: str) -> tuple[list[str], list[str]]:
        """The techniques an assessment has figures for, and its potentials; Roe et
        al. (2021)'s are by country (data/roe2021.json), both potentials."""
        if aid == ROE2021:
            return [t for t in every if t in BY_TECHNIQUE], ["economic", "technical"]
        found = [t.id for t in every.values() if t.estimate(aid) is not None]
        potentials = {e.potential for t in every.values() for e in t.estimates if e.assessment == aid}
        return found, sorted(potentials)

    return {
        "default": catalog.default_assessment,
        "assessments": [
            {
                "id": a.id,
                "name": a.name.as_dict(),
                "citation": a.citation,
                "citation_zh": a.citation_zh,
                "measure": _local(a.measure),
                "measure_economic": _local(a.measure_economic),
                "quotes": quotes_document(a.quotes),
                "potentials": covered(a.id)[1],
                "default": a.id == catalog.default_assessment,
                "techniques": covered(a.id)[0],
                "by_country": a.id == ROE2021,
            }
            for a in catalog.assessments.values()
        ],
        "technique_names": {t.id: t.name.as_dict() for t in every.values()},
    }


def reference_document(r: Reference, unit: Unit | None = None) -> dict[str, Any]:
    factor = unit.factor if unit is not None else r.unit_factor
    return {
        "id": r.id,
        "name": _local(r.name),
        "kind": r.kind,
        "low": number(r.range.lower / factor),
        "high": number(r.range.high / factor),
        "central": number(None if r.range.mode is None else r.range.mode / factor),
        "unit": unit.text if unit is not None else r.unit,
        "scope": list(r.scope),
        "measures": _local(r.measures),
        "includes": list(r.includes),
        "removal_only": r.removal_only,
        "source": r.source,
        "quotes": quotes_document(r.quotes),
        "region": r.region,
        "techniques": list(r.techniques),
        "potential": r.potential,
    }


def references_document(catalog: Catalog) -> dict[str, Any]:
    """The references a portfolio can be compared with (`references`); ``default``
    marks those compared with when none is asked for."""
    from nbscdr_cli.base.version import __version__

    named = dict.fromkeys(t for r in catalog.references.values() for t in r.techniques)
    every = catalog.all_techniques or catalog.techniques
    return {
        "nbscdr_version": __version__,
        "references": [
            {
                **reference_document(r),
                "region_name": None if r.region is None else _region_label(r.region),
                "default": r.default,
            }
            for r in catalog.references.values()
        ],
        # the names of the techniques a reference covers alone, for the table
        "technique_names": {t: every[t].name.as_dict() for t in named if t in every},
    }


def _region_label(code: str) -> dict[str, str]:
    """An AR6 region's label in both languages ('Africa and Middle East (AR6, 5
    regions)'); a country's code (ISO3) as it is."""
    from nbscdr_cli.base.i18n import _
    from nbscdr_cli.model.regions import GROUPING_LABELS, region_name

    grouping, _sep, name = code.partition(":")
    if not name or grouping not in GROUPING_LABELS:
        return {"en": code, "zh": code}
    local = region_name(grouping, name)
    return {
        lang: _(
            "{name} ({grouping})", lang, name=local.get(lang), grouping=_(GROUPING_LABELS[grouping], lang)
        )
        for lang in ("en", "zh")
    }


def catalog_document(catalog: Catalog, geography: Geography | None = None) -> dict[str, Any]:
    """The techniques with a figure under the catalog's assessment (`list`), and the
    references; with a region, the figures are for it, and so are the references."""
    from nbscdr_cli.base.version import __version__

    references = list(catalog.references.values())
    region = None
    if geography is not None:
        from nbscdr_cli.api.region_documents import region_summary

        region = region_summary(geography.region, geography.names_source)
        regional = not geography.region.is_world
        references = [
            r for r in references if (r.region is None and not regional) or r.region == geography.region.code
        ]
    doc = {
        "nbscdr_version": __version__,
        "data": catalog.path,
        "assessment": catalog.assessment,
        "assessment_name": _local(found.name)
        if (found := catalog.assessments.get(catalog.assessment or ""))
        else None,
        "potential": catalog.potential,
        "techniques": [technique_summary(t) for t in catalog.techniques.values()],
        "references": [reference_document(r) for r in references],
    }
    if region is not None:
        doc["region"] = region
    return doc
