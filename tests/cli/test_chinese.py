"""Chinese complete everywhere (issue 14): every human-readable output of every
command, run with --lang zh through the installed command, is walked for what a
Chinese reader should never meet: a technique's ASCII id, a half-width colon
after Chinese text, or English words outside citations, units and acronyms.

Citations stay in their original language and are marked: "原文：" opens one
(it runs to the closing "）" or the end of its cell or line), and the brief's
source list sits under "来源（引文保留原文）". Code spans (the brief's
"计算方法" command line) are what the user typed. Machine formats (JSON, CSV,
IAMC) keep ids by design and are not walked.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
AR6 = ["agroforestry", "improved-forest-management", "peatland-restoration", "coastal-wetland-restoration"]
RUNS: dict[str, list[str]] = {
    "list": ["list"],
    "list ar6": ["list", "-a", "ar6"],
    "list ar6 economic": ["list", "-a", "ar6", "--potential", "economic"],
    "assessments": ["assessments"],
    "references": ["references"],
    **{f"show {t}": ["show", t, "-a", "ar6"] for t in [*SIX, *AR6] if t != "macroalgae"},
    "show macroalgae": ["show", "macroalgae"],
    "portfolio": ["portfolio", *SIX],
    "portfolio sampled": ["portfolio", *SIX, "-n", "2000", "--seed", "1", "--target", "20"],
    "portfolio period": ["portfolio", *SIX, "--from", "2030", "--to", "2050", "-n", "500", "--seed", "2"],
    "portfolio parts": ["portfolio", "biochar:50%", "afforestation=500-800 Mt CO2/yr", "wetlands"],
    "portfolio fallback": ["portfolio", "afforestation", "macroalgae", "-a", "fuss2018", "--fallback"],
    "portfolio ar6": [
        "portfolio",
        *AR6,
        "afforestation",
        "-a",
        "ar6",
        "-r",
        "ar6-afolu-c1",
        "--from",
        "2020",
        "--to",
        "2100",
    ],
    "portfolio economic": ["portfolio", "biochar", "soil-carbon", "-a", "ar6", "--potential", "economic"],
    "compare": ["compare", *SIX, "-a", "c2g2019,fuss2018,ar6", "--fallback"],
    "convert": ["convert", "1 Gt C/yr", "--to", "Mt CO2/yr"],
    "chart": ["chart", *SIX, "-n", "1000", "--seed", "1"],
    "brief": ["brief", *SIX, "-n", "1000", "--seed", "3", "--from", "2030", "--to", "2050", "--detail"],
}
FORMATS = {name: ["table", "markdown"] for name in RUNS}
FORMATS.update({"chart": [""], "brief": [""], "convert": ["table"]})

CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
# Units, acronyms, proper names and the ids of assessments and references (typed
# after -a and -r; they have no Chinese form).
ALLOWED = {
    "Gt", "Mt", "CO2", "CO2e", "USD", "TRL", "MRV", "IPCC", "UNEP", "UNFCCC", "UNGA", "CBD", "FAO",
    "IUCN", "IPBES", "AR6", "AFOLU", "WGIII", "SR1", "C2G", "Fuss", "N'Yeurt", "Roe", "P5", "P50", "P95", "nbscdr",
}  # fmt: skip


def catalog_ids(nbscdr_command: list[str], tmp_path: Path) -> tuple[set[str], set[str]]:
    """Every technique id, and the ids of assessments and references."""

    def doc(*args: str) -> dict[str, list[dict[str, str]]]:
        found = subprocess.run(
            [*nbscdr_command, *args, "-f", "json"], capture_output=True, env=subprocess_env(tmp_path)
        )
        return json.loads(found.stdout)  # type: ignore[no-any-return]

    techniques = {t["id"] for t in doc("list", "-a", "ar6")["techniques"]} | set(SIX)
    others = {a["id"] for a in doc("assessments")["assessments"]}
    others |= {r["id"] for r in doc("references")["references"]}
    return techniques, others


def readable(output: str) -> str:
    """The output without what keeps its original language: citations, the
    brief's source list, code spans. In a terminal table a citation may wrap
    within its cell: it runs on in that column until its "）", a blank, or the
    next row (a new label in the first column)."""
    output = output.split("## 来源（引文保留原文）")[0]
    output = re.sub(r"`[^`]*`", "", output)
    output = re.sub(r"--notes [a-z]+|nbscdr [a-z]+", "", output)  # a command or option as typed, like an id
    lines, open_in = [], set()
    for line in output.splitlines():
        if not line.startswith("|") and " | " not in line:  # tables have no frame: rules between cells
            open_in = set()
            lines.append(re.sub(r"原文：[^）\n]*", "", line))
            continue
        cells = line.split("|")
        if cells[1 if line.startswith("|") else 0].strip():
            open_in = set()
        for i, cell in enumerate(cells):
            if i in open_in:
                end = cell.find("）")
                if end < 0 and cell.strip():
                    cells[i] = ""
                    continue
                open_in.discard(i)
                cell = cell[end:] if end >= 0 else cell
            if "原文：" in cell:
                head, rest = cell.split("原文：", 1)
                if "）" not in rest:
                    open_in.add(i)
                cell = head + re.sub(r"^[^）]*", "", rest) if "）" in rest else head
            cells[i] = cell
        lines.append("|".join(cells))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def ids(nbscdr_command: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    return catalog_ids(nbscdr_command, tmp_path_factory.mktemp("ids"))


@pytest.mark.parametrize(("name", "fmt"), [(n, f) for n, fs in FORMATS.items() for f in fs])
def test_every_chinese_output_reads_as_chinese(
    nbscdr_command: list[str], tmp_path: Path, ids: tuple[set[str], set[str]], name: str, fmt: str
) -> None:
    techniques, others = ids
    args = [*nbscdr_command, *RUNS[name], "--lang", "zh", *(["-f", fmt] if fmt else [])]
    result = subprocess.run(args, capture_output=True, text=True, env=subprocess_env(tmp_path), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    body = readable(result.stdout)
    assert re.search(CJK, body), "no Chinese at all"
    found_ids = sorted(t for t in techniques if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", body))
    assert not found_ids, f"technique ids in {name}: {found_ids}"
    colons = re.findall(rf"{CJK}:.{{0,20}}", body)
    assert not colons, f"half-width colons after Chinese text: {colons}"
    words = {w for w in re.findall(r"[A-Za-z][A-Za-z0-9'.-]*[A-Za-z0-9]", body) if len(w) > 2}
    english = sorted(w for w in words if w not in ALLOWED and w not in others and not w.startswith("SR1"))
    assert not english, f"English words in {name}: {english}"
