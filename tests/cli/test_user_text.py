"""User text in every output (issue 27): whatever a name, source or caveat
holds, it is text, never markup (Markdown, HTML, SVG), one line, with no raw
control or bidi character and valid Unicode; the HTML brief loads nothing; no
output replaces a file the run reads; an unreadable font is one warning."""

from __future__ import annotations

import html.parser
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from nbscdr_cli import Request, analyse
from nbscdr_cli.base.user_text import clean, is_clean
from nbscdr_cli.io.validate import catalog_from_dict
from nbscdr_cli.model.errors import DataError
from tests.cli.contract import clean as clean_run
from tests.cli.contract import error_line, run

# Text a user could put in a name: markup of every kind, line breaks, controls,
# bidi overrides, lone surrogates and noncharacters, long unbroken words.
HOSTILE = [
    "![beacon](https://tracker.example/pixel.png)",
    "[click](https://evil.example)",
    "<img src=https://tracker.example/x.png>",
    "<script>alert(1)</script>",
    "https://evil.example/auto",
    "<https://evil.example/auto>",
    "x\n# Injected\n\n## More",
    "`code` ``span``",
    "a\u202eb 3–18",
    "nul\x00 esc\x1b[2J bell\x07 c1\x9b",
    "lone \ud800 surrogate",
    "non \ufffe \uffff characters",
    "&amp; &#x3C;b&#x3E;",
    "# heading",
    "1. item",
    "- item",
    "| pipe | cell |",
    "*emphasis* _under_",
    "a" * 400,
]
# (a text that is only spaces is refused as empty, as it should be: not this test's case)
texts = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=60)).filter(lambda t: t.strip())


def catalog(name: str, source: str = "the source") -> Any:
    """Techniques x (named `name`) and y (named "Y", its caveat `name`). A `name` that
    reads as "y" is refused as a duplicate, rightly (tests/unit/test_catalog.py),
    so hypothesis draws another."""
    try:
        return _catalog(name, source)
    except DataError as error:
        if "is already used by" not in str(error):
            raise
        reject()


def _catalog(name: str, source: str) -> Any:
    return catalog_from_dict(
        {
            "techniques": {
                "x": {"name": {"en": name}, "low": 1, "high": 2, "unit": "Gt CO2/yr", "source": source},
                "y": {
                    "name": {"en": "Y"},
                    "low": 1,
                    "high": 3,
                    "unit": "Gt CO2/yr",
                    "source": "y's source",
                    "caveat": {"en": name, "source": source},
                },
            }
        },
        source="<test>",
    )


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_clean_text_is_one_line_of_valid_unicode_with_no_control(text: str) -> None:
    shown = clean(text)
    assert is_clean(shown) and clean(shown) == shown  # once is enough
    assert "\n" not in shown and not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown)
    shown.encode("utf-8")  # valid Unicode: no lone surrogate
    assert "\ufffe" not in shown and "\uffff" not in shown


class _Page(html.parser.HTMLParser):
    """Tags, attributes and text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(k, v or "") for k, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(page: str) -> _Page:
    found = _Page()
    found.feed(page)
    return found


def brief(name: str, fmt: str, portfolio_name: str | None = None) -> str:
    from nbscdr_cli.cli import request as cli_request
    from nbscdr_cli.render.brief import render_brief

    analysis = analyse(Request(["x", "y"], catalog=catalog(name, source=name), name=portfolio_name))
    cli_request.ARGV = ["brief", "x", "y", "--name", portfolio_name or ""]
    try:
        command = cli_request.command_line(analysis)  # as the command line gives it
    finally:
        cli_request.ARGV = None
    text, _warnings = render_brief(analysis, fmt, detail=True, command=command)
    assert isinstance(text, str)
    return text


BASELINE: dict[str, str] = {}


def baseline(fmt: str) -> str:
    if fmt not in BASELINE:
        BASELINE[fmt] = brief("Plain name", fmt, "Plain portfolio")
    return BASELINE[fmt]


REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_the_html_brief_shows_user_text_as_text_and_loads_nothing(name: str, portfolio: str) -> None:
    page = brief(name, "html", portfolio)
    for key, value in parsed(page).attributes:  # the chart's SVG too
        if key in ("src", "href", "xlink:href", "action", "srcset", "poster"):
            assert value.startswith("#") or not REMOTE.match(value), (key, value)

    def outside_the_chart(text: str) -> str:  # the chart's own elements vary with its text
        return re.sub(r"<svg.*?</svg>", "", text, flags=re.S)

    found, plain = parsed(outside_the_chart(page)), parsed(outside_the_chart(baseline("html")))
    assert sorted(set(found.tags)) == sorted(set(plain.tags))  # no element from the user
    for tag in ("h1", "h2", "h3", "table", "li", "a", "img", "script"):
        assert found.tags.count(tag) == plain.tags.count(tag), tag
    assert 'http-equiv="Content-Security-Policy" content="default-src \'none\';' in page
    assert "".join(found.text).count(clean(name).strip()[:40]) >= 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_the_markdown_brief_has_one_line_per_name_and_no_markup_from_the_user(
    name: str, portfolio: str
) -> None:
    from markdown_it import MarkdownIt

    text = brief(name, "markdown", portfolio)
    plain = baseline("markdown")
    assert len(text.splitlines()) == len(plain.splitlines())
    assert [line for line in text.splitlines() if line.startswith("#")].__len__() == len(
        [line for line in plain.splitlines() if line.startswith("#")]
    )
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    kinds = [t.type for t in tokens] + [c.type for t in tokens for c in t.children or []]
    assert not {"link_open", "image", "html_inline", "html_block"} & set(kinds)
    assert kinds.count("heading_open") == [
        t.type for t in MarkdownIt("commonmark").enable("table").parse(plain)
    ].count("heading_open")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_name_gives_a_well_formed_svg(name: str) -> None:
    from nbscdr_cli.render.chart import render_chart
    from nbscdr_cli.render.environment import Environment

    analysis = analyse(Request(["x", "y"], catalog=catalog(name, source=name), name=name))
    svg, _warnings = render_chart(analysis, "svg", Environment())
    assert isinstance(svg, bytes)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")


@pytest.mark.parametrize("fmt", ["markdown", "table", "csv", "json"])
def test_portfolio_outputs_keep_a_name_on_one_line(
    nbscdr_command: list[str], tmp_path: Path, fmt: str
) -> None:
    name = "Forests\n# Injected\u202e 3–18 \x1b[2J"
    out = clean_run(run(nbscdr_command, tmp_path, "portfolio", "biochar", "--name", name, "-f", fmt))
    assert "\n# Injected" not in out and "\u202e" not in out and "\x1b" not in out
    if fmt == "json":
        assert json.loads(out)["name"] == "Forests # Injected\\u202e 3–18 \\x1b[2J"


def test_invalid_unicode_is_replaced_everywhere(nbscdr_command: list[str], tmp_path: Path) -> None:
    portfolio = tmp_path / "p.json"
    portfolio.write_text(
        '{"name": "a\\ud800b\\uffff", "entries": [{"technique": "biochar"}]}', encoding="utf-8"
    )
    for fmt in ("json", "markdown", "table"):  # (the CSV tables do not hold the portfolio's name)
        out = clean_run(run(nbscdr_command, tmp_path, "portfolio", "--file", str(portfolio), "-f", fmt))
        assert "a\ufffdb\ufffd" in out, fmt
    for suffix in ("png", "svg"):
        chart = tmp_path / f"c.{suffix}"
        clean_run(run(nbscdr_command, tmp_path, "chart", "--file", str(portfolio), "-o", str(chart)))
    ET.fromstring(chart.read_bytes())
    out = tmp_path / "b.html"
    clean_run(run(nbscdr_command, tmp_path, "brief", "--file", str(portfolio), "-o", str(out)))
    assert "a\ufffdb\ufffd" in out.read_text(encoding="utf-8")


def test_a_name_that_is_not_utf8_bytes(nbscdr_command: list[str], tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import subprocess_env

    out = tmp_path / "b.md"
    args = [*nbscdr_command, "brief", "biochar", "--name", os.fsdecode(b"caf\xe9 `x`"), "-o", str(out)]
    result = subprocess.run(args, env=subprocess_env(tmp_path), capture_output=True, timeout=120)
    assert (result.returncode, result.stderr) == (0, b"")
    text = out.read_text(encoding="utf-8")
    assert "caf\ufffd" in text
    computed = next(line for line in text.splitlines() if "nbscdr brief" in line)
    assert computed.count("`") == 2  # the code span holds the whole command


@pytest.mark.parametrize("way", ["--data", "--data before", "NBSCDR_DATA", "symlink", "hard link"])
def test_no_output_replaces_the_data_file(nbscdr_command: list[str], tmp_path: Path, way: str) -> None:
    data = tmp_path / "cat.toml"
    data.write_text(
        '[techniques.x]\nname = { en = "X" }\nhigh = 2\nunit = "Gt CO2/yr"\nsource = "s"\n', encoding="utf-8"
    )
    before = data.read_bytes()
    target = data
    env: dict[str, str] = {}
    args = ["show", "x", "-f", "json"]
    if way == "--data":
        args += ["--data", str(data)]
    elif way == "--data before":
        args = ["--data", str(data), *args]
    else:
        env["NBSCDR_DATA"] = str(data)
        if way == "symlink":
            target = tmp_path / "link.toml"
            target.symlink_to(data)
        elif way == "hard link":
            target = tmp_path / "hard.toml"
            os.link(data, target)
    result = run(nbscdr_command, tmp_path, *args, "-o", str(target), env=env)
    assert error_line(result, 1) == f"--output {target}: is one of the input files; choose another name"
    assert data.read_bytes() == before


def test_no_output_replaces_the_built_in_catalog(nbscdr_command: list[str], tmp_path: Path) -> None:
    from nbscdr_cli.base.locations import builtin_path

    builtin = builtin_path()
    result = run(nbscdr_command, tmp_path, "list", "-f", "json", "-o", str(builtin))
    assert error_line(result, 1) == f"--output {builtin}: is one of the input files; choose another name"


@pytest.mark.parametrize("place", ["roe2021.json", "package", "cache"])
def test_no_output_goes_into_nbscdr_s_own_folders(
    nbscdr_command: list[str], tmp_path: Path, place: str
) -> None:
    """Roe et al.'s data, the translations and the cache are read by runs (and the
    first two shipped): a run writes none of them, nor anything beside them."""
    from nbscdr_cli.base.locations import shipped
    from nbscdr_cli.cli.steps import PACKAGE

    cache = tmp_path / "cache" / "nbscdr"  # the folder subprocess_env's XDG_CACHE_HOME gives
    cache.mkdir(parents=True)
    target, name = {
        "roe2021.json": (shipped("roe2021.json"), "nbscdr's data folder"),
        "package": (PACKAGE / "locale" / "out.json", "nbscdr's package"),
        "cache": (cache / "out.json", "nbscdr's cache folder"),
    }[place]
    before = target.read_bytes() if target.exists() else None
    result = run(nbscdr_command, tmp_path, "list", "-f", "json", "-o", str(target))
    assert (
        error_line(result, 1) == f"--output {target}: is inside {name}, which runs read; choose another place"
    )
    assert (target.read_bytes() if target.exists() else None) == before


def test_an_unreadable_font_file_is_one_warning(nbscdr_command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "c.png"  # an SVG would keep its Chinese for the reader's fonts (issue 24)
    result = run(
        nbscdr_command,
        tmp_path,
        "chart",
        "biochar",
        "--lang",
        "zh",
        "-o",
        str(out),
        env={"NBSCDR_FONT": "/proc/self/mem"},
    )
    assert result.returncode == 0
    assert result.stderr.decode() == (
        "nbscdr: warning: NBSCDR_FONT '/proc/self/mem' is not a font file with Chinese glyphs; "
        "drawing the chart in English\n"
    )
