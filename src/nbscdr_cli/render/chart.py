"""Charts of a portfolio, fit for a slide or a printed brief: low–high bars per
entry and for the total, then each reference as a bar of its own right under the
subtotal of the entries in its scope (so no two reference bands blend); signs on
the bars whose figure is not removals alone and on pairs that may double count,
explained in a key; a legend with units in a band of its own under the axis; the
sources in a footnote, one line per source naming what it supports.

Two layouts: ``SLIDE`` (10 inches wide, for `chart -o`) and ``PRINTED`` (the
brief's: drawn at the width it prints on A4, so its smallest text prints at 7.5
pt; no title or sources of its own, as the brief has both). In neither is any
text smaller than 7 pt at the stated size.

``draw`` writes PNG, SVG (text kept as text) or PDF with matplotlib, without
pyplot (its global state is not ours to change). What the chart shows is
``chart_model`` (the terminal's bars in ``chart_text`` show the same); its words
and legend, ``chart_legend``; how text is measured and wrapped, ``chart_measure``;
how matplotlib is set up and which fonts it uses, ``chart_fonts``.

The layout is computed, not left to chance: every text is measured with the
renderer that draws it, names and the footnote are wrapped to the room they have,
the figure grows to fit them, and the x axis reaches far enough that each bar's
label ends inside it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.base.numbers import given
from nbscdr_cli.base.typography import language
from nbscdr_cli.render import chart_legend
from nbscdr_cli.render.chart_fonts import Fonts, fonts_for
from nbscdr_cli.render.chart_legend import COLOURS, EDGE, REFERENCE_EDGE, SHADES, percentiles
from nbscdr_cli.render.chart_measure import Measure
from nbscdr_cli.render.chart_model import Bar, NoteSigns, bars
from nbscdr_cli.render.chart_sources import Cited, cited
from nbscdr_cli.render.environment import Environment
from nbscdr_cli.render.escape import escape_controls, escape_document

if TYPE_CHECKING:
    from nbscdr_cli.api.analysis import Analysis

CHART_FORMATS = ("png", "svg", "pdf")  # files; on stdout the chart is text (range bars)
# Layout, in inches and points. A 16:9 slide is 13.33 x 7.5 in; the chart is
# 10 in wide and as tall as its rows, legend and footnote need.


WIDTH = 10.0
DPI = 150  # PNG
MARGIN = 0.2  # around the whole figure
GAP = 0.12  # between blocks
BAR = 0.6  # bar thickness, as a share of a row
NAME_SHARE = 0.36  # the most of the width a bar's name may take before it wraps
SIZES = {"title": 14, "subtitle": 10, "tick": 10, "bar": 9, "axis": 10, "legend": 9, "footnote": 7.5}


class Layout(NamedTuple):
    """How big the chart is and what it holds besides the bars."""

    width: float  # inches
    sizes: dict[str, float]  # points, by role
    row: float  # the least height of one bar's row, inches
    title: bool  # its own title and subtitle
    footnote: bool  # its own list of sources
    margin: float = MARGIN  # around the whole figure, inches
    compact: bool = False  # short legend entries in two columns, the key as one paragraph
    gap: float = GAP  # between blocks, inches


SLIDE = Layout(WIDTH, SIZES, 0.42, True, True)
# A4 less 13 mm margins is 7.24 in: drawn that wide, the brief's chart prints at its own size
PRINTED = Layout(
    7.2,
    {"title": 10, "subtitle": 8, "tick": 7.5, "bar": 7.5, "axis": 7.5, "legend": 7.5, "footnote": 7.5},
    0.19,
    False,
    False,
    margin=0.04,
    compact=True,
    gap=0.06,  # the page's own spacing sets the chart apart
)


@contextmanager
def _settings(families: list[str]) -> Iterator[None]:
    """matplotlib's settings for the chart, for its making and saving only (a
    notebook's own settings stay as they were): the fonts, SVG text kept as text,
    PDF fonts embedded as TrueType, and matplotlib's warnings (a glyph taken from
    the fallback font) kept off the user's stderr."""
    import warnings

    import matplotlib

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with matplotlib.rc_context(
            {
                "font.family": families,
                "svg.fonttype": "none",
                "pdf.fonttype": 42,
                "hatch.color": EDGE,
                "hatch.linewidth": 0.8,
            }
        ):
            yield


def render_chart(
    analysis: Analysis, fmt: str, env: Environment, *, printed: bool = False, noted: NoteSigns | None = None
) -> tuple[str | bytes, list[str]]:
    """The chart of ``analysis`` in ``fmt`` (text for the terminal, png, svg or
    pdf), and warnings for the user. ``printed``: the brief's layout; ``noted``:
    the marks of the brief's notes, for the signs on the bars. A Chinese
    SVG keeps its Chinese text even where no local font has its glyphs (its
    reader's browser sets it), laid out as if each glyph were an em wide."""
    with language(analysis.lang):  # Chinese ranges take ～ (issue 24)
        return _render_chart(analysis, fmt, env, printed, noted)


def _render_chart(
    analysis: Analysis, fmt: str, env: Environment, printed: bool, noted: NoteSigns | None = None
) -> tuple[str | bytes, list[str]]:
    doc = mark_unstated(escape_document(analysis.to_dict()), analysis)
    if fmt == "text":
        from nbscdr_cli.render.chart_text import text_chart

        return text_chart(doc, analysis.lang, env), []
    sources = [c._replace(source=escape_controls(c.source)) if c.source else c for c in cited(analysis)]
    fonts = fonts_for(analysis.lang, fmt)  # an SVG keeps Chinese text for the reader's fonts (issue 24)
    layout = PRINTED if printed else SLIDE
    if fonts.lang != analysis.lang:  # a PNG or PDF no font here can show Chinese in: in English
        doc = mark_unstated(escape_document(analysis.to_dict(lang=fonts.lang)), analysis)
        fonts = fonts._replace(use_names=True)
    return draw(doc, fmt, fonts.lang, sources, fonts, layout, noted=noted)


def mark_unstated(doc: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    """``doc`` with each entry whose figure is in CO2e and whose data does not
    say what it counts marked ``co2e_unstated``: it may not be a removal of CO2
    alone (as the notes say), so its bar, and the totals it is part of, carry the
    sign for that."""
    for e, entry in zip(doc["entries"], analysis.result.portfolio.entries, strict=True):
        if not entry.own_figure and "CO2e" in entry.technique.unit and e.get("removal_only") is None:
            e["co2e_unstated"] = True
    return doc


def draw(
    doc: dict[str, Any],
    kind: str,
    lang: str,
    sources: Sequence[str | Cited],
    fonts: Fonts | None = None,
    layout: Layout = SLIDE,
    *,
    em_proxy: bool = False,
    noted: NoteSigns | None = None,
) -> tuple[bytes, list[str]]:
    """Render the chart for ``doc`` (a portfolio document) as bytes in format
    ``kind`` (png, svg, pdf), and the warnings to show the user. ``sources``:
    ``cited(analysis)`` names what each source supports; plain source strings
    (``analysis.sources()``) give a footnote of citations alone. ``fonts``: those
    already chosen for ``lang``. ``em_proxy``: measure Chinese glyphs as an em
    wide (no font at hand has them; the SVG's reader sets them)."""
    fonts = fonts or fonts_for(lang, kind)
    em_proxy = em_proxy or not fonts.measured
    buffer = io.BytesIO()
    with _settings(fonts.families):
        fig, title = _compose(
            doc, fonts.lang, fonts.use_names, sources, layout, em_proxy, fonts.families, noted
        )
        metadata = {"Title": title} if kind in ("svg", "pdf") else {"Title": title, "Software": "nbscdr"}
        fig.savefig(buffer, format=kind, dpi=DPI, metadata=metadata)
    return buffer.getvalue(), fonts.warnings


def figure(
    doc: dict[str, Any], lang: str, sources: Sequence[str | Cited], layout: Layout = SLIDE
) -> tuple[Any, str, list[str]]:
    """The matplotlib figure for ``doc``, its title, and warnings for the user."""
    fonts = fonts_for(lang)
    with _settings(fonts.families):
        fig, title = _compose(doc, fonts.lang, fonts.use_names, sources, layout, families=fonts.families)
    return fig, title, fonts.warnings


def _compose(
    doc: dict[str, Any],
    lang: str,
    use_names: bool,
    sources: Sequence[str | Cited],
    layout: Layout = SLIDE,
    em_proxy: bool = False,
    families: Sequence[str] = (),
    noted: NoteSigns | None = None,
) -> tuple[Any, str]:
    """The chart, laid out: each block (title, bars, axis, legend, key, footnote)
    is measured and given the room it needs, top to bottom, nothing on top of
    anything else. Each line of a bar's name is a tick label of its own, so
    every one is a single line set flush right (in SVG, anchored at its end:
    right whatever font the reader's browser sets it in)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    width, sizes = layout.width, layout.sizes
    fig = Figure(figsize=(width, 6), dpi=DPI)
    FigureCanvasAgg(fig)
    measure = Measure(fig, 1.45 if lang == "zh" else 1.2, sizes, em_proxy, families)  # CJK glyphs are tall
    words = chart_legend.words(doc, lang, use_names, sources, layout.compact, noted)
    chart_bars = bars(doc, lang, use_names, noted)
    rows = len(chart_bars)
    margin = layout.margin
    inner = width - 2 * margin
    pt = 1 / 72
    grey = "#444444"

    # --- the blocks, wrapped to their room and measured
    title = measure.put(words.title if layout.title else "", inner, "title", fontweight="bold", va="top")
    subtitle = measure.put(words.subtitle if layout.title else "", inner, "subtitle", va="top", color=grey)
    names = [measure.wrap(name, NAME_SHARE * width, sizes["tick"]) for name in words.names]
    name_sizes = [measure.block(name, sizes["tick"]) for name in names]
    line_height = measure.lines_height("Ag", sizes["tick"])  # one line of a name, with its leading
    # every row at least as tall as one line of a name and a bar's caption need (an
    # em each: the rows are ours to space, no renderer stacks them); a name wrapped to
    # more lines makes its own row taller, not every row
    em = max(sizes["tick"], sizes["bar"]) * pt
    row = max(layout.row, em + 0.1, em / BAR + 0.04)
    heights = [max(row, h - line_height + em + 0.1) for _, h in name_sizes]
    plot_height = sum(heights)
    low_end, far = _extent(doc, chart_bars)
    tick_width = measure.width(given(far) + "0", sizes["tick"])
    left = margin + max(w for w, _ in name_sizes) + 7 * pt + 0.03  # the tick pad, and slack
    axes_width = width - left - margin - tick_width / 2  # the last tick's label may overhang
    tick_height = measure.lines_height("0123456789", sizes["tick"])
    axis_label = measure.wrap(words.axis, axes_width, sizes["axis"])
    below_axes = 7 * pt + tick_height + 4 * pt + measure.lines_height(axis_label, sizes["axis"]) + 0.04
    legend, legend_height = chart_legend.legend(fig, measure, words, inner, layout.compact)
    key_lines = ["   ".join(words.key)] if layout.compact and words.key else words.key
    key = measure.put(
        "\n".join(measure.wrap(line, inner, sizes["legend"]) for line in key_lines),
        inner,
        "legend",
        va="top",
        wrap=False,
    )
    key.set_gid("nbscdr-key")
    footnote = measure.put(
        "\n".join(measure.wrap(line, inner, sizes["footnote"]) for line in words.footnote)
        if layout.footnote
        else "",
        inner,
        "footnote",
        va="bottom",
        color=grey,
        wrap=False,
    )
    title_height = measure.text_height(title) if layout.title else 0.0
    subtitle_height = measure.text_height(subtitle) + 0.06 if layout.title and words.subtitle else 0.0
    axes_top = margin + title_height + subtitle_height + (GAP + 0.05 if layout.title else 0.0)
    axes_bottom = axes_top + plot_height
    legend_top = axes_bottom + below_axes + layout.gap
    key_top = legend_top + legend_height + (layout.gap / 2 if words.key else 0.0)
    key_height = measure.text_height(key) if words.key else 0.0
    footnote_height = measure.text_height(footnote) + GAP if layout.footnote else 0.0
    # a whole number of the PNG's pixels, so every format is the same size
    height = math.ceil((key_top + key_height + footnote_height + margin) * DPI - 1e-6) / DPI
    fig.set_size_inches(width, height)

    title.set_position((margin / width, 1 - margin / height))
    subtitle.set_position((margin / width, 1 - (margin + title_height + 0.06) / height))
    legend.set_bbox_to_anchor((margin / width, 1 - legend_top / height), transform=fig.transFigure)
    key.set_position((margin / width, 1 - key_top / height))
    footnote.set_position((margin / width, margin / height))
    ax = fig.add_axes((left / width, 1 - axes_bottom / height, axes_width / width, plot_height / height))

    # --- an x axis long enough for each bar's label to end inside it
    offset = 4 * pt  # between a bar's end and its label
    reach = max(far - low_end, 1e-12)
    for b, caption in zip(chart_bars, words.captions, strict=True):
        room = axes_width - offset - measure.width(caption, sizes["bar"]) - 0.08
        if room > 0.2 * axes_width:
            reach = max(reach, (b.high - low_end) * axes_width / room)
        else:  # a caption longer than the axis is wide: the bar gets a fifth of it
            reach = max(reach, (b.high - low_end) * 5)
    if far == low_end:
        reach = 1.0

    # --- the bars, top to bottom (y in inches from the axes' foot)
    ys = [plot_height - sum(heights[:i]) - heights[i] / 2 for i in range(rows)]
    for i, (y, b, caption) in enumerate(zip(ys, chart_bars, words.captions, strict=True)):
        reference = b.kind == "reference"
        ax.barh(
            y,
            b.high - b.low,
            left=b.low,
            height=BAR * row,
            color=SHADES[b.reference % len(SHADES)] if reference else COLOURS[b.kind],
            hatch="///" if b.up_to else None,
            edgecolor=REFERENCE_EDGE if reference else EDGE,
            linewidth=0.8,
            zorder=2,
        )
        ax.annotate(
            caption,
            (b.high, y),
            xytext=(offset * 72, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=sizes["bar"],
            parse_math=False,
            annotation_clip=False,
            gid=f"nbscdr-bar-{i}",
            zorder=4,
        )
    p = percentiles(doc)
    if p:
        p5, p50, p95 = p
        total = ys[[b.kind for b in chart_bars].index("total")]
        ax.errorbar(
            [p50],
            [total],
            xerr=[[p50 - p5], [p95 - p50]],
            fmt="|",
            color="black",
            markersize=7,
            markeredgewidth=1.4,
            capsize=3,
            linewidth=1.2,
            zorder=3,
        )

    # --- the axes
    ax.set_xlim(low_end, low_end + reach)
    ax.set_ylim(0, plot_height)
    step = line_height * measure.linespacing  # one line of a name
    positions, lines = [], []
    for y, name in zip(ys, names, strict=True):
        parts = name.split("\n")
        for k, part in enumerate(parts):
            positions.append(y + ((len(parts) - 1) / 2 - k) * step)
            lines.append(part)
    ax.set_yticks(positions, lines, fontsize=sizes["tick"], parse_math=False)
    ax.tick_params(axis="y", length=0, pad=7)
    ticks = max(2, int(axes_width / (tick_width + 0.25)))  # a gap of a quarter inch at least
    ax.xaxis.set_major_locator(MaxNLocator(nbins=ticks, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: given(value)))  # as the bars are labelled
    ax.tick_params(axis="x", labelsize=sizes["tick"], length=3.5, pad=3.5)
    ax.set_xlabel(
        axis_label, fontsize=sizes["axis"], labelpad=4, parse_math=False, linespacing=measure.linespacing
    )
    ax.grid(axis="x", alpha=0.3, zorder=1)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, words.title


def _extent(doc: dict[str, Any], chart_bars: list[Bar]) -> tuple[float, float]:
    """The lowest and highest values the chart must show."""
    low = min([0.0] + [b.low for b in chart_bars])
    high = max([b.high for b in chart_bars] + list(percentiles(doc) or ()))
    return low, max(high, low)
