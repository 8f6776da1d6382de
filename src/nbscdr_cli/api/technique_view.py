"""One technique whole, as `nbscdr show` gives it: under an assessment, or for a country
or region (Roe et al. (2021)'s figure for it there)."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.request import Request, catalog_and_geography


def technique_view(request: Request, query: str, *, where: str | None = None) -> dict[str, Any]:
    """The document of the technique ``query`` names (id, alias, English or Chinese
    name) under ``request``'s assessment and potential. Any technique can be shown: where
    the assessment has no estimate for it, the default assessment's stands in, marked;
    for a region, no global figure stands in: a technique without a figure there fails."""
    from nbscdr_cli.api.catalog_documents import technique_document
    from nbscdr_cli.api.regional import wants_region

    regional = wants_region(request.region, request.assessment)
    catalog, geography = catalog_and_geography(request._replace(fallback=not regional))
    found = catalog.find(query, where=where)
    document = technique_document(found, catalog.overlaps, catalog.assessments, catalog.all_techniques)
    if geography is not None:
        from nbscdr_cli.api.region_documents import region_summary

        document["region"] = region_summary(geography.region, geography.names_source)
    return document
