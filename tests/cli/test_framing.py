"""What a user meets when a number's framing or an input is off (issue 14's
walk-through, as a new user): assumptions said next to the figures they shape,
values that would mean nothing refused, ids found whatever their case."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.cli.contract import usage_message
from tests.conftest import subprocess_env


def run(nbscdr_command: list[str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*nbscdr_command, *args], capture_output=True, text=True, env=subprocess_env(tmp_path), timeout=120
    )


def notes(nbscdr_command: list[str], tmp_path: Path, *args: str) -> dict[str, str]:
    result = run(nbscdr_command, tmp_path, "portfolio", *args, "-f", "json")
    assert result.returncode == 0, result.stderr
    return {w["code"]: w["message"] for w in json.loads(result.stdout)["warnings"]}


def test_what_each_figure_counts_is_said_figure_by_figure(nbscdr_command: list[str], tmp_path: Path) -> None:
    """Issue 21, row 6: no blanket "a tonne of CO2e is a tonne of CO2"; each CO2e
    figure says what it counts, as its source does."""
    result = run(
        nbscdr_command,
        tmp_path,
        "portfolio",
        *("biochar", "wetlands", "agroforestry", "improved-forest-management", "-a", "ar6"),
        *("-r", "unep", "-f", "json"),
    )
    assert result.returncode == 0, result.stderr
    said = [
        (w.get("technique") or w.get("reference"), w["message"])
        for w in json.loads(result.stdout)["warnings"]
        if w["code"] == "co2e"
    ]
    assert said == [
        (
            "biochar",
            "Biochar: given in Gt CO2e/yr; it counts CO2 removal and emission reduction, not CO2 removal alone, "
            "and is added to the totals as it stands.",
        ),
        (
            "wetlands",
            "Restoring wetlands: given in Gt CO2e/yr; it counts CO2 removal, avoided emissions and other gases "
            "(methane, nitrous oxide), not CO2 removal alone, and is added to the totals as it stands.",
        ),
        ("agroforestry", "Agroforestry: given in CO2e, which equals CO2 for it (a removal of CO2 alone)."),
        (
            "improved-forest-management",
            "Improved forest management: given in Gt CO2/yr; it counts CO2 removal and emission reduction, not "
            "CO2 removal alone, and is added to the totals as it stands.",
        ),
    ]
    assert "a tonne of CO2e is a tonne of CO2" not in result.stdout
    # AR6's 8–14 is an economic potential: compared only with economic potentials
    economic = ("afforestation", "-a", "ar6", "--potential", "economic", "-r", "ar6-afolu-mitigation")
    assert notes(nbscdr_command, tmp_path, *economic)["co2e"] == (
        "IPCC AR6, economic AFOLU mitigation potential: given in Gt CO2e/yr; it counts CO2 removal, avoided "
        "emissions, emission reduction and other gases (methane, nitrous oxide), not CO2 removal alone."
    )
    # the brief's own figures (Gt CO2/yr, CO2 removal) against UNEP (Gt of CO2 in the Chinese edition)
    assert "co2e" not in notes(nbscdr_command, tmp_path, "biochar", "afforestation")


def test_the_monte_carlo_says_its_distribution_is_assumed(nbscdr_command: list[str], tmp_path: Path) -> None:
    said = notes(nbscdr_command, tmp_path, "biochar", "-n", "100", "--seed", "1", "--distribution", "pert")
    assert said["distribution"] == (
        "The Monte Carlo draws each entry from a PERT distribution over its range, peaking at the source's "
        "central value where it gives one (a mean or median: taking it as the mode is nbscdr's assumption) and "
        "at the midpoint otherwise, independently of one another: an assumption, since no source gives one."
    )
    assert "distribution" not in notes(nbscdr_command, tmp_path, "biochar")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["-n", "10", "--target", "-5"],
            "Invalid value for '--target': -5 is not above 0: every total reaches it",
        ),
        (
            ["--from", "2030", "--to", "2040", "--saturation-years", "0"],
            "Invalid value for '--saturation-years': 0 is not a number of years, 1 or more",
        ),
        (
            ["-o", "r.dat"],
            "Invalid value for '--output': 'r.dat': nbscdr writes no .dat files; give a name ending in .json, "
            ".csv, .md, .markdown, .txt (or choose the format)",
        ),
        (
            ["-o", "r.xlsx"],  # a workbook whatever the format: choosing one does not help
            "Invalid value for '--output': 'r.xlsx': nbscdr writes no .xlsx files; give a name ending in .json, "
            ".csv, .md, .markdown, .txt",
        ),
    ],
)
def test_values_that_would_mean_nothing_are_refused(
    nbscdr_command: list[str], tmp_path: Path, args: list[str], line: str
) -> None:
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert usage_message(result.stderr) == line
    assert not (tmp_path / "r.xlsx").exists()


def test_ids_whatever_their_case_and_each_once(nbscdr_command: list[str], tmp_path: Path) -> None:
    upper = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-a", "AR6", "-r", "UNEP", "-f", "json")
    doc = json.loads(upper.stdout)
    assert (doc["assessment"], doc["comparisons"][0]["reference"]) == ("ar6", "unep")
    rows = json.loads(
        run(nbscdr_command, tmp_path, "compare", "biochar", "-a", "ar6,ar6", "-f", "json").stdout
    )
    assert [r["assessment"] for r in rows["rows"]] == ["ar6"]


def test_show_takes_any_technique(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, tmp_path, "show", "agroforestry")  # no estimate in the default c2g2019
    assert result.returncode == 0, result.stderr
    assert re.search(r"\n Range +\| 0\.3–9\.4 Gt CO2e/yr; mean 4\.1 \(figure from ar6\)", result.stdout)
    result = run(nbscdr_command, tmp_path, "show", "macroalgae", "-a", "ar6")
    assert result.returncode == 0, result.stderr
    assert "up to 19 Gt CO2/yr (figure from c2g2019)" in result.stdout


def test_a_cumulative_reference_names_its_period(nbscdr_command: list[str], tmp_path: Path) -> None:
    same = notes(
        nbscdr_command, tmp_path, "afforestation", "--from", "2020", "--to", "2100", "-r", "ar6-afolu-c1"
    )
    assert "reference-period" not in same  # AR6's 2020–2100: the same years
    default = notes(nbscdr_command, tmp_path, "afforestation", "--from", "2030", "--to", "2050")
    assert "reference-period" not in default  # over other years: compared only when asked for
    other = notes(
        nbscdr_command, tmp_path, "afforestation", "--from", "2030", "--to", "2050", "-r", "sr15-cdr"
    )
    assert other["reference-period"] == (
        "IPCC SR1.5, CDR in 1.5 °C pathways is an amount over the 21st century, and the total here is over "
        "2030–2049: the periods differ, so compare with care."
    )


@pytest.mark.parametrize(
    "args",
    [
        ["portfolio", "afforestation", "soil-carbon"],  # C2G: a potential of a kind not stated
        ["portfolio", "afforestation", "soil-carbon", "-a", "ar6"],  # AR6's technical potential
        ["compare", "afforestation", "soil-carbon", "-a", "c2g2019,ar6"],
        ["brief", "afforestation", "soil-carbon", "-a", "ar6"],
        ["chart", "afforestation", "soil-carbon", "-a", "ar6", "-o", "x.svg"],
    ],
)
def test_an_economic_reference_is_compared_only_with_economic_potentials(
    nbscdr_command: list[str], tmp_path: Path, args: list[str]
) -> None:
    """AR6's 8–14 (SPM C.9.1, below USD 100) is refused with any other kind of potential,
    as the regional A/R references are: one rule for every economic reference."""
    result = run(nbscdr_command, tmp_path, *args, "-r", "ar6-afolu-mitigation")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "nbscdr: Invalid value for '--reference': ar6-afolu-mitigation is an economic potential: it is compared "
        f"only with economic potentials (or set --potential economic) (nbscdr {args[0]} -h)\n"
    )
    assert not (tmp_path / "x.svg").exists()
