"""The ``nbscdr`` command: parse arguments, call the library, render the result.

This module is the one error boundary. Library errors (``NbscdrError``) become a
single line on stderr and their exit code; usage errors are click's (exit 2, with a
usage line); Ctrl-C exits 130 and SIGTERM 143; a bug prints one line (the
traceback only with NBSCDR_DEBUG=1) and exits 70. Results are rendered completely
before anything is written, so a failing run prints nothing on stdout and leaves
output files untouched.

Start-up matters (shell loops, Tab completion): only typer is imported at module
level; pint, numpy and rich are imported by the code paths that need them.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from nbscdr_cli import __version__
from nbscdr_cli.errors import ExitCode, NbscdrError
from nbscdr_cli.render import Format


class Terminated(KeyboardInterrupt):
    """Raised by the SIGTERM handler so that clean-up runs as for Ctrl-C."""


def _report(message: str) -> None:
    try:
        sys.stderr.write(f"nbscdr: {' '.join(message.split())}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final
    flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class NbscdrGroup(TyperGroup):
    """The command group, with the error boundary around every command."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NbscdrError as exc:
            _report(str(exc))
            if exc.exit_code == ExitCode.USAGE and ctx.invoked_subcommand:
                _report(f"Try 'nbscdr {ctx.invoked_subcommand} --help' for help.")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt as exc:
            terminated = isinstance(exc, Terminated)
            _report("terminated; nothing was written" if terminated else "interrupted; nothing was written")
            raise typer.Exit(ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(141) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if type(exc).__module__.startswith("typer._click") or os.environ.get("NBSCDR_DEBUG"):
                raise
            _report(
                f"internal error: {type(exc).__name__}: {exc}. This is a bug in nbscdr "
                f"{__version__}; run again with NBSCDR_DEBUG=1 for the traceback"
            )
            raise typer.Exit(ExitCode.INTERNAL) from None


app = typer.Typer(
    cls=NbscdrGroup,
    name="nbscdr",
    help=(
        "Nature-based carbon dioxide removal (NBS CDR) calculator, after the C2G (2019) policy "
        "brief. Sum the removal potential of a portfolio of techniques with units, and compare "
        "it with UNEP's 4-12 Gt CO2e/yr for forests, wetlands and soils.\n\n"
        "Exit codes: 0 ok, 1 bad input or data, 2 usage, 130 interrupted, 143 terminated."
    ),
    # Plain help: rich-formatted help costs ~50 ms at every start (issue 8).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"nbscdr {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    pass


# ------------------------------------------------------------------ shared options


def default_lang() -> str:
    """zh when the locale (LC_ALL, LC_MESSAGES, LANG) is Chinese, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _complete_technique(incomplete: str) -> list[str]:
    try:
        from nbscdr_cli.catalog import load_catalog

        ids = list(load_catalog().techniques)
    except Exception:  # completion must never print an error
        return []
    head, sep, _ = incomplete.partition(":")
    return [t for t in ids if t.startswith(incomplete)] if not sep else [incomplete]


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
]
UnitOpt = Annotated[
    str,
    typer.Option(
        "--unit",
        "-u",
        help="Output unit: any mass of CO2 or C per time, e.g. 'Mt C/yr'. "
        "C to CO2 by 44/12; CO2e counts as CO2.",
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of names and labels: en or zh [default: from LANG]."),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=True
    ),
]
DataOpt = Annotated[
    str | None,
    typer.Option(
        "--data",
        help="Technique catalog (TOML) to use instead of the built-in one "
        "[env: NBSCDR_DATA].",
        show_default=False,
    ),
]


def _lang(value: str | None) -> str:
    if value is None:
        return default_lang()
    folded = value.strip().lower()
    if folded not in ("en", "zh"):
        raise typer.BadParameter(f"{value!r} is not 'en' or 'zh'", param_hint="'--lang'")
    return folded


def _emit(
    kind: str, doc: dict[str, Any], fmt: Format, lang: str, output: Path | None
) -> None:
    from nbscdr_cli.output import write_atomic, write_stdout
    from nbscdr_cli.render import render

    terminal = output is None and sys.stdout.isatty()
    text = render(kind, doc, fmt, lang=lang, terminal=terminal)
    if output is not None:
        write_atomic(output, text)
    else:
        write_stdout(text)


def _check_output(output: Path | None, *inputs: str | None) -> None:
    if output is not None:
        from nbscdr_cli.output import check_output_path

        check_output_path(output, tuple(Path(p) for p in inputs if p and p != "-"))


def _data_path(data: str | None) -> str:
    from nbscdr_cli.catalog import resolve_path

    return str(resolve_path(data))


# ------------------------------------------------------------------------ commands


@app.command("list")
def list_(
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """List the techniques: id, name, range with unit, scope and readiness."""
    from nbscdr_cli.catalog import load_catalog
    from nbscdr_cli.render import catalog_document

    language = _lang(lang)
    _check_output(output, _data_path(data))
    catalog = load_catalog(data)
    _emit("catalog", catalog_document(catalog), fmt, language, output)


@app.command()
def show(
    technique: Annotated[
        str,
        typer.Argument(help="Id, alias, or English or Chinese name.", autocompletion=_complete_technique),
    ],
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Show one technique whole: range, readiness, governance challenges, scope, source."""
    from nbscdr_cli.catalog import load_catalog
    from nbscdr_cli.render import technique_document

    language = _lang(lang)
    _check_output(output, _data_path(data))
    found = load_catalog(data).find(technique, where=f"argument {technique!r}")
    _emit("technique", technique_document(found), fmt, language, output)


SPEC_HELP = (
    "TECH (its full range), TECH:50% or TECH:0.5 (that share of its range), TECH=2, "
    "TECH=1.5-3 or 'TECH=500-800 Mt CO2/yr' (your own figure; default unit Gt CO2/yr). "
    "TECH is an id, an alias or a Chinese name."
)


@app.command()
def portfolio(
    specs: Annotated[
        list[str] | None,
        typer.Argument(help=SPEC_HELP, metavar="SPEC...", show_default=False, autocompletion=_complete_technique),
    ] = None,
    file: Annotated[
        str | None,
        typer.Option("--file", help="Portfolio file, TOML or JSON ('-' reads stdin).", show_default=False),
    ] = None,
    reference: Annotated[
        list[str] | None,
        typer.Option(
            "--reference",
            "-r",
            help="Reference to compare with (repeatable) [default: unep].",
            show_default=False,
        ),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Portfolio name.")] = None,
    fmt: FormatOpt = Format.table,
    unit: UnitOpt = "Gt CO2/yr",
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Sum the removal potential of a portfolio and compare it with references.

    Totals add every low and every high. An entry whose source gives only "up to"
    counts 0 as its low and is flagged. CO2e counts as CO2; C converts to CO2 by 44/12.
    """
    from nbscdr_cli.catalog import load_catalog
    from nbscdr_cli.portfolio import build_portfolio, sum_portfolio
    from nbscdr_cli.render import portfolio_document
    from nbscdr_cli.spec import parse_specs, read_portfolio_file
    from nbscdr_cli.units import parse_unit

    language = _lang(lang)
    _check_output(output, _data_path(data), file)
    out_unit = parse_unit(unit, kind="rate", where="--unit")
    entries = []
    title = name
    if file is not None:
        loaded = read_portfolio_file(file)
        entries.extend(loaded.entries)
        title = title or loaded.name
    entries.extend(parse_specs(specs or []))
    if not entries:
        raise typer.BadParameter("give at least one SPEC or --file", param_hint="'SPEC...'")
    catalog = load_catalog(data)
    refs = [catalog.reference(r, where="--reference") for r in reference] if reference else [
        r for rid, r in catalog.references.items() if rid == "unep"
    ]
    result = sum_portfolio(build_portfolio(catalog, entries, name=title or "portfolio"), refs)
    _emit("portfolio", portfolio_document(result, out_unit, language), fmt, language, output)


@app.command()
def convert(
    quantity: Annotated[str, typer.Argument(help="A number and a unit, e.g. '1 Gt C/yr'.")],
    to: Annotated[str, typer.Option("--to", help="Target unit, e.g. 'Mt CO2/yr'.")],
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """Convert a removal rate or amount, e.g. '1 Gt C/yr' to 'Mt CO2/yr'.

    C converts to CO2 by 44/12; CO2e counts as CO2; a year is 365.25 days.
    """
    from nbscdr_cli.render import conversion_document
    from nbscdr_cli.units import convert as convert_value
    from nbscdr_cli.units import parse_quantity, parse_unit

    language = _lang(lang)
    _check_output(output)
    value, source = parse_quantity(quantity, where="QUANTITY")
    target = parse_unit(to, kind=source.kind, where="--to")
    result = convert_value(value, source, target)
    _emit("conversion", conversion_document(result, target), fmt, language, output)


def main() -> None:
    """Console-script entry point."""

    def on_sigterm(signum: int, frame: object) -> None:
        raise Terminated()

    signal.signal(signal.SIGTERM, on_sigterm)
    app(prog_name="nbscdr")
