"""The tables about countries and regions as cells of text: a ranking (`rank`), the
regions --region takes (`regions`), and in a portfolio for a region its land and its
countries' figures. The table and Markdown renderers lay these ``Grid``s out; the CSV
renderer takes the rows (``rank_rows``, ``regions_rows``)."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import potential_name, unit_text
from nbscdr_cli.base.i18n import _, join_names
from nbscdr_cli.base.numbers import derived, span
from nbscdr_cli.render.grid import Grid
from nbscdr_cli.render.text import comparison_digits, reference_range, region_label, relation_text


def _head(label: str, unit: str) -> str:
    return f"{label}\n{unit}"


def rank_title(doc: dict[str, Any], lang: str) -> str:
    """'Afforestation and reforestation: economic potential, Roe et al. (2021), by country'."""
    what = join_names([e["name"].get(lang) or e["name"]["en"] for e in doc["entries"]], lang)
    by = (
        _("by country", lang)
        if doc["by"] == "country"
        else _("by region ({grouping})", lang, grouping=_grouping(doc["by"], lang))
    )
    title = _(
        "{what}: {potential} potential, {assessment}, {by}",
        lang,
        what=what,
        potential=potential_name(doc["potential"], lang),
        assessment=doc["assessment_name"].get(lang) or doc["assessment_name"]["en"],
        by=by,
    )
    if doc["within"]["code"] != "World":
        title += _(", in {region}", lang, region=region_label(doc["within"], lang))
    return title


def _grouping(grouping: str, lang: str) -> str:
    from nbscdr_cli.model.regions import GROUPING_LABELS

    return _(GROUPING_LABELS[grouping], lang)


def rank_grid(doc: dict[str, Any], lang: str) -> Grid:
    """One row per country or region, ranked, with AR6's figure for the region beside it."""
    unit = unit_text(doc["unit"], lang)
    by_country = doc["by"] == "country"
    compared = any(r["comparisons"] for r in doc["rows"])
    rows = []
    for r in doc["rows"]:
        name = r["name"].get(lang) or r["name"]["en"]
        label = f"{name} ({r['code']})" if by_country else name
        if r["missing"]:
            label += " *"
        row = [str(r["rank"]), label]
        if not by_country:
            row.append(str(r["members"]))
        row += [span(r["low"], r["high"]), derived(r["central"])]
        if compared:
            row.append(_comparisons_text(r["comparisons"], lang))
        rows.append(row)
    header = ["#", _("Country", lang) if by_country else _("Region", lang)]
    numeric = [True, False]
    if not by_country:
        header.append(_("Countries", lang))
        numeric.append(True)
    header += [_head(_("Range", lang), unit), _head(_("Central", lang), unit)]
    numeric += [True, True]
    if compared:
        header.append(_("AR6 figure for the region, against it", lang))
        numeric.append(False)
    return Grid(rank_title(doc, lang), header, rows, numeric, key="rank")


def _comparisons_text(comparisons: list[dict[str, Any]], lang: str) -> str:
    """'100–400: overlaps: low end 5.19 lower, high end 6.46 higher'."""
    parts = []
    for c in comparisons:
        relation = relation_text(c, lang, c["in_scope"], c, comparison_digits(c))
        parts.append(reference_range(c) + _(": ", lang) + relation)
    return "\n".join(parts) if parts else "–"


def rank_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """The ranking as CSV rows: one per country or region (each entry's own figures
    are in the JSON), with the reference beside its region."""
    header: list[Any] = ["rank", "code", "name_en", "name_zh", "members", "low", "high", "central", "unit"]
    header += ["missing", "reference", "reference_low", "reference_high", "position"]
    rows = [header]
    for r in doc["rows"]:
        row: list[Any] = [
            r["rank"],
            r["code"],
            r["name"]["en"],
            r["name"].get("zh"),
            r["members"],
            r["low"],
            r["high"],
            r["central"],
            doc["unit"],
            ";".join(r["missing"]),
        ]
        c = r["comparisons"][0] if r["comparisons"] else None
        row += [None, None, None, None] if c is None else [c["reference"], c["low"], c["high"], c["position"]]
        rows.append(row)
    return rows


def regions_grid(doc: dict[str, Any], lang: str) -> Grid:
    """The regions --region takes (with their number of countries), or the countries."""
    if "countries" in doc:
        rows = [
            [
                c["iso3"],
                c["name"].get(lang) or c["name"]["en"],
                *(_region_name(c[g], g, lang) for g in ("region_ar6_5", "region_ar6_10")),
                _region_name(c["region_ar6_dev"], "region_ar6_dev", lang),
            ]
            for c in doc["countries"]
        ]
        header = [
            "ISO3",
            _("Name", lang),
            _grouping("region_ar6_5", lang),
            _grouping("region_ar6_10", lang),
            _grouping("region_ar6_dev", lang),
        ]
        return Grid(_("Countries and territories of Roe et al. (2021)", lang), header, rows, [False] * 5)
    rows = [[region_label(r, lang), str(r["members"]), r["code"]] for r in doc["regions"]]
    header = [_("Region", lang), _("Countries", lang), _("Code", lang)]
    return Grid(_("Regions of Roe et al. (2021)", lang), header, rows, [False, True, False])


def _region_name(name: str, grouping: str, lang: str) -> str:
    from nbscdr_cli.model.regions import region_name

    return region_name(grouping, name).get(lang)


def regions_rows(doc: dict[str, Any]) -> list[list[Any]]:
    if "countries" in doc:
        keys = ("region_ar6_5", "region_ar6_10", "region_ar6_22", "region_ar6_dev")
        rows: list[list[Any]] = [["iso3", "name_en", "name_zh", "name_si", *keys, "historic"]]
        for c in doc["countries"]:
            rows.append(
                [
                    c["iso3"],
                    c["name"]["en"],
                    c["name"].get("zh"),
                    c["name_si"],
                    *(c[k] for k in keys),
                    c["historic"],
                ]
            )
        return rows
    rows = [["code", "kind", "name_en", "name_zh", "members", "left_out"]]
    for r in doc["regions"]:
        rows.append(
            [
                r["code"],
                r["kind"],
                r["name"]["en"],
                r["name"].get("zh"),
                r["members"],
                ";".join(r["left_out"]),
            ]
        )
    return rows


def land_grid(doc: dict[str, Any], lang: str) -> Grid:
    """A portfolio's land for a region, per SI measure: never added up."""
    country = doc["region"]["kind"] == "country"  # one country: no count of countries
    rows = []
    for item in doc["land"]:
        name = name_in(item["name"], lang)
        if item["part"]:
            name += _(" ({text})", lang, text=name_in(item["part"], lang))
        hectares = item["hectares"] / 1e6
        unit = _("Mha/yr", lang) if item["unit"] == "ha/yr" else _("Mha in total", lang)
        rows.append([name, f"{derived(hectares)} {unit}", *([] if country else [str(item["counted"])])])
    header = [
        _("Technique", lang),
        _("Land (Roe et al. 2021)", lang),
        *([] if country else [_("Countries", lang)]),
    ]
    title = _("Land the SI gives with each figure", lang) + _(": ", lang) + region_label(doc["region"], lang)
    return Grid(title, header, rows, [False, True, *([] if country else [True])], key="land")


def countries_grid(doc: dict[str, Any], lang: str) -> Grid:
    """Each member country's total for the portfolio (``--countries``)."""
    unit = unit_text(doc["unit"], lang)
    rows = [
        [
            f"{c['name'].get(lang) or c['name']['en']} ({c['iso3']})",
            span(c["total"]["low"], c["total"]["high"]),
            derived(c["total"]["central"]),
        ]
        for c in doc["countries"]
    ]
    header = [_("Country", lang), _head(_("Range", lang), unit), _head(_("Central", lang), unit)]
    return Grid(_("By country", lang), header, rows, [False, True, True], key="countries")
