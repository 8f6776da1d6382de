"""The documentation builds with Sphinx, warnings as errors, and its references are
generated, not typed: every command and every option is in the command reference,
every public name in the API reference."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(ROOT / "docs"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return out


def page_text(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_the_command_reference_has_every_command_and_option(built: Path) -> None:
    from typer._click import Context
    from typer.main import get_command

    from nbscdr_cli.cli.program import COMMANDS, app

    text = page_text(built / "reference" / "commands.html")
    group = get_command(app)
    root = Context(group, info_name="nbscdr")
    missing = []
    for name in COMMANDS:
        if f"nbscdr {name}" not in text:
            missing.append(name)
        command = group.get_command(root, name)
        for param in command.params:
            missing += [f"{name} {opt}" for opt in param.opts if opt.startswith("-") and opt not in text]
    assert missing == []
    assert "Usage: nbscdr portfolio [OPTIONS] [SPEC...]" in text


def test_the_api_reference_has_every_public_name(built: Path) -> None:
    import nbscdr_cli

    found = set(re.findall(r'id="nbscdr_cli\.([A-Za-z_]+)"', (built / "reference" / "api.html").read_text()))
    assert sorted(set(nbscdr_cli.__all__) - {"__version__"} - found) == []


def test_every_user_page_is_in_the_documentation(built: Path) -> None:
    pages = {p.relative_to(ROOT / "docs").with_suffix(".html") for p in (ROOT / "docs").rglob("*.md")}
    assert sorted(str(p) for p in pages if not (built / p).is_file()) == []
