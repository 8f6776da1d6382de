"""The tables of every result as cells of text: what each table holds, worded and
formatted once. The table and Markdown renderers (and the brief) lay the same
``Grid`` out in their own way.

Numbers follow ``numbers.py``: an entry's figures as given, everything derived
(totals, differences, statistics, figures over a period) at the precision of the
figures it comes from; chances never rounded to a certainty, and not given as a
chance where the ranges settle them.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import figures_phrase, kind_label, unit_text
from nbscdr_cli.base.i18n import _, period_span
from nbscdr_cli.base.numbers import CAP, derived, given, percent, rounded, span
from nbscdr_cli.render.footnotes import Footnoted, Marker, footnoted, no_mark
from nbscdr_cli.render.grid import Grid as Grid  # where the other renderers find it
from nbscdr_cli.render.text import (
    assessment_label,
    comparison_digits,
    entry_label,
    entry_show,
    low_text,
    probability_rows,
    reference_range,
    region_label,
    relation_text,
    sampling_text,
    subtotal_range,
    total_show,
)


def with_unit(label: str, unit: str) -> str:
    return f"{label}\n{unit}"


def portfolio_grid(doc: dict[str, Any], lang: str, assessment: str = "", mark: Marker = no_mark) -> Grid:
    """The entries and the total; a central value where a source gives one, and
    the assessment an entry borrowed its figure from where it stands in; a share
    column only where some entry is a share or the user's own figure. ``mark``
    gives each cell's footnote markers (``footnotes.py``)."""
    unit = unit_text(doc["unit"], lang)
    title_mark = mark("table:portfolio")  # first: markers are numbered in reading order
    central = any(e.get("central") is not None for e in doc["entries"])
    shares = any(e["own_figure"] or e["share"] != 1 for e in doc["entries"])
    rows = []
    for e in doc["entries"]:
        show, tid = entry_show(e), e["technique"]
        share = _("own figure", lang) if e["own_figure"] else f"{derived(e['share'] * 100)}%"
        label = entry_label(name_in(e["name"], lang), tid, lang)
        if e["fallback"]:
            label += _(
                " ({text})",
                lang,
                text=_("figure from {assessment}", lang, assessment=assessment_label(e, lang)),
            )
        label += mark(f"entry:{tid}")
        low = low_text(e["low"], e["up_to"], lang, show) + mark(f"low:{tid}")
        row = [label, *([share] if shares else []), low, show(e["high"])]
        if central:
            row.append(show(e["central"]) if e.get("central") is not None else "–")
        rows.append(row)
    total, show = doc["total"], total_show(doc)
    rows.append(
        [
            _("Total", lang) + mark("total"),
            *([""] if shares else []),
            show(total["low"]),
            show(total["high"]),
            *([""] if central else []),
        ]
    )
    name = _(": ", lang) + doc["name"] if doc["name"] else ""
    potential = figures_phrase(doc, lang)  # the kinds its sources give (issue 21)
    assessment = assessment or doc["assessment"] or ""
    if assessment:
        title = _(
            "Portfolio{name} ({potential}, {assessment})",
            lang,
            name=name,
            potential=potential,
            assessment=assessment,
        )
    else:  # data of the user's own, with no assessment named
        title = _("Portfolio{name} ({potential})", lang, name=name, potential=potential)
    if doc.get("region"):  # a country's or region's figures (issue 22)
        title += _(": ", lang) + region_label(doc["region"], lang)
    header = [
        _("Technique", lang),
        *([_("Share", lang)] if shares else []),
        with_unit(_("Low", lang), unit),
        with_unit(_("High", lang), unit),
    ]
    if central:
        header.append(with_unit(_("Central", lang), unit))
    return Grid(
        title + title_mark,
        header,
        rows,
        [False, *([True] if shares else []), True, True, *([True] if central else [])],
        totals=1,
        key="portfolio",
    )


def reference_label(c: dict[str, Any], lang: str) -> str:
    return str(c["name"].get(lang) if c.get("name") else c["reference"])


def comparison_grid(doc: dict[str, Any], lang: str, mark: Marker = no_mark) -> Grid:
    """Each reference against the entries in its scope (the headline)."""
    unit = unit_text(doc["unit"], lang)
    rows = []
    for c in doc["comparisons"]:
        inside = c["in_scope"]
        rows.append(
            [
                reference_label(c, lang) + mark(f"reference:{c['reference']}"),
                kind_label(c["kind"], lang),
                reference_range(c),
                subtotal_range(inside) if inside["techniques"] else "–",
                relation_text(c, lang, inside, c, comparison_digits(c)) if inside["techniques"] else "–",
            ]
        )
    header = [
        _("Reference", lang),
        _("Kind", lang),
        with_unit(_("Range", lang), unit),
        with_unit(_("In its scope", lang), unit),
        _("In scope, against the reference", lang),
    ]
    return Grid(
        _("Each reference against the entries in its scope", lang),
        header,
        rows,
        [False, False, True, True, False],
        key="comparison",
    )


def uncertainty_grid(doc: dict[str, Any], lang: str, mark: Marker = no_mark) -> Grid:
    u = doc["uncertainty"]
    show = rounded(u.get("significant_figures", CAP))
    rows = [[_("Mean", lang), show(u["mean"])], [_("Standard deviation", lang), show(u["std"])]]
    rows += [[f"P{p}", show(v)] for p, v in u["percentiles"].items()]
    rows += [list(r) for r in probability_rows(u, doc["comparisons"], lang)]
    title = _("Uncertainty of the total", lang) + _(": ", lang) + sampling_text(u, lang)
    return Grid(
        title + mark("table:uncertainty"),
        ["", unit_text(doc["unit"], lang)],
        rows,
        [False, True],
        key="uncertainty",
    )


def entry_parameters_text(h: dict[str, Any], lang: str, *, given_only: bool = False) -> str:
    """An entry's ramp, saturation and reversal over a period (an entry's JSON
    ``horizon``); ``given_only``: only what the user gave, not the data's."""
    parts = []
    if h["ramp_years"]:
        parts.append(_("ramp {years} years", lang, years=given(h["ramp_years"])))
    years = h["saturation_years"]
    if given_only and h["saturation_from"] != "user":
        years = None
    if isinstance(years, dict):
        parts.append(
            _("saturates after {years} years", lang, years=f"{given(years['low'])}–{given(years['high'])}")
        )
    elif years is not None:
        parts.append(_("saturates after {years} years", lang, years=given(years)))
    if h["reversal_rate"] and not (given_only and h["reversal_from"] != "user"):
        parts.append(_("{rate} reversed per year", lang, rate=percent(h["reversal_rate"])))
    return _(", ", lang).join(parts)


def stored_label(h: dict[str, Any], lang: str) -> str:
    """What the stock at the end of a period is: 'Stored at the end of 2049, if
    none is reversed' (no reversal rate applied), else 'Stored at the end of 2049'
    (the reversal assumed is said beside it)."""
    if h.get("reversal_applied"):
        return _("Stored at the end of {last}", lang, last=h["last_year"])
    return _("Stored at the end of {last}, if none is reversed", lang, last=h["last_year"])


def horizon_grid(doc: dict[str, Any], lang: str, *, ids: bool = True, mark: Marker = no_mark) -> Grid:
    """Each entry's cumulative removal over the period and what is still stored
    at its end, with what was assumed for it, and the total; ``ids`` adds each
    technique's id. Where no reversal rate applies the two are the same, and
    one column says so ("stored at the end of 2049, if none is reversed")."""
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    title_mark = mark("table:horizon")  # first: markers are numbered in reading order
    keys = ["cumulative", "stored_at_end"] if h.get("reversal_applied") else ["stored_at_end"]
    rows = []
    for e in doc["entries"]:
        eh, show = e["horizon"], rounded(e.get("significant_figures", CAP))
        name = (
            entry_label(name_in(e["name"], lang), e["technique"], lang) if ids else name_in(e["name"], lang)
        )
        figures = [span(eh[k]["low"], eh[k]["high"], show) for k in keys]
        rows.append(
            [name + mark(f"period-entry:{e['technique']}"), *figures, entry_parameters_text(eh, lang)]
        )
    show = rounded(h.get("significant_figures", CAP))
    total = _("Total", lang) + mark("period-total")
    rows.append([total, *[span(h[k]["low"], h[k]["high"], show) for k in keys], ""])
    title = _(
        "Over the period {span} ({years} years)",
        lang,
        span=period_span(h["from"], h["to"], lang),
        years=h["years"],
    )
    heads = {"cumulative": _("Cumulative", lang), "stored_at_end": stored_label(h, lang)}
    header = [_("Technique", lang), *[with_unit(heads[k], mass) for k in keys], _("Assumed", lang)]
    return Grid(
        title + title_mark,
        header,
        rows,
        [False, *[True for _ in keys], False],
        totals=1,
        key="horizon",
    )


def period_reference_label(c: dict[str, Any], h: dict[str, Any], lang: str) -> str:
    """A cumulative reference as a row names it; over other years than the run's,
    with both periods, so the difference is read in the same line."""
    label = reference_label(c, lang)
    if c.get("same_period", True):
        return label
    period = (c.get("period") or {}).get(lang) or _("a period its source does not state", lang)
    return label + _(
        " ({text})",
        lang,
        text=_(
            "over {period}; this total over {start}–{last}",
            lang,
            period=period,
            start=h["from"],
            last=h["last_year"],
        ),
    )


def horizon_comparison_grid(doc: dict[str, Any], lang: str, mark: Marker = no_mark) -> Grid:
    """Cumulative references against the in-scope cumulative removal, and where
    a reversal rate applies, against what is still stored at the end."""
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    reversal = h.get("reversal_applied")
    rows = []
    for c in h["comparisons"]:
        inside, digits = c["in_scope"], comparison_digits(c)
        row = [
            period_reference_label(c, h, lang) + mark(f"period-reference:{c['reference']}"),
            kind_label(c["kind"], lang),
            span(c["low"], c["high"], given),
            span(inside["cumulative"]["low"], inside["cumulative"]["high"], rounded(digits)),
            relation_text(c, lang, inside["cumulative"], c, digits),
        ]
        if reversal:
            row.append(relation_text(c["stored_at_end_position"], lang, inside["stored_at_end"], c, digits))
        rows.append(row)
    header = [
        _("Reference", lang),
        _("Kind", lang),
        with_unit(_("Range", lang), mass),
        with_unit(_("Cumulative", lang), mass),
        _("Cumulative in scope, against the reference", lang),
    ]
    if reversal:
        header.append(_("Stored at the end in scope, against the reference", lang))
    title = _("Cumulative references over the period", lang)
    numeric = [False, False, True, True, False, *([False] if reversal else [])]
    return Grid(title, header, rows, numeric, key="horizon-comparison")


def horizon_uncertainty_grid(doc: dict[str, Any], lang: str) -> Grid:
    """The uncertainty of the totals over the period, with its method in the
    title: of the cumulative removal, and where a reversal rate applies, of what
    is still stored at the end."""
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    keys = ["cumulative", "stored_at_end"] if h.get("reversal_applied") else ["stored_at_end"]
    us = [h["uncertainty"][k] for k in keys]
    show = rounded(us[0].get("significant_figures", CAP))
    rows = [
        [_("Mean", lang), *[show(u["mean"]) for u in us]],
        [_("Standard deviation", lang), *[show(u["std"]) for u in us]],
    ]
    rows += [[f"P{p}", *[show(u["percentiles"][p]) for u in us]] for p in us[0]["percentiles"]]
    chances = [dict(probability_rows(u, h["comparisons"], lang)) for u in us]
    rows += [[label, *[c.get(label, "–") for c in chances]] for label in chances[0]]
    heads = {"cumulative": _("Cumulative", lang), "stored_at_end": stored_label(h, lang)}
    header = ["", *[with_unit(heads[k], mass) for k in keys]]
    title = (
        _(
            "Uncertainty over the period {span}",
            lang,
            span=period_span(h["from"], h["to"], lang),
        )
        + _(": ", lang)
        + sampling_text(us[0], lang)
    )
    return Grid(title, header, rows, [False, *[True for _ in keys]], key="horizon-uncertainty")


def portfolio_grids(doc: dict[str, Any], lang: str, mark: Marker = no_mark) -> list[Grid]:
    """Every table of a portfolio document, in order, ``mark`` giving each
    cell's footnote markers."""
    assessment = (doc.get("assessment_name") or {}).get(lang) or doc.get("assessment") or ""
    grids = [portfolio_grid(doc, lang, assessment, mark)]
    if doc["comparisons"]:
        grids.append(comparison_grid(doc, lang, mark))
    if doc.get("land") or doc.get("countries"):  # a country's or region's (issue 22)
        from nbscdr_cli.render.region_tables import countries_grid, land_grid

        grids += [land_grid(doc, lang)] if doc.get("land") else []
        grids += [countries_grid(doc, lang)] if doc.get("countries") else []
    if "uncertainty" in doc:
        grids.append(uncertainty_grid(doc, lang, mark))
    if "horizon" in doc:
        grids.append(horizon_grid(doc, lang, mark=mark))
        if doc["horizon"]["comparisons"]:
            grids.append(horizon_comparison_grid(doc, lang, mark))
        if "uncertainty" in doc["horizon"]:
            grids.append(horizon_uncertainty_grid(doc, lang))
    return grids


def marked_portfolio(doc: dict[str, Any], lang: str, notes: str, superscript: bool) -> Footnoted:
    """The portfolio's tables with their notes at ``notes``, each tied by its marker
    to the cells it qualifies (the same for the terminal and Markdown)."""
    return footnoted(
        lambda mark: portfolio_grids(doc, lang, mark),
        doc["warnings"],
        notes,
        lang,
        superscript=superscript,
        names={e["technique"]: name_in(e["name"], lang) for e in doc["entries"]},
    )
