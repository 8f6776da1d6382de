"""A request's target (``--target``): a threshold whose chance of being reached
the uncertainty analysis gives, of the annual total (a rate) or of the cumulative
total over the period (an amount).
"""

import math

from nbscdr_cli.model.errors import InputError, UsageError, cut
from nbscdr_cli.model.units import Unit


def thresholds(
    target: object, unit: Unit, *, distribution: bool, period: bool
) -> dict[str, dict[str, float]]:
    """The request's target as a threshold of the annual total (a rate, in ``unit``
    when no unit is given) or of the cumulative total over the period (an amount),
    for a request that gives the total's ``distribution`` and maybe a ``period``."""
    if target is None:
        return {}
    if not distribution:
        raise UsageError(
            "a target needs the total's distribution (samples, or the convolution method) to give its chance",
            field="target",
        )
    from nbscdr_cli.model.units import parse_number, parse_quantity

    if isinstance(target, bool) or not isinstance(target, int | float | str):
        raise UsageError(f"{cut(repr(target))} is not a number or a quantity", field="target")
    try:
        if isinstance(target, str) and not _looks_numeric(target):
            value, target_unit = parse_quantity(target, field="target")
        else:
            value, target_unit = parse_number(str(target), what="target", field="target"), unit
    except InputError as exc:  # an option's value: a usage error
        raise UsageError(exc.message, field="target") from None
    canonical = value * target_unit.factor
    if not math.isfinite(canonical):
        raise UsageError(f"{target} is out of range", field="target")
    if canonical <= 0:  # every total is 0 or more: it is always reached
        raise UsageError(f"{target} is not above 0: every total reaches it", field="target")
    if target_unit.kind == "rate":
        return {"annual": {"target": canonical}}
    if not period:
        raise UsageError(
            f"{target} is an amount: it is compared with the cumulative total, which needs a period",
            field="target",
        )
    return {"cumulative": {"target": canonical}}


def _looks_numeric(text: str) -> bool:
    """A bare number (even 'inf', refused later as not finite), with no unit."""
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True
