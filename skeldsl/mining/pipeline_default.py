"""Default mode: every registered language, tree-sitter tokens, every masked word is ``<MASK>``."""

from __future__ import annotations

from collections.abc import Sequence

from skeldsl.errors import SkelError, UnsupportedError
from skeldsl.mining.contrastive import contrastive_filter
from skeldsl.mining.lexical import lexical_whitelist, token_texts
from skeldsl.mining.masking import apply_whitelist
from skeldsl.mining.reindent import reindent_tabs
from skeldsl.mining.strategies import strategy_whitelists
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

    def syntactic(min_count: int) -> frozenset[str]:
        from skeldsl.mining.syntactic_whitelist import syntactic_whitelist

        return syntactic_whitelist(group, options.tolerance, min_count, naive=options.naive)

    per_solution, hot_lines, failed = strategy_whitelists(
        strategy, ok, solutions, options, syntactic=syntactic, parsed=group,
        lexical=lambda: lexical_whitelist([p.tokens for p in group]))
    for i, error in failed.items():
        results[i] = error
    extras: dict[int, dict] = {i: hot_lines.get(i, {}) for i in ok}

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
