"""Pre-sized arrays that are filled like appends: ``res = new int[n]; res[k++] = x`` is ``res.append(x)``.

Translations build a result sequence either way: Python ``res = []`` + ``res.append(x)`` against Java
``int[] res = new int[n]`` + ``res[k++] = x`` (C++ ``vector<int> res(n)``, Go ``make([]int, n)``, Rust
``vec![0; n]``, Kotlin ``IntArray(n)``, Swift ``Array(repeating:count:)``, JS ``new Array(n).fill(0)``), and
Python ``[0] * n`` against ``ArrayList.add``.  Both cost O(1) (amortised) per element, so the canonical form
is one: "build a sequence by appends".  Lowering constructs such an array empty and writes each element as
``list.append``; the ``sized_by_append_loop`` pass then sizes it by the loop that fills it, as it does for
Python's appends.

An array is filled like appends only when every write is in order and each position is written once:

* it is a local assigned exactly once (its construction), never mentioned in a nested function;
* it is never read by index (``res[i - 1]``, ``res[i] += x``, ``res[i][j] = x`` read it: DP tables, prefix
  sums, matrices and counters are tables, not appends);
* either every write is ``a[k] = v`` at one running counter ``k`` (initialised to a literal, changed only
  by ``+1`` steps, each step paired with exactly one write: ``a[k++] = v``, or ``a[k] = v`` followed in the
  same block by ``k += 1``), or there is exactly one write, at the index of its innermost enclosing
  counting loop, not under a branch (``for i in range(n): res[i] = f(i)``; a write at a loop index under
  a branch leaves holes, a write in a loop nested inside the index's loop overwrites).

Writes at positions that come from data (``res[stack.pop()] = i``, ``res[x] = 1``) are scattered
stores, never appends.  The analysis is syntactic, over one function's IR, so every language gets it the
same way; the lowering decides separately that the construction really is a sized list.
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise import lower as _lower  # walk_expr; lower imports this module


def appended_arrays(function: ir.FunctionDef, ranges: frozenset[str]) -> frozenset[str]:
    """The locals of ``function`` that are filled like appends (see the module docstring).

    ``ranges`` are the function names that build a range of integers (Python ``range``): a ``for`` over
    one of them has a counting index."""
    if not stored_arrays(function.body):
        return frozenset()  # the common case: no ``a[k] = v`` statement, so no expression walk
    facts = _Facts(ranges)
    facts.block(function.body, None, branch=False)
    if not facts.stores:
        return frozenset()
    found: set[str] = set()
    for array, stores in facts.stores.items():
        if facts.assigned.get(array, 0) != 1 or array in facts.read or array in facts.nested_mentions:
            continue
        if _counter_filled(array, stores, facts) or _loop_filled(stores, facts):
            found.add(array)
    return frozenset(found)


def stored_arrays(body) -> set[str]:
    """The names ``a`` of statements ``a[k] = v`` / ``a[k++] = v`` in ``body``: a superset of the arrays
    ``appended_arrays`` can find (only those writes are its stores), from a statement-only walk, much
    cheaper than its full one."""
    names: set[str] = set()
    stack = list(body)
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is ir.Assign:
            if stmt.op is None:
                for target in stmt.targets:
                    if isinstance(target, ir.Index) and isinstance(target.obj, ir.Name):
                        names.add(target.obj.id)
        elif kind is ir.If:
            stack.extend(stmt.body)
            stack.extend(stmt.orelse)
        elif kind in (ir.Foreach, ir.While, ir.Block):
            stack.extend(stmt.body)
        elif kind is ir.CFor:
            stack.extend(stmt.init)
            stack.extend(stmt.update)
            stack.extend(stmt.body)
    return names


class _Store:
    __slots__ = ("index", "loop", "branch", "block", "position", "postfix")

    def __init__(self, index, loop, branch, block, position, postfix) -> None:
        self.index, self.loop, self.branch = index, loop, branch
        self.block, self.position, self.postfix = block, position, postfix


class _Facts:
    """One walk over a function body collecting what the rules need."""

    def __init__(self, ranges: frozenset[str]) -> None:
        self.ranges = ranges
        self.assigned: dict[str, int] = {}  # plain (re)assignments of a name
        self.literal_init: dict[str, int] = {}  # of those, assignments of a literal number
        self.read: set[str] = set()  # names read by index somewhere
        self.stores: dict[str, list[_Store]] = {}  # name -> writes a[Name] / a[Name++]
        self.steps: dict[str, list[tuple[int, int]]] = {}  # counter -> (block id, position) of k += 1 statements
        self.other_changes: set[str] = set()  # names changed otherwise (k -= 1, k = j, k++ inside an expression)
        self.loop_index: dict[int, str] = {}  # loop id -> its counting variable
        self.nested_mentions: set[str] = set()
        # ``k++`` nodes that are a write's index: an extractor that also repeats the bump as a statement of
        # its own (JavaScript hoists ``a[k++]``'s update) repeats the same node, which is not a second step
        self.postfix_nodes: set[int] = set()

    # ------------------------------------------------------------------------------------ statements

    def block(self, body, loop, branch: bool) -> None:
        block_id = id(body)
        for position, stmt in enumerate(body):
            self.stmt(stmt, loop, branch, block_id, position)

    def stmt(self, stmt, loop, branch: bool, block_id: int, position: int) -> None:
        kind = type(stmt)
        if kind is ir.Assign:
            self.assign(stmt, loop, branch, block_id, position)
        elif kind is ir.ExprStmt:
            expr = stmt.expr
            if id(expr) in self.postfix_nodes:
                return
            if isinstance(expr, ir.UnaryOp) and expr.op == "++" and isinstance(expr.operand, ir.Name):
                self.steps.setdefault(expr.operand.id, []).append((block_id, position))
            else:
                self.expr(expr)
        elif kind is ir.If:
            self.expr(stmt.test)
            self.block(stmt.body, loop, True)
            self.block(stmt.orelse, loop, True)
        elif kind is ir.Foreach:
            self.expr(stmt.iter)
            for target in stmt.targets:
                self.assigned[target] = self.assigned.get(target, 0) + 2  # never a counter or an array
            if self._counts(stmt.iter) and stmt.targets:
                self.loop_index[id(stmt)] = stmt.targets[0]
            self.block(stmt.body, id(stmt), False)
        elif kind is ir.CFor:
            counter = _c_counter(stmt)
            for init in stmt.init:
                self.stmt(init, loop, branch, id(stmt.init), 0)
            self.expr(stmt.cond)
            if counter is not None:
                self.loop_index[id(stmt)] = counter
                self.other_changes.add(counter)
            else:
                for update in stmt.update:
                    self.stmt(update, id(stmt), False, id(stmt.update), 0)
            self.block(stmt.body, id(stmt), False)
        elif kind is ir.While:
            self.expr(stmt.test)
            self.block(stmt.body, id(stmt), False)
        elif kind is ir.Block:
            self.block(stmt.body, loop, branch)
        elif kind is ir.Return:
            self.expr(stmt.value)
        elif kind is ir.Delete:
            for target in stmt.targets:
                self.expr(target)
        elif kind is ir.FunctionDef:
            for inner in stmt.body:
                for node in _lower.walk_expr(inner):
                    if isinstance(node, ir.Name):
                        self.nested_mentions.add(node.id)

    def assign(self, stmt: ir.Assign, loop, branch: bool, block_id: int, position: int) -> None:
        self.expr(stmt.value)
        for target in stmt.targets:
            if isinstance(target, ir.Name):
                name = target.id
                if stmt.op is None and stmt.value is None:
                    continue  # a declaration without a value
                if stmt.op is None and not _is_step(stmt.value, name):
                    self.assigned[name] = self.assigned.get(name, 0) + 1
                    if isinstance(stmt.value, ir.Literal) and stmt.value.kind == "num":
                        self.literal_init[name] = self.literal_init.get(name, 0) + 1
                elif _is_step(stmt.value, name) or stmt.op == "+" and _is_one(stmt.value):
                    self.steps.setdefault(name, []).append((block_id, position))
                else:
                    self.other_changes.add(name)
            elif isinstance(target, ir.Index) and isinstance(target.obj, ir.Name) and stmt.op is None \
                    and isinstance(target.index, (ir.Name, ir.UnaryOp)):
                index = target.index
                postfix = isinstance(index, ir.UnaryOp)
                if postfix and not (index.op == "++" and isinstance(index.operand, ir.Name)):
                    self.expr(target)
                    continue
                if postfix:
                    self.postfix_nodes.add(id(index))
                name = index.operand.id if postfix else index.id
                self.stores.setdefault(target.obj.id, []).append(
                    _Store(name, loop, branch, block_id, position, postfix))
            elif isinstance(target, ir.CollectionLit):
                for item in target.items:
                    if isinstance(item, ir.Name):
                        self.assigned[item.id] = self.assigned.get(item.id, 0) + 2
                    else:
                        self.expr(item)
            else:
                self.expr(target)

    # ----------------------------------------------------------------------------------- expressions

    def expr(self, expr) -> None:
        if expr is None:
            return
        for node in _lower.walk_expr(expr):
            kind = type(node)
            if kind is ir.Index and isinstance(node.obj, ir.Name):
                self.read.add(node.obj.id)
            elif kind is ir.UnaryOp and node.op in ("++", "--") and isinstance(node.operand, ir.Name):
                self.other_changes.add(node.operand.id)  # k++ inside an expression: not a paired step
            elif kind is ir.Lambda:
                for inner in _lower.walk_expr(node.body):
                    if isinstance(inner, ir.Name):
                        self.nested_mentions.add(inner.id)

    def _counts(self, iterable) -> bool:
        """Does a ``for`` over ``iterable`` bind a counting index as its first target?"""
        if isinstance(iterable, ir.Range):
            return True
        if isinstance(iterable, ir.Call) and isinstance(iterable.func, ir.Name):
            return iterable.func.id in self.ranges or iterable.func.id == "enumerate"
        return False


def _counter_filled(array: str, stores: list[_Store], facts: _Facts) -> bool:
    counter = stores[0].index
    if any(store.index != counter for store in stores) or counter in facts.other_changes:
        return False
    if facts.assigned.get(counter, 0) != 1 or facts.literal_init.get(counter, 0) != 1:
        return False
    steps = list(facts.steps.get(counter, ()))
    for store in stores:
        if store.postfix:
            continue
        # the first step after the write in the same block, with no other write of the array between
        later = [step for step in steps if step[0] == store.block and step[1] > store.position]
        if not later:
            return False
        step = min(later, key=lambda item: item[1])
        if any(other is not store and other.block == store.block and store.position < other.position < step[1]
               for other in stores):
            return False
        steps.remove(step)
    return not steps  # every step of the counter goes with a write


def _loop_filled(stores: list[_Store], facts: _Facts) -> bool:
    if len(stores) != 1:
        return False
    store = stores[0]
    return store.loop is not None and not store.branch and not store.postfix \
        and facts.loop_index.get(store.loop) == store.index


def _c_counter(stmt: ir.CFor) -> str | None:
    """The variable of ``for (i = a; i < b; i++)`` (or ``i--``, ``i += 1``), else None."""
    if len(stmt.init) != 1 or len(stmt.update) != 1:
        return None
    init, update = stmt.init[0], stmt.update[0]
    if not (isinstance(init, ir.Assign) and len(init.targets) == 1 and isinstance(init.targets[0], ir.Name)):
        return None
    name = init.targets[0].id
    if isinstance(update, ir.ExprStmt) and isinstance(update.expr, ir.UnaryOp) and update.expr.op in ("++", "--") \
            and isinstance(update.expr.operand, ir.Name) and update.expr.operand.id == name:
        return name
    if isinstance(update, ir.Assign) and len(update.targets) == 1 and isinstance(update.targets[0], ir.Name) \
            and update.targets[0].id == name and (update.op in ("+", "-") and _is_one(update.value)
                                                 or update.op is None and _is_step(update.value, name)):
        return name
    return None


def _is_one(expr) -> bool:
    return isinstance(expr, ir.Literal) and expr.kind == "num" and expr.text == "1"


def _is_step(value, name: str) -> bool:
    """``k + 1`` or ``1 + k``."""
    return isinstance(value, ir.BinOp) and value.op == "+" and (
        isinstance(value.left, ir.Name) and value.left.id == name and _is_one(value.right)
        or isinstance(value.right, ir.Name) and value.right.id == name and _is_one(value.left))


def grown_strings(function: ir.FunctionDef, forms: frozenset[str],
                  methods: frozenset[str]) -> frozenset[str]:
    """The names ``function`` grows in place like a string builder: ``s += x`` (form "+="), ``s = s + x``
    (form "s = s +") for the language's ``inplace_string_append`` forms, or ``s.m(x)`` for a string method
    ``m`` its spec maps to ``strbuf.append`` (C++ ``push_back``, Rust ``push_str``, Swift ``append``).

    Lowering constructs such a name, when it is initialised to a fresh string (``s = ""``, ``string s;``,
    ``String::new()``), as ``strbuf()``: Python's ``res = ""`` + ``res += c`` is then Java's
    ``new StringBuilder()`` + ``sb.append(c)``, both O(1) amortised per append.  Only the lowering knows
    whether the name really holds a string; this finds the candidates."""
    if not forms and not methods:
        return frozenset()
    found: set[str] = set()
    stack = list(function.body)
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is ir.Assign and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name):
            name = stmt.targets[0].id
            value = stmt.value
            if stmt.op == "+" and "+=" in forms or stmt.op is None and "s = s +" in forms and isinstance(
                    value, ir.BinOp) and value.op == "+" and isinstance(value.left, ir.Name) and value.left.id == name:
                found.add(name)
        elif kind is ir.ExprStmt:
            call = stmt.expr
            if isinstance(call, ir.Call) and isinstance(call.func, ir.Attr) and isinstance(call.func.obj, ir.Name) \
                    and call.func.name in methods:
                found.add(call.func.obj.id)
        elif kind is ir.If:
            stack += list(stmt.body) + list(stmt.orelse)
        elif kind in (ir.Foreach, ir.While, ir.Block):
            stack += list(stmt.body)
        elif kind is ir.CFor:
            stack += list(stmt.init) + list(stmt.body) + list(stmt.update)
    return frozenset(found)
