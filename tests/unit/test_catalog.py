from __future__ import annotations

from pathlib import Path

import pytest

from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.io.validate import catalog_from_dict
from nbscdr_cli.model.errors import DataError, InputError
from nbscdr_cli.model.names import normalise_name

DATA = Path(__file__).parents[1] / "data"


def test_builtin_catalog_has_the_six_techniques_of_the_brief() -> None:
    catalog = load_catalog()
    ranges = {tid: (t.range.low, t.range.high) for tid, t in catalog.techniques.items()}
    assert ranges == {
        "afforestation": (3.0, 18.0),
        "biochar": (1.8, 4.8),
        "building-with-biomass": (0.5, 1.0),
        "macroalgae": (None, 19.0),
        "soil-carbon": (1.0, 11.0),
        "wetlands": (None, 1.0),
    }


def test_builtin_unep_reference() -> None:
    unep = load_catalog().references["unep"]
    # the Chinese edition of the brief, which nbscdr cites, writes "4–12 Gt的二氧化碳" (issue 21, row 9)
    assert (unep.range.low, unep.range.high, unep.unit) == (4.0, 12.0, "Gt CO2/yr")
    assert "its English edition writes GtCO2e" in unep.measures.en  # type: ignore[union-attr]
    assert unep.includes == ("co2-removal",) and unep.quotes[0].text.endswith(
        "4–12 Gt的二氧化碳，而一些研究表明，其潜力还要大得多。"
    )
    assert unep.scope == ("forests", "wetlands", "soils")


def test_every_builtin_figure_has_a_source_and_both_languages() -> None:
    catalog = load_catalog()
    for technique in catalog.techniques.values():
        assert technique.source and "C2G 2019" in technique.source
        assert technique.name.zh and technique.readiness and technique.readiness.text.zh
        assert technique.readiness.source == "C2G 2019, table of proposed techniques"
        assert all(c.text.zh for c in technique.governance)
    for reference in catalog.references.values():
        assert reference.source


@pytest.mark.parametrize(
    ("query", "tid"),
    [
        ("afforestation", "afforestation"),
        ("REFORESTATION", "afforestation"),
        ("造林和再造林", "afforestation"),
        ("Building with biomass", "building-with-biomass"),
        ("building_with_biomass", "building-with-biomass"),
        ("ｓｅａｗｅｅｄ", "macroalgae"),  # full-width
        ("wetland restoration", "wetlands"),
        ("土壤中的碳封存", "soil-carbon"),
        ("恢复湿地", "wetlands"),
    ],
)
def test_find_by_id_alias_or_name(query: str, tid: str) -> None:
    assert load_catalog().find(query).id == tid


def test_a_part_is_named_by_its_own_aliases() -> None:
    # "peatlands" and "mangroves" name the parts AR6 assesses, not the whole
    ar6 = load_catalog().under("ar6")
    assert ar6.find("peatlands").id == "peatland-restoration"
    assert ar6.find("mangroves").id == "coastal-wetland-restoration"
    assert ar6.find("红树林").id == "coastal-wetland-restoration"


def test_unknown_name_gets_did_you_mean() -> None:
    with pytest.raises(InputError) as err:
        load_catalog().find("biocahr")
    assert str(err.value) == (
        "unknown technique 'biocahr' (did you mean 'biochar'?); `nbscdr list` shows the techniques"
    )


def test_user_catalog_replaces_builtin() -> None:
    catalog = load_catalog(DATA / "three.toml")
    assert list(catalog.techniques) == ["alpha", "beta", "gamma"]
    assert catalog.techniques["beta"].range.high == pytest.approx(3 * 44 / 12 / 1000)


def test_environment_variable_names_the_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NBSCDR_DATA", str(DATA / "three.toml"))
    assert "alpha" in load_catalog().techniques


def _doc(**technique: object) -> dict[str, object]:
    body = {"name": {"en": "X"}, "high": 1, "unit": "Gt CO2/yr"}
    body.update(technique)
    return {"techniques": {"x": body}}


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (_doc(hihg=2), "f.toml: techniques.x.hihg: unknown key (did you mean 'high'?)"),
        (_doc(low=4.8, high=1.8), "f.toml: techniques.x.low: 4.8 is above high 1.8"),
        (_doc(high="ten"), "f.toml: techniques.x.high: must be a number, not a string"),
        (_doc(high=True), "f.toml: techniques.x.high: must be a number, not a boolean"),
        (_doc(high=-1), "f.toml: techniques.x.high: -1 is negative; removals are 0 or more"),
        (_doc(high=float("nan")), "f.toml: techniques.x.high: must be a finite number, not nan"),
        (_doc(high=float("inf")), "f.toml: techniques.x.high: must be a finite number, not inf"),
        (_doc(high=10**400), "f.toml: techniques.x.high: is too large"),
        (_doc(unit="m"), "f.toml: techniques.x.unit: unit 'm': 'm' is not a known unit"),
        (_doc(unit="Gt CO2"), "f.toml: techniques.x.unit: unit 'Gt CO2' is an amount"),
        (_doc(name={"zh": "甲"}), "f.toml: techniques.x.name.en: missing (English text is required)"),
        (_doc(aliases="y"), "f.toml: techniques.x.aliases: must be a list of strings, not a string"),
        ({"techniques": {}}, "f.toml: techniques: no techniques defined"),
        ({"technique": {}}, "f.toml: technique: unknown key (did you mean 'techniques'?)"),
        (
            {
                "techniques": {
                    "x": {"name": {"en": "X"}, "high": 1, "unit": "Gt CO2/yr"},
                    "y": {"name": {"en": "Y"}, "high": 1, "unit": "Gt CO2/yr", "aliases": ["Ｘ"]},
                }
            },
            "f.toml: techniques.y: name or alias 'Ｘ' is already used by techniques.x",
        ),
        (
            {**_doc(), "overlaps": [{"techniques": ["x", "nope"], "en": "E", "source": "S"}]},
            "f.toml: overlaps[0].techniques[1]: unknown technique 'nope'",
        ),
        (
            {**_doc(), "overlaps": [{"techniques": ["x", "x"], "en": "E", "source": "S"}]},
            "f.toml: overlaps[0].techniques: must name two different techniques",
        ),
        (
            {**_doc(), "overlaps": [{"techniques": ["x", "nope"], "en": "E", "source": "S", "why": "?"}]},
            "f.toml: overlaps[0].why: unknown key; known keys: en, quotes, source, techniques, zh",
        ),
        (
            _doc(kind="theoretical"),
            "f.toml: techniques.x.kind: 'theoretical' is not one of technical, economic, "
            "sustainable, not stated",
        ),
        (
            _doc(kind="economic"),
            "f.toml: techniques.x.kind: 'economic' in a technical estimate: an economic "
            "potential fills the economic slot",
        ),
        (
            _doc(includes=["co2-removals"]),
            "f.toml: techniques.x.includes[0]: 'co2-removals' is not one of "
            "co2-removal, avoided-emissions, emission-reduction, non-co2-gases, material-substitution (did you "
            "mean 'co2-removal'?)",
        ),
        (_doc(includes=["co2-removal", "co2-removal"]), "f.toml: techniques.x.includes: names an item twice"),
        (
            _doc(statistic="mean"),
            "f.toml: techniques.x.statistic: says what the central value is, but there is no central",
        ),
        (
            _doc(central=0.5, statistic="mode"),
            "f.toml: techniques.x.statistic: 'mode' is not one of mean, median",
        ),
        (_doc(source="S", quotes=["q"]), "f.toml: techniques.x.quotes[0]: 'q' is not defined under [quotes]"),
        (
            _doc(quotes=["q"]),
            "f.toml: techniques.x.source: missing (quotations need the citation they support)",
        ),
        (
            {**_doc(), "quotes": {"q": {"source": "S", "lang": "en", "text": "T"}}},
            "f.toml: quotes.q.section: missing (a quotation names its source, section and language)",
        ),
        (
            {**_doc(), "quotes": {"q": {"source": "S", "section": "1", "lang": "fr", "text": "T"}}},
            "f.toml: quotes.q.lang: 'fr' is not one of en, zh",
        ),
        (
            _doc(other_figures=[{"high": 2, "unit": "Gt CO2/yr", "en": "E"}]),
            "f.toml: techniques.x.other_figures[0].source: missing (what the other figure is, and its source)",
        ),
        (
            _doc(governance=[{"en": "E", "quotes": []}]),
            "f.toml: techniques.x.governance[0].source: missing (quotations need the citation they support)",
        ),
        (
            _doc(caveat={"en": "E"}),
            "f.toml: techniques.x.caveat.source: missing (every note needs its source)",
        ),
        (
            {**_doc(), "references": {"r": {"low": 1, "high": 2, "unit": "Gt CO2/yr"}}},
            "f.toml: references.r.kind: missing; one of potential, scenario, cumulative, mitigation",
        ),
        (
            {**_doc(), "references": {"r": {"kind": "annual", "low": 1, "high": 2, "unit": "Gt CO2/yr"}}},
            "f.toml: references.r.kind: 'annual' is not one of potential, scenario, cumulative, mitigation",
        ),
        (
            {**_doc(), "references": {"r": {"kind": "cumulative", "low": 1, "high": 2, "unit": "Gt CO2/yr"}}},
            "f.toml: references.r.unit: unit 'Gt CO2/yr' is a rate (per time)",
        ),
    ],
)
def test_catalog_validation_messages(doc: dict[str, object], message: str) -> None:
    with pytest.raises(DataError) as err:
        catalog_from_dict(doc, source="f.toml")
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"[techniques.x\n",
            "invalid TOML: Expected ']' at the end of a table declaration (at line 1, column 14)",
        ),
        (b"\xff\xfe", "not UTF-8 text (byte 0xff on line 1)"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(DataError) as err:
        load_catalog(path)
    assert str(err.value) == f"{path}: {message}"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "three.toml").read_bytes())
    assert "alpha" in load_catalog(path).techniques


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as err:
        load_catalog(tmp_path / "none.toml")
    assert str(err.value) == f"{tmp_path / 'none.toml'}: data file not found"


def test_cache_is_invalidated_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "cat.toml"
    path.write_text((DATA / "three.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_catalog(path).techniques["alpha"].range.high == 2.0
    path.write_text(path.read_text(encoding="utf-8").replace("high = 2\n", "high = 2.5\n"), encoding="utf-8")
    assert load_catalog(path).techniques["alpha"].range.high == 2.5


def test_normalise_name() -> None:
    assert normalise_name("  Soil_Carbon  ") == "soil-carbon"
    assert normalise_name("ＳＯＩＬ　carbon") == "soil-carbon"


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ('{ en = "x", from = 2020 }', "f.toml: references.r.period: give both years (from, to) or neither"),
        (
            '{ en = "x", from = 2100, to = 2020 }',
            "f.toml: references.r.period: from and to are years, from before to",
        ),
        ('{ en = "x", until = 2100 }', "f.toml: references.r.period.until: unknown key"),
    ],
)
def test_reference_period_is_checked(tmp_path: Path, period: str, message: str) -> None:
    data = tmp_path / "f.toml"
    data.write_text(
        '[techniques.x]\nname = { en = "X" }\nhigh = 1\nunit = "Gt CO2/yr"\n'
        f'[references.r]\nkind = "cumulative"\nlow = 1\nhigh = 2\nunit = "Gt CO2"\nperiod = {period}\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        load_catalog(data)
    assert str(err.value).startswith(f"{tmp_path}/{message}")


def test_a_users_figure_says_no_kind_or_content_it_was_not_given() -> None:
    """Outside the built-in data a figure's kind is "not stated" (an economic slot
    holds an economic potential), and what it counts is not stated either."""
    doc = {
        "assessments": {"a": {"citation": "C"}},
        "techniques": {
            "x": {
                "name": {"en": "X"},
                "estimates": [
                    {"assessment": "a", "high": 2, "unit": "Gt CO2/yr"},
                    {"assessment": "a", "potential": "economic", "high": 1, "unit": "Gt CO2/yr"},
                ],
            }
        },
    }
    x = catalog_from_dict(doc, source="f.toml").all_techniques["x"]
    assert [(e.potential, e.kind, e.includes, e.removal_only) for e in x.estimates] == [
        ("technical", "not stated", (), None),
        ("economic", "economic", (), None),
    ]


def test_quotations_are_resolved_and_shared() -> None:
    doc = {
        **_doc(source="S, section 1", quotes=["q"], readiness={"en": "R", "source": "S", "quotes": ["q"]}),
        "quotes": {
            "q": {"source": "S", "section": "section 1", "lang": "en", "text": "T", "translation": "译"}
        },
    }
    catalog = catalog_from_dict(doc, source="f.toml")
    x = catalog.all_techniques["x"]
    assert x.in_use is not None and x.in_use.quotes == (catalog.quotes["q"],)
    assert x.readiness is not None and x.readiness.quotes[0] is catalog.quotes["q"]
    assert catalog.quotes["q"] == ("q", "S", "section 1", "en", "T", "译")
