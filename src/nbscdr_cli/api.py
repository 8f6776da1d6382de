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

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.analysis import Analysis
from nbscdr_cli.catalog import Catalog, LocalText, Reference
from nbscdr_cli.errors import InputError, UsageError

if TYPE_CHECKING:
    from nbscdr_cli.horizon import HorizonSettings
    from nbscdr_cli.portfolio import Portfolio
    from nbscdr_cli.spec import EntrySpec, PortfolioFile
    from nbscdr_cli.uncertainty import MonteCarlo
    from nbscdr_cli.units import Unit

LANGS = ("en", "zh")


class Request(NamedTuple):
    """One analysis to run.

    - ``specs``: spec strings (``"biochar:50%"``, ``"biochar=1-2"``) or ``EntrySpec``s;
    - ``portfolio``: a portfolio file's content (TOML or JSON text, or the parsed
      mapping), a ``PortfolioFile``, or a path (``pathlib.Path``) to read;
      its entries come before ``specs``;
    - ``catalog``: a ``Catalog``, a path to a catalog file, or None (the built-in one);
    - ``assessment``: whose estimates to use (None: the catalog's default);
      ``fallback``: let the default assessment stand in where that one has none;
    - ``unit``: the output unit (a rate; with a ``horizon``, a rate or an amount);
    - ``monte_carlo``: ``MonteCarlo`` settings (Monte Carlo or convolution), or
      None for the sums alone;
    - ``horizon``: ``HorizonSettings`` for a period, or None;
    - ``references``: reference ids to compare with (None: UNEP, and with a
      horizon every cumulative reference);
    - ``target``: a value whose chance of being reached is reported (needs
      ``monte_carlo``, either method): a number in the output unit, or a quantity string;
    - ``lang``: "en" or "zh", for names and messages in ``Analysis.to_dict``;
    - ``iamc``: the analysis will be exported as IAMC, so its preconditions are
      checked before any sampling.
    """

    specs: Sequence[str | EntrySpec] | str = ()
    portfolio: Any = None
    name: str | None = None
    catalog: Catalog | str | os.PathLike[str] | None = None
    assessment: str | None = None
    fallback: bool = False
    unit: str = "Gt CO2/yr"
    monte_carlo: MonteCarlo | None = None
    horizon: HorizonSettings | None = None
    references: Sequence[str] | str | None = None
    target: float | str | None = None
    lang: str = "en"
    iamc: bool = False


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


def catalog_of(request: Request) -> Catalog:
    """The request's catalog, under its assessment."""
    catalog = request.catalog
    if not isinstance(catalog, Catalog):
        from nbscdr_cli.load import load_catalog

        catalog = load_catalog(catalog)
    return catalog.under(request.assessment, fallback=request.fallback)


def entry_specs(request: Request) -> tuple[str | None, list[EntrySpec]]:
    """The portfolio's name and its entry specs: the portfolio file's, then ``specs``."""
    from nbscdr_cli.spec import EntrySpec, parse_specs

    name = request.name
    specs: list[EntrySpec] = []
    if request.portfolio is not None:
        loaded = _portfolio_file(request.portfolio)
        specs.extend(loaded.entries)
        name = name or loaded.name
    given = [request.specs] if isinstance(request.specs, str) else list(request.specs)
    texts = [s for s in given if not isinstance(s, EntrySpec)]
    parsed = iter(parse_specs(texts))
    specs.extend(s if isinstance(s, EntrySpec) else next(parsed) for s in given)
    if not specs:
        raise UsageError("give at least one technique, e.g. 'afforestation' or 'biochar:50%'", field="specs")
    return name, specs


def _portfolio_file(value: Any) -> PortfolioFile:
    from nbscdr_cli.spec import PortfolioFile, portfolio_from_dict, portfolio_from_text, read_portfolio_file

    if isinstance(value, PortfolioFile):
        return value
    if isinstance(value, os.PathLike):
        return read_portfolio_file(value)
    if isinstance(value, str):
        return portfolio_from_text(value)
    if isinstance(value, Mapping):
        return portfolio_from_dict(value, where="<portfolio>")
    raise UsageError("must be TOML or JSON text, a mapping, or a path", field="portfolio")


def _references(request: Request, catalog: Catalog) -> tuple[Reference, ...]:
    ids = request.references
    if isinstance(ids, str):
        ids = [ids]
    if ids is None:
        cumulative = request.horizon is not None
        ids = [
            r
            for r, ref in catalog.references.items()
            if r == "unep" or (cumulative and ref.kind == "cumulative")
        ]
    return tuple(catalog.reference(r, field="references") for r in ids)


def _units(request: Request) -> tuple[Unit, Unit | None]:
    from nbscdr_cli.units import parse_unit, rate_and_mass

    if request.horizon is not None:
        return rate_and_mass(request.unit, field="unit")
    return parse_unit(request.unit, kind="rate", field="unit"), None


def _targets(request: Request, unit: Unit) -> dict[str, dict[str, float]]:
    """The target as a threshold of the annual total (a rate) or of the cumulative
    total over the period (an amount)."""
    target = request.target
    if target is None:
        return {}
    if request.monte_carlo is None:
        raise UsageError(
            "a target needs the total's distribution (samples, or the convolution method) to give its chance",
            field="target",
        )
    from nbscdr_cli.units import parse_number, parse_quantity

    if isinstance(target, bool) or not isinstance(target, int | float | str):
        raise UsageError(f"{target!r} is not a number or a quantity", field="target")
    try:
        if isinstance(target, str) and not _looks_numeric(target):
            value, target_unit = parse_quantity(target, field="target")
        else:
            value, target_unit = parse_number(str(target), what="target", field="target"), unit
    except InputError as exc:  # an option's value: a usage error
        raise UsageError(exc.message, field="target") from None
    canonical = value * target_unit.factor
    if not math.isfinite(canonical):
        raise UsageError(f"{target} is out of range", field="target")
    if target_unit.kind == "rate":
        return {"annual": {"target": canonical}}
    if request.horizon is None:
        raise UsageError(
            f"{target} is an amount: it is compared with the cumulative total, which needs a period",
            field="target",
        )
    return {"cumulative": {"target": canonical}}


def _looks_numeric(text: str) -> bool:
    """A bare number (even 'inf', refused later as not finite), with no unit."""
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _check_iamc(portfolio: Portfolio) -> None:
    missing = [e.technique.id for e in portfolio.entries if not e.technique.iamc_variable]
    if missing:
        raise InputError(
            f"no iamc_variable in the data for {', '.join(missing)}; the IAMC format needs one per technique",
            field="iamc",
        )


def prepare(request: Request) -> Plan:
    """Check every part of ``request`` and resolve it, without computing
    anything that costs time. Raises the first problem found."""
    from nbscdr_cli.portfolio import build_portfolio

    if request.lang not in LANGS:
        raise UsageError(f"{request.lang!r} is not one of {', '.join(LANGS)}", field="lang")
    catalog = catalog_of(request)
    name, specs = entry_specs(request)
    portfolio = build_portfolio(catalog, specs, name=name)
    references = _references(request, catalog)
    unit, mass_unit = _units(request)
    horizon = request.horizon
    if horizon is not None:
        from nbscdr_cli.horizon import check_settings, resolve

        check_settings(horizon)
        horizon = resolve(horizon, catalog, [e.technique.id for e in portfolio.entries])
    targets = _targets(request, unit)
    if request.iamc:
        _check_iamc(portfolio)
    return Plan(
        catalog, portfolio, references, unit, mass_unit, request.monte_carlo, horizon, targets, request.lang
    )


def run(plan: Plan, *, progress: Callable[[int], None] | None = None) -> Analysis:
    """Compute a prepared request: sums, then the period, then the Monte Carlo."""
    from nbscdr_cli.portfolio import sum_portfolio

    result = sum_portfolio(plan.portfolio, plan.references)
    horizon = None
    if plan.horizon is not None:
        from nbscdr_cli.horizon import project

        horizon = project(result, plan.horizon, plan.references)
    simulation = None
    if plan.monte_carlo is not None:
        from nbscdr_cli.uncertainty import simulate_portfolio

        weights: dict[str, list[float]] = {}
        thresholds: dict[str, dict[str, float]] = {}
        if horizon is not None:
            weights = {"cumulative": horizon.cumulative_weights, "durable": horizon.durable_weights}
            ends = {
                f"{c.reference.id}.{end}": value
                for c in horizon.comparisons
                for end, value in (("low", c.reference.range.lower), ("high", c.reference.range.high))
            }
            thresholds = {"cumulative": {**ends, **plan.targets.get("cumulative", {})}, "durable": dict(ends)}
        simulation = simulate_portfolio(
            result,
            plan.monte_carlo,
            targets=plan.targets.get("annual", {}),
            weights=weights,
            thresholds=thresholds,
            progress=progress,
        )
    return Analysis(result, plan.catalog, plan.unit, plan.mass_unit, plan.lang, simulation, horizon)


def analyse(request: Request, *, progress: Callable[[int], None] | None = None) -> Analysis:
    """Check ``request`` whole, then compute it. ``progress`` is called with the
    number of samples drawn so far during a Monte Carlo."""
    return run(prepare(request), progress=progress)


class Row(NamedTuple):
    """One row of a comparison: an assessment's or a portfolio's analysis."""

    key: str  # assessment id or portfolio name
    label: LocalText
    analysis: Analysis | None  # None when techniques have no estimate there
    missing: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()  # techniques using the default assessment's estimate


class Comparison(NamedTuple):
    """Totals side by side: by assessment or by portfolio."""

    by: str  # "assessment" or "portfolio"
    rows: list[Row]
    unit: Unit
    lang: str = "en"

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The comparison as the JSON document of `nbscdr compare -f json`."""
        from nbscdr_cli.render.documents import compare_document

        return compare_document(self.rows, self.unit, lang or self.lang, by=self.by)


def compare(
    request: Request, *, assessments: Sequence[str] | None = None, portfolios: Sequence[Any] | None = None
) -> Comparison:
    """The request's portfolio under each of ``assessments`` (None: every one the
    catalog holds), or several ``portfolios`` (each as ``Request.portfolio``
    takes one) under the request's one assessment."""
    if portfolios:
        if request.specs or request.portfolio is not None:
            raise UsageError("give portfolios or specs to compare, not both", field="portfolio")
        if assessments:
            if len(assessments) > 1:
                raise UsageError("portfolios are compared under one assessment", field="assessment")
            request = request._replace(assessment=assessments[0])
        return Comparison(
            "portfolio", compare_portfolios(request, portfolios), _units(request)[0], request.lang
        )
    return Comparison(
        "assessment", compare_assessments(request, assessments), _units(request)[0], request.lang
    )


def compare_assessments(request: Request, assessments: Sequence[str] | None = None) -> list[Row]:
    """The request's portfolio under each of ``assessments`` (None: every one the
    catalog holds). An assessment with no estimate for one of the techniques
    gives a row with no analysis that names them, unless ``request.fallback``."""
    from nbscdr_cli.catalog import normalise_name

    base = catalog_of(request._replace(assessment=None, fallback=False))
    wanted = list(base.assessments) if assessments is None else list(assessments)
    if not wanted:
        raise UsageError("this catalog defines no assessments", field="assessment")
    for aid in wanted:
        base.under(aid)  # unknown ids fail here, before any row is computed
    name, specs = entry_specs(request)
    plans: list[tuple[str, LocalText, Plan | None, tuple[str, ...]]] = []
    for aid in wanted:
        view = base.under(aid, fallback=request.fallback)
        missing = []
        for spec in specs:
            tid = view.names.get(normalise_name(spec.technique))
            if tid is not None and tid in view.without_estimate and not spec.own_figure:
                missing.append(tid)
        label = view.assessments[aid].name
        if missing:
            plans.append((aid, label, None, tuple(dict.fromkeys(missing))))
        else:
            one = request._replace(catalog=view, assessment=None, specs=specs, portfolio=None, name=name)
            plans.append((aid, label, prepare(one), ()))
    rows = []
    for aid, label, plan, missing_ids in plans:
        if plan is None:
            rows.append(Row(aid, label, None, missing=missing_ids))
            continue
        analysis = run(plan)
        used = tuple(e.technique.id for e in analysis.result.portfolio.entries if e.technique.fallback)
        rows.append(Row(aid, label, analysis, fallback=used))
    return rows


def compare_portfolios(request: Request, portfolios: Sequence[Any]) -> list[Row]:
    """Several portfolios (each as ``Request.portfolio`` takes one) under the
    request's assessment and settings, one row each."""
    plans = []
    for i, portfolio in enumerate(portfolios, start=1):
        loaded = _portfolio_file(portfolio)
        name = loaded.name or (os.path.splitext(os.path.basename(loaded.path))[0] if loaded.path else f"{i}")
        plans.append((name, prepare(request._replace(portfolio=loaded, specs=(), name=name))))
    return [Row(name, LocalText(name), run(plan)) for name, plan in plans]
