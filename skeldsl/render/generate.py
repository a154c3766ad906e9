"""Typed random skeletons, canonicalised: the population the renderers are measured on.

``typed_skeleton(chooser, caps, limits)`` draws through a small chooser interface (``integer``,
``choice``, ``boolean``) so that the same code serves hypothesis (``canonical_skeletons()`` in
``skeldsl.testing.strategies``, which shrinks) and plain seeded ``random.Random`` (``sample()``, for
benchmarks and ``skel corpus``, which need thousands of draws fast and reproducibly).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from skeldsl import model
from skeldsl.render.canonical import canonicalise
from skeldsl.render.capabilities import FULL, ITERABLE, SIZED, WORKLIST, Capabilities


class Chooser(Protocol):
    def integer(self, low: int, high: int) -> int: ...
    def choice(self, options: Any) -> Any: ...
    def boolean(self) -> bool: ...


class RandomChooser:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def choice(self, options):
        return options[self.rng.randrange(len(options))]

    def boolean(self) -> bool:
        return self.rng.random() < 0.5


@dataclass(frozen=True)
class Limits:
    max_functions: int = 3
    max_params: int = 3
    max_depth: int = 3
    max_block: int = 4


def capabilities(lang: str | None | list[str]) -> Capabilities:
    """The renderer's capabilities of ``lang``, of several languages at once (what all support), or the
    whole vocabulary (``None``)."""
    if lang is None:
        return FULL
    from skeldsl.render import renderer_for
    from skeldsl.render.capabilities import intersect

    if isinstance(lang, str):
        return renderer_for(lang).CAPABILITIES
    return intersect([renderer_for(one).CAPABILITIES for one in lang])


class _Scope:
    """What a block can use: typed references, loop depth, and the function's count of locals."""

    def __init__(self, refs: list[tuple[str, str]], loops: int, counter: list[int]) -> None:
        self.refs = refs  # (reference, kind); a grid's rows appear as "p0[]" of kind "row"
        self.loops = loops
        self.counter = counter

    def inner(self, loop: bool = False) -> _Scope:
        return _Scope(list(self.refs), self.loops + (1 if loop else 0), self.counter)


def _block(c: Chooser, caps: Capabilities, scope: _Scope, n_functions: int, depth: int,
           max_block: int) -> tuple:
    out: list = []
    for _ in range(c.integer(0, max_block)):
        choices = ["op", "op", "assign", "exit"]
        if n_functions:
            choices.append("call")
        if depth > 0:
            choices += ["for", "for", "while", "if", "if"]
        choice = c.choice(choices)
        usable = [(ref, kind) for ref, kind in scope.refs if caps.ops(kind)]
        if choice == "op" and usable:
            ref, kind = c.choice(usable)
            out.append(model.Call(c.choice(caps.ops(kind)), ref))
        elif choice == "assign":
            options: list[tuple[str, str | None]] = [(kind, None) for kind in caps.constructors]
            options += [(kind, ref) for kind, sources in caps.constructors.items()
                        for ref, ref_kind in scope.refs if ref_kind in sources]
            options += [(op, ref) for op, sources in caps.result_ops.items()
                        for ref, ref_kind in scope.refs if ref_kind in sources]
            op, source = c.choice(options)
            target = f"v{scope.counter[0]}"
            scope.counter[0] += 1
            out.append(model.Assign(target, model.Call(op, source)))
            if op in caps.result_ops:
                scope.refs.append((target, "str" if dict(scope.refs)[source] == "str" else "list"))
            else:
                scope.refs.append((target, op))
        elif choice == "call":
            out.append(model.Call(f"f{c.integer(0, n_functions - 1)}"))
        elif choice == "exit":
            out.append(model.Exit(c.choice(("return", "break", "continue") if scope.loops else ("return",))))
        elif choice == "for":
            domains: list[Any] = [model.Const()]
            domains += [model.Over(ref) for ref, kind in scope.refs
                        if kind in ITERABLE and kind not in caps.not_iterable]
            domains += [model.Halving(ref) for ref, kind in scope.refs if kind in SIZED and kind not in caps.not_sized]
            domains += [model.Subsets(ref) for ref, kind in scope.refs if kind in SIZED and kind not in caps.not_sized]
            body = _block(c, caps, scope.inner(loop=True), n_functions, depth - 1, max_block)
            out.append(model.For(c.choice(domains), body))
        elif choice == "while":
            ref = c.choice([None] + [ref for ref, kind in scope.refs
                                     if kind in WORKLIST and kind not in caps.not_worklist])
            out.append(model.While(ref, _block(c, caps, scope.inner(loop=True), n_functions, depth - 1,
                                               max_block)))
        elif choice == "if":
            queries = [(ref, op) for ref, kind in scope.refs for op in caps.cond_ops(kind)]
            conds = []
            for _ in range(c.integer(0, 2)):
                if n_functions and caps.user_calls_in_conditions and c.integer(0, 5) == 0:
                    conds.append(model.Call(f"f{c.integer(0, n_functions - 1)}"))
                elif queries:
                    ref, op = c.choice(queries)
                    conds.append(model.Call(op, ref))
            then = _block(c, caps, scope.inner(), n_functions, depth - 1, max_block)
            orelse = _block(c, caps, scope.inner(), n_functions, depth - 1, max_block) if c.boolean() else ()
            out.append(model.If(tuple(conds), then, orelse))
    return tuple(out)


def typed_skeleton(c: Chooser, caps: Capabilities, limits: Limits = Limits()) -> model.Skeleton:
    """One canonical skeleton inside ``caps`` (see ``canonical_skeletons`` for what is drawn).

    A draw whose canonical form names an unknown collection (``_``: an inlined helper's parameter) is
    drawn again, and so is one that canonicalises into a self-built local (``v0 = list()`` then a loop over ``v0`` that
    appends to it becomes ``v0 = list(v0)``: canonical, but no program writes it) is drawn again, and so
    is one whose canonical form leaves the language's capabilities (``_typed_ok``) or walks a list it
    appends to (``_no_growing_walk``)."""
    while True:
        skeleton = _draw_skeleton(c, caps, limits)
        if all(_constructions_ok(function, caps) and _typed_ok(function, caps) and _no_growing_walk(function)
               and _built_before_use(function.body, {param.name for param in function.params})
               and _names_known(function) for function in skeleton.functions):
            return skeleton


# Operations that append to a list once written as a program (``stack``/``queue`` are list usages that
# ``refine_containers`` names; a ``queue`` is a list in languages whose ``queue_base`` is one).
_APPENDS = frozenset({"list.append", "stack.push", "queue.push"})


def _no_growing_walk(function: model.Function) -> bool:
    """Whether no ``for x`` loop appends to ``x`` in its body.  The lowering reads a walk over a list the
    walk itself grows (Python's ``for x in q: q.append(y)``, a loop over ``q.size()`` read afresh) as a
    FIFO worklist, ``while x { queue.pop(x) ... }`` (``growing_worklist``), but only when the written loop
    walks the list's elements or its live size, which depends on the language and the style drawn: such a
    ``for`` is canonical for some renderings and not others, so it is not drawn."""
    for stmt in _walk(function.body):
        if isinstance(stmt, model.For) and isinstance(stmt.domain, model.Over):
            ref = stmt.domain.ref
            for inner in _walk(stmt.body):
                calls = (inner,) if isinstance(inner, model.Call) else \
                    inner.cond if isinstance(inner, model.If) else ()
                if any(call.op in _APPENDS and call.ref == ref for call in calls):
                    return False
    return True


def _names_known(function: model.Function) -> bool:
    """Whether no reference is the unknown ``_``: canonicalisation inlines a non-recursive helper, whose
    parameters are then references a skeleton's calls do not hold (``_``), and which no renderer writes."""
    for stmt in _walk(function.body):
        calls = (stmt,) if isinstance(stmt, model.Call) else stmt.cond if isinstance(stmt, model.If) else \
            (stmt.value,) if isinstance(stmt, model.Assign) else ()
        refs = [call.ref for call in calls] + [getattr(getattr(stmt, "domain", None), "ref", None),
                                               getattr(stmt, "ref", None) if isinstance(stmt, model.While) else None]
        if any(isinstance(ref, str) and ref.startswith("_") for ref in refs):
            return False
    return True


def _built_before_use(body: tuple, visible: set[str]) -> bool:
    """Whether every local is built, earlier in its block or an enclosing one, before it is used: a
    skeleton that uses a local first (``v1 = list(v0)`` before ``v0 = tree()``) is no program's
    skeleton, and no renderer can write it."""
    visible = set(visible)

    def seen(ref: str | None) -> bool:
        return ref is None or ref.startswith("_") or ref.split("[")[0] in visible or ref[0] != "v"

    for stmt in body:
        if isinstance(stmt, model.Assign):
            if not seen(stmt.value.ref):
                return False
            visible.add(stmt.target)
        elif isinstance(stmt, model.Call):
            if not seen(stmt.ref):
                return False
        elif isinstance(stmt, model.For):
            ref = getattr(stmt.domain, "ref", None)
            if not seen(ref) or not _built_before_use(stmt.body, visible):
                return False
        elif isinstance(stmt, model.While):
            if not seen(stmt.ref) or not _built_before_use(stmt.body, visible):
                return False
        elif isinstance(stmt, model.If):
            if not all(seen(call.ref) for call in stmt.cond) or not _built_before_use(stmt.then, visible) \
                    or not _built_before_use(stmt.orelse, visible):
                return False
    return True


def _typed_ok(function: model.Function, caps: Capabilities) -> bool:
    """Whether every operation of the canonical form is one ``caps`` has for its collection's kind, and
    every construction one it can write.  The normaliser's passes may retype what was drawn: a list popped
    at both ends is a ``deque`` (Go has no deque), ``v = list(n); sort(v)`` is ``sort(n)`` (a sort of a
    number, which a typed language cannot write)."""
    kinds = {param.name: param.kind for param in function.params}
    for stmt in _walk(function.body):
        if isinstance(stmt, model.Assign):
            call = stmt.value
            if call.op in caps.constructors:
                kinds[stmt.target] = call.op
            elif call.op in caps.result_ops:
                source = kinds.get(call.ref.split("[")[0]) if call.ref else None
                if call.ref is not None and call.ref.endswith("[]"):
                    source = "row"
                if source is not None and source not in caps.result_ops[call.op] and \
                        _AS_SOURCE.get(source, source) not in caps.result_ops[call.op]:
                    return False
                kinds[stmt.target] = "str" if source == "str" else "list"
            else:
                return False
            continue
        calls = (stmt,) if isinstance(stmt, model.Call) else stmt.cond if isinstance(stmt, model.If) else ()
        for call in calls:
            if call.ref is None or call.ref.startswith("_"):
                continue
            kind = "row" if call.ref.endswith("[]") else kinds.get(call.ref)
            if kind is None:
                continue
            if kind == "row":
                kind = "seq"
            if call.op not in caps.ops(kind) and call.op not in caps.cond_ops(kind):
                return False
    return True


_AS_SOURCE = {"stack": "list", "queue": "list", "seq": "seq"}


def _constructions_ok(function: model.Function, caps: Capabilities) -> bool:
    """Whether every construction is one the language writes: canonicalisation turns ``v = set()`` and a
    loop over ``n`` that only adds into ``v = set(n)``, which not every language has a constructor for;
    and ``v0 = list(v0)`` (a loop over a list that appends to it) is canonical but no program's."""
    kinds = {param.name: param.kind for param in function.params}
    for stmt in _walk(function.body):
        if not isinstance(stmt, model.Assign):
            continue
        call = stmt.value
        if call.ref == stmt.target:
            return False
        if call.ref is not None and call.op in caps.constructors:
            source = kinds.get(call.ref.split("[")[0], "seq") if not call.ref.endswith("[]") else "row"
            source = _AS_SOURCE.get(source, source)
            allowed = caps.constructors[call.op] | ({"list"} if "seq" in caps.constructors[call.op] else set())
            if source not in allowed and not (source == "seq" and "list" in allowed):
                return False
        kinds[stmt.target] = call.op if call.op in caps.constructors else "list"
    return True


def _walk(body):
    """Statements in source order (pre-order)."""
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        yield stmt
        if isinstance(stmt, (model.For, model.While)):
            stack.extend(reversed(stmt.body))
        elif isinstance(stmt, model.If):
            stack.extend(reversed(stmt.then + stmt.orelse))


def _draw_skeleton(c: Chooser, caps: Capabilities, limits: Limits) -> model.Skeleton:
    n_functions = c.integer(1, max(limits.max_functions, 1))
    functions = []
    for index in range(n_functions):
        kinds = [c.choice(caps.param_kinds) for _ in range(c.integer(0, limits.max_params))]
        params = tuple(model.Param(f"p{i}", "seq" if kind == "grid" else kind) for i, kind in enumerate(kinds))
        refs = [(f"p{i}", kind) for i, kind in enumerate(kinds) if kind not in ("bool", "node", "fn", "any")]
        refs += [(f"p{i}[]", "row") for i, kind in enumerate(kinds) if kind == "grid"]
        body = _block(c, caps, _Scope(refs, 0, [0]), n_functions, limits.max_depth, limits.max_block)
        functions.append(model.Function(f"f{index}", params, body, memo=caps.memo and c.boolean()))
    return canonicalise(model.Skeleton(tuple(functions)), caps.queue_base)


def sample(n: int, lang: str | None | list[str] = None, seed: int = 0,
           limits: Limits = Limits()) -> Iterator[model.Skeleton]:
    """``n`` canonical skeletons for ``lang`` (or for all of a list of languages), reproducible from
    ``seed``."""
    caps = capabilities(lang)
    key = lang if isinstance(lang, str) or lang is None else ",".join(lang)
    rng = random.Random(f"skeletons:{key}:{seed}")
    chooser = RandomChooser(rng)
    for _ in range(n):
        yield typed_skeleton(chooser, caps, limits)


__all__ = ["Limits", "RandomChooser", "capabilities", "sample", "typed_skeleton"]
