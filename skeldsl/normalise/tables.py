"""A table's construction absorbs the loops that only initialise it: one form for "allocate a table".

Python builds a DP table in one expression (``[[float("inf")] * n for _ in range(m)]``); Java writes
``new int[m][n]`` and then fills it (``for (int[] row : dp) Arrays.fill(row, -1)`` or two nested loops
storing ``Integer.MAX_VALUE``), Go allocates rows in a loop (``for i := range dp { dp[i] = make(..) }``),
C++ may ``memset``.  The skeleton keeps the construction (``v0 = list(p0)``); a loop nest whose every
statement stores a constant (or a fresh row) into cells of a table built earlier in the same function,
at cells that differ in each iteration (every counter of the nest indexes the store), costs at most the
table's size, which its construction already stands for: it is dropped.  Boundary initialisation such as
``for i in range(n + 1): dp[i][0] = i`` is such a loop, in every language alike.

Work on other collections, reads of any collection (``dp[i] = nums[i]`` copies), calls other than
constructors and do-nothing library calls, and ``while`` loops keep a loop.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl import ir
from skeldsl.normalise.lower import flat_statements, walk_expr
from skeldsl.normalise.memo import storage_key
from skeldsl.normalise.spec import LanguageSpec

Hoisted = list[tuple[ir.FunctionDef, "str | None"]]
_LOOPS = (ir.Foreach, ir.CFor)
_KEYED = frozenset({"map", "set", "tree"})


def absorb_table_fills(functions: Hoisted, spec: LanguageSpec) -> Hoisted:
    """Every hoisted function without the loops that only initialise tables it built before them."""
    return [(_Absorber(spec).function(function), parent) for function, parent in functions]


class _Absorber:
    def __init__(self, spec: LanguageSpec) -> None:
        self.spec = spec

    def function(self, function: ir.FunctionDef) -> ir.FunctionDef:
        body = self.block(function.body, set())
        return function if body == function.body else replace(function, body=body)

    def block(self, body: tuple[ir.Stmt, ...], tables: set) -> tuple[ir.Stmt, ...]:
        """``body`` (the function's own level: initialisation is not nested in other loops, where a fill
        is the algorithm's work, as in a spiral matrix) without fill loops; ``tables`` grows as it goes."""
        out: list[ir.Stmt] = []
        for stmt in body:
            if isinstance(stmt, ir.Assign) and stmt.value is not None and stmt.op is None:
                for key in (storage_key(t, self.spec) for t in stmt.targets):
                    if key is not None and self.array(stmt):
                        tables.add(key)
                    elif key is not None:
                        tables.discard(key)
            if isinstance(stmt, _LOOPS) and tables and self.fills(stmt, frozenset(tables), ()):
                continue
            if isinstance(stmt, ir.Block):
                stmt = replace(stmt, body=self.block(stmt.body, tables))
            out.append(stmt)
        return tuple(out)

    def array(self, stmt: ir.Assign) -> bool:
        """Does ``stmt`` build an array-like table (not a map or set, whose filling is building them)?"""
        value = stmt.value
        if stmt.declared in _KEYED:
            return False
        if isinstance(value, (ir.CollectionLit, ir.Comprehension)):
            return value.kind not in _KEYED
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Name):
            return self.spec.constructors.get(value.func.id) not in _KEYED
        return isinstance(value, ir.BinOp)

    # ------------------------------------------------------------------------------ recognition

    def fills(self, loop: ir.Stmt, tables: frozenset, counters: tuple[str, ...]) -> bool:
        """Does ``loop`` (nested in loops over ``counters``) only store constants into ``tables``?"""
        if isinstance(loop, ir.Foreach):
            if self.rooted(loop.iter, tables):  # for row in dp: rows are the table's own cells
                tables = tables | {("name", target) for target in loop.targets}
            elif len(loop.targets) == 1 and self.counting(loop.iter):
                counters = counters + loop.targets
            else:
                return False
        else:
            assert isinstance(loop, ir.CFor)
            variable = _counter(loop)
            if variable is None:
                return False
            counters = counters + (variable,)
        stored = False
        for stmt in flat_statements(loop.body):
            if isinstance(stmt, _LOOPS):
                if not self.fills(stmt, tables, counters):
                    return False
                stored = True
            elif self.fill_statement(stmt, tables, counters):
                stored = True
            else:
                return False
        return stored

    def fill_statement(self, stmt: ir.Stmt, tables: frozenset, counters: tuple[str, ...]) -> bool:
        if isinstance(stmt, ir.Assign):
            if stmt.value is None or stmt.op is not None or not self.constant(stmt.value):
                return False
            return all(isinstance(t, ir.Index) and self.rooted(t, tables) and _covers(t, counters)
                       and all(self.constant(index) for index in _indices(t)) for t in stmt.targets)
        if isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Call):
            call = stmt.expr
            if isinstance(call.func, ir.Attr) and self.rooted(call.func.obj, tables):
                action = self.spec.methods.get(("list", call.func.name)) or self.spec.methods.get(("*", call.func.name))
                target = call.func.obj  # dp[i].fill(-1)
            elif isinstance(call.func, ir.Name) and call.args and self.rooted(call.args[0], tables):
                action = self.spec.functions.get(call.func.id, (None, 0))[0]
                target = call.args[0]  # Arrays.fill(dp[i], -1)
            else:
                return False
            rest = call.args if isinstance(call.func, ir.Attr) else call.args[1:]
            return action == "none" and all(self.constant(a) for a in rest) and _covers(target, counters)
        return False

    def counting(self, iterable: ir.Expr) -> bool:
        """``range(n)`` / ``0..n`` / ``0 until n`` over bounds that do no work."""
        if isinstance(iterable, ir.Call) and isinstance(iterable.func, ir.Name) \
                and self.spec.functions.get(iterable.func.id, (None,))[0] == "range":
            bounds: tuple = iterable.args
        elif isinstance(iterable, ir.Range):
            bounds = (iterable.start, iterable.stop, iterable.step)
        else:
            return False
        for node in (n for bound in bounds for n in walk_expr(bound)):
            if isinstance(node, (ir.Comprehension, ir.Lambda)):
                return False
            if isinstance(node, ir.Call):
                name = node.func.id if isinstance(node.func, ir.Name) else None
                action = self.spec.functions.get(name, (None,))[0] if name is not None else \
                    self.spec.methods.get(("*", node.func.name)) if isinstance(node.func, ir.Attr) else None
                if action not in ("size", "none"):
                    return False
        return True

    def rooted(self, expr: ir.Expr, tables: frozenset) -> bool:
        while isinstance(expr, ir.Index) and not expr.is_slice:
            expr = expr.obj
        return storage_key(expr, self.spec) in tables

    def constant(self, expr: ir.Expr | None) -> bool:
        """No reads of collections and no work: literals, scalars, arithmetic, fresh empty rows."""
        for node in walk_expr(expr):
            if isinstance(node, (ir.Index, ir.Comprehension, ir.Lambda)):
                return False
            if isinstance(node, ir.UnaryOp) and node.op in ("++", "--"):
                return False  # matrix[i][j] = value++ numbers cells: work, not initialisation
            if isinstance(node, ir.Call):
                name = node.func.id if isinstance(node.func, ir.Name) else None
                action = self.spec.functions.get(name, (None,))[0] if name is not None else \
                    self.spec.methods.get(("*", node.func.name)) if isinstance(node.func, ir.Attr) else None
                if not (name in self.spec.constructors or action in ("none", "size")):
                    return False
        return True


def _counter(loop: ir.CFor) -> str | None:
    """The variable of ``for (i = a; i < n; i++)`` when the loop does nothing else with it."""
    names = [t.id for stmt in loop.init if isinstance(stmt, ir.Assign) for t in stmt.targets
             if isinstance(t, ir.Name)]
    return names[0] if len(names) == 1 else None


def _covers(target: ir.Expr, counters: tuple[str, ...]) -> bool:
    """Every loop counter appears in the cell's indices, so each iteration writes a new cell."""
    indices: list[ir.Expr] = []
    while isinstance(target, ir.Index):
        indices.append(target.index)
        target = target.obj
    used = {node.id for index in indices for node in walk_expr(index) if isinstance(node, ir.Name)}
    return all(counter in used for counter in counters)


def _indices(target: ir.Expr) -> list[ir.Expr]:
    out: list[ir.Expr] = []
    while isinstance(target, ir.Index):
        out.append(target.index)
        target = target.obj
    return out


