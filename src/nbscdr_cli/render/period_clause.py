"""The bottom line's clause on a period (``--from/--to``): what the rates add up
to over it, with every assumption that figure rests on in the same clause — the
start, the ramp-up, each sink that saturates (and what its time is), and how
much is reversed — and the stock at the end of the last year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import unit_text
from nbscdr_cli.base.i18n import _, join_names
from nbscdr_cli.base.numbers import CAP, given, number, percent, rounded, span

if TYPE_CHECKING:
    from nbscdr_cli.render.citations import Citations


def period_clause(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> str:
    """'; over 2030–2049, at those rates from the start of 2030 with no ramp-up,
    Carbon sequestration in soils stopping after 20 years and none of it
    reversed, that adds up to 120–700 Gt CO2 stored at the end of 2049'."""
    h = doc["horizon"]
    entries = [e for e in doc["entries"] if "horizon" in e]
    ramps = {number(e["horizon"]["ramp_years"]) for e in entries}
    if ramps <= {0.0, None}:
        ramp = _("at those rates from the start of {start} with no ramp-up", lang, start=h["from"])
    elif len(ramps) == 1:
        ramp = _(
            "from the start of {start}, ramping up to those rates over {years} years",
            lang,
            start=h["from"],
            years=given(next(iter(ramps))),
        )
    else:
        ramp = _("from the start of {start}, ramping up to those rates as chosen", lang, start=h["from"])
    stopping = []
    for e, entry in zip(doc["entries"], analysis.result.portfolio.entries, strict=True):
        years = e["horizon"]["saturation_years"]
        if years is None:
            continue
        shown = f"{given(years['low'])}–{given(years['high'])}" if isinstance(years, dict) else given(years)
        source = entry.technique.saturation_source if e["horizon"]["saturation_from"] == "data" else None
        what = entry.technique.saturation_notes if source else None  # issue 21: what the time is
        stopping.append(
            (
                _(
                    "{name} stopping after {years} years ({what})",
                    lang,
                    name=name_in(e["name"], lang),
                    years=shown,
                    what=what.get(lang).replace("；", "; ").split("; ")[0],
                )
                if what is not None
                else _(
                    "{name} stopping after {years} years", lang, name=name_in(e["name"], lang), years=shown
                )
            )
            + cite(source)
        )
    saturation = join_names(stopping, lang) if stopping else _("no sink saturating", lang)
    show = rounded(h.get("significant_figures", CAP))
    mass = unit_text(h["unit"], lang)
    cumulative = span(h["cumulative"]["low"], h["cumulative"]["high"], show)
    if not h.get("reversal_applied"):
        return _(
            "; over {start}–{last}, {ramp}, {saturation} and none of it reversed, that adds up to {cumulative} {mass} stored at the end of {last}",
            lang,
            start=h["from"],
            last=h["last_year"],
            ramp=ramp,
            saturation=saturation,
            cumulative=cumulative,
            mass=mass,
        )
    rates = {number(e["horizon"]["reversal_rate"]) for e in entries}
    reversal = (
        _("{rate} of what is stored reversed each year", lang, rate=percent(next(iter(rates)) or 0.0))
        if len(rates) == 1
        else _("the reversal rates chosen", lang)
    )
    return _(
        "; over {start}–{last}, {ramp}, {saturation} and {reversal}, that adds up to {cumulative} {mass} removed, {stored} {mass} of it still stored at the end of {last}",
        lang,
        start=h["from"],
        last=h["last_year"],
        ramp=ramp,
        saturation=saturation,
        reversal=reversal,
        cumulative=cumulative,
        stored=span(h["stored_at_end"]["low"], h["stored_at_end"]["high"], show),
        mass=mass,
    )
