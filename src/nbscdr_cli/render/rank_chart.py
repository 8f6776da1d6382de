"""A ranking as a chart (``nbscdr rank ... -o rank.png``): one row per country or region,
largest first, its low–high range as a bar and its central value as a mark, AR6's figure
for a region drawn as a band on its row; the unit in the axis label and the legend,
the sources in a footnote. Laid out with the portfolio chart's tools (``chart``): every
text measured, the figure as tall as its rows.
"""

from __future__ import annotations

import io
from typing import Any

from nbscdr_cli.api.wording import citation, unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import derived, span
from nbscdr_cli.render.chart import DPI, MARGIN, SIZES, WIDTH, _settings
from nbscdr_cli.render.chart_fonts import fonts_for
from nbscdr_cli.render.chart_legend import COLOURS, EDGE, SHADES
from nbscdr_cli.render.chart_measure import Measure
from nbscdr_cli.render.environment import Environment
from nbscdr_cli.render.escape import escape_document
from nbscdr_cli.render.region_tables import rank_title

ROE_CITATION = (
    "Roe et al. (2021), Land-based measures to mitigate climate change: potential and feasibility by "
    "country, Global Change Biology, doi:10.1111/gcb.15873, supplementary information"
)
AR6_REGIONS = "IPCC (2022), AR6 WGIII, Chapter 7, section 7.4.2.2 (Roe et al. 2021)"
MOST_ROWS = 30  # a slide holds no more; the footnote says how many were left out
ROW = 0.3  # inches per row


def render_rank_chart(doc: dict[str, Any], fmt: str, lang: str, env: Environment) -> tuple[bytes, list[str]]:
    """The ranking ``doc`` (``api.ranking``) as ``fmt`` (png, svg, pdf), and warnings
    for the user (no font with Chinese glyphs: the chart in English)."""
    doc = escape_document(doc)
    fonts = fonts_for(lang)
    buffer = io.BytesIO()
    with _settings(fonts.families):
        fig, title = _compose(doc, fonts.lang)
        fig.savefig(buffer, format=fmt, dpi=DPI, metadata={"Title": title})
    return buffer.getvalue(), fonts.warnings


def _name(item: dict[str, Any], lang: str) -> str:
    return str(item.get(lang) or item["en"])


def _compose(doc: dict[str, Any], lang: str) -> tuple[Any, str]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    rows = doc["rows"][:MOST_ROWS]
    fig = Figure(figsize=(WIDTH, 6), dpi=DPI)
    FigureCanvasAgg(fig)
    measure = Measure(fig, linespacing=1.45 if lang == "zh" else 1.2, sizes=SIZES)
    inner = WIDTH - 2 * MARGIN
    unit = unit_text(doc["unit"], lang)
    grey = "#444444"

    title_text = rank_title(doc, lang)
    # bold is wider than the measure's regular weight: a tenth of the room to spare
    title = measure.put(title_text, inner * 0.9, "title", fontweight="bold", va="top")
    names = [f"{r['rank']}. {_name(r['name'], lang)}" + (" *" if r["missing"] else "") for r in rows]
    name_width = max(measure.width(n, SIZES["tick"]) for n in names) if names else 1.0
    captions = [_caption(r) for r in rows]
    footnote_lines = _footnote(doc, lang, len(rows))
    footnote = measure.put(
        "\n".join(measure.wrap(line, inner, SIZES["footnote"]) for line in footnote_lines),
        inner,
        "footnote",
        va="bottom",
        color=grey,
        wrap=False,
    )
    handles = [
        Patch(
            facecolor=COLOURS["total"],
            edgecolor=EDGE,
            label=_("low–high range", lang) + _(" ({text})", lang, text=unit),
        )
    ]
    handles.append(
        _central_handle(
            _("central value: the average of two studies or one study's figure", lang)
            + _(" ({text})", lang, text=unit)
        )
    )
    compared = any(r["comparisons"] for r in rows)
    if compared:
        handles.append(
            Patch(
                facecolor=SHADES[0],
                alpha=0.5,
                edgecolor="none",
                label=_("IPCC AR6 figure for the region", lang) + _(" ({text})", lang, text=unit),
            )
        )
    legend = fig.legend(handles=handles, loc="upper left", fontsize=SIZES["legend"], frameon=False, ncols=1)
    title_height = measure.size(title)[1]
    left = MARGIN + name_width + 0.12
    caption_width = max(measure.width(c, SIZES["bar"]) for c in captions) if captions else 0.5
    axes_width = WIDTH - left - MARGIN
    axes_top = MARGIN + title_height + 0.2
    axes_height = max(len(rows), 1) * ROW
    axis_block = 0.55
    legend_height = measure.size(legend)[1]
    height = axes_top + axes_height + axis_block + legend_height + 0.15 + measure.size(footnote)[1] + MARGIN
    fig.set_size_inches(WIDTH, height)
    title.set_position((MARGIN / WIDTH, 1 - MARGIN / height))
    legend.set_bbox_to_anchor(
        (MARGIN / WIDTH, 1 - (axes_top + axes_height + axis_block) / height), transform=fig.transFigure
    )
    footnote.set_position((MARGIN / WIDTH, MARGIN / height))
    ax = fig.add_axes(
        (left / WIDTH, 1 - (axes_top + axes_height) / height, axes_width / WIDTH, axes_height / height)
    )

    far = max([r["high"] for r in rows] + [c["high"] for r in rows for c in r["comparisons"]] + [0.0])
    # room on the right for the longest caption, at the scale of the bars
    reach = far / max(1e-9, 1 - (caption_width + 0.1) / axes_width) if far > 0 else 1.0
    ax.set_xlim(0, reach)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for i, (r, caption) in enumerate(zip(rows, captions, strict=True)):
        for c in r["comparisons"]:
            width = max(c["high"] - c["low"], reach * 0.004)
            ax.barh(
                i, width, left=c["low"], height=0.9, color=SHADES[0], alpha=0.5, edgecolor="none", zorder=1
            )
        ax.barh(
            i,
            max(r["high"] - r["low"], reach * 0.003),
            left=r["low"],
            height=0.55,
            color=COLOURS["total"],
            edgecolor=EDGE,
            linewidth=0.6,
            zorder=2,
        )
        ax.plot([r["central"]], [i], marker="|", markersize=11, color="black", zorder=3)
        ax.text(
            max([r["high"], *(c["high"] for c in r["comparisons"])]) + reach * 0.01,
            i,
            caption,
            va="center",
            fontsize=SIZES["bar"],
            parse_math=False,
        )
    ax.set_yticks(range(len(rows)), names, fontsize=SIZES["tick"])
    ax.tick_params(axis="x", labelsize=SIZES["tick"])
    ax.set_xlabel(unit, fontsize=SIZES["axis"])
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.5, zorder=0)
    return fig, title_text


def _caption(row: dict[str, Any]) -> str:
    """'655 (625–685)': the central value, and the range where it shows as one."""
    central, band = derived(row["central"]), span(row["low"], row["high"])
    return central if band == central else f"{central} ({band})"


def _central_handle(label: str) -> Any:
    from matplotlib.lines import Line2D

    return Line2D([], [], color="black", marker="|", markersize=11, linestyle="none", label=label)


def _footnote(doc: dict[str, Any], lang: str, shown: int) -> list[str]:
    """What the chart rests on: Roe et al. (2021), AR6 where its figures are drawn,
    how many rows are shown, and what the marks mean."""
    lines = []
    if shown < doc["ranked"]:
        lines.append(_("The first {n} of {all} shown.", lang, n=shown, all=doc["ranked"]))
    if any(r["missing"] for r in doc["rows"][:shown]):
        lines.append(
            _(
                "Marked *: no figure in the SI for some of the entries there (a blank is no figure, not 0).",
                lang,
            )
        )
    lines.append(_("Sources", lang))
    lines.append(citation(ROE_CITATION, lang))
    if any(r["comparisons"] for r in doc["rows"][:shown]):
        lines.append(
            _("IPCC AR6 figures for the regions: {source}", lang, source=citation(AR6_REGIONS, lang))
        )
    return lines
