"""What a chart shows, whatever draws it: the bars (each entry, the total, and for
each reference the subtotal in its scope beside the reference's own range) with
their marks, the key to the signs on them (not removals alone, pairs that may
double count), and the sources tied to what they support. ``chart.py`` draws
them with matplotlib, ``chart_text.py`` in a terminal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import join_scopes, kind_label
from nbscdr_cli.base.i18n import N_, _
from nbscdr_cli.base.numbers import derived, span
from nbscdr_cli.render.tables import reference_label
from nbscdr_cli.render.text import (
    assessment_label,
    entry_show,
    reference_range,
    removal_alone,
    subtotal_range,
    total_show,
)

if TYPE_CHECKING:
    pass


NOT_REMOVAL_ALONE = "†"  # a figure that is not a removal of CO2 alone
DOUBLE_COUNT = "‡"  # followed by the pair's number: two bars that may count the same carbon


class Bar(NamedTuple):
    """One bar: an entry, the total, the subtotal a scoped reference is compared
    with, or a reference's range. ``figure`` is the range as the bar is labelled;
    ``marks`` say what the range is (a share of an estimate, the user's own
    figure); ``signs`` tie it to the key under the chart (not removals alone,
    a pair that may double count)."""

    label: str
    low: float
    high: float
    up_to: bool  # no lower bound given: the low end counts as 0
    kind: str  # "entry", "total", "in-scope" or "reference"
    figure: str
    marks: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    reference: int = -1  # for "reference" bars: which comparison

    def caption(self, lang: str) -> str:
        """'0.9–2.4 (50% of its range) †': the figure, its marks and signs."""
        text = self.figure
        if self.marks:
            text += _(" ({text})", lang, text=_join(self.marks, lang))
        return text + "".join(" " + sign for sign in self.signs)


def _join(parts: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(parts)


def entry_marks(entry: dict[str, Any], lang: str) -> tuple[str, ...]:
    """What an entry's bar says about its figure besides the range: a share of
    the estimate, the user's own figure, an estimate standing in from another
    assessment."""
    marks = []
    if entry["own_figure"]:
        marks.append(_("own figure", lang))
    if entry["share"] != 1:
        marks.append(_("{share}% of its range", lang, share=derived(entry["share"] * 100)))
    if entry.get("fallback"):
        marks.append(_("figure from {assessment}", lang, assessment=assessment_label(entry, lang)))
    return tuple(marks)


def double_counting(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """The pairs of entries that may count the same carbon (the document's
    double-counting notes), in order: pair k is marked ‡k on both bars."""
    present = {e["technique"] for e in doc["entries"]}
    pairs = []
    for note in doc.get("warnings", []):
        if note["code"] == "double-counting" and set(note["techniques"]) <= present:
            a, b = note["techniques"]
            pairs.append((a, b))
    return pairs


class NoteSigns(NamedTuple):
    """The marks of a document's own notes, where the chart stands beside them
    (the brief's tables number their notes ¹ ² …): each pair that may double
    count by its techniques, each entry that is not removals alone by its
    technique. A pair or entry without one keeps the chart's own sign."""

    pairs: dict[frozenset[str], str]
    not_alone: dict[str, str]


def note_signs(signs: Sequence[tuple[dict[str, Any], str]]) -> NoteSigns:
    """The marks the brief gave its notes, for the chart beside them: each
    double-counting note's for its pair, and for each entry the first note on
    what its figure counts (CO2e, or a caveat on it) for its not being removals
    alone."""
    pairs: dict[frozenset[str], str] = {}
    not_alone: dict[str, str] = {}
    for note, sign in signs:
        if note["code"] == "double-counting":
            pairs.setdefault(frozenset(note["techniques"]), sign)
        elif note["code"] in ("co2e", "caveat"):
            for anchor in note.get("anchors", ()):
                if anchor.startswith("entry:"):
                    not_alone.setdefault(anchor.removeprefix("entry:"), sign)
    return NoteSigns(pairs, not_alone)


def not_alone(entry: dict[str, Any]) -> bool:
    """Whether an entry's figure is, or may be, more than a removal of CO2: one
    the data says counts more, or one in CO2e whose data does not say what it
    counts (``co2e_unstated``, set by ``chart.mark_unstated``)."""
    return not removal_alone(entry) or bool(entry.get("co2e_unstated"))


def alone_signs(entries: Sequence[dict[str, Any]], noted: NoteSigns | None = None) -> tuple[str, ...]:
    """The signs of the entries that are not (or may not be) removals alone: on
    their bars, and on the total or subtotal they are part of."""
    signs = [
        noted.not_alone.get(e["technique"], NOT_REMOVAL_ALONE) if noted else NOT_REMOVAL_ALONE
        for e in entries
        if not_alone(e)
    ]
    return tuple(sorted(dict.fromkeys(signs), key=_in_order))


def entry_signs(
    entry: dict[str, Any], pairs: list[tuple[str, str]], noted: NoteSigns | None = None
) -> tuple[str, ...]:
    tech = entry["technique"]
    signs = list(alone_signs([entry], noted))
    for k, pair in enumerate(pairs, start=1):
        if tech in pair:
            own = noted.pairs.get(frozenset(pair)) if noted else None
            signs.append(own or f"{DOUBLE_COUNT}{k}")
    return tuple(sorted(dict.fromkeys(signs), key=_in_order))


_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _in_order(sign: str) -> int:
    """A note's mark by its number (¹ before ³); the chart's own signs after."""
    number = sign.translate(_DIGITS)
    return int(number) if number.isdigit() else 1_000_000


def in_scope_label(c: dict[str, Any], lang: str) -> str:
    """The subtotal a scoped reference is compared with, named as the portfolio's
    first: 'This portfolio within UNEP estimate's scope (forests, wetlands, soils)'."""
    return _(
        "This portfolio within the scope of {ref} ({scope})",
        lang,
        ref=reference_label(c, lang),
        scope=join_scopes(c["scope"], lang),
    )


def reference_bar_label(c: dict[str, Any], lang: str) -> str:
    """A reference's bar: 'UNEP estimate (potential)'."""
    return _("{ref} ({kind})", lang, ref=reference_label(c, lang), kind=kind_label(c["kind"], lang))


def bars(doc: dict[str, Any], lang: str, use_names: bool = True, noted: NoteSigns | None = None) -> list[Bar]:
    """Each entry, the total, then each reference compared with the whole
    portfolio right under the total, then each reference compared with the
    subtotal in its scope (where its scope leaves entries out) right under that
    subtotal: each figure stands next to what it is compared with."""
    pairs = double_counting(doc)
    out = [
        Bar(
            name_in(e["name"], lang) if use_names else e["technique"],
            e["low"],
            e["high"],
            e["up_to"],
            "entry",
            span(e["low"], e["high"], entry_show(e)),
            entry_marks(e, lang),
            entry_signs(e, pairs, noted),
        )
        for e in doc["entries"]
    ]
    total = doc["total"]
    out.append(
        Bar(
            _("Total", lang),
            total["low"],
            total["high"],
            False,
            "total",
            span(total["low"], total["high"], total_show(doc)),
            signs=alone_signs(doc["entries"], noted),  # it adds up what its parts count
        )
    )
    # a reference compared with the whole portfolio goes right under the total; one
    # compared with a subtotal, under that subtotal (issue 20: never under another's bar)
    whole = [i for i, c in enumerate(doc["comparisons"]) if not _has_subtotal(c)]
    scoped = [i for i, c in enumerate(doc["comparisons"]) if _has_subtotal(c)]
    for i in whole + scoped:
        c = doc["comparisons"][i]
        inside = c["in_scope"]
        if _has_subtotal(c):
            out.append(
                Bar(
                    in_scope_label(c, lang),
                    inside["low"],
                    inside["high"],
                    False,
                    "in-scope",
                    subtotal_range(inside),
                    signs=alone_signs(
                        [e for e in doc["entries"] if e["technique"] in inside["techniques"]], noted
                    ),
                )
            )
        out.append(
            Bar(
                reference_bar_label(c, lang),
                c["low"],
                c["high"],
                False,
                "reference",
                reference_range(c),
                reference=i,
            )
        )
    return out


def _has_subtotal(c: dict[str, Any]) -> bool:
    """Whether a reference is compared with a subtotal of its own (its scope
    leaves some entries out, and takes some in), not with the total."""
    return bool(c["out_of_scope"] and c["in_scope"]["techniques"])


def signs_key(
    doc: dict[str, Any],
    lang: str,
    use_names: bool = True,
    *,
    compact: bool = False,
    noted: NoteSigns | None = None,
) -> list[str]:
    """What the signs on the bars mean, one line each ('† not removals alone: ...',
    '‡1 Restoring wetlands and Afforestation and reforestation may count the same
    carbon'); ``compact`` (beside the brief's caveats, which name each pair): the
    pairs in one line."""
    names = {
        e["technique"]: name_in(e["name"], lang) if use_names else e["technique"] for e in doc["entries"]
    }
    lines = []
    pairs = double_counting(doc)
    mixed = [e for e in doc["entries"] if not removal_alone(e)]
    unstated = [e for e in doc["entries"] if removal_alone(e) and e.get("co2e_unstated")]
    if noted is not None:  # beside the brief's notes: their marks, and the notes say the rest
        alone = list(alone_signs(mixed + unstated, noted))
        if alone:
            key = (
                N_("{signs}: not removals alone (the caveats say what each figure counts)")
                if mixed
                else N_("{signs}: may not be removals alone (the caveats say what each figure counts)")
            )
            lines.append(_(key, lang, signs=" ".join(alone)))
        shared = list(dict.fromkeys(s for e in doc["entries"] for s in entry_signs(e, pairs, noted)))
        shared = [s for s in shared if s not in alone]
        if shared:
            lines.append(
                _(
                    "{signs}: pairs that may count the same carbon (the caveats say why)",
                    lang,
                    signs=" ".join(shared),
                )
            )
        return lines
    if mixed:
        lines.append(
            NOT_REMOVAL_ALONE
            + " "
            + _("not removals alone: the figure also counts avoided emissions or emissions reductions", lang)
        )
    if unstated:  # Roe et al.'s figures in CO2e, say: the data does not say what they count
        lines.append(
            NOT_REMOVAL_ALONE
            + " "
            + _(
                "may not be removals alone: given in CO2e, and the data does not say what the figure counts",
                lang,
            )
        )
    if compact and pairs:
        signs = " ".join(f"{DOUBLE_COUNT}{k}" for k in range(1, len(pairs) + 1))
        lines.append(
            _("{signs}: pairs that may count the same carbon (the caveats say why)", lang, signs=signs)
        )
        return lines
    for k, (a, b) in enumerate(pairs, start=1):
        lines.append(
            f"{DOUBLE_COUNT}{k} "
            + _("{a} and {b} may count the same carbon", lang, a=names.get(a, a), b=names.get(b, b))
        )
    return lines


def band_label(c: dict[str, Any], lang: str, unit: str, *, compact: bool = False) -> str:
    """A reference bar as the legend names it: what it is, what it measures,
    what it covers, its range and unit; ``compact`` (where the bars' names say
    what it measures and covers): its range and unit."""
    if compact:
        return _(
            "{ref}: {range} {unit}", lang, ref=reference_label(c, lang), range=reference_range(c), unit=unit
        )
    values = {
        "ref": reference_label(c, lang),
        "kind": kind_label(c["kind"], lang),
        "range": reference_range(c),
        "unit": unit,
    }
    if c["scope"]:
        return _(
            "{ref} ({kind}, covers {scope}): {range} {unit}",
            lang,
            scope=join_scopes(c["scope"], lang),
            **values,
        )
    return _("{ref} ({kind}): {range} {unit}", lang, **values)


def co2(label: str) -> str:
    """CO₂ with its subscript (DejaVu Sans, always among the chart's fonts, has it)."""
    return re.sub(r"CO2(?![0-9])", "CO₂", label)
