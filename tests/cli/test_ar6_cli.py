"""AR6 through the installed command: the economic potential a briefing now
asks for, named in every output, with central values and caveats shown."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

FOUR = ["afforestation", "biochar", "soil-carbon", "wetlands"]


def nbscdr(command: list[str], tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, *args], env=subprocess_env(tmp_path), capture_output=True, text=True, timeout=60
    )


def test_economic_potential_of_four_techniques(nbscdr_command: list[str], tmp_path: Path) -> None:
    md = nbscdr(
        nbscdr_command, tmp_path, "portfolio", *FOUR, "-a", "ar6", "--potential", "economic", "-f", "markdown"
    )
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("## Portfolio (economic potential, IPCC AR6 WGIII (2022))\n")
    # no share column where every entry is whole; markers tie the notes to their cells
    assert "| Afforestation and reforestation (afforestation)¹ | 0.5 | 3.0 | 1.6 |" in md.stdout
    assert "| Carbon sequestration in soils (soil-carbon)¹ | 0.7 | 2.5 | – |" in md.stdout
    # double counting; what the figure counts; 80% CDR (issue 21: each as its source says)
    assert "| Restoring wetlands (wetlands)¹,³,⁴ | 0.2 | 0.8 | – |" in md.stdout
    # the total adds biochar's and wetlands' figures, not CO2 removal alone, as they stand
    assert "| **Total²,³,⁵** | **1.7** | **8.1** |  |" in md.stdout
    assert (
        "Restoring wetlands: AR6 estimates that 80% of the technical potential of peatland and coastal wetland "
        "restoration is CDR: the range is not removals alone (IPCC (2022), AR6 WGIII, Chapter 12, section 12.3.2)."
    ) in md.stdout
    doc = json.loads(
        nbscdr(
            nbscdr_command, tmp_path, "portfolio", *FOUR, "-a", "ar6", "--potential", "economic", "-f", "json"
        ).stdout
    )
    assert (doc["potential"], doc["assessment"]) == ("economic", "ar6")
    assert (doc["total"]["low"], doc["total"]["high"]) == (1.7, 8.1)
    assert [e["central"] for e in doc["entries"]] == [1.6, 1.1, None, None]
    assert doc["warnings"][0]["code"] == "figures"
    assert "available below USD 100 per t CO2" in doc["warnings"][0]["message"]


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_every_output_names_the_potential(nbscdr_command: list[str], tmp_path: Path, fmt: str) -> None:
    out = nbscdr(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "-a",
        "ar6",
        "--potential",
        "economic",
        "-f",
        fmt,
    ).stdout
    if fmt == "csv":
        # CSV carries the figures; the potential is in the JSON and in every text format
        assert out.splitlines()[1].startswith(
            "afforestation,Afforestation and reforestation,造林和再造林,1.0,0.5,3.0"
        )
    else:
        assert "economic" in out


def test_wood_products_say_they_include_material_substitution(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    """AR6 7.4.5.3: the use of wood products "includes ... carbon storage in wood
    products and material substitution" (issue 21, row 6)."""
    phrase = r"counts:? co2 removal and material substitution"
    for args in (
        ["portfolio", "building-with-biomass", "-a", "ar6"],
        ["brief", "building-with-biomass", "-a", "ar6"],
        ["list", "-a", "ar6"],
        ["show", "building-with-biomass", "-a", "ar6", "-f", "markdown"],
    ):
        result = nbscdr(nbscdr_command, tmp_path, *args)
        assert result.returncode == 0, result.stderr
        assert re.search(phrase, result.stdout.lower()), args


def test_compare_economic(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = json.loads(
        nbscdr(nbscdr_command, tmp_path, "compare", *FOUR, "--potential", "economic", "-f", "json").stdout
    )
    # only AR6 gives world economic potentials (Roe et al. (2021) by country): one row, and one note that says so
    assert [(r["assessment"], r["low"], r["high"]) for r in doc["rows"]] == [("ar6", 1.7, 8.1)]
    assert doc["warnings"][0] == {
        "code": "potential",
        "essential": True,
        "anchors": ["table:compare"],
        "message": "Economic potentials come from IPCC AR6 WGIII (2022) for the world, and from Roe et al. (2021) by "
        "country: Roe et al. (2021) is not in this world total, as its figures are by country (give --region, or "
        "compare --regions); the other assessments are left out.",
    }
    assert doc["potential"] == "economic"
    asked = nbscdr(nbscdr_command, tmp_path, "compare", *FOUR, "--potential", "economic", "-a", "c2g2019,ar6")
    assert asked.returncode == 2 and asked.stdout == ""
    assert asked.stderr == (
        "nbscdr: Invalid value for '--assessment': c2g2019 gives no economic potentials; ar6, roe2021 do "
        "(nbscdr compare -h)\n"
    )
    single = json.loads(nbscdr(nbscdr_command, tmp_path, "compare", "afforestation", "-f", "json").stdout)
    assert {r["assessment"]: r.get("central_sum") for r in single["rows"]}["ar6"] == 3.9


def test_refusals_say_why(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "portfolio", "afforestation", "--potential", "economic")
    assert result.returncode == 1
    assert result.stderr == (
        "nbscdr: argument 1 'afforestation': technique 'afforestation' has no economic potential in assessment "
        "'c2g2019'; assessments with one: ar6, and roe2021 for a country or region (its figures are by country: "
        "give a region) (or set --assessment ar6)\n"
    )
    result = nbscdr(nbscdr_command, tmp_path, "portfolio", "macroalgae", "-a", "ar6")
    assert result.returncode == 1
    assert (
        '(AR6 WGIII gives no assessed estimate: it calls the potential "debated" and relays N\'Yeurt et al. '
        "(2012)'s 19 GtCO2 in biomass, an amount, not a yearly rate)"
    ) in result.stderr
    result = nbscdr(
        nbscdr_command, tmp_path, "portfolio", "wetlands", "coastal-wetland-restoration", "-a", "ar6"
    )
    assert result.returncode == 1
    assert "is part of 'wetlands'" in result.stderr and result.stdout == ""


def test_show_gives_costs_readiness_parts_and_permanence(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = json.loads(nbscdr(nbscdr_command, tmp_path, "show", "soil-carbon", "-f", "json").stdout)
    ar6 = next(e for e in doc["estimates"] if e["assessment"] == "ar6" and e["potential"] == "technical")
    assert ar6["cost"] == {
        "low": -45.0,
        "high": 100.0,
        "unit": "USD/t CO2",
        "notes": None,
        "source": "IPCC (2022), AR6 WGIII, Chapter 12, Table 12.6 and section 12.3.2: –USD45 to +USD100 per t CO2 for SCS",
        "quotes": ar6["cost"]["quotes"],
    }
    assert [q["section"] for q in ar6["cost"]["quotes"]] == [
        "Chapter 12, Table 12.6",
        "Chapter 12, section 12.3.2",
    ]
    assert ar6["trl"]["low"] == 8 and ar6["trl"]["high"] == 9
    assert [p["name"]["en"] for p in ar6["parts"]] == ["croplands", "grasslands"]
    sources = [n["source"] for n in doc["durability"]]
    assert "IPCC SR1.5 (2018), Chapter 4, section 4.3.7.3" in sources
    assert "IPCC (2022), AR6 WGIII, Summary for Policymakers, C.11.1" in sources
    biochar = json.loads(nbscdr(nbscdr_command, tmp_path, "show", "biochar", "-f", "json").stdout)
    assert "less prone to reversal" in biochar["durability"][0]["en"]
    wetlands = json.loads(
        nbscdr(nbscdr_command, tmp_path, "show", "wetlands", "-a", "ar6", "-f", "json").stdout
    )
    assert wetlands["cost"] == {
        "text": {"en": "Insufficient data", "zh": "数据不足"},
        "source": wetlands["cost"]["source"],
        "quotes": wetlands["cost"]["quotes"],
    }


def test_show_lists_each_assessments_figure_kind_period_contents_and_quotation(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    """Issue 21: per assessment, the figure, its kind of potential (or "not
    stated"), period, what it counts, the quotation and its section."""
    text = nbscdr(nbscdr_command, tmp_path, "show", "afforestation", "-f", "markdown").stdout
    block = text[text.index("**Estimate: ar6**") : text.index("**Estimate: ar6, economic**")]
    assert block.splitlines()[1:5] == [
        "- 0.5–10.1 Gt CO2/yr; mean 3.9",
        "- technical potential, by 2050",
        "- Counts: CO2 removal alone",
        "- Measures: technical potential (biophysically possible), as a central value (a mean, unless the "
        "source says median) and a range; Table 7.3 averages sectoral estimates over 2020–2050",
    ]
    assert (
        "- “There is medium confidence that the global technical mitigation potential of afforestation and "
        "reforestation activities by 2050 is 3.9 (0.5–10.1) GtCO2 yr–1, and the economic mitigation potential "
        "(\\<USD100 tCO2–1) is 1.6 (0.5–3.0) GtCO2 yr–1 (requiring about 200 Mha).” (IPCC (2022), AR6 WGIII, "
        "Chapter 7, section 7.4.2.2)"
    ) in block  # Markdown shows "<" escaped, as it shows all text it does not mean as markup
    c2g = text[text.index("**Estimate: c2g2019**") : text.index("**Estimate: fuss2018**")]
    assert "- potential of a kind not stated; no year given" in c2g
    assert (
        "- “据估计，全球每年可移除3-18 Gt的二氧化碳。” (C2G 2019, table of proposed techniques; our translation: "
        "It is estimated that 3–18 Gt of CO2 could be removed globally each year.)"
    ) in c2g
    fuss = text[text.index("**Estimate: fuss2018**") : text.index("**Estimate: sr15**")]
    assert "- sustainable potential, in 2050" in fuss
    zh = nbscdr(nbscdr_command, tmp_path, "show", "afforestation", "--lang", "zh", "-f", "markdown").stdout
    assert "- 原文：“据估计，全球每年可移除3-18 Gt的二氧化碳。”（C2G〔2019〕政策简报“提出的技术”一表）" in zh
    assert "- 译自IPCC第六次评估报告第三工作组报告（2022）第7章7.4.2.2节：“有中等信度认为" in zh
    doc = json.loads(nbscdr(nbscdr_command, tmp_path, "show", "peatland-restoration", "-f", "json").stdout)
    technical, _economic = doc["estimates"]
    assert (technical["potential_kind"], technical["statistic"], technical["period"]) == (
        "technical",
        "median",
        None,
    )
    assert technical["includes"] == ["co2-removal", "avoided-emissions", "non-co2-gases"]
    assert technical["removal_only"] is False
    assert [q["section"] for q in technical["quotes"]] == ["Chapter 7, section 7.4.2.7"] * 3


def test_figures_are_shown_with_the_sources_digits(nbscdr_command: list[str], tmp_path: Path) -> None:
    """AR6 writes "1.6 (0.5–3.0)" (§7.4.2.2), wood products' mean "1.0" and grasslands'
    "1.0 (0.2–2.6)" (§7.4.3.1): shown so, not "3" and "1"; JSON keeps the text in `written`."""
    economic = ("portfolio", "afforestation", "-a", "ar6", "--potential", "economic")
    table = nbscdr(nbscdr_command, tmp_path, *economic).stdout
    assert " Afforestation and reforestation (afforestation) | 0.5 |  3.0 |     1.6\n" in table
    doc = json.loads(nbscdr(nbscdr_command, tmp_path, *economic, "-f", "json").stdout)
    entry = doc["entries"][0]
    assert (entry["low"], entry["high"], entry["central"], entry["written"]) == (
        0.5,
        3.0,
        1.6,
        {"high": "3.0"},
    )
    wood = nbscdr(nbscdr_command, tmp_path, "show", "building-with-biomass", "-a", "ar6").stdout
    assert re.search(r"\n Range +\| 0\.04–3\.7 Gt CO2e/yr; mean 1\.0\n", wood)
    soil = nbscdr(nbscdr_command, tmp_path, "show", "soil-carbon", "-a", "ar6").stdout
    assert "| • grasslands: mean 1.0 (0.2–2.6) (IPCC (2022), AR6 WGIII, Chapter 7," in soil
    listed = nbscdr(nbscdr_command, tmp_path, "show", "afforestation", "-a", "ar6", "-f", "markdown").stdout
    assert "0.5–3.0 Gt CO2/yr; mean 1.6" in listed
