"""Notes as footnotes: each note a table prints starts with a marker (¹ ² …, or
[1] [2] … where the output cannot show superscripts), and the cells it qualifies
(its ``anchors``, ``api/note_anchors.py``) carry the same marker.

Which notes: ``essential`` (the default: what a reader needs not to misquote a
figure), ``all`` (every note, in full), or ``none`` (the tables alone). In the
essential view a long caveat gives its first clause and where to read the rest,
and the pairs that may count the same carbon are one note naming the pairs
(why each pair overlaps is in ``all``).

Markers are numbered in the order a reader meets the cells they mark: the
tables are laid out once to learn which anchors they show and where, and once
more with the markers. A note whose anchors no table shows qualifies nothing in
particular: it is printed without a marker, under a heading of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from nbscdr_cli.base.i18n import _, join_names

LEVELS = ("essential", "all", "none")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

Marker = Callable[[str], str]
T = TypeVar("T")


def no_mark(anchor: str) -> str:
    """The marker function of an output with no footnotes."""
    return ""


def pair_names(names: list[str], lang: str) -> str:
    """Two techniques as a pair: 'A and B'; in Chinese “A”与“B”, since a name such
    as 造林和再造林 holds a 和 of its own and 、 would read as a list of three."""
    if len(names) != 2:
        return join_names(names, lang)
    return _("{a} and {b}", lang, a=names[0], b=names[1])


def chosen(notes: list[dict[str, Any]], level: str, lang: str, names: dict[str, str]) -> list[dict[str, Any]]:
    """The notes ``level`` prints, as they are printed: in the essential view
    summaries for long caveats and one note for every pair that may double
    count; ``names`` maps technique ids to their names."""
    if level == "none":
        return []
    if level == "all":
        return list(notes)
    out: list[dict[str, Any]] = []
    pairs = [n for n in notes if n["code"] == "double-counting"]
    for note in notes:
        if not note.get("essential", True):
            continue
        if note["code"] == "double-counting":
            if note is pairs[0] and len(pairs) > 1:
                listed = [pair_names([names.get(t, t) for t in n["techniques"]], lang) for n in pairs]
                message = _(
                    "May count the same carbon twice: {pairs} (why, with --notes all).",
                    lang,
                    pairs=_("; ", lang).join(listed),
                )
                anchors = list(dict.fromkeys(a for n in pairs for a in n["anchors"]))
                out.append({**note, "message": message, "anchors": anchors})
            elif len(pairs) == 1:
                out.append(note)
            continue
        out.append({**note, "message": note.get("summary") or note["message"]})
    return out


class Footnoted(NamedTuple):
    """What a text format prints: its tables (or whatever ``build`` made) with
    markers in their cells, the numbered notes, and the notes that qualify
    nothing in particular."""

    built: Any
    numbered: list[str]  # "¹ Totals add every low and every high: ..."
    general: list[str]  # messages, no marker
    signs: tuple[tuple[dict[str, Any], str], ...] = ()  # each numbered note and its marker


def footnoted(
    build: Callable[[Marker], T],
    notes: list[dict[str, Any]],
    level: str,
    lang: str,
    *,
    superscript: bool,
    names: dict[str, str] | None = None,
) -> Footnoted:
    """Lay out ``build(mark)`` (tables whose cells call ``mark(anchor)``) with
    the markers of the notes ``level`` prints, numbered in the order the tables
    show their anchors."""
    shown: list[str] = []

    def record(anchor: str) -> str:
        if anchor not in shown:
            shown.append(anchor)
        return ""

    build(record)
    printed = chosen(notes, level, lang, names or {})
    place = {anchor: i for i, anchor in enumerate(shown)}
    marked = [n for n in printed if any(a in place for a in n.get("anchors", ()))]
    marked.sort(key=lambda n: min(place[a] for a in n["anchors"] if a in place))
    general = [n["message"] for n in printed if not any(a in place for a in n.get("anchors", ()))]
    number = {id(n): i for i, n in enumerate(marked, start=1)}

    def sign(numbers: list[int]) -> str:
        if superscript:
            return ",".join(str(k).translate(SUPERSCRIPT) for k in numbers)
        return "[" + ",".join(map(str, numbers)) + "]"

    at: dict[str, list[int]] = {}
    for n in marked:
        for anchor in n["anchors"]:
            at.setdefault(anchor, []).append(number[id(n)])

    def mark(anchor: str) -> str:
        found = at.get(anchor)
        return sign(sorted(found)) if found else ""

    lines = [f"{sign([number[id(n)]])} {n['message']}" for n in marked]
    signs = tuple((n, sign([number[id(n)]])) for n in marked)
    return Footnoted(build(mark), lines, general, signs)


def general_heading(lang: str) -> str:
    """The heading of the notes that qualify nothing in particular."""
    return _("On the whole result", lang)
