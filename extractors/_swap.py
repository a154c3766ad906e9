"""``swap(a, b)`` statements as Python's tuple swap ``a, b = b, a``.

C++ ``std::swap(s1, s2)`` / ``dp.swap(next)``, Rust ``std::mem::swap(&mut a, &mut b)`` and Swift
``swap(&a, &b)`` exchange two variables, so later uses of ``a`` see ``b``'s value: a loop over ``a``
after ``if n < m { swap(a, b) }`` runs over the shorter input, as Python's ``for x in a`` does after
``a, b = b, a``.  Mapping the call to "nothing" would leave the skeleton iterating the other input.
Shared by the tree-sitter extractors so the rewrite is the same in every language.
"""

from __future__ import annotations

from skeldsl import ir


def tuple_swap(expr: ir.Expr, functions: frozenset[str], line: int = 0) -> ir.Assign | None:
    """The tuple assignment a swap call statement amounts to, or None if ``expr`` is no swap of two
    variables: a call of one of ``functions`` with two arguments, or ``a.swap(b)``."""
    if not isinstance(expr, ir.Call):
        return None
    if isinstance(expr.func, ir.Name) and expr.func.id in functions and len(expr.args) == 2:
        first, second = expr.args
    elif isinstance(expr.func, ir.Attr) and expr.func.name == "swap" and len(expr.args) == 1:
        first, second = expr.func.obj, expr.args[0]
    else:
        return None
    first, second = (side.operand if isinstance(side, ir.UnaryOp) and side.op == "&" else side
                     for side in (first, second))  # Swift's swap(&a, &b) passes inout references
    if not all(isinstance(side, (ir.Name, ir.Attr)) for side in (first, second)):
        return None  # swap(a[i], a[j]): an element exchange, O(1) either way
    return ir.Assign((ir.CollectionLit("tuple", (first, second)),), ir.CollectionLit("tuple", (second, first)),
                     line=line)
