"""Overflow anywhere in the pipeline is an input error naming the entry or the
option, never exit 70, ``inf`` in a table, or a numpy warning (issue 15):
the sum, the unit conversion of the output, the period, the Monte Carlo, the
target, the ratio to a reference."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.cli.contract import clean, fail, run

SUM = "argument 2 'afforestation=1e308': with this entry, the total passes the largest number (1.798e+308); give smaller figures"
UNIT = "--unit: 1e+300 Gt CO2/yr is out of range in 'g C/yr'; choose a larger unit"


@pytest.mark.parametrize(
    "args",
    [
        ["portfolio", "biochar=1e308", "afforestation=1e308"],
        ["portfolio", "biochar=1e308", "afforestation=1e308", "-f", "json"],
        ["brief", "biochar=1e308", "afforestation=1e308"],
        ["compare", "biochar=1e308", "afforestation=1e308", "-a", "c2g2019,fuss2018"],
    ],
    ids=["table", "json", "brief", "compare"],
)
def test_sum(nbscdr_command: list[str], tmp_path: Path, args: list[str]) -> None:
    assert fail(nbscdr_command, tmp_path, *args) == SUM


def test_sum_of_file_entries(nbscdr_command: list[str], tmp_path: Path) -> None:
    portfolio = tmp_path / "p.json"
    entries = [{"technique": t, "high": 1e308} for t in ("biochar", "afforestation", "wetlands")]
    portfolio.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    assert fail(nbscdr_command, tmp_path, "portfolio", "--file", str(portfolio)) == (
        f"{portfolio}: entries[1]: with this entry, the total passes the largest number (1.798e+308); "
        "give smaller figures"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["portfolio", "biochar=1e300", "-u", "g C/yr"],
        ["portfolio", "biochar=1e300", "-u", "g C/yr", "-f", "json"],
        ["chart", "biochar=1e300", "-u", "g C/yr"],
        ["compare", "biochar=1e300", "-u", "g C/yr", "-a", "c2g2019,fuss2018", "-f", "json"],
    ],
    ids=["table", "json", "chart", "compare"],
)
def test_output_unit(nbscdr_command: list[str], tmp_path: Path, args: list[str]) -> None:
    assert fail(nbscdr_command, tmp_path, *args) == UNIT


def test_iamc(nbscdr_command: list[str], tmp_path: Path) -> None:
    line = fail(nbscdr_command, tmp_path, "portfolio", "biochar=1e306", "-f", "iamc", "--year", "2050")
    assert line == "--format iamc: 1e+306 Gt CO2/yr is out of range in 'Mt CO2/yr'"


def test_output_amount_unit(nbscdr_command: list[str], tmp_path: Path) -> None:
    # The rates fit in g C/yr; their sum over 20 years does not fit in g C.
    args = ["portfolio", "biochar=4e292", "--from", "2030", "--to", "2050", "-u", "g C"]
    line = fail(nbscdr_command, tmp_path, *args)
    assert line == "--unit: 8e+293 Gt CO2 is out of range in 'g C'; choose a larger unit"


def test_convert(nbscdr_command: list[str], tmp_path: Path) -> None:
    line = fail(nbscdr_command, tmp_path, "convert", "1e308 Pg C", "--to", "g C")
    assert line == "--to: 1e+308 Pg C is out of range in 'g C'; choose a larger unit"


def test_period_of_one_entry(nbscdr_command: list[str], tmp_path: Path) -> None:
    assert fail(nbscdr_command, tmp_path, "portfolio", "biochar=1e306", "--from", "1900", "--to", "2500") == (
        "argument 1 'biochar=1e306': its cumulative removal over 1900–2500 passes the largest number; "
        "give a smaller figure or a shorter period"
    )


def test_period_total(nbscdr_command: list[str], tmp_path: Path) -> None:
    args = ["portfolio", "biochar=2e305", "afforestation=2e305", "--from", "1900", "--to", "2500"]
    assert fail(nbscdr_command, tmp_path, *args) == (
        "argument 2 'afforestation=2e305': with this entry, the cumulative total passes the largest number "
        "(1.798e+308); give smaller figures"
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["biochar=1e-100-1e100", "-n", "100", "--distribution", "lognormal"],
            "--samples: the Monte Carlo statistics of the annual total are out of range; give smaller figures",
        ),
    ],
    ids=["lognormal tail"],
)
def test_monte_carlo(nbscdr_command: list[str], tmp_path: Path, args: list[str], line: str) -> None:
    assert fail(nbscdr_command, tmp_path, "portfolio", *args, "--seed", "1", "-f", "json") == line


def test_monte_carlo_of_large_figures_is_fine(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(
        nbscdr_command, tmp_path, "portfolio", "biochar=1e149", "-n", "1000", "--seed", "1", "-f", "json"
    )
    u = json.loads(clean(result))["uncertainty"]
    assert (u["mean"], u["std"], u["percentiles"]["50"]) == (1e149, 0.0, 1e149)


@pytest.mark.parametrize("method", [["-n", "1000", "--seed", "1"], ["--method", "convolution"]])
def test_uncertainty_up_to_the_largest_total(
    nbscdr_command: list[str], tmp_path: Path, method: list[str]
) -> None:
    # 1e308 fixed plus 0–7e307: the total's range ends at 1.7e308, just below the largest number
    args = ["portfolio", "biochar=1e308", "afforestation=0-7e307", *method, "-f", "json"]
    u = json.loads(clean(run(nbscdr_command, tmp_path, *args)))["uncertainty"]
    assert u["mean"] == pytest.approx(1.35e308, rel=0.05)
    assert u["std"] == pytest.approx(7e307 / math.sqrt(12), rel=0.1)
    assert 1e308 <= u["percentiles"]["5"] < u["percentiles"]["95"] <= 1.7e308


@pytest.mark.parametrize("target", ["1e308", "1e308 Pg C/yr"], ids=["in the output unit", "a quantity"])
def test_target_beyond_the_largest_number(nbscdr_command: list[str], tmp_path: Path, target: str) -> None:
    args = ["portfolio", "biochar", "-n", "10", "--target", target, "-u", "Pg C/yr"]
    line = fail(nbscdr_command, tmp_path, *args, code=2)
    assert line == f"Invalid value for '--target': {target} is out of range"


@pytest.mark.parametrize("unit", ["Gt CO2/yr", "g C/yr"])
def test_target_1e308_is_a_fair_question(nbscdr_command: list[str], tmp_path: Path, unit: str) -> None:
    args = ["portfolio", "biochar", "-n", "100", "--seed", "1", "--target", "1e308", "-u", unit, "-f", "json"]
    u = json.loads(clean(run(nbscdr_command, tmp_path, *args)))["uncertainty"]
    # biochar's high end cannot reach it: impossible by construction, not a chance of 0
    assert u["target"] == {"value": 1e308, "probability": 0.0, "by_construction": "impossible"}


def test_difference_from_a_tiny_reference(nbscdr_command: list[str], tmp_path: Path) -> None:
    # Ends are compared by difference, not ratio: a reference near 0 stays finite.
    data = tmp_path / "tiny.toml"
    data.write_text(
        '[techniques.x]\nname = { en = "X" }\nhigh = 1e10\nunit = "Gt CO2/yr"\n'
        '[references.tiny]\nkind = "potential"\nlow = 1e-320\nhigh = 1\nunit = "Gt CO2/yr"\n',
        encoding="utf-8",
    )
    args = ("portfolio", "x=1e300", "--data", str(data), "-r", "tiny", "-f", "json")
    comparison = json.loads(clean(run(nbscdr_command, tmp_path, *args)))["comparisons"][0]
    assert comparison["position"] == "above"
    assert comparison["difference"] == {"low": 1e300, "high": 1e300 - 1}
