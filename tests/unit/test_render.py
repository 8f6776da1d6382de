"""The renderers on their own: a document and an Environment in, text out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nbscdr_cli import Request, analyse
from nbscdr_cli.api.wording import join_scopes, scope_name
from nbscdr_cli.base.i18n import _
from nbscdr_cli.cli.output import output_format
from nbscdr_cli.model.errors import UsageError
from nbscdr_cli.render import render
from nbscdr_cli.render.environment import Environment, locale_lang

PIPE = Environment()
TERMINAL = Environment(stdout_terminal=True, encoding="utf-8", width=120, colour=False)


@pytest.fixture(scope="module")
def doc() -> dict[str, object]:
    return analyse(Request(["afforestation", "macroalgae"])).to_dict()


def test_table_in_a_pipe_is_plain_ascii(doc: dict[str, object]) -> None:
    out = render("portfolio", doc, "table", lang="en", env=PIPE)
    assert out.isascii() is False  # the en dash of ranges stays
    # no frame: a rule under the header and between columns, the unit in the title
    assert (
        out.splitlines()[0]
        == "Portfolio (potential of a kind not stated, C2G (2019) policy brief), Gt CO2/yr"
    )
    assert out.splitlines()[2].startswith("-----") and "-+-" in out.splitlines()[2]
    assert " Macroalgal cultivation for sequestration (macroalgae)¹ | 0 (up to)² |   19" in out
    assert not [line for line in out.splitlines() if line.endswith(" ")]  # a pipe gets no trailing spaces
    assert "\x1b[" not in out


def test_table_on_a_terminal_has_boxes_and_no_colour_without_it(doc: dict[str, object]) -> None:
    out = render("portfolio", doc, "table", lang="en", env=TERMINAL)
    assert "│" in out and "┼" in out and "+" not in out
    assert "\x1b[3" not in out  # no colour codes when colour is off


def test_a_terminal_that_cannot_show_boxes_gets_ascii(doc: dict[str, object]) -> None:
    out = render("portfolio", doc, "table", lang="en", env=TERMINAL._replace(encoding="ascii"))
    assert "│" not in out and "-+-" in out
    assert "Total[3]" in out  # no superscripts either: bracketed markers


def test_json_is_compact_in_a_pipe_and_indented_on_a_terminal(doc: dict[str, object]) -> None:
    compact = render("portfolio", doc, "json", lang="en", env=PIPE)
    indented = render("portfolio", doc, "json", lang="en", env=TERMINAL)
    assert compact.count("\n") == 1 and indented.count("\n") > 20
    assert json.loads(compact) == json.loads(indented) == doc


def test_markdown_and_csv_rows(doc: dict[str, object]) -> None:
    md = render("portfolio", doc, "markdown", lang="zh", env=PIPE)
    assert "| **合计³** | **3** | **37** |" in md
    csv = render("portfolio", doc, "csv", lang="en", env=PIPE).splitlines()
    assert (
        csv[0] == "technique,name_en,name_zh,share,low,high,central,unit,up_to,own_figure,fallback,assessment"
    )
    assert csv[-1] == "total,Total,合计,,3.0,37.0,,Gt CO2/yr,true,false,false,c2g2019"


def test_one_lookup_for_every_label() -> None:
    """English as written in the code, Chinese from the catalog (every message
    has a translation: tests/architecture/test_translations.py)."""
    assert _("Total", "en") == "Total" and _("Total", "zh") == "合计"
    assert _("{names}: up to", "en", names="x") == "x: up to"
    assert scope_name("peat", "en") == "peat"  # a user's own scope, as written
    assert join_scopes(["forests", "wetlands", "soils"], "en") == "forests, wetlands and soils"
    assert join_scopes(["forests", "wetlands", "soils"], "zh") == "森林、湿地、土壤"


@pytest.mark.parametrize(
    ("fmt", "output", "formats", "expected"),
    [
        (None, None, ["table", "json"], "table"),
        (None, "out.json", ["table", "json"], "json"),
        (None, "out.MD", ["table", "markdown"], "markdown"),
        (None, "out", ["table", "json"], "table"),
        ("json", "-", ["table", "json"], "json"),
        ("iamc", "out.csv", ["table", "csv", "iamc"], "iamc"),
    ],
)
def test_format_from_the_file_name(
    fmt: str | None, output: str | None, formats: list[str], expected: str
) -> None:
    assert output_format(fmt, None if output is None else Path(output), formats) == expected


@pytest.mark.parametrize(
    ("fmt", "output", "formats", "field", "message"),
    [
        (
            "csv",
            "out.json",
            ["table", "json", "csv"],
            "format",
            "csv contradicts the file name 'out.json' (json)",
        ),
        (None, "b.pdf", ["markdown"], "output", "'b.pdf' names a pdf file; this command writes markdown"),
        # a kind of file nbscdr never writes contradicts any format (CSV text is no workbook)
        (
            "csv",
            "x.docx",
            ["table", "csv"],
            "format",
            "csv contradicts the file name 'x.docx' (a Word document)",
        ),
        (
            "iamc",
            "x.XLSX",
            ["csv", "iamc"],
            "format",
            "iamc contradicts the file name 'x.XLSX' (an Excel workbook)",
        ),
        (
            None,
            "x.xlsx",
            ["table", "csv"],
            "output",
            "'x.xlsx': nbscdr writes no .xlsx files; give a name ending in .csv, .txt",
        ),
    ],
)
def test_format_and_file_name_must_agree(
    fmt: str | None, output: str, formats: list[str], field: str, message: str
) -> None:
    with pytest.raises(UsageError) as err:
        output_format(fmt, Path(output), formats)
    assert (err.value.field, err.value.message) == (field, message)


def test_a_format_given_takes_an_extension_of_no_kind() -> None:
    assert output_format("csv", Path("x.dat"), ["table", "csv"]) == "csv"


def test_a_chart_file_needs_an_extension() -> None:
    with pytest.raises(UsageError) as err:
        output_format(None, Path("chart"), ["png", "svg", "pdf"], need_suffix=True)
    assert err.value.message == "'chart': give a file name ending in .png, .svg, .pdf"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_from_the_locale(environ: dict[str, str], lang: str) -> None:
    assert locale_lang(environ) == lang


def test_a_file_output_is_never_a_terminal() -> None:
    env = TERMINAL._replace(colour=True, encoding="ascii").for_file()
    assert (env.stdout_terminal, env.colour, env.unicode, env.width) == (False, False, True, 100)


@pytest.mark.parametrize(
    ("value", "as_given", "derived_"),
    [
        (3.0, "3", "3"),
        (54.8, "54.8", "54.8"),
        (0.04, "0.04", "0.04"),
        (2454.5454545, "2,454.5454545", "2,450"),
        (0.0714285714, "0.0714285714", "0.0714"),
        (1e-05, "0.00001", "0.00001"),
        (1000.0, "1,000", "1,000"),
        (4.800000000000001, "4.8", "4.8"),
        (123456789.0, "123,456,789", "123,000,000"),
        (2e-9, "2e-09", "2.00e-09"),
        (0.0, "0", "0"),
    ],
)
def test_numbers_for_people(value: float, as_given: str, derived_: str) -> None:
    from nbscdr_cli.base.numbers import derived, given

    assert given(value) == as_given
    assert derived(value) == derived_


def test_ranges_and_percentages() -> None:
    from nbscdr_cli.base.numbers import given, percent, span

    assert span(10.0, 10.0, given) == "10"
    assert span(4.0, 12.0, given) == "4–12"
    assert span(8.8888, 21.2) == "8.89–21.2"
    assert [percent(p) for p in (0.0, 0.0004, 0.923, 0.99951, 1.0)] == [
        "0%",
        "<0.1%",
        "92.3%",
        ">99.9%",
        "100%",
    ]
