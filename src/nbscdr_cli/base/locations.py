"""Where nbscdr finds things: the built-in catalog, the user's catalog, the cache.

Kept apart from the modules that use them so that the fastest paths (shell
completion) can find a file without importing the catalog machinery.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA = "NBSCDR_DATA"
ENV_NO_CACHE = "NBSCDR_NO_CACHE"


def builtin_path() -> Path:
    """The catalog shipped in the wheel (or, in a source checkout, ``data/``)."""
    return shipped("techniques.toml")


def shipped(name: str) -> Path:
    """A data file shipped in the wheel (or, in a source checkout, in ``data/``):
    the catalog, data/roe2021.json."""
    packaged = Path(__file__).parents[1] / "data" / name
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / name


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The catalog to use: ``path``, else $NBSCDR_DATA, else the built-in one."""
    if path is not None and os.fspath(path) != "":
        return Path(path)
    env = os.environ.get(ENV_DATA)
    return Path(env) if env else builtin_path()


def cache_folder() -> Path | None:
    """Where nbscdr keeps its caches: $XDG_CACHE_HOME/nbscdr, else ~/.cache/nbscdr.

    None when NBSCDR_NO_CACHE is set or there is no usable base: as the XDG base
    directory specification says, a relative XDG_CACHE_HOME is ignored, and so is
    an empty or relative HOME (never a folder in the working directory or /).
    """
    if os.environ.get(ENV_NO_CACHE):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "nbscdr"
    home = os.environ.get("HOME")
    if home is None:
        home = os.path.expanduser("~")  # the password database
    if not home or not os.path.isabs(home) or home == "/":
        return None
    return Path(home) / ".cache" / "nbscdr"
