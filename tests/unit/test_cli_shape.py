"""The command line stays a thin shell over the library: each command parses its
options into a request, makes one library call and renders; the workflow lives in
the library. Checked on the source, so a command that grows a workflow fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "nbscdr_cli"
MAX_BODY_LINES = 15


COMMAND_MODULES = ("catalog_commands.py", "commands.py", "region_commands.py")


def command_functions() -> list[ast.FunctionDef]:
    trees = [ast.parse((SRC / "cli" / name).read_text(encoding="utf-8")) for name in COMMAND_MODULES]
    return [
        node
        for tree in trees
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any(
            isinstance(d, ast.Call) and getattr(d.func, "id", "") == "command" for d in node.decorator_list
        )
    ]


def body_lines(function: ast.FunctionDef) -> int:
    """Lines of the body after the docstring, imports left out."""
    statements = function.body
    if statements and isinstance(statements[0], ast.Expr) and isinstance(statements[0].value, ast.Constant):
        statements = statements[1:]
    statements = [s for s in statements if not isinstance(s, ast.Import | ast.ImportFrom)]
    if not statements:
        return 0
    return (statements[-1].end_lineno or 0) - statements[0].lineno + 1


def test_every_command_is_registered() -> None:
    from nbscdr_cli.cli.program import COMMANDS  # the commands module and the region commands

    assert list(COMMANDS) == [
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
    assert len(command_functions()) == len(COMMANDS)


@pytest.mark.parametrize("function", command_functions(), ids=lambda f: f.name)
def test_command_bodies_are_thin(function: ast.FunctionDef) -> None:
    assert body_lines(function) <= MAX_BODY_LINES, f"{function.name} holds a workflow"
    loops = [n for n in ast.walk(function) if isinstance(n, ast.For | ast.While)]
    assert len(loops) <= 1, f"{function.name} loops over work the library should do"


@pytest.mark.parametrize("function", command_functions(), ids=lambda f: f.name)
def test_every_command_has_help(function: ast.FunctionDef) -> None:
    docstring = ast.get_docstring(function)
    assert docstring and len(docstring.splitlines()[0]) <= 100


def test_the_library_never_names_an_option() -> None:
    """Library modules raise with a field; only the command line knows options."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.parent.name in ("cli", "render"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "where"
                and isinstance(node.value, ast.Constant)
                and str(node.value.value).startswith("--")
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
