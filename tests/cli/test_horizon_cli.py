from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from nbscdr_cli.cli.program import app
from tests.cli.contract import usage_message

runner = CliRunner()


def test_json_horizon_contract() -> None:
    result = runner.invoke(
        app, ["portfolio", "afforestation", "soil-carbon", "--from", "2030", "--to", "2060", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    h = doc["horizon"]
    assert (h["from"], h["to"], h["years"], h["unit"]) == (2030, 2060, 30, "Gt CO2")
    assert h["cumulative"] == {"low": 110.0, "high": 760.0}
    # no reversal rate given or sourced: all of it is still stored at the end of 2059
    assert h["stored_at_end"] == {"low": 110.0, "high": 760.0} and h["reversal_applied"] is False
    assert "durable" not in h
    assert len(h["path"]) == 30 and h["path"][0] == {
        "year": 2030,
        "removal": {"low": 4.0, "high": 29.0},
        "cumulative": {"low": 4.0, "high": 29.0},
        "stock": {"low": 4.0, "high": 29.0},
    }
    soil = doc["entries"][1]["horizon"]
    assert soil["cumulative"] == {"low": 20.0, "high": 220.0}
    assert (soil["saturation_years"], soil["saturation_from"]) == (20.0, "data")
    assert "2006 IPCC Guidelines" in soil["saturation_source"]
    assert h["comparisons"] == []  # SR1.5's 21st century is not 2030–2059: compared only when asked for
    codes = [w["code"] for w in doc["warnings"]]
    assert {"years", "no-ramp", "saturation", "no-saturation", "no-reversal"} <= set(codes)


def test_cumulative_in_another_mass_unit() -> None:
    doc = json.loads(
        runner.invoke(
            app, ["portfolio", "biochar", "--from", "2030", "--to", "2040", "-u", "Mt C", "-f", "json"]
        ).stdout
    )
    assert doc["unit"] == "Mt C/yr" and doc["horizon"]["unit"] == "Mt C"
    assert doc["horizon"]["cumulative"]["high"] == pytest.approx(48_000 * 12 / 44)


def test_rate_unit_gives_matching_mass_unit() -> None:
    doc = json.loads(
        runner.invoke(
            app, ["portfolio", "biochar", "--from", "2030", "--to", "2040", "-u", "Mt CO2/yr", "-f", "json"]
        ).stdout
    )
    assert doc["horizon"]["unit"] == "Mt CO2"
    assert doc["horizon"]["cumulative"]["high"] == 48_000.0


def test_csv_path() -> None:
    out = runner.invoke(
        app,
        [
            "portfolio",
            "wetlands",
            "--from",
            "2030",
            "--to",
            "2032",
            "--reversal-rate",
            "10%",
            "-f",
            "csv",
            "--table",
            "years",
        ],
    ).stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "technique",
        "year",
        "removal_low",
        "removal_high",
        "rate_unit",
        "cumulative_low",
        "cumulative_high",
        "stock_low",
        "stock_high",
        "amount_unit",
    ]
    assert rows[1:] == [
        ["wetlands", "2030", "0.0", "1.0", "Gt CO2/yr", "0.0", "1.0", "0.0", "1.0", "Gt CO2"],
        ["wetlands", "2031", "0.0", "1.0", "Gt CO2/yr", "0.0", "2.0", "0.0", "1.9", "Gt CO2"],
        ["total", "2030", "0.0", "1.0", "Gt CO2/yr", "0.0", "1.0", "0.0", "1.0", "Gt CO2"],
        ["total", "2031", "0.0", "1.0", "Gt CO2/yr", "0.0", "2.0", "0.0", "1.9", "Gt CO2"],
    ]


def test_with_samples_gives_cumulative_and_stored_percentiles() -> None:
    doc = json.loads(
        runner.invoke(
            app,
            [
                "portfolio",
                "afforestation",
                "--from",
                "2030",
                "--to",
                "2050",
                "-n",
                "10000",
                "--seed",
                "1",
                "-r",
                "sr15-cdr",
                "-f",
                "json",
            ],
        ).stdout
    )
    u = doc["horizon"]["uncertainty"]
    assert set(u) == {"cumulative", "stored_at_end"}
    assert u["cumulative"]["percentiles"]["50"] == pytest.approx(
        20 * doc["uncertainty"]["percentiles"]["50"], rel=1e-9
    )
    assert u["cumulative"]["probability"]["sr15-cdr"].keys() == {"low", "high"}


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--from", "2050", "--to", "2030"],
            "Invalid value for '--to': 2030 is not after the start year 2050",
        ),
        (["--from", "2030"], "Invalid value for '--from': a period needs an end year too"),
        (["--from", "1200", "--to", "2030"], "Invalid value for '--from': 1200 is outside 1900–2500"),
        (
            ["--from", "2030", "--to", "2050", "--ramp-years", "-2"],
            "Invalid value for '--ramp-years': -2 is not a number of years, 0 or more",
        ),
        (
            ["--from", "2030", "--to", "2050", "--reversal-rate", "100%"],
            "Invalid value for '--reversal-rate': '100%' is not a share from 0 to under 100% (or 0 to under 1)",
        ),
        (
            ["--ramp-years", "5"],
            "Invalid value for '--ramp-years': applies only with --from and --to",
        ),
        (
            ["--from", "twenty", "--to", "2050"],
            "Invalid value for '--from': 'twenty' is not a valid int",
        ),
    ],
)
def test_bad_horizon_options(args: list[str], line: str) -> None:
    result = runner.invoke(app, ["portfolio", "afforestation", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert usage_message(result.stderr) == line


def test_mass_unit_without_horizon_is_refused() -> None:
    result = runner.invoke(app, ["portfolio", "afforestation", "-u", "Gt CO2"])
    assert result.exit_code == 1
    assert result.stderr.startswith("nbscdr: --unit: unit 'Gt CO2' is an amount (no per-time)")


def test_a_range_of_saturation_times() -> None:
    base = ["portfolio", "soil-carbon", "afforestation", "--from", "2030", "--to", "2080"]
    ranged = [*base, "--saturation-years", "soil-carbon=10-100"]
    result = runner.invoke(app, [*ranged, "-n", "1000", "--seed", "2", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    soil = doc["entries"][0]["horizon"]
    assert (soil["saturation_years"], soil["saturation_from"]) == ({"low": 10.0, "high": 100.0}, "user")
    assert soil["cumulative"] == {"low": 10.0, "high": 550.0}  # 1 × 10 years, 11 × the 50-year period
    (note,) = [w["message"] for w in doc["warnings"] if w["code"] == "saturation-range"]
    assert note == (
        "Carbon sequestration in soils: saturation time given as 10–100 years; the low end of its rate is "
        "taken with 10 years and the high end with 100, and the Monte Carlo draws the time uniformly between "
        "them, independently of the rate: an assumption, since no source gives its distribution."
    )
    table = runner.invoke(app, ranged).stdout
    assert "saturates after 10–100 years" in table
    assert "the Monte Carlo draws" not in table  # no Monte Carlo, nothing drawn
    for args, message in (
        (
            [*ranged, "--method", "convolution"],
            "Invalid value for '--method': convolution needs one saturation time per entry; "
            "a range of saturation times needs sampling",
        ),
        (
            [*base, "--ramp-years", "5-10"],
            "Invalid value for '--ramp-years': '5-10': give one number, not a range",
        ),
        (
            [*base, "--saturation-years", "100-10"],
            "Invalid value for '--saturation-years': '100-10': the low end is above the high end",
        ),
    ):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stdout, usage_message(result.stderr)) == (2, "", message)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            ["soil-carbon=10-100", "soil-carbon=20"],
            "Invalid value for '--saturation-years': 'soil-carbon=20': 'soil-carbon' is given twice",
        ),
        (
            ["10", "20"],
            "Invalid value for '--saturation-years': '20': the value for every entry is given twice",
        ),
        (
            ["soil-carbon=10", "Carbon sequestration in soils=20"],
            "Invalid value for '--saturation-years': 'Carbon sequestration in soils' names 'soil-carbon', "
            "which is given twice",
        ),
    ],
)
def test_a_setting_given_twice_is_refused(given: list[str], message: str) -> None:
    args = ["portfolio", "soil-carbon", "--from", "2030", "--to", "2080"]
    for value in given:
        args += ["--saturation-years", value]
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout, usage_message(result.stderr)) == (2, "", message)


def test_the_brief_states_the_chosen_period_settings_and_their_spread() -> None:
    args = ["brief", "afforestation", "soil-carbon", "--from", "2030", "--to", "2080", "--ramp-years", "10"]
    args += ["--reversal-rate", "1%", "--saturation-years", "soil-carbon=10-100", "-n", "1000", "--seed", "3"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(runner.invoke(app, ["portfolio", *args[1:], "-f", "json"]).stdout)
    h = doc["horizon"]
    # every assumption in the sentence that gives the figures (figures to two significant figures)
    assert (
        "; over 2030–2079, from the start of 2030, ramping up to those rates over 10 years, Carbon sequestration "
        "in soils stopping after 10–100 years and 1% of what is stored reversed each year, that adds up to "
        "140–1,300 Gt CO2 removed, 110–1,100 Gt CO2 of it still stored at the end of 2079."
    ) in result.stdout
    # the figures in full in JSON: 142–1,319.5 and 113.6–1,063.5
    assert (round(h["cumulative"]["low"]), round(h["cumulative"]["high"])) == (142, 1320)
    assert (round(h["stored_at_end"]["low"]), round(h["stored_at_end"]["high"])) == (114, 1064)
    percentiles = h["uncertainty"]["stored_at_end"]["percentiles"]
    p5, p95 = (format(float(f"{percentiles[k]:.2g}"), ",g") for k in ("5", "95"))
    assert f"stored at the end of 2079: P5–P95 {p5}–{p95} Gt CO2." in result.stdout
    detail = runner.invoke(app, [*args, "--detail"]).stdout
    assert (
        "as chosen for this briefing: Afforestation and reforestation (ramp 10 years, 1% reversed per year), "
        "Carbon sequestration in soils (ramp 10 years, saturates after 10–100 years, 1% reversed per year)."
    ) in detail
