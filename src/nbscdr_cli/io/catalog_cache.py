"""Validated catalogs in the cache, as JSON, so that a run neither re-parses nor
re-validates an unchanged data file (nor imports pint to read its units).

An entry is keyed by a hash of the file's bytes as read (plus the nbscdr version,
the unit definitions and this encoding's version): a catalog rewritten with the
same size and time, or saved while a run was reading it, can never be served
under the wrong key. The entry holds the catalog's value types, each written as
``{"_": type name, "f": [fields]}`` and rebuilt only from the types listed here:
reading an entry cannot run code, and one that does not decode exactly is a miss.
A plain list of the technique ids sits beside it for shell completion.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from nbscdr_cli.base import cache
from nbscdr_cli.model import assessed, catalog, sources

ENCODING_VERSION = "9"  # 2: digests (cache.py); 3: every catalog type; 4: kinds of ids; 5: periods;
# 6: regional references, computed estimates; 7: quotations, kinds of potential, what figures include;
# 8: a cost's unit; 9: figures as written
KEEP = 20  # catalogs kept; older entries are removed
# Every value type of the catalog's modules, and nothing else, can be rebuilt.
_TYPES: dict[str, Callable[..., Any]] = {
    name: cls
    for module in (assessed, catalog, sources)
    for name, cls in vars(module).items()
    if isinstance(cls, type) and issubclass(cls, tuple) and cls.__module__ == module.__name__
}


def content_key(raw: bytes) -> str:
    """The cache key of a catalog file's bytes."""
    from nbscdr_cli.base.version import __version__
    from nbscdr_cli.model.units import DEFINITION_KEY

    salt = f"{__version__}\0{DEFINITION_KEY}\0{ENCODING_VERSION}\0".encode()
    return cache.digest(salt + raw)


def _encode(value: Any) -> Any:
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {"_": type(value).__name__, "f": [_encode(v) for v in value]}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _decode(obj: dict[str, Any]) -> Any:
    if obj.keys() == {"_", "f"}:
        cls = _TYPES[obj["_"]]  # KeyError for any other name: the entry is a miss
        return cls(*(tuple(v) if type(v) is list else v for v in obj["f"]))
    return obj


def load(key: str, path: str) -> catalog.Catalog | None:
    """The cached catalog for ``key`` (shown as coming from ``path``), or None."""
    raw = cache.read(f"catalog-{key}.json")
    if raw is None:
        return None
    try:
        stored = json.loads(raw, object_hook=_decode)
        found = stored["catalog"]
        if stored["key"] != key or not isinstance(found, catalog.Catalog):
            return None
    except Exception:  # a damaged or foreign entry is just a miss
        return None
    return found._replace(path=path)


def store(key: str, value: catalog.Catalog) -> None:
    """Cache ``catalog`` under ``key``, with its ids for completion."""
    try:
        data = json.dumps({"key": key, "catalog": _encode(value)}, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # not representable: simply not cached
        return
    cache.write(f"catalog-{key}.json", data.encode("utf-8"))
    cache.write(f"names-{key}.txt", "\n".join(f"{kind}\t{i}" for kind, i in ids(value)).encode("utf-8"))
    cache.prune("catalog-*.json", KEEP)
    cache.prune("names-*.txt", KEEP)


def ids(value: catalog.Catalog) -> list[tuple[str, str]]:
    """(kind, id) for every technique (under any assessment), assessment and
    reference: what shell completion offers."""
    return [
        *(("technique", t) for t in value.all_techniques or value.techniques),
        *(("assessment", a) for a in value.assessments),
        *(("reference", r) for r in value.references),
    ]


def load_names(key: str) -> list[tuple[str, str]] | None:
    """``ids`` of the cached catalog for ``key``, from the plain list beside it,
    so that completion needs neither JSON nor the catalog types."""
    raw = cache.read(f"names-{key}.txt", limit=16 * 1024 * 1024)
    if raw is None:
        return None
    try:
        pairs = [line.split("\t") for line in raw.decode("utf-8").split("\n") if line]
    except UnicodeDecodeError:
        return None
    if not all(len(p) == 2 for p in pairs):
        return None  # not this version's list: a miss
    return [(p[0], p[1]) for p in pairs]
