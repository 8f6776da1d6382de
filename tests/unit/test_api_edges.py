"""The public API's edges (issue 27): every public constructor and function,
given a wrong type for each parameter, raises a documented NbscdrError subclass
or a TypeError that names the parameter, never an error from deep inside."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import nbscdr_cli
from nbscdr_cli import (
    Catalog,
    HorizonSettings,
    MonteCarlo,
    NbscdrError,
    Request,
    analyse,
    build_portfolio,
    compare,
    convert,
    enable_cache,
    load_catalog,
    parse_quantity,
    parse_spec,
    parse_specs,
    parse_unit,
    read_portfolio_file,
    sum_portfolio,
)


def one() -> Any:
    return analyse(Request(["biochar"]))


class Odd:
    """An object of no type any parameter takes."""


ODD = Odd()

# (what is called, the parameter given a wrong value, the call)
CASES: list[tuple[str, str, Callable[[], Any]]] = [
    ("Request", "specs", lambda: analyse(Request(specs=ODD))),  # type: ignore[arg-type]
    ("Request", "specs", lambda: analyse(Request(specs=[ODD]))),  # type: ignore[list-item]
    ("Request", "portfolio", lambda: analyse(Request(portfolio=ODD))),
    ("Request", "name", lambda: analyse(Request(["biochar"], name=ODD))),  # type: ignore[arg-type]
    ("Request", "catalog", lambda: analyse(Request(["biochar"], catalog=ODD))),  # type: ignore[arg-type]
    ("Request", "assessment", lambda: analyse(Request(["biochar"], assessment=ODD))),  # type: ignore[arg-type]
    ("Request", "fallback", lambda: analyse(Request(["biochar"], fallback=ODD))),  # type: ignore[arg-type]
    ("Request", "potential", lambda: analyse(Request(["biochar"], potential=ODD))),  # type: ignore[arg-type]
    ("Request", "unit", lambda: analyse(Request(["biochar"], unit=ODD))),  # type: ignore[arg-type]
    ("Request", "monte_carlo", lambda: analyse(Request(["biochar"], monte_carlo=100))),  # type: ignore[arg-type]
    ("Request", "horizon", lambda: analyse(Request(["biochar"], horizon=(2030, 2050)))),  # type: ignore[arg-type]
    ("Request", "references", lambda: analyse(Request(["biochar"], references=ODD))),  # type: ignore[arg-type]
    ("Request", "references", lambda: analyse(Request(["biochar"], references=[ODD]))),  # type: ignore[list-item]
    ("Request", "target", lambda: analyse(Request(["biochar"], monte_carlo=MonteCarlo(10), target=ODD))),  # type: ignore[arg-type]
    ("Request", "lang", lambda: analyse(Request(["biochar"], lang=ODD))),  # type: ignore[arg-type]
    ("Request", "iamc", lambda: analyse(Request(["biochar"], iamc=ODD))),  # type: ignore[arg-type]
    ("Request", "region", lambda: analyse(Request(["biochar"], region=ODD))),  # type: ignore[arg-type]
    ("Request", "countries", lambda: analyse(Request(["biochar"], region="CHN", countries=ODD))),  # type: ignore[arg-type]
    ("compare", "regions", lambda: compare(Request(["biochar"]), regions=ODD)),  # type: ignore[arg-type]
    ("rank", "request", lambda: nbscdr_cli.rank(ODD)),
    ("rank", "by", lambda: nbscdr_cli.rank(Request(["biochar"]), by=ODD)),
    ("rank", "top", lambda: nbscdr_cli.rank(Request(["biochar"]), top="3")),
    ("analyse", "request", lambda: analyse(ODD)),  # type: ignore[arg-type]
    ("analyse", "progress", lambda: analyse(Request(["biochar"]), progress=ODD)),  # type: ignore[arg-type]
    ("MonteCarlo", "samples", lambda: MonteCarlo(ODD)),  # type: ignore[arg-type]
    ("MonteCarlo", "samples", lambda: MonteCarlo("100")),  # type: ignore[arg-type]
    ("MonteCarlo", "seed", lambda: MonteCarlo(10, seed=ODD)),
    ("MonteCarlo", "seed", lambda: MonteCarlo(10, seed="1")),
    ("MonteCarlo", "distribution", lambda: MonteCarlo(10, distribution=None)),  # type: ignore[arg-type]
    ("MonteCarlo", "distribution", lambda: MonteCarlo(10, distribution=ODD)),  # type: ignore[arg-type]
    ("MonteCarlo", "correlation", lambda: MonteCarlo(10, correlation=ODD)),  # type: ignore[arg-type]
    ("MonteCarlo", "correlation", lambda: MonteCarlo(10, correlation="0.5")),  # type: ignore[arg-type]
    ("MonteCarlo", "percentiles", lambda: MonteCarlo(10, percentiles=())),
    ("MonteCarlo", "percentiles", lambda: MonteCarlo(10, percentiles=ODD)),  # type: ignore[arg-type]
    ("MonteCarlo", "percentiles", lambda: MonteCarlo(10, percentiles=("5", ODD))),  # type: ignore[arg-type]
    ("MonteCarlo", "method", lambda: MonteCarlo(10, method=None)),  # type: ignore[arg-type]
    ("HorizonSettings", "start", lambda: HorizonSettings(ODD, 2050)),  # type: ignore[arg-type]
    ("HorizonSettings", "end", lambda: HorizonSettings(2030, "2050")),  # type: ignore[arg-type]
    ("HorizonSettings", "ramp_years", lambda: HorizonSettings(2030, 2050, ramp_years=ODD)),  # type: ignore[arg-type]
    ("HorizonSettings", "saturation_years", lambda: HorizonSettings(2030, 2050, saturation_years={ODD: 5})),  # type: ignore[dict-item]
    ("HorizonSettings", "reversal_rate", lambda: HorizonSettings(2030, 2050, reversal_rate="1%")),  # type: ignore[arg-type]
    ("compare", "request", lambda: compare(ODD)),  # type: ignore[arg-type]
    ("compare", "assessments", lambda: compare(Request(["biochar"]), assessments=ODD)),  # type: ignore[arg-type]
    ("compare", "assessments", lambda: compare(Request(["biochar"]), assessments=[ODD])),  # type: ignore[list-item]
    ("compare", "portfolios", lambda: compare(Request(), portfolios=ODD)),  # type: ignore[arg-type]
    ("load_catalog", "path", lambda: load_catalog(ODD)),  # type: ignore[arg-type]
    ("parse_spec", "text", lambda: parse_spec(ODD)),  # type: ignore[arg-type]
    ("parse_specs", "texts", lambda: parse_specs(ODD)),  # type: ignore[arg-type]
    ("parse_specs", "texts", lambda: parse_specs([ODD])),  # type: ignore[list-item]
    ("read_portfolio_file", "path", lambda: read_portfolio_file(ODD)),  # type: ignore[arg-type]
    ("build_portfolio", "catalog", lambda: build_portfolio(ODD, parse_specs(["biochar"]))),  # type: ignore[arg-type]
    ("build_portfolio", "specs", lambda: build_portfolio(load_catalog(), ODD)),  # type: ignore[arg-type]
    ("build_portfolio", "specs", lambda: build_portfolio(load_catalog(), ["biochar"])),  # type: ignore[list-item]
    ("build_portfolio", "name", lambda: build_portfolio(load_catalog(), parse_specs(["biochar"]), name=ODD)),  # type: ignore[arg-type]
    ("sum_portfolio", "portfolio", lambda: sum_portfolio(ODD)),  # type: ignore[arg-type]
    ("parse_unit", "text", lambda: parse_unit(ODD)),  # type: ignore[arg-type]
    ("parse_quantity", "text", lambda: parse_quantity(ODD)),  # type: ignore[arg-type]
    ("convert", "value", lambda: convert("1", parse_unit("Gt CO2/yr"), parse_unit("Mt CO2/yr"))),  # type: ignore[arg-type]
    ("convert", "source", lambda: convert(1.0, "Gt CO2/yr", parse_unit("Mt CO2/yr"))),  # type: ignore[arg-type]
    ("convert", "target", lambda: convert(1.0, parse_unit("Gt CO2/yr"), ODD)),  # type: ignore[arg-type]
    ("enable_cache", "folder", lambda: enable_cache(ODD)),  # type: ignore[arg-type]
    ("Analysis.to_dict", "unit", lambda: one().to_dict(unit=ODD)),
    ("Analysis.to_dict", "lang", lambda: one().to_dict(lang=ODD)),
    ("Analysis.to_frame", "unit", lambda: one().to_frame(unit=ODD)),
    ("Analysis.to_iamc", "year", lambda: one().to_iamc(year="2050")),
    ("Comparison.to_dict", "lang", lambda: compare(Request(["biochar"])).to_dict(lang=ODD)),
]


@pytest.mark.filterwarnings("ignore")  # to_iamc imports pyam, whose dependencies warn
@pytest.mark.parametrize(
    ("what", "field", "call"), CASES, ids=[f"{w}-{f}-{i}" for i, (w, f, _) in enumerate(CASES)]
)
def test_a_wrong_type_is_named(what: str, field: str, call: Callable[[], Any]) -> None:
    with pytest.raises((NbscdrError, TypeError)) as raised:
        call()
    error = raised.value
    if isinstance(error, NbscdrError):
        assert (error.field is not None and error.field.split(".")[-1] == field) or field in str(error), str(
            error
        )
    else:
        assert type(error) is TypeError
        assert str(error).startswith(f"{field} must be "), str(error)


def test_every_public_callable_is_in_the_table() -> None:
    """Each public class and function is tried with wrong types above (the
    value types are records that the library builds and checks where they enter)."""
    records = {"Catalog", "Technique", "Reference", "RemovalRange", "EntrySpec", "Portfolio", "Entry"}
    records |= {
        "PortfolioResult",
        "Analysis",
        "Comparison",
        "Ranking",
        "Distribution",
        "NbscdrError",
        "DataError",
    }
    records |= {"InputError", "UnitError", "UsageError", "OutputError"}
    tried = {what.split(".")[0] for what, _, _ in CASES}
    public = {n for n in nbscdr_cli.__all__ if n != "__version__"} - records
    assert public <= tried | {"analyse"}, public - tried
    assert isinstance(load_catalog(), Catalog)


def test_the_issue_s_examples(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"^horizon must be a HorizonSettings or None, not tuple$"):
        analyse(Request(["biochar"], horizon=(2030, 2050)))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^monte_carlo must be a MonteCarlo or None, not int$"):
        analyse(Request(["biochar"], monte_carlo=100))  # type: ignore[arg-type]
