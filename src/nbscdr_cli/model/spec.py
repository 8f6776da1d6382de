"""Portfolio specs: what the user asks for, from arguments or a portfolio file.

A spec names a technique and how much of it::

    afforestation              its full range
    afforestation:50%          that share of its range (also afforestation:0.5)
    afforestation=2            the user's own figure, in Gt CO2/yr
    afforestation=1.5-3        the user's own range
    afforestation=500-800 Mt CO2/yr   ... in any rate unit

The technique is matched later against a catalog (``portfolio.build_portfolio``);
this module only checks the syntax and the numbers. The whole spec is NFKC-folded
first, so full-width '：', '＝', '％' and digits work as their half-width forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from nbscdr_cli.model.errors import InputError, cut, expect

MAX_SPEC_LENGTH = 300
MAX_ENTRIES = 100_000
# A number as written or as nbscdr prints it (thousands separated: 1,000).
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_OWN_FIGURE = re.compile(
    rf"^\s*({_NUM})\s*(?:(?:-|–|—|~|\bto\b)\s*({_NUM}))?\s*(?:@\s*({_NUM}))?\s*(.*?)\s*$"
)
_SHARE = re.compile(rf"^\s*({_NUM})\s*(%?)\s*$")


class EntrySpec(NamedTuple):
    """One requested entry: a technique name plus a share or the user's own figure."""

    technique: str
    share: float = 1.0
    low: float | None = None  # own figure, in ``unit``
    high: float | None = None
    mode: float | None = None  # most likely value, for --distribution triangular/pert
    unit: str | None = None
    where: str = ""

    @property
    def own_figure(self) -> bool:
        return self.high is not None


def parse_share(text: str, *, where: str) -> float:
    """'50%' or '0.5' -> 0.5; a share is between 0 and 1 (0% and 100%)."""
    match = _SHARE.match(text)
    if match is None:
        raise InputError(f"share {cut(text)!r} is not a number or percentage, e.g. 50% or 0.5", where=where)
    value = float(match.group(1).replace(",", ""))
    percent = bool(match.group(2))
    share = value / 100 if percent else value
    if not 0 <= share <= 1:
        hint = "" if percent else f" (write {cut(text)}% for a percentage)"
        raise InputError(f"share {cut(text)} is outside 0–1 (0%–100%){hint}", where=where)
    return share


def parse_own_figure(text: str, *, where: str) -> tuple[float, float, float | None, str | None]:
    """'2', '1.5-3', '1-3@2' or '500-800 Mt CO2/yr' -> (low, high, mode, unit)."""
    match = _OWN_FIGURE.match(text)
    if match is None:
        raise InputError(
            f"figure {cut(text)!r} is not a number or range, e.g. 2, 1.5-3 or '500-800 Mt CO2/yr' "
            "(removals are 0 or more)",
            where=where,
        )
    from nbscdr_cli.model.units import parse_number

    low = parse_number(match.group(1), where=where, what="figure")
    high = low if match.group(2) is None else parse_number(match.group(2), where=where, what="figure")
    if low > high:
        raise InputError(
            f"figure {cut(text)!r}: low {cut(match.group(1))} is above high {cut(match.group(2))}",
            where=where,
        )
    mode = None
    if match.group(3) is not None:
        mode = parse_number(match.group(3), where=where, what="mode")
        if not low <= mode <= high:
            raise InputError(
                f"figure {cut(text)!r}: mode {cut(match.group(3))} is outside {low:g}–{high:g}", where=where
            )
    return low, high, mode, (match.group(4) or None)


def parse_spec(text: str, *, where: str | None = None) -> EntrySpec:
    """Parse one spec string (see the module docstring)."""
    expect(text, str, "text", "a spec string such as 'biochar:50%'")
    where = where or f"spec {text[:60]!r}"
    if len(text) > MAX_SPEC_LENGTH:
        raise InputError(f"spec is {len(text)} characters long (at most {MAX_SPEC_LENGTH})", where=where)
    folded = unicodedata.normalize("NFKC", text)
    positions = [i for i in (folded.find(":"), folded.find("=")) if i >= 0]
    cut = min(positions) if positions else len(folded)
    name = folded[:cut].strip()
    if not name:
        raise InputError("no technique named; e.g. afforestation:50% or biochar=1-2", where=where)
    if cut == len(folded):
        return EntrySpec(name, where=where)
    rest = folded[cut + 1 :]
    if folded[cut] == ":":
        return EntrySpec(name, share=parse_share(rest, where=where), where=where)
    low, high, mode, unit = parse_own_figure(rest, where=where)
    if unit is not None:
        from nbscdr_cli.model.units import parse_unit

        parse_unit(unit, kind="rate", where=where)
    return EntrySpec(name, low=low, high=high, mode=mode, unit=unit, where=where)


def parse_specs(texts: Iterable[str], *, label: str = "spec") -> list[EntrySpec]:
    """Parse specs; each error names the spec's position (``label`` 1, 2, ...:
    the command line says "argument")."""
    if isinstance(texts, str) or not hasattr(texts, "__iter__"):
        raise TypeError(f"texts must be a list of spec strings, not {type(texts).__name__}")
    specs = []
    for i, text in enumerate(texts, start=1):
        if not isinstance(text, str):
            raise TypeError(f"texts must be spec strings such as 'biochar:50%', not {type(text).__name__}")
        shown = text if len(text) <= 60 else text[:57] + "..."
        specs.append(parse_spec(text, where=f"{label} {i} {shown!r}"))
    return specs
