"""Line breaking for the terminal: table cells and notes, in English and Chinese.

Text breaks where the Unicode line-breaking rules (UAX #14, by ``uniseg``) allow:
at spaces, and in Chinese between characters, so that no line starts with
closing punctuation ("，", "。", "）") or ends with opening punctuation ("（").
nbscdr adds one rule: a run of ASCII without spaces (an id such as
``building-with-biomass``, a unit, a DOI) is never split, except when it alone
is wider than the line. Widths are terminal cells (``rich.cells.cell_len``): a
Chinese character takes two.

``Wrapped`` is a rich renderable that measures and draws a text by these rules,
so rich's tables size their columns by the longest unbreakable piece and wrap
cells the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_ASCII_WORDS = re.compile(r"\S+\s*|\s+")
_BULLETS = ("• ", "- ")  # kept with what follows them


def _spaced(line: str) -> bool:
    """Words are separated by spaces: no wide (CJK) character. Such a line breaks
    at its spaces alone ("4–12" stays whole), without loading uniseg (~50 ms)."""
    if line.isascii():
        return True
    from unicodedata import east_asian_width

    return not any(east_asian_width(c) in "WF" for c in line)


def units(line: str) -> list[str]:
    """The pieces of one line between which it may break; each keeps the
    spaces that follow it."""
    if _spaced(line):
        return _glued(_ASCII_WORDS.findall(line))
    from uniseg.linebreak import line_break_units

    pieces: list[str] = []
    for piece in line_break_units(line):
        if pieces and _joined(pieces[-1], piece):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return _glued(pieces)


MASSES = {"g", "kg", "t", "kt", "Mt", "Gt", "Tg", "Pg"}  # stay with their species: "Gt CO2/yr"


def _glued(pieces: list[str]) -> list[str]:
    """A mass unit kept with what follows it ("Gt CO2/yr" on one line)."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].rstrip() in MASSES:
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _joined(before: str, after: str) -> bool:
    """nbscdr's rules on top of UAX #14: an ASCII run without spaces stays whole,
    a unit stays with its "/年", a bullet stays with its text."""
    last, first = before[-1], after[0]
    ascii_run = last.isascii() and not last.isspace() and first.isascii() and not first.isspace()
    marker = last == "原" and after.startswith("文：")  # "原文：" opens a citation
    return ascii_run or marker or last == "/" or before in _BULLETS


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells, its own line
    breaks kept; a paragraph that opens with a bullet ("• ", "- ") continues
    under its text; a piece wider than the line is folded."""
    from rich.cells import cell_len

    out: list[str] = []
    for paragraph in text.split("\n"):
        indent = "  " if paragraph.startswith(_BULLETS) else ""
        room = max(width - len(indent), 1)
        lines: list[str] = []
        line = ""
        for piece in units(paragraph):
            limit = width if not lines else room
            if cell_len((line + piece).rstrip()) <= limit:
                line += piece
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = piece
            if cell_len(line.rstrip()) > (width if not lines else room):  # wider than a line
                line = _fold(line, lines, width, room)
        lines.append(line.rstrip())
        out += [lines[0], *(indent + rest for rest in lines[1:])]
    return out


def _fold(piece: str, lines: list[str], width: int, room: int) -> str:
    """Fold a piece wider than a line: its full lines are added to ``lines`` and
    the rest (with the piece's trailing spaces) is returned. One pass over the
    piece, so a name of megabytes folds in linear time."""
    from rich.cells import chop_cells

    text = piece.rstrip()
    spaces = piece[len(text) :]
    if not lines:  # the first line may be wider than the continuation lines
        head = chop_cells(text, width)[0]
        lines.append(head)
        text = text[len(head) :]
    *full, rest = chop_cells(text, room) or [""]
    lines += full
    return rest + spaces


def widest_piece(text: str) -> int:
    """The cell width of the widest piece that cannot be broken (with the
    indent of a bulleted paragraph's continuation lines)."""
    from rich.cells import cell_len

    widths = [
        cell_len(p.rstrip()) + (2 if line.startswith(_BULLETS) else 0)
        for line in text.split("\n")
        for p in units(line)
    ]
    return max(widths, default=0)


class Wrapped:
    """A text for a rich table cell or a console line, wrapped by these rules."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.cells import cell_len
        from rich.measure import Measurement

        longest = max((cell_len(line) for line in self.text.split("\n")), default=0)
        return Measurement(min(widest_piece(self.text), longest), longest).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.text import Text

        # One Text a line: rich splits a text's lines by searching the rest of the
        # text for each, which is quadratic in a cell of many lines (a long name).
        justify: Any = options.justify or "left"
        for line in wrap(self.text, options.max_width):
            yield Text(line, justify=justify, no_wrap=True, overflow="fold")
