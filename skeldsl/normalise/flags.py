"""Parameters of memoised functions whose values come from a constant set: flags, turns, parities.

A memo function's table has one dimension per parameter, and the cost model counts its states as the
product of its numeric parameters.  A parameter that every call passes a literal, a boolean (``not x``, a
comparison), a flip of itself (``1 - turn``, ``turn ^ 1``) or a residue (``k % 2``) can only take a
constant number of values, whatever the input: it is a flag, a two-valued (or c-valued) dimension, not an
n-valued one.  Python's ``dfs(i + 1, 0)`` / ``dfs(0, 1)`` and Java's ``dfs(int i, int turn)`` then read like
Java's ``dfs(int i, boolean alice)``, which the skeleton already types ``bool``.  Anything that can grow
(``late + 1``, ``k - 1``, an index, a value read from the input) keeps the parameter a number.
"""

from __future__ import annotations

from skeldsl import ir
from skeldsl.normalise.lower import target_names

_BOOLEAN_OPS = frozenset({"<", "<=", ">", ">=", "==", "!=", "===", "!==", "and", "or", "&&", "||", "in", "not in"})
_BOOLEAN_NAMES = frozenset({"true", "false", "True", "False"})
_SMALL = 64  # a residue or mask modulo at most this many values is a constant domain


def constant_domain_params(functions: list[tuple[ir.FunctionDef, str | None]],
                           self_names: frozenset[str]) -> dict[str, set[str]]:
    """For each memoised function, the names of its parameters that take values from a constant set.

    A parameter qualifies when the function is called at least once from outside itself and at every call
    (self-calls included) the argument at its position is constant-valued (``_constant_valued``) or the
    parameter passed on unchanged, and the arguments can take two values or more (two different literals,
    or a computed boolean, flip or residue)."""
    calls: dict[str, list[tuple[str, tuple[ir.Expr, ...]]]] = {}
    memo = {function.name.split("@")[0]: function for function, _ in functions if function.memo}
    if not memo:
        return {}
    for function, _ in functions:
        for callee, args in _calls_in(function.body, self_names):
            if callee in memo:
                calls.setdefault(callee, []).append((function.name.split("@")[0], args))
    result: dict[str, set[str]] = {}
    for base, function in memo.items():
        sites = calls.get(base, [])
        if not any(caller != base for caller, _ in sites):
            continue
        flagged: set[str] = set()
        assigned = _assigned_in(function.body)
        for position, param in enumerate(function.params):
            if param.name in assigned:
                continue  # `k += d`, `cur = max(cur, x)`: passing it on passes a new value
            arguments = [(caller, args[position]) for caller, args in sites if len(args) > position]
            if len(arguments) != len(sites):
                continue
            own = [caller == base and isinstance(arg, ir.Name) and arg.id == param.name for caller, arg in arguments]
            if all(own):
                continue
            passed = [arg for is_own, (_, arg) in zip(own, arguments) if not is_own]
            if not all(_constant_valued(arg, param.name if caller == base else None)
                       for is_own, (caller, arg) in zip(own, arguments) if not is_own):
                continue
            # A flag takes two values or more: two different literals, or a computed boolean or flip.  A
            # parameter that only ever receives one literal is a constant the skeleton can leave alone.
            passed = [ir.Literal("bool", arg.id.lower()) if isinstance(arg, ir.Name) else arg for arg in passed]
            literals = {(arg.kind, arg.text.lower()) for arg in passed if isinstance(arg, ir.Literal)}
            if len(literals) >= 2 or any(not isinstance(arg, ir.Literal) for arg in passed):
                flagged.add(param.name)
        if flagged:
            result[function.name] = flagged
    return result


def _constant_valued(expr: ir.Expr, own: str | None) -> bool:
    """``expr`` takes one of a constant number of values (``own``: the parameter, inside its function)."""
    if isinstance(expr, ir.Literal):
        return expr.kind in ("num", "bool", "char", "none")
    if isinstance(expr, ir.Name):
        return expr.id == own or expr.id in _BOOLEAN_NAMES
    if isinstance(expr, ir.UnaryOp):
        return expr.op == "not" or expr.op in ("-", "+") and _constant_valued(expr.operand, own)
    if isinstance(expr, ir.Cond):
        return _constant_valued(expr.then, own) and _constant_valued(expr.orelse, own)
    if isinstance(expr, ir.BinOp):
        if expr.op in _BOOLEAN_OPS:
            return True
        if expr.op in ("%", "&") and (_small_literal(expr.right) or expr.op == "&" and _small_literal(expr.left)):
            return True
        if expr.op == "^":
            return _constant_valued(expr.left, own) and _constant_valued(expr.right, own)
        if expr.op == "-":  # `1 - turn`: a flip between two values
            return _small_literal(expr.left) and _constant_valued(expr.right, own)
    return False


def _small_literal(expr: ir.Expr) -> bool:
    if not (isinstance(expr, ir.Literal) and expr.kind == "num"):
        return False
    try:
        return 0 <= int(expr.text, 0) <= _SMALL
    except ValueError:
        return False


def _assigned_in(body) -> set[str]:
    """Names assigned anywhere in ``body`` (not inside nested function definitions)."""
    names: set[str] = set()
    stack: list = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ir.FunctionDef):
            continue
        if isinstance(node, ir.Assign):
            names.update(target_names(node.targets))
        elif isinstance(node, ir.Foreach):
            names.update(node.targets)
        elif isinstance(node, ir.UnaryOp) and node.op in ("++", "--") and isinstance(node.operand, ir.Name):
            names.add(node.operand.id)
        for field in getattr(node, "__dataclass_fields__", ()):
            value = getattr(node, field)
            if isinstance(value, tuple):
                stack.extend(value)
            elif hasattr(value, "__dataclass_fields__"):
                stack.append(value)
    return names


def _calls_in(body, self_names: frozenset[str]):
    """(callee name, arguments) of every call in ``body``, not inside nested function definitions."""
    stack: list = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):
            stack.extend(node)
            continue
        if node is None or isinstance(node, (str, int, float, bool, ir.Literal, ir.Name, ir.FunctionDef)):
            continue
        if isinstance(node, ir.Call):
            func = node.func
            if isinstance(func, ir.Name):
                yield func.id, node.args
            elif isinstance(func, ir.Attr) and isinstance(func.obj, ir.Name) and func.obj.id in self_names:
                yield func.name, node.args
        if hasattr(node, "__dict__"):
            stack.extend(vars(node).values())
        elif hasattr(node, "__dataclass_fields__"):
            stack.extend(getattr(node, name) for name in node.__dataclass_fields__)
