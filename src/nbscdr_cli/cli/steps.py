"""The steps every command takes around its one library call: settle the output
and its format before any work (``settle``), analyse the request with a progress
bar on a terminal (``analysed``), render a document (``present``) and write it
with any warnings (``emit``). Writing itself is ``output``'s; the request is
``request``'s.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nbscdr_cli.cli import output
from nbscdr_cli.cli.output import check_output_path, output_format, report
from nbscdr_cli.model.errors import UsageError

PACKAGE = Path(__file__).parents[1]  # src/nbscdr_cli, or site-packages/nbscdr_cli

if TYPE_CHECKING:
    from nbscdr_cli.cli.option_groups import Display


def environment(display: Display) -> Any:
    """The terminal facts for this run; a file output is never a terminal."""
    from nbscdr_cli.render.environment import Environment

    env = Environment.from_system()
    return env if deliver_to_stdout(display) else env.for_file()


def deliver_to_stdout(display: Display) -> bool:
    return display.output is None or str(display.output) == "-"


def settle(display: Display, fmt: Any, formats: Any, *inputs: str | None, need_suffix: bool = False) -> str:
    """Before any work: refuse an --output that cannot be written (a folder, a
    missing folder, a file the run reads: ``inputs``, and the font file
    NBSCDR_FONT names; nbscdr's own data and its cache), and settle the format
    (-f, else the output file's extension, else the first of ``formats``)."""
    if not deliver_to_stdout(display):
        assert display.output is not None
        read = (*inputs, os.environ.get("NBSCDR_FONT"))
        check_output_path(display.output, tuple(p for p in read if p and p != "-"), own_folders())
    formats = [str(f) for f in formats]
    return output_format(None if fmt is None else str(fmt), display.output, formats, need_suffix=need_suffix)


def own_folders() -> tuple[tuple[Path, str], ...]:
    """nbscdr's own folders, which no output may go into: its data files (the
    built-in catalog, Roe et al.'s data), its package (translations) and its cache."""
    from nbscdr_cli.base.locations import cache_folder, shipped

    folders = [(shipped("techniques.toml").parent, "nbscdr's data folder"), (PACKAGE, "nbscdr's package")]
    cache = cache_folder()
    if cache is not None:
        folders.append((cache, "nbscdr's cache folder"))
    return tuple(folders)


def emit(display: Display, payload: str | bytes, warnings: Sequence[str] = ()) -> None:
    """Write the rendered result where --output says (stdout by default), and any
    warnings the renderer had for the user on stderr."""
    from nbscdr_cli.cli.interrupts import check

    check()  # a stop lost in a finalizer: nothing is written after it
    for warning in warnings:
        report(f"warning: {warning}")
    if deliver_to_stdout(display):
        output.write_stdout(payload)
    else:
        assert display.output is not None
        output.write_output(display.output, payload)


def notes_level(notes: Any, fmt: str) -> str:
    """Which notes the output prints (--notes; essential by default), checked
    before any work: only the table and Markdown formats choose."""
    if notes is not None and fmt not in ("table", "markdown"):
        raise UsageError(
            f"applies to the table and markdown formats; {fmt} keeps every note"
            if fmt == "json"
            else f"applies to the table and markdown formats; {fmt} has no notes",
            field="notes",
        )
    return "essential" if notes is None else str(notes)


def present(display: Display, kind: str, doc: Any, fmt: str, notes: str = "essential") -> None:
    """Render a document in a text format (its notes at ``notes``) and write it."""
    from nbscdr_cli.cli.request import lang
    from nbscdr_cli.render import render

    emit(display, render(kind, doc, fmt, lang=lang(display, fmt), env=environment(display), notes=notes))


def analysed(specs: list[str] | None, display: Display, *groups: Any, **options: Any) -> Any:
    """The request the options describe (``cli_request.request``), analysed by the
    library's one call, with a progress bar on a terminal for long runs."""
    from nbscdr_cli.api.request import analyse
    from nbscdr_cli.cli.request import request
    from nbscdr_cli.render.progress import Progress

    req = request(specs, display, *groups, **options)
    with Progress(req, environment(display)) as progress:
        return analyse(req, progress=progress)
