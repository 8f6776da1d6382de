"""Ctrl-C and SIGTERM (issue 15): the first signal stops the run, later ones
cannot interrupt the clean-up, and the one line on stderr says what actually
happened: nothing written, an --output file written, or stdout cut short.
Never a traceback or "Exception ignored"; an existing output file is either
untouched or wholly replaced; no temporary file is left.

Bursts and blocked writes use the installed command. A signal at an exact
moment (just after the output file is replaced, inside a finalizer, at exit)
cannot be timed from outside, so those runs start the installed package's
``main`` in a subprocess with the moment marked by raising the signal there.
"""

from __future__ import annotations

import fcntl
import signal
import subprocess
import sys
import termios
import textwrap
import time
from pathlib import Path

import pytest

from tests.cli.contract import HANG_GUARD, leftovers
from tests.conftest import subprocess_env

SAMPLING = ["portfolio", "afforestation", "biochar", "soil-carbon", "-n", "3e8", "-f", "json"]


def _burst(proc: subprocess.Popen[bytes], signals: list[int]) -> None:
    for sig in signals:
        try:
            proc.send_signal(sig)
        except ProcessLookupError:
            return


@pytest.mark.parametrize(
    ("signals", "code", "word"),
    [
        ([signal.SIGTERM] * 200, 143, "terminated"),
        ([signal.SIGINT] * 200, 130, "interrupted"),
        ([signal.SIGTERM, signal.SIGINT] * 100, None, None),
    ],
    ids=["SIGTERM", "SIGINT", "mixed"],
)
def test_burst_during_monte_carlo(
    nbscdr_command: list[str], tmp_path: Path, signals: list[int], code: int | None, word: str | None
) -> None:
    out = tmp_path / "result.json"
    out.write_text("old", encoding="utf-8")
    proc = subprocess.Popen(
        [*nbscdr_command, *SAMPLING, "-o", str(out)],
        env=subprocess_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)  # started and sampling (3e8 samples take several seconds)
    _burst(proc, signals)
    stdout, stderr = proc.communicate(timeout=HANG_GUARD)
    if code is None:  # both pending at once: Python handles the lower number (SIGINT) first
        code, word = (130, "interrupted") if proc.returncode == 130 else (143, "terminated")
    assert (proc.returncode, stdout, stderr.decode()) == (code, b"", f"nbscdr: {word}; nothing was written\n")
    assert out.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []


def _catalog(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "big.toml"
    path.write_text(
        "".join(
            f'[techniques.t{i}]\nname = {{ en = "T{i}" }}\nhigh = 1\nunit = "Gt CO2/yr"\n'
            for i in range(rows)
        ),
        encoding="utf-8",
    )
    return path


def test_stdout_cut_short(nbscdr_command: list[str], tmp_path: Path) -> None:
    # A reader that stops reading: the write blocks until SIGTERM stops it.
    data = _catalog(tmp_path, 3000)
    proc = subprocess.Popen(
        [*nbscdr_command, "list", "-f", "csv", "--data", str(data)],
        env=subprocess_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    pending = bytearray(4)
    deadline = time.monotonic() + HANG_GUARD
    while int.from_bytes(pending, sys.byteorder) < 65536 and time.monotonic() < deadline:  # the pipe is full
        time.sleep(0.05)
        fcntl.ioctl(proc.stdout.fileno(), termios.FIONREAD, pending)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 143
    assert stderr == b"nbscdr: terminated while writing to stdout; it may be incomplete\n"
    assert stdout.startswith(b"id,name_en")


# The signal, raised at a marked moment inside the run.
MOMENTS = {
    "just after the file is replaced": """
        real = os.replace
        def replace(a, b):
            real(a, b)
            if os.fspath(b).endswith("out.csv"):  # not the cache's entries
                for _ in range(50):
                    signal.raise_signal(SIG)
        os.replace = replace
    """,
    "while the temporary file is written": """
        real = os.fsync
        def fsync(fd):
            real(fd)
            signal.raise_signal(SIG)
        os.fsync = fsync
    """,
    "just after stdout is written": """
        import nbscdr_cli.cli.output as output
        real = output.write_stdout
        def write_stdout(data):
            real(data)
            signal.raise_signal(SIG)
        output.write_stdout = write_stdout
    """,
    "inside a finalizer": """
        import nbscdr_cli.api.request as api
        class Finalizer:
            def __del__(self):
                signal.raise_signal(SIG)
        real = api.run
        def run(plan, progress=None):
            Finalizer()  # collected at once: the signal is handled inside __del__
            return real(plan, progress=progress)
        api.run = run
    """,
    "at exit": """
        import atexit
        atexit.register(lambda: [signal.raise_signal(SIG) for _ in range(20)])
    """,
}


def _run_with(tmp_path: Path, moment: str, sig: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    script = tmp_path / "moment.py"
    script.write_text(
        "import os, signal, sys\n"
        f"SIG = {int(sig)}\n"
        + textwrap.dedent(MOMENTS[moment])
        + "from nbscdr_cli.cli.program import main\n"
        + "sys.argv = ['nbscdr', *sys.argv[1:]]\n"
        + "main()\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [sys.executable, str(script), *args],
        env=subprocess_env(tmp_path),
        capture_output=True,
        timeout=HANG_GUARD,
    )


@pytest.mark.parametrize(
    ("moment", "sig", "code", "line", "replaced"),
    [
        (
            "just after the file is replaced",
            signal.SIGTERM,
            143,
            "terminated after writing --output {out}",
            True,
        ),
        (
            "just after the file is replaced",
            signal.SIGINT,
            130,
            "interrupted after writing --output {out}",
            True,
        ),
        (
            "while the temporary file is written",
            signal.SIGTERM,
            143,
            "terminated; nothing was written",
            False,
        ),
        ("inside a finalizer", signal.SIGTERM, 143, "terminated; nothing was written", False),
        ("at exit", signal.SIGTERM, 0, None, True),
    ],
    ids=["after the replace", "SIGINT after the replace", "before the replace", "in a finalizer", "at exit"],
)
def test_signal_at_a_moment(
    tmp_path: Path, moment: str, sig: int, code: int, line: str | None, replaced: bool
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    result = _run_with(tmp_path, moment, sig, "portfolio", "biochar", "-f", "csv", "-o", str(out))
    expected = b"" if line is None else f"nbscdr: {line.format(out=out)}\n".encode()
    assert (result.returncode, result.stdout, result.stderr) == (code, b"", expected)
    content = out.read_text(encoding="utf-8")
    assert (
        content.endswith("total,Total,合计,,1.8,4.8,,Gt CO2/yr,false,false,false,c2g2019\n")
        if replaced
        else content == "old"
    )
    assert leftovers(tmp_path) == []


def test_signal_after_stdout(tmp_path: Path) -> None:
    result = _run_with(
        tmp_path, "just after stdout is written", signal.SIGTERM, "portfolio", "biochar", "-f", "csv"
    )
    assert result.returncode == 143
    assert result.stderr == b"nbscdr: terminated after writing to stdout\n"
    assert result.stdout.endswith("total,Total,合计,,1.8,4.8,,Gt CO2/yr,false,false,false,c2g2019\n".encode())


def test_ignored_signals_stay_ignored(nbscdr_command: list[str], tmp_path: Path) -> None:
    # nohup, or a script's background job: the caller chose to ignore them.
    def ignore() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    proc = subprocess.Popen(
        [
            *nbscdr_command,
            "portfolio",
            "biochar",
            "-n",
            "2e7",
            "--seed",
            "1",
            "--table",
            "statistics",
            "-f",
            "csv",
        ],
        env=subprocess_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=ignore,
    )
    time.sleep(1.0)
    _burst(proc, [signal.SIGINT] * 20)
    stdout, stderr = proc.communicate(timeout=HANG_GUARD)
    assert (proc.returncode, stderr) == (0, b"")
    assert stdout.startswith(b"total,statistic,value,unit,") and b"\nannual,p50," in stdout
