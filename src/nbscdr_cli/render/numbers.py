"""Numbers as nbscdr writes them: for people (``fmt``) and for machines (``number``)."""

from __future__ import annotations


def number(value: float | None) -> float | None:
    """A plain, finite number rounded to 12 significant digits (None stays None),
    for JSON and CSV: 3 + 1.8 gives 4.8, not 4.800000000000001."""
    if value is None:
        return None
    rounded = float(f"{value:.12g}")
    return 0.0 if rounded == 0 else rounded


def fmt(value: float | None) -> str:
    """A number for people: up to 4 significant digits, thousands separated."""
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    text = f"{value:.4g}"
    if "e" in text:
        return f"{value:.2e}"
    return text
