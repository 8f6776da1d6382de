"""Translations: English in the code, every other language in a gettext catalog.

Every sentence, label and heading nbscdr prints is written in English where it
is used, in one call that also names the language: ``_("Total", lang)``, or with
fields, ``_("{names}: up to", lang, names=...)``. ``p_`` adds a context where one
English text needs two translations (``p_("technique", "Scope", lang)``), and
``N_`` marks a text that is chosen first and translated later.

The Chinese catalog is ``locale/zh/LC_MESSAGES/nbscdr.po``, the format every
translation tool reads; ``nbscdr.mo`` beside it is compiled from it with Babel
(``pybabel compile``) and shipped in the package, so an installed nbscdr needs no
build step. ``pybabel extract`` finds the messages by these three names (see
``tests/architecture/test_translations.py``, which keeps code and catalog in
step). English needs no catalog: the catalog is read only when a run asks for
another language.

How lists are joined is grammar, not vocabulary, and stays here too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "nbscdr"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


@cache
def _catalog(lang: str) -> Any:
    """The compiled catalog of ``lang``; a missing one is a broken install."""
    import gettext

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])


def _(message: str, lang: str, /, **fields: object) -> str:
    """``message`` in ``lang`` ("en": as written), with ``fields`` filled in;
    Chinese set by its typography rules (``typography.typeset_zh``)."""
    if lang == "en":
        return message.format(**fields) if fields else message
    message = _catalog(lang).gettext(message)
    return _typeset(message.format(**fields) if fields else message, lang)


def p_(context: str, message: str, lang: str, /, **fields: object) -> str:
    """``message`` in ``lang`` where its translation depends on ``context``."""
    if lang == "en":
        return message.format(**fields) if fields else message
    message = _catalog(lang).pgettext(context, message)
    return _typeset(message.format(**fields) if fields else message, lang)


def _typeset(text: str, lang: str) -> str:
    if lang != "zh":
        return text
    from nbscdr_cli.base.typography import typeset_zh

    return typeset_zh(text)


def N_(message: str) -> str:
    """``message`` itself: marks a text for the catalog that ``_`` translates later."""
    return message


def join_names(names: list[str] | tuple[str, ...], lang: str) -> str:
    """'a, b and c' in English; 'a、b、c' in Chinese."""
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def join_sentences(items: list[str] | tuple[str, ...], lang: str) -> str:
    """Whole sentences one after another: a space between them in English, none
    after a Chinese full stop."""
    return ("" if lang == "zh" else " ").join(items)


def join_clauses(items: list[str] | tuple[str, ...], lang: str) -> str:
    """Items that may hold lists of their own: 'a, b and c' in English; in
    Chinese 'a；b；c', as items listed after a colon are (顿号 stay inside the
    items, and 逗号 or 以及 between them would read as one run-on list)."""
    if lang != "zh" or len(items) <= 1:
        return join_names(items, lang)
    return "；".join(items)


def period_span(start: int, end: int, lang: str) -> str:
    """A period from the start of ``start`` to the start of ``end``, each
    language's way: English names the interval's ends ('2030–2050'); Chinese
    the calendar years it covers, joined by the 一字线 ('2030—2049', typography.md
    rule 1), since '2030—2050年' would read as including 2050."""
    if lang == "zh":
        return f"{start}—{end - 1}"
    return f"{start}–{end}"
