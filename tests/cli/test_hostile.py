"""Hostile input, through the installed command in a subprocess.

Every case checks the whole contract: the exit code, one line on stderr with the
expected message, nothing on stdout, an existing output file untouched and no
temporary file left beside it, and no traceback. The subprocess timeout is a hang
guard, not a speed test.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.cli.contract import csv_total, read_terminal
from tests.conftest import subprocess_env

# SGR colour codes: 30-38 (foreground), 40-48 (background), 90-97, 100-107
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")
BIG_SPEC = "afforestation=" + "1" * 100_000  # one argument may be at most 128 kB on Linux


@dataclass
class Case:
    id: str
    args: list[str]
    code: int
    message: str  # the stderr line starts with "nbscdr: " + this (exit 1) or contains it (exit 2)
    files: dict[str, bytes] = field(default_factory=dict)
    stdin: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)


CATALOG_OK = b'[techniques.x]\nname = { en = "X" }\nhigh = 1\nunit = "Gt CO2/yr"\n'

CASES = [
    # data files
    Case(
        "toml syntax",
        ["list", "--data", "{d}/bad.toml"],
        1,
        "{d}/bad.toml: invalid TOML: Expected '=' after a key in a key/value pair (at line 2, column 5)",
        {"bad.toml": b"[techniques.x]\nname\n"},
    ),
    Case(
        "not utf-8",
        ["list", "--data", "{d}/latin.toml"],
        1,
        "{d}/latin.toml: not UTF-8 text (byte 0xe9 on line 1)",
        {"latin.toml": b"# caf\xe9\n"},
    ),
    Case(
        "empty data",
        ["list", "--data", "{d}/empty.toml"],
        1,
        "{d}/empty.toml: techniques: missing table",
        {"empty.toml": b""},
    ),
    Case(
        "duplicate id",
        ["list", "--data", "{d}/dup.toml"],
        1,
        "{d}/dup.toml: invalid TOML: Cannot declare ('techniques', 'x') twice (at line 5, column 14)",
        {"dup.toml": CATALOG_OK + b"[techniques.x]\n"},
    ),
    Case(
        "nan in data",
        ["list", "--data", "{d}/nan.toml"],
        1,
        "{d}/nan.toml: techniques.x.high: must be a finite number, not nan",
        {"nan.toml": CATALOG_OK.replace(b"high = 1", b"high = nan")},
    ),
    Case(
        "huge integer",
        ["list", "--data", "{d}/huge.toml"],
        1,
        "{d}/huge.toml: invalid TOML: Exceeds the limit (4300 digits) for integer string conversion",
        {"huge.toml": CATALOG_OK.replace(b"high = 1", b"high = " + b"9" * 5000)},
    ),
    Case(
        "1e999",
        ["list", "--data", "{d}/inf.toml"],
        1,
        "{d}/inf.toml: techniques.x.high: must be a finite number, not inf",
        {"inf.toml": CATALOG_OK.replace(b"high = 1", b"high = 1e999")},
    ),
    Case(
        "negative",
        ["list", "--data", "{d}/neg.toml"],
        1,
        "{d}/neg.toml: techniques.x.high: -1 is negative; removals are 0 or more",
        {"neg.toml": CATALOG_OK.replace(b"high = 1", b"high = -1")},
    ),
    Case(
        "hostile unit in data",
        ["list", "--data", "{d}/unit.toml"],
        1,
        "{d}/unit.toml: techniques.x.unit: unit '10**10**10': only small integer exponents such as '**-1' are allowed",
        {"unit.toml": CATALOG_OK.replace(b'"Gt CO2/yr"', b'"10**10**10"')},
    ),
    Case(
        "deep nesting",
        ["list", "--data", "{d}/deep.toml"],
        1,
        "{d}/deep.toml: invalid TOML: nested too deeply",
        {"deep.toml": b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n"},
    ),
    Case(
        "a megabyte of junk",
        ["list", "--data", "{d}/junk.toml"],
        1,
        "{d}/junk.toml: invalid TOML: Expected '=' after a key in a key/value pair (at end of document)",
        {"junk.toml": b"x" * 1_000_000},
    ),
    Case("data is a folder", ["list", "--data", "{d}"], 1, "{d}: data file is a folder, not a file"),
    Case(
        "env data missing",
        ["list"],
        1,
        "/nonexistent/cat.toml: data file not found",
        env={"NBSCDR_DATA": "/nonexistent/cat.toml"},
    ),
    Case(
        "alias clash after NFKC",
        ["list", "--data", "{d}/clash.toml"],
        1,
        "{d}/clash.toml: techniques.y: name or alias 'Ｘ' is already used by techniques.x",
        {
            "clash.toml": CATALOG_OK
            + b'[techniques.y]\nname = { en = "Y" }\naliases = ["\xef\xbc\xb8"]\nhigh = 1\nunit = "Gt CO2/yr"\n'
        },
    ),
    # specs
    Case(
        "unknown technique",
        ["portfolio", "soil-carbn"],
        1,
        "argument 1 'soil-carbn': unknown technique 'soil-carbn' (did you mean 'soil-carbon'?); `nbscdr list` shows the techniques",
    ),
    Case(
        "share out of range",
        ["portfolio", "biochar:101%"],
        1,
        "argument 1 'biochar:101%': share 101% is outside 0–1 (0%–100%)",
    ),
    Case(
        "low above high",
        ["portfolio", "biochar=5-1"],
        1,
        "argument 1 'biochar=5-1': figure '5-1': low 5 is above high 1",
    ),
    Case(
        "megabyte spec",
        ["portfolio", BIG_SPEC],
        1,
        "argument 1 '" + BIG_SPEC[:57] + "...': spec is 100014 characters long (at most 300)",
    ),
    Case(
        "duplicate entry",
        ["portfolio", "seaweed", "macroalgae"],
        1,
        "argument 2 'macroalgae': technique 'macroalgae' is already in the portfolio (argument 1 'seaweed'); give each technique once",
    ),
    Case(
        "escape codes in spec",
        ["portfolio", "\x1b[31mred"],
        1,
        "argument 1 '\\x1b[31mred': unknown technique '\\x1b[31mred'; `nbscdr list` shows the techniques",
    ),
    # units
    Case(
        "length unit",
        ["portfolio", "biochar", "--unit", "km"],
        1,
        "--unit: unit 'km': 'km' is not a known unit",
    ),
    Case(
        "per year squared",
        ["convert", "1 Gt CO2/yr**2", "--to", "Gt CO2/yr"],
        1,
        "QUANTITY: unit 'Gt CO2/yr**2': has the wrong dimension",
    ),
    Case(
        "unbalanced",
        ["convert", "1 (Gt CO2/yr", "--to", "Gt CO2/yr"],
        1,
        "QUANTITY: unit '(Gt CO2/yr' has unbalanced parentheses",
    ),
    Case(
        "long unit",
        ["portfolio", "biochar", "--unit", "G" * 10_000],
        1,
        "--unit: unit is 10000 characters long (at most 80)",
    ),
    # portfolio files and stdin
    Case(
        "json syntax",
        ["portfolio", "--file", "{d}/p.json"],
        1,
        "{d}/p.json: invalid JSON: Expecting ',' delimiter (at line 1, column 16)",
        {"p.json": b'{"entries": [1 2]}'},
    ),
    Case(
        "json bom ok but bad",
        ["portfolio", "--file", "{d}/bom.json"],
        1,
        "{d}/bom.json: entries: must be a non-empty list of tables ([[entries]])",
        {"bom.json": b'\xef\xbb\xbf{"entries": []}'},
    ),
    Case("empty stdin", ["portfolio", "--file", "-"], 1, "<stdin>: portfolio file is empty", stdin=b""),
    Case(
        "binary stdin",
        ["portfolio", "--file", "-"],
        1,
        "<stdin>: not UTF-8 text (byte 0xff on line 1)",
        stdin=b"\xff\x00\x01",
    ),
    Case(
        "wrong type entry",
        ["portfolio", "--file", "-"],
        1,
        "<stdin>: entries[0]: share: must be a number or a percentage string, not [1]",
        stdin=b'{"entries": [{"technique": "biochar", "share": [1]}]}',
    ),
    Case(
        "portfolio file missing",
        ["portfolio", "--file", "{d}/none.toml"],
        1,
        "{d}/none.toml: portfolio file not found",
    ),
    # options (usage errors, exit 2)
    Case(
        "samples absurd",
        ["portfolio", "biochar", "-n", "1e11"],
        2,
        "Invalid value for '--samples': 1e11 is outside 1–1e+10",
    ),
    Case(
        "correlation nan",
        ["portfolio", "biochar", "-n", "10", "--correlation", "nan"],
        2,
        "Invalid value for '--correlation': nan is outside 0–1",
    ),
    Case(
        "target inf",
        ["portfolio", "biochar", "-n", "10", "--target", "inf"],
        2,
        "Invalid value for '--target': target 'inf' is not a finite number",
    ),
    Case(
        "years reversed",
        ["portfolio", "biochar", "--from", "2050", "--to", "2040"],
        2,
        "Invalid value for '--to': 2040 is not after the start year 2050",
    ),
    Case("bad format", ["list", "-f", "yaml"], 2, "Invalid value for '--format' / '-f'"),
    Case("unknown option", ["list", "--colour"], 2, "No such option: --colour"),
    # outputs
    Case(
        "output folder missing",
        ["list", "-o", "{d}/no/such/out.txt"],
        1,
        "--output {d}/no/such/out.txt: folder '{d}/no/such' does not exist",
    ),
    Case("output is a folder", ["list", "-o", "{d}"], 1, "--output {d}: is a folder; give a file name"),
    Case(
        "output is the input",
        ["portfolio", "--file", "{d}/in.toml", "-o", "{d}/in.toml"],
        1,
        "--output {d}/in.toml: is one of the input files; choose another name",
        {"in.toml": b'[[entries]]\ntechnique = "biochar"\n'},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, nbscdr_command: list[str], tmp_path: Path) -> None:
    d = tmp_path / "work"
    d.mkdir()
    for name, content in case.files.items():
        (d / name).write_bytes(content)
    guard = tmp_path / "keep.txt"
    guard.write_text("precious", encoding="utf-8")
    args = [a.format(d=d) for a in case.args]
    if "-o" not in args:
        args += ["-o", str(guard)]
    before = sorted(p.name for p in d.iterdir())
    result = subprocess.run(
        [*nbscdr_command, *args],
        input=case.stdin if case.stdin is not None else b"",
        env=subprocess_env(tmp_path, **case.env),
        capture_output=True,
        timeout=30,
    )
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == case.code, stderr
    assert result.stdout == b""
    assert "Traceback" not in stderr
    message = case.message.format(d=d)
    if case.code == 1:
        assert stderr.startswith(f"nbscdr: {message}")
        assert stderr.endswith("\n") and stderr.count("\n") == 1
    else:
        assert message in stderr
    assert guard.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in d.iterdir()) == before
    assert (
        sorted(p.name for p in tmp_path.iterdir()) == ["cache", "keep.txt", "work"]
        or not (tmp_path / "cache").exists()
    )


def run(
    nbscdr_command: list[str], tmp_path: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*nbscdr_command, *args], env=subprocess_env(tmp_path, **env), capture_output=True, timeout=30
    )


def test_closed_stdout(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [*nbscdr_command, "list"],
        env=subprocess_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        close_fds=True,
        timeout=30,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert result.stderr == b"nbscdr: stdout: standard output is closed; give --output FILE\n"


def test_broken_pipe_on_large_output(nbscdr_command: list[str], tmp_path: Path) -> None:
    rows = "".join(
        f'[techniques.t{i}]\nname = {{ en = "T{i}" }}\nhigh = 1\nunit = "Gt CO2/yr"\n' for i in range(3000)
    )
    catalog = tmp_path / "big.toml"
    catalog.write_text(rows, encoding="utf-8")
    shell = f"'{nbscdr_command[0]}' list -f csv --data '{catalog}' | head -2; echo \"rc=${{PIPESTATUS[0]}}\""
    result = subprocess.run(
        ["bash", "-c", shell], env=subprocess_env(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines()[0] == "id,name_en,name_zh,low,high,central,unit,up_to,scope"
    assert result.stdout.splitlines()[-1] in ("rc=141", "rc=0")  # 0 if all fit in the pipe first
    assert result.stderr == ""


def test_no_writable_home(nbscdr_command: list[str], tmp_path: Path) -> None:
    # A HOME that is a file: nothing can be created under it, even by root (CI runs as root).
    home = tmp_path / "home"
    home.write_text("not a folder", encoding="utf-8")
    env = subprocess_env(tmp_path, HOME=str(home))
    env.pop("XDG_CACHE_HOME")
    result = subprocess.run(
        [*nbscdr_command, "portfolio", "biochar", "-f", "csv", "-u", "Mt C/yr"],
        env=env,
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert csv_total(result.stdout.decode()) == "total,490.909090909,1309.09090909,Mt C/yr"
    assert home.read_text(encoding="utf-8") == "not a folder"


def test_ascii_only_stdout(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, tmp_path, "show", "wetlands", "--lang", "zh", PYTHONIOENCODING="ascii")
    assert result.returncode == 0
    assert result.stdout.isascii()
    assert result.stderr == b""


def terminal_output(
    nbscdr_command: list[str], tmp_path: Path, *args: str, colour: bool = False, **env: str
) -> str:
    """Run with stdout on a pseudo-terminal, as a user at a terminal sees it."""
    leader, follower = pty.openpty()
    full_env = subprocess_env(tmp_path, **env)
    if colour:
        full_env.pop("NO_COLOR")
    proc = subprocess.Popen([*nbscdr_command, *args], stdout=follower, stderr=subprocess.PIPE, env=full_env)
    os.close(follower)
    out = read_terminal(leader)
    proc.wait(timeout=30)
    os.close(leader)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    return out.decode("utf-8")


@pytest.mark.parametrize("columns", ["0", "5", "abc", "100000"])
def test_odd_terminal_widths(nbscdr_command: list[str], tmp_path: Path, columns: str) -> None:
    out = terminal_output(
        nbscdr_command, tmp_path, "portfolio", "afforestation", "biochar", COLUMNS=columns, TERM="xterm"
    )
    # the total, 4.8–22.8, read to two significant figures: in a table, or as records where it is narrow
    assert "4.8" in out and re.search(r"[\s│|]23[\s│|]", out)


def test_terminal_gets_boxes_and_no_colour_with_no_color(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = terminal_output(
        nbscdr_command, tmp_path, "portfolio", "afforestation", TERM="xterm-256color", COLUMNS="120"
    )
    assert "┼" in out and "│" in out  # box-drawing rules, no frame
    assert not COLOUR.search(out)  # subprocess_env sets NO_COLOR (bold and italic may stay)


def test_terminal_colour_without_no_color(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = terminal_output(
        nbscdr_command, tmp_path, "portfolio", "afforestation", colour=True, TERM="xterm-256color"
    )
    assert COLOUR.search(out)


def test_markup_in_names_is_printed_verbatim(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, tmp_path, "portfolio", "afforestation", "--name", "[bold red]x[/]]")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("Portfolio: [bold red]x[/]] (technical potential, C2G")


def test_output_through_a_symlink_replaces_the_target(nbscdr_command: list[str], tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = run(nbscdr_command, tmp_path, "list", "-f", "csv", "-o", str(link))
    assert result.returncode == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("id,name_en")


def test_output_to_dev_stdout_is_not_replaced(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(
        nbscdr_command, tmp_path, "convert", "1 Gt C", "--to", "Gt CO2", "-f", "json", "-o", "/dev/stdout"
    )
    assert result.returncode == 0
    assert result.stdout == b'{"value":3.66666666667,"unit":"Gt CO2"}\n'
    assert os.path.islink("/dev/stdout")
