"""Explicit memo tables become ``@memo``: one form for memoisation in every language.

Python writes ``@cache``; most translations keep the table by hand: a ``dict`` / ``HashMap`` /
``unordered_map`` / ``Map`` / ``make(map[..]..)`` or an array filled with -1 (``new int[n][m]`` plus
``Arrays.fill``, ``vector(n, vector(m, -1))``, ``vec![vec![-1; m]; n]``, ``Array(repeating:count:)``),
consulted at the top of a recursive function and written before it returns.  Both cost the same (each
state is computed once), so both become a function marked ``memo`` without the table.

The pattern, recognised on the IR of any language (only the language's method table is consulted):

* a *recursive* function ``f`` has an ``if`` whose test looks the table ``T`` up (``k in T``,
  ``T.containsKey(k)``, ``T[i][j] != -1``, Go's ``if v, ok := T[k]; ok``) and whose body only returns
  what it read from ``T`` (a visited set, which returns nothing read from it, is not a memo);
* ``f`` stores into ``T`` (``T[k] = v``, ``T.put(k, v)``, ``return T[k] = v``);
* ``f`` uses ``T`` for nothing else (no iteration, no size, no escape), except passing it on to itself.

Then the check disappears, the stores keep only their values' work, a parameter that carried ``T`` is
dropped from ``f`` and from every call of ``f``; where ``T`` lives (the enclosing function of a closure,
the caller that passed it, the fields of the class) its construction and constant initialisation (fill
loops, ``Arrays.fill``, ``memset``) are dropped too, unless that function uses ``T`` for more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from itertools import pairwise

from skeldsl import ir
from skeldsl.normalise.lower import walk_expr
from skeldsl.normalise.spec import LanguageSpec

Key = tuple[str, str]  # ("name", local or parameter) or ("field", attribute of self)
Hoisted = list[tuple[ir.FunctionDef, "str | None"]]

_PUT_ACTIONS = frozenset({"map.put", "tree.put"})
# what a memo function may do with its table besides indexing it (None: a method without cost, e.g. ``end``);
# a size, an iteration or a copy of the table is more than memoisation
_LOOKUP_ACTIONS = frozenset({None, "none", "map.get", "map.has", "map.put", "tree.get", "tree.has", "tree.put"})
_LOOPS = (ir.Foreach, ir.CFor, ir.While)


def recognise_memo(functions: Hoisted, spec: LanguageSpec) -> Hoisted:
    """The hoisted functions with explicit memo tables turned into ``memo`` functions (see module doc)."""
    names = {function.name.split("@")[0] for function, _ in functions}
    result = list(functions)
    for index in range(len(result)):
        function = result[index][0]
        rewriter = _Rewriter(spec, names, function)
        for key in rewriter.candidate_tables():
            rewritten = rewriter.rewrite(key)
            if rewritten is None:
                continue
            position = rewriter.param_position(key)
            if position is not None and not rewriter.is_recursive():
                continue  # a helper that fills a map it is given (get-or-create) is no memo
            trial = list(result)
            trial[index] = (rewritten, trial[index][1])
            cleaned = _clean_owners(trial, index, key, position, spec, names, private=not rewriter.is_recursive())
            if cleaned is None:
                continue  # the table is shared state, not this function's memo
            result = cleaned
            rewriter = _Rewriter(spec, names, rewritten)
    return result


# ------------------------------------------------------------------------------------------- the table


class _Rewriter:
    """Finds memo tables of one function and rewrites it without them."""

    def __init__(self, spec: LanguageSpec, names: set[str], function: ir.FunctionDef) -> None:
        self.spec = spec
        self.names = names
        self.function = function
        self.own_name = function.name.split("@")[0]

    # ----------------------------------------------------------------------------- recognition

    def key(self, expr: ir.Expr) -> Key | None:
        return storage_key(expr, self.spec)

    def root(self, expr: ir.Expr) -> Key | None:
        """The table an element access reads: ``T[i][j]`` -> T."""
        while isinstance(expr, ir.Index) and not expr.is_slice or isinstance(expr, ir.UnaryOp) and expr.op in ("*", "&"):
            expr = expr.obj if isinstance(expr, ir.Index) else expr.operand
        return self.key(expr)

    def looked_up(self, expr: ir.Expr | None) -> set[Key]:
        """Tables an expression consults: indexed, asked by a method, tested with ``in``."""
        found: set[Key] = set()
        for node in walk_expr(expr):
            if isinstance(node, ir.Index) and not node.is_slice:
                key = self.root(node)
            elif isinstance(node, ir.Call) and isinstance(node.func, ir.Attr):
                key = self.root(node.func.obj)
            elif isinstance(node, ir.BinOp) and node.op in ("in", "not in"):
                key = self.root(node.right)
            else:
                continue
            if key is not None:
                found.add(key)
        return found

    def is_recursive(self) -> bool:
        return any(self.callee(node) == self.own_name
                   for stmt in _own_statements(self.function.body) for node in _stmt_exprs(stmt))

    def callee(self, node: object) -> str | None:
        if not isinstance(node, ir.Call):
            return None
        func = node.func
        if isinstance(func, ir.Name) and func.id in self.names:
            return func.id
        if isinstance(func, ir.Attr) and func.name in self.names and isinstance(func.obj, ir.Name) \
                and func.obj.id in self.spec.self_names | {"Self"}:
            return func.name
        return None

    def check_tables(self, stmt: ir.Stmt) -> set[Key]:
        """Tables ``stmt`` is an early-return memo check of: ``if k in T: return T[k]``."""
        body = list(_top_statements(stmt.body)) if isinstance(stmt, ir.If) and not stmt.orelse else []
        if not body:
            return set()
        *reads, last = body
        if not isinstance(last, ir.Return) or last.value is None:
            return set()
        # ``v = T[k]`` (Go's ``if v, ok := T[k]; ok``, Rust's ``if let Some(v) = T.get(k)``) then ``return v``:
        # plain assignments to names whose value the return passes on
        if any(not isinstance(read, ir.Assign) or read.value is None or read.op is not None
               or not all(isinstance(t, ir.Name) for t in read.targets) for read in reads):
            return set()
        if any(self.callee(node) is not None for node in walk_expr(stmt.test)):
            return set()
        returned: set[Key] = self.looked_up(last.value)
        passed = {node.id for node in walk_expr(last.value) if isinstance(node, ir.Name)}
        for read in reads:
            if not any(t.id in passed for t in read.targets):  # type: ignore[union-attr]
                continue
            returned |= self.looked_up(read.value)
            if isinstance(read.value, ir.Opaque) and read.value.what == "bind":  # Rust ``if let Some(v) = T[k]``
                returned |= self.looked_up(stmt.test)
        return self.looked_up(stmt.test) & returned

    def stores(self, key: Key) -> bool:
        for stmt in _own_statements(self.function.body):
            if isinstance(stmt, ir.Assign) and any(self.root(t) == key and isinstance(t, ir.Index)
                                                   for t in stmt.targets):
                return True
            for node in _stmt_exprs(stmt):
                if isinstance(node, ir.Call) and isinstance(node.func, ir.Attr) and self.key(node.func.obj) == key \
                        and self.method_action(node.func.name) in _PUT_ACTIONS:
                    return True
                if isinstance(node, ir.Opaque) and node.what == "assign" and node.children \
                        and isinstance(node.children[0], ir.Index) and self.root(node.children[0]) == key:
                    return True
        return False

    def method_action(self, method: str) -> str | None:
        methods = self.spec.methods
        return methods.get(("map", method)) or methods.get(("*", method))

    def guards(self) -> dict[int, set[Key]]:
        """The inverted check ``if k not in T: <compute, store T[k]>`` directly followed by ``return T[k]``:
        ``id`` of each such ``if`` -> the tables it guards."""
        found: dict[int, set[Key]] = {}
        top = list(_top_statements(self.function.body))
        for stmt, following in pairwise(top):
            if not isinstance(stmt, ir.If) or stmt.orelse or not isinstance(following, ir.Return):
                continue
            if any(self.callee(node) is not None for node in walk_expr(stmt.test)):
                continue
            keys = {key for key in self.looked_up(stmt.test) if _negated_lookup(stmt.test, key, self)}
            keys &= self.looked_up(following.value)
            if keys:
                found[id(stmt)] = keys
        return found

    def candidate_tables(self) -> list[Key]:
        keys: list[Key] = []
        guarded = set().union(*self.guards().values())
        for stmt in _top_statements(self.function.body):
            if type(stmt) is not ir.If:
                continue  # (``check_tables`` and ``guards`` only find tables at an ``if``)
            for key in sorted(self.check_tables(stmt) | guarded):
                if key not in keys and self.stores(key) and not self.bound_locally(key):
                    keys.append(key)
        return keys

    def bound_locally(self, key: Key) -> bool:
        """A table built inside ``f`` itself is fresh on every call: not a memo."""
        if key[0] != "name":
            return False
        return any(isinstance(stmt, ir.Assign) and any(isinstance(t, ir.Name) and t.id == key[1] for t in stmt.targets)
                   for stmt in _own_statements(self.function.body))

    def param_position(self, key: Key) -> int | None:
        if key[0] != "name":
            return None
        for position, param in enumerate(self.function.params):
            if param.name == key[1]:
                return position
        return None

    # -------------------------------------------------------------------------------- rewriting

    def rewrite(self, key: Key) -> ir.FunctionDef | None:
        """``f`` without table ``key`` and marked ``memo``; None when ``f`` uses the table for more."""
        position = self.param_position(key)
        arity = len(self.function.params)

        def expr(node: ir.Expr) -> ir.Expr:
            if isinstance(node, ir.Index) and not node.is_slice and self.root(node) == key:
                return ir.Opaque("memo", tuple(expr(i) for i in _indices(node)))
            if isinstance(node, ir.Call) and isinstance(node.func, ir.Attr) and self.root(node.func.obj) == key \
                    and self.method_action(node.func.name) in _LOOKUP_ACTIONS:
                return ir.Opaque("memo", tuple(expr(a) for a in node.args))
            if isinstance(node, ir.BinOp) and node.op in ("in", "not in") and self.root(node.right) == key:
                return ir.Opaque("memo", (expr(node.left),))
            if isinstance(node, ir.Opaque) and node.what == "assign" and len(node.children) == 2 \
                    and isinstance(node.children[0], ir.Index) and self.root(node.children[0]) == key:
                return ir.Opaque("memo", (*(expr(i) for i in _indices(node.children[0])), expr(node.children[1])))
            if position is not None and self.callee(node) == self.own_name and len(node.args) == arity:
                node = replace(node, args=node.args[:position] + node.args[position + 1:])
            return _map_expr(node, expr)

        guards = {guard for guard, keys in self.guards().items() if key in keys}

        def stmt(node: ir.Stmt) -> list[ir.Stmt]:
            if id(node) in guards:  # the guarded computation always runs once per state
                return [s for b in node.body for s in stmt(b)]
            if key in self.check_tables(node):
                kept = [part for part in _disjuncts(node.test) if key not in self.looked_up(part)]
                if not kept:
                    return []
                test = kept[0]
                for part in kept[1:]:
                    test = ir.BinOp("or", test, part)
                return [replace(node, test=expr(test), body=tuple(s for b in node.body for s in stmt(b)))]
            if isinstance(node, ir.Assign) and node.value is None and all(self.key(t) == key for t in node.targets):
                return []  # the table's declaration (a field's kind, repeated in each method)
            if isinstance(node, ir.Assign) and node.value is not None and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ir.Index) and self.root(node.targets[0]) == key:
                if isinstance(node.value, ir.Cond):  # memo[k] = a if c else b: the store in each branch
                    value = node.value
                    return stmt(ir.If(value.test, (replace(node, value=value.then),),
                                      (replace(node, value=value.orelse),), node.line))
                parts = (*(expr(i) for i in _indices(node.targets[0])), expr(node.value))
                return [ir.ExprStmt(ir.Opaque("memo", parts), line=node.line)]
            return [_map_stmt(node, expr, stmt)]

        body = tuple(s for b in self.function.body for s in stmt(b))
        if any(_mentions(s, key, self.spec) for s in _own_statements(body)):
            return None
        params = self.function.params
        if position is not None:
            params = params[:position] + params[position + 1:]
        return replace(self.function, params=params, body=body, memo=True)


# ------------------------------------------------------------------------------- where the table lives


def _clean_owners(functions: Hoisted, index: int, key: Key, position: int | None, spec: LanguageSpec,
                  names: set[str], private: bool) -> Hoisted | None:
    """Drop the table's construction and initialisation where it is built, and the argument that passed
    it to the memoised function (``f`` is ``functions[index]``, ``position`` the parameter it was).

    None when another function uses the table (shared state is no memo), or, with ``private`` (for a
    function that does not recurse), when its builder also uses it for more than building it."""
    memoised = functions[index][0]
    own_name = memoised.name.split("@")[0]
    by_name = {function.name: (position_, function, parent) for position_, (function, parent) in enumerate(functions)}
    result = list(functions)
    owners: list[tuple[int, Key]] = []
    if position is not None:
        for other_index, (function, parent) in enumerate(result):
            if other_index == index:
                continue
            passed: list[Key] = []
            dropped = _drop_call_argument(function, own_name, position, len(memoised.params) + 1, spec, names, passed)
            if dropped is not function:
                result[other_index] = (dropped, parent)
                owners += [(other_index, passed_key) for passed_key in passed]
    elif key[0] == "name":
        parent = functions[index][1]
        while parent is not None and parent in by_name:
            parent_index, parent_function, grandparent = by_name[parent]
            if any(p.name == key[1] for p in parent_function.params):
                break
            if _binds(parent_function, key[1]):
                owners.append((parent_index, key))
                break
            parent = grandparent
        owner_indices = {owner for owner, _ in owners}
        for other_index, (function, _) in enumerate(result):
            if other_index != index and other_index not in owner_indices and _uses_free(function, key[1], spec):
                return None
        if private and not owners:
            return None
    else:  # a field: the methods that assign it own it, others may only initialise it
        for other_index, (function, _) in enumerate(result):
            if other_index == index or not any(_mentions(s, key, spec) for s in _own_statements(function.body)):
                continue
            owners.append((other_index, key))
            if not _assigns(function, key, spec) and _clean_initialisation(function.body, key, spec, names) is None:
                return None
    for owner_index, owner_key in owners:
        function, parent = result[owner_index]
        cleaned = _clean_initialisation(function.body, owner_key, spec, names)
        if cleaned is None:
            if private:
                return None
            continue  # the caller reads the filled table afterwards: it stays
        result[owner_index] = (replace(function, body=cleaned), parent)
    return result


def _assigns(function: ir.FunctionDef, key: Key, spec: LanguageSpec) -> bool:
    return any(isinstance(stmt, ir.Assign) and stmt.value is not None and any(storage_key(t, spec) == key for t in stmt.targets)
               for stmt in _own_statements(function.body))


def _uses_free(function: ir.FunctionDef, name: str, spec: LanguageSpec) -> bool:
    """Does ``function`` use a ``name`` it does not bind itself (a closure variable it shares)?"""
    if any(p.name == name for p in function.params) or _binds(function, name):
        return False
    return any(_mentions(s, ("name", name), spec) for s in _own_statements(function.body))


def _drop_call_argument(function: ir.FunctionDef, callee: str, position: int, arity: int, spec: LanguageSpec,
                        names: set[str], passed: list[Key]) -> ir.FunctionDef:
    def expr(node: ir.Expr) -> ir.Expr:
        if isinstance(node, ir.Call) and _callee_name(node, spec, names) == callee and len(node.args) == arity:
            argument = node.args[position]
            while isinstance(argument, ir.UnaryOp) and argument.op in ("&", "*"):
                argument = argument.operand
            key = storage_key(argument, spec)
            if key is not None and key not in passed:
                passed.append(key)
            node = replace(node, args=node.args[:position] + node.args[position + 1:])
        return _map_expr(node, expr)

    def stmt(node: ir.Stmt) -> list[ir.Stmt]:
        return [_map_stmt(node, expr, stmt)]

    body = tuple(s for b in function.body for s in stmt(b))
    return function if body == function.body else replace(function, body=body)


def _clean_initialisation(body: tuple[ir.Stmt, ...], key: Key, spec: LanguageSpec,
                          names: set[str]) -> tuple[ir.Stmt, ...] | None:
    """``body`` without the statements that only build table ``key`` and fill it with constants; None when
    it uses the table for anything else (then the table stays)."""
    aliases = {key}

    def touches(node: ir.Stmt) -> bool:
        return any(_mentions(inner, alias, spec) for inner in _own_statements((node,)) for alias in aliases)

    def rooted(expr: ir.Expr) -> bool:
        while isinstance(expr, ir.Index) and not expr.is_slice or isinstance(expr, ir.UnaryOp) \
                or isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr):
            expr = expr.obj if isinstance(expr, ir.Index) else expr.operand if isinstance(expr, ir.UnaryOp) \
                else expr.func.obj  # type: ignore[union-attr]
        return storage_key(expr, spec) in aliases

    def calls_user(expr: ir.Expr | None) -> bool:
        return any(_callee_name(n, spec, names) is not None for n in walk_expr(expr))

    def initialises(node: ir.Stmt) -> bool:
        if isinstance(node, ir.Assign):
            if calls_user(node.value) or not all(rooted(t) for t in node.targets):
                return False
            return not any(_mentions(ir.ExprStmt(node.value), alias, spec) for alias in aliases) \
                if node.value is not None else True
        if isinstance(node, ir.ExprStmt) and isinstance(node.expr, ir.Call) and not calls_user(node.expr):
            call = node.expr
            if isinstance(call.func, ir.Attr) and rooted(call.func.obj):
                return True  # T.fill(-1), T.resize(n, -1), T.put(0, 1)
            return bool(call.args) and rooted(call.args[0])  # Arrays.fill(T, -1), memset(T, ...), fill(T.begin(), ..)
        return False

    def clean(stmts: tuple[ir.Stmt, ...]) -> list[ir.Stmt] | None:
        out: list[ir.Stmt] = []
        for node in stmts:
            if isinstance(node, ir.FunctionDef) or not touches(node):
                out.append(node)
            elif initialises(node):
                continue
            elif isinstance(node, ir.Block):
                inner = clean(node.body)
                if inner is None:
                    return None
                if inner:
                    out.append(replace(node, body=tuple(inner)))
            elif isinstance(node, _LOOPS):
                # a loop whose body only initialises the table (``for row in T: fill(row, -1)``, ``for (i = 0;
                # i < T.length; i++) T[i] = -1``) goes with it; a loop that also does other work must not
                # depend on the table
                over_table = isinstance(node, ir.Foreach) and rooted(node.iter)
                if over_table:
                    aliases.update(("name", target) for target in node.targets)
                inner = clean(node.body)
                if inner is None:
                    return None
                if inner:
                    if over_table or any(any(_mentions(ir.ExprStmt(h), alias, spec) for alias in aliases)
                                         for h in _loop_header(node)):
                        return None
                    out.append(replace(node, body=tuple(inner)))
            else:
                return None
        return out

    cleaned = clean(body)
    return None if cleaned is None else tuple(cleaned)


# -------------------------------------------------------------------------------------------- helpers


def storage_key(expr: ir.Expr, spec: LanguageSpec) -> Key | None:
    """What a table is stored in: a local name or a field of ``self``/``this`` (None for anything else)."""
    if isinstance(expr, ir.Name):
        return ("name", expr.id)
    if isinstance(expr, ir.Attr) and isinstance(expr.obj, ir.Name) and expr.obj.id in spec.self_names:
        return ("field", expr.name)
    return None


def _callee_name(node: object, spec: LanguageSpec, names: set[str]) -> str | None:
    if not isinstance(node, ir.Call):
        return None
    func = node.func
    if isinstance(func, ir.Name) and func.id in names:
        return func.id
    if isinstance(func, ir.Attr) and func.name in names and isinstance(func.obj, ir.Name) \
            and func.obj.id in spec.self_names | {"Self"}:
        return func.name
    return None


def _binds(function: ir.FunctionDef, name: str) -> bool:
    return any(isinstance(stmt, ir.Assign) and any(isinstance(t, ir.Name) and t.id == name for t in stmt.targets)
               for stmt in _own_statements(function.body))


def _indices(expr: ir.Expr) -> list[ir.Expr]:
    out: list[ir.Expr] = []
    while isinstance(expr, ir.Index) and not expr.is_slice or isinstance(expr, ir.UnaryOp) and expr.op in ("*", "&"):
        if isinstance(expr, ir.Index):
            out.append(expr.index)
            expr = expr.obj
        else:
            expr = expr.operand
    return out[::-1]


def _negated_lookup(test: ir.Expr, key: Key, rewriter: _Rewriter) -> bool:
    """``k not in T``, ``!T.containsKey(k)``, ``T[k] == -1``, ``T.find(k) == T.end()``: T lacks k."""
    if isinstance(test, ir.BinOp) and test.op == "not in":
        return rewriter.root(test.right) == key
    if isinstance(test, ir.UnaryOp) and test.op in ("not", "!"):
        return key in rewriter.looked_up(test.operand)
    if isinstance(test, ir.BinOp) and test.op == "==":
        return key in rewriter.looked_up(test)
    return False


def _disjuncts(test: ir.Expr) -> list[ir.Expr]:
    if isinstance(test, ir.BinOp) and test.op in ("or", "||"):
        return _disjuncts(test.left) + _disjuncts(test.right)
    return [test]


def _mentions(stmt: ir.Stmt, key: Key, spec: LanguageSpec) -> bool:
    return any(storage_key(node, spec) == key for node in _stmt_exprs(stmt))


def _loop_header(node: ir.Stmt) -> list[ir.Expr]:
    if isinstance(node, ir.Foreach):
        return [node.iter]
    if isinstance(node, ir.While):
        return [node.test] if node.test is not None else []
    assert isinstance(node, ir.CFor)
    exprs = [node.cond] if node.cond is not None else []
    for part in node.init + node.update:
        exprs += list(_stmt_exprs(part))
    return exprs


def _top_statements(body: tuple[ir.Stmt, ...]) -> Iterator[ir.Stmt]:
    """Statements of the function's own level (through plain blocks), where a memo check sits."""
    for stmt in body:
        if isinstance(stmt, ir.Block):
            yield from _top_statements(stmt.body)
        else:
            yield stmt


_CHILD_BLOCKS = {ir.If: ("body", "orelse"), ir.Foreach: ("body",), ir.CFor: ("init", "update", "body"),
                 ir.While: ("body",), ir.Block: ("body",)}


def _own_statements(body: tuple[ir.Stmt, ...]) -> Iterator[ir.Stmt]:
    """Every statement below ``body``, not entering nested functions."""
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        yield stmt
        for attribute in _CHILD_BLOCKS.get(type(stmt), ()):
            stack.extend(reversed(getattr(stmt, attribute)))


def _stmt_exprs(stmt: ir.Stmt) -> Iterator[object]:
    """Every expression node directly in ``stmt`` (not in its nested statements)."""
    if isinstance(stmt, ir.Assign):
        roots: list = [*stmt.targets, stmt.value]
    elif isinstance(stmt, (ir.ExprStmt,)):
        roots = [stmt.expr]
    elif isinstance(stmt, (ir.If, ir.While)):
        roots = [stmt.test]
    elif isinstance(stmt, ir.Foreach):
        roots = [stmt.iter]
    elif isinstance(stmt, ir.CFor):
        roots = [stmt.cond]
    elif isinstance(stmt, ir.Return):
        roots = [stmt.value]
    elif isinstance(stmt, ir.Delete):
        roots = list(stmt.targets)
    else:
        roots = []
    for root in roots:
        yield from walk_expr(root)




def _map_expr(node: ir.Expr, function: Callable[[ir.Expr], ir.Expr]) -> ir.Expr:
    """``node`` with ``function`` applied to each child expression (generators included)."""
    if isinstance(node, (ir.Name, ir.Literal)) or node is None:
        return node
    changes = {}
    for field in fields(node):  # type: ignore[arg-type]
        value = getattr(node, field.name)
        if isinstance(value, tuple):
            new = tuple(_map_generator(item, function) if isinstance(item, ir.Generator)
                        else function(item) if not isinstance(item, str) else item for item in value)
        elif value is None or isinstance(value, (str, bool, int)):
            continue
        else:
            new = function(value)
        if new != value:
            changes[field.name] = new
    return replace(node, **changes) if changes else node  # type: ignore[type-var]


def _map_generator(generator: ir.Generator, function: Callable[[ir.Expr], ir.Expr]) -> ir.Generator:
    return replace(generator, iter=function(generator.iter),
                   conditions=tuple(function(c) for c in generator.conditions))


def _map_stmt(node: ir.Stmt, expr: Callable[[ir.Expr], ir.Expr],
              stmt: Callable[[ir.Stmt], list[ir.Stmt]]) -> ir.Stmt:
    """``node`` with ``expr`` applied to its expressions and ``stmt`` to its nested statements."""
    if isinstance(node, ir.FunctionDef):
        return node
    changes = {}
    for field in fields(node):  # type: ignore[arg-type]
        value = getattr(node, field.name)
        if isinstance(value, tuple) and field.name in ("body", "orelse", "init", "update"):
            new = tuple(s for item in value for s in stmt(item))
        elif isinstance(value, tuple):
            new = tuple(item if isinstance(item, str) else expr(item) for item in value)
        elif value is None or isinstance(value, (str, bool, int)):
            continue
        else:
            new = expr(value)
        if new != value:
            changes[field.name] = new
    return replace(node, **changes) if changes else node  # type: ignore[type-var]
