"""Numbers as nbscdr writes them: for machines at full precision (``number``),
for people at the precision the figure has.

- A figure as its source gave it (a catalog estimate or the user's own figure, in
  the unit it was written in) is shown as given: ``given`` (3, 1.8, 0.04, 1,000),
  and so is an exact sum of such figures.
- A derived figure (converted to another unit, scaled by a share, a difference, a
  mean, a percentile, a total over a period) carries no more than three
  significant figures: ``derived`` (409, 2,450, 0.0714).
- ``span`` writes a range, one number when both ends are equal; ``percent`` a
  probability, never rounded to a certainty it is not.

Thousands are separated with commas, as nbscdr also accepts them back as input.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

SIGNIFICANT = 3
PLAIN_RANGE = (1e-6, 1e15)  # decimals read well in between; outside, scientific notation


def number(value: float | None) -> float | None:
    """A plain, finite number rounded to 12 significant digits (None stays None),
    for JSON and CSV: 3 + 1.8 gives 4.8, not 4.800000000000001."""
    if value is None:
        return None
    rounded = float(f"{value:.12g}")
    return 0.0 if rounded == 0 else rounded


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


def derived(value: float | None, digits: int = SIGNIFICANT) -> str:
    """A derived figure, to ``digits`` significant figures."""
    if value is None:
        return "–"
    if value == 0:
        return "0"
    if not PLAIN_RANGE[0] <= abs(value) < PLAIN_RANGE[1]:
        return f"{value:.{digits - 1}e}"
    return _plain(f"{value:.{digits}g}")


def formatter(as_given: bool) -> Callable[[float | None], str]:
    """``given`` or ``derived``, for a whole column at once."""
    return given if as_given else derived


def span(low: float | None, high: float | None, show: Callable[[float | None], str] = derived) -> str:
    """'4–12', or one number where the range is a single value; in Chinese
    output '4～12' (``typography.language``)."""
    from nbscdr_cli.base.typography import range_mark

    a, b = show(low), show(high)
    return a if a == b else f"{a}{range_mark()}{b}"


def percent(p: float) -> str:
    """A probability as a percentage, to three significant figures, never shown
    as 0% or 100% unless it is exactly that."""
    if p <= 0:
        return "0%"
    if p >= 1:
        return "100%"
    if p < 0.001:
        return "<0.1%"
    if p > 0.999:
        return ">99.9%"
    return f"{derived(p * 100)}%"


def fmt(value: float | None) -> str:
    """A number for people where its provenance is not known: at most four
    significant figures."""
    return derived(value, 4)
