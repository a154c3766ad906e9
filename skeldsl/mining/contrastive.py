"""The contrastive option (beyond the release, in the spirit of SkelDPO): keep what sets efficient code apart.

Scoring, per token text ``t`` of a strategy's whitelist ``W`` (mined from the efficient solutions):

    df_E(t) = share of efficient solutions whose token set contains t
    df_I(t) = share of inefficient solutions whose token set contains t
    score(t) = df_E(t) - df_I(t)          (in [-1, 1])

and ``t`` stays in the whitelist iff ``score(t) >= margin`` (default 0.5).  With the lexical strategy
``df_E`` is 1 for every ``t``, so this keeps the tokens that at most half of the inefficient solutions
use: e.g. ``set``/``dict``/``heappush`` of a hash-map or heap solution against a nested-loop one, while
``for``, ``(``, ``=`` that both share drop out.  Token sets are those of the strategy's lexer (tree-sitter
leaves, or Python ``tokenize`` under ``--compat effiskel``); inefficient solutions that fail to parse are
left out of ``df_I``.  Subtrees enter through the tokens they contribute to ``W``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["contrastive_scores", "contrastive_filter"]


def _document_frequency(token_sets: Sequence[set[str]], texts: Iterable[str]) -> dict[str, float]:
    total = len(token_sets)
    return {t: (sum(1 for s in token_sets if t in s) / total if total else 0.0) for t in texts}


def contrastive_scores(
    whitelist: Iterable[str], efficient: Sequence[set[str]], inefficient: Sequence[set[str]]
) -> dict[str, float]:
    """``score(t) = df_E(t) - df_I(t)`` for every ``t`` of the whitelist."""
    texts = sorted(set(whitelist))
    df_e = _document_frequency(efficient, texts)
    df_i = _document_frequency(inefficient, texts)
    return {t: df_e[t] - df_i[t] for t in texts}


def contrastive_filter(
    whitelist: Iterable[str],
    efficient: Sequence[set[str]],
    inefficient: Sequence[set[str]],
    margin: float = 0.5,
) -> frozenset[str]:
    """The texts of ``whitelist`` whose score reaches ``margin``."""
    scores = contrastive_scores(whitelist, efficient, inefficient)
    return frozenset(t for t, score in scores.items() if score >= margin)
