"""Every label, sentence and heading nbscdr prints, in English and Chinese: one
table, one lookup (``text``).

Keys are grouped by prefix: none for table labels, ``note.`` for the notes under
a result, ``scope.`` and ``distribution.`` for names, ``brief.`` for the briefing.
Values with ``{name}`` fields are filled by ``text(key, lang, name=...)``.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "original": (
        "{source}",
        "原文：{source}",
    ),
    "probability_of": (
        "P({what} ≥ {value}: {threshold})",
        "P（{what} ≥ {value}：{threshold}）",
    ),
    "reference_end": (
        "{ref}, {end} end",
        "{ref}{end}",
    ),
    "brief.uncertainty": (
        "How sure",
        "不确定性分析",
    ),
    "brief.period_against": (
        "{ref}, {band} {unit}, is {kind} over a different period: the cumulative removal over this period, {cumulative} {unit}, {relation}{cite}.",
        "{ref}（{band} {unit}）是{kind}，时期与本计算不同：本时期累计移除量为 {cumulative} {unit}，{relation}{cite}。",
    ),
    "missing_economic": (
        "no economic potential for {names}",
        "缺少经济潜力：{names}",
    ),
    "central_sum": (
        "Sum of centrals",
        "中值之和",
    ),
    "central_value": (
        "central {value}",
        "中值 {value}",
    ),
    "part_of": (
        "Part of",
        "归属",
    ),
    "to": (
        "to",
        "至",
    ),
    "from_assessment": (
        "figure from {assessment}",
        "数值取自 {assessment}",
    ),
    "cost_unit": (
        "USD/t CO2",
        "美元/吨二氧化碳",
    ),
    "note.figures": (
        "Figures: {assessment}, {potential} potential: {measure}.",
        "数据：{assessment}，{potential}潜力：{measure}。",
    ),
    "note.figures_plain": (
        "Figures: {potential} potential.",
        "数据：{potential}潜力。",
    ),
    "potential.technical": (
        "technical",
        "技术",
    ),
    "potential.economic": (
        "economic",
        "经济",
    ),
    "catalog_title": (
        "Techniques with a figure in {assessment} ({potential} potential)",
        "{assessment}中有数值的技术（{potential}潜力）",
    ),
    "portfolio_title": (
        "Portfolio{name} ({potential} potential, {assessment})",
        "技术组合{name}（{potential}潜力，{assessment}）",
    ),
    "portfolio_title_plain": (  # data of the user's own, with no assessment named
        "Portfolio{name} ({potential} potential)",
        "技术组合{name}（{potential}潜力）",
    ),
    "central": (
        "Central",
        "中值",
    ),
    "cost": (
        "Cost",
        "成本",
    ),
    "trl": (
        "TRL",
        "技术成熟度等级",
    ),
    "note.compare_scope": (
        "{ref} covers {scope} only: it is compared with {inside}, leaving out {outside}.",
        "{ref}仅涵盖{scope}：与之比较的是{inside}，不包括{outside}。",
    ),
    "note.compare_scope_all": (
        "{ref}: every entry is in its scope.",
        "{ref}：所有技术均在其适用范围内。",
    ),
    "note.in_rows": (
        "[{rows}] {message}",
        "［{rows}］{message}",
    ),
    "note.central_sum": (
        "Sum of centrals adds the entries' central values (medians): it is not the median of the total, and it is shown only where every entry has one.",
        "中值之和是各项技术中值的简单相加，并非合计的中位数；仅在每项技术都有中值时给出。",
    ),
    "cumulative_period": (
        "Cumulative {start}–{end}",
        "{start}–{end} 年累计",
    ),
    "chart_in_scope": (
        "{ref}: in its scope",
        "{ref}：适用范围内",
    ),
    "colon": (
        ": ",
        "：",
    ),
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
        "计入比例",
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
        "适用范围",
    ),
    "technique_scope": (
        "Scope",
        "所属领域",
    ),
    "estimate_potential": (
        ", {potential}",
        "，{potential}潜力",
    ),
    "overlap_with": (
        "with {name}: ",
        "与{name}：",
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
        "适用范围内合计",
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
    "assumed": (
        "Assumed",
        "假设",
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
        "合计的不确定性分析",
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
        "Monte Carlo, {samples}, seed {seed}, {distribution}, rank correlation {correlation:g}",
        "蒙特卡洛模拟，{samples}，随机种子 {seed}，{distribution}分布，秩相关系数 {correlation:g}",
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
        "来源",
    ),
    "measure": (
        "Measures",
        "估计口径",
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
        "no estimate for {names}",
        "缺少估计值：{names}",
    ),
    "fallback_mark": (
        "default estimate for {names}",
        "使用默认估计值：{names}",
    ),
    "durability": (
        "Storage durability",
        "储存持久性",
    ),
    "saturation": (
        "Saturation",
        "饱和时间",
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
        "期末储量",
    ),
    "ramp": (
        "ramp",
        "部署爬升期",
    ),
    "reversal": (
        "reversal",
        "逆转",
    ),
    "stock_path": (
        "Stock, high end {start}–{last}: ",
        "储量（上限），{start}—{last} 年：",
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
        '{names}: the source gives only an upper bound ("up to"); the low end counts as 0.',
        "{names}：来源仅给出上限，下限按 0 计。",
    ),
    "note.overlap": (
        "{a} and {b}: {text}{cite}.",
        "“{a}”与“{b}”：{text}{cite}。",
    ),
    "note.scope": (
        "{ref} covers {scope} only, so it is compared with {inside} ({subtotal} {unit}); with {outside}, which it does not cover, the whole portfolio is {total} {unit}.",
        "{ref}仅涵盖{scope}，因此与之比较的是{inside}（{subtotal} {unit}）；若加上其未涵盖的{outside}，整个组合为 {total} {unit}。",
    ),
    "note.co2e": (
        "{names}: given in CO2e and counted here as CO2 (for a removal of CO2 itself, a tonne of CO2e is a tonne of CO2).",
        "{names}：原以二氧化碳当量（CO2e）给出，此处按二氧化碳计（对二氧化碳本身的移除而言，1 吨二氧化碳当量即 1 吨二氧化碳）。",
    ),
    "note.distribution_convolution": (
        "The convolution takes each entry as a {shape} distribution over its range{peak}, {together}: an assumption, since no source gives one.",
        "卷积假设各项技术在其区间内服从{shape}分布{peak}，{together}：这是一项假设，没有来源给出分布。",
    ),
    "note.no_source": (
        "{names}: no source given in the data file; check before quoting.",
        "{names}：数据文件未给出来源，引用前请核实。",
    ),
    "note.distribution_lognormal": (
        "The Monte Carlo draws each entry from a lognormal distribution with its low and high as the 5th and 95th percentiles (so about 10% of draws fall outside its range), {together}: an assumption, since no source gives one.",
        "蒙特卡洛抽样假设各项技术服从对数正态分布，以其下限和上限为第 5 和第 95 百分位数（约 10% 的抽样落在区间之外），{together}：这是一项假设，没有来源给出分布。",
    ),
    "note.distribution": (
        "The Monte Carlo draws each entry from a {shape} distribution over its range{peak}, {together}: an assumption, since no source gives one.",
        "蒙特卡洛抽样假设各项技术在其区间内服从{shape}分布{peak}，{together}：这是一项假设，没有来源给出分布。",
    ),
    "note.peak": (
        ", peaking at the central value where a source gives one and at the midpoint otherwise",
        "（有来源给出中值时以其为峰值，否则以区间中点为峰值）",
    ),
    "note.independent": (
        "independently of one another",
        "各项技术相互独立",
    ),
    "note.correlated": (
        "with a rank correlation of {r} between every pair",
        "任意两项技术之间的秩相关系数为 {r}",
    ),
    "note.sum_note": (
        "Totals add every low and every high: they assume all extremes happen together.",
        "合计将所有下限与所有上限分别相加，即假设各技术的极端情况同时出现。",
    ),
    "note.fallback": (
        "{names}: no estimate in {assessment}; the {default} estimate is used instead.",
        "{names}：{assessment}中没有估计值，改用{default}的估计值。",
    ),
    "note.years": (
        "Years are counted as intervals: {start} to {end} is {n} years, {start} through {last}; stocks are at the end of {last}.",
        "计算期为 {start} 年初至 {last} 年末，共 {n} 年（不含 {end} 年）；储量为 {last} 年末数值。",
    ),
    "note.no_ramp": (
        "No ramp-up assumed: every entry removes at its full rate from the first year (no source gives a ramp-up time).",
        "未假设逐步扩大部署：各项技术自首年起即按全部潜力移除（没有来源给出部署爬升期）。",
    ),
    "note.saturation": (
        "{name} stops adding after {years} years{cite}.",
        "{name}：{years}年后达到饱和，不再新增移除量{cite}。",
    ),
    "note.saturation_range": (
        "{name}: saturation time given as {low}–{high} years; the low end of its rate is taken with "
        "{low} years and the high end with {high}.",
        "{name}：饱和时间按 {low}–{high} 年给定；其移除速率的下限对应 {low} 年，上限对应 {high} 年。",
    ),
    "note.saturation_range_sampled": (
        "{name}: saturation time given as {low}–{high} years; the low end of its rate is taken with "
        "{low} years and the high end with {high}, and the Monte Carlo draws the time uniformly between "
        "them, independently of the rate: an assumption, since no source gives its distribution.",
        "{name}：饱和时间按 {low}–{high} 年给定；其移除速率的下限对应 {low} 年，上限对应 {high} 年；"
        "蒙特卡洛模拟在此区间内均匀抽取饱和时间，且与速率相互独立：这是一项假设，因为没有来源给出其分布。",
    ),
    "note.no_saturation": (
        "{names}: no source gives a saturation time, so none is applied.",
        "{names}：没有来源给出饱和时间，因此未设饱和期。",
    ),
    "note.no_reversal": (
        "{names}: a reversal rate of 0 is assumed, though nature-based storage is reversible.",
        "{names}：假设逆转率为 0，但基于自然的碳储存存在逆转风险。",
    ),
    "note.period": (
        "{ref} is an amount over {period}, and the total here is over {start}–{last}: the periods differ, so compare with care.",
        "{ref}是{period}的累计量，而此处合计的是 {start}—{last} 年：时期不同，比较时请谨慎。",
    ),
    "note.period_unknown": (
        "a period its source does not state",
        "来源未说明的时期",
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
    "note.caveat": (
        "{name}: {text}{cite}.",
        "{name}：{text}{cite}。",
    ),
    "note.reference": (
        "{ref}, {range} {unit}, is {kind}: {measures}.",
        "{ref}（{range} {unit}）是{kind}：{measures}。",
    ),
    "note.scope_all": (
        "{ref} covers {scope}: every entry is in its scope.",
        "{ref}涵盖{scope}：所有条目均在其适用范围内。",
    ),
    "note.scope_none": (
        "{ref} covers {scope} only, and no entry is in its scope: there is nothing to compare with it.",
        "{ref}仅涵盖{scope}，而没有条目在其适用范围内：没有可与之比较的内容。",
    ),
    "note.needs_period": (
        "{ref} is a cumulative amount: it is compared only with the cumulative removals over a period (a start and an end year).",
        "{ref}是累计量：只能与一段时期内的累计移除量比较（需给出起止年份）。",
    ),
    "kind.potential": (
        "a potential",
        "潜力估计",
    ),
    "kind.scenario": (
        "the CDR deployed in scenarios, not a potential",
        "情景中的二氧化碳移除部署量，而非潜力",
    ),
    "kind.cumulative": (
        "a cumulative amount",
        "累计量",
    ),
    "kind.mitigation": (
        "a mitigation potential that includes avoided emissions, not removals alone",
        "包括避免排放在内的减缓潜力，而非仅指移除",
    ),
    "kind_short.potential": (
        "potential",
        "潜力",
    ),
    "kind_short.scenario": (
        "scenario deployment",
        "情景部署量",
    ),
    "kind_short.cumulative": (
        "cumulative amount",
        "累计量",
    ),
    "kind_short.mitigation": (
        "mitigation, incl. avoided emissions",
        "减缓量（含避免排放）",
    ),
    "position.below": (
        "below",
        "低于参考范围",
    ),
    "position.overlapping": (
        "overlaps",
        "与参考范围重叠",
    ),
    "position.above": (
        "above",
        "高于参考范围",
    ),
    "relation": (
        "{position}: low end {low}, high end {high}",
        "{position}：下限{low}，上限{high}",
    ),
    "end.level": (
        "level",
        "持平",
    ),
    "end.higher": (
        "{amount} higher",
        "高出 {amount}",
    ),
    "end.lower": (
        "{amount} lower",
        "低 {amount}",
    ),
    "against": (
        "In scope, against the reference",
        "适用范围内与参考范围相比",
    ),
    "kind": (
        "Kind",
        "类型",
    ),
    "sample": (
        "{samples:,} sample",
        "{samples:,} 个样本",
    ),
    "samples": (
        "{samples:,} samples",
        "{samples:,} 个样本",
    ),
    "low_open": (
        "0 (up to)",
        "0（仅给出上限）",
    ),
    "up_to_range": (
        "up to {high} {unit}",
        "最多 {high} {unit}（仅给出上限）",
    ),
    "in_scope_total": (
        "in-scope total",
        "适用范围内合计",
    ),
    "std": (
        "Standard deviation",
        "标准差",
    ),
    "ramp_years": (
        "ramp {years} years",
        "部署爬升期 {years} 年",
    ),
    "saturation_years": (
        "saturates after {years} years",
        "{years} 年后饱和",
    ),
    "reversal_per_year": (
        "{rate} reversed per year",
        "每年逆转 {rate}",
    ),
    "list_sep": (
        ", ",
        "、",
    ),
    "list_semicolon": (
        "; ",
        "；",
    ),
    "clause_sep": (
        "; ",
        "；",
    ),
    "paren": (
        " ({text})",
        "（{text}）",
    ),
    "horizon_title": (
        "Over the period {start}–{end} ({years} years)",
        "{start}—{last} 年（共 {years} 年）",
    ),
    "cumulative_against": (
        "Cumulative in scope, against the reference",
        "累计量比较（适用范围内）",
    ),
    "durable_against": (
        "Durable in scope, against the reference",
        "期末储量比较（适用范围内）",
    ),
    "in_scope_against": (
        "In scope, against {ref}",
        "适用范围内与{ref}相比",
    ),
    "up_to_mark": (
        "only an upper bound for {names}",
        "仅给出上限：{names}",
    ),
    "scope_every": (
        "every technique",
        "所有技术",
    ),
    "caveat": (
        "Caveat",
        "注意",
    ),
    "overlaps": (
        "Double counting",
        "重复计算",
    ),
    "years_n": (
        "{years} years",
        "{years} 年",
    ),
    "brief.bottom_line": (
        "Bottom line",
        "要点",
    ),
    "brief.portfolio": (
        "The portfolio",
        "技术组合",
    ),
    "brief.comparison": (
        "Against the references",
        "与参考估计的比较",
    ),
    "brief.caveats": (
        "Caveats",
        "注意事项",
    ),
    "brief.decisions": (
        "Decisions needed",
        "待决事项",
    ),
    "brief.forums": (
        "Who is involved",
        "相关方",
    ),
    "brief.sources": (
        "Sources",
        "来源（引文保留原文）",
    ),
    "brief.techniques": (
        "The techniques",
        "各项技术",
    ),
    "brief.assessments": (
        "The assessments",
        "各项评估",
    ),
    "brief.title_named": (
        "{name} — nature-based CO2 removal",
        "{name}——基于自然的二氧化碳移除",
    ),
    "brief.title_names": (
        "Nature-based CO2 removal by {names}",
        "基于自然的二氧化碳移除：{names}",
    ),
    "brief.title_count": (
        "Nature-based CO2 removal: a portfolio of {n} techniques",
        "基于自然的二氧化碳移除：{n} 项技术的组合",
    ),
    "brief.subtitle": (
        "{assessment}, {potential} potential · nbscdr {version}",
        "{assessment}，{potential}潜力 · nbscdr {version}",
    ),
    "brief.period_sure": (
        "P5–P95 ({how}): {cumulative} {unit} removed over the period; {durable} {unit} still stored at its end.",
        "P5–P95（{how}）：整个计算期累计移除 {cumulative} {unit}；期末仍储存 {durable} {unit}。",
    ),
    "brief.as_given": (
        "As chosen for this briefing: {items}.",
        "本简报所设参数：{items}。",
    ),
    "brief.as_given_entry": (
        "{name} ({what})",
        "{name}（{what}）",
    ),
    "brief.subtitle_plain": (
        "Potential: {potential} · nbscdr {version}",
        "{potential}潜力 · nbscdr {version}",
    ),
    "brief.these_n": (
        "these {n} techniques",
        "这 {n} 项技术",
    ),
    "brief.bl_total": (
        "Together, {what} could remove {range} {unit}, adding the low ends and the high ends of every estimate{cite}.",
        "{what}合计可移除 {range} {unit}（各估计的下限与上限分别相加）{cite}。",
    ),
    "brief.if_no_reversal": (
        " if none of it is reversed (no reversal rate is assumed)",
        "（假设不发生逆转）",
    ),
    "brief.bl_caveats": (
        "; the figures for {names} come with caveats, below.",
        "；{names}的数据附有注意事项，见下文。",
    ),
    "brief.bl_period": (
        "; over {start}–{last} that adds up to {cumulative} {mass}, of which {durable} {mass} would still be stored at the end of {last}{assumed}.",
        "；{start}—{last} 年累计可移除 {cumulative} {mass}，其中 {durable} {mass} 至 {last} 年末仍处于储存状态{assumed}。",
    ),
    "brief.bl_scoped": (
        "{ref}, {band} {unit}, is {kind} and covers only {scope}: within that scope ({covered}), the portfolio comes to {subtotal} {sub_unit}, which {relation}{cite}.",
        "{ref}（{band} {unit}）是{kind}，仅涵盖{scope}：在其适用范围内（{covered}），该组合合计 {subtotal} {sub_unit}，{relation}{cite}。",
    ),
    "brief.bl_unscoped": (
        "Against {ref}, {band} {unit} ({kind}), the portfolio's {subtotal} {sub_unit} {relation}{cite}.",
        "与{ref}（{band} {unit}，{kind}）相比，该组合的 {subtotal} {sub_unit}{relation}{cite}。",
    ),
    "brief.bl_none_in_scope": (
        "None of these techniques is within the scope of {ref} ({scope}), so none is compared with it",
        "这些技术均不在{ref}的适用范围（{scope}）内，因此不与之比较",
    ),
    "brief.relation": (
        "{position} its range, with the low end {low} and the high end {high}",
        "与其估计区间{position}：下限{low}，上限{high}",
    ),
    "brief.position.below": (
        "lies below",
        "相比整体偏低",
    ),
    "brief.position.overlapping": (
        "overlaps",
        "相重叠",
    ),
    "brief.position.above": (
        "lies above",
        "相比整体偏高",
    ),
    "brief.bl_sure": (
        "In {samples:,} Monte Carlo draws (seed {seed}), 90% of outcomes lie between {p5} and {p95} {unit}.",
        "在 {samples:,} 次蒙特卡洛抽样（随机种子 {seed}）中，90% 的结果介于 {p5} 与 {p95} {unit}之间。",
    ),
    "brief.bl_sure_convolution": (
        "By exact convolution of the entries' distributions, 90% of outcomes lie between {p5} and {p95} {unit}.",
        "按各项技术分布的精确卷积，90% 的结果介于 {p5} 与 {p95} {unit}之间。",
    ),
    "brief.bl_reach": (
        "; the probability of reaching the low end of {ref} ({what}) is {p}.",
        "；{what}合计达到{ref}下限的概率为 {p}。",
    ),
    "brief.in_scope_of": (
        "the techniques in its scope",
        "适用范围内各项技术",
    ),
    "brief.portfolio_word": (
        "the whole portfolio",
        "整个组合",
    ),
    "brief.bl_durable": (
        "None of this storage is permanent: uptake saturates, and fire, drought, pests or land-use change can release the carbon again.",
        "上述碳储存均非永久性的：碳汇会趋于饱和，火灾、干旱、虫害或土地利用变化可能使碳重新释放。",
    ),
    "brief.bl_durable_biochar": (
        ", though carbon stored in biochar is less prone to reversal",
        "；相比之下，生物炭中储存的碳较不易逆转",
    ),
    "brief.stop": (
        ".",
        "。",
    ),
    "brief.bl_decisions": (
        "It needs governance decisions on {decisions}.",
        "还需就以下事项作出治理决策：{decisions}。",
    ),
    "brief.share": (
        "{share}% of its range",
        "其范围的 {share}%",
    ),
    "brief.applies": (
        "applies to {names}",
        "适用于{names}",
    ),
    "brief.forums_text": (
        "Forums, processes and communities that take part in, or could contribute to, governing nature-based CO2 removal include {forums}. As that governance develops, the CBD, the UNFCCC and its scientific bodies, the IPCC and IPBES may need to come together to weigh the synergies and trade-offs between potentially competing goals{cite}.",
        "参与或可能促进基于自然的二氧化碳移除治理的论坛、进程和群体包括{forums}。随着治理的推进，《生物多样性公约》《联合国气候变化框架公约》及其相关科学机构、政府间气候变化专门委员会（IPCC）和生物多样性与生态系统服务政府间科学政策平台（IPBES）可能有必要走到一起，探讨潜在竞争目标之间的协同作用和权衡{cite}。",
    ),
    "brief.computed": (
        "How this was computed: `{command}` (nbscdr {version}; rates in {unit}).",
        "复现命令：`{command}`（nbscdr {version}；速率单位为 {unit}）。",
    ),
    "chart.axis": (
        "{what} ({unit})",
        "{what}（{unit}）",
    ),
    "chart.scale": (
        "{axis}, 0 … {top}",
        "{axis}，0 … {top}",
    ),
    "chart.subtitle": (
        "{assessment}, {potential} potential",
        "{assessment}，{potential}潜力",
    ),
    "chart.subtitle_plain": (
        "Potential: {potential}",
        "{potential}潜力",
    ),
    "chart.share": (
        "{share}% of its range",
        "其范围的 {share}%",
    ),
    "chart.own": (
        "own figure",
        "自定数值",
    ),
    "chart.legend_entry": (
        "Technique, low–high ({unit})",
        "技术，下限–上限（{unit}）",
    ),
    "chart.legend_total": (
        "Total, low–high ({unit})",
        "合计，下限–上限（{unit}）",
    ),
    "chart.legend_in_scope": (
        "Subtotal in a reference's scope, low–high ({unit})",
        "参考估计适用范围内的小计，下限–上限（{unit}）",
    ),
    "chart.legend_up_to": (
        "No lower bound given: low end counted as 0 {unit}",
        "未给出下限：下限按 0 {unit} 计",
    ),
    "chart.band": (
        "{ref} ({kind}): {range} {unit}",
        "{ref}（{kind}）：{range} {unit}",
    ),
    "chart.band_scope": (
        "{ref} ({kind}, covers {scope}): {range} {unit}",
        "{ref}（{kind}，涵盖{scope}）：{range} {unit}",
    ),
    "chart.percentiles_convolution": (
        "Total, by exact convolution: P5 {p5}, P50 {p50}, P95 {p95} {unit}",
        "合计，精确卷积：P5 {p5}、P50 {p50}、P95 {p95} {unit}",
    ),
    "chart.percentiles": (
        "Total, {samples} Monte Carlo draws: P5 {p5}, P50 {p50}, P95 {p95} {unit}",
        "合计，{samples} 次蒙特卡洛抽样：P5 {p5}、P50 {p50}、P95 {p95} {unit}",
    ),
    "chart.sources": (
        "Sources",
        "来源",
    ),
    "chart.own_source": (
        "figures given by the user",
        "用户给出的数值",
    ),
    "chart.no_source": (
        "no source given in the data",
        "数据未给出来源",
    ),
    "chart.reference_row": (
        "{ref} ({kind})",
        "{ref}（{kind}）",
    ),
    "chart.key_range": (
        "low–high",
        "下限–上限",
    ),
    "chart.key_band": (
        "reference range",
        "参考范围",
    ),
    "chart.key_p5_p95": (
        "P5 and P95 of the total",
        "合计的 P5 和 P95",
    ),
    "chart.key_p50": (
        "P50 of the total",
        "合计的 P50",
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


def join_names(names: list[str] | tuple[str, ...], lang: str) -> str:
    """'a, b and c' in English; 'a、b、c' in Chinese."""
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def join_clauses(items: list[str] | tuple[str, ...], lang: str) -> str:
    """Items that may hold lists of their own: 'a, b and c' in English; in
    Chinese 'a，b，以及c' (顿号 stay inside the items)."""
    if lang != "zh" or len(items) <= 1:
        return join_names(items, lang)
    return "，".join(items[:-1]) + "，以及" + items[-1]


def join_scopes(scopes: tuple[str, ...] | list[str], lang: str) -> str:
    """'forests, wetlands and soils' / '森林、湿地、土壤'."""
    return join_names([text(f"scope.{s}", lang, otherwise=s) for s in scopes], lang)
