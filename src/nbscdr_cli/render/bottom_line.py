"""The bottom line of a briefing: at most four sentences a reader can quote, each
figure with its condition in the same sentence —

1. what the portfolio could remove, named as the kind of potential it is (and
   with a period, how much that adds up to, with the start, ramp-up, saturation
   and reversal it assumes);
2. how that compares with the first reference, within that reference's scope;
3. with an uncertainty run, the band an assumed distribution gives, with that
   assumption and the band were the entries to move together beside it; a chance
   is given only where the ranges do not settle it by themselves;
4. that the storage is not permanent, and the governance decisions it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.notes import PERMANENCE_SOURCE, caveats_of
from nbscdr_cli.api.wording import distribution_name, join_scopes, kind_name, kinds_phrase, unit_text
from nbscdr_cli.base.i18n import N_, _, join_clauses, join_names
from nbscdr_cli.base.numbers import CAP, derived, given, number, percent, rounded, span
from nbscdr_cli.render import tables
from nbscdr_cli.render.decisions import checklist
from nbscdr_cli.render.period_clause import period_clause
from nbscdr_cli.render.text import (
    comparison_digits,
    reference_range,
    removal_alone,
    shown_differences,
    subtotal_range,
    total_show,
)

if TYPE_CHECKING:
    from nbscdr_cli.render.citations import Citations

MAX_DECISIONS = 4  # named in the bottom line; the checklist has them all


def bottom_line(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> list[str]:
    """At most four sentences: how much, against what, how sure, and that it is
    not permanent and what it needs."""
    sentences = [how_much(analysis, doc, lang, cite)]
    if doc["comparisons"]:
        sentences.append(comparison_sentence(analysis, doc, lang, cite))
    if "uncertainty" in doc:
        sentences.append(sureness_sentence(doc, lang))
    sentences.append(durability_sentence(analysis, lang, cite))
    return sentences


def potential_phrase(doc: dict[str, Any], lang: str) -> str:
    """The kind of potential as the sentence names it: the kinds the entries'
    sources give (issue 21: a figure whose source names no kind is never called
    technical). The economic potential is AR6's, the part available below USD
    100 per t CO2 (the catalog's definition of "economic")."""
    kinds = list(dict.fromkeys(e["potential_kind"] for e in doc["entries"] if e.get("potential_kind")))
    if kinds == ["economic"]:
        return _("an economic potential (below USD 100 per t CO2)", lang)
    if kinds == ["technical"]:
        return _("a technical potential", lang)
    if kinds == ["sustainable"]:
        return _("a sustainable potential", lang)
    if kinds == ["not stated"]:
        return _("a potential (of a kind the source does not state)", lang)
    if not kinds:  # the user's own figures
        return _("a potential", lang)
    return _("a potential (the figures: {kinds})", lang, kinds=kinds_phrase(kinds, lang))


def share_label(name: str, share: float, lang: str) -> str:
    """A technique as the bottom line names it: 'Biochar (50% of its range)'
    where the portfolio takes part of its range."""
    if share == 1:
        return name
    return name + _(" ({text})", lang, text=_("{share}% of its range", lang, share=derived(share * 100)))


def own_clause(entries: list[dict[str, Any]], every: bool, lang: str) -> str:
    """Which of ``entries`` are the user's own figures, said beside the figure
    they shape so it is never taken for a source's: ', of which Afforestation and
    reforestation is your own figure (5–6), not a source's'. ``every`` where the
    figure is made of the user's figures alone."""
    own = [e for e in entries if e.get("own_figure")]
    if not own:
        return ""
    if every:
        if len(own) == 1:
            return _(" (your own figure, not a source's)", lang)
        return _(", all your own figures, not a source's", lang)
    names = join_names([name_in(e["name"], lang) for e in own], lang)
    ranges = join_names([span(e["low"], e["high"], given) for e in own], lang)
    if len(own) == 1:
        return _(
            ", of which {names} is your own figure ({ranges}), not a source's",
            lang,
            names=names,
            ranges=ranges,
        )
    return _(
        ", of which {names} are your own figures ({ranges}), not a source's", lang, names=names, ranges=ranges
    )


def how_much(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> str:
    """'Together, these 4 techniques have a technical potential of 5.8–35 Gt
    CO2/yr, the sum of every low end and of every high end [2]', with the
    entries whose figure is not removals alone named in it, and with a period,
    what that adds up to and on what assumptions."""
    total = doc["total"]
    names = [share_label(name_in(e["name"], lang), e["share"], lang) for e in doc["entries"]]
    what = join_names(names, lang) if len(names) <= 3 else _("these {n} techniques", lang, n=len(names))
    if doc.get("region"):  # a country's or region's figures (issue 22)
        from nbscdr_cli.render.text import region_label

        what = _("{what} in {region}", lang, what=what, region=region_label(doc["region"], lang))
    sources = [e.technique.source for e in analysis.result.portfolio.entries if not e.own_figure]
    figures = {
        "what": what,
        "potential": potential_phrase(doc, lang),
        "range": span(total["low"], total["high"], total_show(doc)),
        "unit": unit_text(doc["unit"], lang),
        "cite": cite.marks(sources),
    }
    if len(names) == 1:  # one technique's range is its own, not a sum of extremes
        sentence = _("{what} has {potential} of {range} {unit}{cite}", lang, **figures)
    else:
        sentence = _(
            "Together, {what} have {potential} of {range} {unit}, the sum of every low end and of every high end{cite}",
            lang,
            **figures,
        )
    # the user's own figures, named in the sentence whose figure they shape (the
    # mark cites only the sources of the others)
    sentence += own_clause(doc["entries"], all(e.get("own_figure") for e in doc["entries"]), lang)
    single = [name_in(e["name"], lang) for e in doc["entries"] if e["low"] == e["high"] and not e["up_to"]]
    if single:  # a range that is one figure is no range: said beside the total it makes
        sentence += _(
            " (the figures for {names} are single values in their sources: low and high are the same)",
            lang,
            names=join_names(single, lang),
        )
    mixed = [name_in(e["name"], lang) for e in doc["entries"] if not removal_alone(e)]
    if mixed:
        sentence += _(
            " (the figures for {names} are not removals alone)", lang, names=join_names(mixed, lang)
        )
    other = [
        name_in(e["name"], lang)
        for e, entry in zip(doc["entries"], analysis.result.portfolio.entries, strict=True)
        if removal_alone(e) and caveats_of(entry)
    ]
    if other:
        sentence += _(
            "; the figures for {names} come with caveats, below", lang, names=join_names(other, lang)
        )
    if "horizon" in doc:
        sentence += period_clause(analysis, doc, lang, cite)
    return sentence + _(".", lang)


def comparison_sentence(analysis: Analysis, doc: dict[str, Any], lang: str, cite: Citations) -> str:
    """The first reference against the entries in its scope, in words."""
    c = doc["comparisons"][0]
    reference = analysis.result.comparisons[0].reference
    names = {e["technique"]: name_in(e["name"], lang) for e in doc["entries"]}
    ref = tables.reference_label(c, lang)
    ref_unit = unit_text(reference.unit if c["as_given"] else doc["unit"], lang)
    kind = kind_name(c["kind"], lang)
    inside = c["in_scope"]
    if not inside["techniques"]:
        scope = join_scopes(c["scope"], lang)
        if len(doc["entries"]) == 1:
            sentence = _(
                "{name} is not within the scope of {ref} ({scope}), so it is not compared with it",
                lang,
                name=name_in(doc["entries"][0]["name"], lang),
                ref=ref,
                scope=scope,
            )
        else:
            sentence = _(
                "None of these techniques is within the scope of {ref} ({scope}), so none is compared with it",
                lang,
                ref=ref,
                scope=scope,
            )
        return sentence + cite(reference.source) + _(".", lang)
    unit = unit_text(doc["unit"], lang)
    in_scope = [e for e in doc["entries"] if e["technique"] in inside["techniques"]]
    own = own_clause(in_scope, all(e.get("own_figure") for e in in_scope), lang)
    values = {
        "ref": ref,
        "band": reference_range(c),
        "unit": ref_unit,
        "sub_unit": unit + own,
        "kind": kind,
        "subtotal": subtotal_range(inside),
        "relation": prose_relation(c, lang, inside, unit),
        "cite": cite(reference.source),
    }
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


def prose_relation(
    c: dict[str, Any], lang: str, values: dict[str, Any], unit: str, digits: int | None = None
) -> str:
    """'takes in the whole of its range, with the low end level and the high end
    18 Gt CO2/yr higher': ``values`` (the in-scope range) against ``c``'s, in
    ``unit``, at ``digits`` significant figures (default: the comparison's).
    Ranges that only touch are said to meet only if every high (or low) end is
    reached, with what they share."""
    digits = comparison_digits(c) if digits is None else digits
    show = rounded(digits)

    def end(difference: float) -> str:
        if number(difference) == 0:
            return _("level", lang)
        amount = f"{show(abs(difference))} {unit}"
        return (
            _("{amount} higher", lang, amount=amount)
            if difference > 0
            else _("{amount} lower", lang, amount=amount)
        )

    diff = shown_differences(c, values, c, digits)
    if c["position"] == "touches":
        key = (
            N_(
                "meets its range only at its high end, which happens only if every high end is reached (the two share {overlap} {unit}), with the low end {low} and the high end {high}"
            )
            if c.get("meets_at") == "high"
            else N_(
                "meets its range only at its low end, which happens only if every low end is reached (the two share {overlap} {unit}), with the low end {low} and the high end {high}"
            )
        )
        return _(
            key, lang, overlap=show(diff["overlap"]), unit=unit, low=end(diff["low"]), high=end(diff["high"])
        )
    return _(
        "{position}, with the low end {low} and the high end {high}",
        lang,
        position=brief_position(c["position"], lang),
        low=end(diff["low"]),
        high=end(diff["high"]),
    )


def brief_position(position: str, lang: str) -> str:
    """Where the in-scope range lies against a reference's, in a sentence
    (``compute.portfolio.relate`` defines each)."""
    names = {
        "below": _("lies below its range", lang),
        "overlapping": _("overlaps its range", lang),
        "within": _("lies within its range", lang),
        "contains": _("takes in the whole of its range", lang),
        "above": _("lies above its range", lang),
    }
    return names[position]


def assumption_text(u: dict[str, Any], lang: str) -> str:
    """What a band of outcomes assumes, as a condition: 'if each range were
    uniform and the techniques independent'."""
    shape = distribution_name(u["distribution"], lang)
    if u["distribution"] == "lognormal":
        shape = _("lognormal with its ends as the 5th and 95th percentiles", lang)
    r = u["correlation"] or 0.0
    if r == 0:
        return _("if each range were {shape} and the techniques independent", lang, shape=shape)
    if r == 1:
        return _("if each range were {shape} and the techniques moved together", lang, shape=shape)
    return _(
        "if each range were {shape} and the techniques had a rank correlation of {r}",
        lang,
        shape=shape,
        r=given(r),
    )


def sureness_sentence(doc: dict[str, Any], lang: str) -> str:
    """The band of outcomes with its assumption and, unless the techniques
    already move together, the band were they to (the sums of their own
    percentiles); then the chance of reaching the first reference's end where
    the ranges do not settle it."""
    u = doc["uncertainty"]
    show = rounded(u.get("significant_figures", CAP))
    p = u["percentiles"]
    unit = unit_text(doc["unit"], lang)
    band = span(p["5"], p["95"], show)
    together = (u.get("fully_correlated") or {}).get("percentiles", {})
    if (u["correlation"] or 0) < 1 and "5" in together and "95" in together:
        sentence = _(
            "{assumption} — an assumption no source makes — 90% of outcomes would lie in {band} {unit} ({together} if they moved together)",
            lang,
            assumption=assumption_text(u, lang),
            band=band,
            unit=unit,
            together=span(together["5"], together["95"], show),
        )
    else:
        sentence = _(
            "{assumption} — an assumption no source makes — 90% of outcomes would lie in {band} {unit}",
            lang,
            assumption=assumption_text(u, lang),
            band=band,
            unit=unit,
        )
    chance = first_chance(doc, lang)
    sentence = sentence[:1].upper() + sentence[1:]
    return sentence + chance + _(".", lang)


def first_chance(doc: dict[str, Any], lang: str) -> str:
    """'; on that assumption, the chance of reaching the high end of UNEP estimate
    (the techniques in its scope) is 81%' for the first reference's first end
    whose chance the ranges do not settle; nothing where they settle both."""
    if not doc["comparisons"]:
        return ""
    u = doc["uncertainty"]
    c = doc["comparisons"][0]
    chances = u["probability"].get(c["reference"], {})
    settled = u.get("by_construction", {}).get(c["reference"], {})
    for end in ("low", "high"):
        if end in chances and end not in settled:
            what = (
                _("the techniques in its scope", lang)
                if c["out_of_scope"]
                else _("the whole portfolio", lang)
            )
            key_text = (
                N_("; on that assumption, the chance of reaching the low end of {ref} ({what}) is {p}")
                if end == "low"
                else N_("; on that assumption, the chance of reaching the high end of {ref} ({what}) is {p}")
            )
            return _(
                key_text,
                lang,
                what=what,
                ref=tables.reference_label(c, lang),
                p=percent(chances[end], u.get("significant_figures", CAP), certain=False),
            )
    return ""


def durability_sentence(analysis: Analysis, lang: str, cite: Citations) -> str:
    """Not permanent, with what the sources say of the techniques in the
    portfolio, and the governance decisions it needs."""
    sentence = _(
        "None of this storage is permanent: a forest's uptake, for example, declines as it ages, and trees that die and decay, through age, drought, fire, pests or deforestation, release the CO2 again{cite}",
        lang,
        cite=cite(PERMANENCE_SOURCE),
    )
    biochar = [
        n
        for e in analysis.result.portfolio.entries
        for n in e.technique.durability
        if "less prone to reversal" in n.text.en
    ]
    if biochar:
        sentence += _(", though carbon stored in biochar is less prone to reversal", lang) + cite(
            biochar[0].source
        )
    shorts = [challenge for challenge, _ in checklist(analysis, lang, short=True)][:MAX_DECISIONS]
    if shorts:
        sentence += _(
            "; it needs governance decisions on {decisions}", lang, decisions=join_clauses(shorts, lang)
        )
    return sentence + _(".", lang)
