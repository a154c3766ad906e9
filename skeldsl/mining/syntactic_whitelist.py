"""From frequent subtrees to the syntactic whitelist (tree-sitter tokens, or the release's ``ast`` view)."""

from __future__ import annotations

from collections.abc import Sequence

from skeldsl.mining.compat import merge_spans, python_token_texts
from skeldsl.mining.syntactic import (
    TypeIndex,
    frequent_fast,
    frequent_naive,
    python_ast_subtrees,
    tree_sitter_subtrees,
)
from skeldsl.mining.tokens import ParsedSolution

__all__ = ["syntactic_whitelist", "effiskel_syntactic_whitelist"]


def syntactic_whitelist(
    parsed: Sequence[ParsedSolution], tolerance: float, min_count: int, *, naive: bool = False
) -> frozenset[str]:
    """Texts of the (non-comment) tokens inside frequent subtrees of any solution of the group."""
    types = TypeIndex()
    sets = [tree_sitter_subtrees(p.tree, p.char_of_byte, types) for p in parsed]
    flags = (frequent_naive if naive else frequent_fast)(sets, tolerance, min_count)
    texts: set[str] = set()
    for solution, subtree_set, solution_flags in zip(parsed, sets, flags):
        ranges = merge_spans(
            (s.start, s.end) for s, flag in zip(subtree_set.subtrees, solution_flags) if flag
        )
        k = 0
        for token in solution.tokens:  # both sorted by start: one pass
            while k < len(ranges) and ranges[k][1] <= token.start:
                k += 1
            if k == len(ranges):
                break
            if not token.comment and ranges[k][0] <= token.start and token.end <= ranges[k][1]:
                texts.add(token.text)
    return frozenset(texts)


def effiskel_syntactic_whitelist(
    codes: Sequence[str], tolerance: float, min_count: int, *, naive: bool = False
) -> frozenset[str]:
    """The release's syntactic whitelist: ``ast`` subtrees, ordered counting, tokens of their unparse."""
    import ast

    types = TypeIndex()
    sets = [python_ast_subtrees(code, types) for code in codes]
    flags = (frequent_naive if naive else frequent_fast)(sets, tolerance, min_count, ordered=True)
    texts: set[str] = set()
    seen: set[int] = set()
    for subtree_set, solution_flags in zip(sets, flags):
        for subtree, flag in zip(subtree_set.subtrees, solution_flags):
            if not flag or id(subtree.ref) in seen:
                continue
            seen.add(id(subtree.ref))
            try:
                source = ast.unparse(subtree.ref)
                texts.update(python_token_texts(source + "\n"))
            except Exception:  # noqa: BLE001 - the release skips subtrees it cannot print
                continue
    return frozenset(texts)
