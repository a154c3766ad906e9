"""``--compat effiskel``: the release's pipeline (Python ``tokenize``/``ast``, tab re-indent, quirky filter)."""

from __future__ import annotations

from collections.abc import Sequence

from skeldsl.errors import SkelError, SourceSyntaxError, UnsupportedError
from skeldsl.mining.compat import effiskel_mask, python_token_texts
from skeldsl.mining.contrastive import contrastive_filter
from skeldsl.mining.strategies import strategy_whitelists
from skeldsl.mining.types import MinedSolution, Solution

__all__ = ["mine_compat"]


def mine_compat(solutions: Sequence[Solution], strategy: str, options) -> list[MinedSolution | SkelError]:
    from skeldsl.mining.api import check_python_only

    results: list[MinedSolution | SkelError | None] = list(
        check_python_only(solutions, "--compat effiskel")
    )
    token_sets: dict[int, set[str]] = {}
    for index, solution in enumerate(solutions):
        if results[index] is not None:
            continue
        try:
            token_sets[index] = set(python_token_texts(solution.code))
            if strategy != "lexical":
                _check_ast(solution.code)
        except SkelError as error:
            results[index] = error
    ok = sorted(token_sets)
    if not ok:
        return [r if r is not None else UnsupportedError("nothing to mine") for r in results]

    def syntactic(min_count: int) -> frozenset[str]:
        from skeldsl.mining.syntactic_whitelist import effiskel_syntactic_whitelist

        codes = [solutions[i].code for i in ok]
        return effiskel_syntactic_whitelist(codes, options.tolerance, min_count, naive=options.naive)

    per_solution, extras, failed = strategy_whitelists(
        strategy, ok, solutions, options, syntactic=syntactic, parsed=None,
        lexical=lambda: frozenset(set.intersection(*(token_sets[i] for i in ok))))
    for i, error in failed.items():
        results[i] = error
    if options.contrast:
        contrast_sets = []
        for other in options.contrast:
            try:
                contrast_sets.append(set(python_token_texts(other.code)))
            except SkelError:
                continue
        efficient_sets = [token_sets[i] for i in per_solution]
        per_solution = {
            i: contrastive_filter(w, efficient_sets, contrast_sets, options.contrast_margin)
            for i, w in per_solution.items()
        }
    for i, whitelist in per_solution.items():
        mined = effiskel_mask(solutions[i].code, sorted(whitelist))
        if extras.get(i):
            mined = MinedSolution(mined.text, mined.masked, mined.spans, mined.whitelist,
                                  mined.tokens_total, mined.tokens_kept, extras[i])
        results[i] = mined
    return [r if r is not None else UnsupportedError("not mined") for r in results]


def _check_ast(code: str) -> None:
    import ast

    try:
        ast.parse(code)
    except SyntaxError as error:
        raise SourceSyntaxError(f"Python does not parse: {error.msg}", line=error.lineno,
                                column=error.offset) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise SourceSyntaxError(f"Python does not parse: {error}") from None


