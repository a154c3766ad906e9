"""What a language's renderer can write: the typed subset of skeletons it realises.

The skeleton language is untyped (``map.put(p0)`` is valid for a ``seq`` parameter), but a program is
not: an operation needs a collection of its kind.  ``Capabilities`` says, per language, which parameter
kinds, constructors, operations and memoisation the renderer (and the language's extractor) support;
``canonical_skeletons(lang=...)`` in ``skeldsl.testing.strategies`` draws only skeletons inside it.

Collection kinds used here are the skeleton's parameter kinds (``seq``, ``str``, ``map``, ``set``,
``num`` ...) plus ``grid`` (a ``seq`` parameter whose rows are iterated), ``row`` (its element ``p0[]``) and the constructor
kinds of locals (``list``, ``stack``, ``queue``, ``deque``, ``heap``, ``tree``, ``strbuf``, ``linked``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

# Operations a collection of each kind supports (``seq`` parameters and ``list`` locals alike).
_LIST_OPS = ("list.append", "list.pop", "list.insert", "list.popfront", "list.has", "list.find", "list.del",
             "list.extend", "sort", "bsearch", "copy", "slice", "reverse")
OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    "seq": _LIST_OPS,
    "list": _LIST_OPS,
    "map": ("map.get", "map.put", "map.has", "map.del", "copy"),
    "set": ("set.add", "set.has", "set.del", "copy"),
    "stack": ("stack.push", "stack.pop"),
    "queue": ("queue.push", "queue.pop"),
    "deque": ("deque.push", "deque.pushfront", "deque.pop", "deque.popfront"),
    "heap": ("heap.push", "heap.pop", "heap.top"),
    "tree": ("tree.put", "tree.get", "tree.has", "tree.del", "tree.near"),
    "str": ("str.concat", "str.find", "str.split", "str.replace", "slice"),
    "strbuf": ("strbuf.append",),
    "linked": ("linked.push", "linked.pop"),
}
# Operations that yield a value, so they can stand in a condition (``reduce`` only stands there: as a
# statement the normaliser makes it a loop).
COND_OPS = frozenset({
    "map.get", "map.has", "set.has", "list.pop", "list.popfront", "list.has", "list.find", "bsearch",
    "stack.pop", "queue.pop", "deque.pop", "deque.popfront", "heap.pop", "heap.top", "tree.get", "tree.has",
    "tree.near", "str.find", "linked.pop", "reduce",
})
REDUCIBLE = frozenset({"seq", "list"})
# Kinds a loop can run over (a number: 0..n), kinds with a size to halve, kinds a worklist drains.
ITERABLE = frozenset({"seq", "grid", "row", "str", "map", "set", "num", "list", "stack", "queue", "deque", "heap",
                      "tree", "linked"})
SIZED = frozenset({"seq", "grid", "row", "str", "map", "set", "num", "list", "stack", "queue", "deque", "heap",
                   "tree"})
WORKLIST = frozenset({"seq", "str", "map", "set", "list", "stack", "queue", "deque", "heap", "tree", "linked"})
# A local built by an operation on a collection: ``sorted(xs)``, ``xs[1:]``.  (A local copy of a list,
# ``ys = xs.copy()``, is ``ys = list(xs)``: the ``list`` constructor from a ``seq``/``list``.)
RESULT_OPS: dict[str, frozenset[str]] = {
    "sort": frozenset({"seq", "list"}), "slice": frozenset({"seq", "list", "str"}),
    "reverse": frozenset({"seq", "list"}),
}
ALL_CONSTRUCTORS: dict[str, frozenset[str]] = {  # kind -> kinds of what it may be built from / sized by
    "map": frozenset(), "set": frozenset({"seq", "list"}), "list": frozenset({"seq", "list", "num"}),
    "stack": frozenset(), "queue": frozenset(), "deque": frozenset({"seq", "list"}), "heap": frozenset(),
    "tree": frozenset(), "strbuf": frozenset(), "linked": frozenset(),
}
ALL_PARAM_KINDS = ("seq", "grid", "str", "map", "set", "num", "bool", "node", "fn", "any")


@dataclass(frozen=True)
class Capabilities:
    """The skeletons a language's renderer realises exactly (see the module docstring)."""

    param_kinds: tuple[str, ...] = ALL_PARAM_KINDS
    constructors: Mapping[str, frozenset[str]] = field(default_factory=lambda: dict(ALL_CONSTRUCTORS))
    result_ops: Mapping[str, frozenset[str]] = field(default_factory=lambda: dict(RESULT_OPS))
    excluded_ops: frozenset[str] = frozenset()
    excluded_kind_ops: frozenset[tuple[str, str]] = frozenset()  # (kind, op): e.g. no slicing of lists
    excluded_cond_ops: frozenset[str] = frozenset()  # statements only (Go's two-valued lookups)
    not_iterable: frozenset[str] = frozenset()  # kinds a loop cannot run over (C++ priority_queue)
    not_sized: frozenset[str] = frozenset()  # kinds whose size a halving loop cannot read (C arrays)
    not_worklist: frozenset[str] = frozenset()  # kinds a ``while`` cannot drain (C arrays)
    queue_base: str = "deque"  # what a queue is written as: a deque, or a list (Go's q = q[1:])
    memo: bool = False
    user_calls_in_conditions: bool = True

    def ops(self, kind: str) -> tuple[str, ...]:
        return tuple(op for op in OPS_BY_KIND.get(kind, ())
                     if op not in self.excluded_ops and (kind, op) not in self.excluded_kind_ops)

    def cond_ops(self, kind: str) -> tuple[str, ...]:
        ops = tuple(op for op in self.ops(kind) if op in COND_OPS and op not in self.excluded_cond_ops)
        if kind in REDUCIBLE and "reduce" not in self.excluded_ops:
            ops += ("reduce",)
        return ops

    def without(self, *, ops: tuple[str, ...] = (), constructors: tuple[str, ...] = (),
                params: tuple[str, ...] = ()) -> Capabilities:
        return replace(
            self,
            excluded_ops=self.excluded_ops | frozenset(ops),
            constructors={k: v for k, v in self.constructors.items() if k not in constructors},
            param_kinds=tuple(k for k in self.param_kinds if k not in params),
        )


FULL = Capabilities(memo=True)


def intersect(capabilities: list[Capabilities]) -> Capabilities:
    """What every one of ``capabilities`` supports (for corpora with one skeleton in many languages)."""
    if not capabilities:
        return FULL
    first, *rest = capabilities
    result = first
    for other in rest:
        constructors = {kind: sources & other.constructors[kind] for kind, sources in result.constructors.items()
                        if kind in other.constructors}
        result_ops = {op: sources & other.result_ops[op] for op, sources in result.result_ops.items()
                      if op in other.result_ops}
        if result.queue_base != other.queue_base:  # a queue never popped would be a deque in one, a list in other
            constructors.pop("queue", None)
        result = Capabilities(
            queue_base=result.queue_base,
            param_kinds=tuple(k for k in result.param_kinds if k in other.param_kinds),
            constructors=constructors,
            result_ops={op: sources for op, sources in result_ops.items() if sources},
            excluded_ops=result.excluded_ops | other.excluded_ops,
            excluded_kind_ops=result.excluded_kind_ops | other.excluded_kind_ops,
            excluded_cond_ops=result.excluded_cond_ops | other.excluded_cond_ops,
            not_iterable=result.not_iterable | other.not_iterable,
            not_sized=result.not_sized | other.not_sized,
            not_worklist=result.not_worklist | other.not_worklist,
            memo=result.memo and other.memo,
            user_calls_in_conditions=result.user_calls_in_conditions and other.user_calls_in_conditions,
        )
    return result

__all__ = ["COND_OPS", "FULL", "ITERABLE", "OPS_BY_KIND", "RESULT_OPS", "SIZED", "WORKLIST", "Capabilities", "intersect"]
