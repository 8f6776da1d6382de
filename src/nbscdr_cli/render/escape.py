"""Control characters made visible, so that text from a shared file cannot drive
the reader's terminal.

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

_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_ESCAPED = {code: f"\\x{code:02x}" for code in _CONTROLS}
_LAYOUT = {ord("\n"): "\n", ord("\t"): "\t"}
_IN_LINES = str.maketrans({**_ESCAPED, **_LAYOUT})
_IN_A_LINE = str.maketrans(_ESCAPED)
_FOUND = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str, *, layout: bool = True) -> str:
    """``text`` with its control characters written as ``\\xNN``; with
    ``layout``, newlines and tabs are kept."""
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
