"""The checks every part of a data file is made of: keys, strings, bilingual
texts, numbers, ranges with units, sourced notes. Each failure names the file and
the key path, and says what is accepted."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from nbscdr_cli.base.user_text import clean
from nbscdr_cli.model.catalog import ID_PATTERN, RemovalRange
from nbscdr_cli.model.errors import DataError, InputError, cut, cut_middle
from nbscdr_cli.model.names import did_you_mean
from nbscdr_cli.model.sources import LocalText, Note, Quote, Statement

MAX_KEY_PATH = 120  # a key path quoted in a message, cut in the middle beyond this

NOTE_KEYS = {"en", "zh", "source", "quotes"}
QUOTE_KEYS = {"source", "section", "lang", "text", "translation"}
QUOTE_LANGS = ("en", "zh")


class Checker:
    """Checks one document, naming the file and key path in every message."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.quotations: dict[str, Quote] = {}  # the document's [quotes], by id

    def identifier(self, value: str, key: str) -> None:
        if not ID_PATTERN.fullmatch(value):
            raise self.fail(key, "ids are lower-case letters, digits and '-'")

    def fail(self, key: str, message: str) -> DataError:
        # Key paths hold the file's own keys, which may be of any length.
        return DataError(f"{cut_middle(key, MAX_KEY_PATH)}: {message}" if key else message, where=self.source)

    def keys(self, body: Mapping[str, Any], allowed: set[str], key: str) -> None:
        for name in body:
            if name not in allowed:
                hint = did_you_mean(str(name), allowed)
                known = ", ".join(sorted(allowed))
                where = f"{key}.{name}" if key else str(name)
                raise self.fail(where, f"unknown key{hint}; known keys: {known}")

    def table(self, value: Any, key: str, *, required: bool) -> dict[str, Any]:
        if value is None:
            if required:
                raise self.fail(key, "missing table")
            return {}
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table, not {_type(value)}")
        return value

    def text(self, value: Any, key: str) -> str:
        """A free text (a name, a source, a caveat), cleaned as nbscdr keeps user
        text (``base.user_text``): valid Unicode, one line, controls shown."""
        if not isinstance(value, str):
            raise self.fail(key, f"must be a string, not {_type(value)}")
        cleaned = clean(value).strip()  # cleaned first: a control character is shown, not stripped
        if not cleaned:
            raise self.fail(key, "must not be empty")
        return cleaned

    def boolean(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false, not {_type(value)}")
        return value

    def number(self, value: Any, key: str, *, negative: bool = False) -> float:
        """A finite number; 0 or more unless ``negative`` (costs may be below 0)."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, f"must be a number, not {_type(value)}")
        try:
            number = float(value)
        except OverflowError:
            raise self.fail(key, "is too large") from None
        if not math.isfinite(number):
            raise self.fail(key, f"must be a finite number, not {cut(str(value))}")
        if number < 0 and not negative:
            raise self.fail(key, f"{cut(str(value))} is negative; removals are 0 or more")
        return number

    def local(self, value: Any, key: str) -> LocalText:
        if isinstance(value, str):
            return LocalText(self.text(value, key))
        if not isinstance(value, dict):
            raise self.fail(key, f"must be a table {{ en = ..., zh = ... }}, not {_type(value)}")
        self.keys(value, {"en", "zh"}, key)
        if "en" not in value:
            raise self.fail(f"{key}.en", "missing (English text is required)")
        zh = value.get("zh")
        return LocalText(
            self.text(value["en"], f"{key}.en"), None if zh is None else self.text(zh, f"{key}.zh")
        )

    def strings(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of strings, not {_type(value)}")
        return tuple(self.text(item, f"{key}[{i}]") for i, item in enumerate(value))

    def range(self, body: Mapping[str, Any], key: str) -> tuple[RemovalRange, str, float]:
        """low (optional: "up to"), high, central (optional) and unit, in canonical units."""
        from nbscdr_cli.model.units import parse_unit

        if "high" not in body:
            raise self.fail(f"{key}.high", "missing (the upper end of the range is required)")
        if "unit" not in body:
            raise self.fail(f"{key}.unit", 'missing; e.g. unit = "Gt CO2/yr"')
        unit_text = self.text(body["unit"], f"{key}.unit")
        kind = body.get("kind") if key.startswith("references.") else None
        try:
            unit = parse_unit(unit_text, kind="mass" if kind == "cumulative" else "rate")
        except InputError as exc:
            raise self.fail(f"{key}.unit", exc.message) from None
        high = self.number(body["high"], f"{key}.high") * unit.factor
        low = None
        if "low" in body:
            low = self.number(body["low"], f"{key}.low") * unit.factor
            if low > high:
                raise self.fail(f"{key}.low", f"{body['low']} is above high {body['high']}")
        if not math.isfinite(high):
            raise self.fail(f"{key}.high", "is too large in canonical units")
        central = None
        if "central" in body:
            central = self.number(body["central"], f"{key}.central") * unit.factor
            if not (low or 0.0) <= central <= high:
                raise self.fail(f"{key}.central", f"{body['central']} is outside the low–high range")
        return RemovalRange(low, high, central), unit.text, unit.factor

    def note(self, value: Any, key: str) -> Note:
        """{ en = "...", zh = "...", source = "...", quotes = [...] }: a remark,
        its source ("nbscdr" for nbscdr's own reading) and the quotations it rests on."""
        if not isinstance(value, dict):
            raise self.fail(
                key, f"must be a table {{ en = ..., zh = ..., source = ... }}, not {_type(value)}"
            )
        self.keys(value, NOTE_KEYS, key)
        if "source" not in value:
            raise self.fail(f"{key}.source", "missing (every note needs its source)")
        text = self.local({k: v for k, v in value.items() if k in ("en", "zh")}, key)
        return Note(text, self.text(value["source"], f"{key}.source"), self.quoted(value, key))

    def statement(self, value: Any, key: str) -> Statement:
        """A text ("..." or { en, zh }) with, optionally, its source and quotations."""
        if not isinstance(value, dict):
            return Statement(self.local(value, key))
        self.keys(value, NOTE_KEYS, key)
        text = self.local({k: v for k, v in value.items() if k in ("en", "zh")}, key)
        source = self.text(value["source"], f"{key}.source") if "source" in value else None
        if source is None and "quotes" in value:
            raise self.fail(f"{key}.source", "missing (quotations need the citation they support)")
        return Statement(text, source, self.quoted(value, key))

    def quotation(self, qid: str, value: Any, key: str) -> Quote:
        """[quotes.<id>]: { source, section, lang = "en"|"zh", text, translation }."""
        self.identifier(qid, key)
        body = self.table(value, key, required=True)
        self.keys(body, QUOTE_KEYS, key)
        for required in ("source", "section", "lang", "text"):
            if required not in body:
                raise self.fail(
                    f"{key}.{required}", "missing (a quotation names its source, section and language)"
                )
        lang = self.text(body["lang"], f"{key}.lang")
        if lang not in QUOTE_LANGS:
            raise self.fail(f"{key}.lang", f"{cut(lang)!r} is not one of {', '.join(QUOTE_LANGS)}")
        return Quote(
            qid,
            self.text(body["source"], f"{key}.source"),
            self.text(body["section"], f"{key}.section"),
            lang,
            self.text(body["text"], f"{key}.text"),
            self.text(body["translation"], f"{key}.translation") if "translation" in body else None,
        )

    def quoted(self, body: Mapping[str, Any], key: str) -> tuple[Quote, ...]:
        """The quotations ``body["quotes"]`` names (ids under [quotes])."""
        if "quotes" not in body:
            return ()
        found = []
        for i, qid in enumerate(self.strings(body["quotes"], f"{key}.quotes")):
            if qid not in self.quotations:
                hint = did_you_mean(qid, self.quotations)
                raise self.fail(f"{key}.quotes[{i}]", f"{cut(qid)!r} is not defined under [quotes]{hint}")
            found.append(self.quotations[qid])
        return tuple(found)

    def array(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, not {_type(value)}")
        return value

    def tables(self, value: Any, key: str) -> list[tuple[str, dict[str, Any]]]:
        """A list of tables, each with its key path (``key[i]``)."""
        out = []
        for i, item in enumerate(self.array(value, key)):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{i}]", f"must be a table, not {_type(item)}")
            out.append((f"{key}[{i}]", item))
        return out


def _type(value: Any) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
