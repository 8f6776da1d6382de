"""Totals side by side: one portfolio under several assessments, or several
portfolios under one (``nbscdr compare``). Each row is a whole analysis, made by
``api.request`` from the same checks as a single run."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.document_parts import local
from nbscdr_cli.api.documents import portfolio_document
from nbscdr_cli.api.note_anchors import annotate
from nbscdr_cli.api.notes import compare_notes
from nbscdr_cli.api.request import (
    REGIONAL_UNIT,
    Plan,
    Request,
    as_portfolio_file,
    catalog_of,
    entry_specs,
    output_units,
    prepare,
    run,
)
from nbscdr_cli.api.wording import potential_name
from nbscdr_cli.base.i18n import _, join_names
from nbscdr_cli.base.numbers import number
from nbscdr_cli.base.version import __version__
from nbscdr_cli.model.catalog import Catalog, LocalText
from nbscdr_cli.model.errors import UsageError, cut
from nbscdr_cli.model.units import Unit


class Row(NamedTuple):
    """One row of a comparison: an assessment's or a portfolio's analysis."""

    key: str  # assessment id or portfolio name
    label: LocalText
    analysis: Analysis | None  # None when techniques have no estimate there
    missing: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()  # techniques using the default assessment's estimate
    measure: LocalText | None = None  # what the assessment's figures measure
    missing_names: tuple[LocalText, ...] = ()  # the names of ``missing``


class Comparison(NamedTuple):
    """Totals side by side: by assessment or by portfolio."""

    by: str  # "assessment" or "portfolio"
    rows: list[Row]
    unit: Unit
    lang: str = "en"
    potential: str = "technical"
    # with every assessment asked for a potential only some give: their names
    only: tuple[LocalText, ...] = ()
    # an assessment with figures by country (Roe et al. (2021)), left out of a world total: its name
    by_country: LocalText | None = None

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The comparison as the JSON document of `nbscdr compare -f json`."""
        lang = lang or self.lang
        if lang not in ("en", "zh"):
            raise UsageError(f"{cut(repr(lang))} is not one of en, zh", field="lang")
        doc = compare_document(self.rows, self.unit, lang, by=self.by)
        if self.only:
            names = [n.get(lang) for n in self.only]
            Potential = potential_name(self.potential, lang).capitalize()
            if self.by_country is None:
                message = _(
                    "{Potential} potentials come only from {names}: the other assessments are left out.",
                    lang,
                    names=join_names(names, lang),
                    Potential=Potential,
                )
            else:
                message = _(
                    "{Potential} potentials come from {names} for the world, and from {country} by country: {country} is not in this world total, as its figures are by country (give --region, or compare --regions); the other assessments are left out.",
                    lang,
                    names=join_names(names, lang),
                    country=self.by_country.get(lang),
                    Potential=Potential,
                )
            doc["warnings"].insert(0, annotate([{"code": "potential", "message": message}])[0])
        elif self.by_country is not None:
            message = _(
                "{country} is left out: its figures are by country, not a world total (give --region, or compare --regions).",
                lang,
                country=self.by_country.get(lang),
            )
            doc["warnings"].insert(0, annotate([{"code": "by-country", "message": message}])[0])
        return {**doc, "potential": self.potential}


def compare(
    request: Request,
    *,
    assessments: Sequence[str] | None = None,
    portfolios: Sequence[Any] | None = None,
    regions: Sequence[str] | None = None,
) -> Comparison:
    """The request's portfolio under each of ``assessments`` (None: every one the
    catalog holds with global figures), or several ``portfolios`` (each as
    ``Request.portfolio`` takes one) under the request's one assessment, or for each
    of ``regions`` (Roe et al. (2021)'s figures for each country or region)."""
    from nbscdr_cli.api.request import check_types

    check_types(request)
    if isinstance(assessments, str):
        assessments = [assessments]
    if assessments is not None:
        if not isinstance(assessments, Sequence):
            raise TypeError(f"assessments must be a list of assessment ids, not {type(assessments).__name__}")
        for aid in assessments:
            if not isinstance(aid, str):
                raise TypeError(f"assessments must be a list of assessment ids, not of {type(aid).__name__}")
    for name, given in (("portfolios", portfolios), ("regions", regions)):
        if given is not None and (isinstance(given, str) or not isinstance(given, Sequence)):
            raise TypeError(f"{name} must be a list, not {type(given).__name__}")
    if regions:
        if portfolios:
            raise UsageError("give regions or portfolios to compare, not both", field="regions")
        if request.region is not None:
            raise UsageError("give the regions to compare in one list, not also a region", field="region")
        if assessments:
            if len(assessments) > 1:
                raise UsageError("regions are compared under one assessment, roe2021", field="assessment")
            request = request._replace(assessment=assessments[0])
        rows = compare_regions(request, regions)
        unit = rows[0].analysis.unit if rows and rows[0].analysis is not None else output_units(request)[0]
        return Comparison("region", rows, unit, request.lang, request.potential)
    if portfolios:
        if request.specs or request.portfolio is not None:
            raise UsageError("give portfolios or specs to compare, not both", field="portfolio")
        if assessments:
            if len(assessments) > 1:
                raise UsageError("portfolios are compared under one assessment", field="assessment")
            request = request._replace(assessment=assessments[0])
        rows = compare_portfolios(request, portfolios)
        return Comparison("portfolio", rows, output_units(request)[0], request.lang, request.potential)
    rows = compare_assessments(request, assessments)
    giving: tuple[LocalText, ...] = ()
    by_country = None
    if assessments is None:
        from nbscdr_cli.model.roe2021 import ROE2021

        catalog = catalog_of(request._replace(assessment=None, fallback=False))
        every = giving_potential(catalog, request.potential)
        # by country: not among the rows unless asked for, and said so
        by_country = catalog.assessments[ROE2021].name if ROE2021 in every else None
        if request.potential != "technical":
            giving = tuple(catalog.assessments[a].name for a in every if a != ROE2021)
    unit = output_units(request)[0]
    return Comparison("assessment", rows, unit, request.lang, request.potential, giving, by_country)


def compare_assessments(request: Request, assessments: Sequence[str] | None = None) -> list[Row]:
    """The request's portfolio under each of ``assessments`` (None: every one the
    catalog holds). An assessment with no estimate for one of the techniques
    gives a row with no analysis that names them, unless ``request.fallback``
    lets another assessment stand in (which must then happen in some row)."""
    from nbscdr_cli.model.names import normalise_name
    from nbscdr_cli.model.roe2021 import ROE2021

    if request.region is not None:
        raise UsageError(
            "assessments are compared with global figures; for regions side by side, give --regions",
            field="region",
        )
    base = catalog_of(request._replace(assessment=None, fallback=False))
    # Roe et al. (2021)'s figures are by country: in a row of their own only when asked for
    global_ones = [a for a in base.assessments if a != ROE2021]
    wanted = global_ones if assessments is None else list(assessments)
    if not wanted:
        raise UsageError("this catalog defines no assessments", field="assessment")
    for aid in wanted:
        base.under(aid)  # unknown ids fail here, before any row is computed
    if request.potential != "technical":
        # an assessment that gives no such potential at all has no row to show
        # (the note under the table names the ones that do, once)
        giving = giving_potential(base, request.potential)
        if assessments is None:
            wanted = [aid for aid in wanted if aid in giving]
        without = [aid for aid in wanted if aid not in giving]
        if without or not wanted:
            raise UsageError(
                f"{', '.join(without) or 'none of the assessments'} gives no {request.potential} potentials; "
                f"{', '.join(giving) or 'no assessment in this catalog'} "
                f"{'does' if len(giving) == 1 else 'do'}",
                field="assessment",
            )
    name, specs = entry_specs(request)
    plans: list[tuple[str, Plan | None, tuple[str, ...]]] = []
    for aid in wanted:
        if aid.casefold() == ROE2021:  # the sum over every country: a row as any other
            one = request._replace(assessment=aid, specs=specs, portfolio=None, name=name)
            plans.append((aid, prepare(one), ()))
            continue
        view = base.under(aid, potential=request.potential)
        missing = []
        for spec in specs:
            tid = view.names.get(normalise_name(spec.technique))
            if tid is not None and tid in view.without_estimate and not spec.own_figure:
                missing.append(tid)
        fallback = bool(missing) and request.fallback
        if missing and fallback:
            stand_in = base.under(aid, fallback=True, potential=request.potential)
            missing = [t for t in missing if t not in stand_in.techniques]
        if missing:
            plans.append((aid, None, tuple(dict.fromkeys(missing))))
            continue
        one = request._replace(
            catalog=base, assessment=aid, fallback=fallback, specs=specs, portfolio=None, name=name
        )
        plans.append((aid, prepare(one), ()))
    if request.fallback and not any(
        plan is not None and plan.catalog.assessment and _stands_in(plan) for _, plan, _ in plans
    ):
        raise UsageError("has no effect: every row has an estimate for every entry", field="fallback")
    rows = []
    for aid, plan, missing_ids in plans:
        label, measure = base.assessments[aid].name, base.assessments[aid].measures(request.potential)
        if plan is None:
            names = tuple(base.all_techniques[t].name for t in missing_ids)
            rows.append(Row(aid, label, None, missing=missing_ids, measure=measure, missing_names=names))
            continue
        analysis = run(plan)
        used = tuple(e.technique.id for e in analysis.result.portfolio.entries if e.technique.fallback)
        rows.append(Row(aid, label, analysis, fallback=used, measure=measure))
    return rows


def giving_potential(catalog: Catalog, potential: str) -> list[str]:
    """The assessments of ``catalog`` with at least one estimate of ``potential``
    (Roe et al. (2021) give both potentials, by country)."""
    from nbscdr_cli.model.roe2021 import ROE2021

    every = catalog.all_techniques or catalog.techniques
    return [
        aid
        for aid in catalog.assessments
        if aid == ROE2021 or any(t.estimate(aid, potential) for t in every.values())
    ]


def compare_regions(request: Request, regions: Sequence[str]) -> list[Row]:
    """The request's portfolio for each of ``regions`` (Roe et al. (2021)'s figures),
    one row each, all in one unit: Mt CO2/yr unless every row is the world or the
    request gives a unit."""
    name, specs = entry_specs(request)
    one = request._replace(specs=specs, portfolio=None, name=name)
    plans = [prepare(one._replace(region=r)) for r in dict.fromkeys(regions)]
    codes = [p.geography.region.code if p.geography else "World" for p in plans]
    if len(set(codes)) < len(codes):
        twice = next(c for c in codes if codes.count(c) > 1)
        raise UsageError(f"{twice!r} is named twice (under two of its names)", field="regions")
    if request.unit is None and any(p.unit != plans[0].unit for p in plans):
        # the world in Gt beside countries in Mt: one unit for all, Mt
        plans = [prepare(one._replace(region=r, unit=REGIONAL_UNIT)) for r in dict.fromkeys(regions)]
    rows = []
    for plan in plans:
        region = plan.geography.region if plan.geography is not None else None
        label = LocalText(region.label("en"), region.label("zh")) if region else LocalText("World")
        rows.append(Row(region.code if region else "World", label, run(plan)))
    return rows


def _stands_in(plan: Plan) -> bool:
    return any(e.technique.fallback for e in plan.portfolio.entries)


def compare_portfolios(request: Request, portfolios: Sequence[Any]) -> list[Row]:
    """Several portfolios (each as ``Request.portfolio`` takes one) under the
    request's assessment and settings, one row each."""
    plans = []
    for i, portfolio in enumerate(portfolios, start=1):
        loaded = as_portfolio_file(portfolio)
        name = loaded.name or (os.path.splitext(os.path.basename(loaded.path))[0] if loaded.path else f"{i}")
        plans.append((name, prepare(request._replace(portfolio=loaded, specs=(), name=name))))
    return [Row(name, LocalText(name), run(plan), measure=_whose(plan)) for name, plan in plans]


def _whose(plan: Plan) -> LocalText | None:
    """Whose figures a portfolio's row uses and what they measure: 'C2G (2019)
    policy brief: global removal potential per year, undated'."""
    found = plan.catalog.assessments.get(plan.catalog.assessment or "")
    if found is None:
        return None
    measure = found.measures(plan.catalog.potential)
    if measure is None:
        return found.name
    zh = f"{found.name.get('zh')}：{measure.get('zh')}"
    return LocalText(f"{found.name.en}: {measure.en}", zh)


def compare_document(rows: list[Row], unit: Unit, lang: str, *, by: str) -> dict[str, Any]:
    """Rows side by side (``by``: "assessment" or "portfolio"), in the output unit:
    each row's total, what it measures, its comparisons (the entries in each
    reference's scope against it), and what it lacks, borrows or only bounds;
    then the notes on the references, from the first row that has totals."""
    out = []
    row_notes: list[tuple[str, str, dict[str, Any]]] = []
    for row in rows:
        item: dict[str, Any] = {by: row.key, "name": row.label.as_dict(), "measure": local(row.measure)}
        if row.analysis is None:
            names = [n.as_dict() for n in row.missing_names]
            item.update({"low": None, "high": None, "missing": list(row.missing), "missing_names": names})
            out.append(item)
            continue
        doc = portfolio_document(row.analysis, unit, lang)
        row_notes.append((row.key, row.label.get(lang) or row.key, doc))
        item.update(
            {
                "low": doc["total"]["low"],
                "high": doc["total"]["high"],
                "central_sum": _central_sum(doc["entries"]),
                "as_given": doc["total"]["as_given"],
                "significant_figures": doc["total"]["significant_figures"],
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
    notes = compare_notes(
        row_notes,
        lang,
        central_sum=any(r.get("central_sum") is not None for r in out),
        figures=by == "region",
    )
    doc = {"nbscdr_version": __version__, "by": by, "unit": unit.text, "rows": out, "warnings": notes}
    if by == "region" and row_notes:  # whose figures, said once in the title (issue 22)
        first = row_notes[0][2]
        doc.update(assessment=first["assessment"], assessment_name=first["assessment_name"])
    return doc


def _central_sum(entries: list[dict[str, Any]]) -> float | None:
    """The sum of the entries' central values where every entry has one (a sum
    of means or medians, not the mean or median of the sum); else None."""
    centrals = [e["central"] for e in entries]
    return number(math.fsum(centrals)) if centrals and None not in centrals else None
