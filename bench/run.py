"""nbscdr benchmarks: every figure as a ratio against its baseline, measured in one
run with the commands interleaved round by round, reporting medians.

Run it with the interpreter of a virtual environment where nbscdr is installed
normally (``pip install .``: an editable install with PYTHONDONTWRITEBYTECODE set
compiles every module on every start and measures that instead):

    python3 -m venv .bench && .bench/bin/pip install . && .bench/bin/python bench/run.py

Each command runs once before timing, so caches (validated catalog, unit factors)
are warm, as they are for a user's second and later runs. The caches go to a
temporary folder, never the user's. No figure is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
NBSCDR = str(BIN / "nbscdr")
PY = sys.executable
CHART_MS = 1000  # a warm `nbscdr chart -o x.png`: "well under a second"
SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]

BARE_NUMPY = """
import sys
import numpy as np
n = int(float(sys.argv[1]))
lows = np.array([3.0, 1.8, 0.5, 0.0, 1.0, 0.0])
highs = np.array([18.0, 4.8, 1.0, 19.0, 11.0, 1.0])
rng = np.random.default_rng(1)
totals = rng.uniform(lows, highs, size=(n, 6)).sum(axis=1)
print(np.percentile(totals, [5, 50, 95]))
"""


def synthetic_catalog(folder: Path, size: int) -> Path:
    """A made-up catalog of ``size`` techniques: benchmark input only, not data."""
    path = folder / "catalog.toml"
    rows = [
        f'[techniques.t{i:05d}]\nname = {{ en = "Synthetic {i}" }}\nlow = {i % 7}\n'
        f'high = {i % 7 + 1 + i % 3}\nunit = "Mt CO2/yr"\nscope = "forests"\n'
        for i in range(size)
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def portfolio_file(folder: Path, name: str, size: int) -> Path:
    path = folder / f"{name}.json"
    entries = [{"technique": f"t{i:05d}", "share": 0.5} for i in range(size)]
    path.write_text(json.dumps({"name": name, "entries": entries}), encoding="utf-8")
    return path


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"benchmark command failed ({result.returncode}): {' '.join(command)}\n{result.stderr.decode()}"
        )
    return elapsed


def peak_memory_mb(command: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of ``command``, read in a fresh process whose only child it is."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PY, "-c", probe, *command], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=21, help="timed rounds (default 21)")
    parser.add_argument("--no-memory", action="store_true", help="skip the 1e8-sample memory run")
    args = parser.parse_args()
    if not Path(NBSCDR).exists():
        raise SystemExit(f"no nbscdr next to {PY}; install nbscdr in this environment first")

    with tempfile.TemporaryDirectory(prefix="nbscdr-bench-") as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("NBSCDR_")}
        env.update({"XDG_CACHE_HOME": str(folder / "cache"), "LANG": "C.UTF-8"})
        complete_env = dict(
            env, _NBSCDR_COMPLETE="complete_bash", COMP_WORDS="nbscdr portfolio aff", COMP_CWORD="2"
        )
        catalog = synthetic_catalog(folder, 10_000)
        big = portfolio_file(folder, "big", 10_000)
        small = portfolio_file(folder, "small", 3)
        bare = folder / "bare_numpy.py"
        bare.write_text(BARE_NUMPY, encoding="utf-8")

        commands: dict[str, tuple[list[str], dict[str, str]]] = {
            "python -c pass": ([PY, "-c", "pass"], env),
            "nbscdr --help": ([NBSCDR, "--help"], env),
            "completion request": ([NBSCDR], complete_env),
            "portfolio (table)": ([NBSCDR, "portfolio", "afforestation", "biochar", "soil-carbon"], env),
            "portfolio --unit 'Mt C/yr'": (
                [NBSCDR, "portfolio", "afforestation", "biochar", "soil-carbon", "--unit", "Mt C/yr"],
                env,
            ),
            "1e6 samples x 6 (nbscdr)": (
                [NBSCDR, "portfolio", *SIX, "-n", "1e6", "--seed", "1", "-f", "json"],
                env,
            ),
            "1e6 samples x 6 (bare numpy)": ([PY, str(bare), "1e6"], env),
            "10,000-entry portfolio": (
                [NBSCDR, "portfolio", "--file", str(big), "--data", str(catalog), "-f", "json"],
                env,
            ),
            "3-entry portfolio": (
                [NBSCDR, "portfolio", "--file", str(small), "--data", str(catalog), "-f", "json"],
                env,
            ),
            # the chart's floor: matplotlib's Figure and Agg, with the font list nbscdr keeps
            "import matplotlib (Agg)": (
                [PY, "-c", "import matplotlib.figure, matplotlib.backends.backend_agg"],
                dict(env, MPLCONFIGDIR=str(folder / "cache" / "nbscdr" / "matplotlib")),
            ),
            "chart -o x.png": ([NBSCDR, "chart", "biochar", "-o", str(folder / "x.png")], env),
            # no cache: matplotlib builds its font list in a temporary folder on every run
            "chart -o x.png, no cache": (
                [NBSCDR, "chart", "biochar", "-o", str(folder / "y.png")],
                dict(env, NBSCDR_NO_CACHE="1"),
            ),
        }
        for command, command_env in commands.values():  # warm caches and the OS
            timed(command, command_env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, (command, command_env) in commands.items():
                samples[name].append(timed(command, command_env))
        median = {name: statistics.median(values) for name, values in samples.items()}

        rows = [
            ("nbscdr --help", "python -c pass", 6.0),
            ("completion request", "python -c pass", 6.0),
            ("portfolio (table)", "python -c pass", 10.0),
            ("portfolio --unit 'Mt C/yr'", "python -c pass", 12.0),
            ("1e6 samples x 6 (nbscdr)", "1e6 samples x 6 (bare numpy)", 1.3),
            ("10,000-entry portfolio", "3-entry portfolio", 2.0),
            ("chart -o x.png", "import matplotlib (Agg)", 2.5),
            ("chart -o x.png, no cache", "chart -o x.png", None),
        ]
        print(
            f"nbscdr benchmarks: {args.rounds} interleaved rounds, medians; {os.cpu_count()} cores; Python {sys.version.split()[0]}"
        )
        print(f"{'figure':32} {'ms':>8}  {'against':32} {'ms':>8}  {'ratio':>6}  target")
        failed = False
        for name, base, target in rows:
            ratio = median[name] / median[base]
            ok = target is None or ratio <= target
            failed |= not ok
            verdict = "(for the record)" if target is None else f"<= {target}x {'ok' if ok else 'MISSED'}"
            print(
                f"{name:32} {median[name] * 1000:8.1f}  {base:32} {median[base] * 1000:8.1f}  {ratio:5.2f}x  {verdict}"
            )
        chart_ms = median["chart -o x.png"] * 1000
        ok = chart_ms <= CHART_MS
        failed |= not ok
        print(
            f"{'chart -o x.png, warm':32} {chart_ms:8.1f} ms{'':42}<= {CHART_MS} ms {'ok' if ok else 'MISSED'}"
        )
        if not args.no_memory:
            mb = peak_memory_mb([NBSCDR, "portfolio", *SIX, "-n", "1e8", "--seed", "1", "-f", "json"], env)
            ok = mb <= 150
            failed |= not ok
            print(
                f"{'peak memory, 1e8 samples x 6':32} {mb:8.1f} MB{'':42}<= 150 MB {'ok' if ok else 'MISSED'}"
            )
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
