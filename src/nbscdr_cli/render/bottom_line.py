"""The bottom line of a briefing: three to five sentences a reader can quote —
what the portfolio could remove, how that compares with the reference in its
scope, how sure, how durable, and the governance decisions it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.notes import caveats_of
from nbscdr_cli.api.wording import unit_text
from nbscdr_cli.base.i18n import join_clauses, join_names, join_scopes, text
from nbscdr_cli.base.numbers import derived, formatter, percent, span
from nbscdr_cli.render import tables
from nbscdr_cli.render.text import comparison_show, shown_differences

if TYPE_CHECKING:
    from nbscdr_cli.render.citations import Citations

MAX_DECISIONS = 4  # named in the bottom line; the checklist has them all


def bottom_line(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> list[str]:
    """Three to five sentences: how much, against what, how sure, how durable, what it needs."""
    total = doc["total"]
    show = formatter(total["as_given"])
    names = [e["name"] for e in doc["entries"]]
    what = join_names(names, lang) if len(names) <= 3 else text("brief.these_n", lang, n=len(names))
    sources = [e.technique.source for e in analysis.result.portfolio.entries if not e.own_figure]
    sentences = [
        text(
            "brief.bl_total",
            lang,
            what=what,
            range=span(total["low"], total["high"], show),
            unit=unit_text(doc["unit"], lang),
            cite=cite.marks(sources),
        )
    ]
    if "horizon" in doc:
        h = doc["horizon"]
        unreversed = all(not e["horizon"]["reversal_rate"] for e in doc["entries"])
        sentences[-1] = sentences[-1].rstrip("。.") + text(
            "brief.bl_period",
            lang,
            start=h["from"],
            last=h["last_year"],
            cumulative=span(h["cumulative"]["low"], h["cumulative"]["high"]),
            durable=span(h["durable"]["low"], h["durable"]["high"]),
            mass=unit_text(h["unit"], lang),
            assumed=text("brief.if_no_reversal", lang) if unreversed else "",
        )
    caveated = [names[i] for i, e in enumerate(analysis.result.portfolio.entries) if caveats_of(e)]
    if caveated:
        caveat = text("brief.bl_caveats", lang, names=join_names(caveated, lang))
        sentences[-1] = sentences[-1].rstrip("。.") + caveat
    if doc["comparisons"]:
        sentences.append(comparison_sentence(analysis, doc, lang, cite))
    if "uncertainty" in doc:
        sentences.append(sureness_sentence(doc, lang))
    sentences.append(durability_sentence(analysis, lang, cite))
    shorts = [challenge for challenge, _ in checklist(analysis, lang, short=True)][:MAX_DECISIONS]
    if shorts:
        sentences.append(text("brief.bl_decisions", lang, decisions=join_clauses(shorts, lang)))
    return sentences


def comparison_sentence(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> str:
    """The first reference against the entries in its scope, in words."""
    c = doc["comparisons"][0]
    reference = analysis.result.comparisons[0].reference
    names = {e["technique"]: e["name"] for e in doc["entries"]}
    ref = tables.reference_label(c, lang)
    band = span(c["low"], c["high"], formatter(c["as_given"]))
    ref_unit = unit_text(reference.unit if c["as_given"] else doc["unit"], lang)
    kind = text("kind." + c["kind"], lang)
    inside = c["in_scope"]
    if not inside["techniques"]:
        sentence = text("brief.bl_none_in_scope", lang, ref=ref, scope=join_scopes(c["scope"], lang))
        return sentence + cite(reference.source) + text("brief.stop", lang)
    subtotal = span(inside["low"], inside["high"], formatter(inside["as_given"]))
    relation = prose_relation(c, lang, comparison_show(c), inside, unit_text(doc["unit"], lang))
    values = {
        "ref": ref,
        "band": band,
        "unit": ref_unit,
        "sub_unit": unit_text(doc["unit"], lang),
        "kind": kind,
        "subtotal": subtotal,
        "relation": relation,
    }
    values["cite"] = cite(reference.source)
    if c["out_of_scope"]:
        covered = join_names([names[i] for i in inside["techniques"]], lang)
        return text("brief.bl_scoped", lang, scope=join_scopes(c["scope"], lang), covered=covered, **values)
    return text("brief.bl_unscoped", lang, **values)


def prose_relation(c: dict[str, Any], lang: str, show: Any, values: dict[str, Any], unit: str) -> str:
    """'overlaps its range, with the low end level and the high end 18 Gt CO2/yr
    higher': ``values`` (the in-scope range) against ``c``'s, in ``unit``."""
    from nbscdr_cli.base.numbers import number

    def end(difference: float) -> str:
        if number(difference) == 0:
            return text("end.level", lang)
        amount = f"{show(abs(difference))} {unit}"
        return text("end.higher" if difference > 0 else "end.lower", lang, amount=amount)

    diff = shown_differences(c, values, c, show)
    position = text("brief.position." + c["position"], lang)
    return text("brief.relation", lang, position=position, low=end(diff["low"]), high=end(diff["high"]))


def sureness_sentence(doc: dict[str, Any], lang: str) -> str:
    u = doc["uncertainty"]
    p = u["percentiles"]
    values = {
        "samples": u["samples"],
        "seed": u["seed"],
        "p5": derived(p["5"]),
        "p95": derived(p["95"]),
        "unit": unit_text(doc["unit"], lang),
    }
    how = "brief.bl_sure" if u["samples"] is not None else "brief.bl_sure_convolution"
    sentence = text(how, lang, **values)
    scoped = [c for c in doc["comparisons"] if c["out_of_scope"]]
    key = f"{doc['comparisons'][0]['reference']}.low" if doc["comparisons"] else None
    if key and key in u["probability"]:
        what = text("brief.in_scope_of" if scoped else "brief.portfolio_word", lang)
        ref = tables.reference_label(doc["comparisons"][0], lang)
        sentence = sentence.rstrip("。.") + text(
            "brief.bl_reach", lang, ref=ref, what=what, p=percent(u["probability"][key])
        )
    return sentence


def durability_sentence(analysis: Analysis, lang: str, cite: Citations) -> str:
    """Not permanent, with what the sources say of the techniques in the portfolio."""
    sentence = text("brief.bl_durable", lang)
    biochar = [
        n
        for e in analysis.result.portfolio.entries
        for n in e.technique.durability
        if "less prone to reversal" in n.text.en
    ]
    if biochar:
        sentence = (
            sentence.rstrip("。.")
            + text("brief.bl_durable_biochar", lang)
            + cite(biochar[0].source)
            + text("brief.stop", lang)
        )
    return sentence


def checklist(analysis: Analysis, lang: str, *, short: bool = False) -> list[tuple[str, list[str]]]:
    """Each governance challenge of the portfolio's techniques once, with the
    techniques it applies to, the most widely shared first."""
    items: dict[str, tuple[str, list[str]]] = {}
    for entry in analysis.result.portfolio.entries:
        for challenge in entry.technique.governance:
            label = (challenge.short or challenge.text) if short else challenge.text
            _, names = items.setdefault(challenge.id, (label.get(lang), []))
            names.append(entry.technique.name.get(lang))
    return sorted(items.values(), key=lambda item: -len(item[1]))
