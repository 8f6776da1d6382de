"""A cache of validated catalogs, so that a run does not re-parse and re-validate
an unchanged data file (and need not import pint to read its units).

The entry for a data file is keyed by its absolute path, size and modification
time, the nbscdr version and the unit definitions; any change to one of them makes
a new entry. The cache lives in $XDG_CACHE_HOME/nbscdr (or ~/.cache/nbscdr), is
written atomically, and is best effort: an unreadable, corrupt or unwritable cache
only means the file is parsed again. NBSCDR_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nbscdr_cli.catalog import Catalog


def _entry(path: Path) -> tuple[Path, str] | None:
    """The cache file for ``path`` and the key its content must carry."""
    from nbscdr_cli import __version__
    from nbscdr_cli.locations import cache_folder
    from nbscdr_cli.units import _DEFINITION_KEY

    folder = cache_folder()
    if folder is None:
        return None
    try:
        stat = path.stat()
        resolved = path.resolve()
    except OSError:
        return None
    key = f"{resolved}\0{stat.st_size}\0{stat.st_mtime_ns}\0{__version__}\0{_DEFINITION_KEY}"
    # The file name only spreads entries out; the full key is stored inside and
    # checked on load, so a crc32 collision is just a miss.
    return folder / f"catalog-{zlib.crc32(str(resolved).encode()):08x}.pickle", key


def load(path: Path) -> Catalog | None:
    """The cached catalog for ``path``, or None."""
    found = _entry(path)
    if found is None:
        return None
    entry, key = found
    import pickle

    from nbscdr_cli.catalog import Catalog

    try:
        with entry.open("rb") as handle:
            stored_key, catalog = pickle.load(handle)
    except Exception:  # a missing or damaged cache entry is just a miss
        return None
    return catalog if stored_key == key and isinstance(catalog, Catalog) else None


def store(path: Path, catalog: Catalog) -> None:
    found = _entry(path)
    if found is None:
        return
    entry, key = found
    import pickle

    from nbscdr_cli.output import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, pickle.dumps((key, catalog), protocol=pickle.HIGHEST_PROTOCOL))
        names = "\n".join([_names_key(path) or "", *catalog.techniques])
        write_atomic(entry.with_suffix(".names"), names)
        _prune(entry.parent)


def _names_key(path: Path) -> str | None:
    from nbscdr_cli import __version__

    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{__version__}"


def load_names(path: Path) -> list[str] | None:
    """The technique ids of the cached catalog for ``path``, read from a small
    text file so that shell completion needs neither pickle nor the catalog."""
    from nbscdr_cli.locations import cache_folder

    folder = cache_folder()
    key = _names_key(path)
    if folder is None or key is None:
        return None
    names = folder / f"catalog-{zlib.crc32(str(path.resolve()).encode()):08x}.names"
    try:
        first, *ids = names.read_text(encoding="utf-8").split("\n")
    except (OSError, ValueError):
        return None
    return ids if first == key else None


def _prune(folder: Path, keep: int = 20) -> None:
    """Keep the cache small: drop the oldest catalog entries beyond ``keep``."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("catalog-*.pickle"), key=os.path.getmtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
            old.with_suffix(".names").unlink(missing_ok=True)
