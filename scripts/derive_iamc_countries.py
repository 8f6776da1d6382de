"""Derive data/iamc_countries.json: each ISO3 code of data/roe2021.json with the name the
IAMC's validator gives that country as a region.

    python scripts/derive_iamc_countries.py [--out PATH]

The IAMC export of a country (``nbscdr portfolio ... --region CHN -f iamc``) must name it as
the IAMC's common-definitions do, so that the IAMC's validator, nomenclature-iamc, accepts it:
"China", "United States", "South Korea" (ISO 3166 names from pycountry, shortened by
nomenclature's ``PYCOUNTRY_NAME_OVERRIDE``). nbscdr cannot import nomenclature at run time (a
test dependency, seconds to import), so this script writes the names it gives to a small JSON
file that nbscdr ships. Codes nomenclature does not know (the SI's historic SCG and ANT) are
listed under "unnamed". tests/sources/test_iamc_countries.py re-derives it and compares.

Needs nomenclature-iamc (a test dependency only).
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROE = ROOT / "data" / "roe2021.json"
OUT = ROOT / "data" / "iamc_countries.json"


def derive(roe: Path = ROE) -> str:
    """The text of data/iamc_countries.json."""
    from nomenclature.countries import countries  # a test dependency only

    codes = [c["iso3"] for c in json.loads(roe.read_text(encoding="utf-8"))["countries"]]
    names: dict[str, str] = {}
    unnamed: list[str] = []
    for iso3 in codes:
        found = countries.get(alpha_3=iso3)
        if found is None:
            unnamed.append(iso3)
        else:
            names[iso3] = found.name
    document = {
        "countries": names,
        "source": {
            "what": (
                "each ISO3 code of data/roe2021.json with the country's name in nomenclature-iamc's "
                "country list (nomenclature.countries), which the IAMC's validator accepts as a region"
            ),
            "derived_by": "scripts/derive_iamc_countries.py",
            "nomenclature-iamc": version("nomenclature-iamc"),
            "pycountry": version("pycountry"),
        },
        "unnamed": unnamed,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = derive()
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
