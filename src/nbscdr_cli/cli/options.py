"""The command line's options, declared once, and their translation into a request.

Options that several commands share come in groups (``option_groups``); Tab
completion for their values is in ``completion``. ``request`` turns the options
into one ``api.Request``.

``FIELD_OPTIONS`` maps the request fields that library errors name to the
options a user types.

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

from typing import Annotated

import typer

from nbscdr_cli.cli.completion import (
    complete_assessment,
    complete_reference,
    complete_region,
    complete_technique,
)
from nbscdr_cli.model.enums import (
    Format,
    Lang,
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
        help="Output unit: any mass of CO2 or C per time, e.g. 'Mt C/yr'. C to CO2 by 44/12; a figure "
        "given in CO2e is added as it stands, with a note on what it counts [default: Gt CO2/yr; with "
        "--region other than World, Mt CO2/yr].",
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
        help="technical: each assessment's main figure, of the kind its source gives (AR6: "
        "biophysically possible; Fuss et al. and SR1.5: sustainable; C2G: not stated); economic: "
        "what is available below USD 100 per t CO2, where an assessment gives it: in the default "
        "catalog IPCC AR6 WGIII (-a ar6) for the world and Roe et al. (2021) by country (-a roe2021 "
        "with --region); an error names the assessments that give a technique one. AR6 gives central "
        "values (means; one median); nbscdr assumes they are the mode of triangular and PERT draws.",
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
