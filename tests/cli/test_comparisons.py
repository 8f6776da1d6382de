"""Comparisons a briefing can quote (issue 11), through the installed command:
scope-matched headlines, range against range, honest precision, references that
say what they measure, no ignored option, and the input/output contracts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.contract import csv_total, usage_message
from tests.conftest import subprocess_env

SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]


def nbscdr(
    command: list[str], tmp_path: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, *args],
        env=subprocess_env(tmp_path),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )


def ok_json(command: list[str], tmp_path: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = nbscdr(command, tmp_path, *args, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # type: ignore[no-any-return]


# ------------------------------------------------------------ scope-matched headline


def test_six_techniques_headline_is_the_in_scope_subtotal(nbscdr_command: list[str], tmp_path: Path) -> None:
    table = nbscdr(nbscdr_command, tmp_path, "portfolio", *SIX).stdout
    row = next(line for line in table.splitlines() if line.startswith(" UNEP estimate"))
    cells = [c.strip() for c in row.split("|")]
    # 4–30 takes in the whole of 4–12: it "contains" it, with how far each end lies; its note's marker
    assert cells == [
        "UNEP estimate⁵",
        "potential",
        "4–12",
        "4–30",
        "contains it: low end level, high end 18 higher",
    ]
    assert "×" not in table  # no ratios, anywhere
    scope = next(line for line in table.splitlines() if "covers forests, wetlands and soils only" in line)
    assert scope.startswith("⁵ UNEP estimate covers")
    assert (
        "with Biochar, Building with biomass and Macroalgal cultivation for sequestration, which it does not cover"
        in scope
    )
    assert scope.endswith("the whole portfolio is 6.3–55 Gt CO2/yr.")  # 54.8, from two-figure inputs
    doc = ok_json(nbscdr_command, tmp_path, "portfolio", *SIX)
    (unep,) = doc["comparisons"]
    assert unep["in_scope"]["low"] == 4.0 and unep["in_scope"]["high"] == 30.0
    assert (unep["position"], unep["difference"]) == ("contains", {"low": 0.0, "high": 18.0})


def test_markdown_leads_with_the_same_comparison(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = nbscdr(nbscdr_command, tmp_path, "portfolio", *SIX, "-f", "markdown").stdout
    assert (
        "| UNEP estimate⁵ | potential | 4–12 | 4–30 | contains it: low end level, high end 18 higher |" in out
    )


def test_reach_probabilities_use_the_in_scope_total(nbscdr_command: list[str], tmp_path: Path) -> None:
    args = ("portfolio", "afforestation", "biochar", "-n", "20000", "--seed", "5")
    u = ok_json(nbscdr_command, tmp_path, *args)["uncertainty"]
    # only afforestation (uniform 3–18) is in UNEP's scope: P(≥ 12) is about 6/15, not P(total ≥ 12)
    assert u["probability"]["unep"]["high"] == pytest.approx(6 / 15, abs=0.015)
    table = nbscdr(nbscdr_command, tmp_path, *args).stdout
    assert " P(in-scope total ≥ 12: UNEP estimate, high end) |" in table


def test_a_reference_with_no_scope_covers_every_entry(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = ok_json(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "biochar",
        "soil-carbon",
        "-r",
        "state-of-cdr-2050",
    )
    (state,) = doc["comparisons"]
    assert state["kind"] == "scenario"
    assert state["in_scope"]["techniques"] == ["afforestation", "biochar", "soil-carbon"]
    assert (state["in_scope"]["low"], state["in_scope"]["high"]) == (5.8, 33.8)
    assert state["out_of_scope"] == []
    assert state["position"] == "contains"  # 5.8–33.8 takes in all of 7–9
    note = next(w for w in doc["warnings"] if w["code"] == "reference")
    assert "is the CDR deployed in scenarios, not a potential" in note["message"]
    assert note["essential"] is True  # a scenario is not a potential: the kinds differ


def test_chart_draws_the_in_scope_subtotal(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = nbscdr(nbscdr_command, tmp_path, "chart", *SIX).stdout.splitlines()
    # named as the portfolio's, next to the reference's own range
    rows = [line for line in out if line.startswith(("This portfolio within", "UNEP estimate"))]
    # cut in the middle at 100 columns, at word boundaries: both ends tell
    assert rows[0].startswith("This portfolio within the scope of…(forests, wetlands and soils) ")
    assert rows[0].endswith(" 4–30")
    assert rows[1].startswith("UNEP estimate (potential) ") and rows[1].endswith(" 4–12")


# ------------------------------------------------------------ never backwards


@pytest.mark.parametrize("unit", ["Gt CO2/yr", "t CO2/day", "Mt C/yr", "Pg C/yr"])
def test_the_comparison_reads_the_same_in_any_unit(
    nbscdr_command: list[str], tmp_path: Path, unit: str
) -> None:
    doc = ok_json(nbscdr_command, tmp_path, "portfolio", "afforestation=1.8-4.8", "-u", unit)
    (c,) = doc["comparisons"]
    assert c["position"] == "overlapping"
    assert c["difference"]["low"] < 0 and c["difference"]["high"] < 0
    md = nbscdr(
        nbscdr_command, tmp_path, "portfolio", "afforestation=1.8-4.8", "-u", unit, "-f", "markdown"
    ).stdout
    row = next(line for line in md.splitlines() if line.startswith("| UNEP estimate"))
    assert (
        row.split(" | ")[-1].startswith("overlaps: low end")
        and "lower, high end" in row
        and row.endswith(" lower |")
    )


def test_cumulative_comparison_says_where_the_range_lies(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = ok_json(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "biochar",
        "soil-carbon",
        "--from",
        "2030",
        "--to",
        "2050",
        "-r",
        "sr15-cdr",
    )
    (sr15,) = doc["horizon"]["comparisons"]
    assert sr15["kind"] == "cumulative"
    assert sr15["same_period"] is False and sr15["period"] == {"en": "the 21st century", "zh": "21世纪"}
    assert sr15["in_scope"]["cumulative"] == {"low": 116.0, "high": 676.0}
    assert (sr15["position"], sr15["difference"]) == ("within", {"low": 16.0, "high": -324.0})


# ------------------------------------------------------------ precision


AR6_EIGHT = [
    "afforestation",
    "biochar",
    "building-with-biomass",
    "soil-carbon",
    "agroforestry",
    "improved-forest-management",
    "peatland-restoration",
    "coastal-wetland-restoration",
]


def significant(figure: str) -> int:
    """The significant figures of a figure as printed: '43' 2, '3.2' 2, '1,100' 2, '0.04' 1."""
    from decimal import Decimal

    return len(Decimal(figure.replace(",", "")).normalize().as_tuple().digits)


def derived_cells(markdown: str, given: list[str]) -> list[str]:
    """The figures in every cell but the first (a row's label) of the Markdown
    tables, but for the rows of ``given`` entries (their own figures, as given)
    and the reference's own range (the third cell of a comparison row)."""
    import re

    figures: list[str] = []
    for row in markdown.splitlines():
        if not row.startswith("| ") or row.startswith("| Technique") or row.startswith("| Reference"):
            continue
        cells = [c.strip() for c in row.strip("|").split("|")]
        if any(cells[0].rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹,").endswith(f"({tid})") for tid in given):
            continue
        if cells[1] in ("potential", "mitigation, incl. avoided emissions"):
            cells = cells[:2] + cells[3:]  # the reference's range, as its source gives it
        for cell in cells[1:]:
            figures += re.findall(r"\d[\d,]*(?:\.\d+)?", cell)
    return figures


def test_the_eight_technique_ar6_portfolio_is_read_to_two_figures(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    """Its inputs are given to one, two or three figures (0.04, 0.84, 10.1): every
    derived figure a person reads has at most two, in the table, the brief and the
    chart; JSON keeps them whole."""
    import re

    args = [*AR6_EIGHT, "-a", "ar6", "-n", "10000", "--seed", "1", "-r", "unep"]
    doc = ok_json(nbscdr_command, tmp_path, "portfolio", *args)
    assert (doc["total"]["low"], doc["total"]["high"]) == (3.17, 43.34)
    assert doc["total"]["significant_figures"] == 2
    markdown = nbscdr(nbscdr_command, tmp_path, "portfolio", *args, "-f", "markdown").stdout
    figures = derived_cells(markdown, AR6_EIGHT)
    # the total, UNEP's low-end difference (2.9 against 4), the standard deviation, a chance
    assert {"3.2", "43", "1.1", "5", "90"} <= set(figures)
    assert [f for f in figures if significant(f) > 2] == []
    brief = nbscdr(nbscdr_command, tmp_path, "brief", *args).stdout
    bottom = brief.split("## Bottom line\n")[1].split("\n## ")[0]
    quoted = re.findall(r"(\d[\d,.]*)(?:–(\d[\d,.]*))? Gt CO2", bottom)
    derived = [f for pair in quoted for f in pair if f and f not in ("4", "12")]  # UNEP's own figures
    assert "3.2" in derived and "43" in derived
    assert [f for f in derived if significant(f) > 2] == []
    table = nbscdr(nbscdr_command, tmp_path, "portfolio", *args).stdout
    assert re.search(r"\n Total²,³,⁴,⁵,⁷,⁹ +\|  3.2 \|   43 \|", table)  # with what it adds as it stands
    chart = nbscdr(nbscdr_command, tmp_path, "chart", *args).stdout.splitlines()
    total = next(line for line in chart if line.startswith("Total "))
    assert total.endswith(" 3.2–43 †")  # it adds figures that are not removals alone


def test_derived_figures_have_the_precision_of_their_inputs(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    """Every input here is written to one or two figures (3–18, 500–800, 1–11):
    what is derived from them is read to two (409.09 Mt C/yr as 410)."""
    specs = ("afforestation:50%", "biochar=500-800 Mt CO2/yr", "soil-carbon", "-u", "Mt C/yr")
    md = nbscdr(nbscdr_command, tmp_path, "portfolio", *specs, "-f", "markdown").stdout
    assert "| Afforestation and reforestation (afforestation) | 50% | 410 | 2,500 |" in md
    assert "| Biochar (biochar)¹ | own figure | 140 | 220 |" in md
    assert "| **Total²** |  | **820** | **5,700** |" in md
    csv = nbscdr(nbscdr_command, tmp_path, "portfolio", *specs, "-f", "csv").stdout
    assert (
        "afforestation,Afforestation and reforestation,造林和再造林,0.5,409.090909091,2454.54545455,,Mt C/yr,false,"
        in csv
    )


def test_monte_carlo_statistics_are_rounded_for_people(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = nbscdr(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "biochar",
        "soil-carbon",
        "-n",
        "1e5",
        "--seed",
        "42",
    ).stdout
    cells = {
        line.split("|")[1].strip(): line.split("|")[2].strip()
        for line in out.splitlines()
        if line.startswith("| P5 ") or line.startswith("| Mean") or line.startswith("| Standard")
    }
    assert all(len(v.replace(".", "").replace(",", "").lstrip("0")) <= 3 for v in cells.values()), cells


def test_a_single_value_is_one_number_and_one_sample_is_singular(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    args = ("portfolio", "biochar=10", "-r", "state-of-cdr-2050", "-n", "1", "--seed", "1", "-f", "markdown")
    out = nbscdr(nbscdr_command, tmp_path, *args).stdout
    row = "| State of CDR (2024), CDR in 2050² | scenario deployment | 7–9 | 10 | above: low end 3 higher, high end 1 higher |"
    assert row in out
    assert "1 sample, seed 1" in out and "1 samples" not in out
    tiny = nbscdr(nbscdr_command, tmp_path, "portfolio", "biochar=0.00001").stdout
    assert "0.00001" in tiny and "e-05" not in tiny


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "1,000 Mt CO2/yr", "--to", "Gt CO2/yr"],
        ["portfolio", "biochar=1,000-2,000 Mt CO2/yr", "-f", "csv"],
        ["portfolio", "biochar", "-n", "10,000", "--seed", "1", "-f", "csv"],
        ["portfolio", "biochar", "-n", "1000", "--seed", "1", "--target", "1,000 Mt CO2/yr", "-f", "csv"],
    ],
)
def test_printed_numbers_are_accepted_back(
    nbscdr_command: list[str], tmp_path: Path, args: list[str]
) -> None:
    result = nbscdr(nbscdr_command, tmp_path, *args)
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------------ references


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_references_lists_what_each_measures(nbscdr_command: list[str], tmp_path: Path, fmt: str) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "references", "-f", fmt)
    assert result.returncode == 0, result.stderr
    for expected in ("unep", "sr15-cdr", "state-of-cdr-2050"):
        assert expected in result.stdout
    if fmt == "json":
        refs = {r["id"]: r for r in json.loads(result.stdout)["references"]}
        assert {k: refs[k]["kind"] for k in refs} == {
            "unep": "potential",
            "sr15-cdr": "cumulative",
            "state-of-cdr-2050": "scenario",
            "ar6-afolu-c1": "cumulative",
            "ar6-afolu-c3": "cumulative",
            "ar6-afolu-mitigation": "mitigation",
            "ar6-ar-africa": "potential",
            "ar6-ar-asia-pacific": "potential",
            "ar6-ar-developed": "potential",
            "ar6-ar-eastern-europe": "potential",
            "ar6-ar-latin-america": "potential",
        }
        assert refs["unep"]["scope"] == ["forests", "wetlands", "soils"]
        assert refs["sr15-cdr"]["unit"] == "Gt CO2" and (
            refs["sr15-cdr"]["low"],
            refs["sr15-cdr"]["high"],
        ) == (100.0, 1000.0)
        assert refs["state-of-cdr-2050"]["source"].startswith("Smith et al. (2024)")


# ------------------------------------------------------------ no option is ignored


@pytest.mark.parametrize(
    ("args", "option", "message"),
    [
        (["--seed", "3"], "--seed", "applies only with --samples"),
        (["--distribution", "pert"], "--distribution", "applies only with --samples or --method convolution"),
        (["--correlation", "0.5"], "--correlation", "applies only with --samples"),
        (["--percentiles", "10"], "--percentiles", "applies only with --samples or --method convolution"),
        (
            ["--target", "20"],
            "--target",
            "a target needs the total's distribution (samples, or the convolution method) to give its chance",
        ),
        (["--ramp-years", "5"], "--ramp-years", "applies only with --from and --to"),
        (["--saturation-years", "5"], "--saturation-years", "applies only with --from and --to"),
        (["--reversal-rate", "1%"], "--reversal-rate", "applies only with --from and --to"),
        (
            ["--from", "2030", "--to", "2050", "--ramp-years", "biochar=5"],
            "--ramp-years",
            "'biochar' is not in the portfolio; its entries: afforestation",
        ),
        (["--year", "2040"], "--year", "applies to --format iamc only"),
        (
            ["-f", "iamc", "--year", "2040", "--from", "2030", "--to", "2040"],
            "--year",
            "with a period the IAMC file has a column for each year of it",
        ),
        (
            ["--fallback"],
            "--fallback",
            "has no effect: every entry has an estimate in c2g2019 (technical potential)",
        ),
        (
            ["-n", "10", "--target", "300 Gt CO2"],
            "--target",
            "300 Gt CO2 is an amount: it is compared with the cumulative total, which needs a period",
        ),
        (["-f", "csv", "-o", "out.json"], "--format", "csv contradicts the file name 'out.json' (json)"),
        (
            ["-r", "sr15-cdr"],
            "--reference",
            "sr15-cdr: a cumulative amount, compared only with the total over a period (or set --from and "
            "--to to give one)",
        ),
    ],
)
def test_an_option_without_effect_is_a_usage_error(
    nbscdr_command: list[str], tmp_path: Path, args: list[str], option: str, message: str
) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "portfolio", "afforestation", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert usage_message(result.stderr) == f"Invalid value for '{option}': {message}"
    assert not (tmp_path / "out.json").exists()


def test_a_target_amount_is_tested_against_the_cumulative_total(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    doc = ok_json(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "afforestation",
        "--from",
        "2030",
        "--to",
        "2050",
        "-n",
        "20000",
        "--seed",
        "1",
        "--target",
        "300 Gt CO2",
    )
    assert "target" not in doc["uncertainty"]
    cumulative = doc["horizon"]["uncertainty"]["cumulative"]
    assert cumulative["target"]["value"] == 300.0
    # cumulative = 20 x uniform(3, 18): P(≥ 300) = (360 - 300) / (360 - 60)
    assert cumulative["target"]["probability"] == pytest.approx(60 / 300, abs=0.015)


def test_iamc_with_a_period_has_a_column_per_year(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = nbscdr(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "biochar",
        "-f",
        "iamc",
        "--from",
        "2030",
        "--to",
        "2033",
        "--ramp-years",
        "2",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # the end year's column: the rate in 2033 under the same ramp-up
    assert lines[0] == "Model,Scenario,Region,Variable,Unit,2030,2031,2032,2033"
    assert lines[1].endswith("Carbon Removal|Land Use|Biochar,Mt CO2/yr,900.0,1800.0,1800.0,1800.0")


# ------------------------------------------------------------ input and output contracts


def test_toml_on_stdin(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = nbscdr(
        nbscdr_command,
        tmp_path,
        "portfolio",
        "--file",
        "-",
        "-f",
        "csv",
        stdin='[[entries]]\ntechnique = "biochar"\n',
    )
    assert result.returncode == 0, result.stderr
    assert csv_total(result.stdout) == "total,1.8,4.8,Gt CO2/yr"


def test_a_file_without_a_known_extension_is_read_by_content(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    (tmp_path / "mine.portfolio").write_text('{"entries": [{"technique": "biochar"}]}', encoding="utf-8")
    (tmp_path / "other.txt").write_text('[[entries]]\ntechnique = "wetlands"\n', encoding="utf-8")
    assert ok_json(nbscdr_command, tmp_path, "portfolio", "--file", "mine.portfolio")["total"]["high"] == 4.8
    assert ok_json(nbscdr_command, tmp_path, "portfolio", "--file", "other.txt")["total"]["high"] == 1.0


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.json", lambda text: json.loads(text)["total"]["high"] == 4.8),
        ("out.csv", lambda text: text.startswith("technique,name_en,name_zh,share")),
        ("out.md", lambda text: text.startswith("## Portfolio")),
        (
            "out.txt",
            lambda text: text.startswith(
                "Portfolio (potential of a kind not stated, C2G (2019) policy brief), Gt CO2/yr\n"
            ),
        ),
    ],
)
def test_the_format_follows_the_output_file_name(
    nbscdr_command: list[str], tmp_path: Path, name: str, check: object
) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "portfolio", "biochar", "-o", name)
    assert result.returncode == 0 and result.stdout == ""
    assert check((tmp_path / name).read_text(encoding="utf-8"))  # type: ignore[operator]


def test_brief_refuses_a_pdf(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "brief", "biochar", "-o", "b.pdf")
    assert result.returncode == 2
    assert (
        "Invalid value for '--output': 'b.pdf' names a pdf file; this command writes markdown"
        in result.stderr
    )
    assert not (tmp_path / "b.pdf").exists()


def test_output_dash_is_stdout(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "portfolio", "biochar", "-f", "csv", "-o", "-")
    assert result.returncode == 0
    assert result.stdout.startswith("technique,name_en,name_zh,share")
    assert not (tmp_path / "-").exists()


# ------------------------------------------------------------ data fidelity


def test_macroalgae_carries_its_sourced_caveat_everywhere(nbscdr_command: list[str], tmp_path: Path) -> None:
    caveat = 'calls the potential for carbon sequestration in macroalgae "debated"'
    for args in (
        ["portfolio", "macroalgae", "--notes", "all"],
        ["show", "macroalgae", "-f", "markdown"],
        ["list"],
        ["brief", "macroalgae"],
    ):
        out = nbscdr(nbscdr_command, tmp_path, *args).stdout
        assert caveat in out, args
        assert "9% of the oceans" in out, args
    # by default, its first clause and where to read the rest
    default = nbscdr(nbscdr_command, tmp_path, "portfolio", "macroalgae").stdout
    assert (
        "¹ Macroalgal cultivation for sequestration: IPCC AR6 WGIII calls the potential for carbon sequestration "
        'in macroalgae "debated" and gives no assessed estimate (more: nbscdr show macroalgae).'
    ) in default
    doc = ok_json(nbscdr_command, tmp_path, "show", "macroalgae")
    assert doc["caveat"]["source"] == "IPCC (2022), AR6 WGIII, Chapter 12, section 12.3.1.3"
    assert [q["id"] for q in doc["caveat"]["quotes"]] == [
        "ar6-blue-carbon-definition",
        "ar6-macroalgae-nyeurt",
    ]
    # that the brief's 19 matches N'Yeurt et al.'s is nbscdr's observation, said to be one (issue 21, row 14)
    assert doc["remarks"][0]["source"] == "nbscdr"


def test_only_recorded_overlaps_are_printed(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = ok_json(nbscdr_command, tmp_path, "portfolio", "afforestation", "biochar", "soil-carbon")
    pairs = [w["techniques"] for w in doc["warnings"] if w["code"] == "double-counting"]
    assert pairs == [["biochar", "soil-carbon"]]
    brief = nbscdr(nbscdr_command, tmp_path, "brief", "afforestation", "macroalgae").stdout
    assert "No entries draw on the same land" not in brief


def test_governance_lines_say_what_the_brief_says(nbscdr_command: list[str], tmp_path: Path) -> None:
    show = {
        t: ok_json(nbscdr_command, tmp_path, "show", t)
        for t in ("afforestation", "biochar", "building-with-biomass", "macroalgae")
    }
    texts = {t: [g["en"] for g in doc["governance"]] for t, doc in show.items()}
    assert "Questions of social justice remain, for example over land use." in texts["afforestation"]
    assert (
        "Cross-border trade in biochar may need an international agreement on allocating carbon credits."
        in texts["biochar"]
    )
    assert (
        "In future, imported timber may need an international agreement on allocating carbon credits (the "
        "Chinese edition says emission allowances)." in texts["building-with-biomass"]
    )
    assert "Potential governance questions around land-use change." in texts["building-with-biomass"]
    assert any("岸内或岸外水域" in g["zh"] for g in show["macroalgae"]["governance"])  # the brief's words
    # each line names its source and the brief's own sentence (issue 21, row 15)
    assert all(
        g["source"] == "C2G 2019, table of proposed techniques"
        for doc in show.values()
        for g in doc["governance"]
    )
    timber = next(g for g in show["building-with-biomass"]["governance"] if g["id"] == "timber-imports")
    assert [q["text"] for q in timber["quotes"]] == ["未来，进口木材可能需要有关碳排放额度分配的国际协议。"]
    assert all(
        "潜在的负面影响" in g["zh"] for doc in show.values() for g in doc["governance"] if g["id"] == "mrv"
    )
    assert "最大限度" in show["macroalgae"]["readiness"]["zh"]


def test_sr15_afforestation_is_not_an_independent_estimate(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = ok_json(nbscdr_command, tmp_path, "show", "afforestation")
    sr15 = next(e for e in doc["estimates"] if e["assessment"] == "sr15")
    assert "Fuss et al. (2018): not an independent estimate" in sr15["notes"]["en"]


# ------------------------------------------------------------ compare


def test_compare_says_what_it_compares(nbscdr_command: list[str], tmp_path: Path) -> None:
    args = (
        "compare",
        "afforestation",
        "biochar",
        "soil-carbon",
        "-n",
        "1000",
        "--seed",
        "4",
        "-f",
        "markdown",
    )
    out = nbscdr(nbscdr_command, tmp_path, *args).stdout
    assert out.startswith(
        "### Totals by assessment: every low and every high added; P5–P95: Monte Carlo, 1,000 samples, seed 4, "
        "uniform, rank correlation 0¹,²\n"
    )
    assert "Roe et al. (2021) is left out: its figures are by country, not a world total" in out  # the ¹
    assert "| Fuss et al. (2018) (fuss2018) | sustainable global potential in 2050 | 1–11 |" in out
    assert "only an upper bound for Carbon sequestration in soils" in out
    assert (
        "UNEP estimate covers forests, wetlands and soils only: it is compared with Afforestation and "
        "reforestation and Carbon sequestration in soils, leaving out Biochar." in out
    )
    filtered = ok_json(nbscdr_command, tmp_path, "compare", "afforestation", "-a", "sr15")
    assert [r["assessment"] for r in filtered["rows"]] == ["sr15"]
    period = ok_json(
        nbscdr_command,
        tmp_path,
        "compare",
        "afforestation",
        "-a",
        "c2g2019,fuss2018",
        "--from",
        "2030",
        "--to",
        "2050",
    )
    assert [r["horizon"]["cumulative"] for r in period["rows"]] == [
        {"low": 60.0, "high": 360.0},
        {"low": 10.0, "high": 72.0},
    ]


def test_compare_errors_name_the_option_typed(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = nbscdr(nbscdr_command, tmp_path, "compare", "afforestation", "-a", "fus")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "nbscdr: --assessment: unknown assessment 'fus' (did you mean 'fuss2018'?)"
    )


def test_compare_portfolio_files_notes_each_row_for_itself(nbscdr_command: list[str], tmp_path: Path) -> None:
    a = tmp_path / "a.toml"
    a.write_text('[[entries]]\ntechnique = "afforestation"\n[[entries]]\ntechnique = "biochar"\n', "utf-8")
    b = tmp_path / "b.json"
    b.write_text('{"entries": [{"technique": "soil-carbon"}, {"technique": "wetlands"}]}', "utf-8")
    out = nbscdr(nbscdr_command, tmp_path, "compare", "--file", str(a), "--file", str(b), "-a", "ar6").stdout
    files = ("compare", "--file", str(a), "--file", str(b), "-a", "ar6")
    rows = ok_json(nbscdr_command, tmp_path, *files)["rows"]
    assert rows[0]["measure"]["en"].startswith(
        "IPCC AR6 WGIII (2022): technical potential (biophysically possible)"
    )
    # a note of one row carries that row's marker, and the column's
    assert (
        "³ [a] UNEP estimate covers forests, wetlands and soils only: it is compared with Afforestation and "
        "reforestation, leaving out Biochar." in out
    )
    assert "⁶ [b] UNEP estimate: every entry is in its scope." in out
    assert " a²,³      |" in out and " b⁴,⁵,⁶    |" in out  # what the figures count (issue 21), then scope
    assert "¹ Totals add every low and every high: they assume all extremes happen together." in out


def test_a_difference_reads_from_the_figures_shown_in_portfolio_and_rank(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    """Roe et al.'s Africa and Middle East sums to 94.8–406 Mt CO2/yr (shown to three
    figures), AR6's figure for Africa is 100–400: 5.2 lower and 6 higher, as a reader
    subtracts the figures shown, in both commands (406 was read as 410: "10 higher")."""
    region = ("--region", "region_ar6_5:Africa and Middle East", "--potential", "economic")
    args = ("portfolio", "afforestation", *region, "-r", "ar6-ar-africa")
    table = nbscdr(nbscdr_command, tmp_path, *args).stdout
    assert (
        " IPCC AR6, A/R economic        | potential | 100–400 | 94.8–406 | contains it: low end 5.2 lower,\n"
        " potential in Africa⁵          |           |         |          | high end 6 higher\n"
    ) in table
    difference = ok_json(nbscdr_command, tmp_path, *args)["comparisons"][0]["difference"]
    assert difference == {"low": -5.1872789264, "high": 6.46077421617}  # JSON keeps them exact
    ranked = nbscdr(
        nbscdr_command, tmp_path, "rank", "afforestation", "--potential", "economic", "--by", "region_ar6_5"
    )
    assert (
        " 3 | Africa and Middle East   |        74 | 94.8–406 |     251 | 100–400: contains it: low end 5.2\n"
        "   |                          |           |          |         | lower, high end 6 higher\n"
    ) in ranked.stdout


def test_references_list_says_what_runs_do(nbscdr_command: list[str], tmp_path: Path) -> None:
    """`default` is what a run does with no -r: SR1.5's 21st century is never a run's
    period, so it is opt-in; a regional figure's scope is its technique in its
    region; the kind says which potential."""
    doc = ok_json(nbscdr_command, tmp_path, "references")
    refs = {r["id"]: r for r in doc["references"]}
    assert [k for k, r in refs.items() if r["default"]] == [
        "unep",
        "ar6-ar-africa",
        "ar6-ar-asia-pacific",
        "ar6-ar-developed",
        "ar6-ar-eastern-europe",
        "ar6-ar-latin-america",
    ]
    africa = refs["ar6-ar-africa"]
    assert (africa["potential"], africa["techniques"], africa["region"]) == (
        "economic",
        ["afforestation"],
        "region_ar6_5:Africa and Middle East",
    )
    assert (refs["unep"]["potential"], refs["ar6-afolu-mitigation"]["potential"]) == (None, "economic")
    period = ok_json(nbscdr_command, tmp_path, "portfolio", "afforestation", "--from", "2030", "--to", "2050")
    assert [c["reference"] for c in period["comparisons"]] == ["unep"]  # as the listing says
    table = nbscdr(nbscdr_command, tmp_path, "references").stdout
    lines = [line for line in table.splitlines() if line.startswith((" Kind ", " Scope ", " Default "))]
    assert lines[:6] == [
        " Kind     | potential (kind not stated)",
        " Scope    | forests, wetlands, soils",
        " Default  | yes",
        " Kind     | cumulative amount",
        " Scope    | every technique",
        " Default  | no: asked for with -r",
    ]
    assert lines[-3:] == [
        " Kind     | potential (economic)",
        " Scope    | Afforestation and reforestation (afforestation), only in Latin America and Caribbean",
        " Default  | yes, for a portfolio in its region, of its potential",
    ]
    assert doc["technique_names"] == {
        "afforestation": {"en": "Afforestation and reforestation", "zh": "造林和再造林"}
    }
    csv = nbscdr(nbscdr_command, tmp_path, "references", "-f", "csv").stdout.splitlines()
    assert csv[0] == (
        "id,name_en,name_zh,kind,potential,low,high,central,unit,scope,techniques,region,measures_en,"
        "measures_zh,default,source"
    )
    assert csv[7].startswith(
        'ar6-ar-africa,"IPCC AR6, A/R economic potential in Africa",IPCC第六次评估报告中非洲造林和再造林的经济潜力,'
        "potential,economic,100.0,400.0,,Mt CO2/yr,,afforestation,region_ar6_5:Africa and Middle East,"
    )


def test_a_sum_is_never_a_figure_as_given(nbscdr_command: list[str], tmp_path: Path) -> None:
    two = ok_json(nbscdr_command, tmp_path, "portfolio", "afforestation", "biochar")
    assert (two["total"]["low"], two["total"]["high"], two["total"]["as_given"]) == (4.8, 22.8, False)
    # UNEP's scope holds afforestation alone: its subtotal is C2G's 3–18 as given
    assert (
        two["comparisons"][0]["in_scope"]["techniques"],
        two["comparisons"][0]["in_scope"]["as_given"],
    ) == (
        ["afforestation"],
        True,
    )
    one = ok_json(nbscdr_command, tmp_path, "portfolio", "afforestation")
    assert (one["total"]["low"], one["total"]["high"], one["total"]["as_given"]) == (3.0, 18.0, True)
    both = ok_json(nbscdr_command, tmp_path, "portfolio", "afforestation", "soil-carbon")
    assert (both["total"]["as_given"], both["comparisons"][0]["in_scope"]["as_given"]) == (False, False)
    rows = ok_json(nbscdr_command, tmp_path, "compare", "afforestation", "biochar", "-a", "c2g2019,ar6")[
        "rows"
    ]
    assert [r["as_given"] for r in rows] == [False, False]
