"""The one unit registry of nbscdr: parse unit strings, check their dimension, convert.

Removals are carried inside the library as plain floats in one canonical unit:
``Gt CO2/yr`` for rates and ``Gt CO2`` for amounts. Units exist only at the edges,
where a user or a data file writes them, and where output is rendered.

The registry is a small pint registry built from the definitions below, not pint's
default one (which costs ~100 ms to build and knows thousands of irrelevant units).
Carbon and CO2 are one dimension, ``[carbon]``, with ``CO2 = 12/44 C``: the ratio of
the molar masses rounded to the integers 12 and 44 that the literature uses (a
tonne of C is 44/12 ≈ 3.667 t CO2). ``CO2e`` is treated as CO2: for a removal of
CO2 itself, one tonne of CO2 is one tonne of CO2-equivalent. A year is the Julian
year, 365.25 days.

Importing pint costs ~150-190 ms (it imports numpy), more than everything else a
command does. Parsed factors therefore go into a small JSON cache in the user's
cache folder, keyed by the registry definition, so that a repeated unit string is
converted without importing pint at all. The cache is best effort: a read-only or
missing HOME only means pint is imported every time, an entry that is not exactly
a kind and a finite positive factor is skipped, and a cached kind that would
refuse the unit is checked with pint first.
"""

from __future__ import annotations

import math
import re
import zlib
from functools import cache
from typing import Any, Literal, NamedTuple

from nbscdr_cli.model.errors import InputError, UnitError, expect

CANONICAL_RATE = "Gt CO2/yr"
CANONICAL_MASS = "Gt CO2"

DEFINITIONS = (
    "gram = [mass] = g",
    "tonne = 1e6 * gram = t",
    "kilo- = 1e3 = k",
    "mega- = 1e6 = M",
    "giga- = 1e9 = G",
    "tera- = 1e12 = T",
    "peta- = 1e15 = P",
    "second = [time] = s",
    "minute = 60 * second = min",
    "hour = 60 * minute = h",
    "day = 24 * hour = d",
    "year = 365.25 * day = yr = a",
    "carbon = [carbon] = C",
    # 1 t CO2 holds 12/44 t of carbon. CO2e shares CO2's factor so that a figure a
    # source gives in CO2e is added as it stands (each such figure says what it
    # counts); `convert` refuses to turn CO2e into CO2 or C (``convert``).
    "carbon_dioxide = 12 / 44 * carbon = CO2 = CO2e = CO2eq",
)

ACCEPTED = (
    "a mass of CO2 or C per time, e.g. 'Gt CO2/yr', 'GtCO2/yr', 'Mt C/yr', 'Pg C/yr', "
    "'t CO2/day' (masses g kg t kt Mt Gt Tg Pg; CO2, CO2e or C; per yr, a, year or day)"
)
ACCEPTED_MASS = "a mass of CO2 or C, e.g. 'Gt CO2', 'Mt C', 'Pg C', 't CO2e'"

Kind = Literal["rate", "mass"]

MAX_UNIT_LENGTH = 80
_ALLOWED = re.compile(r"^[A-Za-z0-9 .*/^()_+-]+$")
# Only small integer exponents: `10**10**10` or `yr**(1e9)` never reach pint.
_EXPONENT = re.compile(r"(\*\*|\^)\s*([-+]?\d{1,2})(?![\d.eE(])")
_EXPONENT_OPERATOR = re.compile(r"\*\*|\^")
# A power of a bare number (`10**10**10`) is arithmetic, not a unit.
_NUMBER_POWER = re.compile(r"(?<![A-Za-z0-9_])[\d.]+(?:[eE][-+]?\d+)?\s*(\*\*|\^)")
# "GtCO2/yr" -> "Gt CO2/yr", "MtC" -> "Mt C": a mass prefix glued to the species.
_GLUED_SPECIES = re.compile(r"(?<=[A-Za-z])(?=(?:CO2eq|CO2e|CO2|C)(?![A-Za-z0-9]))")
# "Gt CO2 yr-1" -> "Gt CO2 yr**-1", the way papers write it.
_SUFFIX_EXPONENT = re.compile(r"(?<=[A-Za-z])-(\d)\b")
_NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_QUANTITY = re.compile(rf"^\s*({_NUMBER})\s*(.*?)\s*$")


class Unit(NamedTuple):
    """A parsed unit: the text as written, its kind and its factor to canonical."""

    text: str
    kind: Kind
    factor: float  # multiply a value in this unit by it to get Gt CO2(/yr)


def normalise(text: str) -> str:
    """The unit text as pint should see it (glued species split, spaces collapsed)."""
    text = " ".join(text.split())
    text = _GLUED_SPECIES.sub(" ", text)
    return _SUFFIX_EXPONENT.sub(r"**-\1", text)


def _check_text(text: str, where: str | None, field: str | None = None) -> None:
    if not text.strip():
        raise UnitError(f"empty unit; expected {ACCEPTED}", where=where, field=field)
    if len(text) > MAX_UNIT_LENGTH:
        raise UnitError(
            f"unit is {len(text)} characters long (at most {MAX_UNIT_LENGTH}); expected {ACCEPTED}",
            where=where,
            field=field,
        )
    if not _ALLOWED.match(text):
        bad = next(ch for ch in text if not _ALLOWED.match(ch))
        raise UnitError(
            f"unit {text!r} has the character {bad!r}; expected {ACCEPTED}", where=where, field=field
        )
    operators = list(_EXPONENT_OPERATOR.finditer(text))
    bases_ok = all(re.search(r"[A-Za-z0-9)]\s*$", text[: m.start()]) for m in operators)
    if len(operators) != len(_EXPONENT.findall(text)) or not bases_ok or _NUMBER_POWER.search(text):
        raise UnitError(
            f"unit {text!r}: only small integer exponents such as '**-1' are allowed",
            where=where,
            field=field,
        )
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth != 0:
        raise UnitError(f"unit {text!r} has unbalanced parentheses", where=where, field=field)


@cache
def registry() -> Any:
    """The project's pint registry, built on first use (pint is imported here only)."""
    import pint

    ureg: Any = pint.UnitRegistry(None, cache_folder=None, autoconvert_offset_to_baseunit=False)
    for line in DEFINITIONS:
        ureg.define(line)
    return ureg


def _pint_factor(text: str) -> tuple[Kind, float] | str:
    """Parse with pint: (kind, factor) or a reason it is refused."""
    ureg = registry()
    try:
        quantity = ureg.parse_expression(text)
    except Exception as exc:  # pint raises many types for hostile text; all mean "not a unit"
        name = type(exc).__name__
        detail = getattr(exc, "args", ("",))[0] if name == "UndefinedUnitError" else ""
        return f"{detail!r} is not a known unit" if detail else "cannot be parsed"
    if not hasattr(quantity, "to"):
        return "a bare number is not a unit"
    for kind, target in (("rate", CANONICAL_RATE), ("mass", CANONICAL_MASS)):
        if quantity.dimensionality == ureg.parse_expression(target).dimensionality:
            try:
                factor = float(quantity.to(target).magnitude)
            except Exception:
                return "cannot be converted"
            return (kind, factor)  # type: ignore[return-value]
    return f"has the wrong dimension ({quantity.dimensionality})"


# The factor cache is keyed by the definitions; crc32 (zlib is already loaded) is
# enough to tell versions apart, and cheaper to import than hashlib.
DEFINITION_KEY = f"{zlib.crc32(chr(10).join(DEFINITIONS).encode()):08x}"
_CACHE_NAME = f"units-{DEFINITION_KEY}.json"
MAX_CACHED_UNITS = 1000


def _valid_entry(value: Any) -> tuple[Kind, float] | None:
    """A cached [kind, factor] pair, or None if it is not exactly that."""
    if not (isinstance(value, list) and len(value) == 2 and value[0] in ("rate", "mass")):
        return None
    factor = value[1]
    if isinstance(factor, bool) or not isinstance(factor, int | float):
        return None
    try:
        factor = float(factor)
    except OverflowError:  # an integer of hundreds of digits
        return None
    return (value[0], factor) if math.isfinite(factor) and factor > 0 else None


@cache
def _disk_cache() -> dict[str, tuple[Kind, float]]:
    """Unit factors from the cache (where caching is on); damaged entries are skipped."""
    from nbscdr_cli.base import cache as store

    raw = store.read(_CACHE_NAME, limit=1024 * 1024)
    if raw is None:
        return {}
    import json

    try:
        data = json.loads(raw)
    except Exception:  # damaged, too deep, not UTF-8: a miss
        return {}
    if not isinstance(data, dict):
        return {}
    found = {}
    for text, value in data.items():
        entry = _valid_entry(value)
        if entry is not None:
            found[text] = entry
    return found


def _remember(text: str, kind: Kind, factor: float) -> None:
    from nbscdr_cli.base import cache as store

    cached = _disk_cache()
    cached[text] = (kind, factor)
    if not store.enabled() or len(cached) > MAX_CACHED_UNITS:
        return
    import json

    store.write(_CACHE_NAME, json.dumps({k: list(v) for k, v in cached.items()}, sort_keys=True).encode())


def parse_unit(
    text: str, *, kind: Kind | None = "rate", where: str | None = None, field: str | None = None
) -> Unit:
    """Parse a unit string and check its dimension.

    ``kind`` is the dimension wanted: "rate" (mass of CO2 or C per time), "mass"
    (mass of CO2 or C), or None for either. Raises UnitError with a message saying
    what is accepted.
    """
    if not isinstance(text, str):
        if where is None and field is None:  # called directly: the argument's type
            raise TypeError(f"text must be a str such as {CANONICAL_RATE!r}, not {type(text).__name__}")
        raise UnitError(f"unit must be a string such as {CANONICAL_RATE!r}", where=where, field=field)
    _check_text(text, where, field)
    key = normalise(text)
    found: tuple[Kind, float] | str | None = (
        ("rate", 1.0) if key == CANONICAL_RATE else _disk_cache().get(key)
    )
    if found is None or (kind is not None and found[0] != kind and key != CANONICAL_RATE):
        # A miss, or a cached answer that would refuse the unit: pint decides,
        # so that no cache entry, however damaged, can refuse a valid unit.
        found = _pint_factor(key)
        if isinstance(found, tuple) and math.isfinite(found[1]) and found[1] > 0:
            _remember(key, *found)
    accepted = {"rate": ACCEPTED, "mass": ACCEPTED_MASS, None: f"{ACCEPTED}; or {ACCEPTED_MASS}"}[kind]
    if isinstance(found, str):
        raise UnitError(f"unit {text.strip()!r}: {found}; expected {accepted}", where=where, field=field)
    got_kind, factor = found
    if not (math.isfinite(factor) and factor > 0):
        raise UnitError(f"unit {text.strip()!r} is not a finite, positive scale", where=where, field=field)
    if kind is not None and got_kind != kind:
        what = "a rate (per time)" if got_kind == "rate" else "an amount (no per-time)"
        raise UnitError(f"unit {text.strip()!r} is {what}; expected {accepted}", where=where, field=field)
    return Unit(text.strip(), got_kind, factor)


_PER_TIME = re.compile(r"\s*/\s*(?:yr|a|year|day|d)\s*$")


def rate_and_mass(text: str, *, where: str | None = None, field: str | None = None) -> tuple[Unit, Unit]:
    """The rate and amount units for output: from 'Mt C/yr' the rate itself and
    'Mt C'; from 'Mt C' 'Mt C/yr' and itself. A rate not written as X/time keeps
    Gt CO2 for amounts."""
    unit = parse_unit(text, kind=None, where=where, field=field)
    if unit.kind == "mass":
        return parse_unit(f"{unit.text}/yr", kind="rate", where=where, field=field), unit
    stripped = _PER_TIME.sub("", unit.text)
    if stripped != unit.text:
        try:
            return unit, parse_unit(stripped, kind="mass", where=where, field=field)
        except UnitError:
            pass
    return unit, parse_unit(CANONICAL_MASS, kind="mass")


def rate_factor(text: str, *, where: str | None = None, field: str | None = None) -> float:
    """Factor that turns a value in the rate unit ``text`` into Gt CO2/yr."""
    return parse_unit(text, kind="rate", where=where, field=field).factor


def parse_number(
    text: str, *, where: str | None = None, what: str = "number", field: str | None = None
) -> float:
    """A finite float from user text ("1,000" as printed is fine); refuses nan,
    inf and overflowing values."""
    try:
        value = float(text.replace(",", "") if isinstance(text, str) and _GROUPED.match(text) else text)
    except (TypeError, ValueError):
        raise InputError(f"{what} {str(text)[:40]!r} is not a number", where=where, field=field) from None
    if not math.isfinite(value):
        raise InputError(f"{what} {str(text)[:40]!r} is not a finite number", where=where, field=field)
    return value


# Thousands separators as nbscdr prints them: 1,000 or 12,345.6 (not 1,00).
_GROUPED = re.compile(r"^\s*[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][-+]?\d+)?\s*$")


def parse_quantity(text: str, *, where: str | None = None, field: str | None = None) -> tuple[float, Unit]:
    """Split "1 Gt C/yr" (or "1,000 Mt CO2/yr", as printed) into a value and a
    parsed unit (rate or mass)."""
    expect(text, str, "text", "a str such as '1 Gt C/yr'")
    match = _QUANTITY.match(text)
    if match is None or not match.group(2):
        raise InputError(
            f"{text[:60]!r} is not a quantity; write a number and a unit, e.g. '1 Gt C/yr'",
            where=where,
            field=field,
        )
    value = parse_number(match.group(1), where=where, field=field)
    return value, parse_unit(match.group(2), kind=None, where=where, field=field)


_CO2E = re.compile(r"(?<![A-Za-z0-9_])CO2(?:e|eq)(?![A-Za-z0-9_])")


def is_co2e(unit: Unit) -> bool:
    """Whether a unit is of CO2-equivalents ('Gt CO2e/yr', 'GtCO2eq'), not of CO2 or C."""
    return bool(_CO2E.search(normalise(unit.text)))


def convert(value: float, source: Unit, target: Unit, *, where: str | None = None) -> float:
    """Convert ``value`` from one parsed unit to another of the same kind
    (``where``: the target unit's place, for messages); CO2e only to CO2e, since
    a CO2-equivalent is not a mass of CO2 or carbon."""
    expect(value, (int, float), "value", "a number")
    expect(source, Unit, "source", "a Unit (parse_unit)")
    expect(target, Unit, "target", "a Unit (parse_unit)")
    if source.kind != target.kind:
        raise UnitError(
            f"cannot convert {source.text!r} ({source.kind}) to {target.text!r} ({target.kind})", where=where
        )
    if is_co2e(source) != is_co2e(target):
        # No factor turns a CO2-equivalent into CO2 or carbon: it may count methane,
        # nitrous oxide or avoided emissions, whose share no unit says.
        raise UnitError(
            f"cannot convert {source.text!r} to {target.text!r}: CO2e is not CO2 (a CO2e figure may count "
            "methane, nitrous oxide or avoided emissions), so it has no CO2 or carbon mass to convert; "
            "convert CO2e to CO2e, or CO2 and C between themselves",
            where=where,
        )
    result = value * source.factor / target.factor
    if not math.isfinite(result):
        raise InputError(
            f"{value:g} {source.text} is out of range in {target.text!r}; choose a larger unit", where=where
        )
    return result
