"""Numbers as nbscdr writes them: for machines at full precision (``number``),
for people at the precision the figure has.

- A figure as its source gave it (a catalog estimate or the user's own figure, in
  the unit it was written in) is shown as given: ``given`` (3, 1.8, 0.04, 1,000).
- A derived figure (a sum, a figure converted to another unit or scaled by a
  share, a difference, a mean, a percentile, a total over a period, a chance) is
  rounded to the precision of the least precise figure it comes from:
  ``derived(value, digits)``.

How precise a figure is: the significant figures of the decimal its source wrote
(``written_digits``: 3 → 1, 1.8 → 2, 0.04 → 1, 10.1 → 3, 1,000 → 1, since zeros
that only place the point are not significant), floored at ``FLOOR`` (two: a
source that writes "3–18" is read to two figures, as the catalog's figures are
given) and capped at ``CAP`` (three: no derived figure a person reads has more).
``precision(figures)`` is that of the least precise of them. What a derived
figure comes from: a total or a subtotal, from its entries' lows and highs; a
difference from a reference, from those and the reference's ends; a figure over
a period, a percentile, mean or chance, from the total's. Shares, years,
saturation times and reversal rates are settings, taken as exact. The documents
carry each figure's precision (``significant_figures``) so every format rounds
alike; JSON and CSV keep full precision.

- ``span`` writes a range, one number when both ends are equal; ``percent`` a
  probability, never rounded to a certainty it is not.

Thousands are separated with commas, as nbscdr also accepts them back as input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

FLOOR = 2  # the fewest significant figures a derived figure is given
CAP = 3  # the most
SIGNIFICANT = CAP
PLAIN_RANGE = (1e-6, 1e15)  # decimals read well in between; outside, scientific notation


def number(value: float | None) -> float | None:
    """A plain, finite number rounded to 12 significant digits (None stays None),
    for JSON and CSV: 3 + 1.8 gives 4.8, not 4.800000000000001."""
    if value is None:
        return None
    rounded = float(f"{value:.12g}")
    return 0.0 if rounded == 0 else rounded


def written_digits(value: float | None) -> int | None:
    """The significant figures of ``value`` as its shortest decimal writes it
    (after float noise is removed): 3 → 1, 18 → 2, 10.1 → 3, 0.04 → 1, 1000 → 1.
    None for 0 or None, which say nothing of precision."""
    rounded = number(value)
    if not rounded:
        return None
    return len(Decimal(repr(abs(rounded))).normalize().as_tuple().digits)


def precision(figures: Iterable[float | None]) -> int:
    """The significant figures for what is derived from ``figures``: those of
    the least precise of them, floored at FLOOR and capped at CAP (CAP where no
    figure says; a range 0–0, say)."""
    found = [d for d in map(written_digits, figures) if d is not None]
    return min(CAP, max(FLOOR, min(found, default=CAP)))


def _plain(text: str) -> str:
    """A number's shortest text as a decimal with thousands separated."""
    digits = format(Decimal(text), "f")
    sign = "-" if digits.startswith("-") else ""
    whole, _, fraction = digits.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    fraction = fraction.rstrip("0")
    return sign + grouped + (f".{fraction}" if fraction else "")


def given(value: float | None) -> str:
    """A figure as given: every digit it has (after float noise is removed)."""
    if value is None:
        return "–"
    rounded = number(value)
    assert rounded is not None
    if rounded == 0:
        return "0"
    if not PLAIN_RANGE[0] <= abs(rounded) < PLAIN_RANGE[1]:
        return f"{rounded:.12g}"
    return _plain(repr(rounded))


class Written(float):
    """A number read from a data file, with the text its source wrote: "3.0" is
    3 to a reader of floats and "3.0" to a reader of AR6 (``written_text``)."""

    text: str

    def __new__(cls, text: str) -> Written:
        value = super().__new__(cls, text)
        value.text = text
        return value


def written_text(value: object) -> str | None:
    """The text a data file wrote a figure with, where ``given`` would drop some of
    its digits ("3.0", "1.0", "0.50"); None where ``given`` shows it as written."""
    text = getattr(value, "text", None)
    if not isinstance(text, str) or not isinstance(value, float):
        return None
    try:
        shown = given(float(text))
    except ValueError:
        return None
    plain = text.replace("_", "")
    return plain if "." in plain and "e" not in plain.lower() and shown != plain else None


def as_written(texts: dict[str, str] | None) -> Callable[[float | None], str]:
    """``given``, but a figure equal to one its source wrote with more digits than
    a float keeps ("3.0") is shown with the source's text."""
    if not texts:
        return given
    by_value = {number(float(t)): t for t in texts.values()}

    def show(value: float | None) -> str:
        return (None if value is None else by_value.get(number(value))) or given(value)

    return show


def derived(value: float | None, digits: int = SIGNIFICANT) -> str:
    """A derived figure, to ``digits`` significant figures."""
    if value is None:
        return "–"
    if value == 0:
        return "0"
    if not PLAIN_RANGE[0] <= abs(value) < PLAIN_RANGE[1]:
        return f"{value:.{digits - 1}e}"
    return _plain(f"{value:.{digits}g}")


def rounded(digits: int) -> Callable[[float | None], str]:
    """``derived`` at ``digits`` significant figures, for a whole column at once."""
    return lambda value: derived(value, digits)


def formatter(as_given: bool, digits: int = SIGNIFICANT) -> Callable[[float | None], str]:
    """``given`` for figures as their source wrote them, else ``derived`` at ``digits``."""
    return given if as_given else rounded(digits)


def span(low: float | None, high: float | None, show: Callable[[float | None], str] = derived) -> str:
    """'4–12', or one number where the range is a single value; in Chinese
    output '4～12' (``typography.language``)."""
    from nbscdr_cli.base.typography import range_mark

    a, b = show(low), show(high)
    return a if a == b else f"{a}{range_mark()}{b}"


def percent(p: float, digits: int = SIGNIFICANT, *, certain: bool = True) -> str:
    """A probability as a percentage, to ``digits`` significant figures, never
    shown as 0% or 100% unless it is exactly that: '81%', '<0.1%', '>99%'.
    ``certain=False``: 0 and 1 are estimates (every sample fell on one side), not
    certainties, and show as '<0.1%' and '>99%'."""
    if p <= 0:
        return "0%" if certain else "<0.1%"
    if p >= 1:
        return "100%" if certain else ">" + ("99." + "9" * (digits - 2) if digits > 2 else "99") + "%"
    if p < 0.001:
        return "<0.1%"
    text = derived(p * 100, digits)
    if text == "100":  # rounded up to a certainty it is not
        return ">" + ("99." + "9" * (digits - 2) if digits > 2 else "99") + "%"
    return f"{text}%"


def fmt(value: float | None) -> str:
    """A number for people where its provenance is not known: at most four
    significant figures."""
    return derived(value, 4)
