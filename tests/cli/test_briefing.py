"""Briefing outputs: charts, the Markdown brief, the IAMC export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli import __version__
from nbscdr_cli.cli.program import app

runner = CliRunner()
SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]


EN_SECTIONS = [
    "# Six — nature-based CO2 removal",
    "## Bottom line",
    "## The portfolio",
    "## Against the references",
    "## Caveats",
    "## Decisions needed",
    "## Sources",
]
ZH_SECTIONS = [
    "# Six——基于自然的二氧化碳移除",
    "## 要点",
    "## 技术组合",
    "## 与参考估计的比较",
    "## 注意事项",
    "## 待决事项",
    "## 来源",
]
# --detail adds the uncertainty and period tables, who is involved, each technique and each assessment
EN_DETAIL = [
    "## How sure",
    "## Over the period 2030–2050 (20 years)",
    "## Who is involved",
    "## The techniques",
]
ZH_DETAIL = ["## 不确定性分析", "## 2030—2049年（共20年）", "## 相关方", "## 各项技术"]
SIX_BRIEF = ["brief", *SIX, "--name", "Six", "-n", "1000", "--seed", "3", "--from", "2030", "--to", "2050"]


def section(text: str, heading: str) -> str:
    return text.split(heading + "\n")[1].split("\n## ")[0]


@pytest.mark.parametrize(
    ("lang", "sections", "detail"), [("en", EN_SECTIONS, EN_DETAIL), ("zh", ZH_SECTIONS, ZH_DETAIL)]
)
def test_brief_has_every_section(tmp_path: Path, lang: str, sections: list[str], detail: list[str]) -> None:
    out = tmp_path / "brief.md"
    result = runner.invoke(app, [*SIX_BRIEF, "--lang", lang, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == sections
    checklist = [line for line in text.splitlines() if line.startswith("- ☐ ")]
    # MRV, social justice, biochar trade, timber imports, land-use change, siting: each once
    assert len(checklist) == 6
    assert "MRV" in checklist[0]  # the challenge every technique shares comes first
    every = {"en": "(applies to every technique here)", "zh": "（适用于本组合中的所有技术）。"}
    assert checklist[0].endswith(every[lang])  # in Chinese the note comes before the full stop
    # 54.8 is the sum of figures given to two significant figures: read to two
    rng = {"en": "130–1,100", "zh": "130～1,100"}[lang]
    assert f"| **6.3** | **55** | **{rng}** |" in section(text, sections[2])
    if lang == "en":
        assert "C2G 2019, table of proposed techniques: 3–18 Gt CO2 per year globally" in text
        assert "2006 IPCC Guidelines" in text  # soil carbon's saturation source, cited in the bottom line
    else:  # the sources in Chinese, the brief's Chinese edition quoted (issue 24)
        assert (
            "C2G（2019）政策简报“提出的技术”一表，原文：“据估计，全球每年可移除3-18 Gt的二氧化碳。”" in text
        )
        assert "《2006年IPCC国家温室气体清单指南》" in text
    if lang == "zh":
        english = ["Portfolio", "Total", "Caveats", "Governance", "Forums", "applies to", "Technique", "Low"]
        body = text.split(sections[-1])[0]  # English titles may stay in the sources
        assert not [word for word in english if word in body]
        assert ": " not in body.replace("`", "")  # Chinese text uses full-width colons
    full = runner.invoke(app, [*SIX_BRIEF, "--lang", lang, "--detail"]).stdout
    headings = [line for line in full.splitlines() if line.startswith("## ")]
    assert [h for h in headings if h in detail] == detail
    forums = section(full, detail[2])
    assert ("IPBES" in forums) and ("UNFCCC" in forums) and ("IUCN" in forums)


def test_brief_opens_with_a_bottom_line_a_reader_can_quote() -> None:
    """At most four sentences, each figure with its condition in the same
    sentence: which potential, what the period assumes, what the band assumes and
    where it would lie if the techniques moved together."""
    result = runner.invoke(app, [*SIX_BRIEF])
    assert result.exit_code == 0, result.stderr
    bottom = section(result.stdout, "## Bottom line").strip()
    sentences = bottom.split(". ")
    assert len(sentences) == 4
    assert sentences[0] == (
        "Together, these 6 techniques have a potential (of a kind the source does not state) of 6.3–55 Gt "
        "CO2/yr, the sum of every low end and of every high end [2]; the figures for Macroalgal cultivation for "
        "sequestration come with caveats, below; over 2030–2049, at those rates from the start of 2030 with no "
        "ramp-up, Carbon sequestration in soils stopping after 20 years (the 2006 IPCC Guidelines' inventory "
        "default time for soil carbon to reach a new equilibrium after a management change, not an assessed "
        "saturation time) [3] and none of it reversed, that adds up to 130–1,100 Gt CO2 stored at the end of 2049"
    )
    assert sentences[1] == (
        "UNEP estimate, 4–12 Gt CO2/yr, is a potential and covers only forests, wetlands and soils: within "
        "that scope (Afforestation and reforestation, Carbon sequestration in soils and Restoring wetlands), "
        "the portfolio comes to 4–30 Gt CO2/yr, which takes in the whole of its range, with the low end level "
        "and the high end 18 Gt CO2/yr higher [4]"
    )
    doc = json.loads(runner.invoke(app, ["portfolio", *SIX_BRIEF[1:], "-f", "json"]).stdout)
    u = doc["uncertainty"]
    p5, p95 = (format(float(f"{u['percentiles'][k]:.2g}"), ",g") for k in ("5", "95"))
    chance = format(float(f"{u['probability']['unep']['high'] * 100:.2g}"), "g")
    # moving together: the sums of the entries' own 5th and 95th percentiles, exactly
    assert u["fully_correlated"]["percentiles"]["5"] == pytest.approx(6.3 + 0.05 * (54.8 - 6.3))
    assert u["fully_correlated"]["percentiles"]["95"] == pytest.approx(6.3 + 0.95 * (54.8 - 6.3))
    assert sentences[2] == (
        "If each range were uniform and the techniques independent — an assumption no source makes — 90% of "
        f"outcomes would lie in {p5}–{p95} Gt CO2/yr (8.7–52 if they moved together); on that assumption, the "
        f"chance of reaching the high end of UNEP estimate (the techniques in its scope) is "
        f"{chance}%"
    )
    # the low end is reached even with every low end (3 + 1 + 0 = 4): certain by construction, no chance
    assert u["by_construction"] == {"unep": {"low": "certain"}}
    assert "low end of UNEP" not in bottom and "100%" not in bottom
    assert sentences[3].startswith("None of this storage is permanent")
    assert sentences[3].endswith(
        "it needs governance decisions on monitoring, reporting and verification, social justice in land use, "
        "carbon credits for biochar traded across borders and carbon credits for imported timber."
    )


def test_a_total_of_single_values_says_so_in_its_sentence() -> None:
    """China's economic figures (Roe et al. 2021 SI): biochar, soil carbon and
    agroforestry are one value each (the SI's 'Cost-effective' column), so the
    total's 714–716 is a range only through afforestation's; the sentence with
    the figure says which are single values."""
    args = ["brief", "afforestation", "biochar", "soil-carbon", "agroforestry", "--region", "CHN"]
    args += ["--potential", "economic"]
    en = runner.invoke(app, args)
    assert en.exit_code == 0, en.stderr
    first = section(en.stdout, "## Bottom line").strip().split(". ")[0]
    assert first == (
        "Together, these 4 techniques in China have an economic potential (below USD 100 per t CO2) of "
        "714–716 Mt CO2/yr, the sum of every low end and of every high end [2, 3, 4, 5] (the figures for "
        "Biochar, Carbon sequestration in soils and Agroforestry are single values in their sources: low and "
        "high are the same)"
    )
    zh = runner.invoke(app, [*args, "--lang", "zh"])
    assert zh.exit_code == 0, zh.stderr
    assert section(zh.stdout, "## 要点").strip().split("。")[0] == (
        "这4项技术在中国的经济潜力（成本低于每吨二氧化碳100美元）合计为714～716 Mt CO2/年（各项下限之和至各项上限之和）"
        "[2, 3, 4, 5]（生物炭、土壤固碳、农林复合经营的数值在其来源中为单一数值，下限与上限相同）"
    )


def test_brief_fits_a_page_and_keeps_ids_and_options_out_of_the_prose(nbscdr_command: list[str]) -> None:
    result = subprocess.run([*nbscdr_command, "brief", *SIX], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) <= 65  # one printed page
    *body, computed = lines
    assert computed == (
        "How this was computed: `nbscdr brief afforestation biochar building-with-biomass macroalgae "
        f"soil-carbon wetlands` (nbscdr {__version__}; rates in Gt CO2/yr)."
    )
    prose = "\n".join(line for line in body if not line.startswith("|"))
    for word in ("soil-carbon", "building-with-biomass", "--", "unep", "sr15-cdr"):
        assert word not in prose, word


def test_brief_numbers_every_source_it_cites() -> None:
    import re

    for args in (
        ["brief", *SIX],
        ["brief", "afforestation", "biochar", "-a", "ar6"],
        [*SIX_BRIEF, "--detail"],
    ):
        text = runner.invoke(app, args).stdout
        body, sources = text.split("## Sources\n")
        listed = [int(n) for n in re.findall(r"^(\d+)\. ", sources, flags=re.MULTILINE)]
        assert listed == list(range(1, len(listed) + 1))
        cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", body) for n in group.split(", ")}
        assert cited == set(listed), args  # every mark listed, every listed source cited
        first_seen = list(
            dict.fromkeys(int(n) for g in re.findall(r"\[([\d, ]+)\]", body) for n in g.split(", "))
        )
        assert first_seen == sorted(first_seen), args  # numbered in the order a reader meets them
    assert "1. Carnegie Climate Governance Initiative (2019), Governing Nature-Based Solutions" in text


def test_brief_detail_adds_techniques_and_assessments() -> None:
    short = runner.invoke(app, ["brief", "biochar", "-a", "ar6"]).stdout
    detail = runner.invoke(app, ["brief", "biochar", "-a", "ar6", "--detail"]).stdout
    assert "## Techniques" not in short
    technique = section(detail, "### Biochar")
    assert (
        "- IPCC AR6 WGIII (2022): 0.2–6.6 Gt CO2e/yr; mean 2.6; technical potential; no year given; counts CO2 "
        "removal and emission reduction; another figure: 0.3–6.6 Gt CO2/yr [2]; Cost: 10–345 USD/t CO2 [10]; "
        "TRL 6–7 [11]"
    ) in technique
    assert (
        "- C2G (2019) policy brief: 1.8–4.8 Gt CO2/yr; potential of a kind not stated; no year given; counts "
        "CO2 removal alone [6]"
    ) in technique
    assert "- Readiness: Mature technology with a growing market [6]." in technique
    assert "## The assessments" in detail


def test_brief_as_html(tmp_path: Path) -> None:
    from html.parser import HTMLParser

    class Page(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[tuple[str, dict[str, str | None]]] = []
            self.title = ""
            self._in_title = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))
            self._in_title = tag == "title" and not self.title  # the page's, not the chart's

        def handle_data(self, data: str) -> None:
            if self._in_title:
                self.title += data

        def handle_endtag(self, tag: str) -> None:
            self._in_title = False

    for lang, code, title in (
        ("en", "en", "Nature-based CO2 removal by Biochar and Carbon sequestration in soils"),
        ("zh", "zh-Hans", "基于自然的二氧化碳移除：生物炭、土壤固碳"),
    ):
        out = tmp_path / f"brief-{lang}.html"
        result = runner.invoke(app, ["brief", "biochar", "soil-carbon", "--lang", lang, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        page = Page()
        page.feed(out.read_text(encoding="utf-8"))
        tags = [tag for tag, _ in page.tags]
        assert page.tags[0] == ("html", {"lang": code})
        assert page.title == title
        assert tags.count("svg") == 1 and "img" not in tags and "script" not in tags  # self-contained
        assert tags.count("table") == 2 and "h1" in tags
        assert not [a for _, attrs in page.tags for k, a in attrs.items() if k in ("src", "href")]


def test_brief_names_the_scope_and_double_counting() -> None:
    text = runner.invoke(app, ["brief", *SIX]).stdout
    # the first reference's scope is in the bottom line; the caveats name each pair that may double count
    assert (
        "UNEP estimate, 4–12 Gt CO2/yr, is a potential and covers only forests, wetlands and soils: within "
        "that scope (Afforestation and reforestation, Carbon sequestration in soils and Restoring wetlands), "
        "the portfolio comes to 4–30 Gt CO2/yr"
    ) in section(text, "## Bottom line")
    assert "contains it: low end level, high end 18 higher" in text
    assert "×" not in text  # no ratios
    caveats = section(text, "## Caveats")
    assert (
        "Restoring wetlands and Afforestation and reforestation: Restoring wetlands includes mangroves"
        in caveats
    )
    assert (
        "Biochar and Carbon sequestration in soils: Biochar application is one of the practices that increase "
        "soil organic matter in croplands"
    ) in caveats
    assert "Totals add every low and every high" not in caveats  # said in the bottom line


def test_iamc_export() -> None:
    result = runner.invoke(
        app,
        ["portfolio", *SIX, "--name", "All six", "-f", "iamc", "--year", "2050", "-n", "1000", "--seed", "1"],
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["Model", "Scenario", "Region", "Variable", "Unit", "2050"]
    body = {(r[1], r[3]): float(r[5]) for r in rows[1:]}
    assert {r[0] for r in rows[1:]} == {"nbscdr"} and {r[2] for r in rows[1:]} == {"World"}
    assert {r[4] for r in rows[1:]} == {"Mt CO2/yr"}
    assert {r[1] for r in rows[1:]} == {f"All six|{b}" for b in ("low", "high", "p5", "p50", "p95")}
    assert {k: v for k, v in body.items() if k[0] == "All six|low"} == {
        ("All six|low", "Carbon Removal|Land Use|Re/Afforestation"): 3000.0,
        ("All six|low", "Carbon Removal|Land Use|Biochar"): 1800.0,
        ("All six|low", "Carbon Removal|Long-Lived Materials|Timber"): 500.0,
        ("All six|low", "Carbon Removal|Ocean|Other"): 0.0,
        ("All six|low", "Carbon Removal|Land Use|Soil Carbon Management"): 1000.0,
        ("All six|low", "Carbon Removal|Land Use|Other"): 0.0,
    }
    assert body[("All six|high", "Carbon Removal|Ocean|Other")] == 19000.0
    assert (
        body[("All six|p50", "Carbon Removal|Land Use|Re/Afforestation")] == 10500.0
    )  # uniform 3-18 Gt: median 10.5
    assert body[("All six|p5", "Carbon Removal|Land Use|Biochar")] == 1950.0  # 1.8 + 0.05 * 3 Gt


def test_iamc_year_and_unit_rules() -> None:
    out = runner.invoke(app, ["portfolio", "biochar", "-f", "iamc", "--year", "2040"]).stdout
    assert out.splitlines()[0] == "Model,Scenario,Region,Variable,Unit,2040"
    assert out.splitlines()[1].startswith('nbscdr,"biochar (c2g2019, ')
    assert out.splitlines()[1].endswith(')|low",World,Carbon Removal|Land Use|Biochar,Mt CO2/yr,1800.0')
    bad = runner.invoke(app, ["portfolio", "biochar", "-f", "iamc"])
    assert bad.exit_code == 2 and (
        "Invalid value for '--year': needed with --format iamc and no --from/--to: the figures carry no "
        "year of their own, so say which year they stand for (e.g. --year 2050)"
    ) in " ".join(bad.stderr.split())
    bad = runner.invoke(app, ["portfolio", "biochar", "--year", "2040"])
    assert bad.exit_code == 2 and "Invalid value for '--year': applies to --format iamc only" in bad.stderr
    bad = runner.invoke(app, ["portfolio", "biochar", "-f", "iamc", "-u", "Gt C/yr"])
    assert (
        bad.exit_code == 2
        and "Invalid value for '--unit': the IAMC format reports in Mt CO2/yr" in bad.stderr
    )
    bad = runner.invoke(app, ["list", "-f", "iamc"])
    assert bad.exit_code == 2 and "'iamc' is not one of 'table', 'json', 'csv', 'markdown'" in bad.stderr


@pytest.mark.filterwarnings("ignore")  # pyam's own dependencies warn on import
def test_iamc_loads_with_pyam(tmp_path: Path) -> None:
    out = tmp_path / "scenarios.csv"
    result = runner.invoke(
        app,
        [
            "portfolio",
            *SIX,
            "--name",
            "All six",
            "-f",
            "iamc",
            "--year",
            "2050",
            "-n",
            "500",
            "--seed",
            "2",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.stderr
    import pyam

    df = pyam.IamDataFrame(str(out))
    assert df.year == [2050]
    assert df.unit == ["Mt CO2/yr"]
    assert len(df.variable) == 6 and len(df.scenario) == 5
    high = df.filter(scenario="All six|high").timeseries()
    assert float(high.sum().iloc[0]) == 54800.0


def test_a_chinese_html_brief_has_no_italics(tmp_path: Path) -> None:
    """Chinese has no italic (typography.md rule 5): what the English brief sets
    in <em> (subtitle, the uncertainty line, the tables' captions) the Chinese
    sets in weight; no <em>, <i> or italic style reaches a Chinese page."""
    pages = {}
    for lang in ("en", "zh"):
        out = tmp_path / f"brief-{lang}.html"
        result = runner.invoke(app, [*SIX_BRIEF, "--detail", "--lang", lang, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        pages[lang] = out.read_text(encoding="utf-8")
    assert pages["en"].count("<em>") == 4  # subtitle, uncertainty line, two table captions
    zh = pages["zh"]
    assert "<em" not in zh and "<i>" not in zh and "italic" not in zh and "oblique" not in zh
    assert "<p><strong>C2G（2019）政策简报[1]" in zh  # the subtitle, by weight
    assert "<strong>2030—2049年的不确定性：" in zh


def test_the_briefs_chart_marks_notes_as_its_tables_do(tmp_path: Path) -> None:
    """The chart beside the brief's tables marks each bar with the numbers of the
    caveats that apply to it (the pairs that may double count, what a figure that
    is not removals alone counts), as the table marks the technique's name."""
    out = tmp_path / "b.html"
    args = ["brief", "-a", "ar6", "afforestation", "wetlands", "building-with-biomass", "biochar"]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    svg = page[page.index("<svg") : page.index("</svg>")]
    captions = re.findall(r">([\d.]+–[\d.]+(?: \S+)*)</text>", svg)
    assert captions[:4] == ["0.5–10.1 ¹ ²", "0.5–2.1 ¹ ³", "0.04–3.7 ² ⁵ ⁶", "0.2–6.6 ⁶ ⁷"]
    key = " ".join(re.findall(r">([^<]+)</text>", svg))  # its lines as wrapped
    assert "³ ⁵ ⁷: not removals alone (the caveats say what each figure counts)" in key
    assert "¹ ² ⁶: pairs that may count the same carbon (the caveats say why)" in key
    assert "†" not in svg and "‡" not in svg
    cells = re.findall(r"<td>([^<]*[¹²³⁴⁵⁶⁷])</td>", page)
    assert cells == [
        "Afforestation and reforestation¹,²",
        "Restoring wetlands¹,³,⁴",
        "Building with biomass²,⁵,⁶",
        "Biochar⁶,⁷",
    ]
    notes = re.findall(r"<li>([¹²³⁴⁵⁶⁷]) ([^:<]+):", page)
    assert notes == [
        ("¹", "Restoring wetlands and Afforestation and reforestation"),
        ("²", "Afforestation and reforestation and Building with biomass"),
        ("³", "Restoring wetlands"),
        ("⁴", "Restoring wetlands"),
        ("⁵", "Building with biomass"),
        ("⁶", "Biochar and Building with biomass"),
        ("⁷", "Biochar"),
    ]


def test_one_technique_is_no_sum_and_names_its_share() -> None:
    """One technique's range is its own: no "together", no sum of extremes; a part
    of its range says so; out of a reference's scope it is named, not "none of these"."""
    out = runner.invoke(app, ["brief", "biochar:50%"]).stdout
    bottom = out.split("## Bottom line\n\n")[1].splitlines()[0]
    assert bottom.startswith(
        "Biochar (50% of its range) has a potential (of a kind the source does not state) of 0.9–2.4 Gt CO2/yr [2]. "
        "Biochar is not within the scope of UNEP estimate (forests, wetlands and soils), so it is not compared "
        "with it [3]. "
    )
    zh = runner.invoke(app, ["brief", "biochar:50%", "--lang", "zh"]).stdout
    assert "生物炭（其范围的50%）的潜力（来源未说明潜力类型）为0.9～2.4 Gt CO2/年[2]。" in zh
    assert "together" not in bottom.casefold() and "sum of every" not in bottom
