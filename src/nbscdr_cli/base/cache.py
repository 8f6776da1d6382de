"""The cache folder: an optimisation that never changes an answer, never runs
code and never fails a command.

Caching is off until a caller turns it on (``enable``; the command line does, a
notebook may). Then entries live in one folder, by default $XDG_CACHE_HOME/nbscdr
(``locations.cache_folder``), and are trusted only as pip trusts its cache:

- the folder is created 0700 and files 0600, whatever the umask;
- a folder or file that is not the user's own, or that others may write to, is
  ignored (read nothing, write nothing), so nobody else can plant an entry;
- a file is opened without following links and without blocking, and used only
  if it is a regular file of sensible size (a FIFO or device is ignored);
- entries are data (JSON or plain text), keyed by the content they stand for;
  each is stored behind a digest of itself, so an entry damaged on disk is a
  miss rather than a wrong answer, and its reader checks what it decodes too;
- writing is atomic, and any failure to read or write is a miss, never an error.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

MAX_ENTRY_BYTES = 256 * 1024 * 1024

_folder: Path | None = None
_enabled = False


def enable(folder: str | os.PathLike[str] | None = None) -> None:
    """Turn caching on, in ``folder`` or the default one ($XDG_CACHE_HOME/nbscdr)."""
    global _folder, _enabled
    if folder is not None and not isinstance(folder, str | os.PathLike):
        raise TypeError(f"folder must be a str, a path or None, not {type(folder).__name__}")
    _enabled = True
    _folder = Path(folder) if folder is not None else None


def enabled() -> bool:
    return _enabled


def disable() -> None:
    global _folder, _enabled
    _enabled = False
    _folder = None


def digest(data: bytes) -> str:
    """A hex BLAKE2b digest of ``data`` (cache keys and entry checks)."""
    try:  # without hashlib, which loads OpenSSL first (~3 ms at every start)
        from _blake2 import blake2b
    except ImportError:  # another Python implementation
        from hashlib import blake2b
    return blake2b(data, digest_size=20).hexdigest()


def _owned_and_private(st: os.stat_result) -> bool:
    euid = getattr(os, "geteuid", None)
    if euid is not None and st.st_uid != euid():
        return False
    return not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def folder(*, create: bool = False) -> Path | None:
    """The cache folder if caching is on and the folder is trusted (``create``:
    make it, 0700, if it is missing); else None."""
    if not _enabled:
        return None
    if _folder is not None:
        path = _folder
    else:
        from nbscdr_cli.base.locations import cache_folder

        found = cache_folder()
        if found is None:
            return None
        path = found
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if not create:
            return None
        try:
            missing = [p for p in (path, *path.parents) if not p.exists()]
            for part in reversed(missing):
                with contextlib.suppress(FileExistsError):  # another nbscdr made it meanwhile
                    os.mkdir(part, 0o700)  # the umask can only take bits away
            st = os.stat(path)
        except OSError:
            return None
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or not _owned_and_private(st):
        return None
    return path


def read(name: str, *, limit: int = MAX_ENTRY_BYTES) -> bytes | None:
    """The bytes of entry ``name``, or None when there is none to trust."""
    base = folder()
    if base is None:
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(base / name, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _owned_and_private(st) or st.st_size > limit:
            return None
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            return None
        check, _, data = b"".join(chunks).partition(b"\n")
        return data if check == digest(data).encode() else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write(name: str, data: bytes) -> None:
    """Store entry ``name`` atomically (0600), or do nothing if that cannot be done."""
    base = folder(create=True)
    if base is None:
        return
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=base)  # 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(digest(data).encode() + b"\n" + data)
        os.replace(tmp, base / name)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def prune(pattern: str, keep: int) -> None:
    """Keep the newest ``keep`` entries matching ``pattern``; remove the rest."""
    base = folder()
    if base is None:
        return
    with contextlib.suppress(OSError):
        entries = sorted(base.glob(pattern), key=os.path.getmtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
