"""The library as a notebook uses it: one Request, one analyse() call, plain values
back; errors name the request field at fault, never a command-line option."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import nbscdr_cli
from nbscdr_cli import (
    Analysis,
    HorizonSettings,
    InputError,
    MonteCarlo,
    NbscdrError,
    Request,
    UnitError,
    UsageError,
    analyse,
    compare,
    load_catalog,
)
from nbscdr_cli.api.request import prepare

DATA = Path(__file__).parents[1] / "data"


def test_public_names_are_listed_and_resolve() -> None:
    names = dir(nbscdr_cli)
    for name in nbscdr_cli.__all__:
        assert name in names
        assert getattr(nbscdr_cli, name) is not None
    with pytest.raises(AttributeError):
        nbscdr_cli.no_such_thing  # noqa: B018


def test_one_call_gives_the_sums_and_the_document() -> None:
    a = analyse(Request(["afforestation", "biochar:50%"]))
    assert isinstance(a, Analysis)
    assert (a.result.total.low, a.result.total.high) == (3.9, 20.4)
    assert a.assessment == "c2g2019"
    doc = a.to_dict(unit="Mt C/yr")
    assert doc["unit"] == "Mt C/yr"
    assert doc["total"]["low"] == pytest.approx(3900 * 12 / 44, rel=1e-11)
    assert a.to_dict()["unit"] == "Gt CO2/yr"  # the request's unit by default


def test_references_may_be_one_id() -> None:
    a = analyse(Request(["afforestation"], references="state-of-cdr-2050"))
    assert [c.reference.id for c in a.result.comparisons] == ["state-of-cdr-2050"]


def test_portfolio_content_and_specs_together() -> None:
    content = '[[entries]]\ntechnique = "biochar"\nshare = "50%"\n'
    a = analyse(Request(["afforestation"], portfolio=content, name="mix"))
    assert [e.technique.id for e in a.result.portfolio.entries] == ["biochar", "afforestation"]
    assert a.result.portfolio.name == "mix"
    a = analyse(Request(portfolio={"entries": [{"technique": "wetlands"}]}))
    assert a.result.total.high == 1.0


@pytest.mark.parametrize(
    ("request_", "error", "field", "message"),
    [
        (
            Request([]),
            UsageError,
            "specs",
            "specs: give at least one technique, e.g. 'afforestation' or 'biochar:50%'",
        ),
        (Request(["biochar"], unit="km"), UnitError, "unit", None),
        (Request(["biochar"], lang="fr"), UsageError, "lang", "lang: 'fr' is not one of en, zh"),
        (Request(["biochar"], references=["unpe"]), InputError, "references", None),
        (Request(["biochar"], assessment="fuss"), InputError, "assessment", None),
        (Request(["biochar"], target=20), UsageError, "target", None),
        (
            Request(["biochar"], horizon=HorizonSettings(2050, 2030)),
            UsageError,
            "horizon.end",
            "horizon.end: 2030 is not after the start year 2050",
        ),
        (
            Request(["biochar"], monte_carlo=MonteCarlo(10), target="300 Gt CO2"),
            UsageError,
            "target",
            "target: 300 Gt CO2 is an amount: it is compared with the cumulative total, which needs a period",
        ),
    ],
)
def test_errors_name_the_request_field(
    request_: Request, error: type[NbscdrError], field: str, message: str | None
) -> None:
    with pytest.raises(error) as err:
        analyse(request_)
    assert err.value.field == field
    assert "--" not in str(err.value)  # Python words, never option names
    if message is not None:
        assert str(err.value) == message


def test_unit_errors_say_what_is_accepted() -> None:
    with pytest.raises(UnitError) as err:
        analyse(Request(["biochar"], unit="km"))
    assert str(err.value).startswith(
        "unit: unit 'km': 'km' is not a known unit; expected a mass of CO2 or C per time"
    )


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"samples": 0}, "samples", "samples: 0 is outside 1–1e+10"),
        ({"samples": 10, "correlation": 2.0}, "correlation", "correlation: 2.0 is outside 0–1"),
        ({"samples": 10, "seed": -1}, "seed", "seed: -1 is outside 0–9223372036854775807"),
        ({"samples": 10, "distribution": "beta"}, "distribution", None),
    ],
)
def test_monte_carlo_settings_are_checked_when_made(
    kwargs: dict[str, object], field: str, message: str | None
) -> None:
    with pytest.raises(UsageError) as err:
        MonteCarlo(**kwargs)  # type: ignore[arg-type]
    assert err.value.field == field
    if message is not None:
        assert str(err.value) == message


def test_everything_is_checked_before_any_sampling(monkeypatch: pytest.MonkeyPatch) -> None:
    from nbscdr_cli.compute import uncertainty

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("sampled before the request was checked")

    monkeypatch.setattr(uncertainty, "simulate", never)
    catalog = load_catalog(DATA / "three.toml")  # its techniques have no IAMC variable
    with pytest.raises(InputError) as err:
        analyse(Request(["alpha"], catalog=catalog, monte_carlo=MonteCarlo(10**9), iamc=True))
    assert err.value.field == "iamc"
    with pytest.raises(UsageError):
        analyse(
            Request(
                ["biochar"],
                monte_carlo=MonteCarlo(10**9),
                horizon=HorizonSettings(2030, 2050, ramp_years={"soil": 3}),
            )
        )


def test_prepare_resolves_without_computing() -> None:
    plan = prepare(Request(["soils"], horizon=HorizonSettings(2030, 2050, saturation_years={"soils": 10})))
    assert [e.technique.id for e in plan.portfolio.entries] == ["soil-carbon"]
    assert plan.horizon is not None
    assert plan.horizon.saturation_years.per_technique == {"soil-carbon": 10}


def test_a_generator_may_drive_the_sampling() -> None:
    one = analyse(
        Request(["afforestation", "biochar"], monte_carlo=MonteCarlo(20_000, seed=np.random.default_rng(7)))
    )
    two = analyse(
        Request(["afforestation", "biochar"], monte_carlo=MonteCarlo(20_000, seed=np.random.default_rng(7)))
    )
    assert one.simulation is not None and two.simulation is not None
    assert one.simulation.seed == two.simulation.seed
    assert one.simulation.totals["annual"].percentiles == two.simulation.totals["annual"].percentiles
    again = analyse(
        Request(["afforestation", "biochar"], monte_carlo=MonteCarlo(20_000, seed=one.simulation.seed))
    )
    assert again.to_dict()["uncertainty"] == one.to_dict()["uncertainty"]


def test_to_frame_has_the_entries_and_totals_frame_the_total() -> None:
    a = analyse(Request(["afforestation", "biochar"]))
    frame = a.to_frame(unit="Mt CO2/yr")
    assert list(frame.index) == ["afforestation", "biochar"]
    assert frame["high"].sum() == 22800.0
    assert set(frame["unit"]) == {"Mt CO2/yr"}
    totals = a.totals_frame(unit="Mt CO2/yr")
    assert list(totals.index) == ["annual"]
    assert (totals.loc["annual", "low"], totals.loc["annual", "high"]) == (4800.0, 22800.0)


@pytest.mark.filterwarnings("ignore")  # pyam's own dependencies warn on import
def test_to_iamc_is_a_pyam_frame() -> None:
    import pyam

    iamc = analyse(Request(["biochar", "afforestation"], name="mine")).to_iamc(year=2050)
    assert isinstance(iamc, pyam.IamDataFrame)
    assert iamc.model == ["nbscdr"] and iamc.year == [2050]
    data = iamc.filter(scenario="mine|high").data
    values = dict(zip(data["variable"], data["value"], strict=True))
    assert values == {
        "Carbon Removal|Land Use|Biochar": 4800.0,
        "Carbon Removal|Land Use|Re/Afforestation": 18000.0,
    }
    assert iamc.meta.loc[("nbscdr", "mine|high"), "nbscdr_version"] == nbscdr_cli.__version__


def test_compare_returns_rows_and_a_document() -> None:
    result = compare(Request(["afforestation", "biochar", "soil-carbon"]), assessments=["fuss2018", "sr15"])
    assert [(r.key, r.missing) for r in result.rows] == [("fuss2018", ()), ("sr15", ("biochar",))]
    doc = result.to_dict()
    assert doc["by"] == "assessment" and doc["rows"][0]["low"] == 1.0


def test_the_cache_is_written_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nbscdr_cli.base import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache.disable()
    analyse(Request(["biochar"], unit="Mt C/yr"))
    assert not (tmp_path / "xdg").exists()
    try:
        nbscdr_cli.enable_cache(tmp_path / "mine")
        load_catalog()
        assert any(p.name.startswith("catalog-") for p in (tmp_path / "mine").iterdir())
        assert oct((tmp_path / "mine").stat().st_mode & 0o777) == "0o700"
        assert load_catalog().techniques["biochar"].range.high == 4.8  # from the cache
    finally:
        cache.disable()
