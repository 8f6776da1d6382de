"""What a script relies on (issue 23): every CSV nbscdr writes reads with
pandas.read_csv as one rectangular frame with the columns the documentation gives,
and JSON, CSV and IAMC are the same bytes whatever LANG says; an explicit --lang
changes only the labels."""

from __future__ import annotations

import io
import json
import re
import shlex
from pathlib import Path

import pandas as pd
import pytest

from tests.cli.contract import clean, run

ROOT = Path(__file__).parents[2]
CONTRACT = ROOT / "docs" / "guide" / "scripting.md"
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def documented() -> dict[str, list[str]]:
    """The documentation's CSV contract: (command, table) -> its columns; the rows
    that add columns to the entries table as "marginal" and "horizon"."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text[text.index("## CSV contract") : text.index("## Errors and exit codes")]
    tables: dict[str, list[str]] = {}
    command = ""
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[2].startswith("`"):
            continue
        command = cells[0].strip("`") or command
        columns = re.findall(r"`([^`]*)`", cells[2])[0].split(",")
        key = {"with `--samples`": "marginal", "with `--from/--to`": "horizon", "with `--region`": "region"}
        table = next((v for k, v in key.items() if cells[1].startswith(k)), None)
        if table is None:
            found = re.search(r"--(?:table|by|regions) ?(\w*)", cells[1])
            table = (found.group(1) or "regions") if found else ""
        tables[table if table in ("marginal", "horizon", "region") else f"{command} {table}".strip()] = (
            columns
        )
    return tables


def readme_commands() -> list[list[str]]:
    """Each `$ nbscdr ...` command in the console blocks of the README and the
    documentation (a `text` block shows an error), and each command's examples."""
    from nbscdr_cli.cli.registry import EXAMPLES

    blocks = [
        block
        for page in PAGES
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    ]
    lines = [line for block in blocks for line in re.findall(r"^\$ (nbscdr .*)$", block, flags=re.M)]
    lines += [e for examples in EXAMPLES.values() for e in examples]
    found = []
    for line in lines:
        args = shlex.split(line)[1:]
        if args[0] in ("chart", "brief") or "-o" in args:
            continue
        args = [a for a in args if a not in ("-f", "markdown", "csv", "json", "--lang", "zh")]
        found.append(args)
    return found


def expected_columns(args: list[str], tables: dict[str, list[str]]) -> list[str]:
    command = args[0]
    for option in ("--by", "--regions"):  # a table of its own for regions (issue 22)
        if option in args and f"{command} {option.strip('-')}" in tables:
            return tables[f"{command} {option.strip('-')}"]
        if option == "--by" and option in args and f"{command} {args[args.index(option) + 1]}" in tables:
            return tables[f"{command} {args[args.index(option) + 1]}"]
    if command != "portfolio":
        return tables[command]
    table = args[args.index("--table") + 1] if "--table" in args else "entries"
    if table != "entries":
        return tables[f"portfolio {table}"]
    columns = list(tables["portfolio entries"])
    if "-n" in args or "--samples" in args or "convolution" in args:
        marginal = list(tables["marginal"])
        if "--percentiles" in args:
            extra = args[args.index("--percentiles") + 1].split(",")
            marginal = [f"marginal_p{p}" for p in sorted({5.0, 50.0, 95.0, *map(float, extra)})]
            marginal = [m.replace(".0", "") for m in marginal]
        columns += marginal
    if "--from" in args:
        columns += tables["horizon"]
    if "--region" in args:
        columns += tables["region"]
    return columns


def option_sets() -> list[list[str]]:
    """The documented commands, and each portfolio command with every table it has."""
    sets = []
    for args in readme_commands():
        sets.append(args)
        if args[0] == "portfolio" and ("-n" in args or "convolution" in args):
            sets.append([*args, "--table", "statistics"])
        if args[0] == "portfolio" and "--from" in args:
            sets.append([*args, "--table", "years"])
    return sets


@pytest.mark.parametrize("args", option_sets(), ids=lambda a: " ".join(a)[:70])
def test_every_csv_is_one_documented_rectangular_table(
    nbscdr_command: list[str], tmp_path: Path, args: list[str]
) -> None:
    text = clean(run(nbscdr_command, tmp_path, *args, "-f", "csv"))
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)
    header = text.splitlines()[0].split(",")
    assert list(frame.columns) == header == expected_columns(args, documented())
    rows = [line for line in text.splitlines()[1:]]
    assert len(frame) == len(rows) > 0 and "" not in rows  # one table, no second section
    assert all(frame.iloc[:, 0] != "")  # every row names what it is


@pytest.mark.parametrize(
    "args",
    [
        ["portfolio", "afforestation", "biochar", "-f", "json"],
        ["portfolio", "afforestation", "biochar", "-n", "1000", "--seed", "1", "--target", "9", "-f", "json"],
        ["portfolio", "afforestation", "soil-carbon", "--from", "2030", "--to", "2050", "-f", "json"],
        ["portfolio", "afforestation", "macroalgae", "-f", "csv"],
        ["portfolio", "afforestation", "soil-carbon", "--from", "2030", "--to", "2050", "-f", "iamc"],
        ["compare", "afforestation", "biochar", "soil-carbon", "-f", "json"],
        ["compare", "afforestation", "biochar", "--potential", "economic", "-f", "csv"],
        ["list", "-f", "json"],
        ["show", "biochar", "-f", "json"],
        ["references", "-f", "csv"],
        ["assessments", "-f", "json"],
        ["rank", "afforestation", "--top", "3", "-f", "json"],
        ["rank", "afforestation", "--by", "region_ar6_5", "-f", "json"],
        ["rank", "afforestation", "--by", "region_ar6_5", "--potential", "economic", "-f", "csv"],
        ["regions", "-f", "json"],
        ["regions", "--by", "region_ar6_5", "-f", "csv"],
    ],
    ids=lambda a: " ".join(a)[:60],
)
def test_the_locale_never_changes_machine_outputs(
    nbscdr_command: list[str], tmp_path: Path, args: list[str]
) -> None:
    chinese = clean(run(nbscdr_command, tmp_path, *args, env={"LANG": "zh_CN.UTF-8"}))
    plain = clean(run(nbscdr_command, tmp_path, *args, env={"LANG": "C.UTF-8"}))
    assert chinese == plain


def test_a_ranking_in_json_is_english_under_a_chinese_locale(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    """rank took the locale's language for its labels and warnings in JSON."""
    args = ["rank", "afforestation", "--top", "3", "-f", "json"]
    doc = json.loads(clean(run(nbscdr_command, tmp_path, *args, env={"LANG": "zh_CN.UTF-8"})))
    assert [r["label"] for r in doc["rows"]] == ["Brazil", "United States", "Canada"]
    assert doc["rows"][0]["name"] == {"en": "Brazil", "zh": "巴西"}
    assert next(w["message"] for w in doc["warnings"] if w["code"] == "top") == "The first 3 of 222 shown."


def leaves(value: object, path: str = "") -> dict[str, object]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in leaves(item, f"{path}.{key}").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in leaves(item, f"{path}.{i}").items()}
    return {path: value}


@pytest.mark.parametrize(
    "args",
    [
        ["portfolio", "afforestation", "biochar", "macroalgae", "-n", "100", "--seed", "1"],
        ["portfolio", "afforestation", "soil-carbon", "--from", "2030", "--to", "2050"],
        ["compare", "afforestation", "biochar", "soil-carbon"],
    ],
    ids=lambda a: " ".join(a)[:60],
)
def test_an_explicit_lang_changes_only_labels(
    nbscdr_command: list[str], tmp_path: Path, args: list[str]
) -> None:
    en = leaves(json.loads(clean(run(nbscdr_command, tmp_path, *args, "-f", "json", "--lang", "en"))))
    zh = leaves(json.loads(clean(run(nbscdr_command, tmp_path, *args, "-f", "json", "--lang", "zh"))))
    assert en.keys() == zh.keys()
    changed = {path for path in en if en[path] != zh[path]}
    assert changed and all(path.endswith((".message", ".summary")) for path in changed), changed


def test_names_have_one_shape_everywhere(nbscdr_command: list[str], tmp_path: Path) -> None:
    doc = json.loads(clean(run(nbscdr_command, tmp_path, "portfolio", "afforestation", "-f", "json")))
    compared = json.loads(clean(run(nbscdr_command, tmp_path, "compare", "afforestation", "-f", "json")))
    listed = json.loads(clean(run(nbscdr_command, tmp_path, "list", "-f", "json")))
    names = [doc["entries"][0]["name"], doc["comparisons"][0]["name"], compared["rows"][0]["name"]]
    names += [compared["rows"][0]["entries"][0]["name"], listed["techniques"][0]["name"]]
    assert all(set(n) == {"en", "zh"} for n in names)
