"""How to compute the uncertainty of a portfolio's totals: ``MonteCarlo`` settings,
checked as they are made, and the parsers the command line uses for them. The
methods themselves are in ``compute.uncertainty``; this module imports neither
numpy nor scipy, so the command line can build settings at start-up for free."""

# No `from __future__ import annotations`: the fields keep real types in help().
import math
from dataclasses import dataclass
from typing import Any

from nbscdr_cli.model.enums import Distribution, Method
from nbscdr_cli.model.errors import UsageError

MAX_SAMPLES = 10**10
MAX_SEED = 2**63 - 1
DEFAULT_PERCENTILES = (5.0, 50.0, 95.0)


@dataclass(frozen=True)
class MonteCarlo:
    """How to compute the uncertainty of the totals: the ``method``
    ("monte-carlo" or "convolution"), the number of ``samples`` and the ``seed``
    (Monte Carlo only: an int, a ``numpy.random.Generator`` to draw one from, or
    None for a random one), the distribution of each entry, one rank correlation
    shared by all entries (Monte Carlo only), and the percentiles to report."""

    samples: int | None = None
    seed: Any = None
    distribution: Distribution = Distribution.uniform
    correlation: float = 0.0
    percentiles: tuple[float, ...] = DEFAULT_PERCENTILES
    method: Method = Method.monte_carlo

    def __post_init__(self) -> None:
        for name, kind in (("distribution", Distribution), ("method", Method)):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(
                    f"{name} must be one of {', '.join(k.value for k in kind)}, not {type(value).__name__}"
                )
        samples_given: Any = self.samples
        if samples_given is not None and (
            isinstance(samples_given, bool) or not isinstance(samples_given, int | float)
        ):
            raise TypeError(f"samples must be a whole number or None, not {type(samples_given).__name__}")
        correlation: Any = self.correlation
        if isinstance(correlation, bool) or not isinstance(correlation, int | float):
            raise TypeError(f"correlation must be a number from 0 to 1, not {type(correlation).__name__}")
        given: Any = self.percentiles
        if isinstance(given, str) or not hasattr(given, "__iter__"):
            raise TypeError(f"percentiles must be a sequence of numbers, not {type(given).__name__}")
        given = tuple(given)
        for p in given:
            if isinstance(p, bool) or not isinstance(p, int | float):
                raise TypeError(f"percentiles must be numbers, not {type(p).__name__}")
        if not given:
            raise UsageError("give at least one percentile, e.g. (5, 50, 95)", field="percentiles")
        object.__setattr__(self, "percentiles", given)
        if isinstance(self.distribution, str) and not isinstance(self.distribution, Distribution):
            object.__setattr__(self, "distribution", parse_distribution(self.distribution))
        if isinstance(self.method, str) and not isinstance(self.method, Method):
            object.__setattr__(self, "method", parse_method(self.method))
        samples: Any = self.samples
        if isinstance(samples, float) and samples.is_integer():  # 1e6 is a fine number of samples
            object.__setattr__(self, "samples", int(samples))
        # Equal percentiles would share one key in the results: keep each once, in order.
        object.__setattr__(self, "percentiles", tuple(dict.fromkeys(float(p) for p in self.percentiles)))
        check_settings(self)

    def __repr__(self) -> str:
        fields = [
            f"samples={self.samples!r}",
            f"seed={self.seed!r}",
            f"distribution={self.distribution.value!r}",
            f"correlation={self.correlation!r}",
            f"percentiles={self.percentiles!r}",
            f"method={self.method.value!r}",
        ]
        return f"MonteCarlo({', '.join(fields)})"


CONVOLUTION_NEEDS_FIXED_SATURATION = (
    "convolution needs one saturation time per entry; a range of saturation times needs sampling"
)


def check_settings(settings: MonteCarlo) -> None:
    """Refuse settings out of range or that do not go with the method, naming
    the field at fault."""
    if not (math.isfinite(settings.correlation) and 0 <= settings.correlation <= 1):
        raise UsageError(f"{settings.correlation} is outside 0–1", field="correlation")
    for p in settings.percentiles:
        if not (math.isfinite(p) and 0 < p < 100):
            raise UsageError(f"{p:g} is outside (0, 100)", field="percentiles")
    if settings.method is Method.convolution:
        _check_convolution(settings)
        return
    if settings.samples is None:
        raise UsageError("the Monte Carlo method needs a number of samples", field="samples")
    if isinstance(settings.samples, bool) or not isinstance(settings.samples, int):
        raise UsageError("must be a whole number", field="samples")
    if not 1 <= settings.samples <= MAX_SAMPLES:
        raise UsageError(f"{settings.samples} is outside 1–{MAX_SAMPLES:.0e}", field="samples")
    seed = settings.seed
    if seed is not None and not is_generator(seed):
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise UsageError("must be a whole number or a numpy.random.Generator", field="seed")
        if not 0 <= seed <= MAX_SEED:
            raise UsageError(f"{seed} is outside 0–{MAX_SEED}", field="seed")


def _check_convolution(settings: MonteCarlo) -> None:
    if settings.samples is not None:
        raise UsageError(
            "convolution computes the distribution without sampling: give no samples", field="samples"
        )
    if settings.seed is not None:
        raise UsageError("convolution draws no samples, so it takes no seed", field="seed")
    if settings.correlation != 0:
        raise UsageError(
            f"{settings.correlation:g} needs sampling: convolution is for independent entries (correlation 0)",
            field="correlation",
        )
    if settings.distribution is Distribution.lognormal:
        raise UsageError(
            "lognormal needs sampling: convolution works on the total's bounded range, and a lognormal has none",
            field="distribution",
        )


def is_generator(value: Any) -> bool:
    return type(value).__name__ == "Generator" and hasattr(value, "bit_generator")


def parse_distribution(text: str) -> Distribution:
    try:
        return Distribution(text.strip().lower())
    except ValueError:
        choices = ", ".join(d.value for d in Distribution)
        raise UsageError(f"{text!r} is not one of {choices}", field="distribution") from None


def parse_method(text: str) -> Method:
    try:
        return Method(text.strip().lower())
    except ValueError:
        choices = ", ".join(m.value for m in Method)
        raise UsageError(f"{text!r} is not one of {choices}", field="method") from None


def parse_percentiles(text: str) -> tuple[float, ...]:
    """'10,90' -> (5, 10, 50, 90, 95): the defaults plus the ones asked for."""
    values = set(DEFAULT_PERCENTILES)
    for part in text.split(","):
        part = part.strip().rstrip("%")
        if not part:
            continue
        try:
            value = float(part)
        except ValueError:
            raise UsageError(f"{part!r} is not a number", field="percentiles") from None
        if not (math.isfinite(value) and 0 < value < 100):
            raise UsageError(f"{part} is outside (0, 100)", field="percentiles")
        values.add(value)
    return tuple(sorted(values))


def percentile_key(p: float) -> str:
    """A percentile as its JSON key and label: the shortest decimal that reads
    back as the same number, never in exponent form (5.0 -> '5', 99.99999 ->
    '99.99999', 5.0000001 -> '5.0000001', 1e-05 -> '0.00001'). Distinct
    percentiles get distinct keys."""
    text = repr(float(p))
    if "e" in text:
        from decimal import Decimal

        text = format(Decimal(text), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def parse_samples(text: str) -> int:
    """'1e6', '1000000', '1_000_000' or '1,000,000' -> 1000000; refuses 0,
    negatives, fractions."""
    cleaned = text.strip().replace("_", "").replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise UsageError(f"{text!r} is not a number", field="samples") from None
    if not math.isfinite(value) or value != int(value):
        raise UsageError(f"{text!r} is not a whole number", field="samples")
    if not 1 <= value <= MAX_SAMPLES:
        raise UsageError(f"{text} is outside 1–{MAX_SAMPLES:.0e}", field="samples")
    return int(value)
