"""The Simplified Chinese face for Chinese charts (issue 24, item 4): a PNG or
PDF is drawn with it and embeds it; an SVG and the HTML brief name the
Simplified Chinese families first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nbscdr_cli.cli.program import app
from nbscdr_cli.render import chart_fonts

runner = CliRunner()


@pytest.fixture
def sc_font() -> str:
    """The installed Simplified Chinese face, or the test is skipped."""
    chart_fonts.prepare_matplotlib()
    found = chart_fonts.find_sc_font()
    if found is None:
        pytest.skip("no Simplified Chinese font is installed (e.g. fonts-noto-cjk)")
    return str(found)


def test_is_simplified() -> None:
    assert chart_fonts.is_simplified("Noto Sans CJK SC")
    assert chart_fonts.is_simplified("Source Han Sans CN")
    assert not chart_fonts.is_simplified("Noto Sans CJK JP")
    assert not chart_fonts.is_simplified("Noto Sans CJK TC")
    assert not chart_fonts.is_simplified("DejaVu Sans")


def test_png_and_pdf_draw_with_the_sc_face(sc_font: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The face matplotlib finds for the chosen family is the SC face itself,
    checked by the name inside the font file, not by the family asked for."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    monkeypatch.delenv("NBSCDR_FONT", raising=False)
    fonts = chart_fonts.fonts_for("zh", "png")
    assert (fonts.lang, fonts.warnings) == ("zh", [])
    assert fonts.families[0] == sc_font
    path = font_manager.findfont(
        font_manager.FontProperties(family=fonts.families[0]), fallback_to_default=False
    )
    face = FT2Font(path)
    assert face.family_name == "Noto Sans CJK SC" or face.family_name.endswith((" SC", " CN"))
    assert face.get_char_index(ord("炭")) != 0  # it has the glyphs
    assert chart_fonts.fonts_for("zh", "pdf").families == fonts.families


def test_pdf_embeds_the_sc_face(sc_font: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NBSCDR_FONT", raising=False)
    out = tmp_path / "c.pdf"
    result = runner.invoke(app, ["chart", "biochar", "wetlands", "--lang", "zh", "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, "")
    data = out.read_bytes()
    names = {n.split(b"+")[-1] for n in re.findall(rb"/BaseFont /([A-Za-z0-9+\-]+)", data)}
    if sc_font == "Noto Sans CJK SC":
        assert b"NotoSansCJKsc-Regular" in names, names  # the SC face, not face 0 (JP) of the collection
    else:
        assert any(sc_font.replace(" ", "").encode() in n for n in names), names


def test_svg_names_sc_families_first(tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    result = runner.invoke(app, ["chart", "biochar", "--lang", "zh", "-o", str(out)])
    assert result.exit_code == 0
    svg = out.read_text("utf-8")
    families = re.findall(r"font-family: ([^;\"]+)", svg)
    assert families
    for listed in families:
        names = [n.strip(" '") for n in listed.split(",")]
        assert names[:4] == list(chart_fonts.SC_FAMILIES)
        assert names[-1] == "sans-serif"
    assert ">生物炭<" in svg


def test_english_svg_is_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    result = runner.invoke(app, ["chart", "biochar", "-o", str(out)])
    assert result.exit_code == 0
    assert "Noto Sans CJK SC" not in out.read_text("utf-8")


def test_html_brief_names_sc_families_first(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    result = runner.invoke(app, ["brief", "biochar", "--lang", "zh", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    html = out.read_text("utf-8")
    rule = re.search(r"html:lang\(zh\) body \{ font-family: ([^;]+);", html)
    assert rule is not None
    assert rule.group(1).startswith(
        '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"'
    )
