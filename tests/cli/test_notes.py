"""The terminal answer a person reads in ten seconds (issue 28): the essential
notes by default, each tied by a footnote marker to the cells it qualifies,
every note with --notes all, none with --notes none; every table with a title
that says its method; a top-level help whose summaries are never cut."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from nbscdr_cli import HorizonSettings, MonteCarlo, Request, analyse
from nbscdr_cli.render import tables
from tests.conftest import subprocess_env

SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
PERIOD = [
    "afforestation",
    "biochar",
    "soil-carbon",
    "--from",
    "2030",
    "--to",
    "2050",
    "-n",
    "1000",
    "--seed",
    "1",
]
MARKER = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) ")


def run(nbscdr_command: list[str], tmp_path: Path, *args: str, columns: int = 100) -> str:
    result = subprocess.run(
        [*nbscdr_command, *args],
        env=subprocess_env(tmp_path, COLUMNS=str(columns)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def split(output: str) -> tuple[str, list[str]]:
    """The tables (every line before the first note) and the notes."""
    lines = output.splitlines()
    first = next(i for i, line in enumerate(lines) if MARKER.match(line))
    return "\n".join(lines[:first]), lines[first:]


def test_the_readme_main_command_reads_in_twenty_lines(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = run(nbscdr_command, tmp_path, "portfolio", *SIX)
    assert len(out.splitlines()) <= 20
    tables_, notes = split(out)
    markers = [MARKER.match(line).group(1) for line in notes]  # type: ignore[union-attr]
    assert markers == ["¹", "²", "³", "⁴", "⁵"]  # numbered in the order the tables show them
    for marker in markers:
        assert marker in tables_, marker  # every note's marker is in a cell it qualifies
    said = "\n".join(notes)
    essential = {
        "sum of extremes": "⁴ Totals add every low and every high: they assume all extremes happen together.",
        "up to": "³ Macroalgal cultivation for sequestration and Restoring wetlands: the source gives only an "
        'upper bound ("up to")',
        "double counting": "¹ May count the same carbon twice: Restoring wetlands and Afforestation and "
        "reforestation; Biochar and Carbon sequestration in soils; Biochar and Building with biomass; "
        "Afforestation and reforestation and Building with biomass",
        "the reference's scope": "⁵ UNEP estimate covers forests, wetlands and soils only, so it is compared "
        "with Afforestation and reforestation, Carbon sequestration in soils and Restoring wetlands",
        "a caveat": "² Macroalgal cultivation for sequestration: IPCC AR6 WGIII calls the potential for carbon "
        'sequestration in macroalgae "debated" and gives no assessed estimate (more: nbscdr show macroalgae).',
    }
    for what, text in essential.items():
        assert text in said, what
    # the cells: each pair's entries, the "up to" lows, the total, the reference's row
    assert " Restoring wetlands (wetlands)¹ " in tables_ and " 0 (up to)³ " in tables_
    assert " Total⁴ " in tables_ and " UNEP estimate⁵ " in tables_
    for boilerplate in ("Figures:", "is a potential: removal potential", "not permanent", "given in CO2e"):
        assert boilerplate not in out, boilerplate


def test_a_period_with_uncertainty_keeps_its_essential_notes(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    out = run(nbscdr_command, tmp_path, "portfolio", *PERIOD)
    tables_, notes = split(out)
    codes = {
        w["code"]: w
        for w in json.loads(run(nbscdr_command, tmp_path, "portfolio", *PERIOD, "-f", "json"))["warnings"]
    }
    essential = [w for w in codes.values() if w["essential"]]
    assert {w["code"] for w in essential} == {
        "sum-of-extremes",
        "distribution",
        "years",
        "no-ramp",
        "saturation",
        "no-saturation",
        "no-reversal",
        "double-counting",
        "reference-scope",
    }
    for note in essential:
        line = next(line for line in notes if note["message"] in line)
        assert MARKER.match(line).group(1) in tables_  # type: ignore[union-attr]
    # the period's assumptions are marked on the period table's title and its rows
    title = next(line for line in tables_.splitlines() if line.startswith("Over the period 2030–2050"))
    assert re.search(r"\(20 years\)[⁰¹²³⁴⁵⁶⁷⁸⁹,]+, Gt CO2$", title)
    assert (
        "Uncertainty of the total: Monte Carlo, 1,000 samples, seed 1, uniform, rank correlation 0" in tables_
    )


def test_notes_all_prints_every_note_and_none_prints_none(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = json.loads(run(nbscdr_command, tmp_path, "portfolio", *SIX, "-f", "json"))
    every = run(nbscdr_command, tmp_path, "portfolio", *SIX, "--notes", "all")
    for note in doc["warnings"]:  # every note there is, in full
        assert note["message"] in every, note["code"]
    assert [n["code"] for n in doc["warnings"] if not n["essential"]] == [
        "figures",
        "reference",
        "permanence",
    ]  # no figure here is in CO2e (issue 21: UNEP's is Gt CO2, as the Chinese edition writes)
    _, notes = split(every)
    general = notes[notes.index("On the whole result:") + 1 :]
    assert general == [  # no cell to mark: under a heading of their own
        "- Nature-based storage is not permanent: a forest's uptake, for example, declines as it ages, and trees "
        "that die and decay, through age, drought, forest fire, pests or deforestation, release CO2 and other gases "
        "again (C2G 2019)."
    ]
    bare = run(nbscdr_command, tmp_path, "portfolio", *SIX, "--notes", "none")
    assert not re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]", bare)
    assert bare.splitlines()[-1].startswith(" UNEP estimate ")  # the tables alone
    markdown = run(nbscdr_command, tmp_path, "portfolio", *SIX, "-f", "markdown", "--notes", "none")
    assert "### Notes" not in markdown and "¹" not in markdown


def test_notes_is_refused_where_there_are_none_to_choose(nbscdr_command: list[str], tmp_path: Path) -> None:
    for fmt, why in (("json", "json keeps every note"), ("csv", "csv has no notes")):
        result = subprocess.run(
            [*nbscdr_command, "portfolio", "biochar", "-f", fmt, "--notes", "none"],
            env=subprocess_env(tmp_path),
            capture_output=True,
            text=True,
        )
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == (
            f"nbscdr: Invalid value for '--notes': applies to the table and markdown formats; {why} "
            "(nbscdr portfolio -h)\n"
        )


def test_markers_are_bracketed_where_superscripts_cannot_be_shown() -> None:
    from nbscdr_cli.render import render
    from nbscdr_cli.render.environment import Environment

    doc = analyse(Request(["afforestation", "macroalgae"])).to_dict()
    out = render("portfolio", doc, "table", lang="en", env=Environment(encoding="ascii"))
    assert " Macroalgal cultivation for sequestration (macroalgae)[1] | 0 (up to)[2] " in out
    assert "\n[3] Totals add every low and every high" in out


def test_json_says_which_notes_are_essential_and_what_they_qualify() -> None:
    doc = analyse(Request(["afforestation", "wetlands", "macroalgae"])).to_dict()
    notes = {n["code"]: n for n in doc["warnings"]}
    assert (notes["up-to"]["essential"], notes["up-to"]["anchors"]) == (
        True,
        ["low:wetlands", "low:macroalgae"],  # in the portfolio's order
    )
    assert notes["double-counting"]["anchors"] == ["entry:wetlands", "entry:afforestation"]
    assert (notes["reference"]["essential"], notes["reference"]["anchors"]) == (False, ["reference:unep"])
    assert (notes["permanence"]["essential"], notes["permanence"]["anchors"]) == (False, [])
    caveat = notes["caveat"]
    assert "9% of the oceans" in caveat["message"] and "9% of the oceans" not in caveat["summary"]


def test_every_table_has_a_title_that_says_its_method() -> None:
    a = analyse(
        Request(
            ["afforestation", "soil-carbon"],
            horizon=HorizonSettings(2030, 2050),
            monte_carlo=MonteCarlo(1000, seed=1),
            references=["unep", "sr15-cdr"],
        )
    )
    grids = tables.portfolio_grids(a.to_dict(), "en")
    assert [g.title for g in grids] == [
        "Portfolio (potential of a kind not stated, C2G (2019) policy brief)",
        "Each reference against the entries in its scope",
        "Uncertainty of the total: Monte Carlo, 1,000 samples, seed 1, uniform, rank correlation 0",
        "Over the period 2030–2050 (20 years)",
        "Cumulative references over the period",
        "Uncertainty over the period 2030–2050: Monte Carlo, 1,000 samples, seed 1, uniform, rank correlation 0",
    ]


@pytest.mark.parametrize("columns", [80, 100])
def test_the_top_level_help_cuts_no_summary(nbscdr_command: list[str], tmp_path: Path, columns: int) -> None:
    out = run(nbscdr_command, tmp_path, "--help", columns=columns)
    from nbscdr_cli.cli.program import COMMANDS, SUMMARIES

    assert set(SUMMARIES) == set(COMMANDS)  # each written by hand
    commands = out.split("Commands:\n")[1].split("\n\n")[0].splitlines()
    assert len(commands) == len(COMMANDS)  # one line each: whole sentences that fit
    for line in commands:
        assert len(line) <= columns and line.endswith(".") and "..." not in line, line
