"""Words the library's documents and every renderer share: a unit as a reader
of each language writes it, and a citation as printed after a sentence."""

from __future__ import annotations

from nbscdr_cli.base.i18n import _, join_names


def citation(source: str, lang: str) -> str:
    """A citation as printed: in its original language, marked so in Chinese
    ("原文：IPCC (2022), ...")."""
    return _("{source}", lang, source=source)


def cited(source: str | None, lang: str) -> str:
    """' (IPCC (2022), ...)' after a sentence; nothing for no source."""
    return _(" ({text})", lang, text=citation(source, lang)) if source else ""


def unit_text(unit: str, lang: str) -> str:
    """A unit as a reader of ``lang`` writes it: 'Gt CO2/年' in Chinese."""
    if lang == "zh":
        for suffix in ("/yr", "/year", "/a"):
            if unit.endswith(suffix):
                return unit[: -len(suffix)] + "/年"
    return unit


def potential_name(potential: str, lang: str) -> str:
    """A kind of potential as a word in a sentence: 'technical', 'economic'."""
    names = {"technical": _("technical", lang), "economic": _("economic", lang)}
    return names.get(potential, potential)


def kind_name(kind: str, lang: str) -> str:
    """What a reference measures, as a phrase: 'a cumulative amount'."""
    names = {
        "potential": _("a potential", lang),
        "scenario": _("the CDR deployed in scenarios, not a potential", lang),
        "cumulative": _("a cumulative amount", lang),
        "mitigation": _("a mitigation potential that includes avoided emissions, not removals alone", lang),
    }
    return names.get(kind, kind)


def kind_label(kind: str, lang: str) -> str:
    """What a reference measures, as a table cell: 'cumulative amount'."""
    names = {
        "potential": _("potential", lang),
        "scenario": _("scenario deployment", lang),
        "cumulative": _("cumulative amount", lang),
        "mitigation": _("mitigation, incl. avoided emissions", lang),
    }
    return names.get(kind, kind)


def scope_name(scope: str, lang: str) -> str:
    """A scope (forests, wetlands, ...) in ``lang``; a scope of a user's own
    catalog as it is written."""
    names = {
        "forests": _("forests", lang),
        "wetlands": _("wetlands", lang),
        "soils": _("soils", lang),
        "biomass": _("biomass", lang),
        "ocean": _("ocean", lang),
    }
    return names.get(scope, scope)


def join_scopes(scopes: tuple[str, ...] | list[str], lang: str) -> str:
    """'forests, wetlands and soils' / '森林、湿地、土壤'."""
    return join_names([scope_name(s, lang) for s in scopes], lang)


def distribution_name(distribution: str, lang: str) -> str:
    """A distribution's name: 'uniform', 'PERT'."""
    names = {
        "uniform": _("uniform", lang),
        "triangular": _("triangular", lang),
        "pert": _("PERT", lang),
        "lognormal": _("lognormal", lang),
    }
    return names.get(distribution, distribution)
