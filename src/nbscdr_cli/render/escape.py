"""Text from users made inert in every output: control characters made visible,
so that text from a shared file cannot drive the reader's terminal, and markup
escaped for Markdown, so that it is never parsed (``escape_markdown``).

Names, notes and sources come from users' catalogs and portfolio files. A name
holding ``\\x1b]0;...`` or ``\\x1b[2J`` would retitle or clear the terminal of
whoever prints it, and one holding ``\\r`` could overwrite a line already shown.
Every text output therefore shows C0 controls, DEL and C1 controls as ``\\xNN``,
the way Python's ``repr`` does. Newline and tab stay where layout needs them
(notes in a table cell, the lines of a briefing). JSON escapes C0 controls
itself; ``as_json`` escapes C1 ones.
"""

from __future__ import annotations

import re
from typing import Any

from nbscdr_cli.base.user_text import valid_unicode

_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_ESCAPED = {code: f"\\x{code:02x}" for code in _CONTROLS}
_LAYOUT = {ord("\n"): "\n", ord("\t"): "\t"}
_IN_LINES = str.maketrans({**_ESCAPED, **_LAYOUT})
_IN_A_LINE = str.maketrans(_ESCAPED)
_FOUND = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str, *, layout: bool = True) -> str:
    """``text`` with its control characters written as ``\\xNN``; with
    ``layout``, newlines and tabs are kept. Anything that is not valid Unicode
    (which user text never holds once read: ``base.user_text``) becomes U+FFFD."""
    text = valid_unicode(text)
    if layout:
        return text.translate(_IN_LINES) if _FOUND.search(text) else text
    return text.translate(_IN_A_LINE)


_PLAIN = (float, int, bool, type(None))


def escape_document(value: Any) -> Any:
    """A document (dicts, lists, tuples of strings and numbers) with every
    string value passed through ``escape_controls``. Keys are left as they are:
    a document's keys are nbscdr's own (fields, validated ids, percentiles)."""
    kind = type(value)
    if kind is str:
        return escape_controls(value)
    # Scalars are tested inline: a 10,000-entry document has ~10^5 of them.
    if kind is dict:
        return {k: v if type(v) in _PLAIN else escape_document(v) for k, v in value.items()}
    if kind is list:
        return [v if type(v) in _PLAIN else escape_document(v) for v in value]
    if kind is tuple:
        return tuple(escape_document(v) for v in value)
    return value


# Markdown: characters that start inline markup anywhere (emphasis, code, links,
# images, autolinks and raw HTML, entities), and those that start a block at the
# beginning of a line (headings, quotes, lists, setext underlines). "|" is the
# table writer's (as_markdown._cell).
_INLINE = re.compile(r"[\\`*_\[\]<>&~]")
_BLOCK = re.compile(r"([#>+=-])|(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """``text`` for a Markdown document, shown as it is and never parsed as
    markup: no link, image, HTML, emphasis or heading can come from it."""
    text = _INLINE.sub(r"\\\g<0>", text)
    start = _BLOCK.match(text)
    if start is None:
        return text
    if start.group(1):
        return "\\" + text
    return start.group(2) + "\\" + text[start.end(2) :]


# Document fields whose values are nbscdr's own identifiers (fixed choices and
# validated ids, never free text): renderers look things up by them, so they stay
# as they are; everything else a document holds may come from a user.
IDENTIFIER_FIELDS = frozenset(
    # "written": figures as a data file wrote them, each a float's text (numbers.Written)
    {
        "by",
        "code",
        "grouping",
        "technique",
        "reference",
        "assessment",
        "position",
        "kind",
        "potential",
        "written",
    }
)


def escape_markdown_document(value: Any) -> Any:
    """A document with every string value escaped for Markdown, but for the
    identifiers of ``IDENTIFIER_FIELDS`` (keys left, as ``escape_document``
    leaves them)."""
    kind = type(value)
    if kind is str:
        return escape_markdown(value)
    if kind is dict:
        return {
            k: v if type(v) in _PLAIN or k in IDENTIFIER_FIELDS else escape_markdown_document(v)
            for k, v in value.items()
        }
    if kind is list:
        return [v if type(v) in _PLAIN else escape_markdown_document(v) for v in value]
    if kind is tuple:
        return tuple(escape_markdown_document(v) for v in value)
    return value


# The fields of the catalog's value types that hold user text (besides every
# LocalText): what a Markdown writer must escape. Ids, units and numbers are
# checked when read and stay as they are.
TEXT_FIELDS = frozenset({"source", "saturation_source", "reversal_source", "citation", "name"})


def markdown_safe(value: Any) -> Any:
    """``value`` (an analysis, a catalog, or any of their parts) with the user
    text it holds escaped for Markdown: every ``LocalText``, and the str fields
    in ``TEXT_FIELDS`` (sources, citations, a portfolio's name). A writer of
    Markdown composes from this and needs to escape nothing itself."""
    from nbscdr_cli.model.catalog import LocalText

    seen: dict[int, Any] = {}

    def walk(item: Any) -> Any:
        if isinstance(item, str | int | float | bool | type(None)):
            return item
        key = id(item)
        if key in seen:
            return seen[key]
        if isinstance(item, LocalText):
            out: Any = LocalText(
                escape_markdown(item.en), None if item.zh is None else escape_markdown(item.zh)
            )
        elif isinstance(item, tuple) and hasattr(item, "_fields"):
            fields = {
                name: escape_markdown(v) if name in TEXT_FIELDS and isinstance(v, str) else walk(v)
                for name, v in zip(item._fields, item, strict=True)
            }
            out = type(item)._make(fields.values())  # type: ignore[attr-defined]
        elif isinstance(item, tuple):
            out = tuple(walk(v) for v in item)
        elif isinstance(item, list):
            out = [walk(v) for v in item]
        elif isinstance(item, dict):
            out = {k: walk(v) for k, v in item.items()}
        else:
            out = item  # dataclasses (settings, simulations): numbers and ids only
        seen[key] = out
        return out

    return walk(value)
