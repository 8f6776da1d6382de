"""Names as users type them: folding a technique's name for matching (width, case,
separators), the spelling a known id has where a query differs only in case, and
the "did you mean" an error line offers.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from nbscdr_cli.model.errors import cut


def case_of(query: Any, known: Mapping[str, Any]) -> Any:
    """``query`` as spelt in ``known`` where they differ only in case."""
    if not isinstance(query, str) or query in known:
        return query
    return next((k for k in known if k.casefold() == query.casefold()), query)


def normalise_name(text: str) -> str:
    """Fold a technique name for matching: NFKC (full-/half-width), case, and any
    run of spaces, '-' or '_' as one '-'."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return re.sub(r"[\s_\-]+", "-", folded)


def did_you_mean(key: str, choices: Iterable[str], show: Any = str) -> str:
    """' (did you mean 'x'?)' for the closest choice, or a choice ``key`` begins; else ''.
    Never ``key`` itself: a value refused is never suggested in its place."""
    import difflib

    options = [c for c in choices if c != key]
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    if not close and len(key) >= 2:
        close = [c for c in options if c.startswith(key)][:1]
    return f" (did you mean {cut(show(close[0]))!r}?)" if close else ""
