"""The commands of ``nbscdr``, each a thin wrapper over one library call: turn the
options into a request (``cli_request.py``), call ``api``, render, write.

Commands are registered here (``command``) and turned into click commands only
when invoked (``cli.py``). Shared options come as groups (``options.py``).

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer

from nbscdr_cli.cli.options import (
    AssessmentOpt,
    ChartOutputOpt,
    CompareAssessmentOpt,
    CountriesOpt,
    DataOpt,
    Display,
    Estimates,
    FallbackOpt,
    FilesOpt,
    FormatOpt,
    LangOpt,
    NotesOpt,
    Period,
    PortfolioFormatOpt,
    PotentialOpt,
    ReferenceOpt,
    RegionOpt,
    RegionsOpt,
    Sampling,
    Source,
    SpecsArg,
    TableOpt,
    TargetOpt,
    UnitOpt,
    YearOpt,
    complete_technique,
)
from nbscdr_cli.model.enums import Format, PortfolioFormat, Potential

COMMANDS: dict[str, Callable[..., None]] = {}
EXAMPLES: dict[str, tuple[str, ...]] = {}  # the end of each command's help; tests run them


def command(name: str, *examples: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command function under ``name`` (in help order), with the
    example command lines its help ends with."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name] = function
        EXAMPLES[name] = examples
        return function

    return register


# ------------------------------------------------------------------------ helpers


def environment(display: Display) -> Any:
    """The terminal facts for this run; a file output is never a terminal."""
    from nbscdr_cli.render.environment import Environment

    env = Environment.from_system()
    return env if deliver_to_stdout(display) else env.for_file()


def deliver_to_stdout(display: Display) -> bool:
    return display.output is None or str(display.output) == "-"


def catalog_file(data: str | None) -> str:
    """The catalog file the run reads, however it was named: --data (here or
    before the command), else NBSCDR_DATA, else the built-in one."""
    from nbscdr_cli.base.locations import resolve_path
    from nbscdr_cli.cli.root import data as data_path

    return str(resolve_path(data_path(data)))


def settle(display: Display, fmt: Any, formats: Any, *inputs: str | None, need_suffix: bool = False) -> str:
    """Before any work: refuse an --output that cannot be written (a folder, a
    missing folder, a file the run reads: ``inputs``, and the font file
    NBSCDR_FONT names), and settle the format (-f, else the output file's
    extension, else the first of ``formats``)."""
    import os

    from nbscdr_cli.cli.output import check_output_path, output_format

    if not deliver_to_stdout(display):
        assert display.output is not None
        read = (*inputs, os.environ.get("NBSCDR_FONT"))
        check_output_path(display.output, tuple(p for p in read if p and p != "-"))
    formats = [str(f) for f in formats]
    return output_format(None if fmt is None else str(fmt), display.output, formats, need_suffix=need_suffix)


def emit(display: Display, payload: str | bytes, warnings: Sequence[str] = ()) -> None:
    """Write the rendered result where --output says (stdout by default), and any
    warnings the renderer had for the user on stderr."""
    from nbscdr_cli.cli.interrupts import check
    from nbscdr_cli.cli.output import report, write_output, write_stdout

    check()  # a stop lost in a finalizer: nothing is written after it
    for warning in warnings:
        report(f"warning: {warning}")
    if deliver_to_stdout(display):
        write_stdout(payload)
    else:
        assert display.output is not None
        write_output(display.output, payload)


def notes_level(notes: Any, fmt: str) -> str:
    """Which notes the output prints (--notes; essential by default), checked
    before any work: only the table and Markdown formats choose."""
    from nbscdr_cli.model.errors import UsageError

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


# ------------------------------------------------------------------------ commands


@command(
    "list",
    "nbscdr list",
    "nbscdr list -a ar6 --potential economic",
    "nbscdr list --region CHN --potential economic",
)
def list_(
    *,
    assessment: AssessmentOpt = None,
    potential: PotentialOpt = Potential.technical,
    region: RegionOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    display: Display,
) -> None:
    """List the techniques: id, name, range with unit, scope and readiness."""
    from nbscdr_cli.api.catalog_documents import catalog_document
    from nbscdr_cli.api.request import Request, catalog_and_geography
    from nbscdr_cli.cli.root import data as data_path

    fmt_ = settle(display, fmt, Format, catalog_file(data))
    catalog, geography = catalog_and_geography(
        Request(catalog=data_path(data), assessment=assessment, potential=potential, region=region)
    )
    present(display, "catalog", catalog_document(catalog, geography), fmt_)


@command(
    "assessments",
    "nbscdr assessments",
    "nbscdr assessments -f json",
)
def assessments(*, data: DataOpt = None, fmt: FormatOpt = None, display: Display) -> None:
    """List the assessments whose estimates the catalog holds, with their citations."""
    from nbscdr_cli.api.catalog_documents import assessments_document
    from nbscdr_cli.api.request import Request, catalog_of
    from nbscdr_cli.cli.root import data as data_path

    fmt_ = settle(display, fmt, Format, catalog_file(data))
    present(display, "assessments", assessments_document(catalog_of(Request(catalog=data_path(data)))), fmt_)


@command(
    "references",
    "nbscdr references",
    "nbscdr references --lang zh -f markdown",
)
def references(*, data: DataOpt = None, fmt: FormatOpt = None, display: Display) -> None:
    """List the references a portfolio is compared with: what each measures, its
    range, scope and source."""
    from nbscdr_cli.api.catalog_documents import references_document
    from nbscdr_cli.api.request import Request, catalog_of
    from nbscdr_cli.cli.root import data as data_path

    fmt_ = settle(display, fmt, Format, catalog_file(data))
    present(display, "references", references_document(catalog_of(Request(catalog=data_path(data)))), fmt_)


@command(
    "show",
    "nbscdr show biochar",
    "nbscdr show 生物炭 -a ar6",
    "nbscdr show afforestation --region 中国",
)
def show(
    technique: Annotated[
        str,
        typer.Argument(
            metavar="TECH", help="Id, alias, or English or Chinese name.", autocompletion=complete_technique
        ),
    ],
    *,
    assessment: AssessmentOpt = None,
    potential: PotentialOpt = Potential.technical,
    region: RegionOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    display: Display,
) -> None:
    """Show one technique whole: range, readiness, governance challenges, scope,
    storage durability, source, and every assessment's estimate.

    Any technique can be shown: where the assessment (-a) has no estimate for it,
    its range is the default assessment's (or the first that has one), marked. With
    --region, its range is Roe et al. (2021)'s for that country or region.
    """
    from nbscdr_cli.api.request import Request
    from nbscdr_cli.api.technique_view import technique_view
    from nbscdr_cli.cli.root import data as data_path

    fmt_ = settle(display, fmt, Format, catalog_file(data))
    request = Request(catalog=data_path(data), assessment=assessment, potential=potential, region=region)
    document = technique_view(request, technique, where=f"argument {technique!r}")
    present(display, "technique", document, fmt_)


@command(
    "portfolio",
    "nbscdr portfolio afforestation biochar soil-carbon wetlands",
    "nbscdr portfolio afforestation soil-carbon --from 2030 --to 2050 -f iamc -o scenarios.csv",
    "nbscdr portfolio afforestation biochar soil-carbon agroforestry --region CHN --potential economic",
)
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
    table: TableOpt = None,
    notes: NotesOpt = None,
    unit: UnitOpt = None,
    countries: CountriesOpt = False,
    display: Display,
) -> None:
    """Sum the removal potential of a portfolio and compare it with references.

    Totals add every low and every high. An entry whose source gives only "up to"
    counts 0 as its low and is flagged. CO2e counts as CO2; C converts to CO2 by 44/12.
    With --samples, a Monte Carlo gives the mean, percentiles and the chance of
    reaching each reference and --target. With --from/--to, the cumulative removal
    over the period and what is still stored at its end (in a mass unit: --unit
    may be 'Gt CO2'). With --region, Roe et al. (2021)'s figures for a country or
    region, in Mt CO2/yr, with the land each measure needs. Notes follow as
    footnotes, their markers in the cells they qualify: the essential ones (--notes
    all for every one, --notes none for none). --format csv writes one table
    (--table entries, statistics or years). --format iamc writes the IAMC scenario
    CSV (Mt CO2/yr, one scenario per bound; with --from 2030 --to 2050 a column for
    each year 2030 to 2050, else --year).
    """
    from nbscdr_cli.api.analysis import portfolio_output
    from nbscdr_cli.cli.request import csv_table, portfolio_unit

    fmt_ = settle(display, fmt, PortfolioFormat, catalog_file(estimates.data), source.file)
    groups = (source, estimates, sampling, period)
    unit = portfolio_unit(unit, fmt_, year, period)
    kind = csv_table(table, fmt_, sampling, period)
    level = notes_level(notes, fmt_)
    options = {"references": reference, "target": target, "unit": unit, "iamc": fmt_ == "iamc", "fmt": fmt_}
    analysis = analysed(specs, display, *groups, **options, countries=countries)
    present(display, *portfolio_output(analysis, fmt_, year, kind), fmt_, level)


@command(
    "compare",
    "nbscdr compare afforestation biochar soil-carbon",
    "nbscdr compare afforestation biochar soil-carbon -a c2g2019,ar6 -f markdown",
    "nbscdr compare afforestation biochar soil-carbon agroforestry --regions CHN,IND,BRA,USA,IDN --potential economic",
)
def compare(
    specs: SpecsArg = None,
    *,
    files: FilesOpt = None,
    assessment: CompareAssessmentOpt = None,
    regions: RegionsOpt = None,
    potential: PotentialOpt = Potential.technical,
    fallback: FallbackOpt = False,
    region: RegionOpt = None,
    data: DataOpt = None,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    target: TargetOpt = None,
    period: Period,
    fmt: FormatOpt = None,
    notes: NotesOpt = None,
    unit: UnitOpt = None,
    display: Display,
) -> None:
    """Totals side by side: one portfolio (SPEC...) under several assessments, or
    several portfolio files (--file a.toml --file b.toml) under one assessment, or
    one portfolio in several countries or regions (--regions CHN,IND,World).

    An assessment with no estimate for one of the techniques shows no totals and
    names the technique, unless --fallback uses the default assessment's estimate.
    """
    from nbscdr_cli.api.comparison import compare as run
    from nbscdr_cli.cli.request import portfolio_files, request, split_ids

    fmt_ = settle(display, fmt, Format, catalog_file(data), *(files or []))
    level = notes_level(notes, fmt_)
    groups = (Estimates(None, potential, fallback, data, region), sampling, period)
    req = request(specs, display, *groups, references=reference, target=target, unit=unit, fmt=fmt_)
    result = run(
        req,
        assessments=split_ids(assessment),
        portfolios=portfolio_files(files),
        regions=split_ids(regions),
    )
    present(display, "compare", result.to_dict(), fmt_, level)


@command(
    "chart",
    "nbscdr chart afforestation biochar soil-carbon wetlands",
    "nbscdr chart afforestation biochar soil-carbon -n 1e4 --seed 1 -o chart.svg",
    "nbscdr chart afforestation soil-carbon agroforestry --region IND --potential economic -o india.png",
)
def chart(
    specs: SpecsArg = None,
    *,
    source: Source,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    estimates: Estimates,
    unit: UnitOpt = None,
    lang: LangOpt = None,
    output: ChartOutputOpt = None,
) -> None:
    """Chart a portfolio: low-high bars per technique, for the total, and for each
    reference right under the subtotal of the entries in its scope.

    Without --output, the bars are drawn in the terminal. Chinese labels (--lang zh)
    need a font with Chinese glyphs (installed, or the file NBSCDR_FONT names);
    without one the whole chart is drawn in English, and a warning says so.
    """
    from nbscdr_cli.render.chart import CHART_FORMATS, render_chart

    display = Display(lang, output)
    inputs = (catalog_file(estimates.data), source.file)
    fmt_ = (
        "text"
        if deliver_to_stdout(display)
        else settle(display, None, CHART_FORMATS, *inputs, need_suffix=True)
    )
    analysis = analysed(specs, display, source, estimates, sampling, references=reference, unit=unit)
    emit(display, *render_chart(analysis, fmt_, environment(display)))


@command(
    "brief",
    "nbscdr brief afforestation biochar soil-carbon wetlands",
    "nbscdr brief afforestation biochar soil-carbon -n 1e4 --seed 1 --from 2030 --to 2050 -o brief.html",
    "nbscdr brief afforestation biochar soil-carbon --region 中国 --potential economic --lang zh",
)
def brief(
    specs: SpecsArg = None,
    *,
    source: Source,
    reference: ReferenceOpt = None,
    sampling: Sampling,
    target: TargetOpt = None,
    period: Period,
    estimates: Estimates,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail", help="Add a section per technique, every assessment and the full source list."
        ),
    ] = False,
    unit: UnitOpt = None,
    display: Display,
) -> None:
    """Write a briefing on a portfolio, in English or Chinese: one printed page of
    Markdown, or with -o brief.html a self-contained HTML page with the chart.

    It opens with a bottom line a reader can quote, then the portfolio, the
    comparison with each reference in its scope, the caveats, the decisions
    needed, who is involved, and numbered sources for every figure.
    """
    from nbscdr_cli.cli.request import command_line
    from nbscdr_cli.render.brief import BRIEF_FORMATS, render_brief

    fmt_ = settle(display, None, BRIEF_FORMATS, catalog_file(estimates.data), source.file)
    groups = (source, estimates, sampling, period)
    analysis = analysed(specs, display, *groups, references=reference, target=target, unit=unit)
    emit(display, *render_brief(analysis, fmt_, detail=detail, command=command_line(analysis)))


@command(
    "convert",
    "nbscdr convert '1 Gt C/yr' --to 'Mt CO2/yr'",
    "nbscdr convert '500 Mt CO2' --to 'Gt C'",
)
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
    from nbscdr_cli.api.documents import conversion_document
    from nbscdr_cli.model.units import convert as convert_value
    from nbscdr_cli.model.units import parse_quantity, parse_unit

    fmt_ = settle(display, fmt, Format)
    value, source = parse_quantity(quantity, where="QUANTITY")
    target = parse_unit(to, kind=source.kind, where="--to")
    present(
        display,
        "conversion",
        conversion_document(convert_value(value, source, target, where="--to"), target),
        fmt_,
    )
