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

__version__ = "0.2.0"

# Public names resolve lazily so that `import nbscdr_cli` (and so the command's
# start-up) stays cheap (issue 8): name -> (module, attribute).
_EXPORTS = {
    "Request": ("api", "Request"),
    "analyse": ("api", "analyse"),
    "compare": ("api", "compare"),
    "Comparison": ("api", "Comparison"),
    "Analysis": ("analysis", "Analysis"),
    "MonteCarlo": ("uncertainty", "MonteCarlo"),
    "HorizonSettings": ("horizon_settings", "HorizonSettings"),
    "Distribution": ("enums", "Distribution"),
    "load_catalog": ("load", "load_catalog"),
    "enable_cache": ("cache", "enable"),
    "Catalog": ("catalog", "Catalog"),
    "Technique": ("catalog", "Technique"),
    "Reference": ("catalog", "Reference"),
    "RemovalRange": ("catalog", "RemovalRange"),
    "parse_spec": ("spec", "parse_spec"),
    "parse_specs": ("spec", "parse_specs"),
    "read_portfolio_file": ("spec", "read_portfolio_file"),
    "EntrySpec": ("spec", "EntrySpec"),
    "Portfolio": ("portfolio", "Portfolio"),
    "Entry": ("portfolio", "Entry"),
    "PortfolioResult": ("portfolio", "PortfolioResult"),
    "build_portfolio": ("portfolio", "build_portfolio"),
    "sum_portfolio": ("portfolio", "sum_portfolio"),
    "convert": ("units", "convert"),
    "parse_quantity": ("units", "parse_quantity"),
    "parse_unit": ("units", "parse_unit"),
    "NbscdrError": ("errors", "NbscdrError"),
    "DataError": ("errors", "DataError"),
    "InputError": ("errors", "InputError"),
    "UnitError": ("errors", "UnitError"),
    "UsageError": ("errors", "UsageError"),
    "OutputError": ("errors", "OutputError"),
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
