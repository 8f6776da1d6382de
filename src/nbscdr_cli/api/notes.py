"""The notes under a result: what a reader of the totals must know to quote them
without misleading. Each is a code (for scripts) and a localised message, in the
order a reader needs them:

- how the figures were made: a default assessment standing in, sums of extremes;
- over a period: how years count, and the ramp-up, saturation and reversal assumed;
- about the entries: "up to" figures, sourced caveats, recorded double counting;
- about the comparisons: what each reference measures, its scope (which entries
  it is compared with, and the whole portfolio labelled with the entries it
  leaves out), cumulative references that need a period;
- that nature-based storage is not permanent.

Technique names, not ids, appear in the messages; lists are joined the way each
language joins them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.note_anchors import annotate, summary
from nbscdr_cli.api.reference_notes import compare_scope_text, reference_name, reference_text, scope_text
from nbscdr_cli.api.wording import (
    cited,
    distribution_name,
    includes_text,
    kinds_phrase,
    unit_text,
)
from nbscdr_cli.base.i18n import N_, _, join_names
from nbscdr_cli.base.numbers import derived
from nbscdr_cli.model.sources import NBSCDR

if TYPE_CHECKING:
    from nbscdr_cli.api.results import Results
    from nbscdr_cli.compute.portfolio import Entry
    from nbscdr_cli.model.catalog import Catalog
    from nbscdr_cli.model.catalog import Note as SourcedNote


Note = dict[str, Any]


def _note(code: str, message: str, **data: Any) -> Note:
    return {"code": code, **data, "message": message}


Cite = Callable[[str], str]


def _assessment_label(catalog: Catalog, assessment: str | None, lang: str) -> str:
    """An assessment as a note names it: its id in English (what -a takes); in
    Chinese its name, ids being no words of a Chinese sentence."""
    found = catalog.assessments.get(assessment or "")
    if lang == "en" or found is None:
        return assessment or ""
    return found.name.get(lang)


def portfolio_notes(
    analysis: Results, doc: dict[str, Any], lang: str, cite: Cite | None = None
) -> list[Note]:
    """Every note for a portfolio document ``doc`` made from ``analysis``.
    ``cite`` turns a source into its mark in the text (the brief numbers them);
    by default caveats and saturation times name their source in parentheses,
    and double counting leaves it to the note's ``source`` field."""
    inline = cite or (lambda source: cited(source, lang))
    result = analysis.result
    names = {e["technique"]: name_in(e["name"], lang) for e in doc["entries"]}

    def named(ids: list[str] | tuple[str, ...]) -> str:
        return join_names([names.get(i, i) for i in ids], lang)

    notes = [
        _note(
            "figures",
            figures_text(analysis, lang),
            assessment=analysis.assessment,
            potential=doc["potential"],
        )
    ]
    if analysis.geography is not None:
        from nbscdr_cli.api.region_notes import region_notes

        notes += region_notes(analysis, doc, lang, cite)
    fallback = [e["technique"] for e in doc["entries"] if e["fallback"]]
    if fallback:
        default = next(e.technique.assessment for e in result.portfolio.entries if e.technique.fallback)
        message = _(
            "{names}: no estimate in {assessment}; the {default} estimate is used instead.",
            lang,
            names=named(fallback),
            assessment=_assessment_label(analysis.catalog, analysis.assessment, lang),
            default=_assessment_label(analysis.catalog, default, lang),
        )
        notes.append(_note("fallback", message, techniques=fallback))
    unsourced = [
        e.technique.id for e in result.portfolio.entries if not e.own_figure and not e.technique.source
    ]
    if unsourced:
        notes.append(
            _note(
                "no-source",
                _(
                    "{names}: no source given in the data file; check before quoting.",
                    lang,
                    names=named(unsourced),
                ),
                techniques=unsourced,
            )
        )
    notes.append(
        _note(
            "sum-of-extremes",
            _("Totals add every low and every high: they assume all extremes happen together.", lang),
        )
    )
    # What each figure counts, as its data says: a CO2e figure is a removal of
    # CO2 only where it counts CO2 removal alone (issue 21).
    co2e: list[tuple[str, str, tuple[str, ...], str | None, str | None]] = [
        (names[e.technique.id], e.technique.unit, e.technique.in_use.includes, e.technique.id, None)
        for e in result.portfolio.entries
        if not e.own_figure and e.technique.in_use is not None
    ]
    co2e += [
        (reference_name(c.reference, lang), c.reference.unit, c.reference.includes, None, c.reference.id)
        for c in result.comparisons
    ]
    for name, unit, includes, technique, reference in co2e:
        counted = counts_text(name, unit, includes, lang, entry=technique is not None)
        if counted is None:
            continue
        where = {"technique": technique} if technique else {"reference": reference}
        notes.append(_note("co2e", counted, includes=list(includes), **where))
    if "uncertainty" in doc:
        notes.append(_note("distribution", distribution_text(doc["uncertainty"], lang)))
    if analysis.horizon is not None:
        from nbscdr_cli.api.horizon_notes import horizon_notes

        notes += horizon_notes(analysis, named, lang, inline)
        horizon = analysis.horizon.comparisons
        for hc, h_doc in zip(horizon, doc["horizon"]["comparisons"], strict=True):
            # what each cumulative reference measures, on its row of the table over the period
            given = {**h_doc, "as_given": h_doc["unit"] == hc.reference.unit}
            text = reference_text(hc.reference, doc["horizon"]["unit"], given, lang)
            notes.append(
                _note("reference", text, reference=hc.reference.id, kind=hc.reference.kind, period=True)
            )
    if result.open_low_ids:
        ids = list(result.open_low_ids)
        notes.append(
            _note(
                "up-to",
                _(
                    '{names}: the source gives only an upper bound ("up to"); the low end counts as 0.',
                    lang,
                    names=named(ids),
                ),
                techniques=ids,
            )
        )
    for e in result.portfolio.entries:
        notes += caveat_notes(e, names[e.technique.id], lang, inline)
    for overlap in result.overlaps:
        a, b = overlap.techniques
        own = overlap.source == NBSCDR  # a reason no source gives is said to be nbscdr's (issue 21)
        mark = cited(NBSCDR, lang) if own else cite(overlap.source) if cite else ""
        reason = overlap.text.get(lang).rstrip(".。")
        message = _("{a} and {b}: {text}{cite}.", lang, a=names[a], b=names[b], text=reason, cite=mark)
        notes.append(_note("double-counting", message, techniques=[a, b], source=overlap.source))
    for c, c_doc in zip(result.comparisons, doc["comparisons"], strict=True):
        notes.append(
            _note(
                "reference",
                reference_text(c.reference, doc["unit"], c_doc, lang),
                reference=c.reference.id,
                kind=c.reference.kind,
            )
        )
        if c.reference.scope or c.reference.techniques:
            notes.append(
                _note("reference-scope", scope_text(c_doc, doc, named, lang), reference=c.reference.id)
            )
    for r in result.needs_period:
        notes.append(
            _note(
                "needs-period",
                _(
                    "{ref} is a cumulative amount: it is compared only with the cumulative removals over a period (a start and an end year).",
                    lang,
                    ref=reference_name(r, lang),
                ),
                reference=r.id,
            )
        )
    notes.append(_note("permanence", permanence_text(lang, inline), source=PERMANENCE_SOURCE))
    return annotate([_tied(n, result) for n in notes])


# The brief's introduction: "此外，通过NBS技术进行的碳封存并不是永久性的。例如，森林吸收
# 二氧化碳的能力会随着年龄的增长而减弱（因为已经饱和了），树木会死亡和腐烂（如年龄增长、
# 干旱、森林火灾、害虫或森林砍伐等原因）……并将二氧化碳和其他气体释放回大气中" (data quote
# c2g-non-permanence).
PERMANENCE_SOURCE = "C2G 2019"


def permanence_text(lang: str, cite: Cite) -> str:
    """That nature-based storage is not permanent, as the C2G brief says it."""
    return _(
        "Nature-based storage is not permanent: a forest's uptake, for example, declines as it ages, and trees that die and decay, through age, drought, forest fire, pests or deforestation, release CO2 and other gases again{cite}.",
        lang,
        cite=cite(PERMANENCE_SOURCE),
    )


def _tied(note: Note, result: Any) -> Note:
    """The CO2e note with the entries and references it speaks of, so a table
    can mark them (its wording is the co2e block's own); a note on one figure
    (issue 21) already names its entry or reference."""
    if note["code"] != "co2e" or any(
        k in note for k in ("techniques", "references", "technique", "reference")
    ):
        return note
    ids = [
        e.technique.id for e in result.portfolio.entries if not e.own_figure and "CO2e" in e.technique.unit
    ]
    refs = [c.reference.id for c in result.comparisons if "CO2e" in c.reference.unit]
    return {**note, "techniques": ids, "references": refs}


def counts_text(name: str, unit: str, includes: tuple[str, ...], lang: str, *, entry: bool) -> str | None:
    """What a figure in CO2e, or one that counts more than CO2 removal, counts,
    as its data says (issue 21); None for a figure of CO2 removal in CO2."""
    in_co2e = "CO2e" in unit
    if in_co2e and tuple(includes) == ("co2-removal",):
        return _("{name}: given in CO2e, which equals CO2 for it (a removal of CO2 alone).", lang, name=name)
    if includes and tuple(includes) != ("co2-removal",):
        key = (
            N_(
                "{name}: given in {unit}; it counts {includes}, not CO2 removal alone, and is added to the totals as it stands."
            )
            if entry
            else N_("{name}: given in {unit}; it counts {includes}, not CO2 removal alone.")
        )
        return _(key, lang, name=name, unit=unit_text(unit, lang), includes=includes_text(includes, lang))
    if in_co2e:
        return _(
            "{name}: given in CO2e; the data does not say what it counts, so it may not be a removal of CO2 alone.",
            lang,
            name=name,
        )
    return None


def distribution_text(u: dict[str, Any], lang: str) -> str:
    """What the Monte Carlo assumes: the shape of each entry's distribution, and
    how entries move together; no source gives either."""
    shape = distribution_name(u["distribution"], lang)
    together = (
        _("independently of one another", lang)
        if not u["correlation"]
        else _("with a rank correlation of {r} between every pair", lang, r=derived(u["correlation"]))
    )
    peak = (
        _(
            ", peaking at the source's central value where it gives one (a mean or median: taking it as the mode is nbscdr's assumption) and at the midpoint otherwise",
            lang,
        )
        if u["distribution"] in ("triangular", "pert")
        else ""
    )
    key = (
        N_(
            "The Monte Carlo draws each entry from a {shape} distribution over its range{peak}, {together}: an assumption, since no source gives one."
        )
        if u.get("method") != "convolution"
        else N_(
            "The convolution takes each entry as a {shape} distribution over its range{peak}, {together}: an assumption, since no source gives one."
        )
    )
    if u["distribution"] == "lognormal":
        key = N_(
            "The Monte Carlo draws each entry from a lognormal distribution with its low and high as the 5th and 95th percentiles (so about 10% of draws fall outside its range), {together}: an assumption, since no source gives one."
        )
    return _(key, lang, shape=shape, together=together, peak=peak)


def caveats_of(entry: Entry) -> list[SourcedNote]:
    """An entry's caveats: its technique's, and (unless the figure is the user's
    own) its estimate's."""
    caveats = [entry.technique.caveat]
    if not entry.own_figure and entry.technique.in_use is not None:
        caveats.append(entry.technique.in_use.caveat)
    return [c for c in caveats if c is not None]


def caveat_notes(entry: Entry, name: str, lang: str, cite: Cite) -> list[Note]:
    """The sourced caveats of an entry: its technique's, and its estimate's
    (e.g. "includes avoided emissions"), each shown wherever the entry is; a
    long one with its first clause and where to read the rest (``summary``)."""
    notes = []
    for c in caveats_of(entry):
        text = c.text.get(lang).rstrip(".。")
        mark = cite(c.source)
        note = _note(
            "caveat",
            _("{name}: {text}{cite}.", lang, name=name, text=text, cite=mark),
            technique=entry.technique.id,
            source=c.source,
        )
        short = summary(entry.technique.id, name, c.text.en, text, lang)
        if short is not None:
            note["summary"] = short
        notes.append(note)
    return notes


def figures_text(analysis: Results, lang: str) -> str:
    """Whose figures and what they measure, in the kinds of potential their
    sources give: 'Figures: IPCC AR6 WGIII (2022): economic potential (...)'."""
    kinds = [
        e.technique.in_use.kind
        for e in analysis.result.portfolio.entries
        if not e.own_figure and e.technique.in_use is not None
    ]
    return catalog_figures_text(analysis.catalog, lang, kinds)


def catalog_figures_text(catalog: Catalog, lang: str, kinds: list[str] | None = None) -> str:
    """``figures_text`` for a catalog under an assessment and a potential; ``kinds``:
    those of the figures in use (default: every technique's in the catalog)."""
    assessment = catalog.assessments.get(catalog.assessment or "")
    if kinds is None:
        kinds = [t.in_use.kind for t in catalog.techniques.values() if t.in_use is not None]
    measure = assessment.measures(catalog.potential) if assessment is not None else None
    if assessment is None or measure is None:
        return _("Figures: {kinds}.", lang, kinds=kinds_phrase(kinds, lang))
    return _(
        "Figures: {assessment}: {measure}.",
        lang,
        assessment=assessment.name.get(lang),
        measure=measure.get(lang),
    )


def compare_notes(
    rows: list[tuple[str, str, dict[str, Any]]],
    lang: str,
    *,
    central_sum: bool = False,
    figures: bool = False,
) -> list[Note]:
    """The notes under rows side by side, from each row's portfolio document
    (``rows``: each row's key, label and document): a note every row has is said
    once; one that only some rows have is said with their labels (and lists their
    keys, which no language changes, in ``rows``). A scoped reference's note names
    the entries it is compared with (the subtotals are in the table). What the figures
    are is in each row's own columns (``figures``: in a note, where every row's are
    the same). With ``central_sum``, what a sum of centrals is."""
    found: dict[str, tuple[Note, list[tuple[str, str]]]] = {}
    for key, label, doc in rows:
        names = {e["technique"]: name_in(e["name"], lang) for e in doc["entries"]}
        scoped = {c["reference"]: c for c in doc["comparisons"]}
        for note in doc["warnings"]:
            if (note["code"] == "figures" and not figures) or note["code"] in ("land", "region"):
                continue  # what the figures are is in each row's own columns; no land table here
            if note["code"] == "reference-scope" and note.get("reference") in scoped:
                note = {**note, "message": compare_scope_text(scoped[note["reference"]], names, lang)}
            found.setdefault(note["message"], (note, []))[1].append((key, label))
    from nbscdr_cli.api.region_notes import compare_region_notes  # (a run for no region loads none)

    out = compare_region_notes(rows, lang)  # what each region's figures are, said once
    for message, (note, named) in found.items():
        extra: dict[str, Any] = {}
        if len(named) < len(rows):
            labels = [label for _key, label in named]
            message = _("[{rows}] {message}", lang, rows=join_names(labels, lang), message=message)
            extra["for_rows"] = [key for key, _label in named]  # a note of some rows: on their labels
        out.append({**note, "message": message, "rows": [key for key, _label in named], **extra})
    if central_sum:
        out.append(
            _note(
                "central-sum",
                _(
                    "Sum of centrals adds the entries' central values (means or medians, as each source gives them): it is neither the mean nor the median of the total, and it is shown only where every entry has one.",
                    lang,
                ),
            )
        )
    out.sort(key=lambda n: n["code"] == "permanence")  # stable: the closing warning stays last
    return annotate(out)
