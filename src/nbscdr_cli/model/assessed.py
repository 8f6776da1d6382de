"""What an assessment says of a technique besides its figure: the governance
challenges it raises, its cost, and its technology readiness level.
"""

from __future__ import annotations

from typing import NamedTuple

from nbscdr_cli.model.sources import LocalText, Quote


class Challenge(NamedTuple):
    """One governance challenge; ``id`` lets a briefing list it once, ``short``
    names the decision in a sentence ("monitoring, reporting and verification").
    ``source`` is its citation, or ``NBSCDR`` for nbscdr's own summary."""

    id: str
    text: LocalText
    short: LocalText | None = None
    source: str | None = None
    quotes: tuple[Quote, ...] = ()


class Cost(NamedTuple):
    """A cost range in USD per t CO2 or per t CO2e, as its source gives it (may be
    negative), or a source's words where it gives no number ("Insufficient data":
    kept as text, never a number)."""

    low: float | None
    high: float | None
    text: LocalText | None
    source: str
    notes: LocalText | None = None
    quotes: tuple[Quote, ...] = ()
    unit: str = "USD/t CO2"  # the source's: Fuss et al.'s costs are per t CO2-eq


class Readiness(NamedTuple):
    """A technology readiness level range (1–9)."""

    low: int
    high: int
    source: str
    quotes: tuple[Quote, ...] = ()
