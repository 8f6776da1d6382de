"""Rendering: results become one plain document (the JSON contract, built in
``documents.py``), and one renderer per format turns that document into text:
``as_json``, ``as_csv``, ``as_markdown``, ``as_table``. Text formats get the
document with its control characters escaped (``escape.py``), so no renderer
can pass a name's escape sequence to a terminal.

This package's own import is kept tiny (the CLI imports ``Format`` at start-up).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nbscdr_cli.render.environment import Environment


def render(
    kind: str, doc: dict[str, Any], fmt: str, *, lang: str, env: Environment, notes: str = "essential"
) -> str:
    """Lay out ``doc`` (of ``kind``: portfolio, catalog, technique, conversion,
    compare, assessments, iamc) in format ``fmt`` (table, json, csv, markdown,
    iamc); the table and Markdown print its notes at ``notes`` (essential, all,
    none; JSON keeps every note, CSV and IAMC none)."""
    module = importlib.import_module(f"nbscdr_cli.render.as_{fmt}")
    if fmt != "json":  # JSON escapes control characters itself
        from nbscdr_cli.render.escape import escape_document

        doc = escape_document(doc)
    if fmt == "markdown":  # user text is shown, never parsed as markup
        from nbscdr_cli.render.escape import escape_markdown_document

        doc = escape_markdown_document(doc)
    from nbscdr_cli.base.typography import language

    options = {"notes": notes} if fmt in ("table", "markdown") else {}
    with language(lang):  # ranges in Chinese output take ～ (issue 24)
        text: str = module.render(kind, doc, lang=lang, env=env, **options)
    return text if text.endswith("\n") else text + "\n"
