"""The governance decisions a portfolio needs: each challenge of its techniques
once, with the techniques it applies to, as the brief's checklist lists them and
its bottom line names the first few.
"""

from __future__ import annotations

from collections.abc import Callable

from nbscdr_cli.api.analysis import Analysis
from nbscdr_cli.api.wording import cited
from nbscdr_cli.base.i18n import _
from nbscdr_cli.model.sources import NBSCDR


def checklist(
    analysis: Analysis, lang: str, *, short: bool = False, cite: Callable[[str | None], str] | None = None
) -> list[tuple[str, list[str]]]:
    """Each governance challenge of the portfolio's techniques once, with the
    techniques it applies to, the most widely shared first. A full line names
    its source with ``cite``, or says it is nbscdr's own summary (issue 21)."""
    items: dict[str, tuple[str, list[str]]] = {}
    for entry in analysis.result.portfolio.entries:
        for challenge in entry.technique.governance:
            label = (challenge.short or challenge.text) if short else challenge.text
            text = label.get(lang)
            if not short and challenge.source == NBSCDR:
                text = text.rstrip("。.") + cited(NBSCDR, lang) + _(".", lang)
            elif not short and cite is not None and challenge.source:
                text = text.rstrip("。.") + cite(challenge.source) + _(".", lang)
            _first, names = items.setdefault(challenge.id, (text, []))
            names.append(entry.technique.name.get(lang))
    return sorted(items.values(), key=lambda item: -len(item[1]))
