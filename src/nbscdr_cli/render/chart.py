"""Charts of a portfolio, fit for a slide: low–high bars per entry, for the total
and for the subtotal each scoped reference is compared with; the reference bands
shaded; a legend with units in a band of its own under the axis; the sources in a
footnote, one line per source naming what it supports.

``draw`` writes PNG, SVG (text kept as text) or PDF with matplotlib, without
pyplot (its global state is not ours to change). What the chart shows is
``chart_model`` (the terminal's bars in ``chart_text`` show the same); how
matplotlib is set up and which fonts it uses, ``chart_fonts``.

The layout is computed, not left to chance: every text is measured with the
renderer that draws it, names and the footnote are wrapped to the room they have,
the figure grows to fit them, and the x axis reaches far enough that each bar's
label ends inside it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.api.wording import potential_name, unit_text
from nbscdr_cli.base.i18n import N_, _
from nbscdr_cli.base.numbers import derived, given
from nbscdr_cli.render.chart_fonts import Fonts, fonts_for
from nbscdr_cli.render.chart_model import Bar, Cited, band_label, bars, cited, co2, source_lines
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
ROW = 0.42  # the least height of one bar's row
BAR = 0.6  # bar thickness, as a share of a row
MAX_WORD = 300  # characters of one word measured at most: more never fit on a 10-inch chart
MAX_MEASURED = 1000  # characters of a line measured at most, for the same reason
NAME_SHARE = 0.36  # the most of the width a bar's name may take before it wraps
SIZES = {"title": 14, "subtitle": 10, "tick": 10, "bar": 9, "axis": 10, "legend": 9, "footnote": 7.5}
COLOURS = {"entry": "#7fcdbb", "total": "#2c7fb8", "in-scope": "#41ae76"}
EDGE = "#225e86"
SHADES = ["#fdae61", "#abd9e9", "#d7b5d8"]
BAND_ALPHA = 0.35


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


def render_chart(analysis: Analysis, fmt: str, env: Environment) -> tuple[str | bytes, list[str]]:
    """The chart of ``analysis`` in ``fmt`` (text for the terminal, png, svg or
    pdf), and warnings for the user."""
    doc = escape_document(analysis.to_dict())
    if fmt == "text":
        from nbscdr_cli.render.chart_text import text_chart

        return text_chart(doc, analysis.lang, env), []
    sources = [c._replace(source=escape_controls(c.source)) if c.source else c for c in cited(analysis)]
    fonts = fonts_for(analysis.lang)
    if fonts.lang != analysis.lang:  # no font can show Chinese: the whole chart in English
        doc = escape_document(analysis.to_dict(lang=fonts.lang))
        fonts = fonts._replace(use_names=True)
    return draw(doc, fmt, fonts.lang, sources, fonts)


def draw(
    doc: dict[str, Any], kind: str, lang: str, sources: Sequence[str | Cited], fonts: Fonts | None = None
) -> tuple[bytes, list[str]]:
    """Render the chart for ``doc`` (a portfolio document) as bytes in format
    ``kind`` (png, svg, pdf), and the warnings to show the user. ``sources``:
    ``cited(analysis)`` names what each source supports; plain source strings
    (``analysis.sources()``) give a footnote of citations alone. ``fonts``: those
    already chosen for ``lang``."""
    fonts = fonts or fonts_for(lang)
    buffer = io.BytesIO()
    with _settings(fonts.families):
        fig, title = _compose(doc, fonts.lang, fonts.use_names, sources)
        metadata = {"Title": title} if kind in ("svg", "pdf") else {"Title": title, "Software": "nbscdr"}
        fig.savefig(buffer, format=kind, dpi=DPI, metadata=metadata)
    return buffer.getvalue(), fonts.warnings


def figure(doc: dict[str, Any], lang: str, sources: Sequence[str | Cited]) -> tuple[Any, str, list[str]]:
    """The matplotlib figure for ``doc``, its title, and warnings for the user."""
    fonts = fonts_for(lang)
    with _settings(fonts.families):
        fig, title = _compose(doc, fonts.lang, fonts.use_names, sources)
    return fig, title, fonts.warnings


class _Measure:
    """Text sizes in inches, as the renderer that draws the chart sees them."""

    def __init__(self, fig: Any, linespacing: float) -> None:
        self.fig = fig
        self.renderer = fig.canvas.get_renderer()
        self.linespacing = linespacing
        self._widths: dict[tuple[str, float], float] = {}

    def put(self, label: str, room: float, role: str, **style: Any) -> Any:
        """A text of the figure's, wrapped to ``room``, in the size for ``role``
        (title, subtitle, foot); the caller places it."""
        wrapped = self.wrap(label, room, SIZES[role]) if style.pop("wrap", True) else label
        return self.fig.text(
            0,
            0,
            wrapped,
            fontsize=SIZES[role],
            ha="left",
            parse_math=False,
            linespacing=self.linespacing,
            gid=f"nbscdr-{role}",
            **style,
        )

    def size(self, artist: Any) -> tuple[float, float]:
        box = artist.get_window_extent(self.renderer)
        return box.width / self.fig.dpi, box.height / self.fig.dpi

    def block(self, label: str, points: float) -> tuple[float, float]:
        """The size of ``label`` (lines and all) set in ``points``."""
        probe = self.fig.text(0, 0, label, fontsize=points, parse_math=False, linespacing=self.linespacing)
        try:
            return self.size(probe)
        finally:
            probe.remove()

    def width(self, label: str, points: float) -> float:
        """The width of one line of ``label`` set in ``points`` (of its first
        MAX_MEASURED characters: more are wider than the chart anyway)."""
        label = label[:MAX_MEASURED]
        key = (label, points)
        if key not in self._widths:
            from matplotlib.font_manager import FontProperties

            w, _, _ = self.renderer.get_text_width_height_descent(
                label, FontProperties(size=points), ismath=False
            )
            self._widths[key] = float(w) / float(self.fig.dpi)
        return self._widths[key]

    def wrap(self, label: str, room: float, points: float) -> str:
        """``label`` in lines no wider than ``room``: broken between words, and
        between Chinese characters (never before their closing punctuation)."""
        lines = []
        for paragraph in label.split("\n"):
            if self.width(paragraph, points) <= room:  # most do: measure once
                lines.append(paragraph)
                continue
            tokens = re.findall(
                r"[\u2e80-\u9fff\uf900-\ufaff][、，。：；）”]*|[（“][^\s]|\S+\s*|\s+", paragraph
            )
            line = ""
            for token in tokens:
                if len(token) > MAX_WORD or self.width(token.rstrip(), points) > room:  # too wide: cut
                    token = self.cut(token.rstrip(), room, points)
                trial = line + token
                if line and self.width(trial.rstrip(), points) > room:
                    lines.append(line.rstrip())
                    line = token.lstrip()
                else:
                    line = trial
            lines.append(line.rstrip())
        return "\n".join(lines)

    def cut(self, word: str, room: float, points: float) -> str:
        """The longest start of ``word`` that fits ``room`` with an ellipsis
        after it. Words are cut to MAX_WORD characters before any is measured,
        so a name of megabytes costs no more than one of a line."""
        word = word[:MAX_WORD]
        low, high = 0, len(word)
        while low < high:  # the most characters that fit
            middle = (low + high + 1) // 2
            if self.width(word[:middle] + "…", points) <= room:
                low = middle
            else:
                high = middle - 1
        return word[: max(low, 1)] + "…"


class _Words(NamedTuple):
    """Everything the chart says, in its language, before it is laid out."""

    title: str
    subtitle: str
    names: list[str]  # each bar's, wrapped to the room names have
    captions: list[str]  # each bar's figure and marks
    axis: str
    handles: list[Any]
    legend: list[str]
    footnote: list[str]


def _words(doc: dict[str, Any], lang: str, use_names: bool, sources: Sequence[str | Cited]) -> _Words:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    unit = co2(unit_text(doc["unit"], lang))
    chart_bars = bars(doc, lang, use_names)
    title = _("Nature-based CO2 removal potential", lang) + (
        _(": ", lang) + doc["name"] if doc.get("name") else ""
    )
    assessment = (doc.get("assessment_name") or {}).get(lang) or doc.get("assessment") or ""
    potential = potential_name(doc.get("potential", "technical"), lang)
    key = N_("{assessment}, {potential} potential") if assessment else N_("Potential: {potential}")
    subtitle = _(key, lang, assessment=assessment, potential=potential)

    handles: list[Any] = [Patch(facecolor=COLOURS["entry"], edgecolor=EDGE)]
    legend = [_("Technique, low–high ({unit})", lang, unit=unit)]
    handles.append(Patch(facecolor=COLOURS["total"], edgecolor=EDGE))
    legend.append(_("Total, low–high ({unit})", lang, unit=unit))
    if any(b.kind == "in-scope" for b in chart_bars):
        handles.append(Patch(facecolor=COLOURS["in-scope"], edgecolor=EDGE))
        legend.append(_("Subtotal in a reference's scope, low–high ({unit})", lang, unit=unit))
    if any(b.up_to for b in chart_bars):
        handles.append(Patch(facecolor=COLOURS["entry"], edgecolor=EDGE, hatch="///"))
        legend.append(_("No lower bound given: low end counted as 0 {unit}", lang, unit=unit))
    for i, c in enumerate(doc["comparisons"]):
        handles.append(Patch(facecolor=SHADES[i % len(SHADES)], alpha=BAND_ALPHA, edgecolor="none"))
        legend.append(band_label(c, lang, unit))
    p = _percentiles(doc)
    if p:
        handles.append(Line2D([], [], color="black", marker="o", markersize=4, linewidth=1.2))
        u = doc["uncertainty"]
        samples = given(u["samples"]) if u["samples"] is not None else None
        p5, p50, p95 = (derived(v) for v in p)
        key = (
            N_("Total, {samples} Monte Carlo draws: P5 {p5}, P50 {p50}, P95 {p95} {unit}")
            if samples is not None
            else N_("Total, by exact convolution: P5 {p5}, P50 {p50}, P95 {p95} {unit}")
        )
        legend.append(_(key, lang, samples=samples, p5=p5, p50=p50, p95=p95, unit=unit))
    return _Words(
        title=co2(title),
        subtitle=co2(subtitle),
        names=[co2(b.label) for b in chart_bars],
        captions=[co2(b.caption(lang)) for b in chart_bars],
        axis=co2(_("{what} ({unit})", lang, what=_("Removal potential", lang), unit=unit)),
        handles=handles,
        legend=[co2(label) for label in legend],
        footnote=[co2(line) for line in [_("Sources", lang), *source_lines(doc, sources, lang, use_names)]],
    )


def _percentiles(doc: dict[str, Any]) -> tuple[float, float, float] | None:
    """The total's 5th, 50th and 95th percentiles, with Monte Carlo."""
    found = (doc.get("uncertainty") or {}).get("percentiles") or {}
    if not all(p in found for p in ("5", "50", "95")):
        return None
    return found["5"], found["50"], found["95"]


def _compose(
    doc: dict[str, Any], lang: str, use_names: bool, sources: Sequence[str | Cited]
) -> tuple[Any, str]:
    """The chart, laid out: each block (title, bars, axis, legend, footnote) is
    measured and given the room it needs, top to bottom, nothing on top of
    anything else."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fig = Figure(figsize=(WIDTH, 6), dpi=DPI)
    FigureCanvasAgg(fig)
    measure = _Measure(fig, linespacing=1.45 if lang == "zh" else 1.2)  # CJK glyphs are tall
    words = _words(doc, lang, use_names, sources)
    chart_bars = bars(doc, lang, use_names)
    rows = len(chart_bars)
    inner = WIDTH - 2 * MARGIN
    pt = 1 / 72
    grey = "#444444"

    # --- the blocks, wrapped to their room and measured
    title = measure.put(words.title, inner, "title", fontweight="bold", va="top")
    subtitle = measure.put(words.subtitle, inner, "subtitle", va="top", color=grey)
    names = [measure.wrap(name, NAME_SHARE * WIDTH, SIZES["tick"]) for name in words.names]
    name_sizes = [measure.block(name, SIZES["tick"]) for name in names]
    caption_height = max(measure.block(c, SIZES["bar"])[1] for c in words.captions)
    row = max(ROW, max(h for _, h in name_sizes) + 0.14, caption_height / BAR + 0.04)
    low_end, far = _extent(doc, chart_bars)
    tick_width = measure.width(derived(far) + "0", SIZES["tick"])
    left = MARGIN + max(w for w, _ in name_sizes) + 7 * pt + 0.03  # the tick pad, and slack
    axes_width = WIDTH - left - MARGIN - tick_width / 2  # the last tick's label may overhang
    tick_height = measure.block("0123456789", SIZES["tick"])[1]
    axis_label = measure.wrap(words.axis, axes_width, SIZES["axis"])
    below_axes = 7 * pt + tick_height + 4 * pt + measure.block(axis_label, SIZES["axis"])[1] + 0.04
    legend = _legend(fig, measure, words, inner)
    footnote = measure.put(
        "\n".join(measure.wrap(line, inner, SIZES["footnote"]) for line in words.footnote),
        inner,
        "footnote",
        va="bottom",
        color=grey,
        wrap=False,
    )
    title_height = measure.size(title)[1]
    subtitle_height = measure.size(subtitle)[1] + 0.06 if words.subtitle else 0.0
    axes_top = MARGIN + title_height + subtitle_height + GAP + 0.05
    axes_bottom = axes_top + rows * row
    legend_top = axes_bottom + below_axes + GAP
    height = legend_top + measure.size(legend)[1] + GAP + measure.size(footnote)[1] + MARGIN
    fig.set_size_inches(WIDTH, height)

    title.set_position((MARGIN / WIDTH, 1 - MARGIN / height))
    subtitle.set_position((MARGIN / WIDTH, 1 - (MARGIN + title_height + 0.06) / height))
    legend.set_bbox_to_anchor((MARGIN / WIDTH, 1 - legend_top / height), transform=fig.transFigure)
    footnote.set_position((MARGIN / WIDTH, MARGIN / height))
    ax = fig.add_axes((left / WIDTH, 1 - axes_bottom / height, axes_width / WIDTH, rows * row / height))

    # --- an x axis long enough for each bar's label to end inside it
    offset = 4 * pt  # between a bar's end and its label
    reach = max(far - low_end, 1e-12)
    for b, caption in zip(chart_bars, words.captions, strict=True):
        room = axes_width - offset - measure.width(caption, SIZES["bar"]) - 0.08
        if room > 0.2 * axes_width:
            reach = max(reach, (b.high - low_end) * axes_width / room)
        else:  # a caption longer than the axis is wide: the bar gets a fifth of it
            reach = max(reach, (b.high - low_end) * 5)
    if far == low_end:
        reach = 1.0

    # --- the bars
    ys = list(range(rows))[::-1]
    for i, c in enumerate(doc["comparisons"]):
        ax.axvspan(
            c["low"], c["high"], color=SHADES[i % len(SHADES)], alpha=BAND_ALPHA, zorder=0, linewidth=0
        )
    for i, (y, b, caption) in enumerate(zip(ys, chart_bars, words.captions, strict=True)):
        ax.barh(
            y,
            b.high - b.low,
            left=b.low,
            height=BAR,
            color=COLOURS[b.kind],
            hatch="///" if b.up_to else None,
            edgecolor=EDGE,
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
            fontsize=SIZES["bar"],
            parse_math=False,
            annotation_clip=False,
            gid=f"nbscdr-bar-{i}",
            zorder=4,
        )
    p = _percentiles(doc)
    if p:
        p5, p50, p95 = p
        total = ys[[b.kind for b in chart_bars].index("total")]
        ax.errorbar(
            [p50],
            [total],
            xerr=[[p50 - p5], [p95 - p50]],
            fmt="o",
            color="black",
            markersize=4,
            capsize=4,
            linewidth=1.2,
            zorder=3,
        )

    # --- the axes
    ax.set_xlim(low_end, low_end + reach)
    ax.set_ylim(-0.5, rows - 0.5)
    ax.set_yticks(ys, names, fontsize=SIZES["tick"], parse_math=False, linespacing=measure.linespacing)
    ax.tick_params(axis="y", length=0, pad=7)
    ticks = max(2, int(axes_width / (tick_width + 0.25)))  # a gap of a quarter inch at least
    ax.xaxis.set_major_locator(MaxNLocator(nbins=ticks, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: given(value)))  # as the bars are labelled
    ax.tick_params(axis="x", labelsize=SIZES["tick"], length=3.5, pad=3.5)
    ax.set_xlabel(
        axis_label, fontsize=SIZES["axis"], labelpad=4, parse_math=False, linespacing=measure.linespacing
    )
    ax.grid(axis="x", alpha=0.3, zorder=1)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, words.title


def _extent(doc: dict[str, Any], chart_bars: list[Bar]) -> tuple[float, float]:
    """The lowest and highest values the chart must show."""
    bands = doc["comparisons"]
    low = min([0.0] + [b.low for b in chart_bars] + [c["low"] for c in bands])
    high = max([b.high for b in chart_bars] + [c["high"] for c in bands] + list(_percentiles(doc) or ()))
    return low, max(high, low)


def _legend(fig: Any, measure: _Measure, words: _Words, inner: float) -> Any:
    """The legend in two columns where its entries fit, else one, each entry
    wrapped to its column; placed under the axis by the caller."""
    size = SIZES["legend"]
    em = size / 72
    handle = (2.0 + 0.8) * em  # handlelength + handletextpad
    two = (inner - 2.0 * em) / 2 - handle  # a column's room for text, with columnspacing between
    columns = 2 if max(measure.width(label, size) for label in words.legend) <= two else 1
    room = (two if columns == 2 else inner - handle) - 0.05
    legend = fig.legend(
        words.handles,
        [measure.wrap(label, room, size) for label in words.legend],
        loc="upper left",
        ncols=columns,
        fontsize=size,
        frameon=False,
        borderaxespad=0,
        borderpad=0,
        handlelength=2.0,
        handletextpad=0.8,
        columnspacing=2.0,
    )
    legend.set_gid("nbscdr-legend")
    for t in legend.get_texts():
        t.set_parse_math(False)
        t.set_linespacing(measure.linespacing)
    return legend
