"""The pieces of a portfolio document that its parts share: an entry, a
comparison with a reference and where it lies against it, one total's
uncertainty, and a text in both languages. Numbers are in the output units,
rounded to 12 significant digits (``number``); each carries the precision people
are shown it at (``significant_figures``, see ``base.numbers``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.catalog_documents import (
    assessed,
    cost_document,
    figure_facts,
    note_document,
    reference_document,
    trl_document,
)
from nbscdr_cli.base.numbers import number, precision

if TYPE_CHECKING:
    from nbscdr_cli.compute.portfolio import Comparison, Entry, Relation
    from nbscdr_cli.compute.summary import Simulation, Summary
    from nbscdr_cli.model.catalog import LocalText, Reference
    from nbscdr_cli.model.units import Unit


def written_figures(e: Entry) -> tuple[float | None, float]:
    """An entry's low and high as their source (or the user) wrote them, before
    any share or unit conversion; None for an open ("up to") low."""
    if e.own_figure:
        return (
            e.range.low / e.written_factor if e.range.low is not None else None,
            e.range.high / e.written_factor,
        )
    t = e.technique
    return (None if t.range.low is None else t.range.low / t.unit_factor), t.range.high / t.unit_factor


def entry_digits(e: Entry) -> int:
    """The significant figures of what is derived from an entry's figures."""
    return precision(written_figures(e))


def reference_digits(r: Reference) -> int:
    """The significant figures of a reference's ends, as its source wrote them."""
    return precision(
        (r.range.low / r.unit_factor if r.range.low is not None else None, r.range.high / r.unit_factor)
    )


def entry_document(e: Entry, unit: Unit) -> dict[str, Any]:
    """One entry in the output unit; its name in both languages (``{"en", "zh"}``,
    as every name in every document), whatever the language of the labels."""
    f = unit.factor
    doc: dict[str, Any] = {
        "technique": e.technique.id,
        "name": e.technique.name.as_dict(),
        "share": number(e.share),
        "low": number(e.range.lower / f),
        "high": number(e.range.high / f),
        "up_to": e.open_low,
        "own_figure": e.own_figure,
        "as_given": e.as_given(f),
        "scope": e.technique.scope,
        "assessment": None if e.own_figure else e.technique.assessment,
        "fallback": e.technique.fallback and not e.own_figure,
        "central": number(None if e.range.mode is None else e.range.mode / f),
        "significant_figures": entry_digits(e),
    }
    estimate = None if e.own_figure else e.technique.in_use
    doc.update(figure_facts(estimate))  # all null for the user's own figure
    if estimate is not None:
        doc["caveat"] = note_document(estimate.caveat)
        doc["cost"] = cost_document(assessed(e.technique, "cost"))
        doc["trl"] = trl_document(assessed(e.technique, "trl"))
    if e.technique.iamc_variable:
        doc["iamc_variable"] = e.technique.iamc_variable
    return doc


def relation_document(relation: Relation, factor: float) -> dict[str, Any]:
    """Where a range lies against a reference's (``compute.portfolio.relate``),
    and the numbers a script needs to judge for itself: the difference at each
    end and the width the two ranges share; for ``touches``, the end of ours
    that meets theirs (``meets_at``: "high" or "low")."""
    return {
        "position": relation.position,
        "difference": {
            "low": number(relation.low_difference / factor),
            "high": number(relation.high_difference / factor),
        },
        "overlap": number(relation.overlap / factor),
        "meets_at": relation.meets_at,
    }


def comparison_document(
    c: Comparison, unit: Unit, as_given: dict[str, bool], digits: dict[str, int]
) -> dict[str, Any]:
    """The entries in a reference's scope against it, in the output unit.
    ``as_given`` and ``digits``: whether each entry is its source's figure as
    given, and its significant figures, by technique id; the subtotal is as given
    only where it is one such entry (a sum never is), has its entries' least
    figures, and the differences that or the reference's."""
    f = unit.factor
    ref = reference_document(c.reference, unit)
    ref.pop("id")
    inside = min((digits[t] for t in c.in_scope_ids), default=reference_digits(c.reference))
    return {
        "reference": c.reference.id,
        **ref,
        "as_given": c.reference.unit_factor == f,
        "significant_figures": min(inside, reference_digits(c.reference)),
        "in_scope": {
            "low": number(c.compared.lower / f),
            "high": number(c.compared.high / f),
            "techniques": list(c.in_scope_ids),
            "as_given": len(c.in_scope_ids) == 1 and as_given[c.in_scope_ids[0]],
            "significant_figures": inside,
        },
        "out_of_scope": list(c.out_of_scope_ids),
        # with no entry in its scope there is nothing to set against the reference:
        # no position (an empty subtotal of 0 is not "below" it)
        **(relation_document(c.relation, f) if c.in_scope_ids else NO_RELATION),
    }


NO_RELATION: dict[str, Any] = {"position": None, "difference": None, "overlap": None, "meets_at": None}


def uncertainty_document(sim: Simulation, total: str, unit: Unit, digits: int = 3) -> dict[str, Any]:
    """One total's distribution (e.g. "annual") in the output unit, with the
    chances of reaching each reference's ends: for a reference with a scope, the
    chance that the subtotal of the entries in its scope reaches them (the totals
    found as "<total>@<reference>"). The same keys for both methods (``samples``
    and ``seed`` are null for the convolution, and its histogram has shares but
    no counts). ``digits``: the total's significant figures.

    Keys a script can type: ``probability`` and ``thresholds`` are nested by
    reference id, then end (``probability.unep.low``); the user's target is an
    object of its own (``target.value``, ``target.probability``).

    A chance that the ranges settle by themselves is not a finding:
    ``by_construction`` (nested as ``probability``; ``target.by_construction``
    for the target) names each threshold the total reaches even with every entry
    at its low end ("certain") or cannot reach with every entry at its high end
    ("impossible"), for the distributions bounded by the ranges (not the
    lognormal, which goes beyond them). For the annual total, ``fully_correlated``
    gives its percentiles were the entries to move together (rank correlation 1):
    exactly the sums of the entries' own percentiles, the other end of what the
    ranges allow beside independence."""
    from nbscdr_cli.model.enums import Distribution
    from nbscdr_cli.model.monte_carlo import percentile_key

    summary: Summary = sim.totals[total]
    f = unit.factor
    (lo, hi), weights = summary.histogram
    whole = sum(weights) or 1
    probability = dict(summary.probability)
    thresholds = dict(summary.thresholds)
    supports = dict.fromkeys(summary.probability, summary.histogram[0])  # each total's low and high
    for name, scoped in sim.totals.items():
        if name.startswith(f"{total}@"):
            probability.update(scoped.probability)
            thresholds.update(scoped.thresholds)
            supports.update(dict.fromkeys(scoped.probability, scoped.histogram[0]))
    settled: dict[str, str] = {}
    if sim.distribution is not Distribution.lognormal:
        for key, threshold in thresholds.items():
            least, most = (number(v) or 0.0 for v in supports[key])
            if (number(threshold) or 0.0) <= least:
                settled[key] = "certain"
            elif (number(threshold) or 0.0) > most:
                settled[key] = "impossible"
    target = None
    if "target" in probability:
        target = {
            "value": number(thresholds.pop("target") / f),
            "probability": number(probability.pop("target")),
            "by_construction": settled.pop("target", None),
        }
    by_reference: dict[str, dict[str, Any]] = {}
    limits: dict[str, dict[str, Any]] = {}
    construction: dict[str, dict[str, str]] = {}
    for key, p in probability.items():  # "<reference>.<end>", as the simulation names them
        ref, _dot, end = key.rpartition(".")
        by_reference.setdefault(ref, {})[end] = number(p)
        limits.setdefault(ref, {})[end] = number(thresholds[key] / f)
        if key in settled:
            construction.setdefault(ref, {})[end] = settled[key]
    doc: dict[str, Any] = {
        "samples": sim.samples,
        "seed": sim.seed,
        "distribution": sim.distribution.value,
        "correlation": number(sim.correlation),
        "method": sim.method.value,
        "percentile_method": sim.percentile_method,
        "significant_figures": digits,
        "mean": number(summary.mean / f),
        "std": number(summary.std / f),
        "percentiles": {percentile_key(p): number(v / f) for p, v in summary.percentiles.items()},
        "probability": by_reference,
        "thresholds": limits,
        "by_construction": construction,
    }
    if target is not None:
        doc["target"] = target
    doc["histogram"] = {
        "low": number(lo / f),
        "high": number(hi / f),
        "counts": [int(c) for c in weights] if sim.samples is not None else None,
        "shares": [number(w / whole) for w in weights],
    }
    if total == "annual" and sim.marginals:
        import math

        doc["fully_correlated"] = {
            "percentiles": {
                percentile_key(p): number(math.fsum(m[p] for m in sim.marginals) / f)
                for p in summary.percentiles
            }
        }
    return doc


def local(text: LocalText | None) -> dict[str, str] | None:
    return None if text is None else text.as_dict()


def name_in(name: dict[str, str] | None, lang: str) -> str:
    """A document's name (``{"en", "zh"}``) in ``lang``: the Chinese where there
    is one and it is asked for, else the English."""
    if not name:
        return ""
    return (name.get("zh") or name["en"]) if lang == "zh" else name["en"]
