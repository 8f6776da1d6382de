"""The commands through typer's CliRunner: outputs, formats and error lines."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli import __version__
from nbscdr_cli.cli.program import app

DATA = Path(__file__).parents[1] / "data"
ALL_SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_portfolio_json_contract() -> None:
    result = run("portfolio", *ALL_SIX, "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["unit"] == "Gt CO2/yr"
    assert [e["technique"] for e in doc["entries"]] == ALL_SIX
    assert doc["entries"][0] == {
        "technique": "afforestation",
        "name": {"en": "Afforestation and reforestation", "zh": "造林和再造林"},
        "share": 1.0,
        "low": 3.0,
        "high": 18.0,
        "up_to": False,
        "own_figure": False,
        "as_given": True,
        "scope": "forests",
        "assessment": "c2g2019",
        "assessment_name": {"en": "C2G (2019) policy brief", "zh": "C2G（2019）政策简报"},
        "fallback": False,
        "central": None,
        "potential_kind": "not stated",  # the C2G brief names no kind of potential (issue 21)
        "period": None,
        "statistic": None,
        "includes": ["co2-removal"],
        "removal_only": True,
        "written": {},  # 3 and 18: a number keeps every digit C2G wrote
        "caveat": None,
        "cost": None,
        "trl": None,
        "iamc_variable": "Carbon Removal|Land Use|Re/Afforestation",
        "significant_figures": 2,  # 3 and 18, read to two figures at least
    }
    assert doc["total"] == {
        "low": 6.3,
        "high": 54.8,  # full precision; people read 55
        "up_to": ["macroalgae", "wetlands"],
        "as_given": False,  # a sum is never a figure as given
        "significant_figures": 2,
    }
    (unep,) = doc["comparisons"]
    assert (unep["reference"], unep["kind"], unep["low"], unep["high"], unep["unit"]) == (
        "unep",
        "potential",
        4.0,
        12.0,
        "Gt CO2/yr",
    )
    assert unep["in_scope"] == {
        "low": 4.0,
        "high": 30.0,
        "techniques": ["afforestation", "soil-carbon", "wetlands"],
        "as_given": False,  # the sum of three
        "significant_figures": 2,
    }
    assert unep["out_of_scope"] == ["biochar", "building-with-biomass", "macroalgae"]
    assert (unep["position"], unep["difference"]) == ("contains", {"low": 0.0, "high": 18.0})
    assert (unep["overlap"], unep["meets_at"], unep["significant_figures"]) == (8.0, None, 2)
    assert "ratio_low" not in unep and "ratio_high" not in unep
    codes = [w["code"] for w in doc["warnings"]]
    assert codes == [
        "figures",
        "sum-of-extremes",  # no co2e: every figure here is CO2 removal, UNEP's too (the Chinese edition's)
        "up-to",
        "caveat",
        "double-counting",
        "double-counting",
        "double-counting",
        "double-counting",
        "reference",
        "reference-scope",
        "permanence",
    ]
    assert result.stderr == ""


def test_portfolio_in_another_unit() -> None:
    doc = json.loads(run("portfolio", "afforestation", "biochar", "-f", "json", "--unit", "Mt C/yr").stdout)
    assert doc["unit"] == "Mt C/yr"
    assert doc["total"]["low"] == pytest.approx(4800 * 12 / 44, rel=1e-11)
    assert doc["total"]["high"] == pytest.approx(22800 * 12 / 44, rel=1e-11)
    assert doc["comparisons"][0]["low"] == pytest.approx(4000 * 12 / 44, rel=1e-11)


def test_portfolio_csv_has_entries_and_a_final_total_row() -> None:
    result = run("portfolio", "afforestation", "biochar", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    flags = ["false", "false", "false", "c2g2019"]
    assert rows == [
        [
            "technique",
            "name_en",
            "name_zh",
            "share",
            "low",
            "high",
            "central",
            "unit",
            "up_to",
            "own_figure",
            "fallback",
            "assessment",
        ],
        [
            "afforestation",
            "Afforestation and reforestation",
            "造林和再造林",
            "1.0",
            "3.0",
            "18.0",
            "",
            "Gt CO2/yr",
            *flags,
        ],
        ["biochar", "Biochar", "生物炭", "1.0", "1.8", "4.8", "", "Gt CO2/yr", *flags],
        ["total", "Total", "合计", "", "4.8", "22.8", "", "Gt CO2/yr", *flags],
    ]


def test_portfolio_markdown() -> None:
    out = run("portfolio", "afforestation", "macroalgae", "--format", "markdown").stdout
    assert "| Afforestation and reforestation (afforestation) | 3 | 18 |" in out
    assert "| Macroalgal cultivation for sequestration (macroalgae)¹ | 0 (up to)² | 19 |" in out
    assert "| **Total³** | **3** | **37** |" in out
    assert "- ² Macroalgal cultivation for sequestration: the source gives only an upper bound" in out
    assert "\x1b[" not in out


def test_portfolio_table_in_chinese() -> None:
    out = run("portfolio", "造林和再造林", "生物炭", "--lang", "zh").stdout
    assert " 造林和再造林 |    3 |   18" in out  # Chinese names alone: no ids
    assert " 合计¹        |  4.8 |   23" in out  # 22.8 from 18 and 4.8: two figures
    assert "afforestation" not in out
    assert "\x1b[" not in out


def test_lang_defaults_from_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "造林和再造林" in run("list").stdout


def test_portfolio_file_from_stdin() -> None:
    doc = json.loads(
        run(
            "portfolio",
            "--file",
            "-",
            "-f",
            "json",
            input='{"name": "p", "entries": [{"technique": "wetlands", "share": "50%"}]}',
        ).stdout
    )
    assert doc["name"] == "p"
    assert doc["entries"][0]["high"] == 0.5 and doc["entries"][0]["up_to"] is True


def test_list_json_contract() -> None:
    doc = json.loads(run("list", "--format", "json").stdout)
    first = doc["techniques"][0]
    assert {k: first[k] for k in ("id", "name", "low", "high", "unit")} == {
        "id": "afforestation",
        "name": {"en": "Afforestation and reforestation", "zh": "造林和再造林"},
        "low": 3.0,
        "high": 18.0,
        "unit": "Gt CO2/yr",
    }
    assert [t["low"] for t in doc["techniques"]] == [3.0, 1.8, 0.5, None, 1.0, None]


def test_show_json_is_the_technique_at_top_level() -> None:
    doc = json.loads(run("show", "seaweed", "--format", "json").stdout)
    assert doc["id"] == "macroalgae" and doc["low"] is None and doc["high"] == 19.0
    assert [c["id"] for c in doc["governance"]] == ["siting", "mrv"]


def test_show_table_has_governance_and_source() -> None:
    out = run("show", "biochar").stdout
    assert "Governance challenges" in out and "C2G 2019" in out and "1.8–4.8 Gt CO2/yr" in out


def test_convert() -> None:
    assert (
        run("convert", "1 Gt C/yr", "--to", "Mt CO2/yr").stdout == "3,670 Mt CO2/yr\n"
    )  # derived: 3 figures
    doc = json.loads(run("convert", "1 Gt C/yr", "--to", "Mt CO2/yr", "-f", "json").stdout)
    assert doc == {"value": 3666.66666667, "unit": "Mt CO2/yr"}


def test_convert_amounts() -> None:
    doc = json.loads(run("convert", "12 Gt C", "--to", "Gt CO2", "-f", "json").stdout)
    assert doc == {"value": 44.0, "unit": "Gt CO2"}


def test_user_data_file() -> None:
    doc = json.loads(
        run("portfolio", "alpha", "bee", "--data", str(DATA / "three.toml"), "-f", "json", "-r", "ref").stdout
    )
    assert doc["total"]["high"] == pytest.approx(2 + 3 * 44 / 12 / 1000)
    assert doc["comparisons"][0]["in_scope"]["techniques"] == ["alpha"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_user_data_without_an_assessment_in_every_format(lang: str, tmp_path: Path) -> None:
    # titles say the kind of potential alone where the data names no assessment (a user's
    # figure names none: "not stated"); 70 entries take the long-table path
    catalog = tmp_path / "many.toml"
    catalog.write_text(
        "".join(
            f'[techniques.t{i}]\nname = {{ en = "T{i}" }}\nlow = 1\nhigh = 2\nunit = "Gt CO2/yr"\n\n'
            for i in range(70)
        ),
        encoding="utf-8",
    )
    data = ["--data", str(catalog), "--lang", lang]
    table = run("portfolio", *[f"t{i}" for i in range(70)], *data)
    assert table.exit_code == 0, table.stderr
    assert table.stdout.splitlines()[0] == (
        "Portfolio (potential of a kind not stated), Gt CO2/yr"
        if lang == "en"
        else "技术组合（未说明类型的潜力），Gt CO2/年"
    )
    assert " Total² " in table.stdout or " 合计² " in table.stdout  # ¹ on every entry: no source given
    brief = run("brief", "t1", "t2", *data)
    assert brief.exit_code == 0, brief.stderr
    assert brief.stdout.splitlines()[2] == (
        f"*potential of a kind not stated · nbscdr {__version__}*"
        if lang == "en"
        else f"**未说明类型的潜力 · nbscdr {__version__}**"  # weight, not italics, in Chinese
    )
    chart = run("chart", "t1", "t2", *data, "-o", str(tmp_path / "c.svg"))
    assert chart.exit_code == 0, chart.stderr


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (
            ["portfolio", "afforestaton"],
            1,
            "nbscdr: argument 1 'afforestaton': unknown technique 'afforestaton' (did you mean 'afforestation'?); `nbscdr list` shows the techniques",
        ),
        (
            ["portfolio", "biochar", "--unit", "m"],
            1,
            "nbscdr: --unit: unit 'm': 'm' is not a known unit; expected a mass of CO2 or C per time, e.g. 'Gt CO2/yr', 'GtCO2/yr', 'Mt C/yr', 'Pg C/yr', 't CO2/day' (masses g kg t kt Mt Gt Tg Pg; CO2, CO2e or C; per yr, a, year or day)",
        ),
        (
            ["portfolio", "biochar", "-r", "unepp"],
            1,
            "nbscdr: --reference: unknown reference 'unepp' (did you mean 'unep'?); known: unep, sr15-cdr, state-of-cdr-2050, ar6-afolu-c1, ar6-afolu-c3, ar6-afolu-mitigation, "
            "ar6-ar-africa, ar6-ar-asia-pacific, ar6-ar-developed, ar6-ar-eastern-europe, ar6-ar-latin-america",
        ),
        (
            ["convert", "1 Gt C/yr", "--to", "Gt CO2"],
            1,
            "nbscdr: --to: unit 'Gt CO2' is an amount (no per-time); expected a mass of CO2 or C per time, e.g. 'Gt CO2/yr', 'GtCO2/yr', 'Mt C/yr', 'Pg C/yr', 't CO2/day' (masses g kg t kt Mt Gt Tg Pg; CO2, CO2e or C; per yr, a, year or day)",
        ),
        (
            ["convert", "lots", "--to", "Gt CO2/yr"],
            1,
            "nbscdr: QUANTITY: 'lots' is not a quantity; write a number and a unit, e.g. '1 Gt C/yr'",
        ),
        (
            ["show", "nothing"],
            1,
            "nbscdr: argument 'nothing': unknown technique 'nothing'; `nbscdr list` shows the techniques",
        ),
        (["list", "--data", "/nonexistent/x.toml"], 1, "nbscdr: /nonexistent/x.toml: data file not found"),
    ],
)
def test_error_lines(args: list[str], code: int, line: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", line + "\n")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["portfolio"], "Invalid value for 'SPEC...': give at least one technique, e.g. 'afforestation'"),
        (["portfolio", "biochar", "--format", "xml"], "Invalid value for '--format' / '-f'"),
        (
            ["portfolio", "biochar", "--lang", "fr"],
            "Invalid value for '--lang': 'fr' is not one of 'en', 'zh' (nbscdr portfolio -h)",
        ),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert fragment in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("nbscdr: ")  # one line


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    result = run("portfolio", "afforestation", "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == {
        "low": 3.0,
        "high": 18.0,
        "up_to": [],
        "as_given": True,
        "significant_figures": 2,
    }


def test_failing_run_leaves_output_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    out.write_text("precious", encoding="utf-8")
    result = run("portfolio", "nope", "-f", "json", "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.json"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing-folder/p.json", "folder '{tmp}/missing-folder' does not exist"),
        (".", "is a folder; give a file name"),
    ],
)
def test_odd_output_paths(tmp_path: Path, target: str, message: str) -> None:
    path = tmp_path / target
    result = run("list", "-o", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"nbscdr: --output {path}: {message.format(tmp=tmp_path)}\n"


def test_output_may_not_be_the_input_file(tmp_path: Path) -> None:
    portfolio = tmp_path / "p.toml"
    portfolio.write_text('[[entries]]\ntechnique = "biochar"\n', encoding="utf-8")
    result = run("portfolio", "--file", str(portfolio), "-o", str(portfolio))
    assert result.exit_code == 1
    assert result.stderr == f"nbscdr: --output {portfolio}: is one of the input files; choose another name\n"
    assert portfolio.read_text(encoding="utf-8") == '[[entries]]\ntechnique = "biochar"\n'


def test_version() -> None:
    from nbscdr_cli import __version__

    assert run("--version").stdout == f"nbscdr {__version__}\n"


def test_every_command_has_help() -> None:
    from typer.main import get_command

    group = get_command(app)
    names = group.list_commands(None)  # type: ignore[attr-defined]
    assert names == [
        "list",
        "assessments",
        "references",
        "show",
        "portfolio",
        "compare",
        "chart",
        "brief",
        "convert",
        "rank",
        "regions",
    ]
    for name in names:
        command = group.get_command(None, name)  # type: ignore[attr-defined]
        assert command.help, name
        result = run(name, "--help")
        assert result.exit_code == 0 and f"Usage: nbscdr {name} [OPTIONS]" in result.stdout
    assert all(f"  {name} " in run("--help").stdout for name in names)


def test_a_catalog_without_assessments_shows_its_techniques_and_refuses_economic(tmp_path: Path) -> None:
    data = ["--data", str(DATA / "three.toml")]
    shown = run("show", "alpha", *data)
    assert (shown.exit_code, shown.stderr) == (0, "")
    assert shown.stdout.splitlines()[0] == "Alpha (alpha)"
    refused = run("portfolio", "alpha", *data, "--potential", "economic")
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == (
        "nbscdr: --potential: this catalog has no assessments, so no economic potential: "
        "its figures are technical potentials\n"
    )
    unsourced = run("portfolio", "alpha", *data, "-f", "json")
    (note,) = [w for w in json.loads(unsourced.stdout)["warnings"] if w["code"] == "no-source"]
    assert note["message"] == "Alpha: no source given in the data file; check before quoting."


def test_no_chance_is_stated_for_a_reference_with_nothing_in_its_scope() -> None:
    doc = json.loads(run("portfolio", "biochar", "-n", "100", "--seed", "1", "-f", "json").stdout)
    assert doc["comparisons"][0]["in_scope"]["techniques"] == []
    assert doc["uncertainty"]["probability"] == {}


def test_economic_rows_keep_the_measures_cost_and_readiness() -> None:
    doc = json.loads(run("list", "-a", "ar6", "--potential", "economic", "-f", "json").stdout)
    afforestation = next(t for t in doc["techniques"] if t["id"] == "afforestation")
    assert (afforestation["cost"]["low"], afforestation["cost"]["high"]) == (0.0, 240.0)
    assert (afforestation["trl"]["low"], afforestation["trl"]["high"]) == (8, 9)


def test_a_reference_with_no_entry_in_its_scope_has_no_position() -> None:
    """biochar alone against UNEP (forests, wetlands, soils): an empty subtotal of 0
    is not "below" the reference; the JSON says there is nothing to compare."""
    doc = json.loads(run("portfolio", "biochar", "-f", "json").stdout)
    (unep,) = doc["comparisons"]
    assert unep["in_scope"]["techniques"] == [] and unep["out_of_scope"] == ["biochar"]
    assert (unep["position"], unep["difference"], unep["overlap"], unep["meets_at"]) == (
        None,
        None,
        None,
        None,
    )
