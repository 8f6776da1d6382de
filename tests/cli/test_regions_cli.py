"""Countries and regions on the command line (issue 22): the "Done when" commands as
written, in English and Chinese, rank, compare --regions, regions, and the error lines.
Figures are checked against the workbook's cells (tests/sources/roe_cells.py)."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli.base.numbers import derived, number
from nbscdr_cli.cli.program import app
from tests.cli.contract import error_line, run, usage_line
from tests.sources import roe_cells as cells

runner = CliRunner()
DONE = [
    "portfolio",
    "afforestation",
    "biochar",
    "soil-carbon",
    "agroforestry",
    "--region",
    "CHN",
    "-a",
    "roe2021",
]
ECONOMIC = ["--potential", "economic"]


def china_total() -> tuple[float, float]:
    lows = [cells.cell("CHN", c) for c in ("BG", "IV", "HX", "IF", "IN")]
    highs = [cells.cell("CHN", "BH"), *lows[1:]]
    return math.fsum(lows), math.fsum(highs)


def test_the_done_when_command_in_english() -> None:
    result = runner.invoke(app, [*DONE, *ECONOMIC])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # the unit in the title; ¹ the note on what China's figures are
    assert lines[0] == "Portfolio (economic potential, Roe et al. (2021)): China¹, Mt CO2/yr"
    assert [c.strip() for c in lines[1].split("|")] == ["Technique", "Low", "High", "Central"]
    a_r = next(line for line in lines if line.startswith(" Afforestation"))
    cells_shown = [derived(cells.cell("CHN", c)) for c in ("BG", "BH", "BF")]
    assert [c.strip() for c in a_r.split("|")[1:4]] == cells_shown  # low, high, central: 18.4, 20.3, 19.3
    low, high = china_total()
    total = next(line for line in lines if line.startswith(" Total"))
    assert [c.strip() for c in total.split("|")[1:3]] == [derived(low), derived(high)]
    assert "Land the SI gives with each figure: China" in lines
    # by default (issue 22, a new user's walk-through): the studies behind the figures, the
    # biochar figure that may not be a removal alone, and the land table's note
    assert lines[
        lines.index(" Agroforestry                               |      71.8 Mha in total") + 1 :
    ] == [
        "¹ China: the figures for this country alone (Roe et al. (2021), SI sheet '1. Sectoral mitigation-country', row 92).",
        "² Afforestation and reforestation: the central value is the average of two studies and the range runs "
        "from the lower to the higher of the two, as Roe et al. (2021) combine them; where one study has no "
        "figure for a country, all three are the other study's.",
        "³ May count the same carbon twice: Biochar and Carbon sequestration in soils; Agroforestry and Carbon "
        "sequestration in soils; Agroforestry and Afforestation and reforestation (why, with --notes all).",
        "⁴ Biochar: given in CO2e; the data does not say what it counts, so it may not be a removal of CO2 alone.",
        "⁵ Totals add every low and every high: they assume all extremes happen together.",
        "On the whole result:",
        "- Roe et al. (2021) adapt these figures from: Afforestation and reforestation: Austin et al 2020, "
        "2015-2050; Busch 2019, 2020-2050; Biochar: Griscom 2017, 2020-2050; Carbon sequestration in soils: "
        "Soils Revealed 2020, 2020-2050; Agroforestry: Chapman 2020, 2020-2050.",
        "- UNEP estimate: global, so not compared with figures for a country or region.",
        "- Land: the areas the SI gives with each figure, per year (ha/yr) or in total (ha), for the whole "
        "potential; measures may compete for the same land, so their areas are not added up, and an area per "
        "year is not comparable with one in total. For scale, worldwide, AR6 gives an economic potential of "
        '1.6 Gt CO2/yr of afforestation and reforestation "requiring about 200 Mha", and "5–10 t CO2 ha–1 '
        'yr–1" as a realistic sustained rate per hectare (IPCC (2022), AR6 WGIII, Chapter 7, section 7.4.2.2).',
    ]
    assert next(line for line in lines if line.startswith(" Biochar")).startswith(" Biochar (biochar)³,⁴ ")
    every = runner.invoke(app, [*DONE, *ECONOMIC, "--notes", "all"]).stdout.splitlines()
    assert any(line.startswith("¹ Figures: Roe et al. (2021): cost-effective potential") for line in every)
    assert not any(line.startswith("Comparison with references") for line in lines)


@pytest.mark.parametrize("region", ["CHN", "中国", "china"])
def test_the_done_when_command_in_chinese(region: str) -> None:
    args = [*DONE[:-4], "--region", region, "-a", "roe2021", *ECONOMIC, "--lang", "zh"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "技术组合（经济潜力，Roe等〔2021〕）：中国¹，Mt CO2/年"
    row = next(line for line in lines if line.startswith(" 造林和再造林"))
    assert [c.strip() for c in row.split("|")] == ["造林和再造林²,³", "18.4", "20.3", "19.3"]
    assert "SI为各项数值给出的土地面积：中国" not in lines  # "SI" is English: 补充材料
    assert "补充材料中各项数值对应的土地面积：中国" in lines
    assert "- 联合国环境规划署（UNEP）估计值：为全球数值，因此不与国家或区域的数值比较。" in lines
    # shown by default, as in English: the studies, biochar's CO2e, the land table's note
    assert (
        "- Roe等（2021）的这些数值改编自：造林和再造林（Austin et al 2020，2015—2050年；Busch 2019，"
        "2020—2050年）；生物炭（Griscom 2017，2020—2050年）；土壤固碳（Soils Revealed 2020，2020—2050年）；"
        "农林复合经营（Chapman 2020，2020—2050年）。"
    ) in lines
    assert "⁴ 生物炭：以二氧化碳当量给出，数据未说明其计入内容，因此可能并非仅为二氧化碳移除。" in lines
    assert lines[-1].startswith("- 土地：补充材料为各项数值给出的面积，按年（公顷/年）或按总量（公顷）计")


def test_the_done_when_json_is_the_cells() -> None:
    doc = json.loads(runner.invoke(app, [*DONE, *ECONOMIC, "-f", "json"]).stdout)
    low, high = china_total()
    assert (doc["total"]["low"], doc["total"]["high"], doc["unit"]) == (
        number(low),
        number(high),
        "Mt CO2/yr",
    )
    assert doc["region"]["code"] == "CHN" and doc["region"]["members"] == 1 and doc["region"]["row"] == 92
    # what the text formats print by default (issue 22): a CO2e figure whose data does not say
    # what it counts is a caveat, as is what the land table needs to be read; the studies are credited
    essential = {(w["code"], w.get("technique")): w["essential"] for w in doc["warnings"]}
    assert essential[("co2e", "biochar")] is True
    assert essential[("studies", None)] is True and essential[("land", None)] is True


def test_rank_puts_the_ar6_regions_beside_section_7_4_2_2() -> None:
    result = runner.invoke(app, ["rank", "afforestation", *ECONOMIC, "--by", "region_ar6_5", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    expected = []
    for name in (
        "Africa and Middle East",
        "Asia and developing Pacific",
        "Developed Countries",
        "Eastern Europe and West-Central Asia",
        "Latin America and Caribbean",
    ):
        central, low, high = cells.region_sum(cells.members("region_ar6_5", name), "BF", "BG", "BH")
        expected.append((f"region_ar6_5:{name}", number(central), number(low), number(high)))
    expected.sort(key=lambda row: -row[1])
    assert [(r["code"], r["central"], r["low"], r["high"]) for r in doc["rows"]] == expected
    refs = {r["code"]: [(c["reference"], c["low"], c["high"]) for c in r["comparisons"]] for r in doc["rows"]}
    assert refs == {
        "region_ar6_5:Africa and Middle East": [("ar6-ar-africa", 100.0, 400.0)],
        "region_ar6_5:Asia and developing Pacific": [("ar6-ar-asia-pacific", 210.0, 266.0)],
        "region_ar6_5:Developed Countries": [("ar6-ar-developed", 291.0, 291.0)],
        "region_ar6_5:Eastern Europe and West-Central Asia": [("ar6-ar-eastern-europe", 30.0, 30.0)],
        "region_ar6_5:Latin America and Caribbean": [("ar6-ar-latin-america", 345.0, 898.0)],
    }
    table = runner.invoke(app, ["rank", "afforestation", *ECONOMIC, "--by", "region_ar6_5"]).stdout
    assert table.splitlines()[0] == (
        "Afforestation and reforestation: economic potential, Roe et al. (2021), by region (AR6, 5 regions), "
        "Mt CO2/yr"
    )
    assert "AR6 figure for the region," in table and "345–898: overlaps" in table


def test_rank_countries_top_and_csv() -> None:
    out = runner.invoke(app, ["rank", "afforestation", *ECONOMIC, "--top", "3", "-f", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    top = sorted(
        ((c, f[0]) for c in cells.members() if (f := cells.combined(c, "BF", "BG", "BH")) is not None),
        key=lambda pair: -pair[1],
    )[:3]
    assert [(r["code"], float(r["central"])) for r in rows] == [(c, number(v)) for c, v in top]


def test_compare_regions_side_by_side() -> None:
    args = [
        "compare",
        "afforestation",
        "biochar",
        "soil-carbon",
        "agroforestry",
        "--regions",
        "CHN,IND,BRA,USA,IDN",
    ]
    doc = json.loads(runner.invoke(app, [*args, *ECONOMIC, "-f", "json"]).stdout)
    assert doc["by"] == "region" and doc["unit"] == "Mt CO2/yr"
    assert [r["region"] for r in doc["rows"]] == ["CHN", "IND", "BRA", "USA", "IDN"]
    low, high = china_total()
    assert (doc["rows"][0]["low"], doc["rows"][0]["high"]) == (number(low), number(high))
    table = runner.invoke(app, [*args, *ECONOMIC]).stdout
    assert any(line.startswith(" Region ") for line in table.splitlines()[1:4])


def test_compare_regions_says_once_whose_figures_and_what_each_country_is() -> None:
    """The kind of potential and the source in the title; one note for the five
    countries, with each one's row in the SI (what differs between them)."""
    args = ["compare", "afforestation", "soil-carbon", "--regions", "CHN,IND,BRA,USA,IDN"]
    lines = runner.invoke(app, args).stdout.splitlines()
    assert lines[0] == (
        "Totals by region (technical potential, Roe et al. (2021)): every low and every high added¹, Mt CO2/yr"
    )
    assert [line.split("|")[0].strip() for line in lines[3:8]] == [
        "China (CHN)²",
        "India (IND)²",
        "Brazil (BRA)²",
        "United States (USA)²",
        "Indonesia (IDN)²",
    ]
    assert lines[9] == (
        "² China (row 92), India (row 98), Brazil (row 221), United States (row 197) and Indonesia (row 99): "
        "the figures for each country alone (Roe et al. (2021), SI sheet '1. Sectoral mitigation-country')."
    )
    assert not any("this country alone" in line for line in lines)
    economic = runner.invoke(app, [*args, *ECONOMIC, "--lang", "zh"]).stdout.splitlines()
    assert economic[0] == "各区域的合计（经济潜力，Roe等〔2021〕）：各项下限之和与各项上限之和¹，Mt CO2/年"
    assert economic[9].startswith(
        "² 中国（第92行）、印度（第98行）、巴西（第221行）、美国（第197行）、印度尼西亚（第99行）：均仅为各国自身的数值"
    )
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert (doc["assessment"], doc["potential"]) == ("roe2021", "technical")
    region = [w for w in doc["warnings"] if w["code"] == "region"]
    assert [(w["regions"], w["essential"]) for w in region] == [(["CHN", "IND", "BRA", "USA", "IDN"], True)]


def test_compare_regions_folds_the_regions_and_keeps_each_ones_count() -> None:
    args = ["compare", "afforestation", "--regions", "Eastern Asia,Southern Asia,CHN"]
    lines = runner.invoke(app, args).stdout.splitlines()
    assert (
        "² Each region's figure is the sum over those of its countries and territories that have one (how many "
        "it has: Eastern Asia (AR6, 10 regions): 7; Southern Asia (AR6, 10 regions): 8); central values, lows "
        "and highs are each added, so the range assumes every country's low, or every country's high, at once."
    ) in lines
    # one country: its own note, on its row, as in a portfolio of it
    assert (
        "⁴ China: the figures for this country alone (Roe et al. (2021), SI sheet '1. Sectoral mitigation-country', "
        "row 92)."
    ) in lines


def test_regions_lists_what_region_takes() -> None:
    doc = json.loads(runner.invoke(app, ["regions", "-f", "json"]).stdout)
    codes = [r["code"] for r in doc["regions"]]
    assert codes[0] == "World" and len(codes) == 1 + 5 + 10 + 21 + 3
    countries = json.loads(runner.invoke(app, ["regions", "--by", "country", "-f", "json"]).stdout)[
        "countries"
    ]
    assert len(countries) == 250
    assert [c["iso3"] for c in countries if c["historic"]] == ["ANT", "SCG"]


def test_list_and_show_for_a_region() -> None:
    out = runner.invoke(app, ["list", "--region", "IDN", "--potential", "economic", "-f", "json"]).stdout
    doc = json.loads(out)
    (peat,) = [t for t in doc["techniques"] if t["id"] == "peatland-restoration"]
    assert (peat["low"], peat["unit"], peat["as_given"]) == (
        number(cells.cell("IDN", "DH")),
        "Mt CO2e/yr",
        False,
    )
    shown = json.loads(runner.invoke(app, ["show", "afforestation", "--region", "巴西", "-f", "json"]).stdout)
    assert (shown["low"], shown["high"]) == (number(cells.cell("BRA", "BA")), number(cells.cell("BRA", "BB")))
    assert shown["region"]["code"] == "BRA"


def test_csv_carries_the_region() -> None:
    out = runner.invoke(app, ["portfolio", "biochar", "--region", "IND", "-f", "csv"]).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["technique"], r["region"]) for r in rows] == [("biochar", "IND"), ("total", "IND")]
    assert float(rows[0]["low"]) == number(cells.cell("IND", "IR"))
    countries = runner.invoke(
        app, ["portfolio", "biochar", "--region", "Eastern Asia", "--countries", "-f", "csv"]
    )
    rows = list(csv.DictReader(io.StringIO(countries.stdout)))
    china = [r for r in rows if r["region"] == "CHN"]
    assert [(r["technique"], float(r["high"])) for r in china] == [
        ("biochar", number(cells.cell("CHN", "IR"))),
        ("total", number(cells.cell("CHN", "IR"))),
    ]


def test_rank_chart_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "rank.svg"
    result = runner.invoke(app, ["rank", "afforestation", *ECONOMIC, "--by", "region_ar6_5", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Latin America and Caribbean" in text and "Mt CO2/yr" in text and "7.4.2.2" in text


def test_error_lines(nbscdr_command: list[str], tmp_path: Path) -> None:
    unknown = run(nbscdr_command, tmp_path, "portfolio", "afforestation", "--region", "Xyzzy")
    assert error_line(unknown, 1) == (
        "--region: unknown region 'Xyzzy'; give an ISO3 code (CHN), a country's name, an AR6 region "
        "(Eastern Asia) or World; `nbscdr regions` lists them"
    )
    unep = run(nbscdr_command, tmp_path, "portfolio", "afforestation", "--region", "CHN", "-r", "unep")
    assert usage_line(unep) == (
        "Invalid value for '--reference': unep is a global figure: it is never compared with figures for China"
    )
    iamc = run(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "-a",
        "roe2021",
        "-f",
        "iamc",
        "--year",
        "2050",
    )
    assert usage_line(iamc) == (
        "Invalid value for '--format iamc': the sum over the SI's countries and territories is not a global "
        "assessment, which the IAMC's World is: export its countries one by one (a region per run: an ISO3 "
        "code), or its figures as CSV or JSON"
    )


def test_rank_in_markdown_names_the_grouping_and_relates_the_figures_as_shown() -> None:
    """The Markdown writer escapes user text, not nbscdr's own identifiers (the
    grouping was escaped to 'region\\_ar6\\_5' and looked up: an internal error);
    and a relation cell reads as the figures it shows: Developed Countries' sum of
    highs, 290.93 Mt (cells BH), is shown as 291, level with AR6's 291, so the
    cell does not say "below" although the exact figure is below."""
    result = runner.invoke(
        app, ["rank", "afforestation", *ECONOMIC, "--by", "region_ar6_5", "-f", "markdown"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "### Afforestation and reforestation: economic potential, Roe et al. (2021), by region (AR6, 5 regions)\n"
    )
    developed = next(line for line in result.stdout.splitlines() if "| Developed Countries |" in line)
    high = math.fsum(cells.cell(iso, "BH") for iso in cells.members("region_ar6_5", "Developed Countries"))
    assert high < 291 and derived(high) == "291"
    assert developed.endswith("| 291: contains it: low end 9 lower, high end level |")
    exact = json.loads(
        runner.invoke(app, ["rank", "afforestation", *ECONOMIC, "--by", "region_ar6_5", "-f", "json"]).stdout
    )
    row = next(r for r in exact["rows"] if r["name"]["en"] == "Developed Countries")
    assert row["comparisons"][0]["position"] == "below"  # the exact figures, for a script to judge


def test_the_done_when_command_in_markdown_credits_the_studies_and_says_how_to_read_land() -> None:
    result = runner.invoke(app, [*DONE, *ECONOMIC, "-f", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    whole = lines[lines.index("### On the whole result") + 2 :]
    assert [line.split(":")[0] for line in whole] == [
        "- Roe et al. (2021) adapt these figures from",
        "- UNEP estimate",
        "- Land",
    ]
    assert (
        "- ⁴ Biochar: given in CO2e; the data does not say what it counts, so it may not be a removal of CO2 alone."
        in lines
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_country_brief_says_each_note_once(lang: str) -> None:
    """Each figure's numbered source names China's row and the study it is adapted
    from (the studies credited, issue 22), so the brief does not say them again in
    notes (a brief is one page)."""
    args = ["brief", *DONE[1:-2], *ECONOMIC, "--lang", lang]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    sources = [line for line in lines if re.match(r"\d+\. ", line)]
    for study in ("Austin et al 2020", "Busch 2019", "Griscom 2017", "Soils Revealed 2020", "Chapman 2020"):
        assert sum(study in line for line in sources) == 1, study
        assert sum(study in line for line in lines) == 1, study  # in its source only
    assert not any(line.endswith("row 92") for line in sources)  # no source that no figure cites
    assert not any("this country alone" in line or "仅为该国的数值" in line for line in lines)


@pytest.mark.parametrize("assessment", ["c2g2019", "fuss2018", "sr15", "ar6"])
def test_rank_with_an_assessment_that_has_no_countries_is_a_usage_error(assessment: str) -> None:
    """It was an internal error (exit 70): only Roe et al. (2021) has figures by country."""
    result = runner.invoke(app, ["rank", "afforestation", "-a", assessment])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"nbscdr: Invalid value for '--assessment': '{assessment}' has no figures by country: "
        "a ranking uses Roe et al. (2021)'s (roe2021) (nbscdr rank -h)\n"
    )
    assert runner.invoke(app, ["rank", "afforestation", "-a", "roe2021", "--top", "1"]).exit_code == 0
