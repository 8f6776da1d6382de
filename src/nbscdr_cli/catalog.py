"""The technique catalog: load, validate and look up techniques and references.

The built-in catalog is ``data/techniques.toml``, shipped inside the wheel. A user's
own file replaces it (``--data PATH`` or ``NBSCDR_DATA``) and is validated as
strictly: every problem is reported with the file, the key and what is accepted.

All ranges are stored in the canonical unit (Gt CO2/yr); the unit the file wrote is
kept for display.

The value types here (and in spec, portfolio and analysis) are typing.NamedTuple,
not frozen dataclasses: both are immutable and typed, but a frozen dataclass costs
~1 ms to define (its methods are generated with exec) against ~0.07 ms, and the
seventeen of them on the `portfolio` path made up a sixth of its start-up (issue 8).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from nbscdr_cli.errors import DataError, InputError
from nbscdr_cli.locations import ENV_DATA, builtin_path, resolve_path

__all__ = ["ENV_DATA", "Catalog", "Technique", "builtin_path", "load_catalog", "resolve_path"]

MAX_FILE_BYTES = 64 * 1024 * 1024


# Shared empty default for mapping fields; never mutated.
_EMPTY: Mapping[str, Any] = {}


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
                f"technique {found!r} has no estimate in assessment {self.assessment!r}; "
                f"assessments with one: {having} (or add --fallback to use "
                f"{self.default_assessment!r} for it)",
                where=where,
            )
        raise InputError(
            f"unknown technique {query!r}{did_you_mean(key, self.names, self.names.__getitem__)}; "
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
            raise InputError(f"unknown assessment {assessment!r}{hint}; known: {known}", where="--assessment")
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

    def reference(self, query: str, *, where: str | None = None) -> Reference:
        if query in self.references:
            return self.references[query]
        hint = did_you_mean(query, self.references, str)
        known = ", ".join(self.references) or "none"
        raise InputError(f"unknown reference {query!r}{hint}; known: {known}", where=where)


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
    return f" (did you mean {show(close[0])!r}?)" if close else ""


# --------------------------------------------------------------------------- loading


def read_toml_file(path: Path, *, what: str) -> dict[str, Any]:
    """Read a TOML file as UTF-8 (a byte-order mark is allowed) and parse it,
    reporting any problem with the file name and line."""
    text = read_text_file(path, what=what)
    return parse_toml(text, where=str(path))


def read_text_file(path: Path, *, what: str) -> str:
    where = str(path)
    try:
        if path.is_dir():
            raise DataError(f"{what} is a folder, not a file", where=where)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(f"{what} is {size} bytes; at most {MAX_FILE_BYTES}", where=where)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{what} not found", where=where) from None
    except PermissionError:
        raise DataError(f"{what} cannot be read (permission denied)", where=where) from None
    except OSError as exc:
        raise DataError(f"{what} cannot be read ({exc.strerror or exc})", where=where) from None
    return decode_utf8(raw, where=where)


def decode_utf8(raw: bytes, *, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line})", where=where) from None


def parse_toml(text: str, *, where: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"invalid TOML: {exc}", where=where) from None
    except RecursionError:
        raise DataError("invalid TOML: nested too deeply", where=where) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise DataError(f"invalid TOML: {str(exc).split(';')[0]}", where=where) from None


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate a technique catalog (the built-in one by default)."""
    resolved = resolve_path(path)
    from nbscdr_cli import catalog_cache

    cached = catalog_cache.load(resolved)
    if cached is not None:
        return cached
    document = read_toml_file(resolved, what="data file")
    catalog = catalog_from_dict(document, source=str(resolved))
    catalog_cache.store(resolved, catalog)
    return catalog


TECHNIQUE_KEYS = {
    "name",
    "low",
    "high",
    "unit",
    "aliases",
    "scope",
    "readiness",
    "governance",
    "source",
    "notes",
    "shares_resource_with",
    "mode",
    "estimates",
    "durability",
    "saturation_years",
    "saturation_source",
    "reversal_rate",
    "reversal_source",
    "iamc_variable",
}
ESTIMATE_KEYS = {"assessment", "low", "high", "mode", "unit", "measure", "source", "notes"}
ASSESSMENT_KEYS = {"name", "citation", "measure"}
REFERENCE_KEYS = {"name", "low", "high", "unit", "kind", "scope", "source"}
TOP_KEYS = {"techniques", "references", "assessments", "default_assessment"}


def catalog_from_dict(document: Mapping[str, Any], *, source: str = "<data>") -> Catalog:
    """Validate a parsed catalog document and build the Catalog (under its
    default assessment)."""
    v = _Validator(source)
    v.keys(document, TOP_KEYS, "")
    raw_assessments = v.table(document.get("assessments", {}), "assessments", required=False)
    v.assessments = {aid: v.assessment(aid, body) for aid, body in raw_assessments.items()}
    default = document.get("default_assessment")
    if default is not None:
        default = v.text(default, "default_assessment")
        if default not in v.assessments:
            raise v.fail("default_assessment", f"{default!r} is not defined under [assessments]")
    elif v.assessments:
        default = next(iter(v.assessments))
    v.default_assessment = default
    raw_techniques = v.table(document.get("techniques"), "techniques", required=True)
    if not raw_techniques:
        raise DataError("techniques: no techniques defined", where=source)
    every = {tid: v.technique(tid, body) for tid, body in raw_techniques.items()}
    raw_refs = v.table(document.get("references", {}), "references", required=False)
    references = {rid: v.reference(rid, body) for rid, body in raw_refs.items()}
    names: dict[str, str] = {}
    for technique in every.values():
        spellings = [technique.id, technique.name.en, *technique.aliases]
        if technique.name.zh:
            spellings.append(technique.name.zh)
        for spelling in spellings:
            key = normalise_name(spelling)
            other = names.setdefault(key, technique.id)
            if other != technique.id:
                raise DataError(
                    f"techniques.{technique.id}: name or alias {spelling!r} is already used by "
                    f"techniques.{other} (names match ignoring case, width and separators)",
                    where=source,
                )
    for technique in every.values():
        for i, other in enumerate(technique.shares_resource_with):
            if other not in every:
                raise DataError(
                    f"techniques.{technique.id}.shares_resource_with[{i}]: unknown technique {other!r}",
                    where=source,
                )
    techniques = {tid: t for tid, t in every.items() if t.estimate(default) is not None}
    without = {tid: t for tid, t in every.items() if tid not in techniques}
    return Catalog(
        path=source,
        techniques=techniques,
        references=references,
        names=names,
        assessments=v.assessments,
        default_assessment=default,
        assessment=default,
        without_estimate=without,
        all_techniques=every,
    )


class _Validator:
    """Checks one document, naming the file and key path in every message."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.assessments: dict[str, Assessment] = {}
        self.default_assessment: str | None = None

    def fail(self, key: str, message: str) -> DataError:
        return DataError(f"{key}: {message}" if key else message, where=self.source)

    def keys(self, body: Mapping[str, Any], allowed: set[str], key: str) -> None:
        for name in body:
            if name not in allowed:
                hint = did_you_mean(str(name), allowed)
                known = ", ".join(sorted(allowed))
                where = f"{key}.{name}" if key else str(name)
                raise self.fail(where, f"unknown key{hint}; known keys: {known}")

    def table(self, value: Any, key: str, *, required: bool) -> dict[str, Any]:
        if value is None:
            if required:
                raise self.fail(key, "missing table")
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table, not {_type(value)}")
        return value

    def text(self, value: Any, key: str) -> str:
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, not {_type(value)}")
        if not value.strip():
            raise self.fail(key, "must not be empty")
        return value.strip()

    def number(self, value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, not {_type(value)}")
        try:
            number = float(value)
        except OverflowError:
            raise self.fail(key, "is too large") from None
        if not math.isfinite(number):
            raise self.fail(key, f"must be a finite number, not {value}")
        if number < 0:
            raise self.fail(key, f"{value} is negative; removals are 0 or more")
        return number

    def local(self, value: Any, key: str) -> LocalText:
        if isinstance(value, str):
            return LocalText(self.text(value, key))
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table {{ en = ..., zh = ... }}, not {_type(value)}")
        self.keys(value, {"en", "zh"}, key)
        if "en" not in value:
            raise self.fail(f"{key}.en", "missing (English text is required)")
        zh = value.get("zh")
        return LocalText(
            self.text(value["en"], f"{key}.en"), None if zh is None else self.text(zh, f"{key}.zh")
        )

    def strings(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of strings, not {_type(value)}")
        return tuple(self.text(item, f"{key}[{i}]") for i, item in enumerate(value))

    def range(self, body: Mapping[str, Any], key: str) -> tuple[RemovalRange, str, float]:
        from nbscdr_cli.units import parse_unit

        if "high" not in body:
            raise self.fail(f"{key}.high", "missing (the upper end of the range is required)")
        if "unit" not in body:
            raise self.fail(f"{key}.unit", 'missing; e.g. unit = "Gt CO2/yr"')
        unit_text = self.text(body["unit"], f"{key}.unit")
        kind = body.get("kind", "annual") if key.startswith("references.") else "annual"
        try:
            unit = parse_unit(unit_text, kind="mass" if kind == "cumulative" else "rate")
        except InputError as exc:
            raise self.fail(f"{key}.unit", exc.message) from None
        high = self.number(body["high"], f"{key}.high") * unit.factor
        low = None
        if "low" in body:
            low = self.number(body["low"], f"{key}.low") * unit.factor
            if low > high:
                raise self.fail(f"{key}.low", f"{body['low']} is above high {body['high']}")
        if not math.isfinite(high):
            raise self.fail(f"{key}.high", "is too large in canonical units")
        mode = None
        if "mode" in body:
            mode = self.number(body["mode"], f"{key}.mode") * unit.factor
            if not (low or 0.0) <= mode <= high:
                raise self.fail(f"{key}.mode", f"{body['mode']} is outside the low–high range")
        return RemovalRange(low, high, mode), unit.text, unit.factor

    def assessment(self, aid: str, body: Any) -> Assessment:
        key = f"assessments.{aid}"
        if not isinstance(body, dict):
            raise self.fail(key, f"must be a table, not {_type(body)}")
        self.keys(body, ASSESSMENT_KEYS, key)
        if "citation" not in body:
            raise self.fail(f"{key}.citation", "missing (every assessment needs its citation)")
        return Assessment(
            id=aid,
            name=self.local(body["name"], f"{key}.name") if "name" in body else LocalText(aid),
            citation=self.text(body["citation"], f"{key}.citation"),
            measure=self.text(body["measure"], f"{key}.measure") if "measure" in body else None,
        )

    def estimate(self, body: Mapping[str, Any], key: str, assessment: str | None) -> Estimate:
        rng, unit, factor = self.range(body, key)
        return Estimate(
            assessment=assessment,
            range=rng,
            unit=unit,
            unit_factor=factor,
            measure=self.text(body["measure"], f"{key}.measure")
            if "measure" in body
            else getattr(self.assessments.get(assessment or ""), "measure", None),
            source=self.text(body["source"], f"{key}.source") if "source" in body else None,
            notes=self.text(body["notes"], f"{key}.notes") if "notes" in body else None,
        )

    def estimates(self, tid: str, body: Mapping[str, Any]) -> tuple[Estimate, ...]:
        key = f"techniques.{tid}"
        found: list[Estimate] = []
        if any(k in body for k in ("high", "low", "unit", "mode")):
            found.append(self.estimate(body, key, self.default_assessment))
        for i, item in enumerate(self._list(body.get("estimates", []), f"{key}.estimates")):
            ekey = f"{key}.estimates[{i}]"
            if not isinstance(item, dict):
                raise self.fail(ekey, f"must be a table, not {_type(item)}")
            self.keys(item, ESTIMATE_KEYS, ekey)
            if "assessment" not in item:
                raise self.fail(f"{ekey}.assessment", "missing (which assessment gives this estimate)")
            aid = self.text(item["assessment"], f"{ekey}.assessment")
            if aid not in self.assessments:
                hint = did_you_mean(aid, self.assessments)
                raise self.fail(f"{ekey}.assessment", f"{aid!r} is not defined under [assessments]{hint}")
            if any(e.assessment == aid for e in found):
                raise self.fail(ekey, f"a second estimate for assessment {aid!r}; give one per assessment")
            found.append(self.estimate(item, ekey, aid))
        if not found:
            raise self.fail(f"{key}.high", "missing (the upper end of the range is required)")
        return tuple(found)

    def technique(self, tid: str, body: Any) -> Technique:
        key = f"techniques.{tid}"
        if not isinstance(body, dict):
            raise self.fail(key, f"must be a table, not {_type(body)}")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", tid):
            raise self.fail(key, "ids are lower-case letters, digits and '-'")
        self.keys(body, TECHNIQUE_KEYS, key)
        if "name" not in body:
            raise self.fail(f"{key}.name", 'missing; e.g. name = { en = "...", zh = "..." }')
        estimates = self.estimates(tid, body)
        governance = []
        for i, item in enumerate(self._list(body.get("governance", []), f"{key}.governance")):
            ckey = f"{key}.governance[{i}]"
            if not isinstance(item, dict):
                raise self.fail(ckey, f"must be a table {{ en = ..., zh = ... }}, not {_type(item)}")
            self.keys(item, {"id", "en", "zh"}, ckey)
            text = self.local({k: v for k, v in item.items() if k != "id"}, ckey)
            cid = self.text(item["id"], f"{ckey}.id") if "id" in item else text.en
            governance.append(Challenge(cid, text))
        saturation = None
        if "saturation_years" in body:
            saturation = self.number(body["saturation_years"], f"{key}.saturation_years")
            if "saturation_source" not in body:
                raise self.fail(f"{key}.saturation_source", "missing (a saturation time needs its source)")
        reversal = None
        if "reversal_rate" in body:
            reversal = self.number(body["reversal_rate"], f"{key}.reversal_rate")
            if reversal >= 1:
                raise self.fail(
                    f"{key}.reversal_rate", f"{body['reversal_rate']} is not below 1 (a fraction per year)"
                )
            if "reversal_source" not in body:
                raise self.fail(f"{key}.reversal_source", "missing (a reversal rate needs its source)")
        first = estimates[0]
        technique = Technique(
            id=tid,
            name=self.local(body["name"], f"{key}.name"),
            range=first.range,
            unit=first.unit,
            unit_factor=first.unit_factor,
            aliases=self.strings(body.get("aliases", []), f"{key}.aliases"),
            scope=self.text(body["scope"], f"{key}.scope") if "scope" in body else None,
            readiness=self.local(body["readiness"], f"{key}.readiness") if "readiness" in body else None,
            governance=tuple(governance),
            source=first.source,
            notes=self.text(body["notes"], f"{key}.notes") if "notes" in body else None,
            shares_resource_with=self.strings(
                body.get("shares_resource_with", []), f"{key}.shares_resource_with"
            ),
            assessment=first.assessment,
            estimates=estimates,
            durability=self.local(body["durability"], f"{key}.durability") if "durability" in body else None,
            saturation_years=saturation,
            saturation_source=self.text(body["saturation_source"], f"{key}.saturation_source")
            if "saturation_source" in body
            else None,
            reversal_rate=reversal,
            reversal_source=self.text(body["reversal_source"], f"{key}.reversal_source")
            if "reversal_source" in body
            else None,
            iamc_variable=self.text(body["iamc_variable"], f"{key}.iamc_variable")
            if "iamc_variable" in body
            else None,
        )
        default = technique.estimate(self.default_assessment)
        return technique.using(default) if default is not None else technique

    def reference(self, rid: str, body: Any) -> Reference:
        key = f"references.{rid}"
        if not isinstance(body, dict):
            raise self.fail(key, f"must be a table, not {_type(body)}")
        self.keys(body, REFERENCE_KEYS, key)
        kind = body.get("kind", "annual")
        if kind not in ("annual", "cumulative"):
            raise self.fail(f"{key}.kind", f"{kind!r} is not 'annual' or 'cumulative'")
        if "low" not in body:
            raise self.fail(f"{key}.low", "missing (a reference needs low and high)")
        rng, unit, factor = self.range(body, key)
        scope = body.get("scope", [])
        return Reference(
            id=rid,
            range=rng,
            unit=unit,
            unit_factor=factor,
            kind=kind,
            name=self.local(body["name"], f"{key}.name") if "name" in body else None,
            scope=(scope,) if isinstance(scope, str) else self.strings(scope, f"{key}.scope"),
            source=self.text(body["source"], f"{key}.source") if "source" in body else None,
        )

    def _list(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, not {_type(value)}")
        return value


def _type(value: Any) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
