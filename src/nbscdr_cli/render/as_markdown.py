"""Markdown: pipe tables, for pasting into a briefing."""

from __future__ import annotations

from typing import Any

from nbscdr_cli.environment import Environment
from nbscdr_cli.render.labels import text
from nbscdr_cli.render.numbers import fmt
from nbscdr_cli.render.text import low_text, range_text, ratio_text, sampling_text


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def portfolio_table(doc: dict[str, Any], lang: str) -> str:
    unit = doc["unit"]
    rows = [
        [
            f"{e['name']} (`{e['technique']}`)",
            f"{fmt(e['share'] * 100)}%" if not e["own_figure"] else text("own_figure", lang),
            low_text(e["low"], e["up_to"], lang),
            fmt(e["high"]),
        ]
        for e in doc["entries"]
    ]
    total = doc["total"]
    rows.append([f"**{text('total', lang)}**", "", f"**{fmt(total['low'])}**", f"**{fmt(total['high'])}**"])
    header = [
        text("technique", lang),
        text("share", lang),
        f"{text('low', lang)} ({unit})",
        f"{text('high', lang)} ({unit})",
    ]
    return table(header, rows)


def comparison_table(doc: dict[str, Any], lang: str) -> str:
    unit = doc["unit"]
    rows = []
    for c in doc["comparisons"]:
        name = (c["name"] or {}).get(lang) or (c["name"] or {}).get("en") or c["reference"]
        ratio = ratio_text(c["ratio_low"], c["ratio_high"])
        scoped = f"{fmt(c['in_scope']['low'])}–{fmt(c['in_scope']['high'])}"
        rows.append([f"{name} (`{c['reference']}`)", f"{fmt(c['low'])}–{fmt(c['high'])}", ratio, scoped])
    header = [
        text("reference", lang),
        f"{text('range', lang)} ({unit})",
        text("ratio", lang),
        f"{text('in_scope', lang)} ({unit})",
    ]
    return table(header, rows)


def uncertainty_section(u: dict[str, Any], unit: str, lang: str) -> str:
    from nbscdr_cli.render.as_table import threshold_label

    rows = [[text("mean", lang), fmt(u["mean"])]]
    rows += [[f"P{p}", fmt(v)] for p, v in u["percentiles"].items()]
    rows += [
        [f"P({text('total', lang)} ≥ {fmt(u['thresholds'][k])}: {threshold_label(k, lang)})", f"{p:.1%}"]
        for k, p in u["probability"].items()
    ]
    header = sampling_text(u, lang)
    return f"### {text('uncertainty', lang)}\n\n{header}\n\n" + table(["", unit], rows)


def horizon_section(doc: dict[str, Any], lang: str) -> str:
    from nbscdr_cli.render.as_table import entry_parameters_text

    h = doc["horizon"]
    mass = h["unit"]
    rows = [
        [
            f"`{e['technique']}`",
            f"{fmt(e['horizon']['cumulative']['low'])}–{fmt(e['horizon']['cumulative']['high'])}",
            f"{fmt(e['horizon']['durable']['low'])}–{fmt(e['horizon']['durable']['high'])}",
            entry_parameters_text(e["horizon"], lang),
        ]
        for e in doc["entries"]
    ]
    rows.append(
        [
            f"**{text('total', lang)}**",
            f"**{fmt(h['cumulative']['low'])}–{fmt(h['cumulative']['high'])}**",
            f"**{fmt(h['durable']['low'])}–{fmt(h['durable']['high'])}**",
            "",
        ]
    )
    header = [
        text("technique", lang),
        f"{text('cumulative', lang)} ({mass})",
        f"{text('durable', lang)} ({mass})",
        "",
    ]
    section = (
        f"### {text('horizon', lang)} {h['from']}–{h['to']} ({h['years']} {text('years', lang)})\n\n"
        + table(header, rows)
    )
    if h["comparisons"]:
        comp = [
            [
                f"`{c['reference']}`",
                f"{fmt(c['low'])}–{fmt(c['high'])}",
                ratio_text(c["ratio_low"], c["ratio_high"]),
                ratio_text(c["durable_ratio_low"], c["durable_ratio_high"]),
            ]
            for c in h["comparisons"]
        ]
        section += "\n\n" + table(
            [
                text("reference", lang),
                f"{text('range', lang)} ({mass})",
                f"{text('cumulative', lang)} / {text('reference', lang)}",
                f"{text('durable', lang)} / {text('reference', lang)}",
            ],
            comp,
        )
    if "uncertainty" in h:
        cu, du = h["uncertainty"]["cumulative"], h["uncertainty"]["durable"]
        mc = [[text("mean", lang), fmt(cu["mean"]), fmt(du["mean"])]]
        mc += [[f"P{p}", fmt(cu["percentiles"][p]), fmt(du["percentiles"][p])] for p in cu["percentiles"]]
        section += "\n\n" + table(
            ["", f"{text('cumulative', lang)} ({mass})", f"{text('durable', lang)} ({mass})"], mc
        )
    return section


def render(kind: str, doc: dict[str, Any], *, lang: str, env: Environment) -> str:
    if kind == "portfolio":
        title = text("portfolio", lang) + (f": {doc['name']}" if doc["name"] else "")
        parts = [f"## {title}", "", portfolio_table(doc, lang)]
        if doc["comparisons"]:
            parts += ["", f"### {text('comparison', lang)}", "", comparison_table(doc, lang)]
        if "uncertainty" in doc:
            parts += ["", uncertainty_section(doc["uncertainty"], doc["unit"], lang)]
        if "horizon" in doc:
            parts += ["", horizon_section(doc, lang)]
        parts += ["", f"### {text('notes_heading', lang)}", ""]
        parts += [f"- {w['message']}" for w in doc["warnings"]]
        return "\n".join(parts)
    if kind == "catalog":
        rows = [
            [
                f"`{t['id']}`",
                t["name"].get(lang) or t["name"]["en"],
                range_text(t, lang),
                text("scope." + t["scope"], lang, otherwise=t["scope"]) if t["scope"] else "",
                (t["readiness"] or {}).get(lang) or (t["readiness"] or {}).get("en", ""),
            ]
            for t in doc["techniques"]
        ]
        header = [text(k, lang) for k in ("id", "name", "range", "scope", "readiness")]
        return table(header, rows)
    if kind == "compare":
        from nbscdr_cli.render.as_table import row_notes

        refs = [c["reference"] for c in (doc["rows"][0].get("comparisons") or [])] if doc["rows"] else []
        header = [
            text(doc["by"], lang),
            f"{text('low', lang)} ({doc['unit']})",
            f"{text('high', lang)} ({doc['unit']})",
        ]
        header += [f"{text('ratio', lang)} ({r})" for r in refs] + [text("notes", lang)]
        rows = []
        for row in doc["rows"]:
            cells: list[Any] = [f"{row['name']} (`{row[doc['by']]}`)"]
            if row["low"] is None:
                cells += ["–", "–", *["–" for _ in refs]]
            else:
                cells += [fmt(row["low"]), fmt(row["high"])]
                cells += [ratio_text(c["ratio_low"], c["ratio_high"]) for c in row["comparisons"]]
            rows.append([*cells, row_notes(row, lang)])
        return table(header, rows)
    if kind == "assessments":
        header = [text(k, lang) for k in ("id", "name", "measure", "techniques", "citation")]
        rows = [
            [
                f"`{a['id']}`",
                a["name"].get(lang) or a["name"]["en"],
                a["measure"] or "",
                ", ".join(a["techniques"]),
                a["citation"],
            ]
            for a in doc["assessments"]
        ]
        return table(header, rows)
    if kind == "technique":
        from nbscdr_cli.render.as_table import technique_fields

        lines = [f"## {doc['name'].get(lang) or doc['name']['en']} (`{doc['id']}`)", ""]
        for key, value in technique_fields(doc, lang):
            if isinstance(value, list):
                lines.append(f"**{key}**:")
                lines += [f"- {item}" for item in value]
            else:
                lines.append(f"**{key}**: {value}")
            lines.append("")
        return "\n".join(lines)
    return f"{fmt(doc['value'])} {doc['unit']}"
