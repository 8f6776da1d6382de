"""--samples and friends through the command."""

from __future__ import annotations

import json
import math
import signal
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli import __version__
from nbscdr_cli.cli.program import app
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
        "monte-carlo",
    )
    assert u["percentile_method"] == "exact"
    assert list(u["percentiles"]) == ["5", "10", "50", "90", "95"]
    assert u["thresholds"] == {"unep": {"low": 4.0, "high": 12.0}}
    assert u["target"]["value"] == 20.0 and list(u["target"]) == ["value", "probability", "by_construction"]
    assert u["target"]["by_construction"] is None  # 4.8–22.8 may or may not reach 20
    # in UNEP's scope, afforestation alone: its 3–18 neither always nor never reaches 4 or 12
    assert u["by_construction"] == {}
    assert u["mean"] == pytest.approx((4.8 + 22.8) / 2, abs=0.1)
    # UNEP's ends are tested against the entries in its scope: afforestation (uniform 3–18) alone
    assert u["probability"]["unep"]["low"] == pytest.approx((18 - 4) / 15, abs=0.01)
    assert u["probability"]["unep"]["high"] == pytest.approx((18 - 12) / 15, abs=0.01)
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
    # biochar is 1.8-4.8 Gt = 1800-4800 Mt: its low end reaches 1,000, certain by construction
    assert u["target"] == {"value": 1000.0, "probability": 1.0, "by_construction": "certain"}


def test_seed_is_printed_when_not_given() -> None:
    u = json.loads(runner.invoke(app, ["portfolio", "wetlands", "-n", "100", "-f", "json"]).stdout)[
        "uncertainty"
    ]
    assert isinstance(u["seed"], int) and u["seed"] >= 0
    table = runner.invoke(app, ["portfolio", "wetlands", "-n", "100", "--seed", "5"]).stdout
    assert "Uncertainty of the total: Monte Carlo, 100 samples, seed 5, uniform, rank correlation 0" in table


def test_csv_rows_carry_only_the_columns_that_apply() -> None:
    import csv

    args = ["portfolio", "afforestation", "biochar", "macroalgae", "-n", "1000", "--seed", "1"]
    table = list(csv.reader(runner.invoke(app, [*args, "-f", "csv"]).stdout.splitlines()))
    assert table[0][:12] == [
        "technique",
        *("name_en", "name_zh", "share", "low", "high", "central", "unit", "up_to"),
        *("own_figure", "fallback", "assessment"),
    ]
    assert table[0][12:] == ["marginal_p5", "marginal_p50", "marginal_p95"]
    assert all(len(row) == 15 for row in table)  # rectangular
    # each entry's own percentiles, from its distribution: uniform 3-18 and 1.8-4.8
    assert [row[12:] for row in table[1:3]] == [["3.75", "10.5", "17.25"], ["1.95", "3.3", "4.65"]]
    assert table[-1][:9] == ["total", "Total", "合计", "", "4.8", "41.8", "", "Gt CO2/yr", "true"]
    assert table[-1][12:] == ["", "", ""]  # the total's percentiles are statistics of the total
    statistics = runner.invoke(app, [*args, "-f", "csv", "--table", "statistics"]).stdout
    rows = list(csv.reader(statistics.splitlines()))
    assert rows[0] == [
        *("total", "statistic", "value", "unit", "in_scope_of"),
        *("method", "distribution", "correlation", "samples", "seed"),
    ]
    assert all(row[5:] == ["monte-carlo", "uniform", "0.0", "1000", "1"] for row in rows[1:])
    stats = {(row[0], row[1]): row[2:5] for row in rows[1:]}
    u = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)["uncertainty"]
    assert stats[("annual", "mean")] == [repr(u["mean"]), "Gt CO2/yr", ""]
    assert stats[("annual", "std")] == [repr(u["std"]), "Gt CO2/yr", ""]  # wherever the mean is
    assert stats[("annual", "p50")] == [repr(u["percentiles"]["50"]), "Gt CO2/yr", ""]
    # UNEP's ends are tested against the entries in its scope
    assert stats[("annual", "probability_unep_high")] == [repr(u["probability"]["unep"]["high"]), "", "unep"]
    assert stats[("annual", "threshold_unep_high")] == ["12.0", "Gt CO2/yr", "unep"]
    md = runner.invoke(app, ["portfolio", "wetlands", "-n", "1000", "--seed", "1", "-f", "markdown"]).stdout
    assert "### Uncertainty of the total" in md and "| P50 |" in md and "| Standard deviation |" in md
    plain = runner.invoke(app, ["portfolio", "wetlands", "-f", "csv"]).stdout
    assert "\n\n" not in plain and "marginal" not in plain  # no Monte Carlo, no percentile columns


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
        (
            ["--percentiles", "10"],
            "Invalid value for '--percentiles': applies only with --samples or --method convolution",
        ),
        (
            ["--distribution", "pert"],
            "Invalid value for '--distribution': applies only with --samples or --method convolution",
        ),
        (
            ["--correlation", "0.5"],
            "Invalid value for '--correlation': applies only with --samples",
        ),
        (
            ["--target", "20"],
            "Invalid value for '--target': a target needs the total's distribution (samples, or the convolution method) to give its chance",
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


# ------------------------------------------------------------------ --method convolution


def run_json(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_convolution_puts_its_result_where_monte_carlo_does() -> None:
    conv = run_json("portfolio", "afforestation", "biochar", "--method", "convolution", "--target", "20")
    mc = run_json("portfolio", "afforestation", "biochar", "-n", "1e5", "--seed", "1", "--target", "20")
    u, v = conv["uncertainty"], mc["uncertainty"]
    assert list(u) == list(v)  # the same keys, in the same order
    assert (u["method"], u["samples"], u["seed"], u["percentile_method"]) == (
        "convolution",
        None,
        None,
        "grid",
    )
    assert (v["method"], v["percentile_method"]) == ("monte-carlo", "exact")
    assert (u["mean"], u["std"]) == (13.8, pytest.approx(math.sqrt((15**2 + 3**2) / 12), abs=1e-11))
    # afforestation + biochar is a trapezoid: flat between 7.8 and 19.8, so P5 = 4.8 + sqrt(2·0.05·45)
    assert u["percentiles"]["5"] == pytest.approx(4.8 + math.sqrt(4.5), abs=1e-4 * 18)
    assert u["percentiles"]["50"] == pytest.approx(13.8, abs=1e-9)
    assert u["target"]["probability"] == pytest.approx((22.8 - 20) ** 2 / (2 * 15 * 3), abs=1e-6)  # top ramp
    assert u["histogram"]["counts"] is None and sum(u["histogram"]["shares"]) == pytest.approx(1)
    assert sum(v["histogram"]["counts"]) == 100_000
    for doc in (conv, mc):
        assert set(doc["entries"][0]["percentiles"]) == {"5", "50", "95"}


def test_convolution_alone_turns_it_on_for_every_command(tmp_path: Path) -> None:
    compare = run_json("compare", "afforestation", "biochar", "--method", "convolution")
    assert {row["uncertainty"]["method"] for row in compare["rows"] if "uncertainty" in row} == {
        "convolution"
    }
    table = runner.invoke(app, ["compare", "afforestation", "biochar", "--method", "convolution"]).stdout
    assert table.splitlines()[0] == (
        "Totals by assessment: every low and every high added; P5–P95: exact convolution, uniform, "
        "independent¹,², Gt CO2/yr"  # ¹ roe2021 left out; ² the sum of extremes; the unit of every figure
    )
    brief = runner.invoke(app, ["brief", "afforestation", "biochar", "--method", "convolution"])
    assert brief.exit_code == 0 and brief.stderr == ""
    assert (
        "If each range were uniform and the techniques independent — an assumption no source makes — 90% of "
        "outcomes would lie in 6.9–21 Gt CO2/yr (5.7–22 if they moved together)"  # 3.75 + 1.95, 17.25 + 4.65
    ) in brief.stdout
    assert "*exact convolution, uniform, independent*: P5–P95 6.9–21 Gt CO2/yr" in brief.stdout
    chart = runner.invoke(
        app, ["chart", "afforestation", "biochar", "--method", "convolution", "-o", str(tmp_path / "c.svg")]
    )
    assert chart.exit_code == 0 and chart.stderr == ""
    assert "exact convolution" in (tmp_path / "c.svg").read_text(encoding="utf-8")


def test_a_convolution_brief_is_reproduced_without_a_seed(nbscdr_command: list[str], tmp_path: Path) -> None:
    args = ["brief", "afforestation", "biochar", "--method", "convolution"]
    out = subprocess.run(
        [*nbscdr_command, *args], env=subprocess_env(tmp_path), capture_output=True, text=True
    )
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.splitlines()[-1] == (
        "How this was computed: `nbscdr brief afforestation biochar --method convolution` "
        f"(nbscdr {__version__}; rates in Gt CO2/yr)."
    )


@pytest.mark.parametrize(
    ("lang", "header", "mc_header"),
    [
        (
            "en",
            "Uncertainty of the total: exact convolution, PERT, independent",
            "Uncertainty of the total: Monte Carlo, 1,000 samples, seed 3, PERT, rank correlation 0",
        ),
        (
            "zh",
            "合计的不确定性分析：精确卷积，PERT分布，各项相互独立",
            "合计的不确定性分析：蒙特卡洛模拟，1,000个样本，随机种子3，PERT分布，秩相关系数0",
        ),
    ],
)
def test_every_format_says_which_method(lang: str, header: str, mc_header: str) -> None:
    base = ["portfolio", "afforestation", "biochar", "--distribution", "pert", "--lang", lang]
    table = runner.invoke(app, [*base, "--method", "convolution"]).stdout
    assert header + "³" in table.splitlines()  # ³: the note on the distribution it assumes
    sampled = runner.invoke(app, [*base, "-n", "1000", "--seed", "3"]).stdout.splitlines()
    assert sampled.count(mc_header + "³") == 1
    markdown = runner.invoke(app, [*base, "--method", "convolution", "-f", "markdown"]).stdout
    assert f"### {header}³" in markdown.splitlines()
    csv_rows = runner.invoke(app, [*base, "--method", "convolution", "-f", "csv", "--table", "statistics"])
    assert csv_rows.stdout.splitlines()[1] == "annual,mean,13.8,Gt CO2/yr,,convolution,pert,0.0,,"


def test_convolution_over_a_period() -> None:
    doc = run_json("portfolio", "afforestation", "--from", "2030", "--to", "2050", "--method", "convolution")
    annual, cumulative = doc["uncertainty"], doc["horizon"]["uncertainty"]["cumulative"]
    assert cumulative["method"] == "convolution"
    assert cumulative["percentiles"]["50"] == pytest.approx(20 * annual["percentiles"]["50"], rel=1e-9)
    assert cumulative["percentiles"]["5"] == pytest.approx(20 * annual["percentiles"]["5"], rel=1e-6)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["--method", "convolution", "-n", "1000"],
            "Invalid value for '--samples': does not apply with --method convolution, which draws no samples",
        ),
        (
            ["--method", "convolution", "--seed", "1"],
            "Invalid value for '--seed': does not apply with --method convolution, which draws no samples",
        ),
        (
            ["--method", "convolution", "--correlation", "0.5"],
            "Invalid value for '--correlation': 0.5 needs sampling: convolution is for independent "
            "entries (correlation 0)",
        ),
        (
            ["--method", "convolution", "--distribution", "lognormal"],
            "Invalid value for '--distribution': lognormal needs sampling: convolution works on the "
            "total's bounded range, and a lognormal has none",
        ),
        (["--method", "monte-carlo"], "Invalid value for '--method': monte-carlo needs --samples N"),
        (
            ["--method", "exact"],
            "Invalid value for '--method': 'exact' is not one of 'monte-carlo', 'convolution'",
        ),
    ],
)
def test_method_usage_errors(args: list[str], line: str) -> None:
    result = runner.invoke(app, ["portfolio", "afforestation", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert usage_message(result.stderr) == line


def test_convolution_with_correlation_zero_and_monte_carlo_by_name_are_fine() -> None:
    a = run_json("portfolio", "biochar", "--method", "convolution", "--correlation", "0")
    b = run_json("portfolio", "biochar", "--method", "monte-carlo", "-n", "100", "--seed", "1")
    assert (a["uncertainty"]["method"], b["uncertainty"]["method"]) == ("convolution", "monte-carlo")


# ------------------------------------------------------------------ percentile keys


@pytest.mark.parametrize("method", [["--method", "convolution"], ["-n", "2000", "--seed", "1"]])
def test_percentile_keys_are_exact_and_distinct(method: list[str]) -> None:
    doc = run_json(
        "portfolio", "afforestation", *method, "--percentiles", "99.99999,5.0000001,0.00001,5.00000011"
    )
    keys = ["0.00001", "5", "5.0000001", "5.00000011", "50", "95", "99.99999"]
    assert list(doc["uncertainty"]["percentiles"]) == keys
    assert list(doc["entries"][0]["percentiles"]) == keys
    u = doc["uncertainty"]["percentiles"]
    assert u["99.99999"] > u["95"] and u["5.0000001"] >= u["5"]
    table = runner.invoke(app, ["portfolio", "afforestation", *method, "--percentiles", "99.99999,5.0000001"])
    labels = [line.split("|")[0].strip() for line in table.stdout.splitlines() if line.startswith(" P")]
    assert labels[:5] == ["P5", "P5.0000001", "P50", "P95", "P99.99999"]


# ------------------------------------------------------------------ numerics, as a user runs it


def test_standard_deviation_far_from_zero(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = subprocess.run(
        [
            *nbscdr_command,
            "portfolio",
            "biochar=1e9",
            "afforestation",
            "-n",
            "1e5",
            "--seed",
            "1",
            "-f",
            "json",
        ],
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0 and out.stderr == ""
    std = json.loads(out.stdout)["uncertainty"]["std"]
    assert std == pytest.approx(15 / math.sqrt(12), rel=0.01)  # 4.33; the naive formula gave 0.0


@pytest.mark.parametrize(
    "args",
    [
        ["biochar:1e-320", "-n", "100", "--seed", "1"],
        ["biochar:1e-320", "--method", "convolution"],
        ["biochar=1e9", "afforestation", "-n", "1e5", "--seed", "1"],
        ["biochar=1e9", "afforestation", "--method", "convolution"],
        ["biochar=1e300", "afforestation", "-n", "1000", "--seed", "1"],
    ],
)
def test_no_warning_reaches_stderr(nbscdr_command: list[str], tmp_path: Path, args: list[str]) -> None:
    for fmt in ("json", "table"):
        out = subprocess.run(
            [*nbscdr_command, "portfolio", *args, "-f", fmt],
            env=subprocess_env(tmp_path),
            capture_output=True,
            text=True,
        )
        assert (out.returncode, out.stderr) == (0, "")
