"""Every label, sentence and heading nbscdr prints, in English and Chinese: one
table, one lookup (``text``).

Keys are grouped by prefix: none for table labels, ``note.`` for the notes under
a result, ``scope.`` and ``distribution.`` for names, ``brief.`` for the briefing.
Values with ``{name}`` fields are filled by ``text(key, lang, name=...)``.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "technique": (
        "Technique",
        "技术",
    ),
    "id": (
        "Id",
        "编号",
    ),
    "name": (
        "Name",
        "名称",
    ),
    "share": (
        "Share",
        "比例",
    ),
    "low": (
        "Low",
        "下限",
    ),
    "high": (
        "High",
        "上限",
    ),
    "range": (
        "Range",
        "范围",
    ),
    "unit": (
        "Unit",
        "单位",
    ),
    "scope": (
        "Scope",
        "范围类别",
    ),
    "readiness": (
        "Readiness",
        "技术成熟度",
    ),
    "governance": (
        "Governance challenges",
        "治理挑战",
    ),
    "source": (
        "Source",
        "来源",
    ),
    "notes": (
        "Notes",
        "说明",
    ),
    "aliases": (
        "Aliases",
        "别名",
    ),
    "total": (
        "Total",
        "合计",
    ),
    "reference": (
        "Reference",
        "参考",
    ),
    "ratio": (
        "Total / reference",
        "合计 / 参考",
    ),
    "in_scope": (
        "In its scope",
        "其范围内",
    ),
    "portfolio": (
        "Portfolio",
        "组合",
    ),
    "comparison": (
        "Comparison with references",
        "与参考估计的比较",
    ),
    "notes_heading": (
        "Notes",
        "注意事项",
    ),
    "value": (
        "Value",
        "数值",
    ),
    "up_to": (
        "up to",
        "最多",
    ),
    "own_figure": (
        "own figure",
        "自定数值",
    ),
    "uncertainty": (
        "Uncertainty of the total",
        "合计的不确定性",
    ),
    "mean": (
        "Mean",
        "均值",
    ),
    "percentile": (
        "Percentile",
        "百分位",
    ),
    "reach": (
        "Chance the total reaches",
        "合计达到以下数值的概率",
    ),
    "distribution_of": (
        "Distribution",
        "分布",
    ),
    "mc_header": (
        "Monte Carlo, {samples:,} samples, seed {seed}, {distribution}, rank correlation {correlation:g}",
        "蒙特卡洛模拟，{samples:,} 个样本，随机种子 {seed}，{distribution}分布，秩相关系数 {correlation:g}",
    ),
    "method.monte-carlo": (
        "Monte Carlo",
        "蒙特卡洛模拟",
    ),
    "method.convolution": (
        "exact convolution",
        "精确卷积",
    ),
    "convolution_header": (
        "exact convolution, {distribution}, independent",
        "精确卷积，{distribution}分布，各项相互独立",
    ),
    "target": (
        "target",
        "目标",
    ),
    "assessment": (
        "Assessment",
        "评估",
    ),
    "citation": (
        "Citation",
        "引用",
    ),
    "measure": (
        "Measures",
        "衡量内容",
    ),
    "techniques": (
        "Techniques",
        "技术",
    ),
    "estimates": (
        "Estimates",
        "各评估的估计值",
    ),
    "missing": (
        "no estimate for",
        "缺少估计值：",
    ),
    "fallback_mark": (
        "default estimate for",
        "使用默认估计值：",
    ),
    "durability": (
        "Storage durability",
        "储存持久性",
    ),
    "saturation": (
        "Saturation",
        "饱和",
    ),
    "years": (
        "years",
        "年",
    ),
    "default": (
        "default",
        "默认",
    ),
    "horizon": (
        "Over the period",
        "时期内",
    ),
    "cumulative": (
        "Cumulative",
        "累计",
    ),
    "durable": (
        "Durable at end",
        "期末留存",
    ),
    "ramp": (
        "ramp",
        "爬坡",
    ),
    "reversal": (
        "reversal",
        "逆转",
    ),
    "stock_path": (
        "Stock, high end",
        "储量（上限）",
    ),
    "up_to_legend": (
        "no lower bound given (counted as 0)",
        "未给出下限（按 0 计）",
    ),
    "chart_axis": (
        "Removal potential",
        "移除潜力",
    ),
    "chart_title": (
        "Nature-based CO2 removal potential",
        "基于自然的二氧化碳移除潜力",
    ),
    "note.up_to": (
        '{ids}: the source gives only an upper bound ("up to"); the low end counts as 0.',
        "{ids}：来源只给出上限（“最多”），下限按 0 计。",
    ),
    "note.overlap": (
        "{a} and {b} draw on the same land or biomass: their high ends may count the same removal twice.",
        "{a} 与 {b} 依赖相同的土地或生物质：两者的上限可能重复计算同一份移除量。",
    ),
    "note.scope": (
        "{ref} covers {scope} only: entries in its scope sum to {low}–{high} {unit}{outside}.",
        "{ref} 仅涵盖{scope}：其范围内的条目合计 {low}–{high} {unit}{outside}。",
    ),
    "note.outside": (
        "; outside it: {ids}",
        "；范围外：{ids}",
    ),
    "note.sum_note": (
        "Totals add every low and every high: they assume all extremes happen together.",
        "合计将所有下限与所有上限分别相加，即假设各技术的极端情况同时出现。",
    ),
    "note.fallback": (
        "{ids}: no estimate in {assessment}; the {default} estimate is used instead.",
        "{ids}：{assessment} 中没有估计值，改用 {default} 的估计值。",
    ),
    "note.years": (
        "Years are counted as intervals: {start} to {end} is {n} years, {start} through {last}; stocks are at the end of {last}.",
        "年份按区间计：{start} 至 {end} 共 {n} 年，即 {start} 年至 {last} 年；储量为 {last} 年末的数值。",
    ),
    "note.no_ramp": (
        "No ramp-up assumed: every entry removes at its full rate from the first year (set --ramp-years).",
        "未假设逐步扩大部署：各条目自第一年起即按全额速率移除（可用 --ramp-years 设置）。",
    ),
    "note.saturation": (
        "{id} stops adding after {years} years ({source}).",
        "{id} 在 {years} 年后不再增加移除量（{source}）。",
    ),
    "note.no_saturation": (
        "{ids}: no source gives a saturation time, so none is applied (set --saturation-years).",
        "{ids}：没有来源给出饱和时间，因此未设饱和（可用 --saturation-years 设置）。",
    ),
    "note.no_reversal": (
        "{ids}: reversal rate 0 assumed, though nature-based storage is reversible (set --reversal-rate).",
        "{ids}：假设逆转率为 0，但基于自然的储存是可逆的（可用 --reversal-rate 设置）。",
    ),
    "note.period": (
        "{ref} covers a different period from {start}–{last}: compare with care.",
        "{ref} 所涵盖的时期与 {start}–{last} 不同，比较时请谨慎。",
    ),
    "note.permanence": (
        "Nature-based storage is not permanent: uptake saturates and fire, drought, pests or land-use change can release the carbon again.",
        "基于自然的碳储存并非永久：吸收会趋于饱和，火灾、干旱、虫害或土地利用变化可能使碳重新释放。",
    ),
    "scope.forests": (
        "forests",
        "森林",
    ),
    "scope.wetlands": (
        "wetlands",
        "湿地",
    ),
    "scope.soils": (
        "soils",
        "土壤",
    ),
    "scope.biomass": (
        "biomass",
        "生物质",
    ),
    "scope.ocean": (
        "ocean",
        "海洋",
    ),
    "distribution.uniform": (
        "uniform",
        "均匀",
    ),
    "distribution.triangular": (
        "triangular",
        "三角",
    ),
    "distribution.pert": (
        "PERT",
        "PERT",
    ),
    "distribution.lognormal": (
        "lognormal",
        "对数正态",
    ),
    "brief.title": (
        "Briefing: nature-based CO2 removal",
        "简报：基于自然的二氧化碳移除",
    ),
    "brief.intro": (
        "Removal potentials from {assessment}; all rates in {unit}. Prepared with nbscdr {version}.",
        "移除潜力数据来自{assessment}；所有速率单位为 {unit}。由 nbscdr {version} 生成。",
    ),
    "brief.portfolio": (
        "Portfolio",
        "技术组合",
    ),
    "brief.totals": (
        "Totals",
        "合计",
    ),
    "brief.total_line": (
        "Annual removal potential of the portfolio: **{low}–{high} {unit}**, adding every low and every high (all extremes at once).",
        "该组合每年的移除潜力：**{low}–{high} {unit}**（各技术下限与上限分别相加，即假设极端情况同时出现）。",
    ),
    "brief.convolution_line": (
        "Exact convolution ({distribution}, independent entries): mean {mean}, 90% range {p5}–{p95} {unit}.",
        "精确卷积（{distribution}分布，各项相互独立）：均值 {mean}，90% 区间 {p5}–{p95} {unit}。",
    ),
    "brief.mc_line": (
        "Monte Carlo ({samples:,} samples, seed {seed}, {distribution}, rank correlation {correlation:g}): mean {mean}, 90% range {p5}–{p95} {unit}.",
        "蒙特卡洛模拟（{samples:,} 个样本，随机种子 {seed}，{distribution}分布，秩相关系数 {correlation:g}）：均值 {mean}，90% 区间 {p5}–{p95} {unit}。",
    ),
    "brief.reach_line": (
        "Chance that the total reaches {threshold} {unit} ({what}): {p}.",
        "合计达到 {threshold} {unit}（{what}）的概率：{p}。",
    ),
    "brief.horizon_line": (
        "From {start} through {last} ({years} years): cumulative removal {clow}–{chigh} {mass}; still stored at the end {dlow}–{dhigh} {mass}.",
        "{start} 年至 {last} 年（共 {years} 年）：累计移除 {clow}–{chigh} {mass}；期末仍储存 {dlow}–{dhigh} {mass}。",
    ),
    "brief.comparison": (
        "Comparison with UNEP and other references",
        "与联合国环境规划署等参考估计的比较",
    ),
    "brief.ratio_line": (
        "{name}: {low}–{high} {unit}. The portfolio total is {rlow}× its low and {rhigh}× its high.",
        "{name}：{low}–{high} {unit}。组合合计为其下限的 {rlow} 倍、上限的 {rhigh} 倍。",
    ),
    "brief.scope_line": (
        "Scope caveat: {ref} covers {scope} only. The entries within that scope sum to {low}–{high} {unit}{outside}.",
        "范围提示：{ref} 仅涵盖{scope}。该范围内的条目合计 {low}–{high} {unit}{outside}。",
    ),
    "brief.outside": (
        "; {ids} lie outside it and should not be compared with it",
        "；{ids} 不在其范围内，不应与之比较",
    ),
    "brief.caveats": (
        "Caveats",
        "注意事项",
    ),
    "brief.no_caveats": (
        "No entries draw on the same land or biomass.",
        "各条目之间没有依赖相同土地或生物质的情况。",
    ),
    "brief.readiness": (
        "Technical readiness",
        "技术成熟度",
    ),
    "brief.governance": (
        "Governance checklist",
        "治理检查清单",
    ),
    "brief.applies": (
        "applies to: ",
        "适用于：",
    ),
    "brief.forums": (
        "Forums and communities involved",
        "相关论坛与群体",
    ),
    "brief.forums_intro": (
        "Bodies that take part in, or could contribute to, governing NBS CDR (C2G 2019):",
        "参与或可能促进 NBS CDR 治理的机构与群体（C2G 2019）：",
    ),
    "brief.permanence": (
        "Permanence",
        "永久性",
    ),
    "brief.permanence_text": (
        "Carbon stored by nature-based solutions is not permanent. A forest takes up less CO2 as it ages and saturates; trees die and decay through age, drought, fire, pests or clearing and release the CO2 again. Keeping the benefit is a long-term governance task: who deploys, monitors and pays, and who ensures that the carbon stays stored and that leakage and harm are prevented.",
        "基于自然的解决方案所储存的碳并非永久。森林随树龄增长而吸收减少并趋于饱和；树木会因衰老、干旱、火灾、虫害或砍伐而死亡腐烂，使二氧化碳重新释放。保持这些收益是一项长期治理任务：由谁部署、监测和付费，由谁确保碳得到长期储存并防止泄漏和危害。",
    ),
    "brief.sources": (
        "Sources of the figures",
        "数据来源（引文保留原文）",
    ),
    "brief.own_figure": (
        "figure given by the user",
        "用户自定数值",
    ),
}


def text(key: str, lang: str, otherwise: str | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang`` ("en" or "zh"), with ``values`` filled in;
    ``otherwise`` where the table has no such key (e.g. a scope a user's catalog names)."""
    pair = TEXT.get(key)
    if pair is None:
        if otherwise is None:
            raise KeyError(key)
        return otherwise
    chosen = pair[1] if lang == "zh" else pair[0]
    return chosen.format(**values) if values else chosen


def join_scopes(scopes: tuple[str, ...] | list[str], lang: str) -> str:
    """'forests, wetlands and soils' / '森林、湿地、土壤'."""
    names = [text(f"scope.{s}", lang, otherwise=s) for s in scopes]
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
