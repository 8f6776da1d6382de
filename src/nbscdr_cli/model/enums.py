"""The fixed choices of nbscdr: output formats, distributions, methods, languages.

Kept in a module of their own, with nothing but the standard library's enum, so
that the command line can offer them as choices (validated and completed by
typer) without importing the code that uses them.
"""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """Text formats of the data commands (list, show, assessments, compare, convert)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class PortfolioFormat(StrEnum):
    """`portfolio` has the IAMC scenario CSV besides the text formats."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    iamc = "iamc"


class Distribution(StrEnum):
    """How each entry is drawn between its low and high (see uncertainty.py)."""

    uniform = "uniform"
    triangular = "triangular"
    pert = "pert"
    lognormal = "lognormal"


class Method(StrEnum):
    """How the distribution of a total is computed (see uncertainty.py)."""

    monte_carlo = "monte-carlo"
    convolution = "convolution"


class Lang(StrEnum):
    en = "en"
    zh = "zh"


class Potential(StrEnum):
    """Which potential the figures are: what is biophysically possible
    (technical) or what is available below USD 100 per t CO2 (economic, IPCC AR6)."""

    technical = "technical"
    economic = "economic"


class Notes(StrEnum):
    """Which notes the table and Markdown formats print under a result."""

    essential = "essential"  # what a reader needs not to misquote a figure
    all = "all"  # every note, in full
    none = "none"  # the tables alone


class Table(StrEnum):
    """Which of a portfolio's tables a CSV holds: one rectangular table per file."""

    entries = "entries"  # one row per entry, then the total
    statistics = "statistics"  # the totals' uncertainty, one statistic per row
    years = "years"  # the period, one row per entry (and the total) and year


class RankBy(StrEnum):
    """What `rank` and `regions` list: countries, or the regions of one of the AR6
    groupings of Roe et al. (2021)'s SI."""

    country = "country"
    region_ar6_5 = "region_ar6_5"
    region_ar6_10 = "region_ar6_10"
    region_ar6_22 = "region_ar6_22"
    region_ar6_dev = "region_ar6_dev"
