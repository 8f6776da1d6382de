"""The chart's sources: which source supports which bar or band (``Cited``), and
one line per distinct source under the chart, naming what it supports.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from nbscdr_cli.api.document_parts import name_in
from nbscdr_cli.api.wording import citation as cited_as
from nbscdr_cli.base.i18n import _
from nbscdr_cli.render.tables import reference_label

if TYPE_CHECKING:
    from nbscdr_cli.api.analysis import Analysis


def _join(parts: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(parts)


class Cited(NamedTuple):
    """A source and what it supports on the chart: entries by technique id,
    references by id. ``source`` None: the user's own figure."""

    source: str | None
    techniques: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


def cited(analysis: Analysis) -> list[Cited]:
    """The source of every figure on ``analysis``'s chart, tied to what it supports."""
    out = [
        Cited(
            None if e.own_figure else (e.technique.source or ""),
            techniques=(e.technique.id,),
        )
        for e in analysis.result.portfolio.entries
    ]
    out += [
        Cited(c.reference.source or "", references=(c.reference.id,)) for c in analysis.result.comparisons
    ]
    return out


def citation(source: str, lang: str = "en") -> str:
    """A source without the figures it gives (the chart shows them): 'C2G 2019,
    table of proposed techniques' from 'C2G 2019, table of proposed techniques:
    3–18 Gt CO2 per year globally'; in Chinese, the document and place in Chinese."""
    return cited_as(source.split(": ", 1)[0].strip(), lang)


def source_lines(
    doc: dict[str, Any], sources: Sequence[str | Cited], lang: str, use_names: bool
) -> list[str]:
    """One line per distinct source, naming the bars and bands it supports in
    ``lang`` ('Afforestation and reforestation, Biochar: C2G 2019, table of
    proposed techniques'); in Chinese the documents are named in Chinese."""
    names = {
        e["technique"]: name_in(e["name"], lang) if use_names else e["technique"] for e in doc["entries"]
    }
    references = {c["reference"]: reference_label(c, lang) for c in doc["comparisons"]}
    groups: dict[str, list[str]] = {}
    for item in sources:
        if isinstance(item, str):
            key, supported = citation(item, lang), []
        else:
            if item.source is None:
                key = _("figures given by the user", lang)
            elif item.source:
                key = citation(item.source, lang)
            else:
                key = _("no source given in the data", lang)
            supported = [names.get(t, t) for t in item.techniques]
            supported += [references[r] for r in item.references if r in references]
            if not supported:  # a reference this chart does not draw (a cumulative one)
                continue
        if key:
            group = groups.setdefault(key, [])
            group += [s for s in supported if s not in group]
    colon = _(": ", lang)
    return [
        f"{_join(supported, lang)}{colon}{key}" if supported else key for key, supported in groups.items()
    ]
