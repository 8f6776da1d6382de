"""A portfolio document as tidy tables: rows with a header, for the CSV
renderer and for data frames (``Analysis.to_frame``), so that both give the same
columns."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.base.i18n import _


def path_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """With a horizon: one row per entry and year, then the total's rows."""
    h = doc["horizon"]
    rows: list[list[Any]] = [
        [
            "technique",
            "year",
            "removal_low",
            "removal_high",
            "rate_unit",
            "cumulative_low",
            "cumulative_high",
            "stock_low",
            "stock_high",
            "unit",
        ]
    ]
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


def portfolio_rows(doc: dict[str, Any], lang: str, *, statistics: bool = False) -> list[list[Any]]:
    """A header, one row per entry, and a final total row. With ``statistics``
    (for a data frame) and a Monte Carlo: the total's mean, standard deviation
    and percentiles, and each entry's own (marginal) percentiles."""
    unit = doc["unit"]
    u = doc.get("uncertainty") if statistics else None
    percentiles = [] if u is None else list(u["percentiles"])
    extra = [] if u is None else ["mean", "std", *(f"p{p}" for p in percentiles)]
    region = doc.get("region")  # a country's or region's figures: their code in a last column
    where = [] if region is None else [region["code"]]
    rows: list[list[Any]] = [
        [
            "technique",
            "name",
            "share",
            "low",
            "high",
            "unit",
            "up_to",
            *extra,
            *(["region"] if region else []),
        ]
    ]
    for e in doc["entries"]:
        own = [] if u is None else ["", "", *(e["percentiles"][p] for p in percentiles)]
        rows.append(
            [e["technique"], e["name"], e["share"], e["low"], e["high"], unit, e["up_to"], *own, *where]
        )
    total = doc["total"]
    stats = [] if u is None else [u["mean"], u["std"], *u["percentiles"].values()]
    rows.append(["total", _("Total", lang), "", total["low"], total["high"], unit, "", *stats, *where])
    blank = [""] * len(extra)
    names = {e["technique"]: (e["name"], e["share"]) for e in doc["entries"]}
    for c in doc.get("countries", []):  # each member country's figures, on request
        for cell in c["entries"]:
            name, share = names[cell["technique"]]
            rows.append(
                [cell["technique"], name, share, cell["low"], cell["high"], unit, False, *blank, c["iso3"]]
            )
        rows.append(
            [
                "total",
                _("Total", lang),
                "",
                c["total"]["low"],
                c["total"]["high"],
                unit,
                "",
                *blank,
                c["iso3"],
            ]
        )
    return rows


def summary_rows(doc: dict[str, Any]) -> list[list[Any]]:
    """The Monte Carlo section of a portfolio's CSV: one statistic per row, of
    the total (its mean, standard deviation and percentiles), of each entry (its
    own percentiles, which do not add up to the total's), of the totals over a
    period, and the chance of reaching each threshold."""
    u = doc["uncertainty"]
    rows: list[list[Any]] = [["statistic", "of", "value", "unit"]]
    rows += [[key, "", u[key], ""] for key in ("samples", "seed", "distribution", "correlation", "method")]
    totals = [("total", u, doc["unit"], doc["comparisons"])]
    if "horizon" in doc and "uncertainty" in doc["horizon"]:
        h = doc["horizon"]
        totals += [
            (f"{kind} total", h["uncertainty"][kind], h["unit"], h["comparisons"])
            for kind in ("cumulative", "durable")
        ]
    for of, stats, unit, comparisons in totals:
        rows += [["mean", of, stats["mean"], unit], ["std", of, stats["std"], unit]]
        rows += [[f"p{p}", of, value, unit] for p, value in stats["percentiles"].items()]
        if of == "total":
            rows += [
                [f"p{p}", e["technique"], value, unit]
                for e in doc["entries"]
                for p, value in e["percentiles"].items()
            ]
        # a reference's ends are tested against the subtotal in its scope
        scoped = {c["reference"] for c in comparisons if c["out_of_scope"]}
        for key, p in stats["probability"].items():
            ref = key.rpartition(".")[0]
            tested = f"{of} in the scope of {ref}" if ref in scoped else of
            rows += [
                [f"threshold {key}", tested, stats["thresholds"][key], unit],
                [f"probability {key}", tested, p, ""],
            ]
    return rows
