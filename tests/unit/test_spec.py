from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbscdr_cli.io.portfolio_file import read_portfolio_file
from nbscdr_cli.model.errors import DataError, InputError, NbscdrError
from nbscdr_cli.model.spec import EntrySpec, parse_spec, parse_specs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("afforestation", EntrySpec("afforestation")),
        ("afforestation:50%", EntrySpec("afforestation", share=0.5)),
        ("afforestation:0.5", EntrySpec("afforestation", share=0.5)),
        ("afforestation：５０％", EntrySpec("afforestation", share=0.5)),
        ("biochar=2", EntrySpec("biochar", low=2.0, high=2.0)),
        ("biochar=1.5-3", EntrySpec("biochar", low=1.5, high=3.0)),
        ("biochar=1.5 – 3", EntrySpec("biochar", low=1.5, high=3.0)),
        ("biochar=500-800 Mt CO2/yr", EntrySpec("biochar", low=500.0, high=800.0, unit="Mt CO2/yr")),
        ("造林:100%", EntrySpec("造林", share=1.0)),
        ("soil carbon:0", EntrySpec("soil carbon", share=0.0)),
    ],
)
def test_parse_spec(text: str, expected: EntrySpec) -> None:
    got = parse_spec(text, where="w")
    assert (got.technique, got.share, got.low, got.high, got.unit) == (
        expected.technique,
        expected.share,
        expected.low,
        expected.high,
        expected.unit,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("afforestation:150%", "spec 1 'afforestation:150%': share 150% is outside 0–1 (0%–100%)"),
        (
            "afforestation:50",
            "spec 1 'afforestation:50': share 50 is outside 0–1 (0%–100%) (write 50% for a percentage)",
        ),
        (
            "afforestation:half",
            "spec 1 'afforestation:half': share 'half' is not a number or percentage, e.g. 50% or 0.5",
        ),
        ("afforestation:-10%", "share '-10%' is not a number or percentage"),
        ("biochar=3-1", "spec 1 'biochar=3-1': figure '3-1': low 3 is above high 1"),
        ("biochar=-1", "spec 1 'biochar=-1': figure '-1' is not a number or range"),
        ("biochar=1e999", "spec 1 'biochar=1e999': figure '1e999' is not a finite number"),
        (
            "biochar=1 furlong",
            "spec 1 'biochar=1 furlong': unit 'furlong': 'furlong' is not a known unit",
        ),
        ("biochar=2 Gt CO2", "unit 'Gt CO2' is an amount (no per-time)"),
        (":50%", "spec 1 ':50%': no technique named"),
        ("=2", "no technique named"),
    ],
)
def test_bad_specs(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_specs([text])
    assert str(err.value).startswith(f"spec 1 {text!r}: ")
    assert message in str(err.value)


def test_portfolio_file_toml(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        'name = "Forests first"\n[[entries]]\ntechnique = "afforestation"\nshare = "50%"\n'
        '[[entries]]\ntechnique = "biochar"\nlow = 500\nhigh = 800\nunit = "Mt CO2/yr"\n',
        encoding="utf-8",
    )
    loaded = read_portfolio_file(str(path))
    assert loaded.name == "Forests first"
    assert [(e.technique, e.share, e.low, e.high, e.unit) for e in loaded.entries] == [
        ("afforestation", 0.5, None, None, None),
        ("biochar", 1.0, 500.0, 800.0, "Mt CO2/yr"),
    ]


def test_portfolio_file_json(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"entries": [{"technique": "wetlands", "share": 0.25}]}), encoding="utf-8")
    loaded = read_portfolio_file(str(path))
    assert loaded.name is None and loaded.entries[0].share == 0.25


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.json", '{"entries": [}', "invalid JSON: Expecting value (at line 1, column 14)"),
        ("p.json", '{"entries": [{"technique": "x", "share": NaN}]}', "invalid JSON: NaN is not allowed"),
        ("p.json", '{"name": "a", "name": "b", "entries": []}', "invalid JSON: duplicate key 'name'"),
        ("p.json", "[" * 100_000, "invalid JSON: nested too deeply"),
        ("p.toml", "entries = 3", "entries: must be a non-empty list of tables ([[entries]])"),
        ("p.toml", "", "portfolio file is empty"),
        ("p.toml", "[[entries]]\ntechnique = 'a'\nshare = 2", "entries[0]: share 2 is outside 0–1"),
        (
            "p.toml",
            "[[entries]]\ntechnique = 'a'\nshare = 0.5\nhigh = 1",
            "entries[0]: give either `share` or `low`/`high`/`unit`, not both",
        ),
        ("p.toml", "[[entries]]\ntechnique = 'a'\nlow = 2\nhigh = 1", "entries[0]: low 2 is above high 1"),
        (
            "p.toml",
            "[[entries]]\ntechnique = 'a'\nhigh = inf",
            "entries[0]: high: must be a finite number, 0 or more, not inf",
        ),
        ("p.toml", "[[entries]]\ntechnique = 'a'\nwhat = 1", "entries[0]: unknown key 'what'"),
        (
            "p.toml",
            "title = 'x'\n[[entries]]\ntechnique = 'a'",
            "title: unknown key; known keys: entries, name",
        ),
    ],
)
def test_bad_portfolio_files(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_portfolio_file(str(path))
    assert str(err.value).startswith(str(path)), str(err.value)
    assert message in str(err.value)


@given(st.text(max_size=80))
def test_any_spec_text_parses_or_raises_our_error(text: str) -> None:
    try:
        spec = parse_spec(text)
    except NbscdrError as exc:
        assert "\n" not in str(exc)
    else:
        assert spec.technique
        assert 0 <= spec.share <= 1
        assert spec.high is None or (spec.low is not None and 0 <= spec.low <= spec.high)
