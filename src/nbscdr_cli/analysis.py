"""One analysis of a portfolio: the sums, and where asked for, the Monte Carlo
uncertainty and the time horizon. Commands that report totals (portfolio, brief,
chart, compare) all run this, so they agree to the last digit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nbscdr_cli.catalog import Catalog
from nbscdr_cli.portfolio import PortfolioResult, build_portfolio, sum_portfolio
from nbscdr_cli.spec import EntrySpec

if TYPE_CHECKING:
    from nbscdr_cli.uncertainty import Settings, Simulation


@dataclass(frozen=True)
class Options:
    references: tuple[str, ...] | None = None  # None: "unep" where the catalog has it
    monte_carlo: Settings | None = None
    targets: Mapping[str, float] = field(default_factory=dict)  # name -> Gt CO2/yr


@dataclass(frozen=True)
class Analysis:
    result: PortfolioResult
    simulation: Simulation | None = None
    assessment: str | None = None  # whose estimates the entries use


def default_references(catalog: Catalog) -> tuple[str, ...]:
    return tuple(r for r in catalog.references if r == "unep")


def analyse(
    catalog: Catalog,
    specs: Sequence[EntrySpec],
    *,
    name: str = "portfolio",
    options: Options = Options(),
    progress: Callable[[int], None] | None = None,
) -> Analysis:
    """Build, sum and (optionally) simulate a portfolio."""
    ids = options.references if options.references is not None else default_references(catalog)
    references = [catalog.reference(r, where="--reference") for r in ids]
    result = sum_portfolio(build_portfolio(catalog, specs, name=name), references)
    simulation = None
    if options.monte_carlo is not None:
        from nbscdr_cli.uncertainty import simulate_portfolio

        simulation = simulate_portfolio(
            result, options.monte_carlo, targets=options.targets, progress=progress
        )
    return Analysis(result, simulation, catalog.assessment)
