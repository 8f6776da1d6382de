"""Several assessments: the data model, switching, and side-by-side comparison."""

from __future__ import annotations

import pytest

from nbscdr_cli.api.comparison import compare
from nbscdr_cli.api.request import Request, analyse
from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.io.validate import catalog_from_dict
from nbscdr_cli.model.errors import DataError, InputError


def totals(specs: list[str], assessment: str | None, *, fallback: bool = False) -> tuple[float, float]:
    total = analyse(Request(specs, assessment=assessment, fallback=fallback)).result.total
    return total.lower, total.high


def test_fuss2018_sum_counts_the_missing_low_as_zero() -> None:
    assert totals(["afforestation", "biochar", "soil-carbon"], "fuss2018") == (1.0, 10.6)


def test_sr15_ranges() -> None:
    assert totals(["afforestation"], "sr15") == (0.5, 3.6)
    assert totals(["soil-carbon"], "sr15") == (2.3, 5.3)


def test_default_is_c2g2019() -> None:
    catalog = load_catalog()
    assert catalog.default_assessment == "c2g2019"
    assert totals(["afforestation", "biochar", "soil-carbon"], None) == (5.8, 33.8)
    assert totals(["afforestation", "biochar", "soil-carbon"], "c2g2019") == (5.8, 33.8)


def test_every_estimate_has_a_source_and_its_assessment_a_citation() -> None:
    catalog = load_catalog()
    for technique in catalog.all_techniques.values():
        for estimate in technique.estimates:
            assert estimate.source, (technique.id, estimate.assessment)
            assert estimate.assessment in catalog.assessments
    assert all(a.citation for a in catalog.assessments.values())
    assert [e.assessment for e in catalog.techniques["soil-carbon"].estimates] == [
        "c2g2019",
        "fuss2018",
        "sr15",
        "ar6",
        "ar6",
    ]
    assert [e.potential for e in catalog.techniques["soil-carbon"].estimates][-2:] == [
        "technical",
        "economic",
    ]


def test_missing_estimate_names_the_technique_and_who_has_it() -> None:
    with pytest.raises(InputError) as err:
        analyse(Request(["afforestation", "wetlands"], assessment="fuss2018"))
    assert str(err.value) == (
        "spec 2 'wetlands': technique 'wetlands' has no estimate in assessment 'fuss2018'; "
        "assessments with one: c2g2019, ar6 (or set fallback to use 'c2g2019' for it)"
    )
    assert err.value.remedy == ("fallback", "to use 'c2g2019' for it")


def test_fallback_uses_and_marks_the_default_estimate() -> None:
    request = Request(["afforestation", "wetlands"], assessment="fuss2018", fallback=True)
    entries = analyse(request).result.portfolio.entries
    assert [(e.technique.id, e.technique.assessment, e.technique.fallback) for e in entries] == [
        ("afforestation", "fuss2018", False),
        ("wetlands", "c2g2019", True),
    ]
    assert totals(["afforestation", "wetlands"], "fuss2018", fallback=True) == (0.5, 4.6)


def test_unknown_assessment_gets_did_you_mean() -> None:
    with pytest.raises(InputError) as err:
        load_catalog().under("fuss")
    assert (
        str(err.value)
        == "assessment: unknown assessment 'fuss' (did you mean 'fuss2018'?); known: c2g2019, fuss2018, sr15, ar6, roe2021"
    )


def test_compare_rows() -> None:
    rows = compare(
        Request(["afforestation", "biochar", "soil-carbon"]), assessments=["c2g2019", "fuss2018", "sr15"]
    ).rows
    assert [(r.key, r.analysis is not None, r.missing) for r in rows] == [
        ("c2g2019", True, ()),
        ("fuss2018", True, ()),
        ("sr15", False, ("biochar",)),
    ]
    assert rows[1].analysis is not None
    assert (rows[1].analysis.result.total.lower, rows[1].analysis.result.total.high) == (1.0, 10.6)


def _doc(*estimates: dict[str, object]) -> dict[str, object]:
    return {
        "assessments": {"a": {"citation": "A"}, "b": {"citation": "B"}},
        "techniques": {
            "x": {"name": {"en": "X"}, "high": 1, "unit": "Gt CO2/yr", "estimates": list(estimates)}
        },
    }


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (
            _doc(
                {"assessment": "b", "high": 1, "unit": "Gt CO2/yr"},
                {"assessment": "b", "high": 2, "unit": "Gt CO2/yr"},
            ),
            "f.toml: techniques.x.estimates[1]: a second technical estimate for assessment 'b'; give one per assessment",
        ),
        (
            _doc({"assessment": "a", "high": 2, "unit": "Gt CO2/yr"}),
            "f.toml: techniques.x.estimates[0]: a second technical estimate for assessment 'a'; give one per assessment",
        ),
        (
            _doc({"assessment": "bb", "high": 2, "unit": "Gt CO2/yr"}),
            "f.toml: techniques.x.estimates[0].assessment: 'bb' is not defined under [assessments] (did you mean 'b'?)",
        ),
        (
            _doc({"high": 2, "unit": "Gt CO2/yr"}),
            "f.toml: techniques.x.estimates[0].assessment: missing (which assessment gives this estimate)",
        ),
        (
            {"assessments": {"a": {}}, "techniques": {}},
            "f.toml: assessments.a.citation: missing (every assessment needs its citation)",
        ),
        (
            {"default_assessment": "z", "techniques": {}},
            "f.toml: default_assessment: 'z' is not defined under [assessments]",
        ),
    ],
)
def test_estimate_validation(doc: dict[str, object], message: str) -> None:
    with pytest.raises(DataError) as err:
        catalog_from_dict(doc, source="f.toml")
    assert str(err.value) == message
