"""Ranges, comparisons and method lines as people read them, for the table,
Markdown, brief and chart renderers (one wording for all of them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbscdr_cli.api.wording import distribution_name, unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import derived, formatter, given, number, span

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
    relation: dict[str, Any], values: dict[str, Any] | None, reference: dict[str, Any] | None, show: Show
) -> dict[str, float]:
    """Each end's difference from the reference as a reader can check it: that
    of the figures as shown (a derived 1,096 shows as 1,100, and 1,100 against
    1,000 is 100 higher, not 96); JSON keeps the exact differences."""
    if values is None or reference is None:
        return dict(relation["difference"])
    ref_show = formatter(bool(reference.get("as_given", True)))

    def shown(value: float, fmt: Show) -> float:
        return float(fmt(value).replace(",", ""))

    return {end: shown(values[end], show) - shown(reference[end], ref_show) for end in ("low", "high")}


def relation_text(
    relation: dict[str, Any],
    lang: str,
    show: Show = derived,
    values: dict[str, Any] | None = None,
    reference: dict[str, Any] | None = None,
) -> str:
    """'overlaps: low end level, high end 18 higher' for a document's "position"
    and "difference" (``values``, the in-scope range, against ``reference``'s)."""

    def end(difference: float) -> str:
        if number(difference) == 0:
            return _("level", lang)
        amount = show(abs(difference))
        return (
            _("{amount} higher", lang, amount=amount)
            if difference > 0
            else _("{amount} lower", lang, amount=amount)
        )

    diff = shown_differences(relation, values, reference, show)
    return _(
        "{position}: low end {low}, high end {high}",
        lang,
        position=position_name(relation["position"], lang),
        low=end(diff["low"]),
        high=end(diff["high"]),
    )


def position_name(position: str, lang: str) -> str:
    """Where a range lies against a reference's, as a table cell says it."""
    names = {"below": _("below", lang), "overlapping": _("overlaps", lang), "above": _("above", lang)}
    return names[position]


def comparison_show(c: dict[str, Any]) -> Show:
    """How to show a comparison's numbers: as given where the reference and the
    in-scope subtotal both are, else derived."""
    return formatter(c["as_given"] and c["in_scope"]["as_given"])


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


def probability_rows(
    u: dict[str, Any], comparisons: list[dict[str, Any]], lang: str, show: Show = derived
) -> list[tuple[str, str]]:
    """(label, percentage) for each threshold of an uncertainty document: each
    reference's ends, then the target. A reference's ends are tested against
    the subtotal in its scope, so the label says "in-scope total" where that
    leaves entries out."""
    from nbscdr_cli.base.numbers import percent

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
    for ref, end, value, p in tested:
        what = (_("in-scope total", lang) if ref in scoped else _("Total", lang)).lower()
        label = _(
            "P({what} ≥ {value}: {threshold})",
            lang,
            what=what,
            value=show(value),
            threshold=threshold_label(ref, end, lang, names),
        )
        rows.append((label, percent(p)))
    return rows
