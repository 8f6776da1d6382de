"""IPCC AR6 WGIII in the built-in catalog: every figure as FACTS-AR6.md restates
it (chapter and section in each source), with the kind of potential, period,
central value and what it counts as the sentence it comes from says (issue 21),
read from the data file itself."""

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
    "soil-carbon": ((0.6, None, 9.3, "Table 12.6"), (0.7, None, 2.5, "section 12.3.2")),
    "wetlands": ((0.5, None, 2.1, "Table 12.6"), (0.2, None, 0.8, "section 12.3.2")),
    "building-with-biomass": ((0.04, 1.0, 3.7, "section 7.4.5.3"), (0.3, 0.4, 0.5, "section 7.4.5.3")),
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


def test_what_each_figure_counts_as_its_sentence_says() -> None:
    """Row 6: a CO2e figure says what it includes; only a removal of CO2 alone is one."""
    counts = {
        tid: technique(tid).estimate("ar6").includes  # type: ignore[union-attr]
        for tid in AR6
    }
    assert counts == {
        "afforestation": ("co2-removal",),
        "biochar": ("co2-removal", "emission-reduction"),
        "soil-carbon": ("co2-removal",),
        "wetlands": ("co2-removal", "avoided-emissions", "non-co2-gases"),
        "building-with-biomass": ("co2-removal", "material-substitution"),
        "agroforestry": ("co2-removal",),
        "improved-forest-management": ("co2-removal", "emission-reduction"),
        "peatland-restoration": ("co2-removal", "avoided-emissions", "non-co2-gases"),
        "coastal-wetland-restoration": ("co2-removal", "non-co2-gases"),
    }
    biochar = technique("biochar").estimate("ar6")
    assert biochar is not None and biochar.removal_only is False
    assert "through CDR and emissions reduction" in next(
        q.text for q in biochar.quotes if q.id == "ar6-biochar"
    )
    assert technique("afforestation").estimate("ar6").removal_only is True  # type: ignore[union-attr]


def test_the_80_percent_shares_attach_as_their_sources_state_them() -> None:
    """Row 7: chapter 12's 80% CDR is for peatland and coastal wetland restoration
    together; chapter 7's shares are from soil carbon (peatland 80%, coastal 60%)."""
    wet = technique("wetlands").estimate("ar6")
    peat = technique("peatland-restoration").estimate("ar6")
    coast = technique("coastal-wetland-restoration").estimate("ar6")
    assert (
        wet is not None
        and wet.caveat is not None
        and wet.caveat.text.en.startswith("AR6 estimates that 80% of")
    )
    assert "12.3.2" in wet.caveat.source
    assert peat is not None and peat.caveat is not None and peat.caveat.source.endswith("section 7.4.2.7")
    assert peat.caveat.text.en.startswith(
        "80% of this mitigation potential is derived from improvements to soil"
    )
    assert coast is not None and coast.caveat is not None and coast.caveat.source.endswith("section 7.4.2.9")
    assert coast.caveat.text.en.startswith(
        "60% of this mitigation potential is derived from improvements to soil"
    )


def test_means_medians_periods_and_kinds_are_the_sources() -> None:
    """Rows 2–4: chapter 7's central values are means, the peatland sentence's a
    median; each figure carries its own year; each its source's kind of potential."""
    statistics = {tid: technique(tid).estimate("ar6").statistic for tid in AR6}  # type: ignore[union-attr]
    assert statistics == {
        "afforestation": "mean",
        "biochar": "mean",
        "soil-carbon": None,
        "wetlands": None,
        "building-with-biomass": "mean",
        "agroforestry": "mean",
        "improved-forest-management": "mean",
        "peatland-restoration": "median",
        "coastal-wetland-restoration": "mean",
    }
    periods = {tid: technique(tid).estimate("ar6").period for tid in AR6}  # type: ignore[union-attr]
    assert {tid: p.en for tid, p in periods.items() if p is not None} == {
        "afforestation": "by 2050",
        "wetlands": "in 2050",
        "agroforestry": "for the period 2020–2050",
        "improved-forest-management": "by 2050",
    }
    kinds = {
        (tid, e.assessment, e.potential): e.kind
        for tid in ("afforestation", "soil-carbon")
        for e in technique(tid).estimates
    }
    assert kinds == {
        ("afforestation", "c2g2019", "technical"): "not stated",
        ("afforestation", "fuss2018", "technical"): "sustainable",
        ("afforestation", "sr15", "technical"): "sustainable",
        ("afforestation", "ar6", "technical"): "technical",
        ("afforestation", "ar6", "economic"): "economic",
        ("soil-carbon", "c2g2019", "technical"): "not stated",
        ("soil-carbon", "fuss2018", "technical"): "sustainable",
        ("soil-carbon", "sr15", "technical"): "sustainable",
        ("soil-carbon", "ar6", "technical"): "technical",
        ("soil-carbon", "ar6", "economic"): "economic",
    }


def test_differing_ar6_figures_are_kept_beside_each_other() -> None:
    """Rows 5, 8, 19: IFM 0.1–2.1 (Table 12.6) against 1–2.1; soil carbon 0.6–9.4
    (12.3.2) against 0.6–9.3; blue carbon's own Table 12.6 row; Fuss's abstract
    against SR1.5's 2.3–5.3."""

    def others(tid: str, assessment: str) -> list[tuple[float | None, float, str]]:
        e = technique(tid).estimate(assessment)
        assert e is not None
        return [(o.range.low, o.range.high, o.unit) for o in e.other_figures]

    assert others("improved-forest-management", "ar6") == [(0.1, 2.1, "Gt CO2/yr")]
    assert others("soil-carbon", "ar6") == [(0.6, 9.4, "Gt CO2e/yr")]
    assert others("soil-carbon", "fuss2018") == [(2.3, 5.3, "Gt CO2/yr")]
    assert others("coastal-wetland-restoration", "ar6") == [
        (None, 1.0, "Gt CO2/yr"),
        (0.02, 0.08, "Gt CO2/yr"),
    ]
    blue = technique("coastal-wetland-restoration").estimate("ar6").other_figures[0]  # type: ignore[union-attr]
    assert "TRL 2–3" in blue.text.en and "~100 to ~10,000" in blue.text.en


def test_macroalgae_has_no_assessed_ar6_estimate_and_no_invented_link() -> None:
    """Rows 13 and 14: AR6 relays N'Yeurt et al.'s 19 GtCO2 in biomass (an
    amount); that the brief's 19 matches it is nbscdr's observation."""
    macroalgae = technique("macroalgae")
    assert macroalgae.estimate("ar6") is None
    reason = macroalgae.no_estimate["ar6"].text.en
    assert '"debated"' in reason and "19 GtCO2 in biomass, an amount, not a yearly rate" in reason
    assert macroalgae.caveat is not None and "goes back to" not in macroalgae.caveat.text.en
    (remark,) = macroalgae.remarks
    assert remark.source == "nbscdr" and "neither AR6 nor the brief links the two" in remark.text.en


def test_agroforestry_is_scoped_as_the_sources_do() -> None:
    """Row 16: AR6 files agroforestry under agriculture; it overlaps with soil
    carbon (a sourced reason) and with afforestation (nbscdr's reading)."""
    catalog = load_catalog()
    assert catalog.all_techniques["agroforestry"].scope == "soils"
    pairs = {o.techniques: o.source for o in catalog.overlaps if "agroforestry" in o.techniques}
    assert pairs == {
        ("agroforestry", "soil-carbon"): "IPCC (2022), AR6 WGIII, Chapter 7, sections 7.4.3.1 and 7.4.3.3",
        ("agroforestry", "afforestation"): "nbscdr",
    }
    mangroves = [o for o in catalog.overlaps if "afforestation" in o.techniques and "mangroves" in o.text.en]
    assert mangroves and all(o.source == "nbscdr" and "which are forests" not in o.text.en for o in mangroves)


def test_governance_lines_name_their_source_or_say_they_are_nbscdrs() -> None:
    """Row 15: SPM C.11.5 and C.9.3 for the four AR6-only techniques; what no
    source says is marked as nbscdr's own summary."""
    for tid in NEW:
        sources = {c.id: c.source for c in technique(tid).governance}
        assert sources["agreed-mrv"] == "IPCC (2022), AR6 WGIII, Summary for Policymakers, C.11.5"
        assert sources["risk-of-reversal"] == "IPCC (2022), AR6 WGIII, Summary for Policymakers, C.9.3"
        assert sources.get("removal-or-reduction", "nbscdr") == "nbscdr"
        assert technique(tid).readiness.source.startswith("IPCC (2022), AR6 WGIII, Chapter 12, Table 12.6")  # type: ignore[union-attr]
    every = load_catalog().all_techniques.values()
    assert all(c.source for t in every for c in t.governance)


@pytest.mark.parametrize("tid", NEW)
def test_new_techniques_are_complete_in_both_languages(tid: str) -> None:
    t = technique(tid)
    assert t.name.zh and t.readiness and t.readiness.text.zh and t.notes and t.notes.text.zh
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
        "wetlands includes rewetting and restoring peatlands): the portfolio would count it twice; give "
        "'wetlands' or its parts, not both"
    )
    parts = analyse(Request(["peatland-restoration", "coastal-wetland-restoration"], assessment="ar6")).result
    assert (parts.total.low, parts.total.high) == pytest.approx((0.49 + 0.04, 1.3 + 0.84))


def test_economic_potential_needs_an_assessment_that_gives_one() -> None:
    with pytest.raises(InputError) as err:
        analyse(Request(["afforestation"], potential="economic"))
    assert str(err.value) == (
        "spec 1 'afforestation': technique 'afforestation' has no economic potential in assessment 'c2g2019'; "
        "assessments with one: ar6, and roe2021 for a country or region (its figures are by country: give a region) "
        "(or set assessment ar6)"
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
    assert "C.9.1" in (mitigation.source or "") and "section 12.3.2" in (c1.source or "")
    assert mitigation.potential == "economic"  # SPM C.9.1: "economic mitigation potential"
    # one rule for every economic reference, asked for by name or not; AR6's
    # technical potentials and C2G's (kind not stated) are refused alike
    for assessment in ("ar6", "c2g2019"):
        with pytest.raises(UsageError) as refused:
            analyse(Request(["afforestation"], assessment=assessment, references="ar6-afolu-mitigation"))
        assert str(refused.value) == (
            "references: ar6-afolu-mitigation is an economic potential: it is compared only with economic "
            "potentials (or set potential economic)"
        )
    request = Request(
        ["afforestation"], assessment="ar6", potential="economic", references="ar6-afolu-mitigation"
    )
    doc = analyse(request).to_dict()
    note = next(w for w in doc["warnings"] if w["code"] == "reference")
    assert "a mitigation potential that includes avoided emissions, not removals alone" in note["message"]
