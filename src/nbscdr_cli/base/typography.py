"""Chinese typesetting, as src/nbscdr_cli/locale/zh/typography.md sets it out:
one range mark for numbers (～, U+FF5E) and the 一字线 (—) for spans of years; no
space between Chinese and figures or Latin words (one space stays between a
figure and a Latin unit: "5.8 Gt CO2/年"); full-width punctuation beside Chinese;
no parenthesis after a full stop; brackets inside brackets as 〔〕.

``zh_clauses`` cuts Chinese text where a line may break without splitting a
word (nbscdr has no dictionary of words: it breaks after a punctuation mark,
before an opening bracket or quotation mark, and at spaces).

``typeset_zh`` applies the rules to nbscdr's own Chinese text (``i18n._`` runs it
on every Chinese message); quotations (between “ and ”) and code (between
backticks) are left as they are. ``range_mark`` is the mark ``numbers.span``
writes: "–" unless a renderer of Chinese output has said otherwise
(``language``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

RANGE_MARKS = {"zh": "～"}
YEAR_MARK = "—"  # 一字线: the start and end of a span of years
_range = ContextVar("range_mark", default="–")

CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # CJK punctuation, ideographs, full-width forms
_PROTECTED = re.compile(r"“[^“”]*”|`[^`]*`")
_YEARS = re.compile(r"(?<![\d.,])((?:1[89]|2[01])\d\d) ?[–—\-～] ?((?:1[89]|2[01])\d\d)(?![\d.,])")
_RANGE = re.compile(r"(?<=\d) ?[–~] ?(?=[\d−]|P\d)")  # "5.8～34.8", "P5～P95"
_PERCENT = re.compile(r"(\d[\d.,]*)～(\d[\d.,]*)%")
_SPACE_AFTER = re.compile(rf"(?<=[{CJK}]) +(?=[A-Za-z0-9(\[])")
_SPACE_BEFORE = re.compile(rf"(?<=[A-Za-z0-9%)\]]) +(?=[{CJK}])")
_PARENS = re.compile(rf"\(([^()]*[{CJK}][^()]*)\)|(?<=[{CJK}])\(([^()]*)\)")
_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF = re.compile(rf"(?<=[{CJK}])([,:;?!])(?!//)")
_AFTER_STOP = re.compile(r"。（([^（）]*)）")
_SPACE_AFTER_MARK = re.compile(r"(?<=[。；，、：！？）”]) +(?=[\u4e00-\u9fff（“])")  # "。 按" -> "。按"
_RELATION = re.compile(rf"(?<=[{CJK}]) ?([≥≤<>=]) ?(?=[\d−])")  # "合计≥4", as "合计4"


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Within it, ``numbers.span`` writes ranges with ``lang``'s mark."""
    token = _range.set(RANGE_MARKS.get(lang, "–"))
    try:
        yield
    finally:
        _range.reset(token)


def range_mark() -> str:
    return _range.get()


def chinese() -> bool:
    """Whether a Chinese output is being rendered (within ``language("zh")``)."""
    return _range.get() == RANGE_MARKS["zh"]


def typeset_zh(text: str) -> str:
    """``text`` set by the Chinese rules, its quotations and code untouched."""
    out, last = [], 0
    for found in _PROTECTED.finditer(text):
        out += [_rules(text[last : found.start()]), found.group(0)]
        last = found.end()
    out.append(_rules(text[last:]))
    return _nested("".join(out))


def _rules(text: str) -> str:
    if not text:
        return text
    text = _YEARS.sub(lambda m: m.group(1) + YEAR_MARK + m.group(2), text)
    text = _RANGE.sub("～", text)
    text = _PERCENT.sub(r"\1%～\2%", text)
    text = _PARENS.sub(lambda m: "（" + (m.group(1) if m.group(1) is not None else m.group(2)) + "）", text)
    text = _HALF.sub(lambda m: _PUNCT[m.group(1)], text)
    text = _SPACE_AFTER.sub("", text)
    text = _SPACE_BEFORE.sub("", text)
    text = _RELATION.sub(r"\1", text)
    text = _SPACE_AFTER_MARK.sub("", text)
    return _AFTER_STOP.sub(r"（\1）。", text)


def _nested(text: str) -> str:
    """Brackets inside brackets take 〔〕: 'P（合计≥4：联合国环境规划署〔UNEP〕估计下限）';
    inside a quotation, brackets stay as they are."""
    if "（" not in text:
        return text
    out, depth, quoted = [], 0, False
    for ch in text:
        if ch in "“”":
            quoted = ch == "“"
            out.append(ch)
        elif quoted:
            out.append(ch)
        elif ch == "（":
            depth += 1
            out.append("〔" if depth > 1 else ch)
        elif ch == "）" and depth > 0:
            out.append("〕" if depth > 1 else ch)
            depth -= 1
        else:
            out.append(ch)
    return "".join(out)


# a clause ends after its punctuation (and the closing marks after it), before an
# opening bracket or quotation mark, or at a space
_CLAUSE = re.compile(r"[（〔“]*[^\s、，。：；！？）〕”（〔“]*[、，。：；！？）〕”]*\s*")


def zh_clauses(text: str) -> list[str]:
    """``text`` in the pieces between which a line of Chinese may break without
    splitting a word such as 部分: after a punctuation mark (、，。：；！？ and
    closing brackets and quotation marks), before an opening one, and at
    spaces; each piece keeps the spaces after it, and joined they are ``text``.
    "本组合在适用范围内的部分（森林、湿地）" -> ["本组合在适用范围内的部分",
    "（森林、", "湿地）"]."""
    pieces = _CLAUSE.findall(text)
    return [piece for piece in pieces if piece]
