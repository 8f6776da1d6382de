"""Where results go, when that fails: a full disk as stdout or --output, and
output names that say "folder" (issue 15). Nothing is created, an existing
output is untouched and no temporary file is left."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.contract import HANG_GUARD, error_line, run
from tests.conftest import subprocess_env

COMMANDS = {
    "list": ["list"],
    "portfolio": ["portfolio", "biochar", "-n", "1000", "--seed", "1"],
    "convert": ["convert", "1 Gt C", "--to", "Gt CO2"],
    "brief": ["brief", "biochar"],
    "chart": ["chart", "biochar"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_full_disk_as_stdout(nbscdr_command: list[str], tmp_path: Path, name: str) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*nbscdr_command, *COMMANDS[name]],
            stdout=full,
            stderr=subprocess.PIPE,
            env=subprocess_env(tmp_path),
            timeout=HANG_GUARD,
        )
    assert result.returncode == 1
    assert result.stderr == b"nbscdr: stdout: cannot write (No space left on device)\n"


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_full_disk_as_output(nbscdr_command: list[str], tmp_path: Path, fmt: str) -> None:
    result = run(nbscdr_command, tmp_path, "portfolio", "biochar", "-f", fmt, "-o", "/dev/full")
    assert error_line(result, 1) == "--output /dev/full: cannot write (No space left on device)"


@pytest.mark.parametrize(
    ("args", "output", "line"),
    [
        (["list"], "new-folder/", "--output new-folder/: names a folder (it ends in '/'); give a file name"),
        (
            ["list"],
            "new-folder/.",
            "--output new-folder/.: names a folder (it ends in '/.'); give a file name",
        ),
        (
            ["list"],
            "new-folder//",
            "--output new-folder//: names a folder (it ends in '/'); give a file name",
        ),
        (["list"], "keep.txt/", "--output keep.txt/: names a folder (it ends in '/'); give a file name"),
        (["list"], "old-folder/", "--output old-folder/: is a folder; give a file name"),
        (
            ["portfolio", "biochar"],
            "new-folder/",
            "--output new-folder/: names a folder (it ends in '/'); give a file name",
        ),
        (
            ["brief", "biochar"],
            "new-folder/",
            "--output new-folder/: names a folder (it ends in '/'); give a file name",
        ),
        (
            ["chart", "biochar"],
            "new-folder/",
            "--output new-folder/: names a folder (it ends in '/'); give a file name",
        ),
    ],
    ids=["new/", "new/.", "new//", "file/", "folder/", "portfolio", "brief", "chart"],
)
def test_output_names_a_folder(
    nbscdr_command: list[str], tmp_path: Path, args: list[str], output: str, line: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "old-folder").mkdir()
    (work / "keep.txt").write_text("precious", encoding="utf-8")
    result = run(nbscdr_command, tmp_path, *args, "-o", output, cwd=work)
    assert error_line(result, 1) == line
    assert sorted(p.name for p in work.iterdir()) == ["keep.txt", "old-folder"]
    assert list((work / "old-folder").iterdir()) == []
    assert (work / "keep.txt").read_text(encoding="utf-8") == "precious"
