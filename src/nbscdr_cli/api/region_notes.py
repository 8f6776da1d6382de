"""The notes under a result for a country or region (Roe et al. 2021): what a figure
is for and what it sums over, how two studies make a range, what is left out and
why, and how to read the land each measure needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import citation, cited
from nbscdr_cli.base.i18n import _, join_names

if TYPE_CHECKING:
    from nbscdr_cli.api.results import Results

Note = dict[str, Any]
LAND_SOURCE = "IPCC (2022), AR6 WGIII, Chapter 7, section 7.4.2.2"


def _note(code: str, message: str, **data: Any) -> Note:
    return {"code": code, **data, "message": message}


def region_notes(analysis: Results, doc: dict[str, Any], lang: str, cite: Any = None) -> list[Note]:
    """The notes on the region of ``doc`` (a portfolio document with a ``region``).
    With numbered sources (``cite``: the brief's), each figure's source already names
    its country's row in the SI, the study it is adapted from and how many members
    have a figure: those notes are not said again (a brief is one page)."""
    from nbscdr_cli.compute.geography import two_studies

    geography = analysis.geography
    assert geography is not None
    inline = cite or (lambda source: cited(source, lang))
    region = geography.region
    label = region.label(lang)
    names = {e["technique"]: name_in(e["name"], lang) for e in doc["entries"]}
    notes = []
    members = len(region.members)
    message: str | None = None
    if region.is_country and not cite:  # a brief's figures cite their row: said there
        message = _(
            "{region}: the figures for this country alone{cite}.",
            lang,
            region=label,
            cite=inline(f"Roe et al. (2021), SI sheet '1. Sectoral mitigation-country', row {region.row}"),
        )
    elif region.is_world:
        message = _(
            "{region}: each figure is the sum over the SI's {members} countries and territories, not a global assessment; central values, lows and highs are each added, so the range assumes every country's low, or every country's high, at once.",
            lang,
            region=label,
            members=members,
        )
    elif not region.is_country:
        message = _(
            "{region}: each figure is the sum over those of its {members} countries and territories that have one; central values, lows and highs are each added, so the range assumes every country's low, or every country's high, at once.",
            lang,
            region=label,
            members=members,
        )
    kind = "country" if region.is_country else "world" if region.is_world else "region"
    where = {"row": region.row} if region.is_country else {"members": members}
    if message is not None:
        notes.append(_note("region", message, region=region.code, region_kind=kind, **where))
    counted = doc["region"]["counted"]
    partial = [(t, n) for t, n in counted.items() if n < members]
    if partial and not region.is_country and not cite:
        listed = join_names(
            [_("{name} {n} of {all}", lang, name=names[t], n=n, all=members) for t, n in partial], lang
        )
        notes.append(
            _note(
                "region-coverage",
                _(
                    "Members with a figure (a blank in the SI is no figure, not 0): {listed}.",
                    lang,
                    listed=listed,
                ),
                counted=dict(partial),
            )
        )
    if region.left_out:
        notes.append(
            _note(
                "region-left-out",
                _(
                    "Left out of the sums: {codes}, historic entities the SI lists beside the countries they became, so that no land is counted twice.",
                    lang,
                    codes=join_names(list(region.left_out), lang),
                ),
                left_out=list(region.left_out),
            )
        )
    if region.translated and lang == "zh":
        notes.append(
            _note("region-names", _("The Chinese names of the AR6 regions are nbscdr's translations.", lang))
        )
    studies = "" if cite else _studies(doc, analysis.catalog.potential, names, lang)
    if studies:
        notes.append(
            _note(
                "studies",
                _("Roe et al. (2021) adapt these figures from: {studies}.", lang, studies=studies),
            )
        )
    combined = [e["technique"] for e in doc["entries"] if not e["own_figure"] and two_studies(e["technique"])]
    if combined:
        notes.append(
            _note(
                "two-studies",
                _(
                    "{names}: the central value is the average of two studies and the range runs from the lower to the higher of the two, as Roe et al. (2021) combine them; where one study has no figure for a country, all three are the other study's.",
                    lang,
                    names=join_names([names[t] for t in combined], lang),
                ),
                techniques=combined,
            )
        )
    if geography.omitted:
        refs = [r.name.get(lang) if r.name else r.id for r in geography.omitted]
        notes.append(
            _note(
                "omitted-references",
                _(
                    "{refs}: global, so not compared with figures for a country or region.",
                    lang,
                    refs=join_names(refs, lang),
                ),
                references=[r.id for r in geography.omitted],
            )
        )
    if doc.get("land"):
        notes.append(
            _note(
                "land",
                _(
                    'Land: the areas the SI gives with each figure, per year (ha/yr) or in total (ha), for the whole potential; measures may compete for the same land, so their areas are not added up, and an area per year is not comparable with one in total. For scale, worldwide, AR6 gives an economic potential of 1.6 Gt CO2/yr of afforestation and reforestation "requiring about 200 Mha", and "5–10 t CO2 ha–1 yr–1" as a realistic sustained rate per hectare{cite}.',
                    lang,
                    cite=inline(LAND_SOURCE),
                ),
                source=LAND_SOURCE,
            )
        )
    return notes


def compare_region_notes(docs: list[tuple[str, str, dict[str, Any]]], lang: str) -> list[Note]:
    """The "region" notes of rows side by side (``docs``: each row's key, label and
    portfolio document), said once: one for the countries (each with its row in the
    SI), one for the regions (each with its number of members), and the world's as
    it is; each anchored on the rows it speaks of."""
    rows = [(key, label, n) for key, label, doc in docs for n in doc["warnings"] if n["code"] == "region"]
    countries = [r for r in rows if r[2].get("region_kind") == "country"]
    regions = [r for r in rows if r[2].get("region_kind") == "region"]
    out = []
    if len(countries) > 1:
        listed = join_names(
            [_("{region} (row {row})", lang, region=label, row=n["row"]) for _key, label, n in countries],
            lang,
        )
        message = _(
            "{countries}: the figures for each country alone{cite}.",
            lang,
            countries=listed,
            cite=cited("Roe et al. (2021), SI sheet '1. Sectoral mitigation-country'", lang),
        )
        out.append(_folded(countries, message))
    if len(regions) > 1:
        items = [
            _("{region}: {members}", lang, region=label, members=n["members"]) for _key, label, n in regions
        ]
        message = _(
            "Each region's figure is the sum over those of its countries and territories that have one (how many it has: {regions}); central values, lows and highs are each added, so the range assumes every country's low, or every country's high, at once.",
            lang,
            regions=_("; ", lang).join(items),
        )
        out.append(_folded(regions, message))
    folded = [group for group in (countries, regions) if len(group) > 1]
    single = [r for r in rows if not any(r in group for group in folded)]
    return out + [{**n, "rows": [key], "for_rows": [key]} for key, _label, n in single]


def _folded(rows: list[tuple[str, str, Note]], message: str) -> Note:
    keys = [key for key, _label, _n in rows]
    first = {k: v for k, v in rows[0][2].items() if k not in ("region", "row", "members")}
    return {**first, "regions": keys, "message": message, "rows": keys, "for_rows": keys}


def _studies(doc: dict[str, Any], potential: str, names: dict[str, str], lang: str) -> str:
    """'Afforestation and reforestation: Austin et al 2020 (2015-2050) and Busch 2019
    (2020-2050); Biochar: Griscom 2017 (2020-2050)'."""
    from nbscdr_cli.api.regional import studies_of
    from nbscdr_cli.io.roe2021 import load_roe2021
    from nbscdr_cli.model.roe2021 import BY_TECHNIQUE

    data = load_roe2021()
    parts = []
    for e in doc["entries"]:
        if e["own_figure"] or e["technique"] not in BY_TECHNIQUE:
            continue
        studies = studies_of(data, e["technique"], potential)
        if lang == "zh":  # "造林和再造林（Austin et al 2020，2015—2050年；……）": one colon a sentence
            listed = "；".join(f"{study}，{period}年" for study, period in studies)
            parts.append(names[e["technique"]] + "（" + listed + "）")
            continue
        listed = "; ".join(f"{study}, {period}" for study, period in studies)
        parts.append(_("{name}: {text}", lang, name=names[e["technique"]], text=citation(listed, lang)))
    return _("; ", lang).join(parts)
