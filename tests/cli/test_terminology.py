"""The Chinese edition's word list and rules, held to (issue 24).

src/nbscdr_cli/locale/zh/terminology.toml gives one Chinese term per concept and
the variants nbscdr must not write; c2g-quotes.toml holds the C2G brief's own
Chinese sentences; typography.md the typesetting rules that ``typeset_zh``
applies. Here: the data's Chinese names are the terms; every variant a term
accepts finds its technique; nbscdr's own Chinese (the data's zh fields and
translations, the zh messages) contains no banned variant and is already set as
the rules set it; the data quotes the brief's sentences exactly as
c2g-quotes.toml records them. Exact quotations of the brief are exempt: they
keep the brief's words (巨藻, 恢复湿地, 燃烧) and marks (3-18, ?). Every
command's Chinese output is checked in tests/cli/test_chinese.py.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nbscdr_cli.base.typography import typeset_zh
from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.model.names import normalise_name

ROOT = Path(__file__).resolve().parents[2]
ZH = ROOT / "src" / "nbscdr_cli" / "locale" / "zh"
DATA = ROOT / "data" / "techniques.toml"


def load(path: Path) -> dict[str, Any]:
    with path.open("rb") as f:
        return tomllib.load(f)


TERMS = load(ZH / "terminology.toml")["term"]
QUOTES = load(ZH / "c2g-quotes.toml")["quote"]
BANNED = [(re.compile(b["pattern"]), t["id"], b["reason"]) for t in TERMS for b in t["banned"]]


def own_text(text: str) -> str:
    """``text`` without what it quotes (between “ and ”): a quotation keeps its
    source's words."""
    return re.sub(r"“[^“”]*”", "“”", text)


def banned_in(text: str) -> list[str]:
    own = own_text(text)
    return [
        f"{term}: {m.group(0)!r} in {text!r}" for pattern, term, _ in BANNED for m in pattern.finditer(own)
    ]


def chinese_fields(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every piece of nbscdr's own Chinese in the data: each ``zh`` string and each
    Chinese translation of an English quotation; the brief's own sentences
    (quotations in Chinese) are not nbscdr's text."""
    if isinstance(node, dict):
        if "lang" in node and "text" in node:  # a quotation
            if node["lang"] != "zh" and node.get("translation"):
                yield f"{path}.translation", node["translation"]
            return
        for key, value in node.items():
            if key == "zh" and isinstance(value, str):
                yield f"{path}.zh", value
            else:
                yield from chinese_fields(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from chinese_fields(value, f"{path}[{i}]")


def test_terms_are_well_formed() -> None:
    ids = [t["id"] for t in TERMS]
    assert len(ids) == len(set(ids))
    for term in TERMS:
        assert term["zh"] and term["en"] and term["source"], term["id"]
        others = [p for p, owner, _ in BANNED if owner != term["id"]]
        assert not [p for p in others if p.search(term["zh"])], term["id"]  # no term bans another
        # aliases are what a user may type (改进森林管理 included): found, never printed


@pytest.mark.parametrize(
    "variant",
    ["生物碳", "巨藻", "种植海藻", "大型海藻", "土壤中的碳封存", "恢复湿地", "改进森林管理", "缓解潜力", "二氧化碳去除",
     "监测、核查和报告", "中值", "第5百分位", "置信区间", "政策制定者摘要", "在低氧条件下燃烧", "包括避免排放"],
)  # fmt: skip
def test_banned_variants_are_found(variant: str) -> None:
    """The check can fail: each variant the list bans is caught in a sentence."""
    assert banned_in(f"nbscdr 的说明：{variant}。")
    assert not banned_in(f"原文：“{variant}”")  # inside a quotation it is the source's word


def test_technique_names_are_the_terms_and_every_variant_finds_the_technique() -> None:
    catalog = load_catalog()
    techniques = catalog.all_techniques or catalog.techniques
    terms = {t["id"]: t for t in TERMS}
    named = [t for t in techniques.values() if t.id in terms]
    assert {t.id for t in named} >= {
        "afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands",
        "agroforestry", "improved-forest-management", "peatland-restoration", "coastal-wetland-restoration",
    }  # fmt: skip
    for technique in named:
        term = terms[technique.id]
        assert technique.name.zh == term["zh"], technique.id
        assert technique.name.en == term["en"], technique.id
        for variant in [term["zh"], *term.get("aliases", []), *[term.get("brief_name") or term["zh"]]]:
            assert catalog.names.get(normalise_name(variant)) == technique.id, (technique.id, variant)


def test_the_datas_own_chinese_uses_the_terms_and_the_typography() -> None:
    fields = list(chinese_fields(load(DATA)))
    assert len(fields) > 150
    problems = [p for _, text in fields for p in banned_in(text)]
    problems += [
        f"{path}: {text!r} is set as {typeset_zh(text)!r}"
        for path, text in fields
        if typeset_zh(text) != text
    ]
    assert not problems, "\n".join(problems)


def test_the_messages_use_the_terms_and_the_typography() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    problems = []
    for message in translations.read("zh"):
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, (list, tuple)) else [message.string]:
            problems += banned_in(text)
            if typeset_zh(text) != text:
                problems.append(f"{message.id!r}: {text!r} is set as {typeset_zh(text)!r}")
    assert not problems, "\n".join(problems)


def test_the_data_quotes_the_brief_as_c2g_quotes_records_it() -> None:
    """Each Chinese quotation in the data is one of the brief's sentences, letter
    for letter as c2g-quotes.toml cleaned it, and each is recorded there."""
    data = load(DATA)["quotes"]
    chinese = {qid: q for qid, q in data.items() if q["lang"] == "zh"}
    assert len(chinese) >= 30
    recorded = {q["data_quote"]: q for q in QUOTES if q["data_quote"]}
    assert set(recorded) == set(chinese)
    for qid, quote in chinese.items():
        assert quote["text"] == recorded[qid]["zh"], qid
        assert quote["source"].startswith("C2G 2019"), qid
        assert quote.get("translation"), qid  # our English beside it


def test_c2g_quotes_are_well_formed() -> None:
    ids = [q["id"] for q in QUOTES]
    assert len(ids) == len(set(ids))
    for q in QUOTES:
        assert q["zh"] == q["zh"].strip() and "\n" not in q["zh"], q["id"]
        assert q["substance"] in {"same", "differs", "no paraphrase"}, q["id"]
        assert q["lines"] and q["cleaning"], q["id"]
        if q["substance"] == "differs":
            assert q.get("difference"), q["id"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这4项技术合计可移除5.8–34.8 Gt CO2/年", "这4项技术合计可移除5.8～34.8 Gt CO2/年"),
        ("计算期为 2030 年初至 2049 年末，共 20 年", "计算期为2030年初至2049年末，共20年"),
        ("2030–2049 年", "2030—2049年"),
        ("其中30–50%低于20美元", "其中30%～50%低于20美元"),
        ("合计:4 (下限)", "合计：4（下限）"),
        ("需要更好的核查。（适用于生物炭）", "需要更好的核查（适用于生物炭）。"),
        ("P（合计≥4：联合国环境规划署（UNEP）估计下限）", "P（合计≥4：联合国环境规划署〔UNEP〕估计下限）"),
        (
            "原文：“据估计，全球每年可移除3-18 Gt的二氧化碳。”",
            "原文：“据估计，全球每年可移除3-18 Gt的二氧化碳。”",
        ),
        ("运行 `nbscdr show 生物炭 -a ar6`", "运行 `nbscdr show 生物炭 -a ar6`"),  # code as typed
        ("5.8 Gt CO2/年", "5.8 Gt CO2/年"),
        ("P（合计 ≥ 100：下限）", "P（合计≥100：下限）"),
        ("同时处于上限。 按中心值排列。", "同时处于上限。按中心值排列。"),
        ("P5–P95为11–29 Gt CO2/年", "P5～P95为11～29 Gt CO2/年"),
    ],
)
def test_typeset_zh(text: str, expected: str) -> None:
    assert typeset_zh(text) == expected
    assert typeset_zh(expected) == expected  # set once, it stays set
