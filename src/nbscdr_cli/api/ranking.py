"""Countries or regions ranked by a portfolio's potential (``nbscdr rank``): Roe et al.
(2021)'s figures, each country's or each AR6 region's total for the portfolio, largest
central value first, with AR6's regional figures beside the regions they are for.

Every country's figures are read once and the regions' totals summed from them, so
ranking all 250 countries costs about what one country's run does (issue 22, item 8).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from nbscdr_cli.api.request import REGIONAL_UNIT, Request, base_catalog, entry_specs, output_units
from nbscdr_cli.base.i18n import _, join_names, join_sentences
from nbscdr_cli.base.numbers import number
from nbscdr_cli.model.errors import UsageError, cut
from nbscdr_cli.model.regions import GROUPINGS, WORLD, Region
from nbscdr_cli.model.roe2021 import ROE2021

BY = ("country", *GROUPINGS)


class Ranking(NamedTuple):
    """The ranked rows and what they were computed from, as one document (``to_dict``)."""

    document: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.document


def rank(request: Request, *, by: str | None = None, top: int | None = None) -> Ranking:
    """The request's portfolio for every country (``by``: None or "country") or every
    region of an AR6 grouping ("region_ar6_10"), within ``request.region`` (default:
    the world), largest first; ``top``: only the first N."""
    from nbscdr_cli.api.region_documents import region_summary
    from nbscdr_cli.api.regional import regional_view
    from nbscdr_cli.api.request import check_types
    from nbscdr_cli.compute.geography import country_table, rank_totals
    from nbscdr_cli.compute.portfolio import build_portfolio
    from nbscdr_cli.io.roe2021 import load_roe2021

    check_types(request)
    if by is not None and not isinstance(by, str):
        raise TypeError(f"by must be 'country', a region grouping or None, not {type(by).__name__}")
    by = by or "country"
    if by not in BY:
        raise UsageError(f"{by!r} is not one of {', '.join(BY)}", field="by")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise UsageError(f"{top!r} is not a whole number of 1 or more", field="top")
    for field, value in (
        ("monte_carlo", request.monte_carlo),
        ("horizon", request.horizon),
        ("target", request.target),
    ):
        if value is not None:
            raise UsageError("a ranking compares the sums; it takes no uncertainty or period", field=field)
    if request.countries:
        raise UsageError("a ranking by country lists every country already", field="countries")
    if request.assessment is not None and request.assessment.casefold() != ROE2021:
        raise UsageError(
            f"{cut(request.assessment)!r} has no figures by country: a ranking uses Roe et al. (2021)'s ({ROE2021})",
            field="assessment",
        )
    catalog = base_catalog(request)
    view, geography = regional_view(
        catalog,
        request.region or WORLD,
        request.assessment or ROE2021,
        request.potential,
        fallback=request.fallback,
    )
    assert geography is not None
    name, specs = entry_specs(request)
    own = [s.where or s.technique for s in specs if s.own_figure]
    if own:
        raise UsageError(f"{own[0]}: your own figure has no figures by country to rank", field="specs")
    portfolio = build_portfolio(view, specs, name=name)
    unit, _mass = output_units(request._replace(unit=request.unit or REGIONAL_UNIT))
    data = load_roe2021()
    scope = geography.region
    units = _units(data.regions, scope, by)
    entries = [(e.technique.id, e.share) for e in portfolio.entries]
    tids = [tid for tid, _share in entries]
    table = country_table(data, entries, view.potential)
    ranked = rank_totals(table, tids, [(code, members) for code, _region, members in units])
    ranked.sort(key=lambda r: (-r.total.central, -r.total.high, r.code))
    regions = {code: region for code, region, _members in units}
    every = len(ranked)
    shown = ranked if top is None else ranked[:top]
    lang = request.lang
    references = [r for r in view.references.values() if r.region is not None]
    # a region cut by --region is not the region a reference is for: nothing to compare it with
    whole = {code for code, region, members in units if len(members) == len(region.members)}
    rows = [
        _row(i, r, regions[r.code], unit.factor, lang, references if r.code in whole else (), view.potential)
        for i, r in enumerate(shown, start=1)
    ]
    names = {e.technique.id: e.technique.name.get(lang) for e in portfolio.entries}
    doc: dict[str, Any] = {
        "nbscdr_version": _version(),
        "name": portfolio.name,
        "assessment": ROE2021,
        "assessment_name": view.assessments[ROE2021].name.as_dict(),
        "potential": view.potential,
        "unit": unit.text,
        "by": by,
        "within": region_summary(scope, data.names_source),
        "entries": [
            {"technique": e.technique.id, "name": e.technique.name.as_dict(), "share": number(e.share)}
            for e in portfolio.entries
        ],
        "rows": rows,
        "ranked": every,
        "without_figure": [code for code, _region, _members in units if code not in {r.code for r in ranked}],
    }
    doc["warnings"] = _notes(doc, portfolio, view, geography.region, lang, names)
    return Ranking(doc)


def _version() -> str:
    from nbscdr_cli.base.version import __version__

    return __version__


def _units(regions: Any, scope: Region, by: str) -> list[tuple[str, Region, tuple[str, ...]]]:
    """What is ranked: each country of ``scope``, or each region of a grouping, with
    its members inside ``scope`` (historic entities are in no sum)."""
    inside = set(scope.members)
    if by == "country":
        return [(iso3, regions.region(iso3), (iso3,)) for iso3 in scope.members]
    out = []
    for region in regions.groups(by):
        members = tuple(m for m in region.members if m in inside)
        if members:
            out.append((region.code, region, members))
    return out


def _row(
    rank: int, r: Any, region: Region, factor: float, lang: str, references: Sequence[Any], potential: str
) -> dict[str, Any]:
    """One ranked row, in the output unit (``factor``: that unit -> Gt CO2/yr), with
    the references for its region of its potential, against the entries in their scope."""
    from nbscdr_cli.api.document_parts import reference_digits, relation_document
    from nbscdr_cli.base.numbers import CAP
    from nbscdr_cli.compute.geography import add
    from nbscdr_cli.compute.portfolio import relate
    from nbscdr_cli.model.catalog import RemovalRange

    mt = factor * 1e3  # the SI's Mt -> the output unit

    def figures(f: Any) -> dict[str, float | None]:
        return {"low": number(f.low / mt), "high": number(f.high / mt), "central": number(f.central / mt)}

    comparisons = []
    for ref in references:
        if ref.region != region.code or (ref.potential is not None and ref.potential != potential):
            continue
        inside = [f for t, f in r.by_technique.items() if not ref.techniques or t in ref.techniques]
        if not inside:
            continue
        subtotal = add(inside)
        ours = RemovalRange(subtotal.low * 1e-3, subtotal.high * 1e-3)
        covered = [t for t in r.by_technique if not ref.techniques or t in ref.techniques]
        comparisons.append(
            {
                "reference": ref.id,
                "name": None if ref.name is None else ref.name.as_dict(),
                "low": number(ref.range.lower / factor),
                "high": number(ref.range.high / factor),
                "as_given": ref.unit_factor == factor,
                "techniques": list(ref.techniques),
                # the SI's sums are read to CAP figures, as the row shows them; the
                # differences at the less precise of those and the reference's, as portfolio does
                "significant_figures": min(CAP, reference_digits(ref)),
                "in_scope": {
                    **figures(subtotal),
                    "techniques": covered,
                    "as_given": False,
                    "significant_figures": CAP,
                },
                **relation_document(relate(ours, ref.range), factor),
            }
        )
    return {
        "rank": rank,
        "code": r.code,
        "name": region.name.as_dict(),
        "label": region.label(lang),
        "members": r.members,
        "counted": r.counted,
        **figures(r.total),
        "entries": {t: figures(f) for t, f in r.by_technique.items()},
        "missing": list(r.missing),
        "comparisons": comparisons,
    }


def _notes(
    doc: dict[str, Any], portfolio: Any, view: Any, within: Region, lang: str, names: dict[str, str]
) -> list[dict[str, Any]]:
    """What a reader of the ranking must know: whose figures, how they add up, who
    is left out, what the references beside the regions are."""
    from nbscdr_cli.api.notes import (
        PERMANENCE_SOURCE,
        catalog_figures_text,
        caveat_notes,
        counts_text,
        permanence_text,
    )
    from nbscdr_cli.api.wording import cited
    from nbscdr_cli.compute.geography import two_studies

    notes: list[dict[str, Any]] = [{"code": "figures", "message": catalog_figures_text(view, lang)}]
    what = (
        _("Each country's total adds its figures for the portfolio's entries.", lang)
        if doc["by"] == "country"
        else _(
            "Each region's total adds its countries' figures for the portfolio's entries; central values, lows and highs are each added, so the range assumes every country's low, or every country's high, at once.",
            lang,
        )
    )
    notes.append(
        {
            "code": "sums",
            "message": join_sentences([what, _("Ranked by the central value, largest first.", lang)], lang),
        }
    )
    if not within.is_world:
        notes.append(
            {
                "code": "within",
                "message": _(
                    "Only the countries and territories of {region}.", lang, region=within.label(lang)
                ),
            }
        )
    partial = [r["label"] for r in doc["rows"] if r["missing"]]
    if partial:
        notes.append(
            {
                "code": "partial",
                "message": _(
                    "Marked *: no figure in the SI for some of the entries there (a blank is no figure, not 0).",
                    lang,
                ),
                "rows": partial,
            }
        )
    if doc["without_figure"]:
        notes.append(
            {
                "code": "without-figure",
                "message": _(
                    "Not ranked, no figure in the SI for any entry: {n} of {all}.",
                    lang,
                    n=len(doc["without_figure"]),
                    all=len(doc["without_figure"]) + doc["ranked"],
                ),
                "codes": doc["without_figure"],
            }
        )
    if len(doc["rows"]) < doc["ranked"]:
        notes.append(
            {
                "code": "top",
                "message": _("The first {n} of {all} shown.", lang, n=len(doc["rows"]), all=doc["ranked"]),
            }
        )
    from nbscdr_cli.model.regions import HISTORIC

    left = [c for c in HISTORIC if c in set(within.left_out)]
    if left:
        notes.append(
            {
                "code": "region-left-out",
                "message": _(
                    "Left out of the sums: {codes}, historic entities the SI lists beside the countries they became, so that no land is counted twice.",
                    lang,
                    codes=join_names(left, lang),
                ),
            }
        )
    combined = [e.technique.id for e in portfolio.entries if two_studies(e.technique.id)]
    if combined:
        notes.append(
            {
                "code": "two-studies",
                "message": _(
                    "{names}: the central value is the average of two studies and the range runs from the lower to the higher of the two, as Roe et al. (2021) combine them; where one study has no figure for a country, all three are the other study's.",
                    lang,
                    names=join_names([names[t] for t in combined], lang),
                ),
            }
        )
    for e in portfolio.entries:  # what each figure counts, as its data says (issue 21)
        said = e.technique.in_use.includes if e.technique.in_use is not None else ()
        counts = counts_text(names[e.technique.id], e.technique.unit, said, lang, entry=True)
        if counts is not None:
            notes.append({"code": "co2e", "technique": e.technique.id, "message": counts})
    for e in portfolio.entries:
        notes += caveat_notes(e, names[e.technique.id], lang, lambda s: cited(s, lang))
    shown = {c["reference"] for r in doc["rows"] for c in r["comparisons"]}
    for ref in view.references.values():
        if ref.id in shown:
            measures = ref.measures.get(lang) if ref.measures else ""
            notes.append(
                {
                    "code": "reference",
                    "reference": ref.id,
                    "message": _(
                        "{ref}: {measures}{cite}.",
                        lang,
                        ref=ref.name.get(lang) if ref.name else ref.id,
                        measures=measures,
                        cite=cited(ref.source, lang),
                    ),
                }
            )
    notes.append(
        {
            "code": "permanence",
            "message": permanence_text(lang, lambda source: cited(source, lang)),
            "source": PERMANENCE_SOURCE,
        }
    )
    return notes
