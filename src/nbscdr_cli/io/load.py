"""Loading a technique catalog: read the file, reuse a validated copy from the
cache when the bytes are the same, otherwise parse and validate it."""

from __future__ import annotations

import os

from nbscdr_cli.base import cache
from nbscdr_cli.base.locations import resolve_path
from nbscdr_cli.io.files import decode_utf8, display_path, parse_toml, read_bytes
from nbscdr_cli.model.catalog import Catalog


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load and validate a technique catalog: ``path``, else $NBSCDR_DATA, else
    the built-in one. Uses the cache only where ``nbscdr_cli.base.cache.enable()`` has
    turned it on (the command line does)."""
    if path is not None and not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str, a path or None, not {type(path).__name__}")
    resolved = resolve_path(path)
    raw = read_bytes(resolved, what="data file")
    where = display_path(resolved)
    key = None
    if cache.enabled():
        from nbscdr_cli.io import catalog_cache

        key = catalog_cache.content_key(raw)
        found = catalog_cache.load(key, where)
        if found is not None:
            return found
    from nbscdr_cli.io.validate import catalog_from_dict

    catalog = catalog_from_dict(
        parse_toml(decode_utf8(raw, where=where), where=where, written=True), source=where
    )
    if key is not None:
        from nbscdr_cli.io import catalog_cache

        catalog_cache.store(key, catalog)
    return catalog


def catalog_ids(kind: str, path: str | os.PathLike[str] | None = None) -> list[str]:
    """The ids of a catalog's techniques, assessments or references (``kind``),
    for shell completion: from the cache's plain list when the file is
    unchanged, else by loading the catalog."""
    from nbscdr_cli.io import catalog_cache

    names = None
    if cache.enabled():
        names = catalog_cache.load_names(
            catalog_cache.content_key(read_bytes(resolve_path(path), what="data file"))
        )
    if names is None:
        names = catalog_cache.ids(load_catalog(path))
    return [i for k, i in names if k == kind]
