"""Divide and conquer: recursive functions whose self-calls each take a part of the input split at a midpoint.

Skeleton calls carry no arguments, so ``build(lo, mid - 1); build(mid + 1, hi)`` (a balanced tree from a
sorted array, a segment tree, merge sort) and ``rob(i + 1); rob(i + 2)`` (a brute-force recursion) both
read ``f1() f1()``: the first does O(N) work in all (T(n) = 2T(n/2) + O(1)), the second O(2^N).  What
tells them apart is in the arguments: a *midpoint* (``(lo + hi) // 2``, ``(lo + hi) >> 1``,
``lo + (hi - lo) / 2``, ``len(xs) / 2``, or a name assigned one), used directly or as a slice bound
(``xs[:mid]``).  ``split_functions`` marks a function ``@split`` when every call it makes of itself
passes such an argument and none passes a plain step of another name (``i + 1``, ``n - 2``), which would
shrink the input by a constant instead.  The rule looks at IR shapes only, the same for every language.
"""

from __future__ import annotations

from collections.abc import Iterable

from skeldsl import ir
from skeldsl.normalise.lower import FunctionLowering, target_names, walk_expr


def split_functions(call_sites: Iterable[tuple[FunctionLowering, str, tuple[ir.Expr, ...]]]) -> dict[str, bool]:
    """Per function name, whether all its self-calls take a half of the input (see the module docstring)."""
    sites: dict[str, list[tuple[FunctionLowering, tuple[ir.Expr, ...]]]] = {}
    for lowering, callee, args in call_sites:
        if lowering.function.name == callee:
            sites.setdefault(callee, []).append((lowering, args))
    result: dict[str, bool] = {}
    for name, calls in sites.items():
        midpoints = _midpoint_names(calls[0][0].function.body)
        result[name] = all(_splits(args, midpoints) for _, args in calls)
    return result


def is_midpoint(expr: ir.Expr | None) -> bool:
    """``x // 2``, ``x / 2``, ``x >> 1`` anywhere in ``expr``: a half of a size or of an interval's ends."""
    for node in walk_expr(expr):
        if isinstance(node, ir.BinOp) and isinstance(node.right, ir.Literal) and node.right.kind == "num":
            if node.op in ("//", "/") and node.right.text == "2" or node.op == ">>" and node.right.text == "1":
                return True
    return False


def _midpoint_names(body: tuple[ir.Stmt, ...]) -> set[str]:
    names: set[str] = set()
    for node in walk_expr(ir.Block(body)):
        if isinstance(node, ir.Assign) and node.op is None and len(node.targets) == 1 and is_midpoint(node.value):
            names.update(target_names(node.targets))
    return names


def _splits(args: tuple[ir.Expr, ...], midpoints: set[str]) -> bool:
    halves = False
    for arg in args:
        if _step(arg, midpoints):
            return False
        if is_midpoint(arg) or any(isinstance(node, ir.Name) and node.id in midpoints for node in walk_expr(arg)):
            halves = True
    return halves


def _step(arg: ir.Expr, midpoints: set[str]) -> bool:
    """``i + 1``, ``n - 2``: a name other than a midpoint moved by a literal."""
    return (isinstance(arg, ir.BinOp) and arg.op in ("+", "-") and isinstance(arg.left, ir.Name)
            and arg.left.id not in midpoints and isinstance(arg.right, ir.Literal))
