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
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from nbscdr_cli.errors import InputError, cut

# Shared empty default for mapping fields; never mutated.
_EMPTY: Mapping[str, Any] = {}

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


class LocalText(NamedTuple):
    """A text in English and (optionally) Chinese."""

    en: str
    zh: str | None = None

    def get(self, lang: str) -> str:
        return (self.zh or self.en) if lang == "zh" else self.en

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh} if self.zh else {"en": self.en}


class RemovalRange(NamedTuple):
    """A removal range in Gt CO2/yr. ``low`` is None where the source says only
    "up to": sums then count it as 0 and say so."""

    low: float | None
    high: float
    mode: float | None = None  # most likely value, where a source or the user gives one

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


class Challenge(NamedTuple):
    """One governance challenge; ``id`` lets a briefing list it once."""

    id: str
    text: LocalText


class Estimate(NamedTuple):
    """One assessment's figure for a technique."""

    assessment: str | None  # None in a catalog that defines no assessments
    range: RemovalRange
    unit: str  # as written in the data file
    unit_factor: float  # that unit -> Gt CO2/yr
    measure: str | None = None  # what it measures, e.g. "sustainable potential in 2050"
    source: str | None = None
    notes: str | None = None


class Assessment(NamedTuple):
    id: str
    name: LocalText
    citation: str
    measure: str | None = None


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
    readiness: LocalText | None = None
    governance: tuple[Challenge, ...] = ()
    source: str | None = None
    notes: str | None = None
    shares_resource_with: tuple[str, ...] = ()
    assessment: str | None = None  # whose estimate ``range`` is
    fallback: bool = False  # the default assessment's estimate, standing in for a missing one
    estimates: tuple[Estimate, ...] = ()
    durability: LocalText | None = None  # how long the storage lasts, where a source says
    saturation_years: float | None = None  # years until the sink stops adding, where sourced
    saturation_source: str | None = None
    reversal_rate: float | None = None  # fraction of the stock lost per year, where sourced
    reversal_source: str | None = None
    iamc_variable: str | None = None  # IAMC common-definitions variable it reports under

    def estimate(self, assessment: str | None) -> Estimate | None:
        return next((e for e in self.estimates if e.assessment == assessment), None)

    def using(self, estimate: Estimate, *, fallback: bool = False) -> Technique:
        """This technique with ``estimate`` as the one in use."""
        return self._replace(
            range=estimate.range,
            unit=estimate.unit,
            unit_factor=estimate.unit_factor,
            source=estimate.source,
            assessment=estimate.assessment,
            fallback=fallback,
        )


class Reference(NamedTuple):
    id: str
    range: RemovalRange  # canonical: Gt CO2/yr (annual) or Gt CO2 (cumulative)
    unit: str
    unit_factor: float
    kind: str = "annual"  # "annual" or "cumulative"
    name: LocalText | None = None
    scope: tuple[str, ...] = ()
    source: str | None = None


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
            missing = self.without_estimate[found]
            having = ", ".join(str(e.assessment) for e in missing.estimates) or "none"
            raise InputError(
                f"technique {cut(found)!r} has no estimate in assessment {self.assessment!r}; "
                f"assessments with one: {having}",
                where=where,
                remedy=("fallback", f"to use {self.default_assessment!r} for it"),
            )
        raise InputError(
            f"unknown technique {cut(query)!r}{did_you_mean(key, self.names, self.names.__getitem__)}; "
            "`nbscdr list` shows the techniques",
            where=where,
        )

    def under(self, assessment: str | None, *, fallback: bool = False) -> Catalog:
        """This catalog with each technique's estimate taken from ``assessment``
        (None: the default). With ``fallback``, a technique that has no estimate
        there uses the default assessment's, marked as such."""
        if assessment is None or assessment == self.assessment:
            return self
        if assessment not in self.assessments:
            hint = did_you_mean(assessment, self.assessments, str)
            known = ", ".join(self.assessments) or "none in this catalog"
            raise InputError(
                f"unknown assessment {cut(str(assessment))!r}{hint}; known: {known}", field="assessment"
            )
        techniques: dict[str, Technique] = {}
        missing: dict[str, Technique] = {}
        for tid, technique in (self.all_techniques or self.techniques).items():
            estimate = technique.estimate(assessment)
            default = technique.estimate(self.default_assessment)
            if estimate is not None:
                techniques[tid] = technique.using(estimate)
            elif fallback and default is not None:
                techniques[tid] = technique.using(default, fallback=True)
            else:
                missing[tid] = technique
        return self._replace(techniques=techniques, assessment=assessment, without_estimate=missing)

    def reference(self, query: str, *, field: str | None = "references") -> Reference:
        if query in self.references:
            return self.references[query]
        hint = did_you_mean(query, self.references, str)
        known = ", ".join(self.references) or "none"
        raise InputError(f"unknown reference {cut(str(query))!r}{hint}; known: {known}", field=field)


def normalise_name(text: str) -> str:
    """Fold a technique name for matching: NFKC (full-/half-width), case, and any
    run of spaces, '-' or '_' as one '-'."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return re.sub(r"[\s_\-]+", "-", folded)


def did_you_mean(key: str, choices: Iterable[str], show: Any = str) -> str:
    """' (did you mean 'x'?)' for the closest choice, or a choice ``key`` begins; else ''."""
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    if not close and len(key) >= 2:
        close = [c for c in options if c.startswith(key)][:1]
    return f" (did you mean {cut(show(close[0]))!r}?)" if close else ""
