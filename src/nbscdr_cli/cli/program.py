"""The ``nbscdr`` command: parse the options into a request, call the library once,
render the result, write it.

This module is also the one error boundary. Library errors (``NbscdrError``)
become one line on stderr and their exit code, naming the option a request field
came from; usage errors look like click's (exit 2, with a usage line); a closed
pipe 141, silently; a bug prints one line (the traceback only with
NBSCDR_DEBUG=1) and exits 70. Every line on stderr shows control characters as
``\\xNN``. Results are rendered completely before anything is written, so a
failing run prints nothing on stdout and leaves output files untouched.

Signals are not errors and can arrive anywhere, before a command runs or after
it wrote its output: ``main`` handles them around everything (``interrupts``),
exiting 130 on Ctrl-C and 143 on SIGTERM with a line saying what was written.

Start-up matters (shell loops, Tab completion): only typer is imported at module
level, commands are built only when invoked, and pint, numpy and rich are
imported by the code paths that need them.
"""

# No `from __future__ import annotations` here: typer reads every command's
# annotations, and evaluating them from strings at each start costs ~4 ms.
import inspect
import os
import sys
import typing
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from nbscdr_cli.base.version import __version__
from nbscdr_cli.cli import catalog_commands, commands, region_commands  # noqa: F401  (they register)
from nbscdr_cli.cli.option_groups import GROUPS
from nbscdr_cli.cli.options import DataOpt, option_for
from nbscdr_cli.cli.output import report
from nbscdr_cli.cli.registry import EXAMPLES, ordered
from nbscdr_cli.model.enums import Lang
from nbscdr_cli.model.errors import ExitCode, NbscdrError, Stopped, UsageError

COMMANDS = ordered()

# The top-level help's one line per command: whole sentences that fit 80 columns
# beside the longest name (each command's own -h has its full description).
SUMMARIES = {
    "list": "List the techniques, their ranges, scopes and readiness.",
    "assessments": "List the assessments whose estimates the catalog holds.",
    "references": "List the references a portfolio is compared with.",
    "show": "Show one technique whole, with every assessment's estimate.",
    "portfolio": "Sum a portfolio and compare it with references.",
    "compare": "Put totals side by side: by assessment, file or region.",
    "chart": "Chart a portfolio's ranges beside the references.",
    "brief": "Write a one-page briefing, in Markdown or HTML.",
    "convert": "Convert a removal rate or amount between units.",
    "rank": "Rank countries or AR6 regions by a portfolio's potential.",
    "regions": "List the regions and countries --region takes.",
}

CONTEXT = {"help_option_names": ["-h", "--help"]}


class NbscdrCommand(TyperCommand):
    """A command whose request errors name the option they came from, shown as
    click shows a bad option value (with this command's usage line)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            from typer._click.exceptions import BadParameter

            from nbscdr_cli.render.escape import escape_controls

            hint = option_for(exc.field) if exc.field else None
            message = escape_controls(exc.describe(option_for), layout=False)
            if hint is not None:
                message = message.removeprefix(f"{hint}: ")
            raise BadParameter(message, ctx=ctx, param_hint=f"'{hint}'" if hint else None) from None


def expand(function: Callable[..., None]) -> Callable[..., None]:
    """``function`` with each group parameter spread into that group's options
    (for typer), packing them back into the group object when it is called."""
    hints = typing.get_type_hints(function, include_extras=True)
    params: list[inspect.Parameter] = []
    groups: dict[str, tuple[Any, list[str]]] = {}
    for p in inspect.signature(function).parameters.values():
        annotation = hints.get(p.name, p.annotation)
        if annotation in GROUPS:
            fields = typing.get_type_hints(annotation, include_extras=True)
            for name in annotation._fields:
                default = annotation._field_defaults.get(name, inspect.Parameter.empty)
                params.append(
                    inspect.Parameter(
                        name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=fields[name]
                    )
                )
            groups[p.name] = (annotation, list(annotation._fields))
        else:
            params.append(p.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=annotation))

    def command(**values: Any) -> None:
        for name, (cls, fields) in groups.items():
            values[name] = cls(**{f: values.pop(f) for f in fields})
        function(**values)

    command.__name__ = function.__name__
    command.__doc__ = function.__doc__
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command


@cache
def _build(name: str) -> Any:
    from typer.main import get_command

    sub = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
    sub.command(name, cls=NbscdrCommand, context_settings=CONTEXT, epilog=epilog(EXAMPLES[name]))(
        expand(COMMANDS[name])
    )
    return get_command(sub)


def epilog(examples: tuple[str, ...]) -> str:
    """The examples at the end of a help page, one per line as typed ("\b"
    keeps click from re-wrapping them)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in examples)


class NbscdrGroup(TyperGroup):
    """The command group: builds only the command that runs (click's "lazy
    group" pattern keeps `nbscdr --help` and Tab completion fast), and is the
    error boundary around it."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return _build(cmd_name) if cmd_name in COMMANDS else None

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As click does, but a mistyped command gets a suggestion and the list."""
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            from nbscdr_cli.model.names import did_you_mean

            ctx.fail(
                f"No such command {name!r}{did_you_mean(name, COMMANDS)}. Commands: {', '.join(COMMANDS)}."
            )
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command with its summary: a whole sentence, shortened by hand
        (``SUMMARIES``) so that it fits 80 columns, wrapped, never cut, where
        the terminal is narrower."""
        import inspect

        def summary(name: str) -> str:  # a command without a summary of its own: its first paragraph, whole
            found = SUMMARIES.get(name)
            return found or inspect.cleandoc(COMMANDS[name].__doc__ or "").split("\n\n")[0].replace("\n", " ")

        with formatter.section("Commands"):
            formatter.write_dl([(name, summary(name)) for name in COMMANDS])

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """As click's, but a usage error is one line on stderr, as every other
        error is: 'nbscdr: Invalid value for '--seed': applies only with
        --samples (nbscdr portfolio -h)'; exit 2."""
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        standalone_mode = kwargs.get("standalone_mode", True)
        kwargs["standalone_mode"] = False  # errors come back here, to be said in one line
        try:
            code = super().main(*args, **kwargs)
        except NoArgsIsHelpError as exc:  # plain `nbscdr`: the help, as -h gives it
            typer.echo(exc.ctx.get_help() if exc.ctx is not None else "")
            code = 0
        except UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else "nbscdr"
            report(f"{exc.format_message().rstrip('.')} ({command} -h)")
            code = exc.exit_code
        except ClickException as exc:
            report(exc.format_message())
            code = exc.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NbscdrError as exc:
            hint = f" (nbscdr {ctx.invoked_subcommand} -h)" if exc.exit_code == ExitCode.USAGE else ""
            report(exc.describe(option_for) + hint)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            from nbscdr_cli.cli.output import silence_stdout

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
    epilog=epilog(
        (
            "nbscdr portfolio afforestation biochar soil-carbon wetlands",
            "nbscdr brief afforestation biochar soil-carbon -o brief.html",
            "nbscdr COMMAND -h  (each command's options and examples)",
        )
    ),
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


_finished = False  # the command has returned: signals change nothing any more


def _on_signal(signum: int, frame: object) -> None:
    # What to do is decided in ``interrupts``, imported only now (or when output
    # is written), so that start-up imports nothing more.
    if _finished:
        return
    from nbscdr_cli.cli.interrupts import stop

    stop(signum)


def _on_unraisable(unraisable: Any) -> None:
    # A signal handled inside a finalizer (a __del__, a weakref callback) raises
    # where Python can only print "Exception ignored ... Traceback" and go on.
    # Print nothing, listen for signals again, and stop before writing (emit).
    exc = unraisable.exc_value
    if isinstance(exc, Stopped):
        from nbscdr_cli.cli.interrupts import missed

        missed(exc)
        return
    if isinstance(exc, OSError) and str(exc).endswith("ignored due to race condition"):
        return  # a signal that came as main() set it to be ignored: as intended
    sys.__unraisablehook__(unraisable)


def main() -> None:
    """Console-script entry point: caching on; Ctrl-C and SIGTERM stop the run
    cleanly, saying what was written."""
    global _finished
    import signal  # loaded by typer already

    from nbscdr_cli.base import cache
    from nbscdr_cli.cli import request as cli_request

    defaults = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}
    # A signal the caller ignores (nohup, a script's background job) stays ignored.
    handled = [signum for signum, default in defaults.items() if signal.getsignal(signum) is default]
    for signum in handled:
        signal.signal(signum, _on_signal)
    sys.unraisablehook = _on_unraisable
    # nbscdr does vector arithmetic, never BLAS products: one OpenBLAS thread
    # spares the thread pool numpy would start at import (~40 ms, ~0.1 s of CPU).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    cache.enable()
    cli_request.ARGV = sys.argv[1:]
    try:
        try:
            app(prog_name="nbscdr")
        finally:
            _finished = True  # done (or failed): a late signal changes nothing
    except Stopped as stopped:
        from nbscdr_cli.cli.interrupts import describe

        report(describe(stopped))
        sys.exit(stopped.exit_code)
    finally:
        # While Python shuts down it gives signals their default action back,
        # and a late one would kill the process: from here the kernel ignores them.
        for signum in handled:
            signal.signal(signum, signal.SIG_IGN)
