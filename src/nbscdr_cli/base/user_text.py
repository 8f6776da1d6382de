"""Text from users, made safe once, where it enters nbscdr.

Names, sources, caveats and notes come from shared data and portfolio files, from
``--name`` and from Python callers. Each is cleaned as it is read (``clean``), so
every output gets the same safe text:

- **Not valid Unicode** (lone surrogates, from JSON ``"\\ud800"`` or bytes that are
  not UTF-8; the noncharacters U+FFFE, U+FFFF and their kind, which make XML and
  SVG not well-formed) is replaced by U+FFFD, the replacement character. Text is
  never refused for it: the rest of the name is still worth showing.
- **Line breaks and tabs** (``\\n``, ``\\t``, U+2028, U+2029, U+0085) become a
  space: a name is one line wherever it appears, and cannot add a heading to a brief.
- **Other control characters** (C0, DEL, C1: terminal escapes) and **bidi
  controls** (U+202E and its kind, which would reverse the figures after a
  name) are shown, not obeyed: written as ``\\x1b`` or ``\\u202e``.

Markup is not this module's business: writers of Markdown and HTML escape text
for their format (``render.escape``).
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# lone surrogates and the noncharacters (U+FDD0..U+FDEF, and the last two code
# points of every plane)
_INVALID = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
    + "]"
)
_BREAKS = re.compile("[\t\n\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ANY = re.compile(f"{_INVALID.pattern}|{_BREAKS.pattern}|{_CONTROLS.pattern}|{_BIDI.pattern}")


def valid_unicode(text: str) -> str:
    """``text`` with what is not valid Unicode replaced by U+FFFD."""
    return _INVALID.sub(REPLACEMENT, text)


def clean(text: str) -> str:
    """``text`` as nbscdr keeps it: valid Unicode, one line, its control and bidi
    characters shown as escapes (see the module's note). Clean text is returned
    as it is, so cleaning twice changes nothing."""
    if not _ANY.search(text):
        return text
    text = valid_unicode(text)
    text = _BREAKS.sub(" ", text)
    text = _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def is_clean(text: str) -> bool:
    return not _ANY.search(text)
