"""A portfolio document as tidy tables: a header and rows, one table per shape,
for the CSV renderer (``--table``) and for data frames (``Analysis.to_frame``,
``totals_frame``, ``statistics_frame``, ``years_frame``), so that both give the
same columns. Every table is rectangular, with a header fixed by the options
(see README, "CSV contract"):

- entries: one row per entry (the CSV adds the total as a last row);
- totals: one row per total (annual, and over a period cumulative and stored at the end);
- statistics: the totals' uncertainty, one statistic per row;
- years: the period, one row per entry (then the total) and year.

Names are the English name and the Chinese one (``name_en``, ``name_zh``)
whatever the language asked for: a table's content never depends on the locale.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.base.i18n import _

ENTRY_COLUMNS = (
    "technique",
    "name_en",
    "name_zh",
    "share",
    "low",
    "high",
    "central",
    "unit",
    "up_to",
    "own_figure",
    "fallback",
    "assessment",
)
HORIZON_COLUMNS = (
    "cumulative_low",
    "cumulative_high",
    "stored_at_end_low",
    "stored_at_end_high",
    "amount_unit",
)
STATISTICS_COLUMNS = (
    "total",
    "statistic",
    "value",
    "unit",
    "in_scope_of",
    "method",
    "distribution",
    "correlation",
    "samples",
    "seed",
)
YEAR_COLUMNS = (
    "technique",
    "year",
    "removal_low",
    "removal_high",
    "rate_unit",
    "cumulative_low",
    "cumulative_high",
    "stock_low",
    "stock_high",
    "amount_unit",
)


def _marginals(doc: dict[str, Any]) -> list[str]:
    """The percentile keys of the entries' own (marginal) distributions."""
    u = doc.get("uncertainty")
    return [] if u is None else list(u["percentiles"])


def entry_header(doc: dict[str, Any]) -> list[str]:
    """The entries table's columns for this document: with uncertainty, each
    entry's own percentiles (``marginal_p5``...); with a period, its cumulative
    and what is stored at the end."""
    header = [*ENTRY_COLUMNS, *(f"marginal_p{p}" for p in _marginals(doc))]
    if "horizon" in doc:
        header += HORIZON_COLUMNS
    if doc.get("region"):  # a country's or region's figures: its code, last
        header.append("region")
    return header


def _region(doc: dict[str, Any]) -> list[Any]:
    """The region column's cell: the region's code, where the document has one."""
    return [doc["region"]["code"]] if doc.get("region") else []


def entry_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """The entries table: a header and one row per entry, the total left out."""
    rows: list[list[Any]] = [entry_header(doc)]
    percentiles = _marginals(doc)
    for e in doc["entries"]:
        row = [
            e["technique"],
            e["name"]["en"],
            e["name"].get("zh"),
            e["share"],
            e["low"],
            e["high"],
            e["central"],
            doc["unit"],
            e["up_to"],
            e["own_figure"],
            e["fallback"],
            e["assessment"],
            *(e["percentiles"][p] for p in percentiles),
        ]
        if "horizon" in doc:
            row += _period_cells(e["horizon"], doc["horizon"]["unit"])
        rows.append([*row, *_region(doc)])
    return rows


def total_row(doc: dict[str, Any]) -> list[Any]:
    """The total as a row of the entries table (the CSV's last row): its own
    percentiles are statistics of the total, in the statistics table, so its
    marginal columns stay empty."""
    total = doc["total"]
    entries = doc["entries"]
    row = [
        "total",
        _("Total", "en"),
        _("Total", "zh"),
        None,
        total["low"],
        total["high"],
        None,
        doc["unit"],
        bool(total["up_to"]),  # the total's low counts an "up to" entry as 0
        any(e["own_figure"] for e in entries),
        any(e["fallback"] for e in entries),
        doc["assessment"],
        *(None for _p in _marginals(doc)),
    ]
    if "horizon" in doc:
        row += _period_cells(doc["horizon"], doc["horizon"]["unit"])
    return [*row, *_region(doc)]


def _period_cells(h: dict[str, Any], unit: str) -> list[Any]:
    """An entry's or the total's amounts over the period: cumulative and stored at
    the end, low and high, and their unit."""
    return [
        h["cumulative"]["low"],
        h["cumulative"]["high"],
        h["stored_at_end"]["low"],
        h["stored_at_end"]["high"],
        unit,
    ]


def portfolio_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """The CSV's entries table: the entries, then the total as a last row
    (``technique`` = "total"); with each member country's figures (``--countries``),
    then each country's entries and total, its ISO3 code in the region column."""
    return [*entry_rows(doc), total_row(doc), *country_rows(doc)]


def country_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """Each member country's entries and total as rows of the entries table (the
    user's own figures and a period's columns have none: empty)."""
    entries = {e["technique"]: e for e in doc["entries"]}
    blank = [None] * (len(entry_header(doc)) - len(ENTRY_COLUMNS) - 1)  # marginals, period
    rows: list[list[Any]] = []
    for c in doc.get("countries", []):
        for cell in c["entries"]:
            e = entries[cell["technique"]]
            rows.append(
                [
                    cell["technique"],
                    e["name"]["en"],
                    e["name"].get("zh"),
                    e["share"],
                    cell["low"],
                    cell["high"],
                    cell["central"],
                    doc["unit"],
                    False,
                    False,
                    False,
                    e["assessment"],
                    *blank,
                    c["iso3"],
                ]
            )
        total = c["total"]
        rows.append(
            [
                "total",
                _("Total", "en"),
                _("Total", "zh"),
                None,
                total["low"],
                total["high"],
                total["central"],
                doc["unit"],
                False,
                False,
                False,
                doc["assessment"],
                *blank,
                c["iso3"],
            ]
        )
    return rows


def totals_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """One row per total: the annual total, and over a period the cumulative one and
    what is stored at the end; with uncertainty, each total's mean, standard deviation and
    percentiles."""
    u = doc.get("uncertainty")
    keys = [] if u is None else list(u["percentiles"])
    rows: list[list[Any]] = [["total", "low", "high", "unit", "mean", "std", *(f"p{p}" for p in keys)]]

    def stats(of: dict[str, Any] | None) -> list[Any]:
        if of is None:
            return [None, None, *(None for _p in keys)]
        return [of["mean"], of["std"], *(of["percentiles"][p] for p in keys)]

    total = doc["total"]
    rows.append(["annual", total["low"], total["high"], doc["unit"], *stats(u)])
    if "horizon" in doc:
        h = doc["horizon"]
        for kind in ("cumulative", "stored_at_end"):
            own = h["uncertainty"][kind] if "uncertainty" in h else None
            rows.append([kind, h[kind]["low"], h[kind]["high"], h["unit"], *stats(own)])
    return rows


def statistics_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """The totals' uncertainty, one statistic per row: of each total (annual,
    and over a period cumulative and stored at the end) its mean, standard deviation and
    percentiles (``p5``...), then for each threshold its value and the chance of
    reaching it (``threshold_unep_low``, ``probability_unep_low``,
    ``threshold_target``...). A reference's ends are tested against the
    subtotal of the entries in its scope: ``in_scope_of`` names that reference
    where the subtotal leaves entries out, and is empty for the whole portfolio.
    The method and its settings repeat on every row, so each row says how it was
    computed."""
    u = doc["uncertainty"]
    settings = [u["method"], u["distribution"], u["correlation"], u["samples"], u["seed"]]
    rows: list[list[Any]] = [list(STATISTICS_COLUMNS)]
    totals = [("annual", u, doc["unit"], doc["comparisons"])]
    if "horizon" in doc and "uncertainty" in doc["horizon"]:
        h = doc["horizon"]
        totals += [
            (kind, h["uncertainty"][kind], h["unit"], h["comparisons"])
            for kind in ("cumulative", "stored_at_end")
        ]
    for total, stats, unit, comparisons in totals:
        rows += [[total, "mean", stats["mean"], unit, None, *settings]]
        rows += [[total, "std", stats["std"], unit, None, *settings]]
        rows += [[total, f"p{p}", value, unit, None, *settings] for p, value in stats["percentiles"].items()]
        scoped = {c["reference"] for c in comparisons if c["out_of_scope"]}
        for ref, ends in stats["probability"].items():
            scope = ref if ref in scoped else None
            for end, p in ends.items():
                threshold = stats["thresholds"][ref][end]
                rows += [
                    [total, f"threshold_{ref}_{end}", threshold, unit, scope, *settings],
                    [total, f"probability_{ref}_{end}", p, None, scope, *settings],
                ]
        if "target" in stats:
            rows += [
                [total, "threshold_target", stats["target"]["value"], unit, None, *settings],
                [total, "probability_target", stats["target"]["probability"], None, None, *settings],
            ]
    return rows


def year_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """With a period: one row per entry and year, then the total's rows
    (``technique`` = "total"): the removal in that year (a rate), and the
    cumulative removal and the stock at its end (amounts)."""
    h = doc["horizon"]
    rows: list[list[Any]] = [list(YEAR_COLUMNS)]
    series = [(e["technique"], e["horizon"]["path"]) for e in doc["entries"]] + [("total", h["path"])]
    for name, path in series:
        for p in path:
            rows.append(
                [
                    name,
                    p["year"],
                    p["removal"]["low"],
                    p["removal"]["high"],
                    doc["unit"],
                    p["cumulative"]["low"],
                    p["cumulative"]["high"],
                    p["stock"]["low"],
                    p["stock"]["high"],
                    h["unit"],
                ]
            )
    return rows
