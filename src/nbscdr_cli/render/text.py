"""Numbers and ranges as people read them, for the table and Markdown formats."""

from __future__ import annotations

from typing import Any


def fmt(value: float | None) -> str:
    """A number for people: up to 4 significant digits, thousands separated."""
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    text = f"{value:.4g}"
    if "e" in text:
        return f"{value:.2e}"
    return text


def low_text(value: float | None, up_to: bool, lang: str) -> str:
    """The low end as printed: an open ("up to") low shows as "(up to) 0"."""
    from nbscdr_cli.render.labels import text

    return f"0 ({text('up_to', lang)})" if up_to else fmt(value)


def range_text(item: dict[str, Any], lang: str) -> str:
    """'3–18 Gt CO2/yr', or 'up to 19 Gt CO2/yr' where the source gives no low."""
    from nbscdr_cli.render.labels import text

    if item["up_to"]:
        return f"{text('up_to', lang)} {fmt(item['high'])} {item['unit']}"
    return f"{fmt(item['low'])}–{fmt(item['high'])} {item['unit']}"


def ratio_text(low: float | None, high: float | None) -> str:
    """'1.575× – 4.567×': a total against a reference's low and high."""
    return f"{fmt(low)}× – {fmt(high)}×"


def sampling_text(u: dict[str, Any], lang: str) -> str:
    """How an uncertainty document was computed: 'Monte Carlo, 100,000 samples,
    seed 42, uniform, rank correlation 0' or 'exact convolution, uniform, independent'."""
    from nbscdr_cli.render.labels import text

    distribution = text("distribution." + u["distribution"], lang, otherwise=u["distribution"])
    key = "convolution_header" if u["method"] == "convolution" else "mc_header"
    return text(key, lang, **{**u, "distribution": distribution})
