"""From command-line options to one ``api.Request``.

Only what is about the command line itself is checked here: an option given
without the one it depends on (``--seed`` without ``--samples``, ``--ramp-years``
without ``--from/--to``) is refused, naming that option alone; options given
before the command (``nbscdr --lang zh list``) apply to it. Everything else is
checked by the library, once, in ``api.prepare``.
"""

from typing import Any

from nbscdr_cli.cli.option_groups import Display, Estimates, Period, Sampling, Source
from nbscdr_cli.cli.root import data, root_params
from nbscdr_cli.model.enums import Distribution, Method
from nbscdr_cli.model.errors import UsageError


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
    from nbscdr_cli.model.monte_carlo import DEFAULT_PERCENTILES, MonteCarlo, parse_percentiles, parse_samples

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
    from nbscdr_cli.model.horizon_settings import check_years

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
    from nbscdr_cli.model.horizon_settings import HorizonSettings, parse_setting

    return HorizonSettings(
        years[0],
        years[1],
        **{
            name: parse_setting(
                getattr(period, name) or [],
                field=field,
                percent=name == "reversal_rate",
                ranges=name == "saturation_years",
            )
            for name, field in fields.items()
        },
    )


# Formats read by programs: the locale never changes them (a script gives the
# same bytes on every machine); only an explicit --lang changes their labels.
MACHINE_FORMATS = frozenset({"json", "csv", "iamc"})


def lang(display: Display, fmt: str | None = None) -> str:
    """--lang, else the one given before the command, else (for the formats
    people read) the locale's; machine formats default to English."""
    if display.lang is not None:
        return display.lang.value
    root = root_params()
    if root.get("lang") is not None:
        return str(getattr(root["lang"], "value", root["lang"]))  # click keeps the choice's string
    if fmt in MACHINE_FORMATS:
        return "en"
    from nbscdr_cli.render.environment import locale_lang

    return locale_lang()


def request(
    specs: list[str] | None,
    display: Display,
    *groups: Source | Estimates | Sampling | Period,
    references: list[str] | None = None,
    target: str | None = None,
    unit: str | None = None,
    iamc: bool = False,
    fmt: str | None = None,
    countries: bool = False,
) -> Any:
    """The api.Request the options describe: the SPEC arguments, the display
    options, and whichever option groups the command has; ``fmt``, the output
    format, decides whether the locale may choose the language."""
    from nbscdr_cli.api.request import Request
    from nbscdr_cli.io.portfolio_file import read_portfolio_file
    from nbscdr_cli.model.spec import parse_specs

    source = next((g for g in groups if isinstance(g, Source)), Source())
    estimates = next((g for g in groups if isinstance(g, Estimates)), Estimates())
    sampling = next((g for g in groups if isinstance(g, Sampling)), None)
    period = next((g for g in groups if isinstance(g, Period)), None)
    return Request(
        specs=parse_specs(specs or [], label="argument"),
        portfolio=read_portfolio_file(source.file) if source.file is not None else None,
        name=source.name,
        catalog=data(estimates.data),
        assessment=estimates.assessment,
        fallback=estimates.fallback,
        potential=estimates.potential.value,
        unit=unit,
        monte_carlo=monte_carlo(sampling) if sampling is not None else None,
        horizon=horizon(period) if period is not None else None,
        references=tuple(references) if references else None,
        target=target,
        lang=lang(display, fmt),
        iamc=iamc,
        region=estimates.region,
        countries=countries,
    )


def split_ids(values: list[str] | None) -> list[str] | None:
    """'a,b' -c -> ['a', 'b', 'c']; None when none were given."""
    if not values:
        return None
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(parts))  # each once: a row or comparison per id


DEFAULT_UNIT = "Gt CO2/yr"


def portfolio_unit(unit: str | None, fmt: str, year: int | None, period: Period) -> str | None:
    """The request's unit: the IAMC format reports in Mt CO2/yr, and --year
    belongs to it alone, without a period (which gives a column per year)."""
    from nbscdr_cli.api.iamc import IAMC_UNIT

    if fmt != "iamc":
        if year is not None:
            raise UsageError("applies to --format iamc only", field="year")
        return unit
    if year is not None and (period.start is not None or period.end is not None):
        raise UsageError("with a period the IAMC file has a column for each year of it", field="year")
    if unit not in (None, DEFAULT_UNIT, IAMC_UNIT):
        raise UsageError(f"the IAMC format reports in {IAMC_UNIT}", field="unit")
    if year is None and period.start is None and period.end is None:
        raise UsageError(
            "needed with --format iamc and no --from/--to: the figures carry no year of their own, "
            "so say which year they stand for (e.g. --year 2050)",
            field="year",
        )
    return IAMC_UNIT


def csv_table(table: Any, fmt: str, sampling: Sampling, period: Period) -> str:
    """The document kind a portfolio's CSV holds (``--table``): "portfolio" (the
    entries, by default), "statistics" or "years"; refused where the table does
    not exist for these options."""
    if table is None:
        return "portfolio"
    if fmt != "csv":
        raise UsageError("applies to --format csv only", field="table")
    chosen = str(getattr(table, "value", table))
    if chosen == "statistics" and sampling.samples is None and sampling.method is not Method.convolution:
        raise UsageError(
            "statistics needs the total's distribution: give --samples N or --method convolution",
            field="table",
        )
    if chosen == "years" and (period.start is None or period.end is None):
        raise UsageError("years needs a period: give --from and --to", field="table")
    return "portfolio" if chosen == "entries" else chosen


def portfolio_files(paths: list[str] | None) -> list[Any] | None:
    """The portfolio files --file names, read (each as spec.PortfolioFile)."""
    if not paths:
        return None
    from nbscdr_cli.io.portfolio_file import read_portfolio_file

    return [read_portfolio_file(path) for path in paths]


ARGV: list[str] | None = None  # the command line as typed; set by cli.main


def command_line(analysis: Any) -> str | None:
    """The command that repeats this run exactly (the seed added where it was
    chosen at random), or None where it is not known (nbscdr run as a library)."""
    if ARGV is None:
        return None
    import shlex

    from nbscdr_cli.base.user_text import clean

    args = [clean(a) for a in ARGV]  # as every user text: valid Unicode, one line, controls shown
    if (
        analysis.simulation is not None
        and analysis.simulation.seed is not None
        and not any(a == "--seed" or a.startswith("--seed=") for a in args)
    ):
        args += ["--seed", str(analysis.simulation.seed)]
    # Shown in a Markdown code span, which no backslash can escape: a backtick
    # (always inside single quotes) is written as bash's $'\x60', the same word.
    return " ".join(["nbscdr", *(shlex.quote(a).replace("`", "'$'\\x60''") for a in args)])


def catalog_file(path: str | None) -> str:
    """The catalog file the run reads, however it was named: --data (here or
    before the command), else NBSCDR_DATA, else the built-in one."""
    from nbscdr_cli.base.locations import resolve_path

    return str(resolve_path(data(path)))
