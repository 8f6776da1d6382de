"""One analysis of a portfolio: the sums, and where asked for, the Monte Carlo
uncertainty and the time horizon. Commands that report totals (portfolio, brief,
chart, compare) all run this, so they agree to the last digit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.catalog import Catalog
from nbscdr_cli.portfolio import PortfolioResult, build_portfolio, sum_portfolio
from nbscdr_cli.spec import EntrySpec

if TYPE_CHECKING:
    from nbscdr_cli.horizon import Horizon, HorizonSettings
    from nbscdr_cli.uncertainty import Settings, Simulation


# Shared empty default for mapping fields; never mutated.
_EMPTY: Mapping[str, Any] = {}


class Options(NamedTuple):
    references: tuple[str, ...] | None = None  # None: "unep" where the catalog has it
    monte_carlo: Settings | None = None
    targets: Mapping[str, float] = _EMPTY  # name -> Gt CO2/yr
    horizon: HorizonSettings | None = None


class Analysis(NamedTuple):
    result: PortfolioResult
    simulation: Simulation | None = None
    assessment: str | None = None  # whose estimates the entries use
    horizon: Horizon | None = None


def figure_sources(analysis: Analysis) -> list[str]:
    """The source of every figure the analysis used, each once: the estimates,
    the references, and saturation or reversal figures from the data."""
    sources: list[str] = []
    for e in analysis.result.portfolio.entries:
        if not e.own_figure and e.technique.source:
            sources.append(e.technique.source)
    for c in analysis.result.comparisons:
        if c.reference.source:
            sources.append(c.reference.source)
    if analysis.horizon is not None:
        for cumulative in analysis.horizon.comparisons:
            if cumulative.reference.source:
                sources.append(cumulative.reference.source)
        for e, h in zip(analysis.result.portfolio.entries, analysis.horizon.entries, strict=True):
            if h.parameters.saturation_from == "data" and e.technique.saturation_source:
                sources.append(e.technique.saturation_source)
            if h.parameters.reversal_from == "data" and e.technique.reversal_source:
                sources.append(e.technique.reversal_source)
    return list(dict.fromkeys(sources))


def default_references(catalog: Catalog, *, cumulative: bool = False) -> tuple[str, ...]:
    """UNEP's annual estimate, and with a horizon every cumulative reference."""
    return tuple(
        rid
        for rid, r in catalog.references.items()
        if rid == "unep" or (cumulative and r.kind == "cumulative")
    )


def analyse(
    catalog: Catalog,
    specs: Sequence[EntrySpec],
    *,
    name: str | None = None,
    options: Options | None = None,
    progress: Callable[[int], None] | None = None,
) -> Analysis:
    """Build, sum and (optionally) simulate a portfolio."""
    options = options or Options()
    ids = options.references
    if ids is None:
        ids = default_references(catalog, cumulative=options.horizon is not None)
    references = [catalog.reference(r, where="--reference") for r in ids]
    result = sum_portfolio(build_portfolio(catalog, specs, name=name), references)
    horizon = None
    if options.horizon is not None:
        from nbscdr_cli.horizon import project

        horizon = project(result, options.horizon, references)
    simulation = None
    if options.monte_carlo is not None:
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
            thresholds = {"cumulative": ends, "durable": dict(ends)}
        simulation = simulate_portfolio(
            result,
            options.monte_carlo,
            targets=options.targets,
            weights=weights,
            thresholds=thresholds,
            progress=progress,
        )
    return Analysis(result, simulation, catalog.assessment, horizon)
