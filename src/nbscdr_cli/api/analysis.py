"""The result of one analysis: the portfolio's sums, and where asked for, its
Monte Carlo uncertainty and its course over a period, with what they were
computed from. ``api.analyse`` makes one; every command that reports totals
(portfolio, brief, chart, compare) renders one, so they agree to the last digit.

For Python callers, ``to_dict`` gives the JSON document (the README's contract),
``to_frame`` a pandas DataFrame of the entries and the total, and ``to_iamc`` a
``pyam.IamDataFrame``; pandas and pyam are imported only by those methods.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.iamc import iamc_document
from nbscdr_cli.api.results import Results


class Analysis(Results):
    """One analysis (``api.analyse``): its ``Results`` and the library's
    conversions of them."""

    __slots__ = ()

    def to_dict(self, unit: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """The analysis as the JSON document of `nbscdr portfolio -f json`, in
        ``unit`` (default: the request's) and ``lang`` (names and messages)."""
        from nbscdr_cli.api.documents import portfolio_document

        rate, mass = self.unit, self.mass_unit
        if unit is not None:
            from nbscdr_cli.model.units import rate_and_mass

            rate, mass = rate_and_mass(unit, field="unit")
        return portfolio_document(self, rate, lang or self.lang, mass)

    def to_frame(self, unit: str | None = None) -> Any:
        """A pandas DataFrame: one row per entry and a last ``total`` row, with
        low, high, unit and (with Monte Carlo) the total's mean, std and percentiles,
        and each entry's own percentiles."""
        import pandas as pd

        from nbscdr_cli.api.rows import portfolio_rows

        header, *rows = portfolio_rows(self.to_dict(unit), self.lang, statistics=True)
        cells = [[None if value == "" else value for value in row] for row in rows]  # "" is CSV's empty
        return pd.DataFrame(cells, columns=header).set_index("technique")

    def to_iamc(self, year: int = 2050) -> Any:
        """A ``pyam.IamDataFrame`` in Mt CO2/yr, one scenario per bound: each year
        of the period where the analysis has one, else ``year``."""
        import pandas as pd
        import pyam

        from nbscdr_cli.api.iamc import IAMC_UNIT, iamc_document

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


def portfolio_output(analysis: Analysis, fmt: str, year: int | None) -> tuple[str, dict[str, Any]]:
    """The document `portfolio` renders in ``fmt``: the IAMC rows, or the portfolio."""
    if fmt == "iamc":  # its unit is fixed: an overflow is the format's, not --unit's
        from nbscdr_cli.compute.finite import check_units

        check_units(analysis.result, analysis.horizon, analysis.simulation, analysis.unit, None, field="iamc")
    doc = analysis.to_dict()
    if fmt == "iamc":
        return "iamc", iamc_document(doc, year)
    return "portfolio", doc
