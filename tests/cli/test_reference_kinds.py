"""A reference of another kind than the portfolio's potentials (a scenario's
deployment, a cumulative amount, a mitigation potential with avoided emissions)
is never compared silently: what it measures is an essential note, marked on its
row, in portfolio and compare; the table over a period names each reference's
kind (new-user walk-through)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import subprocess_env

FOUR = ["afforestation", "biochar", "soil-carbon", "wetlands"]


def run(nbscdr_command: list[str], tmp_path: Path, *args: str) -> str:
    result = subprocess.run(
        [*nbscdr_command, *args],
        env=subprocess_env(tmp_path, COLUMNS="200"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def test_a_scenario_reference_says_what_it_measures_by_default(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    out = run(nbscdr_command, tmp_path, "portfolio", *FOUR, "-r", "state-of-cdr-2050")
    assert " State of CDR (2024), CDR in 2050⁴ | scenario deployment |" in out
    assert out.splitlines()[-1] == (
        "⁴ State of CDR (2024), CDR in 2050, 7–9 Gt CO2/yr, is the CDR deployed in scenarios, not a potential: "
        "CDR deployed in 2050 by all methods in the central range of more sustainable scenarios."
    )
    assert out.count("not a potential") == 1


def test_a_scenario_reference_in_chinese(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = run(nbscdr_command, tmp_path, "portfolio", *FOUR, "-r", "state-of-cdr-2050", "--lang", "zh")
    assert out.splitlines()[-1] == (
        "⁴ 《二氧化碳移除现状》（2024）2050年移除量（7～9 Gt CO2/年）是情景中的二氧化碳移除部署量，而非潜力："
        "2050年较可持续情景中间范围内各类方法部署的二氧化碳移除量。"
    )
    assert out.count("非潜力") == 1


def test_the_notes_say_which_kinds_are_essential(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = json.loads(
        run(
            nbscdr_command,
            tmp_path,
            "portfolio",
            *FOUR,
            "-r",
            "state-of-cdr-2050",
            "-r",
            "unep",
            "--format",
            "json",
        )
    )
    notes = {w["reference"]: w for w in doc["warnings"] if w["code"] == "reference"}
    assert (notes["state-of-cdr-2050"]["kind"], notes["state-of-cdr-2050"]["essential"]) == ("scenario", True)
    assert notes["state-of-cdr-2050"]["anchors"] == ["reference:state-of-cdr-2050"]
    assert (notes["unep"]["kind"], notes["unep"]["essential"]) == ("potential", False)


def test_compare_marks_a_scenario_reference(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = run(nbscdr_command, tmp_path, "compare", "afforestation", "biochar", "-r", "state-of-cdr-2050")
    assert "In scope, against State of CDR (2024), CDR in 2050⁵" in out
    assert (
        "⁵ State of CDR (2024), CDR in 2050, 7–9 Gt CO2/yr, is the CDR deployed in scenarios, not a potential: "
        "CDR deployed in 2050 by all methods in the central range of more sustainable scenarios."
    ) in out.splitlines()


PERIOD = [
    "afforestation",
    "soil-carbon",
    "-r",
    "sr15-cdr",
    "-r",
    "ar6-afolu-c1",
    "--from",
    "2020",
    "--to",
    "2100",
]


def test_each_cumulative_reference_has_its_kind_and_what_it_measures(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    lines = run(nbscdr_command, tmp_path, "portfolio", *PERIOD).splitlines()
    cells = [[cell.strip() for cell in line.split("|")] for line in lines if "|" in line]
    assert [
        "Reference",
        "Kind",
        "Range",
        "Cumulative",
        "Cumulative in scope, against the reference",
    ] in cells
    assert [
        "IPCC AR6, land CDR in 1.5 °C scenarios (C1)⁹",
        "cumulative amount",
        "17–397",
        "260–1,700",
        "overlaps: low end 240 higher, high end 1,300 higher",
    ] in cells
    assert (
        "⁸ IPCC SR1.5, CDR in 1.5 °C pathways, 100–1,000 Gt CO2, is a cumulative amount: cumulative carbon dioxide "
        "removal of every kind (BECCS included) over the 21st century projected in all pathways that limit warming "
        "to 1.5 °C with limited or no overshoot."
    ) in lines
    assert lines[-1] == (
        "⁹ IPCC AR6, land CDR in 1.5 °C scenarios (C1), 17–397 Gt CO2, is a cumulative amount: cumulative CO2 "
        "removal from agriculture, forestry and other land use (mainly afforestation and reforestation), as "
        "reported from models, 2020–2100, in scenarios that limit warming to 1.5 °C with no or limited overshoot "
        "(C1): median 262, 5th–95th percentile range 17–397."
    )


def test_cumulative_references_in_chinese(nbscdr_command: list[str], tmp_path: Path) -> None:
    lines = run(nbscdr_command, tmp_path, "portfolio", *PERIOD, "--lang", "zh").splitlines()
    kinds = [line.split("|")[1].strip() for line in lines if line.count("|") >= 4]
    assert kinds[-2:] == ["累计量", "累计量"]  # the first line of each reference's row
    assert lines[-1] == (
        "⁹ IPCC第六次评估报告1.5°C情景（C1）中农业、林业和其他土地利用（AFOLU）的二氧化碳移除量（17～397 Gt CO2）是累计量："
        "模型报告的2020—2100年农业、林业和其他土地利用（主要为造林和再造林）累计二氧化碳移除量，适用于将升温限制在1.5°C"
        "且无过冲或有限过冲的情景（C1）：中位数262，第5至第95百分位数区间17～397。"
    )
