"""Terminal layout (issue 14): tables and notes wrap at word boundaries, never
split an id, a unit or a DOI, follow Chinese line-breaking rules, and become
one record per row where a table cannot fit the terminal."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from nbscdr_cli.render.wrap import units, wrap
from tests.conftest import subprocess_env

CLOSING = "，。；：）、！？」"


def run(nbscdr_command: list[str], tmp_path: Path, columns: int, *args: str) -> str:
    env = subprocess_env(tmp_path, COLUMNS=str(columns))
    result = subprocess.run([*nbscdr_command, *args], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def table_line(line: str) -> bool:
    """A line of a table (no frame: cells between rules, rules of dashes)."""
    return " | " in line or line.rstrip().endswith(" |") or set(line) <= set("-+ ")


def fragments(output: str) -> list[str]:
    """Every cell's text on every line of a table, and every other line."""
    out = []
    for line in output.splitlines():
        parts = line.split("|") if table_line(line) else [line]
        out += [p.strip() for p in parts if p.strip() and not set(p.strip()) <= set("+-=")]
    return out


def test_wrap_keeps_ids_units_and_dois_whole_and_follows_kinsoku() -> None:
    assert wrap("see doi:10.1088/1748-9326/aabf9f now", 12) == [
        "see",
        "doi:10.1088/",
        "1748-9326/aa",
        "bf9f now",
    ]
    assert wrap("see doi:10.1088/1748-9326/aabf9f now", 33) == ["see doi:10.1088/1748-9326/aabf9f", "now"]
    assert wrap("building-with-biomass and soil-carbon", 24) == ["building-with-biomass", "and soil-carbon"]
    # a line never starts with closing punctuation, never ends with opening
    lines = wrap("两者都依赖生物质（生物炭由其制成）：两者的上限可能重复计算。", 16)
    assert all(line[0] not in CLOSING and not line.endswith("（") for line in lines), lines
    assert "".join(lines) == "两者都依赖生物质（生物炭由其制成）：两者的上限可能重复计算。"
    assert "Gt CO2/年" in wrap("范围 0.2–6.6 Gt CO2/年；中值 2.6", 14)[1]  # a unit stays with its 年
    assert units("• 生物炭")[0] == "• 生"  # a bullet is never alone on a line
    assert wrap("（原文：IPCC）", 10) == ["（原文：", "IPCC）"]


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_narrow_terminals_never_split_a_word(nbscdr_command: list[str], tmp_path: Path, columns: int) -> None:
    word = r"[A-Za-z][\w.:/()-]*[\w)]"
    for args in (["list"], ["assessments"], ["references"], ["list", "-a", "ar6"]):
        out = run(nbscdr_command, tmp_path, columns, *args)
        # tables fit; notes go to a pipe as one line each, for grep
        assert max(len(line) for line in out.splitlines() if table_line(line)) <= columns
        whole = set(re.findall(word, run(nbscdr_command, tmp_path, 200, *args, "-f", "json")))
        whole |= set(re.findall(word, run(nbscdr_command, tmp_path, 200, *args)))
        cut = {w for f in fragments(out) for w in re.findall(word, f)} - whole
        assert not cut, (args, columns, sorted(cut)[:10])
    out = run(nbscdr_command, tmp_path, columns, "assessments")
    assert "doi:10.1088/1748-9326/aabf9f" in out and "doi:10.1017/9781009157926" in out


def test_a_table_that_cannot_fit_becomes_records(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = run(nbscdr_command, tmp_path, 60, "list")
    assert " Id        | building-with-biomass" in out
    assert " Name      | Building with biomass" in out
    assert (
        run(nbscdr_command, tmp_path, 200, "list").splitlines()[1].startswith(" Id ")
    )  # a table when it fits
    ids = [t["id"] for t in json.loads(run(nbscdr_command, tmp_path, 60, "list", "-f", "json"))["techniques"]]
    assert [line.split("|")[1].strip() for line in out.splitlines() if line.startswith(" Id ")] == ids


@pytest.mark.parametrize("columns", [60, 80])
def test_chinese_lines_follow_line_breaking_rules(
    nbscdr_command: list[str], tmp_path: Path, columns: int
) -> None:
    for args in (["show", "biochar", "-a", "ar6"], ["show", "macroalgae"], ["list"], ["references"]):
        out = run(nbscdr_command, tmp_path, columns, *args, "--lang", "zh")
        bad = [f for f in fragments(out) if f[0] in CLOSING or f.endswith("（") or f == "•"]
        assert not bad, (args, bad)
