"""The speedup-distribution figure of ``skel eval --plot`` (matplotlib, Agg backend, imported lazily)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from pathlib import Path


def plot_speedups(
    speedups: Sequence[float],
    path: str | Path,
    *,
    title: str = "Speedup over baseline",
    average: float | None = None,
    ratio: float | None = None,
) -> Path:
    """Write a histogram of log10(t_baseline / t_model) per jointly solved problem to ``path``.

    A log axis because speedups are ratios: 0.5x and 2x sit symmetrically around the 1x line.
    """
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    values = [math.log10(s) for s in speedups if s > 0]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    try:
        if values:
            low, high = min(values + [0.0]), max(values + [0.0])
            span = max(high - low, 0.5)
            bins = max(10, min(60, int(len(values) ** 0.5 * 3)))
            ax.hist(
                values,
                bins=bins,
                range=(low - 0.05 * span, high + 0.05 * span),
                color="#4C72B0",
                edgecolor="white",
            )
        else:
            ax.text(0.5, 0.5, "no jointly solved problems", ha="center", va="center", transform=ax.transAxes)
        ax.axvline(0.0, color="black", linestyle="--", linewidth=1, label="1x (as fast as baseline)")
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        if values and max([*values, 0.0]) - min([*values, 0.0]) >= 2:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=7, integer=True))  # whole decades, at most ~8
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _ratio_label(10**x)))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("speedup t_baseline / t_model (log scale)")
        ax.set_ylabel("problems")
        facts = [f"n = {len(values)}"]
        if average is not None:
            facts.append(f"AS = {average:.2f}x")
        if ratio is not None:
            facts.append(f"ER = {ratio:.1%}")
        if values:  # AS is dominated by a few huge ratios; the median says what is typical
            facts.append(f"median = {statistics.median([s for s in speedups if s > 0]):.3g}x")
        ax.set_title(f"{title}\n{', '.join(facts)}", fontsize=10)
        ax.set_ylim(0, ax.get_ylim()[1] * 1.18)  # headroom for the legend
        ax.legend(loc="upper right", fontsize=8)
        fig.tight_layout()
        path = Path(path)
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path


def _ratio_label(value: float) -> str:
    """``0.001x``, ``3.16x``, ``1,000x``: plain numbers rather than matplotlib's ``1e+03``."""
    return f"{value:,.0f}x" if value >= 1000 else f"{value:.3g}x"
