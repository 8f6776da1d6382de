"""JSON: the document itself. Never NaN or Infinity; keys in the document's order.

Indented for people on a terminal; one compact line for pipes and files, which
also lets the json module use its C encoder (indentation forces the pure-Python
one, 10x slower on a 10,000-entry portfolio; issue 8).
"""

from __future__ import annotations

import json
from typing import Any

from nbscdr_cli.environment import Environment


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    if env.stdout_terminal:
        return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
