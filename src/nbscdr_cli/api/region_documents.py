"""The parts of a portfolio document for a country or region: which region and what
its sums run over (``region``), the land each measure needs as the SI gives it
(``land``), and on request each member country's figures (``countries``). Figures are
in the output unit, rounded as every document's (``number``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import number

if TYPE_CHECKING:
    from nbscdr_cli.api.regional import Geography
    from nbscdr_cli.compute.portfolio import Entry
    from nbscdr_cli.model.regions import Region
    from nbscdr_cli.model.units import Unit

OURS = "nbscdr's translation"  # where a Chinese name comes from when no maintained source gives one


def region_summary(region: Region, names_source: str) -> dict[str, Any]:
    """A region as the documents name it: code, kind, name in both languages and where
    the names come from, how many members its sums run over and who is left out."""
    return {
        "code": region.code,
        "kind": region.kind,
        "name": region.name.as_dict(),
        "grouping": region.kind if ":" in region.code else None,
        "members": len(region.members),
        "left_out": list(region.left_out),
        "row": region.row,
        "names_source": (
            names_source
            if region.is_country
            else "Roe et al. (2021) SI (English); " + OURS + " (Chinese)"
            if region.translated
            else OURS + " (Chinese)"
        ),
    }


def region_document(
    geography: Geography, entries: tuple[Entry, ...], unit: Unit, lang: str
) -> dict[str, Any]:
    """The region, and for each entry how many members have a figure."""
    doc = region_summary(geography.region, geography.names_source)
    doc["label"] = geography.region.label(lang)
    doc["counted"] = {
        e.technique.id: len(geography.sums[e.technique.id].counted)
        for e in entries
        if not e.own_figure and e.technique.id in geography.sums
    }
    doc["omitted_references"] = [r.id for r in geography.omitted]
    return doc


def land_document(geography: Geography, entries: tuple[Entry, ...], lang: str) -> list[dict[str, Any]]:
    """Each entry's land, per SI measure, where the SI gives an area: hectares per year
    ("ha/yr") or in total ("ha total"), as the SI gives them for the whole potential
    (a share of it is not applied to its land). Never added up across measures."""
    rows = []
    for e in entries:
        summed = None if e.own_figure else geography.sums.get(e.technique.id)
        if summed is None:
            continue
        for area in summed.areas:
            part = area.measure.part
            rows.append(
                {
                    "technique": e.technique.id,
                    "name": e.technique.name.as_dict(),
                    "part": None if part is None else {"en": part, "zh": _(part, "zh")},
                    "hectares": number(area.hectares),
                    "unit": area.unit,
                    "counted": area.counted,
                    "share": number(e.share),
                }
            )
    return rows


def countries_document(
    geography: Geography, entries: tuple[Entry, ...], unit: Unit, lang: str, names: Any
) -> list[dict[str, Any]]:
    """Each member country's figures for each entry (shares applied; an entry of the
    user's own figure has none), with their total, in the output unit. ``names``: the
    SI's countries (``Regions.countries``)."""
    from nbscdr_cli.compute.geography import add

    f = unit.factor * 1e3  # the SI's Mt -> the output unit
    rows = []
    for iso3 in geography.region.members:
        found = []
        cells = []
        for e in entries:
            summed = None if e.own_figure else geography.sums.get(e.technique.id)
            figure = None if summed is None else summed.per_country.get(iso3)
            if figure is None:
                continue
            figure = figure.scaled(e.share)
            found.append(figure)
            cells.append(
                {
                    "technique": e.technique.id,
                    "low": number(figure.low / f),
                    "high": number(figure.high / f),
                    "central": number(figure.central / f),
                }
            )
        if not cells:
            continue
        total = add(found)
        country = names[iso3]
        rows.append(
            {
                "iso3": iso3,
                "name": country.local_name.as_dict(),
                "entries": cells,
                "total": {
                    "low": number(total.low / f),
                    "high": number(total.high / f),
                    "central": number(total.central / f),
                },
            }
        )
    return rows


def regions_document(by: str | None = None) -> dict[str, Any]:
    """What a region can be (`nbscdr regions`): World and every AR6 region of the SI
    with its members, or (``by`` "country") every country with its names and regions,
    or the regions of one grouping."""
    from nbscdr_cli.base.version import __version__
    from nbscdr_cli.io.roe2021 import load_roe2021
    from nbscdr_cli.model.regions import GROUPINGS, WORLD

    data = load_roe2021()
    regions = data.regions
    doc: dict[str, Any] = {"nbscdr_version": __version__, "by": by or "region"}
    if by == "country":
        doc["countries"] = [
            {
                "iso3": c.iso3,
                "name": c.local_name.as_dict(),
                "name_si": c.name,
                **dict(c.regions),
                "historic": c.iso3 in regions.region(WORLD).left_out,
            }
            for c in regions.countries.values()
        ]
        doc["names_source"] = data.names_source
        return doc
    groupings = GROUPINGS if by is None else (by,)
    listed = [] if by is not None else [regions.region(WORLD)]
    for grouping in groupings:
        listed += regions.groups(grouping)
    doc["regions"] = [region_summary(r, data.names_source) for r in listed]
    return doc
