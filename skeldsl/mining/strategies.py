"""Which words each solution of a group keeps, per strategy: the dispatch that the default pipeline and
``--compat effiskel`` share.  The two differ only in how they see code (tree-sitter tokens or Python's
``tokenize``), so they pass in their own lexical and syntactic whitelists and their parses."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from skeldsl.errors import SkelError
from skeldsl.mining.types import Solution

Whitelist = frozenset[str]


def strategy_whitelists(
    strategy: str, ok: list[int], solutions: Sequence[Solution], options, *,
    lexical: Callable[[], Whitelist], syntactic: Callable[[int], Whitelist], parsed: list | None,
) -> tuple[dict[int, Whitelist], dict[int, dict], dict[int, SkelError]]:
    """Per solution index in ``ok`` (the solutions that can be mined): its whitelist, the extra fields of
    its record (the dynamic strategy's hot lines) and, apart, the solutions the dynamic strategy could not
    profile.  ``lexical()`` is the group's lexical whitelist, ``syntactic(min_count)`` its syntactic one,
    ``parsed`` the parses of the ``ok`` solutions for the dynamic strategy (None: the release's view)."""
    if strategy == "lexical":
        shared = lexical()
        return {i: shared for i in ok}, {}, {}
    min_count = options.min_count or max(1, math.ceil(len(ok) / 2))
    syntactic_words: Whitelist = frozenset()
    if strategy in ("syntactic", "combined"):
        syntactic_words = syntactic(min_count)
    if strategy == "syntactic":
        return {i: syntactic_words for i in ok}, {}, {}
    from skeldsl.mining.dynamic import hot_whitelists

    whitelists: dict[int, Whitelist] = {}
    extras: dict[int, dict] = {}
    errors: dict[int, SkelError] = {}
    for i, outcome in zip(ok, hot_whitelists([solutions[i] for i in ok], parsed, options)):
        if isinstance(outcome, SkelError):
            errors[i] = outcome
            continue
        words, info = outcome
        whitelists[i] = words | syntactic_words if strategy == "combined" else words
        extras[i] = info
    return whitelists, extras, errors
