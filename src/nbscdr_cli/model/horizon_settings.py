"""The settings of a period: its years, and each entry's ramp-up, saturation and
reversal, as the user gives them (a number for every entry, or per technique;
a saturation time may be a range of years), checked and resolved against the
catalog. horizon.py computes the period from them.
"""

# No `from __future__ import annotations`: the fields keep real types in help().
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nbscdr_cli.model.catalog import Catalog
from nbscdr_cli.model.errors import InputError, UsageError, cut
from nbscdr_cli.model.names import did_you_mean

EARLIEST_YEAR = 1900
LATEST_YEAR = 2500


Years = float | tuple[float, float]  # a number of years, or a (low, high) range of them


@dataclass(frozen=True)
class Setting:
    """A horizon parameter: one value for every entry and/or per-technique values
    (keyed by technique id, or by any name of a technique until the request is
    resolved against the catalog). Saturation times may be (low, high) ranges."""

    default: Years | None = None
    per_technique: Mapping[str, Years] = field(default_factory=dict)

    def for_technique(self, tid: str) -> Years | None:
        return self.per_technique.get(tid, self.default)

    @property
    def given(self) -> bool:
        return self.default is not None or bool(self.per_technique)

    def shown(self) -> str:
        """The setting as a caller would give it: a number, a mapping, or both."""
        per = dict(self.per_technique)
        if self.default is None:
            return repr(per)
        if not per:
            return repr(self.default)
        return f"Setting(default={self.default!r}, per_technique={per!r})"

    @classmethod
    def of(cls, value: "Setting | Years | Mapping[str, Years] | None", name: str = "setting") -> "Setting":
        """A Setting from a number (every entry), a mapping (per technique) or
        None; another type is a TypeError naming ``name``."""
        if isinstance(value, Setting):
            return value
        if value is None:
            return cls()
        what = "a number, a (low, high) pair, a mapping of technique to number, or None"
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise TypeError(
                        f"{name} must be {what}: keys are technique names, not {type(key).__name__}"
                    )
                if not _is_number(item) and not isinstance(item, tuple):
                    raise TypeError(f"{name} must be {what}, not a mapping to {type(item).__name__}")
            return cls(None, dict(value))
        if not _is_number(value) and not isinstance(value, tuple):
            raise TypeError(f"{name} must be {what}, not {type(value).__name__}")
        return cls(value)


@dataclass(frozen=True)
class HorizonSettings:
    """A period (``start`` counted, ``end`` not) and the entries' ramp-up,
    saturation and reversal: each a number for every entry, a mapping of
    technique to number, or a ``Setting``. A saturation time may also be a
    (low, high) range of years."""

    start: int
    end: int
    ramp_years: Setting = Setting()
    saturation_years: Setting = Setting()
    reversal_rate: Setting = Setting()

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            year = getattr(self, name)
            if isinstance(year, bool) or not isinstance(year, int):
                raise TypeError(f"{name} must be a year (an int), not {type(year).__name__}")
        for name in ("ramp_years", "saturation_years", "reversal_rate"):
            object.__setattr__(self, name, Setting.of(getattr(self, name), name))

    @property
    def years(self) -> int:
        return self.end - self.start

    def __repr__(self) -> str:
        fields = [f"start={self.start!r}", f"end={self.end!r}"]
        for name in ("ramp_years", "saturation_years", "reversal_rate"):
            setting: Setting = getattr(self, name)
            if setting.given:
                fields.append(f"{name}={setting.shown()}")
        return f"HorizonSettings({', '.join(fields)})"


def check_settings(settings: HorizonSettings) -> None:
    """Refuse periods and parameters out of range, naming the field at fault."""
    for name, year in (("horizon.start", settings.start), ("horizon.end", settings.end)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise UsageError(f"{cut(repr(year))} is not a year", field=name)
        if not EARLIEST_YEAR <= year <= LATEST_YEAR:
            raise UsageError(f"{year} is outside {EARLIEST_YEAR}–{LATEST_YEAR}", field=name)
    if settings.end <= settings.start:
        raise UsageError(f"{settings.end} is not after the start year {settings.start}", field="horizon.end")
    # a sink that saturates at once removes nothing: saturation takes a year or more
    for name, setting, least in (
        ("horizon.ramp_years", settings.ramp_years, 0.0),
        ("horizon.saturation_years", settings.saturation_years, 1.0),
    ):
        for given in (setting.default, *setting.per_technique.values()):
            if isinstance(given, tuple):
                if name != "horizon.saturation_years":
                    raise UsageError(f"{cut(repr(given))}: give one number of years, not a range", field=name)
                if len(given) != 2 or not all(_is_number(v) for v in given) or not given[0] <= given[1]:
                    raise UsageError(f"{cut(repr(given))} is not a (low, high) range of years", field=name)
            for value in given if isinstance(given, tuple) else (given,):
                if value is not None and not (_is_number(value) and math.isfinite(value) and value >= least):
                    raise UsageError(
                        f"{_shown(value)} is not a number of years, {least:g} or more", field=name
                    )
    for rate in (settings.reversal_rate.default, *settings.reversal_rate.per_technique.values()):
        number = isinstance(rate, int | float) and not isinstance(rate, bool)
        if rate is not None and not (number and math.isfinite(rate) and 0 <= rate < 1):  # type: ignore[arg-type,operator]
            raise UsageError(f"{_shown(rate)} is outside [0, 100%)", field="horizon.reversal_rate")


def _is_number(value: object) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float)


def _shown(value: object) -> str:
    return f"{value:.6g}" if _is_number(value) else cut(repr(value))


_NUMBER = r"[-+]?[\d.]+(?:[eE][-+]?\d+)?"
_SETTING = re.compile(
    rf"^\s*(?:(?P<tech>[^=]+?)\s*=\s*)?(?P<value>{_NUMBER})(?:\s*[-–]\s*(?P<high>{_NUMBER}))?"
    r"\s*(?P<pct>%?)\s*$"
)


def parse_setting(
    values: Sequence[str], *, field: str, percent: bool = False, ranges: bool = False
) -> Setting:
    """'20' or 'soil-carbon=20' (repeatable); with ``percent``, '1%' or '0.01';
    with ``ranges``, also '10-100' or 'soil-carbon=10-100'. Technique names stay
    as written until the request is resolved."""
    default: Years | None = None
    per: dict[str, Years] = {}
    for text in values:
        match = _SETTING.match(text)
        if match is None:
            form = (
                "1% or 0.01, or TECH=1%"
                if percent
                else "20, or TECH=20" + (", or TECH=10-100" if ranges else "")
            )
            raise UsageError(f"{cut(text)!r} is not a value such as {form}", field=field)
        try:
            value: Years = float(match.group("value"))
            high = match.group("high")
            if high is not None:
                value = (float(match.group("value")), float(high))
        except ValueError:
            raise UsageError(f"{cut(text)!r} is not a number", field=field) from None
        if isinstance(value, tuple):
            if not ranges:
                raise UsageError(f"{cut(text)!r}: give one number, not a range", field=field)
            if match.group("pct"):
                raise UsageError(f"{cut(text)!r}: give a number of years, not a percentage", field=field)
            if value[0] > value[1]:
                raise UsageError(f"{cut(text)!r}: the low end is above the high end", field=field)
            if value[0] == value[1]:
                value = value[0]
        elif match.group("pct"):
            if not percent:
                raise UsageError(f"{cut(text)!r}: give a number of years, not a percentage", field=field)
            value /= 100
        if percent and not (isinstance(value, float) and 0 <= value < 1):
            raise UsageError(
                f"{cut(text)!r} is not a share from 0 to under 100% (or 0 to under 1)", field=field
            )
        tech = match.group("tech")
        if (tech is None and default is not None) or (tech is not None and tech in per):
            what = "the value for every entry" if tech is None else repr(cut(tech))
            raise UsageError(f"{cut(text)!r}: {what} is given twice", field=field)
        if tech is None:
            default = value
        else:
            per[tech] = value
    return Setting(default, per)


def resolve(settings: HorizonSettings, catalog: Catalog, present: Sequence[str]) -> HorizonSettings:
    """``settings`` with each per-technique key turned into the technique's id;
    a technique that is not in the portfolio (ids ``present``) is refused."""
    resolved = {}
    for name in ("ramp_years", "saturation_years", "reversal_rate"):
        setting: Setting = getattr(settings, name)
        per: dict[str, Years] = {}
        for key, value in setting.per_technique.items():
            try:
                tid = key if key in present else catalog.find(key).id
            except InputError as exc:
                raise UsageError(exc.message, field=f"horizon.{name}") from None
            if tid not in present:
                raise UsageError(
                    f"{cut(key)!r} is not in the portfolio{did_you_mean(tid, present)}; "
                    f"its entries: {', '.join(present)}",
                    field=f"horizon.{name}",
                )
            if tid in per:
                raise UsageError(f"{cut(key)!r} names {tid!r}, which is given twice", field=f"horizon.{name}")
            per[tid] = value
        resolved[name] = Setting(setting.default, per)
    return HorizonSettings(settings.start, settings.end, **resolved)


def check_years(start: int | None, end: int | None) -> tuple[int, int] | None:
    """Both years of a period, or neither."""
    if start is None and end is None:
        return None
    if start is None:
        raise UsageError("a period needs a start year too", field="horizon.end")
    if end is None:
        raise UsageError("a period needs an end year too", field="horizon.start")
    return start, end
