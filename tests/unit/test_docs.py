"""The README's promises: its set-up commands, its Python example."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
README = ROOT / "README.md"


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), flags=re.S)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test_command = next(b for b in shell_blocks() if "pytest" in b)
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_readme_main_command_runs_the_portfolio_on_built_in_data() -> None:
    main = shell_blocks()[0]
    assert main.startswith("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/nbscdr portfolio ")


def test_every_public_name_is_documented() -> None:
    """The README's Python examples run as doctests (Sybil, conftest.py); every public
    name is named in its Python API section and has a docstring."""
    import inspect

    import nbscdr_cli

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API") : text.index("## Caches")]
    for name in nbscdr_cli.__all__:
        if name == "__version__":
            continue
        assert f"`{name}" in section or f"{name}(" in section, name
        assert inspect.getdoc(getattr(nbscdr_cli, name)), name


def test_the_readme_says_to_install_the_notebook_extra() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API") : text.index("## Caches")]
    assert "pip install 'nbscdr[notebook]'" in section
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    notebook = extras["optional-dependencies"]["notebook"]
    assert any(d.startswith("pandas") for d in notebook) and any(d.startswith("pyam-iamc") for d in notebook)


def test_the_data_file_example_is_a_valid_catalog(tmp_path: Path) -> None:
    """The README's data-file example, copied as it is, loads: every key it shows exists."""
    from nbscdr_cli import Request, analyse, load_catalog

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The data file") :]
    example = re.search(r"```toml\n(.*?)```", section, flags=re.S)
    assert example is not None
    path = tmp_path / "example.toml"
    path.write_text(example.group(1), encoding="utf-8")
    catalog = load_catalog(path)
    assert sorted(catalog.techniques) == ["biochar", "soil-carbon"]
    ar6 = analyse(Request(["biochar"], catalog=catalog, assessment="ar6"))
    assert (ar6.result.total.lower, ar6.result.total.high) == (0.2, 6.6)


def tour() -> list[tuple[str, str]]:
    """Each `$ nbscdr ...` command in the README's console blocks, with the output shown under it."""
    text = README.read_text(encoding="utf-8")
    shown = []
    for block in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = part.partition("\n")
            shown.append((command, output))
    return shown


@pytest.mark.parametrize(("command", "output"), tour(), ids=[c[:60] for c, _ in tour()])
def test_the_readme_shows_real_output(
    nbscdr_command: list[str], tmp_path: Path, command: str, output: str
) -> None:
    """What the README shows is what the command prints at 100 columns (a leading
    "..." stands for the part left out)."""
    import shlex
    import subprocess

    from tests.conftest import subprocess_env

    args = shlex.split(command)
    assert args[0] == "nbscdr"
    result = subprocess.run(
        [*nbscdr_command, *args[1:]],
        env=subprocess_env(tmp_path, COLUMNS="100"),
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")
    printed, output = result.stdout.rstrip("\n"), output.rstrip("\n")  # blocks part commands by a blank line
    if output.startswith("...\n"):
        assert printed.endswith(output[4:])
    else:
        assert printed == output


def test_the_readme_claims_about_the_brief_hold(tmp_path: Path) -> None:
    """The README's brief: at most so many lines of Markdown for four techniques
    with a period and a Monte Carlo (the one printed A4 page is
    tests/integration/test_print.py's), and its precision examples as printed."""
    from nbscdr_cli import HorizonSettings, MonteCarlo, Request, analyse
    from nbscdr_cli.render.brief import compose

    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.search(r"its Markdown is at most (\d+) lines", text)
    assert found is not None
    assert "tests/integration/test_print.py" in text and "one A4 page" in text
    four = ["afforestation", "soil-carbon", "wetlands", "biochar"]
    for request in (
        Request(four),
        Request(four, horizon=HorizonSettings(2030, 2050), monte_carlo=MonteCarlo(10_000, seed=1)),
    ):
        brief = compose(analyse(request), command="nbscdr brief ...")
        assert len(brief.splitlines()) <= int(found.group(1))
    # "the six techniques' total reads 6.3–55 (54.8 as a sum), AR6's eight-technique total 3.2–43"
    assert "total reads `6.3–55` (54.8 as a sum), AR6's eight-technique total `3.2–43`" in text
    six = compose(
        analyse(
            Request(
                ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
            )
        )
    )
    assert "| **Total** | **6.3** | **55** |" in six
