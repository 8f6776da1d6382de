"""The texts of a catalog and where they come from: a text in English and
Chinese, an exact quotation with its section, a line resting on quotations, a
sourced remark. ``NBSCDR`` as a source marks nbscdr's own summary or reading.

Value types are typing.NamedTuple (see ``catalog.py`` for why)."""

from __future__ import annotations

from typing import NamedTuple


class LocalText(NamedTuple):
    """A text in English and (optionally) Chinese."""

    en: str
    zh: str | None = None

    def get(self, lang: str) -> str:
        return (self.zh or self.en) if lang == "zh" else self.en

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh} if self.zh else {"en": self.en}


NBSCDR = "nbscdr"  # the source of a line that is nbscdr's own summary or reading


class Quote(NamedTuple):
    """An exact quotation: ``text`` in the source's own language (``lang``), with
    the document (``source``, a citation's opening: "IPCC (2022), AR6 WGIII")
    and the ``section`` it comes from; ``translation`` is nbscdr's rendering into
    the other language, shown marked as a translation."""

    id: str
    source: str
    section: str
    lang: str
    text: str
    translation: str | None = None


class Statement(NamedTuple):
    """A line of text (a readiness, a description) with its source, where the
    data gives one, and the quotations it rests on. Reads like a ``LocalText``."""

    text: LocalText
    source: str | None = None
    quotes: tuple[Quote, ...] = ()

    def get(self, lang: str) -> str:
        return self.text.get(lang)

    def as_dict(self) -> dict[str, str]:
        return self.text.as_dict()


class Note(NamedTuple):
    """A sourced remark that must travel with a figure wherever it is shown
    (``source`` ``NBSCDR``: nbscdr's own reading, resting on ``quotes``)."""

    text: LocalText
    source: str
    quotes: tuple[Quote, ...] = ()
