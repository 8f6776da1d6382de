"""Draw the README's pictures with nbscdr itself (maintainers' tool):

    python scripts/make_pictures.py

- docs/images/chart.png: `nbscdr chart` of the README's portfolio;
- docs/images/brief.png: the top of the HTML brief of the same portfolio, as
  headless Chromium shows it (Debian's `chromium`; tests/browser.py finds it).

Run it after a change to the chart or the brief, and commit the pictures with it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import find_chromium  # noqa: E402

NBSCDR = Path(sys.executable).with_name("nbscdr")
IMAGES = ROOT / "docs" / "images"
PORTFOLIO = ["afforestation", "soil-carbon", "wetlands", "biochar"]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def nbscdr(*args: str) -> None:
    subprocess.run([str(NBSCDR), *args], check=True, cwd=ROOT)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    nbscdr("chart", *PORTFOLIO, "-o", str(IMAGES / "chart.png"))
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("Chromium not found: apt-get install chromium (or set NBSCDR_CHROMIUM)")
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "brief.html"
        nbscdr(
            "brief",
            *PORTFOLIO,
            "--from",
            "2030",
            "--to",
            "2050",
            "-n",
            "10000",
            "--seed",
            "1",
            "-o",
            str(html),
        )
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={Path(tmp) / 'profile'}",
                "--window-size=900,1250",
                f"--screenshot={IMAGES / 'brief.png'}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {IMAGES / 'chart.png'} and {IMAGES / 'brief.png'}")


if __name__ == "__main__":
    main()
