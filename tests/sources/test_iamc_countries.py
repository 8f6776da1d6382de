"""data/iamc_countries.json: each ISO3 code of the Roe et al. (2021) data with the name the
IAMC's validator (nomenclature-iamc) gives that country. Re-derived here and compared byte for
byte, so that the names nbscdr writes in an IAMC file are the validator's own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DERIVED = ROOT / "data" / "iamc_countries.json"
SCRIPT = ROOT / "scripts" / "derive_iamc_countries.py"


def test_the_file_is_what_the_script_makes_of_nomenclature(tmp_path: Path) -> None:
    out = tmp_path / "iamc_countries.json"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == DERIVED.read_bytes()


def test_the_five_countries_and_the_two_historic_entities() -> None:
    doc = json.loads(DERIVED.read_text(encoding="utf-8"))
    names = doc["countries"]
    assert [names[c] for c in ("CHN", "IND", "BRA", "IDN", "USA")] == [
        "China",
        "India",
        "Brazil",
        "Indonesia",
        "United States",
    ]
    assert doc["unnamed"] == ["ANT", "SCG"]  # no ISO 3166 code today: nothing to name them by
    assert len(names) == 248
