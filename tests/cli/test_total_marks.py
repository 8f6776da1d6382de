"""A total carries the notes of what it adds: the sum of extremes (also over a
period) and every entry's figure that is not CO2 removal alone, added as it
stands (new-user walk-through: AR6's biochar and wetlands in CO2e)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import subprocess_env

ARGS = ("portfolio", "afforestation", "biochar", "soil-carbon", "wetlands", "-a", "ar6")


def lines(nbscdr_command: list[str], tmp_path: Path, *args: str) -> list[str]:
    result = subprocess.run(
        [*nbscdr_command, *args],
        env=subprocess_env(tmp_path, COLUMNS="200"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


def totals(out: list[str]) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.split("|")]
        for line in out
        if line.split("|")[0].strip().startswith(("Total", "合计"))
    ]


def test_the_totals_carry_the_co2e_notes_and_the_sum_of_extremes(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    out = lines(nbscdr_command, tmp_path, *ARGS, "--from", "2030", "--to", "2050")
    assert totals(out) == [["Total²,³,⁵", "1.8", "28", ""], ["Total²,³,⁵", "36–560", ""]]
    assert (
        "² Biochar: given in Gt CO2e/yr; it counts CO2 removal and emission reduction, not CO2 removal alone, and is "
        "added to the totals as it stands."
    ) in out
    assert (
        "³ Restoring wetlands: given in Gt CO2e/yr; it counts CO2 removal, avoided emissions and other gases (methane, "
        "nitrous oxide), not CO2 removal alone, and is added to the totals as it stands."
    ) in out
    assert "⁵ Totals add every low and every high: they assume all extremes happen together." in out


def test_in_chinese(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = lines(nbscdr_command, tmp_path, *ARGS, "--from", "2030", "--to", "2050", "--lang", "zh")
    assert totals(out) == [["合计²,³,⁵", "1.8", "28", ""], ["合计²,³,⁵", "36～560", ""]]
    assert (
        "² 生物炭：以Gt CO2e/年给出，包括二氧化碳移除和减排，并非仅为二氧化碳移除，但按原值计入合计。" in out
    )
    assert "⁵ 合计将所有下限与所有上限分别相加，即假设各技术的极端情况同时出现。" in out


def test_a_removal_of_co2_alone_leaves_the_total_unmarked(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = lines(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "soil-carbon",
        "--from",
        "2030",
        "--to",
        "2050",
    )
    assert totals(out) == [["Total¹", "4", "29"], ["Total¹", "80–580", ""]]
    doc = json.loads("\n".join(lines(nbscdr_command, tmp_path, *ARGS, "-f", "json")))
    anchors = {w["technique"]: w["anchors"] for w in doc["warnings"] if w["code"] == "co2e"}
    assert anchors == {
        "biochar": ["total", "period-total", "entry:biochar"],
        "wetlands": ["total", "period-total", "entry:wetlands"],
    }
