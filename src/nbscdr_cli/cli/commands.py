"""The portfolio commands: ``portfolio``, ``compare``, ``chart`` and ``brief``,
each a thin wrapper over one library call: turn the options into a request
(``request``), call ``api``, render, write (``output``). Registered in
``registry``; shared options come as groups (``option_groups``).

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

from typing import Annotated

import typer

from nbscdr_cli.cli.option_groups import Display, Estimates, Period, Sampling, Source
from nbscdr_cli.cli.options import (
    ChartOutputOpt,
    CompareAssessmentOpt,
    CountriesOpt,
    DataOpt,
    FallbackOpt,
    FilesOpt,
    FormatOpt,
    LangOpt,
    NotesOpt,
    PortfolioFormatOpt,
    PotentialOpt,
    ReferenceOpt,
    RegionOpt,
    RegionsOpt,
    SpecsArg,
    TableOpt,
    TargetOpt,
    UnitOpt,
    YearOpt,
)
from nbscdr_cli.cli.registry import command
from nbscdr_cli.cli.request import catalog_file
from nbscdr_cli.cli.steps import analysed, deliver_to_stdout, emit, environment, notes_level, present, settle
from nbscdr_cli.model.enums import Format, PortfolioFormat, Potential


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
