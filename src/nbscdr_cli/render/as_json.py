"""JSON: the document itself. Never NaN or Infinity; keys in the document's order.

C0 control characters are escaped by the json module; DEL and C1 ones
(U+0080-U+009F, which some terminals obey as controls) are escaped here, as
JSON allows.

Indented for people on a terminal; one compact line for pipes and files, which
also lets the json module use its C encoder (indentation forces the pure-Python
one, 10x slower on a 10,000-entry portfolio; issue 8).
"""

from __future__ import annotations

import json
import re
from typing import Any

from nbscdr_cli.render.environment import Environment

_C1 = str.maketrans({code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)})
_C1_FOUND = re.compile("[\x7f-\x9f]")


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    if env.stdout_terminal:
        text = json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)
    else:
        text = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.translate(_C1) if _C1_FOUND.search(text) else text
