"""The catalog for a country or region: Roe et al. (2021)'s figures summed over the
region's members, as the roe2021 assessment's estimates, and what the outputs say about
them (``Geography``).

A run asks for a region (``Request.region``) or for the roe2021 assessment (then the
region is the world: the sum over every country of the SI). Only Roe et al. give figures
by country: a region with another assessment is refused, and no global figure ever
stands in for a country's (no ``fallback``). ``--region World`` with a global
assessment is that assessment's global figures, as without a region.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from nbscdr_cli.base.i18n import _
from nbscdr_cli.model.catalog import Catalog, Estimate, LocalText, Note, Part, Reference, RemovalRange
from nbscdr_cli.model.errors import InputError, UsageError
from nbscdr_cli.model.regions import WORLD, Region
from nbscdr_cli.model.roe2021 import AVERAGE, BY_TECHNIQUE, ROE2021, SHEET, Mapped

if TYPE_CHECKING:
    from nbscdr_cli.compute.geography import Summed
    from nbscdr_cli.model.roe2021 import RoeData

MT = 1e-3  # Mt -> Gt: the SI's figures are in Mt CO2/yr or Mt CO2e/yr
UNITS = {"MtCO2/yr": "Mt CO2/yr", "MtCO2e/yr": "Mt CO2e/yr"}  # the SI's units, as nbscdr writes them


class Geography(NamedTuple):
    """What a run for a region used: the region, each technique's sums, and the
    references left out because they are for another place (a global reference with
    a country, say)."""

    region: Region
    sums: Mapping[str, Summed]  # technique id -> its sums over the region
    names_source: str  # where the country names come from
    omitted: tuple[Reference, ...] = ()
    per_country: bool = False  # each member's figures asked for (Request.countries)


def wants_region(region: str | None, assessment: str | None) -> bool:
    """Whether a run needs Roe et al.'s data: a region, or the roe2021 assessment."""
    return region is not None or (assessment or "").casefold() == ROE2021


def regional_view(
    base: Catalog,
    region: str | None,
    assessment: str | None,
    potential: str,
    *,
    fallback: bool = False,
) -> tuple[Catalog, Geography | None]:
    """``base`` with each technique's roe2021 estimate for ``region`` (None: the world)
    in use, and what was summed; for ``World`` under a global assessment, that
    assessment's catalog and no geography."""
    from nbscdr_cli.io.roe2021 import load_roe2021

    data = load_roe2021()
    found = data.regions.find(region or WORLD)
    if assessment is not None and assessment.casefold() != ROE2021:
        if found.is_world:
            return base.under(assessment, fallback=fallback, potential=potential), None
        if assessment in base.assessments or assessment.casefold() in base.assessments:
            name = base.assessments.get(assessment) or base.assessments[assessment.casefold()]
            raise UsageError(
                f"{name.name.en} ({assessment}) gives global figures only; figures for "
                f"{found.label('en')} come from Roe et al. (2021): leave out the assessment or give {ROE2021}",
                field="assessment",
            )
        base.under(assessment)  # an unknown id fails here, with its did-you-mean
    if ROE2021 not in base.assessments:
        raise InputError(
            f"this catalog defines no {ROE2021!r} assessment, which figures for a country or region need",
            field="region",
        )
    if fallback:
        raise UsageError(
            "a global figure never stands in for a country's or a region's: with a region, every "
            "figure is Roe et al. (2021)'s",
            field="fallback",
        )
    return _catalog(base, data, found, potential)


def _catalog(base: Catalog, data: RoeData, region: Region, potential: str) -> tuple[Catalog, Geography]:
    from nbscdr_cli.compute.geography import region_sum

    view = base.under(ROE2021, potential=potential)
    techniques = {}
    missing = {}
    sums = {}
    for tid, technique in (base.all_techniques or base.techniques).items():
        mapped = BY_TECHNIQUE.get(tid)
        summed = None if mapped is None else region_sum(data, tid, potential, region.members)
        if mapped is None or summed is None or not summed.counted:
            reason = (
                "Roe et al. (2021) give no figures for it by country"
                if mapped is None
                else f"Roe et al. (2021) give no figure for it in {region.label('en')}"
            )
            missing[tid] = technique._replace(
                estimates=(), no_estimate={ROE2021: Note(LocalText(reason), "Roe et al. (2021)")}
            )
            continue
        estimate = _estimate(data, mapped, summed, region, potential)
        techniques[tid] = technique._replace(estimates=(*technique.estimates, estimate)).using(estimate)
        sums[tid] = summed
    catalog = view._replace(techniques=techniques, without_estimate=missing)
    return catalog, Geography(region, sums, data.names_source)


def _estimate(data: RoeData, mapped: Mapped, summed: Summed, region: Region, potential: str) -> Estimate:
    """The roe2021 estimate of a technique for a region, in Gt CO2/yr as every
    estimate, in the SI's unit as written."""
    figure = summed.figure
    parts = tuple(
        Part(
            LocalText(m.part or m.measure, _(m.part, "zh") if m.part else None),
            RemovalRange(f.low * MT, f.high * MT, f.central * MT),
            figure_source(data, Mapped(mapped.technique, (m,)), potential, region, counted),
        )
        for m, f, counted in summed.parts
    )
    caveat = None
    if mapped.caveat is not None:
        caveat = Note(LocalText(mapped.caveat, _(mapped.caveat, "zh")), mapped.caveat_source or "")
    return Estimate(
        assessment=ROE2021,
        range=RemovalRange(figure.low * MT, figure.high * MT, figure.central * MT),
        unit=UNITS.get(summed.unit, summed.unit),
        unit_factor=MT,
        source=figure_source(data, mapped, potential, region, len(summed.counted)),
        potential=potential,
        caveat=caveat,
        parts=parts,
        computed=True,
    )


def figure_source(data: RoeData, mapped: Mapped, potential: str, region: Region, counted: int) -> str:
    """Where a figure comes from, to the SI's cells: "Roe et al. (2021), SI sheet '1.
    Sectoral mitigation-country', row 92 (China), 'A/R (average)' (Austin et al 2020,
    2015-2050; Busch 2019, 2020-2050), columns BF, BG, BH ('Cost-effective avg', 'min',
    'max'), MtCO2/yr"; for a region, the sum it is."""
    pieces = []
    for m in mapped.measures:
        central, low, high = (data.columns[c] for c in m.columns(potential))
        if m.block == AVERAGE:
            studies = "; ".join(f"{s}, {p}" for s, p in data.studies.get(f"{m.measure}/{AVERAGE}", ()))
            pieces.append(
                f"'{central.block}' ({studies}), columns {central.letter}, {low.letter}, {high.letter} "
                f"('{central.kind}', '{low.kind}', '{high.kind}'), {central.unit}"
            )
        else:
            pieces.append(
                f"'{central.block}' ({central.study}, {central.period}), column {central.letter} "
                f"('{central.kind}'), {central.unit}"
            )
    where = f"Roe et al. (2021), SI sheet '{SHEET}'"
    if region.is_country:
        where += f", row {region.row} ({region.name.en})"
    text = f"{where}, " + " and ".join(pieces)
    if not region.is_country:
        text += f"; summed over the {counted} of {len(region.members)} countries and territories of {region.label('en')} that have a figure"
    return text


def studies_of(data: RoeData, technique: str, potential: str) -> tuple[tuple[str, str], ...]:
    """The studies (with their periods) Roe et al. (2021) adapt a technique's figures
    from: both of a combined block, else each measure's one."""
    found: list[tuple[str, str]] = []
    for m in BY_TECHNIQUE[technique].measures:
        if m.block == AVERAGE:
            found += data.studies.get(f"{m.measure}/{AVERAGE}", ())
        else:
            column = data.columns[m.columns(potential)[0]]
            found.append((column.study or "", str(column.period)))
    return tuple(dict.fromkeys(found))
