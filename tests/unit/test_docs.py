"""What the README and the documentation promise: the set-up commands, that
every example prints what it shows, and the claims they make about outputs."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
GUIDE = DOCS / "guide"


def pages() -> list[Path]:
    """The README and every page of the documentation."""
    return [README, *sorted(DOCS.rglob("*.md"))]


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
    """The Python examples run as doctests (Sybil, conftest.py); every public name
    is named in the Python API guide and has a docstring (the API reference is
    made from it)."""
    import inspect

    import nbscdr_cli

    section = (GUIDE / "python.md").read_text(encoding="utf-8")
    for name in nbscdr_cli.__all__:
        if name == "__version__":
            continue
        assert f"`{name}" in section or f"{name}(" in section, name
        assert inspect.getdoc(getattr(nbscdr_cli, name)), name


def test_the_notebook_examples_say_to_install_the_notebook_extra() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## In a notebook") : text.index("## Documentation")]
    assert "pip install '.[notebook]'" in section
    assert "pip install 'nbscdr[notebook]'" in (GUIDE / "python.md").read_text(encoding="utf-8")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    notebook = extras["optional-dependencies"]["notebook"]
    assert any(d.startswith("pandas") for d in notebook) and any(d.startswith("pyam-iamc") for d in notebook)


def test_the_data_file_example_is_a_valid_catalog(tmp_path: Path) -> None:
    """The data-file example of the documentation, copied as it is, loads: every key it shows exists."""
    from nbscdr_cli import Request, analyse, load_catalog

    section = (GUIDE / "data-file.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", section, flags=re.S)
    assert example is not None
    path = tmp_path / "example.toml"
    path.write_text(example.group(1), encoding="utf-8")
    catalog = load_catalog(path)
    assert sorted(catalog.techniques) == ["biochar", "soil-carbon"]
    ar6 = analyse(Request(["biochar"], catalog=catalog, assessment="ar6"))
    assert (ar6.result.total.lower, ar6.result.total.high) == (0.2, 6.6)


def tour() -> list[tuple[str, str]]:
    """Each `$ nbscdr ...` command in the console blocks of the README and the
    documentation, with the output shown under it."""
    shown = []
    for page in pages():
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S):
            for part in re.split(r"^\$ ", block, flags=re.M)[1:]:
                command, _, output = part.partition("\n")
                shown.append((command, output))
    return shown


@pytest.mark.parametrize(("command", "output"), tour(), ids=[c[:60] for c, _ in tour()])
def test_the_readme_shows_real_output(
    nbscdr_command: list[str], tmp_path: Path, command: str, output: str
) -> None:
    """What the README and the documentation show is what the command prints at
    100 columns (a leading "..." stands for the part left out);
    scripts/refresh_examples.py rewrites them after a change of output."""
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


def test_the_readme_error_example_is_what_nbscdr_prints(nbscdr_command: list[str], tmp_path: Path) -> None:
    """The README's error example: that one line on stderr, nothing on stdout, exit 1."""
    import shlex
    import subprocess

    from tests.conftest import subprocess_env

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Errors and safety") :]
    block = re.search(r"```text\n\$ (.*?)\n(.*?)\n```", section, flags=re.S)
    assert block is not None
    command, line = block.groups()
    args = shlex.split(command)
    assert args[0] == "nbscdr"
    result = subprocess.run(
        [*nbscdr_command, *args[1:]], env=subprocess_env(tmp_path), capture_output=True, text=True
    )
    assert (result.returncode, result.stdout, result.stderr) == (1, "", line + "\n")


def test_the_claims_about_the_brief_hold(tmp_path: Path) -> None:
    """The brief as the README and the guide describe it: at most so many lines of
    Markdown for four techniques with a period and a Monte Carlo (the one printed
    A4 page is tests/integration/test_print.py's), and the precision examples of
    the methodology as printed."""
    from nbscdr_cli import HorizonSettings, MonteCarlo, Request, analyse
    from nbscdr_cli.render.brief import compose

    guide = " ".join((GUIDE / "brief-and-chart.md").read_text(encoding="utf-8").split())
    found = re.search(r"its Markdown is at most (\d+) lines", guide)
    assert found is not None
    assert "one A4 page" in guide and "one A4 page" in " ".join(README.read_text(encoding="utf-8").split())
    text = " ".join((DOCS / "methodology.md").read_text(encoding="utf-8").split())
    four = ["afforestation", "soil-carbon", "wetlands", "biochar"]
    for request in (
        Request(four),
        Request(four, horizon=HorizonSettings(2030, 2050), monte_carlo=MonteCarlo(10_000, seed=1)),
    ):
        brief = compose(analyse(request), command="nbscdr brief ...")
        assert len(brief.splitlines()) <= int(found.group(1))
    assert (
        "the six techniques' total reads 6.3–55 (54.8 as a sum), and AR6's eight techniques' 3.2–43" in text
    )
    six = compose(
        analyse(
            Request(
                ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
            )
        )
    )
    assert "| **Total** | **6.3** | **55** |" in six


USER_PAGES = [p for p in pages() if "maintainers" not in p.parts]


@pytest.mark.parametrize("page", USER_PAGES, ids=[str(p.relative_to(ROOT)) for p in USER_PAGES])
def test_user_pages_name_nothing_internal(page: Path) -> None:
    """The steering repository, issue numbers and the CI script mean nothing to a
    user: they appear only on the maintainers' page."""
    text = page.read_text(encoding="utf-8")
    found = re.findall(r"\.\./shared|\.ci/run|\bissues? \d+|#\d{2}\b|tests/", text)
    assert found == []
