"""Tab completion: the ids, names and regions a shell offers for an argument.

Completion must never print an error or slow the shell: the catalog's ids come
from the cache's id list when the catalog is unchanged, and any error offers
nothing.
"""


def _ids(kind: str) -> list[str]:
    """The catalog's ids of ``kind`` (from the cache's id list when the catalog
    is unchanged); none on any error, since completion must never print one."""
    try:
        from nbscdr_cli.cli.root import data
        from nbscdr_cli.io.load import catalog_ids

        return catalog_ids(kind, data(None))
    except Exception:
        return []


def complete_technique(incomplete: str) -> list[str]:
    """Technique ids for Tab completion; after "TECH:" or "TECH=" nothing to offer."""
    if ":" in incomplete or "=" in incomplete:
        return [incomplete]
    return [t for t in _ids("technique") if t.startswith(incomplete)]


def complete_assessment(incomplete: str) -> list[str]:
    """Assessment ids, also after a comma (``-a c2g2019,ar6``)."""
    done, _, last = incomplete.rpartition(",")
    head = f"{done}," if done else ""
    return [head + a for a in _ids("assessment") if a.startswith(last)]


def complete_reference(incomplete: str) -> list[str]:
    return [r for r in _ids("reference") if r.startswith(incomplete)]


def complete_region(incomplete: str) -> list[str]:
    """ISO3 codes, World and the AR6 regions' names (also after a comma, for
    ``--regions``); none on any error."""
    done, _, last = incomplete.rpartition(",")
    head = f"{done}," if done else ""
    try:
        from nbscdr_cli.io.roe2021 import load_roe2021

        regions = load_roe2021().regions
        names = ["World", *regions.countries]
        names += sorted({c.name_en or c.name for c in regions.countries.values()})
        names += sorted({c.regions[g] for c in regions.countries.values() for g in c.regions})
    except Exception:
        return []
    folded = last.casefold()
    return [head + n for n in dict.fromkeys(names) if n.casefold().startswith(folded)]
