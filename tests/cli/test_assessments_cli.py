from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from nbscdr_cli.cli.program import app

runner = CliRunner()


def test_portfolio_under_fuss2018() -> None:
    doc = json.loads(
        runner.invoke(
            app, ["portfolio", "afforestation", "biochar", "soil-carbon", "-a", "fuss2018", "-f", "json"]
        ).stdout
    )
    assert doc["assessment"] == "fuss2018"
    assert doc["total"] == {
        "low": 1.0,
        "high": 10.6,
        "up_to": ["soil-carbon"],
        "as_given": False,  # a sum is never a figure as given
        "significant_figures": 2,  # 1–3.6, 1.8–2, up to 5: two at most
    }
    assert {e["assessment"] for e in doc["entries"]} == {"fuss2018"}


def test_fallback_is_marked_in_json_and_table() -> None:
    args = ["portfolio", "afforestation", "wetlands", "-a", "sr15", "--fallback"]
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert [(e["technique"], e["assessment"], e["fallback"]) for e in doc["entries"]] == [
        ("afforestation", "sr15", False),
        ("wetlands", "c2g2019", True),
    ]
    assert doc["warnings"][0]["code"] == "figures"
    assert doc["warnings"][1] == {
        "code": "fallback",
        "techniques": ["wetlands"],
        "essential": True,  # a figure from another assessment changes what it means
        "anchors": ["entry:wetlands"],
        "message": "Restoring wetlands: no estimate in sr15; the c2g2019 estimate is used instead.",
    }
    assert (
        "Restoring wetlands: no estimate in sr15; the c2g2019 estimate is used instead."
        in runner.invoke(app, args).stdout
    )


def test_missing_estimate_is_an_error() -> None:
    result = runner.invoke(app, ["portfolio", "macroalgae", "-a", "fuss2018"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "nbscdr: argument 1 'macroalgae': technique 'macroalgae' has no estimate in assessment 'fuss2018'; "
        "assessments with one: c2g2019 (or set --fallback to use 'c2g2019' for it)\n"
    )


def test_unknown_assessment() -> None:
    result = runner.invoke(app, ["list", "--assessment", "sr1.5"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "nbscdr: --assessment: unknown assessment 'sr1.5' (did you mean 'sr15'?); known: c2g2019, fuss2018, sr15, ar6, roe2021\n"
    )


def test_list_under_an_assessment() -> None:
    doc = json.loads(runner.invoke(app, ["list", "-a", "sr15", "-f", "json"]).stdout)
    assert [(t["id"], t["low"], t["high"]) for t in doc["techniques"]] == [
        ("afforestation", 0.5, 3.6),
        ("soil-carbon", 2.3, 5.3),
    ]


def test_show_lists_every_estimate() -> None:
    doc = json.loads(runner.invoke(app, ["show", "afforestation", "-f", "json"]).stdout)
    assert [
        (e["assessment"], e["potential"], e["low"], e["high"], e["central"]) for e in doc["estimates"]
    ] == [
        ("c2g2019", "technical", 3.0, 18.0, None),
        ("fuss2018", "technical", 0.5, 3.6, None),
        ("sr15", "technical", 0.5, 3.6, None),
        ("ar6", "technical", 0.5, 10.1, 3.9),
        ("ar6", "economic", 0.5, 3.0, 1.6),
    ]
    assert all(e["source"] for e in doc["estimates"])


def test_assessments_command() -> None:
    doc = json.loads(runner.invoke(app, ["assessments", "-f", "json"]).stdout)
    assert doc["default"] == "c2g2019"
    assert [(a["id"], a["techniques"]) for a in doc["assessments"]] == [
        (
            "c2g2019",
            ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"],
        ),
        ("fuss2018", ["afforestation", "biochar", "soil-carbon"]),
        ("sr15", ["afforestation", "soil-carbon"]),
        (
            "ar6",
            [
                "afforestation",
                "biochar",
                "building-with-biomass",
                "soil-carbon",
                "wetlands",
                "agroforestry",
                "improved-forest-management",
                "peatland-restoration",
                "coastal-wetland-restoration",
            ],
        ),
        (
            "roe2021",  # by country, from data/roe2021.json (issue 22)
            [
                "afforestation",
                "biochar",
                "soil-carbon",
                "agroforestry",
                "improved-forest-management",
                "peatland-restoration",
                "coastal-wetland-restoration",
            ],
        ),
    ]
    assert [a["potentials"] for a in doc["assessments"]] == [["technical"]] * 3 + [
        ["economic", "technical"]
    ] * 2
    assert [a["by_country"] for a in doc["assessments"]] == [False] * 4 + [True]
    assert "doi:10.1088/1748-9326/aabf9f" in doc["assessments"][1]["citation"]


def test_compare_assessments_csv() -> None:
    out = runner.invoke(app, ["compare", "afforestation", "biochar", "soil-carbon", "-f", "csv"]).stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        *("assessment", "name_en", "name_zh", "measure_en", "measure_zh"),
        *("low", "high", "central_sum", "unit", "up_to", "missing", "fallback"),
    ]
    shown = [[r[0], r[1], r[3], *r[5:]] for r in rows[1:]]
    assert shown == [
        [
            "c2g2019",
            "C2G (2019) policy brief",
            "global removal per year; the brief names no kind of potential and no year",
            "5.8",
            "33.8",
            "",
            "Gt CO2/yr",
            "",
            "",
            "",
        ],
        [
            "fuss2018",
            "Fuss et al. (2018)",
            "sustainable global potential in 2050",
            "1.0",
            "10.6",
            "",
            "Gt CO2/yr",
            "soil-carbon",
            "",
            "",
        ],
        [
            "sr15",
            "IPCC SR1.5 (2018)",
            "potential in 2050 after constraints, narrowed from the full literature range",
            "",
            "",
            "",
            "Gt CO2/yr",
            "",
            "biochar",
            "",
        ],
        [
            "ar6",
            "IPCC AR6 WGIII (2022)",
            "technical potential (biophysically possible), as a central value (a mean, unless the source says median) and a range; Table 7.3 averages sectoral estimates over 2020–2050",
            "1.3",
            "26.0",
            "",
            "Gt CO2/yr",
            "",
            "",
            "",
        ],
    ]
    assert [r[2] for r in rows[1:3]] == ["C2G（2019）政策简报", "Fuss等（2018）"]


def test_compare_chosen_assessments_markdown() -> None:
    out = runner.invoke(
        app, ["compare", "afforestation", "--assessments", "fuss2018,sr15", "-f", "markdown"]
    ).stdout
    rows = [line for line in out.splitlines() if line.startswith("| ") and "(2018)" in line]
    assert [row.split(" | ")[:3] for row in rows] == [
        ["| Fuss et al. (2018) (fuss2018)", "sustainable global potential in 2050", "0.5–3.6"],
        [
            "| IPCC SR1.5 (2018) (sr15)",
            "potential in 2050 after constraints, narrowed from the full literature range",
            "0.5–3.6",
        ],
    ]
    assert "C2G" not in out  # -a filters the rows


def test_compare_portfolio_files(tmp_path: Path) -> None:
    a = tmp_path / "a.toml"
    a.write_text('name = "forests"\n[[entries]]\ntechnique = "afforestation"\n', encoding="utf-8")
    b = tmp_path / "b.json"
    b.write_text('{"entries": [{"technique": "biochar", "share": "50%"}]}', encoding="utf-8")
    doc = json.loads(runner.invoke(app, ["compare", "--file", str(a), "--file", str(b), "-f", "json"]).stdout)
    assert [(r["portfolio"], r["low"], r["high"]) for r in doc["rows"]] == [
        ("forests", 3.0, 18.0),
        ("b", 0.9, 2.4),
    ]


def test_compare_unknown_assessment() -> None:
    result = runner.invoke(app, ["compare", "afforestation", "--assessments", "c2g2019,fus"])
    assert result.exit_code == 1
    assert (
        result.stderr
        == "nbscdr: --assessment: unknown assessment 'fus' (did you mean 'fuss2018'?); known: c2g2019, fuss2018, sr15, ar6, roe2021\n"
    )
