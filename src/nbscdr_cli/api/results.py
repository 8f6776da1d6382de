"""The results of one analysis as data (``Results``): what the documents and
the renderers read. ``analysis.Analysis`` is the same with the library's
conversions (``to_dict``, ``to_frame``, ``to_iamc``) added; the documents are
built from ``Results`` so that they need not know those conversions."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from nbscdr_cli.api.regional import Geography
    from nbscdr_cli.compute.horizon import Horizon
    from nbscdr_cli.compute.portfolio import PortfolioResult
    from nbscdr_cli.compute.summary import Simulation
    from nbscdr_cli.model.catalog import Catalog
    from nbscdr_cli.model.units import Unit


class Results(NamedTuple):
    """What one analysis computed, and from what: the portfolio's sums and
    comparisons, and where asked for, its course over a period and the
    uncertainty of its totals, with the catalog and output units used."""

    result: PortfolioResult  # entries, total, comparisons with annual references
    catalog: Catalog  # the catalog, under the assessment the entries used
    unit: Unit  # output unit for rates
    mass_unit: Unit | None = None  # output unit for amounts (with a horizon)
    lang: str = "en"
    simulation: Simulation | None = None
    horizon: Horizon | None = None
    geography: Geography | None = None  # the country or region, for Roe et al. (2021)'s figures

    @property
    def assessment(self) -> str | None:
        """Whose estimates the entries use."""
        return self.catalog.assessment

    def sources(self) -> list[str]:
        """The source of every figure the analysis used, each once: the estimates,
        the references, and saturation or reversal figures from the data."""
        found: list[str] = []
        for e in self.result.portfolio.entries:
            if not e.own_figure and e.technique.source:
                found.append(e.technique.source)
        for c in self.result.comparisons:
            if c.reference.source:
                found.append(c.reference.source)
        if self.horizon is not None:
            for cumulative in self.horizon.comparisons:
                if cumulative.reference.source:
                    found.append(cumulative.reference.source)
            for e, h in zip(self.result.portfolio.entries, self.horizon.entries, strict=True):
                if h.parameters.saturation_from == "data" and e.technique.saturation_source:
                    found.append(e.technique.saturation_source)
                if h.parameters.reversal_from == "data" and e.technique.reversal_source:
                    found.append(e.technique.reversal_source)
        return list(dict.fromkeys(found))
