"""What a chart shows, whatever draws it: the bars (each entry, the total, the
subtotal a scoped reference is compared with) with their marks, the reference
bands' labels, and the sources tied to what they support. ``chart.py`` draws
them with matplotlib, ``chart_text.py`` in a terminal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import join_scopes, kind_label
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import derived, formatter, span
from nbscdr_cli.render.tables import reference_label

if TYPE_CHECKING:
    from nbscdr_cli.api.analysis import Analysis


class Bar(NamedTuple):
    """One bar: an entry, the total, or the subtotal a scoped reference is
    compared with. ``figure`` is the range as the bar is labelled; ``marks`` say
    what the range is (a share of an estimate, the user's own figure)."""

    label: str
    low: float
    high: float
    up_to: bool  # no lower bound given: the low end counts as 0
    kind: str  # "entry", "total", or "in-scope"
    figure: str
    marks: tuple[str, ...] = ()

    def caption(self, lang: str) -> str:
        """'0.9–2.4 (50% of its range)': the figure and its marks."""
        if not self.marks:
            return self.figure
        return self.figure + _(" ({text})", lang, text=_join(self.marks, lang))


def _join(parts: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(parts)


def entry_marks(entry: dict[str, Any], lang: str) -> tuple[str, ...]:
    """What an entry's bar says about its figure besides the range: a share of
    the estimate, the user's own figure, an estimate standing in from another
    assessment."""
    marks = []
    if entry["own_figure"]:
        marks.append(_("own figure", lang))
    if entry["share"] != 1:
        marks.append(_("{share}% of its range", lang, share=derived(entry["share"] * 100)))
    if entry.get("fallback"):
        marks.append(_("figure from {assessment}", lang, assessment=entry["assessment"]))
    return tuple(marks)


def bars(doc: dict[str, Any], lang: str, use_names: bool = True) -> list[Bar]:
    """Each entry, the total, and for each reference with a scope that leaves
    entries out, the subtotal in its scope (the figure it is compared with)."""
    out = [
        Bar(
            name_in(e["name"], lang) if use_names else e["technique"],
            e["low"],
            e["high"],
            e["up_to"],
            "entry",
            span(e["low"], e["high"], formatter(e["as_given"])),
            entry_marks(e, lang),
        )
        for e in doc["entries"]
    ]
    total = doc["total"]
    out.append(
        Bar(
            _("Total", lang),
            total["low"],
            total["high"],
            False,
            "total",
            span(total["low"], total["high"], formatter(total["as_given"])),
        )
    )
    for c in doc["comparisons"]:
        inside = c["in_scope"]
        if c["out_of_scope"] and inside["techniques"]:
            out.append(
                Bar(
                    _("{ref}: in its scope", lang, ref=reference_label(c, lang)),
                    inside["low"],
                    inside["high"],
                    False,
                    "in-scope",
                    span(inside["low"], inside["high"], formatter(inside["as_given"])),
                )
            )
    return out


def band_label(c: dict[str, Any], lang: str, unit: str) -> str:
    """A reference band as the legend names it: what it is, what it measures,
    what it covers, its range and unit."""
    values = {
        "ref": reference_label(c, lang),
        "kind": kind_label(c["kind"], lang),
        "range": span(c["low"], c["high"], formatter(c["as_given"])),
        "unit": unit,
    }
    if c["scope"]:
        return _(
            "{ref} ({kind}, covers {scope}): {range} {unit}",
            lang,
            scope=join_scopes(c["scope"], lang),
            **values,
        )
    return _("{ref} ({kind}): {range} {unit}", lang, **values)


class Cited(NamedTuple):
    """A source and what it supports on the chart: entries by technique id,
    references by id. ``source`` None: the user's own figure."""

    source: str | None
    techniques: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


def cited(analysis: Analysis) -> list[Cited]:
    """The source of every figure on ``analysis``'s chart, tied to what it supports."""
    out = [
        Cited(
            None if e.own_figure else (e.technique.source or ""),
            techniques=(e.technique.id,),
        )
        for e in analysis.result.portfolio.entries
    ]
    out += [
        Cited(c.reference.source or "", references=(c.reference.id,)) for c in analysis.result.comparisons
    ]
    return out


def citation(source: str) -> str:
    """A source without the figures it gives (the chart shows them): 'C2G 2019,
    table of proposed techniques' from 'C2G 2019, table of proposed techniques:
    3–18 Gt CO2 per year globally'."""
    return source.split(": ", 1)[0].strip()


def source_lines(
    doc: dict[str, Any], sources: Sequence[str | Cited], lang: str, use_names: bool
) -> list[str]:
    """One line per distinct source, naming the bars and bands it supports in
    ``lang`` ('Afforestation and reforestation, Biochar: C2G 2019, table of
    proposed techniques'); citations keep their original language."""
    names = {
        e["technique"]: name_in(e["name"], lang) if use_names else e["technique"] for e in doc["entries"]
    }
    references = {c["reference"]: reference_label(c, lang) for c in doc["comparisons"]}
    groups: dict[str, list[str]] = {}
    for item in sources:
        if isinstance(item, str):
            key, supported = citation(item), []
        else:
            if item.source is None:
                key = _("figures given by the user", lang)
            elif item.source:
                key = citation(item.source)
            else:
                key = _("no source given in the data", lang)
            supported = [names.get(t, t) for t in item.techniques]
            supported += [references[r] for r in item.references if r in references]
            if not supported:  # a reference this chart does not draw (a cumulative one)
                continue
        if key:
            group = groups.setdefault(key, [])
            group += [s for s in supported if s not in group]
    colon = _(": ", lang)
    return [
        f"{_join(supported, lang)}{colon}{key}" if supported else key for key, supported in groups.items()
    ]


def co2(label: str) -> str:
    """CO₂ with its subscript (DejaVu Sans, always among the chart's fonts, has it)."""
    return re.sub(r"CO2(?![0-9])", "CO₂", label)
