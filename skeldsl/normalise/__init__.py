"""IR -> canonical ``Skeleton``: the language-independent half of the pipeline.

Steps, in order (each a small function below or in a sibling module):

1. ``hoist``: nested functions (closures, local lambdas) become top-level functions; captured collections
   become extra leading parameters (lambda lifting), so a Python closure and a Java helper method that
   receives the grid as a parameter look alike.
   Then on the IR: ``recognise_memo`` (``memo.py``) turns explicit memo tables (dict, HashMap, array
   filled with -1) into ``memo`` functions like Python's ``@cache``, ``absorb_table_fills``
   (``tables.py``) drops loops that only initialise a table built before them, and ``key_arrays``
   (``keyed.py``) gives boolean flag arrays the set form and fixed-size count arrays the map form.
2. ``lower`` (``lower.py``): per function, the semantic pass to skeleton statements.
3. ``FUNCTION_PASSES`` and ``refine_containers`` (``passes.py``): cleanup and usage-based container kinds.
4. ``drop_size_parameters``, ``flag_parameters``, ``drop_passed_on`` and ``canonical_params``: a helper's
   parameters that only pass shared state on are dropped (it is captured state), a size passed with its
   collection is that collection's size, a number that only receives two values is a flag; parameter kinds
   and helper parameter order every language can reach.
5. ``canonical_order``: entry functions (not called by others) in source order, then callees depth-first
   in order of first call; so definition order does not matter.
6. ``rename``: positional names in order of first use: ``f0..`` functions, ``p0..`` parameters,
   ``v0..`` locals, ``s0..`` fields.
7. build the frozen model (``skeldsl.model``), which validates everything.
"""

from __future__ import annotations

from dataclasses import replace

from skeldsl import ir, model
from skeldsl.normalise.lower import UNKNOWN, FunctionLowering, Low, ModuleContext, flag_value, target_names
from skeldsl.normalise.passes import (FUNCTION_PASSES, _first_uses, rename_refs, absorb_initial_inserts,
                                     drop_constant_functions,
                                     drop_input_guard, drop_returned_copy, guard_base_case, halving_search,
                                     indexed_tables,
                                     order_constructions, refine_containers, refine_string_builders, walk)
from skeldsl.normalise.spec import LanguageSpec
from skeldsl.normalise.memo import recognise_memo
from skeldsl.normalise.order import order_statements
from skeldsl.normalise.tables import absorb_table_fills
from skeldsl.normalise.keyed import key_arrays
from skeldsl.normalise.inline import class_constructors, describe, inline_helpers, localise_fields
from skeldsl.normalise.split import split_functions
from skeldsl.vocabulary import CONSTRUCTORS, PARAM_KINDS

MODULE_FUNCTION = "<module>"
# container kinds of captured locals -> the parameter kind a declared parameter of that type has
_PARAM_FOLD = {"list": "seq", "deque": "seq", "heap": "seq", "stack": "seq", "queue": "seq", "linked": "seq",
               "strbuf": "str", "tree": "map"}


def normalise(module: ir.Module, spec: LanguageSpec) -> model.Skeleton:
    functions = absorb_table_fills(key_arrays(recognise_memo(hoist(module), spec), spec), spec)
    context = ModuleContext(spec, [f.name for f, _ in functions])
    context.constructors = class_constructors(functions)
    lowered: dict[str, list[Low]] = {}
    params: dict[str, list[tuple[str, str]]] = {}
    memo: dict[str, bool] = {}
    lowerings: dict[str, FunctionLowering] = {}
    for function, parent in functions:
        outer = lowerings.get(parent) if parent is not None else None
        lowering = FunctionLowering(context, function, outer)
        body = lowering.retag_constructors(lowering.block(function.body))
        for function_pass in FUNCTION_PASSES:
            body = function_pass(body)
        lowerings[function.name] = lowering
        lowered[function.name] = body
        # Lifted captures first, then own parameters: helpers in other languages mostly receive the shared
        # collections first, ``dfs(grid, r, c)`` (measured: better cross-language agreement than last).
        params[function.name] = [(name, _captured_kind(lowering, name, kind)) for name, kind in lowering.captured] + \
            [(param.name, lowering.param_usage.get(param.name, param.kind) if param.kind == "any" else param.kind)
             for param in function.params]
        memo[function.name] = function.memo
    if module.toplevel:
        lowering = FunctionLowering(context, ir.FunctionDef(MODULE_FUNCTION, (), module.toplevel))
        body = lowering.block(module.toplevel)
        for function_pass in FUNCTION_PASSES:
            body = function_pass(body)
        if body:
            lowered = {MODULE_FUNCTION: body, **lowered}
            params[MODULE_FUNCTION] = []
            memo[MODULE_FUNCTION] = False
    for function, _ in functions:  # untyped parameters take the one kind their call sites pass
        own = params[function.name][len(params[function.name]) - len(function.params):]
        for position, (name, kind) in enumerate(own):
            inferred = context.inferred_kind(function.name, position) if kind == "any" else None
            if kind == "seq" and function.params[position].kind == "any" and \
                    context.inferred_kind(function.name, position) == "str":
                inferred = "str"  # used as a sequence, and every caller passes a string: a string parameter
            if inferred is not None:
                own[position] = (name, inferred)
        params[function.name][len(params[function.name]) - len(own):] = own
    split = split_functions(context.call_sites)  # before inlining adds call sites of its own
    lowered, params = drop_size_parameters(functions, lowered, params, context)
    params = flag_parameters(functions, lowered, params, context)
    inline_helpers(lowered, params, memo, *describe(lowerings, context.call_sites), FUNCTION_PASSES, split)
    lowered = localise_fields(lowered)
    lowered, params = program_passes(lowered, params, memo)
    params = drop_passed_on(functions, lowered, params, spec)
    params = canonical_params(lowered, params, memo)
    order = canonical_order(lowered)
    return build_model(order, lowered, params, memo, split)


def program_passes(lowered: dict[str, list[Low]], params: dict[str, list[tuple[str, str]]],
                   memo: dict[str, bool]) -> tuple[dict[str, list[Low]], dict[str, list[tuple[str, str]]]]:
    """The whole-program passes after inlining, in order.  ``skeldsl.render.canonical`` runs these same
    steps on a skeleton, so a rendered program and its skeleton keep one canonical form."""
    lowered = refine_string_builders(refine_containers(lowered))
    lowered = {name: absorb_initial_inserts(body) for name, body in lowered.items()}
    lowered, params = indexed_tables_of(lowered, params)
    lowered = {name: halving_search(body, params.get(name, ())) for name, body in lowered.items()}
    lowered = {name: order_constructions(drop_input_guard(name, drop_returned_copy(name, guard_base_case(
        name, body, [kind for _, kind in params.get(name, ())])))) for name, body in lowered.items()}
    lowered = drop_constant_functions(lowered, memo)
    lowered = {name: order_statements(body) for name, body in lowered.items()}
    return lowered, params


def indexed_tables_of(lowered: dict[str, list[Low]], params: dict[str, list[tuple[str, str]]]
                      ) -> tuple[dict[str, list[Low]], dict[str, list[tuple[str, str]]]]:
    """``passes.indexed_tables`` for every function; a body it changed gets the function passes again
    (a lookup it dropped may leave an ``if`` with no work)."""
    lowered, params = dict(lowered), dict(params)
    for name, body in lowered.items():
        new_body, params[name] = indexed_tables(name, body, params.get(name, []))
        if new_body != body:
            for function_pass in FUNCTION_PASSES:
                new_body = function_pass(new_body)
            lowered[name] = new_body
    return lowered, params


def _captured_kind(lowering: FunctionLowering, name: str, kind: str) -> str:
    """The kind of a lifted closure variable: an untyped parameter of an enclosing function has the kind its
    uses show, here or where it is declared (``nums`` read by ``len(nums)`` / ``nums[j]`` is a ``seq``, as
    Java's ``int[] nums`` passed to the helper is)."""
    scope: FunctionLowering | None = lowering
    while kind == "any" and scope is not None:
        kind = scope.param_usage.get(name, kind)
        scope = scope.outer
    return kind


def hoist(module: ir.Module) -> list[tuple[ir.FunctionDef, str | None]]:
    """Every function with the name of the function it is nested in (None at top level), parents first.

    Nested functions with the same name as another function get a ``name@parent`` name so calls still
    resolve (the inner one shadows the outer inside its parent)."""
    result: list[tuple[ir.FunctionDef, str | None]] = []
    stack: list[tuple[ir.FunctionDef, str | None]] = [(f, None) for f in reversed(module.functions)]
    nested_in_toplevel = [s for s in module.toplevel if isinstance(s, ir.FunctionDef)]
    stack[:0] = [(f, None) for f in reversed(nested_in_toplevel)]
    seen: set[str] = set()
    while stack:
        function, parent = stack.pop()
        if function.name in seen:
            function = replace(function, name=f"{function.name}@{len(seen)}")
        seen.add(function.name)
        result.append((function, parent))
        children = _nested_functions(function.body)
        stack.extend((child, function.name) for child in reversed(children))
    return result


_NESTING_FIELDS = {
    ir.If: ("body", "orelse"), ir.Foreach: ("body",), ir.CFor: ("init", "body", "update"),
    ir.While: ("body",), ir.Block: ("body",),
}


def _nested_functions(body) -> list[ir.FunctionDef]:
    """The functions defined below ``body`` (not inside those functions), in source order: the
    ``FunctionDef`` statements of ``_nested_statements``, in one loop without a generator."""
    found: list[ir.FunctionDef] = []
    stack = list(reversed(body))
    nesting = _NESTING_FIELDS
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is ir.FunctionDef:
            found.append(stmt)
            continue
        attributes = nesting.get(kind)
        if attributes is not None:
            for attribute in attributes:
                stack.extend(reversed(getattr(stmt, attribute)))
    return found


def _nested_statements(body):
    """Every statement below ``body`` except inside nested functions (found separately)."""
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        yield stmt
        for attribute in _NESTING_FIELDS.get(type(stmt), ()):
            stack.extend(reversed(getattr(stmt, attribute)))


def _calls(body: list[Low]) -> list[str]:
    """The program functions ``body`` calls, in source order (pre-order, conditions before branch
    bodies); a hand-written walk because it runs three times per module."""
    calls: list[str] = []
    stack = list(reversed(body))
    pop, extend = stack.pop, stack.extend
    while stack:
        stmt = pop()
        kind = stmt[0]
        if kind == "call":
            if stmt[1].startswith("F:"):
                calls.append(stmt[1][2:])
        elif kind == "for":
            extend(reversed(stmt[3]))
        elif kind == "while":
            extend(reversed(stmt[2]))
        elif kind == "if":
            extend(reversed(stmt[1] + stmt[2] + stmt[3]))
    return calls


def drop_passed_on(functions: list[tuple[ir.FunctionDef, str | None]], lowered: dict[str, list[Low]],
                   params: dict[str, list[tuple[str, str]]], spec: LanguageSpec) -> dict[str, list[tuple[str, str]]]:
    """A recursive function's parameter that every self-call passes on unchanged is state it shares, not a
    parameter: Java's ``dfs(i, j, grid, m, n)`` passes ``grid``, ``m``, ``n`` and the memo where a Python
    closure captures them.  Lambda lifting lifts a captured collection that the body reads at all and a
    captured number that bounds a loop; so a passed-on collection the body never reads otherwise, and a
    passed-on number the skeleton never names, are dropped."""
    helpers = {callee for caller, body in lowered.items() for callee in _calls(body) if callee != caller}
    result = dict(params)
    for function, _ in functions:
        if function.name not in helpers or not function.params:
            continue  # an entry function's parameters are the problem's API
        calls, mentions, assigned = _body_facts(function, spec.self_names)
        if not calls:
            continue
        uses = _first_uses(lowered.get(function.name, []))
        kinds = dict(params[function.name])
        # a captured number the skeleton never names is constant over the recursion: no dimension of a
        # memo table, the same as a number every self-call passes on unchanged (Java's dfs(i, zero, one))
        own = {param.name for param in function.params}
        dropped = {name for name, kind in params[function.name]
                   if name not in own and kind in ("num", "bool") and f"P:{name}" not in uses}
        for index, param in enumerate(function.params):
            name = param.name
            if name in assigned or not all(len(args) > index and isinstance(args[index], ir.Name)
                                           and args[index].id == name for args in calls):
                continue
            scalar = kinds.get(name) in ("num", "bool", "any")
            if scalar and f"P:{name}" not in uses or not scalar and mentions.get(name, 0) == len(calls) \
                    and f"P:{name}" not in uses:  # (unless a size parameter's uses now refer to it)
                dropped.add(name)
        if dropped:
            result[function.name] = [(name, kind) for name, kind in params[function.name] if name not in dropped]
    return result


def drop_size_parameters(functions: list[tuple[ir.FunctionDef, str | None]], lowered: dict[str, list[Low]],
                         params: dict[str, list[tuple[str, str]]],
                         context: ModuleContext) -> tuple[dict[str, list[Low]], dict[str, list[tuple[str, str]]]]:
    """A helper's number parameter that carries the size of a collection it also receives is that size:
    Java's ``bfs(src, edges, n)`` and Rust's ``dfs(node, &grid, visited, n)`` called with ``n = edges.length``
    loop ``for i in 0..n`` where a Python closure loops over ``range(n)`` with ``n = len(edges)`` captured,
    which lambda lifting turns into a loop over ``edges``.  So the parameter goes and its uses refer to the
    collection, when every other function's call passes the size of the collection it passes at one
    position, and every self-call passes both on unchanged."""
    result_lowered, result_params = dict(lowered), dict(params)
    for function, _ in functions:
        sites = context.call_sizes.get(function.name)
        arity = len(function.params)
        if not sites or not function.params or any(len(arguments) != arity for _, arguments in sites) \
                or all(caller == function.name for caller, _ in sites):
            continue
        names = [param.name for param in function.params]
        own = dict(params[function.name][len(params[function.name]) - arity:])
        self_calls, _, assigned = _body_facts(function, context.spec.self_names)
        renamed: dict[str, str] = {}
        for index, name in enumerate(names):
            if own.get(name) != "num" or name in assigned:
                continue
            positions = None
            suffixes = set()  # "" for the collection's size, "[]" for the size of its elements (len(grid[0]))
            for caller, arguments in sites:
                if caller != function.name:
                    size = arguments[index][1]
                    matching = {position for position, (ref, _, _) in enumerate(arguments)
                                if size is not None and ref is not None and size.partition("[")[0] == ref}
                    suffixes.add(size.partition("[")[1] + size.partition("[")[2] if size else None)
                    positions = matching if positions is None else positions & matching
            if len(suffixes) != 1:
                continue
            for arguments in self_calls:
                if not positions or not _passed_on(arguments, index, name):
                    positions = None
                    break
                positions = {position for position in positions if _passed_on(arguments, position, names[position])}
            collection = min(positions) if positions else None
            if collection is not None and own.get(names[collection]) not in ("num", "bool", "fn", None):
                renamed[f"P:{name}"] = f"P:{names[collection]}" + suffixes.pop()
        if renamed:
            result_lowered[function.name] = [rename_refs(stmt, renamed) for stmt in lowered[function.name]]
            result_params[function.name] = [(name, kind) for name, kind in params[function.name]
                                            if f"P:{name}" not in renamed]
    return result_lowered, result_params


def flag_parameters(functions: list[tuple[ir.FunctionDef, str | None]], lowered: dict[str, list[Low]],
                    params: dict[str, list[tuple[str, str]]], context: ModuleContext) -> dict[str, list[tuple[str, str]]]:
    """A helper's number parameter that only ever receives two values is a flag (``bool``), as Python's
    ``dfs(i + 1, False)`` / ``not buying`` is where Java, Go and Rust pass ``0`` / ``1`` / ``1 - buying``: a
    flag is a two-valued dimension of a memo table, a number an n-valued one (``canonical_params``).
    A number the skeleton names (a bound) is no flag, nor one that only ever receives one literal (a
    constant: the renderer's ``f(0)``).  Likewise a string parameter only given characters is a number."""
    result = dict(params)
    for function, _ in functions:
        sites = [arguments for caller, arguments in context.call_sizes.get(function.name, ())
                 if caller != function.name]
        arity = len(function.params)
        if not sites or any(len(arguments) != arity for arguments in sites):
            continue
        plist = params[function.name]
        own = dict(plist)
        flags = {name for name, kind in plist if kind == "bool"}
        self_calls, _, assigned = _body_facts(function, context.spec.self_names)
        uses = _first_uses(lowered.get(function.name, []))
        found = set()
        for index, param in enumerate(function.params):
            if own.get(param.name) != "num" or param.name in assigned or f"P:{param.name}" in uses:
                continue
            values = [arguments[index][2] for arguments in sites] + \
                [flag_value(arguments[index], flags | {param.name}) if len(arguments) == arity else None
                 for arguments in self_calls]
            if all(value is not None and (value == "expr" or value.startswith("lit:")) for value in values) \
                    and ("expr" in values or len(set(values)) > 1):
                found.add(param.name)
        # a string parameter only ever given characters (``dfs(i + 1, s[i])``, ``dfs(0, "")``, itself), one
        # of them a string's element, is a character: a number like Java's ``char prev``
        characters = set()
        for index, param in enumerate(function.params):
            if own.get(param.name) != "str" or param.name in assigned or f"P:{param.name}" in uses:
                continue
            values = [arguments[index][2] if len(arguments) == arity else None
                      for _, arguments in context.call_sizes.get(function.name, ())]
            if "char" in values and all(value in ("char", "charlit", f"name:{param.name}") for value in values):
                characters.add(param.name)
        if found or characters:
            result[function.name] = [(name, "bool" if name in found else "num" if name in characters else kind)
                                     for name, kind in plist]
    return result


def _passed_on(arguments: tuple[ir.Expr, ...], position: int, name: str) -> bool:
    """Does a self-call pass parameter ``name`` on unchanged at ``position`` (``xs``, ``&xs``, ``&mut xs``)?"""
    if len(arguments) <= position:
        return False
    argument = arguments[position]
    while isinstance(argument, ir.UnaryOp) and argument.op in ("&", "*"):
        argument = argument.operand
    return isinstance(argument, ir.Name) and argument.id == name


def _body_facts(function: ir.FunctionDef, self_names) -> tuple[list[tuple[ir.Expr, ...]], dict[str, int], set[str]]:
    """Of ``function``'s body (not its nested functions): the argument tuples of its self-calls, how often
    each name is mentioned, and the names it assigns.

    Up to three module passes ask about the same function (``drop_size_parameters``, ``flag_parameters``,
    ``drop_passed_on``), so the answer is kept for the function object (callers only read it)."""
    cached = _BODY_FACTS.get(id(function))
    if cached is not None and cached[0] is function and cached[1] is self_names:
        return cached[2]
    facts = _walk_body_facts(function, self_names)
    if len(_BODY_FACTS) >= 64:
        _BODY_FACTS.clear()  # a few modules' functions: the entries hold their functions, so ids stay unique
    _BODY_FACTS[id(function)] = (function, self_names, facts)
    return facts


# id(function) -> (function, self_names, facts) of the last functions ``_body_facts`` answered
_BODY_FACTS: dict[int, tuple] = {}


def _walk_body_facts(function: ir.FunctionDef, self_names) -> tuple[list[tuple[ir.Expr, ...]], dict[str, int], set[str]]:
    name = function.name.split("@")[0]
    calls: list[tuple[ir.Expr, ...]] = []
    mentions: dict[str, int] = {}
    assigned: set[str] = set()
    stack: list = list(function.body)
    pop, extend, leaves = stack.pop, stack.extend, _FACT_LEAVES
    while stack:
        node = pop()
        if type(node) in leaves:  # most values are strings, line numbers and None: one set lookup
            continue
        if isinstance(node, tuple):
            extend(node)
            continue
        if isinstance(node, ir.Name):
            mentions[node.id] = mentions.get(node.id, 0) + 1
            continue
        if node is None or isinstance(node, (str, int, float, bool, ir.Literal, ir.FunctionDef)):
            continue
        if isinstance(node, ir.Call):
            func = node.func
            if isinstance(func, ir.Name) and func.id == name or isinstance(func, ir.Attr) and func.name == name \
                    and isinstance(func.obj, ir.Name) and func.obj.id in self_names:
                calls.append(node.args)
        elif isinstance(node, (ir.Assign, ir.Delete)):
            assigned.update(target_names(node.targets))
        elif isinstance(node, ir.Foreach):
            assigned.update(node.targets)
        elif isinstance(node, ir.UnaryOp) and node.op in ("++", "--") and isinstance(node.operand, ir.Name):
            assigned.add(node.operand.id)
        getter = ir.FIELD_VALUES.get(type(node))
        if getter is not None:
            extend(getter(node))
        elif hasattr(node, "__dict__"):
            extend(vars(node).values())
    return calls, mentions, assigned


# values ``_body_facts`` skips, by exact type (the ``isinstance`` test below them stays for anything else)
_FACT_LEAVES = frozenset({str, int, float, bool, type(None), ir.Literal, ir.FunctionDef})


# Parameter kinds a helper's parameters are ordered by when their bodies do not use them (ties of first use).
_KIND_RANK = {kind: rank for rank, kind in enumerate(("node", "seq", "str", "map", "set", "fn", "any", "num"))}


def canonical_params(lowered: dict[str, list[Low]], params: dict[str, list[tuple[str, str]]],
                     memo: dict[str, bool] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Parameter lists in a form every language can reach.

    * Kinds: an untyped parameter that the body never uses as a collection is ``num`` (``def dfs(i, j)``
      versus ``void dfs(int i, int j)``).  ``bool`` stays: a flag is a two-valued dimension of a memo
      function's states, a number an n-valued one (folding it into ``num`` gained 0.2 points of agreement
      and cost 19 Python cost-model answers).
    * Order of a helper (a function other functions call): by first use in its body, unused ones by
      kind.  A helper's parameter order is its author's choice: Python closures receive captured state
      first after lifting, Java passes ``dfs(i, j, grid)``, Go ``dfs(grid, i, j)``.  Entry functions keep
      their order (it is the problem's API, the same in every language).
    * A helper that is not memoised drops the numbers and flags its body never names (no loop runs over
      them): O(1) state whose passing is the author's choice (Rust and Java pass ``n`` and bitmasks to
      ``backtrack(r, n, cols, ..)``, a Python closure captures them).  A memoised helper keeps every
      parameter: they are the dimensions of its table.

    ``skeldsl.render.canonical`` applies the same function to skeletons."""
    helpers = {callee for caller, body in lowered.items() for callee in _calls(body) if callee != caller}
    result: dict[str, list[tuple[str, str]]] = {}
    for name, plist in params.items():
        uses = _first_uses(lowered.get(name, []))
        canonical = []
        for pname, kind in plist:
            if kind == "any" and f"P:{pname}" not in uses:
                kind = "num"
            canonical.append((pname, kind))
        if name in helpers and memo is not None and not memo.get(name, False):
            canonical = [(pname, kind) for pname, kind in canonical
                         if kind not in ("num", "bool") or f"P:{pname}" in uses]
        if name in helpers:
            canonical.sort(key=lambda item: (uses.get(f"P:{item[0]}", len(uses)),
                                             _KIND_RANK.get(_PARAM_FOLD.get(item[1], item[1]), 99)))
        result[name] = canonical
    return result


def canonical_order(lowered: dict[str, list[Low]]) -> list[str]:
    calls = {name: [c for c in _calls(body) if c in lowered] for name, body in lowered.items()}
    called_by_others = {callee for caller, callees in calls.items() for callee in callees if callee != caller}
    roots = [name for name in lowered if name not in called_by_others]
    if not roots:
        roots = list(lowered)[:1]
    order: list[str] = []
    for root in roots + list(lowered):
        stack = [root]
        while stack:
            name = stack.pop()
            if name in order:
                continue
            order.append(name)
            stack.extend(reversed([c for c in calls[name] if c not in order]))
    return order


class _Renamer:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.names: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        if key not in self.names:
            self.names[key] = f"{self.prefix}{len(self.names)}"
        return self.names[key]


def build_model(order: list[str], lowered: dict[str, list[Low]], params: dict[str, list[tuple[str, str]]],
                memo: dict[str, bool], split: dict[str, bool] | None = None) -> model.Skeleton:
    function_names = {name: f"f{index}" for index, name in enumerate(order)}
    fields = _Renamer("s")
    functions = []
    for name in order:
        param_names = {f"P:{pname}": f"p{index}" for index, (pname, _) in enumerate(params[name])}
        locals_ = _Renamer("v")

        def ref(internal: str | None) -> str | None:
            if internal is None:
                return None
            base, _, rest = internal.partition("[")
            suffix = "[" + rest if rest else ""
            if base in param_names:
                return param_names[base] + suffix
            if base.startswith("S:"):
                return fields(base) + suffix
            if base.startswith("V:"):
                return locals_(base) + suffix
            return UNKNOWN + suffix

        def call(stmt: Low) -> model.Call:
            _, op, target = stmt
            if op.startswith("F:"):
                return model.Call(function_names.get(op[2:], "f0"), None)
            # Every vocabulary operation names its collection; "_" when lowering could not.
            return model.Call(op, ref(target) if target is not None or op in CONSTRUCTORS else UNKNOWN)

        def build(body: list[Low]) -> tuple[model.Stmt, ...]:
            out: list[model.Stmt] = []
            for stmt in body:
                kind = stmt[0]
                if kind == "call":
                    out.append(call(stmt))
                elif kind == "assign":
                    _, target, op, source = stmt
                    value = model.Call(op, ref(source))
                    target_ref = ref(target)
                    if target_ref is None or target_ref.startswith(UNKNOWN):
                        out.append(value)  # built into something unnamed: the construction still costs
                    else:
                        out.append(model.Assign(target_ref, value))
                elif kind == "for":
                    _, domain, target, loop_body = stmt
                    if domain == "const":
                        loop_domain: model.Domain = model.Const()
                    elif domain == "log":
                        loop_domain = model.Halving(ref(target) or UNKNOWN)
                    elif domain == "subsets":
                        loop_domain = model.Subsets(ref(target) or UNKNOWN)
                    else:
                        loop_domain = model.Over(ref(target) or UNKNOWN)
                    out.append(model.For(loop_domain, build(loop_body)))
                elif kind == "while":
                    _, target, loop_body = stmt
                    out.append(model.While(ref(target), build(loop_body)))
                elif kind == "if":
                    _, conds, then, orelse = stmt
                    out.append(model.If(tuple(call(c) for c in conds), build(then), build(orelse)))
                elif kind == "exit":
                    out.append(model.Exit(stmt[1]))
            return tuple(out)

        body = build(lowered[name])
        model_params = tuple(model.Param(f"p{i}", kind if kind in PARAM_KINDS else _PARAM_FOLD.get(kind, "any"))
                             for i, (_, kind) in enumerate(params[name]))
        functions.append(model.Function(function_names[name], model_params, body, memo[name],
                                        bool(split and split.get(name))))
    return model.Skeleton(tuple(functions))


__all__ = ["normalise", "LanguageSpec", "walk"]
