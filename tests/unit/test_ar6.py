"""IPCC AR6 WGIII in the built-in catalog: every figure as FACTS-AR6.md restates
it (chapter and section in each source), read from the data file itself."""

from __future__ import annotations

import pytest

from nbscdr_cli import MonteCarlo, Request, analyse
from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.model.catalog import Technique
from nbscdr_cli.model.errors import InputError, UsageError

# technique -> (technical low, central, high, section), (economic low, central, high, section)
AR6 = {
    "afforestation": ((0.5, 3.9, 10.1, "7.4.2.2"), (0.5, 1.6, 3.0, "7.4.2.2")),
    "biochar": ((0.2, 2.6, 6.6, "7.4.3.2"), (0.3, 1.1, 1.8, "7.4.3.2")),
    "soil-carbon": ((0.6, None, 9.3, "Table 12.6"), (0.7, None, 2.5, "12.3.1")),
    "wetlands": ((0.5, None, 2.1, "Table 12.6"), (0.2, None, 0.8, "12.3.1")),
    "building-with-biomass": ((0.04, 1.0, 3.7, "7.4.5"), (0.3, 0.4, 0.5, "7.4.5")),
    "agroforestry": ((0.3, 4.1, 9.4, "7.4.3.3"), (0.4, 0.8, 1.1, "7.4.3.3")),
    "improved-forest-management": ((1.0, 1.7, 2.1, "7.4.2.3"), (0.6, 1.1, 1.9, "7.4.2.3")),
    "peatland-restoration": ((0.49, 0.79, 1.3, "7.4.2.7"), (0.2, 0.4, 0.6, "7.4.2.7")),
    "coastal-wetland-restoration": ((0.04, 0.3, 0.84, "7.4.2.9"), (0.05, 0.1, 0.2, "7.4.2.9")),
}
COSTS = {  # AR6 Table 12.6, USD per t CO2, or its words
    "afforestation": (0.0, 240.0),
    "biochar": (10.0, 345.0),
    "soil-carbon": (-45.0, 100.0),
    "wetlands": "Insufficient data",
    "agroforestry": "Insufficient data",
    "improved-forest-management": "Insufficient data",
    "peatland-restoration": "Insufficient data",
    "coastal-wetland-restoration": "Insufficient data",
}
TRL = {
    "afforestation": (8, 9),
    "biochar": (6, 7),
    "soil-carbon": (8, 9),
    "wetlands": (8, 9),
    "agroforestry": (8, 9),
    "improved-forest-management": (8, 9),
    "peatland-restoration": (8, 9),
    "coastal-wetland-restoration": (8, 9),
}
NEW = ["agroforestry", "improved-forest-management", "peatland-restoration", "coastal-wetland-restoration"]


def technique(tid: str) -> Technique:
    return load_catalog().all_techniques[tid]


@pytest.mark.parametrize("tid", list(AR6))
def test_ar6_figures_are_the_reports(tid: str) -> None:
    for potential, (low, central, high, section) in zip(("technical", "economic"), AR6[tid], strict=True):
        e = technique(tid).estimate("ar6", potential)
        assert e is not None, (tid, potential)
        f = e.unit_factor
        assert (e.range.low / f, e.range.high / f) == pytest.approx((low, high), rel=1e-12)
        assert (None if e.range.mode is None else e.range.mode / f) == pytest.approx(central)
        assert e.source and section in e.source and e.source.startswith("IPCC (2022), AR6 WGIII")


def test_ar6_costs_and_readiness_levels() -> None:
    for tid, cost in COSTS.items():
        e = technique(tid).estimate("ar6")
        assert e is not None and e.cost is not None
        if isinstance(cost, str):
            assert (e.cost.low, e.cost.high) == (None, None)  # never an invented number
            assert e.cost.text is not None and e.cost.text.en == cost
        else:
            assert (e.cost.low, e.cost.high) == cost
        assert "Table 12.6" in e.cost.source
    for tid, (low, high) in TRL.items():
        e = technique(tid).estimate("ar6")
        assert e is not None and e.trl is not None and (e.trl.low, e.trl.high) == (low, high)
    fuss = {t: technique(t).estimate("fuss2018") for t in ("afforestation", "soil-carbon", "biochar")}
    assert {t: (e.cost.low, e.cost.high) for t, e in fuss.items() if e and e.cost} == {
        "afforestation": (5.0, 50.0),
        "soil-carbon": (0.0, 100.0),
        "biochar": (30.0, 120.0),
    }
    assert technique("building-with-biomass").estimate("ar6").cost is None  # type: ignore[union-attr]


def test_soil_carbon_keeps_its_chapter_7_parts() -> None:
    e = technique("soil-carbon").estimate("ar6")
    assert e is not None and e.range.mode is None  # no invented central for the sum
    assert [(p.name.en, p.range.low, p.range.mode, p.range.high) for p in e.parts] == [
        ("croplands", 0.4, 1.9, 6.8),
        ("grasslands", 0.2, 1.0, 2.6),
    ]
    economic = technique("soil-carbon").estimate("ar6", "economic")
    assert economic is not None
    assert [(p.range.low, p.range.mode, p.range.high) for p in economic.parts] == [
        (0.4, 0.6, 0.9),
        (0.3, 0.9, 1.6),
    ]


def test_caveats_for_what_is_not_removal_alone() -> None:
    wood = technique("building-with-biomass").estimate("ar6")
    ifm = technique("improved-forest-management").estimate("ar6")
    wet = technique("wetlands").estimate("ar6")
    assert wood is not None and wood.caveat is not None and "material substitution" in wood.caveat.text.en
    assert ifm is not None and ifm.caveat is not None and "emissions reduction" in ifm.caveat.text.en
    assert wet is not None and wet.caveat is not None and "80%" in wet.caveat.text.en
    macroalgae = technique("macroalgae")
    assert macroalgae.estimate("ar6") is None
    assert '"debated"' in macroalgae.no_estimate["ar6"].text.en


@pytest.mark.parametrize("tid", NEW)
def test_new_techniques_are_complete_in_both_languages(tid: str) -> None:
    t = technique(tid)
    assert t.name.zh and t.readiness and t.readiness.zh and t.notes and t.notes.zh
    assert t.governance and all(c.text.zh for c in t.governance)
    assert all(n.text.zh for n in t.durability)
    assert t.iamc_variable and t.iamc_variable.startswith("Carbon Removal|Land Use|")
    assert t.estimate("c2g2019") is None  # C2G does not assess it


@pytest.mark.parametrize(
    ("specs", "potential", "total"),
    [
        (
            ["afforestation", "biochar", "soil-carbon", "wetlands"],
            "economic",
            (0.5 + 0.3 + 0.7 + 0.2, 3.0 + 1.8 + 2.5 + 0.8),
        ),
        (["afforestation", "biochar"], "technical", (0.5 + 0.2, 10.1 + 6.6)),
        (
            ["agroforestry", "peatland-restoration", "coastal-wetland-restoration"],
            "economic",
            (0.4 + 0.2 + 0.05, 1.1 + 0.6 + 0.2),
        ),
        (["improved-forest-management:50%", "afforestation"], "technical", (0.5 + 0.5, 1.05 + 10.1)),
    ],
)
def test_sums_under_ar6(specs: list[str], potential: str, total: tuple[float, float]) -> None:
    result = analyse(Request(specs, assessment="ar6", potential=potential)).result
    assert (result.total.low, result.total.high) == pytest.approx(total, rel=1e-12)


def test_a_part_and_its_whole_are_refused() -> None:
    with pytest.raises(InputError) as err:
        analyse(Request(["wetlands", "peatland-restoration"], assessment="ar6"))
    assert str(err.value) == (
        "spec 2 'peatland-restoration': technique 'peatland-restoration' is part of 'wetlands' (Restoring "
        "wetlands includes rewetting peatlands): the portfolio would count it twice; give 'wetlands' or its "
        "parts, not both"
    )
    parts = analyse(Request(["peatland-restoration", "coastal-wetland-restoration"], assessment="ar6")).result
    assert (parts.total.low, parts.total.high) == pytest.approx((0.49 + 0.04, 1.3 + 0.84))


def test_economic_potential_needs_an_assessment_that_gives_one() -> None:
    with pytest.raises(InputError) as err:
        analyse(Request(["afforestation"], potential="economic"))
    assert str(err.value) == (
        "spec 1 'afforestation': technique 'afforestation' has no economic potential in assessment 'c2g2019'; "
        "assessments with one: ar6 (or set assessment ar6)"
    )
    stand_in = analyse(Request(["afforestation"], potential="economic", fallback=True))
    (entry,) = stand_in.result.portfolio.entries
    assert (entry.technique.assessment, entry.technique.fallback) == ("ar6", True)
    notes = [w["code"] for w in stand_in.to_dict()["warnings"]]
    assert notes[:2] == ["figures", "fallback"]


def test_new_techniques_under_the_default_assessment() -> None:
    with pytest.raises(InputError) as err:
        analyse(Request(["agroforestry"]))
    assert err.value.remedy == ("assessment", "ar6")
    borrowed = analyse(Request(["agroforestry", "afforestation"], fallback=True)).to_dict()
    assert [(e["technique"], e["assessment"], e["fallback"]) for e in borrowed["entries"]] == [
        ("agroforestry", "ar6", True),
        ("afforestation", "c2g2019", False),
    ]
    with pytest.raises(UsageError) as unused:
        analyse(Request(["afforestation"], fallback=True))
    assert unused.value.field == "fallback"


def test_central_values_are_the_mode_of_pert_draws() -> None:
    settings = MonteCarlo(200_000, seed=3, distribution="pert")
    a = analyse(Request(["afforestation"], assessment="ar6", monte_carlo=settings))
    assert a.result.portfolio.entries[0].range.mode == pytest.approx(3.9)
    mean = a.simulation.totals["annual"].mean  # type: ignore[union-attr]
    assert mean == pytest.approx((0.5 + 4 * 3.9 + 10.1) / 6, rel=2e-3)  # the PERT mean with mode 3.9
    own = analyse(Request(["afforestation=0.5-10.1@5"], assessment="ar6", monte_carlo=settings))
    assert own.result.portfolio.entries[0].range.mode == 5.0  # the spec's mode wins


def test_ar6_references() -> None:
    refs = load_catalog().references
    c1, c3, mitigation = refs["ar6-afolu-c1"], refs["ar6-afolu-c3"], refs["ar6-afolu-mitigation"]
    assert (c1.kind, c1.range.low, c1.range.mode, c1.range.high) == ("cumulative", 17.0, 262.0, 397.0)
    assert (c3.kind, c3.range.low, c3.range.mode, c3.range.high) == ("cumulative", 20.0, 209.0, 415.0)
    assert (mitigation.kind, mitigation.range.low, mitigation.range.high) == ("mitigation", 8.0, 14.0)
    assert "C.9.1" in (mitigation.source or "") and "12.3.1" in (c1.source or "")
    doc = analyse(Request(["afforestation"], assessment="ar6", references="ar6-afolu-mitigation")).to_dict()
    note = next(w for w in doc["warnings"] if w["code"] == "reference")
    assert "a mitigation potential that includes avoided emissions, not removals alone" in note["message"]
