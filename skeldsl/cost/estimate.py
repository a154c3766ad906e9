"""Skeleton -> big-O per function: loop nesting and domains, operation costs, recursion, amortisation.

Sizes.  Every parameter that can have a size (not ``bool`` / ``fn``) gets a letter in order (``n``, ``m``,
``k`` ...): the length of a sequence or string, the number of keys of a map, the value of a number.  An
element of a parameter (``p0[]``, a row of a grid, one word of a list) gets the next letter when first
used; so do fields (``s0``) a function reads but does not build.  Locals are sized by what fills them: a
constructor from another collection has its size; every insertion adds the number of times it runs (a map
filled inside ``for p0`` has size ``n``).  The *input size* ``N`` is the sum of the parameters' sizes
(a grid counts ``n m``); it stands in where the skeleton cannot name a size (``_``, results of calls).

Rules, each named in ``FunctionCost.notes`` when it fires:

* loops multiply: ``for X`` runs |X| times, ``for log(X)`` log |X|, ``for const`` O(1);
* amortisation inside a loop over a collection: a condition loop (``while {``: two pointers, sliding
  window) or a worklist loop over a stack the enclosing loop pushes (monotonic stack) runs O(1) times per
  outer iteration on average, because its total work is bounded by the outer loop's pushes/pointer moves;
* a worklist (``while v0 {`` with pushes into ``v0`` inside it: BFS, iterative DFS, Dijkstra) runs O(N)
  times in total and its loops over adjacency (``X[]``, ``_``) are amortised into that total;
* a top-level ``while {`` in a function over a sequence is read as a two-pointer scan, O(N); over numbers
  only it is undecidable and the function's cost is unknown;
* recursion: memoised (``@memo``, or a ``has`` check guarding a collection the function also fills) costs
  states x work per state, states = product of the numeric parameters; recursion on a tree ``node`` or
  along adjacency lists visits each node once; one self-call per activation recurses N deep; b >= 2 calls
  per activation with at least linear work in between is divide and conquer (N log N), otherwise b^N;
  a self-call inside a loop over a collection is backtracking: N! with a membership guard, else 2^N.

The program's cost is the sum of its root functions (those no other function calls; ``f0`` for a plain
solution, every method of a class), each including its callees.  Unknown propagates with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from skeldsl import model
from skeldsl.cost import algebra
from skeldsl.cost.algebra import ONE, ZERO, BigO, coarse_class
from skeldsl.vocabulary import CONSTRUCTORS, OPERATIONS, is_user_function

_LETTERS = ("n", "m", "k", "q", "r", "t", "u", "w", "x", "y", "z", "a", "b", "c", "d")
_UNSIZED_KINDS = ("bool", "fn")
_ADDS = frozenset({
    "map.put", "set.add", "list.append", "list.insert", "list.extend", "stack.push", "queue.push",
    "deque.push", "deque.pushfront", "heap.push", "tree.put", "linked.push", "strbuf.append", "str.concat",
})
_REMOVES = frozenset({
    "map.del", "set.del", "list.pop", "list.popfront", "list.del", "stack.pop", "queue.pop", "deque.pop",
    "deque.popfront", "heap.pop", "tree.del", "linked.pop",
})
_POPS = frozenset({"stack.pop", "queue.pop", "deque.pop", "deque.popfront", "heap.pop", "list.pop",
                   "list.popfront", "linked.pop"})
_WHOLE_PASSES = frozenset({"copy", "slice", "reverse", "reduce", "str.join"})
_ELEMENT_WALKS = frozenset({"str.split", "str.find", "str.replace", "str.join", "sort", "slice", "copy", "reverse"})
_HAS = frozenset({"map.has", "set.has", "list.has", "tree.has", "map.get"})


class _Unknown(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FunctionCost:
    """The cost of one function including its callees; ``cost`` is None when unknown (see ``reason``)."""

    name: str
    cost: BigO | None
    reason: str | None = None
    notes: tuple[str, ...] = ()
    sizes: tuple[tuple[str, str], ...] = ()
    traversal: bool = False  # visits each state once through shared visited/worklist/memo state
    fills_param: bool = False  # inserts into a collection it receives (collects results for its caller)

    @property
    def known(self) -> bool:
        return self.cost is not None

    def to_record(self) -> dict[str, Any]:
        return {
            "function": self.name,
            "cost": str(self.cost) if self.cost is not None else "unknown",
            "class": str(coarse_class(self.cost)) if self.cost is not None else None,
            "reason": self.reason,
            "notes": list(self.notes),
            "sizes": dict(self.sizes),
        }


@dataclass(frozen=True)
class ProgramCost:
    """Per-function costs and the program's: the sum over its root functions."""

    cost: BigO | None
    reason: str | None
    roots: tuple[str, ...]
    functions: tuple[FunctionCost, ...]

    @property
    def known(self) -> bool:
        return self.cost is not None

    def function(self, name: str) -> FunctionCost:
        for item in self.functions:
            if item.name == name:
                return item
        raise KeyError(name)

    def to_record(self) -> dict[str, Any]:
        return {
            "cost": str(self.cost) if self.cost is not None else "unknown",
            "class": str(coarse_class(self.cost)) if self.cost is not None else None,
            "reason": self.reason,
            "roots": list(self.roots),
            "functions": [item.to_record() for item in self.functions],
        }


# ------------------------------------------------------------------------------------------- program


def estimate(skeleton: model.Skeleton) -> ProgramCost:
    """The static cost of every function of ``skeleton`` and of the program."""
    functions = {function.name: function for function in skeleton.functions}
    calls = {name: _callees(function.body) & set(functions) for name, function in functions.items()}
    components = _sccs(list(functions), calls)
    component_of = {name: index for index, members in enumerate(components) for name in members}
    results: dict[str, FunctionCost] = {}
    # Helpers nested in a solution over a tree receive its nodes as untyped (`any`) parameters.
    tree_input = any(param.kind == "node" for function in skeleton.functions for param in function.params)
    # Tarjan yields components callees-first, so every non-recursive callee is done before its callers.
    for members in components:
        recursive = len(members) > 1 or any(name in calls[name] for name in members)
        for name in sorted(members, key=_function_index):
            scc = frozenset(members) if recursive else frozenset()
            table = recursive and _memo_table(name, functions, calls)
            results[name] = _Analysis(functions[name], scc, results, tree_input, table).run()
    called = {callee for name, callees in calls.items() for callee in callees
              if component_of[callee] != component_of[name]}
    roots = tuple(name for name in functions if name not in called)
    total = ZERO
    reason = None
    # `bisect_left(range(hi), True, key=check)`: the entry searches a range with a predicate that no
    # function calls visibly; the predicate runs once per halving step.
    searched = bool(roots) and any(call.op == "bsearch" and call.ref == "_"
                                   for call in _walk_calls(functions[roots[0]].body))
    for name in roots:
        item = results[name]
        if item.cost is None:
            reason = f"{name}: {item.reason}"
            break
        if searched and name != roots[0] and functions[name].params:
            total = total + item.cost * algebra.log(algebra.var(item.sizes[0][0] if item.sizes else "n"))
        else:
            total = total + item.cost
    ordered = tuple(results[function.name] for function in skeleton.functions)
    if reason is not None or not roots:
        return ProgramCost(None, reason or "no functions", roots, ordered)
    return ProgramCost(total if not total.is_zero else ONE, None, roots, ordered)


def _memo_table(name: str, functions: dict[str, model.Function], calls: dict[str, set[str]]) -> bool:
    """A caller allocates a table sized by its input and the recursion returns early twice: ``dp[i]`` memo.

    Memoising in a list (``if dp[i] != -1: return dp[i]``) leaves no map operation in the skeleton; what
    remains is the table built before the call and a second early return besides the base case.
    """
    early = [stmt for stmt in functions[name].body if isinstance(stmt, model.If) and stmt.then
             and isinstance(stmt.then[-1], model.Exit) and stmt.then[-1].kind == "return"
             and not any(is_user_function(call.op) for call in _walk_calls(stmt.then))]
    if len(early) < 2:
        return False
    for caller, callees in calls.items():
        if caller == name or name not in callees:
            continue
        for stmt in functions[caller].body:
            if (isinstance(stmt, model.Assign) and stmt.value.op in ("list", "map") and stmt.value.ref
                    and stmt.value.ref.startswith("p") and "[" not in stmt.value.ref):
                return True
    return False


def _function_index(name: str) -> int:
    return int(name[1:])


def _callees(body: tuple[model.Stmt, ...]) -> set[str]:
    found: set[str] = set()
    for call in _walk_calls(body):
        if is_user_function(call.op):
            found.add(call.op)
    return found


def _walk(body: tuple[model.Stmt, ...]):
    for stmt in body:
        yield stmt
        if isinstance(stmt, (model.For, model.While)):
            yield from _walk(stmt.body)
        elif isinstance(stmt, model.If):
            yield from _walk(stmt.then)
            yield from _walk(stmt.orelse)


def _walk_calls(body: tuple[model.Stmt, ...]):
    for stmt in _walk(body):
        if isinstance(stmt, model.Call):
            yield stmt
        elif isinstance(stmt, model.Assign):
            yield stmt.value
        elif isinstance(stmt, model.If):
            yield from stmt.cond


def _sccs(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iterative, callees before callers, deterministic."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root], key=_function_index)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child], key=_function_index))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(sorted(component, key=_function_index))
    return result


# ------------------------------------------------------------------------------------------ function


@dataclass
class _Loop:
    """What the cost walk knows about an enclosing loop."""

    kind: str  # "for", "const", "worklist", "while"
    ref: str | None
    body: tuple[model.Stmt, ...]


@dataclass
class _Analysis:
    function: model.Function
    scc: frozenset[str]
    done: dict[str, FunctionCost]
    tree_input: bool = False
    table_memo: bool = False
    letters: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, BigO] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    traversal: bool = False
    loop_depth: int = 0
    exits: list[BigO] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)  # worklists being walked, innermost last
    amortised: BigO = ZERO

    # ------------------------------------------------------------------------------------- driver
    def run(self) -> FunctionCost:
        fn = self.function
        self.kinds = {param.name: param.kind for param in fn.params}
        for param in fn.params:
            if param.kind not in _UNSIZED_KINDS:
                self._letter(param.name)
        self.assigned = {stmt.target for stmt in _walk(fn.body) if isinstance(stmt, model.Assign)}
        self.fills_by_call = any(is_user_function(call.op) and call.op not in self.scc and call.op in self.done
                                 and self.done[call.op].fills_param for call in _walk_calls(fn.body))
        # An element is a collection (a grid row, a word) only when something iterates it or indexes into
        # it; `reduce(p0[])` alone is `max(a, b)` of scalars.
        self.element_iterated = {
            stmt.domain.ref[:-2] for stmt in _walk(fn.body)
            if isinstance(stmt, model.For) and isinstance(stmt.domain, (model.Over, model.Halving, model.Subsets))
            and stmt.domain.ref.endswith("[]")
        }
        self.element_iterated |= {ref[: ref.index("[]") + 2][:-2] for ref in self._all_refs() if ref.count("[]") >= 2}
        # Splitting, searching, sorting or copying an element (`email.split("@")`, `sorted(word)`) walks it:
        # the element is a string or a row with a length of its own, unlike `reduce(p0[])` (max of two).
        self.element_iterated |= {call.ref[:-2] for call in _walk_calls(fn.body)
                                  if call.ref and call.ref.endswith("[]") and call.op in _ELEMENT_WALKS}
        # A parameter is a grid (its size counts rows x columns) when its rows are scanned inside a scan of
        # the parameter itself; an element loop on its own is an adjacency list (amortised, not a product).
        self.element_used = set(self._grid_params(fn.body, []))
        self.guarded_launches = self._guarded_launches(fn.body, False, False)
        try:
            self._fill_sizes()
            body_cost = self._block(fn.body, [])
            cost = self._recursion(body_cost) if self.scc else body_cost
            cost = cost + self.amortised
        except _Unknown as unknown:
            return FunctionCost(fn.name, None, unknown.reason, tuple(dict.fromkeys(self.notes)), self._legend())
        except RecursionError:
            return FunctionCost(fn.name, None, "the skeleton nests too deeply for the cost model", (),
                                self._legend())
        fills = any(call.op in _ADDS and call.ref is not None and call.ref.startswith("p")
                    for call in _walk_calls(fn.body))
        return FunctionCost(fn.name, cost if not cost.is_zero else ONE, None,
                            tuple(dict.fromkeys(self.notes)), self._legend(), self.traversal, fills)

    def _note(self, text: str) -> None:
        self.notes.append(text)

    def _legend(self) -> tuple[tuple[str, str], ...]:
        described = []
        for ref, letter in self.letters.items():
            base = ref.rstrip("[]")
            what = f"|{ref}|" if self.kinds.get(base) != "num" or ref.endswith("[]") else f"value of {ref}"
            described.append((letter, what))
        return tuple(described)

    def _letter(self, ref: str) -> str:
        if ref not in self.letters:
            used = set(self.letters.values())
            for letter in _LETTERS:
                if letter not in used:
                    self.letters[ref] = letter
                    break
            else:
                self.letters[ref] = f"n{len(self.letters)}"
        return self.letters[ref]

    def _grid_params(self, body: tuple[model.Stmt, ...], outer: list[str]):
        for stmt in body:
            if isinstance(stmt, model.For):
                ref = getattr(stmt.domain, "ref", None)
                # (a halving over an element, `for log(p0[])`, walks the bits of a value, not a row)
                if ref is not None and ref.endswith("[]") and ref[:-2] in outer and isinstance(stmt.domain, model.Over):
                    yield ref[:-2]
                yield from self._grid_params(stmt.body, outer + ([ref] if ref else []))
            elif isinstance(stmt, model.While):
                yield from self._grid_params(stmt.body, outer)
            elif isinstance(stmt, model.If):
                yield from self._grid_params(stmt.then, outer)
                yield from self._grid_params(stmt.orelse, outer)

    def _guarded_launches(self, body: tuple[model.Stmt, ...], in_loop: bool, guarded: bool) -> set[int]:
        """Worklist loops inside an ``if`` of an enclosing ``for`` (ids): launches from unvisited starts.

        The guard is what keeps visited starts from launching again (the marks themselves are scalar
        writes, invisible in skeletons); without a guard every start traverses anew (BFS from each node).
        """
        found: set[int] = set()
        for stmt in body:
            if isinstance(stmt, model.While) and stmt.ref is not None and in_loop and guarded:
                found.add(id(stmt))
            elif isinstance(stmt, model.For):
                found |= self._guarded_launches(stmt.body, True, False)
            elif isinstance(stmt, model.If) and in_loop:
                found |= self._guarded_launches(stmt.then, in_loop, True)
                found |= self._guarded_launches(stmt.orelse, in_loop, True)
        return found

    def _all_refs(self) -> set[str]:
        refs: set[str] = set()
        for stmt in _walk(self.function.body):
            if isinstance(stmt, model.Call) and stmt.ref:
                refs.add(stmt.ref)
            elif isinstance(stmt, model.Assign):
                refs.add(stmt.target)
                if stmt.value.ref:
                    refs.add(stmt.value.ref)
            elif isinstance(stmt, model.For) and isinstance(stmt.domain, (model.Over, model.Halving, model.Subsets)):
                refs.add(stmt.domain.ref)
            elif isinstance(stmt, model.While) and stmt.ref:
                refs.add(stmt.ref)
            elif isinstance(stmt, model.If):
                refs.update(call.ref for call in stmt.cond if call.ref)
        return refs

    # -------------------------------------------------------------------------------------- sizes
    def input_size(self) -> BigO:
        total = ZERO
        for param in self.function.params:
            if param.kind in _UNSIZED_KINDS:
                continue
            size = algebra.var(self.letters[param.name])
            if param.name in self.element_used and param.kind not in ("num", "str"):
                size = size * algebra.var(self._letter(param.name + "[]"))
            total = total + size
        if total.is_zero:
            for ref in sorted(self._all_refs()):
                if ref.startswith("s") and ref.split("[")[0] not in self.assigned:
                    total = total + algebra.var(self._letter(ref.split("[")[0]))
        return total if not total.is_zero else ONE

    def size(self, ref: str | None) -> BigO:
        if ref is None:
            return ONE
        if ref.startswith("_"):
            self._note("an unnamed collection `_` is taken as input-sized")
            return self.input_size()
        if ref.endswith("[]"):
            base = ref[:-2]
            root = base.split("[")[0]
            if root.startswith("p") and "[" not in base:
                if self.kinds.get(root) in ("str", "num", "bool") or base not in self.element_iterated:
                    return ONE
                return algebra.var(self._letter(ref))
            if root.startswith("s") and root not in self.assigned and "[" not in base:
                return algebra.var(self._letter(ref))
            if base not in self.element_iterated:
                return ONE
            origin = self._origin_root(base)
            if origin is not None:
                return self.size(origin + "[]")
            self._note(f"the elements of {base} are taken as input-sized")
            return self.input_size()
        if ref.startswith("p"):
            if self.kinds.get(ref) in _UNSIZED_KINDS:
                return ONE
            return algebra.var(self._letter(ref))
        if ref.startswith("s") and ref not in self.assigned:
            return algebra.var(self._letter(ref))
        size = self.sizes.get(ref, ZERO)
        if size.is_zero:
            if self.fills_by_call:
                # Calls carry no arguments: a collection built empty and then passed to a helper that
                # collects into it (an inorder list) is filled out of sight, so it is read as input-sized.
                self._note(f"{ref} is built empty and may be filled by a called function: input-sized")
                return self.input_size()
            # Built empty and never filled by an operation: a literal (directions, a small table).
            return ONE
        return size

    def _origin_root(self, ref: str) -> str | None:
        """The parameter or field a local was built from, following copies (cycles end the search)."""
        seen = {ref}
        while ref in self.origin:
            ref = self.origin[ref]
            if ref in seen:
                return None
            seen.add(ref)
        if "[" in ref or not (ref.startswith("p") or (ref.startswith("s") and ref not in self.assigned)):
            return None
        return ref

    def _fill_sizes(self) -> None:
        """Sizes of locals: what builds them plus every insertion times how often it runs (two rounds)."""
        for _round in range(2):
            before = len(self.notes)
            new: dict[str, BigO] = {}
            self._size_walk(self.function.body, ONE, new, ())
            self.sizes = new
            del self.notes[before:]  # notes come from the cost walk, not from sizing

    def _size_walk(self, body: tuple[model.Stmt, ...], times: BigO, new: dict[str, BigO],
                   worklists: tuple[str, ...]) -> None:
        """Insertions times how often they run; inside a worklist, loops over adjacency (``X[]``, ``_``) or
        over the worklist itself are amortised into its O(N) rounds, as in the cost walk."""
        for stmt in body:
            if isinstance(stmt, model.Assign):
                call = stmt.value
                if is_user_function(call.op):
                    built = self.input_size()
                elif call.ref is not None:
                    built = self.size(call.ref)
                    if call.op in CONSTRUCTORS or call.op in ("copy", "sort", "slice", "reverse"):
                        self.origin.setdefault(stmt.target, call.ref)
                else:
                    built = ZERO
                new[stmt.target] = new.get(stmt.target, ZERO) + built
            elif isinstance(stmt, model.Call):
                if stmt.op in _ADDS and stmt.ref and not stmt.ref.startswith(("p", "_")):
                    new[stmt.ref] = new.get(stmt.ref, ZERO) + times
            elif isinstance(stmt, model.For):
                ref = getattr(stmt.domain, "ref", None)
                amortised = worklists and ref is not None and (
                    ref.endswith("[]") or ref.startswith("_") or ref in worklists)
                self._size_walk(stmt.body, times if amortised else times * self.trip(stmt.domain), new, worklists)
            elif isinstance(stmt, model.While):
                # Only the outermost condition loop runs O(N) times; nested ones are amortised into it.
                worklist = stmt.ref or self._worklist_of(stmt.body)
                inner = worklists + (worklist,) if worklist else worklists
                self._size_walk(stmt.body, self.input_size() if times.is_constant else times, new, inner)
            elif isinstance(stmt, model.If):
                self._size_walk(stmt.then, times, new, worklists)
                self._size_walk(stmt.orelse, times, new, worklists)

    def trip(self, domain: model.Domain) -> BigO:
        if isinstance(domain, model.Const):
            return ONE
        if isinstance(domain, model.Halving):
            return algebra.log(self.size(domain.ref))
        if isinstance(domain, model.Subsets):
            return self._subsets(self.size(domain.ref))
        return self.size(domain.ref)

    def _subsets(self, size: BigO) -> BigO:
        """``2^|X|``: one iteration per bitmask over X's elements (a size that is a product stays one letter)."""
        if size.is_constant:
            return ONE  # the subsets of a literal (four directions) are a constant number
        self._note("bitmask enumeration: 2^N subsets")
        return algebra.exp(2, (sorted(size.variables)[0],))

    # --------------------------------------------------------------------------------------- cost
    def _block(self, body: tuple[model.Stmt, ...], loops: list[_Loop]) -> BigO:
        total = ZERO
        for stmt in body:
            total = total + self._stmt(stmt, loops)
        return total

    def _stmt(self, stmt: model.Stmt, loops: list[_Loop]) -> BigO:
        if isinstance(stmt, model.Call):
            return self._call(stmt)
        if isinstance(stmt, model.Assign):
            return self._call(stmt.value)
        if isinstance(stmt, model.Exit):
            return ZERO
        if isinstance(stmt, model.If):
            cond = ZERO
            for call in stmt.cond:
                cond = cond + self._call(call)
            if (self.exits and not stmt.orelse and stmt.then and isinstance(stmt.then[-1], model.Exit)
                    and stmt.then[-1].kind in ("break", "return")):
                # Work before leaving the loop runs once per loop, not once per iteration.
                self.exits[-1] = self.exits[-1] + self._block(stmt.then, loops)
                return cond
            return cond + self._block(stmt.then, loops) + self._block(stmt.orelse, loops)
        if isinstance(stmt, model.For):
            return self._for(stmt, loops)
        return self._while(stmt, loops)

    def _call(self, call: model.Call) -> BigO:
        op = call.op
        if is_user_function(op):
            if op in self.scc:
                return ZERO
            callee = self.done.get(op)
            if callee is None:
                return ONE
            if callee.cost is None:
                raise _Unknown(f"calls {op}, whose cost is unknown ({callee.reason})")
            if callee.traversal and self.loop_depth:
                # Islands: a traversal launched from every cell visits each cell once over all launches.
                self._note(f"calls of {op} in a loop share its visited/memo state: its work counted once")
                self.amortised = self.amortised + self._import_cost(callee)
                return ONE
            return self._import_cost(callee)
        if call.ref is not None and (call.ref in self.levels or self.origin.get(call.ref) in self.levels) and (
                op in CONSTRUCTORS or op in _WHOLE_PASSES):
            # Inside a worklist, copying or scanning the current contents (a level of a BFS) costs the
            # level's size; levels split the items, so over all rounds it is the traversal's total.  A copy
            # of the level (`level = list(queue)`, reversed for a zigzag order) is the level again.
            self._note("a pass over the worklist's current level is counted by the worklist")
            return ONE
        if op in CONSTRUCTORS:
            return self.size(call.ref) if call.ref is not None else ONE
        cost = OPERATIONS[op].cost
        if cost == "1" or op == "list.extend":
            return ONE
        if op == "str.concat" and call.ref is not None and not call.ref.startswith(("p", "_")):
            # `res += c` on a string this function builds: C++ and Rust strings are mutable and CPython
            # resizes a uniquely referenced string in place, so the append is amortised O(1) (Java's and
            # Go's copy per `+=` is the exception the shared vocabulary cannot tell apart).
            self._note("appending to a local string is amortised O(1)")
            return ONE
        if call.ref and call.ref.startswith("_") and self.loop_depth:
            return ONE  # inside a loop an unnamed operand is mostly the current item (a word, a key)
        size = self.size(call.ref)
        if (size.is_constant and cost in ("log n", "n log n") and call.ref and call.ref.startswith("v")
                and "[" not in call.ref and self.sizes.get(call.ref, ZERO).is_zero):
            # Built by something the skeleton does not show (`list(accumulate(xs))`): searched or sorted,
            # it is data, not a literal of moves.  Copied or sliced, it is the literal (`[0] * 26`).
            size = self.input_size()
        if cost == "log n":
            return algebra.log(size)
        if cost == "n log n":
            return size * algebra.log(size)
        return size  # "n" and "k" (a slice or copy is bounded by the collection)

    def _import_cost(self, callee: FunctionCost) -> BigO:
        """A callee's cost in this function's letters: its i-th size is read as our i-th size."""
        ours = list(dict.fromkeys(self.letters.values()))
        theirs = [letter for letter, _ in callee.sizes]
        if not ours:
            return callee.cost
        mapping = {letter: ours[index] if index < len(ours) else ours[0] for index, letter in enumerate(theirs)}
        return callee.cost.rename(mapping)

    def _amortised_here(self, loops: list[_Loop]) -> bool:
        return bool(loops) and loops[-1].kind in ("for", "worklist", "while")

    def _for(self, stmt: model.For, loops: list[_Loop]) -> BigO:
        domain = stmt.domain
        kind = "const" if isinstance(domain, model.Const) else "for"
        ref = getattr(domain, "ref", None)
        trip = self.trip(domain)
        if (isinstance(domain, model.Over) and ref is not None and (ref.endswith("[]") or ref.startswith("_"))
                and any(loop.kind == "worklist" for loop in loops)):
            self._note("adjacency loops inside a worklist are amortised over the whole traversal")
            trip = ONE
        elif isinstance(domain, model.Over) and any(loop.kind == "worklist" and loop.ref == ref for loop in loops):
            self._note("level-order traversal: a loop over the worklist's current level is counted by the worklist")
            trip = ONE
        enclosing = [loop for loop in loops if loop.kind != "const"]
        if self._in_traversal and isinstance(domain, model.Over) and ref is not None and (
                ref.endswith("[]") or ref.startswith("_")) and self._contains_recursive_call(stmt.body):
            trip = ONE
        body, once = self._nested(stmt.body, loops + [_Loop(kind, ref, stmt.body)])
        return (trip * body if not body.is_zero else trip) + once

    def _while(self, stmt: model.While, loops: list[_Loop]) -> BigO:
        ref = stmt.ref
        enclosing = [loop for loop in loops if loop.kind != "const"]
        if ref is None:
            popped = self._worklist_of(stmt.body)
            if popped is not None:
                ref = popped
        if ref is not None:
            pushes_inside = self._pushes(stmt.body, ref)
            if not pushes_inside and self._next_level(stmt.body, ref):
                # `while level { next = []; for level { ... next.append } level = next }`: the swap is
                # invisible in the skeleton, but a loop that neither pops nor pushes its collection can
                # only end by replacing it, with the collection it builds each round.
                self._note("level-order traversal: each round builds the next level")
                pushes_inside = True
            if enclosing and not pushes_inside and self._pushes(enclosing[-1].body, ref):
                self._note("monotonic stack: pops amortised against the enclosing loop's pushes")
                trip = ONE
            elif pushes_inside:
                self._note("worklist: total iterations bounded by the input size")
                trip = self.input_size() + self.size(ref)
                if self._moves_on_grid(stmt.body):
                    self._note("worklist moving in constant directions: states are the cells of a grid")
                    trip = trip + self._cells()
            else:
                trip = self.size(ref)
            if pushes_inside and not enclosing:
                self.traversal = True
            if pushes_inside:
                self.levels.append(ref)
            try:
                body, once = self._nested(stmt.body, loops + [_Loop("worklist" if pushes_inside else "while", ref,
                                                                   stmt.body)])
            finally:
                if pushes_inside:
                    self.levels.pop()
            total = (trip * body if not body.is_zero else trip) + once
            if pushes_inside and enclosing and id(stmt) in self.guarded_launches:
                # `for each cell { if not seen { stack = [cell]; while stack { ... } } }`: a traversal
                # launched only from unvisited starts visits each state once over all launches.
                self._note("a traversal launched under a guard from every start: each state once over all launches")
                self.amortised = self.amortised + total
                return ONE
            return total
        if enclosing:
            self._note("two pointers / sliding window: an inner condition loop amortised over the outer loop")
            trip = ONE
        elif any(self.kinds.get(p.name) in ("seq", "str", "any", "map", "set", "node")
                 for p in self.function.params) or self.input_size().variables - {
                     self.letters[p.name] for p in self.function.params if p.name in self.letters}:
            self._note("a condition loop over a sequence is read as a two-pointer scan")
            trip = self.input_size()
        else:
            raise _Unknown("a `while` loop over numbers with no recognisable pattern")
        body, once = self._nested(stmt.body, loops + [_Loop("while", None, stmt.body)])
        return (trip * body if not body.is_zero else trip) + once

    def _nested(self, body: tuple[model.Stmt, ...], loops: list[_Loop]) -> tuple[BigO, BigO]:
        """A loop body's cost per iteration, and the cost of its exit branches, which run once per loop."""
        self.loop_depth += 1
        self.exits.append(ZERO)
        try:
            return self._block(body, loops), self.exits[-1]
        finally:
            self.exits.pop()
            self.loop_depth -= 1

    def _moves_on_grid(self, body: tuple[model.Stmt, ...]) -> bool:
        """Neighbours come from a constant set of directions (``for const``, a literal list of moves)."""
        for stmt in _walk(body):
            if isinstance(stmt, model.For):
                if isinstance(stmt.domain, model.Const):
                    return True
                ref = getattr(stmt.domain, "ref", None)
                if ref and ref.startswith("v") and "[" not in ref and self.sizes.get(ref, ZERO).is_zero:
                    return True
        return False

    def _cells(self) -> BigO:
        """The cells of the grid a traversal moves on: rows x columns of each grid-like parameter."""
        total = ZERO
        for param in self.function.params:
            if param.kind in ("seq", "any"):
                total = total + algebra.var(self.letters[param.name]) * algebra.var(self._letter(param.name + "[]"))
        if total.is_zero:
            product = ONE
            for param in self.function.params:
                if param.kind == "num":
                    product = product * algebra.var(self.letters[param.name])
            total = product
        return total

    def _worklist_of(self, body: tuple[model.Stmt, ...]) -> str | None:
        """A condition loop that pops a collection it also pushes is a worklist over that collection."""
        for stmt in _walk(body):
            if isinstance(stmt, model.Call) and stmt.op in _POPS and stmt.ref and self._pushes(body, stmt.ref):
                return stmt.ref
        return None

    @staticmethod
    def _next_level(body: tuple[model.Stmt, ...], ref: str) -> bool:
        """The body iterates ``ref``, never removes from it, and fills a collection it builds afresh."""
        if any(call.op in _REMOVES and call.ref == ref for call in _walk_calls(body)):
            return False
        if not any(isinstance(stmt, model.For) and getattr(stmt.domain, "ref", None) == ref for stmt in body):
            return False
        built = {stmt.target for stmt in body if isinstance(stmt, model.Assign) and stmt.value.op in CONSTRUCTORS
                 and stmt.value.ref is None}
        return any(call.op in _ADDS and call.ref in built for call in _walk_calls(body))

    @staticmethod
    def _pushes(body: tuple[model.Stmt, ...], ref: str) -> bool:
        return any(call.op in _ADDS and call.ref == ref for call in _walk_calls(body))

    # ---------------------------------------------------------------------------------- recursion
    _in_traversal = False

    def _contains_recursive_call(self, body: tuple[model.Stmt, ...]) -> bool:
        return any(call.op in self.scc for call in _walk_calls(body))

    def _recursion(self, body_cost: BigO) -> BigO:
        fn = self.function
        body = fn.body
        base_stmts = tuple(stmt for stmt in body if self._is_base_case(stmt))
        rec_stmts = tuple(stmt for stmt in body if not self._is_base_case(stmt))
        base = self._block(base_stmts, []) + ONE  # work at a leaf (copying a path, a result)
        work = self._block(rec_stmts, []) + ONE  # work of an activation that recurses
        depth = self.input_size()
        numeric = [p for p in fn.params if p.kind in ("num", "any")]
        states = ONE
        for param in numeric:
            states = states * algebra.var(self.letters[param.name])
        if not numeric:
            states = depth
        sites = self._sites(body, [])
        looped = [site for site in sites if site[0] == "for"]
        adjacency = [site for site in sites if site[0] == "adjacency"]
        guarded = self._visited_guard()
        if guarded and not (fn.memo or self.table_memo) and guarded <= {
                call.ref for call in _walk_calls(body) if call.op in _REMOVES}:
            # `visited.add(x); f(...); visited.remove(x)`: the mark is lifted on the way back, so a state is
            # entered once per path that reaches it, not once overall (word search, Hamiltonian paths).
            self._note("backtracking: a visited mark removed after the recursive calls, paths not states")
            return self._exponential(max(2, self._branching(body))) * (work + base)
        if fn.memo or self.table_memo or guarded:
            if fn.memo or self.table_memo:
                self._note("memoised recursion: states x work per state" if fn.memo else
                           "memoised in a table the caller allocates: states x work per state")
                self.traversal = True  # the table outlives one call: calls from a loop share it
            else:
                self._note("recursion guarded by a visited/memo collection: each state once")
                self.traversal = True
                if adjacency and numeric:
                    states = algebra.var(self.letters[numeric[0].name])  # a graph node, not (node, parent)
            return states * (self._traversal_work() + ONE)
        tree = [p for p in fn.params if p.kind == "node"] or (
            [p for p in fn.params if p.kind == "any"] if self.tree_input and not self._undoes(body) else [])
        if tree:
            self._note("structural recursion on a tree: each node once")
            nodes = ZERO
            for param in tree:
                nodes = nodes + algebra.var(self.letters[param.name])
            if any(site[0] == "adjacency" for site in sites):
                # `for child in node.children: f(child)`: the children of all nodes are the nodes again, so
                # the loop around the self-call is paid once per node over the whole recursion.
                self._note("recursion over a node's children: the child loops are counted by the nodes")
                self._in_traversal = True
                try:
                    work = self._block(rec_stmts, []) + ONE
                finally:
                    self._in_traversal = False
            elif self._branching(body) <= 1:
                # `f(node.next)` once per activation: the recursion is a chain, so the base case (the end
                # of the list, reached once) is paid once, not once per node as at a tree's leaves.
                self._note("recursion along a chain (one self-call per activation): the base case runs once")
                return nodes * work + base
            return nodes * (work + base)
        if adjacency and not looped:
            self._note("recursion along adjacency lists: each node once")
            self.traversal = True
            nodes = algebra.var(self.letters[numeric[0].name]) if numeric else depth
            return nodes * (self._traversal_work() + ONE)
        if looped:
            if self._membership_guard(body):
                self._note("backtracking over a collection with a membership guard: N! leaves")
                branches = algebra.factorial(self._primary())
            else:
                self._note("backtracking over a collection: 2^N subsets")
                branches = self._exponential(2)
            return branches * (work + base)
        branching = self._branching(body)
        if fn.split and (branching & (branching - 1)) == 0:
            return self._divide_and_conquer(branching, work, base, depth)
        if branching <= 1 and len(sites) >= 2:
            # `if ... { return f(left half) } return f(right half)`: binary search or quickselect.
            self._note("one of several recursive calls per activation: halving, log N deep")
            return (algebra.log(depth) if work.is_constant else work) + base
        if branching <= 1 and self._parent_chase(body):
            self._note("union-find find: a conditional self-call on a number with no other work, "
                       "α(N) amortised (constant)")
            return ONE
        if branching <= 1 and self._argument_swap(body):
            self._note("argument swap: `if len(a) > len(b) { return f(b, a) }` re-enters once, arguments in order")
            return work + base
        if branching <= 1:
            self._note("one recursive call per activation: N deep")
            return depth * work + base
        undo = self._undoes(body)
        cell_params = len([p for p in fn.params if p.kind in ("num", "any")])
        path_search = any(p.kind == "str" for p in fn.params) or cell_params >= 3
        if branching >= 3 and not undo and cell_params >= 2 and not path_search:
            self._note("flood fill: each cell once")
            self.traversal = True
            return states * (self._traversal_work() + ONE)
        if branching == 2 and not undo and not work.is_constant:
            self._note("divide and conquer: two calls with linear work, N log N")
            return work * algebra.log(depth) + depth * base
        self._note(f"{branching} recursive calls per activation: {branching}^N")
        return self._exponential(branching) * (work + base)

    def _divide_and_conquer(self, calls: int, work: BigO, base: BigO, depth: BigO) -> BigO:
        """``@split``: T(N) = a T(N/2) + work, a the self-calls per activation (a power of two).

        The recursion is log N deep with a^depth = N^(log2 a) activations at the bottom (N for two halves,
        N^2 for four quarters of a grid); work that grows with N adds work x log N (merge sort's N log N).
        One half per activation (fast power, a binary search written recursively) is log N calls.  A helper
        whose interval ends a closure carries (no sized parameter) halves the caller's input, read as ``n``.
        """
        if depth.is_constant:
            depth = algebra.var(self._primary())
        if calls <= 1:
            self._note("split recursion into one half: log N deep")
            return (algebra.log(depth) if work.is_constant else work) + base
        self._note(f"divide and conquer into halves ({calls} calls per activation): "
                   f"N^{calls.bit_length() - 1} activations, plus work x log N")
        leaves = depth.power(calls.bit_length() - 1)
        return leaves * (base + ONE) + (ZERO if work.is_constant else work * algebra.log(depth))

    def _parent_chase(self, body: tuple[model.Stmt, ...]) -> bool:
        """``find(x)``: ``if parent[x] != x { parent[x] = find(parent[x]) }``, the whole body.

        Following parent pointers of a number with nothing else done is union-find's ``find``; with path
        compression and union by rank or size it costs O(α(N)) amortised, a constant (path compression
        alone gives O(log N); the rank is scalar code the skeleton cannot show, and the write-ups say α).
        Anything else in the body (a loop, an operation, a second call) is a different recursion.
        """
        fn = self.function
        # (the number itself may not be in the signature: a helper that is not memoised drops the
        # numbers its skeleton never names, see canonical_params; a node parameter is a list walk)
        if fn.memo or any(param.kind == "node" for param in fn.params):
            return False
        statements = [stmt for stmt in body if not (isinstance(stmt, model.Exit)
                                                    or (self._is_base_case(stmt) and len(stmt.then) == 1))]
        if len(statements) != 1 or not isinstance(statements[0], model.If) or statements[0].cond:
            return False
        inner = [stmt for stmt in statements[0].then + statements[0].orelse if not isinstance(stmt, model.Exit)]
        return len(inner) == 1 and isinstance(inner[0], (model.Call, model.Assign)) and (
            (inner[0] if isinstance(inner[0], model.Call) else inner[0].value).op in self.scc)

    def _argument_swap(self, body: tuple[model.Stmt, ...]) -> bool:
        """``if len(s) < len(t) { return f(t, s) }`` and the work after it: the only self-call.

        Calling itself with two parameters of one kind exchanged puts them in the order the rest of the
        function wants, so the guard fails on re-entry: one extra activation, not a recursion N deep.  The
        shape: two parameters of the same kind, the self-call alone (with its return) in an ``if`` of the
        top level, and loops or operations elsewhere in the body (``if b > 0 { return f(b, a - b) }`` with
        nothing else is a subtraction loop, which stays N deep).
        """
        kinds = [param.kind for param in self.function.params if param.kind not in _UNSIZED_KINDS]
        if len(kinds) == len(set(kinds)):
            return False
        swaps = [stmt for stmt in body if isinstance(stmt, model.If) and not stmt.orelse and len(stmt.then) == 2
                 and isinstance(stmt.then[0], (model.Call, model.Assign)) and isinstance(stmt.then[1], model.Exit)
                 and stmt.then[1].kind == "return"
                 and (stmt.then[0] if isinstance(stmt.then[0], model.Call) else stmt.then[0].value).op in self.scc
                 and not any(call.op in self.scc for call in stmt.cond)]
        if len(swaps) != 1:
            return False
        rest = tuple(stmt for stmt in body if stmt is not swaps[0])
        if any(call.op in self.scc for call in _walk_calls(rest)):
            return False
        return any(isinstance(stmt, (model.For, model.While)) or isinstance(stmt, (model.Call, model.Assign))
                   and not is_user_function((stmt if isinstance(stmt, model.Call) else stmt.value).op)
                   for stmt in _walk(rest))

    def _is_base_case(self, stmt: model.Stmt) -> bool:
        """``if ... { work; return }`` with no recursive call: runs at the leaves only."""
        return (isinstance(stmt, model.If) and not stmt.orelse and bool(stmt.then)
                and isinstance(stmt.then[-1], model.Exit) and stmt.then[-1].kind == "return"
                and not self._contains_recursive_call(stmt.then)
                and not any(call.op in self.scc for call in stmt.cond))

    def _primary(self) -> str:
        for param in self.function.params:
            if param.name in self.letters:
                return self.letters[param.name]
        return "n"

    def _exponential(self, base: int) -> BigO:
        """``base ** depth`` with the depth read as the first size (the collection being decided on)."""
        return algebra.exp(base, (self._primary(),))

    def _traversal_work(self) -> BigO:
        """The body with loops along adjacency lists amortised (a traversal pays for each edge once)."""
        self._in_traversal = True
        try:
            return self._block(self.function.body, [])
        finally:
            self._in_traversal = False

    def _visited_guard(self) -> frozenset[str]:
        """The collections this function both tests with an ``if`` and fills (memo dict, visited set)."""
        filled = {call.ref for call in _walk_calls(self.function.body) if call.op in _ADDS}
        guarded: set[str] = set()
        for stmt in _walk(self.function.body):
            if isinstance(stmt, model.If):
                for call in stmt.cond:
                    if call.op in _HAS and call.ref in filled:
                        guarded.add(call.ref)
        return frozenset(guarded)

    def _membership_guard(self, body: tuple[model.Stmt, ...]) -> bool:
        return any(isinstance(stmt, model.If) and any(c.op in _HAS for c in stmt.cond) for stmt in _walk(body))

    def _undoes(self, body: tuple[model.Stmt, ...]) -> bool:
        return any(call.op in _REMOVES for call in _walk_calls(body))

    def _sites(self, body: tuple[model.Stmt, ...], loops: list[str]) -> list[tuple[str, ...]]:
        """Each recursive call site with the innermost loop around it: "none", "const", "for", "adjacency"."""
        found: list[tuple[str, ...]] = []
        for stmt in body:
            if isinstance(stmt, (model.Call, model.Assign)):
                call = stmt if isinstance(stmt, model.Call) else stmt.value
                if call.op in self.scc:
                    found.append((loops[-1] if loops else "none",))
            elif isinstance(stmt, model.For):
                domain = stmt.domain
                if isinstance(domain, model.Const):
                    kind = "const"
                elif isinstance(domain, model.Halving):
                    kind = "none"
                elif domain.ref.endswith("[]") or domain.ref.startswith(("_", "v", "s")):
                    kind = "adjacency"
                else:
                    kind = "for"
                found += self._sites(stmt.body, loops + [kind])
            elif isinstance(stmt, model.While):
                found += self._sites(stmt.body, loops + ["adjacency" if stmt.ref else "for"])
            elif isinstance(stmt, model.If):
                found += [(loops[-1] if loops else "none",) for call in stmt.cond if call.op in self.scc]
                found += self._sites(stmt.then, loops)
                found += self._sites(stmt.orelse, loops)
        return found

    def _branching(self, body: tuple[model.Stmt, ...]) -> int:
        """Recursive calls one activation makes; exclusive branches count once (``if {f() return} f()``)."""
        total = 0
        for index, stmt in enumerate(body):
            if isinstance(stmt, (model.Call, model.Assign)):
                call = stmt if isinstance(stmt, model.Call) else stmt.value
                total += 1 if call.op in self.scc else 0
            elif isinstance(stmt, model.For):
                inner = self._branching(stmt.body)
                total += inner * (4 if isinstance(stmt.domain, model.Const) else 1)
            elif isinstance(stmt, model.While):
                total += self._branching(stmt.body)
            elif isinstance(stmt, model.If):
                total += sum(1 for call in stmt.cond if call.op in self.scc)
                then = self._branching(stmt.then)
                orelse = self._branching(stmt.orelse)
                if stmt.then and isinstance(stmt.then[-1], model.Exit) and stmt.then[-1].kind == "return":
                    rest = self._branching(body[index + 1:])
                    return total + max(then, orelse + rest)
                total += max(then, orelse)
            if isinstance(stmt, model.Exit) and stmt.kind == "return":
                return total
        return total


__all__ = ["FunctionCost", "ProgramCost", "estimate"]
