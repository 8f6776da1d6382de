"""Long values in files and options are quoted cut short (issue 15): a 5 MB name
in a portfolio file gives a one-line error of a few hundred characters, not a
5 MB one. Quoted values keep 57 characters and "..."; key paths keep their
start and end; anything else is cut by the last line of defence in
``NbscdrError``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.contract import fail

HUGE = "x" * 5_000_000  # the case
BIG = "x" * 100_000
SHOWN = "x" * 57 + "..."
LONGEST = 700  # characters in any error line here


def _portfolio(tmp_path: Path, document: object) -> str:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


PORTFOLIOS = {
    "technique": (
        {"entries": [{"technique": HUGE}]},
        f"entries[0]: unknown technique '{SHOWN}'; `nbscdr list` shows the techniques",
    ),
    "entry key": (
        {"entries": [{"technique": "biochar", BIG: 1}]},
        f"entries[0]: unknown key '{SHOWN}'; known keys: high, low, mode, share, technique, unit",
    ),
    "top key": ({BIG: 1, "entries": []}, f"{SHOWN}: unknown key; known keys: entries, name"),
    "share": (
        {"entries": [{"technique": "biochar", "share": BIG}]},
        f"entries[0]: share '{SHOWN}' is not a number or percentage, e.g. 50% or 0.5",
    ),
    "a 300-digit low": (
        {"entries": [{"technique": "biochar", "low": int("9" * 300), "high": 1}]},
        f"entries[0]: low {'9' * 57}... is above high 1",
    ),
    "a list for a number": (
        {"entries": [{"technique": "biochar", "high": [BIG]}]},
        f"entries[0]: high: must be a number, not ['{'x' * 55}...",
    ),
}


@pytest.mark.parametrize("name", list(PORTFOLIOS))
def test_portfolio_file(nbscdr_command: list[str], tmp_path: Path, name: str) -> None:
    document, message = PORTFOLIOS[name]
    path = _portfolio(tmp_path, document)
    assert fail(nbscdr_command, tmp_path, "portfolio", "--file", path) == f"{path}: {message}"


def test_duplicate_key_in_json(nbscdr_command: list[str], tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"entries": [], "' + BIG + '": 1, "' + BIG + '": 2}', encoding="utf-8")
    line = fail(nbscdr_command, tmp_path, "portfolio", "--file", str(path))
    assert line == f"{path}: invalid JSON: duplicate key '{SHOWN}'"


A = "a" * 1_000_000
CATALOGS = {
    "technique id": (
        f'[techniques.{A}]\nname = {{ en = "X" }}\nunit = "Gt CO2/yr"\n',
        f"techniques.{'a' * 46} ... {'a' * 52}.high: missing (the upper end of the range is required)",
    ),
    "alias": (
        f'[techniques.x]\nname = {{ en = "X" }}\nhigh = 1\nunit = "Gt CO2/yr"\naliases = ["{A}"]\n'
        f'[techniques.y]\nname = {{ en = "Y" }}\nhigh = 1\nunit = "Gt CO2/yr"\naliases = ["{A}"]\n',
        f"techniques.y: name or alias '{'a' * 57}...' is already used by techniques.x (names match "
        "ignoring case, width and separators)",
    ),
    "default assessment": (
        f'default_assessment = "{A}"\n[techniques.x]\nname = {{ en = "X" }}\nhigh = 1\nunit = "Gt CO2/yr"\n',
        f"default_assessment: '{'a' * 57}...' is not defined under [assessments]",
    ),
}


@pytest.mark.parametrize("name", list(CATALOGS))
def test_catalog(nbscdr_command: list[str], tmp_path: Path, name: str) -> None:
    text, message = CATALOGS[name]
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    assert fail(nbscdr_command, tmp_path, "list", "--data", str(path)) == f"{path}: {message}"


LONG_ARG = "a" * 100_000  # one argument may be at most 128 kB on Linux


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["portfolio", "biochar", "-a", LONG_ARG], 1),
        (["portfolio", "biochar", "-r", LONG_ARG], 1),
        (["portfolio", "biochar", "--from", "2030", "--to", "2040", "--ramp-years", f"{LONG_ARG}=3"], 2),
        (["portfolio", "biochar", "-n", LONG_ARG], 2),
        (["portfolio", "biochar", "-n", "10", "--target", f"{'1' * 100_000} Gt CO2/yr"], 2),
        (["convert", f"{'1' * 100_000} Gt", "--to", "Gt CO2"], 1),
        (["list", "--data", "/" + "/".join(["d" * 250] * 16)], 1),
    ],
    ids=["assessment", "reference", "ramp years", "samples", "target", "convert", "path"],
)
def test_options(nbscdr_command: list[str], tmp_path: Path, args: list[str], code: int) -> None:
    line = fail(nbscdr_command, tmp_path, *args, code=code)
    assert len(line) < LONGEST, line
