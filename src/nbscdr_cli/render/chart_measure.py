"""Text as the chart measures it: sizes in inches from the renderer that draws
it, and lines wrapped to the room they have, broken between words and between
Chinese characters (never inside a run of Latin letters and figures, never after
an opening mark or before a closing one). Where no font at hand has Chinese
glyphs but the chart is an SVG a browser sets (the brief's), each is measured as
an em wide ("W"), as a Chinese font sets it.

What is measured does not depend on the matplotlib version at hand (3.10 and
3.11 measure the same text up to 3% apart in width and 25% in height, which
moved a printed brief onto a second page): a line is ``linespacing`` times its
size tall, whatever the renderer says, and a text is as wide as the sum of its
glyphs' advance widths in the font files (read with fontTools, which matplotlib
installs), each character from the first of the chart's fonts that has it.
Lines are wrapped to ``WRAP_SLACK`` less than their room, so a renderer or
browser that sets the same text a little wider still keeps it inside."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from nbscdr_cli.base.typography import zh_clauses

# where a line may break: after a Chinese character (with the closing marks that
# follow it), never inside a run of Latin letters and figures, never after an opening mark
_HAN = "\u2e80-\u9fff\uf900-\ufaff"
BREAKS = re.compile(
    rf"[{_HAN}][、，。：；）”]*|[（“](?:[{_HAN}][、，。：；）”]*|[^\s{_HAN}（“]+\s*)|[^\s{_HAN}（“]+\s*|\s+"
)
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
MAX_WORD = 300  # characters of one word measured at most: more never fit on a chart
MAX_MEASURED = 1000  # characters of a line measured at most, for the same reason
WRAP_SLACK = (
    0.98  # the share of its room a line may fill: matplotlib 3.11 sets DejaVu Sans 2% wider than its advances
)


class Measure:
    """Text sizes in inches, as the renderer that draws the chart sees them."""

    def __init__(
        self,
        fig: Any,
        linespacing: float,
        sizes: dict[str, float],
        em_proxy: bool = False,
        families: Sequence[str] = (),
    ) -> None:
        self.fig = fig
        self.renderer = fig.canvas.get_renderer()
        self.linespacing = linespacing
        self.sizes = sizes
        self.em_proxy = em_proxy  # Chinese glyphs measured as "W", an em wide, where no font has them
        self._widths: dict[tuple[str, float], float] = {}
        self._advances = advances_of(tuple(families)) if families else None

    def measured(self, label: str) -> str:
        return CJK.sub("W", label) if self.em_proxy else label

    def put(self, label: str, room: float, role: str, **style: Any) -> Any:
        """A text of the figure's, wrapped to ``room``, in the size for ``role``
        (title, subtitle, foot); the caller places it."""
        wrapped = self.wrap(label, room, self.sizes[role]) if style.pop("wrap", True) else label
        return self.fig.text(
            0,
            0,
            wrapped,
            fontsize=self.sizes[role],
            ha="left",
            parse_math=False,
            linespacing=self.linespacing,
            gid=f"nbscdr-{role}",
            **style,
        )

    def size(self, artist: Any) -> tuple[float, float]:
        box = artist.get_window_extent(self.renderer)
        return box.width / self.fig.dpi, box.height / self.fig.dpi

    def lines_height(self, label: str, points: float) -> float:
        """How tall ``label`` is in lines of ``points``, each ``linespacing``
        times as tall as its size (nothing when it is empty)."""
        lines = label.count("\n") + 1 if label else 0
        return lines * points * self.linespacing / 72

    def text_height(self, artist: Any) -> float:
        """How tall a text of the figure's is, in lines (``lines_height``)."""
        return self.lines_height(artist.get_text(), artist.get_fontsize())

    def block(self, label: str, points: float) -> tuple[float, float]:
        """The size of ``label`` (lines and all) set in ``points``: its widest
        line, and its lines' height. Where the chart's fonts are known, neither
        is asked of the renderer (``lines_height``, ``width``)."""
        if self._advances is not None:
            return (
                max(self.width(line, points) for line in label.split("\n")),
                self.lines_height(label, points),
            )
        probe = self.fig.text(
            0, 0, self.measured(label), fontsize=points, parse_math=False, linespacing=self.linespacing
        )
        try:
            return self.size(probe)
        finally:
            probe.remove()

    def width(self, label: str, points: float) -> float:
        """The width of one line of ``label`` set in ``points`` (of its first
        MAX_MEASURED characters: more are wider than the chart anyway)."""
        label = label[:MAX_MEASURED]
        key = (label, points)
        if key not in self._widths and self._advances is not None:
            self._widths[key] = self._advances(self.measured(label)) * points / 72
        if key not in self._widths:
            from matplotlib.font_manager import FontProperties

            w, _, _ = self.renderer.get_text_width_height_descent(
                self.measured(label), FontProperties(size=points), ismath=False
            )
            self._widths[key] = float(w) / float(self.fig.dpi)
        return self._widths[key]

    def wrap(self, label: str, room: float, points: float) -> str:
        """``label`` in lines no wider than ``room``: broken between words; in
        Chinese, after a punctuation mark or before an opening one, never inside
        a word (``zh_clauses``), and between characters only where one clause
        alone is wider than the line (never before closing punctuation)."""
        room *= WRAP_SLACK
        lines = []
        for paragraph in label.split("\n"):
            if self.width(paragraph, points) <= room:  # most do: measure once
                lines.append(paragraph)
                continue
            tokens = self.tokens(paragraph, room, points)
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

    def tokens(self, paragraph: str, room: float, points: float) -> list[str]:
        """The pieces a line may break between: Chinese clauses (each split
        between its characters only if it alone is wider than ``room``), Latin
        words, a mass unit kept with its species."""
        if not CJK.search(paragraph):
            return _glued(BREAKS.findall(paragraph))
        out: list[str] = []
        for clause in zh_clauses(paragraph):
            wide = len(clause) > MAX_WORD or self.width(clause.rstrip(), points) > room
            out += BREAKS.findall(clause) if wide else [clause]
        return _glued(out)

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


@cache
def advances_of(families: tuple[str, ...]) -> Callable[[str], float] | None:
    """How wide a text is in ems, from the advance widths in the font files of
    ``families`` that are installed (each character from the first that has it;
    one that none has, an em wide), or None where none can be read."""
    from fontTools.ttLib import TTFont
    from matplotlib.font_manager import FontProperties, findfont

    fonts = []
    for family in families:
        try:
            path = findfont(FontProperties(family=family), fallback_to_default=False)
            font = TTFont(path, fontNumber=0, lazy=True)
            fonts.append((font.getBestCmap(), font["hmtx"].metrics, float(font["head"].unitsPerEm)))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # not installed here (an SVG's reader may have it), or not readable
    if not fonts:
        return None
    known: dict[str, float] = {}

    def advance(ch: str) -> float:
        if ch not in known:
            known[ch] = 1.0
            for cmap, widths, per_em in fonts:
                glyph = cmap.get(ord(ch))
                if glyph is not None and glyph in widths:
                    known[ch] = widths[glyph][0] / per_em
                    break
        return known[ch]

    return lambda text: sum(advance(ch) for ch in text)


def _glued(tokens: list[str]) -> list[str]:
    """A mass unit kept with what follows it ("Gt CO₂/yr" on one line), as in
    the terminal (``wrap.MASSES``)."""
    from nbscdr_cli.render.wrap import MASSES

    out: list[str] = []
    for token in tokens:
        if out and out[-1].rstrip() in MASSES:
            out[-1] += token
        else:
            out.append(token)
    return out
