"""Layers you can see in the tree: a module imports only from its own layer and
the layers below, and no modules import each other, directly or around a loop.

Every import counts, including those inside functions and under TYPE_CHECKING:
a type-only import is still a dependency a reader has to follow. The layers,
lowest first (io and compute are siblings: neither imports the other):
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "nbscdr_cli"

LAYERS: dict[str, int] = {
    "base": 0,
    "model": 1,
    "io": 2,
    "compute": 2,
    "api": 3,
    "render": 4,
    "cli": 5,
    "": 6,  # the package's own __init__ (public names) and __main__
}


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def layer_of(module: str) -> str:
    return module.split(".")[0] if "." in module or module in LAYERS else ""


def imports_of(path: Path, package: Path = PACKAGE) -> set[str]:
    """The nbscdr modules ``path`` imports (names relative to the package): a
    ``from X import name`` counts as an import of the module ``X.name`` where
    that is a module, else of ``X``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "nbscdr_cli" or node.module.startswith("nbscdr_cli."):
                base = node.module.removeprefix("nbscdr_cli").lstrip(".")
                for alias in node.names:
                    sub = f"{base}.{alias.name}".lstrip(".")
                    is_module = (package / sub.replace(".", "/")).with_suffix(".py").is_file() or (
                        package / sub.replace(".", "/") / "__init__.py"
                    ).is_file()
                    found.add(sub if is_module else base)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("nbscdr_cli."):
                    found.add(alias.name.removeprefix("nbscdr_cli."))
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; nbscdr imports absolutely")
    return found


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the modules it imports."""
    return {module_name(p, package): imports_of(p, package) for p in sorted(package.rglob("*.py"))}


def upward(edges: dict[str, set[str]]) -> list[str]:
    """Imports from a lower layer to a higher one, or between sibling layers."""
    bad = []
    for module, targets in edges.items():
        mine = layer_of(module)
        for target in targets:
            theirs = layer_of(target)
            if theirs == mine:
                continue
            if LAYERS[theirs] >= LAYERS[mine]:
                bad.append(f"{module} -> {target}")
    return sorted(bad)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), and
    modules that import themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in edges.get(v, ()):
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_every_module_is_in_a_layer() -> None:
    assert {layer_of(m) for m in graph()} <= set(LAYERS)


def test_no_import_points_up() -> None:
    assert upward(graph()) == []


def test_no_import_circles() -> None:
    assert cycles(graph()) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("model/planted.py", "from nbscdr_cli.render.tables import Grid\n", "upward"),
        ("io/planted.py", "from nbscdr_cli.compute.portfolio import Entry\n", "upward"),
        ("model/planted.py", "from nbscdr_cli.model import planted_too\n", "cycle"),
    ],
)
def test_the_check_fails_on_a_planted_import(tmp_path: Path, module: str, source: str, expected: str) -> None:
    """The checks above can fail: a copy of the package with one bad import."""
    import shutil

    copy = tmp_path / "nbscdr_cli"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "*.po", "*.toml"))
    (copy / module).write_text(source)
    if expected == "cycle":
        (copy / "model" / "planted_too.py").write_text("from nbscdr_cli.model import planted\n")
    edges = graph(copy)
    if expected == "upward":
        assert upward(edges) == [
            f"{module_name(copy / module, copy)} -> {source.split()[1].removeprefix('nbscdr_cli.')}"
        ]
    else:
        assert cycles(edges) == [["model.planted", "model.planted_too"]]
        assert upward(edges) == []
