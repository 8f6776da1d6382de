"""The sections of a briefing that carry its figures: the portfolio table (with
the period's figures as columns), the uncertainty in one line, the period's
assumptions in one line, and the cumulative references; each figure at the
precision of what it comes from (``base.numbers``). ``brief.py`` puts them in
order."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import kind_name, unit_text
from nbscdr_cli.base.i18n import _, join_names
from nbscdr_cli.base.numbers import CAP, derived, formatter, given, rounded, span
from nbscdr_cli.render import tables
from nbscdr_cli.render.as_markdown import emphasis, table
from nbscdr_cli.render.bottom_line import prose_relation
from nbscdr_cli.render.citations import Citations
from nbscdr_cli.render.footnotes import Marker, no_mark
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import (
    assessment_label,
    chance_text,
    entry_show,
    sampling_text,
    threshold_label,
    total_show,
)


def portfolio_grid(
    analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations, mark: Marker = no_mark
) -> Grid:
    """The entries by name (share, own figure or stand-in assessment said in words)
    with their figures and a source mark each; the total last. With a period,
    what each adds up to over it: one column (stored at the end, if none is
    reversed), or two where a reversal rate applies (cumulative, and stored)."""
    unit = unit_text(doc["unit"], lang)
    central = any(e.get("central") is not None for e in doc["entries"])
    h = doc.get("horizon")
    period_keys = (
        [] if h is None else (["cumulative", "stored_at_end"] if h["reversal_applied"] else ["stored_at_end"])
    )
    rows = []
    for e, entry in zip(doc["entries"], analysis.result.portfolio.entries, strict=True):
        show = entry_show(e)
        label = name_in(e["name"], lang)
        if e["own_figure"]:
            label += _(" ({text})", lang, text=_("own figure", lang))
        elif e["share"] != 1:
            label += _(
                " ({text})", lang, text=_("{share}% of its range", lang, share=derived(e["share"] * 100))
            )
        if e["fallback"]:
            label += _(
                " ({text})",
                lang,
                text=_("figure from {assessment}", lang, assessment=assessment_label(e, lang)),
            )
        source = "" if e["own_figure"] else cite(entry.technique.source).strip()
        label += mark(f"entry:{e['technique']}")
        low = ("0" if e["up_to"] else show(e["low"])) + mark(f"low:{e['technique']}")
        row = [label, low, show(e["high"])]
        if central:
            row.append(show(e["central"]) if e.get("central") is not None else "–")
        period_show = rounded(e.get("significant_figures", CAP))
        row += [span(e["horizon"][k]["low"], e["horizon"][k]["high"], period_show) for k in period_keys]
        rows.append([*row, source])
    total, show = doc["total"], total_show(doc)
    row = [
        _("Total", lang) + mark("total"),
        show(total["low"]),
        show(total["high"]),
        *([""] if central else []),
    ]
    if h is not None:
        period_show = rounded(h.get("significant_figures", CAP))
        row += [span(h[k]["low"], h[k]["high"], period_show) for k in period_keys]
    rows.append([*row, ""])
    header = [_("Technique", lang), _("Low", lang) + "\n" + unit, _("High", lang) + "\n" + unit]
    if central:
        header.append(_("Central", lang) + "\n" + unit)
    if h is not None:
        mass = unit_text(h["unit"], lang)
        if h["reversal_applied"]:
            header.append(
                _("Cumulative {start}–{last}", lang, start=h["from"], last=h["last_year"]) + "\n" + mass
            )
        header.append(tables.stored_label(h, lang) + "\n" + mass)
    numeric = [False, True, True, *([True] if central else []), *([True] * len(period_keys)), False]
    return Grid("", [*header, _("Source", lang)], rows, numeric, totals=1)


PERIOD_NOTES = (
    "years",
    "no-ramp",
    "saturation",
    "saturation-range",
    "no-saturation",
    "no-reversal",
    "reference-period",
)
# Notes the brief says elsewhere: in the bottom line (the sum of extremes, the
# distribution assumed, permanence), the tables (whose figures, the references'
# kinds and scopes) or the period's line.
SAID_ELSEWHERE = {
    "figures",
    "sum-of-extremes",
    "distribution",
    "reference",
    "reference-scope",
    "permanence",
    *PERIOD_NOTES,
}


def period_line(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> str:
    """The period's assumptions in one line, with why: how years count, that no
    source gives a ramp-up time or a reversal rate, each sourced saturation time
    and the entries that have none, and the user's own settings."""
    h = doc["horizon"]
    parts = [
        _(
            "{start}–{end} is the {n} years {start} through {last}",
            lang,
            start=h["from"],
            end=h["to"],
            n=h["years"],
            last=h["last_year"],
        )
    ]
    codes = {n["code"] for n in doc["warnings"]}
    if "no-ramp" in codes and "no-reversal" in codes:
        parts.append(_("no source gives a ramp-up time or a reversal rate, so none is assumed", lang))
    elif "no-ramp" in codes:
        parts.append(_("no source gives a ramp-up time, so none is assumed", lang))
    elif "no-reversal" in codes:
        parts.append(_("no source gives a reversal rate, so none is assumed", lang))
    for e, entry in zip(doc["entries"], analysis.result.portfolio.entries, strict=True):
        years = e["horizon"]["saturation_years"]
        if e["horizon"]["saturation_from"] == "data" and years is not None and not isinstance(years, dict):
            mark = cite(entry.technique.saturation_source or "")
            said = entry.technique.saturation_notes  # what the time is (issue 21: an inventory default)
            parts.append(
                _(
                    "{name} stops adding after {years} years ({what}){cite}",
                    lang,
                    name=name_in(e["name"], lang),
                    years=given(years),
                    what=said.get(lang),
                    cite=mark,
                )
                if said is not None
                else _(
                    "{name} stops adding after {years} years{cite}",
                    lang,
                    name=name_in(e["name"], lang),
                    years=given(years),
                    cite=mark,
                )
            )
    unsaturated = [
        name_in(e["name"], lang) for e in doc["entries"] if e["horizon"]["saturation_years"] is None
    ]
    if unsaturated:
        parts.append(
            _("no source gives a saturation time for {names}", lang, names=join_names(unsaturated, lang))
        )
    chosen = [
        _("{name} ({what})", lang, name=name_in(e["name"], lang), what=what)
        for e in doc["entries"]
        if (what := tables.entry_parameters_text(e["horizon"], lang, given_only=True))
    ]
    if chosen:
        parts.append(_("as chosen for this briefing: {items}", lang, items=_(", ", lang).join(chosen)))
    return _("Over the period: {parts}.", lang, parts=_("; ", lang).join(parts))


def period_references(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> list[str]:
    """Each cumulative reference (compared only when asked for, where its years
    are not the run's) against the cumulative removal in its scope, with both
    periods in the same line."""
    h = doc["horizon"]
    mass = unit_text(h["unit"], lang)
    out = []
    for c, comparison in zip(
        h["comparisons"], analysis.horizon.comparisons if analysis.horizon else (), strict=True
    ):
        digits = c.get("significant_figures", CAP)
        relation = prose_relation(c, lang, c["in_scope"]["cumulative"], mass, digits)
        cumulative = span(
            c["in_scope"]["cumulative"]["low"], c["in_scope"]["cumulative"]["high"], rounded(digits)
        )
        values = {
            "ref": tables.reference_label(c, lang),
            "band": span(c["low"], c["high"], formatter(True)),
            "unit": mass,
            "kind": kind_name(c["kind"], lang),
            "cumulative": cumulative,
            "relation": relation,
            "cite": cite(comparison.reference.source),
            "start": h["from"],
            "last": h["last_year"],
        }
        if c.get("same_period", False):
            line = _(
                "{ref}, {band} {unit}, is {kind} over the same years: the cumulative removal over {start}–{last}, {cumulative} {unit}, {relation}{cite}.",
                lang,
                **values,
            )
        else:
            period = (c.get("period") or {}).get(lang) or _("a period its source does not state", lang)
            line = _(
                "{ref}, {band} {unit}, is {kind} over {period}, not over {start}–{last}: against it, the cumulative removal over {start}–{last}, {cumulative} {unit}, {relation}{cite}.",
                lang,
                period=period,
                **values,
            )
        out.append("- " + line)
    return out


def sureness_line(doc: dict[str, Any], lang: str) -> str:
    """The uncertainty in one line: how it was computed, the 90% band and the
    median, each reference end's chance (or why the ranges settle it), and with
    a period, the band of what is stored at its end."""
    u = doc["uncertainty"]
    show = rounded(u.get("significant_figures", CAP))
    p = u["percentiles"]
    parts = [
        _(
            "P5–P95 {band} {unit}, median {median}",
            lang,
            band=span(p["5"], p["95"], show),
            unit=unit_text(doc["unit"], lang),
            median=show(p["50"]),
        )
    ]
    names = {c["reference"]: tables.reference_label(c, lang) for c in doc["comparisons"]}
    tested = [(ref, end) for ref, ends in u["probability"].items() for end in ends]
    tested += [("", None)] if "target" in u else []
    parts += [
        _(
            "{label}: {chance}",
            lang,
            label=threshold_label(ref, end, lang, names),
            chance=chance_text(u, ref, end, lang),
        )
        for ref, end in tested
    ]
    h = doc.get("horizon")
    if h is not None and "uncertainty" in h:
        stored = h["uncertainty"]["stored_at_end"]["percentiles"]
        parts.append(
            _(
                "stored at the end of {last}: P5–P95 {band} {unit}",
                lang,
                last=h["last_year"],
                band=span(stored["5"], stored["95"], rounded(h.get("significant_figures", CAP))),
                unit=unit_text(h["unit"], lang),
            )
        )
    return emphasis(sampling_text(u, lang), lang) + _(": ", lang) + _("; ", lang).join(parts) + _(".", lang)


def period_detail(doc: dict[str, Any], lang: str) -> list[str]:
    """With ``detail``: the period table with what was assumed for each entry,
    and the uncertainty over the period."""
    out = [f"## {tables.horizon_grid(doc, lang, ids=False).title}", ""]
    out += [table(tables.horizon_grid(doc, lang, ids=False)._replace(title="")), ""]
    if "uncertainty" in doc["horizon"]:
        grid = tables.horizon_uncertainty_grid(doc, lang)
        out += [emphasis(grid.title, lang), "", table(grid._replace(title="")), ""]
    return out
