"""One printed page, checked in a real browser: the HTML brief of a four-technique
portfolio (without --detail) prints on one A4 page, in English and in Chinese,
with and without --from/--to and --samples, and so does a country's (China's
economic potential, Roe et al. 2021), with and without a period and samples; no
text on it is smaller than 7 pt as printed (the chart's text included, at the
size the page gives the chart); and the page leaves the chart room to grow by a
line of its text (``HEADROOM``), so a chart drawn a line taller still fits. The
chart's height does not depend on the matplotlib at hand
(tests/cli/test_charts.py::test_the_briefs_chart_is_as_tall_whatever_matplotlib_measures),
so what is printed here holds for every version the install may get.

Headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it where it is
absent) prints each brief to PDF; ``tests/browser.py`` reads the pages back. The
eight briefs are written and printed two at a time (two cores) when the module
starts, and each test waits for its own. Chinese needs a font with Chinese glyphs
in the browser too: the system's (Debian's fonts-noto-cjk, which .ci/run
installs), else the Noto Sans CJK file of the test extras.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.browser import A4, INSTALL_HINT, Printed, find_chromium, is_a4, print_html
from tests.conftest import subprocess_env

FOUR = ["afforestation", "soil-carbon", "wetlands", "biochar"]
CHINA = [
    "afforestation",
    "biochar",
    "soil-carbon",
    "agroforestry",
    "--region",
    "CHN",
    "--potential",
    "economic",
]
PERIOD = ["--from", "2030", "--to", "2050"]
SAMPLES = ["--samples", "10000", "--seed", "1"]
FLOOR_PT = 7.0  # smallest text allowed, at the printed size
HANG_GUARD = 120  # seconds for one brief to be written
BOTTOM_MARGIN = 10 / 25.4 * 72  # the print style's @page margin at the foot, points
HEADROOM = 7.5 * 1.45  # one line of the chart's text (Chinese line spacing), points

CONFIGS = [
    (lang, period, samples, False)
    for lang in ("en", "zh")
    for period in (False, True)
    for samples in (False, True)
] + [(lang, period, period, True) for lang in ("en", "zh") for period in (False, True)]
IDS = [
    f"{'china-' if c else ''}{lang}-{'period' if p else 'rate'}-{'samples' if s else 'ranges'}"
    for lang, p, s, c in CONFIGS
]
TITLES = {
    ("en", False): "Nature-based CO2 removal",
    ("zh", False): "基于自然的二氧化碳移除",
    ("en", True): "China — nature-based CO2 removal",
    ("zh", True): "中国——基于自然的二氧化碳移除",
}

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=INSTALL_HINT)

Config = tuple[str, bool, bool, bool]


def packaged_cjk_font() -> Path:
    """Noto Sans CJK from the test extras (cvttf-notosanscjk-regular)."""
    from cvttf_NotoSansCJK_Regular import get_TTF_path

    return Path(get_TTF_path())


def system_has_chinese_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30)
    return bool(listed.stdout.strip())


def brief_args(config: Config) -> list[str]:
    lang, period, samples, china = config
    return [
        "brief",
        *(CHINA if china else FOUR),
        "--lang",
        lang,
        *(PERIOD if period else []),
        *(SAMPLES if samples else []),
    ]


def chart_height(html: Path) -> float:
    """The height of the brief's chart as the page prints it (its SVG's, in
    points: the print style sets it at its own width)."""
    found = re.search(r'<svg[^>]* height="([\d.]+)pt"', html.read_text(encoding="utf-8"))
    assert found, f"no chart in {html}"
    return float(found.group(1))


def write_and_print(config: Config, folder: Path, font_dirs: list[Path]) -> Printed:
    """Write the brief for ``config`` as HTML with the CLI, then print it."""
    lang = config[0]
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / "brief.html"
    # the chart in Chinese needs a Chinese font for matplotlib: the packaged one,
    # so the chart is the same on every machine
    extra = {"NBSCDR_FONT": str(packaged_cjk_font())} if lang == "zh" else {}
    result = subprocess.run(
        [sys.executable, "-m", "nbscdr_cli", *brief_args(config), "-o", str(html)],
        env=subprocess_env(folder, **extra),
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "drawing the chart in English" not in result.stderr, result.stderr
    return print_html(html, folder / "brief.pdf", chromium=CHROMIUM, font_dirs=font_dirs)


@pytest.fixture(scope="module")
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[Config, Future[Printed]]]:
    """Every selected configuration's brief, written and printed two at a time
    (each brief and each Chromium is a process of its own; two cores)."""
    chosen = {
        item.callspec.id
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and item.module is request.module
        and item.originalname == "test_brief_prints_on_one_a4_page"
    }
    wanted = [(config, name) for config, name in zip(CONFIGS, IDS, strict=True) if name in chosen]
    font_dirs = [] if system_has_chinese_font() else [packaged_cjk_font().parent]
    root = tmp_path_factory.mktemp("print")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            config: pool.submit(write_and_print, config, root / name, font_dirs) for config, name in wanted
        }
        yield futures
        for future in futures.values():
            future.cancel()


def where_pages_start(result: Printed) -> str:
    """The top line of each page, to tell where the breaks fall."""
    starts = []
    for page in range(1, result.pages + 1):
        on_page = sorted((t for t in result.texts if t.page == page), key=lambda t: (t.y, t.x))
        top = " ".join(t.text for t in on_page if on_page and t.y - on_page[0].y < 2)
        starts.append(f"  page {page} starts with {top[:70]!r}" if on_page else f"  page {page} is blank")
    return "\n".join(starts)


@pytest.mark.parametrize("config", CONFIGS, ids=IDS)
def test_brief_prints_on_one_a4_page(printed: dict[Config, Future[Printed]], config: Config) -> None:
    result = printed[config].result()
    lang = config[0]
    # what is measured is the brief itself, drawn with real glyphs
    # (Chromium's PDF may map a character to its look-alike Kangxi radical: NFKC undoes it)
    printed_text = unicodedata.normalize("NFKC", "\n".join(t.text for t in result.texts))
    heading = TITLES[lang, config[3]]
    assert heading in printed_text, f"the title {heading!r} is not in the printed text"
    problems = []
    if not all(is_a4(size) for size in result.page_sizes):
        width, height = result.page_sizes[0]
        problems.append(
            f"paper is {width:g} x {height:g} pt, not A4 ({A4[0]:g} x {A4[1]:g}): "
            "the print style needs @page { size: A4 }"
        )
    if result.pages != 1:
        problems.append(f"{result.pages} pages, not 1:\n{where_pages_start(result)}")
    else:  # room for the chart to be a line taller: the budget the page allows it
        last = max(result.texts, key=lambda t: t.y)
        free = result.page_sizes[0][1] - BOTTOM_MARGIN - (last.y + 0.25 * last.size)
        drawn = chart_height(result.path.with_suffix(".html"))
        if free < HEADROOM:
            problems.append(
                f"the chart is {drawn:.1f} pt tall and the page leaves it {free:.1f} pt more, "
                f"not the {HEADROOM:.1f} pt of one more line: its budget is {drawn + free:.1f} pt"
            )
    small = result.below(FLOOR_PT)
    if small:
        listed = "\n".join(f"  {t.size:.2f} pt on page {t.page}: {t.text[:70]!r}" for t in small[:8])
        more = f"\n  ... and {len(small) - 8} more" if len(small) > 8 else ""
        problems.append(f"{len(small)} pieces of text smaller than {FLOOR_PT:g} pt:\n{listed}{more}")
    if problems:
        command = f"nbscdr {' '.join(brief_args(config))}"
        pytest.fail(f"{command} (printed: {result.path}):\n" + "\n".join(problems), pytrace=False)


def test_the_measure_itself(tmp_path: Path) -> None:
    """The harness reads what Chromium prints: A4 where @page asks for it, Letter
    where the page names no size, and text sizes as printed (CSS points, and SVG
    text scaled to half by CSS at half its size, rotated text by its height)."""
    svg = (
        '<div style="width:360pt"><svg xmlns="http://www.w3.org/2000/svg" width="720pt" height="72pt"'
        ' viewBox="0 0 720 72" style="width:100%;height:auto">'
        '<text x="10" y="40" font-size="10px">halved</text>'
        '<text transform="rotate(-90 100 60)" x="100" y="60" font-size="16px">turned</text></svg></div>'
    )
    body = f'<p style="font-size:12pt">twelve</p><p style="font-size:7pt">seven</p>{svg}'
    for name, style, paper in [("a4", "@page { size: A4; margin: 1cm }", A4), ("letter", "", (612.0, 792.0))]:
        html = tmp_path / f"{name}.html"
        html.write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{style}</style></head>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )
        result = print_html(html, chromium=CHROMIUM)
        assert result.pages == 1
        assert abs(result.page_sizes[0][0] - paper[0]) <= 1 and abs(result.page_sizes[0][1] - paper[1]) <= 1
        sizes = {t.text: t.size for t in result.texts}
        assert sizes == pytest.approx({"twelve": 12, "seven": 7, "halved": 5, "turned": 8}, abs=0.01)
        assert result.below(7.0) == [next(t for t in result.texts if t.text == "halved")]
