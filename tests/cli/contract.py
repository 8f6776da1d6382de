"""The error contract, checked the same way by every hardening test: the exit
code, exactly one line on stderr, nothing on stdout, no traceback and no
Python warning. Subprocess timeouts are hang guards, not speed tests."""

from __future__ import annotations

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


def usage_line(result: subprocess.CompletedProcess[bytes]) -> str:
    """The "Error: ..." line of a usage error (exit 2), after checking the rest."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, stderr
    assert result.stdout == b""
    assert "Traceback" not in stderr, stderr
    return stderr.splitlines()[-1]


def clean(result: subprocess.CompletedProcess[bytes]) -> str:
    """The stdout of a successful run that printed nothing on stderr."""
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert result.stderr == b"", result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in ``folder`` (there must be none)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
