"""The IAMC scenario format (``-f iamc``, ``Analysis.to_iamc``): a portfolio
document in Mt CO2/yr as rows of model, scenario, region, variable and unit, one
value per year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.base.numbers import number

if TYPE_CHECKING:
    from nbscdr_cli.model.regions import Region

IAMC_UNIT = "Mt CO2/yr"


def iamc_region(region: Region | None) -> str:
    """A region as the IAMC's common-definitions name it: "World" for global figures, a
    country's name in nomenclature-iamc's list ("China", "United States"). Roe et al.
    (2021)'s AR6 regions are not the IAMC's R5 or R10 regions (their members differ), and
    their sum over every country is not a global assessment: those are refused."""
    if region is None:
        return "World"
    from nbscdr_cli.model.errors import UsageError

    if not region.is_country:
        what = (
            "the sum over the SI's countries and territories is not a global assessment, which the IAMC's World is"
            if region.is_world
            else f"{region.label('en')} is not one of the IAMC's regions (its R5 and R10 regions have other members)"
        )
        raise UsageError(
            f"{what}: export its countries one by one (a region per run: an ISO3 code), or its figures as CSV or JSON",
            field="iamc",
        )
    from nbscdr_cli.io.roe2021 import iamc_countries

    name = iamc_countries().get(region.code)
    if name is None:
        raise UsageError(
            f"{region.label('en')} ({region.code}) has no name in the IAMC's country list (a historic entity)",
            field="iamc",
        )
    return name


def iamc_document(doc: dict[str, Any], year: int | None = None) -> dict[str, Any]:
    """IAMC rows from a portfolio document in Mt CO2/yr: one scenario per bound
    ("<name>|low", "<name>|high", "<name>|p5"...), one row per variable (entries
    reporting under the same variable are summed), one column per year: each year
    of the period where the document has one, else ``year`` (default 2050).
    Percentile scenarios give each variable its own (marginal) percentile."""
    from nbscdr_cli.base.version import __version__
    from nbscdr_cli.model.errors import InputError

    assert doc["unit"] == IAMC_UNIT
    name = doc["name"] or "portfolio"
    missing = [e["technique"] for e in doc["entries"] if "iamc_variable" not in e]
    if missing:
        raise InputError(
            f"no iamc_variable in the data for {', '.join(missing)}; the IAMC format needs one per technique",
            field="iamc",
        )
    if "horizon" in doc:
        years = [p["year"] for p in doc["horizon"]["path"]]

        def path(e: dict[str, Any], value: float, end: str) -> list[float]:
            rows = e["horizon"]["path"]
            if end in ("low", "high"):
                return [p["removal"][end] for p in rows]
            return [value * (p["removal"]["high"] / e["high"] if e["high"] else 0.0) for p in rows]
    else:
        years = [2050 if year is None else year]

        def path(e: dict[str, Any], value: float, end: str) -> list[float]:
            return [value]

    region = iamc_region(_region_of(doc))
    bounds = ["low", "high", *(f"p{p}" for p in doc.get("uncertainty", {}).get("percentiles", {}))]
    rows = []
    for bound in bounds:
        totals: dict[str, list[float]] = {}
        for e in doc["entries"]:
            value = e[bound] if bound in ("low", "high") else e["percentiles"][bound[1:]]
            series = path(e, value, bound)
            previous = totals.get(e["iamc_variable"], [0.0] * len(years))
            totals[e["iamc_variable"]] = [a + b for a, b in zip(previous, series, strict=True)]
        for variable, values in totals.items():
            rows.append(
                {
                    "model": f"nbscdr {__version__}",
                    "scenario": f"{name}|{bound}",
                    "region": region,
                    "variable": variable,
                    "unit": IAMC_UNIT,
                    "values": [number(v) for v in values],
                }
            )
    return {"years": years, "rows": rows}


def _region_of(doc: dict[str, Any]) -> Region | None:
    """The region of a portfolio document, rebuilt from its code (None: global figures)."""
    if not doc.get("region"):
        return None
    from nbscdr_cli.io.roe2021 import load_roe2021

    return load_roe2021().regions.region(doc["region"]["code"])
