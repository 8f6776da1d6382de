"""Frames and reprs for analysts (issue 23): technique rows only in to_frame, the
totals, statistics and years in frames of their own, one-line reprs, real
annotations in help(), and IAMC data that merges."""

from __future__ import annotations

import html.parser
import pydoc
import typing
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nbscdr_cli import HorizonSettings, MonteCarlo, Request, UsageError, analyse, load_catalog

SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
SUBSETS = [list(c) for n in range(1, 7) for c in combinations(SIX, n)]


@pytest.mark.parametrize("names", SUBSETS, ids=lambda n: "+".join(n))
def test_entries_add_up_to_the_total_at_full_shares(names: list[str]) -> None:
    a = analyse(Request(names))
    frame = a.to_frame()
    assert list(frame.index) == names  # technique rows only
    assert frame["high"].sum() == a.totals_frame().loc["annual", "high"] == a.to_dict()["total"]["high"]
    assert frame["low"].sum() == a.to_dict()["total"]["low"]


def test_central_values_and_marginal_percentiles_say_what_they_are() -> None:
    a = analyse(Request(["afforestation", "biochar"], assessment="ar6", monte_carlo=MonteCarlo(1000, seed=1)))
    frame = a.to_frame()
    assert frame.loc["afforestation", "central"] == 3.9  # AR6 WGIII 7.4.2.2: 3.9 (0.5-10.1)
    assert [c for c in frame.columns if c.startswith("marginal_")] == [
        "marginal_p5",
        "marginal_p50",
        "marginal_p95",
    ]
    doc = a.to_dict()
    assert frame.loc["biochar", "marginal_p50"] == doc["entries"][1]["percentiles"]["50"]
    totals = a.totals_frame()
    assert totals.loc["annual", "p50"] == doc["uncertainty"]["percentiles"]["50"]
    assert "p50" not in frame.columns and "total" not in frame.index


def test_statistics_and_years_have_frames_of_their_own() -> None:
    period = HorizonSettings(2030, 2033)
    a = analyse(Request(["afforestation"], monte_carlo=MonteCarlo(1000, seed=2), horizon=period))
    stats = a.statistics_frame()
    assert set(stats["total"]) == {"annual", "cumulative", "stored_at_end"}
    assert stats["value"].dtype.kind == "f"  # one numeric column: settings are columns of their own
    years = a.years_frame()
    assert list(years["year"]) == [2030, 2031, 2032, 2030, 2031, 2032]
    assert list(years["technique"]) == ["afforestation"] * 3 + ["total"] * 3
    assert list(a.totals_frame().index) == ["annual", "cumulative", "stored_at_end"]


@pytest.mark.parametrize(
    ("method", "field"), [("statistics_frame", "monte_carlo"), ("years_frame", "horizon")]
)
def test_a_frame_the_analysis_lacks_is_a_usage_error(method: str, field: str) -> None:
    with pytest.raises(UsageError) as err:
        getattr(analyse(Request(["biochar"])), method)()
    assert err.value.field == field


def test_repr_is_a_few_lines_whatever_the_catalog(tmp_path: Path) -> None:
    rows = "".join(
        f'[techniques.t{i}]\nname = {{ en = "T{i}" }}\nhigh = 1\nunit = "Gt CO2/yr"\n' for i in range(300)
    )
    path = tmp_path / "big.toml"
    path.write_text(rows, encoding="utf-8")
    catalog = load_catalog(path)
    a = analyse(Request([f"t{i}" for i in range(300)], catalog=catalog, horizon=HorizonSettings(2030, 2050)))
    text = repr(a)
    assert text == (
        "<Analysis of 300 entries (t0, t1, t2, t3, t4, t5, and 294 more); own figures, potential of a kind "
        "not stated\n total 0–300 Gt CO2/yr; period 2030–2050>"
    )


def test_repr_reads_as_the_command_line_does() -> None:
    """The total to the precision of its least precise entry (10.1 + 9.3 from 0.5 and
    0.6: two figures, as `nbscdr portfolio` shows 1.1 and 19), the kind its sources
    give; the exact values stay in ``result.total``."""
    a = analyse(Request(["afforestation", "soil-carbon"], assessment="ar6"))
    assert repr(a) == (
        "<Analysis of 2 entries (afforestation, soil-carbon); ar6, technical potential\n total 1.1–19 Gt CO2/yr>"
    )
    assert (a.result.total.low, a.result.total.high) == (1.1, 19.4)
    c2g = analyse(Request(["afforestation", "biochar:50%"]))
    assert repr(c2g).splitlines() == [
        "<Analysis of 2 entries (afforestation, biochar:50%); c2g2019, potential of a kind not stated",
        " total 3.9–20 Gt CO2/yr>",
    ]


class _Cells(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_repr_html_is_a_table_with_every_text_escaped(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(
        '[techniques.x]\nname = { en = "<img src=x onerror=alert(1)>" }\nhigh = 1\nunit = "Gt CO2/yr"\n',
        encoding="utf-8",
    )
    table = analyse(Request(["x"], catalog=load_catalog(path)))._repr_html_()
    parser = _Cells()
    parser.feed(table)
    assert "img" not in parser.tags and set(parser.tags) == {
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert "<img src=x onerror=alert(1)>" in parser.text


@pytest.mark.parametrize("kind", ["Request", "MonteCarlo", "HorizonSettings"])
def test_help_shows_real_annotations(kind: str) -> None:
    import nbscdr_cli

    cls = getattr(nbscdr_cli, kind)
    assert "ForwardRef" not in pydoc.render_doc(cls)
    hints = typing.get_type_hints(cls)
    assert all(not isinstance(h, str | typing.ForwardRef) for h in hints.values())


def test_settings_read_as_they_were_given() -> None:
    assert repr(MonteCarlo(1000, seed=1)) == (
        "MonteCarlo(samples=1000, seed=1, distribution='uniform', correlation=0.0, "
        "percentiles=(5.0, 50.0, 95.0), method='monte-carlo')"
    )
    assert repr(HorizonSettings(2030, 2050, reversal_rate={"afforestation": 0.01})) == (
        "HorizonSettings(start=2030, end=2050, reversal_rate={'afforestation': 0.01})"
    )


# ------------------------------------------------------------------ IAMC


def test_iamc_years_run_from_start_to_end_inclusive() -> None:
    a = analyse(Request(["afforestation", "soil-carbon"], horizon=HorizonSettings(2030, 2050), unit="Gt CO2"))
    from nbscdr_cli.api.iamc import iamc_document

    doc = iamc_document(a)
    assert doc["years"] == list(range(2030, 2051))
    soil = next(
        r
        for r in doc["rows"]
        if r["variable"].endswith("Soil Carbon Management") and r["scenario"].endswith("|high")
    )
    # 11 Gt CO2/yr through 2049; soil carbon saturates after 20 years, so 0 in 2050
    assert soil["values"] == [11000.0] * 20 + [0.0]
    assert {r["model"] for r in doc["rows"]} == {"nbscdr"}


def test_undated_figures_need_a_year() -> None:
    with pytest.raises(UsageError) as err:
        analyse(Request(["biochar"])).to_iamc()
    assert (
        str(err.value)
        == "year: the figures carry no year of their own: give the year they stand for (or a period)"
    )


shares = st.lists(st.integers(1, 100), min_size=2, max_size=2)


@settings(max_examples=30, deadline=None)
@given(shares, shares)
def test_two_different_portfolios_never_share_a_scenario(one: list[int], two: list[int]) -> None:
    from nbscdr_cli.api.iamc import iamc_document

    def scenarios(percent: list[int]) -> set[str]:
        specs = [f"afforestation:{percent[0]}%", f"biochar:{percent[1]}%"]
        return {r["scenario"] for r in iamc_document(analyse(Request(specs)), 2050)["rows"]}

    assert scenarios(one) == scenarios(one)  # a run repeated gives the same names
    assert (scenarios(one) == scenarios(two)) == (one == two)
