"""matplotlib for nbscdr's charts, and the fonts a chart needs.

matplotlib is imported with a config folder that works (a read-only HOME must
not matter) and that keeps its font list between runs: a ``matplotlib`` folder
in nbscdr's cache folder, used only if it is the user's own and private, else a
temporary one removed at exit (``matplotlib_folder``). Importing matplotlib is
most of a chart's time (bench/run.py); rebuilding the font list at every run
would add a third more.

Chinese labels need a font with CJK glyphs. nbscdr ships none: it takes the font
file ``NBSCDR_FONT`` names, else looks among the fonts matplotlib and fontconfig
know (e.g. Debian's fonts-noto-cjk), and if there is none the chart is labelled
with technique ids, with a warning (``fonts_for``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import NamedTuple

CJK_SAMPLE = "造林"
CJK_HINTS = (
    "cjk",
    "han sans",
    "han serif",
    "hei",
    "song",
    "ming",
    "kai",
    "wenquanyi",
    "pingfang",
    "yahei",
    "fallback",
)
FALLBACK_FONT = "DejaVu Sans"  # ships with matplotlib; has ₂, –, … for fonts that lack them


def _private_folder(path: Path) -> bool:
    """``path`` is a folder of this user's that nobody else may write to."""
    import stat

    try:
        st = os.stat(path)
    except OSError:
        return False
    euid = getattr(os, "geteuid", None)
    if euid is not None and st.st_uid != euid():
        return False
    return (
        stat.S_ISDIR(st.st_mode)
        and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        and os.access(path, os.W_OK | os.X_OK)
    )


def matplotlib_folder() -> Path:
    """Where matplotlib keeps its config and font list: "matplotlib" in nbscdr's
    cache folder (0700, the user's own), so the font list is built once, not on
    every run; a temporary folder, removed at exit, where that cannot be had
    (caching off, NBSCDR_NO_CACHE, a read-only HOME)."""
    from nbscdr_cli.base import cache

    base = cache.folder(create=True)
    if base is not None:
        target = base / "matplotlib"
        with contextlib.suppress(OSError):  # there already, or cannot be made: checked next
            os.mkdir(target, 0o700)  # the umask can only take bits away
        if _private_folder(target):
            return target
    import atexit
    import shutil
    import tempfile

    temporary = Path(tempfile.mkdtemp(prefix="nbscdr-mpl-"))
    atexit.register(shutil.rmtree, temporary, ignore_errors=True)  # leave no temporary files
    return temporary


def prepare_matplotlib() -> None:
    """Import matplotlib with a config folder that works (a read-only HOME must
    not matter) and keeps its font list between runs, quietly. A user's own
    MPLCONFIGDIR, or a matplotlib already imported (a notebook), is left alone."""
    import logging

    if "matplotlib" not in sys.modules and not os.environ.get("MPLCONFIGDIR"):
        os.environ["MPLCONFIGDIR"] = str(matplotlib_folder())
    import matplotlib  # noqa: F401

    logging.getLogger("matplotlib").setLevel(logging.ERROR)


MAX_FONT_BYTES = 64 * 1024 * 1024  # as every input (io.files): a font file is not endless


def _has_chinese(path: str) -> bool:
    """Whether the font file at ``path`` has Chinese glyphs. The file is read
    here, whole and capped, so that a file that cannot be read (EIO, a device)
    is just not a candidate: FreeType reading it itself would report the error
    from a callback, as a traceback on stderr."""
    import io

    from matplotlib.ft2font import FT2Font

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FONT_BYTES + 1)
        if len(data) > MAX_FONT_BYTES:
            return False
        charmap = FT2Font(io.BytesIO(data)).get_charmap()
    except Exception:  # an unreadable font file is just not a candidate
        return False
    return all(ord(ch) in charmap for ch in CJK_SAMPLE)


def font_file(path: str) -> str | None:
    """The family name of the font file at ``path`` (NBSCDR_FONT), made known
    to matplotlib, or None if it is not a font with Chinese glyphs."""
    from matplotlib import font_manager

    if not os.path.isfile(path) or not _has_chinese(path):
        return None
    font_manager.fontManager.addfont(path)
    return str(font_manager.FontProperties(fname=path).get_name())


def find_cjk_font() -> str | None:
    """The family name of an installed font that has Chinese glyphs, or None."""
    from matplotlib import font_manager

    has_glyphs = _has_chinese

    for entry in font_manager.fontManager.ttflist:
        if any(hint in entry.name.lower() for hint in CJK_HINTS) and has_glyphs(entry.fname):
            return str(entry.name)
    # matplotlib's font list is cached and misses fonts installed since; ask
    # fontconfig, where there is one, for fonts that cover Chinese.
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listed = subprocess.run(
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    paths = [line.strip().rstrip(":") for line in listed.splitlines()]
    for path in sorted(paths, key=lambda p: ("Regular" not in p, "Bold" in p or "Light" in p, p)):
        if path and has_glyphs(path):
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
    return None


class Fonts(NamedTuple):
    families: list[str]
    lang: str  # the language the chart can be written in
    use_names: bool  # False: technique ids stand in for names no font can show
    warnings: list[str]


def fonts_for(lang: str) -> Fonts:
    """The fonts for a chart in ``lang``: for Chinese, an installed CJK font, or
    English with technique ids (and a warning) where there is none."""
    prepare_matplotlib()
    if lang != "zh":
        return Fonts([FALLBACK_FONT], lang, True, [])
    chosen = os.environ.get("NBSCDR_FONT")
    font = font_file(chosen) if chosen else find_cjk_font()
    if font is None:
        missing = (
            f"NBSCDR_FONT {chosen!r} is not a font file with Chinese glyphs"
            if chosen
            else "no installed font has Chinese glyphs (NBSCDR_FONT can name a font file)"
        )
        warning = f"{missing}; drawing the chart in English"
        return Fonts([FALLBACK_FONT], "en", False, [warning])
    return Fonts([font, FALLBACK_FONT], "zh", True, [])
