"""Reading Roe et al. (2021): data/roe2021.json, derived from the SI workbook by
scripts/derive_roe2021.py (see data/sources/roe2021/README.md), with the json module
alone. Read once per process, and only by a run that asks for a region or for the
roe2021 assessment, so every other command starts as fast as before.

Also data/iamc_countries.json: each ISO3 code's name in the IAMC's region codelist
(nomenclature-iamc's country list), for the IAMC export of a country.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from nbscdr_cli.base.locations import shipped
from nbscdr_cli.model.errors import DataError
from nbscdr_cli.model.regions import build_regions, country_from_dict
from nbscdr_cli.model.roe2021 import Column, RoeData

ROE2021_FILE = "roe2021.json"
IAMC_FILE = "iamc_countries.json"


@cache
def load_roe2021() -> RoeData:
    """The SI's data (data/roe2021.json), read once."""
    import json

    from nbscdr_cli.io.files import display_path, read_bytes

    path = shipped(ROE2021_FILE)
    where = display_path(path)
    try:
        document = json.loads(read_bytes(path, what="Roe et al. (2021) data file", limit=1 << 24))
        return _data(document)
    except DataError:
        raise
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DataError(
            f"not the derived Roe et al. (2021) data ({type(exc).__name__}); re-derive it with "
            "scripts/derive_roe2021.py",
            where=where,
        ) from None


def _data(document: Mapping[str, Any]) -> RoeData:
    index = {cid: i for i, cid in enumerate(document["columns"])}
    columns: dict[str, Column] = {}
    studies: dict[str, tuple[tuple[str, str], ...]] = {}
    for measure in document["measures"]:
        found: list[tuple[str, str]] = []
        for block in measure["blocks"]:
            for c in block["columns"]:
                study = c["study"].strip() if c["study"] else None
                columns[c["id"]] = Column(
                    c["id"],
                    index[c["id"]],
                    c["column"],
                    block["name"].strip(),
                    study,
                    c["period"],
                    c["type"].strip(),
                    c["unit"].strip(),
                )
            first = block["columns"][0] if block["columns"] else None
            if block["id"] != "average" and first is not None and first["study"]:
                found.append((first["study"].strip(), str(first["period"])))
        if any(b["id"] == "average" for b in measure["blocks"]):
            studies[f"{measure['id']}/average"] = tuple(found)
    countries = [country_from_dict(c) for c in document["countries"]]
    values = {c["iso3"]: tuple(c["values"]) for c in document["countries"]}
    source = document["source"]
    import re

    cldr = re.search(r"CLDR [^;,]+", source["names"])
    return RoeData(
        regions=build_regions(countries),
        columns=columns,
        values=values,
        studies=studies,
        citation=source["citation"],
        names_source=f"{cldr.group(0)} (the SI's own name where CLDR has none)" if cldr else source["names"],
    )


@cache
def iamc_countries() -> Mapping[str, str]:
    """ISO3 -> the country's name in the IAMC's region codelist (nomenclature-iamc's
    list: "China", "United States"); codes it does not name are absent."""
    import json

    from nbscdr_cli.io.files import display_path, read_bytes

    path = shipped(IAMC_FILE)
    try:
        names = json.loads(read_bytes(path, what="IAMC country names file"))["countries"]
    except DataError:
        raise
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(
            f"not the derived IAMC country names ({type(exc).__name__}); re-derive it with "
            "scripts/derive_iamc_countries.py",
            where=display_path(path),
        ) from None
    return {str(k): str(v) for k, v in names.items()}
