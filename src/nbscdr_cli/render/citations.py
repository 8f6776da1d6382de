"""Numbered sources for a briefing: each source gets a mark ("[3]") the first
time the text cites it, and the list at the end gives them in that order."""

from __future__ import annotations

from collections.abc import Sequence


class Citations:
    """Numbered sources, in the order the brief first cites them. Sources that
    share a citation before their first ": " (the six figures of the C2G table)
    are one numbered source listing each detail, so the list stays short."""

    def __init__(self, lang: str = "en") -> None:
        self.keys: list[str] = []
        self.details: dict[str, list[str]] = {}
        self.space = "" if lang == "zh" else " "  # Chinese sets marks close to the text

    def __call__(self, source: str | None) -> str:
        """The mark of ``source`` in the text, ' [3]'; nothing for no source."""
        if not source:
            return ""
        key, _, detail = source.partition(": ")
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
        return [f"{key}: {'; '.join(self.details[key])}" if self.details[key] else key for key in self.keys]
