"""The briefing as one self-contained HTML page: the Markdown of ``brief.py``
rendered by markdown-it-py, the chart inline as SVG (its text kept as text), a
print-friendly style sheet, the page's language declared, and Chinese fonts
named in the font stack. Nothing is fetched from the network: the Markdown's
links, images and raw HTML are not rendered (user text is escaped before, this
is a second guard), and a Content-Security-Policy forbids every load."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

STYLE = """
:root { color-scheme: light; }
body { font-family: "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; line-height: 1.45; color: #1b1b1b;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
html:lang(zh) body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 1.4rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; }
h1, h2, h3 { break-after: avoid; }
h1 + *, h2 + *, h3 + * { break-before: avoid; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .2rem .5rem; vertical-align: top; }
th { background: #eef3f7; }
td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; }
code { font-size: .85rem; }
:lang(zh) i { font-style: normal; }
@page { size: A4; margin: 10mm 13mm; }
@media print {
  html { font-size: 8pt; }
  body { margin: 0; padding: 0; max-width: none; line-height: 1.2; }
  h1 { font-size: 1.4rem; margin: 0 0 .1rem; }
  h2 { font-size: 1.1rem; margin: .35rem 0 .1rem; }
  p, ul, ol { margin: .2rem 0; }
  ul, ol { padding-left: 1.3rem; }
  table { font-size: .9rem; margin: .25rem 0; }
  th, td { padding: .05rem .35rem; }
  table, figure, li, tr { break-inside: avoid; }
  figure { margin: .2rem 0; }
  figure.chart svg { width: 7.2in; max-width: 100%; height: auto; }
  /* the back matter (caveats, notes, decisions, sources), read after the bottom line,
     the table and the chart: one flow in two columns of smaller text, so no section
     leaves half a column empty and the page holds a region's longer lists */
  .back { columns: 2; column-gap: 1.2rem; font-size: 7pt; line-height: 1.15; }
  .back h2 { font-size: 8.5pt; margin: .3rem 0 .1rem; }
  .back h2:first-child { margin-top: 0; }
  .back h3 { font-size: 7pt; margin: .25rem 0 .05rem; }
  .back ul, .back ol { padding-left: 1rem; }
  .back li { margin-bottom: .1rem; }
  .back h2:last-of-type + ol { font-size: 7pt; }
  .back table { font-size: 7pt; }
  .back > p:last-child { font-size: 7pt; color: #444; }
  code { font-size: 1em; }
}
"""

LANGS = {"en": "en", "zh": "zh-Hans"}
# Nothing may be loaded: no script, image, font, frame or style sheet from
# anywhere; the page's own style element is its only style.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def inline_svg(svg: bytes) -> str:
    """An SVG document as an element to put in HTML: no XML prolog or doctype."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else ""


def page(markdown: str, lang: str, title: str, chart: bytes | None = None, back: Sequence[str] = ()) -> str:
    """The HTML page for a briefing in Markdown, with ``chart`` (SVG) after its
    portfolio table; from the first section headed by one of ``back`` on, the
    back matter (printed in two columns)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    if lang == "zh":
        # No <em> on Chinese (typography.md rule 5): should a *…* reach a Chinese
        # page, it is set in weight, as the Markdown's own emphasis is.
        parser.add_render_rule("em_open", lambda *_args: "<strong>")
        parser.add_render_rule("em_close", lambda *_args: "</strong>")
    body = parser.disable(["link", "image", "autolink", "html_inline", "html_block"]).render(markdown)
    if chart is not None:
        figure = f'<figure class="chart">{inline_svg(chart)}</figure>'
        body = re.sub(r"(</table>)", r"\1" + figure.replace("\\", "\\\\"), body, count=1)
    found = [body.find(f"<h2>{html.escape(h, quote=False)}</h2>") for h in back]
    if any(at >= 0 for at in found):
        start = min(at for at in found if at >= 0)
        if start >= 0:
            body = body[:start] + '<div class="back">\n' + body[start:] + "</div>\n"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{LANGS.get(lang, lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
