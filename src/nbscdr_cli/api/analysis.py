"""The result of one analysis: the portfolio's sums, and where asked for, its
uncertainty and its course over a period, with what they were computed from.
``api.analyse`` makes one; every command that reports totals (portfolio,
brief, chart, compare) renders one, so they agree to the last digit.

For Python callers: ``to_dict`` gives the JSON document (the README's
contract); ``to_frame`` a pandas DataFrame of the entries (technique rows only),
``totals_frame`` the totals, ``statistics_frame`` the totals' uncertainty and
``years_frame`` the period year by year (the CSV tables, ``api.rows``);
``to_iamc`` a ``pyam.IamDataFrame``. pandas and pyam are imported only by
those methods (``pip install 'nbscdr[notebook]'`` brings both). In a notebook
an analysis shows as a short line (``repr``) or a table (``_repr_html_``).
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.results import Results
from nbscdr_cli.model.errors import UsageError, cut

REPR_ENTRIES = 6  # entries named in repr() before "and N more"


class Analysis(Results):
    """One analysis (``api.analyse``): its ``Results`` and the library's
    conversions of them."""

    __slots__ = ()

    def to_dict(self, unit: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """The analysis as the JSON document of `nbscdr portfolio -f json`, in
        ``unit`` (default: the request's) and ``lang`` (default: the request's),
        which changes only the labels (the warnings' messages): names are given
        in both languages (``{"en", "zh"}``) and ids and keys never change."""
        from nbscdr_cli.api.documents import portfolio_document

        rate, mass = self.unit, self.mass_unit
        if unit is not None:
            from nbscdr_cli.model.units import rate_and_mass

            rate, mass = rate_and_mass(_text(unit, "unit"), field="unit")
        if lang is not None and (not isinstance(lang, str) or lang not in ("en", "zh")):
            raise UsageError(f"{cut(repr(lang))} is not one of en, zh", field="lang")
        return portfolio_document(self, rate, lang or self.lang, mass)

    def to_frame(self, unit: str | None = None) -> Any:
        """A pandas DataFrame of the entries, one row per technique (index
        ``technique``), the total left out (``totals_frame``): names in English
        and Chinese, share, low, high, central (where the assessment gives one),
        unit, and flags; with uncertainty each entry's own (marginal) percentiles
        (``marginal_p5``...), which do not add up to the total's; over a period
        its cumulative removal and what is stored at the end. At full shares
        ``to_frame()["high"].sum()`` is the total's high."""
        from nbscdr_cli.api.rows import entry_rows

        return _frame(entry_rows(self.to_dict(unit)), index="technique")

    def totals_frame(self, unit: str | None = None) -> Any:
        """The totals, one row each (index ``total``): ``annual``, and over a
        period ``cumulative`` and ``stored_at_end``; with uncertainty their mean,
        standard deviation and percentiles."""
        from nbscdr_cli.api.rows import totals_rows

        return _frame(totals_rows(self.to_dict(unit)), index="total")

    def statistics_frame(self, unit: str | None = None) -> Any:
        """The totals' uncertainty, one statistic per row (the CSV's
        ``--table statistics``): total, statistic, value, unit, in_scope_of and
        the method's settings. Needs a ``monte_carlo`` in the request."""
        from nbscdr_cli.api.rows import statistics_rows

        if self.simulation is None:
            raise UsageError(
                "needs the total's distribution: give the request a monte_carlo", field="monte_carlo"
            )
        return _frame(statistics_rows(self.to_dict(unit)))

    def years_frame(self, unit: str | None = None) -> Any:
        """The period year by year (the CSV's ``--table years``): one row per
        entry and year, then the total's (``technique`` "total"). Needs a
        ``horizon`` in the request."""
        from nbscdr_cli.api.rows import year_rows

        if self.horizon is None:
            raise UsageError("needs a period: give the request a horizon", field="horizon")
        return _frame(year_rows(self.to_dict(unit)))

    def to_iamc(self, year: int | None = None) -> Any:
        """A ``pyam.IamDataFrame`` in Mt CO2/yr, one scenario per bound, with
        model "nbscdr": over a period a column for each year from its start to
        its end inclusive (``api.iamc``), else for ``year`` (required: the
        figures carry no year of their own). Its ``meta`` holds the nbscdr
        version, the bound and the year convention of each scenario."""
        import pandas as pd
        import pyam

        from nbscdr_cli.api.iamc import iamc_document

        doc = iamc_document(self, year)
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
        meta = pd.DataFrame(
            [{"model": doc["model"], "scenario": name, **fields} for name, fields in doc["meta"].items()]
        ).set_index(["model", "scenario"])
        return pyam.IamDataFrame(frame, meta=meta)

    def __repr__(self) -> str:
        entries = self.result.portfolio.entries
        shown = [_entry_token(e) for e in entries[:REPR_ENTRIES]]
        if len(entries) > REPR_ENTRIES:
            shown.append(f"and {len(entries) - REPR_ENTRIES} more")
        total = self.result.total
        f = self.unit.factor
        # the kinds the sources give (C2G's is not stated), not the --potential slot
        kinds = dict.fromkeys(
            e.technique.in_use.kind for e in entries if not e.own_figure and e.technique.in_use is not None
        )
        from nbscdr_cli.api.wording import kinds_phrase

        whose = f"{self.assessment or 'own figures'}, {kinds_phrase(kinds, 'en')}"
        lines = [f"<Analysis of {len(entries)} entries ({', '.join(shown)}); {whose}"]
        # read as the CLI shows it: to the precision of the least precise entry (two
        # or three significant figures); the exact values are in ``result.total``
        from nbscdr_cli.api.document_parts import entry_digits
        from nbscdr_cli.base.numbers import CAP, derived

        digits = min((entry_digits(e) for e in entries), default=CAP)
        low, high = derived(total.lower / f, digits), derived(total.high / f, digits)
        lines.append(f" total {low}–{high} {self.unit.text}")
        if self.simulation is not None:
            sim = self.simulation
            how = f"{sim.samples:,} samples, seed {sim.seed}" if sim.samples is not None else "exact"
            lines[-1] += f"; {sim.method.value} ({how})"
        if self.horizon is not None:
            lines[-1] += f"; period {self.horizon.settings.start}–{self.horizon.settings.end}"
        return "\n".join(lines) + ">"

    def _repr_html_(self) -> str:
        """The entries and the total as an HTML table, for notebooks; every
        text escaped."""
        import html

        from nbscdr_cli.api.rows import portfolio_rows

        columns = ("technique", "name_en", "share", "low", "high", "central", "unit", "up_to")
        header, *rows = portfolio_rows(self.to_dict())
        keep = [header.index(c) for c in columns]

        def cell(value: Any) -> str:
            return "" if value is None else html.escape(str(value))

        head = "".join(f"<th>{html.escape(header[i])}</th>" for i in keep)
        body = "".join("<tr>" + "".join(f"<td>{cell(row[i])}</td>" for i in keep) + "</tr>" for row in rows)
        caption = html.escape(repr(self).splitlines()[0].lstrip("<"))
        return (
            f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )


def _entry_token(e: Any) -> str:
    token: str = e.technique.id
    if e.own_figure:
        return token + "=own"
    if e.share != 1:
        return token + f":{e.share * 100:g}%"
    return token


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a str such as 'Mt CO2/yr', not {type(value).__name__}")
    return value


def _frame(rows: list[list[Any]], index: str | None = None) -> Any:
    """A DataFrame from a header and rows; missing values as NaN."""
    import pandas as pd

    frame = pd.DataFrame(rows[1:], columns=rows[0])
    return frame.set_index(index) if index else frame


def portfolio_output(
    analysis: Analysis, fmt: str, year: int | None, kind: str = "portfolio"
) -> tuple[str, dict[str, Any]]:
    """The document `portfolio` renders in ``fmt``, and its kind: the IAMC rows
    ("iamc"), or the portfolio (``kind``: "portfolio", or the one CSV table
    "statistics" or "years")."""
    if fmt == "iamc":  # its unit is fixed: an overflow is the format's, not --unit's
        from nbscdr_cli.api.iamc import iamc_document
        from nbscdr_cli.compute.finite import check_units

        check_units(analysis.result, analysis.horizon, analysis.simulation, analysis.unit, None, field="iamc")
        return "iamc", iamc_document(analysis, year)
    return kind, analysis.to_dict()
