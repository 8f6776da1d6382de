"""The tables of the catalog as cells of text (`list`, `show`, `assessments`,
`references`): the same ``Grid`` as ``tables.py`` gives for results, laid out by
the table and Markdown renderers; and the wording of an estimate, its cost and
its readiness level, which the brief uses too.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.wording import (
    citation,
    cited,
    figures_phrase,
    includes_text,
    kind_phrase,
    potential_name,
    scope_name,
    statistic_name,
)
from nbscdr_cli.base.i18n import _, p_
from nbscdr_cli.base.numbers import as_written, derived, formatter, given, span
from nbscdr_cli.base.typography import typeset_zh
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import assessment_label, range_text, region_label


def cost_text(cost: dict[str, Any] | None, lang: str) -> str:
    """'0–240 USD/t CO2' (or 'USD/t CO2e', as the source gives it), or the
    source's words ('Insufficient data')."""
    if not cost:
        return "–"
    if "text" in cost:
        return str(cost["text"].get(lang) or cost["text"]["en"])
    low, high = cost["low"], cost["high"]
    # a negative low reads as "−45 to 100", not "-45–100"
    numbers = (
        "−" + given(-low) + " " + _("to", lang) + " " + given(high) if low < 0 else span(low, high, given)
    )
    units = {"USD/t CO2": _("USD/t CO2", lang), "USD/t CO2e": _("USD/t CO2e", lang)}
    unit = str(cost.get("unit") or "USD/t CO2")
    out: str = numbers + " " + units.get(unit, unit)
    if cost.get("notes"):
        out += _(" ({text})", lang, text=cost["notes"].get(lang) or cost["notes"]["en"])
    return out


def trl_text(trl: dict[str, Any] | None) -> str:
    return "–" if not trl else span(trl["low"], trl["high"], given)


def catalog_grid(doc: dict[str, Any], lang: str) -> Grid:
    """The techniques with their figures under the catalog's assessment; cost and
    readiness level columns where that assessment gives any."""
    costs = any(t.get("cost") or t.get("trl") for t in doc["techniques"])
    rows = []
    for t in doc["techniques"]:
        readiness = t["readiness"] or {}
        marked = t.get("caveat") or t.get("estimate_caveat") or t.get("removal_only") is False
        row = [
            *([] if lang == "zh" else [t["id"]]),  # Chinese names are accepted as input
            t["name"].get(lang) or t["name"]["en"],
            range_text(t, lang, formatter(t.get("as_given", True))) + (" *" if marked else ""),
        ]
        if costs:  # the readiness level stands for the readiness text
            row += [cost_text(t.get("cost"), lang), trl_text(t.get("trl"))]
        else:
            scope = scope_name(t["scope"], lang) if t["scope"] else ""
            row += [scope, readiness.get(lang) or readiness.get("en", "")]
        rows.append(row)
    more = (
        [_("Cost", lang), _("TRL", lang)] if costs else [p_("technique", "Scope", lang), _("Readiness", lang)]
    )
    header = [*([] if lang == "zh" else [_("Id", lang)]), _("Name", lang), _("Range", lang), *more]
    name = (doc.get("assessment_name") or {}).get(lang) or doc.get("assessment")
    potential = figures_phrase({"entries": doc["techniques"]}, lang)  # the kinds its sources give
    title = (
        _(
            "Techniques with a figure in {assessment} ({potential})",
            lang,
            assessment=name,
            potential=potential,
        )
        if name
        else ""
    )
    if doc.get("region") and title:
        title += _(": ", lang) + region_label(doc["region"], lang)
    return typeset_grid(Grid(title, header, rows, [False] * len(header)), lang)


def catalog_footnotes(doc: dict[str, Any], lang: str) -> list[str]:
    """What is marked * in the catalog table: caveats, and figures that count
    more than CO2 removal (what each counts, as its source says)."""
    out = []
    for t in doc["techniques"]:
        name = t["name"].get(lang) or t["name"]["en"]
        for caveat in (t.get("caveat"), t.get("estimate_caveat")):
            if caveat:
                out.append("* " + name + _(": ", lang) + sourced(caveat, lang))
        if t.get("removal_only") is False:
            what = includes_text(t["includes"], lang)
            out.append(
                "* " + name + _(": ", lang) + _("counts {what}, not CO2 removal alone.", lang, what=what)
            )
    return out


def assessments_grid(doc: dict[str, Any], lang: str) -> Grid:
    names = doc.get("technique_names", {})
    rows = []
    for a in doc["assessments"]:
        mark = _(" ({text})", lang, text=_("default", lang)) if a["default"] else ""
        measure = (a["measure"] or {}).get(lang, "") if a["measure"] else ""
        rows.append(
            [
                a["id"] + mark,
                a["name"].get(lang) or a["name"]["en"],
                measure,
                _(", ", lang).join(
                    a["techniques"]
                    if lang != "zh"
                    else (names[t].get(lang) or names[t]["en"] for t in a["techniques"])
                ),
                a.get("citation_zh") or citation(a["citation"], lang) if lang == "zh" else a["citation"],
            ]
        )
    header = [_("Id", lang), _("Name", lang), _("Measures", lang), _("Techniques", lang), _("Citation", lang)]
    return typeset_grid(Grid("", header, rows, [False] * 5), lang)


def technique_fields(doc: dict[str, Any], lang: str) -> list[tuple[str, str | list[str]]]:
    """The fields `show` prints, as (label, value or list of values): the
    technique, then per assessment its figure, the kind of potential its source
    gives, the period, what it counts, the quotation and section it comes from."""

    def local(value: dict[str, str] | None) -> str:
        return "" if not value else value.get(lang) or value["en"]

    fields: list[tuple[str, str | list[str]]] = []
    if lang != "zh":  # in Chinese the title is the name; in English both names, for reference
        fields.append((_("Name", lang), f"{doc['name']['en']} / {doc['name'].get('zh', '')}".rstrip(" /")))
    fields += [
        (_("Range", lang), range_text(doc, lang, _show(doc)) + _central(doc, lang) + stand_in(doc, lang)),
    ]
    if doc.get("region"):  # Roe et al. (2021)'s figure for a country or region (issue 22)
        fields.append((_("Region", lang), region_label(doc["region"], lang)))
    if doc.get("scope"):
        fields.append((p_("technique", "Scope", lang), scope_name(doc["scope"], lang)))
    if doc.get("part_of"):
        fields.append((_("Part of", lang), sourced(doc["part_of"], lang)))
    if doc.get("notes"):
        fields.append((_("Description", lang), sourced(doc["notes"], lang)))
    if doc.get("readiness"):
        fields.append((_("Readiness", lang), sourced(doc["readiness"], lang)))
    if doc.get("governance"):
        fields.append((_("Governance challenges", lang), [sourced(c, lang) for c in doc["governance"]]))
    caveats = [sourced(c, lang) for c in (doc.get("caveat"), doc.get("estimate_caveat")) if c]
    if caveats:
        fields.append((_("Caveat", lang), caveats))
    if doc.get("overlaps"):
        with_ = [
            _("with {name}: ", lang, name=(o.get("with_name") or {}).get(lang) or o["with"])
            for o in doc["overlaps"]
        ]
        fields.append(
            (
                _("Double counting", lang),
                [w + sourced(o, lang) for w, o in zip(with_, doc["overlaps"], strict=True)],
            )
        )
    if doc.get("durability"):
        fields.append((_("Storage durability", lang), [sourced(n, lang) for n in doc["durability"]]))
    if doc.get("saturation_years") is not None:
        years = _("{years} years", lang, years=given(doc["saturation_years"]))
        if doc.get("saturation_notes"):  # what the default is: one colon to a line (typography.md 6)
            years = _("{years}: {note}", lang, years=years, note=local(doc["saturation_notes"]))
        fields.append((_("Saturation", lang), years + cited(doc["saturation_source"], lang)))
    if doc.get("remarks"):
        fields.append((_("Remarks", lang), [sourced(n, lang) for n in doc["remarks"]]))
    for e in doc.get("estimates", []):
        fields.append((estimate_label(e, lang), estimate_items(e, lang)))
    for n in doc.get("no_estimate", []):
        items = [sourced(n, lang), *[quote_text(q, lang) for q in n.get("quotes", [])]]
        fields.append((estimate_label(n, lang), items))
    if doc.get("aliases") and lang != "zh":  # English spellings; the Chinese name is the alias
        fields.append((_("Aliases", lang), _(", ", lang).join(doc["aliases"])))
    if lang == "zh":  # our own Chinese, set by the typography rules; quotations stay as they are
        fields = [
            (k, [typeset_zh(x) for x in v] if isinstance(v, list) else typeset_zh(v)) for k, v in fields
        ]
    return fields


def typeset_grid(grid: Grid, lang: str) -> Grid:
    """A grid's cells and title set by the Chinese typography rules, in Chinese."""
    if lang != "zh":
        return grid
    rows = [[typeset_zh(c) if isinstance(c, str) else c for c in row] for row in grid.rows]
    return grid._replace(title=typeset_zh(grid.title), rows=rows)


def sourced(note: dict[str, Any], lang: str) -> str:
    """A line with its source before its full stop: 'text (source).'; a line of
    nbscdr's own says so, one without a source stands alone."""
    text = str(note.get(lang) or note["en"]).rstrip("。.")
    return text + cited(note.get("source"), lang) + _(".", lang)


def quote_text(q: dict[str, Any], lang: str) -> str:
    """An exact quotation with its section: '"..." (IPCC (2022), AR6 WGIII,
    Chapter 7, section 7.4.2.2)'; one in the other language comes with nbscdr's
    translation, marked as such (in Chinese: '译自……：“译文”（原文：“...”）')."""
    where = citation(q["source"] + ", " + q["section"], lang)
    text, translation = q["text"], q.get("translation")
    if lang == "zh":  # a quotation inside Chinese quotation marks takes single ones inside (GB/T 15834)
        text = text.replace("“", "‘").replace("”", "’")
        translation = translation and translation.replace("“", "‘").replace("”", "’")
    if q["lang"] == lang or not translation:
        return _("“{text}” ({where})", lang, text=text, where=where)
    return _(
        "“{text}” ({where}; our translation: {translation})",
        lang,
        text=text,
        where=where,
        translation=translation,
    )


def estimate_label(e: dict[str, Any], lang: str) -> str:
    """'Estimate: ar6, economic'; in Chinese the assessment's name."""
    head = assessment_label(e, lang)
    if e.get("potential", "technical") != "technical":
        head += _(", {potential}", lang, potential=potential_name(e["potential"], lang))
    return _("Estimate: {assessment}", lang, assessment=head)


def figure_kind(e: dict[str, Any], lang: str) -> str:
    """'technical potential, by 2050' or 'potential of a kind not stated; no year given'."""
    kind = kind_phrase(e.get("potential_kind") or "not stated", lang)
    period = (e.get("period") or {}).get(lang) if e.get("period") else None
    return kind + (_(", {period}", lang, period=period) if period else _("; no year given", lang))


def estimate_items(e: dict[str, Any], lang: str) -> list[str]:
    """One assessment's estimate, line by line: figure, kind and period, what it
    counts, what it measures, notes, parts, caveat, cost, readiness level, other
    figures for the measure, the quotations and the source."""

    def local(value: dict[str, str] | None) -> str:
        return (value.get(lang) or value["en"]) if value else ""

    items = [range_text(e, lang, _show(e)) + _central(e, lang), figure_kind(e, lang)]
    items.append(_("Counts: {what}", lang, what=includes_text(e.get("includes") or [], lang)))
    if e.get("measure"):
        items.append(_("Measures: {what}", lang, what=local(e["measure"])))
    if e.get("notes"):
        items.append(local(e["notes"]))
    for part in e.get("parts", []):
        items.append(
            local(part["name"])
            + _(": ", lang)
            + part_text(part, lang, _show(part) if e.get("as_given", True) else _show(e))
            + cited(part["source"], lang)
        )
    if e.get("caveat"):
        items.append(_("Caveat", lang) + _(": ", lang) + sourced(e["caveat"], lang))
    if e.get("cost"):
        items.append(
            _("Cost", lang) + _(": ", lang) + cost_text(e["cost"], lang) + cited(e["cost"]["source"], lang)
        )
    if e.get("trl"):
        items.append(_("TRL", lang) + " " + trl_text(e["trl"]) + cited(e["trl"]["source"], lang))
    for o in e.get("other_figures", []):
        figure = range_text(o, lang)
        items.append(_("Another figure: {figure}: {text}", lang, figure=figure, text=sourced(o, lang)))
    quotes = {
        q["id"]: q for q in [*e.get("quotes", []), *(q for p in e.get("parts", []) for q in p["quotes"])]
    }
    items += [quote_text(q, lang) for q in quotes.values()]
    if e.get("source"):
        items.append(_("Source", lang) + _(": ", lang) + citation(e["source"], lang))
    return items


def part_text(part: dict[str, Any], lang: str, show: Any = given) -> str:
    """'1.9 (0.4–6.8)' with what the central value is: 'mean 1.9 (0.4–6.8)'; a
    range alone where the central value, as shown, is the range (one figure)."""
    rng = span(part["low"], part["high"], show)
    if part.get("central") is None or show(part["central"]) == rng:
        return rng
    central = str(show(part["central"]))
    return statistic_name(part.get("statistic"), lang) + " " + central + _(" ({text})", lang, text=rng)


def stand_in(doc: dict[str, Any], lang: str) -> str:
    """' (from ar6)' where a technique's figure is another assessment's, standing
    in for the one asked for (which has none)."""
    if not doc.get("fallback"):
        return ""
    # in Chinese the assessment's name (its estimate's, in a technique's document), not its id
    named = next((e for e in doc.get("estimates", []) if e.get("assessment") == doc["assessment"]), doc)
    return _(
        " ({text})", lang, text=_("figure from {assessment}", lang, assessment=assessment_label(named, lang))
    )


def _central(item: dict[str, Any], lang: str) -> str:
    """'; mean 3.9' where the source gives a central value ('central value' where
    the data does not say what it is)."""
    if item.get("central") is None:
        return ""
    return (
        _("; ", lang) + statistic_name(item.get("statistic"), lang) + " " + str(_show(item)(item["central"]))
    )


def _show(item: dict[str, Any]) -> Any:
    """A catalog figure as given, or (computed from a source's cells: Roe et al.'s
    for a region, issue 22) to three significant figures."""
    return as_written(item.get("written")) if item.get("as_given", True) else derived


def estimate_text(e: dict[str, Any], lang: str) -> str:
    """One line for an estimate (the brief's detail): 'ar6, economic: 0.5–3 Gt
    CO2/yr; mean 1.6; economic potential, by 2050; counts CO2 removal alone;
    notes; parts; caveat; cost; TRL; other figures for the measure' (what the
    assessment measures is said once, with the assessment)."""
    notes = (e["notes"] or {}).get(lang) if e.get("notes") else None
    sep = _("; ", lang)
    head = assessment_label(e, lang)
    if e.get("potential", "technical") != "technical":
        head += _(", {potential}", lang, potential=potential_name(e["potential"], lang))
    out = (
        head + _(": ", lang) + range_text(e, lang, _show(e)) + _central(e, lang) + sep + figure_kind(e, lang)
    )
    out += sep + _("counts {what}", lang, what=includes_text(e.get("includes") or [], lang))
    if notes:
        out += _(" ({text})", lang, text=notes.rstrip("。."))
    for part in e.get("parts", []):
        name = part["name"].get(lang) or part["name"]["en"]
        show = _show(part) if e.get("as_given", True) else _show(e)
        out += sep + name + ("" if lang == "zh" else " ") + part_text(part, lang, show)  # 农田均值1.9
    if e.get("caveat"):
        out += sep + (e["caveat"].get(lang) or e["caveat"]["en"]).rstrip("。.")
    if e.get("cost"):
        out += sep + _("Cost", lang) + _(": ", lang) + cost_text(e["cost"], lang)
    if e.get("trl"):
        out += sep + _("TRL", lang) + " " + trl_text(e["trl"])
    for o in e.get("other_figures", []):
        out += sep + _("another figure: {figure}", lang, figure=range_text(o, lang))
    return out
