"""Countries and regions (issue 22): Roe et al. (2021)'s figures for a country are its
cells, a region's are sums of its members' cells, geography is part of a reference's
scope, and names are found however a user writes them.

Every expected figure is computed here from the workbook's own cells
(tests/sources/roe_cells.py reads data/sources/roe2021/ with openpyxl), never from the
derived data file nbscdr reads.
"""

from __future__ import annotations

import math

import pytest

from nbscdr_cli import InputError, Request, UsageError, analyse
from nbscdr_cli.base.numbers import number
from tests.sources import roe_cells as cells

ECONOMIC_CHINA = ["afforestation", "biochar", "soil-carbon", "agroforestry"]


def test_china_cost_effective_figures_are_its_cells() -> None:
    doc = analyse(Request(ECONOMIC_CHINA, region="CHN", potential="economic")).to_dict()
    assert (doc["assessment"], doc["potential"], doc["unit"]) == ("roe2021", "economic", "Mt CO2/yr")
    entries = {e["technique"]: (e["low"], e["high"], e["central"]) for e in doc["entries"]}
    soil = cells.cell("CHN", "HX") + cells.cell("CHN", "IF")  # croplands + grasslands
    assert entries == {
        "afforestation": (
            number(cells.cell("CHN", "BG")),
            number(cells.cell("CHN", "BH")),
            number(cells.cell("CHN", "BF")),
        ),
        "biochar": (number(cells.cell("CHN", "IV")),) * 3,
        "soil-carbon": (number(soil),) * 3,
        "agroforestry": (number(cells.cell("CHN", "IN")),) * 3,
    }
    assert cells.cell("CHN", "BF") == 19.343366194717767  # BF92, as the lead checked it
    lows = [
        cells.cell("CHN", "BG"),
        cells.cell("CHN", "IV"),
        cells.cell("CHN", "HX"),
        cells.cell("CHN", "IF"),
        cells.cell("CHN", "IN"),
    ]
    highs = [cells.cell("CHN", "BH"), *lows[1:]]
    assert (doc["total"]["low"], doc["total"]["high"]) == (number(math.fsum(lows)), number(math.fsum(highs)))
    assert doc["total"]["as_given"] is False  # computed from cells: shown to three figures
    assert doc["comparisons"] == []
    assert doc["region"]["code"] == "CHN" and doc["region"]["name"] == {"en": "China", "zh": "中国"}
    assert doc["region"]["omitted_references"] == ["unep"]
    codes = [w["code"] for w in doc["warnings"]]
    assert "omitted-references" in codes and "two-studies" in codes and "land" in codes


def test_a_country_s_figures_credit_the_studies_and_the_cells() -> None:
    analysis = analyse(Request(["afforestation", "biochar"], region="CHN", potential="economic"))
    sources = analysis.sources()
    assert sources[0] == (
        "Roe et al. (2021), SI sheet '1. Sectoral mitigation-country', row 92 (China), 'A/R (average)' "
        "(Austin et al 2020, 2015-2050; Busch 2019, 2020-2050), columns BF, BG, BH ('Cost-effective avg', "
        "'Cost-effective min', 'Cost-effective max'), MtCO2/yr"
    )
    studies = next(w for w in analysis.to_dict()["warnings"] if w["code"] == "studies")
    assert studies["message"] == (
        "Roe et al. (2021) adapt these figures from: Afforestation and reforestation: Austin et al 2020, "
        "2015-2050; Busch 2019, 2020-2050; Biochar: Griscom 2017, 2020-2050."
    )


@pytest.mark.parametrize("iso3", ["CHN", "IND", "BRA", "IDN", "USA"])
def test_technical_potential_of_five_countries(iso3: str) -> None:
    doc = analyse(
        Request(["afforestation", "improved-forest-management", "peatland-restoration"], region=iso3)
    ).to_dict()
    got = {e["technique"]: (e["low"], e["high"], e["central"]) for e in doc["entries"]}
    assert got == {
        "afforestation": tuple(number(cells.cell(iso3, c)) for c in ("BA", "BB", "AZ")),
        "improved-forest-management": tuple(number(cells.cell(iso3, c)) for c in ("CC", "CD", "CB")),
        "peatland-restoration": (number(cells.cell(iso3, "DD")),) * 3,
    }


def test_one_study_missing_means_the_other_study_s_figure() -> None:
    """USA: Busch (2019) covers the tropics only; the SI's average is Austin et al.'s."""
    doc = analyse(Request(["afforestation"], region="USA", potential="economic")).to_dict()
    (entry,) = doc["entries"]
    assert cells.cell("USA", "AV") is None  # Busch 2019, cost-effective: blank
    assert entry["low"] == entry["high"] == entry["central"] == number(cells.cell("USA", "AN"))


def test_a_region_s_figure_is_the_sum_over_its_members_cells() -> None:
    members = cells.members("region_ar6_5", "Africa and Middle East")
    central, low, high = cells.region_sum(members, "BF", "BG", "BH")
    doc = analyse(Request(["afforestation"], region="Africa and Middle East", potential="economic")).to_dict()
    assert (doc["total"]["low"], doc["total"]["high"]) == (number(low), number(high))
    assert doc["entries"][0]["central"] == number(central)
    assert doc["region"]["members"] == len(members) == 74
    assert doc["region"]["counted"] == {
        "afforestation": sum(cells.cell(c, "BF") is not None for c in members)
    }
    (c,) = doc["comparisons"]
    assert (c["reference"], c["low"], c["high"], c["unit"]) == ("ar6-ar-africa", 100.0, 400.0, "Mt CO2/yr")
    assert c["position"] == "contains"  # 94.8–406 holds 100–400
    assert c["difference"] == {"low": number(low - 100), "high": number(high - 400)}


def test_the_world_is_the_sum_over_every_country_not_a_global_assessment() -> None:
    central, _low, _high = cells.region_sum(cells.members(), "BF", "BG", "BH")
    assert round(central) == 1208  # AR6 7.4.2.2: "totals to about 1200 MtCO2 yr–1"
    doc = analyse(Request(["afforestation"], assessment="roe2021", potential="economic")).to_dict()
    assert doc["unit"] == "Gt CO2/yr"  # the world stays in Gt
    assert doc["entries"][0]["central"] == number(central / 1000)
    assert doc["region"]["code"] == "World" and doc["region"]["members"] == 248
    assert doc["region"]["left_out"] == ["ANT", "SCG"]
    region = next(w for w in doc["warnings"] if w["code"] == "region")
    assert "not a global assessment" in region["message"]
    assert [c["reference"] for c in doc["comparisons"]] == ["unep"]  # global in extent


@pytest.mark.parametrize(
    ("query", "code", "members"),
    [
        ("CHN", "CHN", 1),
        ("china", "CHN", 1),
        ("中国", "CHN", 1),
        ("ＣＨＮ", "CHN", 1),  # full-width
        ("Cote d'Ivoire", "CIV", 1),  # accents and apostrophes folded
        ("Congo, Dem. Rep.", "COD", 1),  # the SI's own name
        ("Eastern Asia", "region_ar6_10:Eastern Asia", 7),  # the coarser of two groupings with that name
        ("region_ar6_22:eastern asia", "region_ar6_22:Eastern Asia", 7),
        ("ldc", "region_ar6_dev:ldc", 47),
        ("最不发达国家", "region_ar6_dev:ldc", 47),
        ("世界", "World", 248),
    ],
)
def test_regions_are_found_however_they_are_written(query: str, code: str, members: int) -> None:
    from nbscdr_cli.io.roe2021 import load_roe2021

    region = load_roe2021().regions.find(query)
    assert (region.code, len(region.members)) == (code, members)


def test_an_unknown_region_gets_a_suggestion() -> None:
    with pytest.raises(InputError) as raised:
        analyse(Request(["afforestation"], region="Chian"))
    assert str(raised.value) == (
        "region: unknown region 'Chian' (did you mean 'China (CHN)'?); give an ISO3 code (CHN), a "
        "country's name, an AR6 region (Eastern Asia) or World; `nbscdr regions` lists them"
    )


@pytest.mark.parametrize(
    ("request_", "error", "line"),
    [
        (
            Request(["afforestation"], region="CHN", references=["unep"]),
            UsageError,
            "references: unep is a global figure: it is never compared with figures for China",
        ),
        (
            Request(["afforestation"], references=["ar6-ar-africa"], assessment="ar6", potential="economic"),
            UsageError,
            "references: ar6-ar-africa is a figure for Africa and Middle East: it is compared only with "
            "figures for that region (give the region 'region_ar6_5:Africa and Middle East')",
        ),
        (
            Request(["afforestation"], region="Africa and Middle East", references=["ar6-ar-africa"]),
            UsageError,
            "references: ar6-ar-africa is an economic potential: it is compared only with economic "
            "potentials (or set potential economic)",
        ),
        (
            Request(["afforestation"], region="CHN", assessment="ar6"),
            UsageError,
            "assessment: IPCC AR6 WGIII (2022) (ar6) gives global figures only; figures for China come from "
            "Roe et al. (2021): leave out the assessment or give roe2021",
        ),
        (
            Request(["afforestation"], region="CHN", fallback=True),
            UsageError,
            "fallback: a global figure never stands in for a country's or a region's: with a region, every "
            "figure is Roe et al. (2021)'s",
        ),
        (
            Request(["wetlands"], region="CHN"),
            InputError,
            "spec 1 'wetlands': technique 'wetlands' has no estimate in assessment 'roe2021' (Roe et al. "
            "(2021) give no figures for it by country)",
        ),
        (
            Request(["coastal-wetland-restoration"], region="Europe"),
            InputError,
            "spec 1 'coastal-wetland-restoration': technique 'coastal-wetland-restoration' has no estimate "
            "in assessment 'roe2021' (Roe et al. (2021) give no figure for it in Europe (AR6, 10 regions))",
        ),
        (
            Request(["afforestation"], region="Eastern Asia", iamc=True),
            UsageError,
            "iamc: Eastern Asia (AR6, 10 regions) is not one of the IAMC's regions (its R5 and R10 regions "
            "have other members): export its countries one by one (a region per run: an ISO3 code), or its "
            "figures as CSV or JSON",
        ),
    ],
    ids=[
        "global-ref",
        "regional-ref-global",
        "regional-ref-technical",
        "ar6",
        "fallback",
        "wetlands",
        "no-figure",
        "iamc",
    ],
)
def test_what_does_not_apply_is_refused(request_: Request, error: type, line: str) -> None:
    with pytest.raises(error) as raised:
        analyse(request_)
    assert str(raised.value) == line


def test_a_regional_reference_is_compared_only_where_it_applies() -> None:
    def compared(**options: object) -> list[str]:
        doc = analyse(Request(**options)).to_dict()  # type: ignore[arg-type]
        return [c["reference"] for c in doc["comparisons"]]

    africa = {"region": "Africa and Middle East", "specs": ["afforestation"]}
    assert compared(**africa, potential="economic") == ["ar6-ar-africa"]
    assert compared(**africa) == []  # a technical potential: AR6's figure is economic
    assert compared(region="Africa and Middle East", specs=["biochar"], potential="economic") == []  # not A/R
    assert (
        compared(region="Eastern Africa", specs=["afforestation"], potential="economic") == []
    )  # another region
    assert compared(specs=["afforestation"], assessment="ar6", potential="economic") == ["unep"]  # global


def test_each_member_s_figures_on_request_add_up_to_the_region() -> None:
    doc = analyse(
        Request(["afforestation", "biochar:50%"], region="Eastern Asia", potential="economic", countries=True)
    ).to_dict()
    rows = {c["iso3"]: c for c in doc["countries"]}
    assert sorted(rows) == sorted(c for c in cells.members("region_ar6_10", "Eastern Asia") if rows.get(c))
    china = {e["technique"]: e for e in rows["CHN"]["entries"]}
    assert china["biochar"]["low"] == number(cells.cell("CHN", "IV") * 0.5)
    assert china["afforestation"]["high"] == number(cells.cell("CHN", "BH"))
    # each row rounded to 12 digits (as every document's figure), so the sum to that precision
    assert math.isclose(
        math.fsum(c["total"]["high"] for c in doc["countries"]), doc["total"]["high"], rel_tol=1e-11
    )


def test_land_is_the_sis_area_per_measure_never_added_up() -> None:
    doc = analyse(Request(ECONOMIC_CHINA, region="CHN", potential="economic")).to_dict()
    parts = [(r["technique"], (r["part"] or {}).get("en"), r["hectares"], r["unit"]) for r in doc["land"]]
    assert parts == [
        ("afforestation", None, number(cells.cell("CHN", "BJ")), "ha/yr"),
        ("biochar", None, number(cells.cell("CHN", "IX")), "ha total"),
        ("soil-carbon", "croplands", number(cells.cell("CHN", "HZ")), "ha total"),
        ("soil-carbon", "grasslands", number(cells.cell("CHN", "IH")), "ha total"),
        ("agroforestry", None, number(cells.cell("CHN", "IP")), "ha total"),
    ]
    land = next(w for w in doc["warnings"] if w["code"] == "land")["message"]
    assert "measures may compete for the same land, so their areas are not added up" in land
    assert '"requiring about 200 Mha"' in land and '"5–10 t CO2 ha–1 yr–1"' in land


def test_units_mt_for_a_country_gt_for_the_world_as_asked_otherwise() -> None:
    assert analyse(Request(["biochar"], region="IND")).unit.text == "Mt CO2/yr"
    assert analyse(Request(["biochar"], region="World")).unit.text == "Gt CO2/yr"
    assert analyse(Request(["biochar"], region="IND", unit="Gt C/yr")).unit.text == "Gt C/yr"
    assert analyse(Request(["biochar"])).unit.text == "Gt CO2/yr"


def test_world_with_a_global_assessment_is_its_global_figures() -> None:
    a = analyse(Request(["afforestation"], region="World", assessment="ar6"))
    b = analyse(Request(["afforestation"], assessment="ar6"))
    assert a.to_dict() == b.to_dict()


def test_frames_carry_the_region() -> None:
    frame = analyse(Request(["afforestation", "soil-carbon"], region="BRA")).to_frame()
    assert list(frame["region"]) == ["BRA", "BRA"]  # the entries (the total is the CSV's)
    assert frame.loc["afforestation", "high"] == number(cells.cell("BRA", "BB"))
