"""Statement bodies where the IR wants one expression: block-bodied closures (``xs.map(x => { ... })``,
Swift's ``{ x in ... }``) become ``Opaque("block", statement_exprs(body))``.

Their loops lose their structure, but every operation inside still counts; shared by the tree-sitter
extractors so the flattening is the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable

from skeldsl import ir


def statement_exprs(statements: Iterable[ir.Stmt]) -> tuple[ir.Expr, ...]:
    """The expressions of ``statements`` in source order, descending into nested bodies."""
    out: list[ir.Expr] = []
    stack = list(reversed(tuple(statements)))
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, ir.Assign):
            out += [target for target in stmt.targets if not isinstance(target, ir.Name)]
            if stmt.value is not None:
                out.append(stmt.value)
        elif isinstance(stmt, ir.ExprStmt):
            out.append(stmt.expr)
        elif isinstance(stmt, ir.Return) and stmt.value is not None:
            out.append(stmt.value)
        elif isinstance(stmt, ir.If):
            out.append(stmt.test)
            stack += list(reversed(stmt.body + stmt.orelse))
        elif isinstance(stmt, ir.Foreach):
            out.append(stmt.iter)
            stack += list(reversed(stmt.body))
        elif isinstance(stmt, ir.While):
            if stmt.test is not None:
                out.append(stmt.test)
            stack += list(reversed(stmt.body))
        elif isinstance(stmt, ir.CFor):
            stack += list(reversed(stmt.init + stmt.update + stmt.body))
        elif isinstance(stmt, (ir.Block, ir.Delete)):
            stack += list(reversed(getattr(stmt, "body", ())))
            out += list(getattr(stmt, "targets", ()))
    return tuple(out)
