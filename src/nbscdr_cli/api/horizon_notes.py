"""The notes on a period: how its years count, and the ramp-up, saturation and
reversal assumed for each entry, each with its source or the want of one, and
a cumulative reference over other years than the run's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.base.i18n import N_, _
from nbscdr_cli.base.numbers import derived, given

if TYPE_CHECKING:
    from collections.abc import Callable

    from nbscdr_cli.api.results import Results

Note = dict[str, Any]


def _note(code: str, message: str, **data: Any) -> Note:
    return {"code": code, **data, "message": message}


def horizon_notes(analysis: Results, named: Any, lang: str, cite: Callable[[str], str]) -> list[Note]:
    """What the period assumed: counting of years, ramp, saturation, reversal."""
    h = analysis.horizon
    assert h is not None
    s = h.settings
    notes = [
        _note(
            "years",
            _(
                "Years are counted as intervals: {start} to {end} is {n} years, {start} through {last}; stocks are at the end of {last}.",
                lang,
                start=s.start,
                end=s.end,
                n=s.years,
                last=s.end - 1,
            ),
        )
    ]
    if all(e.parameters.ramp_years == 0 for e in h.entries):
        notes.append(
            _note(
                "no-ramp",
                _(
                    "No ramp-up assumed: every entry removes at its full rate from the first year (no source gives a ramp-up time).",
                    lang,
                ),
            )
        )
    for entry, e in zip(analysis.result.portfolio.entries, h.entries, strict=True):
        p = e.parameters
        if p.saturation_from == "data" and not isinstance(p.saturation_years, tuple):
            source = entry.technique.saturation_source
            message = _(
                "{name} stops adding after {years} years{cite}.",
                lang,
                name=named([e.technique]),
                years=derived(p.saturation_years),
                cite=cite(source or ""),
            )
            notes.append(_note("saturation", message, technique=e.technique))
    sampled = analysis.simulation is not None and analysis.simulation.samples is not None
    for e in h.entries:
        span = e.parameters.saturation_range
        if span is not None:
            key = (
                N_(
                    "{name}: saturation time given as {low}–{high} years; the low end of its rate is taken with {low} years and the high end with {high}, and the Monte Carlo draws the time uniformly between them, independently of the rate: an assumption, since no source gives its distribution."
                )
                if sampled
                else N_(
                    "{name}: saturation time given as {low}–{high} years; the low end of its rate is taken with {low} years and the high end with {high}."
                )
            )
            message = _(key, lang, name=named([e.technique]), low=given(span[0]), high=given(span[1]))
            notes.append(_note("saturation-range", message, technique=e.technique))
    for code, key, ids in (
        (
            "no-saturation",
            N_("{names}: no source gives a saturation time, so none is applied."),
            [e.technique for e in h.entries if e.parameters.saturation_years is None],
        ),
        (
            "no-reversal",
            N_("{names}: a reversal rate of 0 is assumed, though nature-based storage is reversible."),
            [e.technique for e in h.entries if e.parameters.reversal_from is None],
        ),
    ):
        if ids:
            notes.append(_note(code, _(key, lang, names=named(ids)), techniques=ids))
    for c in h.comparisons:
        r = c.reference
        if r.years == (s.start, s.end):
            continue  # the same years: nothing to say
        period = r.period.get(lang) if r.period else _("a period its source does not state", lang)
        message = _(
            "{ref} is an amount over {period}, and the total here is over {start}–{last}: the periods differ, so compare with care.",
            lang,
            ref=r.name.get(lang) if r.name else r.id,
            period=period,
            start=s.start,
            last=s.end - 1,
        )
        notes.append(_note("reference-period", message, reference=r.id))
    return notes
