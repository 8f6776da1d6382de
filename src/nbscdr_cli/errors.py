"""The project's errors. Each carries the exit code the command ends with.

Library code raises these; only ``cli.py`` turns them into a line on stderr.
Messages name what was wrong and where (file, key, argument) and what is accepted,
and are a single line.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    BAD_INPUT = 1  # bad data file, portfolio file, spec, unit or quantity; unwritable output
    USAGE = 2  # wrong options or arguments (as click reports them)
    INTERNAL = 70  # a bug in nbscdr (EX_SOFTWARE); the traceback is behind NBSCDR_DEBUG=1
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    TERMINATED = 143  # SIGTERM


class NbscdrError(Exception):
    """Base class: a problem the user can fix, reported as one line."""

    exit_code: int = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = " ".join(message.split())  # one line, always
        self.where = " ".join(where.split()) if where else None
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(NbscdrError, ValueError):
    """A spec, quantity or other argument whose content is wrong."""


class UnitError(InputError):
    """A unit string that cannot be parsed or has the wrong dimension."""


class DataError(NbscdrError, ValueError):
    """A technique catalog or portfolio file that cannot be used."""


class OutputError(NbscdrError, OSError):
    """The result cannot be written (closed stdout, unwritable --output)."""


class UsageError(NbscdrError, ValueError):
    """An option value out of its range; reported like click's usage errors."""

    exit_code = ExitCode.USAGE
