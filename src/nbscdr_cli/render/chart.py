"""Charts of a portfolio: low–high bars per entry and for the total, the UNEP band
shaded, units on the axis, sources in a footnote.

``draw`` writes PNG, SVG or PDF with matplotlib (Agg backend), imported here only:
it costs ~340 ms. ``text_chart`` draws the same bars in a terminal.

Chinese labels need a font with CJK glyphs. nbscdr ships none; it looks for one
among the fonts matplotlib knows (e.g. Debian's fonts-noto-cjk) and, if there is
none, labels the bars with technique ids and says so.
"""

from __future__ import annotations

import io
import os
import tempfile
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nbscdr_cli.environment import Environment
from nbscdr_cli.render.labels import text
from nbscdr_cli.render.text import fmt

if TYPE_CHECKING:
    from nbscdr_cli.analysis import Analysis

CHART_FORMATS = ("png", "svg", "pdf")  # files; on stdout the chart is text (range bars)
CJK_SAMPLE = "造林"
CJK_HINTS = (
    "cjk",
    "han sans",
    "han serif",
    "hei",
    "song",
    "ming",
    "kai",
    "wenquanyi",
    "pingfang",
    "yahei",
    "fallback",
)


def _prepare_matplotlib() -> Any:
    """Import matplotlib with the Agg backend and a writable config folder (a
    read-only HOME must not matter), quietly."""
    import logging
    import warnings

    # matplotlib's warnings (a missing glyph, a font substituted) are not the
    # user's concern on stderr; the one that is (no CJK font) is ours.
    warnings.filterwarnings("ignore", category=UserWarning, module="matplotlib")
    if not os.environ.get("MPLCONFIGDIR"):
        from nbscdr_cli.locations import cache_folder

        folder = cache_folder()
        target = folder / "matplotlib" if folder else None
        try:
            assert target is not None
            target.mkdir(parents=True, exist_ok=True)
            probe = target / ".probe"
            probe.write_text("", encoding="utf-8")
            probe.unlink()
        except (AssertionError, OSError):
            import atexit
            import shutil

            target = Path(tempfile.mkdtemp(prefix="nbscdr-mpl-"))
            atexit.register(shutil.rmtree, target, ignore_errors=True)  # leave no temporary files
        os.environ["MPLCONFIGDIR"] = str(target)
    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib").setLevel(logging.ERROR)
    import matplotlib.pyplot as plt

    return plt


def find_cjk_font() -> str | None:
    """The family name of an installed font that has Chinese glyphs, or None."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    wanted = [ord(ch) for ch in CJK_SAMPLE]

    def has_glyphs(path: str) -> bool:
        try:
            charmap = FT2Font(path).get_charmap()
        except Exception:  # an unreadable font file is just not a candidate
            return False
        return all(code in charmap for code in wanted)

    for entry in font_manager.fontManager.ttflist:
        if any(hint in entry.name.lower() for hint in CJK_HINTS) and has_glyphs(entry.fname):
            return str(entry.name)
    # matplotlib's font list is cached and misses fonts installed since; ask
    # fontconfig, where there is one, for fonts that cover Chinese.
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listed = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    paths = [line.strip().rstrip(":") for line in listed.splitlines()]
    for path in sorted(paths, key=lambda p: ("Regular" not in p, "Bold" in p or "Light" in p, p)):
        if path and has_glyphs(path):
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    return None


def _bars(doc: dict[str, Any], lang: str, use_names: bool) -> list[tuple[str, float, float, bool]]:
    """(label, low, high, up_to) for each entry, then the total."""
    bars = [
        (e["name"] if use_names else e["technique"], e["low"], e["high"], e["up_to"]) for e in doc["entries"]
    ]
    bars.append((text("total", lang), doc["total"]["low"], doc["total"]["high"], False))
    return bars


def render_chart(analysis: Analysis, fmt: str, env: Environment) -> tuple[str | bytes, list[str]]:
    """The chart of ``analysis`` in ``fmt`` (text for the terminal, png, svg or
    pdf), and warnings for the user."""
    doc = analysis.to_dict()
    if fmt == "text":
        return text_chart(doc, analysis.lang, env), []
    return draw(doc, fmt, analysis.lang, analysis.sources())


def draw(doc: dict[str, Any], kind: str, lang: str, sources: Sequence[str]) -> tuple[bytes, list[str]]:
    """Render the chart for ``doc`` (a portfolio document) as bytes in format
    ``kind`` (png, svg, pdf), and the warnings to show the user."""
    fig, title, warnings = figure(doc, lang, sources)
    buffer = io.BytesIO()
    metadata = {"Title": title} if kind in ("svg", "pdf") else {"Title": title, "Software": "nbscdr"}
    fig.savefig(buffer, format=kind, dpi=150, metadata=metadata)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buffer.getvalue(), warnings


def figure(doc: dict[str, Any], lang: str, sources: Sequence[str]) -> tuple[Any, str, list[str]]:
    """The matplotlib figure for ``doc``, its title, and warnings for the user."""
    plt = _prepare_matplotlib()
    warnings: list[str] = []
    use_names = True
    if lang == "zh":
        font = find_cjk_font()
        if font is None:
            use_names = False
            warnings.append("no installed font has Chinese glyphs; labelling the bars with technique ids")
            lang_for_text = "en"
        else:
            plt.rcParams["font.family"] = [font, "DejaVu Sans"]
            lang_for_text = "zh"
    else:
        lang_for_text = "en"
    bars = _bars(doc, lang_for_text, use_names)
    unit = doc["unit"]
    height = 1.6 + 0.45 * len(bars)
    fig, ax = plt.subplots(figsize=(8.5, height + 1.2))
    ys = list(range(len(bars)))[::-1]
    for y, (name, low, high, up_to) in zip(ys, bars, strict=True):
        is_total = name == text("total", lang_for_text)
        ax.barh(
            y,
            high - low,
            left=low,
            height=0.6,
            color="#2c7fb8" if is_total else "#7fcdbb",
            hatch="//" if up_to else None,
            edgecolor="#225e86",
        )
        ax.text(high, y, f"  {fmt(low)}–{fmt(high)}", va="center", fontsize=8)
    shades = ["#fdae61", "#abd9e9", "#d7b5d8"]
    for i, c in enumerate(doc["comparisons"]):
        name = (c["name"] or {}).get(lang_for_text) or c["reference"]
        ax.axvspan(
            c["low"],
            c["high"],
            color=shades[i % len(shades)],
            alpha=0.3,
            zorder=0,
            label=f"{name}: {fmt(c['low'])}–{fmt(c['high'])}",
        )
    if any(b[3] for b in bars):
        from matplotlib.patches import Patch

        ax.add_artist(
            ax.legend(
                handles=[
                    Patch(
                        facecolor="#7fcdbb",
                        edgecolor="#225e86",
                        hatch="//",
                        label=text("up_to_legend", lang_for_text),
                    )
                ],
                loc="center right",
                fontsize=7,
                framealpha=0.9,
            )
        )
    if "uncertainty" in doc:
        u = doc["uncertainty"]
        p = u["percentiles"]
        ax.errorbar(
            [p["50"]],
            [ys[-1]],
            xerr=[[p["50"] - p["5"]], [p["95"] - p["50"]]],
            fmt="o",
            color="black",
            capsize=4,
            label=f"P5–P50–P95 ({text('method.' + u['method'], lang_for_text)})",
        )
    ax.legend(loc="upper right", fontsize=7, framealpha=0.9)
    ax.set_yticks(ys, [b[0] for b in bars])
    ax.set_xlabel(f"{text('chart_axis', lang_for_text)} ({unit})")
    title = text("chart_title", lang_for_text) + (f": {doc['name']}" if doc["name"] else "")
    ax.set_title(title)
    ax.set_xlim(left=0)
    ax.margins(x=0.15)
    ax.grid(axis="x", alpha=0.3)
    note = text("source", lang_for_text) + ": " + "; ".join(sources)
    wrapped = "\n".join(textwrap.wrap(note, 150)[:6])
    fig.text(0.01, 0.01, wrapped, fontsize=6, va="bottom", ha="left", wrap=True)
    fig.tight_layout(rect=(0, 0.04 + 0.02 * wrapped.count("\n"), 1, 1))
    return fig, title, warnings


def text_chart(doc: dict[str, Any], lang: str, env: Environment) -> str:
    """Range bars for a terminal: one line per entry and the total, on a common
    scale, with the reference ranges marked beneath."""
    width, ascii_only = env.width, not env.unicode
    bars = _bars(doc, lang, True)
    top: float = max([b[2] for b in bars] + [c["high"] for c in doc["comparisons"]] + [1e-12])
    label_width = min(28, max(len(b[0]) for b in bars))
    span = max(10, width - label_width - 18)
    full, shade, empty = ("#", "=", ".") if ascii_only else ("█", "░", "·")

    def line(low: float, high: float, mark: str) -> str:
        a = round(low / top * span)
        b = max(a + 1, round(high / top * span))
        return empty * a + mark * (b - a) + empty * (span - b)

    out = [f"{text('chart_axis', lang)} ({doc['unit']}), 0 … {fmt(top)}"]
    for name, low, high, up_to in bars:
        out.append(
            f"{name[:label_width]:<{label_width}} {line(low, high, shade if up_to else full)} {fmt(low)}–{fmt(high)}"
        )
    for c in doc["comparisons"]:
        out.append(
            f"{c['reference'][:label_width]:<{label_width}} {line(c['low'], c['high'], shade)} {fmt(c['low'])}–{fmt(c['high'])}"
        )
    return "\n".join(out) + "\n"
