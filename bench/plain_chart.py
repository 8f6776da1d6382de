"""The baseline for `nbscdr chart ... -o x.png` (bench/run.py): a plain
matplotlib script drawing seven horizontal low-high bars (six techniques and
their total) and saving a PNG at the same size and resolution.

    python bench/plain_chart.py x.png
"""

import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

LABELS = [
    "afforestation",
    "biochar",
    "building-with-biomass",
    "macroalgae",
    "soil-carbon",
    "wetlands",
    "total",
]
LOWS = [3.0, 1.8, 0.5, 0.0, 1.0, 0.0, 6.3]
HIGHS = [18.0, 4.8, 1.0, 19.0, 11.0, 1.0, 54.8]


def main() -> None:
    fig, ax = plt.subplots(figsize=(8.5, 4.5))
    ax.barh(range(len(LABELS)), [h - lo for lo, h in zip(LOWS, HIGHS, strict=True)], left=LOWS)
    ax.set_yticks(range(len(LABELS)), LABELS)
    ax.set_xlabel("Gt CO2/yr")
    fig.tight_layout()
    fig.savefig(sys.argv[1], dpi=150)


if __name__ == "__main__":
    main()
