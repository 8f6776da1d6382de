"""Ctrl-C and SIGTERM: stop at once, clean up, and say what was written.

The command line's handler calls ``stop`` on SIGINT and SIGTERM. The first
signal raises ``errors.Stopped`` wherever the program is, so that clean-up runs
as for any error (a temporary file removed, an output file left as it was);
later ones do nothing, so a burst of signals can interrupt neither the clean-up
nor the message (a second exception raised inside them is what printed
"Exception ignored ... Traceback"). The handler stays installed and just
returns: switching to SIG_IGN while a signal is pending makes Python print
"Signal 15 ignored due to race condition". When the command has finished, the
command line's handler returns at once: a late signal cannot undo work done.

The message says what actually happened, from what the output code records:
nothing written, written (``wrote``), or cut short while writing to a stream
(``writing``). Replacing an output file and recording it happen together
(``deferred``): a signal that arrives in between is acted on just after, so
"nothing was written" is never said of a file that was replaced.

This module is imported when output is written or a signal comes, not at
start-up.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from nbscdr_cli.model.errors import Stopped

_stopping = False  # a Stopped is on its way up: further signals do nothing
_deferring = 0
_pending: int | None = None
_missed: Stopped | None = None  # raised inside a finalizer, where Python swallowed it
_writing: str | None = None  # a stream being written (it may end incomplete)
_written: list[str] = []  # outputs complete


def stop(signum: int) -> None:
    """Act on a signal: raise ``Stopped`` now, or at the end of a deferred step;
    once stopping, do nothing."""
    global _pending, _stopping
    if _stopping:
        return
    if _deferring:
        if _pending is None:
            _pending = signum
        return
    _stopping = True
    raise Stopped(signum)


@contextmanager
def deferred() -> Iterator[None]:
    """A step that a signal must not cut in two (replacing a file and recording
    it): a signal arriving inside is acted on when the step ends."""
    global _deferring, _pending, _stopping
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _pending is not None and not _stopping:
            signum, _pending = _pending, None
            _stopping = True
            raise Stopped(signum)


def missed(stopped: Stopped) -> None:
    """``stopped`` was raised where Python could not propagate it (a finalizer):
    listen for signals again, and let ``check`` raise it."""
    global _missed, _stopping
    _missed = stopped
    _stopping = False


def check() -> None:
    """Raise a stop that was lost in a finalizer (see ``missed``)."""
    global _missed, _stopping
    if _missed is not None:
        stopped, _missed = _missed, None
        _stopping = True
        raise stopped


def writing(target: str) -> None:
    """``target`` ("to stdout", "--output /dev/...") is being written in place:
    stopped now, it may be incomplete."""
    global _writing
    _writing = target


def wrote(target: str) -> None:
    """``target`` ("to stdout", "--output FILE") is complete."""
    global _writing
    _writing = None
    _written.append(target)


def describe(stopped: Stopped) -> str:
    """What to tell the user: how the run was stopped and what it had written."""
    verb = "interrupted" if stopped.signum == signal.SIGINT else "terminated"
    if _writing is not None:
        return f"{verb} while writing {_writing}; it may be incomplete"
    if _written:
        return f"{verb} after writing {', '.join(_written)}"
    return f"{verb}; nothing was written"
