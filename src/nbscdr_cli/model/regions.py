"""Countries and regions: who is in a region, what it is called, and finding one
by what a user types.

A region is one of:

- a country or territory of Roe et al. (2021) by its ISO3 code (``CHN``), its name as
  the SI gives it, or its CLDR name in English or Chinese (``China``, ``中国``);
- an AR6 region by one of the SI's four keys: ``region_ar6_5`` (5 regions),
  ``region_ar6_10``, ``region_ar6_22`` (21 names) and ``region_ar6_dev`` (developed,
  developing, ldc), by its name (``Eastern Asia``) or qualified by its key
  (``region_ar6_10:Eastern Asia``); a name two keys share names the same countries
  there, and resolves to the coarser key;
- ``World``: every country and territory of the SI.

A region's figure is the sum over its members. Two entities of the SI are historic and
overlap today's countries, which the SI also lists (``HISTORIC``): Serbia and Montenegro
(SCG, whose figures repeat Montenegro's in places) and the Netherlands Antilles (ANT). They
are left out of every region's sum (``Region.left_out`` says so) and can still be asked for
by themselves.

Country names come from the SI and from CLDR (via the derived data file). The AR6 region
names are the SI's; no maintained source gives them in Chinese, so their Chinese names
are nbscdr's translations (``N_`` below, in the message catalog), marked as ours wherever
they are shown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from nbscdr_cli.base.i18n import N_, _
from nbscdr_cli.model.errors import InputError, cut
from nbscdr_cli.model.names import did_you_mean
from nbscdr_cli.model.sources import LocalText

WORLD = N_("World")
GROUPINGS = ("region_ar6_5", "region_ar6_10", "region_ar6_22", "region_ar6_dev")
# Historic entities that overlap today's countries the SI also lists: left out of sums.
HISTORIC: Mapping[str, tuple[str, ...]] = {"SCG": ("SRB", "MNE"), "ANT": ("CUW", "SXM", "BES")}

# What each grouping is, as a label after a region's name.
GROUPING_LABELS = {
    "region_ar6_5": N_("AR6, 5 regions"),
    "region_ar6_10": N_("AR6, 10 regions"),
    "region_ar6_22": N_("AR6, 22 regions"),
    "region_ar6_dev": N_("AR6, development status"),
}
# The SI's region_ar6_dev values as a reader sees them (the keys are the SI's words).
DEV_NAMES = {"developed": N_("developed"), "developing": N_("developing"), "ldc": N_("least developed (ldc)")}
# Every AR6 region name of the SI, marked for the message catalog: their Chinese names
# are nbscdr's translations (no maintained source gives them).
AR6_NAMES = (
    N_("Africa and Middle East"),
    N_("Asia and developing Pacific"),
    N_("Developed Countries"),
    N_("Eastern Europe and West-Central Asia"),
    N_("Latin America and Caribbean"),
    N_("Africa"),
    N_("Asia-Pacific Developed"),
    N_("Eastern Asia"),
    N_("Eurasia"),
    N_("Europe"),
    N_("Middle East"),
    N_("North America"),
    N_("South-East Asia and developing Pacific"),
    N_("Southern Asia"),
    N_("Asia-Pacific Developed (others)"),
    N_("Australia & New Zealand"),
    N_("Caribbean"),
    N_("Developing Pacific"),
    N_("Eastern Africa"),
    N_("Greenland, Bermuda + others"),
    N_("India & Sri Lanka"),
    N_("Meso America"),
    N_("North Africa"),
    N_("Northern and western Europe"),
    N_("Rest of Southern Asia"),
    N_("South America"),
    N_("South-East Asia"),
    N_("Southern Europe and eastern European Union"),
    N_("Southern and eastern Europe"),
    N_("Southern and middle Africa"),
    N_("USA & Canada"),
    N_("Western Africa"),
)


class Country(NamedTuple):
    """A country or territory of the SI: its ISO3 code, its row in the SI's sheet, its
    name as the SI gives it, CLDR's English and Chinese names (None where CLDR maps the
    code to no one territory), and its AR6 region under each grouping."""

    iso3: str
    row: int
    name: str
    name_en: str | None
    name_zh: str | None
    regions: Mapping[str, str]  # grouping -> region name

    @property
    def local_name(self) -> LocalText:
        """CLDR's names where it has them, else the SI's (in English only)."""
        return LocalText(self.name_en or self.name, self.name_zh)


class Region(NamedTuple):
    """What a figure is for: a country, an AR6 region or the world, with the members
    its sums run over and the members left out of them (historic entities)."""

    code: str  # "CHN", "World", or "<grouping>:<name>" ("region_ar6_5:Africa and Middle East")
    kind: str  # "country", "world" or a grouping ("region_ar6_5")
    name: LocalText
    members: tuple[str, ...]  # ISO3 codes summed over
    left_out: tuple[str, ...] = ()  # historic entities in it, left out of the sums
    row: int | None = None  # a country's row in the SI
    translated: bool = False  # the Chinese name is nbscdr's translation, not a maintained source's

    @property
    def is_country(self) -> bool:
        return self.kind == "country"

    @property
    def is_world(self) -> bool:
        return self.kind == "world"

    def label(self, lang: str) -> str:
        """'China', 'Eastern Asia (AR6, 10 regions)', 'World'."""
        name = self.name.get(lang)
        if self.kind in GROUPING_LABELS:
            return _("{name} ({grouping})", lang, name=name, grouping=_(GROUPING_LABELS[self.kind], lang))
        return name


def region_name(grouping: str, name: str) -> LocalText:
    """An AR6 region's name in English (the SI's) and Chinese (ours)."""
    shown = DEV_NAMES.get(name, name) if grouping == "region_ar6_dev" else name
    return LocalText(shown, _(shown, "zh"))


def fold(text: str) -> str:
    """A name folded for matching: width (NFKC), case, accents, apostrophes and
    punctuation, and any run of spaces, '-' or '_' as one '-'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    folded = re.sub(r"[,.'’()]", "", folded)
    return re.sub(r"[\s_\-]+", "-", folded).strip("-")


class Regions(NamedTuple):
    """Every country of the SI and the names a region can be found by."""

    countries: Mapping[str, Country]  # ISO3 -> country, in ISO3 order
    names: Mapping[str, str]  # folded name -> region code

    def find(self, query: str, *, field: str | None = "region") -> Region:
        """The region ``query`` names (see the module docstring), ignoring case, width
        and punctuation; an unknown name fails with the closest known one."""
        if not isinstance(query, str) or not query.strip():
            raise InputError("give a country (ISO3 code or name), an AR6 region or World", field=field)
        code = self.names.get(fold(query))
        if code is None and ":" in query:  # a grouping's name qualified by the grouping
            grouping, _sep, name = query.partition(":")
            code = self.names.get(f"{fold(grouping)}:{fold(name)}")
        if code is None:
            hint = did_you_mean(fold(query), self.names, lambda k: _shown(self.names[k], self))
            raise InputError(
                f"unknown region {cut(query)!r}{hint}; give an ISO3 code (CHN), a country's name, "
                "an AR6 region (Eastern Asia) or World; `nbscdr regions` lists them",
                field=field,
            )
        return self.region(code)

    def region(self, code: str) -> Region:
        """The region of a code as ``Region.code`` gives it."""
        if code == WORLD:
            members = tuple(c for c in self.countries if c not in HISTORIC)
            left = tuple(c for c in self.countries if c in HISTORIC)
            return Region(WORLD, "world", LocalText(WORLD, _(WORLD, "zh")), members, left)
        if code in self.countries:
            country = self.countries[code]
            return Region(code, "country", country.local_name, (code,), row=country.row)
        grouping, _sep, name = code.partition(":")
        inside = [c for c in self.countries.values() if c.regions.get(grouping) == name]
        if grouping not in GROUPINGS or not inside:
            raise InputError(f"unknown region code {cut(code)!r}", field="region")
        return Region(
            code,
            grouping,
            region_name(grouping, name),
            tuple(c.iso3 for c in inside if c.iso3 not in HISTORIC),
            tuple(c.iso3 for c in inside if c.iso3 in HISTORIC),
            translated=True,
        )

    def groups(self, grouping: str) -> list[Region]:
        """Every region of ``grouping``, in the order of their names."""
        if grouping not in GROUPINGS:
            raise InputError(f"{cut(grouping)!r} is not one of {', '.join(GROUPINGS)}", field="by")
        names = sorted({c.regions[grouping] for c in self.countries.values()})
        return [self.region(f"{grouping}:{n}") for n in names]


def _shown(code: str, regions: Regions) -> str:
    """How a did-you-mean names a region: 'China (CHN)', 'Eastern Asia'."""
    if code in regions.countries:
        country = regions.countries[code]
        return f"{country.name_en or country.name} ({code})"
    return code.partition(":")[2] or code


def build_regions(countries: Sequence[Country]) -> Regions:
    """The lookup of every name a region is known by: ISO3 codes, the SI's and CLDR's
    country names, the AR6 region names (English, and our Chinese) bare and qualified
    by their grouping, and World (世界, 全球). Country names win over region names, and
    a coarser grouping over a finer one that gives a name the same countries."""
    names: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if name:
            names.setdefault(fold(name), code)

    for spelling in (WORLD, _(WORLD, "zh"), "全球"):
        add(spelling, WORLD)
    for country in countries:
        add(country.iso3, country.iso3)
        for name in (country.name, country.name_en, country.name_zh):
            add(name, country.iso3)
    for grouping in GROUPINGS:
        for region in sorted({c.regions[grouping] for c in countries}):
            code = f"{grouping}:{region}"
            shown = region_name(grouping, region)
            names.setdefault(f"{fold(grouping)}:{fold(region)}", code)
            for name in {region, shown.en, shown.zh}:
                add(name, code)
    return Regions({c.iso3: c for c in sorted(countries, key=lambda c: c.iso3)}, names)


def country_from_dict(item: Mapping[str, Any]) -> Country:
    """A country from the derived data file's entry (data/roe2021.json)."""
    return Country(
        iso3=item["iso3"],
        row=item["row"],
        name=item["name"],
        name_en=item.get("name_en"),
        name_zh=item.get("name_zh"),
        regions={g: item[g] for g in GROUPINGS},
    )
