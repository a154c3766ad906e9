"""Arrays used as hash maps and sets take the map / set form: one skeleton for "count by key" and "mark seen".

Translations of one algorithm count letters in ``int[26]`` / ``[0] * 26`` / ``vec![0; 26]`` where others
use a ``dict`` / ``Counter`` / ``HashMap``, and mark visited cells in ``boolean[m][n]`` / ``[[False] * n
for ...]`` where others add ``(r, c)`` to a ``set()``.  Each pair costs the same (O(1) per access, O(n)
to fill), so the canonical skeleton must not tell them apart.  This IR -> IR pass (after hoisting, memo
and table recognition, before lowering) rewrites the array form into the keyed form, in every language
alike (Python's own ``[0] * 26`` and ``[False] * n`` included):

* a **flag array** (built false / zeroed, any size) whose every element write stores a boolean literal and
  whose every element read is a condition (``if (!seen[i])``, ``visit[r][c] || ...``) is a set: it is
  built as ``set()``; ``a[k] = true`` is ``set.add``, ``a[k] = false`` a removal (backtracking's
  ``used[i] = false``), a read ``set.has``.  A grid's ``a[r][c]`` is keyed by the pair ``(r, c)``, as
  in Python's ``(r, c) in visit``.
* a **count array** (built with a literal size: an alphabet, a digit or value range; one dimension) whose
  elements are read and written by key is a map: built as ``map()``; reads are ``map.get``, writes
  ``map.put``, ``a[k] += 1`` / ``a[k]++`` both (like ``d[k] = d.get(k, 0) + 1``).  Walking it (``for x in
  count``) walks the map; comparing two of them (``Arrays.equals``, ``==``) is no operation in either
  form: both hold at most alphabet-many entries, so the comparison is O(1) in both.

What stays an array (it is not a keyed table, or its cost differs):

* an array indexed by arithmetic other than a character offset (``dp[i - 1]``, ``a[r * n + c]``,
  ``seen[i + 1]``): a DP table or a positional buffer.  Keys are names, elements (``nums[i]``), calls
  (``ord(c)``, ``s.charAt(i)``), literals, and ``x - 'a'`` / ``ord(c) - ord('a')`` / ``c - 97`` offsets;
* a boolean array whose values are data (``return dp[n]``, ``dp[i] = dp[j] && ...``) or which is built
  true (a sieve's complement);
* a count array whose size depends on the input (``new int[n + 1]`` buckets, prefix counts
  ``int[n][26]``): it is allocated in O(n), which an empty map is not; except a one-dimensional count
  table counted at elements of collections (``indegree[e[1]]++``, ``indegree[nei] -= 1``: counts per
  node of a graph), built once (not in a loop, not in a recursive function) and never assigned values,
  which is Python's ``defaultdict(int)``: the graph algorithm visits its n nodes anyway;
* arrays that are reassigned from anything but a construction, aliased, sliced, or (flags) handed to
  library code or walked; a count array only indexed by literals (``res[0]``, ``res[1]``: a pair) or never
  written.

An array passed to a helper (``dfs(grid, visited, r, c)``) is decided with the helper's parameter: both
convert or neither, and the parameter's kind becomes ``set`` / ``map`` like a Python closure's lifted
capture.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from skeldsl import ir
from skeldsl.normalise.lower import flat_statements, target_names, walk_expr
from skeldsl.normalise.spec import LanguageSpec

Hoisted = list[tuple[ir.FunctionDef, "str | None"]]
Binding = tuple[str, str]  # (hoisted function name, variable name)
_CONDITION_OPS = frozenset({"and", "or", "&&", "||"})
_NOT = frozenset({"not", "!"})
_CHAR_CODE_MIN = 48  # ``c - 48`` / ``c - 97``: an offset by a character code ('0' is 48)


def key_arrays(functions: Hoisted, spec: LanguageSpec) -> Hoisted:
    """Every hoisted function with its flag arrays as sets and its count arrays as maps."""
    built, keyable = _constructed_names(functions, spec)
    if not built or not keyable:
        return functions  # the common case: no array is built (or none could qualify), nothing to walk
    tracked = built | {param.name for function, _ in functions for param in function.params}
    scan = _Scan(functions, spec, tracked)
    kinds = scan.decide()
    if not kinds:
        return functions
    owners = {function for function, _ in kinds}
    return [(_Rewriter(scan, kinds, function.name).function(function) if scan.sees(function.name, owners)
             else function, parent) for function, parent in functions]


@dataclass
class _Facts:
    """What one binding's uses show, over every function that sees it."""

    # (literal size?, fill) of each construction assigned to it
    constructions: list[tuple[bool, "ir.Literal | None"]] = field(default_factory=list)
    other_assign: bool = False
    depths: set = field(default_factory=set)
    data_read: bool = False  # an element read outside a condition
    literal_store: set = field(default_factory=set)  # texts of bool literals stored
    value_store: bool = False  # an element store of a non-literal value
    update: bool = False  # a[k] += 1, a[k]++
    key_indices: bool = True  # every index is a key (see ``_key``)
    data_key: bool = False  # some index is not a literal
    element_key: bool = False  # some index is an element of a collection (``indegree[e[1]]``, ``[nei]``)
    nested: bool = False  # built inside a loop or in a recursive function
    # uses of the array itself: pass (to a helper), iterate, compare, library, method, other
    whole: set = field(default_factory=set)
    rows: set = field(default_factory=set)  # a[i] = <fresh row>: "array" (new bool[n]) or "other" (a list)


class _Scan:
    """Bindings of array constructions and what their uses show; links arrays to the helper parameters
    they are passed to."""

    def __init__(self, functions: Hoisted, spec: LanguageSpec, tracked: set[str]) -> None:
        self.spec = spec
        self.functions = functions
        self.tracked = tracked  # names that may be arrays: those built as one, and parameters
        self.parent = {function.name: parent for function, parent in functions}
        self.by_name = {function.name: function for function, _ in functions}
        self.base_names: dict[str, list[str]] = {}
        for function, _ in functions:
            self.base_names.setdefault(function.name.split("@")[0], []).append(function.name)
        self.bound = {function.name: _bound_names(function) for function, _ in functions}
        self._char_codes: set[Binding] | None = None
        self.facts: dict[Binding, _Facts] = {}
        self.links: dict[Binding, Binding] = {}  # union-find over bindings passed to parameters
        self.passed: dict[Binding, set] = {}  # helper parameter -> bindings passed to it (None: other)
        self.elements: set[str] = set()  # names a loop binds to the elements of a collection
        self.depth = 0  # loops around the statement being scanned
        self.recursive = {function.name for function, _ in functions if _calls_itself(function, spec)}
        for function, _ in functions:
            self.current = function.name
            self.block(function.body)

    # ------------------------------------------------------------------------------ scopes

    def resolve(self, name: str) -> Binding | None:
        function: str | None = self.current
        while function is not None:
            if name in self.bound.get(function, ()):
                return function, name
            function = self.parent.get(function)
        return None

    def sees(self, function: str | None, owners: set[str]) -> bool:
        """Is ``function`` or a function it is nested in one of ``owners``?"""
        while function is not None:
            if function in owners:
                return True
            function = self.parent.get(function)
        return False

    def fact(self, name: str) -> _Facts | None:
        if name not in self.tracked:
            return None
        binding = self.resolve(name)
        if binding is None:
            return None
        return self.facts.setdefault(binding, _Facts())

    def callee(self, func: ir.Expr) -> ir.FunctionDef | None:
        name = func.id if isinstance(func, ir.Name) else func.name if isinstance(func, ir.Attr) and \
            isinstance(func.obj, ir.Name) and func.obj.id in self.spec.self_names else None
        if name is None or isinstance(func, ir.Name) and self.resolve(name) is not None:
            return None
        candidates = self.base_names.get(name, [])
        return self.by_name[candidates[0]] if len(candidates) == 1 else None

    # ------------------------------------------------------------------------------ statements

    def block(self, body) -> None:
        for stmt in body:
            self.stmt(stmt)

    def stmt(self, stmt: ir.Stmt) -> None:
        if isinstance(stmt, ir.Assign):
            self.assign(stmt)
        elif isinstance(stmt, ir.ExprStmt):
            self.expr(stmt.expr, False)
        elif isinstance(stmt, ir.If):
            self.expr(stmt.test, True)
            self.block(stmt.body)
            self.block(stmt.orelse)
        elif isinstance(stmt, ir.While):
            self.expr(stmt.test, True)
            self.loop_body(stmt.body)
        elif isinstance(stmt, ir.Foreach):
            if isinstance(stmt.iter, ir.Name):
                self.whole(stmt.iter, "iterate")
            else:
                self.expr(stmt.iter, False)
            if not self.counting(stmt.iter):
                self.elements.update(stmt.targets)
            self.loop_body(stmt.body)
        elif isinstance(stmt, ir.CFor):
            self.block(stmt.init)
            self.expr(stmt.cond, True)
            self.block(stmt.update)
            self.loop_body(stmt.body)
        elif isinstance(stmt, ir.Return):
            self.expr(stmt.value, False)
        elif isinstance(stmt, ir.Delete):
            for target in stmt.targets:
                root, _ = _chain(target)
                if root is not None:
                    self.whole(root, "other")
                self.expr(target, False)
        elif isinstance(stmt, ir.Block):
            self.block(stmt.body)

    def loop_body(self, body) -> None:
        self.depth += 1
        self.block(body)
        self.depth -= 1

    def counting(self, iterable: ir.Expr) -> bool:
        """``range(..)`` / ``0..n``: a loop over numbers, not over a collection's elements."""
        if isinstance(iterable, ir.Range):
            return True
        return isinstance(iterable, ir.Call) and isinstance(iterable.func, ir.Name) \
            and self.spec.functions.get(iterable.func.id, (None,))[0] == "range"

    def assign(self, stmt: ir.Assign) -> None:
        if stmt.value is None:
            return
        pairs = _pairs(stmt)
        if pairs is not None:  # a, b = [0] * 26, [0] * 26
            for target, value in pairs:
                self.assign(ir.Assign((target,), value, line=stmt.line))
            return
        for target in stmt.targets:
            root, indices = _chain(target)
            if isinstance(target, ir.Name):
                facts = self.fact(target.id)
                if facts is not None:
                    construction = _construction(stmt.value, self.spec) if stmt.op is None else None
                    if construction is None:
                        facts.other_assign = True
                    else:
                        facts.constructions.append(construction)
                        facts.nested = facts.nested or self.depth > 0 or self.current in self.recursive
            elif root is not None and indices and stmt.op is None and _row(stmt.value, self.spec) is not None:
                facts = self.fact(root.id)  # visit[i] = new bool[n]: a row of the table being built
                if facts is not None:
                    facts.rows.add(_row(stmt.value, self.spec))
                for index in indices:
                    self.expr(index, False)
                continue
            elif root is not None and indices:
                self.element(root, indices)
                facts = self.fact(root.id)
                if facts is not None:
                    if stmt.op in ("+", "-"):
                        facts.update = True
                    elif stmt.op is not None:
                        facts.value_store = True
                    elif isinstance(stmt.value, ir.Literal) and stmt.value.kind == "bool":
                        facts.literal_store.add(stmt.value.text.lower())
                    else:
                        facts.value_store = True
            else:
                self.expr(target, False)
        built = _construction(stmt.value, self.spec) is not None or _row(stmt.value, self.spec) is not None
        if not (stmt.op is None and len(stmt.targets) == 1 and built
                and isinstance(stmt.targets[0], (ir.Name, ir.Index))):
            self.expr(stmt.value, False)

    # ------------------------------------------------------------------------------ expressions

    def element(self, root: ir.Name, indices: list[ir.Expr]) -> None:
        """An element access ``root[i][j]``: its depth and whether its indices are keys."""
        facts = self.fact(root.id)
        for index in indices:
            self.expr(index, False)
        if facts is None:
            return
        facts.depths.add(len(indices))
        keys = [item for index in indices for item in (index.items if isinstance(index, ir.CollectionLit)
                                                        and index.kind == "tuple" else (index,))]
        if not all(_key(index, self.char_code) for index in keys):
            facts.key_indices = False
        if any(not isinstance(index, ir.Literal) for index in keys):
            facts.data_key = True
        if any(isinstance(index, ir.Index) and not index.is_slice
               or isinstance(index, ir.Name) and index.id in self.elements for index in keys):
            facts.element_key = True

    def char_code(self, expr: ir.Expr) -> bool:
        """A constant character code: ``'a'``, ``ord('a')``, ``97``, or a name only ever given one
        (``let base = Int(Character("a").asciiValue!)``)."""
        if isinstance(expr, ir.Name):
            if self._char_codes is None:
                self._char_codes = _char_code_names(self.functions)
            return self.resolve(expr.id) in self._char_codes
        return _char_offset(expr)

    def whole(self, name: ir.Name, use: str) -> None:
        facts = self.fact(name.id)
        if facts is not None:
            facts.whole.add(use)

    def expr(self, expr: ir.Expr | None, condition: bool) -> None:
        if expr is None:
            return
        if isinstance(expr, ir.Name):
            self.whole(expr, "other")
        elif isinstance(expr, ir.Index) and expr.is_slice and isinstance(expr.obj, ir.Name):
            self.whole(expr.obj, "library")  # count[:]: a copy, like count.clone()
            self.expr(expr.index, False)
        elif isinstance(expr, ir.Index) and not expr.is_slice:
            root, indices = _chain(expr)
            if root is None:
                self.expr(expr.obj, False)
                self.expr(expr.index, False)
                return
            self.element(root, indices)
            facts = self.fact(root.id)
            if facts is not None and not condition:
                facts.data_read = True
        elif isinstance(expr, ir.UnaryOp):
            root, indices = _chain(expr.operand)
            if expr.op in ("++", "--") and root is not None and indices:
                self.element(root, indices)
                facts = self.fact(root.id)
                if facts is not None:
                    facts.update = True
            else:
                self.expr(expr.operand, condition and expr.op in _NOT)
        elif isinstance(expr, ir.BinOp):
            inner = condition and expr.op in _CONDITION_OPS
            for side in (expr.left, expr.right):
                if isinstance(side, ir.Name) and expr.op in ("==", "!="):
                    self.whole(side, "compare")
                else:
                    self.expr(side, inner)
        elif isinstance(expr, ir.Cond):
            self.expr(expr.test, True)
            self.expr(expr.then, condition)
            self.expr(expr.orelse, condition)
        elif isinstance(expr, ir.Call):
            self.call(expr)
        else:
            for child in _children(expr):
                self.expr(child, False)

    def call(self, call: ir.Call) -> None:
        callee = self.callee(call.func)
        if isinstance(call.func, ir.Attr):
            if isinstance(call.func.obj, ir.Name) and call.func.obj.id in self.tracked:
                self.whole(call.func.obj, "method")
            elif not (isinstance(call.func.obj, ir.Name) and call.func.obj.id in self.spec.self_names):
                self.expr(call.func.obj, False)
        for position, arg in enumerate(call.args):
            binding = self.resolve(arg.id) if isinstance(arg, ir.Name) and arg.id in self.tracked else None
            if callee is not None and position < len(callee.params):
                parameter = (callee.name, callee.params[position].name)
                self.passed.setdefault(parameter, set()).add(binding)
                if binding is not None:
                    self.facts.setdefault(binding, _Facts()).whole.add("pass")
                    self.union(binding, parameter)
                    continue
            if binding is not None:
                self.whole(arg, "library")  # type: ignore[arg-type]
            else:
                self.expr(arg, False)

    # ------------------------------------------------------------------------------ decision

    def union(self, a: Binding, b: Binding) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.links[ra] = rb

    def find(self, a: Binding) -> Binding:
        while a in self.links:
            a = self.links[a]
        return a

    def decide(self) -> dict[Binding, str]:
        """binding -> "set" / "map" for every binding whose whole group (an array and the helper parameters
        it is passed to) qualifies."""
        groups: dict[Binding, list[Binding]] = {}
        for binding in set(self.facts) | set(self.passed):
            groups.setdefault(self.find(binding), []).append(binding)
        kinds: dict[Binding, str] = {}
        for members in groups.values():
            kind = self.group_kind(members)
            if kind is not None:
                kinds.update((member, kind) for member in members)
        return kinds

    def group_kind(self, members: list[Binding]) -> str | None:
        facts = [self.facts.get(member, _Facts()) for member in members]
        constructions = [c for f in facts for c in f.constructions]
        if not constructions or any(f.other_assign or not f.key_indices for f in facts):
            return None
        for member in members:
            function = self.by_name.get(member[0])
            is_param = function is not None and any(p.name == member[1] for p in function.params)
            reassigned = self.facts.get(member, _Facts()).constructions
            if is_param and (None in self.passed.get(member, {None}) or reassigned):
                return None  # a parameter something else is passed to, or one reassigned
        depths = set().union(*(f.depths for f in facts))
        whole = set().union(*(f.whole for f in facts))
        if len(depths) != 1:
            return None
        stores = set().union(*(f.literal_store for f in facts))
        fills = {fill.text.lower() if fill is not None and fill.kind == "bool" else None if fill is None
                 else "value" for _, fill in constructions}
        rows = set().union(*(f.rows for f in facts))
        if "true" in stores and fills <= {None, "false"} and whole <= {"pass"} and rows <= {"array"} \
                and not any(f.data_read or f.value_store or f.update for f in facts):
            return "set"
        # a count table sized by the input (``indegree = new int[n]``) counted at elements (``[e[1]]++``),
        # built once per run of the program: Python's ``defaultdict(int)`` (a distance or DP table, whose
        # cells are assigned values, stays an array)
        sized = all(size for size, _ in constructions) or any(f.element_key for f in facts) \
            and not any(f.nested or f.value_store for f in facts) and any(f.update for f in facts)
        if depths == {1} and not rows and sized \
                and not {"true", "false"} & fills \
                and not stores and whole <= {"pass", "iterate", "compare", "library", "method"} \
                and any(f.data_key for f in facts) and any(f.update or f.value_store for f in facts):
            return "map"
        return None


class _Rewriter:
    """Rewrites one function's uses of the converted bindings (``kinds``) into the keyed form."""

    def __init__(self, scan: _Scan, kinds: dict[Binding, str], function: str) -> None:
        self.scan = scan
        self.kinds = kinds
        self.function_name = function

    def kind(self, name: str) -> str | None:
        self.scan.current = self.function_name
        binding = self.scan.resolve(name)
        return self.kinds.get(binding) if binding is not None else None

    def function(self, function: ir.FunctionDef) -> ir.FunctionDef:
        params = tuple(replace(param, kind=self.kind(param.name)) if self.kind(param.name) else param
                       for param in function.params)
        body = self.block(function.body)
        if params == function.params and body == function.body:
            return function
        return replace(function, params=params, body=body)

    def block(self, body: tuple[ir.Stmt, ...]) -> tuple[ir.Stmt, ...]:
        return tuple(self.stmt(stmt) for stmt in body)

    def stmt(self, stmt: ir.Stmt) -> ir.Stmt:
        if isinstance(stmt, ir.FunctionDef):
            return stmt  # hoisted separately
        pairs = _pairs(stmt) if isinstance(stmt, ir.Assign) else None
        if pairs is not None and any(isinstance(t, ir.Name) and self.kind(t.id) for t, _ in pairs):
            split = (self.stmt(ir.Assign((target,), value, line=stmt.line)) for target, value in pairs)
            return ir.Block(tuple(split), line=stmt.line)
        if isinstance(stmt, (ir.Foreach, ir.CFor)) and self.initialises(stmt.body):
            return ir.Block(())  # for (i < 26) first[i] = -1: the map's default, as Python's [-1] * 26
        if isinstance(stmt, (ir.If, ir.While)):
            updates: list[ir.Stmt] = []
            test = self.hoist_updates(stmt.test, updates)
            if updates:
                if isinstance(stmt, ir.If):
                    return ir.Block(tuple(updates) + (self.stmt(replace(stmt, test=test)),), line=stmt.line)
                return self.stmt(replace(stmt, test=test, body=tuple(updates) + stmt.body))
        if isinstance(stmt, ir.Assign) and stmt.value is not None and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ir.Name) and stmt.op is None and self.kind(target.id) is not None:
                kind = self.kind(target.id)
                return replace(stmt, value=ir.CollectionLit(kind), declared=kind)  # type: ignore[arg-type]
            root, _ = _chain(target)
            if root is not None and self.kind(root.id) is not None and stmt.op is None \
                    and _row(stmt.value, self.scan.spec) is not None:
                return ir.Block(())  # a row of a table that is now one set
            if root is not None and self.kind(root.id) == "set" and isinstance(stmt.value, ir.Literal) \
                    and stmt.value.text.lower() == "false":
                return ir.Delete((self.expr(target),), line=stmt.line)  # used[i] = false: a removal
        new = _rebuild(stmt, lambda v: self.stmt(v) if _is_stmt(v) else self.expr(v) if _is_expr(v) else v)
        if new is not stmt and isinstance(new, (ir.Foreach, ir.CFor)) and _empty(new.body) \
                and not _empty(stmt.body):
            return ir.Block(())  # a loop that only allocated rows
        return new

    def initialises(self, body: tuple[ir.Stmt, ...]) -> bool:
        """Does a loop ``body`` only store one constant into every cell of a converted map?"""
        stmts = list(flat_statements(body))
        return bool(stmts) and all(
            isinstance(stmt, ir.Assign) and stmt.op is None and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ir.Index) and isinstance(stmt.targets[0].obj, ir.Name)
            and self.kind(stmt.targets[0].obj.id) == "map" and isinstance(stmt.targets[0].index, ir.Name)
            and stmt.value is not None and not any(isinstance(node, (ir.Name, ir.Index, ir.Call))
                                                   for node in walk_expr(stmt.value))
            for stmt in stmts)

    def hoist_updates(self, expr, updates: list[ir.Stmt]):
        """``if (--count[c] < 0)`` is ``count[c] -= 1; if (count[c] < 0)`` (and ``while (count[i]-- > 0)`` a
        decrement first in the body), as other translations write it: ``expr`` without the updates of
        converted maps, which go to ``updates``."""
        if isinstance(expr, ir.UnaryOp) and expr.op in ("++", "--"):
            root, _ = _chain(expr.operand)
            if root is not None and self.kind(root.id) == "map":
                updates.append(ir.Assign((expr.operand,), ir.Literal("num", "1"), op=expr.op[0]))
                return expr.operand
        if not _is_expr(expr) or isinstance(expr, _LEAVES):
            return expr
        return _rebuild(expr, lambda v: self.hoist_updates(v, updates) if _is_expr(v) else v)

    def expr(self, expr):
        if isinstance(expr, ir.Index) and not expr.is_slice:
            root, indices = _chain(expr)
            if root is not None and self.kind(root.id) is not None:
                indices = [self.expr(index) for index in indices]
                key = indices[0] if len(indices) == 1 else ir.CollectionLit("tuple", tuple(indices))
                return ir.Index(root, key)
        if isinstance(expr, ir.Generator):
            return replace(expr, iter=self.expr(expr.iter), conditions=tuple(map(self.expr, expr.conditions)))
        if not _is_expr(expr) or isinstance(expr, (ir.Name, ir.Literal)):
            return expr
        return _rebuild(expr, lambda v: self.expr(v) if _is_expr(v) else v)


# expressions whose updates are not hoisted out of a condition (they run later or never)
_LEAVES = (ir.Name, ir.Literal, ir.Comprehension, ir.Lambda, ir.Generator)
_EXPR_TYPES = (ir.Name, ir.Literal, ir.Attr, ir.Index, ir.Call, ir.BinOp, ir.UnaryOp, ir.Cond,
               ir.CollectionLit, ir.Range, ir.Comprehension, ir.Lambda, ir.Opaque, ir.Generator)
_STMT_TYPES = (ir.Assign, ir.ExprStmt, ir.If, ir.Foreach, ir.CFor, ir.While, ir.Return, ir.Break, ir.Continue,
               ir.Delete, ir.Block, ir.FunctionDef)


def _rebuild(node, child):
    """``node`` with ``child`` applied to each child node (in tuples too); ``node`` itself when no child
    changed (checked by identity: comparing trees by value at every level would be quadratic)."""
    values = {}
    changed = False
    for name, value in vars(node).items():
        if isinstance(value, tuple):
            new = tuple(child(item) for item in value)
            changed = changed or any(a is not b for a, b in zip(new, value))
        elif _is_expr(value) or _is_stmt(value):
            new = child(value)
            changed = changed or new is not value
        else:
            new = value
        values[name] = new
    return type(node)(**values) if changed else node


def _is_expr(value) -> bool:
    return isinstance(value, _EXPR_TYPES)


def _is_stmt(value) -> bool:
    return isinstance(value, _STMT_TYPES)


def _children(expr: ir.Expr):
    for value in ir.field_values(expr):
        for child in value if isinstance(value, tuple) else (value,):
            if isinstance(child, ir.Generator):
                yield child.iter
                yield from child.conditions
            elif _is_expr(child):
                yield child


def _row(value: ir.Expr, spec: LanguageSpec) -> str | None:
    """``"array"`` when ``value`` allocates a fresh array row (``new bool[n]``, ``make([]bool, n)``),
    ``"other"`` for another fresh collection (``new List<int>()``, ``[]``), None for anything else."""
    if _construction(value, spec) is not None:
        return "array"
    if isinstance(value, ir.CollectionLit) and not value.items or isinstance(value, ir.Call) \
            and isinstance(value.func, ir.Name) and value.func.id in spec.constructors and not value.args:
        return "other"
    return None


def _empty(body: tuple[ir.Stmt, ...]) -> bool:
    return all(isinstance(stmt, ir.Block) and _empty(stmt.body) for stmt in body)


def _pairs(stmt: ir.Assign) -> list[tuple[ir.Expr, ir.Expr]] | None:
    """The (target, value) pairs of ``a, b = x, y``; None for any other assignment."""
    target, value = stmt.targets[0] if len(stmt.targets) == 1 else None, stmt.value
    if stmt.op is None and isinstance(target, ir.CollectionLit) and isinstance(value, ir.CollectionLit) \
            and len(target.items) == len(value.items):
        return list(zip(stmt.targets[0].items, stmt.value.items))
    return None


def _chain(expr: ir.Expr) -> tuple[ir.Name | None, list[ir.Expr]]:
    """``a[i][j]`` -> (``a``, [i, j]); (None, []) when the innermost object is not a name."""
    indices: list[ir.Expr] = []
    while isinstance(expr, ir.Index) and not expr.is_slice:
        indices.append(expr.index)
        expr = expr.obj
    return (expr, indices[::-1]) if isinstance(expr, ir.Name) else (None, [])


def _constructed_names(functions: Hoisted, spec: LanguageSpec) -> tuple[set[str], bool]:
    """Names some statement assigns an array construction to (``count = [0] * 26``, ``a, b = [0] * 26, ...``),
    and whether any group could qualify at all: a set needs a stored ``true`` literal (``seen[i] = true``),
    a map constructions of literal size (``_Scan.group_kind``); without either, the scan is skipped."""
    names: set[str] = set()
    keyable = False
    for function, _ in functions:
        stack = list(function.body)
        while stack:
            stmt = stack.pop()
            kind = type(stmt)
            if kind is ir.Assign:
                pairs = _pairs(stmt) or [(target, stmt.value) for target in stmt.targets]
                for target, value in pairs:
                    if type(target) is ir.Name and value is not None:
                        construction = _construction(value, spec)
                        if construction is not None:
                            names.add(target.id)
                            keyable = True  # (a table sized by the input may be keyed by its nodes)
                    elif not keyable:
                        keyable = _keyable(target, value, spec)
            elif kind is ir.If:
                stack.extend(stmt.body + stmt.orelse)
            elif kind in (ir.While, ir.Block, ir.Foreach):
                stack.extend(stmt.body)
            elif kind is ir.CFor:
                stack.extend(stmt.init + stmt.body + stmt.update)
    return names, keyable


def _keyable(target: ir.Expr, value: ir.Expr | None, spec: LanguageSpec) -> bool:
    """Could ``target = value`` make a group qualify: a ``true`` stored into an element, or a construction
    of literal size (see ``_constructed_names``)?"""
    if value is None:
        return False
    if isinstance(target, ir.Index):
        return isinstance(value, ir.Literal) and value.kind == "bool" and value.text.lower() == "true"
    if isinstance(target, ir.CollectionLit) and isinstance(value, ir.CollectionLit) \
            and len(target.items) == len(value.items):  # a, (b, c) = x, (y, z), split as ``_Scan.assign`` does
        return any(_keyable(item, part, spec) for item, part in zip(target.items, value.items))
    if isinstance(target, ir.Name):
        construction = _construction(value, spec)
        return construction is not None and bool(construction[0])
    return False


def _char_code_names(functions: Hoisted) -> set[Binding]:
    """(function, name) of locals every assignment gives a constant character code."""
    values: dict[Binding, list[ir.Expr | None]] = {}
    for function, _ in functions:
        stack = list(function.body)
        while stack:
            stmt = stack.pop()
            if isinstance(stmt, ir.Assign):
                for target in stmt.targets:
                    if isinstance(target, ir.Name):
                        values.setdefault((function.name, target.id), []).append(
                            stmt.value if stmt.op is None else None)
            elif isinstance(stmt, (ir.If,)):
                stack.extend(stmt.body + stmt.orelse)
            elif isinstance(stmt, (ir.While, ir.Block, ir.Foreach)):
                stack.extend(stmt.body)
            elif isinstance(stmt, ir.CFor):
                stack.extend(stmt.init + stmt.body + stmt.update)
    return {binding for binding, assigned in values.items()
            if all(value is not None and _char_offset(value) for value in assigned)}


def _bound_names(function: ir.FunctionDef) -> set[str]:
    """Names ``function`` binds itself (parameters, assignments, loop variables; not nested functions')."""
    names = {param.name for param in function.params}
    stack = list(function.body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, ir.Assign):
            names.update(target_names(stmt.targets))
        elif isinstance(stmt, ir.Foreach):
            names.update(stmt.targets)
            stack.extend(stmt.body)
        elif isinstance(stmt, ir.CFor):
            stack.extend(stmt.init + stmt.body + stmt.update)
        elif isinstance(stmt, (ir.If,)):
            stack.extend(stmt.body + stmt.orelse)
        elif isinstance(stmt, (ir.While, ir.Block)):
            stack.extend(stmt.body)
    return names


def _construction(value: ir.Expr, spec: LanguageSpec) -> tuple[bool, ir.Literal | None] | None:
    """(literal size?, fill literal or None) when ``value`` builds a filled array, else None.

    ``[x] * n`` (Python, and the extractors' form of ``vec![x; n]``, ``new Array(n).fill(x)``,
    ``[Int](repeating: x, count: n)``, Go's ``[26]int{}``), rows of such (``[[x] * m for _ in range(n)]``),
    and list constructors with a size (``new int[n]``, ``vector<bool>(n, false)``, ``make([]int, n)``,
    ``IntArray(26)``, ``Array(n) { BooleanArray(m) }``)."""
    if isinstance(value, ir.BinOp) and value.op == "*":
        for lit, size in ((value.left, value.right), (value.right, value.left)):
            if isinstance(lit, ir.CollectionLit) and lit.kind == "list" and len(lit.items) == 1:
                item = lit.items[0]
                inner = _construction(item, spec)
                if inner is None and not _scalar(item):
                    return None
                return inner is None and _literal_size(size), inner[1] if inner is not None else _fill(item)
        return None
    if isinstance(value, ir.Comprehension) and value.kind == "list" and len(value.generators) == 1 \
            and not value.generators[0].conditions:
        inner = _construction(value.element, spec)  # [[False] * n for _ in ...], [False for _ in ...]
        return (False, inner[1]) if inner is not None else (False, _fill(value.element)) \
            if _scalar(value.element) else None
    if isinstance(value, ir.Call) and isinstance(value.func, ir.Name) and value.args \
            and spec.constructors.get(value.func.id) == "list":
        size, rest = value.args[0], value.args[1:]
        if isinstance(size, (ir.CollectionLit, ir.Comprehension, ir.Lambda)) or \
                isinstance(size, ir.Name) and spec.constructors.get(size.id):
            return None  # a copy of a collection, not a size
        fill: ir.Literal | None = None
        nested = False
        for arg in rest:
            if isinstance(arg, ir.Lambda):  # Array(n) { BooleanArray(m) }, IntArray(26) { -1 }
                inner = _construction(arg.body, spec)
                if inner is None and not _scalar(arg.body):
                    return None
                fill, nested = (inner[1], True) if inner is not None else (_fill(arg.body), nested)
            elif _construction(arg, spec) is not None or isinstance(arg, ir.Opaque) and not _scalar(arg):
                inner = _construction(arg, spec)  # rows: vector<bool>(m, false), or an argument not kept
                nested = True
                fill = inner[1] if inner is not None else None
            elif _scalar(arg):
                fill = _fill(arg)
            else:
                return None
        return not nested and _literal_size(size), fill
    return None


_VALUE = ir.Literal("num", "")  # a fill that is some value (``-1``, ``INT_MAX``), not a boolean literal


def _scalar(expr: ir.Expr) -> bool:
    """A fill value: no collection is built or read (``0``, ``-1``, ``false``, ``INT_MAX``, ``inf``)."""
    return not any(isinstance(node, (ir.CollectionLit, ir.Comprehension, ir.Lambda, ir.Index))
                   or isinstance(node, ir.Opaque) and not node.children for node in walk_expr(expr))


def _fill(expr: ir.Expr) -> ir.Literal:
    if isinstance(expr, ir.Name) and expr.id.lower() in ("true", "false"):
        return ir.Literal("bool", expr.id)  # some grammars read a boolean argument as a name
    return expr if isinstance(expr, ir.Literal) else _VALUE


def _calls_itself(function: ir.FunctionDef, spec: LanguageSpec) -> bool:
    """Does ``function`` call itself (``f(..)``, ``self.f(..)``)?  A table built there is built per call."""
    name = function.name.split("@")[0]
    stack = list(function.body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, ir.FunctionDef):
            continue  # hoisted: scanned as a function of its own
        for value in vars(stmt).values():
            if isinstance(value, tuple):
                stack.extend(item for item in value if _is_stmt(item))
        for expr in _stmt_exprs(stmt):
            for node in walk_expr(expr):
                if isinstance(node, ir.Call) and (
                        isinstance(node.func, ir.Name) and node.func.id == name
                        or isinstance(node.func, ir.Attr) and node.func.name == name
                        and isinstance(node.func.obj, ir.Name) and node.func.obj.id in spec.self_names):
                    return True
    return False


def _stmt_exprs(stmt: ir.Stmt):
    """The expressions directly in ``stmt`` (not in statements nested in it)."""
    for value in vars(stmt).values():
        if _is_expr(value):
            yield value
        elif isinstance(value, tuple):
            yield from (item for item in value if _is_expr(item))


def _literal_size(size: ir.Expr) -> bool:
    return isinstance(size, ir.Literal) and size.kind == "num"


def _key(index: ir.Expr, char_code) -> bool:
    """Is ``index`` a key (a value looked up) rather than a position computed by arithmetic?"""
    if isinstance(index, (ir.Name, ir.Attr, ir.Call)):
        return True
    if isinstance(index, ir.Index):
        return not index.is_slice
    if isinstance(index, ir.Literal):
        return index.kind in ("num", "char")
    if isinstance(index, ir.Opaque):  # a cast
        return len(index.children) == 1 and _key(index.children[0], char_code)
    if isinstance(index, ir.BinOp) and index.op == "-":
        return _key(index.left, char_code) and char_code(index.right)
    return False


def _char_offset(expr: ir.Expr) -> bool:
    """``'a'``, ``ord('a')``, ``'a'.charCodeAt(0)``, ``97``: a constant character code."""
    if isinstance(expr, ir.Literal):
        if expr.kind == "char":
            return True
        return expr.kind == "num" and expr.text.isdigit() and int(expr.text) >= _CHAR_CODE_MIN
    if isinstance(expr, ir.Name):
        return False
    nodes = list(walk_expr(expr))
    called = {id(node.func) for node in nodes if isinstance(node, ir.Call)}
    return any(isinstance(node, ir.Literal) and node.kind in ("char", "str") for node in nodes) and \
        all(not isinstance(node, ir.Name) or id(node) in called for node in nodes)
