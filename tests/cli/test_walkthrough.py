"""What a new user's walk-through of the brief and the chart found (issue: page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli.cli.program import app
from nbscdr_cli.render.chart_text import fit

runner = CliRunner()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_heading_over_nothing(lang: str, tmp_path: Path) -> None:
    # afforestation alone has no caveat to list: no "Caveats" heading with nothing under it
    result = runner.invoke(app, ["--lang", lang, "brief", "afforestation"])
    assert result.exit_code == 0, result.output
    headings = [line for line in result.stdout.splitlines() if line.startswith("#")]
    assert (
        headings[1:]
        == {
            "en": [
                "## Bottom line",
                "## The portfolio",
                "## Against the references",
                "## Decisions needed",
                "## Sources",
            ],
            "zh": ["## 要点", "## 技术组合", "## 与参考估计的比较", "## 待决事项", "## 来源"],
        }[lang]
    )
    out = tmp_path / "a.html"
    result = runner.invoke(app, ["--lang", lang, "brief", "afforestation", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    caveats = {"en": "Caveats", "zh": "注意事项"}[lang]
    decisions = {"en": "Decisions needed", "zh": "待决事项"}[lang]
    assert f"<h2>{caveats}</h2>" not in html
    # the back matter (two columns) still starts where the caveats would have
    assert f'<div class="back">\n<h2>{decisions}</h2>' in html


LONG = "This portfolio within the scope of UNEP estimate (forests, wetlands and soils)"


def test_a_cut_name_keeps_whole_words() -> None:
    assert fit(LONG, 60, "…") == "This portfolio within the scope of…wetlands and soils)" + " " * 6
    words = set(LONG.split())
    for cells in range(16, len(LONG)):
        head, tail = fit(LONG, cells, "…").rstrip().split("…")
        assert set(head.split()) <= words and set(tail.split()) <= words, (cells, head, tail)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_terminal_chart_cuts_no_word(lang: str) -> None:
    result = runner.invoke(
        app, ["--lang", lang, "chart", "afforestation", "biochar", "soil-carbon"], env={"COLUMNS": "100"}
    )
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "29 " in line + " ")
    label = re.split(r" {2,}", row)[0]
    assert (
        label
        == {
            "en": "This portfolio within the scope of UNEP…wetlands and soils)",
            "zh": "本组合在联合国环境规划署（UNEP）…（森林、湿地、土壤）",
        }[lang]
    )
