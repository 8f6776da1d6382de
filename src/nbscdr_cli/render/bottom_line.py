"""The bottom line of a briefing: three to five sentences a reader can quote —
what the portfolio could remove, how that compares with the reference in its
scope, how sure, how durable, and the governance decisions it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.notes import caveats_of
from nbscdr_cli.api.wording import join_scopes, kind_name, unit_text
from nbscdr_cli.base.i18n import N_, _, join_clauses, join_names, p_
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
    names = [name_in(e["name"], lang) for e in doc["entries"]]
    what = join_names(names, lang) if len(names) <= 3 else _("these {n} techniques", lang, n=len(names))
    if doc.get("region"):  # a country's or region's figures (issue 22)
        from nbscdr_cli.render.text import region_label

        what = _("{what} in {region}", lang, what=what, region=region_label(doc["region"], lang))
    sources = [e.technique.source for e in analysis.result.portfolio.entries if not e.own_figure]
    sentences = [
        _(
            "Together, {what} could remove {range} {unit}, adding the low ends and the high ends of every estimate{cite}.",
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
        sentences[-1] = sentences[-1].rstrip("。.") + _(
            "; over {start}–{last} that adds up to {cumulative} {mass}, of which {durable} {mass} would still be stored at the end of {last}{assumed}.",
            lang,
            start=h["from"],
            last=h["last_year"],
            cumulative=span(h["cumulative"]["low"], h["cumulative"]["high"]),
            durable=span(h["durable"]["low"], h["durable"]["high"]),
            mass=unit_text(h["unit"], lang),
            assumed=_(" if none of it is reversed (no reversal rate is assumed)", lang) if unreversed else "",
        )
    caveated = [names[i] for i, e in enumerate(analysis.result.portfolio.entries) if caveats_of(e)]
    if caveated:
        caveat = _(
            "; the figures for {names} come with caveats, below.", lang, names=join_names(caveated, lang)
        )
        sentences[-1] = sentences[-1].rstrip("。.") + caveat
    if doc["comparisons"]:
        sentences.append(comparison_sentence(analysis, doc, lang, cite))
    if "uncertainty" in doc:
        sentences.append(sureness_sentence(doc, lang))
    sentences.append(durability_sentence(analysis, lang, cite))
    shorts = [challenge for challenge, _ in checklist(analysis, lang, short=True)][:MAX_DECISIONS]
    if shorts:
        sentences.append(
            _("It needs governance decisions on {decisions}.", lang, decisions=join_clauses(shorts, lang))
        )
    return sentences


def comparison_sentence(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> str:
    """The first reference against the entries in its scope, in words."""
    c = doc["comparisons"][0]
    reference = analysis.result.comparisons[0].reference
    names = {e["technique"]: name_in(e["name"], lang) for e in doc["entries"]}
    ref = tables.reference_label(c, lang)
    band = span(c["low"], c["high"], formatter(c["as_given"]))
    ref_unit = unit_text(reference.unit if c["as_given"] else doc["unit"], lang)
    kind = kind_name(c["kind"], lang)
    inside = c["in_scope"]
    if not inside["techniques"]:
        sentence = _(
            "None of these techniques is within the scope of {ref} ({scope}), so none is compared with it",
            lang,
            ref=ref,
            scope=join_scopes(c["scope"], lang),
        )
        return sentence + cite(reference.source) + _(".", lang)
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
        return _(
            "{ref}, {band} {unit}, is {kind} and covers only {scope}: within that scope ({covered}), the portfolio comes to {subtotal} {sub_unit}, which {relation}{cite}.",
            lang,
            scope=join_scopes(c["scope"], lang),
            covered=covered,
            **values,
        )
    return _(
        "Against {ref}, {band} {unit} ({kind}), the portfolio's {subtotal} {sub_unit} {relation}{cite}.",
        lang,
        **values,
    )


def prose_relation(c: dict[str, Any], lang: str, show: Any, values: dict[str, Any], unit: str) -> str:
    """'overlaps its range, with the low end level and the high end 18 Gt CO2/yr
    higher': ``values`` (the in-scope range) against ``c``'s, in ``unit``."""
    from nbscdr_cli.base.numbers import number

    def end(difference: float) -> str:
        if number(difference) == 0:
            return _("level", lang)
        amount = f"{show(abs(difference))} {unit}"
        return (
            _("{amount} higher", lang, amount=amount)
            if difference > 0
            else _("{amount} lower", lang, amount=amount)
        )

    diff = shown_differences(c, values, c, show)
    position = brief_position(c["position"], lang)
    return _(
        "{position} its range, with the low end {low} and the high end {high}",
        lang,
        position=position,
        low=end(diff["low"]),
        high=end(diff["high"]),
    )


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
    how = (
        N_(
            "In {samples:,} Monte Carlo draws (seed {seed}), 90% of outcomes lie between {p5} and {p95} {unit}."
        )
        if u["samples"] is not None
        else N_(
            "By exact convolution of the entries' distributions, 90% of outcomes lie between {p5} and {p95} {unit}."
        )
    )
    sentence = _(how, lang, **values)
    scoped = [c for c in doc["comparisons"] if c["out_of_scope"]]
    first = doc["comparisons"][0]["reference"] if doc["comparisons"] else None
    if first in u["probability"]:
        what = _("the techniques in its scope", lang) if scoped else _("the whole portfolio", lang)
        ref = tables.reference_label(doc["comparisons"][0], lang)
        sentence = sentence.rstrip("。.") + _(
            "; the probability of reaching the low end of {ref} ({what}) is {p}.",
            lang,
            ref=ref,
            what=what,
            p=percent(u["probability"][first]["low"]),
        )
    return sentence


def durability_sentence(analysis: Analysis, lang: str, cite: Citations) -> str:
    """Not permanent, with what the sources say of the techniques in the portfolio."""
    sentence = _(
        "None of this storage is permanent: uptake saturates, and fire, drought, pests or land-use change can release the carbon again.",
        lang,
    )
    biochar = [
        n
        for e in analysis.result.portfolio.entries
        for n in e.technique.durability
        if "less prone to reversal" in n.text.en
    ]
    if biochar:
        sentence = (
            sentence.rstrip("。.")
            + _(", though carbon stored in biochar is less prone to reversal", lang)
            + cite(biochar[0].source)
            + _(".", lang)
        )
    return sentence


def brief_position(position: str, lang: str) -> str:
    """Where the in-scope range lies against a reference's, in a sentence."""
    names = {
        "below": _("lies below", lang),
        "overlapping": p_("brief", "overlaps", lang),
        "above": _("lies above", lang),
    }
    return names[position]


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
