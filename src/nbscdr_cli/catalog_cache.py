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
import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nbscdr_cli.catalog import Catalog


def _entry(path: Path) -> Path | None:
    from nbscdr_cli import __version__
    from nbscdr_cli.units import _DEFINITION_KEY, cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    try:
        stat = path.stat()
        resolved = path.resolve()
    except OSError:
        return None
    key = f"{resolved}\0{stat.st_size}\0{stat.st_mtime_ns}\0{__version__}\0{_DEFINITION_KEY}"
    return folder / f"catalog-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"


def load(path: Path) -> Catalog | None:
    """The cached catalog for ``path``, or None."""
    entry = _entry(path)
    if entry is None:
        return None
    from nbscdr_cli.catalog import Catalog

    try:
        with entry.open("rb") as handle:
            catalog = pickle.load(handle)
    except Exception:  # a missing or damaged cache entry is just a miss
        return None
    return catalog if isinstance(catalog, Catalog) else None


def store(path: Path, catalog: Catalog) -> None:
    entry = _entry(path)
    if entry is None:
        return
    from nbscdr_cli.output import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(entry.parent)


def _prune(folder: Path, keep: int = 20) -> None:
    """Keep the cache small: drop the oldest catalog entries beyond ``keep``."""
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob("catalog-*.pickle"), key=os.path.getmtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
