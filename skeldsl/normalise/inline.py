"""Inline non-recursive helpers into their call sites (a module-level step of ``normalise``).

Whether a piece of work is written in a helper is the author's choice, not the algorithm's: Java writes
``isValid(board, r, c)``, ``reverse(nums, l, r)`` or a hand-written ``lowerBound(tails, x)`` where Python
writes the loop inline, uses a builtin or ``bisect``; Python wraps a BFS in ``def bfs(r, c)`` where Go
writes it in the double loop.  So a function that other functions call and that cannot reach itself
(no recursion, direct or mutual; not memoised) is replaced at every call by its own lowered body, and
disappears.  Cost is preserved: the body stands exactly where the call stood, so a loop inside the helper
stays nested in the caller's loops.

What a body needs to stand in its caller:

* references: a parameter becomes the caller's reference for the argument passed (``isValid(grid, r, c)``
  with ``grid`` a parameter of the caller: ``P:grid`` of the caller; ``len(nums) - 1``: ``nums``); a
  captured variable of a closure becomes the enclosing function's reference; the helper's own locals get
  names of their own in each copy; an argument that names no collection or size (or differs between the call sites of
  one caller) is the unknown ``_``;
* exits: the helper's ``return`` leaves the helper, not the caller.  Inside the helper's loops it is a
  ``break`` (an early exit of that loop); outside them ``if c { A; return }; rest`` is ``if c { A } else
  { rest }``, the shape an author who inlines the helper writes;
* a call in a condition (``if (isValid(..))``) runs before the test: the body goes right before the
  ``if``.

Recursive and memoised helpers stay functions: their call structure is the algorithm (and their
signatures are ``canonical_params``' business).  Runs on the lowered bodies before the program-wide
container refinements, then the per-function passes run again on the callers that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from skeldsl import ir
from skeldsl.normalise.lower import UNKNOWN, FunctionLowering, Low, walk_expr, walk_low
from skeldsl.normalise.passes import drop_input_guard, rename_refs

_SCALAR_KINDS = frozenset({"num", "bool", "fn"})


# what constructors are called where a class's methods are functions (``__init__``, JavaScript's
# ``constructor``, Swift's ``init``, Rust's ``new`` by convention; C++ names it after the class)
_CONSTRUCTOR_NAMES = frozenset({"__init__", "constructor", "init", "new"})


def class_constructors(functions: Iterable[tuple[ir.FunctionDef, str | None]]) -> dict[str, str]:
    """Program class -> the function that constructs it, so that ``UnionFind(n)`` / ``new UnionFind(n)``
    call it as Go's ``NewUnionFind(n)`` and Rust's ``UnionFind::new(n)`` call theirs (and a helper class's
    constructor is then inlined where the object is built, as those are)."""
    found: dict[str, str] = {}
    for function, _ in functions:
        owner = function.owner
        base = function.name.split("@")[0]
        if owner and owner not in found and base in _CONSTRUCTOR_NAMES | {owner}:
            found[owner] = function.name
            found[f"{owner}::{base}"] = function.name  # Rust's ``UnionFind::new(n)``
    return found


@dataclass(frozen=True)
class Helper:
    """What inlining needs to know of a function besides its lowered body: the internal references of its
    own parameters in order (``P:x``), those of captured variables with the enclosing function's reference
    for each, and its IR where there is one."""

    own: tuple[str, ...]
    captured: tuple[tuple[str, str], ...] = ()
    function: ir.FunctionDef | None = None  # its IR, for ``_euclid`` (asked of chain recursions only)


def describe(lowerings: dict[str, FunctionLowering],
             call_sites: Iterable[tuple[FunctionLowering, str, tuple[ir.Expr, ...]]]
             ) -> tuple[dict[str, Helper], dict[tuple[str, str], list[tuple[str | None, ...]]]]:
    """``Helper`` descriptions of lowered functions, and per (caller, callee) the caller's references of
    the arguments of each call (``_argument_ref``)."""
    helpers: dict[str, Helper] = {}
    for name, lowering in lowerings.items():
        captured = []
        for variable, _ in lowering.captured:
            scope = lowering.outer
            while scope is not None and variable not in scope.refs:
                scope = scope.outer
            captured.append((f"P:{variable}", scope.refs[variable] if scope is not None else UNKNOWN))
        helpers[name] = Helper(tuple(f"P:{param.name}" for param in lowering.function.params), tuple(captured),
                               lowering.function)
    arguments: dict[tuple[str, str], list[tuple[str | None, ...]]] = {}
    for lowering, callee, args in call_sites:
        arguments.setdefault((lowering.function.name, callee), []).append(
            tuple(_argument_ref(lowering, arg) for arg in args))
    return helpers, arguments


def inline_helpers(lowered: dict[str, list[Low]], params: dict[str, list[tuple[str, str]]],
                   memo: dict[str, bool], helpers: dict[str, Helper],
                   arguments: dict[tuple[str, str], list[tuple[str | None, ...]]],
                   passes: Iterable[Callable[[list[Low]], list[Low]]],
                   split: dict[str, bool] | None = None) -> None:
    """Inline every non-recursive, non-memo helper of ``lowered`` into its callers (in place: the helper
    leaves ``lowered``, ``params`` and ``memo``); ``passes`` are re-run on the callers that changed.
    ``arguments`` holds the caller's references of each call's arguments; a caller without them (the
    skeleton-level ``skeldsl.render.canonical``) passes the unknown ``_``."""
    calls = {name: _callees(body) for name, body in lowered.items()}
    callers: dict[str, set[str]] = {}
    for caller, callees in calls.items():
        for callee in callees:
            if callee != caller:
                callers.setdefault(callee, set()).add(caller)
    for name in sorted(callers):
        if name in lowered and name in helpers and not memo.get(name) and calls[name] == {name} \
                and _chain_recursion(name, lowered[name]):
            # a recursion that is a loop of unknown length (tail calls on numbers, union-find's find);
            # Euclid's is the library gcd, which the vocabulary counts as O(1) detail
            euclid = helpers[name].function is not None and _euclid(helpers[name].function)
            # a chain whose every step halves its argument (``steps(n // 2)``, fast power) is a halving loop
            halving = [("for", "log", UNKNOWN, [])] if split and split.get(name) else [("while", None, [])]
            lowered[name] = [] if euclid else halving
            calls[name] = set()
    candidates = {name for name in callers if name in lowered and name in helpers and not memo.get(name)
                  and callers[name] <= set(lowered) and not _reaches_itself(name, calls)}
    if not candidates or all(_only_calls(body) for body in lowered.values()):
        return  # a program that does no work anywhere says exactly that (``drop_constant_functions``)
    api = _api_methods(lowered, helpers, callers)
    changed: set[str] = set()
    while candidates:
        # leaves first (a helper that calls no other candidate), in a fixed order
        helper = min(name for name in candidates if not (calls[name] & candidates - {name}))
        candidates.discard(helper)
        for caller in sorted(callers[helper]):
            sites = arguments.get((caller, helper), [])
            call = ("call", f"F:{helper}", None)
            # one copy per call, in source order: with as many calls left as were lowered, each copy takes
            # its own call's arguments (``g(a) + g(b)``), else the arguments all calls agree on
            one_each = len(set(sites)) > 1 and sum(stmt == call for stmt in walk_low(lowered[caller])) == len(sites)
            lowered[caller] = _splice(lowered[caller], call[1], _copier(
                helper, lowered[helper], helpers[helper], sites, one_each, lambda mapping, caller=caller:
                _pass_kinds(params, helper, caller, mapping)))
            calls[caller] = (calls[caller] - {helper}) | calls[helper]
            for callee in calls[helper]:
                callers.setdefault(callee, set()).discard(helper)
                callers[callee].add(caller)
            changed.add(caller)
        if helper in api:
            calls[helper] = set()  # inlined where it is called, and still an operation of its class
            continue
        for table in (lowered, params, memo, calls):
            table.pop(helper, None)
        changed.discard(helper)
    for name in sorted(changed):
        body = lowered[name]
        for function_pass in passes:
            body = function_pass(body)
        lowered[name] = body


def localise_fields(lowered: dict[str, list[Low]]) -> dict[str, list[Low]]:
    """A field only one function names is a local of that function: an object built where it is used
    (``uf = UnionFind(n)`` with its constructor and methods inlined, Go's ``dsu := &DSU{parent: ...}``)
    keeps its state in the caller, as the translation that writes ``parent := make([]int, n)`` does."""
    users: dict[str, set[str]] = {}
    for name, body in lowered.items():
        for stmt in walk_low(body):
            for ref in stmt[1:]:
                if isinstance(ref, str) and ref.startswith("S:"):
                    users.setdefault(ref.split("[")[0], set()).add(name)
    local = {field: f"V:{field}" for field, names in users.items() if len(names) == 1}
    if not local:
        return lowered
    return {name: [rename_refs(stmt, local) for stmt in body] if any(name in users[field] for field in local) else body
            for name, body in lowered.items()}


def _api_methods(lowered: dict[str, list[Low]], helpers: dict[str, Helper], callers: dict[str, set[str]]) -> set[str]:
    """Methods of a class with two or more methods nobody calls, or whose constructor with parameters
    nobody calls (a design problem's class, whose methods are its API: ``MyHashSet.add`` calling
    ``self.contains(key)``, ``KthLargest(k, nums)`` calling ``add``): such a method stays a function of
    its own even where another method's call to it is inlined."""
    owners = {name: helpers[name].function.owner for name in lowered
              if name in helpers and helpers[name].function is not None and helpers[name].function.owner}
    entries: dict[str, int] = {}
    for name, owner in owners.items():
        if callers.get(name):
            continue
        if name.split("@")[0] not in _CONSTRUCTOR_NAMES | {owner}:
            entries[owner] = entries.get(owner, 0) + 1
        elif helpers[name].function.params:  # built by the judge with arguments: ``KthLargest(k, nums)``
            entries[owner] = entries.get(owner, 0) + 2
    return {name for name, owner in owners.items() if entries.get(owner, 0) >= 2}


def _callees(body: list[Low]) -> set[str]:
    return {stmt[1][2:] for stmt in walk_low(body) if stmt[0] == "call" and stmt[1].startswith("F:")}


def _only_calls(body: list[Low]) -> bool:
    """Does ``body`` do nothing but test, exit and call the program's functions?"""
    return all(stmt[0] in ("if", "exit") or stmt[0] == "call" and stmt[1].startswith("F:") for stmt in walk_low(body))


def _reaches_itself(name: str, calls: dict[str, set[str]]) -> bool:
    seen: set[str] = set()
    stack = list(calls.get(name, ()))
    while stack:
        callee = stack.pop()
        if callee == name:
            return True
        if callee not in seen:
            seen.add(callee)
            stack.extend(calls.get(callee, ()))
    return False


def _chain_recursion(name: str, body: list[Low]) -> bool:
    """Is ``body`` nothing but tests, exits and at most one self-call per path (no loop, no operation)?
    Such a function walks a chain (``gcd(b, a % b)``, ``steps(n / 2)``): a loop of unknown length.  Union-find's
    ``find``, the whole body one conditional self-call, stays a function: the cost model reads it as
    amortised O(α(n)) (``skeldsl.cost``), which an unknown loop is not."""
    call = ("call", f"F:{name}", None)

    def most(stmts: list[Low]) -> int | None:  # the most self-calls on one path, None if other work
        count = 0
        for stmt in stmts:
            if stmt == call:
                count += 1
            elif stmt[0] == "if":
                if any(cond != call for cond in stmt[1]):
                    return None
                then, orelse = most(stmt[2]), most(stmt[3])
                if then is None or orelse is None:
                    return None
                count += len(stmt[1]) + max(then, orelse)
            elif stmt[0] != "exit":
                return None
        return count

    statements = [stmt for stmt in body if stmt[0] != "exit"]
    if len(statements) == 1 and statements[0][0] == "if" and not statements[0][1] and \
            [stmt for stmt in statements[0][2] + statements[0][3] if stmt[0] != "exit"] == [call]:
        return False  # ``if parent[x] != x { parent[x] = find(parent[x]) }``: union-find's find, for the cost model
    return most(body) == 1


def _euclid(function: ir.FunctionDef) -> bool:
    """Does ``function`` call itself with an argument reduced modulo another (``gcd(b, a % b)``, not
    ``rec(n / 10, rev * 10 + n % 10)``)?"""
    name = function.name.split("@")[0]
    for stmt in function.body:
        for node in walk_expr(stmt):
            if isinstance(node, ir.Call) and (isinstance(node.func, ir.Name) and node.func.id == name or
                                              isinstance(node.func, ir.Attr) and node.func.name == name):
                if any(isinstance(arg, ir.BinOp) and arg.op == "%" and isinstance(arg.right, ir.Name)
                       for arg in node.args):
                    return True
    return False


def _argument_ref(lowering: FunctionLowering, expr: ir.Expr) -> str | None:
    """The caller's reference for an argument: the collection it names, the collection whose size it is,
    or None.  Reads the lowering's final tables only (no lookups that would lift captured names)."""
    if isinstance(expr, ir.Name):
        scope: FunctionLowering | None = lowering
        while scope is not None:
            if expr.id in scope.refs or expr.id in scope.kinds:
                kind, ref = scope.kinds.get(expr.id), scope.refs.get(expr.id)
                if ref is not None and kind not in _SCALAR_KINDS:
                    return ref
                return scope.size_of.get(expr.id)
            scope = scope.outer
        return None
    if isinstance(expr, ir.Attr):
        if lowering.is_self(expr.obj):
            return f"S:{expr.name}"
        if expr.name in lowering.spec.size_attributes:
            return _argument_ref(lowering, expr.obj)
        return None
    if isinstance(expr, ir.Index) and not expr.is_slice:
        base = _argument_ref(lowering, expr.obj)
        return None if base is None else base + "[]"
    if isinstance(expr, (ir.Literal, ir.Lambda)):
        return None
    if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr):
        receiver = _argument_ref(lowering, expr.func.obj)  # words[i].as_bytes(), s.toCharArray(), xs.size()
        if receiver is not None:
            return receiver
    parts = expr.args if isinstance(expr, ir.Call) else (expr.left, expr.right) if isinstance(expr, ir.BinOp) \
        else (expr.operand,) if isinstance(expr, ir.UnaryOp) else None
    if parts is not None:
        refs = {_argument_ref(lowering, part) for part in parts}
        refs.discard(None)
        if refs:
            return refs.pop() if len(refs) == 1 else None  # len(nums) - 1, n + 1
    refs = {_argument_ref(lowering, node) for node in walk_expr(expr) if isinstance(node, ir.Name)}
    refs.discard(None)
    return refs.pop() if len(refs) == 1 else None  # len(nums) - 1, n + 1, nums.length


def _pass_kinds(params: dict[str, list[tuple[str, str]]], helper: str, caller: str, mapping: dict[str, str]) -> None:
    """An untyped parameter of the caller passed on to a helper that uses it as a number (or a sequence)
    has that kind: the evidence moves into the caller with the body (``def sumRange(self, l, r)`` calling
    ``query(l, r)``, whose loop halves ``r``)."""
    kinds = {f"P:{name}": kind for name, kind in params.get(helper, ())}
    passed = {ref: kinds[source] for source, ref in mapping.items() if kinds.get(source, "any") != "any"}
    if passed and caller in params:
        params[caller] = [(name, passed.get(f"P:{name}", kind) if kind == "any" else kind)
                          for name, kind in params[caller]]


def _copier(helper: str, body: list[Low], description: Helper, sites: list[tuple[str | None, ...]],
            one_each: bool, note: Callable[[dict[str, str]], None]) -> Callable[[], list[Low]]:
    """A function giving the next inlined copy of ``body`` (each copy builds locals of its own)."""
    copies = iter(range(1 << 30))

    def copy() -> list[Low]:
        index = next(copies)
        chosen = sites[index:index + 1] if one_each else sites
        inlined, mapping = _inlined_body(helper, body, description, chosen, index)
        note(mapping)
        return inlined

    return copy


def _inlined_body(helper: str, body: list[Low], description: Helper,
                  sites: list[tuple[str | None, ...]], copy: int) -> tuple[list[Low], dict[str, str]]:
    mapping: dict[str, str] = {}
    for position, ref in enumerate(description.own):
        passed = {site[position] if position < len(site) else None for site in sites} or {None}
        value = passed.pop() if len(passed) == 1 else None
        mapping[ref] = value if value is not None else UNKNOWN
    for ref, outer in description.captured:
        mapping.setdefault(ref, outer)
    for stmt in walk_low(body):  # its locals, those of helpers inlined into it included
        for ref in stmt[1:]:
            if isinstance(ref, str) and ref.startswith("V:"):
                local = ref.split("[")[0]
                mapping.setdefault(local, f"{local}/{helper}/{copy}")

    # (the O(1) answer for trivial input at its top goes, as it would in a function of its own)
    renamed = [rename_refs(stmt, mapping) for stmt in drop_input_guard(helper, body)]
    return _detach_returns(renamed, in_loop=False), mapping


_RETURN = ("exit", "return")


def _detach_returns(body: list[Low], in_loop: bool) -> list[Low]:
    """The helper's ``return`` statements as the caller sees them (see the module docstring)."""
    out: list[Low] = []
    for index, stmt in enumerate(body):
        kind = stmt[0]
        if stmt == _RETURN:
            if in_loop:
                out.append(("exit", "break"))
            return out
        if kind == "if":
            _, conds, then, orelse = stmt
            if not in_loop and not orelse and then and then[-1] == _RETURN:
                rest = _detach_returns(body[index + 1:], False)
                out.append(("if", conds, _detach_returns(then[:-1], False), rest))
                return out
            out.append(("if", conds, _detach_returns(then, in_loop), _detach_returns(orelse, in_loop)))
        elif kind == "for":
            out.append(stmt[:3] + (_detach_returns(stmt[3], True),))
        elif kind == "while":
            out.append(stmt[:2] + (_detach_returns(stmt[2], True),))
        else:
            out.append(stmt)
    return out


def _splice(body: list[Low], call: str, inlined: Callable[[], list[Low]]) -> list[Low]:
    """``body`` with every ``call`` statement replaced by a copy of the inlined body (``inlined()``; before
    the ``if`` whose test makes the call)."""
    out: list[Low] = []
    for stmt in body:
        kind = stmt[0]
        if kind == "call":
            if stmt[1] == call:
                out += inlined()
                continue
        elif kind == "if":
            _, conds, then, orelse = stmt
            if any(cond[1] == call for cond in conds):
                out += [inner for cond in conds if cond[1] == call for inner in inlined()]
                conds = [cond for cond in conds if cond[1] != call]
            stmt = ("if", conds, _splice(then, call, inlined), _splice(orelse, call, inlined))
        elif kind == "for":
            stmt = stmt[:3] + (_splice(stmt[3], call, inlined),)
        elif kind == "while":
            stmt = stmt[:2] + (_splice(stmt[2], call, inlined),)
        out.append(stmt)
    return out
