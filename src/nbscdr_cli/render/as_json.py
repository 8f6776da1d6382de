"""JSON: the document itself. Never NaN or Infinity; keys in the document's order."""

from __future__ import annotations

import json
from typing import Any


def render(kind: str, doc: dict[str, Any], *, lang: str, terminal: bool) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)
