"""The library's entry point: one request in, one analysis out.

A ``Request`` says everything about a run: the portfolio (specs, a portfolio
file's content, or both), the catalog and whose estimates to use, the output unit,
the references, and optionally a Monte Carlo, a period and a target. ``analyse``
checks all of it before any work is done (a wrong option never costs a long
sampling run) and returns an ``analysis.Analysis``::

    from nbscdr_cli import MonteCarlo, Request, analyse
    a = analyse(Request(["afforestation", "biochar:50%"], monte_carlo=MonteCarlo(100_000, seed=1)))
    a.result.total          # RemovalRange(low=3.9, high=20.4, ...) in Gt CO2/yr
    a.to_dict(unit="Mt C/yr")

Errors are ``NbscdrError`` subclasses whose ``field`` names the request value at
fault (``"samples"``, ``"horizon.end"``) or whose ``where`` names the place in the
input (a spec, a file and key).
"""

# No `from __future__ import annotations`: Request's fields keep real types, so
# help(Request) and typing.get_type_hints show them (not ForwardRef strings).
import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.api import target
from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.compute.portfolio import Portfolio, PortfolioResult
from nbscdr_cli.io.portfolio_file import PortfolioFile
from nbscdr_cli.model.catalog import POTENTIALS, Catalog, Reference
from nbscdr_cli.model.errors import InputError, UsageError, cut, expect
from nbscdr_cli.model.horizon_settings import HorizonSettings
from nbscdr_cli.model.monte_carlo import MonteCarlo
from nbscdr_cli.model.spec import EntrySpec
from nbscdr_cli.model.units import Unit

if TYPE_CHECKING:
    from nbscdr_cli.api.regional import Geography
    from nbscdr_cli.compute.horizon import Curve, Horizon

LANGS = ("en", "zh")


class Request(NamedTuple):
    """One analysis to run.

    - ``specs``: spec strings (``"biochar:50%"``, ``"biochar=1-2"``) or ``EntrySpec`` values;
    - ``portfolio``: a portfolio file's content (TOML or JSON text, or the parsed
      mapping), a ``PortfolioFile``, or a path (``pathlib.Path``) to read;
      its entries come before ``specs``;
    - ``name``: the portfolio's name (default: the portfolio file's ``name``); it
      names the IAMC scenarios;
    - ``catalog``: a ``Catalog``, a path to a catalog file, or None (the built-in one);
    - ``assessment``: whose estimates to use (None: the catalog's default);
      ``fallback``: let the default assessment (or, where it has none, the first
      that has one) stand in where that one has none;
    - ``potential``: "technical" (biophysically possible) or "economic" (IPCC
      AR6: available below USD 100 per t CO2);
    - ``region``: a country (ISO3 code, English or Chinese name), an AR6 region of Roe
      et al. (2021)'s SI ("Eastern Asia", "region_ar6_10:Eastern Asia", "ldc") or
      "World": the figures are then Roe et al. (2021)'s (assessment roe2021), summed over
      the region's countries, and only references for that region are compared;
    - ``countries``: with a region, each member country's figures in ``to_dict``;
    - ``unit``: the output unit (a rate; with a ``horizon``, a rate or an amount);
      None: Gt CO2/yr, or Mt CO2/yr for a country or region other than the world;
    - ``monte_carlo``: ``MonteCarlo`` settings (Monte Carlo or convolution), or
      None for the sums alone;
    - ``horizon``: ``HorizonSettings`` for a period, or None;
    - ``references``: reference ids to compare with (None: the catalog's default
      references; a cumulative one only with a horizon over the same years as
      its own, so SR1.5's 21st-century CDR only when asked for);
    - ``target``: a value whose chance of being reached is reported (needs
      ``monte_carlo``, either method): a number in the output unit, or a quantity string;
    - ``lang``: "en" or "zh", the language of the labels (the warnings' messages)
      in ``Analysis.to_dict``; names are always given in both;
    - ``iamc``: the analysis will be exported as IAMC, so its preconditions are
      checked before any sampling.
    """

    specs: Sequence[str | EntrySpec] | str = ()
    portfolio: Any = None
    name: str | None = None
    catalog: Catalog | str | os.PathLike[str] | None = None
    assessment: str | None = None
    fallback: bool = False
    potential: str = "technical"
    unit: str | None = None
    monte_carlo: MonteCarlo | None = None
    horizon: HorizonSettings | None = None
    references: Sequence[str] | str | None = None
    target: float | str | None = None
    lang: str = "en"
    iamc: bool = False
    region: str | None = None
    countries: bool = False


GLOBAL_UNIT = "Gt CO2/yr"
REGIONAL_UNIT = "Mt CO2/yr"  # a country's figures read in Mt


class Plan(NamedTuple):
    """A checked request, ready to run: everything resolved, nothing computed
    that costs more than arithmetic."""

    catalog: Catalog
    portfolio: Portfolio
    references: tuple[Reference, ...]
    unit: Unit
    mass_unit: Unit | None
    monte_carlo: MonteCarlo | None
    horizon: HorizonSettings | None
    targets: Mapping[str, Mapping[str, float]]  # total ("annual", "cumulative") -> name -> canonical value
    lang: str
    geography: "Geography | None" = None  # for a country or region (issue 22)


def catalog_of(request: Request) -> Catalog:
    """The request's catalog, under its assessment (for its region, if it has one)."""
    return catalog_and_geography(request)[0]


def catalog_and_geography(request: Request) -> "tuple[Catalog, Geography | None]":
    """The request's catalog under its assessment, and for a region (or the roe2021
    assessment) what its figures were summed over."""
    catalog = base_catalog(request)
    if request.potential not in POTENTIALS:
        raise UsageError(f"{request.potential!r} is not one of {', '.join(POTENTIALS)}", field="potential")
    # the same test as api.regional.wants_region, without importing it: a run for no
    # region (most runs) never loads the regions' modules (start-up, issue 8)
    if request.region is not None or (request.assessment or "").casefold() == "roe2021":
        from nbscdr_cli.api.regional import regional_view

        return regional_view(
            catalog, request.region, request.assessment, request.potential, fallback=request.fallback
        )
    if request.countries:
        raise UsageError("applies only with a region", field="countries")
    return catalog.under(request.assessment, fallback=request.fallback, potential=request.potential), None


def base_catalog(request: Request) -> Catalog:
    """The request's catalog as loaded (a ``Catalog`` as given, else read)."""
    if isinstance(request.catalog, Catalog):
        return request.catalog
    from nbscdr_cli.io.load import load_catalog

    return load_catalog(request.catalog)


def entry_specs(request: Request) -> tuple[str | None, list[EntrySpec]]:
    """The portfolio's name and its entry specs: the portfolio file's, then ``specs``."""
    from nbscdr_cli.model.spec import EntrySpec, parse_specs

    name = request.name
    if name is not None:
        if not isinstance(name, str):
            raise TypeError(f"name must be a str or None, not {type(name).__name__}")
        from nbscdr_cli.base.user_text import clean

        name = clean(name).strip() or None  # as every user text: valid Unicode, one line
    specs: list[EntrySpec] = []
    if request.portfolio is not None:
        loaded = as_portfolio_file(request.portfolio)
        specs.extend(loaded.entries)
        name = name or loaded.name
    given = [request.specs] if isinstance(request.specs, str) else list(request.specs)
    texts = [s for s in given if not isinstance(s, EntrySpec)]
    parsed = iter(parse_specs(texts))
    specs.extend(s if isinstance(s, EntrySpec) else next(parsed) for s in given)
    if not specs:
        raise UsageError("give at least one technique, e.g. 'afforestation' or 'biochar:50%'", field="specs")
    return name, specs


def as_portfolio_file(value: Any) -> PortfolioFile:
    from nbscdr_cli.io.portfolio_file import (
        PortfolioFile,
        portfolio_from_dict,
        portfolio_from_text,
        read_portfolio_file,
    )

    if isinstance(value, PortfolioFile):
        return value
    if isinstance(value, os.PathLike):
        return read_portfolio_file(value)
    if isinstance(value, str):
        return portfolio_from_text(value)
    if isinstance(value, Mapping):
        return portfolio_from_dict(value, where="<portfolio>")
    raise UsageError("must be TOML or JSON text, a mapping, or a path", field="portfolio")


def _references(
    request: Request, catalog: Catalog, geography: "Geography | None", techniques: tuple[str, ...]
) -> tuple[tuple[Reference, ...], tuple[Reference, ...]]:
    from nbscdr_cli.api.geography_scope import choose_references

    ids = [request.references] if isinstance(request.references, str) else request.references
    period = None if request.horizon is None else (request.horizon.start, request.horizon.end)
    return choose_references(catalog, ids, geography, techniques, period=period)


def default_unit(geography: "Geography | None") -> str:
    """Gt CO2/yr, or Mt CO2/yr for a country or a region other than the world."""
    regional = geography is not None and not geography.region.is_world
    return REGIONAL_UNIT if regional else GLOBAL_UNIT


def output_units(request: Request, geography: "Geography | None" = None) -> tuple[Unit, Unit | None]:
    from nbscdr_cli.model.units import parse_unit, rate_and_mass

    unit = request.unit or default_unit(geography)
    if request.horizon is not None:
        return rate_and_mass(unit, field="unit")
    return parse_unit(unit, kind="rate", field="unit"), None


def _check_iamc(portfolio: Portfolio) -> None:
    missing = [e.technique.id for e in portfolio.entries if not e.technique.iamc_variable]
    if missing:
        raise InputError(
            f"no iamc_variable in the data for {', '.join(missing)}; the IAMC format needs one per technique",
            field="iamc",
        )


def check_types(request: Request) -> None:
    """Each field of ``request`` of a type it takes, or a TypeError naming it;
    values are checked where they are resolved (``prepare``)."""
    expect(request, Request, "request", "a Request")
    specs = request.specs
    if not isinstance(specs, str):
        if not isinstance(specs, Sequence):
            raise TypeError(f"specs must be a list of spec strings or EntrySpec, not {type(specs).__name__}")
        for spec in specs:
            expect(spec, (str, EntrySpec), "specs", "a list of spec strings or EntrySpec")
    if not isinstance(request.catalog, Catalog | str | os.PathLike | type(None)):
        raise TypeError(f"catalog must be a Catalog, a path or None, not {type(request.catalog).__name__}")
    for name, value in (
        ("name", request.name),
        ("assessment", request.assessment),
        ("region", request.region),
    ):
        if value is not None:
            expect(value, str, name, "a str or None")
    expect(request.potential, str, "potential", "'technical' or 'economic'")
    expect(request.lang, str, "lang", "'en' or 'zh'")
    if request.unit is not None:
        expect(request.unit, str, "unit", "a unit such as 'Gt CO2/yr', or None")
    expect(request.fallback, bool, "fallback", "True or False")
    expect(request.iamc, bool, "iamc", "True or False")
    expect(request.countries, bool, "countries", "True or False")
    if request.monte_carlo is not None:
        expect(request.monte_carlo, MonteCarlo, "monte_carlo", "a MonteCarlo or None")
    if request.horizon is not None:
        expect(request.horizon, HorizonSettings, "horizon", "a HorizonSettings or None")
    references = request.references
    if references is not None and not isinstance(references, str):
        if not isinstance(references, Sequence):
            raise TypeError(f"references must be a list of reference ids, not {type(references).__name__}")
        for ref in references:
            expect(ref, str, "references", "a list of reference ids")


def prepare(request: Request) -> Plan:
    """Check every part of ``request`` and resolve it, without computing
    anything that costs time. Raises the first problem found."""
    from nbscdr_cli.compute.portfolio import build_portfolio

    check_types(request)
    if request.lang not in LANGS:
        raise UsageError(f"{cut(repr(request.lang))} is not one of {', '.join(LANGS)}", field="lang")
    catalog, geography = catalog_and_geography(request)
    name, specs = entry_specs(request)
    portfolio = build_portfolio(catalog, specs, name=name)
    if request.fallback and not any(e.technique.fallback for e in portfolio.entries):
        raise UsageError(
            f"has no effect: every entry has an estimate in {catalog.assessment} "
            f"({'economic' if catalog.potential == 'economic' else 'technical'} potential)",
            field="fallback",
        )
    references, omitted = _references(
        request, catalog, geography, tuple(e.technique.id for e in portfolio.entries)
    )
    if geography is not None:
        geography = geography._replace(omitted=omitted, per_country=request.countries)
    unit, mass_unit = output_units(request, geography)
    horizon = request.horizon
    if horizon is not None:
        from nbscdr_cli.model.horizon_settings import check_settings, resolve

        check_settings(horizon)
        horizon = resolve(horizon, catalog, [e.technique.id for e in portfolio.entries])
        from nbscdr_cli.model.enums import Method
        from nbscdr_cli.model.monte_carlo import CONVOLUTION_NEEDS_FIXED_SATURATION

        mc = request.monte_carlo
        if mc is not None and mc.method is Method.convolution:
            saturation = horizon.saturation_years
            if any(isinstance(saturation.for_technique(e.technique.id), tuple) for e in portfolio.entries):
                raise UsageError(CONVOLUTION_NEEDS_FIXED_SATURATION, field="method")
    targets = target.thresholds(
        request.target, unit, distribution=request.monte_carlo is not None, period=request.horizon is not None
    )
    if request.iamc:
        _check_iamc(portfolio)
        if geography is not None:
            from nbscdr_cli.api.iamc import iamc_region

            iamc_region(geography.region)  # a region the IAMC's codelists name, or an error now
    return Plan(
        catalog,
        portfolio,
        references,
        unit,
        mass_unit,
        request.monte_carlo,
        horizon,
        targets,
        request.lang,
        geography,
    )


def run(plan: Plan, *, progress: Callable[[int], None] | None = None) -> Analysis:
    """Compute a prepared request: sums, then the period, then the Monte Carlo."""
    from nbscdr_cli.compute.portfolio import sum_portfolio

    result = sum_portfolio(plan.portfolio, plan.references, plan.catalog.overlaps)
    horizon = None
    if plan.horizon is not None:
        from nbscdr_cli.compute.horizon import project

        result = result._replace(needs_period=())
        horizon = project(result, plan.horizon, plan.references)
    simulation = None
    if plan.monte_carlo is not None:
        import numpy as np

        from nbscdr_cli.compute.finite import check_simulation
        from nbscdr_cli.compute.uncertainty import simulate

        entries = result.portfolio.entries
        weights, thresholds = _sampled_totals(result, horizon, plan.targets)
        with np.errstate(all="ignore"):  # an overflow is reported below, not warned of
            simulation = simulate(
                [e.range.lower for e in entries],
                [e.range.high for e in entries],
                plan.monte_carlo,
                modes=[e.range.mode for e in entries],
                weights=weights,
                thresholds=thresholds,
                names=[e.technique.id for e in entries],
                progress=progress,
                probability_only=[name for name in weights if "@" in name],  # in-scope subtotals
            )
        check_simulation(simulation)
    return Analysis(
        result, plan.catalog, plan.unit, plan.mass_unit, plan.lang, simulation, horizon, plan.geography
    )


def _sampled_totals(
    result: PortfolioResult, horizon: "Horizon | None", targets: Mapping[str, Mapping[str, float]]
) -> "tuple[dict[str, list[float | Curve]], dict[str, dict[str, float]]]":
    """The totals to sample (weights per entry) and the thresholds each is tested
    against. A reference's ends are tested against the subtotal of the entries
    in its scope: the total itself where it covers every entry, else a total of
    its own, named "<total>@<reference>"."""
    entries = result.portfolio.entries
    weights: dict[str, list[float | Curve]] = {"annual": [1.0] * len(entries)}
    if horizon is not None:
        weights["cumulative"] = horizon.cumulative_weights
        weights["durable"] = horizon.durable_weights
    thresholds: dict[str, dict[str, float]] = {name: {} for name in weights}

    def test(totals: tuple[str, ...], reference: Reference, in_scope: tuple[str, ...]) -> None:
        if not in_scope:  # nothing in its scope: no chance to state
            return
        ends = {f"{reference.id}.low": reference.range.lower, f"{reference.id}.high": reference.range.high}
        for total in totals:
            if len(in_scope) == len(entries):
                thresholds[total].update(ends)
                continue
            mask = [1.0 if e.technique.id in in_scope else 0.0 for e in entries]
            weights[f"{total}@{reference.id}"] = [
                w if m else 0.0 for w, m in zip(weights[total], mask, strict=True)
            ]
            thresholds[f"{total}@{reference.id}"] = ends

    for c in result.comparisons:
        test(("annual",), c.reference, c.in_scope_ids)
    for cc in horizon.comparisons if horizon is not None else ():
        test(("cumulative", "durable"), cc.reference, cc.in_scope_ids)
    for name, values in targets.items():
        thresholds[name].update(values)
    return weights, thresholds


def analyse(request: Request, *, progress: Callable[[int], None] | None = None) -> Analysis:
    """Check ``request`` whole, then compute it. ``progress`` is called with the
    number of samples drawn so far during a Monte Carlo."""
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be a function or None, not {type(progress).__name__}")
    return run(prepare(request), progress=progress)
