"""The `references` listing as a table: what each reference measures, the kind of
potential it is, what it is compared with and whether a run compares with it when
no -r is given."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.api.wording import citation, kind_label, potential_name, scope_name, unit_text
from nbscdr_cli.base.i18n import _
from nbscdr_cli.base.numbers import given, span
from nbscdr_cli.render.catalog_tables import typeset_grid
from nbscdr_cli.render.tables import Grid
from nbscdr_cli.render.text import entry_label


def references_grid(doc: dict[str, Any], lang: str) -> Grid:
    rows = []
    for r in doc["references"]:
        measures = (r["measures"] or {}).get(lang, "") if r["measures"] else ""
        rows.append(
            [
                r["id"],
                (r["name"] or {}).get(lang, r["id"]) if r["name"] else r["id"],
                reference_kind(r, lang),
                f"{span(r['low'], r['high'], given)} {unit_text(r['unit'], lang)}",
                reference_scope(r, lang, doc.get("technique_names", {})),
                _default_text(r, lang),
                measures,
                citation(r["source"], lang) if r["source"] else "",
            ]
        )
    header = [
        _("Id", lang),
        _("Name", lang),
        _("Kind", lang),
        _("Range", lang),
        _("Scope", lang),
        _("Default", lang),
        _("Measures", lang),
        _("Source", lang),
    ]
    return typeset_grid(Grid("", header, rows, [False] * 8), lang)


def reference_kind(r: dict[str, Any], lang: str) -> str:
    """What a reference measures with the kind of potential it is, where it is one:
    'potential (economic)', 'potential (kind not stated)' (UNEP's, as the C2G brief
    gives it), 'mitigation, incl. avoided emissions (economic)'."""
    kind = kind_label(r["kind"], lang)
    if r.get("potential"):
        return _("{kind} ({potential})", lang, kind=kind, potential=potential_name(r["potential"], lang))
    if r["kind"] == "potential":
        return _("{kind} ({potential})", lang, kind=kind, potential=_("kind not stated", lang))
    return kind


def reference_scope(r: dict[str, Any], lang: str, names: dict[str, Any]) -> str:
    """What a reference is compared with: its techniques' scopes, or the techniques
    it covers (as a table row names them), and the region it is for
    ('Afforestation and reforestation (afforestation), only in Africa and Middle
    East (AR6, 5 regions)'; JSON and CSV give the code --region takes)."""
    if r.get("techniques"):
        scope = _(", ", lang).join(
            entry_label(names[t].get(lang) or names[t]["en"], t, lang) if t in names else t
            for t in r["techniques"]
        )
    else:
        scope = _(", ", lang).join(scope_name(s, lang) for s in r["scope"]) or _("every technique", lang)
    if r.get("region"):
        region = (r.get("region_name") or {}).get(lang) or r["region"]
        return _("{scope}, only in {region}", lang, scope=scope, region=region)
    return scope


def _default_text(r: dict[str, Any], lang: str) -> str:
    """Whether a run compares with the reference when no -r is given, as runs do."""
    if not r["default"]:
        return _("no: asked for with -r", lang)
    if r.get("region"):
        return _("yes, for a portfolio in its region, of its potential", lang)
    if r["kind"] == "cumulative":  # over its own years only (api.geography_scope)
        return _("yes, with --from/--to over its own years", lang)
    return _("yes", lang)
