"""How nbscdr reads Roe et al. (2021): which of the SI's 20 measures are removals,
which technique each one gives its figures to, and what each figure includes.

The SI classifies every measure (sheet "1. Sectoral mitigation-country", row 6). Its
"Restore" measures (afforestation and reforestation, peatland restoration, coastal
wetland (mangrove) restoration) and "Sequester carbon" measures (soil carbon in
croplands and in grasslands, agroforestry, biochar) remove CO2 and are mapped below; so
is forest management, a "Manage" measure that AR6 counts as both removal and avoided
emissions (said with its figures). BECCS ("Bioenergy - BECCS") is not nature-based;
"Protect", "Reduce emissions", "Demand-side" measures and grassland fire management are
avoided emissions: none of them is in any removal total here.

Where the SI combines two studies (A/R: Austin et al. 2020, global, and Busch 2019,
tropics; forest management: Austin et al. 2020 and Griscom 2020 from Ellis 2019, tropics)
its "(average)" block gives their average with the lower and the higher of the two; that
block is used. Column ids are those of data/roe2021.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from nbscdr_cli.base.i18n import N_
from nbscdr_cli.model.regions import Regions

ROE2021 = "roe2021"
AVERAGE = "average"  # the block combining two studies
# the SI's word for each potential, as in its column ids
KINDS = {"technical": "technical", "economic": "cost-effective"}
SHEET = "1. Sectoral mitigation-country"


class Measure(NamedTuple):
    """One SI measure a technique takes its figures from, and the block used."""

    measure: str  # measure id in data/roe2021.json
    block: str  # block id: "average", or the one study's
    part: str | None = None  # the part of the technique it is (soil carbon: croplands), N_-marked

    def columns(self, potential: str) -> tuple[str, str, str]:
        """The column ids of its central value, low and high for ``potential``: the
        average, min and max of a combined block; one study's figure thrice."""
        kind = KINDS[potential]
        stem = f"{self.measure}/{self.block}/{kind}"
        if self.block == AVERAGE:
            return f"{stem}-avg", f"{stem}-min", f"{stem}-max"
        return stem, stem, stem

    def area_column(self, potential: str) -> str:
        return f"{self.measure}/{self.block}/{KINDS[potential]}-ha"


class Mapped(NamedTuple):
    """A technique's figures from the SI: the measures they add up, and what they
    include (a caveat with its source, N_-marked for translation)."""

    technique: str
    measures: tuple[Measure, ...]
    caveat: str | None = None
    caveat_source: str | None = None


MANAGE_CAVEAT = N_(
    "Roe et al. (2021) class forest management as a measure to manage forests, and AR6 counts improved forest management as both CDR and emissions reduction: not removals alone."
)
PEATLAND_CAVEAT = N_(
    "Given in CO2e: restoring peatlands both increases the carbon in vegetation and soils and avoids ongoing CO2 emissions, so the figure is not removals alone."
)
MANGROVE_CAVEAT = N_(
    "Mangrove restoration in the tropics only; AR6 estimates that about 80% of the restoration potential of peatlands and coastal wetlands is CDR: not removals alone."
)

MAPPINGS: tuple[Mapped, ...] = (
    Mapped("afforestation", (Measure("afforestation-and-reforestation", AVERAGE),)),
    Mapped(
        "improved-forest-management",
        (Measure("forest-management", AVERAGE),),
        MANAGE_CAVEAT,
        f"Roe et al. (2021), SI sheet '{SHEET}', classification 'Forests & other ecosystems - Manage'; "
        "IPCC (2022), AR6 WGIII, Chapter 12, section 12.3.2 (improved forest management: both CDR and "
        "emissions reduction)",
    ),
    Mapped(
        "peatland-restoration",
        (Measure("peatland-restoration", "humpenoder-2020"),),
        PEATLAND_CAVEAT,
        'IPCC (2022), AR6 WGIII, Chapter 7, section 7.4.2.7: peatland restoration "both increases carbon '
        'accumulation in vegetation and soils and avoids ongoing CO2 emissions"',
    ),
    Mapped(
        "coastal-wetland-restoration",
        (Measure("coastal-wetland-mangrove-restoration", "griscom-2020-from-ellis-2019"),),
        MANGROVE_CAVEAT,
        f"Roe et al. (2021), SI sheet '{SHEET}': 'Coastal wetland (mangrove) restoration (tropics)'; "
        "IPCC (2022), AR6 WGIII, Chapter 12, section 12.3.2: peatland and coastal wetland restoration, "
        '"an estimated 80% of the potential being CDR"',
    ),
    Mapped(
        "soil-carbon",
        (
            Measure("soil-carbon-croplands", "soils-revealed-2020", N_("croplands")),
            Measure("soil-carbon-grasslands", "soils-revealed-2020", N_("grasslands")),
        ),
    ),
    Mapped("agroforestry", (Measure("agroforestry", "chapman-2020"),)),
    Mapped("biochar", (Measure("biochar", "griscom-2017"),)),
)
BY_TECHNIQUE = {m.technique: m for m in MAPPINGS}


class Column(NamedTuple):
    """A column of the SI's sheet, with its header words as the SI gives them."""

    id: str
    position: int  # where it is in each country's values
    letter: str  # the sheet's column, e.g. "BF"
    block: str  # the block's name (row 2), e.g. "A/R (average)"
    study: str | None  # the study it is adapted from (row 3); None in an average block
    period: str | None  # row 4, e.g. "2020-2050"
    kind: str  # row 9, e.g. "Cost-effective avg"
    unit: str  # row 10, e.g. "MtCO2/yr", "ha/yr", "ha total"


class RoeData(NamedTuple):
    """The SI's countries and their figures."""

    regions: Regions
    columns: Mapping[str, Column]  # column id -> column
    values: Mapping[str, tuple[float | None, ...]]  # ISO3 -> the row's values, by Column.index
    studies: Mapping[str, tuple[tuple[str, str], ...]]  # "measure/average" -> (study, period) combined
    citation: str
    names_source: str  # where the country names come from (CLDR version)

    def value(self, iso3: str, column: str) -> float | None:
        return self.values[iso3][self.columns[column].position]
