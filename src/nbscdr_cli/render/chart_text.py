"""Range bars for a terminal: the chart of ``chart.bars`` drawn in characters.

Widths are counted in terminal cells (``rich.cells.cell_len``), not characters,
so Chinese names (two cells each) line up with the rest. The names take as much
of the width as the bars and figures leave them. Each glyph means one thing:
a range, a range with no lower bound, a reference's range, and with Monte Carlo
the 5th, 50th and 95th percentiles of the total; a key under the bars says which.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from nbscdr_cli.api.wording import unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.render.chart_model import bars, signs_key
from nbscdr_cli.render.environment import Environment
from nbscdr_cli.render.text import total_show

MIN_BAR = 20  # the fewest cells a bar may have before names are cut


class Glyphs(NamedTuple):
    range: str
    open_low: str  # a range whose source gives no lower bound (counted from 0)
    band: str  # a reference's range
    empty: str
    outer: str  # P5 and P95
    median: str  # P50
    more: str  # a name cut short


UNICODE = Glyphs("█", "▒", "░", "·", "┃", "◆", "…")
ASCII = Glyphs("#", "~", "=", ".", "|", "o", "~")


AFTER = " )）、，：；"  # a word ends after one of these (Chinese puts no spaces between words)
BEFORE = " (（"  # and starts before one of these


def fit(label: str, cells: int, more: str) -> str:
    """``label`` in exactly ``cells`` terminal cells: padded, or with its middle
    left out (``more``), keeping how it starts and how it ends (a reference's
    name and ": in its scope", say, so two rows about one reference stay apart).
    No word is cut in two: the cuts fall at spaces or brackets, or in Chinese at
    its punctuation; only where no whole word fits is one cut by character."""
    from rich.cells import cell_len

    width = cell_len(label)
    if width <= cells:
        return label + " " * (cells - width)
    room = cells - cell_len(more)
    edges = [i for i in range(1, len(label)) if label[i - 1] in AFTER or label[i] in BEFORE]
    heads = [i for i in edges if cell_len(label[:i].rstrip()) <= room * 3 // 5]  # about three-fifths
    if heads:
        head = label[: heads[-1]].rstrip()
    else:
        head = ""
        for ch in label:
            if cell_len(head + ch) > room * 3 // 5:
                break
            head += ch
    tails = [i for i in edges if cell_len(head) + cell_len(label[i:].lstrip()) <= room]
    if tails:
        tail = label[tails[0] :].lstrip()
    else:
        tail = ""
        for ch in reversed(label):
            if cell_len(head) + cell_len(ch + tail) > room:
                break
            tail = ch + tail
    joined = head + more + tail.lstrip()
    return joined + " " * (cells - cell_len(joined))


def text_chart(doc: dict[str, Any], lang: str, env: Environment) -> str:
    """Range bars for a terminal: one line per entry, the total, then each
    reference under the subtotal in its scope, on a common scale; a key to the
    glyphs, and to the signs on the figures."""
    from rich.cells import cell_len

    glyph = ASCII if not env.unicode else UNICODE
    chart_bars = bars(doc, lang)
    rows = [
        (
            b.label,
            b.low,
            b.high,
            glyph.band if b.kind == "reference" else glyph.open_low if b.up_to else glyph.range,
            b.caption(lang),
        )
        for b in chart_bars
    ]
    lows = [0.0] + [low for _, low, _, _, _ in rows]
    start = min(lows)
    top = max([high for _, _, high, _, _ in rows] + [start + 1e-12])
    figure_width = max(cell_len(r[4]) for r in rows)
    label_width = max(cell_len(r[0]) for r in rows)
    label_width = max(6, min(label_width, env.width - figure_width - MIN_BAR - 2))
    columns = max(10, env.width - label_width - figure_width - 2)

    def cell(value: float) -> int:
        return round((value - start) / (top - start) * columns)

    def line(low: float, high: float, mark: str) -> list[str]:
        a = min(cell(low), columns - 1)
        b = max(a + 1, cell(high))
        return [glyph.empty] * a + [mark] * (b - a) + [glyph.empty] * (columns - b)

    percentiles = (doc.get("uncertainty") or {}).get("percentiles") or {}
    marked = all(p in percentiles for p in ("5", "50", "95"))
    axis = _("{what} ({unit})", lang, what=_("Removal potential", lang), unit=unit_text(doc["unit"], lang))
    show = total_show(doc)
    top_text = show(top) if start == 0 else f"{show(start)} … {show(top)}"
    out = [_("{axis}, 0 … {top}", lang, axis=axis, top=top_text)]
    if doc.get("region"):  # a country's or region's figures (issue 22)
        from nbscdr_cli.render.text import region_label

        out[0] = region_label(doc["region"], lang) + _(": ", lang) + out[0]
    for i, (label, low, high, mark, figure) in enumerate(rows):
        cells = line(low, high, mark)
        if marked and chart_bars[i].kind == "total":
            for p, sign in (("5", glyph.outer), ("95", glyph.outer), ("50", glyph.median)):
                cells[min(cell(percentiles[p]), columns - 1)] = sign
        out.append(f"{fit(label, label_width, glyph.more)} {''.join(cells)} {figure}")
    key = [glyph.range + " " + _("low–high", lang)]
    if any(b.up_to for b in chart_bars):
        key.append(glyph.open_low + " " + _("no lower bound given (counted as 0)", lang))
    if doc["comparisons"]:
        key.append(glyph.band + " " + _("reference range", lang))
    if marked:
        key.append(glyph.outer + " " + _("P5 and P95 of the total", lang))
        key.append(glyph.median + " " + _("P50 of the total", lang))
    out += _flow(key, env.width)
    out += signs_key(doc, lang)
    drawn = "\n".join(out) + "\n"
    if env.unicode:
        return drawn
    return drawn.replace("–", "-").replace("…", "...").replace("†", "+").replace("‡", "^")


def _flow(items: list[str], width: int) -> list[str]:
    """``items`` on as few lines of ``width`` cells as they fit, three spaces apart."""
    from rich.cells import cell_len

    lines: list[str] = []
    for item in items:
        if lines and cell_len(lines[-1]) + 3 + cell_len(item) <= width:
            lines[-1] += "   " + item
        else:
            lines.append(item)
    return lines
