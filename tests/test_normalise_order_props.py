"""Properties of the canonical statement order (``skeldsl.normalise.order``), on random lowered bodies.

The pass must be a canonical form: deterministic, idempotent, invariant under renaming the variables
(it runs before positional renaming, so any dependence on names would leak into ``v0``/``v1``), and
blind to the order in which a program wrote independent statements; and it must be sound: statements
that name a common variable, exits, nested blocks and calls of the program's functions keep their order,
and nothing changes block.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, strategies as st

from skeldsl.normalise.order import _READS, order_statements
from skeldsl.normalise.passes import rename_refs

NAMES = ("V:a", "V:b", "V:c", "P:x", "P:y", "S:f")
REFS = NAMES + ("V:a[]", "P:x[]", "_")
OPS = ("list.append", "set.add", "map.get", "map.has", "map.put", "stack.pop", "sort", "heap.push", "copy")
KINDS = ("list", "set", "map", "stack", "sort")

calls = st.builds(lambda op, ref: ("call", op, ref), st.sampled_from(OPS), st.sampled_from(REFS))
user_calls = st.sampled_from([("call", "F:g", None), ("call", "F:h", None)])
assigns = st.builds(lambda target, kind, source: ("assign", target, kind, source),
                    st.sampled_from(NAMES[:4]), st.sampled_from(KINDS), st.sampled_from((None,) + REFS))
exits = st.sampled_from([("exit", "return"), ("exit", "break"), ("exit", "continue")])
plain = st.one_of(calls, assigns)


def _nested(children):
    return st.one_of(
        st.builds(lambda ref, body: ("for", "over", ref, body), st.sampled_from(REFS), children),
        st.builds(lambda ref, body: ("while", ref, body), st.sampled_from(REFS), children),
        st.builds(lambda conds, then, orelse: ("if", conds, then, orelse), st.lists(calls, max_size=2),
                  children, children),
    )


statements = st.recursive(st.one_of(plain, plain, plain, user_calls, exits),
                          lambda inner: _nested(st.lists(inner, max_size=4)), max_leaves=14)
bodies = st.lists(statements, max_size=8)


def _plain(stmt) -> bool:
    return stmt[0] == "assign" or stmt[0] == "call" and not stmt[1].startswith("F:")


def _conflicts(a, b) -> bool:
    (ra, wa), (rb, wb) = _deep_rw(a), _deep_rw(b)
    return bool(wa & (rb | wb) or wb & ra)


@given(bodies)
def test_idempotent(body):
    once = order_statements(body)
    assert order_statements(once) == once


@given(bodies, st.permutations(NAMES[:3]), st.permutations(NAMES[3:5]))
def test_invariant_under_renaming(body, locals_, params):
    mapping = dict(zip(NAMES[:3], locals_)) | dict(zip(NAMES[3:5], params))
    renamed = [rename_refs(stmt, mapping) for stmt in body]
    assert order_statements(renamed) == [rename_refs(stmt, mapping) for stmt in order_statements(body)]


@given(bodies, st.data())
def test_blind_to_the_order_of_independent_neighbours(body, data):
    """Swapping two adjacent independent plain statements of the input does not change the result."""
    swaps = [i for i in range(len(body) - 1) if _plain(body[i]) and _plain(body[i + 1])
             and not _conflicts(body[i], body[i + 1])]
    if not swaps:
        return
    i = data.draw(st.sampled_from(swaps))
    swapped = body[:i] + [body[i + 1], body[i]] + body[i + 2:]
    assert order_statements(swapped) == order_statements(body)


@given(bodies)
def test_sound(body):
    """Same statements in every block; for every variable, the statements that write it keep their order
    among themselves and around its reads (reads between two writes may commute), and nothing moves
    past an exit or a call of the program's functions; nested blocks are ordered in their turn."""
    _check_block(body, order_statements(body))


def _check_block(before, after):
    assert Counter(map(_shell, before)) == Counter(map(_shell, after))
    assert [_shell(s) for s in before if not _plain(s)] == [_shell(s) for s in after if not _plain(s)]
    names = {"_"} | {ref for s in before for ref in _deep_rw(s)[0] | _deep_rw(s)[1]}
    for name in names:
        assert _history(before, name) == _history(after, name), name
    for a, b in zip([s for s in before if not _plain(s)], [s for s in after if not _plain(s)]):
        for x, y in zip(_blocks(a), _blocks(b)):
            _check_block(x, y)


def _history(block, name):
    """What happens to ``name`` in ``block``: writes and barriers in order, the reads between them as a
    multiset."""
    out: list = []
    for stmt in block:
        reads, writes = _deep_rw(stmt)
        if _barrier(stmt) or name in writes:
            out.append(("X", _shell(stmt)))
        elif name in reads:
            if not out or out[-1][0] != "R":
                out.append(("R", []))
            out[-1][1].append(_shell(stmt))
    return [(kind, sorted(item) if kind == "R" else item) for kind, item in out]


def _deep_rw(stmt) -> tuple[set, set]:
    def base(ref):
        return "_" if ref.startswith("_") else ref.partition("[")[0]

    if stmt[0] == "call" and not stmt[1].startswith("F:"):
        return ({base(stmt[2])}, set()) if stmt[1] in _READS else (set(), {base(stmt[2])})
    if stmt[0] == "assign":
        return ({base(stmt[3])} if stmt[3] is not None else set()), {base(stmt[1])}
    reads, writes = set(), set()
    if stmt[0] == "for" and stmt[2] is not None or stmt[0] == "while" and stmt[1] is not None:
        reads.add(base(stmt[2] if stmt[0] == "for" else stmt[1]))
    for inner in (stmt[1] if stmt[0] == "if" else []) + [s for block in _blocks(stmt) for s in block]:
        r, w = _deep_rw(inner)
        reads |= r
        writes |= w
    return reads, writes


def _barrier(stmt) -> bool:
    if stmt[0] == "exit" or stmt[0] == "call" and stmt[1].startswith("F:"):
        return True
    inner = (stmt[1] if stmt[0] == "if" else []) + [s for block in _blocks(stmt) for s in block]
    return any(s[0] == "call" and s[1].startswith("F:") or _barrier(s) and s[0] != "exit" for s in inner)


def _blocks(stmt):
    if stmt[0] == "for":
        return [stmt[3]]
    if stmt[0] == "while":
        return [stmt[2]]
    if stmt[0] == "if":
        return [stmt[2], stmt[3]]
    return []


def _shell(stmt) -> str:
    """A statement with its nested blocks summarised by their multiset of statements (order aside)."""
    if stmt[0] in ("for", "while", "if"):
        head = stmt[:-1] if stmt[0] != "if" else stmt[:2]
        return repr(head) + repr(sorted(_shell(s) for block in _blocks(stmt) for s in block))
    return repr(stmt)


def test_example_python_and_rust_orders_agree():
    python = [("assign", "V:res", "list", None), ("assign", "V:seen", "set", "P:words"),
              ("call", "F:dfs", None)]
    rust = [python[1], python[0], python[2]]
    assert order_statements(python) == order_statements(rust)


def test_example_declaration_at_first_use():
    java = [("assign", "V:seen", "set", None), ("for", "over", "P:xs", [("call", "list.append", "P:ys")]),
            ("for", "over", "P:xs", [("call", "set.add", "V:seen")])]
    python = [java[1], java[0], java[2]]
    assert order_statements(java) == python
    # a call of the program's own functions may reach the local: the construction stays before it
    barrier = [java[0], ("call", "F:dfs", None), java[2]]
    assert order_statements(barrier) == barrier
    # never into a loop: built once outside, once per pass inside
    loop = [("assign", "V:seen", "set", None), ("for", "over", "P:xs", [("call", "set.add", "V:seen")])]
    assert order_statements(loop) == loop
