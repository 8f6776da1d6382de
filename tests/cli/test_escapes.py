"""Control characters in names, notes and paths never reach the terminal raw
(issue 15): a shared catalog or portfolio file must not be able to retitle,
clear or overwrite the user's terminal. Every text output shows them as
``\\xNN``; JSON escapes them as ``\\uNNNN``; error lines on stderr too."""

from __future__ import annotations

import os
import pty
import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.cli.contract import HANG_GUARD, clean, fail, read_terminal, run, usage_line
from tests.conftest import subprocess_env

# Retitle the terminal (OSC ... BEL), clear it (CSI 2J), return the carriage,
# an 8-bit CSI (C1), a backspace and DEL.
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\r\x9b31m\x08\x7fevil"
SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x9b31m\\x08\\x7fevil"
# On stderr, a message is one line: its whitespace (\r too) becomes one space.
SHOWN_IN_A_LINE = SHOWN.replace("\\x0d", " ")
# Raw controls: C0 but tab and newline, DEL, and C1 (two bytes in UTF-8).
RAW = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
# Colour and bold (SGR) are what a terminal table may hold, nothing else.
NOT_SGR = re.compile(rb"\x1b(?!\[[0-9;]*m)")


def toml_text(text: str) -> str:
    return (
        '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 else c for c in text) + '"'
    )


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A catalog whose every free text holds the hostile sequence."""
    h = toml_text(HOSTILE)
    path = tmp_path / "hostile.toml"
    path.write_text(
        f"""
[assessments.a]
name = {h}
citation = {h}

[techniques.x]
name = {{ en = {toml_text("X " + HOSTILE)}, zh = {h} }}
high = 2
low = 1
unit = "Gt CO2/yr"
readiness = {h}
notes = {h}
source = {h}
scope = {h}
durability = [{{ en = {h}, source = {h} }}]
caveat = {{ en = {h}, source = {h} }}
governance = [{{ id = "g", en = {h} }}]
iamc_variable = {toml_text("Carbon Removal|" + HOSTILE)}

[references.unep]
name = {h}
kind = "potential"
measures = {h}
low = 1
high = 3
unit = "Gt CO2/yr"
scope = [{h}]
source = {h}
""",
        encoding="utf-8",
    )
    return path


def assert_safe(output: bytes, *, shown: bool = True) -> None:
    """No raw control character; the hostile text shown escaped (tables may
    cut it short)."""
    assert not RAW.search(output), RAW.search(output)
    if shown:
        markdown = b"\\\\x1b\\]0;pwned"  # the same, escaped for Markdown: it renders as \x1b]0;pwned
        assert b"\\x1b]0;pwned" in output or b"\\u001b]0;pwned" in output or markdown in output


RUNS = {
    "portfolio table": ["portfolio", "x", "--name", HOSTILE],
    "portfolio csv": ["portfolio", "x", "--name", HOSTILE, "-f", "csv"],
    "portfolio markdown": ["portfolio", "x", "--name", HOSTILE, "-f", "markdown"],
    "portfolio json": ["portfolio", "x", "--name", HOSTILE, "-f", "json"],
    "portfolio iamc": ["portfolio", "x", "--name", HOSTILE, "-f", "iamc", "--year", "2050"],
    "list table": ["list"],
    "show table": ["show", "x"],
    "assessments": ["assessments"],
    "brief": ["brief", "x", "--name", HOSTILE],
    "terminal chart": ["chart", "x"],
}


@pytest.mark.parametrize("name", list(RUNS))
def test_text_outputs(nbscdr_command: list[str], tmp_path: Path, catalog: Path, name: str) -> None:
    assert_safe(clean(run(nbscdr_command, tmp_path, *RUNS[name], "--data", str(catalog))).encode())


def test_portfolio_file_names(nbscdr_command: list[str], tmp_path: Path) -> None:
    portfolio = tmp_path / "p.toml"
    portfolio.write_text(
        f'name = {toml_text(HOSTILE)}\n[[entries]]\ntechnique = "biochar"\n', encoding="utf-8"
    )
    for fmt in ("table", "markdown", "csv", "json"):
        result = run(nbscdr_command, tmp_path, "portfolio", "--file", str(portfolio), "-f", fmt)
        assert_safe(clean(result).encode(), shown=fmt != "csv")  # CSV has no name


def test_on_a_terminal(nbscdr_command: list[str], tmp_path: Path, catalog: Path) -> None:
    leader, follower = pty.openpty()
    env = subprocess_env(tmp_path, TERM="xterm-256color", COLUMNS="160")
    env.pop("NO_COLOR")
    proc = subprocess.Popen(
        [*nbscdr_command, "show", "x", "--data", str(catalog)],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    out = read_terminal(leader)
    proc.wait(timeout=HANG_GUARD)
    os.close(leader)
    assert proc.returncode == 0
    assert not NOT_SGR.search(out)  # colour, but no other escape sequence
    assert b"\x07" not in out and b"\xc2\x9b" not in out
    assert b"\\x1b]0;pwned" in out


def test_error_lines(nbscdr_command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / f"{HOSTILE}.toml"
    line = fail(nbscdr_command, tmp_path, "list", "--data", str(missing))
    assert line == f"{tmp_path}/{SHOWN_IN_A_LINE}.toml: data file not found"
    line = fail(nbscdr_command, tmp_path, "portfolio", "--file", str(missing))
    assert line == f"{tmp_path}/{SHOWN_IN_A_LINE}.toml: portfolio file not found"
    portfolio = tmp_path / "p.json"
    portfolio.write_text('{"entries": [{"technique": "\\u001b[2Jx"}]}', encoding="utf-8")
    line = fail(nbscdr_command, tmp_path, "portfolio", "--file", str(portfolio))
    assert (
        line == f"{portfolio}: entries[0]: unknown technique '\\x1b[2Jx'; `nbscdr list` shows the techniques"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["portfolio", "biochar", "-n", HOSTILE],
        ["portfolio", "biochar", "--from", "2030", "--to", "2040", "--ramp-years", f"{HOSTILE}=3"],
        ["list", "-f", HOSTILE],
        ["list", f"--{HOSTILE}"],
        ["portfolio", "biochar", "-o", f"{HOSTILE}/out.csv"],
    ],
    ids=["samples", "ramp years", "format", "option name", "output"],
)
def test_usage_and_option_errors(nbscdr_command: list[str], tmp_path: Path, args: list[str]) -> None:
    result = run(nbscdr_command, tmp_path, *args)
    stderr = result.stderr
    assert result.returncode in (1, 2) and result.stdout == b""
    assert not RAW.search(stderr.replace(b"\n", b"")), stderr
    if result.returncode == 2:
        assert "\\x1b" in usage_line(result)


def test_svg_chart(nbscdr_command: list[str], tmp_path: Path) -> None:
    # SVG is text too (XML refuses control characters); this catalog has no
    # references, so no legend: neither gives a Python warning.
    data = tmp_path / "plain.toml"
    data.write_text(
        f'[techniques.x]\nname = {{ en = {toml_text(HOSTILE)} }}\nhigh = 2\nunit = "Gt CO2/yr"\n'
        f"source = {toml_text(HOSTILE)}\n",
        encoding="utf-8",
    )
    chart = tmp_path / "chart.svg"
    assert clean(run(nbscdr_command, tmp_path, "chart", "x", "--data", str(data), "-o", str(chart))) == ""
    assert not RAW.search(chart.read_bytes().replace(b"\n", b""))
    ElementTree.parse(chart)
