"""nbscdr: a calculator for nature-based carbon dioxide removal portfolios.

The library never prints; the ``nbscdr`` command (``cli.py``) parses its options
into one ``Request``, calls ``analyse`` and renders the ``Analysis``. A notebook
does the same::

    from nbscdr_cli import MonteCarlo, Request, analyse
    a = analyse(Request(["afforestation", "biochar:50%"], monte_carlo=MonteCarlo(100_000, seed=1)))
    a.result.total.low, a.result.total.high     # (3.9, 20.4) Gt CO2/yr
    a.to_dict(unit="Mt C/yr")                   # the JSON document
    a.to_frame()                                # pandas, if installed

Everything in ``__all__`` is public; errors are ``NbscdrError`` subclasses with
the request ``field`` at fault.
"""

from __future__ import annotations

from nbscdr_cli.base.version import __version__

# Public names resolve lazily so that `import nbscdr_cli` (and so the command's
# start-up) stays cheap (issue 8): name -> (module, attribute).
_EXPORTS = {
    "Request": ("api.request", "Request"),
    "analyse": ("api.request", "analyse"),
    "compare": ("api.comparison", "compare"),
    "Comparison": ("api.comparison", "Comparison"),
    "rank": ("api.ranking", "rank"),
    "Ranking": ("api.ranking", "Ranking"),
    "Analysis": ("api.analysis", "Analysis"),
    "MonteCarlo": ("model.monte_carlo", "MonteCarlo"),
    "HorizonSettings": ("model.horizon_settings", "HorizonSettings"),
    "Distribution": ("model.enums", "Distribution"),
    "load_catalog": ("io.load", "load_catalog"),
    "enable_cache": ("base.cache", "enable"),
    "Catalog": ("model.catalog", "Catalog"),
    "Technique": ("model.catalog", "Technique"),
    "Reference": ("model.catalog", "Reference"),
    "RemovalRange": ("model.catalog", "RemovalRange"),
    "parse_spec": ("model.spec", "parse_spec"),
    "parse_specs": ("model.spec", "parse_specs"),
    "read_portfolio_file": ("io.portfolio_file", "read_portfolio_file"),
    "EntrySpec": ("model.spec", "EntrySpec"),
    "Portfolio": ("compute.portfolio", "Portfolio"),
    "Entry": ("compute.portfolio", "Entry"),
    "PortfolioResult": ("compute.portfolio", "PortfolioResult"),
    "build_portfolio": ("compute.portfolio", "build_portfolio"),
    "sum_portfolio": ("compute.portfolio", "sum_portfolio"),
    "convert": ("model.units", "convert"),
    "parse_quantity": ("model.units", "parse_quantity"),
    "parse_unit": ("model.units", "parse_unit"),
    "NbscdrError": ("model.errors", "NbscdrError"),
    "DataError": ("model.errors", "DataError"),
    "InputError": ("model.errors", "InputError"),
    "UnitError": ("model.errors", "UnitError"),
    "UsageError": ("model.errors", "UsageError"),
    "OutputError": ("model.errors", "OutputError"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> object:
    found = _EXPORTS.get(name)
    if found is None:
        raise AttributeError(f"module 'nbscdr_cli' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"nbscdr_cli.{found[0]}"), found[1])


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
