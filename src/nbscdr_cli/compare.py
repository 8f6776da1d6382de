"""Side by side: one portfolio under several assessments, or several portfolios.

Each row is a full analysis (``analysis.analyse``), so a row's totals are exactly
what `nbscdr portfolio` prints for it. An assessment that has no estimate for one
of the portfolio's techniques gives a row with no totals and the missing
techniques named, unless ``fallback`` lets the default assessment stand in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from nbscdr_cli.analysis import Analysis, Options, analyse
from nbscdr_cli.catalog import Catalog, LocalText, normalise_name
from nbscdr_cli.spec import EntrySpec


class Row(NamedTuple):
    key: str  # assessment id or portfolio name
    label: LocalText
    analysis: Analysis | None  # None when techniques are missing
    missing: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()  # techniques using the default assessment's estimate


def missing_techniques(catalog: Catalog, specs: Sequence[EntrySpec]) -> tuple[str, ...]:
    """Ids of the specs' techniques that have no estimate in ``catalog``'s assessment
    (specs with the user's own figure need none)."""
    missing = []
    for spec in specs:
        tid = catalog.names.get(normalise_name(spec.technique))
        if tid is not None and tid in catalog.without_estimate and not spec.own_figure:
            missing.append(tid)
    return tuple(dict.fromkeys(missing))


def compare_assessments(
    catalog: Catalog,
    specs: Sequence[EntrySpec],
    assessments: Sequence[str],
    *,
    fallback: bool = False,
    name: str | None = None,
    options: Options | None = None,
) -> list[Row]:
    """One row per assessment for the same portfolio."""
    options = options or Options()
    rows = []
    for aid in assessments:
        view = catalog.under(aid, fallback=fallback)
        label = view.assessments[aid].name if aid in view.assessments else LocalText(aid)
        missing = missing_techniques(view, specs)
        if missing:
            rows.append(Row(aid, label, None, missing=missing))
            continue
        analysis = analyse(view, specs, name=name, options=options)
        used = tuple(e.technique.id for e in analysis.result.portfolio.entries if e.technique.fallback)
        rows.append(Row(aid, label, analysis, fallback=used))
    return rows


def compare_portfolios(
    catalog: Catalog,
    portfolios: Sequence[tuple[str, Sequence[EntrySpec]]],
    *,
    options: Options | None = None,
) -> list[Row]:
    """One row per portfolio (name, specs), all under the catalog's assessment."""
    options = options or Options()
    return [
        Row(name, LocalText(name), analyse(catalog, specs, name=name, options=options))
        for name, specs in portfolios
    ]
