"""Small ``Low -> Low`` passes run after lowering, each with one job, composed in ``PASSES``.

They work on the internal statement tuples of ``skeldsl.normalise.lower`` (original names still inside)
and make the result canonical: drop what cannot run, drop what does no work, name containers by how they
are used, and give the function's body a form that does not depend on surface habits (a final
``return``, an empty ``then`` with a busy ``else``).
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from skeldsl.normalise.lower import Low, walk_low

Pass = Callable[[list[Low]], list[Low]]


def prune_unreachable(body: list[Low]) -> list[Low]:
    """Drop statements after an exit, and after an ``if`` whose every branch exits.

    Structural twin of the CFG reachability in ``skeldsl.normalise.cfg`` (tested to agree with it);
    kept structural so that text extraction does not need networkx at start-up.
    """
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, prune_unreachable)
        out.append(stmt)
        if always_exits(stmt):
            break
    return out


def always_exits(stmt: Low) -> bool:
    if stmt[0] == "exit":
        return True
    if stmt[0] == "if":
        _, _, then, orelse = stmt
        return bool(then) and bool(orelse) and always_exits(then[-1]) and always_exits(orelse[-1])
    return False


def drop_empty_branches(body: list[Low]) -> list[Low]:
    """An ``if`` without work keeps only its condition's operations; an empty ``then`` swaps with ``else``."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, drop_empty_branches)
        if stmt[0] == "if":
            _, conds, then, orelse = stmt
            if not then and not orelse or then == orelse:
                # no work, or the same work whichever way the test goes (``m[k] = a if c else b``; one
                # self-call either way is one self-call)
                out += conds + then
                continue
            if not then:
                stmt = ("if", conds, orelse, [])
            elif len(then) == 1 and then[0][0] == "if" and not orelse and not then[0][1] and not then[0][3]:
                # if a { if { X } } == if a { X }: nested conditions without ops are one condition
                stmt = ("if", conds, then[0][2], [])
        out.append(stmt)
    return out


def drop_trailing_return(body: list[Low]) -> list[Low]:
    """A function's last ``return`` is not an early exit (Rust and Kotlin express it without a keyword)."""
    if body and body[-1] == ("exit", "return"):
        return body[:-1]
    return body


def order_exit_branches(body: list[Low]) -> list[Low]:
    """``if c { A; return }; B`` at the end of a function (or before a block's final exit) is an if/else
    whose order is a habit: ``return gcd(b, a % b) if b else a`` versus ``if (b == 0) return a; return
    gcd(b, a % b);``.  The skeleton keeps no negation, so the branch with less work is written first
    (as base-case guards are): ``if c { B; return }; A``.  Only a tail ``B`` without exits of its own
    qualifies (it is then the whole other branch); equal weights keep their order, and so do tests with
    operations (``if map.has(m) { map.get(m); return }`` reads as the lookup it guards)."""
    body = [map_children(stmt, _order_nested_exits) if stmt[0] in _NESTED else stmt for stmt in body]
    return _swap_tail(body, len(body))


def _order_nested_exits(body: list[Low]) -> list[Low]:
    body = [map_children(stmt, _order_nested_exits) if stmt[0] in _NESTED else stmt for stmt in body]
    if body and body[-1][0] == "exit":
        return _swap_tail(body, len(body) - 1)
    return body


def _swap_tail(body: list[Low], end: int) -> list[Low]:
    """Swap the branches of the last ``if`` before ``body[end:]`` (see ``order_exit_branches``)."""
    for index in range(end - 1, -1, -1):
        stmt = body[index]
        if stmt[0] == "exit":
            return body
        if stmt[0] != "if":
            continue
        _, conds, then, orelse = stmt
        rest = body[index + 1:end]
        if conds or orelse or not then or then[-1] != ("exit", "return") or \
                any(inner[0] == "exit" for inner in walk_low(rest)):
            return body
        if _weight(rest) < _weight(then[:-1]):
            return body[:index] + [("if", conds, rest + [then[-1]], [])] + then[:-1] + body[end:]
        return body
    return body


def _weight(body: list[Low]) -> int:
    """Work in ``body``: every statement but the ``if`` shells (``if m.has(k) { x += 1 }`` weighs what
    ``m.has(k)`` does; drop_empty_branches, which runs later, reduces the one to the other)."""
    return sum(1 for stmt in walk_low(body) if stmt[0] != "if")


def drop_trailing_continue(body: list[Low]) -> list[Low]:
    """A ``continue`` as the last statement of a loop body does nothing."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, drop_trailing_continue)
        if stmt[0] in ("for", "while"):
            loop_body = _strip_last_continue(stmt[-1])
            stmt = stmt[:-1] + (loop_body,)
        out.append(stmt)
    return out


def _strip_last_continue(body: list[Low]) -> list[Low]:
    if body and body[-1] == ("exit", "continue"):
        return body[:-1]
    if body and body[-1][0] == "if":
        _, conds, then, orelse = body[-1]
        return body[:-1] + [("if", conds, _strip_last_continue(then), _strip_last_continue(orelse))]
    return body


def sized_by_append_loop(body: list[Low]) -> list[Low]:
    """``res = []`` then a loop over ``xs`` appending once per pass is ``res`` sized by ``xs``: the same
    as ``new int[n]`` filled by index (and ``[[0] * m for _ in range(n)]`` is ``new int[n][m]``).
    A set or map filled by a loop that does nothing else (``for (int x : nums) seen.add(x);``, counting
    with ``put(x, getOrDefault(x, 0) + 1)``) is likewise ``set(nums)`` / ``Counter(nums)``.

    Library calls that do not touch the list may stand between (``res = []; nums.sort(); for x in nums:
    res.append(x)``): the sized list is then built right before its loop, where ``new int[n]`` after the
    sort builds it (an empty construction commutes with work that does not mention it)."""
    out: list[Low] = [map_children(stmt, sized_by_append_loop) if stmt[0] in _NESTED else stmt for stmt in body]
    before: dict[int, Low] = {}
    for index, stmt in enumerate(out):
        if stmt is None or stmt[0] != "assign" or stmt[2] not in _FILLS or stmt[3] is not None:
            continue
        ref = stmt[1]
        fill = ("call", _FILLS[stmt[2]], ref)
        # (initial inserts before the loop, Java's ``count.put(0, 1)`` for Python's ``{0: 1}``, are part of it)
        follow, moved = index + 1, False
        while follow < len(out) and out[follow] is not None and (
                out[follow][0] == "assign" or out[follow] == fill
                or stmt[2] == "list" and _independent(out[follow], ref)):
            moved = moved or out[follow][0] != "assign" and out[follow] != fill
            follow += 1
        if follow >= len(out) or out[follow] is None:
            continue
        if follow is None or out[follow][0] != "for" or out[follow][1] != "over" or out[follow][2] in (None, "_"):
            continue
        source = _base(out[follow][2])
        if any(skipped is not None and skipped[0] == "assign" and skipped[1] == source
               for skipped in out[index + 1:follow]):
            moved = True  # the loop's collection is built in between: the sized copy must follow it
        loop_body = out[follow][3]
        appends = [k for k, inner in enumerate(loop_body) if inner == fill]
        if stmt[2] == "list":
            if len(appends) != 1 or sum(1 for inner in walk_low(loop_body) if ref in inner[1:]) != 1:
                continue
            rest = loop_body[:appends[0]] + loop_body[appends[0] + 1:]
        else:
            rest = [inner for inner in loop_body if inner != fill and inner != ("call", "map.get", ref)
                    and inner != ("if", [], [], [])]  # (an ``if`` without work, ``if r < 0 { r += k }``)
            if not appends or rest:
                continue
        out[index + 1:follow] = [None if inner == fill else inner for inner in out[index + 1:follow]]
        if moved:
            out[index] = None
            before[follow] = ("assign", ref, stmt[2], out[follow][2])
        else:
            out[index] = ("assign", ref, stmt[2], out[follow][2])
        out[follow] = out[follow][:3] + (rest,) if rest else None  # a loop that only fills is the fill
    if before:
        return [item for position, stmt in enumerate(out)
                for item in ((before[position], stmt) if position in before else (stmt,)) if item is not None]
    return [stmt for stmt in out if stmt is not None]


_FILLS = {"list": "list.append", "set": "set.add", "map": "map.put"}


def _independent(stmt: Low, ref: str) -> bool:
    """Neither ``stmt`` nor anything nested in it names ``ref`` or calls the program's functions (which
    might reach ``ref``), so an empty construction of ``ref`` commutes with it (the loop that fills
    ``ref`` names it, so it is never passed over)."""
    for inner in walk_low([stmt]):
        if inner[0] == "call" and (inner[1].startswith("F:") or _base(inner[2]) == ref):
            return False
        if inner[0] in ("assign", "for", "while") and any(_base(value) == ref for value in inner[1:3]):
            return False
        if inner[0] == "assign" and _base(inner[3]) == ref:
            return False
    return True


def merge_branch_tails(body: list[Low]) -> list[Low]:
    """``if c { A; res.append } else { B; res.append }`` is ``if c { A } else { B }; res.append``: the
    operation both branches end with runs once either way.  Python appends in each branch
    (``res.append(a) if odd else res.append(b)``) where other languages pick the value and write once
    (``res[i] = odd ? a : b``).  A call of the program's own functions stays in its branches: where a
    recursion branches is what its skeleton shows, and trailing ``return f(..)`` exits are still there."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, merge_branch_tails)
        tail: list[Low] = []
        if stmt[0] == "if":
            _, conds, then, orelse = stmt
            while then and orelse and then[-1] == orelse[-1] and then[-1][0] == "call" \
                    and not then[-1][1].startswith("F:"):  # calls of the program's functions keep their branches
                tail.insert(0, then[-1])
                then, orelse = then[:-1], orelse[:-1]
            if tail:
                stmt = ("if", conds, then, orelse)
        out.append(stmt)
        out.extend(tail)
    return out


def drop_fill_loops(body: list[Low]) -> list[Low]:
    """An empty loop right after building a list of that size only initialises it (``new int[n]`` then
    ``for (i..n) dp[i] = i``; Python writes ``list(range(n))`` or ``[i for i in ...]``): drop it.  So is
    an empty loop of constant length right after any construction (``int[] count = new int[26]``)."""
    out: list[Low] = []
    built: dict = {}
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, drop_fill_loops)
        if stmt[0] == "assign" and stmt[2] != "sort":  # a loop over a sorted copy reads it in order
            built[stmt[1]] = stmt[3]
        elif stmt[0] == "for" and not stmt[3] and built and (
                stmt[1] == "const" or stmt[1] == "over" and stmt[2] in built.values()):
            continue
        else:
            built = {}
        out.append(stmt)
    return out


def sort_copy_in_place(body: list[Low]) -> list[Low]:
    """``ys = sorted(xs)`` and ``ys = xs.clone(); Arrays.sort(ys)`` are ``sort(xs)``, as ``xs.sort()`` and
    ``Arrays.sort(xs)`` are: a copy made to be sorted costs less than the sort, so ``ys`` is another name
    for the sorted ``xs`` (translations sort the input in place as often as they sort a copy)."""
    out: list[Low] = []
    renamed: dict[str, str] = {}
    for stmt in body:
        if stmt[0] == "assign":
            renamed.pop(stmt[1], None)  # rebuilt: a collection of its own again
        if renamed:
            stmt = rename_refs(stmt, renamed)
        stmt = map_children(stmt, sort_copy_in_place)
        if stmt[0] == "assign" and stmt[2] == "sort" and _is_ref(stmt[3]) and stmt[3] != stmt[1]:
            renamed[stmt[1]] = stmt[3]
            stmt = ("call", "sort", stmt[3])
            if out and out[-1] == ("call", "copy", stmt[2]):
                out.pop()  # ys = Array.from(xs).sort(): the copy is made to be sorted
        elif stmt[0] == "call" and stmt[1] == "sort" and out and out[-1][0] == "assign" and out[-1][1] == stmt[2] \
                and out[-1][2] in ("copy", "list") and _is_ref(out[-1][3]):
            source = out.pop()[3]
            renamed[stmt[2]] = source
            stmt = ("call", "sort", source)
        elif stmt[0] == "call" and stmt[1] == "sort" and out and out[-1] == ("call", "copy", stmt[2]):
            out.pop()  # sorted(list(xs)), Array.from(xs).sort(): the copy is made to be sorted
        out.append(stmt)
    return out


def _is_ref(ref) -> bool:
    """A reference to a named collection (not None, not the unknown ``_``)."""
    return isinstance(ref, str) and not ref.startswith("_")


def rename_refs(stmt: Low, renamed: dict[str, str]) -> Low:
    """``stmt`` with references to the renamed locals (and their elements) replaced."""
    def ref(value):
        if not isinstance(value, str):
            return value
        base, bracket, rest = value.partition("[")
        return renamed[base] + bracket + rest if base in renamed else value

    def body(stmts: list[Low]) -> list[Low]:
        return [rename_refs(inner, renamed) for inner in stmts]

    kind = stmt[0]
    if kind == "call":
        return (kind, stmt[1], ref(stmt[2]))
    if kind == "assign":
        return (kind, ref(stmt[1]), stmt[2], ref(stmt[3]))
    if kind == "for":
        return (kind, stmt[1], ref(stmt[2]), body(stmt[3]))
    if kind == "while":
        return (kind, ref(stmt[1]), body(stmt[2]))
    if kind == "if":
        return (kind, body(stmt[1]), body(stmt[2]), body(stmt[3]))
    return stmt


def join_fill_loop(body: list[Low]) -> list[Low]:
    """A fresh string builder filled by a loop that only appends each element (``for (String w : words)
    sb.append(w);``) and is not touched afterwards is ``"".join(words)``, Python's and Go's one call."""
    out: list[Low] = []
    index = 0
    while index < len(body):
        stmt = map_children(body[index], join_fill_loop)
        if stmt[0] == "assign" and stmt[2] == "strbuf" and stmt[3] is None and index + 1 < len(body):
            loop = body[index + 1]
            if loop[0] == "for" and loop[1] == "over" and loop[2] not in (None, "_") \
                    and loop[3] == [("call", "strbuf.append", stmt[1])] \
                    and not any(_mentions_ref(later, stmt[1]) for later in walk_low(body[index + 2:])):
                out.append(("call", "str.join", loop[2]))
                index += 2
                continue
        out.append(stmt)
        index += 1
    return out


def _mentions_ref(stmt: Low, ref: str) -> bool:
    values = {"call": (2,), "assign": (1, 3), "for": (2,), "while": (1,)}.get(stmt[0], ())
    return any(isinstance(stmt[i], str) and stmt[i].split("[")[0] == ref for i in values)


def drop_default_init(body: list[Low]) -> list[Low]:
    """``if (!m.containsKey(k)) m.put(k, init);`` right before using ``m[k]`` is Python's ``defaultdict``:
    the lookup that follows does the work, the guarded put is only a default."""
    out: list[Low] = []
    for index, stmt in enumerate(body):
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, drop_default_init)
        if stmt[0] == "if" and not stmt[3] and len(stmt[1]) == 1 and stmt[1][0][1] == "map.has" \
                and stmt[2] == [("call", "map.put", stmt[1][0][2])] and index + 1 < len(body):
            following = body[index + 1]
            if following[0] == "if" and following[1]:
                following = following[1][0]  # (used in the test that follows: if (m.get(k).length === 1))
            if following[0] == "call" and following[1] in ("map.get", "map.put") and following[2] == stmt[1][0][2]:
                continue
        out.append(stmt)
    return out


_GUARDED_INSERTS = {"set.has": "set.add", "map.has": "map.put", "tree.has": "tree.put"}


def drop_membership_guard(body: list[Low]) -> list[Low]:
    """``if x not in seen: seen.add(x)`` is ``seen.add(x)``, and ``if (!m.containsKey(k)) m.put(k, v)`` is
    ``m.putIfAbsent(k, v)`` / ``m.setdefault(k, v)`` / Rust's ``m.entry(k).or_insert(v)``: a membership test
    whose only work is inserting into the collection it tested is that insert (the same O(1) or log n
    either way; translations write the guard or leave it out as they like).  A guard whose branch does
    more (``seen.add(x); queue.push(x)``) or has an ``else`` is a real branch and stays."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, drop_membership_guard)
        if stmt[0] == "if" and stmt[1] and not stmt[3] and len(stmt[2]) == 1 and stmt[2][0][0] == "call" \
                and all(cond[0] == "call" and _GUARDED_INSERTS.get(cond[1]) == stmt[2][0][1]
                        and cond[2] == stmt[2][0][2] for cond in stmt[1]):
            out.append(stmt[2][0])
            continue
        out.append(stmt)
    return out


_LOOKUP_PAIRS = {"map.has": "map.get", "tree.has": "tree.get"}


def drop_heap_peeks(body: list[Low]) -> list[Low]:
    """Reading a heap's top is O(1) indexing (Python's ``h[0]``, C++'s ``pq.top()`` before every
    ``pq.pop()``, Rust's ``peek()``) that some libraries spell as a call (``peek()``, ``front()``): it goes,
    in statements and conditions alike, so the pushes and pops alone describe the heap's use."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] == "call" and stmt[1] == "heap.top":
            continue
        stmt = map_children(stmt, drop_heap_peeks)
        if stmt[0] == "if":
            stmt = ("if", [c for c in stmt[1] if c[1] != "heap.top"], stmt[2], stmt[3])
        out.append(stmt)
    return out


def _merge_lookups(calls: list[Low]) -> list[Low]:
    out: list[Low] = []
    for index, stmt in enumerate(calls):
        following = calls[index + 1] if index + 1 < len(calls) else None
        if stmt[0] == "call" and stmt[1] in _LOOKUP_PAIRS and following is not None \
                and following == ("call", _LOOKUP_PAIRS[stmt[1]], stmt[2]):
            continue
        out.append(stmt)
    return out


def merge_checked_lookup(body: list[Low]) -> list[Low]:
    """``d.ContainsKey(k) ? d[k] : 0`` (C#, Java, C++ ``count(k) ? m[k] : 0``) is Python's ``d.get(k, 0)``:
    a membership test immediately followed by a read of the same key is one lookup with a default, so the
    test goes (statements and condition lists alike; both are O(1) on a hash map, log n on a tree)."""
    merge = _merge_lookups
    out: list[Low] = []
    for stmt in merge(body):
        stmt = map_children(stmt, merge_checked_lookup)
        if stmt[0] == "if":
            _, conds, then, orelse = stmt
            if orelse and conds and conds[-1][1] in _LOOKUP_PAIRS and then[1:] == orelse and \
                    then[:1] == [("call", _LOOKUP_PAIRS[conds[-1][1]], conds[-1][2])]:
                # ``if (m.ContainsKey(k)) m[k]++; else m[k] = 1;``: both branches do the same but for the
                # guarded lookup, which is ``m[k] = m.get(k, 0) + 1`` (lower's ``_checked_lookup`` for ``?:``)
                out += conds[:-1] + then
                continue
            stmt = ("if", merge(stmt[1]), stmt[2], stmt[3])
        out.append(stmt)
    return out


def fold_max_update(body: list[Low]) -> list[Low]:
    """``if m[c] > best { best = m[c] }`` (Go, C, Rust write the max by hand) is Python's ``best = max(best,
    m[c])``: an ``if`` without ``else`` whose body only repeats the library reads its test makes (no exit,
    no helper call, no other work) is that one update, so the reads stay, once, and the branch goes."""
    out: list[Low] = []
    for stmt in body:
        stmt = map_children(stmt, fold_max_update)
        if stmt[0] == "if" and stmt[1] and not stmt[3] and sorted(map(repr, stmt[2])) == sorted(
                map(repr, stmt[1])) and all(part[0] == "call" and not str(part[1]).startswith("F:")
                                            for part in stmt[2]):
            out += stmt[2]
            continue
        out.append(stmt)
    return out


def reduce_as_loop(body: list[Low]) -> list[Low]:
    """A one-pass library call used as a statement (``max(nums)``, ``sum(xs)``) is the loop that other
    languages write by hand (``for (int x : nums) best = Math.max(best, x);``): give both one form."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, reduce_as_loop)
        if stmt[0] == "call" and stmt[1] == "reduce" and stmt[2] not in (None, "_"):
            stmt = ("for", "over", stmt[2], [])
        elif stmt[0] == "if" and any(c[1] == "reduce" and c[2] not in (None, "_") for c in stmt[1]):
            # if sum(xs) % 2: the pass runs before the test, as the loop that sums first does elsewhere
            out += [("for", "over", c[2], []) for c in stmt[1] if c[1] == "reduce" and c[2] not in (None, "_")]
            stmt = ("if", [c for c in stmt[1] if not (c[1] == "reduce" and c[2] not in (None, "_"))],
                    stmt[2], stmt[3])
        out.append(stmt)
    return out


_INSERTS = frozenset({"map.put", "set.add", "list.append", "deque.push", "deque.pushfront", "heap.push",
                      "tree.put", "strbuf.append", "linked.push", "stack.push", "queue.push"})


def absorb_initial_inserts(body: list[Low]) -> list[Low]:
    """Insertions right after a container is built, before anything else happens, are part of building
    it: Python writes ``count = {0: 1}`` or ``deque([root])`` where Java writes ``new HashMap<>()`` then
    ``count.put(0, 1)`` or ``queue.offer(root)``.  A constant number of them costs nothing.  Runs after
    ``refine_containers``, so the absorbed pushes still tell a queue from a stack."""
    out: list[Low] = []
    fresh: set = set()
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, absorb_initial_inserts)
        if stmt[0] == "assign":
            fresh.add(stmt[1])
        elif stmt[0] == "call" and stmt[1] in _INSERTS and stmt[2] in fresh:
            continue
        elif stmt[0] == "if" and fresh and not stmt[1] and not stmt[3] and stmt[2] and all(
                s[0] == "call" and s[1] in _INSERTS and s[2] in fresh for s in stmt[2]):
            continue  # if (root != null) q.offer(root), Rust's if let Some(r) = root { q.push_back(r) }
        else:
            fresh = set()
        out.append(stmt)
    return out


def drop_input_guard(name: str, body: list[Low]) -> list[Low]:
    """``if (root == null) return res;`` at the top of a non-recursive function is an O(1) answer for
    trivial input, written in some languages and implied in others (Python's ``while q`` over
    ``deque([root])``): drop it.  Recursive functions keep theirs (it is the base case).  Every such
    guard before the first real work goes (``if (n == 0) return 0; if (n <= 2) return 1;``), also after
    the constructions some translations declare first (``res = []`` then ``if (!root) return res``)."""
    guard = ("if", [], [("exit", "return")], [])
    if guard not in body:
        return body
    if any(stmt[0] == "call" and stmt[1] == f"F:{name}" for stmt in walk_low(body)):
        return body
    index = 0
    while index < len(body) and body[index][0] == "assign" or index < len(body) and body[index] == guard:
        index += 1
    return [stmt for stmt in body[:index] if stmt != guard] + body[index:]


def drop_returned_copy(name: str, body: list[Low]) -> list[Low]:
    """A list built from a local set or map as a function's last step and never used after it only hands
    the result over in the caller's type: Go's ``res := []int{}; for k := range set { res = append(res, k) }``
    (``res = list(set)``) for Python's ``return list(res)``, whose final copy the lowering already drops
    (``returned_ops``).  Recursive functions keep it (a copy per call is work), as there."""
    if not body or body[-1][0] != "assign" or body[-1][2] not in ("list", "copy") or not _is_ref(body[-1][3]) \
            or not body[-1][1].startswith("V:") or not body[-1][3].startswith("V:") \
            or _base(body[-1][3]) == body[-1][1]:
        return body
    if any(stmt[0] == "call" and stmt[1] == f"F:{name}" for stmt in walk_low(body)):
        return body
    # only a set's or map's elements put in a list (a list copied from a list may transform each element,
    # ``ans[i] = res.get(i) * res.get(i)``, which the folded ``v = list(res)`` no longer shows)
    source = body[-1][3]
    if not any(stmt[0] == "assign" and stmt[1] == source and stmt[2] in ("set", "map", "tree") for stmt in walk_low(body)):
        return body
    return body[:-1]


_KEY_OPS = frozenset({"map.get", "map.put"})


def indexed_tables(name: str, body: list[Low], params: list[tuple[str, str]] = ()) -> tuple[list[Low], list]:
    """A table of buckets keyed by small numbers is one form, whether a map or an array of empty lists:
    Python's ``adj = defaultdict(list)`` / ``{i: [] for i in range(n)}`` / ``[[] for _ in range(n)]``
    against Java's ``List<List<Integer>> adj`` prefilled with ``n`` lists or ``computeIfAbsent`` (C++
    ``vector<vector<int>> adj(n)``, Go ``make([][]int, n)``, Rust ``vec![vec![]; n]``).  Each access costs
    O(1) either way, so the canonical form is the array's, without a size: ``v = list()``, no operation
    per access (``map.get(v); list.append(v[])`` is ``list.append(v[])``), and a parameter holding one
    (only looked up, its buckets walked) is a ``seq``.

    A table qualifies when something is inserted into its buckets, they are read (walked here, or by a
    helper the table is handed to: a graph, not groups collected for the answer, whose map a Python
    ``return list(groups.values())`` reads out of sight), and the table itself is only looked up
    (nobody iterates it, tests it for membership, deletes from it, copies it or adds buckets to it: those
    costs differ between the forms), and it is built once, at the top of a function that does not
    recurse.  Dropping the array's O(n) construction hides no cost there: the graph algorithm that fills
    the buckets visits the n nodes anyway.  A table built inside a loop or once per call keeps its form
    and size, as do tables of numbers (counts, DP rows)."""
    exact: dict[str, set] = {}
    buckets: set = set()  # tables whose elements are collections something is inserted into
    built: dict[str, int] = {}
    recursive = helpers = False
    for stmt in walk_low(body):
        kind = stmt[0]
        if kind == "call":
            if isinstance(stmt[2], str):
                exact.setdefault(stmt[2], set()).add(stmt[1])
                if stmt[2].endswith("[]") and stmt[1] in _INSERTS:
                    buckets.add(stmt[2][:-2])
            recursive = recursive or stmt[1] == f"F:{name}"
            helpers = helpers or stmt[1].startswith("F:")
        elif kind == "assign":
            exact.setdefault(stmt[1], set()).add("<assign>")
            built[stmt[1]] = built.get(stmt[1], 0) + 1
            if isinstance(stmt[3], str):
                exact.setdefault(stmt[3], set()).add("<source>")
        elif kind == "for":
            exact.setdefault(stmt[2], set()).add("<iterate>")
        elif kind == "while":
            exact.setdefault(stmt[1], set()).add("<iterate>")
    tables: dict[str, str | None] = {}  # ref -> the size its construction keeps (none)
    for stmt in body:
        if stmt[0] != "assign" or not stmt[1].startswith("V:") or stmt[2] not in ("list", "map") \
                or recursive or "[" in stmt[1]:
            continue
        walked = helpers or any(use not in _INSERTS for use in exact.get(stmt[1] + "[]", ()))
        if stmt[1] in buckets and built[stmt[1]] == 1 and walked \
                and exact[stmt[1]] - {"<assign>"} <= (_KEY_OPS if stmt[2] == "map" else set()):
            tables[stmt[1]] = None
    kinds = list(params)
    for position, (param, kind) in enumerate(kinds):
        ref = f"P:{param}"
        if kind == "map" and exact.get(ref) and exact[ref] <= {"map.get"} and f"{ref}[]" in exact:
            tables[ref] = None
            kinds[position] = (param, "seq")
    if not tables:
        return body, list(params)
    return _as_arrays(body, tables), kinds


def _as_arrays(body: list[Low], tables: dict) -> list[Low]:
    out: list[Low] = []
    for stmt in body:
        if stmt[0] == "call" and stmt[2] in tables and stmt[1] in _KEY_OPS:
            continue
        if stmt[0] == "assign" and stmt[1] in tables:
            stmt = ("assign", stmt[1], "list", tables[stmt[1]])
        elif stmt[0] == "if":
            stmt = ("if", [c for c in stmt[1] if not (c[2] in tables and c[1] in _KEY_OPS)],
                    _as_arrays(stmt[2], tables), _as_arrays(stmt[3], tables))
        elif stmt[0] in _NESTED:
            stmt = map_children(stmt, lambda inner: _as_arrays(inner, tables))
        out.append(stmt)
    return out


def guard_base_case(name: str, body: list[Low], kinds=()) -> list[Low]:
    """A recursive function over a node (``kinds``: its parameters' kinds) ending in ``if c { work }`` (no
    ``else``; the recursion inside) is the base case written the other way round: Rust's ``if let
    Some(n) = node { dfs(&n.left) .. }`` (or a tail ``if let .. { .. } else { 0 }``), Python's ``if not
    node: return``.  The canonical form is the guard ``if c { return }; work`` (the skeleton keeps no
    negation).  Recursions on numbers keep their shape (``if p[x] != x { p[x] = find(p[x]) }`` is
    union-find's find for the cost model, a guard form is a chain N deep)."""
    if "node" not in kinds or not body or body[-1][0] != "if" or body[-1][3] or not body[-1][2]:
        return body
    _, conds, then, _ = body[-1]
    if not any(stmt[0] == "call" and stmt[1] == f"F:{name}" for stmt in walk_low(then)):
        return body
    return drop_trailing_return(body[:-1] + [("if", conds, [("exit", "return")], [])] + then)


# Assignments that build a local sequence: a halving loop over such a local searches a collection.
_SEQUENCE_BUILDS = frozenset({"list", "strbuf", "sort", "copy", "slice", "reverse"})
_SEQUENCE_USES = frozenset({"sort", "reverse", "bsearch"})


def halving_search(body: list[Low], params=()) -> list[Low]:
    """A halving loop with no work inside (``while lo <= hi: mid = ..``, its comparisons O(1) detail)
    whose domain is a collection (``params``: the function's ``(name, kind)``; a ``seq``/``str``
    parameter, a local only ever built as a list or string, or a reference sorted here) is a binary search over that collection:
    the library's ``bsearch(x)`` (``bisect_left``, ``std::lower_bound``, ``sort.Search``).  Translations
    write either, at one cost (log n).  A halving loop over a number (a search on the answer space, a
    digit loop), over a grid, over a reference of unknown kind, or with work inside stays a loop."""
    sequences = {f"P:{name}" for name, kind in params if kind in ("seq", "str")}
    builds: dict[str, bool] = {}
    for stmt in walk_low(body):
        if stmt[0] == "assign" and stmt[1] is not None:
            builds[stmt[1]] = builds.get(stmt[1], True) and stmt[2] in _SEQUENCE_BUILDS
    sequences |= {ref for ref, built in builds.items() if built}
    # a reference sorted, reversed or searched here is a sequence whatever its declared kind (``def
    # f(nums)`` that only calls ``sorted(nums)`` leaves ``nums`` untyped)
    sequences |= {stmt[2] for stmt in walk_low(body) if stmt[0] == "call" and stmt[1] in _SEQUENCE_USES}
    # a grid (its rows ``x[]`` named) has no library search: a halving loop over it stays a loop
    sequences -= {part.partition("[")[0] for stmt in walk_low(body) for part in stmt[1:]
                  if isinstance(part, str) and "[" in part}

    def rewrite(stmts: list[Low]) -> list[Low]:
        out: list[Low] = []
        for stmt in stmts:
            stmt = map_children(stmt, rewrite)
            if stmt[0] == "for" and stmt[1] == "log" and not stmt[3] and stmt[2] in sequences:
                stmt = ("call", "bsearch", stmt[2])
            out.append(stmt)
        return out

    return rewrite(body) if sequences else body


def order_constructions(body: list[Low]) -> list[Low]:
    """Consecutive independent constructions (``seen = set(); res = []``) commute: order each run by
    where the built collections are first used, so declaration order does not decide local names."""
    out: list[Low] = []
    index = 0
    while index < len(body):
        stmt = map_children(body[index], order_constructions)
        if stmt[0] != "assign":
            out.append(stmt)
            index += 1
            continue
        end = index
        while end < len(body) and body[end][0] == "assign":
            end += 1
        run = [body[i] for i in range(index, end)]
        # an empty construction rebuilt before any use is dead (C++ ``vector<int> res;`` then ``res.clear()``)
        run = [s for k, s in enumerate(run) if s[3] is not None or not any(
            t[1] == s[1] and _base(t[3]) != s[1] for t in run[k + 1:])]
        targets = {s[1] for s in run}
        if len(run) > 1 and not any(_base(s[3]) in targets for s in run):
            uses = _first_uses(body[end:])
            run = sorted(run, key=lambda s: uses.get(s[1], len(uses) + 1))
        out.extend(run)
        index = end
    return out


def _base(ref):
    return ref.split("[")[0] if isinstance(ref, str) else ref


def _first_uses(body: list[Low]) -> dict[str, int]:
    uses: dict[str, int] = {}
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        refs: list = []
        if stmt[0] == "call":
            refs = [stmt[2]]
        elif stmt[0] == "assign":
            refs = [stmt[3], stmt[1]]
        elif stmt[0] == "for":
            refs = [stmt[2]]
            stack.extend(reversed(stmt[3]))
        elif stmt[0] == "while":
            refs = [stmt[1]]
            stack.extend(reversed(stmt[2]))
        elif stmt[0] == "if":
            stack.extend(reversed(stmt[1] + stmt[2] + stmt[3]))
        for ref in refs:
            base = _base(ref)
            if base is not None and base not in uses:
                uses[base] = len(uses)
    return uses


# --------------------------------------------------------------------------- container refinement

_STACK_OPS = {"list.append": "stack.push", "list.pop": "stack.pop", "deque.push": "stack.push",
              "deque.pop": "stack.pop"}
_STACK_FRONT_OPS = {"deque.pushfront": "stack.push", "deque.popfront": "stack.pop"}
_QUEUE_OPS = {"list.append": "queue.push", "list.popfront": "queue.pop", "deque.push": "queue.push",
              "deque.popfront": "queue.pop"}
_QUEUE_FRONT_OPS = {"deque.pushfront": "queue.push", "deque.pop": "queue.pop"}
# a list popped at both ends (Go's and Swift's monotonic queues: ``q = q[1:]`` and ``q = q[:len(q)-1]``) is
# the double-ended queue Python writes with collections.deque
_DEQUE_OPS = {"list.append": "deque.push", "list.pop": "deque.pop", "list.popfront": "deque.popfront"}
_HEAP_OPS = frozenset({"heap.push", "heap.pop", "heap.top"})


def drop_constant_functions(functions: dict[str, list[Low]], memo: dict[str, bool]) -> dict[str, list[Low]]:
    """A function whose skeleton is empty does O(1) work, so a call to it is O(1) detail like any other
    O(1) step: the calls go, and so does the function (a node class's constructor, a field-storing
    ``__init__``, an ``inBounds(r, c)`` helper that one translation writes inline).  Repeated until no
    function empties; memo functions stay, and a program whose every function is empty is unchanged
    (its skeleton says exactly that)."""
    result = dict(functions)
    while True:
        empty = {f"F:{name}" for name, body in result.items() if not body and not memo.get(name)}
        if not empty or len(empty) == len(result):
            return result if len(result) < len(functions) else functions
        result = {name: drop_empty_branches(_drop_calls(body, empty))
                  for name, body in result.items() if f"F:{name}" not in empty}


def _drop_calls(body: list[Low], calls: set[str]) -> list[Low]:
    out: list[Low] = []
    for stmt in body:
        if stmt[0] == "call" and stmt[1] in calls:
            continue
        if stmt[0] == "if":
            stmt = ("if", [c for c in stmt[1] if c[1] not in calls], _drop_calls(stmt[2], calls),
                    _drop_calls(stmt[3], calls))
        elif stmt[0] in _NESTED:
            stmt = map_children(stmt, lambda inner: _drop_calls(inner, calls))
        out.append(stmt)
    return out


def refine_containers(functions: dict[str, list[Low]]) -> dict[str, list[Low]]:
    """Name a list or deque by how the whole program uses it: only one end -> stack, push at one end and
    pop at the other -> queue.  Python's ``stack = []`` and Java's ``ArrayDeque`` used with push/pop then
    agree, and so do ``deque.popleft`` and ``Queue.poll``."""
    usage: dict[str, Counter] = {}
    constructed: dict[str, str] = {}
    for body in functions.values():
        for stmt in walk_low(body):
            if stmt[0] == "call" and stmt[2] is not None and "." in stmt[1]:
                usage.setdefault(stmt[2], Counter())[stmt[1]] += 1
            elif stmt[0] == "assign":
                constructed[stmt[1]] = stmt[2]
    renames: dict[str, dict[str, str]] = {}
    for ref, ops in usage.items():
        ops_used = set(ops)
        if not ops_used or not any(op.endswith(("pop", "popfront")) for op in ops_used):
            continue
        if ops_used <= _HEAP_OPS:  # heapq on a list (a field built in __init__): a PriorityQueue
            renames[ref] = {"__kind__": "heap"}
            continue
        # a deque some of whose operations are spelt as a list's (an untyped parameter's ``append``/``pop``
        # on a deque the caller built): the list operations are the deque's, at the same ends
        as_deque = {op: _DEQUE_OPS.get(op, op) for op in ops_used} \
            if ops_used & _DEQUE_OPS.keys() and any(op.startswith("deque.") for op in ops_used) else {}
        for table, kind in ((_STACK_OPS, "stack"), (_STACK_FRONT_OPS, "stack"), (_QUEUE_OPS, "queue"),
                            (_QUEUE_FRONT_OPS, "queue"), (_DEQUE_OPS, "deque")):
            if {as_deque.get(op, op) for op in ops_used} <= set(table):
                renames[ref] = dict({op: table[as_deque.get(op, op)] for op in ops_used}, __kind__=kind)
                break
        else:
            if as_deque:
                renames[ref] = dict(as_deque, __kind__="deque")
    if not renames:
        return functions
    return {name: _rename_ops(body, renames) for name, body in functions.items()}


def refine_string_builders(functions: dict[str, list[Low]]) -> dict[str, list[Low]]:
    """A list that is only appended to and then joined into a string is a string builder: Python's
    ``parts.append(c)`` ... ``"".join(parts)`` and Java's ``StringBuilder.append`` ... ``toString()`` agree
    (the final join / toString is the builder's one O(n) read, left implicit in both)."""
    usage: dict[str, Counter] = {}
    for body in functions.values():
        for stmt in walk_low(body):
            if stmt[0] == "call" and stmt[2] is not None:
                usage.setdefault(stmt[2], Counter())[stmt[1]] += 1
            elif stmt[0] in ("for", "while") and stmt[2] is not None and stmt[0] == "for":
                usage.setdefault(stmt[2], Counter())["<iterated>"] += 1
    builders = {ref for ref, ops in usage.items()
                if ops.get("str.join") and ops.get("list.append") and set(ops) <= {"list.append", "str.join"}}
    if not builders:
        return functions
    return {name: _to_builder(body, builders) for name, body in functions.items()}


def _to_builder(body: list[Low], builders: set) -> list[Low]:
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, lambda inner: _to_builder(inner, builders))
        if stmt[0] == "call" and stmt[2] in builders:
            if stmt[1] == "str.join":
                continue
            stmt = ("call", "strbuf.append", stmt[2])
        elif stmt[0] == "assign" and stmt[1] in builders and stmt[2] == "list":
            stmt = ("assign", stmt[1], "strbuf", stmt[3])
        elif stmt[0] == "if":
            conds = [c for c in stmt[1] if not (c[2] in builders and c[1] == "str.join")]
            conds = [("call", "strbuf.append", c[2]) if c[2] in builders else c for c in conds]
            stmt = ("if", conds, stmt[2], stmt[3])
        out.append(stmt)
    return out


def _rename_ops(body: list[Low], renames: dict[str, dict[str, str]]) -> list[Low]:
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, lambda inner: _rename_ops(inner, renames))
        if stmt[0] == "call" and stmt[2] in renames:
            stmt = ("call", renames[stmt[2]].get(stmt[1], stmt[1]), stmt[2])
        elif stmt[0] == "assign" and stmt[1] in renames and stmt[2] in ("list", "deque"):
            stmt = ("assign", stmt[1], renames[stmt[1]]["__kind__"], stmt[3])
        elif stmt[0] == "if":
            conds = [(c[0], renames[c[2]].get(c[1], c[1]), c[2]) if c[2] in renames else c for c in stmt[1]]
            stmt = ("if", conds, stmt[2], stmt[3])
        out.append(stmt)
    return out


# ----------------------------------------------------------------------------------------- helpers


# kinds of statements that hold bodies: only these need ``map_children`` (callers test first, which
# saves a call per plain statement in every pass)
_NESTED = frozenset({"for", "while", "if"})


def map_children(stmt: Low, function: Pass) -> Low:
    """``stmt`` with ``function`` applied to each block nested directly in it (loop bodies, if branches)."""
    kind = stmt[0]
    if kind == "for":
        return stmt[:3] + (function(stmt[3]),)
    if kind == "while":
        return stmt[:2] + (function(stmt[2]),)
    if kind == "if":
        return ("if", stmt[1], function(stmt[2]), function(stmt[3]))
    return stmt


walk = walk_low  # re-exported by skeldsl.normalise


def flatten_else_after_exit(body: list[Low]) -> list[Low]:
    """``if c { ...; return } else { rest }`` is ``if c { ...; return }; rest``: whether the other branch
    is written in an ``else`` (Rust's tail ``if``, ``else if`` chains) or after the ``if`` is a habit."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, flatten_else_after_exit)
        if stmt[0] == "if" and stmt[3] and stmt[2] and always_exits(stmt[2][-1]):
            out.append(("if", stmt[1], stmt[2], []))
            out += stmt[3]
            continue
        out.append(stmt)
    return out


def drop_redundant_exit_branch(body: list[Low]) -> list[Low]:
    """``if c { return }; return`` is ``return``: branches that differ only in the value they return
    (Go and C's ``if (c) return 1; return 0;`` for Python's ``return 1 if c else 0``)."""
    out: list[Low] = []
    for stmt in body:
        if stmt[0] in _NESTED:
            stmt = map_children(stmt, drop_redundant_exit_branch)
        if stmt[0] == "exit":
            while out and out[-1][0] == "if" and not out[-1][1] and out[-1][2] == [stmt] and not out[-1][3]:
                out.pop()
        out.append(stmt)
    return out


_SIZED_COPIES = frozenset({"list", "copy", "sort", "reverse", "slice", "map", "set", "tree", "deque", "heap",
                           "strbuf", "linked"})


def loop_over_source(body: list[Low]) -> list[Low]:
    """``for`` over a local built once from ``xs`` (``arr = sorted(xs)``, ``chars = list(s)``,
    ``dp = [0] * (n + 1)``, ``cnt = Counter(xs)``) walks a domain of ``xs``'s size: name it ``xs``, as the
    translation that loops ``for (i = 0; i < xs.length; i++)`` over the original does.  Only locals with
    one construction qualify (a local rebuilt in a loop has no single source)."""
    built: dict[str, str | None] = {}
    for stmt in walk_low(body):
        if stmt[0] == "assign" and isinstance(stmt[1], str) and stmt[1].startswith("V:"):
            source = stmt[3] if stmt[2] in _SIZED_COPIES and isinstance(stmt[3], str) and \
                stmt[3] != stmt[1] and not stmt[3].startswith("V:" + stmt[1][2:] + "[") else None
            built[stmt[1]] = None if stmt[1] in built else source
    if not any(built.values()):
        return body

    def root(ref: str) -> str:
        seen = {ref}
        while built.get(ref) and built[ref] not in seen:
            ref = built[ref]
            seen.add(ref)
        return ref

    def rewrite(stmts: list[Low]) -> list[Low]:
        out: list[Low] = []
        for stmt in stmts:
            stmt = map_children(stmt, rewrite)
            if stmt[0] == "for" and stmt[1] in ("over", "log", "subsets") and stmt[2] in built:
                stmt = (stmt[0], stmt[1], root(stmt[2]), stmt[3])
            out.append(stmt)
        return out

    return rewrite(body)


_CONTINUE = ("exit", "continue")


def nest_continue_guards(body: list[Low]) -> list[Low]:
    """``if c { continue }; rest`` at the end of a loop body is ``if !c { rest }`` (Python's guard clause
    and Java's nested block are one habit apart): the rest nests under the ``if`` (``if c { X; continue };
    rest`` becomes ``if c { X } else { rest }``), so ``continue`` is kept only where it skips work that
    nesting cannot express.  The skeleton keeps no negation, so both spellings give ``if c { rest }``."""
    out: list[Low] = []
    for stmt in body:
        stmt = map_children(stmt, nest_continue_guards)
        if stmt[0] in ("for", "while"):
            stmt = stmt[:-1] + (_nest_tail(stmt[-1]),)
        out.append(stmt)
    return out


def _nest_tail(body: list[Low]) -> list[Low]:
    """``body`` ends where the loop's next pass begins (a loop body, or the last ``if``'s branches)."""
    out: list[Low] = []
    for index, stmt in enumerate(body):
        if stmt[0] == "if":
            _, conds, then, orelse = stmt
            rest = body[index + 1:]
            if then and then[-1] == _CONTINUE and _CONTINUE not in orelse[-1:]:
                return out + [("if", conds, _nest_tail(then[:-1]), _nest_tail(orelse + rest))]
            if orelse and orelse[-1] == _CONTINUE and _CONTINUE not in then[-1:]:
                return out + [("if", conds, _nest_tail(then + rest), _nest_tail(orelse[:-1]))]
            if not rest:
                stmt = ("if", conds, _nest_tail(then), _nest_tail(orelse))
        out.append(stmt)
    return out


def merge_nested_conditions(body: list[Low]) -> list[Low]:
    """``if a { if b { X } }`` (nothing else in either) is ``if a && b { X }``: one condition whatever the
    nesting habit (Java's ``if (a) continue; if (b) continue;`` guards nest this way, Python writes
    ``if a or b: continue``); the operations of both tests are kept, in order."""
    out: list[Low] = []
    for stmt in body:
        stmt = map_children(stmt, merge_nested_conditions)
        while stmt[0] == "if" and not stmt[3] and len(stmt[2]) == 1 and stmt[2][0][0] == "if" and not stmt[2][0][3]:
            inner = stmt[2][0]
            # (a membership test then a read of the key is one lookup, as merge_checked_lookup says)
            stmt = ("if", _merge_lookups(stmt[1] + inner[1]), inner[2], [])
        out.append(stmt)
    return out


def fold_loop_bound_test(body: list[Low]) -> list[Low]:
    """``for i in range(1, n): if i * i > n: break`` is Java's ``for (i = 1; i * i <= n; i++)``: a bare
    break test first in a ``for`` body is part of the loop's bound, which C-style headers hold and the
    skeleton does not print.  Tests with operations (``if seen.has(x) break``) stay."""
    out: list[Low] = []
    for stmt in body:
        stmt = map_children(stmt, fold_loop_bound_test)
        if stmt[0] == "for" and stmt[3] and stmt[3][0] == ("if", [], [_BREAK], []):
            stmt = stmt[:3] + (stmt[3][1:],)
        out.append(stmt)
    return out


def merge_exit_guards(body: list[Low]) -> list[Low]:
    """``if a { return }; if b { return }`` is ``if a || b { return }`` (Go and Java test ``root == nil ||
    root == p`` in one guard, Python often in two): consecutive guards with the same lone exit merge,
    their tests' operations kept in order."""
    out: list[Low] = []
    for stmt in body:
        stmt = map_children(stmt, merge_exit_guards)
        if stmt[0] == "if" and not stmt[3] and len(stmt[2]) == 1 and stmt[2][0][0] == "exit" and out \
                and out[-1][0] == "if" and not out[-1][3] and out[-1][2] == stmt[2]:
            stmt = ("if", out.pop()[1] + stmt[1], stmt[2], [])
        out.append(stmt)
    return out


_BREAK = ("exit", "break")


def fold_break_guard(body: list[Low]) -> list[Low]:
    """``while q { if c { X } else { break } }`` and ``while q { if c { break }; X }`` are ``while q && c``
    written with a ``break``, and a break test last is a do-while's test (Rust's ``while let Some(&t) = st.last() { if .. { st.pop(); } else { break } }``,
    ``while (true) { if (!c) break; ... }``): the test's own operations are dropped for every ``while``
    (the loop is the work), so the guard's are too.  ``for`` loops keep their breaks (a bounded domain
    cut short is an early exit)."""
    out: list[Low] = []
    for stmt in body:
        stmt = map_children(stmt, fold_break_guard)
        if stmt[0] == "while":
            loop_body = stmt[2]
            if len(loop_body) == 1 and loop_body[0][0] == "if":
                _, _, then, orelse = loop_body[0]
                if orelse == [_BREAK] and _BREAK not in then:
                    loop_body = then
                elif then == [_BREAK] and _BREAK not in orelse:
                    loop_body = orelse
            else:  # a break test first (``while`` written as ``loop``) or last (a do-while)
                if loop_body and loop_body[0][0] == "if" and loop_body[0][2] == [_BREAK] and not loop_body[0][3]:
                    loop_body = loop_body[1:]
                if loop_body and loop_body[-1][0] == "if" and loop_body[-1][2] == [_BREAK] and not loop_body[-1][3]:
                    loop_body = loop_body[:-1]
            stmt = stmt[:2] + (loop_body,)
        out.append(stmt)
    return out


FUNCTION_PASSES: tuple[Pass, ...] = (
    reduce_as_loop,
    merge_checked_lookup,
    fold_max_update,
    drop_heap_peeks,
    drop_default_init,
    drop_membership_guard,
    nest_continue_guards,  # before sized_by_append_loop: an append after a continue guard is conditional
    merge_branch_tails,
    sized_by_append_loop,
    drop_fill_loops,
    sort_copy_in_place,
    join_fill_loop,
    loop_over_source,
    prune_unreachable,
    flatten_else_after_exit,
    drop_redundant_exit_branch,
    drop_trailing_return,
    order_exit_branches,
    drop_trailing_continue,
    drop_empty_branches,
    merge_nested_conditions,
    merge_exit_guards,
    fold_break_guard,
    fold_loop_bound_test,
    prune_unreachable,
)
