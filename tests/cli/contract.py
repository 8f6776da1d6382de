"""The error contract, checked the same way by every hardening test: the exit
code, exactly one line on stderr, nothing on stdout, no traceback and no
Python warning. Subprocess timeouts are hang guards, not speed tests."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.conftest import subprocess_env

HANG_GUARD = 60  # seconds


def run(
    command: list[str],
    tmp_path: Path,
    *args: str,
    stdin: Any = b"",
    env: Mapping[str, str] | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]:
    """The installed command with ``args``, its own cache under ``tmp_path``;
    ``stdin`` is bytes to feed it or a file to read from."""
    full_env = subprocess_env(tmp_path, **(env or {}))
    options["input" if isinstance(stdin, bytes) else "stdin"] = stdin
    return subprocess.run([*command, *args], env=full_env, capture_output=True, timeout=HANG_GUARD, **options)


def error_line(result: subprocess.CompletedProcess[bytes], code: int) -> str:
    """The one stderr line of a failed run (without "nbscdr: "), after checking
    the rest of the contract."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, stderr
    assert result.stdout == b""
    assert "Traceback" not in stderr and "Warning" not in stderr, stderr
    assert stderr.startswith("nbscdr: ") and stderr.count("\n") == 1 and stderr.endswith("\n"), stderr
    return stderr[len("nbscdr: ") : -1]


def usage_message(stderr: str) -> str:
    """The message of a usage error: its one line on stderr without "nbscdr: "
    and the help hint, "(nbscdr portfolio -h)"."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    found = re.fullmatch(r"nbscdr: (.*) \(nbscdr(?: [a-z]+)? -h\)", lines[0])
    assert found is not None, lines[0]
    return found.group(1)


def usage_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The message of a usage error (exit 2), after checking the rest."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, stderr
    assert result.stdout == b""
    return usage_message(stderr)


def clean(result: subprocess.CompletedProcess[bytes]) -> str:
    """The stdout of a successful run that printed nothing on stderr."""
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stderr == b"", result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in ``folder`` (there must be none)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# The output file a failing run must leave alone, named for the format it writes
# (a name that contradicts the format would be refused before the case under test).
GUARD_SUFFIX = {
    "table": ".txt",
    "json": ".json",
    "csv": ".csv",
    "markdown": ".md",
    "iamc": ".csv",
    "svg": ".svg",
}


def fail(command: list[str], tmp_path: Path, *args: str, code: int = 1, **options: Any) -> str:
    """Run a failing command with an existing --output file (unless it names
    one), check the whole contract (that file untouched, no temporary file
    left) and return its error line: without "nbscdr: " (exit 1), or the
    message of a usage error (exit 2)."""
    guard = None
    if "-o" not in args and "--output" not in args:
        fmt = (
            args[args.index("-f") + 1] if "-f" in args else {"brief": "markdown", "chart": "svg"}.get(args[0])
        )
        guard = tmp_path / f"guard{GUARD_SUFFIX[fmt or 'table']}"
        guard.write_text("precious", encoding="utf-8")
        args = (*args, "-o", str(guard))
    result = run(command, tmp_path, *args, **options)
    line = usage_line(result) if code == 2 else error_line(result, code)
    if guard is not None:
        assert guard.read_text(encoding="utf-8") == "precious"
        assert leftovers(guard.parent) == []
    return line


def read_terminal(leader: int) -> bytes:
    """Everything a pseudo-terminal's ``leader`` end gives until the program's
    side is closed (Linux reports that as an OSError)."""
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def csv_total(text: str) -> str:
    """The total row of a portfolio's CSV (its last row) as "total,LOW,HIGH,UNIT"."""
    import csv

    last = list(csv.DictReader(text.splitlines()))[-1]
    return ",".join(last[key] for key in ("technique", "low", "high", "unit"))
