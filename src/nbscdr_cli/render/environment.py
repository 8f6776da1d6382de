"""The terminal facts a run depends on, read once.

Whether stdout and stderr are terminals, their encoding and width, whether colour
is wanted (``NO_COLOR``) and the language the locale asks for: the command line
builds one ``Environment`` from the process (``Environment.from_system``) and
passes it to the renderers; tests build their own. Nothing else in nbscdr reads
``isatty``, the terminal size or the locale.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

DEFAULT_WIDTH = 100  # pipes and files: wide enough for the tables, narrow enough to read
MIN_WIDTH, MAX_WIDTH = 40, 200


def locale_lang(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """zh when the locale (LC_ALL, LC_MESSAGES, LANG, first set wins) is Chinese, else en."""
    environ = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _width(terminal: bool, environ: os._Environ[str] | dict[str, str] | None = None) -> int:
    """COLUMNS if set (for pipes too, as rich and many tools do), else the
    terminal's width, else DEFAULT_WIDTH; within MIN_WIDTH..MAX_WIDTH."""
    environ = os.environ if environ is None else environ
    columns = environ.get("COLUMNS", "").strip()
    if columns.isdigit():
        return max(MIN_WIDTH, min(int(columns), MAX_WIDTH))
    if not terminal:
        return DEFAULT_WIDTH
    import shutil

    columns_now = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(columns_now, MAX_WIDTH))


class Environment(NamedTuple):
    """Where the output goes and how it can be shown."""

    stdout_terminal: bool = False
    stderr_terminal: bool = False
    encoding: str = "utf-8"  # stdout's
    width: int = DEFAULT_WIDTH  # columns for tables and terminal charts
    colour: bool = False  # a terminal, and NO_COLOR not set
    lang: str = "en"  # from the locale; --lang overrides

    @property
    def unicode(self) -> bool:
        """stdout can take box-drawing and block characters."""
        return self.encoding.lower().replace("-", "").startswith("utf")

    def for_file(self) -> Environment:
        """The same run writing to a file: no terminal, no colour, UTF-8, the
        default width."""
        return self._replace(stdout_terminal=False, colour=False, encoding="utf-8", width=DEFAULT_WIDTH)

    @classmethod
    def from_system(cls) -> Environment:
        def isatty(stream: object) -> bool:
            try:
                return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
            except (OSError, ValueError):
                return False

        terminal = isatty(sys.stdout)
        return cls(
            stdout_terminal=terminal,
            stderr_terminal=isatty(sys.stderr),
            encoding=(getattr(sys.stdout, "encoding", None) or "utf-8"),
            width=_width(terminal),
            colour=terminal and not os.environ.get("NO_COLOR"),
            lang=locale_lang(),
        )
