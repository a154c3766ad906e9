"""One order for statements whose order is a habit: ``Low -> Low``, per function body.

Translations of one algorithm differ in the order of statements that do not depend on each other:
``res = []; seen = set(nums)`` in Python against ``let seen: HashSet<_> = ..; let mut res = vec![];`` in
Rust, ``seen.add(x); q.append(x)`` against ``q.offer(x); seen.add(x)``, a collection declared at the top of
a function in Java and built right before its first use in Python.  None of this changes what a program
costs, so the skeleton fixes one order:

1. *Declaration at first use*: a construction (``assign``) moves down, past statements that neither name
   the collection it builds nor change the one it reads, to the statement group where it is first used
   (or where a call of the program's own functions, which may reach it, or an exit stops it).  It never
   moves into a nested block: a construction outside a loop is built once, inside it once per pass.  One
   that nothing after it names stays (its uses are scalar reads the skeleton drops: its place is unknown).
2. *Canonical order of independent statements*: in each run of plain statements (operations and
   constructions; no nested block, exit or call of the program's own functions) two statements that name
   a common collection keep their order unless both only read it (read/write and write/write conflicts
   on one variable; ``_READS``), and the others are ordered by their shape (operation name, kinds of
   reference), never by name: this runs before the positional renaming, so the result is invariant under
   renaming.  A construction is placed right before the first statement that needs it (lazily), so it
   stays at its first use; the ones nothing in the run needs close the run, in order of their first use
   after it.

Deterministic and idempotent (``tests/test_normalise_order_props.py``).
"""

from __future__ import annotations

from skeldsl.normalise.lower import Low, walk_low
from skeldsl.normalise.passes import _first_uses, map_children

_UNKNOWN = "_"  # a reference lowering could not resolve: it conflicts with every other unknown one


def order_statements(body: list[Low]) -> list[Low]:
    """``body`` (and every nested block) in canonical statement order (see the module docstring)."""
    body = [map_children(stmt, order_statements) for stmt in body]
    return _order_runs(_raise_guards(_sink_constructions(body)))


def _base(ref) -> str:
    if not isinstance(ref, str) or ref.startswith(_UNKNOWN):
        return _UNKNOWN
    return ref.partition("[")[0]


def _is_plain(stmt: Low) -> bool:
    """An operation or construction: a statement that can change places with an independent one."""
    return stmt[0] == "assign" or stmt[0] == "call" and not stmt[1].startswith("F:")


# operations that only read their collection: two reads of one collection commute (``for xs`` and
# ``ys = list(xs)``, ``m.get(a)`` and ``m.has(b)``); everything else may change it
_READS = frozenset({"map.get", "map.has", "set.has", "list.has", "list.find", "tree.get", "tree.has",
                    "tree.near", "heap.top", "str.find", "str.split", "str.join", "str.replace", "bsearch",
                    "copy", "slice", "reduce"})


def _access(stmt: Low) -> tuple[frozenset, frozenset]:
    """(read, written) variables of a plain statement (its collections, without element suffixes)."""
    if stmt[0] == "assign":
        read = frozenset((_base(stmt[3]),)) if stmt[3] is not None else frozenset()
        return read, frozenset((_base(stmt[1]),))
    if stmt[1] in _READS:
        return frozenset((_base(stmt[2]),)), frozenset()
    return frozenset(), frozenset((_base(stmt[2]),))


def _conflict(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    """Do two statements with these accesses name a common variable that one of them writes?"""
    return bool(a[1] & (b[0] | b[1]) or b[1] & a[0])


def _deep_access(stmt: Low) -> tuple[frozenset, frozenset] | None:
    """(read, written) variables of ``stmt`` and everything nested in it; None when it may reach any
    variable (a call of the program's own functions) or ends the block (an exit)."""
    reads: set = set()
    writes: set = set()
    for inner in walk_low([stmt]):
        kind = inner[0]
        if kind == "exit" and inner is stmt or kind == "call" and inner[1].startswith("F:"):
            return None
        if kind in ("call", "assign"):
            read, written = _access(inner)
            reads |= read
            writes |= written
        elif kind == "for" and inner[2] is not None:
            reads.add(_base(inner[2]))
        elif kind == "while" and inner[1] is not None:
            reads.add(_base(inner[1]))
    return frozenset(reads), frozenset(writes)


def _sink_constructions(body: list[Low]) -> list[Low]:
    """Move each construction down to the group of plain statements where it is first needed (step 1).
    Within one group it stays put: ``_order_runs`` places it there."""
    body = list(body)
    accesses = [_deep_access(stmt) for stmt in body]
    for index in range(len(body) - 1, -1, -1):
        stmt = body[index]
        if stmt[0] != "assign":
            continue
        own = accesses[index]
        target = index + 1
        while target < len(body) and accesses[target] is not None and not _conflict(own, accesses[target]):
            target += 1
        if target == len(body) or all(_is_plain(body[k]) for k in range(index + 1, target)):
            # the same run (ordered there), or nothing here names it: its first use is scalar detail the
            # skeleton does not show (``dist = [inf] * n`` read by index), so its place stays the author's
            continue
        body.insert(target, stmt)
        accesses.insert(target, own)
        del body[index], accesses[index]
    return body


def _raise_guards(body: list[Low]) -> list[Low]:
    """A guard that only exits on a scalar test (``if { break }``: no operation in its test or branch) goes
    before the plain statements right above it: ``x = heappop(h); if x > k: break`` and Rust's ``if let
    Some(x) = h.pop() { .. } else { break }`` differ in which O(1) step comes first, not in cost."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] == "if" and not stmt[1] and not stmt[3] and len(stmt[2]) == 1 and stmt[2][0][0] == "exit":
            index = len(out)
            while index and _is_plain(out[index - 1]):
                index -= 1
            out.insert(index, stmt)
            continue
        out.append(stmt)
    return out


def _order_runs(body: list[Low]) -> list[Low]:
    out: list[Low] = []
    index = 0
    while index < len(body):
        if not _is_plain(body[index]):
            out.append(body[index])
            index += 1
            continue
        end = index
        while end < len(body) and _is_plain(body[end]):
            end += 1
        out += _order_run(body[index:end], body[end:]) if end - index > 1 else body[index:end]
        index = end
    return out


def _ref_kind(ref) -> tuple:
    """What a reference is, without its name: parameter, local, field or unknown, and how deep an element."""
    if not isinstance(ref, str):
        return ("",)
    base, _, rest = ref.partition("[")
    return (base[:1] if not base.startswith(_UNKNOWN) else _UNKNOWN, rest.count("]") + bool(rest))


def _shape(stmt: Low) -> tuple:
    if stmt[0] == "assign":
        return (1, stmt[2], _ref_kind(stmt[3]), _ref_kind(stmt[1]))
    return (0, stmt[1], _ref_kind(stmt[2]))


def _order_run(run: list[Low], after: list[Low]) -> list[Low]:
    """A stable topological order of ``run`` (statements naming a common variable keep their order) that
    takes the operation of least shape first and emits each construction right before the first
    statement that needs it; the constructions nothing in the run needs come last, in order of the first
    use of what they build in ``after``."""
    size = len(run)
    accesses = [_access(stmt) for stmt in run]
    preds = [[j for j in range(i) if _conflict(accesses[j], accesses[i])] for i in range(size)]
    shapes = [_shape(stmt) for stmt in run]
    constructions = [stmt[0] == "assign" for stmt in run]
    emitted = [False] * size
    out: list[Low] = []

    def emit(i: int) -> None:  # i's missing predecessors first (only constructions are ever missing)
        for j in sorted((j for j in preds[i] if not emitted[j]), key=lambda j: (shapes[j], j)):
            if not emitted[j]:
                emit(j)
        emitted[i] = True
        out.append(run[i])

    def ready(i: int) -> bool:  # every operation i waits for, also through constructions, is out
        stack, seen = list(preds[i]), set()
        while stack:
            j = stack.pop()
            if j in seen or emitted[j]:
                continue
            seen.add(j)
            if not constructions[j]:
                return False
            stack += preds[j]
        return True

    while True:
        waiting = [i for i in range(size) if not emitted[i] and not constructions[i] and ready(i)]
        if not waiting:
            break
        emit(min(waiting, key=lambda i: (shapes[i], i)))
    rest = [i for i in range(size) if not emitted[i]]
    if rest:
        uses = _first_uses(after)
        for i in sorted(rest, key=lambda i: (uses.get(_base(run[i][1]), len(uses)), shapes[i], i)):
            if not emitted[i]:
                emit(i)
    return out

