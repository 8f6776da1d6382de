"""The commands about countries and regions: ``rank`` (countries or AR6 regions by a
portfolio's potential, as a table or a chart) and ``regions`` (what can be given to
--region). Registered with the others (``registry.command``); like them, each is a
thin wrapper over one library call.

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

from typing import Annotated

import typer

from nbscdr_cli.cli.option_groups import Display, Source
from nbscdr_cli.cli.options import (
    DataOpt,
    FormatOpt,
    PotentialOpt,
    RegionOpt,
    SpecsArg,
    UnitOpt,
)
from nbscdr_cli.cli.registry import command
from nbscdr_cli.cli.request import catalog_file
from nbscdr_cli.cli.steps import emit, environment, present, settle
from nbscdr_cli.model.enums import Format, Potential, RankBy

ByOpt = Annotated[
    RankBy | None,
    typer.Option(
        "--by",
        help="Rank countries (the default) or the regions of an AR6 grouping of Roe et al. (2021)'s "
        "SI: region_ar6_5, region_ar6_10, region_ar6_22 or region_ar6_dev.",
        case_sensitive=False,
        show_default=False,
    ),
]
TopOpt = Annotated[
    int | None,
    typer.Option("--top", metavar="<N>", help="Only the first N [default: all].", show_default=False),
]
RankAssessmentOpt = Annotated[
    str | None,
    typer.Option(
        "--assessment",
        "-a",
        metavar="<ID>",
        help="Whose figures: roe2021, Roe et al. (2021), the only assessment with figures by country "
        "[default: roe2021].",
        show_default=False,
    ),
]
RANK_FORMATS = (*(str(f) for f in Format), "png", "svg", "pdf")


@command(
    "rank",
    "nbscdr rank afforestation --potential economic --top 10",
    "nbscdr rank afforestation --potential economic --by region_ar6_5",
    "nbscdr rank afforestation biochar soil-carbon --region 'Africa and Middle East' -o rank.png",
)
def rank(
    specs: SpecsArg = None,
    *,
    source: Source,
    potential: PotentialOpt = Potential.technical,
    assessment: RankAssessmentOpt = None,
    region: RegionOpt = None,
    by: ByOpt = None,
    top: TopOpt = None,
    unit: UnitOpt = None,
    data: DataOpt = None,
    fmt: FormatOpt = None,
    display: Display,
) -> None:
    """Rank countries or AR6 regions by a portfolio's potential: Roe et al. (2021)'s figures,
    largest central value first, as a table or (-o rank.png, .svg, .pdf) a chart.

    Each row is the portfolio's total there, with its low-high range; with --by
    region_ar6_5, IPCC AR6's regional A/R figures (section 7.4.2.2) beside the regions.
    """
    from nbscdr_cli.api.ranking import rank as run
    from nbscdr_cli.cli.option_groups import Estimates
    from nbscdr_cli.cli.request import request

    fmt_ = settle(display, fmt, RANK_FORMATS, catalog_file(data), source.file)
    estimates = Estimates(assessment, potential, False, data, region)
    req = request(specs, display, source, estimates, unit=unit, fmt=fmt_)
    ranking = run(req, by=None if by is None else by.value, top=top)
    if fmt_ in ("png", "svg", "pdf"):
        from nbscdr_cli.render.rank_chart import render_rank_chart

        emit(display, *render_rank_chart(ranking.to_dict(), fmt_, req.lang, environment(display)))
        return
    present(display, "rank", ranking.to_dict(), fmt_)


@command(
    "regions",
    "nbscdr regions",
    "nbscdr regions --by country -f csv",
    "nbscdr regions --by region_ar6_10 --lang zh",
)
def regions(
    *,
    by: ByOpt = None,
    fmt: FormatOpt = None,
    display: Display,
) -> None:
    """List what --region takes: the AR6 regions of Roe et al. (2021)'s SI with their
    number of countries, or (--by country) every country with its ISO3 code, names and regions."""
    from nbscdr_cli.api.region_documents import regions_document

    fmt_ = settle(display, fmt, Format)
    present(display, "regions", regions_document(None if by is None else by.value), fmt_)
