"""Canonical skeletons: the fixed points of extraction, and a function that maps any skeleton to one.

A skeleton is *canonical* when some program extracts to exactly it.  Many valid skeletons are not: the
normaliser rewrites shapes that have a simpler equal-cost form, so no program can produce the original.
``canonicalise`` applies the normaliser's own skeleton-level passes (``skeldsl.normalise.passes``, the
real functions, not copies, in the order ``skeldsl.normalise.normalise`` runs them) to a skeleton seen as the normaliser's internal statements, then orders and
renames as extraction does.  The shapes it changes, and so the ones that are *not* canonical:

* a ``return`` as the last statement of a function (``drop_trailing_return``: it is not an early exit);
* statements after an exit, or after an ``if`` whose branches all exit (``prune_unreachable``);
* a ``continue`` at the end of a loop body, also at the end of a final ``if``'s branches;
* an ``if`` with no work in either branch (its condition's operations remain as statements), an empty
  ``then`` with a busy ``else`` (the branches swap), ``if a { if { X } }`` (one ``if``);
* ``reduce(x)`` as a statement (``for x { }``: a one-pass library call is the loop it replaces);
* ``v = list()`` followed by a loop over ``x`` whose body appends to ``v`` once (``v = list(x)``), and a
  set or map filled by a loop that does nothing else (``v = set(x)``);
* insertions right after a container is built (``v = map()`` then ``map.put(v)``: part of building it);
* a table of buckets (``list.append(v[])``) built once at the top of a non-recursive function as a map,
  or as a sized list, and only looked up: it is ``v = list()`` with no ``map.get`` (``indexed_tables``);
* a list or deque used only at one end with pops (a ``stack``), or pushed at one end and popped at the
  other (a ``queue``), and conversely a ``stack()``/``queue()`` that is never popped (a list / deque);
* ``if { return }`` as the first statement of a non-recursive function (an O(1) guard for trivial
  input, ``drop_input_guard``), and ``if c { return }`` right before a ``return`` (one return);
* a local list built from a local set or map as the last statement of a non-recursive function
  (``drop_returned_copy``: it only hands the result over);
* a halving loop with an empty body over a ``seq``/``str`` parameter or a local list (``halving_search``:
  it is the library's ``bsearch(x)``);
* consecutive constructions in an order other than that of their first use (``order_constructions``);
* independent statements out of canonical order, and a construction above statements that do not name it
  (``skeldsl.normalise.order``: it stands at its first use);
* a function with an empty body, and calls to it, unless every function is empty (``drop_constant_functions``);
* a function that other functions call and that cannot reach itself (not memoised): its body stands at
  its call sites (``skeldsl.normalise.inline``; its parameters become ``_``, as a skeleton's calls hold no
  arguments, so ``canonical_skeletons()`` draws again when that happens), and a helper that recurses
  along a chain (tests, exits, one self-call per path) is a ``while`` loop there;
* a field (``s0``) that only one function names (``localise_fields``: a local of that function);
* parameter lists not in ``canonical_params`` form: an ``any`` parameter the body never uses (``num``), a helper's parameters (of a function other functions
  call) out of order of first use in its body, unused ones by kind (a helper's parameter order is its
  author's choice);
* functions out of canonical order (entry functions first, callees depth-first in order of first call),
  and names not numbered in order of first use (``p``/``v`` per function, ``s`` per program).

Shapes no program produces at all (``break`` outside a loop, a local used before it is built, an operation
whose collection has another kind) are not repaired here: ``canonical_skeletons()`` in
``skeldsl.testing.strategies`` never generates them.  Nor are two shapes whose canonical form depends on
how a program is written, which ``skeldsl.render.generate`` draws again instead: a ``for x`` loop that
appends to ``x`` (the lowering's ``growing_worklist`` makes it ``while x { queue.pop(x) ... }`` only when
the loop walks the list's elements or live size), and a canonical form that leaves the language's
capabilities (``v = list(n); sort(v)`` is ``sort(n)``; a list popped at both ends is a ``deque``).
"""

from __future__ import annotations

from skeldsl import model
from skeldsl.normalise import build_model, canonical_order, canonical_params, passes, program_passes
from skeldsl.normalise.inline import Helper, inline_helpers, localise_fields
from skeldsl.vocabulary import is_user_function

# A stack or queue is a usage of a list or deque (``refine_containers`` names it); write it as the
# underlying container first so that the refinement decides, as it does for real programs.
# A queue is a deque in most languages, a list (``q = q[1:]``) in Go: ``queue_base`` says which.
_UNREFINE_OPS = {
    "deque": {"stack.push": "list.append", "stack.pop": "list.pop",
              "queue.push": "deque.push", "queue.pop": "deque.popfront"},
    "list": {"stack.push": "list.append", "stack.pop": "list.pop",
             "queue.push": "list.append", "queue.pop": "list.popfront"},
}
_UNREFINE_KINDS = {"deque": {"stack": "list", "queue": "deque"}, "list": {"stack": "list", "queue": "list"}}


def _internal(ref: str | None, function: str) -> str | None:
    """A model reference as the normaliser's internal reference (locals made unique per function)."""
    if ref is None or ref == "_" or ref.startswith("_"):
        return ref
    base, _, rest = ref.partition("[")
    suffix = "[" + rest if rest else ""
    if base[0] == "p":  # parameters too: the refinement keys on references program-wide
        return f"P:{function}.{base}{suffix}"
    if base[0] == "v":
        return f"V:{function}.{base}{suffix}"
    return f"S:{base}{suffix}"


def _to_low(body: tuple[model.Stmt, ...], function: str, base: str) -> list[tuple]:
    out: list[tuple] = []
    for stmt in body:
        if isinstance(stmt, model.Call):
            out.append(_call(stmt, function, base))
        elif isinstance(stmt, model.Assign):
            op = _UNREFINE_KINDS[base].get(stmt.value.op, stmt.value.op)
            out.append(("assign", _internal(stmt.target, function), op, _internal(stmt.value.ref, function)))
        elif isinstance(stmt, model.For):
            domain = stmt.domain
            if isinstance(domain, model.Const):
                out.append(("for", "const", None, _to_low(stmt.body, function, base)))
            else:
                kind = "log" if isinstance(domain, model.Halving) else \
                    "subsets" if isinstance(domain, model.Subsets) else "over"
                out.append(("for", kind, _internal(domain.ref, function), _to_low(stmt.body, function, base)))
        elif isinstance(stmt, model.While):
            out.append(("while", _internal(stmt.ref, function), _to_low(stmt.body, function, base)))
        elif isinstance(stmt, model.If):
            conds = [_call(call, function, base) for call in stmt.cond]
            out.append(("if", conds, _to_low(stmt.then, function, base), _to_low(stmt.orelse, function, base)))
        else:
            out.append(("exit", stmt.kind))
    return out


def _call(call: model.Call, function: str, base: str) -> tuple:
    if is_user_function(call.op):
        return ("call", f"F:{call.op}", None)
    return ("call", _UNREFINE_OPS[base].get(call.op, call.op), _internal(call.ref, function))


def canonicalise(skeleton: model.Skeleton, queue_base: str = "deque") -> model.Skeleton:
    """The canonical skeleton extraction gives for any program that realises ``skeleton`` statement by
    statement (see the module docstring for what changes).  Idempotent: the passes are applied until
    nothing changes (one application can expose work for another, e.g. an ``if`` that lost its body
    leaves a ``reduce`` statement that is then a loop)."""
    for _ in range(8):
        result = _canonicalise_once(skeleton, queue_base)
        if result == skeleton:
            return result
        skeleton = result
    return skeleton


def _canonicalise_once(skeleton: model.Skeleton, base: str) -> model.Skeleton:
    lowered: dict[str, list[tuple]] = {}
    params: dict[str, list[tuple[str, str]]] = {}
    memo: dict[str, bool] = {}
    split = {function.name: function.split for function in skeleton.functions}
    for function in skeleton.functions:
        body = _to_low(function.body, function.name, base)
        for function_pass in passes.FUNCTION_PASSES:
            body = function_pass(body)
        lowered[function.name] = body
        params[function.name] = [(f"{function.name}.{param.name}", param.kind) for param in function.params]
        memo[function.name] = function.memo
    inline_helpers(lowered, params, memo, _helpers(skeleton), {}, passes.FUNCTION_PASSES, split)
    lowered = localise_fields(lowered)
    lowered, params = program_passes(lowered, params, memo)
    return build_model(canonical_order(lowered), lowered, canonical_params(lowered, params, memo), memo, split)


def _helpers(skeleton: model.Skeleton) -> dict[str, Helper]:
    """What ``inline_helpers`` needs of each function: its parameters' internal references (a skeleton's
    calls hold no arguments, so an inlined body's parameters become the unknown ``_``)."""
    return {function.name: Helper(tuple(f"P:{function.name}.{param.name}" for param in function.params))
            for function in skeleton.functions}


def is_canonical(skeleton: model.Skeleton, queue_base: str = "deque") -> bool:
    """True when ``canonicalise`` leaves ``skeleton`` unchanged."""
    return canonicalise(skeleton, queue_base) == skeleton


__all__ = ["canonicalise", "is_canonical"]
