"""The terminal table (the default format), drawn with rich.

Colour and box-drawing characters appear only when stdout is a terminal that can
show them; NO_COLOR is honoured (by rich). Written to a pipe or a file, the same
layout uses plain ASCII rules and no escape codes.
"""

from __future__ import annotations

import io
from typing import Any

from nbscdr_cli.environment import Environment
from nbscdr_cli.render.labels import text
from nbscdr_cli.render.long_tables import print_table
from nbscdr_cli.render.text import fmt, low_text, range_text, ratio_text, sampling_text


def _console(env: Environment) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=env.width,
        force_terminal=env.stdout_terminal,
        no_color=not env.colour,
        color_system="auto" if env.colour else None,
        highlight=False,
        markup=False,  # names and notes come from users' files: never interpret [brackets]
        soft_wrap=False,
        emoji=False,
        legacy_windows=False,
    )


def _box(env: Environment) -> Any:
    from rich import box

    return box.ROUNDED if env.stdout_terminal and env.unicode else box.ASCII2


def _table(env: Environment, title: str | None = None) -> Any:
    from rich.table import Table

    return Table(
        title=title,
        box=_box(env),
        title_justify="left",
        header_style="bold cyan" if env.stdout_terminal else "",
    )


def technique_fields(doc: dict[str, Any], lang: str) -> list[tuple[str, Any]]:
    """The fields `show` prints, as (label, value or list of values)."""

    def local(value: dict[str, str] | None) -> str:
        return "" if not value else value.get(lang) or value["en"]

    fields: list[tuple[str, Any]] = [
        (text("name", lang), f"{doc['name']['en']} / {doc['name'].get('zh', '')}".rstrip(" /")),
        (text("range", lang), range_text(doc, lang)),
    ]
    if doc.get("scope"):
        fields.append((text("scope", lang), text("scope." + doc["scope"], lang, otherwise=doc["scope"])))
    if doc.get("readiness"):
        fields.append((text("readiness", lang), local(doc["readiness"])))
    if doc.get("governance"):
        fields.append((text("governance", lang), [local(c) for c in doc["governance"]]))
    if doc.get("durability"):
        fields.append((text("durability", lang), local(doc["durability"])))
    if doc.get("saturation_years") is not None:
        fields.append(
            (
                text("saturation", lang),
                f"{fmt(doc['saturation_years'])} {text('years', lang)} ({doc['saturation_source']})",
            )
        )
    if doc.get("estimates") and len(doc["estimates"]) > 1:
        fields.append((text("estimates", lang), [estimate_text(e, lang) for e in doc["estimates"]]))
    if doc.get("aliases"):
        fields.append((text("aliases", lang), ", ".join(doc["aliases"])))
    if doc.get("source"):
        fields.append((text("source", lang), doc["source"]))
    if doc.get("notes"):
        fields.append((text("notes", lang), doc["notes"]))
    return fields


def estimate_text(e: dict[str, Any], lang: str) -> str:
    """'fuss2018: 0.5–3.6 Gt CO2/yr, sustainable global potential in 2050'."""
    measure = f", {e['measure']}" if e.get("measure") else ""
    return f"{e['assessment']}: {range_text(e, lang)}{measure}"


def row_notes(row: dict[str, Any], lang: str) -> str:
    """What a compare row lacks or borrows."""
    if row.get("missing"):
        return f"{text('missing', lang)} {', '.join(row['missing'])}"
    if row.get("fallback"):
        return f"{text('fallback_mark', lang)} {', '.join(row['fallback'])}"
    return ""


def _compare(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    unit = doc["unit"]
    table = _table(env)
    table.add_column(text(doc["by"], lang))
    table.add_column(f"{text('low', lang)}\n{unit}", justify="right")
    table.add_column(f"{text('high', lang)}\n{unit}", justify="right")
    refs = [c["reference"] for c in (doc["rows"][0].get("comparisons") or [])] if doc["rows"] else []
    for ref in refs:
        table.add_column(f"{text('ratio', lang)}\n{ref}", justify="right")
    has_mc = any("uncertainty" in r for r in doc["rows"])
    if has_mc:
        table.add_column(f"P5–P95\n{unit}", justify="right")
    table.add_column(text("notes", lang), overflow="fold")
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
    if has_mc:  # how P5–P95 were found (every row alike)
        u = next(r["uncertainty"] for r in doc["rows"] if "uncertainty" in r)
        console.print(f"P5–P95: {sampling_text(u, lang)}", markup=False, soft_wrap=True)


def _assessments(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    table = _table(env)
    table.add_column(text("id", lang), no_wrap=True)
    for key in ("name", "measure", "techniques", "citation"):
        table.add_column(text(key, lang), overflow="fold")
    for a in doc["assessments"]:
        mark = f" ({text('default', lang)})" if a["default"] else ""
        table.add_row(
            a["id"] + mark,
            a["name"].get(lang) or a["name"]["en"],
            a["measure"] or "",
            ", ".join(a["techniques"]),
            a["citation"],
        )
    console.print(table)


def _portfolio(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    unit = doc["unit"]
    title = text("portfolio", lang) + (f": {doc['name']}" if doc["name"] else "")
    table = _table(env, title)
    table.add_column(text("technique", lang))
    table.add_column(text("share", lang), justify="right")
    table.add_column(f"{text('low', lang)}\n{unit}", justify="right")
    table.add_column(f"{text('high', lang)}\n{unit}", justify="right")
    for e in doc["entries"]:
        share = text("own_figure", lang) if e["own_figure"] else f"{fmt(e['share'] * 100)}%"
        table.add_row(
            f"{e['name']} ({e['technique']})", share, low_text(e["low"], e["up_to"], lang), fmt(e["high"])
        )
    total = doc["total"]
    table.add_section()
    table.add_row(
        text("total", lang),
        "",
        fmt(total["low"]),
        fmt(total["high"]),
        style="bold" if env.stdout_terminal else "",
    )
    print_table(console, table)
    if doc["comparisons"]:
        comp = _table(env, text("comparison", lang))
        comp.add_column(text("reference", lang))
        comp.add_column(f"{text('range', lang)}\n{unit}", justify="right")
        comp.add_column(text("ratio", lang), justify="right")
        comp.add_column(f"{text('in_scope', lang)}\n{unit}", justify="right")
        for c in doc["comparisons"]:
            comp.add_row(
                c["reference"],
                f"{fmt(c['low'])}–{fmt(c['high'])}",
                ratio_text(c["ratio_low"], c["ratio_high"]),
                f"{fmt(c['in_scope']['low'])}–{fmt(c['in_scope']['high'])}",
            )
        console.print(comp)
    if "uncertainty" in doc:
        _uncertainty(console, doc["uncertainty"], unit, lang, env)
    if "horizon" in doc:
        _horizon(console, doc, lang, env)
    for w in doc["warnings"]:
        console.print(
            f"- {w['message']}", style="yellow" if env.stdout_terminal else "", markup=False, soft_wrap=True
        )


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
        return text("target", lang)
    ref, _, end = key.rpartition(".")
    return f"{ref} {text(end, lang).lower()}" if end in ("low", "high") else key


def _uncertainty(console: Any, u: dict[str, Any], unit: str, lang: str, env: Environment) -> None:
    console.print(
        f"{text('uncertainty', lang)}: {sampling_text(u, lang)}",
        markup=False,
        soft_wrap=True,
    )
    table = _table(env)
    table.add_column("")
    table.add_column(unit, justify="right")
    table.add_row(text("mean", lang), fmt(u["mean"]))
    for p, v in u["percentiles"].items():
        table.add_row(f"P{p}", fmt(v))
    for key, prob in u["probability"].items():
        threshold = u["thresholds"][key]
        table.add_row(
            f"P({text('total', lang)} ≥ {fmt(threshold)}: {threshold_label(key, lang)})", f"{prob:.1%}"
        )
    console.print(table)
    hist = u["histogram"]
    ascii_only = _box(env).ascii
    weights = hist["counts"] or hist["shares"]  # the convolution has shares, no counts
    console.print(
        f"{fmt(hist['low'])} {sparkline(weights, ascii_only)} {fmt(hist['high'])} {unit}",
        markup=False,
        soft_wrap=True,
    )


def entry_parameters_text(h: dict[str, Any], lang: str) -> str:
    parts = []
    if h["ramp_years"]:
        parts.append(f"{text('ramp', lang)} {fmt(h['ramp_years'])}")
    if h["saturation_years"] is not None:
        parts.append(f"{text('saturation', lang).lower()} {fmt(h['saturation_years'])}")
    if h["reversal_rate"]:
        parts.append(f"{text('reversal', lang)} {h['reversal_rate']:.3g}/yr")
    return ", ".join(parts)


def _horizon(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    h = doc["horizon"]
    mass = h["unit"]
    table = _table(env, f"{text('horizon', lang)} {h['from']}–{h['to']} ({h['years']} {text('years', lang)})")
    table.add_column(text("technique", lang))
    for key in ("cumulative", "durable"):
        table.add_column(f"{text(key, lang)}\n{mass}", justify="right")
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
        text("total", lang),
        f"{fmt(h['cumulative']['low'])}–{fmt(h['cumulative']['high'])}",
        f"{fmt(h['durable']['low'])}–{fmt(h['durable']['high'])}",
        "",
        style="bold" if env.stdout_terminal else "",
    )
    print_table(console, table)
    stock = [p["stock"]["high"] for p in h["path"]]
    scale = max(stock) or 1
    console.print(
        f"{text('stock_path', lang)} {h['from']}–{h['last_year']}: "
        f"{sparkline([round(v / scale * 1000) for v in stock], _box(env).ascii)} {fmt(stock[-1])} {mass}",
        markup=False,
        soft_wrap=True,
    )
    if h["comparisons"]:
        comp = _table(env)
        comp.add_column(text("reference", lang))
        comp.add_column(f"{text('range', lang)}\n{mass}", justify="right")
        comp.add_column(f"{text('cumulative', lang)} /\n{text('reference', lang)}", justify="right")
        comp.add_column(f"{text('durable', lang)} /\n{text('reference', lang)}", justify="right")
        for c in h["comparisons"]:
            comp.add_row(
                c["reference"],
                f"{fmt(c['low'])}–{fmt(c['high'])}",
                ratio_text(c["ratio_low"], c["ratio_high"]),
                ratio_text(c["durable_ratio_low"], c["durable_ratio_high"]),
            )
        console.print(comp)
    if "uncertainty" in h:
        mc = _table(env)
        mc.add_column("")
        for key in ("cumulative", "durable"):
            mc.add_column(f"{text(key, lang)}\n{mass}", justify="right")
        cu, du = h["uncertainty"]["cumulative"], h["uncertainty"]["durable"]
        mc.add_row(text("mean", lang), fmt(cu["mean"]), fmt(du["mean"]))
        for p in cu["percentiles"]:
            mc.add_row(f"P{p}", fmt(cu["percentiles"][p]), fmt(du["percentiles"][p]))
        for key in cu["probability"]:
            mc.add_row(
                f"P(≥ {fmt(cu['thresholds'][key])}: {threshold_label(key, lang)})",
                f"{cu['probability'][key]:.1%}",
                f"{du['probability'][key]:.1%}",
            )
        console.print(mc)


def _catalog(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    table = _table(env)
    table.add_column(text("id", lang), no_wrap=True)
    for key in ("name", "range", "scope", "readiness"):
        table.add_column(text(key, lang), overflow="fold")
    for t in doc["techniques"]:
        readiness = t["readiness"] or {}
        table.add_row(
            t["id"],
            t["name"].get(lang) or t["name"]["en"],
            range_text(t, lang),
            text("scope." + t["scope"], lang, otherwise=t["scope"]) if t["scope"] else "",
            readiness.get(lang) or readiness.get("en", ""),
        )
    print_table(console, table)


def _technique(console: Any, doc: dict[str, Any], lang: str, env: Environment) -> None:
    table = _table(env, f"{doc['name'].get(lang) or doc['name']['en']} ({doc['id']})")
    table.add_column("", style="bold" if env.stdout_terminal else "")
    table.add_column("", overflow="fold")
    table.show_header = False
    for key, value in technique_fields(doc, lang):
        table.add_row(key, "\n".join(f"• {v}" for v in value) if isinstance(value, list) else str(value))
    console.print(table)


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    if kind == "conversion":
        return f"{fmt(doc['value'])} {doc['unit']}"
    console = _console(env)
    renderers = {
        "portfolio": _portfolio,
        "catalog": _catalog,
        "technique": _technique,
        "compare": _compare,
        "assessments": _assessments,
    }
    renderers[kind](console, doc, lang, env)
    return str(console.file.getvalue())
