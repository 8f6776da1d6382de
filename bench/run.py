"""nbscdr benchmarks: every figure as a ratio against its baseline, measured in one
run with the commands interleaved round by round, reporting medians.

Run it with the interpreter of a virtual environment where nbscdr is installed
normally (``pip install .``: an editable install with PYTHONDONTWRITEBYTECODE set
compiles every module on every start and measures that instead):

    python3 -m venv .bench && .bench/bin/pip install . && .bench/bin/python bench/run.py

Groups (``--only GROUP,...`` runs some of them):

- ``start-up``: ``--help``, a completion request, ``portfolio`` with and without
  ``--unit``, against ``python -c pass``;
- ``sampling``: 1e6 samples x 6 against bare numpy doing the same draws, sum and
  percentiles; 1e8 samples x 6 against ``plain_monte_carlo.py`` (single-threaded
  numpy in 4M-row chunks, column sums, a 2^20-bin histogram): wall time and CPU time
  (getrusage of the child), and nbscdr's peak memory;
- ``convolution``: ``--method convolution`` on the six techniques against the plain
  ``portfolio`` run, and on 1,000 entries of a 1,000-technique catalog (absolute);
- ``tables``: a 10,000-entry portfolio as JSON against a 3-entry one on the same
  10,000-technique catalog, and as a table to a pipe against the same as CSV;
- ``chart``: a warm ``nbscdr chart <six> -o x.png`` against ``plain_chart.py``
  (matplotlib drawing seven horizontal bars and saving a PNG);
- ``regions``: ``rank`` over every country of Roe et al. (2021) (the portfolio for each
  of 248 countries, as a table to a pipe, and as JSON) against the same portfolio for one
  country (``portfolio ... --region CHN``): at most twice its time (issue 22);
- ``long-names``: a table and a chart of a technique whose name is one unbroken
  word of 4 MB against the same of 1 MB: layout linear in a name's length keeps
  the ratio at or below 4 (start-up makes it less).

Each command runs once before timing, so caches (validated catalog, unit factors,
matplotlib's font list) are warm, as they are for a user's second and later runs.
The caches go to a temporary folder, never the user's. No figure is asserted by
the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
NBSCDR = str(BIN / "nbscdr")
PY = sys.executable
CHART_MS = 1000  # a warm `nbscdr chart -o x.png`: "well under a second"
SIX = ["afforestation", "biochar", "building-with-biomass", "macroalgae", "soil-carbon", "wetlands"]
GROUPS = ("start-up", "sampling", "convolution", "tables", "chart", "regions", "long-names")
ROE = ["afforestation", "biochar", "soil-carbon", "agroforestry", "--potential", "economic"]

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

# A child's wall time, CPU time and peak memory, measured in a fresh process
# whose only child it is (RUSAGE_CHILDREN's peak is the largest of all children).
PROBE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # seconds, user + system, of the command and its threads
    memory: float = 0.0  # peak resident MB (long runs only)


class Row(NamedTuple):
    """One figure: ``name`` against ``base`` (None: an absolute figure), by
    ``measure`` ("wall", "cpu" or "memory"), with its target (None: shown for
    information)."""

    group: str
    label: str
    name: str
    base: str | None
    measure: str
    target: float | None


ROWS = [
    Row("start-up", "`nbscdr --help`", "help", "pass", "wall", 6.0),
    Row("start-up", "a completion request", "complete", "pass", "wall", 6.0),
    Row("start-up", "`portfolio afforestation biochar soil-carbon`", "portfolio", "pass", "wall", 10.0),
    Row("start-up", 'the same with `--unit "Mt C/yr"`', "unit", "pass", "wall", 12.0),
    Row("sampling", "1e6 samples x 6", "mc-1e6", "bare-1e6", "wall", 1.3),
    Row("sampling", "1e8 samples x 6, wall time", "mc-1e8", "plain-1e8", "wall", 0.6),
    Row("sampling", "1e8 samples x 6, CPU time", "mc-1e8", "plain-1e8", "cpu", 1.1),
    Row("sampling", "peak memory, 1e8 samples x 6", "mc-1e8", None, "memory", 150.0),
    Row("convolution", "`--method convolution`, 6 entries", "conv-6", "portfolio-6", "wall", 1.3),
    Row("convolution", "(numpy's import alone)", "import-numpy", "portfolio-6", "wall", None),
    Row("convolution", "`--method convolution`, 1,000 entries", "conv-1000", None, "wall", 1.0),
    Row("tables", "10,000-entry portfolio, JSON", "json-10k", "json-3", "wall", 2.0),
    Row("tables", "10,000-entry portfolio, table to a pipe", "table-10k", "csv-10k", "wall", 3.0),
    Row("chart", "`chart <six> -o x.png`, warm", "chart", "plain-chart", "wall", 1.2),
    Row("regions", "`rank` over every country, table", "rank-all", "region-one", "wall", 2.0),
    Row("regions", "`rank` over every country, JSON", "rank-json", "region-one", "wall", 2.0),
    Row("regions", "`rank --by region_ar6_22`", "rank-r22", "region-one", "wall", 2.0),
    Row("regions", "`compare --regions` five countries", "compare-5", "region-one", "wall", None),
    Row("regions", "(the same portfolio, global figures)", "global-one", "region-one", "wall", None),
    Row("long-names", "table, a 4 MB name", "table-4mb", "table-1mb", "wall", 4.0),
    Row("long-names", "chart, a 4 MB name", "chart-4mb", "chart-1mb", "wall", 4.0),
]

LABELS = {
    "pass": "`python -c pass`",
    "bare-1e6": "bare numpy",
    "plain-1e8": "plain chunked numpy",
    "portfolio-6": "`portfolio <six>`",
    "json-3": "3-entry, same catalog",
    "csv-10k": "the same as CSV",
    "plain-chart": "plain matplotlib",
    "region-one": "`portfolio … --region CHN`",
}
LONG = {"mc-1e8", "plain-1e8"}  # run through PROBE, fewer rounds


def synthetic_catalog(folder: Path, size: int) -> Path:
    """A made-up catalog of ``size`` techniques: benchmark input only, not data."""
    path = folder / f"catalog-{size}.toml"
    rows = [
        f'[techniques.t{i:05d}]\nname = {{ en = "Synthetic {i}" }}\nlow = {i % 7}\n'
        f'high = {i % 7 + 1 + i % 3}\nunit = "Mt CO2/yr"\nscope = "forests"\n'
        for i in range(size)
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def long_name_catalog(folder: Path, size: int) -> Path:
    """One technique whose name is a single word of ``size`` characters (and a
    second, short one): benchmark input only."""
    path = folder / f"long-{size}.toml"
    path.write_text(
        f'[techniques.x]\nname = {{ en = "{"a" * size}" }}\nhigh = 1\nunit = "Gt CO2/yr"\n'
        '[techniques.y]\nname = { en = "Y" }\nhigh = 2\nunit = "Gt CO2/yr"\n',
        encoding="utf-8",
    )
    return path


def portfolio_file(folder: Path, name: str, size: int) -> Path:
    path = folder / f"{name}.json"
    entries = [{"technique": f"t{i:05d}", "share": 0.5} for i in range(size)]
    path.write_text(json.dumps({"name": name, "entries": entries}), encoding="utf-8")
    return path


def timed(command: list[str], env: dict[str, str]) -> Run:
    """Wall and CPU time of ``command``, its output read through a pipe."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(
            f"benchmark command failed ({result.returncode}): {' '.join(command)}\n{result.stderr.decode()}"
        )
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Run(wall, cpu)


def probed(command: list[str], env: dict[str, str]) -> Run:
    """Wall, CPU and peak memory of ``command``, through PROBE."""
    out = subprocess.run([PY, "-c", PROBE, *command], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{out.stderr}")
    wall, cpu, rss = out.stdout.split()
    return Run(float(wall), float(cpu), int(rss) / 1024)


def machine() -> str:
    """'2 cores, AMD EPYC, Python 3.11.7, Linux'."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, {model}, Python {platform.python_version()}, {platform.system()}"


def commands(folder: Path, env: dict[str, str]) -> dict[str, tuple[list[str], dict[str, str]]]:
    complete = dict(env, _NBSCDR_COMPLETE="complete_bash", COMP_WORDS="nbscdr portfolio aff", COMP_CWORD="2")
    catalog, catalog_1000 = synthetic_catalog(folder, 10_000), synthetic_catalog(folder, 1000)
    big, small, thousand = (
        portfolio_file(folder, n, k) for n, k in (("big", 10_000), ("small", 3), ("k1000", 1000))
    )
    bare = folder / "bare_numpy.py"
    bare.write_text(BARE_NUMPY, encoding="utf-8")
    data = ["--data", str(catalog)]
    mc = [NBSCDR, "portfolio", *SIX, "--seed", "1", "-f", "json", "-n"]
    return {
        "pass": ([PY, "-c", "pass"], env),
        "help": ([NBSCDR, "--help"], env),
        "complete": ([NBSCDR], complete),
        "portfolio": ([NBSCDR, "portfolio", "afforestation", "biochar", "soil-carbon"], env),
        "unit": ([NBSCDR, "portfolio", "afforestation", "biochar", "soil-carbon", "--unit", "Mt C/yr"], env),
        "mc-1e6": ([*mc, "1e6"], env),
        "bare-1e6": ([PY, str(bare), "1e6"], env),
        "mc-1e8": ([*mc, "1e8"], env),
        "plain-1e8": ([PY, str(HERE / "plain_monte_carlo.py"), "1e8"], env),
        "conv-6": ([NBSCDR, "portfolio", *SIX, "--method", "convolution"], env),
        # as nbscdr imports it: one OpenBLAS thread (cli.main sets it)
        "import-numpy": ([PY, "-c", "import numpy"], dict(env, OPENBLAS_NUM_THREADS="1")),
        "portfolio-6": ([NBSCDR, "portfolio", *SIX], env),
        "conv-1000": (
            [
                NBSCDR,
                "portfolio",
                "--file",
                str(thousand),
                "--data",
                str(catalog_1000),
                "--method",
                "convolution",
                "-f",
                "json",
            ],
            env,
        ),
        "json-10k": ([NBSCDR, "portfolio", "--file", str(big), *data, "-f", "json"], env),
        "json-3": ([NBSCDR, "portfolio", "--file", str(small), *data, "-f", "json"], env),
        "table-10k": ([NBSCDR, "portfolio", "--file", str(big), *data, "-f", "table"], env),
        "csv-10k": ([NBSCDR, "portfolio", "--file", str(big), *data, "-f", "csv"], env),
        "chart": ([NBSCDR, "chart", *SIX, "-o", str(folder / "nbscdr.png")], env),
        "plain-chart": ([PY, str(HERE / "plain_chart.py"), str(folder / "plain.png")], env),
        "region-one": ([NBSCDR, "portfolio", *ROE, "--region", "CHN"], env),
        "global-one": ([NBSCDR, "portfolio", *ROE, "-a", "ar6"], env),
        "rank-all": ([NBSCDR, "rank", *ROE], env),
        "rank-json": ([NBSCDR, "rank", *ROE, "-f", "json"], env),
        "rank-r22": ([NBSCDR, "rank", *ROE, "--by", "region_ar6_22"], env),
        "compare-5": ([NBSCDR, "compare", *ROE, "--regions", "CHN,IND,BRA,USA,IDN"], env),
        **{
            f"{kind}-{mb}mb": (
                [NBSCDR, *command, "x", "y", "--data", str(long_name_catalog(folder, mb * 1_000_000)), *tail],
                env,
            )
            for kind, command, tail in (
                ("table", ["portfolio"], ["-f", "table"]),
                ("chart", ["chart"], ["-o", str(folder / "long.png")]),
            )
            for mb in (1, 4)
        },
    }


def measure(
    names: list[str], every: dict[str, tuple[list[str], dict[str, str]]], rounds: int
) -> dict[str, list[Run]]:
    """Each command once to warm up, then ``rounds`` rounds, the commands interleaved."""
    runs: dict[str, list[Run]] = {name: [] for name in names}
    for name in names:
        timed(*every[name])
    for _ in range(rounds):
        for name in names:
            runs[name].append((probed if name in LONG else timed)(*every[name]))
    return runs


def value(runs: list[Run], measure_: str) -> float:
    if measure_ == "memory":
        return max(r.memory for r in runs)
    return statistics.median(getattr(r, measure_) for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=21, help="timed rounds (default 21)")
    parser.add_argument(
        "--long-rounds", type=int, default=5, help="rounds of the 1e8-sample runs (default 5)"
    )
    parser.add_argument("--only", metavar="GROUP,...", help=f"run only these groups: {', '.join(GROUPS)}")
    parser.add_argument(
        "--markdown", action="store_true", help="print the figures as README's Markdown table"
    )
    args = parser.parse_args()
    groups = GROUPS if not args.only else tuple(g.strip() for g in args.only.split(","))
    unknown = set(groups) - set(GROUPS)
    if unknown:
        raise SystemExit(f"unknown group {', '.join(sorted(unknown))}; choose from {', '.join(GROUPS)}")
    if not Path(NBSCDR).exists():
        raise SystemExit(f"no nbscdr next to {PY}; install nbscdr in this environment first")
    rows = [r for r in ROWS if r.group in groups]

    with tempfile.TemporaryDirectory(prefix="nbscdr-bench-") as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("NBSCDR_")}
        env.update(
            {"XDG_CACHE_HOME": str(folder / "cache"), "MPLCONFIGDIR": str(folder / "mpl"), "LANG": "C.UTF-8"}
        )
        every = commands(folder, env)
        names = list(dict.fromkeys(n for r in rows for n in (r.name, r.base) if n is not None))
        runs = measure([n for n in names if n not in LONG], every, args.rounds)
        runs.update(measure([n for n in names if n in LONG], every, args.long_rounds))

    print(
        f"nbscdr benchmarks on {machine()}: {args.rounds} interleaved rounds "
        f"({args.long_rounds} for the 1e8-sample runs), medians"
    )
    failed = False
    lines = []
    for row in rows:
        ours = value(runs[row.name], row.measure)
        unit = "MB" if row.measure == "memory" else "s" if row.measure == "cpu" else "ms"
        shown = ours if unit != "ms" else ours * 1000
        limit = float("inf") if row.target is None else row.target
        if row.base is None:
            ok, ratio, against = ours <= limit, "", ""
            target = f"≤ {limit:g} {'MB' if row.measure == 'memory' else 's'}"
        else:
            base = value(runs[row.base], row.measure)
            ratio_value = ours / base
            ok, ratio = ratio_value <= limit, f"{ratio_value:.2f}×"
            base_shown = base if unit != "ms" else base * 1000
            against = f"{LABELS.get(row.base, row.base)} {base_shown:.1f} {unit}"
            target = f"≤ {limit:g}×"
        if row.target is None:
            target, verdict = "", "(information)"
        else:
            failed |= not ok
            verdict = "ok" if ok else "MISSED"
        if args.markdown:
            lines.append(f"| {row.label} | {shown:.1f} {unit} | {against} | {ratio} | {target} | {verdict} |")
        else:
            lines.append(
                f"{row.label:44} {shown:9.1f} {unit:2}  {against:40} {ratio:>6}  {target:9} {verdict}"
            )
    if args.markdown:
        print("\n| figure | ours | against | ratio | target | result |\n|---|---|---|---|---|---|")
    print("\n".join(lines))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
