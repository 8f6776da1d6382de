"""The command line's options, declared once, and their translation into a request.

Options that several commands share come in groups (``Sampling``, ``Period``,
``Estimates``...): a NamedTuple whose fields are typer-annotated options. A command
names a group as one parameter (``sampling: Sampling``); ``expand`` spreads the
group's options into the command's signature for typer and packs them back into
the group when the command runs. ``request`` turns the groups into one
``api.Request``, checking only what is about the command line itself: an option
given without the one it depends on is refused, naming that option alone.

``FIELD_OPTIONS`` maps the request fields that library errors name to the
options a user types.

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

import inspect
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from nbscdr_cli.enums import Distribution, Format, Lang, Method, PortfolioFormat
from nbscdr_cli.errors import UsageError

FIELD_OPTIONS = {
    "method": "--method",
    "samples": "--samples",
    "seed": "--seed",
    "distribution": "--distribution",
    "correlation": "--correlation",
    "percentiles": "--percentiles",
    "target": "--target",
    "unit": "--unit",
    "lang": "--lang",
    "assessment": "--assessment",
    "fallback": "--fallback",
    "references": "--reference",
    "horizon.start": "--from",
    "horizon.end": "--to",
    "horizon.ramp_years": "--ramp-years",
    "horizon.saturation_years": "--saturation-years",
    "horizon.reversal_rate": "--reversal-rate",
    "specs": "SPEC...",
    "portfolio": "--file",
    "iamc": "--format iamc",
    "year": "--year",
    "format": "--format",
    "output": "--output",
}


def option_for(field: str) -> str:
    """The option (or argument) a request field comes from."""
    return FIELD_OPTIONS.get(field, field)


# ------------------------------------------------------------------ completion


def complete_technique(incomplete: str) -> list[str]:
    """Technique ids for Tab completion (from the cache's id list when the catalog
    is unchanged; completion must never print an error)."""
    try:
        from nbscdr_cli.load import technique_ids

        ids = technique_ids(data(None))
    except Exception:
        return []
    _, sep, _ = incomplete.partition(":")
    return [t for t in ids if t.startswith(incomplete)] if not sep else [incomplete]


# ------------------------------------------------------------------ single options

SPEC_HELP = (
    "TECH (its full range), TECH:50% or TECH:0.5 (that share of its range), TECH=2, "
    "TECH=1.5-3, TECH=1-3@2 (with a mode) or 'TECH=500-800 Mt CO2/yr' (your own figure; "
    "default unit Gt CO2/yr). TECH is an id, an alias or a Chinese name."
)
SpecsArg = Annotated[
    list[str] | None,
    typer.Argument(help=SPEC_HELP, metavar="SPEC...", show_default=False, autocompletion=complete_technique),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format [default: table, or from the --output file's extension].",
        case_sensitive=False,
        show_default=False,
    ),
]
PortfolioFormatOpt = Annotated[
    PortfolioFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format; iamc is the IAMC scenario CSV [default: table, or from the "
        "--output file's extension].",
        case_sensitive=False,
        show_default=False,
    ),
]
UnitOpt = Annotated[
    str,
    typer.Option(
        "--unit",
        "-u",
        metavar="<UNIT>",
        help="Output unit: any mass of CO2 or C per time, e.g. 'Mt C/yr'. C to CO2 by 44/12; CO2e counts as CO2.",
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of names and labels [default: from LANG, zh* gives zh].",
        case_sensitive=False,
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="<FILE>",
        help="Write to this file (atomically) instead of stdout; '-' is stdout.",
        show_default=False,
    ),
]
DataOpt = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar="<FILE>",
        help="Technique catalog (TOML) to use instead of the built-in one [env: NBSCDR_DATA].",
        show_default=False,
    ),
]
AssessmentOpt = Annotated[
    str | None,
    typer.Option(
        "--assessment",
        "-a",
        metavar="<ID>",
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
ReferenceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--reference",
        "-r",
        metavar="<ID>",
        help="Reference to compare with (repeatable) [default: unep; with --from/--to also "
        "the cumulative ones]. `nbscdr list -f json` lists them.",
        show_default=False,
    ),
]
TargetOpt = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="<VALUE>",
        help="With --samples or --method convolution, the chance that the total reaches this value: a rate ('20', "
        "in the output unit, or '20 Gt CO2/yr') for the annual total, an amount ('300 Gt CO2') "
        "for the cumulative total over --from/--to.",
        show_default=False,
    ),
]
FilesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--file",
        metavar="<FILE>",
        help="A portfolio file (repeat for several portfolios side by side).",
        show_default=False,
    ),
]
CompareAssessmentOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--assessment",
        "-a",
        "--assessments",
        metavar="<ID,...>",
        help="Assessments to put side by side, comma-separated or repeated [default: all]; with "
        "--file portfolios, the one assessment to use.",
        show_default=False,
    ),
]
ChartOutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="<FILE>",
        help="Chart file: .png, .svg or .pdf [default: range bars in the terminal].",
        show_default=False,
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option(
        "--year",
        metavar="<YEAR>",
        help="With --format iamc and no --from/--to: the year column [default: 2050].",
        show_default=False,
    ),
]


# ------------------------------------------------------------------ option groups

GROUPS: set[type] = set()


def group(cls: type) -> type:
    """Mark a NamedTuple of options as a group that commands take as one parameter."""
    GROUPS.add(cls)
    return cls


@group
class Source(NamedTuple):
    """Where the portfolio comes from besides the SPEC arguments."""

    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            metavar="<FILE>",
            help="Portfolio file, TOML or JSON ('-' reads stdin).",
            show_default=False,
        ),
    ] = None
    name: Annotated[
        str | None, typer.Option("--name", metavar="<NAME>", help="Portfolio name.", show_default=False)
    ] = None


@group
class Estimates(NamedTuple):
    """Whose figures: the catalog and the assessment."""

    assessment: AssessmentOpt = None
    fallback: FallbackOpt = False
    data: DataOpt = None


@group
class Sampling(NamedTuple):
    """Uncertainty options: Monte Carlo (--samples) or convolution (--method convolution)."""

    samples: Annotated[
        str | None,
        typer.Option(
            "--samples",
            "-n",
            metavar="<N>",
            help="Monte Carlo: number of samples, e.g. 1e5 or 100,000 (1 to 1e10). Each entry is "
            "drawn from its low-high range; an entry with no lower bound starts at 0; low = high "
            "is fixed.",
            show_default=False,
        ),
    ] = None
    method: Annotated[
        Method | None,
        typer.Option(
            "--method",
            help="How to get the total's distribution: monte-carlo (with --samples, the default) "
            "or convolution (exact up to 1e-5 of the range, no sampling: independent uniform, "
            "triangular or PERT entries; --method convolution alone turns it on).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            metavar="<SEED>",
            help="With --samples: random seed, 0 to 2**63-1 (printed with the results; a random "
            "one is chosen and printed if not given).",
            show_default=False,
        ),
    ] = None
    distribution: Annotated[
        Distribution | None,
        typer.Option(
            "--distribution",
            help="With --samples or --method convolution: uniform (default), flat between low and "
            "high; triangular / pert, peak at the mode (TECH=LOW-HIGH@MODE, or the data's), else at "
            "the midpoint; lognormal (--samples only), low and high are its 5th and 95th "
            "percentiles (needs a positive low).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None
    correlation: Annotated[
        float | None,
        typer.Option(
            "--correlation",
            metavar="<R>",
            help="With --samples: rank correlation shared by all entries, 0 (independent, the "
            "default) to 1 (all extremes together).",
            show_default=False,
        ),
    ] = None
    percentiles: Annotated[
        str | None,
        typer.Option(
            "--percentiles",
            metavar="<P,...>",
            help="With --samples or --method convolution: more percentiles besides 5, 50, 95, e.g. 10,90.",
            show_default=False,
        ),
    ] = None


@group
class Period(NamedTuple):
    """A period, and how each entry ramps up, saturates and reverses over it."""

    start: Annotated[
        int | None,
        typer.Option(
            "--from",
            metavar="<YEAR>",
            help="Period: first year (with --to). From 2030 to 2050 is 20 years, 2030 through 2049.",
            show_default=False,
        ),
    ] = None
    end: Annotated[
        int | None,
        typer.Option(
            "--to",
            metavar="<YEAR>",
            help="Period: end year, not counted (stocks are at the end of the year before).",
            show_default=False,
        ),
    ] = None
    ramp_years: Annotated[
        list[str] | None,
        typer.Option(
            "--ramp-years",
            metavar="<[TECH=]N>",
            help="With --from/--to: years to ramp linearly from 0 to the full rate, N for all entries "
            "or TECH=N (repeatable) [default: 0, no ramp].",
            show_default=False,
        ),
    ] = None
    saturation_years: Annotated[
        list[str] | None,
        typer.Option(
            "--saturation-years",
            metavar="<[TECH=]N>",
            help="With --from/--to: years after which a sink stops adding, N or TECH=N (repeatable) "
            "[default: from the data where a source gives one (soil carbon: 20), else none].",
            show_default=False,
        ),
    ] = None
    reversal_rate: Annotated[
        list[str] | None,
        typer.Option(
            "--reversal-rate",
            metavar="<[TECH=]RATE>",
            help="With --from/--to: share of the stock released each year, 1% or 0.01, or TECH=1% "
            "(repeatable) [default: from the data where sourced, else 0, with a note].",
            show_default=False,
        ),
    ] = None


@group
class Display(NamedTuple):
    """Language and where the output goes (every command)."""

    lang: LangOpt = None
    output: OutputOpt = None


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


# ------------------------------------------------------------------ into a request


def monte_carlo(sampling: Sampling) -> Any:
    """The uncertainty settings (uncertainty.MonteCarlo) from the group, or None
    when nothing asks for them: --samples turns on Monte Carlo, --method
    convolution the convolution. No option is ignored: one that does not apply
    to the method (or to no method) is refused, naming it."""
    method = sampling.method
    if method is Method.convolution:
        if sampling.samples is not None:
            raise UsageError(
                "does not apply with --method convolution, which draws no samples", field="samples"
            )
        if sampling.seed is not None:
            raise UsageError("does not apply with --method convolution, which draws no samples", field="seed")
    elif sampling.samples is None:
        if method is Method.monte_carlo:
            raise UsageError("monte-carlo needs --samples N", field="method")
        for name in ("seed", "correlation"):
            if getattr(sampling, name) is not None:
                raise UsageError("applies only with --samples", field=name)
        for name in ("distribution", "percentiles"):
            if getattr(sampling, name) is not None:
                raise UsageError("applies only with --samples or --method convolution", field=name)
        return None
    from nbscdr_cli.uncertainty import DEFAULT_PERCENTILES, MonteCarlo, parse_percentiles, parse_samples

    return MonteCarlo(
        samples=None if sampling.samples is None else parse_samples(sampling.samples),
        seed=sampling.seed,
        distribution=sampling.distribution or Distribution.uniform,
        correlation=0.0 if sampling.correlation is None else sampling.correlation,
        percentiles=parse_percentiles(sampling.percentiles) if sampling.percentiles else DEFAULT_PERCENTILES,
        method=method or Method.monte_carlo,
    )


def horizon(period: Period) -> Any:
    """HorizonSettings from the group, or None without --from/--to (then no ramp,
    saturation or reversal may be given)."""
    if not any(period):
        return None  # and the horizon module is not imported
    from nbscdr_cli.horizon import check_years

    years = check_years(period.start, period.end)
    fields = {
        "ramp_years": "horizon.ramp_years",
        "saturation_years": "horizon.saturation_years",
        "reversal_rate": "horizon.reversal_rate",
    }
    if years is None:
        for name, field in fields.items():
            if getattr(period, name):
                raise UsageError("applies only with --from and --to", field=field)
        return None
    from nbscdr_cli.horizon import HorizonSettings, parse_setting

    return HorizonSettings(
        years[0],
        years[1],
        **{
            name: parse_setting(getattr(period, name) or [], field=field, percent=name == "reversal_rate")
            for name, field in fields.items()
        },
    )


def lang(display: Display) -> str:
    """--lang, else the one given before the command, else the locale's."""
    if display.lang is not None:
        return display.lang.value
    root = _root_params()
    if root.get("lang") is not None:
        return str(root["lang"].value)
    from nbscdr_cli.environment import locale_lang

    return locale_lang()


def data(value: str | None) -> str | None:
    """--data, else the one given before the command."""
    return value if value is not None else _root_params().get("data")


def _root_params() -> dict[str, Any]:
    """The options given before the command (``nbscdr --lang zh list``)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return dict(ctx.find_root().params) if ctx is not None else {}


def request(
    specs: list[str] | None,
    *,
    display: Display,
    source: Source | None = None,
    estimates: Estimates | None = None,
    sampling: Sampling | None = None,
    period: Period | None = None,
    references: list[str] | None = None,
    target: str | None = None,
    unit: str = "Gt CO2/yr",
    iamc: bool = False,
) -> Any:
    """The api.Request the options describe."""
    from nbscdr_cli.api import Request
    from nbscdr_cli.spec import parse_specs, read_portfolio_file

    source = source or Source()
    estimates = estimates or Estimates()
    return Request(
        specs=parse_specs(specs or [], label="argument"),
        portfolio=read_portfolio_file(source.file) if source.file is not None else None,
        name=source.name,
        catalog=data(estimates.data),
        assessment=estimates.assessment,
        fallback=estimates.fallback,
        unit=unit,
        monte_carlo=monte_carlo(sampling) if sampling is not None else None,
        horizon=horizon(period) if period is not None else None,
        references=tuple(references) if references else None,
        target=target,
        lang=lang(display),
        iamc=iamc,
    )


def split_ids(values: list[str] | None) -> list[str] | None:
    """'a,b' -c -> ['a', 'b', 'c']; None when none were given."""
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


DEFAULT_UNIT = "Gt CO2/yr"


def portfolio_unit(unit: str, fmt: str, year: int | None) -> str:
    """The request's unit: the IAMC format reports in Mt CO2/yr, and --year
    belongs to it alone."""
    from nbscdr_cli.render.documents import IAMC_UNIT

    if fmt != "iamc":
        if year is not None:
            raise UsageError("applies to --format iamc only", field="year")
        return unit
    if unit not in (DEFAULT_UNIT, IAMC_UNIT):
        raise UsageError(f"the IAMC format reports in {IAMC_UNIT}", field="unit")
    return IAMC_UNIT


def portfolio_files(paths: list[str] | None) -> list[Any] | None:
    """The portfolio files --file names, read (each as spec.PortfolioFile)."""
    if not paths:
        return None
    from nbscdr_cli.spec import read_portfolio_file

    return [read_portfolio_file(path) for path in paths]
