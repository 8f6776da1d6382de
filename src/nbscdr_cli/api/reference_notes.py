"""How a reference reads in a note: its name, what it is (range, kind, what it
measures), and its scope (which entries it is compared with, and the whole
portfolio labelled with the entries it leaves out).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nbscdr_cli.api.wording import join_scopes, kind_name, unit_text
from nbscdr_cli.base.i18n import _, join_names
from nbscdr_cli.base.numbers import CAP, formatter, rounded, span

if TYPE_CHECKING:
    from nbscdr_cli.model.catalog import Reference


def reference_name(r: Reference, lang: str) -> str:
    """A reference's name in ``lang``, or its id where it has none."""
    return r.name.get(lang) if r.name else r.id


def reference_text(r: Reference, unit: str, c_doc: dict[str, Any], lang: str) -> str:
    """'UNEP estimate for ... (4–12 Gt CO2/yr) is a potential: removal potential ...'."""
    show = formatter(c_doc["as_given"], c_doc.get("significant_figures", CAP))
    measures = r.measures.get(lang) if r.measures else ""
    return _(
        "{ref}, {range} {unit}, is {kind}: {measures}.",
        lang,
        ref=reference_name(r, lang),
        range=span(c_doc["low"], c_doc["high"], show),
        unit=unit_text(r.unit if c_doc["as_given"] else unit, lang),
        kind=kind_name(r.kind, lang),
        measures=measures,
    )


def scope_text(c_doc: dict[str, Any], doc: dict[str, Any], named: Any, lang: str) -> str:
    """Which entries a scoped reference is compared with, and the whole
    portfolio, labelled with the entries it leaves out."""
    scope = join_scopes(c_doc["scope"], lang) if c_doc["scope"] else named(c_doc["techniques"])
    ref = c_doc["name"].get(lang) if c_doc["name"] else c_doc["reference"]
    inside = c_doc["in_scope"]
    if not inside["techniques"]:
        return _(
            "{ref} covers {scope} only, and no entry is in its scope: there is nothing to compare with it.",
            lang,
            ref=ref,
            scope=scope,
        )
    if not c_doc["out_of_scope"]:
        return _("{ref} covers {scope}: every entry is in its scope.", lang, ref=ref, scope=scope)
    total = doc["total"]
    return _(
        "{ref} covers {scope} only, so it is compared with {inside} ({subtotal} {unit}); with {outside}, which it does not cover, the whole portfolio is {total} {unit}.",
        lang,
        ref=ref,
        scope=scope,
        inside=named(inside["techniques"]),
        subtotal=span(inside["low"], inside["high"], rounded(inside.get("significant_figures", CAP))),
        outside=named(c_doc["out_of_scope"]),
        total=span(total["low"], total["high"], rounded(total.get("significant_figures", CAP))),
        unit=unit_text(doc["unit"], lang),
    )


def compare_scope_text(c: dict[str, Any], names: dict[str, str], lang: str) -> str:
    """'UNEP estimate covers forests, wetlands and soils only: it is compared with
    A and B, and leaves out C.'"""
    inside = join_names([names[i] for i in c["in_scope"]["techniques"]], lang)
    if not c["out_of_scope"]:
        return _(
            "{ref}: every entry is in its scope.",
            lang,
            ref=c["name"].get(lang) if c["name"] else c["reference"],
        )
    scope = (
        join_scopes(c["scope"], lang)
        if c["scope"]
        else join_names([names.get(i, i) for i in c["techniques"]], lang)
    )
    return _(
        "{ref} covers {scope} only: it is compared with {inside}, leaving out {outside}.",
        lang,
        ref=c["name"].get(lang) if c["name"] else c["reference"],
        scope=scope,
        inside=inside,
        outside=join_names([names[i] for i in c["out_of_scope"]], lang),
    )
