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

# No `from __future__ import annotations` here: typer reads every command's
# annotations with typing.get_type_hints, and evaluating them from strings at each
# start costs ~4 ms (Tab completion included).
import math
import os
import shutil
import signal
import sys
from collections.abc import Callable
from functools import cache
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


CONTEXT = {"help_option_names": ["-h", "--help"]}
COMMANDS: dict[str, Callable[..., None]] = {}


def command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command function; it is turned into a click command only when
    it is run (or its help is asked for): see NbscdrGroup."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name] = function
        return function

    return register


@cache
def _build(name: str) -> Any:
    from typer.main import get_command

    sub = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
    sub.command(name, context_settings=CONTEXT)(COMMANDS[name])
    return get_command(sub)


class NbscdrGroup(TyperGroup):
    """The command group: builds only the command that runs, and is the error
    boundary around it.

    typer turns every command's signature into click parameters at start-up,
    ~1 ms a command; building just the one invoked (click's "lazy group"
    pattern) keeps `nbscdr --help` and Tab completion fast (issue 8).
    """

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return _build(cmd_name) if cmd_name in COMMANDS else None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        from typer._click.utils import make_default_short_help

        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, make_default_short_help(inspect_doc(function), limit))
            for name, function in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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


def inspect_doc(function: Callable[..., None]) -> str:
    """A command's help text: its docstring, dedented."""
    import inspect

    return inspect.cleandoc(function.__doc__ or "")


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
    """Technique ids for Tab completion, from the names cache when it is fresh
    (no catalog import: completion runs on every Tab press)."""
    try:
        from nbscdr_cli.catalog_cache import load_names
        from nbscdr_cli.locations import resolve_path

        ids = load_names(resolve_path(None))
        if ids is None:
            from nbscdr_cli.catalog import load_catalog

            ids = list(load_catalog().techniques)
    except Exception:  # completion must never print an error
        return []
    _, sep, _ = incomplete.partition(":")
    return [t for t in ids if t.startswith(incomplete)] if not sep else [incomplete]


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
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
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.", dir_okay=True),
]
DataOpt = Annotated[
    str | None,
    typer.Option(
        "--data",
        help="Technique catalog (TOML) to use instead of the built-in one [env: NBSCDR_DATA].",
        show_default=False,
    ),
]


AssessmentOpt = Annotated[
    str | None,
    typer.Option(
        "--assessment",
        "-a",
        help="Whose estimates to use, e.g. fuss2018 or sr15 [default: the catalog's default, "
        "c2g2019]. `nbscdr assessments` lists them.",
        show_default=False,
    ),
]
FallbackOpt = Annotated[
    bool,
    typer.Option(
        "--fallback",
        help="Where the assessment has no estimate for a technique, use the default "
        "assessment's (marked in every output) instead of failing.",
    ),
]


def _catalog(data: str | None, assessment: str | None = None, fallback: bool = False) -> Any:
    from nbscdr_cli.catalog import load_catalog

    return load_catalog(data).under(assessment, fallback=fallback)


def _lang(value: str | None) -> str:
    if value is None:
        return default_lang()
    folded = value.strip().lower()
    if folded not in ("en", "zh"):
        raise typer.BadParameter(f"{value!r} is not 'en' or 'zh'", param_hint="'--lang'")
    return folded


def _emit(kind: str, doc: dict[str, Any], fmt: Format, lang: str, output: Path | None) -> None:
    from nbscdr_cli.output import write_output, write_stdout
    from nbscdr_cli.render import render

    if fmt is Format.iamc and kind != "iamc":
        raise typer.BadParameter("iamc is for `nbscdr portfolio` only", param_hint="'--format'")
    terminal = output is None and sys.stdout is not None and sys.stdout.isatty()
    text = render(kind, doc, fmt, lang=lang, terminal=terminal)
    if output is not None:
        write_output(output, text)
    else:
        write_stdout(text)


def _check_output(output: Path | None, *inputs: str | None) -> None:
    if output is not None:
        from nbscdr_cli.output import check_output_path

        check_output_path(output, tuple(Path(p) for p in inputs if p and p != "-"))


def _data_path(data: str | None) -> str:
    from nbscdr_cli.locations import resolve_path

    return str(resolve_path(data))


# ------------------------------------------------------------------------ commands


@command("list")
def list_(
    assessment: AssessmentOpt = None,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """List the techniques: id, name, range with unit, scope and readiness."""
    from nbscdr_cli.render.documents import catalog_document

    language = _lang(lang)
    _check_output(output, _data_path(data))
    catalog = _catalog(data, assessment)
    _emit("catalog", catalog_document(catalog), fmt, language, output)


@command("assessments")
def assessments(
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """List the assessments whose estimates the catalog holds, with their citations."""
    from nbscdr_cli.render.documents import assessments_document

    language = _lang(lang)
    _check_output(output, _data_path(data))
    _emit("assessments", assessments_document(_catalog(data)), fmt, language, output)


@command("show")
def show(
    technique: Annotated[
        str,
        typer.Argument(help="Id, alias, or English or Chinese name.", autocompletion=_complete_technique),
    ],
    assessment: AssessmentOpt = None,
    fallback: FallbackOpt = False,
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Show one technique whole: range, readiness, governance challenges, scope,
    storage durability, source, and every assessment's estimate."""
    from nbscdr_cli.render.documents import technique_document

    language = _lang(lang)
    _check_output(output, _data_path(data))
    found = _catalog(data, assessment, fallback).find(technique, where=f"argument {technique!r}")
    _emit("technique", technique_document(found), fmt, language, output)


SPEC_HELP = (
    "TECH (its full range), TECH:50% or TECH:0.5 (that share of its range), TECH=2, "
    "TECH=1.5-3, TECH=1-3@2 (with a mode) or 'TECH=500-800 Mt CO2/yr' (your own figure; "
    "default unit Gt CO2/yr). TECH is an id, an alias or a Chinese name."
)

SpecsArg = Annotated[
    list[str] | None,
    typer.Argument(help=SPEC_HELP, metavar="SPEC...", show_default=False, autocompletion=_complete_technique),
]
FileOpt = Annotated[
    str | None,
    typer.Option("--file", help="Portfolio file, TOML or JSON ('-' reads stdin).", show_default=False),
]
ReferenceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--reference",
        "-r",
        help="Reference to compare with (repeatable) [default: unep].",
        show_default=False,
    ),
]
NameOpt = Annotated[str | None, typer.Option("--name", help="Portfolio name.", show_default=False)]
SamplesOpt = Annotated[
    str | None,
    typer.Option(
        "--samples",
        "-n",
        help="Monte Carlo: number of samples, e.g. 1e5 (1 to 1e10). Each entry is drawn from its "
        "low-high range; an entry with no lower bound starts at 0; low = high is fixed.",
        show_default=False,
    ),
]
SeedOpt = Annotated[
    int | None,
    typer.Option(
        "--seed",
        min=0,
        max=2**63 - 1,
        help="Random seed (printed with the results; a random one is chosen and printed if not given).",
        show_default=False,
    ),
]
DistributionOpt = Annotated[
    str,
    typer.Option(
        "--distribution",
        help="uniform (default): flat between low and high; triangular / pert: peak at the "
        "mode (TECH=LOW-HIGH@MODE, or the data's), else at the midpoint; lognormal: low and high "
        "are its 5th and 95th percentiles (needs a positive low).",
    ),
]
CorrelationOpt = Annotated[
    float,
    typer.Option(
        "--correlation",
        help="Rank correlation shared by all entries, 0 (independent) to 1 (all extremes together).",
    ),
]
PercentilesOpt = Annotated[
    str | None,
    typer.Option(
        "--percentiles", help="More percentiles to report besides 5, 50, 95, e.g. 10,90.", show_default=False
    ),
]
FromOpt = Annotated[
    int | None,
    typer.Option(
        "--from",
        help="Horizon: first year (with --to). From 2030 to 2050 is 20 years, 2030 through 2049.",
        show_default=False,
    ),
]
ToOpt = Annotated[
    int | None,
    typer.Option(
        "--to",
        help="Horizon: end year, not counted (stocks are at the end of the year before).",
        show_default=False,
    ),
]
RampOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ramp-years",
        help="Years to ramp linearly from 0 to the full rate: N for all entries or TECH=N (repeatable) [default: 0, no ramp].",
        show_default=False,
    ),
]
SaturationOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--saturation-years",
        help="Years after which a sink stops adding: N or TECH=N (repeatable) [default: from the data where a source gives one (soil carbon: 20), else none].",
        show_default=False,
    ),
]
ReversalOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--reversal-rate",
        help="Share of the stock released each year: 1% or 0.01, or TECH=1% (repeatable) [default: from the data where sourced, else 0, with a note].",
        show_default=False,
    ),
]
TargetOpt = Annotated[
    float | None,
    typer.Option(
        "--target",
        help="Report the chance that the total reaches this value (in the output unit).",
        show_default=False,
    ),
]


def _monte_carlo(
    samples: str | None, seed: int | None, distribution: str, correlation: float, percentiles: str | None
) -> Any:
    """Settings for --samples and its companions, or None without --samples."""
    if samples is None:
        if percentiles is not None or seed is not None:
            raise typer.BadParameter("needs --samples", param_hint="'--seed' / '--percentiles'")
        return None
    from nbscdr_cli.errors import UsageError
    from nbscdr_cli.uncertainty import (
        DEFAULT_PERCENTILES,
        Distribution,
        Settings,
        parse_percentiles,
        parse_samples,
    )

    try:
        dist = Distribution(distribution.strip().lower())
    except ValueError:
        choices = ", ".join(d.value for d in Distribution)
        raise typer.BadParameter(
            f"{distribution!r} is not one of {choices}", param_hint="'--distribution'"
        ) from None
    try:
        return Settings(
            samples=parse_samples(samples),
            seed=seed,
            distribution=dist,
            correlation=correlation,
            percentiles=parse_percentiles(percentiles) if percentiles else DEFAULT_PERCENTILES,
        )
    except UsageError as exc:  # shown by click, with the usage line, exit 2
        raise typer.BadParameter(exc.message, param_hint=f"'{exc.where}'") from None


class _Progress:
    """A progress bar on stderr, only on a terminal and only for long runs."""

    def __init__(self, total: int, work: int) -> None:
        self.total = total
        self.bar: Any = None
        if work > 20_000_000 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.task = self.bar.add_task("sampling", total=total)

    def __enter__(self) -> "_Progress":
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, done: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=done)


def _analyse(
    *,
    specs: list[str] | None,
    file: str | None,
    reference: list[str] | None,
    name: str | None,
    data: str | None,
    out_unit: Any,
    settings: Any,
    target: float | None,
    assessment: str | None = None,
    fallback: bool = False,
    horizon: tuple[Any, ...] = (None, None, None, None, None),
) -> tuple[Any, Any]:
    """Read the portfolio (arguments and/or --file) and run the analysis; return
    it with the catalog (under the chosen assessment) it ran on."""
    from nbscdr_cli.analysis import analyse

    title, entries = _read_specs(specs, file, name)
    catalog = _catalog(data, assessment, fallback)
    options = _options(reference, settings, target, out_unit)._replace(horizon=_horizon(catalog, *horizon))
    work = settings.samples * len(entries) if settings is not None else 0
    with _Progress(settings.samples if settings else 0, work) as progress:
        return analyse(catalog, entries, name=title, options=options, progress=progress), catalog


def _horizon(
    catalog: Any,
    start: int | None,
    end: int | None,
    ramp: list[str] | None,
    saturation: list[str] | None,
    reversal: list[str] | None,
) -> Any:
    """HorizonSettings from --from/--to and companions, or None without them."""
    if start is None and end is None and not (ramp or saturation or reversal):
        return None  # and the horizon module is not imported
    from nbscdr_cli.errors import UsageError
    from nbscdr_cli.horizon import HorizonSettings, check_settings, check_years, parse_setting

    try:
        years = check_years(start, end)
        if years is None:
            if ramp or saturation or reversal:
                raise UsageError(
                    "needs --from and --to", where="--ramp-years/--saturation-years/--reversal-rate"
                )
            return None
        settings = HorizonSettings(
            years[0],
            years[1],
            ramp_years=parse_setting(ramp or [], option="--ramp-years", catalog=catalog),
            saturation_years=parse_setting(saturation or [], option="--saturation-years", catalog=catalog),
            reversal_rate=parse_setting(
                reversal or [], option="--reversal-rate", catalog=catalog, percent=True
            ),
        )
        check_settings(settings)
    except UsageError as exc:
        raise typer.BadParameter(exc.message, param_hint=f"'{exc.where}'") from None
    return settings


def _read_specs(specs: list[str] | None, file: str | None, name: str | None) -> tuple[str | None, list[Any]]:
    """The portfolio's name and entries, from --file (first) and the arguments."""
    from nbscdr_cli.spec import parse_specs, read_portfolio_file

    entries = []
    title = name
    if file is not None:
        loaded = read_portfolio_file(file)
        entries.extend(loaded.entries)
        title = title or loaded.name
    entries.extend(parse_specs(specs or []))
    if not entries:
        raise typer.BadParameter("give at least one SPEC or --file", param_hint="'SPEC...'")
    return title, entries


def _options(reference: list[str] | None, settings: Any, target: float | None, out_unit: Any) -> Any:
    from nbscdr_cli.analysis import Options

    targets = {}
    if target is not None:
        if not math.isfinite(target):
            raise typer.BadParameter(f"{target} is not a finite number", param_hint="'--target'")
        targets["target"] = target * out_unit.factor
    return Options(references=tuple(reference) if reference else None, monte_carlo=settings, targets=targets)


@command("portfolio")
def portfolio(
    specs: SpecsArg = None,
    file: FileOpt = None,
    reference: ReferenceOpt = None,
    name: NameOpt = None,
    samples: SamplesOpt = None,
    seed: SeedOpt = None,
    distribution: DistributionOpt = "uniform",
    correlation: CorrelationOpt = 0.0,
    percentiles: PercentilesOpt = None,
    target: TargetOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    ramp_years: RampOpt = None,
    saturation_years: SaturationOpt = None,
    reversal_rate: ReversalOpt = None,
    assessment: AssessmentOpt = None,
    fallback: FallbackOpt = False,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="With --format iamc: the year column [default: 2050].", show_default=False
        ),
    ] = None,
    fmt: FormatOpt = Format.table,
    unit: UnitOpt = "Gt CO2/yr",
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Sum the removal potential of a portfolio and compare it with references.

    Totals add every low and every high. An entry whose source gives only "up to"
    counts 0 as its low and is flagged. CO2e counts as CO2; C converts to CO2 by 44/12.
    With --samples, a Monte Carlo gives the mean, percentiles and the chance of
    reaching each reference and --target. With --from/--to, the cumulative and
    durable removals over the period (in a mass unit: --unit may be 'Gt CO2').
    --format iamc writes the IAMC scenario CSV (Mt CO2/yr, one scenario per bound).
    """
    from nbscdr_cli.render.documents import IAMC_UNIT, iamc_document, portfolio_document

    language = _lang(lang)
    settings = _monte_carlo(samples, seed, distribution, correlation, percentiles)
    _check_output(output, _data_path(data), file)
    if fmt is Format.iamc:
        if unit != "Gt CO2/yr" and unit != IAMC_UNIT:
            raise typer.BadParameter(f"--format iamc reports in {IAMC_UNIT}", param_hint="'--unit'")
        unit = IAMC_UNIT
    elif year is not None:
        raise typer.BadParameter("applies to --format iamc only", param_hint="'--year'")
    out_unit, mass_unit = _units(unit, start is not None or end is not None)
    analysis, _ = _analyse(
        specs=specs,
        file=file,
        reference=reference,
        name=name,
        data=data,
        out_unit=out_unit,
        settings=settings,
        target=target,
        assessment=assessment,
        fallback=fallback,
        horizon=(start, end, ramp_years, saturation_years, reversal_rate),
    )
    doc = portfolio_document(analysis, out_unit, language, mass_unit)
    if fmt is Format.iamc:
        _emit("iamc", iamc_document(doc, 2050 if year is None else year), fmt, language, output)
    else:
        _emit("portfolio", doc, fmt, language, output)


def _units(unit: str, horizon: bool) -> tuple[Any, Any]:
    """The rate and amount output units; an amount unit only with a horizon."""
    from nbscdr_cli.units import parse_unit, rate_and_mass

    if horizon:
        return rate_and_mass(unit, where="--unit")
    return parse_unit(unit, kind="rate", where="--unit"), None


@command("compare")
def compare(
    specs: SpecsArg = None,
    assessments_: Annotated[
        str | None,
        typer.Option(
            "--assessments",
            help="Comma-separated assessments to put side by side [default: all].",
            show_default=False,
        ),
    ] = None,
    files: Annotated[
        list[str] | None,
        typer.Option(
            "--file",
            help="A portfolio file (repeat for several portfolios side by side).",
            show_default=False,
        ),
    ] = None,
    reference: ReferenceOpt = None,
    samples: SamplesOpt = None,
    seed: SeedOpt = None,
    distribution: DistributionOpt = "uniform",
    correlation: CorrelationOpt = 0.0,
    percentiles: PercentilesOpt = None,
    assessment: AssessmentOpt = None,
    fallback: FallbackOpt = False,
    fmt: FormatOpt = Format.table,
    unit: UnitOpt = "Gt CO2/yr",
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Totals side by side: one portfolio (SPEC...) under several assessments, or
    several portfolio files (--file a.toml --file b.toml) under one assessment.

    An assessment with no estimate for one of the techniques shows no totals and
    names the technique, unless --fallback uses the default assessment's estimate.
    """
    from nbscdr_cli.compare import compare_assessments, compare_portfolios
    from nbscdr_cli.render.documents import compare_document
    from nbscdr_cli.spec import parse_specs, read_portfolio_file
    from nbscdr_cli.units import parse_unit

    language = _lang(lang)
    settings = _monte_carlo(samples, seed, distribution, correlation, percentiles)
    _check_output(output, _data_path(data), *(files or []))
    out_unit = parse_unit(unit, kind="rate", where="--unit")
    options = _options(reference, settings, None, out_unit)
    if files and (specs or assessments_):
        raise typer.BadParameter(
            "give SPEC... (with --assessments) or --file portfolios, not both", param_hint="'--file'"
        )
    if files:
        catalog = _catalog(data, assessment, fallback)
        portfolios = []
        for path in files:
            loaded = read_portfolio_file(path)
            portfolios.append((loaded.name or Path(path).stem, loaded.entries))
        rows = compare_portfolios(catalog, portfolios, options=options)
        by = "portfolio"
    else:
        if not specs:
            raise typer.BadParameter("give SPEC... or --file portfolios", param_hint="'SPEC...'")
        catalog = _catalog(data)
        wanted = (
            [a.strip() for a in assessments_.split(",") if a.strip()]
            if assessments_
            else list(catalog.assessments)
        )
        if not wanted:
            raise typer.BadParameter("this catalog defines no assessments", param_hint="'--assessments'")
        rows = compare_assessments(catalog, parse_specs(specs), wanted, fallback=fallback, options=options)
        by = "assessment"
    _emit("compare", compare_document(rows, out_unit, language, by=by), fmt, language, output)


@command("chart")
def chart(
    specs: SpecsArg = None,
    file: FileOpt = None,
    reference: ReferenceOpt = None,
    name: NameOpt = None,
    samples: SamplesOpt = None,
    seed: SeedOpt = None,
    distribution: DistributionOpt = "uniform",
    correlation: CorrelationOpt = 0.0,
    percentiles: PercentilesOpt = None,
    assessment: AssessmentOpt = None,
    fallback: FallbackOpt = False,
    unit: UnitOpt = "Gt CO2/yr",
    lang: LangOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Chart file: .png, .svg or .pdf [default: range bars in the terminal]."
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Chart a portfolio: low-high bars per technique and for the total, UNEP's band shaded.

    Without --output, the bars are drawn in the terminal. Chinese labels (--lang zh)
    need an installed CJK font; without one, bars are labelled with technique ids.
    """
    from nbscdr_cli.analysis import figure_sources
    from nbscdr_cli.render.documents import portfolio_document

    language = _lang(lang)
    settings = _monte_carlo(samples, seed, distribution, correlation, percentiles)
    _check_output(output, _data_path(data), file)
    if output is not None:
        from nbscdr_cli.chart import chart_format

        chart_format(output)
    out_unit = _units(unit, False)[0]
    analysis, _ = _analyse(
        specs=specs,
        file=file,
        reference=reference,
        name=name,
        data=data,
        out_unit=out_unit,
        settings=settings,
        target=None,
        assessment=assessment,
        fallback=fallback,
    )
    doc = portfolio_document(analysis, out_unit, language)
    if output is None:
        from nbscdr_cli.chart import text_chart
        from nbscdr_cli.output import write_stdout

        terminal = sys.stdout is not None and sys.stdout.isatty()
        encoding = (getattr(sys.stdout, "encoding", None) or "").lower()
        width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
        write_stdout(text_chart(doc, language, max(40, min(width, 200)), not encoding.startswith("utf")))
        return
    from nbscdr_cli.chart import draw
    from nbscdr_cli.output import write_output

    content, warnings = draw(doc, output, language, figure_sources(analysis))
    for warning in warnings:
        _report(f"warning: {warning}")
    write_output(output, content)


@command("brief")
def brief(
    specs: SpecsArg = None,
    file: FileOpt = None,
    reference: ReferenceOpt = None,
    name: NameOpt = None,
    samples: SamplesOpt = None,
    seed: SeedOpt = None,
    distribution: DistributionOpt = "uniform",
    correlation: CorrelationOpt = 0.0,
    percentiles: PercentilesOpt = None,
    target: TargetOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    ramp_years: RampOpt = None,
    saturation_years: SaturationOpt = None,
    reversal_rate: ReversalOpt = None,
    assessment: AssessmentOpt = None,
    fallback: FallbackOpt = False,
    unit: UnitOpt = "Gt CO2/yr",
    lang: LangOpt = None,
    output: OutputOpt = None,
    data: DataOpt = None,
) -> None:
    """Write a one-page Markdown briefing on a portfolio, in English or Chinese.

    Portfolio table, totals (percentiles with --samples, cumulative and durable with
    --from/--to), the comparison with UNEP and its scope, double counting, readiness,
    a governance checklist, the forums involved, permanence, and every figure's source.
    """
    from nbscdr_cli.brief import compose
    from nbscdr_cli.output import write_output, write_stdout
    from nbscdr_cli.render.documents import portfolio_document

    language = _lang(lang)
    settings = _monte_carlo(samples, seed, distribution, correlation, percentiles)
    _check_output(output, _data_path(data), file)
    out_unit, mass_unit = _units(unit, start is not None or end is not None)
    analysis, catalog = _analyse(
        specs=specs,
        file=file,
        reference=reference,
        name=name,
        data=data,
        out_unit=out_unit,
        settings=settings,
        target=target,
        assessment=assessment,
        fallback=fallback,
        horizon=(start, end, ramp_years, saturation_years, reversal_rate),
    )
    doc = portfolio_document(analysis, out_unit, language, mass_unit)
    text = compose(analysis, doc, catalog, language)
    if output is not None:
        write_output(output, text)
    else:
        write_stdout(text)


@command("convert")
def convert(
    quantity: Annotated[str, typer.Argument(help="A number and a unit, e.g. '1 Gt C/yr'.")],
    to: Annotated[str, typer.Option("--to", help="Target unit, e.g. 'Mt CO2/yr'.")],
    fmt: FormatOpt = Format.table,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """Convert a removal rate or amount between units, such as 1 Gt C/yr to Mt CO2/yr.

    C converts to CO2 by 44/12; CO2e counts as CO2; a year is 365.25 days.
    """
    from nbscdr_cli.render.documents import conversion_document
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
