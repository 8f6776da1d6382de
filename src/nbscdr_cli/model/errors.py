"""The project's errors. Each carries the exit code the command ends with.

Library code raises these; only ``cli.py`` turns them into a line on stderr.
Messages name what was wrong and what is accepted, and are a single line.

An error about a value of the request (``api.Request``) carries that value's
name as data in ``field`` (``"samples"``, ``"horizon.end"``), never the name of a
command-line option: a Python caller reads ``samples: 0 is outside 1–1e+10``,
and the command line maps the field to the option the user typed. An error about
content (a file, a key, a spec) carries its place in ``where`` instead.

Values a user supplied are quoted cut to ``MAX_QUOTED`` characters (``cut``); as a
last line of defence, an error's place and message are cut too, so that a 5 MB
name in a file never makes a 5 MB error line.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    BAD_INPUT = 1  # bad data file, portfolio file, spec, unit or quantity; unwritable output
    USAGE = 2  # wrong options or arguments (as click reports them)
    INTERNAL = 70  # a bug in nbscdr (EX_SOFTWARE); the traceback is behind NBSCDR_DEBUG=1
    INTERRUPTED = 130  # Ctrl-C (SIGINT)
    BROKEN_PIPE = 141  # stdout closed by the reader (128 + SIGPIPE)
    TERMINATED = 143  # SIGTERM


MAX_QUOTED = 60  # a quoted value: enough to recognise it
MAX_PLACE = 300  # a place: a long path or key path
MAX_MESSAGE = 600  # above any message nbscdr writes with its values cut


def cut(text: str, limit: int = MAX_QUOTED) -> str:
    """``text``, or its beginning and "..." when it is longer than ``limit``: for
    quoting a user's value in a message (``f"{cut(name)!r}"``)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def cut_middle(text: str, limit: int) -> str:
    """``text``, or its start and end around " ... " when it is longer than
    ``limit``: for a place or a message, whose start says what and where and
    whose end says what is accepted."""
    if len(text) <= limit:
        return text
    half = (limit - 5) // 2
    return f"{text[:half]} ... {text[-half:]}"


class NbscdrError(Exception):
    """Base class: a problem the user can fix, reported as one line.

    ``where`` names a place in the input (a file and key, a spec); ``field`` names
    the request value at fault. ``str()`` puts whichever is known first.
    """

    exit_code: int = ExitCode.BAD_INPUT

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        field: str | None = None,
        remedy: tuple[str | tuple[str, ...], str] | None = None,
    ) -> None:
        self.message = cut_middle(" ".join(message.split()), MAX_MESSAGE)  # one line, always
        self.where = cut_middle(" ".join(where.split()), MAX_PLACE) if where else None
        self.field = field
        # (request field, what setting it does): "(or set fallback to ...)"; the
        # command line names the field's option instead.
        self.remedy = remedy
        super().__init__(str(self))

    def describe(self, name: Callable[[str], str] = str) -> str:
        """The one-line message, naming fields with ``name`` (the command line
        passes the option for each field)."""
        place = self.where or (name(self.field) if self.field else None)
        text = self.message
        if self.remedy is not None:
            fields = (self.remedy[0],) if isinstance(self.remedy[0], str) else self.remedy[0]
            text += f" (or set {' and '.join(name(f) for f in fields)} {self.remedy[1]})"
        return f"{place}: {text}" if place else text

    def __str__(self) -> str:
        return self.describe()


class InputError(NbscdrError, ValueError):
    """A spec, quantity or other argument whose content is wrong."""


class UnitError(InputError):
    """A unit string that cannot be parsed or has the wrong dimension."""


class DataError(NbscdrError, ValueError):
    """A technique catalog or portfolio file that cannot be used."""


class OutputError(NbscdrError, OSError):
    """The result cannot be written (closed stdout, unwritable output file)."""


class Stopped(BaseException):
    """The run was stopped by Ctrl-C or SIGTERM (raised by the command line's
    handler, ``interrupts.stop``). A BaseException, not an Exception: no
    ``except Exception`` on the way up may swallow it, and click does not turn
    it into "Aborted!"."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as a shell reports it: 130 and 143."""
        return 128 + self.signum


class UsageError(NbscdrError, ValueError):
    """A request value out of its range, or values that do not go together;
    on the command line, reported like click's usage errors (exit 2)."""

    exit_code = ExitCode.USAGE


def expect(value: object, kinds: type | tuple[type, ...], field: str, what: str) -> None:
    """Raise a TypeError naming ``field`` unless ``value`` is one of ``kinds``
    (a bool is never taken for a number): the public API's type checks, made
    before a wrong type can fail deep inside."""
    number = kinds in (int, float) or (isinstance(kinds, tuple) and (int in kinds or float in kinds))
    if not isinstance(value, kinds) or (number and isinstance(value, bool) and bool not in _tuple(kinds)):
        raise TypeError(f"{field} must be {what}, not {type(value).__name__}")


def _tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)
