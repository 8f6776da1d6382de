"""What each note qualifies, and whether a reader needs it to quote the figures.

Every note in a document carries:

- ``essential``: true for what a reader must know not to misquote a figure — the
  sum of extremes, "up to" entries, double counting, each reference's scope, a
  figure's caveat (not removals alone, "debated"), a stand-in or unsourced
  figure, the distribution an uncertainty assumes, a period's assumptions, and
  what a reference measures where it is not a potential (the kinds differ),
  for a country or region what its figures are, the studies Roe et al. (2021)
  adapt them from, why no global reference is compared, and how to read the land
  table (shown wherever the table is);
  false for what the output already says elsewhere or what only describes
  (whose figures the title names, what a reference that is a potential measures, a CO2e figure
  that is a removal of CO2 alone, the closing word on permanence); a figure
  that may count more than CO2 removal (``co2e`` with ``includes`` beyond
  "co2-removal", or in CO2e with none given) is a caveat, so essential. The text formats print the essential
  notes by default (``--notes all`` prints every one); JSON keeps them all.
- ``anchors``: the cells the note qualifies, so a table can mark them with the
  note's footnote marker: ``entry:<id>`` (an entry's row), ``low:<id>`` (its low
  end), ``total`` and ``period-total`` (the totals: also of an entry's figure
  that is not CO2 removal alone), ``reference:<id>`` (a reference's row), ``period-entry:<id>``
  and ``period-reference:<id>`` (the rows of the tables over a period), and
  ``reference:<id>@<row>`` (a reference in one row of ``compare``, for the notes
  of that row), ``table:<key>`` (a table's title: portfolio, uncertainty, horizon, compare),
  ``column:<key>``, or ``row:<key>`` (a row of ``compare``, for a note that only
  some rows have). A note with no anchor qualifies nothing in particular.
- ``summary`` (a long caveat only): its first clause and where to read the rest
  (``nbscdr show TECH``), which the essential view prints instead.
"""

from __future__ import annotations

from typing import Any

from nbscdr_cli.base.i18n import _

ESSENTIAL = frozenset(
    {
        "fallback",
        "no-source",
        "sum-of-extremes",
        "distribution",
        "up-to",
        "caveat",
        "double-counting",
        "reference-scope",
        "needs-period",
        "years",
        "no-ramp",
        "saturation",
        "saturation-range",
        "no-saturation",
        "no-reversal",
        "reference-period",
        "central-sum",
        "potential",
        "by-country",  # an assessment by country left out of a compare's world totals
        # a country's or region's figures (issue 22): what a region's sum is, which members have
        # a figure, a central value averaged from two studies, why no global reference is compared,
        # the studies behind the figures (credited as every source is), how to read the land table
        "region",
        "region-coverage",
        "two-studies",
        "omitted-references",
        "studies",
        "land",
    }
)
LONG = 160  # columns: a caveat longer than this, in clauses, is summarised in the essential view

# where a note of each code is anchored when its own fields do not say
BY_CODE = {
    "figures": ["table:portfolio"],
    "sum-of-extremes": ["total", "period-total", "table:compare"],
    "distribution": ["table:uncertainty"],
    "years": ["table:horizon"],
    "no-ramp": ["table:horizon"],
    "central-sum": ["column:central-sum"],
    "potential": ["table:compare"],
    "by-country": ["table:compare"],
    "region": ["table:portfolio"],
    "region-coverage": ["table:portfolio"],
}
PERIOD_CODES = frozenset({"saturation", "saturation-range", "no-saturation", "no-reversal"})


def anchors(note: dict[str, Any]) -> list[str]:
    """The cells a note qualifies (see the module's note), from its code and fields."""
    code = note["code"]
    ids = list(note.get("techniques") or ([note["technique"]] if note.get("technique") else []))
    if code == "up-to":
        return [f"low:{i}" for i in ids]
    if code in PERIOD_CODES:
        return [f"period-entry:{i}" for i in ids]
    if code == "reference-period" or (code == "reference" and note.get("period")):
        return [f"period-reference:{note['reference']}"]
    found = list(BY_CODE.get(code, ()))
    if _adds_to_totals(note):  # a figure that is not CO2 removal alone, in the totals as it stands
        found += ["total", "period-total"]
    found += [f"entry:{i}" for i in ids]
    refs = note.get("references") or ([note["reference"]] if note.get("reference") else [])
    if code != "needs-period":  # a reference asked for without a period is in no table
        found += [f"reference:{r}" for r in refs]
        # in compare, a reference in one row's cell: marked only with the notes of that row
        found += [f"reference:{r}@{key}" for r in refs for key in note.get("rows", ())]
    return found + [f"row:{key}" for key in note.get("for_rows", ())]


def summary(technique: str, name: str, english: str, text: str, lang: str) -> str | None:
    """A long caveat's first clause, with where to read it whole; None for a
    short one ('Macroalgal cultivation for sequestration: IPCC AR6 WGIII calls
    its potential "debated" (more: nbscdr show macroalgae).'). Whether it is long
    is decided on its English (``english``), so a document has the same keys in
    every language; ``text`` is the caveat in ``lang``."""
    if len(english) <= LONG or "; " not in english:
        return None
    first = text.replace("；", "; ").split("; ", 1)[0].rstrip(".。")
    # what to type: the id, or in Chinese the name (accepted as input, and it has no spaces)
    typed = name if lang == "zh" and " " not in name else technique
    return _("{name}: {text} (more: nbscdr show {technique}).", lang, name=name, text=first, technique=typed)


def _not_removal_alone(note: dict[str, Any]) -> bool:
    """A figure that counts more than CO2 removal, as its data says (issue 21), or
    one in CO2e whose data does not say what it counts (Roe et al. (2021)'s biochar):
    a caveat on it, so essential; one in CO2e that is a removal alone is not."""
    return note["code"] == "co2e" and list(note.get("includes") or ()) != ["co2-removal"]


def _other_kind(note: dict[str, Any]) -> bool:
    """What a reference measures, where it is not a potential (a scenario's
    deployment, a cumulative amount, a mitigation potential with avoided
    emissions): the portfolio's figures are potentials, so the comparison is of
    unlike kinds, which a reader must know not to misquote it."""
    return bool(note["code"] == "reference" and note.get("kind", "potential") != "potential")


def _adds_to_totals(note: dict[str, Any]) -> bool:
    """A caveat on an entry's figure that counts more than CO2 removal (or is in
    CO2e and does not say what it counts): the totals add it as it stands, so they
    mix it with removals of CO2 and carry its note too."""
    return _not_removal_alone(note) and bool(note.get("technique"))


def annotate(notes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each note with ``essential`` and ``anchors`` (before its message)."""
    out = []
    for note in notes:
        message = note["message"]
        rest = {k: v for k, v in note.items() if k != "message"}
        essential = note["code"] in ESSENTIAL or _not_removal_alone(note) or _other_kind(note)
        out.append({**rest, "essential": essential, "anchors": anchors(note), "message": message})
    return out
