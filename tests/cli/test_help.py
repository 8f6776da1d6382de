"""A CLI that teaches itself (issue 14), through the installed command: help
pages with meaningful placeholders and examples that run, formats each command
has, Tab completion of fixed choices and ids, did-you-mean for commands, and
global options before the command."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

COMMANDS = [
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


def run(
    nbscdr_command: list[str], tmp_path: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*nbscdr_command, *args],
        capture_output=True,
        text=True,
        env=subprocess_env(tmp_path, **env),
        cwd=tmp_path,
        timeout=120,
    )


def examples(help_text: str) -> list[str]:
    _, _, tail = help_text.partition("\n  Examples:\n")
    return [line.strip() for line in tail.splitlines() if line.strip()]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_pages_end_with_examples_that_run(
    nbscdr_command: list[str], tmp_path: Path, command: str
) -> None:
    page = run(nbscdr_command, tmp_path, command, "-h")
    assert page.returncode == 0
    assert not re.search(r"<(str|int|float|text|integer)>|x<=|<=x", page.stdout, re.IGNORECASE)
    lines = examples(page.stdout)
    assert 2 <= len(lines) <= 3, page.stdout
    assert page.stdout.rstrip().endswith(lines[-1])  # the page ends with them
    for line in lines:
        args = shlex.split(line)
        assert args[:2] == ["nbscdr", command]
        result = run(nbscdr_command, tmp_path, *args[1:])
        assert result.returncode == 0, (line, result.stderr)
        assert result.stderr == "", line
        assert result.stdout or "-o" in args, line


def test_the_root_help_points_to_the_commands(nbscdr_command: list[str], tmp_path: Path) -> None:
    page = run(nbscdr_command, tmp_path, "-h").stdout
    assert examples(page) == [
        "nbscdr portfolio afforestation biochar soil-carbon wetlands",
        "nbscdr brief afforestation biochar soil-carbon -o brief.html",
        "nbscdr COMMAND -h  (each command's options and examples)",
    ]


def test_no_help_says_co2e_is_co2(nbscdr_command: list[str], tmp_path: Path) -> None:
    """Issue 20 #7 and 21 row 6 removed the blanket "CO2e counts as CO2"; UNEP's
    4–12 is Gt of CO2 in the Chinese edition the tool cites (21 row 9)."""
    root = " ".join(run(nbscdr_command, tmp_path, "-h").stdout.split())
    assert "compare it with UNEP's 4-12 Gt CO2/yr for forests, wetlands and soils" in root
    for command in ("portfolio", "compare", "chart", "brief", "rank", "convert"):
        page = " ".join(run(nbscdr_command, tmp_path, command, "-h").stdout.split())
        assert "counts as CO2" not in page, command
    page = " ".join(run(nbscdr_command, tmp_path, "convert", "-h").stdout.split())
    assert "CO2e converts only to CO2e" in page
    refused = run(nbscdr_command, tmp_path, "convert", "1 Gt CO2e/yr", "--to", "Mt C/yr")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        "nbscdr: --to: cannot convert 'Gt CO2e/yr' to 'Mt C/yr': CO2e is not CO2 (a CO2e figure may count "
        "methane, nitrous oxide or avoided emissions), so it has no CO2 or carbon mass to convert; convert CO2e "
        "to CO2e, or CO2 and C between themselves\n"
    )


def test_placeholders_name_what_to_give(nbscdr_command: list[str], tmp_path: Path) -> None:
    page = run(nbscdr_command, tmp_path, "portfolio", "-h").stdout
    for placeholder in (
        "-n, --samples <N>",
        "--seed <SEED>",
        "--lang <en|zh>",
        "--file <FILE>",
        "--unit <UNIT>",
    ):
        assert placeholder in page


@pytest.mark.parametrize("command", COMMANDS)
def test_format_offers_only_what_the_command_has(
    nbscdr_command: list[str], tmp_path: Path, command: str
) -> None:
    page = run(nbscdr_command, tmp_path, command, "-h").stdout
    offered = re.search(r"-f, --format <([a-z|]+)>", page)
    if command in ("chart", "brief"):  # the output file's extension decides
        assert offered is None
        return
    assert offered is not None
    expected = "table|json|csv|markdown|iamc" if command == "portfolio" else "table|json|csv|markdown"
    assert offered.group(1) == expected
    if command != "portfolio":
        result = run(
            nbscdr_command, tmp_path, command, *(["biochar"] if command == "show" else []), "-f", "iamc"
        )
        assert result.returncode == 2 and "'iamc' is not one of" in result.stderr


def complete(nbscdr_command: list[str], tmp_path: Path, line: str) -> list[str]:
    words = line.split(" ")
    result = run(
        nbscdr_command,
        tmp_path,
        _NBSCDR_COMPLETE="complete_bash",
        COMP_WORDS=line,
        COMP_CWORD=str(len(words) - 1),
    )
    assert result.returncode == 0 and result.stderr == ""
    return result.stdout.split()


@pytest.mark.parametrize(
    ("line", "answers"),
    [
        ("nbscdr portfolio --lang ", ["en", "zh"]),
        ("nbscdr portfolio --distribution ", ["uniform", "triangular", "pert", "lognormal"]),
        ("nbscdr portfolio --potential ", ["technical", "economic"]),
        ("nbscdr list -f ", ["table", "json", "csv", "markdown"]),
        ("nbscdr portfolio -a ", ["c2g2019", "fuss2018", "sr15", "ar6", "roe2021"]),
        ("nbscdr compare -a c2g2019,a", ["c2g2019,ar6"]),
        ("nbscdr portfolio -r ar6-afolu-c", ["ar6-afolu-c1", "ar6-afolu-c3"]),
        ("nbscdr portfolio biochar peat", ["peatland-restoration"]),  # any assessment's techniques
        ("nbscdr show so", ["soil-carbon"]),
        ("nbscdr por", ["portfolio"]),
    ],
)
def test_completion(nbscdr_command: list[str], tmp_path: Path, line: str, answers: list[str]) -> None:
    assert complete(nbscdr_command, tmp_path, line) == answers


def test_mistyped_command_gets_a_suggestion(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, tmp_path, "protfolio", "biochar")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "nbscdr: No such command 'protfolio' (did you mean 'portfolio'?). Commands: list, assessments, "
        "references, show, portfolio, compare, chart, brief, convert, rank, regions (nbscdr -h)\n"
    )


def test_global_options_before_the_command(nbscdr_command: list[str], tmp_path: Path) -> None:
    before = run(nbscdr_command, tmp_path, "--lang", "zh", "list")
    after = run(nbscdr_command, tmp_path, "list", "--lang", "zh")
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout and "造林和再造林" in before.stdout
    data = tmp_path / "three.toml"
    data.write_text(Path(__file__).parents[1].joinpath("data", "three.toml").read_text("utf-8"), "utf-8")
    assert run(nbscdr_command, tmp_path, "--data", str(data), "list").stdout == (
        run(nbscdr_command, tmp_path, "list", "--data", str(data)).stdout
    )
    wins = run(nbscdr_command, tmp_path, "--lang", "zh", "list", "--lang", "en").stdout
    assert " Id " in wins and "编号" not in wins  # the command's own --lang wins
