"""The technique catalog: techniques, their estimates under each assessment, and
the references a portfolio is compared with.

These are the value types and the lookups on them; nothing here reads a file.
``load.load_catalog`` reads and checks a catalog (``validate.py``), caching the
result (``catalog_cache.py``).

All ranges are stored in the canonical unit (Gt CO2/yr; cumulative references in
Gt CO2); the unit the file wrote is kept for display.

The value types are typing.NamedTuple, not frozen dataclasses: both are immutable
and typed, but a frozen dataclass costs ~1 ms to define (its methods are generated
with exec) against ~0.07 ms, which adds up on the start-up path (issue 8).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from nbscdr_cli.model.assessed import Challenge, Cost, Readiness
from nbscdr_cli.model.errors import InputError, cut
from nbscdr_cli.model.names import case_of, did_you_mean, normalise_name
from nbscdr_cli.model.sources import NBSCDR, LocalText, Note, Quote, Statement

# re-exported: the catalog's own texts, and what an assessment says besides its figure
__all__ = ["NBSCDR", "Challenge", "Cost", "LocalText", "Note", "Quote", "Readiness", "Statement"]

# Shared empty default for mapping fields; never mutated.
_EMPTY: Mapping[str, Any] = {}

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


class RemovalRange(NamedTuple):
    """A removal range in Gt CO2/yr. ``low`` is None where the source says only
    "up to": sums then count it as 0 and say so."""

    low: float | None
    high: float
    mode: float | None = None  # the central value, where a source or the user gives one

    @property
    def lower(self) -> float:
        return 0.0 if self.low is None else self.low

    @property
    def open_low(self) -> bool:
        return self.low is None

    def scaled(self, share: float) -> RemovalRange:
        return RemovalRange(
            None if self.low is None else self.low * share,
            self.high * share,
            None if self.mode is None else self.mode * share,
        )


class Part(NamedTuple):
    """A part an estimate was built from (e.g. croplands and grasslands for soil
    carbon), shown with it; its range is in Gt CO2/yr."""

    name: LocalText
    range: RemovalRange
    source: str
    statistic: str | None = None  # what its central value is: "mean" or "median"
    quotes: tuple[Quote, ...] = ()
    written: tuple[str | None, ...] = ()  # as Estimate.written


class OtherFigure(NamedTuple):
    """A figure a source gives for the same measure that differs from the
    estimate's (AR6's Table 12.6 against its chapter 7), shown beside it."""

    range: RemovalRange
    unit: str
    unit_factor: float
    text: LocalText  # what it is and how it differs
    source: str
    quotes: tuple[Quote, ...] = ()


# The slot an estimate fills: an assessment's main figure, or the part available
# below a cost (`--potential economic`).
POTENTIALS = ("technical", "economic")
# The kind of potential a source gives (AR6 WGIII 7.4.1.1 names technical,
# economic and sustainable potential); "not stated" where it names none.
KINDS = ("technical", "economic", "sustainable", "not stated")
NOT_STATED = "not stated"
# What a figure counts, as its source says.
INCLUDES = (
    "co2-removal",
    "avoided-emissions",
    "emission-reduction",
    "non-co2-gases",
    "material-substitution",
)
STATISTICS = ("mean", "median")


class Estimate(NamedTuple):
    """One assessment's figure for a technique. ``potential`` is the slot it fills
    (technical: the assessment's main figure; economic: below a cost), ``kind``
    the kind of potential its source gives ("sustainable" for Fuss et al., "not
    stated" for the C2G brief)."""

    assessment: str | None  # None in a catalog that defines no assessments
    range: RemovalRange  # ``mode`` is the source's central value, if it gives one
    unit: str  # as written in the data file
    unit_factor: float  # that unit -> Gt CO2/yr
    measure: LocalText | None = None  # what it measures, e.g. "sustainable potential in 2050"
    source: str | None = None  # the citation of the figure, in its original language
    notes: LocalText | None = None
    potential: str = "technical"
    caveat: Note | None = None  # e.g. "includes avoided emissions": shown with the figure everywhere
    cost: Cost | None = None
    trl: Readiness | None = None
    parts: tuple[Part, ...] = ()
    kind: str = NOT_STATED
    period: LocalText | None = None  # the year or period its source gives; None: none given
    statistic: str | None = None  # what ``range.mode`` is, as the source says: "mean" or "median"
    includes: tuple[str, ...] = ()  # what the figure counts (INCLUDES); empty: not stated
    quotes: tuple[Quote, ...] = ()
    other_figures: tuple[OtherFigure, ...] = ()
    # nbscdr computed it from a source's cells (Roe et al. (2021): a country's cells, a
    # sum over a region's): never "as given", so shown to three significant figures
    computed: bool = False
    # the text of the ends (low, central, high) its source wrote with digits a float
    # drops ("0.5–3.0"), None for the others, () if none: shown with the source's digits
    written: tuple[str | None, ...] = ()

    @property
    def removal_only(self) -> bool | None:
        """Whether the figure counts CO2 removal alone; None where the data does not say."""
        return None if not self.includes else tuple(self.includes) == ("co2-removal",)


class Assessment(NamedTuple):
    id: str
    name: LocalText
    citation: str  # in its original language
    measure: LocalText | None = None  # what its technical figures measure
    measure_economic: LocalText | None = None  # what its economic figures measure, if it gives any
    quotes: tuple[Quote, ...] = ()  # what its measures rest on (e.g. AR6's kinds of potential)
    citation_zh: str | None = None  # the citation as a Chinese bibliography gives it

    def measures(self, potential: str) -> LocalText | None:
        return self.measure_economic if potential == "economic" else self.measure


class Overlap(NamedTuple):
    """Two techniques that may count the same removal twice, and why (sourced)."""

    techniques: tuple[str, str]
    text: LocalText
    source: str  # NBSCDR where the reason is nbscdr's own reading of ``quotes``
    quotes: tuple[Quote, ...] = ()


class PartOf(NamedTuple):
    """A technique that is part of another (peatland restoration of restoring
    wetlands): counting both would count the part twice."""

    whole: str
    text: LocalText
    source: str
    quotes: tuple[Quote, ...] = ()


class Technique(NamedTuple):
    """A technique with the estimate in use (``range``, ``unit``, ``source``) and
    every estimate the catalog holds for it."""

    id: str
    name: LocalText
    range: RemovalRange
    unit: str  # as written in the data file
    unit_factor: float  # that unit -> Gt CO2/yr
    aliases: tuple[str, ...] = ()
    scope: str | None = None
    readiness: Statement | None = None
    governance: tuple[Challenge, ...] = ()
    source: str | None = None
    notes: Statement | None = None
    caveat: Note | None = None  # shown wherever the technique appears
    part_of: PartOf | None = None  # the technique it is a part of (a portfolio holds one or the other)
    no_estimate: Mapping[str, Note] = _EMPTY  # assessment -> why it gives no estimate
    assessment: str | None = None  # whose estimate ``range`` is
    potential: str = "technical"  # which potential ``range`` is
    in_use: Estimate | None = None  # the estimate ``range`` comes from
    fallback: bool = False  # the default assessment's estimate, standing in for a missing one
    estimates: tuple[Estimate, ...] = ()
    durability: tuple[Note, ...] = ()  # how long the storage lasts, what can reverse it: sourced
    saturation_years: float | None = None  # years until the sink stops adding, where sourced
    saturation_source: str | None = None
    saturation_notes: LocalText | None = None  # what that figure is (e.g. an inventory default)
    reversal_rate: float | None = None  # fraction of the stock lost per year, where sourced
    reversal_source: str | None = None
    iamc_variable: str | None = None  # IAMC common-definitions variable it reports under
    remarks: tuple[Note, ...] = ()  # further sourced remarks (or nbscdr's own), shown by `show`

    def estimate(self, assessment: str | None, potential: str = "technical") -> Estimate | None:
        return next(
            (e for e in self.estimates if e.assessment == assessment and e.potential == potential), None
        )

    def using(self, estimate: Estimate, *, fallback: bool = False) -> Technique:
        """This technique with ``estimate`` as the one in use."""
        return self._replace(
            range=estimate.range,
            unit=estimate.unit,
            unit_factor=estimate.unit_factor,
            source=estimate.source,
            assessment=estimate.assessment,
            potential=estimate.potential,
            fallback=fallback,
            in_use=estimate,
        )


REFERENCE_KINDS = ("potential", "scenario", "cumulative", "mitigation")


class Reference(NamedTuple):
    """A published range a portfolio is compared with. ``kind`` says what it
    measures: a removal ``potential`` per year, the CDR deployed in ``scenario``s
    in a year, a ``cumulative`` amount over a period, or a ``mitigation``
    potential that includes avoided emissions. An empty ``scope`` covers every
    technique; otherwise only techniques whose scope is listed."""

    id: str
    range: RemovalRange  # canonical: Gt CO2/yr, or Gt CO2 for a cumulative reference
    unit: str
    unit_factor: float
    kind: str = "potential"
    name: LocalText | None = None
    scope: tuple[str, ...] = ()
    source: str | None = None
    measures: LocalText | None = None  # what it measures, in words
    default: bool = False  # compared with when no reference is asked for (cumulative ones: with a period)
    period: LocalText | None = None  # a cumulative amount's period, in the source's words
    years: tuple[int, int] | None = None  # that period's first and last years, where the source gives them
    includes: tuple[str, ...] = ()  # what the figure counts (INCLUDES); empty: not stated
    quotes: tuple[Quote, ...] = ()
    # A figure for one region ("region_ar6_5:Africa and Middle East", a country's ISO3):
    # compared only with a portfolio's figures for that region; None: a global figure.
    region: str | None = None
    techniques: tuple[str, ...] = ()  # technique ids it covers, where it covers only these
    potential: str | None = None  # the potential it is ("economic"), where it says

    @property
    def removal_only(self) -> bool | None:
        """Whether the figure counts CO2 removal alone; None where the data does not say."""
        return None if not self.includes else tuple(self.includes) == ("co2-removal",)

    @property
    def cumulative(self) -> bool:
        return self.kind == "cumulative"

    def covers(self, technique: Technique) -> bool:
        if self.techniques:
            return technique.id in self.techniques
        return not self.scope or technique.scope in self.scope


class Catalog(NamedTuple):
    """Techniques (under one assessment), references and assessments.

    ``techniques`` holds the techniques that have an estimate under
    ``assessment``; ``without_estimate`` those that do not, so that a portfolio
    naming one fails with a message saying which assessments have it.
    """

    path: str
    techniques: Mapping[str, Technique]
    references: Mapping[str, Reference]
    names: Mapping[str, str] = _EMPTY  # normalised name -> id
    assessments: Mapping[str, Assessment] = _EMPTY
    default_assessment: str | None = None
    assessment: str | None = None
    without_estimate: Mapping[str, Technique] = _EMPTY
    all_techniques: Mapping[str, Technique] = _EMPTY  # file order
    overlaps: tuple[Overlap, ...] = ()
    quotes: Mapping[str, Quote] = _EMPTY  # every quotation the data holds, by id

    potential: str = "technical"

    def find(self, query: str, *, where: str | None = None) -> Technique:
        """The technique named by an id, an alias or its English or Chinese name,
        ignoring case, width (NFKC) and the spelling of separators."""
        # Ids are their own normalised form: a direct hit skips the folding.
        found = self.names.get(query)
        key = query if found is not None else normalise_name(query)
        found = found or self.names.get(key)
        if found is not None and found in self.techniques:
            return self.techniques[found]
        if found is not None:
            raise self._no_estimate(self.without_estimate[found], where)
        raise InputError(
            f"unknown technique {cut(query)!r}{did_you_mean(key, self.names, self.names.__getitem__)}; "
            "`nbscdr list` shows the techniques",
            where=where,
        )

    def _no_estimate(self, technique: Technique, where: str | None) -> InputError:
        """Why ``technique`` has no figure here, and who has one."""
        what = "estimate" if self.potential == "technical" else f"{self.potential} potential"
        having = [str(e.assessment) for e in technique.estimates if e.potential == self.potential]
        message = f"technique {technique.id!r} has no {what} in assessment {self.assessment!r}"
        reason = technique.no_estimate.get(self.assessment or "")
        if reason is not None:
            message += f" ({reason.text.en})"
        from nbscdr_cli.model.roe2021 import BY_TECHNIQUE, ROE2021

        # Roe et al. (2021) give both potentials, by country, for the techniques it maps
        by_country = (
            ROE2021 in self.assessments and self.assessment != ROE2021 and technique.id in BY_TECHNIQUE
        )
        if having or reason is None or by_country:  # a reason that says why none has one stands alone
            message += f"; assessments with one: {', '.join(having) or 'none'}"
        if by_country:
            message += f", and {ROE2021} for a country or region (its figures are by country: give a region)"
        remedy = None
        if having and technique.estimate(self.default_assessment, self.potential) is not None:
            remedy = ("fallback", f"to use {self.default_assessment!r} for it")
        elif having:
            remedy = ("assessment", having[0])
        return InputError(message, where=where, remedy=remedy)

    def under(
        self, assessment: str | None, *, fallback: bool = False, potential: str = "technical"
    ) -> Catalog:
        """This catalog with each technique's estimate of ``potential`` taken from
        ``assessment`` (None: the default). With ``fallback``, a technique that has
        none there uses the default assessment's or, where that has none either,
        the first assessment's that has one, marked as standing in."""
        assessment = self.default_assessment if assessment is None else case_of(assessment, self.assessments)
        if assessment is None:  # a catalog without assessments: its techniques' own figures
            if potential != self.potential:
                raise InputError(
                    f"this catalog has no assessments, so no {potential} potential: "
                    f"its figures are {self.potential} potentials",
                    field="potential",
                )
            return self
        if assessment == self.assessment and potential == self.potential and not fallback:
            return self
        if assessment not in self.assessments:
            hint = did_you_mean(str(assessment), self.assessments, str)
            known = ", ".join(self.assessments) or "none in this catalog"
            raise InputError(
                f"unknown assessment {cut(str(assessment))!r}{hint}; known: {known}", field="assessment"
            )
        order = [self.default_assessment, *(a for a in self.assessments if a != self.default_assessment)]
        techniques: dict[str, Technique] = {}
        missing: dict[str, Technique] = {}
        for tid, technique in (self.all_techniques or self.techniques).items():
            estimate = technique.estimate(assessment, potential)
            if estimate is not None:
                techniques[tid] = technique.using(estimate)
                continue
            stand_in = next((e for a in order if (e := technique.estimate(a, potential)) is not None), None)
            if fallback and stand_in is not None:
                techniques[tid] = technique.using(stand_in, fallback=True)
            else:
                missing[tid] = technique
        return self._replace(
            techniques=techniques, assessment=assessment, without_estimate=missing, potential=potential
        )

    def reference(self, query: str, *, field: str | None = "references") -> Reference:
        """A reference by id, ignoring case ("UNEP" is "unep")."""
        query = case_of(query, self.references)
        if query in self.references:
            return self.references[query]
        hint = did_you_mean(query, self.references, str)
        known = ", ".join(self.references) or "none"
        raise InputError(f"unknown reference {cut(str(query))!r}{hint}; known: {known}", field=field)
