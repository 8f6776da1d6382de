"""Writing results: atomically to files, cleanly to stdout, in the format the
command and the file name agree on.

A file is written to a temporary sibling, flushed and synced, then renamed over the
target in one step (``os.replace``), so a failing or interrupted run never leaves a
partial or changed file, and the temporary file is removed on every path out.
Each write is recorded (``interrupts``), so that a run stopped by a signal can
say whether its output was written.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from nbscdr_cli.cli import interrupts
from nbscdr_cli.model.errors import InputError, OutputError, UsageError

# The format each file extension implies; a command takes the ones among its formats.
SUFFIX_FORMATS: Mapping[str, str] = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
    ".png": "png",
    ".svg": "svg",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
}
# Files of kinds nbscdr never writes, whose extension contradicts any -f: CSV text
# in a .xlsx is no workbook. (Other extensions, .txt or .dat, take what -f says.)
OTHER_KINDS: Mapping[str, str] = {
    ".xlsx": "an Excel workbook",
    ".xls": "an Excel workbook",
    ".ods": "a spreadsheet",
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "a text document",
    ".pptx": "a presentation",
    ".jpg": "a JPEG image",
    ".jpeg": "a JPEG image",
    ".gif": "a GIF image",
    ".zip": "a zip archive",
    ".gz": "a gzip archive",
}
# Formats written into a file of another format's extension: IAMC is CSV.
SAME_FILE = {("iamc", "csv")}


def output_format(
    fmt: str | None,
    output: str | os.PathLike[str] | None,
    formats: Sequence[str],
    *,
    need_suffix: bool = False,
) -> str:
    """The format to write: ``fmt`` if given, else the one ``output``'s extension
    implies, else the command's first (default) format (unless ``need_suffix``:
    then a file name must say). An extension that names a format the command
    does not write, that contradicts ``fmt`` (or names a kind of file nbscdr
    never writes, such as .xlsx), or (without ``fmt``) that names no format
    nbscdr writes is refused."""
    implied = None
    output = None if output is None else Path(output)
    if output is not None and str(output) != "-":
        suffix = output.suffix.lower()
        implied = SUFFIX_FORMATS.get(suffix)
        if implied is not None and implied not in formats and (fmt, implied) not in SAME_FILE:
            raise UsageError(
                f"{output.name!r} names a {implied} file; this command writes {', '.join(formats)}",
                field="output",
            )
    if fmt is None:
        if implied is None and output is not None and output.suffix and not need_suffix:
            endings = ", ".join(
                s for s, f in SUFFIX_FORMATS.items() if f in formats or (f, "csv") in SAME_FILE
            )
            choose = "" if output.suffix.lower() in OTHER_KINDS else " (or choose the format)"
            raise UsageError(
                f"{output.name!r}: nbscdr writes no {output.suffix} files; give a name ending in {endings}"
                + choose,
                field="output",
            )
        if implied is None and need_suffix and output is not None:
            endings = ", ".join(f".{f}" for f in formats)
            raise UsageError(f"{output.name!r}: give a file name ending in {endings}", field="output")
        return implied or formats[0]
    kind = None if output is None else OTHER_KINDS.get(output.suffix.lower())
    if kind is not None:
        raise UsageError(f"{fmt} contradicts the file name {output.name!r} ({kind})", field="format")  # type: ignore[union-attr]
    if implied is not None and implied != fmt and (fmt, implied) not in SAME_FILE:
        raise UsageError(f"{fmt} contradicts the file name {output.name!r} ({implied})", field="format")  # type: ignore[union-attr]
    return fmt


def check_output_path(
    output: str | os.PathLike[str], inputs: tuple[str, ...] = (), own: tuple[tuple[Path, str], ...] = ()
) -> None:
    """Refuse an output path before any work is done: a folder (or a name that
    says it is one: ``new-folder/``, ``x/.``), a missing folder, one of the
    input files, or a place inside one of nbscdr's ``own`` folders (its package,
    whose data and translations a run reads, and its cache), each with what to call
    it. ``output`` is the text as given: pathlib drops a final slash."""
    text = os.fspath(output)
    path = Path(text)
    where = f"--output {text}"
    if path.is_dir():
        raise InputError("is a folder; give a file name", where=where)
    last = os.path.basename(text)
    if last in ("", ".", ".."):
        ending = "/" if not last else f"/{last}"
        raise InputError(f"names a folder (it ends in {ending!r}); give a file name", where=where)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"folder {str(parent)!r} does not exist", where=where)
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and path.samefile(source):
                raise InputError("is one of the input files; choose another name", where=where)
    with contextlib.suppress(OSError):
        folder = parent.resolve()
        for own_folder, name in own:
            if folder.is_relative_to(own_folder.resolve()):
                raise InputError(f"is inside {name}, which runs read; choose another place", where=where)


def write_atomic(path: Path | str, data: str | bytes, *, label: str | None = None) -> None:
    """Replace ``path`` with ``data`` in one step, or leave it untouched; record
    it as written under ``label`` (default: the path)."""
    import tempfile  # not at module level: it costs ~3 ms and stdout needs none

    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    replaced = False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            if path.exists():
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        # A signal between the replace and its record would be reported as
        # "nothing was written": it waits until both are done.
        with interrupts.deferred():
            os.replace(tmp, path)
            replaced = True
            interrupts.wrote(label or str(path))
    except BaseException:
        if not replaced:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def write_output(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write a result to an output file: atomically for a regular file (through a
    symlink, to its target), directly for a device or pipe such as /dev/stdout,
    which cannot be replaced. Failures become one-line errors."""
    import stat

    label = f"--output {os.fspath(path)}"
    try:
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            interrupts.writing(label)
            with open(path, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            interrupts.wrote(label)
            return
        write_atomic(Path(os.path.realpath(path)), data, label=label)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror or exc})", where=label) from None


def write_stdout(data: str | bytes) -> None:
    """Write the whole result to stdout in one call; an ASCII-only stdout gets
    replacement characters rather than an encoding error, and a full disk or a
    closed stdout is one line, not a crash."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed; give --output FILE", where="stdout")
    interrupts.writing("to stdout")
    try:
        if isinstance(data, bytes):
            stream.flush()
            stream.buffer.write(data)
            stream.buffer.flush()
            interrupts.wrote("to stdout")
            return
        try:
            stream.write(data)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(data.encode(encoding, errors="replace").decode(encoding))
        stream.flush()
        interrupts.wrote("to stdout")
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence_stdout()
        raise OutputError(f"cannot write ({exc.strerror or exc})", where="stdout") from None


def silence_stdout() -> None:
    """After a failed write (a broken pipe, a full disk), point stdout at
    /dev/null so that the interpreter's final flush has nothing to complain of."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def report(message: str) -> None:
    """One line on stderr, whatever its encoding can show, with control
    characters made visible (a message may quote a file name or a value)."""
    from nbscdr_cli.render.escape import escape_controls

    try:
        line = f"nbscdr: {escape_controls(' '.join(message.split()), layout=False)}\n"
        encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
        sys.stderr.write(line.encode(encoding, "backslashreplace").decode(encoding))
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
