"""Where a line of Chinese may break (base.typography.zh_clauses) and the chart
breaking its Chinese labels there: after a punctuation mark, before an opening
one, never inside a word such as 部分."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbscdr_cli.base.typography import zh_clauses
from nbscdr_cli.render import chart
from nbscdr_cli.render.chart_measure import Measure

SVG = "{http://www.w3.org/2000/svg}"
IN_SCOPE = "本组合在联合国环境规划署（UNEP）估计值适用范围内的部分（森林、湿地、土壤）"


def test_clauses_end_after_punctuation_and_before_an_opening_bracket() -> None:
    assert zh_clauses(IN_SCOPE) == [
        "本组合在联合国环境规划署",
        "（UNEP）",
        "估计值适用范围内的部分",
        "（森林、",
        "湿地、",
        "土壤）",
    ]
    assert zh_clauses("“引号”内。其后 a b") == ["“引号”", "内。", "其后 ", "a ", "b"]


@given(st.text(alphabet="部分的（）、，。：“” aB1", max_size=40))
def test_clauses_join_to_the_text(text: str) -> None:
    assert "".join(zh_clauses(text)) == text
    assert all(zh_clauses(text))


@pytest.mark.parametrize("room", [1.4, 1.8, 2.2, 2.6])  # the widest clause is 1.3 in
def test_a_chinese_label_breaks_only_between_clauses(room: float) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.2, 6), dpi=chart.DPI)
    FigureCanvasAgg(fig)
    measure = Measure(fig, 1.45, {}, em_proxy=True, families=["DejaVu Sans"])
    lines = measure.wrap(IN_SCOPE, room, 7.5).split("\n")
    assert len(lines) > 1 and "".join(lines) == IN_SCOPE
    ends, at = set(), 0
    for clause in zh_clauses(IN_SCOPE):
        at += len(clause)
        ends.add(at)
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in ends, f"broken inside a clause: {lines}"


def test_the_charts_chinese_names_keep_their_words(tmp_path: Path) -> None:
    """The chart's name of UNEP's subtotal, as drawn (one SVG text a line)."""
    from typer.testing import CliRunner

    from nbscdr_cli.cli.program import app

    out = tmp_path / "zh.svg"
    four = ["afforestation", "soil-carbon", "wetlands", "biochar"]
    result = CliRunner().invoke(app, ["chart", *four, "--lang", "zh", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    texts = ["".join(t.itertext()) for t in ET.fromstring(out.read_bytes()).iter(f"{SVG}text")]
    first = next(i for i, t in enumerate(texts) if t.startswith("本组合在"))
    lines = [texts[first]]
    while "".join(lines) != IN_SCOPE:
        first += 1
        lines.append(texts[first])
    assert lines == ["本组合在联合国环境规划署（UNEP）", "估计值适用范围内的部分（森林、湿地、土壤）"]
