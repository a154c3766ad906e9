"""The syntactic strategy: tokens of subtrees that recur, by shape, across a group of solutions.

Definition (the EffiSkel release's ``SSS.py``, reimplemented): every descendant node of a solution's tree
is a *subtree* ``s`` with a node count ``n(s)`` and a set of node-type names ``T(s)``.  Two subtrees are
*similar* when ``|T(a) & T(b)| / max(n(a), n(b)) >= tolerance``.  A subtree of solution ``i`` is
*frequent* when its support -- 1 for its own solution plus the number of other solutions ``j`` holding a
similar subtree -- is at least ``min_count`` (default ``ceil(n_solutions / 2)``).  The whitelist is the
set of texts of the tokens of frequent subtrees.

Trees: for every language the tree-sitter tree, counting named, non-extra nodes (an abstract syntax tree:
punctuation and comments do not count, as in Python's ``ast``).  For ``--compat effiskel`` the release's
own view: Python ``ast`` nodes as ``ast.walk`` yields them (``Load``/``Store`` and operator nodes
included), the module body wrapped in ``def main():`` when it has no top-level function, tokens of a
frequent subtree = ``tokenize`` tokens of ``ast.unparse(subtree)`` (the release used ``astor``), and the
release's ordering: only solutions *after* the subtree's own count (``ordered=True``).

Two implementations with identical output: :func:`frequent_naive`, the direct all-pairs loop kept as the
reference oracle for tests and benchmarks, and :func:`frequent_fast`, which
  1. groups subtrees by signature ``(T, n)`` -- subtrees with equal signatures have equal support, and
     real groups repeat small shapes (identifiers, calls, subscripts) thousands of times;
  2. prunes by size bounds: ``sim <= min(|T(a)|, |T(b)|) / max(n(a), n(b))``, so a shape with
     ``|T(a)| < tolerance * n(a)`` has no partner at all, and each solution's distinct type masks, sorted
     by decreasing ``|T|``, are scanned only while ``|T(b)| >= tolerance * n(a)``; per mask only two node
     counts need the exact test (see ``_SolutionIndex``);
  3. stops counting a signature's supporting solutions as soon as ``min_count`` is certain.
The similarity test itself is the same float expression in both, so the pruning bounds (which carry one
node of slack) can never change a result.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "Subtree",
    "SubtreeSet",
    "similar",
    "frequent_naive",
    "frequent_fast",
    "tree_sitter_subtrees",
    "python_ast_subtrees",
    "default_min_count",
    "DEFAULT_TOLERANCE",
]

DEFAULT_TOLERANCE = 0.7
"""The release does not publish its tolerance; 0.7 keeps shapes that share most of their node types."""


@dataclass(frozen=True)
class Subtree:
    """One subtree: its type set as a bitmask over the group's type index, node count, and where it is."""

    mask: int
    size: int
    start: int  # character offsets into the solution text (tree-sitter) or -1 (python ast)
    end: int
    ref: object = None  # python-ast flavour: the ast node (for unparse)


@dataclass(frozen=True)
class SubtreeSet:
    """All subtrees of one solution, in pre-order."""

    subtrees: tuple[Subtree, ...]


def default_min_count(n_solutions: int) -> int:
    return max(1, math.ceil(n_solutions / 2))


def similar(a_mask: int, a_size: int, b_mask: int, b_size: int, tolerance: float) -> bool:
    """The release's similarity test (shared by both implementations so they agree bit for bit)."""
    return (a_mask & b_mask).bit_count() / max(a_size, b_size) >= tolerance


# ----------------------------------------------------------------------------------------------- trees
class TypeIndex:
    """Node-type name -> bit, shared by the solutions of one group."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}

    def bit(self, name: str) -> int:
        bit = self.bits.get(name)
        if bit is None:
            bit = self.bits[name] = 1 << len(self.bits)
        return bit


def tree_sitter_subtrees(tree, char_of_byte, types: TypeIndex) -> SubtreeSet:
    """Every named, non-extra descendant of the root, with its type mask and named-node count."""
    root = tree.root_node
    out: list[Subtree | None] = []
    # iterative post-order; each frame: node, its index in ``out`` (pre-order slot), accumulators
    stack: list[list] = [[root, -1, 0, 0, iter(root.children)]]
    while stack:
        frame = stack[-1]
        child = next(frame[4], None)
        if child is not None:
            if child.is_named and not child.is_extra:
                slot = len(out)
                out.append(None)
                stack.append([child, slot, types.bit(child.type), 1, iter(child.children)])
            elif child.children:  # an anonymous node with named descendants: transparent
                stack.append([child, -2, 0, 0, iter(child.children)])
            continue
        stack.pop()
        node, slot, mask, size = frame[0], frame[1], frame[2], frame[3]
        if slot >= 0:
            out[slot] = Subtree(mask, size, char_of_byte(node.start_byte), char_of_byte(node.end_byte))
        if stack:
            stack[-1][2] |= mask
            stack[-1][3] += size
    return SubtreeSet(tuple(out))  # type: ignore[arg-type]


def python_ast_subtrees(code: str, types: TypeIndex) -> SubtreeSet:
    """The release's view: ``ast`` descendants (``ast.walk`` semantics), module wrapped in ``main``."""
    import ast

    tree = ast.parse(code)
    if not any(isinstance(node, ast.FunctionDef) for node in tree.body):
        main = ast.FunctionDef(
            name="main",
            args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[],
                               kwarg=None, defaults=[]),
            body=tree.body, decorator_list=[], returns=None, type_comment=None,
        )
        tree = ast.Module(body=[main], type_ignores=[])
    summary: dict[int, tuple[int, int]] = {}

    def summarise(node) -> tuple[int, int]:
        # iterative post-order over distinct node objects (ctx singletons are shared; memo by id)
        stack = [(node, False)]
        while stack:
            current, done = stack.pop()
            if id(current) in summary:
                continue
            children = list(ast.iter_child_nodes(current))
            if not done:
                stack.append((current, True))
                stack.extend((child, False) for child in children if id(child) not in summary)
                continue
            mask, size = types.bit(type(current).__name__), 1
            for child in children:
                child_mask, child_size = summary[id(child)]
                mask |= child_mask
                size += child_size
            summary[id(current)] = (mask, size)
        return summary[id(node)]

    summarise(tree)
    out: list[Subtree] = []
    stack = list(reversed(list(ast.iter_child_nodes(tree))))
    while stack:
        node = stack.pop()
        mask, size = summary[id(node)]
        out.append(Subtree(mask, size, -1, -1, node))
        stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return SubtreeSet(tuple(out))


# ------------------------------------------------------------------------------------------ frequency
def _needed(min_count: int, ordered: bool) -> int:
    """How many *other* solutions must hold a similar subtree."""
    return max(1, min_count - 1) if ordered else max(0, min_count - 1)


def frequent_naive(
    solutions: Sequence[SubtreeSet], tolerance: float, min_count: int, *, ordered: bool = False
) -> list[list[bool]]:
    """Direct all-pairs reference: for each subtree, scan every other solution's subtrees.

    ``ordered`` gives the release's counting (only solutions after the subtree's own, at least one).
    Returns, per solution, a flag per subtree.
    """
    needed = _needed(min_count, ordered)
    result: list[list[bool]] = []
    for i, own in enumerate(solutions):
        flags = []
        others = range(i + 1, len(solutions)) if ordered else [j for j in range(len(solutions)) if j != i]
        for s in own.subtrees:
            count = 0
            for j in others:
                for t in solutions[j].subtrees:
                    if similar(s.mask, s.size, t.mask, t.size, tolerance):
                        count += 1
                        break
            flags.append(count >= needed)
        result.append(flags)
    return result


class _SolutionIndex:
    """One solution's distinct type masks (most types first), each with its smallest node count.

    For a query ``(mask, size)`` and a candidate mask ``m`` with ``inter = |mask & m|``, the similarity
    ``inter / max(size, n)`` is the same for every ``n <= size`` and non-increasing in ``n`` above
    ``size``; so the candidate's *smallest* node count decides: if it is ``<= size`` the similarity is
    ``inter / size``, otherwise ``inter / min_n``.  Both are the very float the all-pairs test computes.
    """

    def __init__(self, subtrees: tuple[Subtree, ...]) -> None:
        smallest: dict[int, int] = {}
        for s in subtrees:
            if s.size < smallest.get(s.mask, s.size + 1):
                smallest[s.mask] = s.size
        self.entries = sorted(((mask.bit_count(), mask, size) for mask, size in smallest.items()),
                              key=lambda entry: (-entry[0], entry[1]))

    def has_similar(self, mask: int, size: int, tolerance: float) -> bool:
        # inter / max(size, n) <= inter / size <= |T(b)| / size, and float division is monotonic: these
        # bounds prune exactly (never a pair the all-pairs test would accept).
        for other_pop, other_mask, min_size in self.entries:
            if other_pop / size < tolerance:
                return False  # entries are sorted by decreasing popcount
            inter = (mask & other_mask).bit_count()
            if inter / size < tolerance:
                continue
            if min_size <= size or inter / min_size >= tolerance:
                return True
        return False


def frequent_fast(
    solutions: Sequence[SubtreeSet], tolerance: float, min_count: int, *, ordered: bool = False
) -> list[list[bool]]:
    """Same output as :func:`frequent_naive`, by signature grouping, size pruning and early exit."""
    needed = _needed(min_count, ordered)
    indexes = [_SolutionIndex(own.subtrees) for own in solutions]
    n = len(solutions)
    matches: dict[tuple[int, int], dict[int, bool]] = {}  # signature -> {solution j: has a similar}
    verdict: dict[tuple[int, int, int], bool] = {}  # (mask, size, own solution) -> frequent
    result: list[list[bool]] = []
    for i, own in enumerate(solutions):
        others = range(i + 1, n) if ordered else [j for j in range(n) if j != i]
        flags = []
        for s in own.subtrees:
            key = (s.mask, s.size, i)
            flag = verdict.get(key)
            if flag is None:
                cache = matches.setdefault((s.mask, s.size), {})
                flag = verdict[key] = _supported(s, others, indexes, tolerance, needed, cache)
            flags.append(flag)
        result.append(flags)
    return result


def _supported(s: Subtree, others, indexes, tolerance: float, needed: int, cache: dict[int, bool]) -> bool:
    if needed == 0:
        return True
    pop = s.mask.bit_count()
    if pop / s.size < tolerance:  # sim(s, t) <= |T(s)| / n(s) for every t
        return False
    remaining = len(others)
    count = 0
    for j in others:
        if count + remaining < needed:
            return False
        remaining -= 1
        hit = cache.get(j)
        if hit is None:
            hit = cache[j] = indexes[j].has_similar(s.mask, s.size, tolerance)
        if hit:
            count += 1
            if count >= needed:
                return True
    return False
