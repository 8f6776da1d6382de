"""The IAMC scenario format (``-f iamc``, ``Analysis.to_iamc``): a portfolio in
Mt CO2/yr as rows of model, scenario, region, variable and unit, one value per
year, built to merge with other runs and other models' data.

- Model: "nbscdr", the same in every release (the version is in the meta).
- Scenario: "<name>|<bound>" (low, high, p5...): the portfolio's name where
  one is given, else one built from its content (its entries, the assessment,
  and a digest of every figure written), so two different portfolios never
  share a scenario name.
- Years (``YEAR_CONVENTION``): the column for year Y holds the removal rate
  during year Y. A period from S to E gives the columns S to E inclusive: S to
  E-1 are the period's own years and E holds the rate in year E under the same
  ramp-up and saturation, so "2030 to 2050" has a 2050 column. Figures without
  a period carry no year of their own: the one column is the year the user
  names, never one chosen silently.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from nbscdr_cli.base.numbers import number
from nbscdr_cli.model.errors import InputError, UsageError, cut

if TYPE_CHECKING:
    from nbscdr_cli.api.results import Results
    from nbscdr_cli.model.regions import Region

IAMC_UNIT = "Mt CO2/yr"
MODEL = "nbscdr"
YEAR_CONVENTION = (
    "The column for year Y holds the removal rate during year Y. With a period from S to E the "
    "columns run from S to E inclusive: S to E-1 are the period's years, and E holds the rate in "
    "year E under the same ramp-up and saturation. Without a period the one column is the year "
    "the user chose for figures that carry no year of their own."
)
MAX_STEM_ENTRIES = 60  # characters of entries in a scenario name built from content


def iamc_region(region: Region | None) -> str:
    """A region as the IAMC's common-definitions name it: "World" for global figures, a
    country's name in nomenclature-iamc's list ("China", "United States"). Roe et al.
    (2021)'s AR6 regions are not the IAMC's R5 or R10 regions (their members differ), and
    their sum over every country is not a global assessment: those are refused."""
    if region is None:
        return "World"
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


def iamc_document(analysis: Results, year: int | None = None) -> dict[str, Any]:
    """The IAMC rows of ``analysis``: one scenario per bound ("<name>|low",
    "<name>|high", "<name>|p5"...), one row per variable (entries reporting
    under the same variable are summed), one column per year (see the module's
    note; ``year`` is required without a period, refused with one), and the
    meta that says how to read them. Percentile scenarios give each variable
    its own (marginal) percentile."""
    from nbscdr_cli.api.documents import portfolio_document
    from nbscdr_cli.model.units import parse_unit, rate_and_mass

    if analysis.horizon is None and year is None:
        raise UsageError(
            "the figures carry no year of their own: give the year they stand for (or a period)",
            field="year",
        )
    if analysis.horizon is not None and year is not None:
        raise UsageError("with a period the IAMC data has a column for each year of it", field="year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise UsageError(f"{year!r} is not a year", field="year")
    missing = [e.technique.id for e in analysis.result.portfolio.entries if not e.technique.iamc_variable]
    if missing:
        raise InputError(
            f"no iamc_variable in the data for {', '.join(missing)}; the IAMC format needs one per technique",
            field="iamc",
        )
    unit, mass = rate_and_mass(IAMC_UNIT, field="iamc") if analysis.horizon else (parse_unit(IAMC_UNIT), None)
    doc = portfolio_document(analysis, unit, "en", mass)
    if analysis.horizon is not None:
        years = [p["year"] for p in doc["horizon"]["path"]]
        years.append(analysis.horizon.settings.end)
        last = _end_year_rates(analysis, unit.factor)
    else:
        assert year is not None
        years = [year]
        last = {}

    def series(e: dict[str, Any], value: float, bound: str) -> list[float]:
        if "horizon" not in e:
            return [value]
        low, high = last[e["technique"]]
        if bound in ("low", "high"):
            return [p["removal"][bound] for p in e["horizon"]["path"]] + [low if bound == "low" else high]
        # a percentile follows the shape of the high end's path
        return [value * (r / e["high"] if e["high"] else 0.0) for r in _high_path(e, high)]

    bounds = ["low", "high", *(f"p{p}" for p in doc.get("uncertainty", {}).get("percentiles", {}))]
    values: list[tuple[str, str, list[float | None]]] = []
    for bound in bounds:
        totals: dict[str, list[float]] = {}
        for e in doc["entries"]:
            value = e[bound] if bound in ("low", "high") else e["percentiles"][bound[1:]]
            previous = totals.get(e["iamc_variable"], [0.0] * len(years))
            totals[e["iamc_variable"]] = [
                a + b for a, b in zip(previous, series(e, value, bound), strict=True)
            ]
        values += [(bound, variable, [number(v) for v in row]) for variable, row in totals.items()]
    stem = doc["name"] or content_name(doc, years, values)
    from nbscdr_cli.base.version import __version__

    region = iamc_region(analysis.geography.region if analysis.geography is not None else None)

    rows = [
        {
            "model": MODEL,
            "scenario": f"{stem}|{bound}",
            "region": region,
            "variable": variable,
            "unit": IAMC_UNIT,
            "values": row,
        }
        for bound, variable, row in values
    ]
    meta = {
        f"{stem}|{bound}": {
            "nbscdr_version": __version__,
            "bound": bound,
            "portfolio": stem,
            "assessment": doc["assessment"],
            "potential": doc["potential"],
            "year_convention": YEAR_CONVENTION,
        }
        for bound in bounds
    }
    return {"model": MODEL, "nbscdr_version": __version__, "years": years, "rows": rows, "meta": meta}


def _high_path(e: dict[str, Any], last: float) -> list[float]:
    return [p["removal"]["high"] for p in e["horizon"]["path"]] + [last]


def _end_year_rates(analysis: Results, factor: float) -> dict[str, tuple[float, float]]:
    """Each entry's low and high rate in the period's end year (the year after its
    last), under the same ramp-up and saturation, in the unit of ``factor``: the
    model's course continued by one year. Reversal acts on stocks, not on rates."""
    from nbscdr_cli.compute.horizon import unit_paths

    h = analysis.horizon
    assert h is not None
    years = h.settings.years + 1
    rates = {}
    for entry, eh in zip(analysis.result.portfolio.entries, h.entries, strict=True):
        p = eh.parameters
        span = p.saturation_range
        low_path = unit_paths(p.at_saturation(span[0]) if span else p, years)[0]
        high_path = unit_paths(p.at_saturation(span[1]) if span else p, years)[0]
        rates[entry.technique.id] = (
            entry.range.lower * low_path[-1] / factor,
            entry.range.high * high_path[-1] / factor,
        )
    return rates


def content_name(doc: dict[str, Any], years: list[int], values: list[Any]) -> str:
    """A scenario name from a portfolio's content: its entries ("biochar:50%" for a
    share, "biochar=own" for the user's own figure; cut after a few), its
    assessment and potential, and a digest of everything the rows hold, so that
    portfolios with different figures never share a name and a run repeated
    gives the same one."""
    parts = []
    for e in doc["entries"]:
        token = e["technique"]
        if e["own_figure"]:
            token += "=own"
        elif e["share"] != 1:
            token += f":{number(e['share'] * 100):g}%"
        parts.append(cut(token, MAX_STEM_ENTRIES))
    shown = ""
    for i, token in enumerate(parts):
        candidate = f"{shown}+{token}" if shown else token
        if len(candidate) > MAX_STEM_ENTRIES and shown:
            shown += f"+{len(parts) - i} more"
            break
        shown = candidate
    whose = doc["assessment"] or "own figures"
    if doc["potential"] != "technical":
        whose += f" {doc['potential']}"
    content = json.dumps([years, values], separators=(",", ":"), ensure_ascii=True)
    digest = hashlib.blake2b(content.encode("ascii"), digest_size=5).hexdigest()
    return f"{shown} ({whose}, {digest})"
