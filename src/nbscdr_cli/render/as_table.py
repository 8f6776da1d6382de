"""The terminal table (the default format), drawn with rich.

Colour and box-drawing characters appear only when stdout is a terminal that can
show them; NO_COLOR is honoured (by rich). Written to a pipe or a file, the same
layout uses plain ASCII rules and no escape codes.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import Any

from nbscdr_cli.render.labels import distribution_name, label, scope_name
from nbscdr_cli.render.text import fmt, low_text, range_text, ratio_text


def _console(terminal: bool) -> Any:
    from rich.console import Console

    width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
    return Console(
        file=io.StringIO(),
        width=max(40, min(width, 200)),
        force_terminal=terminal,
        no_color=not terminal or bool(os.environ.get("NO_COLOR")),
        color_system="auto" if terminal else None,
        highlight=False,
        markup=False,  # names and notes come from users' files: never interpret [brackets]
        soft_wrap=False,
        emoji=False,
        legacy_windows=False,
    )


def _box(terminal: bool) -> Any:
    from rich import box

    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if terminal and encoding.startswith("utf"):
        return box.ROUNDED
    return box.ASCII2


def _table(terminal: bool, title: str | None = None) -> Any:
    from rich.table import Table

    return Table(
        title=title, box=_box(terminal), title_justify="left", header_style="bold cyan" if terminal else ""
    )


def technique_fields(doc: dict[str, Any], lang: str) -> list[tuple[str, Any]]:
    """The fields `show` prints, as (label, value or list of values)."""

    def local(value: dict[str, str] | None) -> str:
        return "" if not value else value.get(lang) or value["en"]

    fields: list[tuple[str, Any]] = [
        (label("name", lang), f"{doc['name']['en']} / {doc['name'].get('zh', '')}".rstrip(" /")),
        (label("range", lang), range_text(doc, lang)),
    ]
    if doc.get("scope"):
        fields.append((label("scope", lang), scope_name(doc["scope"], lang)))
    if doc.get("readiness"):
        fields.append((label("readiness", lang), local(doc["readiness"])))
    if doc.get("governance"):
        fields.append((label("governance", lang), [local(c) for c in doc["governance"]]))
    if doc.get("durability"):
        fields.append((label("durability", lang), local(doc["durability"])))
    if doc.get("saturation_years") is not None:
        fields.append(
            (
                label("saturation", lang),
                f"{fmt(doc['saturation_years'])} {label('years', lang)} ({doc['saturation_source']})",
            )
        )
    if doc.get("estimates") and len(doc["estimates"]) > 1:
        fields.append((label("estimates", lang), [estimate_text(e, lang) for e in doc["estimates"]]))
    if doc.get("aliases"):
        fields.append((label("aliases", lang), ", ".join(doc["aliases"])))
    if doc.get("source"):
        fields.append((label("source", lang), doc["source"]))
    if doc.get("notes"):
        fields.append((label("notes", lang), doc["notes"]))
    return fields


def estimate_text(e: dict[str, Any], lang: str) -> str:
    """'fuss2018: 0.5–3.6 Gt CO2/yr, sustainable global potential in 2050'."""
    measure = f", {e['measure']}" if e.get("measure") else ""
    return f"{e['assessment']}: {range_text(e, lang)}{measure}"


def row_notes(row: dict[str, Any], lang: str) -> str:
    """What a compare row lacks or borrows."""
    if row.get("missing"):
        return f"{label('missing', lang)} {', '.join(row['missing'])}"
    if row.get("fallback"):
        return f"{label('fallback_mark', lang)} {', '.join(row['fallback'])}"
    return ""


def _compare(console: Any, doc: dict[str, Any], lang: str, terminal: bool) -> None:
    unit = doc["unit"]
    table = _table(terminal)
    table.add_column(label(doc["by"], lang))
    table.add_column(f"{label('low', lang)}\n{unit}", justify="right")
    table.add_column(f"{label('high', lang)}\n{unit}", justify="right")
    refs = [c["reference"] for c in (doc["rows"][0].get("comparisons") or [])] if doc["rows"] else []
    for ref in refs:
        table.add_column(f"{label('ratio', lang)}\n{ref}", justify="right")
    has_mc = any("uncertainty" in r for r in doc["rows"])
    if has_mc:
        table.add_column(f"P5–P95\n{unit}", justify="right")
    table.add_column(label("notes", lang), overflow="fold")
    for row in doc["rows"]:
        cells = [f"{row['name']} ({row[doc['by']]})" if row["name"] != row[doc["by"]] else row["name"]]
        if row["low"] is None:
            cells += ["–", "–", *["–" for _ in refs]]
        else:
            cells += [fmt(row["low"]), fmt(row["high"])]
            cells += [ratio_text(c["ratio_low"], c["ratio_high"]) for c in row["comparisons"]]
        if has_mc:
            u = row.get("uncertainty")
            cells.append(f"{fmt(u['percentiles']['5'])}–{fmt(u['percentiles']['95'])}" if u else "–")
        cells.append(row_notes(row, lang))
        table.add_row(*cells)
    console.print(table)


def _assessments(console: Any, doc: dict[str, Any], lang: str, terminal: bool) -> None:
    table = _table(terminal)
    table.add_column(label("id", lang), no_wrap=True)
    for key in ("name", "measure", "techniques", "citation"):
        table.add_column(label(key, lang), overflow="fold")
    for a in doc["assessments"]:
        mark = f" ({label('default', lang)})" if a["default"] else ""
        table.add_row(
            a["id"] + mark,
            a["name"].get(lang) or a["name"]["en"],
            a["measure"] or "",
            ", ".join(a["techniques"]),
            a["citation"],
        )
    console.print(table)


def _portfolio(console: Any, doc: dict[str, Any], lang: str, terminal: bool) -> None:
    unit = doc["unit"]
    title = label("portfolio", lang) + (f": {doc['name']}" if doc["name"] else "")
    table = _table(terminal, title)
    table.add_column(label("technique", lang))
    table.add_column(label("share", lang), justify="right")
    table.add_column(f"{label('low', lang)}\n{unit}", justify="right")
    table.add_column(f"{label('high', lang)}\n{unit}", justify="right")
    for e in doc["entries"]:
        share = label("own_figure", lang) if e["own_figure"] else f"{fmt(e['share'] * 100)}%"
        table.add_row(
            f"{e['name']} ({e['technique']})", share, low_text(e["low"], e["up_to"], lang), fmt(e["high"])
        )
    total = doc["total"]
    table.add_section()
    table.add_row(
        label("total", lang), "", fmt(total["low"]), fmt(total["high"]), style="bold" if terminal else ""
    )
    console.print(table)
    if doc["comparisons"]:
        comp = _table(terminal, label("comparison", lang))
        comp.add_column(label("reference", lang))
        comp.add_column(f"{label('range', lang)}\n{unit}", justify="right")
        comp.add_column(label("ratio", lang), justify="right")
        comp.add_column(f"{label('in_scope', lang)}\n{unit}", justify="right")
        for c in doc["comparisons"]:
            comp.add_row(
                c["reference"],
                f"{fmt(c['low'])}–{fmt(c['high'])}",
                ratio_text(c["ratio_low"], c["ratio_high"]),
                f"{fmt(c['in_scope']['low'])}–{fmt(c['in_scope']['high'])}",
            )
        console.print(comp)
    if "uncertainty" in doc:
        _uncertainty(console, doc["uncertainty"], unit, lang, terminal)
    if "horizon" in doc:
        _horizon(console, doc, lang, terminal)
    for w in doc["warnings"]:
        console.print(f"- {w['message']}", style="yellow" if terminal else "", markup=False, soft_wrap=True)


SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = " .:-=+*#"


def sparkline(counts: list[int], ascii_only: bool) -> str:
    """A one-line histogram, one character per bin."""
    marks = SPARK_ASCII if ascii_only else SPARK
    top = max(counts) or 1
    return "".join(marks[min(len(marks) - 1, round(c / top * (len(marks) - 1)))] for c in counts)


def threshold_label(key: str, lang: str) -> str:
    """'unep.low' -> 'unep low' (localised); 'target' -> localised 'target'."""
    if key == "target":
        return label("target", lang)
    ref, _, end = key.rpartition(".")
    return f"{ref} {label(end, lang).lower()}" if end in ("low", "high") else key


def _uncertainty(console: Any, u: dict[str, Any], unit: str, lang: str, terminal: bool) -> None:
    console.print(
        f"{label('uncertainty', lang)}: {label('mc_header', lang).format(**{**u, 'distribution': distribution_name(u['distribution'], lang)})}",
        markup=False,
        soft_wrap=True,
    )
    table = _table(terminal)
    table.add_column("")
    table.add_column(unit, justify="right")
    table.add_row(label("mean", lang), fmt(u["mean"]))
    for p, v in u["percentiles"].items():
        table.add_row(f"P{p}", fmt(v))
    for key, prob in u["probability"].items():
        threshold = u["thresholds"][key]
        table.add_row(
            f"P({label('total', lang)} ≥ {fmt(threshold)}: {threshold_label(key, lang)})", f"{prob:.1%}"
        )
    console.print(table)
    hist = u["histogram"]
    ascii_only = _box(terminal).ascii
    console.print(
        f"{fmt(hist['low'])} {sparkline(hist['counts'], ascii_only)} {fmt(hist['high'])} {unit}",
        markup=False,
        soft_wrap=True,
    )


def entry_parameters_text(h: dict[str, Any], lang: str) -> str:
    parts = []
    if h["ramp_years"]:
        parts.append(f"{label('ramp', lang)} {fmt(h['ramp_years'])}")
    if h["saturation_years"] is not None:
        parts.append(f"{label('saturation', lang).lower()} {fmt(h['saturation_years'])}")
    if h["reversal_rate"]:
        parts.append(f"{label('reversal', lang)} {h['reversal_rate']:.3g}/yr")
    return ", ".join(parts)


def _horizon(console: Any, doc: dict[str, Any], lang: str, terminal: bool) -> None:
    h = doc["horizon"]
    mass = h["unit"]
    table = _table(
        terminal, f"{label('horizon', lang)} {h['from']}–{h['to']} ({h['years']} {label('years', lang)})"
    )
    table.add_column(label("technique", lang))
    for key in ("cumulative", "durable"):
        table.add_column(f"{label(key, lang)}\n{mass}", justify="right")
    table.add_column("")
    for e in doc["entries"]:
        eh = e["horizon"]
        table.add_row(
            e["technique"],
            f"{fmt(eh['cumulative']['low'])}–{fmt(eh['cumulative']['high'])}",
            f"{fmt(eh['durable']['low'])}–{fmt(eh['durable']['high'])}",
            entry_parameters_text(eh, lang),
        )
    table.add_section()
    table.add_row(
        label("total", lang),
        f"{fmt(h['cumulative']['low'])}–{fmt(h['cumulative']['high'])}",
        f"{fmt(h['durable']['low'])}–{fmt(h['durable']['high'])}",
        "",
        style="bold" if terminal else "",
    )
    console.print(table)
    stock = [p["stock"]["high"] for p in h["path"]]
    scale = max(stock) or 1
    console.print(
        f"{label('stock_path', lang)} {h['from']}–{h['last_year']}: "
        f"{sparkline([round(v / scale * 1000) for v in stock], _box(terminal).ascii)} {fmt(stock[-1])} {mass}",
        markup=False,
        soft_wrap=True,
    )
    if h["comparisons"]:
        comp = _table(terminal)
        comp.add_column(label("reference", lang))
        comp.add_column(f"{label('range', lang)}\n{mass}", justify="right")
        comp.add_column(f"{label('cumulative', lang)} /\n{label('reference', lang)}", justify="right")
        comp.add_column(f"{label('durable', lang)} /\n{label('reference', lang)}", justify="right")
        for c in h["comparisons"]:
            comp.add_row(
                c["reference"],
                f"{fmt(c['low'])}–{fmt(c['high'])}",
                ratio_text(c["ratio_low"], c["ratio_high"]),
                ratio_text(c["durable_ratio_low"], c["durable_ratio_high"]),
            )
        console.print(comp)
    if "uncertainty" in h:
        mc = _table(terminal)
        mc.add_column("")
        for key in ("cumulative", "durable"):
            mc.add_column(f"{label(key, lang)}\n{mass}", justify="right")
        cu, du = h["uncertainty"]["cumulative"], h["uncertainty"]["durable"]
        mc.add_row(label("mean", lang), fmt(cu["mean"]), fmt(du["mean"]))
        for p in cu["percentiles"]:
            mc.add_row(f"P{p}", fmt(cu["percentiles"][p]), fmt(du["percentiles"][p]))
        for key in cu["probability"]:
            mc.add_row(
                f"P(≥ {fmt(cu['thresholds'][key])}: {threshold_label(key, lang)})",
                f"{cu['probability'][key]:.1%}",
                f"{du['probability'][key]:.1%}",
            )
        console.print(mc)


def _catalog(console: Any, doc: dict[str, Any], lang: str, terminal: bool) -> None:
    table = _table(terminal)
    table.add_column(label("id", lang), no_wrap=True)
    for key in ("name", "range", "scope", "readiness"):
        table.add_column(label(key, lang), overflow="fold")
    for t in doc["techniques"]:
        readiness = t["readiness"] or {}
        table.add_row(
            t["id"],
            t["name"].get(lang) or t["name"]["en"],
            range_text(t, lang),
            scope_name(t["scope"], lang) if t["scope"] else "",
            readiness.get(lang) or readiness.get("en", ""),
        )
    console.print(table)


def _technique(console: Any, doc: dict[str, Any], lang: str, terminal: bool) -> None:
    table = _table(terminal, f"{doc['name'].get(lang) or doc['name']['en']} ({doc['id']})")
    table.add_column("", style="bold" if terminal else "")
    table.add_column("", overflow="fold")
    table.show_header = False
    for key, value in technique_fields(doc, lang):
        table.add_row(key, "\n".join(f"• {v}" for v in value) if isinstance(value, list) else str(value))
    console.print(table)


def render(kind: str, doc: dict[str, Any], *, lang: str, terminal: bool) -> str:
    if kind == "conversion":
        return f"{fmt(doc['value'])} {doc['unit']}"
    console = _console(terminal)
    renderers = {
        "portfolio": _portfolio,
        "catalog": _catalog,
        "technique": _technique,
        "compare": _compare,
        "assessments": _assessments,
    }
    renderers[kind](console, doc, lang, terminal)
    return str(console.file.getvalue())
