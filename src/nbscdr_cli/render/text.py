"""Ranges, comparisons and method lines as people read them, for the table,
Markdown, brief and chart renderers (one wording for all of them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbscdr_cli.api.wording import distribution_name, unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import CAP, as_written, derived, formatter, given, number, rounded, span

Show = Callable[[float | None], str]


def low_text(value: float | None, up_to: bool, lang: str, show: Show = given) -> str:
    """The low end as printed: an open ("up to") low shows as "0 (up to)"."""
    return _("0 (up to)", lang) if up_to else show(value)


def range_text(item: dict[str, Any], lang: str, show: Show = given) -> str:
    """'3–18 Gt CO2/yr', or 'up to 19 Gt CO2/yr' where the source gives no low."""
    if item["up_to"]:
        return _("up to {high} {unit}", lang, high=show(item["high"]), unit=unit_text(item["unit"], lang))
    return f"{span(item['low'], item['high'], show)} {unit_text(item['unit'], lang)}"


def region_label(region: dict[str, Any], lang: str) -> str:
    """A document's region as a title names it: 'China', 'Eastern Asia (AR6, 10 regions)'."""
    name = region["name"].get(lang) or region["name"]["en"]
    grouping = region.get("grouping")
    if not grouping:
        return str(name)
    from nbscdr_cli.model.regions import GROUPING_LABELS

    return _("{name} ({grouping})", lang, name=name, grouping=_(GROUPING_LABELS[grouping], lang))


def entry_label(name: str, tid: str, lang: str) -> str:
    """A technique as a table row names it: 'Biochar (biochar)', so the id can be
    typed; in Chinese the name alone ("生物炭"), which is accepted as input too."""
    return name if lang == "zh" else f"{name} ({tid})"


def shown_differences(
    relation: dict[str, Any], values: dict[str, Any] | None, reference: dict[str, Any] | None, digits: int
) -> dict[str, float]:
    """Each end's difference from the reference as a reader can check it, and the
    width the two share ("overlap"): from the figures as shown (a derived 1,096
    shows as 1,100, and 1,100 against 1,000 is 100 higher, not 96); ``values``
    as the in-scope column shows them (at their own significant figures), the
    reference as given (or at ``digits`` in another unit), the differences then
    at ``digits``: 406 against 400 is 6 higher, not 406 read as 410 and 10
    higher. JSON keeps the exact numbers."""
    exact = {**relation["difference"], "overlap": relation.get("overlap") or 0.0}
    if values is None or reference is None:
        return exact
    ref_show = formatter(bool(reference.get("as_given", True)), digits)

    def shown(value: float, fmt: Show) -> float:
        return float(fmt(value).replace(",", ""))

    ours_show = rounded(int(values.get("significant_figures", digits)))
    ours = {end: shown(values[end], ours_show) for end in ("low", "high")}
    theirs = {end: shown(reference[end], ref_show) for end in ("low", "high")}
    out = {end: ours[end] - theirs[end] for end in ("low", "high")}
    out["overlap"] = max(0.0, min(ours["high"], theirs["high"]) - max(ours["low"], theirs["low"]))
    return out


def shown_relation(
    relation: dict[str, Any], values: dict[str, Any] | None, reference: dict[str, Any] | None, digits: int
) -> dict[str, Any]:
    """Where the range lies as the figures are shown: a subtotal of 290.93 shown
    as 291 against a reference of 291 is not "below" it for a reader who sees
    the two figures. The position is ``compute.portfolio.relate``'s, on the
    figures as shown; JSON keeps the exact one."""
    if values is None or reference is None:
        return relation
    from nbscdr_cli.compute.portfolio import relate
    from nbscdr_cli.model.catalog import RemovalRange

    ref_show = formatter(bool(reference.get("as_given", True)), digits)

    def shown(value: float, fmt: Show) -> float:
        return float(fmt(value).replace(",", ""))

    ours_show = rounded(int(values.get("significant_figures", digits)))
    ours = RemovalRange(shown(values["low"], ours_show), shown(values["high"], ours_show))
    theirs = RemovalRange(shown(reference["low"], ref_show), shown(reference["high"], ref_show))
    found = relate(ours, theirs)
    return {**relation, "position": found.position, "meets_at": found.meets_at}


def relation_text(
    relation: dict[str, Any],
    lang: str,
    values: dict[str, Any] | None = None,
    reference: dict[str, Any] | None = None,
    digits: int = CAP,
) -> str:
    """'contains it: low end level, high end 18 higher' for a document's
    "position" and "difference" (``values``, the in-scope range, against
    ``reference``'s, at ``digits`` significant figures)."""
    show = rounded(digits)

    def end(difference: float) -> str:
        if number(difference) == 0:
            return _("level", lang)
        amount = show(abs(difference))
        return (
            _("{amount} higher", lang, amount=amount)
            if difference > 0
            else _("{amount} lower", lang, amount=amount)
        )

    diff = shown_differences(relation, values, reference, digits)
    return _(
        "{position}: low end {low}, high end {high}",
        lang,
        position=position_name(shown_relation(relation, values, reference, digits), lang),
        low=end(diff["low"]),
        high=end(diff["high"]),
    )


def position_name(relation: dict[str, Any], lang: str) -> str:
    """Where a range lies against a reference's, as a table cell says it
    (``compute.portfolio.relate`` defines each)."""
    position = relation["position"]
    if position == "touches":
        return (
            _("meets it only at its high end", lang)
            if relation.get("meets_at") == "high"
            else _("meets it only at its low end", lang)
        )
    names = {
        "below": _("below", lang),
        "overlapping": _("overlaps", lang),
        "within": _("within", lang),
        "contains": _("contains it", lang),
        "above": _("above", lang),
    }
    return names[position]


def comparison_digits(c: dict[str, Any]) -> int:
    """The significant figures of a comparison's differences: those of the less
    precise of the subtotal and the reference."""
    return int(c.get("significant_figures", CAP))


def reference_range(c: dict[str, Any]) -> str:
    """A reference's range as shown: as its source gave it, or (in another unit)
    at its precision."""
    return span(c["low"], c["high"], formatter(c["as_given"], comparison_digits(c)))


def subtotal_range(inside: dict[str, Any]) -> str:
    """The in-scope subtotal of a comparison, at its entries' precision."""
    return span(inside["low"], inside["high"], rounded(inside.get("significant_figures", CAP)))


def total_show(doc: dict[str, Any]) -> Show:
    """How a document's totals (and what is derived from them) are shown."""
    return rounded(doc["total"].get("significant_figures", CAP))


def entry_show(e: dict[str, Any]) -> Show:
    """An entry's figures: as given, else at the precision of what they came from."""
    if e["as_given"]:
        return as_written(e.get("written"))  # "0.5–3.0" as AR6 writes it
    return formatter(False, e.get("significant_figures", CAP))


def sampling_text(u: dict[str, Any], lang: str) -> str:
    """How an uncertainty document was computed: 'Monte Carlo, 100,000 samples,
    seed 42, uniform, rank correlation 0' or 'exact convolution, uniform, independent'."""
    distribution = distribution_name(u["distribution"], lang)
    if u["method"] == "convolution":
        return _("exact convolution, {distribution}, independent", lang, distribution=distribution)
    samples = (
        _("{samples:,} sample", lang, samples=u["samples"])
        if u["samples"] == 1
        else _("{samples:,} samples", lang, samples=u["samples"])
    )
    return _(
        "Monte Carlo, {samples}, seed {seed}, {distribution}, rank correlation {correlation:g}",
        lang,
        **{**u, "samples": samples, "distribution": distribution},
    )


def threshold_label(ref: str, end: str | None, lang: str, names: dict[str, str]) -> str:
    """'target' (``ref`` None) or 'UNEP, low end' for a reference's end;
    ``names`` maps reference ids to their names in ``lang``."""
    if end is None:
        return _("target", lang)
    return _(
        "{ref}, {end} end",
        lang,
        ref=names.get(ref, ref),
        end=(_("Low", lang) if end == "low" else _("High", lang)).lower(),
    )


def chance_text(u: dict[str, Any], ref: str, end: str | None, lang: str) -> str:
    """The chance of reaching a reference's end (``end`` None: the target), as a
    percentage at the total's precision; where the ranges settle it by
    themselves, why it is certain or impossible instead (a consequence of the
    ranges, not a finding)."""
    from nbscdr_cli.base.numbers import percent

    if end is None:
        settled, p = u["target"].get("by_construction"), u["target"]["probability"]
    else:
        settled, p = u.get("by_construction", {}).get(ref, {}).get(end), u["probability"][ref][end]
    if settled == "certain":
        return _("certain (the lows reach it)", lang)
    if settled == "impossible":
        return _("impossible (the highs fall short)", lang)
    # a chance of 0 or 1 the ranges do not settle is an estimate: the draws, or the
    # convolution's grid, all fell on one side
    return percent(p, u.get("significant_figures", CAP), certain=False)


def probability_rows(
    u: dict[str, Any], comparisons: list[dict[str, Any]], lang: str, show: Show = derived
) -> list[tuple[str, str]]:
    """(label, chance) for each threshold of an uncertainty document: each
    reference's ends, then the target. A reference's ends are tested against
    the subtotal in its scope, so the label says "in-scope total" where that
    leaves entries out."""
    names = {c["reference"]: c["name"][lang] for c in comparisons}
    scoped = {c["reference"] for c in comparisons if c["out_of_scope"]}
    tested = [
        (ref, end, u["thresholds"][ref][end], p)
        for ref, ends in u["probability"].items()
        for end, p in ends.items()
    ]
    if "target" in u:
        tested.append(("", None, u["target"]["value"], u["target"]["probability"]))
    rows = []
    for ref, end, value, _p in tested:
        what = (_("in-scope total", lang) if ref in scoped else _("Total", lang)).lower()
        label = _(
            "P({what} ≥ {value}: {threshold})",
            lang,
            what=what,
            value=show(value),
            threshold=threshold_label(ref, end, lang, names),
        )
        rows.append((label, chance_text(u, ref, end, lang)))
    return rows


def removal_alone(entry: dict[str, Any]) -> bool:
    """Whether an entry's figure is a removal of CO2 alone: as the catalog says
    per figure (``removal_only``, from what it ``includes``: issue 21); where it
    does not say, an estimate's caveat marks one that is not."""
    if entry.get("removal_only") is not None:
        return bool(entry["removal_only"])
    return not entry.get("caveat")


def assessment_label(item: dict[str, Any], lang: str) -> str:
    """Whose estimate: the assessment's id, which -a takes; in Chinese its name."""
    name = item.get("assessment_name") or {}
    return str(name.get(lang) or item["assessment"]) if lang == "zh" else str(item["assessment"])
