"""The installed `nbscdr` command in a subprocess, as a user or a script runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import subprocess_env


def run(
    command: list[str], *args: str, cwd: Path, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, *args], cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=60
    )


def test_main_job_from_another_directory(nbscdr_command: list[str], tmp_path: Path) -> None:
    env = subprocess_env(tmp_path)
    result = run(
        nbscdr_command,
        "portfolio",
        "afforestation",
        "biochar",
        "building-with-biomass",
        "macroalgae",
        "soil-carbon",
        "wetlands",
        "-f",
        "json",
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"]["low"] == 6.3
    assert json.loads(result.stdout)["total"]["high"] == 54.8


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nbscdr_cli", "list", "-f", "csv"],
        cwd=tmp_path,
        env=subprocess_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[1].startswith(
        "afforestation,Afforestation and reforestation,造林和再造林,3.0,18.0"
    )


def test_bad_input_gives_one_line_and_clean_stdout(nbscdr_command: list[str], tmp_path: Path) -> None:
    result = run(nbscdr_command, "portfolio", "biochar:2", cwd=tmp_path, env=subprocess_env(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert (
        result.stderr
        == "nbscdr: argument 1 'biochar:2': share 2 is outside 0–1 (0%–100%) (write 2% for a percentage)\n"
    )


def test_broken_pipe_prints_no_traceback(nbscdr_command: list[str], tmp_path: Path) -> None:
    shell = f"'{nbscdr_command[0]}' list | head -1"
    result = subprocess.run(
        ["bash", "-c", shell], env=subprocess_env(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert (
        result.stdout
        == "Techniques with a figure in C2G (2019) policy brief (potential of a kind not stated)\n"
    )
    assert result.stderr == ""


def test_no_colour_in_pipes(nbscdr_command: list[str], tmp_path: Path) -> None:
    env = subprocess_env(tmp_path)
    env.pop("NO_COLOR")
    result = run(nbscdr_command, "portfolio", "afforestation", cwd=tmp_path, env=env)
    assert "\x1b[" not in result.stdout
    assert "╭" not in result.stdout


def test_environment_variable_data(nbscdr_command: list[str], tmp_path: Path) -> None:
    data = Path(__file__).parents[1] / "data" / "three.toml"
    result = run(
        nbscdr_command,
        "list",
        "-f",
        "json",
        cwd=tmp_path,
        env=subprocess_env(tmp_path, NBSCDR_DATA=str(data)),
    )
    assert [t["id"] for t in json.loads(result.stdout)["techniques"]] == ["alpha", "beta", "gamma"]


def test_chinese_from_the_installed_catalog(nbscdr_command: list[str], tmp_path: Path) -> None:
    """The compiled Chinese catalog is in the package: no step after installing."""
    result = run(nbscdr_command, "--lang", "zh", "list", cwd=tmp_path, env=subprocess_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "C2G（2019）政策简报中有数值的技术（未说明类型的潜力）"
