"""Checks a parsed catalog document and builds the ``Catalog`` from it.

Every problem is reported with the file, the key path and what is accepted
(``techniques.biochar.low: 4.8 is above high 1.8``). Unknown keys are refused with a
did-you-mean, numbers must be finite and not negative (costs may be), units must
be rates (or, for cumulative references, amounts), names and aliases must not
clash once case, width and separators are folded, and every figure or remark that
drives what is shown (saturation, reversal, caveats, overlaps, costs, readiness
levels, parts) needs its source; quotations are resolved from [quotes]. The
primitive checks are in ``checker.py``, an estimate's in ``estimates.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nbscdr_cli.io.checker import NOTE_KEYS
from nbscdr_cli.io.estimates import FIGURE_KEYS, RANGE_KEYS, EstimateChecker
from nbscdr_cli.model.catalog import (
    POTENTIALS,
    REFERENCE_KINDS,
    Assessment,
    Catalog,
    Challenge,
    LocalText,
    Overlap,
    PartOf,
    Reference,
    Technique,
)
from nbscdr_cli.model.errors import DataError, cut
from nbscdr_cli.model.names import did_you_mean, normalise_name

TECHNIQUE_KEYS = {
    *FIGURE_KEYS,
    "name",
    "aliases",
    "scope",
    "readiness",
    "governance",
    "notes",
    "caveat",
    "part_of",
    "no_estimate",
    "estimates",
    "durability",
    "saturation_years",
    "saturation_source",
    "reversal_rate",
    "reversal_source",
    "iamc_variable",
    "saturation_notes",
    "remarks",
}
CHALLENGE_KEYS = {"id", "en", "zh", "short", "source", "quotes"}
ASSESSMENT_KEYS = {"name", "citation", "measure", "measure_economic", "quotes"}
REFERENCE_KEYS = {
    *RANGE_KEYS,
    *("name", "kind", "scope", "source", "measures", "default", "period", "includes", "quotes"),
    *("region", "techniques", "potential"),
}
PERIOD_KEYS = {"en", "zh", "from", "to"}
OVERLAP_KEYS = {"techniques", *NOTE_KEYS}
PART_OF_KEYS = {"technique", *NOTE_KEYS}
NO_ESTIMATE_KEYS = {"assessment", *NOTE_KEYS}
TOP_KEYS = {"techniques", "references", "assessments", "default_assessment", "overlaps", "quotes"}
REGION_CODE = re.compile(r"[A-Z]{3}|region_ar6_(?:5|10|22|dev):\S.*")


def catalog_from_dict(document: Mapping[str, Any], *, source: str = "<data>") -> Catalog:
    """Validate a parsed catalog document and build the Catalog (under its
    default assessment)."""
    v = _Validator(source)
    v.keys(document, TOP_KEYS, "")
    raw_quotes = v.table(document.get("quotes", {}), "quotes", required=False)
    v.quotations = {qid: v.quotation(qid, body, f"quotes.{qid}") for qid, body in raw_quotes.items()}
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
    v.wholes(every)
    raw_refs = v.table(document.get("references", {}), "references", required=False)
    references = {rid: v.reference(rid, body) for rid, body in raw_refs.items()}
    for rid, ref in references.items():
        for i, tid in enumerate(ref.techniques):
            if tid not in every:
                hint = did_you_mean(tid, every)
                raise v.fail(f"references.{rid}.techniques[{i}]", f"unknown technique {cut(tid)!r}{hint}")
    names = v.names(every)
    overlaps = tuple(
        v.overlap(item, key, every) for key, item in v.tables(document.get("overlaps", []), "overlaps")
    )
    techniques = {tid: t for tid, t in every.items() if t.estimate(default) is not None}
    return Catalog(
        path=source,
        techniques=techniques,
        references=references,
        names=names,
        assessments=v.assessments,
        default_assessment=default,
        assessment=default,
        without_estimate={tid: t for tid, t in every.items() if tid not in techniques},
        all_techniques=every,
        overlaps=overlaps,
        quotes=v.quotations,
    )


class _Validator(EstimateChecker):
    """Checks one catalog document, section by section."""

    def assessment(self, aid: str, body: Any) -> Assessment:
        key = f"assessments.{aid}"
        self.identifier(aid, key)
        body = self.table(body, key, required=True)
        self.keys(body, ASSESSMENT_KEYS, key)
        if "citation" not in body:
            raise self.fail(f"{key}.citation", "missing (every assessment needs its citation)")
        citation = self.local(body["citation"], f"{key}.citation")
        return Assessment(
            id=aid,
            name=self.local(body["name"], f"{key}.name") if "name" in body else LocalText(aid),
            citation=citation.en,
            citation_zh=citation.zh,
            measure=self.optional(body, "measure", key, self.local),
            measure_economic=self.optional(body, "measure_economic", key, self.local),
            quotes=self.quoted(body, key),
        )

    def governance(self, value: Any, key: str) -> tuple[Challenge, ...]:
        out = []
        for ckey, item in self.tables(value, key):
            self.keys(item, CHALLENGE_KEYS, ckey)
            text = self.local({k: v for k, v in item.items() if k in ("en", "zh")}, ckey)
            cid = self.text(item["id"], f"{ckey}.id") if "id" in item else text.en
            source = self.optional(item, "source", ckey, self.text)
            if source is None and "quotes" in item:
                raise self.fail(f"{ckey}.source", "missing (quotations need the citation they support)")
            quotes = self.quoted(item, ckey)
            out.append(Challenge(cid, text, self.optional(item, "short", ckey, self.local), source, quotes))
        return tuple(out)

    def sourced(
        self, body: Mapping[str, Any], name: str, key: str, *, below_one: bool = False
    ) -> float | None:
        """A figure that drives a calculation (saturation, reversal): with its source."""
        if name not in body:
            return None
        value = self.number(body[name], f"{key}.{name}")
        if below_one and value >= 1:
            raise self.fail(f"{key}.{name}", f"{body[name]} is not below 1 (a fraction per year)")
        source = name.replace("_years", "").replace("_rate", "") + "_source"
        if source not in body:
            what = {"saturation_years": "saturation time", "reversal_rate": "reversal rate"}[name]
            raise self.fail(f"{key}.{source}", f"missing (a {what} needs its source)")
        return value

    def technique(self, tid: str, body: Any) -> Technique:
        key = f"techniques.{tid}"
        body = self.table(body, key, required=True)
        self.identifier(tid, key)
        self.keys(body, TECHNIQUE_KEYS, key)
        if "name" not in body:
            raise self.fail(f"{key}.name", 'missing; e.g. name = { en = "...", zh = "..." }')
        estimates = self.estimates(tid, body)
        no_estimate = {}
        for nkey, item in self.tables(body.get("no_estimate", []), f"{key}.no_estimate"):
            self.keys(item, NO_ESTIMATE_KEYS, nkey)
            aid = self.text(item.get("assessment", ""), f"{nkey}.assessment") if "assessment" in item else ""
            if aid not in self.assessments:
                raise self.fail(f"{nkey}.assessment", "must name an assessment defined under [assessments]")
            no_estimate[aid] = self.note({k: v for k, v in item.items() if k != "assessment"}, nkey)
        first = estimates[0]
        technique = Technique(
            id=tid,
            name=self.local(body["name"], f"{key}.name"),
            range=first.range,
            unit=first.unit,
            unit_factor=first.unit_factor,
            aliases=self.strings(body.get("aliases", []), f"{key}.aliases"),
            scope=self.optional(body, "scope", key, self.text),
            readiness=self.optional(body, "readiness", key, self.statement),
            governance=self.governance(body.get("governance", []), f"{key}.governance"),
            source=first.source,
            notes=self.optional(body, "notes", key, self.statement),
            caveat=self.optional(body, "caveat", key, self.note),
            part_of=self.optional(body, "part_of", key, self.part_of),
            no_estimate=no_estimate,
            assessment=first.assessment,
            estimates=estimates,
            durability=tuple(
                self.note(item, nkey)
                for nkey, item in self.tables(body.get("durability", []), f"{key}.durability")
            ),
            saturation_years=self.sourced(body, "saturation_years", key),
            saturation_source=self.optional(body, "saturation_source", key, self.text),
            saturation_notes=self.optional(body, "saturation_notes", key, self.local),
            reversal_rate=self.sourced(body, "reversal_rate", key, below_one=True),
            reversal_source=self.optional(body, "reversal_source", key, self.text),
            iamc_variable=self.optional(body, "iamc_variable", key, self.text),
            remarks=tuple(
                self.note(item, nkey) for nkey, item in self.tables(body.get("remarks", []), f"{key}.remarks")
            ),
        )
        default = technique.estimate(self.default_assessment)
        return technique.using(default) if default is not None else technique

    def part_of(self, value: Any, key: str) -> PartOf:
        body = self.table(value, key, required=True)
        self.keys(body, PART_OF_KEYS, key)
        if "technique" not in body:
            raise self.fail(f"{key}.technique", "missing (the technique this is a part of)")
        note = self.note({k: v for k, v in body.items() if k != "technique"}, key)
        return PartOf(self.text(body["technique"], f"{key}.technique"), note.text, note.source, note.quotes)

    def wholes(self, techniques: Mapping[str, Technique]) -> None:
        """Every part names a technique that exists and is not itself a part."""
        for t in techniques.values():
            if t.part_of is None:
                continue
            whole = techniques.get(t.part_of.whole)
            key = f"techniques.{t.id}.part_of.technique"
            if whole is not None and whole.id == t.id:
                raise self.fail(key, f"{cut(t.id)!r} is this technique: a technique is not a part of itself")
            if whole is None:
                hint = did_you_mean(t.part_of.whole, techniques)
                raise self.fail(key, f"{cut(t.part_of.whole)!r} is not another technique{hint}")
            if whole.part_of is not None:
                raise self.fail(key, f"{whole.id!r} is itself a part of {whole.part_of.whole!r}")

    def names(self, techniques: Mapping[str, Technique]) -> dict[str, str]:
        """Every id, name and alias, folded, to its technique; clashes refused."""
        names: dict[str, str] = {}
        for technique in techniques.values():
            spellings = [technique.id, technique.name.en, *technique.aliases]
            if technique.name.zh:
                spellings.append(technique.name.zh)
            for spelling in spellings:
                other = names.setdefault(normalise_name(spelling), technique.id)
                if other != technique.id:
                    raise DataError(
                        f"techniques.{cut(technique.id)}: name or alias {cut(spelling)!r} is already used by "
                        f"techniques.{cut(other)} (names match ignoring case, width and separators)",
                        where=self.source,
                    )
        return names

    def reference(self, rid: str, body: Any) -> Reference:
        key = f"references.{rid}"
        self.identifier(rid, key)
        body = self.table(body, key, required=True)
        self.keys(body, REFERENCE_KEYS, key)
        if "kind" not in body:
            raise self.fail(f"{key}.kind", f"missing; one of {', '.join(REFERENCE_KINDS)}")
        kind = body["kind"]
        if kind not in REFERENCE_KINDS:
            raise self.fail(f"{key}.kind", f"{cut(repr(kind))} is not one of {', '.join(REFERENCE_KINDS)}")
        if "low" not in body:
            raise self.fail(f"{key}.low", "missing (a reference needs low and high)")
        rng, unit, factor = self.range(body, key)
        scope = body.get("scope", [])
        potential = self.optional(body, "potential", key, self.text)
        if potential is not None and potential not in POTENTIALS:
            raise self.fail(
                f"{key}.potential", f"{cut(repr(potential))} is not one of {', '.join(POTENTIALS)}"
            )
        region = self.optional(body, "region", key, self.text)
        if region is not None and not REGION_CODE.fullmatch(region):
            raise self.fail(
                f"{key}.region",
                f"{cut(repr(region))} is not a region code: an ISO3 code (CHN) or an AR6 region as "
                "region_ar6_5:NAME (also region_ar6_10, region_ar6_22, region_ar6_dev)",
            )
        return Reference(
            id=rid,
            range=rng,
            unit=unit,
            unit_factor=factor,
            kind=kind,
            name=self.optional(body, "name", key, self.local),
            scope=(scope,) if isinstance(scope, str) else self.strings(scope, f"{key}.scope"),
            source=self.optional(body, "source", key, self.text),
            measures=self.optional(body, "measures", key, self.local),
            default=self.optional(body, "default", key, self.boolean) or False,
            includes=self.includes(body, key),
            quotes=self.quoted(body, key),
            **self.period(body.get("period"), f"{key}.period", kind),
            region=region,
            techniques=self.strings(body.get("techniques", []), f"{key}.techniques"),
            potential=potential,
        )

    def period(self, value: Any, key: str, kind: str) -> dict[str, Any]:
        """A cumulative reference's period: { en, zh, from, to } (years optional)."""
        if value is None:
            return {}
        if kind != "cumulative":
            raise self.fail(key, "only a cumulative reference has a period")
        body = self.table(value, key, required=True)
        self.keys(body, PERIOD_KEYS, key)
        text = self.local({k: v for k, v in body.items() if k in ("en", "zh")}, key)
        if ("from" in body) != ("to" in body):
            raise self.fail(key, "give both years (from, to) or neither")
        if "from" not in body:
            return {"period": text}
        years = [self.number(body[k], f"{key}.{k}") for k in ("from", "to")]
        if not all(y == int(y) for y in years) or years[1] <= years[0]:
            raise self.fail(key, "from and to are years, from before to")
        return {"period": text, "years": (int(years[0]), int(years[1]))}

    def overlap(self, value: dict[str, Any], key: str, techniques: Mapping[str, Technique]) -> Overlap:
        """{ techniques = ["a", "b"], en = "...", zh = "...", source = "..." }."""
        self.keys(value, OVERLAP_KEYS, key)
        pair = self.strings(value.get("techniques", []), f"{key}.techniques")
        if len(pair) != 2 or pair[0] == pair[1]:
            raise self.fail(f"{key}.techniques", "must name two different techniques")
        for i, tid in enumerate(pair):
            if tid not in techniques:
                hint = did_you_mean(tid, techniques)
                raise self.fail(f"{key}.techniques[{i}]", f"unknown technique {cut(str(tid))!r}{hint}")
        note = self.note({k: v for k, v in value.items() if k != "techniques"}, key)
        return Overlap((pair[0], pair[1]), note.text, note.source, note.quotes)
