"""Words the library's documents and every renderer share: a unit as a reader
of each language writes it, a citation as printed after a sentence, and what a
figure is (its kind of potential, its central value, what it counts)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from nbscdr_cli.base.i18n import N_, _, join_names
from nbscdr_cli.model.sources import NBSCDR

if TYPE_CHECKING:
    from nbscdr_cli.model.catalog import Catalog
    from nbscdr_cli.model.sources import Quote

# The documents nbscdr's data cites, as citations begin with them: each has a
# Chinese form in the catalog (a title stays English where it has no Chinese edition).
DOCUMENTS = (
    N_("IPCC (2022), AR6 WGIII"),
    N_("IPCC SR1.5 (2018)"),
    N_("Fuss et al. 2018"),
    N_("UNEP, as cited in C2G 2019"),
    N_("C2G 2019"),
    N_("Smith et al. (2024), The State of Carbon Dioxide Removal, 2nd edition"),
    N_("2006 IPCC Guidelines for National Greenhouse Gas Inventories"),
    N_("Roe et al. (2021)"),
)
# Where in a document, in the words citations use.
PLACES = (
    (re.compile(r"Chapter (\d+)"), N_("Chapter {n}")),
    (re.compile(r"sections? (\d+(?:\.\d+)+) and (\d+(?:\.\d+)+)"), N_("sections {n} and {m}")),
    (re.compile(r"section (\d+(?:\.\d+)+)"), N_("section {n}")),
    (re.compile(r"Table (\d+\.\d+) and section (\d+(?:\.\d+)+)"), N_("Table {n} and section {m}")),
    (re.compile(r"Table (\d+\.\d+)"), N_("Table {n}")),
    (re.compile(r"Summary for Policymakers"), N_("Summary for Policymakers")),
    (re.compile(r"([A-E]\.\d+(?:\.\d+)*)"), None),  # an SPM paragraph: as written
    (re.compile(r"Vol\. (\d+)"), N_("Vol. {n}")),
    (re.compile(r"Ch\. (\d+)"), N_("Ch. {n}")),
    (re.compile(r"Eq\. (\d+\.\d+)"), N_("Eq. {n}")),
    (re.compile(r"table of proposed techniques"), N_("table of proposed techniques")),
    (re.compile(r"introduction"), N_("introduction")),
    (re.compile(r"abstract"), N_("abstract")),
    (re.compile(r"citing Fuss et al\. \(2018\)"), N_("citing Fuss et al. (2018)")),
    # a country's row of Roe et al. (2021)'s SI: the sheet's name stays as the SI writes it
    (re.compile(r"SI sheet '([^']+)'"), N_("SI sheet '{n}'")),
    (re.compile(r"row (\d+)"), N_("row {n}")),
    (
        re.compile(r"Table 12\.6 \(peatland and coastal wetland restoration\)"),
        N_("Table 12.6, row on peatland and coastal wetland restoration"),
    ),
)


def citation(source: str, lang: str) -> str:
    """A citation as printed: as the data writes it in English; in Chinese the
    document and place in Chinese ("IPCC第六次评估报告第三工作组报告（2022）第7章
    7.4.2.2节"), the figure itself being in the text, or as written where nbscdr
    has no Chinese form for it. nbscdr's own summary says so."""
    if source == NBSCDR:
        return _("nbscdr's summary", lang)
    if lang == "en":
        return source
    cells = _roe_cells(source, lang)
    if cells is not None:
        return cells
    key = source.partition(": ")[0]
    parts = [_document_place(part, lang) for part in key.split("; ")]
    return key if None in parts else _("; ", lang).join(str(p) for p in parts)


# A figure read from Roe et al. (2021)'s SI, as api/regional.figure_source writes it.
ROE_CELLS = re.compile(
    r"(Roe et al\. \(2021\), SI sheet '[^']+'(?:, row \d+)?)(?: \([^)]*\))?, (.+?)(?:; (summed over .+))?"
)
ROE_BLOCK = re.compile(r"'([^']+)' \(([^)]*)\), columns? ([A-Z]+(?:, [A-Z]+)*) \(([^)]*)\), (\S+)")
ROE_SUM = re.compile(r"summed over the (\d+) of (\d+) countries and territories of (.+) that have a figure")


def _roe_cells(source: str, lang: str) -> str | None:
    """A Roe et al. (2021) figure's SI cells in ``lang`` (the sheet's, blocks' and
    columns' names as the SI writes them, quoted), or None where ``source`` is not
    one or a part of it is not understood. The country's name after its row is
    left out: the text names the country."""
    whole = ROE_CELLS.fullmatch(source)
    if whole is None:
        return None
    head = _document_place(whole[1], lang)
    blocks = whole[2].split(" and '")
    found = [ROE_BLOCK.fullmatch(b if i == 0 else "'" + b) for i, b in enumerate(blocks)]
    if head is None or None in found:
        return None
    pieces = []
    for m in filter(None, found):
        studies = [
            _("{study}, {period}", lang, study=st, period=_year_span(pe, lang))
            for st, _sep, pe in (part.rpartition(", ") for part in m[2].split("; "))
        ]
        pieces.append(
            _(
                "{block} ({studies}), column {letters} ({kinds}), {unit}",
                lang,
                block=_quoted(m[1], lang),
                studies=_("; ", lang).join(studies),
                letters=join_names(m[3].split(", "), lang),
                kinds=("" if lang == "zh" else ", ").join(
                    _quoted(k.strip("'"), lang) for k in m[4].split("', '")
                ),
                unit=unit_text(m[5], lang),
            )
        )
    text = head + ("，" if lang == "zh" else ", ") + _("; ", lang).join(pieces)
    if whole[3] is None:
        return text
    summed = ROE_SUM.fullmatch(whole[3])
    label = _region_label(summed[3], lang) if summed else None
    if summed is None or label is None:
        return None
    return (
        text
        + _("; ", lang)
        + _(
            "summed over the {counted} of {total} countries and territories of {label} that have a figure",
            lang,
            counted=summed[1],
            total=summed[2],
            label=label,
        )
    )


def _quoted(text: str, lang: str) -> str:
    return f"“{text}”" if lang == "zh" else f"'{text}'"


def _year_span(period: str, lang: str) -> str:
    """'2015-2050' as a span of years: '2015—2050年' in Chinese."""
    years = re.fullmatch(r"(\d{4})-(\d{4})", period)
    if years is None or lang != "zh":
        return period
    return f"{years[1]}—{years[2]}年"


def _region_label(label: str, lang: str) -> str | None:
    """'Eastern Asia (AR6, 10 regions)' in ``lang``, or None if it is not an AR6 region's."""
    from nbscdr_cli.model.regions import GROUPING_LABELS, region_name

    for grouping, words in GROUPING_LABELS.items():
        if label.endswith(f" ({words})"):
            name = region_name(grouping, label[: -len(words) - 3])
            return _("{name} ({grouping})", lang, name=name.get(lang), grouping=_(words, lang))
    return None


def quotes_by_source(catalog: Catalog) -> dict[str, tuple[Quote, ...]]:
    """Every citation in ``catalog`` with the quotations its figure or line rests
    on, so that a list of sources can give the sentences themselves."""
    found: dict[str, tuple[Quote, ...]] = {}

    def add(source: str | None, quotes: tuple[Quote, ...]) -> None:
        if source and quotes:
            found.setdefault(source, quotes)

    for t in (catalog.all_techniques or catalog.techniques).values():
        for e in t.estimates:
            add(e.source, e.quotes)
            for sub in (e.cost, e.trl, e.caveat, *e.parts, *e.other_figures):
                if sub is not None:
                    add(sub.source, sub.quotes)
        for item in (t.readiness, t.notes, t.caveat, t.part_of, *t.durability, *t.governance, *t.remarks):
            if item is not None:
                add(item.source, item.quotes)
    for r in catalog.references.values():
        add(r.source, r.quotes)
    for o in catalog.overlaps:
        add(o.source, o.quotes)
    return found


def _document_place(text: str, lang: str) -> str | None:
    """'IPCC (2022), AR6 WGIII, Chapter 7, section 7.4.2.2' in ``lang``, or None
    where a part of it is not one nbscdr knows."""
    document = next((d for d in DOCUMENTS if text == d or text.startswith(d + ", ")), None)
    if document is None:
        return None
    out = _(document, lang)
    for place in filter(None, text[len(document) :].split(", ")):
        for pattern, words in PLACES:
            found = pattern.fullmatch(place)
            if found:
                fields = dict(zip(("n", "m"), found.groups(), strict=False))
                out += place if words is None else _(words, lang, **fields)
                break
        else:
            return None
    return out


def cited(source: str | None, lang: str) -> str:
    """' (IPCC (2022), ...)' after a sentence; nothing for no source."""
    return _(" ({text})", lang, text=citation(source, lang)) if source else ""


def unit_text(unit: str, lang: str) -> str:
    """A unit as a reader of ``lang`` writes it: 'Gt CO2/年' in Chinese."""
    if lang == "zh":
        for suffix in ("/yr", "/year", "/a"):
            if unit.endswith(suffix):
                return unit[: -len(suffix)] + "/年"
    return unit


def potential_name(potential: str, lang: str) -> str:
    """A kind of potential as a word in a sentence: 'technical', 'economic'."""
    names = {
        "technical": _("technical", lang),
        "economic": _("economic", lang),
        "sustainable": _("sustainable", lang),
    }
    return names.get(potential, potential)


def kind_phrase(kind: str, lang: str) -> str:
    """The kind of potential a figure is, as a phrase: 'technical potential',
    'sustainable potential', 'potential of a kind not stated'."""
    names = {
        "technical": _("technical potential", lang),
        "economic": _("economic potential", lang),
        "sustainable": _("sustainable potential", lang),
        "not stated": _("potential of a kind not stated", lang),
    }
    return names.get(kind, kind)


def kinds_phrase(kinds: Iterable[str], lang: str) -> str:
    """The kinds of potential of the figures in use, each once, in the order met:
    'technical potential and potential of a kind not stated'."""
    found: list[str] = []
    for kind in kinds:
        if kind not in found:
            found.append(kind)
    return (
        join_names([kind_phrase(k, lang) for k in found], lang) if found else kind_phrase("not stated", lang)
    )


def figures_phrase(doc: dict[str, Any], lang: str) -> str:
    """The kinds of potential of a portfolio document's figures (its entries'
    ``potential_kind``), for a title: 'sustainable potential'."""
    return kinds_phrase([e["potential_kind"] for e in doc["entries"] if e.get("potential_kind")], lang)


def statistic_name(statistic: str | None, lang: str) -> str:
    """What a central value is: 'mean', 'median', or 'central value' where the
    data does not say."""
    names = {"mean": _("mean", lang), "median": _("median", lang)}
    return names.get(statistic or "", _("central value", lang))


def include_name(item: str, lang: str) -> str:
    """One thing a figure counts: 'avoided emissions'."""
    names = {
        "co2-removal": _("CO2 removal", lang),
        "avoided-emissions": _("avoided emissions", lang),
        "emission-reduction": _("emission reduction", lang),
        "non-co2-gases": _("other gases (methane, nitrous oxide)", lang),
        "material-substitution": _("material substitution", lang),
    }
    return names.get(item, item)


def includes_text(includes: Iterable[str], lang: str) -> str:
    """What a figure counts, in a sentence: 'CO2 removal alone', 'CO2 removal,
    avoided emissions and methane and nitrous oxide', or 'not stated'."""
    items = list(includes)
    if not items:
        return _("not stated in the data", lang)
    if items == ["co2-removal"]:
        return _("CO2 removal alone", lang)
    names = [include_name(i, lang) for i in items]
    if lang == "zh" and len(names) > 1:  # 'A、B和C': these names hold no 和 of their own
        return "、".join(names[:-1]) + "和" + names[-1]
    return join_names(names, lang)


def kind_name(kind: str, lang: str) -> str:
    """What a reference measures, as a phrase: 'a cumulative amount'."""
    names = {
        "potential": _("a potential", lang),
        "scenario": _("the CDR deployed in scenarios, not a potential", lang),
        "cumulative": _("a cumulative amount", lang),
        "mitigation": _("a mitigation potential that includes avoided emissions, not removals alone", lang),
    }
    return names.get(kind, kind)


def kind_label(kind: str, lang: str) -> str:
    """What a reference measures, as a table cell: 'cumulative amount'."""
    names = {
        "potential": _("potential", lang),
        "scenario": _("scenario deployment", lang),
        "cumulative": _("cumulative amount", lang),
        "mitigation": _("mitigation, incl. avoided emissions", lang),
    }
    return names.get(kind, kind)


def scope_name(scope: str, lang: str) -> str:
    """A scope (forests, wetlands, ...) in ``lang``; a scope of a user's own
    catalog as it is written."""
    names = {
        "forests": _("forests", lang),
        "wetlands": _("wetlands", lang),
        "soils": _("soils", lang),
        "biomass": _("biomass", lang),
        "ocean": _("ocean", lang),
    }
    return names.get(scope, scope)


def join_scopes(scopes: tuple[str, ...] | list[str], lang: str) -> str:
    """'forests, wetlands and soils' / '森林、湿地、土壤'."""
    return join_names([scope_name(s, lang) for s in scopes], lang)


def distribution_name(distribution: str, lang: str) -> str:
    """A distribution's name: 'uniform', 'PERT'."""
    names = {
        "uniform": _("uniform", lang),
        "triangular": _("triangular", lang),
        "pert": _("PERT", lang),
        "lognormal": _("lognormal", lang),
    }
    return names.get(distribution, distribution)
