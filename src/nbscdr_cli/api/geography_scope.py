"""Geography is part of a reference's scope: a global reference (UNEP's 4–12 Gt, AR6's
scenarios) is never compared with a country's or a region's figures, and a reference for
one region (AR6's A/R economic potential in Africa) only with figures for that region,
of the techniques it covers, of the potential it is. The world (the sum over every
country of Roe et al.'s SI) is global in extent: global references apply to it.

By default, the references that do not apply are left out, and the ones left out for
being global are named in a note; asked for by name, one that does not apply is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from nbscdr_cli.model.errors import UsageError

if TYPE_CHECKING:
    from nbscdr_cli.api.regional import Geography
    from nbscdr_cli.model.catalog import Catalog, Reference
    from nbscdr_cli.model.regions import Region


def choose_references(
    catalog: Catalog,
    ids: Sequence[str] | None,
    geography: Geography | None,
    techniques: Sequence[str],
    *,
    period: tuple[int, int] | None,
) -> tuple[tuple[Reference, ...], tuple[Reference, ...]]:
    """The references to compare with (``ids``, else the catalog's default ones that
    apply here; a cumulative amount only over its own years, the ``period``'s), and the
    default ones left out for being global (with a country or a region)."""
    omitted: tuple[Reference, ...] = ()
    if ids is None:
        candidates = [
            r
            for r in catalog.references.values()
            if r.default and (not r.cumulative or (period is not None and r.years == period))
        ]
        chosen, omitted = default_references(candidates, geography, catalog.potential, techniques)
        ids = [r.id for r in chosen]
        found = chosen
    else:
        found = tuple(catalog.reference(r, field="references") for r in dict.fromkeys(ids))
        check_asked(found, geography, catalog.potential)
    if period is None:
        amounts = [r.id for r in found if r.cumulative]
        if amounts:  # compared with nothing: an option without effect
            raise UsageError(
                f"{', '.join(amounts)}: a cumulative amount, compared only with the total over a period",
                field="references",
                remedy=(("horizon.start", "horizon.end"), "to give one"),
            )
    return tuple(found), omitted


def _region(geography: Geography | None) -> Region | None:
    return None if geography is None else geography.region


def default_references(
    candidates: Sequence[Reference], geography: Geography | None, potential: str, techniques: Sequence[str]
) -> tuple[tuple[Reference, ...], tuple[Reference, ...]]:
    """Of the default references, those to compare with and the global ones left out
    (for a country or a region). A reference for a region is compared where the
    portfolio is for that region, of its potential, and holds one of its techniques."""
    region = _region(geography)
    regional = region is not None and not region.is_world
    chosen: list[Reference] = []
    omitted: list[Reference] = []
    for r in candidates:
        if r.region is None:
            (omitted if regional else chosen).append(r)
        elif (
            region is not None
            and r.region == region.code
            and (r.potential is None or r.potential == potential)
            and (not r.techniques or any(t in r.techniques for t in techniques))
        ):
            chosen.append(r)
    return tuple(chosen), tuple(omitted)


def check_asked(found: Sequence[Reference], geography: Geography | None, potential: str) -> None:
    """Refuse a reference asked for by name that is for another place or potential."""
    region = _region(geography)
    for r in found:
        if r.region is None and region is not None and not region.is_world:
            raise UsageError(
                f"{r.id} is a global figure: it is never compared with figures for {region.label('en')}",
                field="references",
            )
        if r.region is not None and (region is None or r.region != region.code):
            place = r.region.partition(":")[2] or r.region
            raise UsageError(
                f"{r.id} is a figure for {place}: it is compared only with figures for that region "
                f"(give the region {r.region!r})",
                field="references",
            )
        if r.potential is not None and r.potential != potential:
            article = "an" if r.potential[0] in "aeiou" else "a"
            raise UsageError(
                f"{r.id} is {article} {r.potential} potential: it is compared only with {r.potential} potentials",
                field="references",
                remedy=("potential", r.potential),
            )
