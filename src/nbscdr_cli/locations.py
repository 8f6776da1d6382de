"""Where nbscdr finds things: the built-in catalog, the user's catalog, the cache.

Kept apart from the modules that use them so that the fastest paths (shell
completion) can find a file without importing the catalog machinery.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA = "NBSCDR_DATA"


def builtin_path() -> Path:
    """The catalog shipped in the wheel (or, in a source checkout, ``data/``)."""
    packaged = Path(__file__).parent / "data" / "techniques.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "techniques.toml"


def resolve_path(path: str | Path | None) -> Path:
    """The catalog to use: ``path``, else $NBSCDR_DATA, else the built-in one."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(ENV_DATA)
    return Path(env) if env else builtin_path()


def cache_folder() -> Path | None:
    """Where nbscdr keeps its caches ($XDG_CACHE_HOME/nbscdr or ~/.cache/nbscdr),
    or None when NBSCDR_NO_CACHE is set or there is no home."""
    if os.environ.get("NBSCDR_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        base = os.path.join(home, ".cache") if home != "~" else ""
    return Path(base) / "nbscdr" if base else None
