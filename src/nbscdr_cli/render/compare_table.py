"""The table of ``nbscdr compare``: totals side by side, by assessment or by
portfolio file, with what each row measures, each reference against the entries
in its scope, and what each row lacks, borrows or only bounds from above."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import kind_phrase, unit_text
from nbscdr_cli.base.i18n import _, period_span
from nbscdr_cli.base.numbers import CAP, rounded, span
from nbscdr_cli.render.footnotes import Footnoted, Marker, footnoted, no_mark
from nbscdr_cli.render.tables import Grid, reference_label, with_unit
from nbscdr_cli.render.text import comparison_digits, relation_text, sampling_text


def compare_grid(doc: dict[str, Any], lang: str, mark: Marker = no_mark) -> Grid:
    """Totals side by side, with what each row measures, each reference against
    the entries in its scope, and each row's caveats."""
    unit = unit_text(doc["unit"], lang)
    title_mark = mark("table:compare")  # first: markers are numbered in reading order
    first = next((r for r in doc["rows"] if r["low"] is not None), None)
    refs = [reference_label(c, lang) for c in first["comparisons"]] if first else []
    ids = [c["reference"] for c in first["comparisons"]] if first else []
    # rows for different regions are compared with different references: one column
    # naming each row's own (issue 22)
    own = (
        len({tuple(c["reference"] for c in r["comparisons"]) for r in doc["rows"] if r["low"] is not None})
        > 1
    )
    if own:
        refs, ids = [_("its region's reference", lang)], [""]
    sampled = first.get("uncertainty") if first else None
    period = first.get("horizon") if first else None
    rows = []
    for row in doc["rows"]:
        name = name_in(row["name"], lang)
        label = name + (_(" ({text})", lang, text=row[doc["by"]]) if name != row[doc["by"]] else "")
        label += mark(f"row:{row[doc['by']]}")
        cells = [label, (row["measure"] or {}).get(lang, "") if row.get("measure") else ""]
        if row["low"] is None:
            cells += ["–"] * (2 + len(refs) + (period is not None) + (sampled is not None))
        else:
            show = rounded(row.get("significant_figures", CAP))
            cells.append(span(row["low"], row["high"], show))
            cells.append(show(row["central_sum"]) if row.get("central_sum") is not None else "–")
            relations = [
                relation_text(c, lang, c["in_scope"], c, comparison_digits(c)) for c in row["comparisons"]
            ]
            if own:
                labels = [
                    reference_label(c, lang)
                    + mark(f"reference:{c['reference']}@{row[doc['by']]}")  # this row's notes only
                    + _(": ", lang)
                    for c in row["comparisons"]
                ]
                relations = ["\n".join(a + b for a, b in zip(labels, relations, strict=True)) or "–"]
            cells += relations
            if period is not None:
                cells.append(
                    span(row["horizon"]["cumulative"]["low"], row["horizon"]["cumulative"]["high"], show)
                )
            if sampled is not None:
                cells.append(
                    span(
                        row["uncertainty"]["percentiles"]["5"], row["uncertainty"]["percentiles"]["95"], show
                    )
                )
        cells.append(row_notes(row, lang, doc.get("potential", "technical")))
        rows.append(cells)
    by = {"assessment": _("Assessment", lang), "region": _("Region", lang)}
    header = [
        by.get(doc["by"], _("Portfolio", lang)),
        _("Measures", lang),
        with_unit(_("Total", lang), unit),
    ]
    header.append(with_unit(_("Sum of centrals", lang) + mark("column:central-sum"), unit))
    header += [
        _("In scope, against {ref}", lang, ref=r) + (mark(f"reference:{i}") if i else "")
        for r, i in zip(refs, ids, strict=True)
    ]
    numeric = [False, False, True, True, *[False for _ in refs]]
    if period is not None:
        label = _("Cumulative {span}", lang, span=period_span(period["from"], period["to"], lang))
        header.append(with_unit(label, unit_text(period["unit"], lang)))
        numeric.append(True)
    if sampled is not None:
        header.append(with_unit("P5–P95", unit))
        numeric.append(True)
    header.append(_("Notes", lang))
    numeric.append(False)
    if not any(row[-1] for row in rows):  # no row has a note: no column for them
        header, numeric, rows = header[:-1], numeric[:-1], [row[:-1] for row in rows]
    if not any(row[1] for row in rows):  # no row says what it measures (regions: said in a note)
        header, numeric, rows = (
            [header[0], *header[2:]],
            [numeric[0], *numeric[2:]],
            [[r[0], *r[2:]] for r in rows],
        )
    titles = {
        "assessment": _("Totals by assessment: every low and every high added", lang),
        "region": _("Totals by region: every low and every high added", lang),
    }
    title = titles.get(doc["by"], _("Totals by portfolio: every low and every high added", lang))
    if doc["by"] == "region" and doc.get("assessment_name"):  # the kind of potential and whose (issue 22)
        title = _(
            "Totals by region ({potential}, {assessment}): every low and every high added",
            lang,
            potential=kind_phrase(doc.get("potential", "technical"), lang),
            assessment=name_in(doc["assessment_name"], lang),
        )
    if sampled is not None:
        title += _("; ", lang) + "P5–P95" + _(": ", lang) + sampling_text(sampled, lang)
    return Grid(title + title_mark, header, rows, numeric, key="compare")


def row_notes(row: dict[str, Any], lang: str, potential: str = "technical") -> str:
    """What a compare row lacks, borrows or only bounds from above (names, not ids)."""
    names = {e["technique"]: name_in(e["name"], lang) for e in row.get("entries", [])}
    sep = _(", ", lang)

    def named(ids: list[str]) -> str:
        return sep.join(names.get(i, i) for i in ids)

    parts = []
    if row.get("missing"):
        missing = sep.join([name_in(n, lang) for n in row.get("missing_names", [])] or row["missing"])
        if potential == "economic":
            parts.append(_("no economic potential for {names}", lang, names=missing))
        else:
            parts.append(_("no estimate for {names}", lang, names=missing))
    if row.get("fallback"):
        parts.append(_("default estimate for {names}", lang, names=named(row["fallback"])))
    if row.get("up_to"):
        parts.append(_("only an upper bound for {names}", lang, names=named(row["up_to"])))
    return _("; ", lang).join(parts)


def marked_compare(doc: dict[str, Any], lang: str, notes: str, superscript: bool) -> Footnoted:
    """The compare table with its notes at ``notes``, each tied by its marker to the
    cells it qualifies (the same for the terminal and Markdown)."""
    rows = [r for r in doc["rows"] if r.get("entries")]
    names = {e["technique"]: name_in(e["name"], lang) for r in rows for e in r["entries"]}
    return footnoted(
        lambda mark: compare_grid(doc, lang, mark),
        doc.get("warnings", []),
        notes,
        lang,
        superscript=superscript,
        names=names,
    )
