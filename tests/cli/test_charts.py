"""Charts: files in every format, a layout fit for a slide (checked from
matplotlib's own bounding boxes), sources, fonts, matplotlib's cache, and the
terminal chart."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from nbscdr_cli.cli.program import app
from nbscdr_cli.render import chart, chart_fonts, chart_sources
from tests.conftest import subprocess_env

runner = CliRunner()
SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
README = ["afforestation=500-800 Mt CO2/yr", "biochar:50%", *SIX[2:]]  # a share and an own figure
SVG = "{http://www.w3.org/2000/svg}"


def packaged_font() -> str:
    """Noto Sans CJK from the test extras (cvttf-notosanscjk-regular), so the
    Chinese charts are drawn and checked on machines with no Chinese font."""
    from cvttf_NotoSansCJK_Regular import get_TTF_path

    return str(get_TTF_path())


@pytest.fixture
def chinese_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """A font with Chinese glyphs: an installed one, else the packaged one by
    NBSCDR_FONT, as a user without one would name a font file."""
    chart_fonts.prepare_matplotlib()
    if chart_fonts.find_cjk_font() is None:
        monkeypatch.setenv("NBSCDR_FONT", packaged_font())


# ------------------------------------------------------------------ files


@pytest.mark.parametrize(
    ("suffix", "magic"), [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<?xml"), (".pdf", b"%PDF-")]
)
def test_chart_files(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"chart{suffix}"
    result = runner.invoke(app, ["chart", *SIX, "-n", "2000", "--seed", "1", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    data = out.read_bytes()
    assert data.startswith(magic)
    assert len(data) > 10_000
    if suffix == ".svg":
        root = ET.fromstring(data)
        assert root.tag == f"{SVG}svg"
        assert root.attrib["width"] == "720pt"  # 10 inches
    if suffix == ".png":
        # 10 inches wide at 150 dpi, as tall as the figure laid out for its nine rows (six
        # techniques, the total, the subtotal in UNEP's scope and UNEP's range): text sizes,
        # and so the height, are matplotlib's own measure, so the height is read from the figure
        from nbscdr_cli import MonteCarlo, Request, analyse

        analysis = analyse(Request(SIX, monte_carlo=MonteCarlo(2000, seed=1)))
        fig, _, _ = chart.figure(analysis.to_dict(), "en", chart_sources.cited(analysis))
        width = int.from_bytes(data[16:20], "big")
        height = int.from_bytes(data[20:24], "big")
        assert width == 1500
        assert height == round(fig.get_figheight() * chart.DPI)
        axes_height = fig.axes[0].get_position().height * fig.get_figheight()
        assert axes_height >= 9 * chart.SLIDE.row  # every row at least its least height
        assert layout_problems(fig) == []


def test_svg_keeps_text_as_text(tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = runner.invoke(app, ["chart", *README, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    texts = ["".join(t.itertext()) for t in ET.fromstring(out.read_bytes()).iter(f"{SVG}text")]
    for name in [
        "Afforestation and reforestation",
        "Biochar",
        "Building with biomass",
        "Macroalgal cultivation for sequestration",
        "Carbon sequestration in soils",
        "Restoring wetlands",
        "Total",
        "UNEP estimate (potential)",
        "0.5–0.8 (own figure) ‡1 ‡4",
        "0.9–2.4 (50% of its range) ‡2 ‡3",
        "Removal potential (Gt CO₂/yr)",
        "Nature-based CO₂ removal potential",
    ]:
        assert name in texts
    assert b"<path" in out.read_bytes()  # the bars are shapes, the words are not


def test_chart_figure_has_bars_band_axis_title_and_sources() -> None:
    from nbscdr_cli import Request, analyse

    analysis = analyse(Request(["afforestation", "wetlands"]))
    fig, title, warnings = chart.figure(analysis.to_dict(), "en", chart_sources.cited(analysis))
    ax = fig.axes[0]
    assert title == "Nature-based CO₂ removal potential"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Afforestation and reforestation",
        "Restoring wetlands",
        "Total",
        "UNEP estimate (potential)",  # UNEP covers every entry: no subtotal of its own
    ]
    assert ax.get_xlabel() == "Removal potential (Gt CO₂/yr)"
    bars = sorted((round(p.get_x(), 9), round(p.get_x() + p.get_width(), 9)) for p in ax.patches)
    assert bars == [(0.0, 1.0), (3.0, 18.0), (3.0, 19.0), (4.0, 12.0)]
    assert [t.get_text() for t in ax.texts] == ["3–18 ‡1", "0–1 ‡1", "3–19", "4–12"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "Technique, low–high (Gt CO₂/yr)",
        "Total: the sum of all lows to the sum of all highs (Gt CO₂/yr)",
        "No lower bound given: low end counted as 0 Gt CO₂/yr",
        "UNEP estimate (potential, covers forests, wetlands and soils): 4–12 Gt CO₂/yr",
    ]
    # every filled colour on the chart is in the legend, and no two bars' colours blend
    drawn = {p.get_facecolor() for p in ax.patches}
    assert drawn <= {h.get_facecolor() for h in fig.legends[0].legend_handles}
    assert all(p.get_alpha() in (None, 1) for p in ax.patches)
    assert texts_by_id(fig)["nbscdr-key"] == (
        "‡1 Restoring wetlands and Afforestation and reforestation may count the same carbon"
    )
    assert texts_by_id(fig)["nbscdr-footnote"] == (
        "Sources\n"
        "Afforestation and reforestation, Restoring wetlands: C2G 2019, table of proposed techniques\n"
        "UNEP estimate: UNEP, as cited in C2G 2019"
    )
    assert texts_by_id(fig)["nbscdr-subtitle"] == "C2G (2019) policy brief, potential of a kind not stated"
    assert warnings == []


def test_bars_not_removal_alone_and_overlapping_references_are_marked(tmp_path: Path) -> None:
    """AR6's wetland and wood-products figures are not removals alone; UNEP's 4–12
    and AR6's 8–14 overlap: each is a bar of its own under the subtotal it is
    compared with, each in its own colour, named in the legend."""
    out = tmp_path / "x.svg"
    args = [
        "chart",
        "afforestation",
        "wetlands",
        "building-with-biomass",
        "-a",
        "ar6",
        "--potential",
        "economic",
    ]
    result = runner.invoke(app, [*args, "-r", "unep", "-r", "ar6-afolu-mitigation", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    texts = ["".join(t.itertext()) for t in ET.fromstring(out.read_bytes()).iter(f"{SVG}text")]
    assert "0.2–0.8 † ‡1" in texts and "0.3–0.5 † ‡2" in texts  # wetlands, building with biomass
    assert "† not removals alone: the figure also counts avoided emissions or emissions reductions" in texts
    subtotal = texts.index("This portfolio within the scope of UNEP estimate")
    assert texts[subtotal + 1] == "(forests, wetlands and soils)"  # the portfolio's first, its scope after
    assert texts.index("UNEP estimate (potential)") > subtotal
    legend = " ".join(texts[texts.index("Technique, low–high (Gt CO₂/yr)") :])  # lines as wrapped
    assert (
        "UNEP estimate (potential, covers forests, wetlands and soils): 4–12 Gt CO₂/yr "
        "IPCC AR6, economic AFOLU mitigation potential (mitigation, incl. avoided emissions, covers forests, "
        "wetlands, soils and biomass): 8–14 Gt CO₂/yr"
    ) in legend


def texts_by_id(fig: Any) -> dict[str, str]:
    return {t.get_gid(): t.get_text() for t in fig.texts}


def test_shares_own_figures_and_percentiles_are_marked() -> None:
    from nbscdr_cli import MonteCarlo, Request, analyse

    analysis = analyse(Request(README, monte_carlo=MonteCarlo(1000, seed=1)))
    fig, _, _ = chart.figure(analysis.to_dict(), "en", chart_sources.cited(analysis))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == [
        "0.5–0.8 (own figure) ‡1 ‡4",
        "0.9–2.4 (50% of its range) ‡2 ‡3",
        "0.5–1 ‡3 ‡4",
        "0–19",
        "1–11 ‡2",
        "0–1 ‡1",
        "2.9–35",  # 35.2 from figures written to two significant figures
        "1.5–13",
        "4–12",
    ]
    assert [t.get_text() for t in ax.get_yticklabels()][-3:] == [
        "This portfolio within the scope of UNEP estimate",
        "(forests, wetlands and soils)",
        "UNEP estimate (potential)",
    ]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert (
        legend[2] == "This portfolio within a reference's scope: the sum of the entries it covers (Gt CO₂/yr)"
    )
    shown = {
        k: format(float(f"{v:.2g}"), ",g")
        for k, v in analysis.to_dict()["uncertainty"]["percentiles"].items()
    }
    assert legend[-1].replace("\n", " ") == (  # as wrapped to the legend's room
        "Total's P5–P50–P95 if each range were uniform and the techniques independent (an assumption; 1,000 "
        f"Monte Carlo draws): {shown['5']}–{shown['50']}–{shown['95']} Gt CO₂/yr"
    )
    (whisker,) = ax.containers[-1:]  # the errorbar: P50 as a tick, not a dot that reads as a best estimate
    marker = whisker.lines[0]
    assert marker.get_marker() == "|"
    assert list(marker.get_xdata()) == [analysis.to_dict()["uncertainty"]["percentiles"]["50"]]
    assert texts_by_id(fig)["nbscdr-footnote"].splitlines()[1:] == [
        "Afforestation and reforestation: figures given by the user",
        "Biochar, Building with biomass, Macroalgal cultivation for sequestration, Carbon sequestration "
        "in soils, Restoring wetlands: C2G 2019, table of proposed techniques",
        "UNEP estimate: UNEP, as cited in C2G 2019",
    ]


def test_ticks_are_written_like_the_bar_labels() -> None:
    from nbscdr_cli import Request, analyse

    analysis = analyse(Request(SIX, unit="Mt CO2/yr"))
    fig, _, _ = chart.figure(analysis.to_dict(), "en", chart_sources.cited(analysis))
    fig.canvas.draw()
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts][-3:] == ["6,300–55,000", "4,000–30,000", "4,000–12,000"]
    shown = [
        t.get_text()
        for t, x in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True)
        if x <= ax.get_xlim()[1]
    ]
    assert shown == ["0", "10,000", "20,000", "30,000", "40,000", "50,000", "60,000"]
    assert ax.get_xlim()[1] > 54_800


def test_a_footnote_from_plain_sources_names_each_citation_once() -> None:
    """The HTML brief passes ``analysis.sources()``: citations, without what they support."""
    from nbscdr_cli import Request, analyse

    analysis = analyse(Request(SIX))
    fig, _, _ = chart.figure(analysis.to_dict(), "en", analysis.sources())
    assert texts_by_id(fig)["nbscdr-footnote"] == (
        "Sources\nC2G 2019, table of proposed techniques\nUNEP, as cited in C2G 2019"
    )


# ------------------------------------------------------------------ layout


LONG_NAME = "Restoring and re-wetting drained peatlands, bogs and marshes"
LONG_NAME_ZH = "恢复和重新湿润已排干的泥炭地以及沿海盐沼和红树林等滨海湿地生态系统的长期碳封存技术"


def long_names_catalog(folder: Path) -> Path:
    assert len(LONG_NAME) == 60
    path = folder / "long.toml"
    path.write_text(
        f"""
[techniques.peat]
name = {{ en = "{LONG_NAME}", zh = "{LONG_NAME_ZH}" }}
low = 409.1
high = 2455
unit = "Mt CO2/yr"
scope = "wetlands"

[techniques.short]
name = {{ en = "Short", zh = "短" }}
low = 1
high = 2
unit = "Gt CO2/yr"
scope = "forests"

[references.long-reference-name]
name = {{ en = "A reference with a name long enough to need two lines in the legend of the chart", zh = "一个名字很长的参考估计" }}
kind = "potential"
low = 1000
high = 3000.5
unit = "Mt CO2/yr"
scope = ["wetlands"]
""",
        encoding="utf-8",
    )
    return path


def portfolio(case: str, lang: str, tmp_path: Path) -> tuple[dict[str, Any], list[chart_sources.Cited]]:
    from nbscdr_cli import HorizonSettings, MonteCarlo, Request, analyse

    requests = {
        "six": lambda: Request(SIX, lang=lang),
        "readme": lambda: Request(
            README,
            lang=lang,
            unit="Gt CO2",
            monte_carlo=MonteCarlo(1000, seed=1),
            horizon=HorizonSettings(2030, 2050),
        ),
        "megatonnes": lambda: Request(
            README, lang=lang, unit="Mt CO2/yr", monte_carlo=MonteCarlo(1000, seed=1)
        ),
        "tonnes a day": lambda: Request(README, lang=lang, unit="t CO2/day"),
        "long names": lambda: Request(
            ["peat", "short"],
            catalog=long_names_catalog(tmp_path),
            references=["long-reference-name"],
            lang=lang,
            unit="Mt CO2/yr",
        ),
    }
    analysis = analyse(requests[case]())
    return analysis.to_dict(), chart_sources.cited(analysis)


def overlaps(a: Any, b: Any) -> bool:
    return bool(a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)


def inside(inner: Any, outer: Any, slack: float = 0.5) -> bool:
    return bool(
        inner.x0 >= outer.x0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.y0 >= outer.y0 - slack
        and inner.y1 <= outer.y1 + slack
    )


def layout_problems(fig: Any) -> list[str]:
    """Every pair of things that should not touch and do, from matplotlib's own
    bounding boxes after drawing."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]

    def box(artist: Any) -> Any:
        return artist.get_window_extent(renderer)

    low, high = ax.get_xlim()
    x_ticks = [
        t
        for t, x in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True)
        if low <= x <= high and t.get_text()
    ]
    y_ticks = list(ax.get_yticklabels())
    bar_labels = list(ax.texts)
    named = {t.get_gid(): t for t in fig.texts}
    legend = fig.legends[0]
    pieces: dict[str, Any] = {
        **{f"x tick {t.get_text()!r}": box(t) for t in x_ticks},
        **{f"name {t.get_text()!r}": box(t) for t in y_ticks},
        **{f"bar label {t.get_text()!r}": box(t) for t in bar_labels},
        "x label": box(ax.xaxis.label),
        "legend": box(legend),
        **{gid: box(t) for gid, t in named.items() if t.get_text()},
    }
    axes = box(ax)
    figure_box = fig.bbox
    problems = []
    names = list(pieces)
    for i, a in enumerate(names):
        if not inside(pieces[a], figure_box):
            problems.append(f"{a} leaves the figure")
        for b in names[i + 1 :]:
            if overlaps(pieces[a], pieces[b]):
                problems.append(f"{a} overlaps {b}")
    for t in bar_labels:
        if not inside(box(t), axes, slack=0):
            problems.append(f"bar label {t.get_text()!r} crosses the axes' edge")
    for gid in ("nbscdr-title", "nbscdr-subtitle", "nbscdr-footnote", "legend"):
        if gid in pieces and overlaps(pieces[gid], axes):
            problems.append(f"{gid} overlaps the axes")
    return problems


CASES = ["six", "readme", "megatonnes", "tonnes a day", "long names"]


@pytest.mark.parametrize("case", CASES)
def test_nothing_overlaps_in_english(case: str, tmp_path: Path) -> None:
    doc, sources = portfolio(case, "en", tmp_path)
    fig, _, warnings = chart.figure(doc, "en", sources)
    assert warnings == []
    assert layout_problems(fig) == []


@pytest.mark.parametrize("case", CASES)
def test_nothing_overlaps_in_chinese(case: str, tmp_path: Path, chinese_font: None) -> None:
    doc, sources = portfolio(case, "zh", tmp_path)
    fig, _, warnings = chart.figure(doc, "zh", sources)
    assert warnings == []
    assert layout_problems(fig) == []
    footnote = texts_by_id(fig)["nbscdr-footnote"]
    assert footnote.startswith("来源\n") and ": " not in footnote.replace(", ", "")


def test_nothing_overlaps_with_technique_ids_for_chinese(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: None)
    doc, sources = portfolio("readme", "zh", tmp_path)
    fig, _, _ = chart.figure(doc, "zh", sources)
    assert layout_problems(fig) == []


def test_the_layout_check_sees_an_overlap(tmp_path: Path) -> None:
    doc, sources = portfolio("six", "en", tmp_path)
    fig, _, _ = chart.figure(doc, "en", sources)
    fig.legends[0].set_bbox_to_anchor((0.5, 0.5), transform=fig.transFigure)  # where the old one floated
    assert any(
        p.startswith("legend overlaps bar label") or "overlaps legend" in p for p in layout_problems(fig)
    )


def test_long_names_wrap(tmp_path: Path) -> None:
    doc, sources = portfolio("long names", "en", tmp_path)
    fig, _, _ = chart.figure(doc, "en", sources)
    first, second = (t.get_text() for t in fig.axes[0].get_yticklabels()[:2])
    assert (first, second) == ("Restoring and re-wetting drained peatlands, bogs", "and marshes")
    assert [t.get_text() for t in fig.axes[0].texts] == [
        "409.1–2,455",
        "1,000–2,000",
        "1,400–4,500",  # 409.1–2,455 Mt and 1–2 Gt: two significant figures, the least of the inputs
        "409–2,460",  # 409.1 and 2,455 alone: three, the most a derived figure has
        "1,000–3,000.5",  # the reference as given
    ]


# ------------------------------------------------------------------ fonts


@pytest.mark.filterwarnings("ignore:Glyph")  # DejaVu stands in for a CJK font here
def test_chinese_labels_with_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    from nbscdr_cli import Request, analyse

    analysis = analyse(Request(["biochar"], lang="zh"))
    doc = analysis.to_dict()
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: "Noto Sans CJK SC")
    fig, title, warnings = chart.figure(doc, "zh", chart_sources.cited(analysis))
    assert title == "基于自然的二氧化碳移除潜力"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "生物炭",
        "合计",
        "联合国环境规划署（UNEP）估计值（潜力）",
    ]
    assert fig.axes[0].get_xlabel() == "移除潜力（Gt CO₂/年）"
    assert texts_by_id(fig)["nbscdr-footnote"] == (  # the documents named in Chinese (issue 24)
        "来源\n生物炭：C2G（2019）政策简报“提出的技术”一表\n"
        "联合国环境规划署（UNEP）估计值：联合国环境规划署（UNEP），转引自C2G（2019）政策简报"
    )
    assert warnings == []
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: "DejaVu Sans")  # not a Simplified face
    fig, title, warnings = chart.figure(doc, "zh", chart_sources.cited(analysis))
    assert title == "基于自然的二氧化碳移除潜力"
    assert warnings == [
        "no Simplified Chinese font is installed (e.g. Noto Sans CJK SC); Chinese is drawn with "
        "DejaVu Sans, whose characters may take other forms"
    ]
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: None)
    fig, title, warnings = chart.figure(doc, "zh", chart_sources.cited(analysis))
    assert title == "Nature-based CO₂ removal potential"
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        "biochar",
        "Total",
        "UNEP estimate (potential)",
    ]
    assert warnings == [
        "no installed font has Chinese glyphs (NBSCDR_FONT can name a font file); drawing the chart in English"
    ]


def test_a_font_file_named_by_nbscdr_font(nbscdr_command: list[str], tmp_path: Path) -> None:
    from tests.conftest import subprocess_env

    args = [*nbscdr_command, "chart", "biochar", "wetlands", "--lang", "zh", "-o", str(tmp_path / "c.svg")]
    env = subprocess_env(tmp_path, NBSCDR_FONT=packaged_font())
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    svg = (tmp_path / "c.svg").read_text("utf-8")
    assert "生物炭" in svg and "湿地恢复" in svg and "Noto Sans CJK" in svg
    not_a_font = tmp_path / "not-a-font.svg"  # the chart: a file the run reads is never its output
    not_a_font.write_text(svg, encoding="utf-8")
    env = subprocess_env(tmp_path, NBSCDR_FONT=str(not_a_font))
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0
    assert result.stderr == (  # an SVG keeps its Chinese text for the reader's fonts
        f"nbscdr: warning: NBSCDR_FONT '{not_a_font}' is not a font file with Chinese glyphs; "
        "the SVG names Simplified Chinese fonts for its reader's system to draw the Chinese text\n"
    )
    assert "生物炭" in (tmp_path / "c.svg").read_text("utf-8")
    args[-1] = str(tmp_path / "c.png")
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0
    assert result.stderr == (
        f"nbscdr: warning: NBSCDR_FONT '{not_a_font}' is not a font file with Chinese glyphs; "
        "drawing the chart in English\n"
    )


def test_chart_without_font_warns_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: None)
    result = runner.invoke(app, ["chart", "biochar", "--lang", "zh", "-o", str(tmp_path / "c.pdf")])
    assert result.exit_code == 0
    assert (
        result.stderr
        == "nbscdr: warning: no installed font has Chinese glyphs (NBSCDR_FONT can name a font file); "
        "drawing the chart in English\n"
    )
    seen: list[list[str]] = []
    original = chart._settings

    def settings(families: list[str]) -> Any:
        seen.append(list(families))
        return original(families)

    monkeypatch.setattr(chart, "_settings", settings)
    result = runner.invoke(app, ["chart", "biochar", "--lang", "zh", "-o", str(tmp_path / "c.png")])
    assert result.exit_code == 0 and "drawing the chart in English" in result.stderr
    assert seen == [["DejaVu Sans"]]


def test_svg_keeps_chinese_without_a_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An SVG's text is drawn by its reader's fonts: without a Chinese font here it
    stays Chinese, names the Simplified Chinese families first, and warns of
    nothing (issue 24)."""
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: None)
    result = runner.invoke(app, ["chart", "biochar", "--lang", "zh", "-o", str(tmp_path / "c.svg")])
    assert (result.exit_code, result.stderr) == (0, "")
    svg = (tmp_path / "c.svg").read_text(encoding="utf-8")
    assert ">生物炭<" in svg and ">Biochar<" not in svg
    families = re.findall(r"font-family: ([^;\"]+)", svg)
    assert families and all(f.startswith("'Noto Sans CJK SC', 'Source Han Sans SC'") for f in families)


def test_chart_rejects_other_suffixes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["chart", "biochar", "-o", str(tmp_path / "c.gif")])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--output': 'c.gif': give a file name ending in .png, .svg, .pdf" in result.stderr
    )
    result = runner.invoke(app, ["chart", "biochar", "-o", str(tmp_path / "c.json")])
    assert result.exit_code == 2
    assert "Invalid value for '--output': 'c.json' names a json file; this command writes png, svg, pdf" in (
        result.stderr
    )


# ------------------------------------------------------------------ matplotlib's cache


def test_matplotlib_keeps_its_font_list_in_the_cache_folder(
    nbscdr_command: list[str], tmp_path: Path
) -> None:
    env = subprocess_env(tmp_path)
    env.pop("MPLCONFIGDIR", None)
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    for name in ("a.png", "b.svg"):
        result = subprocess.run(
            [*nbscdr_command, "chart", "biochar", "-o", str(tmp_path / name)],
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == b""
    folder = tmp_path / "cache" / "nbscdr" / "matplotlib"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in folder.iterdir() if p.name.startswith("fontlist")] != []
    assert list((tmp_path / "tmp").iterdir()) == []  # no temporary folder was needed


def test_matplotlib_folder_that_others_may_write_to_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nbscdr_cli.base import cache

    monkeypatch.setattr(cache, "_enabled", True)
    monkeypatch.setattr(cache, "_folder", tmp_path)
    planted = tmp_path / "matplotlib"
    planted.mkdir(0o700)
    planted.chmod(0o777)  # anyone could leave a matplotlibrc there
    chosen = chart_fonts.matplotlib_folder()
    assert chosen != planted and chosen.name.startswith("nbscdr-mpl-")
    planted.chmod(0o700)
    assert chart_fonts.matplotlib_folder() == planted


def test_chart_with_read_only_home(nbscdr_command: list[str], tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file, so nothing can be created under it", encoding="utf-8")
    env = subprocess_env(tmp_path, HOME=str(home))
    env.pop("XDG_CACHE_HOME")
    env.pop("MPLCONFIGDIR", None)
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "c.png"
    result = subprocess.run(
        [*nbscdr_command, "chart", "biochar", "-o", str(out)], env=env, capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert out.read_bytes().startswith(b"\x89PNG")
    assert list((tmp_path / "tmp").iterdir()) == []  # its temporary matplotlib folder is gone


# ------------------------------------------------------------------ in the terminal


def test_chart_in_the_terminal() -> None:
    out = runner.invoke(app, ["chart", "afforestation", "wetlands"]).stdout.splitlines()
    assert out[0] == "Removal potential (Gt CO2/yr), 0 … 19"
    assert out[1].startswith("Afforestation and reforestation ") and out[1].endswith(" 3–18 ‡1")
    assert "▒" in out[2] and "█" not in out[2] and out[2].endswith(" 0–1 ‡1")
    assert out[3].startswith("Total ") and out[3].endswith(" 3–19")
    assert out[4].startswith("UNEP estimate (potential) ") and out[4].endswith(" 4–12")
    assert "░" in out[4] and "█" not in out[4] and "▒" not in out[4]
    assert out[5] == "█ low–high   ▒ no lower bound given (counted as 0)   ░ reference range"
    assert out[6] == "‡1 Restoring wetlands and Afforestation and reforestation may count the same carbon"
    assert all(len(line) <= 100 for line in out)
    assert len(out[1]) == 100  # as wide as the output allows


def bar_columns(line: str) -> tuple[int, int]:
    """The cells where a line's bar begins and ends, after its name column."""
    glyphs = "·█▒░┃◆"
    first = next(i for i, ch in enumerate(line) if ch in glyphs)
    last = max(i for i, ch in enumerate(line) if ch in glyphs)
    return cell_len(line[:first]), cell_len(line[: last + 1])


def test_chinese_bars_line_up() -> None:
    out = runner.invoke(app, ["chart", *README, "--lang", "zh", "-n", "1000", "--seed", "1"]).stdout
    lines = out.splitlines()
    assert lines[0] == "移除潜力（Gt CO2/年），0 … 35"  # 35.2, read to two significant figures
    rows = lines[1:10]
    # the widest figure, 0.9～2.4（其范围的50%） ‡2 ‡3, is 28 cells and the bars take their least,
    # 20: the names take the 100 - 29 - 20 - 2 = 49 cells left, the longest cut in its middle
    assert {bar_columns(line) for line in rows} == {(50, 70)}
    assert max(cell_len(line) for line in rows) == 100
    assert rows[0].startswith("造林和再造林 ") and rows[0].endswith(" 0.5～0.8（自定数值） ‡1 ‡4")
    assert rows[1].endswith(" 0.9～2.4（其范围的50%） ‡2 ‡3")
    assert rows[3].startswith("大型藻类养殖固碳 ") and "▒" in rows[3] and "█" not in rows[3]
    total = rows[6]
    assert total.startswith("合计 ") and total.count("┃") == 2 and total.count("◆") == 1
    assert total.index("┃") < total.index("◆") < total.rindex("┃")
    assert rows[7].startswith("本组合在联合国环境规划署…（森林、湿地、土壤） ") and rows[7].endswith(
        " 1.5～13"
    )
    assert (
        rows[8].startswith("联合国环境规划署（UNEP）估计值（潜力） ")
        and "░" in rows[8]
        and rows[8].endswith(" 4～12")
    )
    assert lines[10:] == [
        "█ 下限至上限   ▒ 未给出下限（按0计）   ░ 参考范围   ┃ 合计的P5和P95   ◆ 合计的P50",
        "‡1 “湿地恢复”与“造林和再造林”可能重复计算同一部分碳",
        "‡2 “生物炭”与“土壤固碳”可能重复计算同一部分碳",
        "‡3 “生物炭”与“生物质建筑”可能重复计算同一部分碳",
        "‡4 “造林和再造林”与“生物质建筑”可能重复计算同一部分碳",
    ]


def test_names_as_wide_as_the_terminal_allows(tmp_path: Path) -> None:
    from nbscdr_cli.render.chart_text import text_chart
    from nbscdr_cli.render.environment import Environment

    doc, _ = portfolio("long names", "en", tmp_path)
    wide = text_chart(doc, "en", Environment(width=200)).splitlines()
    assert wide[1].startswith(LONG_NAME + " ")  # whole, where a 28-character column cut it
    reference = (
        "A reference with a name long enough to need two lines in the legend of the chart (potential) "
    )
    assert wide[5].startswith(reference)
    assert wide[4].startswith("This portfolio within the scope of A reference with a name long enough")
    assert max(cell_len(line) for line in wide) == 200
    narrow = text_chart(doc, "en", Environment(width=60)).splitlines()
    # cut in the middle: both ends still tell, and each cut falls between words
    assert [line[:27] for line in narrow[1:6]] == [
        "Restoring and…and marshes ·",
        "Short                     ·",
        "Total                     ·",
        "This portfolio…(wetlands) ·",
        "A reference…(potential)   ·",
    ]
    assert max(cell_len(line) for line in narrow) == 60


def test_terminal_chart_in_ascii() -> None:
    from nbscdr_cli import MonteCarlo, Request, analyse
    from nbscdr_cli.render.chart_text import text_chart
    from nbscdr_cli.render.environment import Environment

    doc = analyse(Request(["afforestation", "wetlands"], monte_carlo=MonteCarlo(1000, seed=1))).to_dict()
    out = text_chart(doc, "en", Environment(encoding="ascii")).splitlines()
    assert all(line.isascii() for line in out)
    assert out[0] == "Removal potential (Gt CO2/yr), 0 ... 19"
    assert out[2].startswith("Restoring wetlands ") and set(out[2].split()[2]) == {"~", "."}
    bar = out[3].split()[1]
    assert bar.count("|") == 2 and bar.count("o") == 1 and out[3].endswith(" 3-19")
    assert out[-3:] == [
        "# low-high   ~ no lower bound given (counted as 0)   = reference range   | P5 and P95 of the total",
        "o P50 of the total",
        "^1 Restoring wetlands and Afforestation and reforestation may count the same carbon",
    ]
    assert out[1].endswith(" 3-18 ^1")


# ------------------------------------------------------------------ the brief's chart


@pytest.mark.parametrize("case", CASES)
def test_nothing_overlaps_in_the_brief_chart(case: str, tmp_path: Path, chinese_font: None) -> None:
    """The brief's chart, drawn at the width it prints on A4 (7.2 in), with no
    text under 7.5 pt and nothing on top of anything else, in both languages."""
    for lang in ("en", "zh"):
        doc, sources = portfolio(case, lang, tmp_path)
        fig, _, _ = chart.figure(doc, lang, sources, chart.PRINTED)
        assert fig.get_figwidth() == 7.2
        assert layout_problems(fig) == [], lang
        sizes = [t.get_fontsize() for t in fig.findobj(lambda a: hasattr(a, "get_fontsize") and a.get_text())]
        assert min(sizes) >= 7.5


def test_the_brief_chart_keeps_chinese_as_text_without_a_chinese_font(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No local font has Chinese glyphs: a PNG or PDF is drawn in English (with a
    warning), but an SVG, the brief's or a chart file, stays Chinese, its text
    set by the reader's browser, laid out as if each Chinese glyph were an em
    wide (issue 24)."""
    from nbscdr_cli import Request, analyse
    from nbscdr_cli.render.environment import Environment

    monkeypatch.delenv("NBSCDR_FONT", raising=False)
    monkeypatch.setattr(chart_fonts, "find_cjk_font", lambda: None)
    analysis = analyse(Request(["afforestation", "wetlands", "biochar"], lang="zh"))
    svg, warnings = chart.render_chart(analysis, "svg", Environment().for_file(), printed=True)
    assert warnings == []
    assert isinstance(svg, bytes)
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "造林和再造林" in texts and "合计" in texts
    # every name is one line of its own, anchored at its end (so right, whatever the font)
    root = ET.fromstring(svg)
    names = [t for t in root.iter(f"{SVG}text") if "".join(t.itertext()) in ("造林和再造林", "合计")]
    assert all("text-anchor: end" in t.attrib.get("style", "") for t in names)
    svg, file_warnings = chart.render_chart(analysis, "svg", Environment().for_file())
    assert file_warnings == [] and isinstance(svg, bytes)
    assert "造林和再造林" in ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]
    _, file_warnings = chart.render_chart(analysis, "png", Environment().for_file())
    assert file_warnings == [
        "no installed font has Chinese glyphs (NBSCDR_FONT can name a font file); drawing the chart in English"
    ]


def test_each_reference_is_right_under_what_it_is_compared_with(tmp_path: Path) -> None:
    """AR6's AFOLU mitigation covers the whole AR6 portfolio: its bar is right
    under the total; UNEP's covers forests, wetlands and soils: its bar is right
    under that subtotal, whatever order the references are given in. (AR6's 8–14
    is an economic potential: compared with AR6's economic figures only.)"""
    eight = ["afforestation", "biochar", "soil-carbon", "building-with-biomass", "agroforestry"]
    eight += ["improved-forest-management", "peatland-restoration", "coastal-wetland-restoration"]
    for references in (["unep", "ar6-afolu-mitigation"], ["ar6-afolu-mitigation", "unep"]):
        out = tmp_path / "x.svg"
        chosen = [arg for r in references for arg in ("-r", r)]
        economic = ["-a", "ar6", "--potential", "economic"]
        result = runner.invoke(app, ["chart", *economic, *eight, *chosen, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        texts = ["".join(t.itertext()) for t in ET.fromstring(out.read_bytes()).iter(f"{SVG}text")]
        total = texts.index("Total")
        assert texts[total + 1 : total + 5] == [
            "IPCC AR6, economic AFOLU mitigation potential",
            "(mitigation, incl. avoided emissions)",
            "This portfolio within the scope of UNEP estimate",
            "(forests, wetlands and soils)",
        ]
        assert texts[total + 5] == "UNEP estimate (potential)"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_briefs_chart_is_as_tall_whatever_matplotlib_measures(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """matplotlib 3.11 measures a line of 7.5 pt DejaVu Sans 9 pt tall where 3.10
    measured 7.2, and text 2–3% wider: the brief's chart was 236 pt tall with one,
    204 with the other, and the brief printed on two pages. The layout asks the
    renderer nothing: drawn with text measured 25% taller and 3% wider, the chart
    is as tall, its lines broken at the same places."""
    from matplotlib.backends.backend_agg import RendererAgg

    from nbscdr_cli import HorizonSettings, MonteCarlo, Request, analyse
    from nbscdr_cli.render.environment import Environment

    four = ["afforestation", "soil-carbon", "wetlands", "biochar"]
    horizon = HorizonSettings(2030, 2050)
    analysis = analyse(Request(four, lang=lang, horizon=horizon, monte_carlo=MonteCarlo(10_000, seed=1)))

    def drawn() -> tuple[str, list[str]]:
        svg, _ = chart.render_chart(analysis, "svg", Environment().for_file(), printed=True)
        assert isinstance(svg, bytes)
        root = ET.fromstring(svg)
        return root.get("height") or "", ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]

    height, texts = drawn()
    measured = RendererAgg.get_text_width_height_descent

    def other_version(self: Any, s: str, prop: Any, ismath: Any) -> tuple[float, float, float]:
        w, h, d = measured(self, s, prop, ismath)
        return w * 1.03, h * 1.25, d * 1.25

    monkeypatch.setattr(RendererAgg, "get_text_width_height_descent", other_version)
    assert drawn() == (height, texts)  # the room the page leaves it: tests/integration/test_print.py
