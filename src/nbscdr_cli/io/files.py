"""Reading the user's files: catalogs and portfolios, from a path or standard input.

Every read is capped: at most ``MAX_FILE_BYTES`` plus one byte is read from
anything (a regular file, a pipe, a device such as /dev/zero), so an endless input
is refused instead of filling memory. Text is UTF-8 (a byte-order mark is
allowed); TOML and JSON are parsed strictly, and every problem is reported with
the file's name and, where the parser knows it, the line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, BinaryIO

from nbscdr_cli.model.errors import DataError, cut

MAX_FILE_BYTES = 64 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"
_CHUNK = 1 << 20


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: bytes that are not UTF-8 escaped, not raised."""
    return os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8")


def read_capped(stream: BinaryIO, *, limit: int, what: str, where: str) -> bytes:
    """Everything ``stream`` holds, or an error once it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise DataError(f"{what} is larger than {limit:,} bytes", where=where)


def read_bytes(path: str | os.PathLike[str], *, what: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` (``-``: standard input), capped at ``limit``."""
    import sys

    if os.fspath(path) == STDIN:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            return b""
        try:
            return read_capped(stdin, limit=limit, what=what, where=STDIN_NAME)
        except DataError:  # too large (a ValueError too: caught first)
            raise
        except ValueError:  # stdin closed
            return b""
        except OSError as exc:  # e.g. EIO from a terminal that hung up
            raise DataError(f"{what} cannot be read ({exc.strerror or exc})", where=STDIN_NAME) from None
    where = display_path(path)
    try:
        if Path(path).is_dir():
            raise DataError(f"{what} is a folder, not a file", where=where)
        with open(path, "rb") as handle:
            return read_capped(handle, limit=limit, what=what, where=where)
    except DataError:  # a ValueError too: not one of the cases below
        raise
    except FileNotFoundError:
        raise DataError(f"{what} not found", where=where) from None
    except PermissionError:
        raise DataError(f"{what} cannot be read (permission denied)", where=where) from None
    except IsADirectoryError:
        raise DataError(f"{what} is a folder, not a file", where=where) from None
    except OSError as exc:
        raise DataError(f"{what} cannot be read ({exc.strerror or exc})", where=where) from None
    except ValueError:  # a NUL in the path (from Python; argv and environ cannot hold one)
        raise DataError(f"{what} not found", where=where) from None


def decode_utf8(raw: bytes, *, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line})", where=where) from None


def read_text(path: str | os.PathLike[str], *, what: str) -> str:
    """A UTF-8 text file (``-``: standard input), capped."""
    where = STDIN_NAME if os.fspath(path) == STDIN else display_path(path)
    return decode_utf8(read_bytes(path, what=what), where=where)


def parse_toml(text: str, *, where: str, written: bool = False) -> dict[str, Any]:
    """TOML as a dict; ``written``: every float keeps the text it was written with
    (``numbers.Written``), so that a figure given as "3.0" is shown so."""
    import tomllib

    try:
        if written:
            from nbscdr_cli.base.numbers import Written

            return tomllib.loads(text, parse_float=Written)
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"invalid TOML: {exc}", where=where) from None
    except RecursionError:
        raise DataError("invalid TOML: nested too deeply", where=where) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise DataError(f"invalid TOML: {str(exc).split(';')[0]}", where=where) from None


def parse_json(text: str, *, where: str) -> Any:
    """Strict JSON: no NaN/Infinity, no duplicate keys; errors give line and column."""
    import json

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not allowed")

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise ValueError(f"duplicate key {cut(key)!r}")
            result[key] = value
        return result

    try:
        return json.loads(text, parse_constant=no_constants, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"invalid JSON: {exc.msg} (at line {exc.lineno}, column {exc.colno})", where=where
        ) from None
    except ValueError as exc:
        raise DataError(f"invalid JSON: {exc}", where=where) from None
    except RecursionError:
        raise DataError("invalid JSON: nested too deeply", where=where) from None


# A TOML table header on the first line: `[name]` or `[[name]]` (a JSON array
# never looks like that: its items are values, not bare keys).
_TOML_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_\-\"'. ]+\]\]?\s*(#.*)?$")


def looks_like_json(text: str, name: str = "") -> bool:
    """By the file's extension where it has a known one (.json, .toml), else by
    content: JSON starts with '{', or with '[' unless the first line is a TOML
    table header such as ``[[entries]]``."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix in ("json", "toml"):
        return suffix == "json"
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return True
    if stripped.startswith("["):
        return not _TOML_HEADER.match(stripped.split("\n", 1)[0])
    return False


def parse_document(text: str, *, where: str, name: str = "") -> Any:
    """Parse TOML or JSON, chosen by ``name``'s extension or by the content."""
    if looks_like_json(text, name):
        return parse_json(text, where=where)
    return parse_toml(text, where=where)
