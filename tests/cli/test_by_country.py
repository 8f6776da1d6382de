"""Which assessments give economic potentials is the catalog's to say (AR6 for the
world, Roe et al. (2021) by country), and Roe et al. (2021), whose figures are by
country, is never left out of a compare's world totals silently (new-user
walk-through)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import subprocess_env


def run(nbscdr_command: list[str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*nbscdr_command, *args],
        env=subprocess_env(tmp_path, COLUMNS="200"),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_economic_potential_names_roe2021_for_a_region(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, tmp_path, "portfolio", "afforestation", "--potential", "economic")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "nbscdr: argument 1 'afforestation': technique 'afforestation' has no economic potential in assessment "
        "'c2g2019'; assessments with one: ar6, and roe2021 for a country or region (its figures are by country: "
        "give a region) (or set --assessment ar6)\n"
    )
    # and it is true: roe2021 gives one for a region
    ok = run(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "-a",
        "roe2021",
        "--region",
        "CHN",
        "--potential",
        "economic",
    )
    assert (ok.returncode, ok.stderr) == (0, "")
    assert ok.stdout.startswith("Portfolio (economic potential, Roe et al. (2021)): China")


def test_compare_economic_says_why_roe2021_is_not_a_row(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, tmp_path, "compare", "afforestation", "biochar", "--potential", "economic")
    assert (result.returncode, result.stderr) == (0, "")
    assert (
        "¹ Economic potentials come from IPCC AR6 WGIII (2022) for the world, and from Roe et al. (2021) by country: "
        "Roe et al. (2021) is not in this world total, as its figures are by country (give --region, or compare "
        "--regions); the other assessments are left out."
    ) in result.stdout.splitlines()
    assert "come only from" not in result.stdout
    zh = run(
        nbscdr_command,
        tmp_path,
        "compare",
        "afforestation",
        "biochar",
        "--potential",
        "economic",
        "--lang",
        "zh",
    )
    assert (
        "¹ 经济潜力的全球数值来自IPCC第六次评估报告第三工作组报告（2022），按国家的数值来自Roe等（2021）：Roe等（2021）的数值按国家给出，"
        "因此未列入此处的全球合计（请使用--region，或compare --regions）；其他评估未列入。"
    ) in zh.stdout.splitlines()


def test_compare_says_roe2021_is_left_out(nbscdr_command: list[str], tmp_path: Path) -> None:
    three = ("compare", "afforestation", "biochar", "soil-carbon")
    out = run(nbscdr_command, tmp_path, *three).stdout
    assert out.splitlines()[0] == "Totals by assessment: every low and every high added¹,², Gt CO2/yr"
    assert (
        "¹ Roe et al. (2021) is left out: its figures are by country, not a world total (give --region, or compare "
        "--regions)."
    ) in out.splitlines()
    zh = run(nbscdr_command, tmp_path, *three, "--lang", "zh").stdout
    assert (
        "¹ Roe等（2021）未列入：其数值按国家给出，而非全球合计（请使用--region，或compare --regions）。"
        in zh.splitlines()
    )
    doc = json.loads(run(nbscdr_command, tmp_path, *three, "-f", "json").stdout)
    assert doc["warnings"][0] == {
        "code": "by-country",
        "essential": True,
        "anchors": ["table:compare"],
        "message": "Roe et al. (2021) is left out: its figures are by country, not a world total (give --region, or "
        "compare --regions).",
    }
    assert [r["assessment"] for r in doc["rows"]] == ["c2g2019", "fuss2018", "sr15", "ar6"]
    # asked for by name, it is a row, and there is nothing to say
    named = json.loads(
        run(nbscdr_command, tmp_path, *three, "-a", "ar6", "-a", "c2g2019", "-f", "json").stdout
    )
    assert [w["code"] for w in named["warnings"] if w["code"] == "by-country"] == []


def test_a_row_of_regions_is_marked_only_with_its_own_notes(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    args = ("compare", "afforestation", "biochar", "--regions", "CHN,IND,World")
    lines = run(nbscdr_command, tmp_path, *args).stdout.splitlines()
    cells = [[cell.strip() for cell in line.split("|")] for line in lines if "|" in line]
    assert cells[-1] == [
        "World⁴,⁵,⁶",
        "7,880–13,800",
        "10,800",
        "UNEP estimate⁶: within: low end 1,500 higher, high end 600 lower",
    ]
    assert cells[-3][0] == "China (CHN)²,³"
    assert (
        "³ [China and India] UNEP estimate: global, so not compared with figures for a country or region."
        in lines
    )
    assert (
        "⁶ [World] UNEP estimate covers forests, wetlands and soils only: it is compared with Afforestation and "
        "reforestation, leaving out Biochar."
    ) in lines
    zh = run(nbscdr_command, tmp_path, *args, "--lang", "zh").stdout.splitlines()
    cells = [[cell.strip() for cell in line.split("|")] for line in zh if "|" in line]
    assert cells[-1][-1] == "联合国环境规划署（UNEP）估计值⁶：位于参考范围内，下限高出1,500，上限低600"
    assert "³ ［中国、印度］联合国环境规划署（UNEP）估计值：为全球数值，因此不与国家或区域的数值比较。" in zh
