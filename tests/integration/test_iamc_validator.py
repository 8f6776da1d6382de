"""The IAMC export passes the IAMC's own validator (nomenclature-iamc) against the IAMC
common-definitions codelists copied to tests/data/common-definitions, and the validator,
so set up, does reject what it should. Importing nomenclature (with pyam) takes a few
seconds, once for the module."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import subprocess_env
from tests.iamc_validator import IamcValidationError, problems, validate

pytestmark = pytest.mark.filterwarnings("ignore")  # pyam's own dependencies warn on import

TECHNIQUES = Path(__file__).parents[2] / "data" / "techniques.toml"
UNIT = "Mt CO2/yr"  # what common-definitions requires of every Carbon Removal variable


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The IAMC CSV of `nbscdr portfolio afforestation biochar soil-carbon -f iamc`."""
    folder = tmp_path_factory.mktemp("iamc")
    out = folder / "x.csv"
    command = [
        "portfolio",
        "afforestation",
        "biochar",
        "soil-carbon",
        "-f",
        "iamc",
        "--year",
        "2050",
        "-o",
        str(out),
    ]
    result = subprocess.run(
        [sys.executable, "-m", "nbscdr_cli", *command],
        cwd=folder,
        env=subprocess_env(folder),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_the_export_validates(export: Path) -> None:
    import pyam

    frame = pyam.IamDataFrame(export)
    assert frame.variable == [
        "Carbon Removal|Land Use|Biochar",
        "Carbon Removal|Land Use|Re/Afforestation",
        "Carbon Removal|Land Use|Soil Carbon Management",
    ]
    assert frame.region == ["World"] and frame.unit == [UNIT]
    validate(export)  # the path, as pyam reads it
    validate(frame)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            ",World,",
            ",Atlantis,",
            "The following region(s) are not defined in the region codelist:\n - 'Atlantis'",
        ),
        (
            "Carbon Removal|Land Use|Biochar",
            "Carbon Removal|Land Use|Wishful Thinking",
            "The following variable(s) are not defined in the variable codelist:\n"
            " - 'Carbon Removal|Land Use|Wishful Thinking'",
        ),
        (
            "Mt CO2/yr",
            "Gt CO2/yr",
            "'Carbon Removal|Land Use|Biochar' - expected: 'Mt CO2/yr', found: 'Gt CO2/yr'",
        ),
    ],
    ids=["unknown-region", "unknown-variable", "wrong-unit"],
)
def test_the_validator_rejects(export: Path, tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = export.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.csv"
    bad.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(IamcValidationError) as raised:
        validate(bad)
    assert expected in str(raised.value)


def test_a_country_s_export_validates(tmp_path: Path) -> None:
    """`-f iamc --region CHN` names the region as the IAMC's codelists do: "China" (issue 22)."""
    import pyam

    out = tmp_path / "china.csv"
    command = ["portfolio", "afforestation", "biochar", "soil-carbon", "agroforestry", "--region", "CHN"]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "nbscdr_cli",
            *command,
            "--potential",
            "economic",
            "-f",
            "iamc",
            "--year",
            "2050",
            "-o",
            str(out),
        ],
        cwd=tmp_path,
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    frame = pyam.IamDataFrame(out)
    assert frame.region == ["China"] and frame.unit == [UNIT]
    validate(frame)


def test_every_country_name_nbscdr_writes_validates() -> None:
    """data/iamc_countries.json, each name as a region the validator knows."""
    import json

    import pandas as pd

    names = json.loads((TECHNIQUES.parent / "iamc_countries.json").read_text(encoding="utf-8"))["countries"]
    row = {"model": "nbscdr", "scenario": "portfolio|low", "variable": "Carbon Removal|Land Use|Biochar"}
    frame = pd.DataFrame(
        [{**row, "region": r, "unit": UNIT, "year": 2050, "value": 1.0} for r in names.values()]
    )
    assert problems(frame) is None


def test_a_country_validates() -> None:
    import pandas as pd
    import pyam

    row = {
        "model": "nbscdr",
        "scenario": "portfolio|low",
        "variable": "Carbon Removal|Land Use|Re/Afforestation",
    }
    frame = pd.DataFrame([{**row, "region": "China", "unit": UNIT, "year": 2050, "value": 100.0}])
    validate(pyam.IamDataFrame(frame))


def test_a_negative_removal_is_rejected() -> None:
    """common-definitions gives every Carbon Removal variable a lower bound of 0."""
    import pandas as pd

    row = {"model": "nbscdr", "scenario": "portfolio|low", "region": "World", "unit": UNIT, "year": 2050}
    frame = pd.DataFrame([{**row, "variable": "Carbon Removal|Land Use|Biochar", "value": -1.0}])
    message = problems(frame)
    assert message is not None
    assert "Carbon Removal|Land Use|Biochar" in message and "lower_bound: 0.0" in message


def test_countries_and_common_regions_validate() -> None:
    import pandas as pd

    regions = ["World", "China", "India", "Brazil", "Indonesia", "United States"]
    regions += ["Asia (R5)", "OECD & EU (R5)", "Rest of Asia (R10)", "Pacific OECD (R10)"]
    row = {"model": "nbscdr", "scenario": "portfolio|low", "variable": "Carbon Removal|Land Use|Biochar"}
    frame = pd.DataFrame([{**row, "region": r, "unit": UNIT, "year": 2050, "value": 1.0} for r in regions])
    assert problems(frame) is None


def test_every_variable_in_the_data_is_in_the_codelists() -> None:
    """Each technique's iamc_variable in data/techniques.toml, in Mt CO2/yr."""
    import pandas as pd

    techniques = tomllib.loads(TECHNIQUES.read_text(encoding="utf-8"))["techniques"]
    variables = sorted({t["iamc_variable"] for t in techniques.values() if "iamc_variable" in t})
    assert len(variables) >= 8
    row = {"model": "nbscdr", "scenario": "portfolio|high", "region": "World", "unit": UNIT, "year": 2050}
    assert problems(pd.DataFrame([{**row, "variable": v, "value": 1.0} for v in variables])) is None


def test_a_period_export_has_its_end_year_and_validates(tmp_path: Path) -> None:
    """`--from 2030 --to 2050` gives columns 2030 to 2050 (issue 23), with model "nbscdr"."""
    import pyam

    out = tmp_path / "period.csv"
    command = ["portfolio", "afforestation", "soil-carbon", "--from", "2030", "--to", "2050", "-n", "1000"]
    result = subprocess.run(
        [sys.executable, "-m", "nbscdr_cli", *command, "--seed", "1", "-f", "iamc", "-o", str(out)],
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    frame = pyam.IamDataFrame(out)
    assert frame.year == list(range(2030, 2051)) and frame.model == ["nbscdr"]
    assert len(frame.scenario) == 5  # low, high, p5, p50, p95
    validate(frame)


def test_the_library_frame_validates() -> None:
    from nbscdr_cli import HorizonSettings, MonteCarlo, Request, analyse

    six = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
    a = analyse(
        Request(six, monte_carlo=MonteCarlo(method="convolution"), horizon=HorizonSettings(2030, 2035))
    )
    frame = a.to_iamc()
    assert frame.year == list(range(2030, 2036))
    assert set(frame.meta["nbscdr_version"]) == {__import__("nbscdr_cli").__version__}
    validate(frame)
