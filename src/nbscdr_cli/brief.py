"""A one-page Markdown briefing on a portfolio, in English or Chinese.

It gathers what a briefing on NBS CDR needs, after the C2G (2019) brief: the
portfolio and its totals (with percentiles and cumulative figures where asked
for), the comparison with UNEP and its scope, double counting, each technique's
readiness, a governance checklist with each challenge once, the forums involved,
the permanence caveat, and the source of every figure.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.analysis import Analysis, figure_sources
from nbscdr_cli.catalog import Catalog
from nbscdr_cli.render.as_markdown import (
    comparison_table,
    horizon_section,
    portfolio_table,
    uncertainty_section,
)
from nbscdr_cli.render.as_table import threshold_label
from nbscdr_cli.render.labels import distribution_name, join_scopes
from nbscdr_cli.render.text import fmt

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Briefing: nature-based CO2 removal", "简报：基于自然的二氧化碳移除"),
    "intro": (
        "Removal potentials from {assessment}; all rates in {unit}. Prepared with nbscdr {version}.",
        "移除潜力数据来自{assessment}；所有速率单位为 {unit}。由 nbscdr {version} 生成。",
    ),
    "portfolio": ("Portfolio", "技术组合"),
    "totals": ("Totals", "合计"),
    "total_line": (
        "Annual removal potential of the portfolio: **{low}–{high} {unit}**, adding every low and every high (all extremes at once).",
        "该组合每年的移除潜力：**{low}–{high} {unit}**（各技术下限与上限分别相加，即假设极端情况同时出现）。",
    ),
    "mc_line": (
        "Monte Carlo ({samples:,} samples, seed {seed}, {distribution}, rank correlation {correlation:g}): mean {mean}, 90% range {p5}–{p95} {unit}.",
        "蒙特卡洛模拟（{samples:,} 个样本，随机种子 {seed}，{distribution}分布，秩相关系数 {correlation:g}）：均值 {mean}，90% 区间 {p5}–{p95} {unit}。",
    ),
    "reach_line": (
        "Chance that the total reaches {threshold} {unit} ({what}): {p}.",
        "合计达到 {threshold} {unit}（{what}）的概率：{p}。",
    ),
    "horizon_line": (
        "From {start} through {last} ({years} years): cumulative removal {clow}–{chigh} {mass}; still stored at the end {dlow}–{dhigh} {mass}.",
        "{start} 年至 {last} 年（共 {years} 年）：累计移除 {clow}–{chigh} {mass}；期末仍储存 {dlow}–{dhigh} {mass}。",
    ),
    "comparison": ("Comparison with UNEP and other references", "与联合国环境规划署等参考估计的比较"),
    "ratio_line": (
        "{name}: {low}–{high} {unit}. The portfolio total is {rlow}× its low and {rhigh}× its high.",
        "{name}：{low}–{high} {unit}。组合合计为其下限的 {rlow} 倍、上限的 {rhigh} 倍。",
    ),
    "scope_line": (
        "Scope caveat: {ref} covers {scope} only. The entries within that scope sum to {low}–{high} {unit}{outside}.",
        "范围提示：{ref} 仅涵盖{scope}。该范围内的条目合计 {low}–{high} {unit}{outside}。",
    ),
    "outside": (
        "; {ids} lie outside it and should not be compared with it",
        "；{ids} 不在其范围内，不应与之比较",
    ),
    "caveats": ("Caveats", "注意事项"),
    "no_caveats": (
        "No entries draw on the same land or biomass.",
        "各条目之间没有依赖相同土地或生物质的情况。",
    ),
    "readiness": ("Technical readiness", "技术成熟度"),
    "governance": ("Governance checklist", "治理检查清单"),
    "applies": ("applies to: ", "适用于："),
    "forums": ("Forums and communities involved", "相关论坛与群体"),
    "forums_intro": (
        "Bodies that take part in, or could contribute to, governing NBS CDR (C2G 2019):",
        "参与或可能促进 NBS CDR 治理的机构与群体（C2G 2019）：",
    ),
    "permanence": ("Permanence", "永久性"),
    "permanence_text": (
        "Carbon stored by nature-based solutions is not permanent. A forest takes up less CO2 as it ages and saturates; trees die and decay through age, drought, fire, pests or clearing and release the CO2 again. Keeping the benefit is a long-term governance task: who deploys, monitors and pays, and who ensures that the carbon stays stored and that leakage and harm are prevented.",
        "基于自然的解决方案所储存的碳并非永久。森林随树龄增长而吸收减少并趋于饱和；树木会因衰老、干旱、火灾、虫害或砍伐而死亡腐烂，使二氧化碳重新释放。保持这些收益是一项长期治理任务：由谁部署、监测和付费，由谁确保碳得到长期储存并防止泄漏和危害。",
    ),
    "sources": ("Sources of the figures", "数据来源（引文保留原文）"),
    "own_figure": ("figure given by the user", "用户自定数值"),
}

FORUMS: tuple[tuple[str, str], ...] = (
    ("Governments at all levels", "各级政府"),
    ("UN Framework Convention on Climate Change (UNFCCC)", "《联合国气候变化框架公约》(UNFCCC)"),
    ("UN General Assembly (UNGA)", "联合国大会 (UNGA)"),
    ("Convention on Biological Diversity (CBD)", "《生物多样性公约》(CBD)"),
    ("Food and Agriculture Organization (FAO)", "联合国粮食及农业组织 (FAO)"),
    ("International Union for Conservation of Nature (IUCN)", "世界自然保护联盟 (IUCN)"),
    (
        "IPCC and IPBES, with the CBD and the UNFCCC, to weigh synergies and trade-offs between competing goals",
        "IPCC 与 IPBES，会同 CBD 和 UNFCCC，权衡相互竞争目标之间的协同与取舍",
    ),
    ("Civil society organisations", "民间社会组织"),
    ("The research community", "研究界"),
    ("Business", "商业部门"),
    ("Regional bodies", "地区机构"),
    ("Other interested and affected publics", "其他感兴趣和受影响的公众"),
)


def t(key: str, lang: str, **values: object) -> str:
    en, zh = TEXT[key]
    return (zh if lang == "zh" else en).format(**values)


def checklist(analysis: Analysis, lang: str) -> list[tuple[str, list[str]]]:
    """Each governance challenge of the portfolio's techniques once, with the
    techniques it applies to, in order of first appearance."""
    items: dict[str, tuple[str, list[str]]] = {}
    for entry in analysis.result.portfolio.entries:
        for challenge in entry.technique.governance:
            _, ids = items.setdefault(challenge.id, (challenge.text.get(lang), []))
            ids.append(entry.technique.id)
    return list(items.values())


def compose(analysis: Analysis, doc: dict[str, Any], catalog: Catalog, lang: str) -> str:
    """The Markdown briefing for ``analysis``, whose document is ``doc``."""
    from nbscdr_cli import __version__

    unit = doc["unit"]
    assessment = catalog.assessments.get(analysis.assessment or "")
    source_name = assessment.name.get(lang) if assessment else (analysis.assessment or catalog.path)
    title = t("title", lang) + (f": {doc['name']}" if doc["name"] else "")
    out = [f"# {title}", "", t("intro", lang, assessment=source_name, unit=unit, version=__version__), ""]

    out += [f"## {t('portfolio', lang)}", "", portfolio_table(doc, lang), ""]

    out += [f"## {t('totals', lang)}", ""]
    total = doc["total"]
    out.append("- " + t("total_line", lang, low=fmt(total["low"]), high=fmt(total["high"]), unit=unit))
    if "uncertainty" in doc:
        u = doc["uncertainty"]
        p = u["percentiles"]
        out.append(
            "- "
            + t(
                "mc_line",
                lang,
                samples=u["samples"],
                seed=u["seed"],
                distribution=distribution_name(u["distribution"], lang),
                correlation=u["correlation"],
                mean=fmt(u["mean"]),
                p5=fmt(p["5"]),
                p95=fmt(p["95"]),
                unit=unit,
            )
        )
        for key, prob in u["probability"].items():
            what = threshold_label(key, lang)
            out.append(
                "- "
                + t(
                    "reach_line",
                    lang,
                    threshold=fmt(u["thresholds"][key]),
                    unit=unit,
                    what=what,
                    p=f"{prob:.1%}",
                )
            )
    if "horizon" in doc:
        h = doc["horizon"]
        out.append(
            "- "
            + t(
                "horizon_line",
                lang,
                start=h["from"],
                last=h["last_year"],
                years=h["years"],
                clow=fmt(h["cumulative"]["low"]),
                chigh=fmt(h["cumulative"]["high"]),
                dlow=fmt(h["durable"]["low"]),
                dhigh=fmt(h["durable"]["high"]),
                mass=h["unit"],
            )
        )
    out.append("")
    if "uncertainty" in doc:
        out += [uncertainty_section(doc["uncertainty"], unit, lang).replace("### ", "#### "), ""]
    if "horizon" in doc:
        out += [horizon_section(doc, lang).replace("### ", "#### "), ""]

    if doc["comparisons"]:
        out += [f"## {t('comparison', lang)}", "", comparison_table(doc, lang), ""]
        for c in doc["comparisons"]:
            name = (c["name"] or {}).get(lang) or (c["name"] or {}).get("en") or c["reference"]
            out.append(
                "- "
                + t(
                    "ratio_line",
                    lang,
                    name=name,
                    low=fmt(c["low"]),
                    high=fmt(c["high"]),
                    unit=unit,
                    rlow=fmt(c["ratio_low"]),
                    rhigh=fmt(c["ratio_high"]),
                )
            )
            if c["scope"]:
                outside = t("outside", lang, ids=", ".join(c["out_of_scope"])) if c["out_of_scope"] else ""
                out.append(
                    "- "
                    + t(
                        "scope_line",
                        lang,
                        ref=c["reference"].upper(),
                        scope=join_scopes(c["scope"], lang),
                        low=fmt(c["in_scope"]["low"]),
                        high=fmt(c["in_scope"]["high"]),
                        unit=unit,
                        outside=outside,
                    )
                )
        out.append("")

    out += [f"## {t('caveats', lang)}", ""]
    codes = {
        "up-to",
        "double-counting",
        "fallback",
        "sum-of-extremes",  # the sums
        "years",
        "no-ramp",
        "saturation",
        "no-saturation",
        "no-reversal",
        "reference-period",  # the horizon
    }
    caveats = [w["message"] for w in doc["warnings"] if w["code"] in codes]
    if not any(w["code"] == "double-counting" for w in doc["warnings"]):
        caveats.append(t("no_caveats", lang))
    out += [f"- {m}" for m in caveats] + [""]

    out += [f"## {t('readiness', lang)}", ""]
    for e in analysis.result.portfolio.entries:
        readiness = e.technique.readiness.get(lang) if e.technique.readiness else "–"
        out.append(f"- **{e.technique.name.get(lang)}** (`{e.technique.id}`): {readiness}")
    out.append("")

    out += [f"## {t('governance', lang)}", ""]
    for text, ids in checklist(analysis, lang):
        out.append(f"- [ ] {text} — {t('applies', lang)}{', '.join(ids)}")
    out.append("")

    out += [f"## {t('forums', lang)}", "", t("forums_intro", lang), ""]
    out += [f"- {zh if lang == 'zh' else en}" for en, zh in FORUMS] + [""]

    out += [f"## {t('permanence', lang)}", "", t("permanence_text", lang), ""]

    out += [f"## {t('sources', lang)}", ""]
    out += [f"- {s}" for s in figure_sources(analysis)]
    if assessment is not None:
        out.append(f"- {assessment.citation}")
    own = [e.technique.id for e in analysis.result.portfolio.entries if e.own_figure]
    if own:
        out.append(f"- {', '.join(own)}: {t('own_figure', lang)}")
    return "\n".join(out).rstrip() + "\n"
