"""Checks an estimate and what travels with it: its range, the kind of
potential, period and central value its source gives, what it includes, its
cost, readiness level, parts and the other figures sources give for the same
measure. ``validate.py`` checks the rest of a catalog with these."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nbscdr_cli.io.checker import Checker
from nbscdr_cli.model.catalog import (
    INCLUDES,
    KINDS,
    NOT_STATED,
    POTENTIALS,
    STATISTICS,
    Assessment,
    Cost,
    Estimate,
    OtherFigure,
    Part,
    Readiness,
)
from nbscdr_cli.model.errors import cut
from nbscdr_cli.model.names import did_you_mean

RANGE_KEYS = {"low", "high", "central", "unit"}
# a technique's default estimate, at its top level
FIGURE_KEYS = {
    *RANGE_KEYS,
    "source",
    "cost",
    "trl",
    "kind",
    "period",
    "statistic",
    "includes",
    "quotes",
    "other_figures",
}
ESTIMATE_KEYS = {*FIGURE_KEYS, "assessment", "potential", "measure", "notes", "caveat", "parts"}
PART_KEYS = {*RANGE_KEYS, "name", "source", "statistic", "quotes"}
OTHER_FIGURE_KEYS = {*RANGE_KEYS, "en", "zh", "source", "quotes"}
COST_KEYS = {"low", "high", "unit", "en", "zh", "source", "notes", "quotes"}
TRL_KEYS = {"low", "high", "source", "quotes"}
COST_UNIT = "USD/t CO2"


class EstimateChecker(Checker):
    """The checks of one estimate; ``assessments`` are the document's, by id."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.assessments: dict[str, Assessment] = {}
        self.default_assessment: str | None = None

    def optional(self, body: Mapping[str, Any], name: str, key: str, check: Any) -> Any:
        """``check(body[name], key.name)``, or None where the key is absent."""
        return check(body[name], f"{key}.{name}") if name in body else None

    def cost(self, value: Any, key: str) -> Cost:
        """{ low, high, unit = "USD/t CO2", source } or a source's words { en, zh, source }."""
        body = self.table(value, key, required=True)
        self.keys(body, COST_KEYS, key)
        if "source" not in body:
            raise self.fail(f"{key}.source", "missing (every cost needs its source)")
        words = {k: v for k, v in body.items() if k in ("en", "zh")}
        notes = self.optional(body, "notes", key, self.local)
        quotes = self.quoted(body, key)
        if words:
            if body.keys() & {"low", "high", "unit"}:
                raise self.fail(key, "give numbers (low, high, unit) or words (en, zh), not both")
            return Cost(
                None, None, self.local(words, key), self.text(body["source"], f"{key}.source"), notes, quotes
            )
        for end in ("low", "high", "unit"):
            if end not in body:
                raise self.fail(f"{key}.{end}", f'missing; e.g. low = 0, high = 240, unit = "{COST_UNIT}"')
        if self.text(body["unit"], f"{key}.unit") != COST_UNIT:
            raise self.fail(f"{key}.unit", f"{cut(str(body['unit']))!r}: costs are in {COST_UNIT!r}")
        low = self.number(body["low"], f"{key}.low", negative=True)
        high = self.number(body["high"], f"{key}.high", negative=True)
        if low > high:
            raise self.fail(f"{key}.low", f"{body['low']} is above high {body['high']}")
        return Cost(low, high, None, self.text(body["source"], f"{key}.source"), notes, quotes)

    def trl(self, value: Any, key: str) -> Readiness:
        body = self.table(value, key, required=True)
        self.keys(body, TRL_KEYS, key)
        ends = []
        for end in ("low", "high"):
            number = self.number(body.get(end), f"{key}.{end}") if end in body else None
            if number is None or number != int(number) or not 1 <= number <= 9:
                raise self.fail(f"{key}.{end}", "must be a whole technology readiness level, 1 to 9")
            ends.append(int(number))
        if ends[0] > ends[1]:
            raise self.fail(f"{key}.low", f"{ends[0]} is above high {ends[1]}")
        if "source" not in body:
            raise self.fail(f"{key}.source", "missing (every readiness level needs its source)")
        return Readiness(ends[0], ends[1], self.text(body["source"], f"{key}.source"), self.quoted(body, key))

    def parts(self, value: Any, key: str) -> tuple[Part, ...]:
        out = []
        for pkey, item in self.tables(value, key):
            self.keys(item, PART_KEYS, pkey)
            for required in ("name", "source"):
                if required not in item:
                    raise self.fail(f"{pkey}.{required}", "missing")
            rng, _, _ = self.range(item, pkey)
            out.append(
                Part(
                    self.local(item["name"], f"{pkey}.name"),
                    rng,
                    self.text(item["source"], f"{pkey}.source"),
                    self.statistic(item, pkey, rng.mode is not None),
                    self.quoted(item, pkey),
                )
            )
        return tuple(out)

    def other_figures(self, value: Any, key: str) -> tuple[OtherFigure, ...]:
        """Figures a source gives for the same measure that differ: { low, high,
        unit, en, zh, source, quotes }."""
        out = []
        for okey, item in self.tables(value, key):
            self.keys(item, OTHER_FIGURE_KEYS, okey)
            for required in ("en", "source"):
                if required not in item:
                    raise self.fail(
                        f"{okey}.{required}", "missing (what the other figure is, and its source)"
                    )
            rng, unit, factor = self.range(item, okey)
            text = self.local({k: v for k, v in item.items() if k in ("en", "zh")}, okey)
            out.append(
                OtherFigure(
                    rng,
                    unit,
                    factor,
                    text,
                    self.text(item["source"], f"{okey}.source"),
                    self.quoted(item, okey),
                )
            )
        return tuple(out)

    def statistic(self, body: Mapping[str, Any], key: str, central: bool) -> str | None:
        """What a central value is ("mean" or "median"), as its source says."""
        if "statistic" not in body:
            return None
        value = self.text(body["statistic"], f"{key}.statistic")
        if value not in STATISTICS:
            raise self.fail(f"{key}.statistic", f"{cut(value)!r} is not one of {', '.join(STATISTICS)}")
        if not central:
            raise self.fail(f"{key}.statistic", "says what the central value is, but there is no central")
        return value

    def includes(self, body: Mapping[str, Any], key: str) -> tuple[str, ...]:
        """What a figure counts (co2-removal, avoided-emissions, ...), each once."""
        if "includes" not in body:
            return ()
        found = self.strings(body["includes"], f"{key}.includes")
        for i, item in enumerate(found):
            if item not in INCLUDES:
                hint = did_you_mean(item, INCLUDES)
                raise self.fail(
                    f"{key}.includes[{i}]", f"{cut(item)!r} is not one of {', '.join(INCLUDES)}{hint}"
                )
        if len(set(found)) != len(found):
            raise self.fail(f"{key}.includes", "names an item twice")
        return found

    def kind(self, body: Mapping[str, Any], key: str, potential: str) -> str:
        """The kind of potential the source gives; an economic slot holds an
        economic potential, and where the data names no kind it is not stated."""
        if "kind" not in body:
            return "economic" if potential == "economic" else NOT_STATED
        kind = self.text(body["kind"], f"{key}.kind")
        if kind not in KINDS:
            raise self.fail(f"{key}.kind", f"{cut(kind)!r} is not one of {', '.join(KINDS)}")
        if (kind == "economic") != (potential == "economic"):
            raise self.fail(
                f"{key}.kind",
                f"{kind!r} in a {potential} estimate: an economic potential fills the economic slot",
            )
        return kind

    def estimate(self, body: Mapping[str, Any], key: str, assessment: str | None) -> Estimate:
        rng, unit, factor = self.range(body, key)
        potential = self.text(body.get("potential", "technical"), f"{key}.potential")
        if potential not in POTENTIALS:
            raise self.fail(
                f"{key}.potential", f"{cut(str(potential))!r} is not one of {', '.join(POTENTIALS)}"
            )
        known = self.assessments.get(assessment or "")
        if "quotes" in body and "source" not in body:
            raise self.fail(f"{key}.source", "missing (quotations need the citation they support)")
        return Estimate(
            assessment=assessment,
            range=rng,
            unit=unit,
            unit_factor=factor,
            measure=self.local(body["measure"], f"{key}.measure")
            if "measure" in body
            else (known.measures(potential) if known else None),
            source=self.optional(body, "source", key, self.text),
            notes=self.optional(body, "notes", key, self.local),
            potential=potential,
            caveat=self.optional(body, "caveat", key, self.note),
            cost=self.optional(body, "cost", key, self.cost),
            trl=self.optional(body, "trl", key, self.trl),
            parts=self.parts(body["parts"], f"{key}.parts") if "parts" in body else (),
            kind=self.kind(body, key, potential),
            period=self.optional(body, "period", key, self.local),
            statistic=self.statistic(body, key, rng.mode is not None),
            includes=self.includes(body, key),
            quotes=self.quoted(body, key),
            other_figures=self.other_figures(body["other_figures"], f"{key}.other_figures")
            if "other_figures" in body
            else (),
        )

    def estimates(self, tid: str, body: Mapping[str, Any]) -> tuple[Estimate, ...]:
        key = f"techniques.{tid}"
        found: list[Estimate] = []
        if any(k in body for k in FIGURE_KEYS):
            found.append(
                self.estimate(
                    {k: v for k, v in body.items() if k in FIGURE_KEYS}, key, self.default_assessment
                )
            )
        for ekey, item in self.tables(body.get("estimates", []), f"{key}.estimates"):
            self.keys(item, ESTIMATE_KEYS, ekey)
            if "assessment" not in item:
                raise self.fail(f"{ekey}.assessment", "missing (which assessment gives this estimate)")
            aid = self.text(item["assessment"], f"{ekey}.assessment")
            if aid not in self.assessments:
                hint = did_you_mean(aid, self.assessments)
                raise self.fail(
                    f"{ekey}.assessment", f"{cut(aid)!r} is not defined under [assessments]{hint}"
                )
            estimate = self.estimate(item, ekey, aid)
            if any((e.assessment, e.potential) == (aid, estimate.potential) for e in found):
                raise self.fail(
                    ekey,
                    f"a second {estimate.potential} estimate for assessment {cut(aid)!r}; give one per assessment",
                )
            found.append(estimate)
        if not found:
            raise self.fail(f"{key}.high", "missing (the upper end of the range is required)")
        return tuple(found)
