"""The tables of every result as cells of text: what each table holds, worded and
formatted once. The table and Markdown renderers (and the brief) lay the same
``Grid`` out in their own way.

Numbers follow ``numbers.py``: figures as given where a whole column is, else
three significant figures; percentages never rounded to a certainty.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from nbscdr_cli.render.labels import text
from nbscdr_cli.render.numbers import derived, formatter, given, percent, span
from nbscdr_cli.render.text import (
    citation,
    cited,
    comparison_show,
    entry_label,
    low_text,
    probability_rows,
    range_text,
    relation_text,
    sampling_text,
    unit_text,
)


class Grid(NamedTuple):
    """A table: a title (or ""), column headers (a header may hold a line break
    before its unit), rows of cells, which columns are numbers (right-aligned),
    and how many final rows are totals."""

    title: str
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    totals: int = 0
    key: str = ""  # which table: "portfolio", "comparison", "uncertainty", "horizon"...


def _head(label: str, unit: str) -> str:
    return f"{label}\n{unit}"


def portfolio_grid(doc: dict[str, Any], lang: str, assessment: str = "") -> Grid:
    """The entries and the total; a central value where a source gives one, and
    the assessment an entry borrowed its figure from where it stands in."""
    unit = unit_text(doc["unit"], lang)
    show = formatter(doc["total"]["as_given"])
    central = any(e.get("central") is not None for e in doc["entries"])
    rows = []
    for e in doc["entries"]:
        share = text("own_figure", lang) if e["own_figure"] else f"{derived(e['share'] * 100)}%"
        label = entry_label(e["name"], e["technique"], lang)
        if e["fallback"]:
            label += text("paren", lang, text=text("from_assessment", lang, assessment=e["assessment"]))
        row = [label, share, low_text(e["low"], e["up_to"], lang, show), show(e["high"])]
        if central:
            row.append(show(e["central"]) if e.get("central") is not None else "–")
        rows.append(row)
    total = doc["total"]
    rows.append(
        [text("total", lang), "", show(total["low"]), show(total["high"]), *([""] if central else [])]
    )
    name = f"{text('colon', lang)}{doc['name']}" if doc["name"] else ""
    potential = text("potential." + doc.get("potential", "technical"), lang)
    title = text(
        "portfolio_title",
        lang,
        name=name,
        potential=potential,
        assessment=assessment or doc["assessment"] or "",
    )
    header = [
        text("technique", lang),
        text("share", lang),
        _head(text("low", lang), unit),
        _head(text("high", lang), unit),
    ]
    if central:
        header.append(_head(text("central", lang), unit))
    return Grid(
        title,
        header,
        rows,
        [False, True, True, True, *([True] if central else [])],
        totals=1,
        key="portfolio",
    )


def reference_label(c: dict[str, Any], lang: str) -> str:
    return str(c["name"].get(lang) if c.get("name") else c["reference"])


def comparison_grid(doc: dict[str, Any], lang: str) -> Grid:
    """Each reference against the entries in its scope (the headline)."""
    unit = unit_text(doc["unit"], lang)
    rows = []
    for c in doc["comparisons"]:
        show = comparison_show(c)
        inside = c["in_scope"]
        rows.append(
            [
                reference_label(c, lang),
                text("kind_short." + c["kind"], lang),
                span(c["low"], c["high"], formatter(c["as_given"])),
                span(inside["low"], inside["high"], formatter(inside["as_given"]))
                if inside["techniques"]
                else "–",
                relation_text(c, lang, show) if inside["techniques"] else "–",
            ]
        )
    header = [
        text("reference", lang),
        text("kind", lang),
        _head(text("range", lang), unit),
        _head(text("in_scope", lang), unit),
        text("against", lang),
    ]
    return Grid(text("comparison", lang), header, rows, [False, False, True, True, False], key="comparison")


def uncertainty_grid(doc: dict[str, Any], lang: str) -> Grid:
    u = doc["uncertainty"]
    rows = [[text("mean", lang), derived(u["mean"])], [text("std", lang), derived(u["std"])]]
    rows += [[f"P{p}", derived(v)] for p, v in u["percentiles"].items()]
    rows += [list(r) for r in probability_rows(u, doc["comparisons"], lang)]
    title = f"{text('uncertainty', lang)}{text('colon', lang)}{sampling_text(u, lang)}"
    return Grid(title, ["", unit_text(doc["unit"], lang)], rows, [False, True], key="uncertainty")


def entry_parameters_text(h: dict[str, Any], lang: str) -> str:
    parts = []
    if h["ramp_years"]:
        parts.append(text("ramp_years", lang, years=given(h["ramp_years"])))
    if h["saturation_years"] is not None:
        parts.append(text("saturation_years", lang, years=given(h["saturation_years"])))
    if h["reversal_rate"]:
        parts.append(text("reversal_per_year", lang, rate=percent(h["reversal_rate"])))
    return text("list_sep", lang).join(parts)


def horizon_grid(doc: dict[str, Any], lang: str, *, ids: bool = True) -> Grid:
    """Each entry's cumulative and durable removal over the period, with what
    was assumed for it, and the total; ``ids`` adds each technique's id."""
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    rows = []
    for e in doc["entries"]:
        eh = e["horizon"]
        rows.append(
            [
                entry_label(e["name"], e["technique"], lang) if ids else e["name"],
                span(eh["cumulative"]["low"], eh["cumulative"]["high"]),
                span(eh["durable"]["low"], eh["durable"]["high"]),
                entry_parameters_text(eh, lang),
            ]
        )
    rows.append(
        [
            text("total", lang),
            span(h["cumulative"]["low"], h["cumulative"]["high"]),
            span(h["durable"]["low"], h["durable"]["high"]),
            "",
        ]
    )
    title = text("horizon_title", lang, start=h["from"], end=h["to"], years=h["years"])
    header = [
        text("technique", lang),
        _head(text("cumulative", lang), mass),
        _head(text("durable", lang), mass),
        text("assumed", lang),
    ]
    return Grid(title, header, rows, [False, True, True, False], totals=1, key="horizon")


def horizon_comparison_grid(doc: dict[str, Any], lang: str) -> Grid:
    """Cumulative references against the in-scope cumulative and durable totals."""
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    rows = []
    for c in h["comparisons"]:
        inside = c["in_scope"]
        rows.append(
            [
                reference_label(c, lang),
                span(c["low"], c["high"], given),
                span(inside["cumulative"]["low"], inside["cumulative"]["high"]),
                relation_text(c, lang),
                relation_text(c["durable_position"], lang),
            ]
        )
    header = [
        text("reference", lang),
        _head(text("range", lang), mass),
        _head(text("cumulative", lang), mass),
        text("cumulative_against", lang),
        text("durable_against", lang),
    ]
    return Grid("", header, rows, [False, True, True, False, False])


def horizon_uncertainty_grid(doc: dict[str, Any], lang: str) -> Grid:
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    cu, du = h["uncertainty"]["cumulative"], h["uncertainty"]["durable"]
    rows = [
        [text("mean", lang), derived(cu["mean"]), derived(du["mean"])],
        [text("std", lang), derived(cu["std"]), derived(du["std"])],
    ]
    rows += [
        [f"P{p}", derived(cu["percentiles"][p]), derived(du["percentiles"][p])] for p in cu["percentiles"]
    ]
    durable = dict(probability_rows(du, h["comparisons"], lang))
    rows += [[label, p, durable.get(label, "–")] for label, p in probability_rows(cu, h["comparisons"], lang)]
    header = ["", _head(text("cumulative", lang), mass), _head(text("durable", lang), mass)]
    return Grid("", header, rows, [False, True, True])


def portfolio_grids(doc: dict[str, Any], lang: str) -> list[Grid]:
    """Every table of a portfolio document, in order."""
    grids = [portfolio_grid(doc, lang, doc.get("assessment_name", {}).get(lang, ""))]
    if doc["comparisons"]:
        grids.append(comparison_grid(doc, lang))
    if "uncertainty" in doc:
        grids.append(uncertainty_grid(doc, lang))
    if "horizon" in doc:
        grids.append(horizon_grid(doc, lang))
        if doc["horizon"]["comparisons"]:
            grids.append(horizon_comparison_grid(doc, lang))
        if "uncertainty" in doc["horizon"]:
            grids.append(horizon_uncertainty_grid(doc, lang))
    return grids


def compare_grid(doc: dict[str, Any], lang: str) -> Grid:
    """Totals side by side, with what each row measures, each reference against
    the entries in its scope, and each row's caveats."""
    unit = unit_text(doc["unit"], lang)
    first = next((r for r in doc["rows"] if r["low"] is not None), None)
    refs = [reference_label(c, lang) for c in first["comparisons"]] if first else []
    sampled = first.get("uncertainty") if first else None
    period = first.get("horizon") if first else None
    rows = []
    for row in doc["rows"]:
        label = f"{row['name']} ({row[doc['by']]})" if row["name"] != row[doc["by"]] else row["name"]
        cells = [label, (row["measure"] or {}).get(lang, "") if row.get("measure") else ""]
        if row["low"] is None:
            cells += ["–"] * (2 + len(refs) + (period is not None) + (sampled is not None))
        else:
            cells.append(span(row["low"], row["high"], formatter(row["as_given"])))
            cells.append(given(row["central_sum"]) if row.get("central_sum") is not None else "–")
            cells += [relation_text(c, lang, comparison_show(c)) for c in row["comparisons"]]
            if period is not None:
                cells.append(span(row["horizon"]["cumulative"]["low"], row["horizon"]["cumulative"]["high"]))
            if sampled is not None:
                cells.append(
                    span(row["uncertainty"]["percentiles"]["5"], row["uncertainty"]["percentiles"]["95"])
                )
        cells.append(row_notes(row, lang, doc.get("potential", "technical")))
        rows.append(cells)
    header = [text(doc["by"], lang), text("measure", lang), _head(text("total", lang), unit)]
    header.append(_head(text("central_sum", lang), unit))
    header += [text("in_scope_against", lang, ref=r) for r in refs]
    numeric = [False, False, True, True, *[False for _ in refs]]
    if period is not None:
        label = text("cumulative_period", lang, start=period["from"], end=period["to"])
        header.append(_head(label, unit_text(period["unit"], lang)))
        numeric.append(True)
    if sampled is not None:
        header.append(_head("P5–P95", unit))
        numeric.append(True)
    header.append(text("notes", lang))
    numeric.append(False)
    title = sampling_text(sampled, lang) if sampled is not None else ""
    return Grid(title, header, rows, numeric, key="compare")


def row_notes(row: dict[str, Any], lang: str, potential: str = "technical") -> str:
    """What a compare row lacks, borrows or only bounds from above (names, not ids)."""
    names = {e["technique"]: e["name"] for e in row.get("entries", [])}
    sep = text("list_sep", lang)

    def named(ids: list[str]) -> str:
        return sep.join(names.get(i, i) for i in ids)

    parts = []
    if row.get("missing"):
        key = "missing_economic" if potential == "economic" else "missing"
        parts.append(text(key, lang, names=sep.join(row.get("missing_names") or row["missing"])))
    if row.get("fallback"):
        parts.append(text("fallback_mark", lang, names=named(row["fallback"])))
    if row.get("up_to"):
        parts.append(text("up_to_mark", lang, names=named(row["up_to"])))
    return text("clause_sep", lang).join(parts)


def cost_text(cost: dict[str, Any] | None, lang: str) -> str:
    """'0–240 USD/t CO2', or the source's words ('Insufficient data')."""
    if not cost:
        return "–"
    if "text" in cost:
        return str(cost["text"].get(lang) or cost["text"]["en"])
    low, high = cost["low"], cost["high"]
    # a negative low reads as "−45 to 100", not "-45–100"
    numbers = f"−{given(-low)} {text('to', lang)} {given(high)}" if low < 0 else span(low, high, given)
    out = f"{numbers} {text('cost_unit', lang)}"
    if cost.get("notes"):
        out += text("paren", lang, text=cost["notes"].get(lang) or cost["notes"]["en"])
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
            range_text(t, lang) + (" *" if marked else ""),
        ]
        if costs:  # the readiness level stands for the readiness text
            row += [cost_text(t.get("cost"), lang), trl_text(t.get("trl"))]
        else:
            scope = text("scope." + t["scope"], lang, otherwise=t["scope"]) if t["scope"] else ""
            row += [scope, readiness.get(lang) or readiness.get("en", "")]
        rows.append(row)
    more = ("cost", "trl") if costs else ("scope", "readiness")
    header = [text(k, lang) for k in ("id", "name", "range", *more) if not (k == "id" and lang == "zh")]
    return Grid("", header, rows, [False] * len(header))


def catalog_footnotes(doc: dict[str, Any], lang: str) -> list[str]:
    """The caveats marked * in the catalog table."""
    out = []
    for t in doc["techniques"]:
        for caveat in (t.get("caveat"), t.get("estimate_caveat")):
            if caveat:
                name = t["name"].get(lang) or t["name"]["en"]
                out.append(
                    f"* {name}{text('colon', lang)}{caveat.get(lang) or caveat['en']}{cited(caveat['source'], lang)}"
                )
    return out


def references_grid(doc: dict[str, Any], lang: str) -> Grid:
    rows = []
    for r in doc["references"]:
        measures = (r["measures"] or {}).get(lang, "") if r["measures"] else ""
        scope = text("list_sep", lang).join(text("scope." + s, lang, otherwise=s) for s in r["scope"])
        rows.append(
            [
                r["id"],
                (r["name"] or {}).get(lang, r["id"]) if r["name"] else r["id"],
                text("kind_short." + r["kind"], lang),
                f"{span(r['low'], r['high'], given)} {unit_text(r['unit'], lang)}",
                scope or text("scope_every", lang),
                measures,
                citation(r["source"], lang) if r["source"] else "",
            ]
        )
    header = [text(k, lang) for k in ("id", "name", "kind", "range", "scope", "measure", "source")]
    return Grid("", header, rows, [False] * 7)


def assessments_grid(doc: dict[str, Any], lang: str) -> Grid:
    names = doc.get("technique_names", {})
    rows = []
    for a in doc["assessments"]:
        mark = f" ({text('default', lang)})" if a["default"] else ""
        measure = (a["measure"] or {}).get(lang, "") if a["measure"] else ""
        rows.append(
            [
                a["id"] + mark,
                a["name"].get(lang) or a["name"]["en"],
                measure,
                text("list_sep", lang).join(
                    a["techniques"]
                    if lang != "zh"
                    else (names[t].get(lang) or names[t]["en"] for t in a["techniques"])
                ),
                citation(a["citation"], lang),
            ]
        )
    header = [text(k, lang) for k in ("id", "name", "measure", "techniques", "citation")]
    return Grid("", header, rows, [False] * 5)


def technique_fields(doc: dict[str, Any], lang: str) -> list[tuple[str, str | list[str]]]:
    """The fields `show` prints, as (label, value or list of values)."""

    def local(value: dict[str, str] | None) -> str:
        return "" if not value else value.get(lang) or value["en"]

    def sourced(note: dict[str, str]) -> str:
        return f"{local(note)}{cited(note['source'], lang)}"

    fields: list[tuple[str, str | list[str]]] = []
    if lang != "zh":  # in Chinese the title is the name; in English both names, for reference
        fields.append((text("name", lang), f"{doc['name']['en']} / {doc['name'].get('zh', '')}".rstrip(" /")))
    fields += [
        (text("range", lang), range_text(doc, lang) + _central(doc, lang)),
    ]
    if doc.get("scope"):
        fields.append((text("scope", lang), text("scope." + doc["scope"], lang, otherwise=doc["scope"])))
    if doc.get("part_of"):
        fields.append((text("part_of", lang), sourced(doc["part_of"])))
    if doc.get("readiness"):
        fields.append((text("readiness", lang), local(doc["readiness"])))
    if doc.get("governance"):
        fields.append((text("governance", lang), [local(c) for c in doc["governance"]]))
    caveats = [sourced(c) for c in (doc.get("caveat"), doc.get("estimate_caveat")) if c]
    if caveats:
        fields.append((text("caveat", lang), caveats))
    if doc.get("overlaps"):
        fields.append((text("overlaps", lang), [sourced(o) for o in doc["overlaps"]]))
    if doc.get("durability"):
        fields.append((text("durability", lang), [sourced(n) for n in doc["durability"]]))
    if doc.get("saturation_years") is not None:
        years = text("years_n", lang, years=given(doc["saturation_years"]))
        fields.append((text("saturation", lang), f"{years}{cited(doc['saturation_source'], lang)}"))
    estimates = [estimate_text(e, lang) for e in doc.get("estimates", [])]
    estimates += [
        f"{assessment_label(n, lang)}{text('colon', lang)}{sourced(n)}" for n in doc.get("no_estimate", [])
    ]
    if len(estimates) > 1:
        fields.append((text("estimates", lang), estimates))
    if doc.get("aliases") and lang != "zh":  # English spellings; the Chinese name is the alias
        fields.append((text("aliases", lang), text("list_sep", lang).join(doc["aliases"])))
    if doc.get("source"):
        fields.append((text("source", lang), citation(doc["source"], lang)))
    if doc.get("notes"):
        fields.append((text("notes", lang), local(doc["notes"])))
    return fields


def assessment_label(item: dict[str, Any], lang: str) -> str:
    """Whose estimate: the assessment's id, which -a takes; in Chinese its name."""
    name = item.get("assessment_name") or {}
    return str(name.get(lang) or item["assessment"]) if lang == "zh" else str(item["assessment"])


def _central(item: dict[str, Any], lang: str) -> str:
    """', central 3.9' where the source gives a central value."""
    if item.get("central") is None:
        return ""
    return text("clause_sep", lang) + text("central_value", lang, value=given(item["central"]))


def estimate_text(e: dict[str, Any], lang: str) -> str:
    """'ar6, economic: 0.5–3 Gt CO2/yr; central 1.6; available below ... (notes); cost ...; TRL ...'."""
    measure = (e["measure"] or {}).get(lang) if e.get("measure") else None
    notes = (e["notes"] or {}).get(lang) if e.get("notes") else None
    sep = text("clause_sep", lang)
    head = assessment_label(e, lang)
    if e.get("potential", "technical") != "technical":
        head += text("list_sep", lang) + text("potential." + e["potential"], lang)
    out = f"{head}{text('colon', lang)}{range_text(e, lang)}{_central(e, lang)}"
    if measure:
        out += sep + measure
    if notes:
        out += text("paren", lang, text=notes)
    for part in e.get("parts", []):
        rng = span(part["low"], part["high"], given)
        central = f"{given(part['central'])} ({rng})" if part.get("central") is not None else rng
        out += sep + f"{part['name'].get(lang) or part['name']['en']} {central}"
    if e.get("caveat"):
        out += sep + (e["caveat"].get(lang) or e["caveat"]["en"]).rstrip("。.")
    if e.get("cost"):
        out += sep + text("cost", lang) + text("colon", lang) + cost_text(e["cost"], lang)
    if e.get("trl"):
        out += sep + text("trl", lang) + " " + trl_text(e["trl"])
    return out
