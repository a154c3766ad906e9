"""Correctness and efficiency metrics, as pure functions on numbers (no I/O, no timing).

* ``pass_at_k``: the unbiased estimator of Chen et al. (HumanEval), ``1 - C(n-c, k) / C(n, k)``, computed
  as a product so it stays exact for large ``n``.
* ``efficiency_ratio`` / ``average_speedup``: the EffiSkel release's ER and AS over *jointly solved*
  problems (both the model and the baseline have a correct solution): speedup = t_baseline / t_model; ER is
  the share of those problems where the model is at least as fast (t_model <= t_baseline).
* ``beyond``: Mercury's runtime percentile, ``(r_max - clip(t, r_min, r_max)) / (r_max - r_min)`` over the
  reference runtimes of a problem; an unsolved problem scores 0.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

# perf_counter resolution guard: a measured time of 0 would make a speedup infinite.
MIN_TIME_S = 1e-7


def pass_at_k(n: int, c: int, k: int) -> float:
    """Probability that at least one of ``k`` samples drawn from ``n`` (``c`` correct) is correct."""
    if not (0 <= c <= n) or k < 1:
        raise ValueError(f"need 0 <= c <= n and k >= 1, got n={n}, c={c}, k={k}")
    if k > n:
        raise ValueError(f"pass@{k} needs at least {k} samples, got {n}")
    if n - c < k:
        return 1.0
    product = 1.0
    for i in range(n - c + 1, n + 1):
        product *= 1.0 - k / i
    return 1.0 - product


def speedup(baseline_s: float, model_s: float) -> float:
    """t_baseline / t_model, with both times floored at ``MIN_TIME_S``."""
    return max(baseline_s, MIN_TIME_S) / max(model_s, MIN_TIME_S)


def efficiency_ratio(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Share of (t_model, t_baseline) pairs where the model is at least as fast; None for no pairs."""
    if not pairs:
        return None
    return sum(1 for model, base in pairs if model <= base) / len(pairs)


def average_speedup(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Arithmetic mean of t_baseline / t_model over (t_model, t_baseline) pairs (the release's AS)."""
    if not pairs:
        return None
    return statistics.fmean(speedup(base, model) for model, base in pairs)


def geometric_mean_speedup(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Geometric mean of the speedups: robust to a few huge ratios, symmetric for slow-downs."""
    if not pairs:
        return None
    return math.exp(statistics.fmean(math.log(speedup(base, model)) for model, base in pairs))


def beyond(time_s: float | None, reference_runtimes: Sequence[float]) -> float | None:
    """Mercury's Beyond for one problem: 1 = at least as fast as the fastest reference, 0 = as slow as
    the slowest (or unsolved: ``time_s`` None). None when there are no reference runtimes."""
    if not reference_runtimes:
        return None
    if time_s is None:
        return 0.0
    low, high = min(reference_runtimes), max(reference_runtimes)
    if high == low:
        return 1.0 if time_s <= low else 0.0
    return (high - min(max(time_s, low), high)) / (high - low)


def summarise_times(times: Sequence[float], statistic: str = "mean") -> float:
    """Collapse repeated measurements: ``mean`` (the release), ``median``, ``min`` or ``hl`` (the
    Hodges-Lehmann estimator ENAMEL uses: median of all pairwise means, including each value with itself)."""
    if not times:
        raise ValueError("no measurements")
    if statistic == "mean":
        return statistics.fmean(times)
    if statistic == "median":
        return statistics.median(times)
    if statistic == "min":
        return min(times)
    if statistic == "hl":
        values = list(times)
        return statistics.median(
            (values[i] + values[j]) / 2 for i in range(len(values)) for j in range(i, len(values))
        )
    raise ValueError(f"unknown statistic {statistic!r}; expected mean, median, min or hl")


STATISTICS = ("mean", "median", "min", "hl")
