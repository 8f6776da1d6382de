"""nbscdr: a calculator for nature-based carbon dioxide removal portfolios.

The library never prints; the ``nbscdr`` command (``cli.py``) parses, calls these
functions and renders their results. Everything listed in ``__all__`` is meant for
notebooks and scripts::

    from nbscdr_cli import load_catalog, parse_specs, build_portfolio, sum_portfolio
    catalog = load_catalog()
    result = sum_portfolio(build_portfolio(catalog, parse_specs(["afforestation", "biochar"])))
    result.total.low, result.total.high          # (4.8, 22.8) Gt CO2/yr
"""

from __future__ import annotations

__version__ = "0.1.0"

# Public names resolve lazily so that `import nbscdr_cli` (and so the command's
# start-up) stays cheap; see issue 8.
_EXPORTS = {
    "NbscdrError": "errors",
    "DataError": "errors",
    "InputError": "errors",
    "UnitError": "errors",
    "UsageError": "errors",
    "Catalog": "catalog",
    "Technique": "catalog",
    "Reference": "catalog",
    "RemovalRange": "catalog",
    "load_catalog": "catalog",
    "parse_spec": "spec",
    "parse_specs": "spec",
    "read_portfolio_file": "spec",
    "EntrySpec": "spec",
    "Portfolio": "portfolio",
    "Entry": "portfolio",
    "PortfolioResult": "portfolio",
    "build_portfolio": "portfolio",
    "sum_portfolio": "portfolio",
    "convert": "units",
    "parse_quantity": "units",
    "rate_factor": "units",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'nbscdr_cli' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"nbscdr_cli.{module}"), name)
