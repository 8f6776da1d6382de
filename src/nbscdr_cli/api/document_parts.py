"""The pieces of a portfolio document that its parts share: an entry, a
comparison with a reference and where it lies against it, one total's
uncertainty, and a text in both languages. Numbers are in the output units,
rounded to 12 significant digits (``number``)."""

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
from nbscdr_cli.base.numbers import number

if TYPE_CHECKING:
    from nbscdr_cli.compute.portfolio import Comparison, Entry, Relation
    from nbscdr_cli.compute.summary import Simulation, Summary
    from nbscdr_cli.model.catalog import LocalText
    from nbscdr_cli.model.units import Unit


def entry_document(e: Entry, unit: Unit, lang: str) -> dict[str, Any]:
    """One entry in the output unit."""
    f = unit.factor
    doc: dict[str, Any] = {
        "technique": e.technique.id,
        "name": e.technique.name.get(lang),
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
    """Where a range lies against a reference's, and by how much at each end."""
    return {
        "position": relation.position,
        "difference": {
            "low": number(relation.low_difference / factor),
            "high": number(relation.high_difference / factor),
        },
    }


def comparison_document(c: Comparison, unit: Unit, entries_as_given: bool) -> dict[str, Any]:
    """The entries in a reference's scope against it, in the output unit."""
    f = unit.factor
    ref = reference_document(c.reference, unit)
    ref.pop("id")
    return {
        "reference": c.reference.id,
        **ref,
        "as_given": c.reference.unit_factor == f,
        "in_scope": {
            "low": number(c.compared.lower / f),
            "high": number(c.compared.high / f),
            "techniques": list(c.in_scope_ids),
            "as_given": entries_as_given,
        },
        "out_of_scope": list(c.out_of_scope_ids),
        **relation_document(c.relation, f),
    }


def uncertainty_document(sim: Simulation, total: str, unit: Unit) -> dict[str, Any]:
    """One total's distribution (e.g. "annual") in the output unit, with the
    chances of reaching each reference's ends: for a reference with a scope, the
    chance that the subtotal of the entries in its scope reaches them (the totals
    found as "<total>@<reference>"). The same keys for both methods (``samples``
    and ``seed`` are null for the convolution, and its histogram has shares but
    no counts)."""
    from nbscdr_cli.model.monte_carlo import percentile_key

    summary: Summary = sim.totals[total]
    f = unit.factor
    (lo, hi), weights = summary.histogram
    whole = sum(weights) or 1
    probability = dict(summary.probability)
    thresholds = dict(summary.thresholds)
    for name, scoped in sim.totals.items():
        if name.startswith(f"{total}@"):
            probability.update(scoped.probability)
            thresholds.update(scoped.thresholds)
    if "target" in probability:  # the references' ends first, the user's target last
        probability["target"] = probability.pop("target")
    return {
        "samples": sim.samples,
        "seed": sim.seed,
        "distribution": sim.distribution.value,
        "correlation": number(sim.correlation),
        "method": sim.method.value,
        "percentile_method": sim.percentile_method,
        "mean": number(summary.mean / f),
        "std": number(summary.std / f),
        "percentiles": {percentile_key(p): number(v / f) for p, v in summary.percentiles.items()},
        "probability": {k: number(v) for k, v in probability.items()},
        "thresholds": {k: number(v / f) for k, v in thresholds.items()},
        "histogram": {
            "low": number(lo / f),
            "high": number(hi / f),
            "counts": [int(c) for c in weights] if sim.samples is not None else None,
            "shares": [number(w / whole) for w in weights],
        },
    }


def local(text: LocalText | None) -> dict[str, str] | None:
    return None if text is None else text.as_dict()
