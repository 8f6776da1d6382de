"""What a new user's walk-through of the brief and the chart found (issue: page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli.cli.program import app
from nbscdr_cli.render.chart_text import fit
from tests.integration.test_print import CHINA, FOUR, PERIOD, SAMPLES

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


def brief_head(args: list[str], lang: str) -> tuple[str, str]:
    """The subtitle and the bottom line's first sentence."""
    result = runner.invoke(app, ["--lang", lang, "brief", *args])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    return lines[2], lines[6]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_own_figure_is_named_beside_the_total_it_shapes(lang: str) -> None:
    subtitle, line = brief_head(["afforestation=5-6", "biochar"], lang)
    if lang == "en":
        assert subtitle == (
            "*C2G (2019) policy brief [1], potential of a kind not stated; "
            "your own figures for Afforestation and reforestation · nbscdr 0.2.0*"
        )
        assert line.startswith(
            "Together, Afforestation and reforestation and Biochar have a potential (of a kind the source"
            " does not state) of 6.8–11 Gt CO2/yr, the sum of every low end and of every high end [2], of which"
            " Afforestation and reforestation is your own figure (5–6), not a source's. UNEP estimate, 4–12"
            " Gt CO2/yr, is a potential and covers only forests, wetlands and soils: within that scope"
            " (Afforestation and reforestation), the portfolio comes to 5–6 Gt CO2/yr (your own figure, not"
            " a source's), which lies within its range"
        )
    else:
        assert (
            subtitle
            == "**C2G（2019）政策简报[1]，未说明类型的潜力；造林和再造林为用户自定数值 · nbscdr 0.2.0**"
        )
        assert line.startswith(
            "造林和再造林、生物炭的潜力（来源未说明潜力类型）合计为6.8～11 Gt CO2/年（各项下限之和至各项上限之和）[2]，"
            "其中造林和再造林为用户自定数值（5～6），并非出自来源。联合国环境规划署（UNEP）估计值（4～12 Gt CO2/年）"
            "是潜力估计，仅涵盖森林、湿地、土壤：在其适用范围内（造林和再造林），该组合合计5～6 Gt CO2/年"
            "（用户自定数值，并非出自来源），位于其范围之内"
        )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_portfolio_of_own_figures_names_no_assessment(lang: str) -> None:
    result = runner.invoke(app, ["--lang", lang, "brief", "afforestation=5-6", "biochar=1-2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (
        lines[2] == {"en": "*your own figures · nbscdr 0.2.0*", "zh": "**用户自定数值 · nbscdr 0.2.0**"}[lang]
    )
    assert lines[6].startswith(
        {
            "en": "Together, Afforestation and reforestation and Biochar have a potential of 6–8 Gt CO2/yr,"
            " the sum of every low end and of every high end, all your own figures, not a source's. ",
            "zh": "造林和再造林、生物炭的潜力估计合计为6～8 Gt CO2/年（各项下限之和至各项上限之和），均为用户自定数值，并非出自来源。",
        }[lang]
    )
    # no source is cited for the user's figures: C2G is among the sources only for what it says
    sources = result.stdout.split("\n## ")[-1]
    assert "Carnegie" not in sources and "C2G (2019) policy brief" not in result.stdout


def figure(row: str) -> str:
    """A terminal chart row's figure and signs: what follows its bar."""
    return re.split(r"[·█░▒]+ ", row)[-1]


def chart_rows(args: list[str], lang: str) -> list[str]:
    result = runner.invoke(app, ["--lang", lang, "chart", *args], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_regional_co2e_bars_are_marked(lang: str, tmp_path: Path) -> None:
    # Roe et al.'s biochar for China is in CO2e and its data does not say what it counts:
    # its bar, and the total it is part of, carry the sign, and the key says what it means
    rows = chart_rows(["afforestation", "biochar", "--region", "CHN"], lang)
    assert [figure(row) for row in rows[1:4]] == {
        "en": ["128–403", "422 †", "550–824 †"],
        "zh": ["128～403", "422 †", "550～824 †"],
    }[lang]
    assert (
        rows[-1]
        == {
            "en": "† may not be removals alone: given in CO2e, and the data does not say what the figure counts",
            "zh": "† 可能并非全部为移除量：该数值以二氧化碳当量给出，数据未说明其计入内容",
        }[lang]
    )
    out = tmp_path / "z.svg"
    result = runner.invoke(
        app, ["--lang", lang, "chart", "afforestation", "biochar", "--region", "CHN", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    total = {"en": "550–824 †", "zh": "550～824 †"}[lang]
    assert ">422 †</text>" in svg and f">{total}</text>" in svg
    key = {
        "en": "† may not be removals alone: given in CO₂e, and the data does not say what the figure counts",
        "zh": "† 可能并非全部为移除量：该数值以二氧化碳当量给出，数据未说明其计入内容",
    }[lang]
    assert f">{key}</text>" in svg


def test_ar6_total_and_subtotal_are_marked() -> None:
    # wetlands and biochar in AR6 count more than removals: so do the total and the
    # subtotal in UNEP's scope that add them up; afforestation alone is not marked
    rows = chart_rows(["afforestation", "wetlands", "biochar", "-a", "ar6"], "en")
    assert [figure(row) for row in rows[1:7]] == [
        "0.5–10.1 ‡1",
        "0.5–2.1 † ‡1",
        "0.2–6.6 †",
        "1.2–19 †",
        "1–12 †",
        "4–12",
    ]
    assert "† not removals alone: the figure also counts avoided emissions or emissions reductions" in rows
