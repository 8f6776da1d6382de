"""Roe et al. (2021) country data (issue 22, item 1).

data/roe2021.json is derived by scripts/derive_roe2021.py from the workbook copied into
data/sources/roe2021/ (see its README.md). These tests re-derive it and compare byte for byte,
and check figures for China, India, Brazil, Indonesia and the United States, copied by hand from
the workbook's cells, against both the derived file and the workbook cell read directly.

The workbook is read with openpyxl and the country names come from Babel: both are test/dev
dependencies only. nbscdr reads the derived file with the json module alone.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "data" / "sources" / "roe2021" / "roe2021-gcb15873-supinfo.xlsx"
DERIVED = ROOT / "data" / "roe2021.json"
SCRIPT = ROOT / "scripts" / "derive_roe2021.py"
SHEET = "1. Sectoral mitigation-country"
# data/sources/roe2021/README.md: the SI as stored in LobellLab/TFPtoCO2_paper at f912ffe
WORKBOOK_SHA256 = "66b0be7cd376b3f90f300f00eb9ee37744858a5e15fbb3a129f0e531cc0fd9ab"


@pytest.fixture(scope="module")
def derived() -> dict[str, Any]:
    with DERIVED.open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@pytest.fixture(scope="module")
def sheet() -> Iterator[Any]:
    book = openpyxl.load_workbook(WORKBOOK, data_only=False)
    yield book[SHEET]
    book.close()


def value(derived: dict[str, Any], iso3: str, column_id: str) -> Any:
    (country,) = [c for c in derived["countries"] if c["iso3"] == iso3]
    return country["values"][derived["columns"].index(column_id)]


def column_meta(derived: dict[str, Any], column_id: str) -> Any:
    (meta,) = [
        c for m in derived["measures"] for b in m["blocks"] for c in b["columns"] if c["id"] == column_id
    ]
    return meta


def test_the_workbook_is_the_documented_copy(derived: dict[str, Any]) -> None:
    assert hashlib.sha256(WORKBOOK.read_bytes()).hexdigest() == WORKBOOK_SHA256
    assert derived["source"]["workbook_sha256"] == WORKBOOK_SHA256
    assert derived["source"]["sheet"] == SHEET


def test_the_derived_file_is_what_the_script_makes_of_the_workbook(tmp_path: Path) -> None:
    out = tmp_path / "roe2021.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--workbook", str(WORKBOOK), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    fresh, committed = out.read_bytes(), DERIVED.read_bytes()
    if fresh != committed:
        pairs = zip(fresh.decode().splitlines(), committed.decode().splitlines(), strict=False)
        line = next((n for n, (a, b) in enumerate(pairs, 1) if a != b), None)
        pytest.fail(
            f"data/roe2021.json differs from a fresh derivation (first at line {line}); run "
            "scripts/derive_roe2021.py and check the diff (a Babel other than the pinned one "
            "changes the CLDR names)"
        )


def test_twenty_measures_and_250_countries(derived: dict[str, Any]) -> None:
    assert len(derived["measures"]) == 20
    isos = [c["iso3"] for c in derived["countries"]]
    assert len(isos) == 250 and isos == sorted(set(isos))
    assert all(len(c["values"]) == len(derived["columns"]) for c in derived["countries"])


def test_every_column_header_is_the_workbook_s_own(derived: dict[str, Any], sheet: Any) -> None:
    """Rows 2-11 of the sheet above each kept column, word for word."""
    for measure in derived["measures"]:
        for block in measure["blocks"]:
            first = block["columns"][0]["column"]
            assert block["name"] == sheet[f"{first}2"].value
            for c in block["columns"]:
                col = c["column"]
                got = [sheet[f"{col}{row}"].value for row in (3, 4, 5, 6, 7, 8, 9, 10, 11)]
                assert got == [
                    c["study"],
                    c["period"],
                    measure["category"],
                    measure["classification"],
                    measure["measure"],
                    c["estimate"],
                    c["type"],
                    c["unit"],
                    c["variable"],
                ], c["id"]


# (ISO3, column id in data/roe2021.json, workbook cell, the number the cell holds), copied from
# sheet "1. Sectoral mitigation-country"; the comment names the cell and its header rows 2, 9, 10.
# fmt: off
FIGURES = [
    # CHN: China, row 92
    ('CHN', 'afforestation-and-reforestation/average/technical-avg', 'AZ92', 265.3021636319237),  # AZ92: A/R (average) · Technical avg · MtCO2/yr
    ('CHN', 'afforestation-and-reforestation/average/technical-min', 'BA92', 127.96966040000001),  # BA92: A/R (average) · Technical min · MtCO2/yr
    ('CHN', 'afforestation-and-reforestation/average/technical-max', 'BB92', 402.63466686384743),  # BB92: A/R (average) · Technical max · MtCO2/yr
    ('CHN', 'afforestation-and-reforestation/average/cost-effective-avg', 'BF92', 19.343366194717767),  # BF92: A/R (average) · Cost-effective avg · MtCO2/yr
    ('CHN', 'afforestation-and-reforestation/average/cost-effective-min', 'BG92', 18.3740772),  # BG92: A/R (average) · Cost-effective min · MtCO2/yr
    ('CHN', 'afforestation-and-reforestation/average/cost-effective-max', 'BH92', 20.31265518943554),  # BH92: A/R (average) · Cost-effective max · MtCO2/yr
    ('CHN', 'forest-management/average/technical-avg', 'CB92', 182.81566341892292),  # CB92: Forest management (average) · Technical avg · MtCO2/yr
    ('CHN', 'forest-management/average/technical-min', 'CC92', 35.2721285141267),  # CC92: Forest management (average) · Technical min · MtCO2/yr
    ('CHN', 'forest-management/average/technical-max', 'CD92', 330.35919832371917),  # CD92: Forest management (average) · Technical max · MtCO2/yr
    ('CHN', 'forest-management/average/cost-effective-avg', 'CH92', 43.28764660645321),  # CH92: Forest management (average) · Cost-effective avg · MtCO2/yr
    ('CHN', 'forest-management/average/cost-effective-min', 'CI92', 21.16327710847602),  # CI92: Forest management (average) · Cost-effective min · MtCO2/yr
    ('CHN', 'forest-management/average/cost-effective-max', 'CJ92', 65.41201610443039),  # CJ92: Forest management (average) · Cost-effective max · MtCO2/yr
    ('CHN', 'peatland-restoration/humpenoder-2020/technical', 'DD92', 54.8994),  # DD92: Peatland restoration · Technical · MtCO2e/yr
    ('CHN', 'peatland-restoration/humpenoder-2020/cost-effective', 'DH92', 16.6249),  # DH92: Peatland restoration · Cost-effective · MtCO2e/yr
    ('CHN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical', 'DT92', 0.015043728832000001),  # DT92: Coastal wetland (mangrove) restoration (tropics) · Technical · MtCO2e/yr
    ('CHN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective', 'DX92', 0.0045131186496),  # DX92: Coastal wetland (mangrove) restoration (tropics) · Cost-effective · MtCO2e/yr
    ('CHN', 'soil-carbon-croplands/soils-revealed-2020/technical', 'HT92', 148.28151952223763),  # HT92: SCS croplands · Technical · MtCO2/yr
    ('CHN', 'soil-carbon-croplands/soils-revealed-2020/cost-effective', 'HX92', 133.4533675700139),  # HX92: SCS croplands · Cost-effective · MtCO2/yr
    ('CHN', 'soil-carbon-grasslands/soils-revealed-2020/technical', 'IB92', 162.34551768088255),  # IB92: SCS grasslands · Technical · MtCO2/yr
    ('CHN', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective', 'IF92', 97.40731060852954),  # IF92: SCS grasslands · Cost-effective · MtCO2/yr
    ('CHN', 'agroforestry/chapman-2020/technical', 'IJ92', 675.104152),  # IJ92: Agroforestry · Technical · MtCO2/yr
    ('CHN', 'agroforestry/chapman-2020/cost-effective', 'IN92', 135.0208304),  # IN92: Agroforestry · Cost-effective · MtCO2/yr
    ('CHN', 'biochar/griscom-2017/technical', 'IR92', 421.7641904),  # IR92: Biochar application · Technical · MtCO2e/yr
    ('CHN', 'biochar/griscom-2017/cost-effective', 'IV92', 329.393406502213),  # IV92: Biochar application · Cost-effective · MtCO2e/yr
    # IND: India, row 98
    ('IND', 'afforestation-and-reforestation/average/technical-avg', 'AZ98', 327.87125955013767),  # AZ98: A/R (average) · Technical avg · MtCO2/yr
    ('IND', 'afforestation-and-reforestation/average/technical-min', 'BA98', 145.58709266694203),  # BA98: A/R (average) · Technical min · MtCO2/yr
    ('IND', 'afforestation-and-reforestation/average/technical-max', 'BB98', 510.1554264333333),  # BB98: A/R (average) · Technical max · MtCO2/yr
    ('IND', 'afforestation-and-reforestation/average/cost-effective-avg', 'BF98', 38.646026238464444),  # BF98: A/R (average) · Cost-effective avg · MtCO2/yr
    ('IND', 'afforestation-and-reforestation/average/cost-effective-min', 'BG98', 38.217745276928895),  # BG98: A/R (average) · Cost-effective min · MtCO2/yr
    ('IND', 'afforestation-and-reforestation/average/cost-effective-max', 'BH98', 39.0743072),  # BH98: A/R (average) · Cost-effective max · MtCO2/yr
    ('IND', 'forest-management/average/technical-avg', 'CB98', 90.93666211493111),  # CB98: Forest management (average) · Technical avg · MtCO2/yr
    ('IND', 'forest-management/average/technical-min', 'CC98', 11.79),  # CC98: Forest management (average) · Technical min · MtCO2/yr
    ('IND', 'forest-management/average/technical-max', 'CD98', 170.08332422986223),  # CD98: Forest management (average) · Technical max · MtCO2/yr
    ('IND', 'forest-management/average/cost-effective-avg', 'CH98', 31.501497008386515),  # CH98: Forest management (average) · Cost-effective avg · MtCO2/yr
    ('IND', 'forest-management/average/cost-effective-min', 'CI98', 8.54),  # CI98: Forest management (average) · Cost-effective min · MtCO2/yr
    ('IND', 'forest-management/average/cost-effective-max', 'CJ98', 54.46299401677303),  # CJ98: Forest management (average) · Cost-effective max · MtCO2/yr
    ('IND', 'peatland-restoration/humpenoder-2020/technical', 'DD98', 0),  # DD98: Peatland restoration · Technical · MtCO2e/yr
    ('IND', 'peatland-restoration/humpenoder-2020/cost-effective', 'DH98', 0),  # DH98: Peatland restoration · Cost-effective · MtCO2e/yr
    ('IND', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical', 'DT98', 0.3576516678826668),  # DT98: Coastal wetland (mangrove) restoration (tropics) · Technical · MtCO2e/yr
    ('IND', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective', 'DX98', 0.10729550036480004),  # DX98: Coastal wetland (mangrove) restoration (tropics) · Cost-effective · MtCO2e/yr
    ('IND', 'soil-carbon-croplands/soils-revealed-2020/technical', 'HT98', 132.9232073280649),  # HT98: SCS croplands · Technical · MtCO2/yr
    ('IND', 'soil-carbon-croplands/soils-revealed-2020/cost-effective', 'HX98', 119.63088659525843),  # HX98: SCS croplands · Cost-effective · MtCO2/yr
    ('IND', 'soil-carbon-grasslands/soils-revealed-2020/technical', 'IB98', 19.811646486024188),  # IB98: SCS grasslands · Technical · MtCO2/yr
    ('IND', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective', 'IF98', 11.886987891614515),  # IF98: SCS grasslands · Cost-effective · MtCO2/yr
    ('IND', 'agroforestry/chapman-2020/technical', 'IJ98', 630.1399133),  # IJ98: Agroforestry · Technical · MtCO2/yr
    ('IND', 'agroforestry/chapman-2020/cost-effective', 'IN98', 126.02798270000001),  # IN98: Agroforestry · Cost-effective · MtCO2/yr
    ('IND', 'biochar/griscom-2017/technical', 'IR98', 217.6543543),  # IR98: Biochar application · Technical · MtCO2e/yr
    ('IND', 'biochar/griscom-2017/cost-effective', 'IV98', 165.620523789325),  # IV98: Biochar application · Cost-effective · MtCO2e/yr
    # BRA: Brazil, row 221
    ('BRA', 'afforestation-and-reforestation/average/technical-avg', 'AZ221', 1743.389990001916),  # AZ221: A/R (average) · Technical avg · MtCO2/yr
    ('BRA', 'afforestation-and-reforestation/average/technical-min', 'BA221', 1479.243395203832),  # BA221: A/R (average) · Technical min · MtCO2/yr
    ('BRA', 'afforestation-and-reforestation/average/technical-max', 'BB221', 2007.5365848),  # BB221: A/R (average) · Technical max · MtCO2/yr
    ('BRA', 'afforestation-and-reforestation/average/cost-effective-avg', 'BF221', 274.3901833862109),  # BF221: A/R (average) · Cost-effective avg · MtCO2/yr
    ('BRA', 'afforestation-and-reforestation/average/cost-effective-min', 'BG221', 244.17375330000002),  # BG221: A/R (average) · Cost-effective min · MtCO2/yr
    ('BRA', 'afforestation-and-reforestation/average/cost-effective-max', 'BH221', 304.6066134724217),  # BH221: A/R (average) · Cost-effective max · MtCO2/yr
    ('BRA', 'forest-management/average/technical-avg', 'CB221', 142.86853044973088),  # CB221: Forest management (average) · Technical avg · MtCO2/yr
    ('BRA', 'forest-management/average/technical-min', 'CC221', 4.48),  # CC221: Forest management (average) · Technical min · MtCO2/yr
    ('BRA', 'forest-management/average/technical-max', 'CD221', 281.25706089946175),  # CD221: Forest management (average) · Technical max · MtCO2/yr
    ('BRA', 'forest-management/average/cost-effective-avg', 'CH221', 58.63920686570262),  # CH221: Forest management (average) · Cost-effective avg · MtCO2/yr
    ('BRA', 'forest-management/average/cost-effective-min', 'CI221', 3.41),  # CI221: Forest management (average) · Cost-effective min · MtCO2/yr
    ('BRA', 'forest-management/average/cost-effective-max', 'CJ221', 113.86841373140524),  # CJ221: Forest management (average) · Cost-effective max · MtCO2/yr
    ('BRA', 'peatland-restoration/humpenoder-2020/technical', 'DD221', 14.0407),  # DD221: Peatland restoration · Technical · MtCO2e/yr
    ('BRA', 'peatland-restoration/humpenoder-2020/cost-effective', 'DH221', 4.567),  # DH221: Peatland restoration · Cost-effective · MtCO2e/yr
    ('BRA', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical', 'DT221', 1.1517708524373327),  # DT221: Coastal wetland (mangrove) restoration (tropics) · Technical · MtCO2e/yr
    ('BRA', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective', 'DX221', 0.3455312557311998),  # DX221: Coastal wetland (mangrove) restoration (tropics) · Cost-effective · MtCO2e/yr
    ('BRA', 'soil-carbon-croplands/soils-revealed-2020/technical', 'HT221', 66.91198593580893),  # HT221: SCS croplands · Technical · MtCO2/yr
    ('BRA', 'soil-carbon-croplands/soils-revealed-2020/cost-effective', 'HX221', 60.22078734222804),  # HX221: SCS croplands · Cost-effective · MtCO2/yr
    ('BRA', 'soil-carbon-grasslands/soils-revealed-2020/technical', 'IB221', 107.37401031844873),  # IB221: SCS grasslands · Technical · MtCO2/yr
    ('BRA', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective', 'IF221', 64.42440619106925),  # IF221: SCS grasslands · Cost-effective · MtCO2/yr
    ('BRA', 'agroforestry/chapman-2020/technical', 'IJ221', 278.8945608),  # IJ221: Agroforestry · Technical · MtCO2/yr
    ('BRA', 'agroforestry/chapman-2020/cost-effective', 'IN221', 55.778912170000005),  # IN221: Agroforestry · Cost-effective · MtCO2/yr
    ('BRA', 'biochar/griscom-2017/technical', 'IR221', 329.9373762),  # IR221: Biochar application · Technical · MtCO2e/yr
    ('BRA', 'biochar/griscom-2017/cost-effective', 'IV221', 255.958223587862),  # IV221: Biochar application · Cost-effective · MtCO2e/yr
    # IDN: Indonesia, row 99
    ('IDN', 'afforestation-and-reforestation/average/technical-avg', 'AZ99', 331.23751114830964),  # AZ99: A/R (average) · Technical avg · MtCO2/yr
    ('IDN', 'afforestation-and-reforestation/average/technical-min', 'BA99', 297.8930315),  # BA99: A/R (average) · Technical min · MtCO2/yr
    ('IDN', 'afforestation-and-reforestation/average/technical-max', 'BB99', 364.5819907966192),  # BB99: A/R (average) · Technical max · MtCO2/yr
    ('IDN', 'afforestation-and-reforestation/average/cost-effective-avg', 'BF99', 60.30266243353407),  # BF99: A/R (average) · Cost-effective avg · MtCO2/yr
    ('IDN', 'afforestation-and-reforestation/average/cost-effective-min', 'BG99', 53.92744756706815),  # BG99: A/R (average) · Cost-effective min · MtCO2/yr
    ('IDN', 'afforestation-and-reforestation/average/cost-effective-max', 'BH99', 66.67787729999999),  # BH99: A/R (average) · Cost-effective max · MtCO2/yr
    ('IDN', 'forest-management/average/technical-avg', 'CB99', 146.04362850135772),  # CB99: Forest management (average) · Technical avg · MtCO2/yr
    ('IDN', 'forest-management/average/technical-min', 'CC99', 46.067257002715436),  # CC99: Forest management (average) · Technical min · MtCO2/yr
    ('IDN', 'forest-management/average/technical-max', 'CD99', 246.02),  # CD99: Forest management (average) · Technical max · MtCO2/yr
    ('IDN', 'forest-management/average/cost-effective-avg', 'CH99', 105.52536001758997),  # CH99: Forest management (average) · Cost-effective avg · MtCO2/yr
    ('IDN', 'forest-management/average/cost-effective-min', 'CI99', 23.560720035179934),  # CI99: Forest management (average) · Cost-effective min · MtCO2/yr
    ('IDN', 'forest-management/average/cost-effective-max', 'CJ99', 187.49),  # CJ99: Forest management (average) · Cost-effective max · MtCO2/yr
    ('IDN', 'peatland-restoration/humpenoder-2020/technical', 'DD99', 607.433),  # DD99: Peatland restoration · Technical · MtCO2e/yr
    ('IDN', 'peatland-restoration/humpenoder-2020/cost-effective', 'DH99', 337.7155),  # DH99: Peatland restoration · Cost-effective · MtCO2e/yr
    ('IDN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical', 'DT99', 4.379141375487998),  # DT99: Coastal wetland (mangrove) restoration (tropics) · Technical · MtCO2e/yr
    ('IDN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective', 'DX99', 1.3137424126463992),  # DX99: Coastal wetland (mangrove) restoration (tropics) · Cost-effective · MtCO2e/yr
    ('IDN', 'soil-carbon-croplands/soils-revealed-2020/technical', 'HT99', 6.859000140925121),  # HT99: SCS croplands · Technical · MtCO2/yr
    ('IDN', 'soil-carbon-croplands/soils-revealed-2020/cost-effective', 'HX99', 6.173100126832609),  # HX99: SCS croplands · Cost-effective · MtCO2/yr
    ('IDN', 'soil-carbon-grasslands/soils-revealed-2020/technical', 'IB99', 0.834115851800616),  # IB99: SCS grasslands · Technical · MtCO2/yr
    ('IDN', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective', 'IF99', 0.5004695110803695),  # IF99: SCS grasslands · Cost-effective · MtCO2/yr
    ('IDN', 'agroforestry/chapman-2020/technical', 'IJ99', 20.3209696),  # IJ99: Agroforestry · Technical · MtCO2/yr
    ('IDN', 'agroforestry/chapman-2020/cost-effective', 'IN99', 4.06419392),  # IN99: Agroforestry · Cost-effective · MtCO2/yr
    ('IDN', 'biochar/griscom-2017/technical', 'IR99', 110.8118242),  # IR99: Biochar application · Technical · MtCO2e/yr
    ('IDN', 'biochar/griscom-2017/cost-effective', 'IV99', 84.782022059554),  # IV99: Biochar application · Cost-effective · MtCO2e/yr
    # USA: United States, row 197
    ('USA', 'afforestation-and-reforestation/average/technical-avg', 'AZ197', 1272.7812817814386),  # AZ197: A/R (average) · Technical avg · MtCO2/yr
    ('USA', 'afforestation-and-reforestation/average/technical-min', 'BA197', 1272.7812817814386),  # BA197: A/R (average) · Technical min · MtCO2/yr
    ('USA', 'afforestation-and-reforestation/average/technical-max', 'BB197', 1272.7812817814386),  # BB197: A/R (average) · Technical max · MtCO2/yr
    ('USA', 'afforestation-and-reforestation/average/cost-effective-avg', 'BF197', 152.414977732743),  # BF197: A/R (average) · Cost-effective avg · MtCO2/yr
    ('USA', 'afforestation-and-reforestation/average/cost-effective-min', 'BG197', 152.414977732743),  # BG197: A/R (average) · Cost-effective min · MtCO2/yr
    ('USA', 'afforestation-and-reforestation/average/cost-effective-max', 'BH197', 152.414977732743),  # BH197: A/R (average) · Cost-effective max · MtCO2/yr
    ('USA', 'forest-management/average/technical-avg', 'CB197', 96.53559412387918),  # CB197: Forest management (average) · Technical avg · MtCO2/yr
    ('USA', 'forest-management/average/technical-min', 'CC197', 65.7226975291971),  # CC197: Forest management (average) · Technical min · MtCO2/yr
    ('USA', 'forest-management/average/technical-max', 'CD197', 127.34849071856124),  # CD197: Forest management (average) · Technical max · MtCO2/yr
    ('USA', 'forest-management/average/cost-effective-avg', 'CH197', 39.60475330905443),  # CH197: Forest management (average) · Cost-effective avg · MtCO2/yr
    ('USA', 'forest-management/average/cost-effective-min', 'CI197', 39.43361851751826),  # CI197: Forest management (average) · Cost-effective min · MtCO2/yr
    ('USA', 'forest-management/average/cost-effective-max', 'CJ197', 39.77588810059059),  # CJ197: Forest management (average) · Cost-effective max · MtCO2/yr
    ('USA', 'peatland-restoration/humpenoder-2020/technical', 'DD197', 13.603),  # DD197: Peatland restoration · Technical · MtCO2e/yr
    ('USA', 'peatland-restoration/humpenoder-2020/cost-effective', 'DH197', 0.198),  # DH197: Peatland restoration · Cost-effective · MtCO2e/yr
    ('USA', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical', 'DT197', 0.5324205042346665),  # DT197: Coastal wetland (mangrove) restoration (tropics) · Technical · MtCO2e/yr
    ('USA', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective', 'DX197', 0.15972615127039994),  # DX197: Coastal wetland (mangrove) restoration (tropics) · Cost-effective · MtCO2e/yr
    ('USA', 'soil-carbon-croplands/soils-revealed-2020/technical', 'HT197', 71.85552632694186),  # HT197: SCS croplands · Technical · MtCO2/yr
    ('USA', 'soil-carbon-croplands/soils-revealed-2020/cost-effective', 'HX197', 64.66997369424767),  # HX197: SCS croplands · Cost-effective · MtCO2/yr
    ('USA', 'soil-carbon-grasslands/soils-revealed-2020/technical', 'IB197', 243.5401728082339),  # IB197: SCS grasslands · Technical · MtCO2/yr
    ('USA', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective', 'IF197', 146.12410368494037),  # IF197: SCS grasslands · Cost-effective · MtCO2/yr
    ('USA', 'agroforestry/chapman-2020/technical', 'IJ197', 381.3215678),  # IJ197: Agroforestry · Technical · MtCO2/yr
    ('USA', 'agroforestry/chapman-2020/cost-effective', 'IN197', 76.26431357),  # IN197: Agroforestry · Cost-effective · MtCO2/yr
    ('USA', 'biochar/griscom-2017/technical', 'IR197', 327.3260925),  # IR197: Biochar application · Technical · MtCO2e/yr
    ('USA', 'biochar/griscom-2017/cost-effective', 'IV197', 259.776198204078),  # IV197: Biochar application · Cost-effective · MtCO2e/yr
    # CHN, area and density of the same measures
    ('CHN', 'afforestation-and-reforestation/average/technical-ha', 'BD92', 3194005.287711739),  # BD92: A/R (average) · Technical ha · ha/yr
    ('CHN', 'afforestation-and-reforestation/average/technical-density', 'BE92', 155.70356329976204),  # BE92: A/R (average) · Technical density · tCO2/ha
    ('CHN', 'afforestation-and-reforestation/average/cost-effective-ha', 'BJ92', 328515.1293801284),  # BJ92: A/R (average) · Cost-effective ha · ha/yr
    ('CHN', 'afforestation-and-reforestation/average/cost-effective-density', 'BK92', 116.18478231709143),  # BK92: A/R (average) · Cost-effective density · tCO2/ha
    ('CHN', 'forest-management/average/technical-ha', 'CF92', 7218193.533187551),  # CF92: Forest management (average) · Technical ha · ha/yr
    ('CHN', 'forest-management/average/technical-density', 'CG92', 45.76757284281801),  # CG92: Forest management (average) · Technical density · tCO2/ha
    ('CHN', 'forest-management/average/cost-effective-ha', 'CL92', 4847126.681228254),  # CL92: Forest management (average) · Cost-effective ha · ha/yr
    ('CHN', 'forest-management/average/cost-effective-density', 'CM92', 13.49500857028459),  # CM92: Forest management (average) · Cost-effective density · tCO2/ha
    ('CHN', 'peatland-restoration/humpenoder-2020/technical-ha', 'DF92', 2001999.9999999998),  # DF92: Peatland restoration · Technical ha · ha total
    ('CHN', 'peatland-restoration/humpenoder-2020/technical-density', 'DG92', 822.6683316683318),  # DG92: Peatland restoration · Technical density · tCO2e/ha
    ('CHN', 'peatland-restoration/humpenoder-2020/cost-effective-ha', 'DJ92', 546300),  # DJ92: Peatland restoration · Cost-effective ha · ha total
    ('CHN', 'peatland-restoration/humpenoder-2020/cost-effective-density', 'DK92', 912.9544206479956),  # DK92: Peatland restoration · Cost-effective density · tCO2e/ha
    ('CHN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical-ha', 'DV92', 641.06799),  # DV92: Coastal wetland (mangrove) restoration (tropics) · Technical ha · ha total
    ('CHN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/technical-density', 'DW92', 704),  # DW92: Coastal wetland (mangrove) restoration (tropics) · Technical density · tCO2e/ha
    ('CHN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective-ha', 'DZ92', 192.32039699999999),  # DZ92: Coastal wetland (mangrove) restoration (tropics) · Cost-effective ha · ha total
    ('CHN', 'coastal-wetland-mangrove-restoration/griscom-2020-from-ellis-2019/cost-effective-density', 'EA92', 704),  # EA92: Coastal wetland (mangrove) restoration (tropics) · Cost-effective density · tCO2e/ha
    ('CHN', 'soil-carbon-croplands/soils-revealed-2020/technical-ha', 'HV92', 171497539.05892238),  # HV92: SCS croplands · Technical ha · ha total
    ('CHN', 'soil-carbon-croplands/soils-revealed-2020/technical-density', 'HW92', 25.93883043498806),  # HW92: SCS croplands · Technical density · tCO2/ha
    ('CHN', 'soil-carbon-croplands/soils-revealed-2020/cost-effective-ha', 'HZ92', 154347785.15303016),  # HZ92: SCS croplands · Cost-effective ha · ha total
    ('CHN', 'soil-carbon-croplands/soils-revealed-2020/cost-effective-density', 'IA92', 25.938830434988063),  # IA92: SCS croplands · Cost-effective density · tCO2/ha
    ('CHN', 'soil-carbon-grasslands/soils-revealed-2020/technical-ha', 'ID92', 164552700.078711),  # ID92: SCS grasslands · Technical ha · ha total
    ('CHN', 'soil-carbon-grasslands/soils-revealed-2020/technical-density', 'IE92', 29.59760324866635),  # IE92: SCS grasslands · Technical density · tCO2/ha
    ('CHN', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective-ha', 'IH92', 98731620.0472266),  # IH92: SCS grasslands · Cost-effective ha · ha total
    ('CHN', 'soil-carbon-grasslands/soils-revealed-2020/cost-effective-density', 'II92', 29.597603248666356),  # II92: SCS grasslands · Cost-effective density · tCO2/ha
    ('CHN', 'agroforestry/chapman-2020/technical-ha', 'IL92', 358930728.624986),  # IL92: Agroforestry · Technical ha · ha total
    ('CHN', 'agroforestry/chapman-2020/technical-density', 'IM92', 56.42627656201775),  # IM92: Agroforestry · Technical density · tCO2/ha
    ('CHN', 'agroforestry/chapman-2020/cost-effective-ha', 'IP92', 71786145.72499721),  # IP92: Agroforestry · Cost-effective ha · ha total
    ('CHN', 'agroforestry/chapman-2020/cost-effective-density', 'IQ92', 56.42627656201774),  # IQ92: Agroforestry · Cost-effective density · tCO2/ha
    ('CHN', 'biochar/griscom-2017/technical-ha', 'IT92', 96195483.0731656),  # IT92: Biochar application · Technical ha · ha total
    ('CHN', 'biochar/griscom-2017/technical-density', 'IU92', 131.53347026051395),  # IU92: Biochar application · Technical density · tCO2/ha
    ('CHN', 'biochar/griscom-2017/cost-effective-ha', 'IX92', 72760505.8566444),  # IX92: Biochar application · Cost-effective ha · ha total
    ('CHN', 'biochar/griscom-2017/cost-effective-density', 'IY92', 135.81271980895656),  # IY92: Biochar application · Cost-effective density · tCO2/ha
]
# fmt: on


@pytest.mark.parametrize(
    ("iso3", "column_id", "cell", "number"), FIGURES, ids=[f"{f[0]}-{f[2]}" for f in FIGURES]
)
def test_figures_are_the_workbook_s_cells(
    derived: dict[str, Any], sheet: Any, iso3: str, column_id: str, cell: str, number: float
) -> None:
    assert sheet[cell].value == number  # the workbook says so
    assert value(derived, iso3, column_id) == number  # and so does the derived file
    (country,) = [c for c in derived["countries"] if c["iso3"] == iso3]
    letters = cell.rstrip("0123456789")
    assert (column_meta(derived, column_id)["column"], country["row"]) == (letters, int(cell[len(letters) :]))
    assert sheet[f"B{country['row']}"].value == iso3


# (ISO3, cells D-G, region_ar6_5, region_ar6_10, region_ar6_22, region_ar6_dev) as the sheet gives them
REGIONS = [
    ("CHN", "D92:G92", "Asia and developing Pacific", "Eastern Asia", "Eastern Asia", "developing"),
    ("IND", "D98:G98", "Asia and developing Pacific", "Southern Asia", "India & Sri Lanka", "developing"),
    (
        "BRA",
        "D221:G221",
        "Latin America and Caribbean",
        "Latin America and Caribbean",
        "South America",
        "developing",
    ),
    (
        "IDN",
        "D99:G99",
        "Asia and developing Pacific",
        "South-East Asia and developing Pacific",
        "South-East Asia",
        "developing",
    ),
    ("USA", "D197:G197", "Developed Countries", "North America", "USA & Canada", "developed"),
]


@pytest.mark.parametrize(("iso3", "cells", "r5", "r10", "r22", "dev"), REGIONS, ids=[r[0] for r in REGIONS])
def test_region_keys(
    derived: dict[str, Any], sheet: Any, iso3: str, cells: str, r5: str, r10: str, r22: str, dev: str
) -> None:
    (country,) = [c for c in derived["countries"] if c["iso3"] == iso3]
    keys = ("region_ar6_5", "region_ar6_10", "region_ar6_22", "region_ar6_dev")
    assert [country[k] for k in keys] == [r5, r10, r22, dev]
    assert [c.value for c in sheet[cells][0]] == [r5, r10, r22, dev]


def test_names_in_english_and_chinese_come_from_cldr(derived: dict[str, Any]) -> None:
    names = {c["iso3"]: (c["name"], c["alpha2"], c["name_en"], c["name_zh"]) for c in derived["countries"]}
    assert names["CHN"] == ("China", "CN", "China", "中国")
    assert names["IND"] == ("India", "IN", "India", "印度")
    assert names["BRA"] == ("Brazil", "BR", "Brazil", "巴西")
    assert names["IDN"] == ("Indonesia", "ID", "Indonesia", "印度尼西亚")
    assert names["USA"] == ("United States", "US", "United States", "美国")
    # historic codes that CLDR maps to several territories get no alpha-2 and no CLDR name
    assert names["SCG"] == ("Serbia and Montenegro", None, None, None)
    assert names["ANT"] == ("Netherlands Antilles", None, None, None)


@pytest.mark.parametrize(
    ("iso3", "column_id", "cell"),
    [
        ("CHN", "reduce-deforestation/austin-et-al-2020/technical", "H92"),  # empty cell
        ("USA", "afforestation-and-reforestation/busch-2019/technical", "AR197"),  # tropics only
        ("CHN", "reduce-deforestation/austin-et-al-2020/technical-density", "K92"),  # empty string
    ],
)
def test_blank_cells_are_null_never_zero(
    derived: dict[str, Any], sheet: Any, iso3: str, column_id: str, cell: str
) -> None:
    assert sheet[cell].value in (None, "")
    assert value(derived, iso3, column_id) is None


def test_text_in_a_number_column_is_null_and_listed(derived: dict[str, Any], sheet: Any) -> None:
    assert derived["source"]["text_cells"] == [
        {"cell": "JV14", "text": "0 2021"},
        {"cell": "BT126", "text": "   "},
    ]
    for entry in derived["source"]["text_cells"]:
        assert sheet[entry["cell"]].value == entry["text"]
