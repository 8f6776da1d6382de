"""A briefing on a portfolio that a minister's office can use, in English or
Chinese, as Markdown (HTML is made from it in ``brief_html.py``).

It opens with a bottom line of at most four sentences a reader can quote
(``bottom_line.py``: what kind of potential and how much, over a period on what
assumptions, against the reference in its scope, how sure on what assumption,
not permanent and what it needs), then fits the evidence on one printed A4 page
(``brief_sections.py``): the portfolio with the period's figures, the chart (in
HTML), the uncertainty in one line, the comparison, the caveats the bottom line
does not state, the decisions, and numbered sources tied to the figures they
support. ``detail`` adds the uncertainty and period tables, who is involved, a
section per technique, every assessment, and every source the catalog holds for
them. Technique names, never ids or command-line options, appear in the prose;
the one line that says how it was computed carries the exact command.
"""

from __future__ import annotations

import re
from typing import Any

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.catalog_documents import cost_document, estimate_document, trl_document
from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.notes import portfolio_notes
from nbscdr_cli.api.wording import figures_phrase, unit_text
from nbscdr_cli.base.i18n import N_, _, join_names, p_
from nbscdr_cli.base.typography import language, typeset_zh
from nbscdr_cli.render import catalog_tables, tables
from nbscdr_cli.render.as_markdown import emphasis, table
from nbscdr_cli.render.bottom_line import bottom_line
from nbscdr_cli.render.brief_sections import (
    SAID_ELSEWHERE,
    period_detail,
    period_line,
    period_references,
    portfolio_grid,
    sureness_line,
)
from nbscdr_cli.render.chart_model import NoteSigns, note_signs
from nbscdr_cli.render.citations import Citations
from nbscdr_cli.render.decisions import checklist
from nbscdr_cli.render.environment import Environment
from nbscdr_cli.render.escape import escape_controls
from nbscdr_cli.render.footnotes import Marker, footnoted, general_heading
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import region_label

BRIEF_FORMATS = ("markdown", "html")

# The forums the C2G brief names (its words, restated); IPCC and IPBES are in a
# sentence of their own, as the brief puts them.
FORUMS: tuple[tuple[str, str], ...] = (
    ("governments at all levels", "各级政府"),
    ("the UN Framework Convention on Climate Change (UNFCCC)", "《联合国气候变化框架公约》（UNFCCC）"),
    ("the UN General Assembly (UNGA)", "联合国大会（UNGA）"),
    ("the Convention on Biological Diversity (CBD)", "《生物多样性公约》（CBD）"),
    ("the Food and Agriculture Organization (FAO)", "联合国粮食及农业组织（FAO）"),
    ("the International Union for Conservation of Nature (IUCN)", "世界自然保护联盟（IUCN）"),
    ("civil society organisations", "民间社会组织"),
    ("the research community", "研究界"),
    ("business", "商业部门"),
    ("regional bodies", "地区机构"),
    ("other interested and affected publics", "其他感兴趣和受影响的公众"),
)


FORUMS_SOURCE = (
    "Carnegie Climate Governance Initiative (2019), Governing Nature-Based Solutions to Carbon "
    "Dioxide Removal, policy brief (Chinese edition): forums, processes and communities in its "
    "section on governance"
)


def compose(
    analysis: Analysis, lang: str | None = None, *, detail: bool = False, command: str | None = None
) -> str:
    """The Markdown briefing for ``analysis``: ``composed``'s text."""
    return composed(analysis, lang, detail=detail, command=command)[0]


def composed(
    analysis: Analysis, lang: str | None = None, *, detail: bool = False, command: str | None = None
) -> tuple[str, NoteSigns]:
    """The Markdown briefing, and the marks of its notes (for the chart beside
    them). The Markdown briefing for ``analysis`` (in ``lang``, default the analysis's).
    ``command``, the exact command line, goes in the last line.

    Without ``detail`` it fits one printed A4 page: what the bottom line says is
    not said again (the sum of extremes, the distribution assumed, the first
    reference's scope, permanence), the period's figures are columns of the
    portfolio table and its assumptions one line, and the uncertainty one line.
    ``detail`` adds the uncertainty and period tables, who is involved, a
    section per technique and every assessment."""
    from nbscdr_cli.base.version import __version__

    lang = lang or analysis.lang
    doc = analysis.to_dict(lang=lang)
    cite = Citations(lang, analysis.catalog)  # Chinese sources in Chinese (issue 24)
    unit = unit_text(doc["unit"], lang)
    out = [f"# {title(doc, lang)}", "", emphasis(subtitle(analysis, doc, lang, __version__, cite), lang), ""]
    out += [
        "## " + _("Bottom line", lang),
        "",
        ("" if lang == "zh" else " ").join(bottom_line(analysis, doc, lang, cite)),
        "",
    ]
    # the notes the brief does not say elsewhere, as footnotes to the cells they qualify;
    # the first reference's scope is in the bottom line, the others' are notes on their rows
    first = doc["comparisons"][0]["reference"] if doc["comparisons"] and not detail else None
    notes = [
        n
        for n in portfolio_notes(analysis, doc, lang, cite)
        if n["code"] not in SAID_ELSEWHERE or (n["code"] == "reference-scope" and n["reference"] != first)
    ]
    refs = {c.reference.id: c.reference.source for c in analysis.result.comparisons}

    def build(mark: Marker) -> list[Grid]:
        grids = [portfolio_grid(analysis, doc, lang, cite, mark)]
        if doc["comparisons"]:
            grid = tables.comparison_grid(doc, lang, mark)
            rows = [
                [row[0] + cite(refs[c["reference"]]), *row[1:]]
                for row, c in zip(grid.rows, doc["comparisons"], strict=True)
            ]
            grids.append(grid._replace(rows=rows))
        return grids

    marked = footnoted(build, notes, "all", lang, superscript=True)
    out += ["## " + _("The portfolio", lang), "", table(marked.built[0]), ""]
    if doc.get("land"):  # a country's or region's land, as the SI gives it (issue 22)
        from nbscdr_cli.render.region_tables import land_grid

        out += ["## " + _("Land", lang), "", table(land_grid(doc, lang)._replace(title="")), ""]
    if "horizon" in doc and detail:  # the bottom line states each assumption
        out += [period_line(analysis, doc, lang, cite), ""]
    if "uncertainty" in doc:
        out += [sureness_line(doc, lang), ""]
    if doc["comparisons"] or ("horizon" in doc and doc["horizon"]["comparisons"]):
        out += ["## " + _("Against the references", lang), ""]
    if doc["comparisons"]:
        out += [table(marked.built[1]), ""]
    if "horizon" in doc and doc["horizon"]["comparisons"]:
        out += [*period_references(analysis, doc, lang, cite), ""]
    if "uncertainty" in doc and detail:
        grid = tables.uncertainty_grid(doc, lang)
        out += [
            "## " + _("How sure", lang),
            "",
            emphasis(grid.title, lang),
            "",
            table(grid._replace(title="")),
            "",
        ]
    if "horizon" in doc and detail:
        out += period_detail(doc, lang)
    if marked.numbered or marked.general:  # no heading over nothing
        out += ["## " + _("Caveats", lang), ""] + [f"- {line}" for line in marked.numbered] + [""]
    if marked.general:
        out += ["### " + general_heading(lang), ""] + [f"- {line}" for line in marked.general] + [""]
    out += (
        ["## " + _("Decisions needed", lang), ""]
        + [f"- ☐ {line}" for line in decisions(analysis, lang, cite)]
        + [""]
    )
    if detail:
        out += ["## " + _("Who is involved", lang), "", forums(lang, cite), ""]
        out += techniques_detail(analysis, lang, cite)
    for citation in citations(analysis, detail):
        cite(citation)
    body, sources = numbered_in_order("\n".join(out), cite.sources)
    out = [body, "## " + p_("brief", "Sources", lang), ""]
    out += [f"{i}. {source}" for i, source in enumerate(sources, start=1)] + [""]
    if command:
        out += [
            _(
                "How this was computed: `{command}` (nbscdr {version}; rates in {unit}).",
                lang,
                command=command,
                version=__version__,
                unit=unit,
            )
        ]
    return escape_controls("\n".join(out).rstrip() + "\n"), note_signs(marked.signs)


MARK = re.compile(r"\[(\d+(?:, \d+)*)\]")


def numbered_in_order(body: str, sources: list[str]) -> tuple[str, list[str]]:
    """The body's source marks renumbered in the order a reader meets them (the
    notes are composed before the sections that print them), and the sources in
    that order; sources cited nowhere in the body come last."""
    order: list[int] = []
    for match in MARK.finditer(body):
        order += [n for n in map(int, match.group(1).split(", ")) if n not in order]
    order += [n for n in range(1, len(sources) + 1) if n not in order]
    new = {old: i for i, old in enumerate(order, start=1)}

    def renumber(match: re.Match[str]) -> str:
        return "[" + ", ".join(str(n) for n in sorted(new[int(x)] for x in match.group(1).split(", "))) + "]"

    return MARK.sub(renumber, body), [sources[old - 1] for old in order]


def render_brief(
    analysis: Analysis, fmt: str, *, detail: bool = False, command: str | None = None
) -> tuple[str, list[str]]:
    """The briefing in ``fmt`` (markdown, or html with the chart inline), and
    warnings for the user (e.g. no font with Chinese glyphs for the chart)."""
    from nbscdr_cli.render.escape import markdown_safe

    # composed from user text escaped for Markdown: shown, never parsed as markup
    with language(analysis.lang):  # Chinese ranges take ～ (issue 24)
        markdown, noted = composed(markdown_safe(analysis), detail=detail, command=command)
    if analysis.lang == "zh":
        markdown = typeset_zh(markdown)
    if fmt != "html":
        return markdown, []
    from nbscdr_cli.render.brief_html import page
    from nbscdr_cli.render.chart import render_chart

    doc = analysis.to_dict()
    chart, warnings = render_chart(analysis, "svg", Environment().for_file(), printed=True, noted=noted)
    assert isinstance(chart, bytes)  # an SVG file's bytes
    # where the back matter starts (a brief with no caveats starts it at the decisions)
    back = (_("Land", analysis.lang), _("Caveats", analysis.lang), _("Decisions needed", analysis.lang))
    return page(markdown, analysis.lang, title(doc, analysis.lang), chart, back), warnings


def title(doc: dict[str, Any], lang: str) -> str:
    names = [name_in(e["name"], lang) for e in doc["entries"]]
    name = doc["name"] or (region_label(doc["region"], lang) if doc.get("region") else None)
    if name:  # a portfolio's name, or the country or region it is for
        return _("{name} — nature-based CO2 removal", lang, name=name)
    if len(names) <= 2:
        return _("Nature-based CO2 removal by {names}", lang, names=join_names(names, lang))
    return _("Nature-based CO2 removal: a portfolio of {n} techniques", lang, n=len(names))


def subtitle(analysis: Analysis, doc: dict[str, Any], lang: str, version: str, cite: Citations) -> str:
    """The assessment the figures come from (cited), the potential, the version;
    the user's own figures are named as theirs, and a portfolio of them alone
    names no assessment."""
    own = [name_in(e["name"], lang) for e in doc["entries"] if e.get("own_figure")]
    if len(own) == len(doc["entries"]):
        return _("your own figures · nbscdr {version}", lang, version=version)
    found = analysis.catalog.assessments.get(analysis.assessment or "")
    assessment = (doc.get("assessment_name") or {}).get(lang) or analysis.assessment or ""
    assessment += cite(found.citation) if found is not None else ""
    potential = figures_phrase(doc, lang)  # the kinds its sources give (issue 21)
    key = (
        N_("{assessment}, {potential} · nbscdr {version}")
        if assessment
        else N_("{potential} · nbscdr {version}")
    )
    if own:
        potential += _("; your own figures for {names}", lang, names=join_names(own, lang))
    return _(key, lang, assessment=assessment, potential=potential, version=version)


def decisions(analysis: Analysis, lang: str, cite: Citations | None = None) -> list[str]:
    """Each challenge once, with the techniques it applies to (or "every
    technique here" where it applies to all of them)."""
    every = len(analysis.result.portfolio.entries)
    return [
        challenge
        + _(
            " ({text})",
            lang,
            text=_("applies to every technique here", lang)
            if len(names) == every and every > 1
            else _("applies to {names}", lang, names=join_names(names, lang)),
        )
        for challenge, names in checklist(analysis, lang, cite=cite)
    ]


def forums(lang: str, cite: Citations) -> str:
    names = join_names([zh if lang == "zh" else en for en, zh in FORUMS], lang)
    return _(
        "Forums, processes and communities that take part in, or could contribute to, governing nature-based CO2 removal include {forums}. As that governance develops, the CBD, the UNFCCC and its scientific bodies, the IPCC and IPBES may need to come together to weigh the synergies and trade-offs between potentially competing goals{cite}.",
        lang,
        forums=names,
        cite=cite(FORUMS_SOURCE),
    )


def techniques_detail(analysis: Analysis, lang: str, cite: Citations) -> list[str]:
    """A section per technique: readiness, storage durability and every
    assessment's estimate with its cost and readiness level, each with its source;
    then what each assessment measures."""
    sep, stop = _("; ", lang), _(".", lang)
    assessments = analysis.catalog.assessments
    out = ["## " + _("The techniques", lang), ""]
    for entry in analysis.result.portfolio.entries:
        t = entry.technique
        out += [f"### {t.name.get(lang)}", ""]
        if t.readiness:  # with its source (issue 21)
            said = t.readiness.get(lang).rstrip("。.") + cite(t.readiness.source) + stop
            out.append("- " + _("Readiness", lang) + _(": ", lang) + said)
        for note in t.durability:
            said = note.text.get(lang).rstrip("。.")
            out.append("- " + _("Storage durability", lang) + _(": ", lang) + said + cite(note.source) + stop)
        for e in t.estimates:
            found = assessments.get(e.assessment or "")
            name = found.name.get(lang) if found is not None else e.assessment
            d = {**estimate_document(e), "assessment": name, "cost": None, "trl": None}
            line = catalog_tables.estimate_text(d, lang) + cite(e.source)
            if e.cost is not None:
                cost = catalog_tables.cost_text(cost_document(e.cost), lang)
                line += sep + _("Cost", lang) + _(": ", lang) + cost + cite(e.cost.source)
            if e.trl is not None:
                line += (
                    sep
                    + _("TRL", lang)
                    + " "
                    + catalog_tables.trl_text(trl_document(e.trl))
                    + cite(e.trl.source)
                )
            out.append(f"- {line}")
        out.append("")
    out += ["## " + _("The assessments", lang), ""]
    for a in assessments.values():
        measure = a.measures(analysis.catalog.potential)
        said = _(": ", lang) + measure.get(lang) if measure else ""
        out.append("- " + a.name.get(lang) + said + cite(a.citation))
    return [*out, ""]


def citations(analysis: Analysis, detail: bool) -> list[str]:
    """The assessment's citation, and with ``detail`` every estimate's source."""
    found = []
    assessment = analysis.catalog.assessments.get(analysis.assessment or "")
    if assessment is not None and not all(e.own_figure for e in analysis.result.portfolio.entries):
        found.append(assessment.citation)  # none for a portfolio of the user's own figures
    if detail:
        found += [s for s in analysis.sources() if s]
    return found
