"""Writing results: atomically to files, cleanly to stdout.

A file is written to a temporary sibling, flushed and synced, then renamed over the
target in one step (``os.replace``), so a failing or interrupted run never leaves a
partial or changed file, and the temporary file is removed on every path out.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from nbscdr_cli.errors import InputError, OutputError


def check_output_path(path: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output path before any work is done: a folder, a missing folder,
    or one of the input files."""
    where = f"--output {path}"
    if path.is_dir():
        raise InputError("is a folder; give a file name", where=where)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"folder {str(parent)!r} does not exist", where=where)
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and path.samefile(source):
                raise InputError("is one of the input files; choose another name", where=where)


def write_atomic(path: Path | str, text: str | bytes) -> None:
    """Replace ``path`` with ``text`` in one step, or leave it untouched."""
    import tempfile  # not at module level: it costs ~3 ms and stdout needs none

    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_output(path: Path, text: str | bytes) -> None:
    """Write a result to ``--output``: atomically for a regular file (through a
    symlink, to its target), directly for a device or pipe such as /dev/stdout,
    which cannot be replaced. Failures become one-line errors."""
    import stat

    try:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            with open(path, "wb") as handle:
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            return
        write_atomic(Path(os.path.realpath(path)), text)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror or exc})", where=f"--output {path}") from None


def write_stdout(text: str) -> None:
    """Write the whole result to stdout in one call; an ASCII-only stdout gets
    replacement characters rather than an encoding error."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed; give --output FILE", where="stdout")
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, errors="replace").decode(encoding))
    stream.flush()
