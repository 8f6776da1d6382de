"""Any text or bytes in: a valid result or the project's own one-line error out."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nbscdr_cli.io.load import load_catalog
from nbscdr_cli.io.portfolio_file import ENTRY_KEYS, portfolio_from_dict, read_portfolio_file
from nbscdr_cli.io.validate import TECHNIQUE_KEYS, catalog_from_dict
from nbscdr_cli.model.catalog import Catalog
from nbscdr_cli.model.errors import NbscdrError

JSON_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
VALUES = JSON_LIKE | st.sampled_from(["Gt CO2/yr", "Mt C/yr", "m", "10**10", "", "up to"])
TECHNIQUE = st.dictionaries(st.sampled_from(sorted(TECHNIQUE_KEYS | {"bogus"})), VALUES, max_size=8)
DOCUMENT = st.fixed_dictionaries(
    {"techniques": st.dictionaries(st.text(min_size=1, max_size=6), TECHNIQUE | JSON_LIKE, max_size=3)},
    optional={"references": JSON_LIKE, "assessments": JSON_LIKE, "default_assessment": VALUES},
)


def one_line(error: NbscdrError) -> None:
    assert "\n" not in str(error)
    assert str(error)


@given(DOCUMENT)
@settings(max_examples=300)
def test_catalog_documents(document: dict[str, object]) -> None:
    try:
        catalog = catalog_from_dict(document, source="f.toml")
    except NbscdrError as exc:
        one_line(exc)
        assert str(exc).startswith("f.toml: ")
    else:
        assert isinstance(catalog, Catalog)
        for technique in catalog.techniques.values():
            assert 0 <= technique.range.lower <= technique.range.high


@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_catalog_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cat.toml"
    path.write_bytes(content)
    try:
        load_catalog(path)
    except NbscdrError as exc:
        one_line(exc)


ENTRY = st.dictionaries(st.sampled_from(sorted(ENTRY_KEYS | {"x"})), VALUES, max_size=5)


@given(
    st.fixed_dictionaries({"entries": st.lists(ENTRY | JSON_LIKE, max_size=4)}, optional={"name": VALUES})
    | JSON_LIKE
)
@settings(max_examples=300)
def test_portfolio_documents(document: object) -> None:
    try:
        loaded = portfolio_from_dict(document, where="p.json")
    except NbscdrError as exc:
        one_line(exc)
    else:
        for entry in loaded.entries:
            assert 0 <= entry.share <= 1
            assert entry.high is None or (entry.low is not None and entry.low <= entry.high)


@given(st.binary(max_size=300), st.sampled_from(["p.json", "p.toml", "p.txt"]))
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_portfolio_files(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    try:
        read_portfolio_file(str(path))
    except NbscdrError as exc:
        one_line(exc)
