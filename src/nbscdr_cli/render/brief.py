"""A one-page Markdown briefing on a portfolio, in English or Chinese.

It gathers what a briefing on NBS CDR needs, after the C2G (2019) brief: the
portfolio and its totals (with percentiles and cumulative figures where asked
for), the comparison with UNEP and its scope, double counting, each technique's
readiness, a governance checklist with each challenge once, the forums involved,
the permanence caveat, and the source of every figure.
"""

from __future__ import annotations

from nbscdr_cli.analysis import Analysis
from nbscdr_cli.render import tables
from nbscdr_cli.render.as_markdown import section, table
from nbscdr_cli.render.labels import join_names, text
from nbscdr_cli.render.numbers import derived, formatter, span
from nbscdr_cli.render.text import sampling_text, unit_text

FORUMS: tuple[tuple[str, str], ...] = (
    ("Governments at all levels", "各级政府"),
    ("UN Framework Convention on Climate Change (UNFCCC)", "《联合国气候变化框架公约》(UNFCCC)"),
    ("UN General Assembly (UNGA)", "联合国大会 (UNGA)"),
    ("Convention on Biological Diversity (CBD)", "《生物多样性公约》(CBD)"),
    ("Food and Agriculture Organization (FAO)", "联合国粮食及农业组织 (FAO)"),
    ("International Union for Conservation of Nature (IUCN)", "世界自然保护联盟 (IUCN)"),
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
    unit = unit_text(doc["unit"], lang)
    names = {e.technique.id: e.technique.name.get(lang) for e in analysis.result.portfolio.entries}
    assessment = catalog.assessments.get(analysis.assessment or "")
    source_name = assessment.name.get(lang) if assessment else (analysis.assessment or catalog.path)
    title = text("brief.title", lang) + (f": {doc['name']}" if doc["name"] else "")
    out = [
        f"# {title}",
        "",
        text("brief.intro", lang, assessment=source_name, unit=unit, version=__version__),
        "",
    ]

    grids = {g.key: g for g in tables.portfolio_grids(doc, lang)}
    out += [f"## {text('brief.portfolio', lang)}", "", table(grids["portfolio"]), ""]
    total = doc["total"]
    out += [f"## {text('brief.totals', lang)}", ""]
    out.append(
        "- "
        + text(
            "brief.total_line",
            lang,
            range=span(total["low"], total["high"], formatter(total["as_given"])),
            unit=unit,
        )
    )
    if "uncertainty" in doc:
        u = doc["uncertainty"]
        p = u["percentiles"]
        line = text(
            "brief.mc_line",
            lang,
            how=sampling_text(u, lang),
            mean=derived(u["mean"]),
            std=derived(u["std"]),
            range=span(p["5"], p["95"]),
            unit=unit,
        )
        out.append("- " + line)
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
                cumulative=span(h["cumulative"]["low"], h["cumulative"]["high"]),
                durable=span(h["durable"]["low"], h["durable"]["high"]),
                mass=unit_text(h["unit"], lang),
            )
        )
    out.append("")
    for key in ("uncertainty", "horizon"):
        if key in grids:
            out += [section(grids[key], 3), ""]

    if doc["comparisons"]:
        out += [f"## {text('brief.comparison', lang)}", "", table(grids["comparison"]), ""]
        for w in doc["warnings"]:
            if w["code"] in ("reference", "reference-scope"):
                out.append(f"- {w['message']}")
        out.append("")

    out += [f"## {text('brief.caveats', lang)}", ""]
    caveats = [
        w["message"]
        for w in doc["warnings"]
        if w["code"] not in ("reference", "reference-scope", "permanence")
    ]
    out += [f"- {m}" for m in caveats] + [""]

    out += [f"## {text('brief.readiness', lang)}", ""]
    for e in analysis.result.portfolio.entries:
        readiness = e.technique.readiness.get(lang) if e.technique.readiness else "–"
        out.append(f"- **{names[e.technique.id]}**{text('colon', lang)}{readiness}")
    out.append("")

    out += [f"## {text('brief.governance', lang)}", ""]
    for challenge, ids in checklist(analysis, lang):
        applies = join_names([names[i] for i in ids], lang)
        out.append(f"- [ ] {challenge} — {text('brief.applies', lang)}{applies}")
    out.append("")

    out += [f"## {text('brief.forums', lang)}", ""]
    forums = join_names([zh if lang == "zh" else en for en, zh in FORUMS], lang)
    out += [text("brief.forums_text", lang, forums=forums), ""]

    out += [f"## {text('brief.permanence', lang)}", "", text("brief.permanence_text", lang), ""]

    out += [f"## {text('brief.sources', lang)}", ""]
    out += [f"- {s}" for s in analysis.sources()]
    if assessment is not None:
        out.append(f"- {assessment.citation}")
    own = [names[e.technique.id] for e in analysis.result.portfolio.entries if e.own_figure]
    if own:
        out.append(f"- {join_names(own, lang)}{text('colon', lang)}{text('brief.own_figure', lang)}")
    return "\n".join(out).rstrip() + "\n"
