"""``mine_group``: one group of solutions of one problem in, one skeleton (or error) per solution out.

Solutions that cannot be mined (unknown language, source that does not parse, a language the strategy
does not support) get their error in their slot and are left out of the group's statistics, so one broken
solution never poisons the whitelist of the others.  ``min_count`` defaults to ``ceil(n/2)`` over the
solutions that remain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from skeldsl.errors import InternalError, SkelError, UnsupportedError
from skeldsl.mining.types import MinedSolution, Solution

__all__ = ["MiningOptions", "mine_group", "STRATEGIES"]

STRATEGIES = ("lexical", "syntactic", "dynamic", "combined")


@dataclass(frozen=True)
class MiningOptions:
    """Options of every strategy (each reads the ones it needs).

    - ``compat``: ``None`` (default mode) or ``"effiskel"`` (the release, Python only, byte for byte for
      the lexical strategy);
    - ``reindent``: re-indent with tabs as APPS does before masking (always on under ``compat``);
    - ``tolerance`` / ``min_count``: the syntactic similarity threshold and support (``None`` =
      ``ceil(n/2)``);
    - ``contrast``: inefficient solutions of the same problem; when given, the whitelist keeps only texts
      whose efficient-minus-inefficient document frequency is at least ``contrast_margin``
      (see :mod:`skeldsl.mining.contrastive`);
    - ``inputs``, ``hot_share``, ``hot_seconds``, ``limits``: the dynamic strategy's test inputs and
      hot-line thresholds (see :mod:`skeldsl.mining.dynamic`).
    """

    compat: str | None = None
    reindent: bool = False
    tolerance: float = 0.7
    min_count: int | None = None
    contrast: tuple[Solution, ...] = ()
    contrast_margin: float = 0.5
    inputs: tuple = ()
    entry_point: str | None = None
    hot_share: float = 0.1
    hot_seconds: float = 0.0
    limits: object = None
    naive: bool = False  # use the all-pairs syntactic oracle (tests, benchmarks)
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def mine_group(
    solutions: Sequence[Solution], strategy: str = "lexical", options: MiningOptions | None = None
) -> list[MinedSolution | SkelError]:
    """Mine one group; the result has one entry per solution, in order."""
    options = options or MiningOptions()
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r} (known: {', '.join(STRATEGIES)})")
    if options.compat not in (None, "effiskel"):
        raise ValueError(f"unknown compatibility mode {options.compat!r} (known: effiskel)")
    try:
        if options.compat == "effiskel":
            from skeldsl.mining.pipeline_compat import mine_compat

            return mine_compat(solutions, strategy, options)
        from skeldsl.mining.pipeline_default import mine_default

        return mine_default(solutions, strategy, options)
    except SkelError as error:  # a group-level failure: every solution gets it
        return [error for _ in solutions]
    except (RecursionError, MemoryError) as error:
        failure = InternalError(f"{type(error).__name__} while mining the group")
        return [failure for _ in solutions]


def check_python_only(solutions: Sequence[Solution], what: str) -> list[SkelError | None]:
    """Per solution: an ``UnsupportedError`` when it is not Python (``what`` names the feature)."""
    from skeldsl.languages import get_language

    verdicts: list[SkelError | None] = []
    for solution in solutions:
        try:
            name = get_language(solution.lang).name
        except SkelError as error:
            verdicts.append(error)
            continue
        verdicts.append(
            None if name == "python"
            else UnsupportedError(f"{what} supports Python only, not {name}")
        )
    return verdicts
