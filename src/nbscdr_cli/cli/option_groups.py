"""The option groups several commands share (``Sampling``, ``Period``,
``Estimates``...): NamedTuples whose fields are typer-annotated options. A command
names a group as one parameter (``sampling: Sampling``); ``program.expand``
spreads the group's options into the command's signature for typer and packs
them back into the group when the command runs.

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

from typing import Annotated, NamedTuple

import typer

from nbscdr_cli.cli.options import (
    AssessmentOpt,
    DataOpt,
    FallbackOpt,
    LangOpt,
    OutputOpt,
    PotentialOpt,
    RegionOpt,
)
from nbscdr_cli.model.enums import Distribution, Method, Potential

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
    potential: PotentialOpt = Potential.technical
    fallback: FallbackOpt = False
    data: DataOpt = None
    region: RegionOpt = None


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
            help="With --from/--to: years after which a sink stops adding, N or TECH=N (repeatable), "
            "or a range LOW-HIGH (IPCC SR1.5: soil sinks saturate after 10-100 years), which the low "
            "and high ends of the rate take and --samples draws uniformly "
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
