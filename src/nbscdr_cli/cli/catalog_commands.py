"""The commands about the catalog itself: ``list``, ``assessments``,
``references``, ``show`` and ``convert``. Registered in ``registry``; like every
command, each is a thin wrapper over one library call.

No ``from __future__ import annotations`` here: typer reads these annotations at
every start, and real objects spare it evaluating strings.
"""

from typing import Annotated

import typer

from nbscdr_cli.cli.completion import complete_technique
from nbscdr_cli.cli.option_groups import Display
from nbscdr_cli.cli.options import AssessmentOpt, DataOpt, FormatOpt, PotentialOpt, RegionOpt
from nbscdr_cli.cli.registry import command
from nbscdr_cli.cli.request import catalog_file
from nbscdr_cli.cli.steps import present, settle
from nbscdr_cli.model.enums import Format, Potential


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
