"""Labels and sentences of the rendered output, in English and Chinese."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "technique": ("Technique", "技术"),
    "id": ("Id", "编号"),
    "name": ("Name", "名称"),
    "share": ("Share", "比例"),
    "low": ("Low", "下限"),
    "high": ("High", "上限"),
    "range": ("Range", "范围"),
    "unit": ("Unit", "单位"),
    "scope": ("Scope", "范围类别"),
    "readiness": ("Readiness", "技术成熟度"),
    "governance": ("Governance challenges", "治理挑战"),
    "source": ("Source", "来源"),
    "notes": ("Notes", "说明"),
    "aliases": ("Aliases", "别名"),
    "total": ("Total", "合计"),
    "reference": ("Reference", "参考"),
    "ratio": ("Total / reference", "合计 / 参考"),
    "in_scope": ("In its scope", "其范围内"),
    "portfolio": ("Portfolio", "组合"),
    "comparison": ("Comparison with references", "与参考估计的比较"),
    "notes_heading": ("Notes", "注意事项"),
    "value": ("Value", "数值"),
    "up_to": ("up to", "最多"),
    "own_figure": ("own figure", "自定数值"),
    "uncertainty": ("Uncertainty of the total", "合计的不确定性"),
    "mean": ("Mean", "均值"),
    "percentile": ("Percentile", "百分位"),
    "reach": ("Chance the total reaches", "合计达到以下数值的概率"),
    "distribution_of": ("Distribution", "分布"),
    "mc_header": (
        "{samples:,} samples, seed {seed}, {distribution}, rank correlation {correlation:g}",
        "{samples:,} 个样本，随机种子 {seed}，{distribution}分布，秩相关系数 {correlation:g}",
    ),
    "target": ("target", "目标"),
    "assessment": ("Assessment", "评估"),
    "citation": ("Citation", "引用"),
    "measure": ("Measures", "衡量内容"),
    "techniques": ("Techniques", "技术"),
    "estimates": ("Estimates", "各评估的估计值"),
    "missing": ("no estimate for", "缺少估计值："),
    "fallback_mark": ("default estimate for", "使用默认估计值："),
    "durability": ("Storage durability", "储存持久性"),
    "saturation": ("Saturation", "饱和"),
    "years": ("years", "年"),
    "default": ("default", "默认"),
    "horizon": ("Over the period", "时期内"),
    "cumulative": ("Cumulative", "累计"),
    "durable": ("Durable at end", "期末留存"),
    "ramp": ("ramp", "爬坡"),
    "reversal": ("reversal", "逆转"),
    "stock_path": ("Stock, high end", "储量（上限）"),
    "up_to_legend": ("no lower bound given (counted as 0)", "未给出下限（按 0 计）"),
    "chart_axis": ("Removal potential", "移除潜力"),
    "chart_title": ("Nature-based CO2 removal potential", "基于自然的二氧化碳移除潜力"),
}

SENTENCES: dict[str, tuple[str, str]] = {
    "up_to": (
        '{ids}: the source gives only an upper bound ("up to"); the low end counts as 0.',
        "{ids}：来源只给出上限（“最多”），下限按 0 计。",
    ),
    "overlap": (
        "{a} and {b} draw on the same land or biomass: their high ends may count the same removal twice.",
        "{a} 与 {b} 依赖相同的土地或生物质：两者的上限可能重复计算同一份移除量。",
    ),
    "scope": (
        "{ref} covers {scope} only: entries in its scope sum to {low}–{high} {unit}{outside}.",
        "{ref} 仅涵盖{scope}：其范围内的条目合计 {low}–{high} {unit}{outside}。",
    ),
    "outside": ("; outside it: {ids}", "；范围外：{ids}"),
    "sum_note": (
        "Totals add every low and every high: they assume all extremes happen together.",
        "合计将所有下限与所有上限分别相加，即假设各技术的极端情况同时出现。",
    ),
    "fallback": (
        "{ids}: no estimate in {assessment}; the {default} estimate is used instead.",
        "{ids}：{assessment} 中没有估计值，改用 {default} 的估计值。",
    ),
    "years": (
        "Years are counted as intervals: {start} to {end} is {n} years, {start} through {last}; stocks are at the end of {last}.",
        "年份按区间计：{start} 至 {end} 共 {n} 年，即 {start} 年至 {last} 年；储量为 {last} 年末的数值。",
    ),
    "no_ramp": (
        "No ramp-up assumed: every entry removes at its full rate from the first year (set --ramp-years).",
        "未假设逐步扩大部署：各条目自第一年起即按全额速率移除（可用 --ramp-years 设置）。",
    ),
    "saturation": (
        "{id} stops adding after {years} years ({source}).",
        "{id} 在 {years} 年后不再增加移除量（{source}）。",
    ),
    "no_saturation": (
        "{ids}: no source gives a saturation time, so none is applied (set --saturation-years).",
        "{ids}：没有来源给出饱和时间，因此未设饱和（可用 --saturation-years 设置）。",
    ),
    "no_reversal": (
        "{ids}: reversal rate 0 assumed, though nature-based storage is reversible (set --reversal-rate).",
        "{ids}：假设逆转率为 0，但基于自然的储存是可逆的（可用 --reversal-rate 设置）。",
    ),
    "period": (
        "{ref} covers a different period from {start}–{last}: compare with care.",
        "{ref} 所涵盖的时期与 {start}–{last} 不同，比较时请谨慎。",
    ),
    "permanence": (
        "Nature-based storage is not permanent: uptake saturates and fire, drought, pests or "
        "land-use change can release the carbon again.",
        "基于自然的碳储存并非永久：吸收会趋于饱和，火灾、干旱、虫害或土地利用变化可能使碳重新释放。",
    ),
}

SCOPES: dict[str, tuple[str, str]] = {
    "forests": ("forests", "森林"),
    "wetlands": ("wetlands", "湿地"),
    "soils": ("soils", "土壤"),
    "biomass": ("biomass", "生物质"),
    "ocean": ("ocean", "海洋"),
}


DISTRIBUTIONS: dict[str, tuple[str, str]] = {
    "uniform": ("uniform", "均匀"),
    "triangular": ("triangular", "三角"),
    "pert": ("PERT", "PERT"),
    "lognormal": ("lognormal", "对数正态"),
}


def distribution_name(name: str, lang: str) -> str:
    en, zh = DISTRIBUTIONS.get(name, (name, name))
    return zh if lang == "zh" else en


def label(key: str, lang: str) -> str:
    en, zh = LABELS[key]
    return zh if lang == "zh" else en


def sentence(key: str, lang: str, **values: object) -> str:
    en, zh = SENTENCES[key]
    return (zh if lang == "zh" else en).format(**values)


def scope_name(scope: str, lang: str) -> str:
    pair = SCOPES.get(scope)
    if pair is None:
        return scope
    return pair[1] if lang == "zh" else pair[0]


def join_scopes(scopes: tuple[str, ...] | list[str], lang: str) -> str:
    names = [scope_name(s, lang) for s in scopes]
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
