"""Derive data/roe2021.json from the Roe et al. (2021) supplementary workbook.

    python scripts/derive_roe2021.py [--workbook PATH] [--out PATH]

Reads sheet "1. Sectoral mitigation-country" of data/sources/roe2021/roe2021-gcb15873-supinfo.xlsx
(see data/sources/roe2021/README.md) and writes a small JSON file that nbscdr reads at run time
with the standard library alone. The output is the same to the byte on every run from the same
workbook, openpyxl and Babel (tests/sources/test_roe2021.py re-derives it and compares).

What is kept:
- the 20 mitigation measures (header row 7 other than "Total" and "Percent"); for each, every block of columns
  (one block per study it is adapted from, plus the "(average)" block where two studies are
  combined), and in each block every column whose estimate (row 8) is "Potential annual", "Area"
  or "Density". The header words of rows 1-11 are kept verbatim (trailing spaces included).
- every country row (ISO3 in column B): ISO3, name as the SI gives it, the four AR6 region keys,
  English and Chinese names from CLDR via Babel (ISO3 to alpha-2 by CLDR's territory aliases),
  and the values, in the order of the top-level "columns" list.
- numbers exactly as the cells hold them (the same IEEE double; JSON gives its shortest repr).
  An empty cell or a cell holding an empty string is null, never 0. A cell holding other text
  is null too, and is listed with its text in source.text_cells.

Needs openpyxl and Babel (test/dev dependencies only; nbscdr itself does not import them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORKBOOK = ROOT / "data" / "sources" / "roe2021" / "roe2021-gcb15873-supinfo.xlsx"
OUT = ROOT / "data" / "roe2021.json"

SHEET = "1. Sectoral mitigation-country"
README_SHEET = "Readme"
HEADER_ROWS = range(1, 12)  # 1 section, 2 name, 3 adapted from, 4 period, 5 category,
#                             6 classification, 7 measure, 8 estimate, 9 type, 10 units, 11 variable
FIRST_DATA_ROW = 12
FIRST_MEASURE_COLUMN = 8  # H
KEPT_ESTIMATES = ("Potential annual", "Area", "Density")
REGION_KEYS = ("region_ar6_5", "region_ar6_10", "region_ar6_22", "region_ar6_dev")
CHINESE_LOCALE = "zh"  # CLDR's zh is zh_Hans (simplified)

# The layout this script was written for: each measure (row 7, verbatim) and the names (row 2)
# of its blocks in sheet order. A workbook laid out otherwise is refused, not guessed at.
EXPECTED_MEASURES: dict[str, tuple[str, ...]] = {
    "Reduce deforestation": (
        "Reduce deforestation (global)",
        "Reduce deforestation (tropics)",
        "Reduce deforestation (average)",
    ),
    "Afforestation and reforestation": (
        "Afforestation/ Reforestation (global)",
        "Reforestation (tropics)",
        "A/R (average)",
    ),
    "Forest management ": (
        "Forest management (global)",
        "Forest management (tropics)",
        "Forest management (average)",
    ),
    "Grassland and savanna fire mgmt": ("Grassland and savanna fire mgmt",),
    "Reduce peatland degradation and conversion": (
        "Reduce peatland degradation (dredging, burning, draining)",
    ),
    "Peatland restoration": ("Peatland restoration",),
    "Reduce mangrove loss": ("Reduce conversion of mangroves",),
    "Coastal wetland (mangrove) restoration ": ("Coastal wetland (mangrove) restoration (tropics)",),
    "Enteric fermentation": ("Enteric fermentation",),
    "Manure management": ("Manure management",),
    "Rice cultivation": (
        "Improved rice production",
        "Improved rice production",
        "Improved rice production (average)",
    ),
    "Nutrient management": (
        "Nutrient management",
        "Nutrient management",
        "Nutrient management (average)",
    ),
    "Soil carbon croplands": ("SCS croplands",),
    "Soil carbon grasslands": ("SCS grasslands",),
    "Agroforestry": ("Agroforestry",),
    "Biochar": ("Biochar application",),
    "BECCS": ("BECCS",),
    "Food waste": ("Food waste",),
    "Healthy diets": ("Healthy diets",),
    "Clean cookstoves": ("Increase clean cookstoves, reduce wood fuel",),
}
COUNTRY_ROWS = 250


class LayoutError(Exception):
    """The workbook is not laid out as this script expects."""


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def slug(text: str) -> str:
    """Kebab-case id from header words: 'Humpenöder 2020' -> 'humpenoder-2020'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def blank(value: Any) -> bool:
    return value is None or value == ""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_sheets(workbook: Path) -> tuple[list[tuple[Any, ...]], str]:
    """The data sheet's rows (values as the cells hold them) and the Readme's text."""
    import openpyxl  # a test/dev dependency only

    book = openpyxl.load_workbook(workbook, read_only=True, data_only=False)
    try:
        rows = [tuple(row) for row in book[SHEET].iter_rows(values_only=True)]
        readme = "\n".join(
            str(value) for row in book[README_SHEET].iter_rows(values_only=True) for value in row if value
        )
    finally:
        book.close()
    return rows, readme


def citation(readme: str) -> str:
    found = re.search(r"^APA citation: (.+)$", readme, re.MULTILINE)
    if not found:
        raise LayoutError("the Readme sheet has no 'APA citation:' line")
    return found.group(1)


def header(rows: list[tuple[Any, ...]], row: int, col: int) -> Any:
    line = rows[row - 1]
    return line[col - 1] if col - 1 < len(line) else None


def measures_table(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The 20 measures with their blocks and kept columns, in sheet order."""
    width = max(len(r) for r in rows[: HEADER_ROWS.stop - 1])
    section = None
    blocks: list[dict[str, Any]] = []  # each: first column, name, columns
    for col in range(FIRST_MEASURE_COLUMN, width + 1):
        if not blank(header(rows, 1, col)):
            section = header(rows, 1, col)
        if not blank(header(rows, 2, col)):
            blocks.append({"name": header(rows, 2, col), "section": section, "cols": []})
        if blocks:
            blocks[-1]["cols"].append(col)

    measures: dict[str, dict[str, Any]] = {}
    for block in blocks:
        first = block["cols"][0]
        measure = header(rows, 7, first)
        category = header(rows, 5, first)
        if blank(category) or blank(measure) or measure in ("Total", "Percent"):
            continue  # totals, percentages, emissions, drivers of emissions, land areas
        for col in block["cols"]:
            for row, what in ((5, "category"), (6, "classification"), (7, "measure")):
                if header(rows, row, col) != header(rows, row, first):
                    raise LayoutError(f"{column_letter(col)}{row}: {what} differs within a block")
        studies = {header(rows, 3, c) for c in block["cols"]}
        if block["name"].endswith("(average)"):
            if studies != {None}:
                raise LayoutError(f"{column_letter(first)}: an average block names a study")
            block_id = "average"
        else:
            block_id = slug(str(header(rows, 3, first)))
        entry = measures.setdefault(
            measure,
            {
                "id": slug(measure),
                "section": block["section"],
                "category": category,
                "classification": header(rows, 6, first),
                "measure": measure,
                "blocks": [],
            },
        )
        if entry["category"] != category or entry["classification"] != header(rows, 6, first):
            raise LayoutError(f"{measure!r}: blocks differ in category or classification")
        columns = []
        for col in block["cols"]:
            if header(rows, 8, col) not in KEPT_ESTIMATES:
                continue
            kind = slug(str(header(rows, 9, col)))
            columns.append(
                {
                    "id": f"{entry['id']}/{block_id}/{kind}",
                    "column": column_letter(col),
                    "variable": header(rows, 11, col),
                    "study": header(rows, 3, col),
                    "period": header(rows, 4, col),
                    "estimate": header(rows, 8, col),
                    "type": header(rows, 9, col),
                    "unit": header(rows, 10, col),
                }
            )
        entry["blocks"].append({"id": block_id, "name": block["name"], "columns": columns})

    found = {m: tuple(b["name"] for b in e["blocks"]) for m, e in measures.items()}
    if found != EXPECTED_MEASURES:
        raise LayoutError(f"measures and blocks are not the expected ones: {found}")
    result = list(measures.values())
    ids = [c["id"] for m in result for b in m["blocks"] for c in b["columns"]]
    if len(ids) != len(set(ids)) or len({m["id"] for m in result}) != len(result):
        raise LayoutError("ids are not unique")
    return result


def cldr_names() -> tuple[dict[str, str], dict[str, str], dict[str, str], str]:
    """ISO3 -> alpha-2 (CLDR territory aliases that name one territory), English and Chinese
    territory names, and the CLDR/Babel versions, all from Babel."""
    import babel
    from babel import Locale
    from babel.core import get_cldr_version, get_global

    aliases = {
        code: targets[0]
        for code, targets in get_global("territory_aliases").items()
        if len(code) == 3 and code.isalpha() and len(targets) == 1
    }
    english = dict(Locale.parse("en").territories)
    chinese = dict(Locale.parse(CHINESE_LOCALE).territories)
    return aliases, english, chinese, f"CLDR {get_cldr_version()} via Babel {babel.__version__}"


def countries_table(
    rows: list[tuple[Any, ...]], columns: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], str]:
    names = [header(rows, 11, c) for c in range(2, 8)]
    if names != ["ISO", "Country", *REGION_KEYS]:
        raise LayoutError(f"row 11, columns B-G: {names}")
    aliases, english, chinese, versions = cldr_names()
    indices = [_column_index(c["column"]) for c in columns]
    countries: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    text_cells: list[dict[str, Any]] = []
    for number in range(FIRST_DATA_ROW, len(rows) + 1):
        line = rows[number - 1] + (None,) * 400
        iso3, name = line[1], line[2]
        if blank(iso3):
            if any(not blank(v) for v in line[:400]):
                skipped.append({"row": number, "name": name})
            continue
        values: list[int | float | None] = []
        for col in indices:
            value = line[col - 1]
            if blank(value):
                values.append(None)
            elif isinstance(value, bool) or not isinstance(value, int | float):
                values.append(None)
                text_cells.append({"cell": f"{column_letter(col)}{number}", "text": value})
            else:
                values.append(value)
        alpha2 = aliases.get(iso3)
        country = {
            "iso3": iso3,
            "row": number,
            "name": name,
            "alpha2": alpha2,
            "name_en": english.get(alpha2) if alpha2 else None,
            "name_zh": chinese.get(alpha2) if alpha2 else None,
            **{key: line[3 + i] for i, key in enumerate(REGION_KEYS)},
            "values": values,
        }
        countries.append(country)
    isos = [c["iso3"] for c in countries]
    if len(countries) != COUNTRY_ROWS or len(set(isos)) != len(isos):
        raise LayoutError(f"{len(countries)} country rows, {len(set(isos))} distinct ISO3 codes")
    countries.sort(key=lambda c: c["iso3"])
    return countries, skipped, text_cells, versions


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index


def derive(workbook: Path = WORKBOOK) -> str:
    """The text of data/roe2021.json."""
    rows, readme = read_sheets(workbook)
    measures = measures_table(rows)
    columns = [c for m in measures for b in m["blocks"] for c in b["columns"]]
    countries, skipped, text_cells, versions = countries_table(rows, columns)
    source = {
        "citation": citation(readme),
        "doi": "10.1111/gcb.15873",
        "credit": "Roe et al. (2021): credit it wherever figures from this file are shown",
        "workbook": "data/sources/roe2021/roe2021-gcb15873-supinfo.xlsx",
        "workbook_sha256": sha256(workbook),
        "sheet": SHEET,
        "derived_by": "scripts/derive_roe2021.py",
        "kept": (
            "the 20 mitigation measures (row 7 other than 'Total' and 'Percent'), each block of columns (row 2), "
            "and in each block the columns whose estimate (row 8) is 'Potential annual', 'Area' or "
            "'Density'; header words verbatim from rows 1-11"
        ),
        "values": (
            "countries[].values[i] is the cell of column columns[i] (see measures[].blocks[].columns[]) "
            "in row countries[].row, the same number the cell holds; null where the cell is empty or "
            "holds an empty string (the sheet uses both), or holds other text (text_cells)"
        ),
        "text_cells": text_cells,
        "rows_skipped": skipped,
        "names": (
            f"name: as the SI gives it; name_en, name_zh (zh = zh_Hans): {versions}; alpha2 from "
            "CLDR territory aliases, null where CLDR maps the ISO3 code to no single territory"
        ),
    }
    return layout(
        {
            "columns": [c["id"] for c in columns],
            "countries": countries,
            "measures": measures,
            "source": source,
        }
    )


def layout(data: dict[str, Any]) -> str:
    """Compact JSON with sorted keys, one country or measure a line, so diffs stay readable."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)

    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            body = ",\n".join(dump(item) for item in value)
            parts.append(f"{dump(key)}:[\n{body}\n]")
        else:
            parts.append(f"{dump(key)}:{dump(value)}")
    text = "{" + ",\n".join(parts) + "}\n"
    json.loads(text)  # well formed
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", type=Path, default=WORKBOOK)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        text = derive(args.workbook)
    except LayoutError as error:
        print(f"derive_roe2021: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
