"""The result of one analysis: the portfolio's sums, and where asked for, its
Monte Carlo uncertainty and its course over a period, with what they were
computed from. ``api.analyse`` makes one; every command that reports totals
(portfolio, brief, chart, compare) renders one, so they agree to the last digit.

For Python callers, ``to_dict`` gives the JSON document (the README's contract),
``to_frame`` a pandas DataFrame of the entries and the total, and ``to_iamc`` a
``pyam.IamDataFrame``; pandas and pyam are imported only by those methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from nbscdr_cli.catalog import Catalog
    from nbscdr_cli.horizon import Horizon
    from nbscdr_cli.portfolio import PortfolioResult
    from nbscdr_cli.uncertainty import Simulation
    from nbscdr_cli.units import Unit


class Analysis(NamedTuple):
    result: PortfolioResult  # entries, total, comparisons with annual references
    catalog: Catalog  # the catalog, under the assessment the entries used
    unit: Unit  # output unit for rates
    mass_unit: Unit | None = None  # output unit for amounts (with a horizon)
    lang: str = "en"
    simulation: Simulation | None = None
    horizon: Horizon | None = None

    @property
    def assessment(self) -> str | None:
        """Whose estimates the entries use."""
        return self.catalog.assessment

    def to_dict(self, unit: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """The analysis as the JSON document of `nbscdr portfolio -f json`, in
        ``unit`` (default: the request's) and ``lang`` (names and messages)."""
        from nbscdr_cli.render.documents import portfolio_document

        rate, mass = self.unit, self.mass_unit
        if unit is not None:
            from nbscdr_cli.units import rate_and_mass

            rate, mass = rate_and_mass(unit, field="unit")
        return portfolio_document(self, rate, lang or self.lang, mass)

    def to_frame(self, unit: str | None = None) -> Any:
        """A pandas DataFrame: one row per entry and a last ``total`` row, with
        low, high, unit and (with Monte Carlo) the total's mean, std and percentiles,
        and each entry's own percentiles."""
        import pandas as pd

        from nbscdr_cli.render.as_csv import portfolio_rows

        header, *rows = portfolio_rows(self.to_dict(unit), self.lang, statistics=True)
        cells = [[None if value == "" else value for value in row] for row in rows]  # "" is CSV's empty
        return pd.DataFrame(cells, columns=header).set_index("technique")

    def to_iamc(self, year: int = 2050) -> Any:
        """A ``pyam.IamDataFrame`` in Mt CO2/yr, one scenario per bound: each year
        of the period where the analysis has one, else ``year``."""
        import pandas as pd
        import pyam

        from nbscdr_cli.render.documents import IAMC_UNIT, iamc_document

        doc = iamc_document(self.to_dict(IAMC_UNIT), year)
        frame = pd.DataFrame(
            [
                {
                    "model": r["model"],
                    "scenario": r["scenario"],
                    "region": r["region"],
                    "variable": r["variable"],
                    "unit": r["unit"],
                    "year": y,
                    "value": value,
                }
                for r in doc["rows"]
                for y, value in zip(doc["years"], r["values"], strict=True)
            ]
        )
        return pyam.IamDataFrame(frame)

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
