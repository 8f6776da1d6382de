"""What the chart says besides its bars, in its language: the title, the bars'
names and captions, the axis, and the legend (every colour drawn, the total as
the sum of all lows to the sum of all highs, each reference with what it measures
and covers, the uncertainty band with its assumption), the key to the signs on
the bars, and the sources. ``chart.py`` lays them out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.api.wording import figures_phrase, unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import given, rounded
from nbscdr_cli.render.chart_model import NoteSigns, band_label, bars, co2, signs_key
from nbscdr_cli.render.chart_sources import Cited, source_lines

if TYPE_CHECKING:
    from nbscdr_cli.render.chart_measure import Measure

COLOURS = {"entry": "#7fcdbb", "total": "#2c7fb8", "in-scope": "#41ae76"}
EDGE = "#225e86"
SHADES = ["#fdae61", "#d7b5d8", "#fee090"]  # the references' bars, one colour each
REFERENCE_EDGE = "#7a4b12"
HANDLE_HEIGHT = 0.7  # matplotlib's legend.handleheight, in ems
LABEL_SPACING = 0.5  # matplotlib's legend.labelspacing, in ems


class Words(NamedTuple):
    """Everything the chart says, in its language, before it is laid out."""

    title: str
    subtitle: str
    names: list[str]  # each bar's
    captions: list[str]  # each bar's figure, marks and signs
    axis: str
    handles: list[Any]
    legend: list[str]
    key: list[str]  # what the signs on the bars mean
    footnote: list[str]


def words(
    doc: dict[str, Any],
    lang: str,
    use_names: bool,
    sources: Sequence[str | Cited],
    compact: bool = False,
    noted: NoteSigns | None = None,
) -> Words:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from nbscdr_cli.render.bottom_line import assumption_text

    unit = co2(unit_text(doc["unit"], lang))
    chart_bars = bars(doc, lang, use_names, noted)
    title = _("Nature-based CO2 removal potential", lang) + (
        _(": ", lang) + doc["name"] if doc.get("name") else ""
    )
    assessment = (doc.get("assessment_name") or {}).get(lang) or doc.get("assessment") or ""
    potential = figures_phrase(doc, lang)  # the kinds its sources give (issue 21)
    subtitle = (
        _("{assessment}, {potential}", lang, assessment=assessment, potential=potential)
        if assessment
        else potential
    )
    if doc.get("region"):  # a country's or region's figures (issue 22)
        from nbscdr_cli.render.text import region_label

        subtitle += _(": ", lang) + region_label(doc["region"], lang)

    # compact (the brief's chart): the axis gives the unit, the bars' names what they are
    handles: list[Any] = [Patch(facecolor=COLOURS["entry"], edgecolor=EDGE)]
    legend = [
        _("Technique, low–high", lang) if compact else _("Technique, low–high ({unit})", lang, unit=unit)
    ]
    handles.append(Patch(facecolor=COLOURS["total"], edgecolor=EDGE))
    legend.append(
        _("Total: the sum of all lows to the sum of all highs", lang)
        if compact
        else _("Total: the sum of all lows to the sum of all highs ({unit})", lang, unit=unit)
    )
    if any(b.kind == "in-scope" for b in chart_bars):
        handles.append(Patch(facecolor=COLOURS["in-scope"], edgecolor=EDGE))
        legend.append(
            _("This portfolio within a reference's scope", lang)
            if compact
            else _(
                "This portfolio within a reference's scope: the sum of the entries it covers ({unit})",
                lang,
                unit=unit,
            )
        )
    if any(b.up_to for b in chart_bars):
        handles.append(Patch(facecolor=COLOURS["entry"], edgecolor=EDGE, hatch="///"))
        legend.append(
            _("No lower bound given: low end counted as 0", lang)
            if compact
            else _("No lower bound given: low end counted as 0 {unit}", lang, unit=unit)
        )
    for i, c in enumerate(doc["comparisons"]):
        handles.append(Patch(facecolor=SHADES[i % len(SHADES)], edgecolor=REFERENCE_EDGE))
        legend.append(band_label(c, lang, unit, compact=compact))
    p = percentiles(doc)
    if p:
        handles.append(
            Line2D([], [], color="black", marker="|", markersize=7, markeredgewidth=1.4, linewidth=1.2)
        )
        u = doc["uncertainty"]
        show = rounded(u.get("significant_figures", 3))
        shown = {"p5": show(p[0]), "p50": show(p[1]), "p95": show(p[2])}
        if compact:  # the brief says how it was computed
            legend.append(
                _(
                    "Total's P5–P50–P95 {assumption} (an assumption): {p5}–{p50}–{p95}",
                    lang,
                    assumption=assumption_text(u, lang),
                    **shown,
                )
            )
        else:
            how = (
                _("{samples} Monte Carlo draws", lang, samples=given(u["samples"]))
                if u["samples"] is not None
                else _("exact convolution", lang)
            )
            legend.append(
                _(
                    "Total's P5–P50–P95 {assumption} (an assumption; {how}): {p5}–{p50}–{p95} {unit}",
                    lang,
                    assumption=assumption_text(u, lang),
                    how=how,
                    unit=unit,
                    **shown,
                )
            )
    return Words(
        title=co2(title),
        subtitle=co2(subtitle),
        names=[co2(b.label) for b in chart_bars],
        captions=[co2(b.caption(lang)) for b in chart_bars],
        axis=co2(_("{what} ({unit})", lang, what=_("Removal potential", lang), unit=unit)),
        handles=handles,
        legend=[co2(label) for label in legend],
        key=[co2(line) for line in signs_key(doc, lang, use_names, compact=compact, noted=noted)],
        footnote=[co2(line) for line in [_("Sources", lang), *source_lines(doc, sources, lang, use_names)]],
    )


def percentiles(doc: dict[str, Any]) -> tuple[float, float, float] | None:
    """The total's 5th, 50th and 95th percentiles, with Monte Carlo."""
    found = (doc.get("uncertainty") or {}).get("percentiles") or {}
    if not all(p in found for p in ("5", "50", "95")):
        return None
    return found["5"], found["50"], found["95"]


def legend(
    fig: Any, measure: Measure, words: Words, inner: float, compact: bool = False
) -> tuple[Any, float]:
    """The legend in two columns where its entries fit on one line each (or,
    ``compact``, always, each entry wrapped to its column), else one; placed
    under the axis by the caller. Where Chinese glyphs are measured by proxy,
    one column: matplotlib places a second column by the widths it measures.
    With it, the height it is given (inches): its tallest column, each entry as
    tall as its lines (``Measure.lines_height``) or its handle, with
    matplotlib's spacing between entries."""
    size = measure.sizes["legend"]
    em = size / 72
    handle = (2.0 + 0.8) * em  # handlelength + handletextpad
    two = (inner - 2.0 * em) / 2 - handle  # a column's room for text, with columnspacing between
    fits = max(measure.width(label, size) for label in words.legend) <= two
    columns = 2 if (fits or (compact and len(words.legend) > 2)) and not measure.em_proxy else 1
    room = (two if columns == 2 else inner - handle) - 0.05
    labels = [measure.wrap(label, room, size) for label in words.legend]
    if columns == 2:  # each column as wide as its widest line, so the second starts where the first ends
        half = (len(labels) + 1) // 2
        first = max(measure.width(line, size) for label in labels[:half] for line in label.split("\n"))
        spacing = max(2.0, (two + 2.0 * em - first) / em)
    else:
        spacing = 2.0
    legend = fig.legend(
        words.handles,
        labels,
        loc="upper left",
        ncols=columns,
        fontsize=size,
        frameon=False,
        borderaxespad=0,
        borderpad=0,
        handlelength=2.0,
        handletextpad=0.8,
        handleheight=HANDLE_HEIGHT,
        labelspacing=LABEL_SPACING,
        columnspacing=spacing,
    )
    legend.set_gid("nbscdr-legend")
    for t in legend.get_texts():
        t.set_parse_math(False)
        t.set_linespacing(measure.linespacing)
    per_column = (len(labels) + columns - 1) // columns
    entries = [max(measure.lines_height(label, size), HANDLE_HEIGHT * em) for label in labels]
    height = max(
        sum(column) + LABEL_SPACING * em * (len(column) - 1)
        for column in (entries[i : i + per_column] for i in range(0, len(entries), per_column))
    )
    return legend, height
