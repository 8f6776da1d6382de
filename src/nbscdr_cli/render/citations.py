"""Numbered sources for a briefing: each source gets a mark ("[3]") the first
time the text cites it, and the list at the end gives them in that order. In
Chinese the list names each document and section in Chinese and gives, for the
C2G brief's Chinese edition, its own sentences as quotations (issue 24)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nbscdr_cli.model.catalog import Catalog


class Citations:
    """Numbered sources, in the order the brief first cites them. Sources that
    share a citation before their first ": " (the six figures of the C2G table)
    are one numbered source listing each detail, so the list stays short.
    ``catalog`` gives the Chinese forms: its assessments' citations and the
    quotations behind each source."""

    def __init__(self, lang: str = "en", catalog: Catalog | None = None) -> None:
        self.keys: list[str] = []
        self.details: dict[str, list[str]] = {}
        self.lang = lang
        self.catalog = catalog
        self.space = "" if lang == "zh" else " "  # Chinese sets marks close to the text

    def __call__(self, source: str | None) -> str:
        """The mark of ``source`` in the text, ' [3]'; nothing for no source."""
        if not source:
            return ""
        # An assessment's full citation is one source, though a title may hold
        # ": " ("Climate Change 2022: Mitigation of Climate Change").
        whole = self.catalog is not None and any(
            a.citation == source for a in self.catalog.assessments.values()
        )
        key, _, detail = (source, "", "") if whole else source.partition(": ")
        if key not in self.details:
            self.keys.append(key)
            self.details[key] = []
        for part in detail.split("; ") if detail else ():
            if part not in self.details[key]:
                self.details[key].append(part)
        return f"{self.space}[{self.keys.index(key) + 1}]"

    def marks(self, sources: Sequence[str | None]) -> str:
        numbers = sorted({int(self(s).strip(" []")) for s in sources if s})
        return f"{self.space}[{', '.join(map(str, numbers))}]" if numbers else ""

    @property
    def sources(self) -> list[str]:
        if self.lang == "zh":
            return [self._chinese(key) for key in self.keys]
        return [f"{key}: {'; '.join(self.details[key])}" if self.details[key] else key for key in self.keys]

    def _chinese(self, key: str) -> str:
        """A source as a Chinese reader's list gives it: document and section in
        Chinese, then the Chinese edition's own sentences behind it, quoted."""
        from nbscdr_cli.api.wording import citation, quotes_by_source

        own = {a.citation: a.citation_zh for a in self.catalog.assessments.values()} if self.catalog else {}
        name = own.get(key) or citation(key, "zh")
        quoted = quotes_by_source(self.catalog) if self.catalog else {}
        sentences: list[str] = []
        for detail in self.details[key] or [""]:  # a source cited whole has its quotations too
            for q in quoted.get(f"{key}: {detail}" if detail else key, ()):
                # a quotation inside a quotation takes single marks (外双内单, the rule of 《标点符号用法》)
                text = "“" + q.text.replace("“", "‘").replace("”", "’") + "”"
                if q.lang == "zh" and text not in sentences:
                    sentences.append(text)
        return name + ("，原文：" + "".join(sentences) if sentences else "")
