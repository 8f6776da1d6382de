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

from typing import Annotated, NamedTuple

import typer

from nbscdr_cli.model.enums import (
    Distribution,
    Format,
    Lang,
    Method,
    Notes,
    PortfolioFormat,
    Potential,
    Table,
)

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
    "potential": "--potential",
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
    "table": "--table",
    "notes": "--notes",
    "format": "--format",
    "output": "--output",
    "region": "--region",
    "regions": "--regions",
    "countries": "--countries",
    "by": "--by",
    "top": "--top",
}


def option_for(field: str) -> str:
    """The option (or argument) a request field comes from."""
    return FIELD_OPTIONS.get(field, field)


# ------------------------------------------------------------------ completion


def _ids(kind: str) -> list[str]:
    """The catalog's ids of ``kind`` (from the cache's id list when the catalog
    is unchanged); none on any error, since completion must never print one."""
    try:
        from nbscdr_cli.cli.root import data
        from nbscdr_cli.io.load import catalog_ids

        return catalog_ids(kind, data(None))
    except Exception:
        return []


def complete_technique(incomplete: str) -> list[str]:
    """Technique ids for Tab completion; after "TECH:" or "TECH=" nothing to offer."""
    if ":" in incomplete or "=" in incomplete:
        return [incomplete]
    return [t for t in _ids("technique") if t.startswith(incomplete)]


def complete_assessment(incomplete: str) -> list[str]:
    """Assessment ids, also after a comma (``-a c2g2019,ar6``)."""
    done, _, last = incomplete.rpartition(",")
    head = f"{done}," if done else ""
    return [head + a for a in _ids("assessment") if a.startswith(last)]


def complete_reference(incomplete: str) -> list[str]:
    return [r for r in _ids("reference") if r.startswith(incomplete)]


def complete_region(incomplete: str) -> list[str]:
    """ISO3 codes, World and the AR6 regions' names (also after a comma, for
    ``--regions``); none on any error."""
    done, _, last = incomplete.rpartition(",")
    head = f"{done}," if done else ""
    try:
        from nbscdr_cli.io.roe2021 import load_roe2021

        regions = load_roe2021().regions
        names = ["World", *regions.countries]
        names += sorted({c.name_en or c.name for c in regions.countries.values()})
        names += sorted({c.regions[g] for c in regions.countries.values() for g in c.regions})
    except Exception:
        return []
    folded = last.casefold()
    return [head + n for n in dict.fromkeys(names) if n.casefold().startswith(folded)]


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
    str | None,
    typer.Option(
        "--unit",
        "-u",
        metavar="<UNIT>",
        help="Output unit: any mass of CO2 or C per time, e.g. 'Mt C/yr'. C to CO2 by 44/12; CO2e counts "
        "as CO2 [default: Gt CO2/yr; with --region other than World, Mt CO2/yr].",
        show_default=False,
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        metavar="<REGION>",
        help="A country (ISO3 code such as CHN, or its English or Chinese name), an AR6 region "
        "(e.g. 'Eastern Asia', 'Africa and Middle East', ldc) or World: Roe et al. (2021)'s "
        "figures summed over its countries (-a roe2021), compared only with references for it.",
        show_default=False,
        autocompletion=complete_region,
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
RegionsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--regions",
        metavar="<REGION,...>",
        help="Countries or regions to put side by side (comma-separated or repeated), e.g. "
        "CHN,IND,BRA,USA,IDN: Roe et al. (2021)'s figures for each.",
        show_default=False,
        autocompletion=complete_region,
    ),
]
CountriesOpt = Annotated[
    bool,
    typer.Option(
        "--countries",
        help="With --region: each member country's figures too (JSON and CSV; in a table, a table of them).",
    ),
]
# Output paths stay text: pathlib drops a trailing slash ("new-folder/"), which
# says the user meant a folder.
OutputOpt = Annotated[
    str | None,
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
        autocompletion=complete_assessment,
    ),
]
PotentialOpt = Annotated[
    Potential,
    typer.Option(
        "--potential",
        help="technical: what is biophysically possible; economic: what is available below USD 100 "
        "per t CO2 (IPCC AR6 WGIII, -a ar6). AR6 gives central values (medians); nbscdr uses "
        "them as the mode of triangular and PERT draws.",
        case_sensitive=False,
    ),
]
FallbackOpt = Annotated[
    bool,
    typer.Option(
        "--fallback",
        help="Where the assessment has no estimate for a technique, use the default "
        "assessment's, or where it has none the first that has one (marked in every output), "
        "instead of failing.",
    ),
]
ReferenceOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--reference",
        "-r",
        metavar="<ID>",
        help="Reference to compare with (repeatable) [default: unep; with --from/--to also "
        "the cumulative ones]. `nbscdr references` lists them.",
        show_default=False,
        autocompletion=complete_reference,
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
        autocompletion=complete_assessment,
    ),
]
ChartOutputOpt = Annotated[
    str | None,
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
        help="With --format iamc and no --from/--to: the year whose column holds the figures "
        "(required: the C2G figures are undated, so you say which year they stand for).",
        show_default=False,
    ),
]
TableOpt = Annotated[
    Table | None,
    typer.Option(
        "--table",
        help="With --format csv, which table the file holds: entries (default; one row per "
        "entry and a total row), statistics (with --samples or --method convolution: one row "
        "per statistic of each total) or years (with --from/--to: one row per entry and year).",
        case_sensitive=False,
        show_default=False,
    ),
]
NotesOpt = Annotated[
    Notes | None,
    typer.Option(
        "--notes",
        help="Notes under the tables: essential (default: what a reader needs not to misquote "
        "a figure, each tied to its cell by a footnote marker), all (every note, in full) or none. "
        "JSON keeps every note, each saying whether it is essential.",
        case_sensitive=False,
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
