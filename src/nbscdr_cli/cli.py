"""The ``nbscdr`` command: parse the options into a request, call the library once,
render the result, write it.

This module is also the one error boundary. Library errors (``NbscdrError``)
become one line on stderr and their exit code, naming the option a request field
came from; usage errors look like click's (exit 2, with a usage line); Ctrl-C
exits 130 and SIGTERM 143; a closed pipe 141, silently; a bug prints one line
(the traceback only with NBSCDR_DEBUG=1) and exits 70. Results are rendered
completely before anything is written, so a failing run prints nothing on stdout
and leaves output files untouched.

Start-up matters (shell loops, Tab completion): only typer is imported at module
level, commands are built only when invoked, and pint, numpy and rich are
imported by the code paths that need them.
"""

# No `from __future__ import annotations` here: typer reads every command's
# annotations, and evaluating them from strings at each start costs ~4 ms.
import os
import signal
import sys
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from nbscdr_cli import __version__
from nbscdr_cli.enums import Format, Lang, PortfolioFormat
from nbscdr_cli.errors import ExitCode, NbscdrError, UsageError
from nbscdr_cli.options import (
    AssessmentOpt,
    ChartOutputOpt,
    CompareAssessmentOpt,
    DataOpt,
    Display,
    Estimates,
    FallbackOpt,
    FilesOpt,
    FormatOpt,
    LangOpt,
    Period,
    PortfolioFormatOpt,
    ReferenceOpt,
    Sampling,
    Source,
    SpecsArg,
    TargetOpt,
    UnitOpt,
    YearOpt,
    complete_technique,
    option_for,
)


class Terminated(KeyboardInterrupt):
    """Raised by the SIGTERM handler so that clean-up runs as for Ctrl-C."""


def report(message: str) -> None:
    """One line on stderr, whatever its encoding can show."""
    try:
        line = f"nbscdr: {' '.join(message.split())}\n"
        encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
        sys.stderr.write(line.encode(encoding, "backslashreplace").decode(encoding))
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


CONTEXT = {"help_option_names": ["-h", "--help"]}
COMMANDS: dict[str, Callable[..., None]] = {}


def command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command function; it is turned into a click command only when
    it is run (or its help is asked for): see NbscdrGroup."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name] = function
        return function

    return register


class NbscdrCommand(TyperCommand):
    """A command whose request errors name the option they came from, shown as
    click shows a bad option value (with this command's usage line)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            from typer._click.exceptions import BadParameter

            hint = option_for(exc.field) if exc.field else None
            message = exc.describe(option_for)
            if hint is not None:
                message = message.removeprefix(f"{hint}: ")
            raise BadParameter(message, ctx=ctx, param_hint=f"'{hint}'" if hint else None) from None


@cache
def _build(name: str) -> Any:
    from typer.main import get_command

    from nbscdr_cli.options import expand

    sub = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
    sub.command(name, cls=NbscdrCommand, context_settings=CONTEXT)(expand(COMMANDS[name]))
    return get_command(sub)


class NbscdrGroup(TyperGroup):
    """The command group: builds only the command that runs (click's "lazy
    group" pattern keeps `nbscdr --help` and Tab completion fast), and is the
    error boundary around it."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return _build(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        import inspect

        from typer._click.utils import make_default_short_help

        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, make_default_short_help(inspect.cleandoc(function.__doc__ or ""), limit))
            for name, function in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NbscdrError as exc:
            report(exc.describe(option_for))
            if exc.exit_code == ExitCode.USAGE and ctx.invoked_subcommand:
                report(f"Try 'nbscdr {ctx.invoked_subcommand} --help' for help.")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt as exc:
            terminated = isinstance(exc, Terminated)
            report("terminated; nothing was written" if terminated else "interrupted; nothing was written")
            raise typer.Exit(ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED) from None
        except BrokenPipeError:
            from nbscdr_cli.output import silence_stdout

            silence_stdout()
            raise typer.Exit(ExitCode.BROKEN_PIPE) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if type(exc).__module__.startswith("typer._click") or os.environ.get("NBSCDR_DEBUG"):
                raise
            report(
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
        "On an error: one line on stderr, nothing on stdout, an existing --output file "
        "untouched. Exit codes: 0 ok, 1 bad input, data or output, 2 usage, 70 a bug "
        "(NBSCDR_DEBUG=1 shows the traceback), 130 interrupted, 143 terminated."
    ),
    # Plain help: rich-formatted help costs ~50 ms at every start (issue 8).
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings=CONTEXT,
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
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang", help="Language for every command (a command's own --lang wins).", show_default=False
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    pass


# ------------------------------------------------------------------------ helpers


def environment(display: Display) -> Any:
    """The terminal facts for this run; a file output is never a terminal."""
    from nbscdr_cli.environment import Environment

    env = Environment.from_system()
    return env if deliver_to_stdout(display) else env.for_file()


def deliver_to_stdout(display: Display) -> bool:
    return display.output is None or str(display.output) == "-"


def settle(display: Display, fmt: Any, formats: Any, *inputs: str | None, need_suffix: bool = False) -> str:
    """Before any work: refuse an --output that cannot be written (a folder, a
    missing folder, an input file), and settle the format (-f, else the output
    file's extension, else the first of ``formats``)."""
    from nbscdr_cli.output import check_output_path, output_format

    if not deliver_to_stdout(display):
        assert display.output is not None
        check_output_path(display.output, tuple(p for p in inputs if p and p != "-"))
    formats = [str(f) for f in formats]
    return output_format(None if fmt is None else str(fmt), display.output, formats, need_suffix=need_suffix)


def emit(display: Display, payload: str | bytes) -> None:
    """Write the rendered result where --output says (stdout by default)."""
    from nbscdr_cli.output import write_output, write_stdout

    if deliver_to_stdout(display):
        write_stdout(payload)
    else:
        assert display.output is not None
        write_output(display.output, payload)


def present(display: Display, kind: str, doc: Any, fmt: str) -> None:
    """Render a document in a text format and write it."""
    from nbscdr_cli.options import lang
    from nbscdr_cli.render import render

    emit(display, render(kind, doc, fmt, lang=lang(display), env=environment(display)))


def analyse(request: Any, display: Display) -> Any:
    """The library's one call, with a progress bar on a terminal for long runs."""
    from nbscdr_cli.api import analyse as run
    from nbscdr_cli.render.progress import Progress

    with Progress(request, environment(display)) as progress:
        return run(request, progress=progress)


# ------------------------------------------------------------------------ commands


@command("list")
def list_(
    *, assessment: AssessmentOpt = None, data: DataOpt = None, fmt: FormatOpt = None, display: Display
) -> None:
    """List the techniques: id, name, range with unit, scope and readiness."""
    from nbscdr_cli.api import Request, catalog_of
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.render.documents import catalog_document

    fmt_ = settle(display, fmt, Format, data_path(data))
    catalog = catalog_of(Request(catalog=data_path(data), assessment=assessment))
    present(display, "catalog", catalog_document(catalog), fmt_)


@command("assessments")
def assessments(*, data: DataOpt = None, fmt: FormatOpt = None, display: Display) -> None:
    """List the assessments whose estimates the catalog holds, with their citations."""
    from nbscdr_cli.api import Request, catalog_of
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.render.documents import assessments_document

    fmt_ = settle(display, fmt, Format, data_path(data))
    present(display, "assessments", assessments_document(catalog_of(Request(catalog=data_path(data)))), fmt_)


@command("show")
def show(
    technique: Annotated[
        str,
        typer.Argument(
            metavar="TECH", help="Id, alias, or English or Chinese name.", autocompletion=complete_technique
        ),
    ],
    *,
    assessment: AssessmentOpt = None,
    fallback: FallbackOpt = False,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    display: Display,
) -> None:
    """Show one technique whole: range, readiness, governance challenges, scope,
    storage durability, source, and every assessment's estimate."""
    from nbscdr_cli.api import Request, catalog_of
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.render.documents import technique_document

    fmt_ = settle(display, fmt, Format, data_path(data))
    catalog = catalog_of(Request(catalog=data_path(data), assessment=assessment, fallback=fallback))
    present(
        display,
        "technique",
        technique_document(catalog.find(technique, where=f"argument {technique!r}")),
        fmt_,
    )


@command("portfolio")
def portfolio(
    specs: SpecsArg = None,
    *,
    source: Source,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    target: TargetOpt = None,
    period: Period,
    estimates: Estimates,
    year: YearOpt = None,
    fmt: PortfolioFormatOpt = None,
    unit: UnitOpt = "Gt CO2/yr",
    display: Display,
) -> None:
    """Sum the removal potential of a portfolio and compare it with references.

    Totals add every low and every high. An entry whose source gives only "up to"
    counts 0 as its low and is flagged. CO2e counts as CO2; C converts to CO2 by 44/12.
    With --samples, a Monte Carlo gives the mean, percentiles and the chance of
    reaching each reference and --target. With --from/--to, the cumulative and
    durable removals over the period (in a mass unit: --unit may be 'Gt CO2').
    --format iamc writes the IAMC scenario CSV (Mt CO2/yr, one scenario per bound).
    """
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.options import portfolio_unit, request
    from nbscdr_cli.render.documents import portfolio_output

    fmt_ = settle(display, fmt, PortfolioFormat, data_path(estimates.data), source.file)
    unit = portfolio_unit(unit, fmt_, year)
    req = request(
        specs,
        display=display,
        source=source,
        estimates=estimates,
        sampling=sampling,
        period=period,
        references=reference,
        target=target,
        unit=unit,
        iamc=fmt_ == "iamc",
    )
    present(display, *portfolio_output(analyse(req, display), fmt_, year), fmt_)


@command("compare")
def compare(
    specs: SpecsArg = None,
    *,
    files: FilesOpt = None,
    assessment: CompareAssessmentOpt = None,
    fallback: FallbackOpt = False,
    data: DataOpt = None,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    target: TargetOpt = None,
    period: Period,
    fmt: FormatOpt = None,
    unit: UnitOpt = "Gt CO2/yr",
    display: Display,
) -> None:
    """Totals side by side: one portfolio (SPEC...) under several assessments, or
    several portfolio files (--file a.toml --file b.toml) under one assessment.

    An assessment with no estimate for one of the techniques shows no totals and
    names the technique, unless --fallback uses the default assessment's estimate.
    """
    from nbscdr_cli.api import compare as run
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.options import portfolio_files, request, split_ids

    fmt_ = settle(display, fmt, Format, data_path(data), *(files or []))
    req = request(
        specs,
        display=display,
        estimates=Estimates(None, fallback, data),
        sampling=sampling,
        period=period,
        references=reference,
        target=target,
        unit=unit,
    )
    present(
        display,
        "compare",
        run(req, assessments=split_ids(assessment), portfolios=portfolio_files(files)).to_dict(),
        fmt_,
    )


@command("chart")
def chart(
    specs: SpecsArg = None,
    *,
    source: Source,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    estimates: Estimates,
    unit: UnitOpt = "Gt CO2/yr",
    lang: LangOpt = None,
    output: ChartOutputOpt = None,
) -> None:
    """Chart a portfolio: low-high bars per technique and for the total, UNEP's band shaded.

    Without --output, the bars are drawn in the terminal. Chinese labels (--lang zh)
    need an installed CJK font; without one, bars are labelled with technique ids.
    """
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.options import request
    from nbscdr_cli.render.chart import CHART_FORMATS, render_chart

    display = Display(lang, output)
    files = (data_path(estimates.data), source.file)
    fmt_ = (
        "text"
        if deliver_to_stdout(display)
        else settle(display, None, CHART_FORMATS, *files, need_suffix=True)
    )
    req = request(
        specs,
        display=display,
        source=source,
        estimates=estimates,
        sampling=sampling,
        references=reference,
        unit=unit,
    )
    payload, warnings = render_chart(analyse(req, display), fmt_, environment(display))
    for warning in warnings:
        report(f"warning: {warning}")
    emit(display, payload)


@command("brief")
def brief(
    specs: SpecsArg = None,
    *,
    source: Source,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    target: TargetOpt = None,
    period: Period,
    estimates: Estimates,
    unit: UnitOpt = "Gt CO2/yr",
    display: Display,
) -> None:
    """Write a one-page Markdown briefing on a portfolio, in English or Chinese.

    Portfolio table, totals (percentiles with --samples, cumulative and durable with
    --from/--to), the comparison with UNEP and its scope, double counting, readiness,
    a governance checklist, the forums involved, permanence, and every figure's source.
    """
    from nbscdr_cli.options import data as data_path
    from nbscdr_cli.options import request
    from nbscdr_cli.render.brief import BRIEF_FORMATS, compose

    settle(display, None, BRIEF_FORMATS, data_path(estimates.data), source.file)
    req = request(
        specs,
        display=display,
        source=source,
        estimates=estimates,
        sampling=sampling,
        period=period,
        references=reference,
        target=target,
        unit=unit,
    )
    emit(display, compose(analyse(req, display)))


@command("convert")
def convert(
    quantity: Annotated[
        str, typer.Argument(metavar="QUANTITY", help="A number and a unit, e.g. '1 Gt C/yr'.")
    ],
    *,
    to: Annotated[str, typer.Option("--to", metavar="<UNIT>", help="Target unit, e.g. 'Mt CO2/yr'.")],
    fmt: FormatOpt = None,
    display: Display,
) -> None:
    """Convert a removal rate or amount between units, such as 1 Gt C/yr to Mt CO2/yr.

    C converts to CO2 by 44/12; CO2e counts as CO2; a year is 365.25 days.
    """
    from nbscdr_cli.render.documents import conversion_document
    from nbscdr_cli.units import convert as convert_value
    from nbscdr_cli.units import parse_quantity, parse_unit

    fmt_ = settle(display, fmt, Format)
    value, source = parse_quantity(quantity, where="QUANTITY")
    target = parse_unit(to, kind=source.kind, where="--to")
    present(display, "conversion", conversion_document(convert_value(value, source, target), target), fmt_)


def main() -> None:
    """Console-script entry point: caching on, SIGTERM handled like Ctrl-C."""
    from nbscdr_cli import cache

    def on_sigterm(signum: int, frame: object) -> None:
        raise Terminated()

    signal.signal(signal.SIGTERM, on_sigterm)
    # nbscdr does vector arithmetic, never BLAS products: one OpenBLAS thread
    # spares the thread pool numpy would start at import (~40 ms, ~0.1 s of CPU).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cache.enable()
    app(prog_name="nbscdr")
