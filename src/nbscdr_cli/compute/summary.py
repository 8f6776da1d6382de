"""What an uncertainty computation returns: the statistics of each total
(``Summary``) and the whole result with how it was computed (``Simulation``).
Both methods (``sampling``, ``convolution``) produce these."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from nbscdr_cli.model.enums import Distribution, Method


@dataclass(frozen=True)
class Summary:
    """Statistics of one total (e.g. the annual total)."""

    mean: float
    std: float
    percentiles: Mapping[float, float]
    probability: Mapping[str, float]  # threshold name -> P(total >= threshold)
    thresholds: Mapping[str, float]
    # ((low, high), weights of 32 equal bins over the total's support, for display):
    # sample counts (Monte Carlo) or probabilities (convolution)
    histogram: tuple[tuple[float, float], tuple[float, ...]]


@dataclass(frozen=True)
class Simulation:
    """The distribution of each total, with how it was computed. ``samples`` and
    ``seed`` are None for the convolution method. ``percentile_method``: "exact"
    (order statistics of every sample), "histogram" (a 2^20-bin histogram of the
    samples) or "grid" (the convolution's grid)."""

    method: Method
    samples: int | None
    seed: int | None
    distribution: Distribution
    correlation: float
    percentile_method: str
    totals: Mapping[str, Summary]
    # each entry's own percentiles (from its distribution's quantile function):
    # marginal, so they do not add up to the total's
    marginals: tuple[Mapping[float, float], ...] = ()

    @property
    def exact(self) -> bool:
        """Percentiles are exact order statistics of the samples."""
        return self.percentile_method == "exact"
