"""Words the library's documents and every renderer share: a unit as a reader
of each language writes it, and a citation as printed after a sentence."""

from __future__ import annotations

from nbscdr_cli.base.i18n import text


def citation(source: str, lang: str) -> str:
    """A citation as printed: in its original language, marked so in Chinese
    ("原文：IPCC (2022), ...")."""
    return text("original", lang, source=source)


def cited(source: str | None, lang: str) -> str:
    """' (IPCC (2022), ...)' after a sentence; nothing for no source."""
    return text("paren", lang, text=citation(source, lang)) if source else ""


def unit_text(unit: str, lang: str) -> str:
    """A unit as a reader of ``lang`` writes it: 'Gt CO2/年' in Chinese."""
    if lang == "zh":
        for suffix in ("/yr", "/year", "/a"):
            if unit.endswith(suffix):
                return unit[: -len(suffix)] + "/年"
    return unit
