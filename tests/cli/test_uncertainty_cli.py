"""--samples and friends through the command."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli.cli import app
from tests.cli.contract import usage_message
from tests.conftest import subprocess_env

runner = CliRunner()


def test_json_uncertainty_block() -> None:
    result = runner.invoke(
        app,
        [
            "portfolio",
            "afforestation",
            "biochar",
            "-n",
            "20000",
            "--seed",
            "42",
            "--target",
            "20",
            "--percentiles",
            "10,90",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    u = json.loads(result.stdout)["uncertainty"]
    assert (u["samples"], u["seed"], u["distribution"], u["correlation"], u["method"]) == (
        20000,
        42,
        "uniform",
        0.0,
        "exact",
    )
    assert list(u["percentiles"]) == ["5", "10", "50", "90", "95"]
    assert list(u["probability"]) == ["unep.low", "unep.high", "target"]
    assert u["thresholds"] == {"unep.low": 4.0, "unep.high": 12.0, "target": 20.0}
    assert u["mean"] == pytest.approx((4.8 + 22.8) / 2, abs=0.1)
    # UNEP's ends are tested against the entries in its scope: afforestation (uniform 3–18) alone
    assert u["probability"]["unep.low"] == pytest.approx((18 - 4) / 15, abs=0.01)
    assert u["probability"]["unep.high"] == pytest.approx((18 - 12) / 15, abs=0.01)
    again = json.loads(
        runner.invoke(
            app,
            [
                "portfolio",
                "afforestation",
                "biochar",
                "-n",
                "20000",
                "--seed",
                "42",
                "--target",
                "20",
                "--percentiles",
                "10,90",
                "-f",
                "json",
            ],
        ).stdout
    )["uncertainty"]
    assert again == u


def test_target_is_in_the_output_unit() -> None:
    out = runner.invoke(
        app,
        [
            "portfolio",
            "biochar",
            "-n",
            "1000",
            "--seed",
            "1",
            "--target",
            "1000",
            "-u",
            "Mt CO2/yr",
            "-f",
            "json",
        ],
    ).stdout
    u = json.loads(out)["uncertainty"]
    assert u["thresholds"]["target"] == 1000.0
    assert u["probability"]["target"] == 1.0  # biochar is 1.8-4.8 Gt = 1800-4800 Mt


def test_seed_is_printed_when_not_given() -> None:
    u = json.loads(runner.invoke(app, ["portfolio", "wetlands", "-n", "100", "-f", "json"]).stdout)[
        "uncertainty"
    ]
    assert isinstance(u["seed"], int) and u["seed"] >= 0
    table = runner.invoke(app, ["portfolio", "wetlands", "-n", "100", "--seed", "5"]).stdout
    assert "100 samples, seed 5, uniform, rank correlation 0" in table


def test_csv_rows_carry_only_the_columns_that_apply() -> None:
    import csv

    args = ["portfolio", "afforestation", "biochar", "macroalgae", "-n", "1000", "--seed", "1"]
    main, summary = runner.invoke(app, [*args, "-f", "csv"]).stdout.split("\n\n")
    table = list(csv.reader(main.splitlines()))
    assert table[0] == ["technique", "name", "share", "low", "high", "unit", "up_to"]
    assert all(len(row) == 7 and all(row) for row in table[1:-1])  # every entry has every cell
    assert table[-1] == ["total", "Total", "", "4.8", "41.8", "Gt CO2/yr", ""]
    stats = {(row[0], row[1]): row[2:] for row in csv.reader(summary.splitlines())}
    u = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)["uncertainty"]
    assert stats[("statistic", "of")] == ["value", "unit"]
    assert stats[("samples", "")] == ["1000", ""] and stats[("seed", "")] == ["1", ""]
    assert stats[("mean", "total")] == [repr(u["mean"]), "Gt CO2/yr"]
    assert stats[("std", "total")] == [repr(u["std"]), "Gt CO2/yr"]  # wherever the mean is
    assert stats[("p50", "total")] == [repr(u["percentiles"]["50"]), "Gt CO2/yr"]
    # each entry's own percentiles, from its distribution: uniform 3-18 and 1.8-4.8
    assert stats[("p5", "afforestation")] == ["3.75", "Gt CO2/yr"]
    assert stats[("p50", "biochar")] == ["3.3", "Gt CO2/yr"]
    # UNEP's ends are tested against the entries in its scope
    assert stats[("probability unep.high", "total in the scope of unep")] == [
        repr(u["probability"]["unep.high"]),
        "",
    ]
    assert stats[("threshold unep.high", "total in the scope of unep")] == ["12.0", "Gt CO2/yr"]
    md = runner.invoke(app, ["portfolio", "wetlands", "-n", "1000", "--seed", "1", "-f", "markdown"]).stdout
    assert "### Uncertainty of the total" in md and "| P50 |" in md and "| Standard deviation |" in md
    plain = runner.invoke(app, ["portfolio", "wetlands", "-f", "csv"]).stdout
    assert "\n\n" not in plain and "statistic" not in plain  # no Monte Carlo, no second section


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["-n", "0"], "Invalid value for '--samples': 0 is outside 1–1e+10"),
        (["-n", "-3"], "Invalid value for '--samples': -3 is outside 1–1e+10"),
        (["-n", "lots"], "Invalid value for '--samples': 'lots' is not a number"),
        (["-n", "1e11"], "Invalid value for '--samples': 1e11 is outside 1–1e+10"),
        (
            ["-n", "10", "--seed", "-1"],
            "Invalid value for '--seed': -1 is outside 0–9223372036854775807",
        ),
        (["-n", "10", "--seed", "abc"], "Invalid value for '--seed': 'abc' is not a valid int"),
        (
            ["-n", "10", "--distribution", "beta"],
            "Invalid value for '--distribution': 'beta' is not one of 'uniform', 'triangular', 'pert', 'lognormal'",
        ),
        (
            ["-n", "10", "--correlation", "1.5"],
            "Invalid value for '--correlation': 1.5 is outside 0–1",
        ),
        (
            ["-n", "10", "--percentiles", "0,100"],
            "Invalid value for '--percentiles': 0 is outside (0, 100)",
        ),
        (["--seed", "3"], "Invalid value for '--seed': applies only with --samples"),
        (["--percentiles", "10"], "Invalid value for '--percentiles': applies only with --samples"),
        (
            ["--distribution", "pert"],
            "Invalid value for '--distribution': applies only with --samples",
        ),
        (["--correlation", "0.5"], "Invalid value for '--correlation': applies only with --samples"),
        (
            ["--target", "20"],
            "Invalid value for '--target': a target needs a Monte Carlo run (samples) to give its chance",
        ),
    ],
)
def test_bad_monte_carlo_options_are_usage_errors(args: list[str], line: str) -> None:
    result = runner.invoke(app, ["portfolio", "afforestation", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert usage_message(result.stderr) == line


@pytest.mark.parametrize(
    ("sig", "code", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_signal_stops_promptly_and_writes_nothing(
    nbscdr_command: list[str], tmp_path: Path, sig: int, code: int, word: str
) -> None:
    out = tmp_path / "result.json"
    out.write_text("old", encoding="utf-8")
    proc = subprocess.Popen(
        [
            *nbscdr_command,
            "portfolio",
            "afforestation",
            "biochar",
            "-n",
            "1e10",
            "-f",
            "json",
            "-o",
            str(out),
        ],
        env=subprocess_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.5)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=10)
    assert proc.returncode == code
    assert stdout == ""
    assert stderr == f"nbscdr: {word}; nothing was written\n"
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["result.json"]
