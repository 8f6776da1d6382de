"""Checks a parsed catalog document and builds the ``Catalog`` from it.

Every problem is reported with the file, the key path and what is accepted
(``techniques.biochar.low: 4.8 is above high 1.8``). Unknown keys are refused with a
did-you-mean, numbers must be finite and not negative, units must be rates (or,
for cumulative references, amounts), names and aliases must not clash once case,
width and separators are folded, and every figure that drives a calculation
(saturation, reversal) needs its source.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from nbscdr_cli.catalog import (
    ID_PATTERN,
    Assessment,
    Catalog,
    Challenge,
    Estimate,
    LocalText,
    Reference,
    RemovalRange,
    Technique,
    did_you_mean,
    normalise_name,
)
from nbscdr_cli.errors import DataError, InputError, cut, cut_middle

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
MAX_KEY_PATH = 120


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
            raise v.fail("default_assessment", f"{cut(default)!r} is not defined under [assessments]")
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
                    f"techniques.{cut(technique.id)}: name or alias {cut(spelling)!r} is already used by "
                    f"techniques.{cut(other)} (names match ignoring case, width and separators)",
                    where=source,
                )
    for technique in every.values():
        for i, other in enumerate(technique.shares_resource_with):
            if other not in every:
                raise DataError(
                    f"techniques.{cut(technique.id)}.shares_resource_with[{i}]: unknown technique {cut(other)!r}",
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

    def identifier(self, value: str, key: str) -> None:
        if not ID_PATTERN.fullmatch(value):
            raise self.fail(key, "ids are lower-case letters, digits and '-'")

    def fail(self, key: str, message: str) -> DataError:
        # Key paths hold the file's own keys, which may be of any length.
        return DataError(f"{cut_middle(key, MAX_KEY_PATH)}: {message}" if key else message, where=self.source)

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
            raise self.fail(key, f"must be a finite number, not {cut(str(value))}")
        if number < 0:
            raise self.fail(key, f"{cut(str(value))} is negative; removals are 0 or more")
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
                raise self.fail(
                    f"{key}.low", f"{cut(str(body['low']))} is above high {cut(str(body['high']))}"
                )
        if not math.isfinite(high):
            raise self.fail(f"{key}.high", "is too large in canonical units")
        mode = None
        if "mode" in body:
            mode = self.number(body["mode"], f"{key}.mode") * unit.factor
            if not (low or 0.0) <= mode <= high:
                raise self.fail(f"{key}.mode", f"{cut(str(body['mode']))} is outside the low–high range")
        return RemovalRange(low, high, mode), unit.text, unit.factor

    def assessment(self, aid: str, body: Any) -> Assessment:
        key = f"assessments.{aid}"
        self.identifier(aid, key)
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
                raise self.fail(
                    f"{ekey}.assessment", f"{cut(aid)!r} is not defined under [assessments]{hint}"
                )
            if any(e.assessment == aid for e in found):
                raise self.fail(
                    ekey, f"a second estimate for assessment {cut(aid)!r}; give one per assessment"
                )
            found.append(self.estimate(item, ekey, aid))
        if not found:
            raise self.fail(f"{key}.high", "missing (the upper end of the range is required)")
        return tuple(found)

    def technique(self, tid: str, body: Any) -> Technique:
        key = f"techniques.{tid}"
        if not isinstance(body, dict):
            raise self.fail(key, f"must be a table, not {_type(body)}")
        self.identifier(tid, key)
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
                    f"{key}.reversal_rate",
                    f"{cut(str(body['reversal_rate']))} is not below 1 (a fraction per year)",
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
        self.identifier(rid, key)
        if not isinstance(body, dict):
            raise self.fail(key, f"must be a table, not {_type(body)}")
        self.keys(body, REFERENCE_KEYS, key)
        kind = body.get("kind", "annual")
        if kind not in ("annual", "cumulative"):
            raise self.fail(f"{key}.kind", f"{cut(repr(kind))} is not 'annual' or 'cumulative'")
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
