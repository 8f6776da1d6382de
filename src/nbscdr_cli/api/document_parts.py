"""The pieces of a portfolio document that its parts share: an entry, a
comparison with a reference and where it lies against it, one total's
uncertainty, and a text in both languages. Numbers are in the output units,
rounded to 12 significant digits (``number``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.catalog_documents import (
    assessed,
    cost_document,
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
    }
    estimate = None if e.own_figure else e.technique.in_use
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
    no counts).

    Keys a script can type: ``probability`` and ``thresholds`` are nested by
    reference id, then end (``probability.unep.low``); the user's target is an
    object of its own (``target.value``, ``target.probability``)."""
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
    target = None
    if "target" in probability:
        target = {
            "value": number(thresholds.pop("target") / f),
            "probability": number(probability.pop("target")),
        }
    by_reference: dict[str, dict[str, Any]] = {}
    limits: dict[str, dict[str, Any]] = {}
    for key, p in probability.items():  # "<reference>.<end>", as the simulation names them
        ref, _dot, end = key.rpartition(".")
        by_reference.setdefault(ref, {})[end] = number(p)
        limits.setdefault(ref, {})[end] = number(thresholds[key] / f)
    doc: dict[str, Any] = {
        "samples": sim.samples,
        "seed": sim.seed,
        "distribution": sim.distribution.value,
        "correlation": number(sim.correlation),
        "method": sim.method.value,
        "percentile_method": sim.percentile_method,
        "mean": number(summary.mean / f),
        "std": number(summary.std / f),
        "percentiles": {percentile_key(p): number(v / f) for p, v in summary.percentiles.items()},
        "probability": by_reference,
        "thresholds": limits,
    }
    if target is not None:
        doc["target"] = target
    doc["histogram"] = {
        "low": number(lo / f),
        "high": number(hi / f),
        "counts": [int(c) for c in weights] if sim.samples is not None else None,
        "shares": [number(w / whole) for w in weights],
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
