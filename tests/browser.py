"""Printing an HTML file as a reader would: headless Chromium prints it to PDF,
and the PDF is read back for its pages (count and paper size, in points) and
the size of every piece of text on them, as printed (the font size times the
scale of the text and graphics matrices, so SVG text scaled by CSS counts at the
size it lands on paper).

Chromium is ``$NBSCDR_CHROMIUM`` if set, else ``chromium`` on PATH (Debian's
package: ``apt-get install chromium``). Each print gets a new, empty profile
folder and no network use. Its fonts are the system's (fontconfig), plus any
font folders passed in ``font_dirs`` (a Noto Sans CJK file from the test extras
covers Chinese where no system font does).

The PDF is read with pypdf (pure Python, no dependencies), imported only when a
PDF is read.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

CHROMIUM_ENV = "NBSCDR_CHROMIUM"
INSTALL_HINT = f"Chromium not found: apt-get install chromium (or set {CHROMIUM_ENV})"
A4 = (595.28, 841.89)  # points: 210 x 297 mm
LETTER = (612.0, 792.0)  # Chromium's paper when the page sets no @page size
PRINT_TIMEOUT = 90.0  # seconds; a hang guard, not a speed test

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)


def find_chromium() -> str | None:
    """The Chromium to print with: ``$NBSCDR_CHROMIUM`` (a path or a command
    name), else ``chromium`` on PATH, else None."""
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        return shutil.which(chosen) or (chosen if os.access(chosen, os.X_OK) else None)
    return shutil.which("chromium")


@dataclass(frozen=True)
class Text:
    """A piece of text as printed: its page (1-based), its size in points, where
    its baseline starts (``x`` from the left edge, ``y`` down from the top edge,
    in points), and the text: a run of characters on one line drawn at one size
    (Chromium draws Chinese a character at a time; such characters are joined)."""

    page: int
    size: float
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Printed:
    """A printed PDF: each page's size (width, height) in points, and every
    piece of text on the pages that is not blank."""

    path: Path
    page_sizes: list[tuple[float, float]]
    texts: list[Text]

    @property
    def pages(self) -> int:
        return len(self.page_sizes)

    def smallest(self) -> Text:
        """The smallest text (the first in reading order among equals)."""
        return min(self.texts, key=lambda t: t.size)

    def below(self, floor: float) -> list[Text]:
        """Every piece of text smaller than ``floor`` points (to 0.01 pt: Chromium
        rounds sizes through CSS pixels, 7 pt prints as 6.997), smallest first."""
        return sorted((t for t in self.texts if t.size < floor - 0.01), key=lambda t: t.size)

    def page_text(self, page: int) -> str:
        return "\n".join(t.text for t in self.texts if t.page == page)


def _fontconfig_file(folder: Path, font_dirs: Sequence[Path]) -> Path:
    """A fontconfig file that reads the system's and adds ``font_dirs``."""
    dirs = "".join(f"  <dir>{escape(str(Path(d).resolve()))}</dir>\n" for d in font_dirs)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{dirs}</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def print_to_pdf(
    html: Path,
    pdf: Path,
    *,
    chromium: str | None = None,
    font_dirs: Sequence[Path] = (),
    timeout: float = PRINT_TIMEOUT,
) -> Path:
    """Print ``html`` to ``pdf`` with headless Chromium and return ``pdf``.

    The paper is what the page's ``@page { size }`` asks for; without one,
    Chromium prints on Letter. No header or footer is added; margins are the
    page's (``@page { margin }``), else Chromium's default (0.4 in, about 1 cm).
    Raises RuntimeError (with Chromium's output) if it fails or hangs."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise RuntimeError(INSTALL_HINT)
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="nbscdr-chromium-") as scratch:
        profile = Path(scratch) / "profile"
        profile.mkdir()
        env = dict(os.environ)
        if font_dirs:
            env["FONTCONFIG_FILE"] = str(_fontconfig_file(Path(scratch), font_dirs))
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ]
        # its own process group, so a hang takes Chromium's helper processes down too;
        # its output to a file, so a helper that outlives it cannot hold a pipe open
        log_path = Path(scratch) / "chromium.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env, start_new_session=True
            )
            timed_out = False
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                process.kill()
                process.wait()
            finally:
                # helpers left behind by a crashed or hung browser would hold the profile folder
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGKILL)
        output = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        if timed_out:
            raise RuntimeError(f"Chromium did not print {html.name} in {timeout:.0f} s:\n{output}")
        if process.returncode != 0 or not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF-"):
            raise RuntimeError(f"Chromium failed to print {html.name} (exit {process.returncode}):\n{output}")
    return pdf


def _multiply(m: Sequence[float], n: Sequence[float]) -> tuple[float, ...]:
    """The PDF matrix product m x n (each as [a b c d e f])."""
    a, b, c, d, e, f = (float(x) for x in m)
    p, q, r, s, t, u = (float(x) for x in n)
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _type3_scale(font: object) -> float:
    """How much larger a Type 3 font's glyphs are than the usual 1000-unit em
    (Skia writes FontMatrix 0.001, so 1); 1 for every other kind of font."""
    try:
        if font is not None and font.get("/Subtype") == "/Type3":  # type: ignore[attr-defined]
            matrix = [float(v) for v in font["/FontMatrix"]]  # type: ignore[index]
            return math.hypot(matrix[2], matrix[3]) * 1000.0
    except (KeyError, TypeError, ValueError, IndexError):
        pass
    return 1.0


def read_pdf(pdf: Path) -> Printed:
    """The pages of ``pdf`` and the size of every piece of text on them, in
    points as printed: the font size (Tf) scaled by the text matrix times the
    graphics matrix, measured along the glyphs' vertical axis (so rotated text
    is measured by its height too)."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    texts: list[Text] = []
    sizes: list[tuple[float, float]] = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        sizes.append((round(width, 2), round(height, 2)))
        on_page: list[Text] = []

        def visit(
            text: str,
            cm: Sequence[float],
            tm: Sequence[float],
            font: object,
            font_size: float,
            number: int = number,
            top: float = float(box.top),
            left: float = float(box.left),
            on_page: list[Text] = on_page,
        ) -> None:
            if not text.strip():
                return
            _, _, c, d, e, f = _multiply(tm, cm)
            size = round(float(font_size) * math.hypot(c, d) * _type3_scale(font), 3)
            x, y = round(e - left, 1), round(top - f, 1)
            last = on_page[-1] if on_page else None
            # the next character of a run: same line and size, within an em of where the run
            # can end (no glyph is wider than an em), so a chart's tick labels stay apart
            if (
                last is not None
                and last.size == size
                and abs(last.y - y) < 0.5
                and last.x <= x <= last.x + (len(last.text) + 0.5) * size
            ):
                on_page[-1] = Text(number, size, last.x, last.y, last.text + text.strip())
            else:
                on_page.append(Text(number, size, x, y, text.strip()))

        page.extract_text(visitor_text=visit)
        texts.extend(on_page)
    return Printed(Path(pdf), sizes, texts)


def print_html(
    html: Path,
    pdf: Path | None = None,
    *,
    chromium: str | None = None,
    font_dirs: Sequence[Path] = (),
    timeout: float = PRINT_TIMEOUT,
) -> Printed:
    """Print ``html`` (to ``pdf``, default beside it with the suffix .pdf) and
    read the result back."""
    html = Path(html)
    target = Path(pdf) if pdf is not None else html.with_suffix(".pdf")
    return read_pdf(print_to_pdf(html, target, chromium=chromium, font_dirs=font_dirs, timeout=timeout))


def is_a4(size: tuple[float, float], tolerance: float = 1.0) -> bool:
    """Whether a page size (width, height) in points is A4 portrait."""
    return abs(size[0] - A4[0]) <= tolerance and abs(size[1] - A4[1]) <= tolerance


if __name__ == "__main__":  # python -m tests.browser FILE.html...: pages and smallest text
    import sys

    for name in sys.argv[1:]:
        printed = print_html(Path(name))
        small = printed.smallest()
        print(
            f"{name}: {printed.pages} page(s) {printed.page_sizes[0][0]:g}x{printed.page_sizes[0][1]:g} pt; "
            f"smallest {small.size:g} pt on page {small.page}: {small.text[:80]!r}"
        )
