"""Default mode: every registered language, tree-sitter tokens, every masked word is ``<MASK>``."""

from __future__ import annotations

import math
from collections.abc import Sequence

from skeldsl.errors import SkelError, UnsupportedError
from skeldsl.mining.contrastive import contrastive_filter
from skeldsl.mining.lexical import lexical_whitelist, token_texts
from skeldsl.mining.masking import apply_whitelist
from skeldsl.mining.reindent import reindent_tabs
from skeldsl.mining.tokens import ParsedSolution, parse_solution
from skeldsl.mining.types import MinedSolution, Solution

__all__ = ["mine_default", "prepare"]


def prepare(solution: Solution, reindent: bool) -> ParsedSolution:
    text = reindent_tabs(solution.code) if reindent else solution.code
    return parse_solution(text, solution.lang)


def mine_default(solutions: Sequence[Solution], strategy: str, options) -> list[MinedSolution | SkelError]:
    from skeldsl.mining.api import check_python_only

    results: list[MinedSolution | SkelError | None] = [None] * len(solutions)
    parsed: dict[int, ParsedSolution] = {}
    for index, solution in enumerate(solutions):
        try:
            parsed[index] = prepare(solution, options.reindent)
        except SkelError as error:
            results[index] = error
    if strategy in ("dynamic", "combined"):
        for index, verdict in enumerate(check_python_only(solutions, f"the {strategy} strategy")):
            if verdict is not None and index in parsed:
                del parsed[index]
                results[index] = verdict
    ok = sorted(parsed)
    if not ok:
        return [r if r is not None else UnsupportedError("nothing to mine") for r in results]
    group = [parsed[i] for i in ok]
    min_count = options.min_count or max(1, math.ceil(len(group) / 2))

    per_solution: dict[int, frozenset[str]] = {}
    extras: dict[int, dict] = {i: {} for i in ok}
    if strategy == "lexical":
        shared = lexical_whitelist([p.tokens for p in group])
        per_solution = {i: shared for i in ok}
    else:
        syntactic: frozenset[str] = frozenset()
        if strategy in ("syntactic", "combined"):
            from skeldsl.mining.syntactic_whitelist import syntactic_whitelist

            syntactic = syntactic_whitelist(group, options.tolerance, min_count, naive=options.naive)
        if strategy == "syntactic":
            per_solution = {i: syntactic for i in ok}
        else:
            from skeldsl.mining.dynamic import hot_whitelists

            hot = hot_whitelists([solutions[i] for i in ok], group, options)
            for i, outcome in zip(ok, hot):
                if isinstance(outcome, SkelError):
                    results[i] = outcome
                    continue
                words, info = outcome
                per_solution[i] = words | syntactic if strategy == "combined" else words
                extras[i] = info

    if options.contrast:
        efficient_sets = [token_texts(parsed[i].tokens) for i in per_solution]
        contrast_sets = []
        for other in options.contrast:
            try:
                contrast_sets.append(token_texts(prepare(other, options.reindent).tokens))
            except SkelError:
                continue
        per_solution = {
            i: contrastive_filter(w, efficient_sets, contrast_sets, options.contrast_margin)
            for i, w in per_solution.items()
        }
    for i, whitelist in per_solution.items():
        results[i] = apply_whitelist(parsed[i].text, parsed[i].tokens, whitelist, extra=extras.get(i))
    return [r if r is not None else UnsupportedError("not mined") for r in results]
