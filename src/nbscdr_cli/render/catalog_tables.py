"""The tables of the catalog as cells of text (`list`, `show`, `assessments`,
`references`): the same ``Grid`` as ``tables.py`` gives for results, laid out by
the table and Markdown renderers; and the wording of an estimate, its cost and
its readiness level, which the brief uses too.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.wording import citation, cited, kind_label, potential_name, scope_name, unit_text
from nbscdr_cli.base.i18n import _, p_
from nbscdr_cli.base.numbers import derived, formatter, given, span
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import range_text, region_label


def cost_text(cost: dict[str, Any] | None, lang: str) -> str:
    """'0–240 USD/t CO2', or the source's words ('Insufficient data')."""
    if not cost:
        return "–"
    if "text" in cost:
        return str(cost["text"].get(lang) or cost["text"]["en"])
    low, high = cost["low"], cost["high"]
    # a negative low reads as "−45 to 100", not "-45–100"
    numbers = (
        "−" + given(-low) + " " + _("to", lang) + " " + given(high) if low < 0 else span(low, high, given)
    )
    out = numbers + " " + _("USD/t CO2", lang)
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
        marked = t.get("caveat") or t.get("estimate_caveat")
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
    potential = potential_name(doc.get("potential", "technical"), lang)
    title = (
        _(
            "Techniques with a figure in {assessment} ({potential} potential)",
            lang,
            assessment=name,
            potential=potential,
        )
        if name
        else ""
    )
    if doc.get("region") and title:
        title += _(": ", lang) + region_label(doc["region"], lang)
    return Grid(title, header, rows, [False] * len(header))


def catalog_footnotes(doc: dict[str, Any], lang: str) -> list[str]:
    """The caveats marked * in the catalog table."""
    out = []
    for t in doc["techniques"]:
        for caveat in (t.get("caveat"), t.get("estimate_caveat")):
            if caveat:
                name = t["name"].get(lang) or t["name"]["en"]
                out.append(
                    "* " + name + _(": ", lang) + caveat.get(lang)
                    or caveat["en"] + cited(caveat["source"], lang)
                )
    return out


def references_grid(doc: dict[str, Any], lang: str) -> Grid:
    rows = []
    for r in doc["references"]:
        measures = (r["measures"] or {}).get(lang, "") if r["measures"] else ""
        scope = _(", ", lang).join(scope_name(s, lang) for s in r["scope"])
        rows.append(
            [
                r["id"],
                (r["name"] or {}).get(lang, r["id"]) if r["name"] else r["id"],
                kind_label(r["kind"], lang),
                f"{span(r['low'], r['high'], given)} {unit_text(r['unit'], lang)}",
                scope or _("every technique", lang),
                measures,
                citation(r["source"], lang) if r["source"] else "",
            ]
        )
    header = [
        _("Id", lang),
        _("Name", lang),
        _("Kind", lang),
        _("Range", lang),
        _("Scope", lang),
        _("Measures", lang),
        _("Source", lang),
    ]
    return Grid("", header, rows, [False] * 7)


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
                citation(a["citation"], lang),
            ]
        )
    header = [_("Id", lang), _("Name", lang), _("Measures", lang), _("Techniques", lang), _("Citation", lang)]
    return Grid("", header, rows, [False] * 5)


def technique_fields(doc: dict[str, Any], lang: str) -> list[tuple[str, str | list[str]]]:
    """The fields `show` prints, as (label, value or list of values)."""

    def local(value: dict[str, str] | None) -> str:
        return "" if not value else value.get(lang) or value["en"]

    def sourced(note: dict[str, str]) -> str:
        """The note with its source before its full stop: 'text (source).'"""
        return local(note).rstrip("。.") + cited(note["source"], lang) + _(".", lang)

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
        fields.append((_("Part of", lang), sourced(doc["part_of"])))
    if doc.get("readiness"):
        fields.append((_("Readiness", lang), local(doc["readiness"])))
    if doc.get("governance"):
        fields.append((_("Governance challenges", lang), [local(c) for c in doc["governance"]]))
    caveats = [sourced(c) for c in (doc.get("caveat"), doc.get("estimate_caveat")) if c]
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
                [w + sourced(o) for w, o in zip(with_, doc["overlaps"], strict=True)],
            )
        )
    if doc.get("durability"):
        fields.append((_("Storage durability", lang), [sourced(n) for n in doc["durability"]]))
    if doc.get("saturation_years") is not None:
        years = _("{years} years", lang, years=given(doc["saturation_years"]))
        fields.append((_("Saturation", lang), f"{years}{cited(doc['saturation_source'], lang)}"))
    estimates = [estimate_text(e, lang) for e in doc.get("estimates", [])]
    estimates += [assessment_label(n, lang) + _(": ", lang) + sourced(n) for n in doc.get("no_estimate", [])]
    if len(estimates) > 1:
        fields.append((_("Estimates", lang), estimates))
    if doc.get("aliases") and lang != "zh":  # English spellings; the Chinese name is the alias
        fields.append((_("Aliases", lang), _(", ", lang).join(doc["aliases"])))
    if doc.get("source"):
        fields.append((_("Source", lang), citation(doc["source"], lang)))
    if doc.get("notes"):
        fields.append((_("Notes", lang), local(doc["notes"])))
    return fields


def stand_in(doc: dict[str, Any], lang: str) -> str:
    """' (from ar6)' where a technique's figure is another assessment's, standing
    in for the one asked for (which has none)."""
    if not doc.get("fallback"):
        return ""
    return _(" ({text})", lang, text=_("figure from {assessment}", lang, assessment=doc["assessment"]))


def assessment_label(item: dict[str, Any], lang: str) -> str:
    """Whose estimate: the assessment's id, which -a takes; in Chinese its name."""
    name = item.get("assessment_name") or {}
    return str(name.get(lang) or item["assessment"]) if lang == "zh" else str(item["assessment"])


def _central(item: dict[str, Any], lang: str) -> str:
    """', central 3.9' where the source gives a central value."""
    if item.get("central") is None:
        return ""
    return _("; ", lang) + _("central {value}", lang, value=_show(item)(item["central"]))


def _show(item: dict[str, Any]) -> Any:
    """A catalog figure as given, or (computed from a source's cells: Roe et al.'s
    for a region, issue 22) to three significant figures."""
    return given if item.get("as_given", True) else derived


def estimate_text(e: dict[str, Any], lang: str) -> str:
    """'ar6, economic: 0.5–3 Gt CO2/yr; central 1.6; available below ... (notes); cost ...; TRL ...'."""
    measure = (e["measure"] or {}).get(lang) if e.get("measure") else None
    notes = (e["notes"] or {}).get(lang) if e.get("notes") else None
    sep = _("; ", lang)
    head = assessment_label(e, lang)
    if e.get("potential", "technical") != "technical":
        head += _(", {potential}", lang, potential=potential_name(e["potential"], lang))
    out = head + _(": ", lang) + range_text(e, lang, _show(e)) + _central(e, lang)
    if measure:
        out += sep + measure
    if notes:
        out += _(" ({text})", lang, text=notes.rstrip("。."))
    for part in e.get("parts", []):
        rng = span(part["low"], part["high"], _show(e))
        central = rng
        if part.get("central") is not None and _show(e)(part["central"]) != rng:  # a range beside it
            central = _show(e)(part["central"]) + _(" ({text})", lang, text=rng)
        out += sep + f"{part['name'].get(lang) or part['name']['en']} {central}"
    if e.get("caveat"):
        out += sep + (e["caveat"].get(lang) or e["caveat"]["en"]).rstrip("。.")
    if e.get("cost"):
        out += sep + _("Cost", lang) + _(": ", lang) + cost_text(e["cost"], lang)
    if e.get("trl"):
        out += sep + _("TRL", lang) + " " + trl_text(e["trl"])
    return out
