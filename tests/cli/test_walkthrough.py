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


# the briefs tests/integration/test_print.py prints: the same portfolios, periods and runs
FOUR = ["afforestation", "soil-carbon", "wetlands", "biochar"]
CHINA = [
    "afforestation",
    "biochar",
    "soil-carbon",
    "agroforestry",
    "--region",
    "CHN",
    "--potential",
    "economic",
]
PERIOD = ["--from", "2030", "--to", "2050"]
SAMPLES = ["--samples", "10000", "--seed", "1"]
CASES = [
    (period, samples, china)
    for period in (False, True)
    for samples in (False, True)
    for china in (False, True)
]


def bottom_line_of(markdown: str, heading: str) -> str:
    lines = markdown.split("\n## ")
    return next(part for part in lines if part.startswith(heading)).split("\n\n", 1)[1].strip()


@pytest.mark.parametrize("case", CASES, ids=[f"period={p}-samples={s}-china={c}" for p, s, c in CASES])
def test_bottom_line_has_as_many_sentences_in_chinese(case: tuple[bool, bool, bool]) -> None:
    # how much (with the period), against the first reference, how sure (with a run),
    # not permanent and what it needs: at most four sentences, the Chinese as the English
    period, samples, china = case
    args = ["brief", *(CHINA if china else FOUR), *(PERIOD if period else []), *(SAMPLES if samples else [])]
    english = runner.invoke(app, args)
    chinese = runner.invoke(app, ["--lang", "zh", *args])
    assert english.exit_code == chinese.exit_code == 0, english.output + chinese.output
    en = bottom_line_of(english.stdout, "Bottom line")
    zh = bottom_line_of(chinese.stdout, "要点")
    # an English sentence ends with a full stop before a capital or at the end ("1.8" does not)
    en_count = len(re.findall(r"\.(?= [A-Z]|$)", en))
    zh_count = zh.count("。")
    # China's economic potential has no reference in its scope: no comparison sentence
    expected = 2 + (not china) + samples
    assert (en_count, zh_count) == (expected, expected), (en, zh)
    # the governance decisions follow the durability after a semicolon, in both
    assert "; it needs governance decisions on" in en and "；该组合需要在以下方面作出治理决策：" in zh
