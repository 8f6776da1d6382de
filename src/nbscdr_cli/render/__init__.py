"""Rendering: results become one plain document (the JSON contract, built in
``documents.py``), and one renderer per format turns that document into text:
``as_json``, ``as_csv``, ``as_markdown``, ``as_table``.

This package's own import is kept tiny (the CLI imports ``Format`` at start-up).
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    iamc = "iamc"  # portfolio only


def render(kind: str, doc: dict[str, Any], fmt_: Format, *, lang: str, terminal: bool) -> str:
    """Lay out ``doc`` (of ``kind``: portfolio, catalog, technique, conversion) as text."""
    module = importlib.import_module(f"nbscdr_cli.render.as_{fmt_.value}")
    text: str = module.render(kind, doc, lang=lang, terminal=terminal)
    return text if text.endswith("\n") else text + "\n"
