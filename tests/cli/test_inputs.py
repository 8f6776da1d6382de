"""Endless, special and slow inputs through the installed command: at most the
size cap plus one byte is read from anything (a file, a pipe, a device,
stdin), pipes and process substitution work, and a FIFO nobody writes to waits
as `cat` would, until a signal stops it cleanly; --target without --samples is
a usage error (issue 15)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli.contract import HANG_GUARD, clean, csv_total, fail
from tests.conftest import subprocess_env

CAP = "67,108,864"
PORTFOLIO = b'[[entries]]\ntechnique = "biochar"\n'


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["portfolio", "--file", "/dev/zero"], f"/dev/zero: portfolio file is larger than {CAP} bytes"),
        (["list", "--data", "/dev/zero"], f"/dev/zero: data file is larger than {CAP} bytes"),
        (
            ["compare", "--file", "/dev/zero", "--file", "/dev/null"],
            f"/dev/zero: portfolio file is larger than {CAP} bytes",
        ),
        (["portfolio", "--file", "/dev/null"], "/dev/null: portfolio file is empty"),
    ],
    ids=["portfolio file", "data file", "compare", "empty device"],
)
def test_devices_as_inputs(nbscdr_command: list[str], tmp_path: Path, args: list[str], line: str) -> None:
    assert fail(nbscdr_command, tmp_path, *args) == line


@pytest.mark.parametrize("what", ["portfolio", "data"])
def test_endless_stdin(nbscdr_command: list[str], tmp_path: Path, what: str) -> None:
    args = ["portfolio", "--file", "-"] if what == "portfolio" else ["list", "--data", "/dev/stdin"]
    where = "<stdin>" if what == "portfolio" else "/dev/stdin"
    with open("/dev/zero", "rb") as zero:
        line = fail(nbscdr_command, tmp_path, *args, stdin=zero)
    assert line == f"{where}: {what} file is larger than {CAP} bytes"


def test_endless_fifo(nbscdr_command: list[str], tmp_path: Path) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat /dev/zero > '{fifo}'"], stderr=subprocess.DEVNULL)
    try:
        line = fail(nbscdr_command, tmp_path, "portfolio", "--file", str(fifo))
    finally:
        writer.kill()
        writer.wait(timeout=HANG_GUARD)
    assert line == f"{fifo}: portfolio file is larger than {CAP} bytes"


def test_pipes_are_read(nbscdr_command: list[str], tmp_path: Path) -> None:
    # Process substitution gives /dev/fd/N, a pipe: read it whole, like a file.
    portfolio = tmp_path / "p.toml"
    portfolio.write_bytes(PORTFOLIO)
    shell = f"'{nbscdr_command[0]}' portfolio --file <(cat '{portfolio}') --data <(cat -) -f csv"
    result = subprocess.run(
        ["bash", "-c", shell],
        input=(Path(__file__).parents[2] / "data" / "techniques.toml").read_bytes(),
        env=subprocess_env(tmp_path),
        capture_output=True,
        timeout=HANG_GUARD,
    )
    assert csv_total(clean(result)) == "total,1.8,4.8,Gt CO2/yr"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_fifo_without_a_writer_stops_on_a_signal(
    nbscdr_command: list[str], tmp_path: Path, sig: signal.Signals
) -> None:
    fifo = tmp_path / "silent"
    os.mkfifo(fifo)
    out = tmp_path / "out.csv"
    out.write_text("precious", encoding="utf-8")
    proc = subprocess.Popen(
        [*nbscdr_command, "portfolio", "--file", str(fifo), "-o", str(out)],
        env=subprocess_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.0)  # waiting for a writer, as `cat` would
    assert proc.poll() is None
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=HANG_GUARD)
    word = "terminated" if sig == signal.SIGTERM else "interrupted"
    assert (proc.returncode, stdout, stderr) == (
        128 + sig,
        b"",
        f"nbscdr: {word}; nothing was written\n".encode(),
    )
    assert out.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["out.csv", "silent"]


@pytest.mark.parametrize("command", ["portfolio", "brief", "compare"])
def test_target_needs_samples(nbscdr_command: list[str], tmp_path: Path, command: str) -> None:
    # Issue 15: --target without --samples was ignored with exit 0.
    line = fail(nbscdr_command, tmp_path, command, "biochar", "--target", "3", code=2)
    assert line == (
        "Invalid value for '--target': a target needs the total's distribution (samples, or the convolution method) "
        "to give its chance"
    )
