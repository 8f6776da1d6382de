"""A one-page Markdown briefing on a portfolio, in English or Chinese.

It gathers what a briefing on NBS CDR needs, after the C2G (2019) brief: the
portfolio and its totals (with percentiles and cumulative figures where asked
for), the comparison with UNEP and its scope, double counting, each technique's
readiness, a governance checklist with each challenge once, the forums involved,
the permanence caveat, and the source of every figure.
"""

from __future__ import annotations

from nbscdr_cli.analysis import Analysis
from nbscdr_cli.render.as_markdown import (
    comparison_table,
    horizon_section,
    portfolio_table,
    uncertainty_section,
)
from nbscdr_cli.render.as_table import threshold_label
from nbscdr_cli.render.labels import join_scopes, text
from nbscdr_cli.render.text import fmt

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


def checklist(analysis: Analysis, lang: str) -> list[tuple[str, list[str]]]:
    """Each governance challenge of the portfolio's techniques once, with the
    techniques it applies to, in order of first appearance."""
    items: dict[str, tuple[str, list[str]]] = {}
    for entry in analysis.result.portfolio.entries:
        for challenge in entry.technique.governance:
            _, ids = items.setdefault(challenge.id, (challenge.text.get(lang), []))
            ids.append(entry.technique.id)
    return list(items.values())


BRIEF_FORMATS = ("markdown",)


def compose(analysis: Analysis, lang: str | None = None) -> str:
    """The Markdown briefing for ``analysis`` (in ``lang``, default the analysis's)."""
    from nbscdr_cli import __version__

    lang = lang or analysis.lang
    doc = analysis.to_dict(lang=lang)
    catalog = analysis.catalog

    unit = doc["unit"]
    assessment = catalog.assessments.get(analysis.assessment or "")
    source_name = assessment.name.get(lang) if assessment else (analysis.assessment or catalog.path)
    title = text("brief.title", lang) + (f": {doc['name']}" if doc["name"] else "")
    out = [
        f"# {title}",
        "",
        text("brief.intro", lang, assessment=source_name, unit=unit, version=__version__),
        "",
    ]

    out += [f"## {text('brief.portfolio', lang)}", "", portfolio_table(doc, lang), ""]

    out += [f"## {text('brief.totals', lang)}", ""]
    total = doc["total"]
    out.append(
        "- " + text("brief.total_line", lang, low=fmt(total["low"]), high=fmt(total["high"]), unit=unit)
    )
    if "uncertainty" in doc:
        u = doc["uncertainty"]
        p = u["percentiles"]
        out.append(
            "- "
            + text(
                "brief.convolution_line" if u["method"] == "convolution" else "brief.mc_line",
                lang,
                samples=u["samples"],
                seed=u["seed"],
                distribution=text("distribution." + u["distribution"], lang, otherwise=u["distribution"]),
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
                + text(
                    "brief.reach_line",
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
            + text(
                "brief.horizon_line",
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
        out += [f"## {text('brief.comparison', lang)}", "", comparison_table(doc, lang), ""]
        for c in doc["comparisons"]:
            name = (c["name"] or {}).get(lang) or (c["name"] or {}).get("en") or c["reference"]
            out.append(
                "- "
                + text(
                    "brief.ratio_line",
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
                outside = (
                    text("brief.outside", lang, ids=", ".join(c["out_of_scope"])) if c["out_of_scope"] else ""
                )
                out.append(
                    "- "
                    + text(
                        "brief.scope_line",
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

    out += [f"## {text('brief.caveats', lang)}", ""]
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
        caveats.append(text("brief.no_caveats", lang))
    out += [f"- {m}" for m in caveats] + [""]

    out += [f"## {text('brief.readiness', lang)}", ""]
    for e in analysis.result.portfolio.entries:
        readiness = e.technique.readiness.get(lang) if e.technique.readiness else "–"
        out.append(f"- **{e.technique.name.get(lang)}** (`{e.technique.id}`): {readiness}")
    out.append("")

    out += [f"## {text('brief.governance', lang)}", ""]
    for challenge, ids in checklist(analysis, lang):
        out.append(f"- [ ] {challenge} — {text('brief.applies', lang)}{', '.join(ids)}")
    out.append("")

    out += [f"## {text('brief.forums', lang)}", "", text("brief.forums_intro", lang), ""]
    out += [f"- {zh if lang == 'zh' else en}" for en, zh in FORUMS] + [""]

    out += [f"## {text('brief.permanence', lang)}", "", text("brief.permanence_text", lang), ""]

    out += [f"## {text('brief.sources', lang)}", ""]
    out += [f"- {s}" for s in analysis.sources()]
    if assessment is not None:
        out.append(f"- {assessment.citation}")
    own = [e.technique.id for e in analysis.result.portfolio.entries if e.own_figure]
    if own:
        out.append(f"- {', '.join(own)}: {text('brief.own_figure', lang)}")
    return "\n".join(out).rstrip() + "\n"
