"""matplotlib for nbscdr's charts, and the fonts a chart needs.

matplotlib is imported with a config folder that works (a read-only HOME must
not matter) and that keeps its font list between runs: a ``matplotlib`` folder
in nbscdr's cache folder, used only if it is the user's own and private, else a
temporary one removed at exit (``matplotlib_folder``). Importing matplotlib is
most of a chart's time (bench/run.py); rebuilding the font list at every run
would add a third more.

Chinese labels need a font with CJK glyphs, and a Simplified Chinese face of it:
the same Han character takes other forms in a Japanese or Traditional face. nbscdr
ships none: it takes the font file ``NBSCDR_FONT`` names, else looks among the
fonts matplotlib and fontconfig know for a Simplified Chinese family first (e.g.
"Noto Sans CJK SC"; in Debian's fonts-noto-cjk it is face 2 of a collection whose
face 0 is the Japanese one, so that face is copied out, once, into the cache
folder), then for any CJK font, with a warning for a PNG or PDF. An SVG names
Simplified Chinese families first and keeps its text as text, so a reader's
browser draws it even where this machine has no Chinese font; a PNG or PDF with
no font for Chinese is drawn in English, with a warning (``fonts_for``).
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
# Simplified Chinese families a reader may have, in the order an SVG (and the HTML
# brief) names them: Noto/Source Han (the same design), then macOS's and Windows'.
SC_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei")
# Families of Simplified Chinese fonts that may be installed here.
SC_INSTALLED = (
    *SC_FAMILIES,
    "Noto Sans SC",
    "Source Han Sans CN",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
)


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


def is_simplified(family: str) -> bool:
    """Whether ``family`` is a Simplified Chinese face (by its name)."""
    return family in SC_INSTALLED or family.endswith((" SC", " CN"))


def _fontconfig_faces() -> list[tuple[str, int, str]]:
    """(file, face index, family) of every face fontconfig says covers Chinese,
    regular weights first; [] without fontconfig."""
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listed = subprocess.run(
            [fc_list, ":lang=zh", "-f", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    faces = []
    for line in listed.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[1].isdigit():
            faces.append((parts[0], int(parts[1]), parts[2], parts[3]))
    faces.sort(key=lambda f: (f[3] != "Regular", f[0], f[1]))
    return [(path, index, family) for path, index, family, _style in faces]


def _face_file(path: str, index: int) -> str | None:
    """A file holding face ``index`` of the font collection at ``path`` alone,
    which matplotlib can read (it reads a collection's face 0 only): copied once
    into the folder matplotlib keeps its font list in, named by the collection's
    path, size, time and the index; None where it cannot be made."""
    import hashlib

    if index == 0:
        return path
    try:
        st = os.stat(path)
        folder = matplotlib_folder() / "fonts"
        folder.mkdir(mode=0o700, exist_ok=True)
        key = hashlib.blake2b(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{index}".encode(), digest_size=12)
        target = folder / f"face-{key.hexdigest()}.otf"
        if not target.is_file():
            from fontTools.ttLib import TTCollection

            partial = target.with_suffix(f".{os.getpid()}.tmp")
            TTCollection(path, lazy=True).fonts[index].save(str(partial))
            os.replace(partial, target)  # whole or not at all, as racing runs expect
        return str(target)
    except Exception:  # an unreadable collection, a full disk: the face is just not had
        return None


def find_sc_font() -> str | None:
    """The family name of an installed Simplified Chinese font, made known to
    matplotlib (a face of a collection copied out first), or None."""
    from matplotlib import font_manager

    def rank(family: str) -> int:  # sans before serif, a proportional face before a monospaced one
        return SC_INSTALLED.index(family) if family in SC_INSTALLED else len(SC_INSTALLED)

    known = [e for e in font_manager.fontManager.ttflist if is_simplified(e.name)]
    for entry in sorted(known, key=lambda e: rank(e.name)):
        if _has_chinese(entry.fname):
            return str(entry.name)
    faces = [f for f in _fontconfig_faces() if is_simplified(f[2])]
    for path, index, _family in sorted(faces, key=lambda f: rank(f[2])):
        face = _face_file(path, index)
        if face is not None and _has_chinese(face):
            font_manager.fontManager.addfont(face)
            return str(font_manager.FontProperties(fname=face).get_name())
    return None


def find_cjk_font() -> str | None:
    """The family name of an installed font that has Chinese glyphs, a Simplified
    Chinese one where there is one (``find_sc_font``), or None."""
    from matplotlib import font_manager

    simplified = find_sc_font()
    if simplified is not None:
        return simplified
    for entry in font_manager.fontManager.ttflist:
        if any(hint in entry.name.lower() for hint in CJK_HINTS) and _has_chinese(entry.fname):
            return str(entry.name)
    # matplotlib's font list is cached and misses fonts installed since
    for path, index, _family in _fontconfig_faces():
        face = _face_file(path, index)
        if face is not None and _has_chinese(face):
            font_manager.fontManager.addfont(face)
            return str(font_manager.FontProperties(fname=face).get_name())
    return None


class Fonts(NamedTuple):
    families: list[str]
    lang: str  # the language the chart can be written in
    use_names: bool  # False: technique ids stand in for names no font can show
    warnings: list[str]
    measured: bool = True  # False: no font here has the text's glyphs (an SVG's reader sets them)


def fonts_for(lang: str, fmt: str = "png") -> Fonts:
    """The fonts for a chart in ``lang`` and format ``fmt``: for Chinese, an
    installed font with Chinese glyphs, a Simplified Chinese one first. An SVG
    names the Simplified Chinese families first, and without any Chinese font
    here still keeps its Chinese text, for the reader's browser to draw; a PNG
    or PDF without one is drawn in English, and with a non-Simplified face only,
    says so."""
    prepare_matplotlib()
    if lang != "zh":
        return Fonts([FALLBACK_FONT], lang, True, [])
    chosen = os.environ.get("NBSCDR_FONT")
    font = font_file(chosen) if chosen else find_cjk_font()
    if fmt == "svg":  # text stays text: the reader's fonts draw it
        named = [f for f in (font,) if f and f not in SC_FAMILIES]
        bad = (
            [
                f"NBSCDR_FONT {chosen!r} is not a font file with Chinese glyphs; the SVG names "
                "Simplified Chinese fonts for its reader's system to draw the Chinese text"
            ]
            if chosen and not font
            else []
        )
        return Fonts([*SC_FAMILIES, *named, FALLBACK_FONT, "sans-serif"], "zh", True, bad, font is not None)
    if font is None:
        missing = (
            f"NBSCDR_FONT {chosen!r} is not a font file with Chinese glyphs"
            if chosen
            else "no installed font has Chinese glyphs (NBSCDR_FONT can name a font file)"
        )
        warning = f"{missing}; drawing the chart in English"
        return Fonts([FALLBACK_FONT], "en", False, [warning])
    warnings = []
    if not chosen and not is_simplified(font):
        warnings.append(
            f"no Simplified Chinese font is installed (e.g. Noto Sans CJK SC); Chinese is drawn with "
            f"{font}, whose characters may take other forms"
        )
    return Fonts([font, FALLBACK_FONT], "zh", True, warnings)
