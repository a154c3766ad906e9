"""Lowering: one IR function -> skeleton statements with *original* names (the semantic pass).

This is where cost-relevant meaning is decided, from the language's ``LanguageSpec`` tables only:

* which variables hold collections, and of what kind (from constructors, declared types, parameter
  kinds, and distinctive usage such as ``x.append`` or ``heappush(x, ...)``);
* which expressions are operations of the shared vocabulary (``x in seen`` on a set is ``set.has``);
* what each loop iterates over: ``range(len(xs))``, ``enumerate(xs)``, ``for (i = 0; i < n; i++)`` with
  ``n = xs.length``, ``while i < n`` and ``for x in xs`` all become ``for <xs>``; binary-search and
  digit loops become ``for log(<x>)``; ``while queue`` becomes ``while <queue>``;
* everything else (scalar arithmetic, comparisons, literals, O(1) indexing) disappears.

Comprehensions and generator expressions are desugared here into loops (with ``list.append`` /
``set.add`` / ``map.put`` for the collection they build), so a Python comprehension and a Java loop that
fills an ``ArrayList`` give the same statements.

Output statements are tuples (``Low``), still carrying original names as *internal references*
(``P:nums`` parameter, ``V:seen`` local, ``S:cache`` field, ``F:dfs`` function, ``_`` unknown, with
``[]`` suffixes for elements); ``skeldsl.normalise.passes`` cleans them up and renames them positionally.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Iterable

from skeldsl import ir
from skeldsl.normalise.spec import LanguageSpec
from skeldsl.normalise.appends import appended_arrays, grown_strings, stored_arrays

# Internal statement forms:
#   ("call", op, ref)            ("assign", target_ref, op, ref)
#   ("for", domain, ref, body)   domain is "over", "log", "subsets" or "const"
#   ("while", ref, body)         ("if", conds, then, orelse)        ("exit", kind)
Low = tuple

COLLECTION_KINDS = frozenset({"seq", "list", "str", "map", "set", "deque", "heap", "tree", "strbuf", "linked",
                              "elem", "node", "any"})
_SCALAR_KINDS = frozenset({"num", "bool", "fn"})
_RESULT_OPS = frozenset({"sort", "slice", "copy", "reverse"})
_FRESH_OPS = _RESULT_OPS | {"str.split"}  # operations whose result is a new collection
_COMPARISONS = frozenset({"<", "<=", ">", ">=", "!="})
UNKNOWN = "_"
_INSERT_OPS = frozenset({"list.append", "list.insert", "set.add", "map.put", "deque.push", "deque.pushfront",
                         "heap.push", "tree.put"})
_VALUE_KINDS = frozenset({"list", "seq", "deque", "set", "map", "tree"})  # collections a value copy copies
_MIN_MAX = frozenset({"min", "max", "minof", "maxof"})  # min(n, k) bounds a loop by n (Math.Min, std::max ...)
CONST = "CONST"
_NODE_FIELDS = frozenset({"left", "right", "next", "val", "children", "neighbors", "prev"})
_ARGUMENT_KINDS = {"num": "num", "bool": "bool", "str": "str", "seq": "seq", "list": "seq", "map": "map",
                   "set": "set", "node": "node", "fn": "fn"}
_ARITHMETIC = frozenset({"+", "-", "*", "/", "//", "%", "<<", ">>", "&", "|", "^"})
# collections an empty argument of a call may be (not strings: ``dfs(0, "")`` builds nothing)
CONSTRUCTORS_BUILT = frozenset({"list", "set", "map", "deque", "heap", "tree", "strbuf", "linked", "stack", "queue"})


def receiver_kind(kind: str | None) -> str:
    """Table key for a variable kind: ``seq`` parameters and array elements behave as lists."""
    if kind in ("seq", "elem", None, "any"):
        return "list" if kind == "seq" else "*"
    return kind


_SPEC_TABLES: dict[int, tuple[LanguageSpec, frozenset[str], frozenset[str]]] = {}


def _spec_tables(spec: LanguageSpec) -> tuple[frozenset[str], frozenset[str]]:
    """(range functions, string methods that append) of ``spec``: scanning its tables for every module
    cost ~2% of normalisation, so they are kept per spec (by identity; the spec is held, so its id is
    never reused)."""
    cached = _SPEC_TABLES.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = (spec,
                  frozenset(name for name, (action, _) in spec.functions.items() if action == "range"),
                  frozenset(method for (kind, method), op in spec.methods.items()
                            if kind == "str" and op == "strbuf.append"))
        _SPEC_TABLES[id(spec)] = cached
    return cached[1], cached[2]


_WRAP_METHODS: dict[int, tuple[LanguageSpec, frozenset[str]]] = {}


def _wrap_methods(spec: LanguageSpec) -> frozenset[str]:
    """The method names some receiver kind of ``spec`` maps to ``wrap`` (``keys``, ``Values``), kept per
    spec like ``_spec_tables``: a cheap test before looking a receiver up (which may lift a capture)."""
    cached = _WRAP_METHODS.get(id(spec))
    if cached is None or cached[0] is not spec:
        cached = (spec, frozenset(method for (_, method), op in spec.methods.items() if op == "wrap"))
        _WRAP_METHODS[id(spec)] = cached
    return cached[1]


class ModuleContext:
    """What all functions of one module share: the spec, the user functions, the fields' kinds."""

    def __init__(self, spec: LanguageSpec, function_names: Iterable[str]) -> None:
        self.spec = spec
        self.function_names = set(function_names)
        self.field_kinds: dict[str, str] = {}
        # user function -> parameter kinds seen at its call sites (None: unknown), for untyped parameters
        self.call_kinds: dict[str, list[tuple[str | None, ...]]] = {}
        # user function -> (calling function, per argument: (collection it is, collection whose size it is,
        # its flag_value or char_value)) of its call sites: for parameters that carry the size of another
        # argument (``dfs(nums, i, n)``), number parameters that are flags (``dfs(i + 1, 0)``) and string
        # parameters that are characters (``dfs(i + 1, s[i])``)
        self.call_sizes: dict[str, list[tuple[str, tuple[tuple[str | None, str | None, str | None], ...]]]] = {}
        # every call of a user function: (calling lowering, callee, argument expressions), for ``inline.py``
        self.call_sites: list[tuple["FunctionLowering", str, tuple[ir.Expr, ...]]] = []
        self.constructors: dict[str, str] = {}  # program class -> its constructor function (``inline.py``)
        self.range_functions, self.string_appends = _spec_tables(spec)

    def inferred_kind(self, function: str, position: int) -> str | None:
        """The one known kind all call sites pass at ``position`` (untyped ``def dfs(i, node)``), or None."""
        seen = {kinds[position] for kinds in self.call_kinds.get(function, ()) if len(kinds) > position}
        seen.discard(None)
        return seen.pop() if len(seen) == 1 else None


class FunctionLowering:
    """Lowers one function.  ``outer`` is the enclosing function for nested ones (closures): names the
    nested function does not bind resolve there, and captured collections become extra parameters."""

    def __init__(self, context: ModuleContext, function: ir.FunctionDef,
                 outer: "FunctionLowering | None" = None) -> None:
        self.context = context
        self.spec = context.spec
        self.function = function
        self.outer = outer
        self.kinds: dict[str, str] = {}
        self.refs: dict[str, str] = {}
        self.size_of: dict[str, str] = {}
        # kinds that untyped (``any``) parameters show by their use: len(p) / p[i] / for x in p -> seq,
        # p.left / p.next -> node; read by the module pass when it prints parameter kinds
        self.param_usage: dict[str, str] = {}
        self.captured: list[tuple[str, str]] = []  # (name, kind) of lifted closure variables
        self.local_counter = 0
        self._recursive: bool | None = None
        self.loops: list[ir.Stmt] = []  # the loop statements being lowered, innermost last
        # sized arrays filled like appends (``appends.py``); those whose construction was lowered as one
        self._appended: frozenset[str] | None = None  # computed on first use (``appended``): most functions never ask
        self._stored: set[str] | None = None  # ``appends.stored_arrays``: a cheap filter before ``appended``
        self.appending: set[str] = set()
        # strings grown in place (``s += c`` where that is amortised, ``s.push_str(x)``): built as builders
        self.grown = grown_strings(function, context.spec.inplace_string_append, context.string_appends)
        self.building: set[str] = set()  # of those, the ones this function started as a fresh string
        self.views: set[str] = set()  # names holding a string's characters (``chars = list(s)``)
        self._constant_tables: frozenset[str] | None = None  # ``constant_table``, computed on first use
        self.key_lists: dict[str, str] = {}  # ref of a list of a map's keys -> the map's ref
        for param in function.params:
            self.kinds[param.name] = param.kind
            self.refs[param.name] = f"P:{param.name}"
            if param.kind == "num":
                self.size_of[param.name] = f"P:{param.name}"

    def is_appended(self, name: str) -> bool:
        """Is ``name`` in ``appends.appended_arrays`` of this function?  Only a sized list construction
        asks, so it is computed then (it walks the whole function), and only for a name some statement
        stores into by index (``appends.stored_arrays``, a statement-only walk)."""
        if self._appended is None:
            if self._stored is None:
                self._stored = stored_arrays(self.function.body)
            if name not in self._stored:
                return False
            self._appended = appended_arrays(self.function, self.context.range_functions)
        return name in self._appended

    def retag_constructors(self, body: list[Low]) -> list[Low]:
        """``h = []`` later used with ``heappush(h, x)`` is a heap: fix constructors by the final kind."""
        final = {ref: self.kinds.get(name) for name, ref in self.refs.items()}
        final.update({f"S:{name}": kind for name, kind in self.context.field_kinds.items()})
        if "heap" not in final.values():
            return body  # nothing to retag (the passes build new lists; none changes its input)

        def fix(stmts: list[Low]) -> list[Low]:
            out: list[Low] = []
            for stmt in stmts:
                if stmt[0] == "assign" and stmt[2] == "list" and final.get(stmt[1]) == "heap":
                    stmt = ("assign", stmt[1], "heap", stmt[3])
                elif stmt[0] == "for":
                    stmt = stmt[:3] + (fix(stmt[3]),)
                elif stmt[0] == "while":
                    stmt = stmt[:2] + (fix(stmt[2]),)
                elif stmt[0] == "if":
                    stmt = ("if", stmt[1], fix(stmt[2]), fix(stmt[3]))
                out.append(stmt)
            return out

        return fix(body)

    # ------------------------------------------------------------------------------------- names

    def lookup(self, name: str) -> tuple[str | None, str | None]:
        """(kind, ref) of a name, looking through enclosing functions (lifting captured collections)."""
        if name in self.kinds or name in self.refs:
            return self.kinds.get(name), self.refs.get(name)
        if self.outer is not None:
            kind, ref = self.outer.lookup(name)
            if ref is not None and (kind or "any") not in _SCALAR_KINDS:
                lifted = f"P:{name}"
                self.kinds[name] = kind or "any"
                self.refs[name] = lifted
                self.captured.append((name, kind or "any"))
                return self.kinds[name], lifted
            size = self.outer.size_of.get(name)
            if size is not None:
                # A captured size (``rows = len(grid)``) refers to a captured collection: lift that one.
                self.size_of[name] = self._relocate(size)
                base = size.split("[")[0][2:]
                if base != name and base not in self.kinds:
                    self.lookup(base)
                elif base == name:  # a captured number parameter bounds loops here: lift it
                    self.kinds[name] = "num"
                    self.captured.append((name, "num"))
            return kind, None
        return None, None

    def _relocate(self, ref: str) -> str:
        """A reference of the enclosing function as seen from here (captured names are parameters)."""
        if ref.startswith("V:"):
            return "P:" + ref[2:]
        return ref

    def is_self(self, expr: ir.Expr) -> bool:
        return isinstance(expr, ir.Name) and expr.id in self.spec.self_names

    def kind_of(self, expr: ir.Expr) -> str | None:
        if isinstance(expr, ir.Name):
            return self.lookup(expr.id)[0]
        if isinstance(expr, ir.Attr) and self.is_self(expr.obj):
            return self.context.field_kinds.get(expr.name)
        if isinstance(expr, ir.Index) and not expr.is_slice:
            return "elem" if self.ref_of(expr) else None
        if isinstance(expr, ir.Literal) and expr.kind == "str":
            return "str"
        if isinstance(expr, ir.CollectionLit):
            return expr.kind if expr.kind != "tuple" else None
        if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr) and self.kind_of(expr.func.obj) == "strbuf" \
                and self.method_action(expr.func.obj, expr.func.name) == "strbuf.append":
            return "strbuf"  # sb.append(a).append(b)
        return None

    def set_kind(self, expr: ir.Expr, kind: str) -> None:
        if isinstance(expr, ir.Name):
            if self.kinds.get(expr.id) in (None, "any", "elem", "list", "seq", "deque") or kind == "heap":
                if expr.id not in self.refs:
                    self.refs[expr.id] = f"V:{expr.id}"
                self.kinds[expr.id] = kind
        elif isinstance(expr, ir.Attr) and self.is_self(expr.obj):
            self.context.field_kinds[expr.name] = kind

    def note_usage(self, expr: ir.Expr, kind: str) -> None:
        if isinstance(expr, ir.Name) and self.kinds.get(expr.id) == "any" and \
                self.refs.get(expr.id) == f"P:{expr.id}":
            self.param_usage.setdefault(expr.id, kind)

    def ref_of(self, expr: ir.Expr) -> str | None:
        """The internal reference of a collection-valued expression, or None."""
        if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Name) and len(expr.args) == 1 \
                and self.spec.constructors.get(expr.func.id) == "list" and self.user_function(expr.func) is None:
            return self.ref_of(expr.args[0])  # list(xs), Array.from(xs): a copy holds the elements of xs
        if isinstance(expr, ir.Name):
            kind, ref = self.lookup(expr.id)
            if ref is None or kind in _SCALAR_KINDS:
                return None
            return ref
        if isinstance(expr, ir.Attr) and self.is_self(expr.obj):
            return f"S:{expr.name}"
        if isinstance(expr, ir.Attr) and expr.name in _wrap_methods(self.spec) \
                and self.kind_of(expr.obj) in _VALUE_KINDS \
                and self.method_action(expr.obj, expr.name) == "wrap":
            return self.ref_of(expr.obj)  # C# ``m.Values``, Kotlin ``m.keys``: a view of the collection
        if isinstance(expr, ir.Index) and not expr.is_slice:
            base = self.ref_of(expr.obj)
            self.note_usage(expr.obj, "seq")
            return None if base is None else base + "[]"
        if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr):
            action = self.method_action(expr.func.obj, expr.func.name)
            if action in ("wrap", "copy", "sort", "view") or action == "iterate" and not expr.args:
                return self.ref_of(expr.func.obj)
            if action in ("map.get", "tree.get"):  # m.get(k).add(x) acts on a value, like d[k].append(x)
                base = self.ref_of(expr.func.obj)
                return None if base is None else base + "[]"
            if action == "strbuf.append" and self.kind_of(expr.func.obj) == "strbuf":
                return self.ref_of(expr.func.obj)  # sb.append(a).append(b): a builder's append returns it
        if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Name) and expr.args:
            action, position = self.spec.functions.get(expr.func.id, (None, 0))
            if action in ("wrap", "copy", "sort", "view") and len(expr.args) > position:
                return self.ref_of(expr.args[position])
        if isinstance(expr, ir.Call):
            viewed = self.view_source(expr)
            if viewed is not None:  # for c in list(s) walks s
                return self.ref_of(viewed)
        return None

    def size_ref(self, expr: ir.Expr | None) -> str | None:
        """The reference whose size a numeric expression is (``len(xs) - 1`` -> xs), CONST for literals."""
        if expr is None:
            return None
        if isinstance(expr, ir.Literal):
            return CONST if expr.kind in ("num", "char") else None
        if isinstance(expr, ir.Name):
            kind, ref = self.lookup(expr.id)
            self.note_usage(expr, "num")  # an untyped parameter read as a bound (range(n), i < n) is a number
            if expr.id in self.size_of:
                return self.size_of[expr.id]
            if ref is not None and kind not in _SCALAR_KINDS and kind != "num":
                return ref  # iterating "up to a collection" only happens through sizes; keep it
            return None
        if isinstance(expr, ir.Attr):
            if expr.name in self.spec.size_attributes:
                if isinstance(expr.obj, ir.Name) and self.ref_of(expr.obj) is not None \
                        and self.constant_table(expr.obj.id):
                    return CONST  # VALUES.length of a table of constants
                return self.ref_of(expr.obj)
            if self.is_self(expr.obj):
                return self.size_of.get("self." + expr.name)
            return None
        if isinstance(expr, ir.Call):
            if isinstance(expr.func, ir.Name):
                action = self.spec.functions.get(expr.func.id, (None, 0))[0]
                if action == "size" and expr.args:
                    self.note_usage(expr.args[0], "seq")
                    if isinstance(expr.args[0], ir.Name) and self.ref_of(expr.args[0]) is not None \
                            and self.constant_table(expr.args[0].id):
                        return CONST  # len(VALUES) of a table of constants
                    return self.ref_of(expr.args[0])
                base = expr.func.id.rsplit(".", 1)[-1].split("::")[-1].lower()
                if base.removesuffix("_element") in _MIN_MAX and action == "reduce" and self._iterator_range(expr.args):
                    return self.ref_of(expr.args[0])  # *max_element(xs.begin(), xs.end()) bounds like max(xs)
                if base in _MIN_MAX:
                    for arg in expr.args:
                        ref = self.size_ref(arg)
                        if ref not in (None, CONST):
                            return ref
                    return None
                if expr.args and all(isinstance(arg, ir.Literal) for arg in expr.args) \
                        and self.user_function(expr.func) is None:
                    return CONST  # ord('a'), Character.getNumericValue('9'): a library function of literals
                return None
            if isinstance(expr.func, ir.Attr):
                action = self.method_action(expr.func.obj, expr.func.name)
                if action == "size" or action == "reduce" and expr.func.name.lower() in _MIN_MAX:
                    return self.ref_of(expr.func.obj)  # xs.max() bounds like max(xs)
            return None
        if isinstance(expr, ir.BinOp) and expr.op in ("+", "-", "*", "/", "//", "%", ">>", "<<", "**"):
            left, right = self.size_ref(expr.left), self.size_ref(expr.right)
            if left not in (None, CONST):
                return left
            if right not in (None, CONST):
                return right
            if left == CONST and right == CONST:
                return CONST
            return None
        if isinstance(expr, ir.UnaryOp):
            return self.size_ref(expr.operand)
        return None

    def new_local(self, name: str, kind: str) -> str:
        ref = f"V:{name}"
        if self.refs.get(name, "").startswith("V:") and self.refs[name] != ref:
            ref = self.refs[name]
        self.refs[name] = ref
        self.kinds[name] = kind
        self.size_of.pop(name, None)
        return ref

    # ---------------------------------------------------------------------------------- calls

    def method_action(self, receiver: ir.Expr, method: str) -> str | None:
        kind = receiver_kind(self.kind_of(receiver))
        methods = self.spec.methods
        return methods.get((kind, method)) or methods.get(("*", method))

    def user_function(self, func: ir.Expr) -> str | None:
        if isinstance(func, ir.Name) and func.id in self.context.function_names:
            if self.lookup(func.id)[1] is None:
                return func.id
        if isinstance(func, ir.Name) and func.id in self.context.constructors and self.lookup(func.id)[1] is None:
            return self.context.constructors[func.id]  # ``UnionFind(n)``, ``new Trie()``: its constructor runs
        if isinstance(func, ir.Attr) and self.is_self(func.obj) and func.name in self.context.function_names:
            return func.name
        if isinstance(func, ir.Attr) and func.name in self.context.function_names and \
                self.method_action(func.obj, func.name) is None:
            # ``tree.update(i)`` on an object of a class the program defines (a Fenwick tree, a trie): the
            # method is one of the program's functions; a library method would have an action.
            return func.name
        return None

    def call_ops(self, call: ir.Call) -> list[Low]:
        func = call.func
        user = self.user_function(func)
        if user is not None:
            self.context.call_kinds.setdefault(user, []).append(tuple(map(self.argument_kind, call.args)))
            self.context.call_sizes.setdefault(user, []).append(
                (self.function.name, tuple(map(self.argument_size, call.args))))
            self.context.call_sites.append((self, user, call.args))
            return self.many_ops(call.args) + self.empty_arguments(call.args) + [("call", f"F:{user}", None)]
        viewed = self.view_source(call)
        if viewed is not None:
            return self.expr_ops(viewed)
        if isinstance(func, ir.Attr):
            qualified = _qualified(func)
            if qualified is not None and qualified in self.spec.functions and self.ref_of(func.obj) is None:
                return self.function_ops(qualified, call.args)
            receiver = func.obj
            action = self.method_action(receiver, func.name)
            out = self.expr_ops(receiver)
            if action is None:
                return out + self.many_ops(call.args)
            if action == "iterate":
                return out + self.iterate(receiver, call.args)
            out += self.many_ops(call.args)
            if action in ("size", "none", "wrap", "nonempty", "empty", "range", "view"):
                return out
            if action in ("map.get", "tree.get") and len(call.args) == 1 \
                    and self.iterated_key(self.ref_of(receiver), call.args[0]):
                return out  # m.get(k) in for (k of m.keys()): the walk over the items
            if self.spec.value_collections and action in _INSERT_OPS and self.recursive():
                out += self.value_copies(call.args)
            fresh = _FRESH_OPS if action == "copy" else ("slice",)
            if action in ("copy", "slice") and (
                    isinstance(receiver, (ir.BinOp, ir.Literal)) and action == "copy"
                    or isinstance(receiver, ir.Call) and out and out[-1][0] == "call"
                    and out[-1][1] in fresh):
                # xs.take(i).toIntArray(), (a - b).toList(): a new collection changes its type;
                # " ".repeat(k): a string of a literal (Python's " " * k); xs.Skip(1).Take(m): one slice
                return out
            if action == "copy":
                return out + [("call", "copy", self.ref_of(receiver) or UNKNOWN)]
            if action == "slice" and (len(call.args) == 2 and _constant_bounds(call.args[0], call.args[1])
                                      or len(call.args) == 1 and _negative_literal(call.args[0])):
                return out  # s.substring(i, i + 10), s.substr(i, 10), s.slice(-1): a piece of constant length
            if action == "str.join" and any(isinstance(part, ir.CollectionLit) and part.kind in ("list", "tuple")
                                            for part in (receiver, *call.args[:1])):
                # ",".join([a, b, c]), JavaScript's [a, b, c].join(","): a fixed number of pieces, as Java's
                # a + "," + b + "," + c
                return out
            if action == "str.join" and isinstance(receiver, ir.Literal) and call.args \
                    and self.ref_of(call.args[0]) is not None:
                joined = self.ref_of(call.args[0])
                if _empty_string(receiver) and (self._ref_kind(joined) == "str" or self._is_view(call.args[0])
                                                or out and out[-1] == ("call", "sort", joined)):
                    # "".join(chars) of chars = list(s) (or sorted(s)): the string's characters back as a
                    # string, a change of representation like list(s) itself; String(chars), string(b),
                    # and a C++ string edited in place need no such step (nor after a sort, which costs more)
                    return out
                return out + [("call", action, joined)]  # "".join(parts) works on parts
            if self.kind_of(receiver) in (None, "any", "elem") and "." in action:
                self.set_kind(receiver, _kind_of_op(action))
            if action == "str.join" and call.args and _empty_string(call.args[0]) and self.kind_of(receiver) != "str" \
                    and (self._ref_kind(self.ref_of(receiver)) == "str" or self._is_view(receiver)
                         or out and out[-1] == ("call", "sort", self.ref_of(receiver))):
                return out  # chars.join("") of chars = s.split("") (or of its sort): the string again
            return out + [("call", action, self.ref_of(receiver) or UNKNOWN)]
        if isinstance(func, ir.Name):
            if func.id in self.spec.functions:
                return self.function_ops(func.id, call.args)
            if func.id in self.spec.constructors:
                out = self.many_ops(call.args)
                source = self.ref_of(call.args[0]) if call.args else None
                if source is not None:
                    out.append(("call", "copy", source))
                return out
            return self.many_ops(call.args)
        return self.expr_ops(func) + self.many_ops(call.args)

    def empty_arguments(self, args: tuple[ir.Expr, ...]) -> list[Low]:
        """An empty collection built in a call of the program's own function (Python's ``dfs(0, [])``, Java's
        ``dfs(0, new ArrayList<>())``) is built before the call, as ``List<Integer> cur = new ArrayList<>();
        dfs(0, cur)`` and Swift's ``var path = [Int](); dfs(0, &path)`` build it: one construction, whichever
        way a translation spells it."""
        out: list[Low] = []
        for arg in args:
            kind = None
            if isinstance(arg, ir.CollectionLit) and not arg.items and arg.kind in ("list", "set", "map"):
                kind = arg.kind
            elif isinstance(arg, ir.Call) and not arg.args:
                name = arg.func.id if isinstance(arg.func, ir.Name) else _qualified(arg.func)
                if name is not None and self.user_function(arg.func) is None:
                    kind = self.spec.constructors.get(name)
            if kind is not None and kind in CONSTRUCTORS_BUILT:
                out.append(("assign", f"V:<argument {len(self.context.call_sites)}.{len(out)}>", kind, None))
        return out

    def value_copies(self, args: tuple[ir.Expr, ...]) -> list[Low]:
        """The copies a value-semantics language makes when a collection is inserted into another
        (``res.push_back(path)`` is Python's ``res.append(path[:])``): in a recursive function (backtracking),
        of a collection that outlives the insertion, a parameter or field (the path); a local built here
        (``level`` of a BFS) is handed over as Python hands over its list, so its copy is not part of the
        algorithm, nor is a one-off copy outside recursion (``res.push_back(newInterval)``)."""
        out: list[Low] = []
        for arg in args:
            if isinstance(arg, ir.Name) and (self.lookup(arg.id)[0] in _VALUE_KINDS
                                             or self.lookup(arg.id)[0] == "any" and self.grown_parameter(arg.id)):
                self.note_usage(arg, "seq")  # (an untyped path: copied, so a sequence, as ``path[:]`` shows)
                ref = self.ref_of(arg)
                if ref is not None and not ref.startswith("V:"):
                    out.append(("call", "copy", ref))
        return out

    def grown_parameter(self, name: str) -> bool:
        """Is ``name`` an untyped parameter this function appends to (``path.append(x)``)?  Then it is a
        collection, not a number: Swift's nested ``func dfs(_ path: inout [Int])`` is untyped like Python's
        nested ``def``, and its ``res.append(path)`` copies the path as C++'s ``res.push_back(path)`` does."""
        if self.refs.get(name) != f"P:{name}":
            return False
        return any(isinstance(node, ir.Call) and isinstance(node.func, ir.Attr) and isinstance(node.func.obj, ir.Name)
                   and node.func.obj.id == name and self.spec.methods.get(("list", node.func.name)) == "list.append"
                   for stmt in self.function.body for node in walk_expr(stmt))

    def argument_kind(self, expr: ir.Expr) -> str | None:
        """The parameter kind an argument evidently has (literals, typed names, arithmetic), else None."""
        if isinstance(expr, ir.Literal):
            return {"num": "num", "char": "num", "str": "str", "bool": "bool"}.get(expr.kind)
        if isinstance(expr, ir.Name):
            kind = self.lookup(expr.id)[0]
            return _ARGUMENT_KINDS.get(kind or "")
        if isinstance(expr, ir.BinOp) and expr.op in _ARITHMETIC:
            left, right = self.argument_kind(expr.left), self.argument_kind(expr.right)
            if expr.op == "+" and (left in ("str", "seq") or right in ("str", "seq")):
                return left if left == right else None  # concatenation
            return "num" if "num" in (left, right) and {left, right} <= {"num", None} else None
        if isinstance(expr, ir.UnaryOp) and expr.op == "-":
            return self.argument_kind(expr.operand)
        if isinstance(expr, ir.Call) and self.size_ref(expr) not in (None, CONST):
            return "num"  # len(xs), xs.size()
        if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Name) and len(expr.args) >= 2 \
                and self.spec.functions.get(expr.func.id, ("",))[0] == "reduce":
            kinds = {self.argument_kind(arg) for arg in expr.args}
            return "num" if "num" in kinds and kinds <= {"num", None} else None  # max(best, x)
        if isinstance(expr, ir.CollectionLit) and expr.kind == "list":
            return "seq"  # (a tuple is a fixed record of values, like the separate arguments Java passes)
        if isinstance(expr, ir.CollectionLit) and expr.kind in ("set", "map"):
            return expr.kind
        if isinstance(expr, ir.Index) and expr.is_slice:
            sliced = self.kind_of(expr.obj)  # (a slice of an untyped parameter is whatever that parameter is)
            return "str" if sliced == "str" else None if sliced in (None, "any") else "seq"
        return None

    def char_value(self, expr: ir.Expr) -> str | None:
        """``"char"`` for a string's element ``s[i]`` (a character, which a Python helper is called with
        where Java passes a ``char``), ``"charlit"`` for a literal of at most one character, ``"name:<id>"``
        for a name, else None."""
        if isinstance(expr, ir.Literal) and expr.kind in ("str", "char"):
            text = expr.text.strip("'\"")
            return "charlit" if len(text) <= 1 or len(text) == 2 and text.startswith("\\") else None
        if isinstance(expr, ir.Index) and not expr.is_slice and self.kind_of(expr.obj) == "str":
            return "char"
        return f"name:{expr.id}" if isinstance(expr, ir.Name) else None

    def argument_size(self, expr: ir.Expr) -> tuple[str | None, str | None, str | None]:
        """(the collection an argument is, the collection whose size it is, its ``flag_value`` or
        ``char_value``) of a
        user call's argument; asked after ``argument_kind``, which has looked its names up already (a size
        is only read, not looked up again: ``size_ref`` would note an untyped parameter as a number)."""
        flag = flag_value(expr, {name for name, kind in self.kinds.items() if kind == "bool"}) or self.char_value(expr)
        while isinstance(expr, ir.UnaryOp) and expr.op in ("&", "*"):  # Rust &xs, &mut xs; C++ *p
            expr = expr.operand
        if isinstance(expr, ir.Name):
            size = self.size_of.get(expr.id)
            return (self.ref_of(expr) if size is None else None), size, flag
        if isinstance(expr, (ir.Attr, ir.Call)):
            size = self.size_ref(expr)
            return None, (size if size != CONST else None), flag
        return None, None, flag

    def function_ops(self, name: str, args: tuple[ir.Expr, ...]) -> list[Low]:
        action, position = self.spec.functions[name]
        target = args[position] if len(args) > position else None
        if action == "iterate" or action == "reduce" and isinstance(target, ir.Comprehension):
            if isinstance(target, ir.Comprehension):
                return self.many_ops(args)  # the generator's own loop is the pass
            if target is not None and self.ref_of(target) is not None:
                return self.many_ops(args) + [("call", "reduce", self.ref_of(target))]
            return self.many_ops(args)
        out = self.many_ops(args)
        if action == "size" and target is not None:
            self.note_usage(target, "seq")  # len(xs): a collection, whether or not it bounds a loop
        if action == "bsearch" and target is not None:
            self.note_usage(target, "seq")  # bisect_left(a, x): a sorted list, as Java's int[] a says
        if action in ("size", "none", "wrap", "range", "nonempty", "empty", "view"):
            return out
        ref = self.ref_of(target) if target is not None else None
        if ref is None and isinstance(target, ir.BinOp) and target.op in ("+", "-") and isinstance(target.left, ir.Call):
            ref = self.ref_of(target.left)  # lower_bound(v.begin() + i, v.end(), x): an iterator into v
        if action == "reduce" and ref is None and len(args) == 1 and isinstance(target, ir.Index) and target.is_slice \
                and out and out[-1][0] == "call" and out[-1][1] in ("slice", "copy") and out[-1][2] not in (None, UNKNOWN):
            # sum(xs[k:]), max(xs[i:j]): one pass over (part of) xs, as the index loop other languages write
            # (the slice's copy costs what the pass does); its result is a number, not a list
            return out[:-1] + [("call", "reduce", out[-1][2])]
        if action == "reduce" and (ref is None or len(args) > 1 and not any(isinstance(a, ir.Lambda) for a in args)) \
                and not self._iterator_range(args):
            return out  # max(a, b) on scalars (also max(dp[i], dp[j]): two values, not one collection)
        if action == "copy":
            return out + ([("call", "copy", ref)] if ref else [])
        if target is not None and action.startswith("heap.") and self.kind_of(target) != "heap":
            self.set_kind(target, "heap")
            ref = self.ref_of(target)
        return out + [("call", action, ref or UNKNOWN)]

    def _iterator_range(self, args: tuple[ir.Expr, ...]) -> bool:
        """``accumulate(xs.begin(), xs.end(), 0)``: the first two arguments are iterators into one collection.

        Calls, not values: ``max(dp[i], dp[j])`` also names one collection twice but compares two items.
        """
        if len(args) < 2 or not all(isinstance(arg, ir.Call) for arg in args[:2]):
            return False
        first, second = self.ref_of(args[0]), self.ref_of(args[1])
        return first is not None and first == second

    def iterate(self, receiver: ir.Expr, args: tuple[ir.Expr, ...]) -> list[Low]:
        """``xs.forEach(x -> ...)``, ``xs.map { }``: a loop over the receiver with the lambda inside."""
        body: list[Low] = []
        ref = self.ref_of(receiver) or UNKNOWN
        domain = "over"
        if isinstance(receiver, ir.Range):  # (0 until n).map { }: a counting loop
            domain, ref, _ = self.range_domain((receiver.start, receiver.stop))
        for arg in args:
            if isinstance(arg, ir.Lambda):
                for param in arg.params:
                    if isinstance(receiver, ir.Range):
                        self.refs.pop(param, None)
                        self.kinds[param] = "num"
                        continue
                    self.refs[param] = ref + "[]" if ref != UNKNOWN else UNKNOWN
                    self.kinds[param] = "elem"
                body += self.expr_ops(arg.body)
            else:
                body += self.expr_ops(arg)
        return [("for", domain, ref, body)]

    # ----------------------------------------------------------------------------- expressions

    def many_ops(self, exprs: Iterable[ir.Expr | None]) -> list[Low]:
        out: list[Low] = []
        for expr in exprs:
            out += self.expr_ops(expr)
        return out

    def _attr_ops(self, expr: ir.Attr) -> list[Low]:
        if expr.name in _NODE_FIELDS:
            self.note_usage(expr.obj, "node")
        elif expr.name in self.spec.size_attributes:
            self.note_usage(expr.obj, "seq")  # xs.length: a collection (as len(xs) is)
        return self.expr_ops(expr.obj)

    def expr_ops(self, expr: ir.Expr | None) -> list[Low]:
        """The operations an expression performs, in evaluation order (loops for comprehensions).

        Dispatch is by exact type through ``_EXPR_OPS`` (the hot path of the whole normaliser)."""
        handler = _EXPR_OPS.get(type(expr))
        return handler(self, expr) if handler is not None else []

    def _index_ops(self, expr: ir.Index) -> list[Low]:
        out = self.expr_ops(expr.obj) + self.expr_ops(expr.index)
        ref = self.ref_of(expr.obj)
        self.note_usage(expr.obj, "seq")  # an untyped parameter read by index is a collection, as in Java
        if expr.is_slice and _constant_slice(expr.index):
            return out
        if expr.is_slice:
            return out + [("call", _slice_op(expr.index), ref or UNKNOWN)]
        kind = self.kind_of(expr.obj)
        if kind in ("map", "tree") and self.iterated_key(ref, expr.index):
            return out  # for k in d: d[k] walks the items (d.items(), entrySet(), Object.entries(d))
        if kind in ("map", "tree"):
            out.append(("call", f"{kind}.get", ref or UNKNOWN))
        elif kind == "set":  # Go's map[K]bool set: seen[x] is membership
            out.append(("call", "set.has", ref or UNKNOWN))
        return out

    def _binop_ops(self, expr: ir.BinOp) -> list[Low]:
        out = self.expr_ops(expr.left) + self.expr_ops(expr.right)
        if expr.op in ("in", "not in"):
            out += self.membership(expr.right)
        return out

    def _unary_ops(self, expr: ir.UnaryOp) -> list[Low]:
        out = self.expr_ops(expr.operand)
        if expr.op in ("++", "--") and isinstance(expr.operand, ir.Index):
            out += self.store_ops(expr.operand.obj)
        return out

    def iterated_key(self, ref: str | None, key: ir.Expr) -> bool:
        """Is ``key`` the loop variable of a walk over the keys of the map ``ref`` (``for k in d``, ``for k of
        sortedKeys`` where ``sortedKeys`` lists d's keys)?  Its lookup ``d[k]`` is then part of the walk."""
        if ref is None or not isinstance(key, ir.Name):
            return False
        walked = self.refs.get(key.id, "")
        if not walked.endswith("[]"):
            return False
        walked = walked[:-2]
        return walked == ref or self.key_lists.get(walked) == ref

    def membership(self, container: ir.Expr) -> list[Low]:
        kind = self.kind_of(container)
        ref = self.ref_of(container)
        if isinstance(container, (ir.Range, ir.CollectionLit)) or (isinstance(container, ir.Literal)):
            return []
        if isinstance(container, ir.Name) and ref is not None and kind in ("list", "seq") \
                and self.constant_table(container.id):
            return []  # x in PRIMES: a test against constants, as x in [2, 3, 5]
        if isinstance(container, ir.Call) and isinstance(container.func, ir.Attr):
            action = self.method_action(container.func.obj, container.func.name)
            if action == "wrap":  # key in d.keys()
                kind, ref = self.kind_of(container.func.obj), self.ref_of(container.func.obj)
        if ref is None:
            return []
        op = {"map": "map.has", "set": "set.has", "tree": "tree.has", "str": "str.find"}.get(kind or "", "list.has")
        return [("call", op, ref)]

    def store_ops(self, container: ir.Expr) -> list[Low]:
        """``m[k] = v`` / ``m[k]++``: a put on maps and ordered maps; O(1) on arrays."""
        kind = self.kind_of(container)
        if kind in ("map", "tree"):
            return [("call", f"{kind}.put", self.ref_of(container) or UNKNOWN)]
        if kind == "set":  # seen[x] = true
            return [("call", "set.add", self.ref_of(container) or UNKNOWN)]
        return []

    def comprehension(self, comp: ir.Comprehension, target: str | None) -> list[Low]:
        """Desugar ``[e for x in xs if c]`` into loops, appending to ``target`` when it builds one."""
        add = {"list": "list.append", "set": "set.add", "map": "map.put"}.get(comp.kind)
        inner: list[Low] = self.expr_ops(comp.element)
        if target is not None and add is not None:
            inner.append(("call", add, target))
        for generator in reversed(comp.generators):
            pre, loop = self.loop_for(generator.targets, generator.iter, [])
            body = self.many_ops(generator.conditions)
            if generator.conditions and inner:
                body.append(("if", [], inner, []))
            else:
                body += inner
            loop = loop[:3] + (body,)
            inner = pre + [loop]
        return inner

    # ------------------------------------------------------------------------------ statements

    def block(self, stmts: Iterable[ir.Stmt]) -> list[Low]:
        out: list[Low] = []
        for stmt in stmts:
            out += self.stmt(stmt)
        return out

    def stmt(self, stmt: ir.Stmt) -> list[Low]:
        if isinstance(stmt, (ir.Foreach, ir.CFor, ir.While)):
            self.loops.append(stmt)
            try:
                return self._stmt(stmt)
            finally:
                self.loops.pop()
        return self._stmt(stmt)

    def _stmt(self, stmt: ir.Stmt) -> list[Low]:
        branches = _conditional_branches(stmt)
        if branches is not None:
            return _checked_lookup(self.if_stmt(branches))
        if isinstance(stmt, ir.Assign):
            return self.assign(stmt)
        if isinstance(stmt, ir.ExprStmt):
            return self.expr_stmt(stmt.expr)
        if isinstance(stmt, ir.If):
            return self.if_stmt(stmt)
        if isinstance(stmt, ir.Foreach):
            pre, loop = self.loop_for(stmt.targets, stmt.iter, stmt.body)
            if loop[1] == "over" and isinstance(stmt.iter, ir.Name) and self.kind_of(stmt.iter) == "list":
                loop = self.growing_worklist(loop[2], loop[3])
            return pre + [loop]
        if isinstance(stmt, ir.CFor):
            return self.c_for(stmt)
        if isinstance(stmt, ir.While):
            return self.while_stmt(stmt.test, stmt.body)
        if isinstance(stmt, ir.Return):
            return self.returned_ops(stmt.value) + [("exit", "return")]
        if isinstance(stmt, ir.Break):
            return [("exit", "break")]
        if isinstance(stmt, ir.Continue):
            return [("exit", "continue")]
        if isinstance(stmt, ir.Delete):
            return self.delete(stmt)
        if isinstance(stmt, ir.Block):
            return self.block(stmt.body)
        if isinstance(stmt, ir.FunctionDef):
            # Nested functions are hoisted by the module pass; a named local function shadows nothing here.
            self.kinds[stmt.name] = "fn"
            return []
        return []

    def returned_ops(self, value: ir.Expr | None) -> list[Low]:
        """The operations of a returned value, without a final copy of a collection (``return list(res)``,
        ``new ArrayList<>(deque)``, ``.collect()``): handing the result over in the caller's type is not a
        step of the algorithm, and most translations return the collection itself.  Recursive functions keep
        it (a copy per call is work)."""
        if isinstance(value, ir.Comprehension) and value.kind in ("list", "set", "map") \
                and self.filled_list(value) is None:
            # ``return [f(q) for q in queries]`` (Rust's ``.map(f).collect()``, Swift's ``.map { }``) builds the
            # list it returns, as ``res = [f(q) for q in queries]; return res`` and an explicit loop do
            self.local_counter += 1
            ref = self.new_local(f"$returned{self.local_counter}", value.kind)
            return [("assign", ref, value.kind, None)] + self.comprehension(value, ref)
        ops = self.expr_ops(value)
        if ops and ops[-1][0] == "call" and ops[-1][1] == "copy" and not self.recursive() \
                and not self._measures(value):
            ops = ops[:-1]
        return ops

    def _measures(self, value: ir.Expr | None) -> bool:
        """``return len(set(xs)) < len(xs)``: the copy is measured or compared, not handed over, so it stays."""
        if isinstance(value, (ir.BinOp, ir.UnaryOp, ir.Cond)):
            return True
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Name):
            return self.spec.functions.get(value.func.id, (None, 0))[0] in ("size", "reduce")
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Attr):
            return self.method_action(value.func.obj, value.func.name) in ("size", "reduce")
        return False

    def recursive(self) -> bool:
        """Does the function call itself (directly)?  Computed once, on first need."""
        if self._recursive is None:
            name = self.function.name
            self._recursive = any(
                isinstance(node, ir.Call) and (isinstance(node.func, ir.Name) and node.func.id == name or
                                               isinstance(node.func, ir.Attr) and node.func.name == name)
                for node in walk_expr(ir.Opaque("body", tuple(_statement_exprs(self.function.body)))))
        return self._recursive

    def expr_stmt(self, expr: ir.Expr) -> list[Low]:
        return self.expr_ops(expr)

    def delete(self, stmt: ir.Delete) -> list[Low]:
        out: list[Low] = []
        for target in stmt.targets:
            if isinstance(target, ir.Index):
                out += self.expr_ops(target.obj) + self.expr_ops(target.index)
                kind = self.kind_of(target.obj)
                ref = self.ref_of(target.obj) or UNKNOWN
                op = {"map": "map.del", "tree": "tree.del", "set": "set.del"}.get(kind or "", "list.del")
                out.append(("call", op, ref))
        return out

    def assign(self, stmt: ir.Assign) -> list[Low]:
        value = stmt.value
        if stmt.op is not None:
            return self.augmented(stmt)
        if value is None:
            declared_out: list[Low] = []
            for target in stmt.targets:
                if isinstance(target, ir.Name) and stmt.declared:
                    self.kinds[target.id] = stmt.declared
                    if stmt.declared not in _SCALAR_KINDS:
                        self.refs[target.id] = f"V:{target.id}"
                    if stmt.declared == "str" and target.id in self.grown:  # C++ ``string s;`` then s += c
                        declared_out.append(("assign", self.refs[target.id], "strbuf", None))
                        self.building.add(target.id)
                elif isinstance(target, ir.Attr) and self.is_self(target.obj) and stmt.declared:
                    # a declared field (C++ ``unordered_map<int,int> memo;`` member): its kind only
                    self.context.field_kinds.setdefault(target.name, stmt.declared)
            return declared_out
        out: list[Low] = []
        targets = stmt.targets
        if len(targets) == 1 and isinstance(targets[0], ir.CollectionLit) and isinstance(value, ir.CollectionLit) \
                and len(targets[0].items) == len(value.items):
            for target, item in zip(targets[0].items, value.items):
                out += self.assign(ir.Assign((target,), item, line=stmt.line))
            return out
        for index, target in enumerate(targets):
            if isinstance(target, (ir.Name,)) or (isinstance(target, ir.Attr) and self.is_self(target.obj)):
                out += self.assign_name(target, value, stmt.declared, evaluate=index == 0)
            elif isinstance(target, ir.Index):
                if index == 0:
                    out += self.expr_ops(value)
                out += self.expr_ops(target.obj) + self.expr_ops(target.index) + self.store_ops(target.obj)
                if isinstance(target.obj, ir.Name) and target.obj.id in self.appending:
                    out.append(("call", "list.append", self.ref_of(target.obj) or UNKNOWN))
            elif isinstance(target, ir.CollectionLit):  # a, b = f(x)
                if index == 0:
                    out += self.expr_ops(value)
                for item in target.items:
                    if isinstance(item, ir.Name):
                        self.size_of.pop(item.id, None)
                element = self.ref_of(value) if isinstance(value, ir.Index) and not value.is_slice else None
                if element is not None and target.items and isinstance(target.items[0], ir.Name):
                    # (start, end) = queries[k]: unpacked as a loop ``for start, end in queries`` unpacks
                    # its element (the first name stands for the element, the others are numbers)
                    for position, item in enumerate(target.items):
                        if isinstance(item, ir.Name) and position == 0:
                            self.refs[item.id], self.kinds[item.id] = element, "elem"
                        elif isinstance(item, ir.Name):
                            self.refs.pop(item.id, None)
                            self.kinds[item.id] = "num"
            elif index == 0:
                out += self.expr_ops(value)
        return out

    def target_ref(self, target: ir.Expr, kind: str) -> str:
        if isinstance(target, ir.Attr):
            self.context.field_kinds[target.name] = kind
            return f"S:{target.name}"
        assert isinstance(target, ir.Name)
        return self.new_local(target.id, kind)

    def assign_name(self, target: ir.Expr, value: ir.Expr, declared: str | None, evaluate: bool) -> list[Low]:
        if isinstance(value, ir.BinOp) and value.op == "+" and all(
                isinstance(part, ir.Index) and part.is_slice and _same(part.obj, target) for part in (value.left, value.right)) \
                and self.kind_of(target) not in ("str", "strbuf") and self.ref_of(target) is not None:
            # xs = xs[:i] + xs[i + 1:], Go's xs = append(xs[:i], xs[i+1:]...): the items of xs but a middle
            # part, in xs again, which is deleting that part (O(n)), as del xs[i] and xs.remove(i) do
            return self.expr_ops(value.left.index) + self.expr_ops(value.right.index) + \
                [("call", "list.del", self.ref_of(target))]
        if isinstance(target, ir.Name) and target.id in self.grown and self._fresh_string(value):
            # res = "" grown by res += c: a string builder (``appends.grown_strings``)
            self.building.add(target.id)
            return [("assign", self.new_local(target.id, "str"), "strbuf", None)]
        if isinstance(target, ir.Name) and self.building and not (
                isinstance(value, ir.BinOp) and value.op == "+" and _same(value.left, target)):
            self.building.discard(target.id)  # res = s[1:]: a copy of another string, no longer our builder
        viewed = self.view_source(value) if isinstance(target, ir.Name) else None
        if isinstance(target, ir.Name) and self.views:
            self.views.discard(target.id)
        if viewed is not None:  # chars = list(s): another name for s's characters
            self.views.add(target.id)  # type: ignore[union-attr]
            self.refs[target.id] = self.ref_of(viewed)  # type: ignore[union-attr]
            self.kinds[target.id] = "list"  # type: ignore[union-attr]
            self.size_of.pop(target.id, None)  # type: ignore[union-attr]
            return self.expr_ops(viewed) if evaluate else []
        construction = self.construction(value, declared)
        if construction is not None:
            kind, op, source, pre = construction
            ref = self.target_ref(target, kind)
            literal = _unwrapped(value, self.context.function_names)
            if isinstance(literal, ir.CollectionLit) and literal.kind in ("list", "tuple") \
                    and isinstance(target, ir.Name) and self.constant_table(target.id):
                return pre  # dirs = [(0, 1), ..]: constant data (its loops are ``for const``), no structure
            if op in ("sort", "copy", "list") and source is not None \
                    and self._ref_kind(source) in ("map", "tree"):
                self.key_lists[ref] = source  # keys = sorted(m.keys()): a list of m's keys
            if op == "list" and isinstance(target, ir.Name) and self.is_appended(target.id):
                self.appending.add(target.id)  # res = new int[n] filled by res[k++] = x: res = [] + appends
                source = None
            if isinstance(value, ir.Comprehension) and (op != "list" or self.filled_list(value) is None):
                return [("assign", ref, kind, None)] + self.comprehension(value, ref)
            return pre + [("assign", ref, op, source)]
        name = target.id if isinstance(target, ir.Name) else "self." + target.name  # type: ignore[union-attr]
        out = self.expr_ops(value) if evaluate else []
        # s = s + x on a string is a concatenation
        if isinstance(value, ir.BinOp) and value.op == "+" and _same(value.left, target):
            if self.kind_of(target) == "str":
                grows = isinstance(target, ir.Name) and target.id in self.building \
                    and "s = s +" in self.spec.inplace_string_append
                out.append(("call", "strbuf.append" if grows else "str.concat", self.ref_of(target)))
            return out
        # s = x + s prepends: no language extends a string at its front in place, so it always copies
        if isinstance(value, ir.BinOp) and value.op == "+" and _same(value.right, target) \
                and self.kind_of(target) == "str":
            out.append(("call", "str.concat", self.ref_of(target)))
            return out
        alias = self.ref_of(value) if isinstance(value, (ir.Name, ir.Attr, ir.Index, ir.Call)) else None
        if alias is not None and not isinstance(value, ir.Call):
            if isinstance(target, ir.Name):
                self.refs[target.id] = alias
                self.kinds[target.id] = self.kind_of(value) or "elem"
                self.size_of.pop(target.id, None)
            return out
        if declared and declared not in _SCALAR_KINDS and isinstance(target, ir.Name):
            self.kinds[target.id] = declared
            self.refs.setdefault(target.id, f"V:{target.id}")
            return out
        if isinstance(target, ir.Name) and isinstance(value, ir.Call) and out and out[-1][0] == "call" \
                and out[-1][1] == "str.split" and self._splits(value) and self.lookup(target.id)[1] is None:
            # words = s.split(): a list of the pieces, as Java's declared String[] words = s.split(" ")
            self.kinds[target.id] = "list"
            self.refs[target.id] = f"V:{target.id}"
            self.size_of.pop(target.id, None)
            return out
        size = self.size_ref(value)
        if isinstance(target, ir.Name):
            if self.kinds.get(target.id) not in (None, "num", "any") and self.refs.get(target.id, "").startswith("P:"):
                return out
            if size is not None and size != CONST:
                self.size_of[target.id] = size
            else:
                self.size_of.pop(target.id, None)
            if self.kinds.get(target.id) is None or self.kinds.get(target.id) == "elem":
                if isinstance(value, ir.Literal) and value.kind == "str" or self._made_string(value):
                    # a string that may grow, or one made from a number (str(x), strconv.Itoa(x))
                    self.kinds[target.id] = "str"
                    self.refs[target.id] = f"V:{target.id}"
                else:
                    self.kinds[target.id] = "num"
                    self.refs.pop(target.id, None)
        elif size is not None and size != CONST:
            self.size_of[name] = size
        return out

    def _splits(self, call: ir.Call) -> bool:
        """Is ``call`` itself a split (``s.split(",")``, ``strings.Fields(s)``), not a call around one?"""
        func = call.func
        if isinstance(func, ir.Attr):
            qualified = _qualified(func)
            if qualified is not None and qualified in self.spec.functions and self.ref_of(func.obj) is None:
                return self.spec.functions[qualified][0] == "str.split"
            return self.method_action(func.obj, func.name) == "str.split"
        return isinstance(func, ir.Name) and self.spec.functions.get(func.id, (None,))[0] == "str.split"

    def _is_view(self, expr: ir.Expr) -> bool:
        return isinstance(expr, ir.Name) and expr.id in self.views and self.lookup(expr.id)[1] is not None

    def _fresh_string(self, value: ir.Expr) -> bool:
        """``""``/``"ab"`` or a string constructor (``String::new()``, ``String::with_capacity(n)``)."""
        if isinstance(value, ir.Literal):
            return value.kind in ("str", "char")
        return isinstance(value, ir.Call) and isinstance(value.func, ir.Name) \
            and self.spec.constructors.get(value.func.id) == "str" and self.user_function(value.func) is None

    def _made_string(self, value: ir.Expr) -> bool:
        """A call that makes a new string: a string constructor (``str(x)``, ``String(x)``,
        ``strconv.Itoa(x)``, Rust's ``x.to_string()``), or a view of one (``x.to_string().into_bytes()``)."""
        if not isinstance(value, ir.Call):
            return False
        func = value.func
        if isinstance(func, ir.Name):
            return self._fresh_string(value)
        if isinstance(func, ir.Attr):
            if self.spec.constructors.get(_qualified(func) or "") == "str" and self.ref_of(func.obj) is None:
                return True
            return not value.args and self.method_action(func.obj, func.name) == "view" and self._made_string(func.obj)
        return False

    def view_source(self, value: ir.Expr) -> ir.Expr | None:
        """The string whose characters ``value`` merely re-views, else None.

        ``list(s)``, ``s.toCharArray()``, ``[...s]``, ``s.chars().collect()``, ``[]byte(s)``, ``Array(s)``: each
        language needs its own idiom to index, sort or mutate a string's characters, and Python iterates the
        string itself.  A change of representation is not an algorithmic step (its one O(n) pass is never
        more than the work done on the characters), so the copy is an alias of the string.  The ``view``
        action names such conversions where the receiver's kind is unknown (``words[i].toCharArray()``); a
        ``copy`` or a list construction of an expression known to be a string is one too.
        """
        if not isinstance(value, ir.Call) or self.user_function(value.func) is not None:
            return None
        func, args = value.func, value.args
        if isinstance(func, ir.Attr) and not args:
            action, source = self.method_action(func.obj, func.name), func.obj
        elif isinstance(func, ir.Name) and len(args) == 1 and func.id in self.spec.functions:
            action, position = self.spec.functions[func.id]
            source = args[position] if position == 0 else None
        elif isinstance(func, ir.Name) and len(args) == 1 and self.spec.constructors.get(func.id) == "list":
            action, source = "copy", args[0]
        else:
            return None
        # (ref_of last: it lifts captured names, which a mere size such as len(xs) must not do)
        if source is None or action != "view" and (action != "copy" or self.kind_of(source) != "str"):
            return None
        return source if self.ref_of(source) is not None else None

    def construction(self, value: ir.Expr, declared: str | None):
        """(kind, op, source ref, pre-statements) when ``value`` builds a new collection, else None."""
        if isinstance(value, ir.CollectionLit) and value.kind in ("list", "set", "map"):
            return value.kind, value.kind, None, self.many_ops(value.items)
        if isinstance(value, ir.BinOp) and value.op == "*":
            for lit, size in ((value.left, value.right), (value.right, value.left)):
                if isinstance(lit, ir.CollectionLit) and lit.kind == "list":
                    source = self.size_ref(size)
                    return "list", "list", None if source in (None, CONST) else source, []
        if isinstance(value, ir.BinOp) and value.op == "+":
            joined = self.joined_list(value)
            if joined is not None:
                return "list", "list", joined[0], joined[1]
        filled = self.filled_list(value)
        if filled is not None:
            return "list", "list", None if filled in (UNKNOWN, CONST) else filled, []
        if isinstance(value, ir.Comprehension) and value.kind in ("list", "set", "map"):
            return value.kind, value.kind, None, []
        if isinstance(value, ir.Call):
            name = value.func.id if isinstance(value.func, ir.Name) else _qualified(value.func)
            if name is not None and name in self.spec.constructors and self.user_function(value.func) is None:
                kind = self.spec.constructors[name]
                source = None
                pre = self.many_ops(value.args)
                if value.args:
                    first = value.args[0]
                    source = self.ref_of(first) or self.size_ref(first)
                    if source == CONST:
                        source = None
                    if isinstance(first, ir.Comprehension):
                        source = None
                if kind == "str":
                    return None
                return kind, kind, source, pre
            single = self.call_ops(value) if isinstance(value.func, (ir.Name, ir.Attr)) else []
            if len(single) >= 1 and single[-1][0] == "call" and single[-1][1] in _RESULT_OPS:
                _, op, source = single[-1]
                kind = "str" if self._ref_kind(source) == "str" else "list"
                return kind, self._list_copy(kind, op, source), source, single[:-1]
        if isinstance(value, ir.Index) and value.is_slice and not _constant_slice(value.index):
            ref = self.ref_of(value.obj)
            if ref is not None:
                kind = "str" if self.kind_of(value.obj) == "str" else "list"
                return kind, self._list_copy(kind, _slice_op(value.index), ref), ref, \
                    self.expr_ops(value.obj) + self.expr_ops(value.index)
        return None

    def _list_copy(self, kind: str, op: str, source: str | None) -> str:
        """A whole copy of a list kept in a local (``ys = xs.copy()``, ``xs[:]``, ``xs.clone()``) is a list
        built from it, as ``ys = list(xs)``, ``new ArrayList<>(xs)`` and ``xs.to_vec()`` are: one form."""
        if op == "copy" and kind == "list" and self._ref_kind(source) not in ("map", "set", "tree", "str", "strbuf"):
            return "list"
        return op

    def joined_list(self, value: ir.BinOp) -> tuple[str | None, list[Low]] | None:
        """``[1] + nums + [1]``, ``[poured] + [0] * n``, ``nums1 + nums2``: a new list built from literal
        pieces and copies of other lists, as ``new int[n + 2]`` filled from ``nums`` is; (the collection it
        is sized by, the pieces' operations), or None when no piece is known to be a list (``a + b`` of
        untyped names may add numbers)."""
        pieces, stack = [], [value]
        while stack:
            node = stack.pop()
            if isinstance(node, ir.BinOp) and node.op == "+":
                stack += [node.right, node.left]
            else:
                pieces.append(node)
        literal, source, evaluated, used = False, None, [], []
        for piece in pieces:
            evaluated.append(piece)
            if isinstance(piece, ir.CollectionLit) and piece.kind == "list":
                literal = True
            elif isinstance(piece, ir.Call) and isinstance(piece.func, ir.Name) and len(piece.args) == 1 \
                    and self.spec.constructors.get(piece.func.id) == "list" \
                    and self.user_function(piece.func) is None:
                literal = True  # list(xs) + ys, Array.from(xs) (a spread ...xs): its copy is this list's
                source = source or self.ref_of(piece.args[0])
                evaluated[-1] = piece.args[0]
            elif isinstance(piece, ir.BinOp) and piece.op == "*" and any(
                    isinstance(side, ir.CollectionLit) and side.kind == "list"
                    for side in (piece.left, piece.right)):
                literal = True
                sized = self.size_ref(piece.right if isinstance(piece.left, ir.CollectionLit) else piece.left)
                source = source or (sized if sized not in (None, CONST) else None)
            elif self.kind_of(piece) not in ("str", "map", "set", "tree") and self.ref_of(piece) is not None:
                literal = literal or self.kind_of(piece) in ("list", "seq")  # nums1 + nums2 of typed lists
                source = source or self.ref_of(piece)  # (a piece added to a list is a list)
                used.append(piece)
            else:
                return None
        if not literal:
            return None
        for piece in used:
            self.note_usage(piece, "seq")
        return source, self.many_ops(evaluated)

    def filled_list(self, value: ir.Expr) -> str | None:
        """The size a list of n plain values is built over: ``[[0] * m for _ in range(n)]`` and
        ``list(range(n))`` are ``list(n)`` like ``new int[n][m]`` / ``vector<int>(n)``; None if not one."""
        if isinstance(value, ir.Call) and isinstance(value.func, ir.Name) and len(value.args) == 1 \
                and self.spec.constructors.get(value.func.id) == "list":
            value = ir.Comprehension("list", ir.Name("_"), (ir.Generator(("_",), value.args[0]),))
        if not (isinstance(value, ir.Comprehension) and value.kind == "list" and len(value.generators) == 1):
            return None
        generator = value.generators[0]
        iterable = generator.iter
        if generator.conditions or not isinstance(iterable, (ir.Call, ir.Range)):
            return None
        if isinstance(iterable, ir.Call):
            if not (isinstance(iterable.func, ir.Name) and self.spec.functions.get(iterable.func.id, ("",))[0] == "range"):
                return None
            bounds = iterable.args
        else:
            bounds = (iterable.start, iterable.stop)
        if isinstance(value.element, ir.Comprehension) and self.filled_list(value.element) is not None:
            # rows that are filled lists themselves: [[[0] * k for _ in range(m)] for _ in range(n)] is
            # new int[n][m][k], sized by its first dimension like every table
            return self.range_domain(tuple(bounds))[1] or CONST
        for node in walk_expr(value.element):
            if isinstance(node, (ir.Call, ir.Comprehension, ir.Lambda)) and not (
                    isinstance(node, ir.Call) and isinstance(node.func, ir.Name) and not node.args
                    and node.func.id in self.spec.constructors):
                return None
        return self.range_domain(tuple(bounds))[1] or CONST

    def _ref_kind(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        for name, candidate in self.refs.items():
            if candidate == ref:
                return self.kinds.get(name)
        return None

    def augmented(self, stmt: ir.Assign) -> list[Low]:
        target = stmt.targets[0]
        out = self.expr_ops(stmt.value)
        if isinstance(target, ir.Index):
            out += self.expr_ops(target.obj) + self.expr_ops(target.index)
            kind = self.kind_of(target.obj)
            if kind in ("map", "tree"):
                ref = self.ref_of(target.obj) or UNKNOWN
                out += [("call", f"{kind}.get", ref), ("call", f"{kind}.put", ref)]
            return out
        kind = self.kind_of(target)
        ref = self.ref_of(target)
        if stmt.op == "+" and kind == "str" and ref is not None:
            grows = isinstance(target, ir.Name) and target.id in self.building and "+=" in self.spec.inplace_string_append
            out.append(("call", "strbuf.append" if grows else "str.concat", ref))
        elif stmt.op == "+" and kind in ("list", "seq") and ref is not None:
            out.append(("call", "list.extend", ref))
        elif stmt.op in ("|",) and kind == "set" and ref is not None:
            out.append(("call", "set.add", ref))
        return out

    def if_stmt(self, stmt: ir.If) -> list[Low]:
        conds = self.expr_ops(stmt.test)
        then = self.block(stmt.body)
        orelse = self.block(stmt.orelse)
        pre = [op for op in conds if op[0] != "call"]
        calls = [op for op in conds if op[0] == "call"]
        if not calls and not then and not orelse:
            return pre  # a test choosing between O(1) steps (``x = a if c else b``) is no branch
        return pre + [("if", calls, then, orelse)]

    # ---------------------------------------------------------------------------------- loops

    def loop_for(self, targets: tuple[str, ...], iterable: ir.Expr, body: Iterable[ir.Stmt]) -> tuple[list[Low], Low]:
        pre, domain, ref, element_position = self.domain(iterable)
        for position, name in enumerate(targets):
            self.size_of.pop(name, None)
            if element_position is not None and position == element_position and ref not in (None, UNKNOWN):
                self.refs[name] = ref + "[]"
                self.kinds[name] = "elem"
            else:
                self.refs.pop(name, None)
                self.kinds[name] = "num"
        lowered = self.block(body) if not isinstance(body, list) else body
        return pre, ("for", domain, ref, lowered)

    def domain(self, iterable: ir.Expr) -> tuple[list[Low], str, str | None, int | None]:
        """(pre-statements, domain, ref, which loop target is the element) for a foreach iterable."""
        pre: list[Low] = []
        expr = iterable
        element_position: int | None = 0
        for _ in range(4):  # unwrap enumerate(sorted(xs.items())) and the like
            if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Name) and expr.func.id in self.spec.functions:
                action = self.spec.functions[expr.func.id][0]
                if action == "range":
                    return pre + self.many_ops(expr.args), *self.range_domain(expr.args)
                position = self.spec.functions[expr.func.id][1]
                if action == "wrap" and len(expr.args) > position:
                    if expr.func.id in ("enumerate",):
                        element_position = 1
                    # ``map(ord, s)`` walks its second argument: the spec names the position
                    pre += self.many_ops(expr.args[:position] + expr.args[position + 1:])
                    expr = expr.args[position]
                    continue
                if action == "sort" and expr.args:
                    pre += self.many_ops(expr.args[1:])
                    pre.append(("call", "sort", self.ref_of(expr.args[0]) or UNKNOWN))
                    expr = expr.args[0]
                    continue
            if isinstance(expr, ir.Index) and expr.is_slice and self.ref_of(expr.obj) is not None:
                # ``for x in xs[1:]`` walks (part of) xs, as index loops do in other languages
                pre += self.expr_ops(expr.index)
                expr = expr.obj
                continue
            if isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr):
                action = self.method_action(expr.func.obj, expr.func.name)
                if action in ("wrap", "iterate") and not any(isinstance(a, ir.Lambda) for a in expr.args):
                    pre += self.many_ops(expr.args)
                    expr = expr.func.obj
                    continue
            if isinstance(expr, ir.Attr) and not self.is_self(expr.obj) and \
                    self.method_action(expr.obj, expr.name) == "wrap":
                expr = expr.obj  # C# ``m.Keys``, Kotlin ``m.values``: a view of the collection as a property
                continue
            if isinstance(expr, ir.BinOp) and expr.op in ("||", "??", "?:", "or") and \
                    isinstance(expr.right, (ir.CollectionLit, ir.Call)) and self.ref_of(expr.left) is not None:
                pre += self.expr_ops(expr.right)
                expr = expr.left  # ``adj.get(u) || []``: the collection, or nothing to walk
                continue
            break
        if isinstance(expr, ir.Range):
            args = (expr.start, expr.stop)
            return pre + self.many_ops((expr.start, expr.stop, expr.step)), *self.range_domain(args)
        if isinstance(expr, (ir.Literal, ir.CollectionLit)) or isinstance(expr, ir.Call) and isinstance(
                expr.func, ir.Name) and expr.func.id in self.spec.constructors and len(expr.args) == 1 \
                and isinstance(expr.args[0], ir.Literal) and self.user_function(expr.func) is None:
            # (``string("aeiou")``, ``list("abc")``: a collection of literal, constant size)
            return pre + self.expr_ops(expr), "const", None, None
        ref = self.ref_of(expr)
        if ref is not None and isinstance(expr, ir.Name) and self.constant_table(expr.id):
            return pre, "const", None, None  # for d in DIRS: the four directions, whatever the input
        if ref is not None:
            self.note_usage(expr, "seq")
            return pre + self.expr_ops(expr), "over", ref, element_position
        return pre + self.expr_ops(expr), "over", UNKNOWN, None

    def constant_table(self, name: str) -> bool:
        """Is ``name`` a table of constants (``dirs = [[0, 1], [1, 0], ..]``, ``int[][] DIRS = {..}``): bound
        once, here or in an enclosing function, to a non-empty literal of literals and never the receiver
        of a method (so never grown)?  A loop over it runs a constant number of times."""
        lifted = any(name == captured for captured, _ in self.captured)
        if self.outer is not None and (name not in self.kinds or lifted):
            return self.outer.constant_table(name)
        if self._constant_tables is None:
            self._constant_tables = _constant_tables(self.function.body, self.context.function_names)
        return name in self._constant_tables

    def range_domain(self, args: tuple[ir.Expr | None, ...]) -> tuple[str, str | None, int | None]:
        if len(args) == 1:
            start, stop = None, args[0]
        else:
            start, stop = args[0], args[1]
        if _constant_width(start, stop):
            return "const", None, None
        width = _window_width(start, stop)
        if width is not None and self.size_ref(width) is not None:
            # ``range(x, x + k)``: k values from wherever x is (a group of k cards, a window of size k)
            return ("const", None, None) if self.size_ref(width) == CONST else ("over", self.size_ref(width), None)
        exponent = _power_of_two(stop)
        if exponent is not None and (start is None or isinstance(start, ir.Literal)):
            # ``range(1 << n)``: every bitmask of n bits, the subsets of what n counts
            size = self.size_ref(exponent)
            if size == CONST:
                return "const", None, None
            return "subsets", size or UNKNOWN, None
        candidates = [self.size_ref(stop), self.size_ref(start) if start is not None else CONST]
        for ref in candidates:
            if ref not in (None, CONST):
                return "over", ref, None
        if all(ref == CONST for ref in candidates):
            return "const", None, None
        return "over", UNKNOWN, None

    def c_for(self, stmt: ir.CFor) -> list[Low]:
        reversed_ = _reversal(stmt.cond, tuple(stmt.body) + tuple(stmt.update))
        if reversed_ is not None and self.ref_of(reversed_) is not None:
            out = self.block(stmt.init)
            return out + [("call", "reverse", self.ref_of(reversed_))]
        variable, start = _counter_init(stmt.init)
        bound = _counter_bound(stmt.cond, variable)
        step = _counter_step(stmt.update, variable)
        if variable is not None and bound is not None and step is not None:
            pre = self.many_ops([start, bound])
            self.kinds[variable] = "num"
            self.refs.pop(variable, None)
            if step == "halving":
                ref = self._first_size(bound, start)
                return pre + [("for", "log", ref or UNKNOWN, self.block(stmt.body))]
            domain, ref, _ = self.range_domain((start, bound))
            lowered = self.block(stmt.body)
            if domain == "over" and ref in self._live_sizes(stmt.cond):
                return pre + [self.growing_worklist(ref, lowered)]
            return pre + [("for", domain, ref, lowered)]
        # Not a counting loop: init; while (cond) { body; update }
        out = self.block(stmt.init)
        return out + self.while_stmt(stmt.cond, tuple(stmt.body) + tuple(stmt.update))

    def _first_size(self, *exprs: ir.Expr | None) -> str | None:
        for expr in exprs:
            ref = self.size_ref(expr)
            if ref not in (None, CONST):
                return ref
        return None

    def while_stmt(self, test: ir.Expr | None, body: tuple[ir.Stmt, ...]) -> list[Low]:
        pre = self.expr_ops(test) if test is not None else []
        pre = [op for op in pre if op[0] != "call"]
        worklist = self.worklist_ref(test)
        if worklist is not None:
            return pre + [("while", worklist, self.block(body))]
        compared = _compared_names(test) or _bisected_bounds(body)
        if compared and _halves(body, compared):
            ref = self._first_size(*_comparison_sides(test))
            return pre + [("for", "log", ref or UNKNOWN, self.block(body))]
        if compared and _steps(body, compared) and not self._pointer_kept(body, compared):
            ref = self._first_size(*_comparison_sides(test))
            if ref is not None:
                reversed_ = _reversal(test, body)
                if reversed_ is not None and self.ref_of(reversed_) is not None:
                    return pre + [("call", "reverse", self.ref_of(reversed_))]
                lowered = self.block(body)
                if ref in self._live_sizes(test):
                    return pre + [self.growing_worklist(ref, lowered)]
                return pre + [("for", "over", ref, lowered)]
        return pre + [("while", None, self.block(body))]

    def _live_sizes(self, test: ir.Expr | None) -> set[str]:
        """Collections whose size ``test`` reads afresh each time (``head < q.count``), not a saved ``n``."""
        return {ref for ref in map(self._collection_size, _comparison_sides(test)) if ref is not None}

    def growing_worklist(self, ref: str, lowered: list[Low]) -> Low:
        """A walk over a collection that the walk itself appends to is a FIFO worklist: Swift's and Go's
        ``while head < queue.count { x = queue[head]; head += 1; ... queue.append(y) }``, Python's
        ``for x in q: ... q.append(y)``, C's ``for (i = 0; i < q.size(); i++)``.  Each element is taken
        once from the front, as ``while q { q.popleft() }`` does; a walk that only reads stays a ``for``."""
        if ("call", "list.append", ref) not in _low_calls(lowered):
            return ("for", "over", ref, lowered)
        return ("while", ref, [("call", "deque.popfront", ref)] + lowered)

    def _pointer_kept(self, body: tuple[ir.Stmt, ...], compared: set[str]) -> bool:
        """A pointer loop nested in another loop whose pointers carry over between outer iterations.

        Two pointers, sliding windows and run scans (``while j < n and ...: j += 1`` with ``j`` set
        before the outer loop, or the outer pointer jumping to the inner one, ``i = j``) move each pointer
        forward at most n times in total, so they stay a condition loop (``while {``), which the cost model
        amortises against the enclosing loop; a pointer the outer loop resets (``j = i + 1``) walks anew
        each time and stays a counting ``for``.
        """
        if len(self.loops) < 2:
            return False
        inner, outer = self.loops[-1], self.loops[-2]
        stepped = _stepped_names(body, compared)
        outer_body = tuple(outer.body) + (tuple(outer.update) if isinstance(outer, ir.CFor) else ())
        assigned = _plain_assignments(outer_body, inner)
        if isinstance(outer, ir.Foreach):  # Python's `for i in ...` gives i a new value every time
            for name in outer.targets:
                assigned.setdefault(name, []).append(None)
        if stepped and not stepped & set(assigned):
            return True
        if isinstance(outer, (ir.While, ir.CFor)):
            outer_compared = _compared_names(outer.test if isinstance(outer, ir.While) else outer.cond)
            return any(name in outer_compared and _mentions_any(value, stepped)
                       for name, values in assigned.items() for value in values)
        return False

    def worklist_ref(self, test: ir.Expr | None) -> str | None:
        """``while queue``, ``while (!q.isEmpty())``, ``len(q) > 0``: the collection drained, or None."""
        if test is None:
            return None
        if isinstance(test, ir.Attr) and test.name in self.spec.size_attributes:
            return self._collection_size(test)  # while (stack.length && ...)
        if isinstance(test, (ir.Name, ir.Attr)):
            kind = self.kind_of(test)
            if kind is not None and kind not in _SCALAR_KINDS and kind not in ("elem", "any", "node"):
                return self.ref_of(test)
            return None
        if isinstance(test, ir.BinOp) and test.op in ("and", "&&"):
            return self.worklist_ref(test.left) or self.worklist_ref(test.right)
        if isinstance(test, ir.UnaryOp) and test.op in ("!", "not"):
            inner = test.operand
            if isinstance(inner, ir.Call) and isinstance(inner.func, ir.Attr):
                if self.method_action(inner.func.obj, inner.func.name) == "empty":
                    return self.ref_of(inner.func.obj)
            return None
        if isinstance(test, ir.Call) and isinstance(test.func, ir.Attr):
            if self.method_action(test.func.obj, test.func.name) == "nonempty":
                return self.ref_of(test.func.obj)
            return None
        if isinstance(test, ir.BinOp) and test.op in (">", "!=", ">="):
            left, right = test.left, test.right
            if isinstance(right, ir.Literal) and right.text in ("0", "1"):
                return self._collection_size(left)
        return None

    def _collection_size(self, expr: ir.Expr) -> str | None:
        """The collection whose *live* size ``expr`` reads (not a remembered scalar alias)."""
        if isinstance(expr, ir.Attr) and expr.name in self.spec.size_attributes:
            return self.ref_of(expr.obj)
        if isinstance(expr, ir.Call):
            if isinstance(expr.func, ir.Name) and self.spec.functions.get(expr.func.id, ("",))[0] == "size":
                return self.ref_of(expr.args[0]) if expr.args else None
            if isinstance(expr.func, ir.Attr) and self.method_action(expr.func.obj, expr.func.name) == "size":
                return self.ref_of(expr.func.obj)
        return None


_EXPR_OPS = {
    ir.Attr: FunctionLowering._attr_ops,
    ir.Index: FunctionLowering._index_ops,
    ir.Call: FunctionLowering.call_ops,
    ir.BinOp: FunctionLowering._binop_ops,
    ir.UnaryOp: FunctionLowering._unary_ops,
    ir.Cond: lambda self, e: self.expr_ops(e.test) + self.expr_ops(e.then) + self.expr_ops(e.orelse),
    ir.CollectionLit: lambda self, e: self.many_ops(e.items),
    ir.Range: lambda self, e: self.many_ops((e.start, e.stop, e.step)),
    ir.Comprehension: lambda self, e: self.comprehension(e, None),
    ir.Opaque: lambda self, e: self.many_ops(e.children),
}

# ------------------------------------------------------------------------------------------ helpers


_FLAG_TESTS = frozenset({"==", "!=", "<", "<=", ">", ">=", "and", "or", "in", "not in"})


def two_valued(expr: ir.Expr | None, flags: set[str]) -> bool:
    """Can ``expr`` only be one of two values: a boolean or 0/1 literal, one of the ``flags`` names, a test,
    a negation, a parity (``x % 2``, ``x & 1``), ``1 - f``, ``f ^ g`` / ``f | g`` / ``f & g`` of such, or ``c ? a : b`` of such.  Java's
    ``dfs(i + 1, 0)`` and ``flag | (i == 0 ? 1 : 0)`` pass what Python's ``dfs(i + 1, False)`` passes."""
    if isinstance(expr, ir.Literal):
        return expr.kind == "bool" or expr.kind == "num" and expr.text in ("0", "1")
    if isinstance(expr, ir.Name):
        return expr.id in flags
    if isinstance(expr, ir.UnaryOp):
        return expr.op == "not"
    if isinstance(expr, ir.BinOp):
        if expr.op in _FLAG_TESTS:
            return True
        if expr.op in ("%", "&") and isinstance(expr.right, ir.Literal) \
                and expr.right.text == ("2" if expr.op == "%" else "1"):
            return True  # a parity: (parity + 1) % 2, k & 1
        if expr.op in ("^", "|", "&"):
            return two_valued(expr.left, flags) and two_valued(expr.right, flags)
        return expr.op == "-" and isinstance(expr.left, ir.Literal) and expr.left.text == "1" \
            and two_valued(expr.right, flags)
    if isinstance(expr, ir.Cond):
        return two_valued(expr.then, flags) and two_valued(expr.orelse, flags)
    return False


def flag_value(expr: ir.Expr | None, flags: set[str]) -> str | None:
    """What a ``two_valued`` argument passes: ``"lit:<text>"`` for a literal, ``"expr"`` for anything else
    two-valued, None when it is not two-valued."""
    if not two_valued(expr, flags):
        return None
    return f"lit:{expr.text}" if isinstance(expr, ir.Literal) else "expr"


def walk_low(body: list[Low]):
    """Every lowered statement below ``body``, nested ones and ``if`` conditions included (any order)."""
    stack = list(body)
    while stack:
        stmt = stack.pop()
        yield stmt
        if stmt[0] == "for":
            stack += stmt[3]
        elif stmt[0] == "while":
            stack += stmt[2]
        elif stmt[0] == "if":
            stack += stmt[1] + stmt[2] + stmt[3]


def _low_calls(body: list[Low]):
    """Every call statement below ``body`` (conditions included)."""
    return (stmt for stmt in walk_low(body) if stmt[0] == "call")


def _kind_of_op(op: str) -> str:
    return op.split(".")[0]


def _constant_bounds(start: ir.Expr, stop: ir.Expr) -> bool:
    """Slice bounds of constant width: ``i, i + 10`` (or a literal end: ``substr(i, 10)``, ``[0:3]``)."""
    return isinstance(stop, ir.Literal) and stop.kind == "num" or _constant_width(start, stop)


def _constant_tables(body, functions) -> frozenset[str]:
    """The names ``body`` (nested functions included) binds exactly once, to a non-empty collection literal
    of literals, and never calls a method on, stores into or passes to one of the program's ``functions``
    (see ``constant_table``)."""
    if not _assigns_literal_table(body, functions):
        return frozenset()  # the common case, found without walking the expressions
    bound: dict[str, int] = {}
    tables: set[str] = set()
    changed: set[str] = set()
    for node in walk_expr(ir.Block(tuple(body))):
        if type(node) not in _TABLE_FACT_NODES:
            continue  # most nodes (names, literals, operators): one set lookup
        if isinstance(node, ir.Assign):
            for name in target_names(node.targets):
                bound[name] = bound.get(name, 0) + 1
            pairs = [(node.targets[0], node.value)] if len(node.targets) == 1 else []
            if pairs and isinstance(pairs[0][0], ir.CollectionLit) \
                    and isinstance(node.value, ir.CollectionLit) \
                    and len(pairs[0][0].items) == len(node.value.items):  # n, dirs = len(grid), [(0, 1)..]
                pairs = list(zip(pairs[0][0].items, node.value.items))
            for target, value in pairs:
                if node.op is None and isinstance(target, ir.Name) and _literal_table(_unwrapped(value, functions)):
                    tables.add(target.id)
            if node.op is not None:
                changed.update(target_names(node.targets))
            changed.update(target.obj.id for target in node.targets
                           if isinstance(target, ir.Index) and isinstance(target.obj, ir.Name))  # res[1] = i
        elif isinstance(node, ir.Foreach):
            changed.update(node.targets)
        elif isinstance(node, ir.Call):
            if isinstance(node.func, ir.Attr) and isinstance(node.func.obj, ir.Name):
                changed.add(node.func.obj.id)
            callee = node.func.id if isinstance(node.func, ir.Name) else \
                node.func.name if isinstance(node.func, ir.Attr) else None
            if callee in functions:  # dfs(res) may fill res
                changed.update(arg.id for arg in node.args if isinstance(arg, ir.Name))
        elif isinstance(node, ir.UnaryOp) and node.op in ("++", "--") and isinstance(node.operand, ir.Index) \
                and isinstance(node.operand.obj, ir.Name):
            changed.add(node.operand.obj.id)
        elif isinstance(node, ir.FunctionDef):
            changed.update(param.name for param in node.params)
    return frozenset(name for name in tables if bound[name] == 1 and name not in changed)


def _assigns_literal_table(body, functions) -> bool:
    """Does an assignment in ``body`` (nested bodies and functions included) bind a name to a literal table,
    as ``_constant_tables`` requires of a table?  Statements only occur in bodies (the IR's expressions
    hold no statements), so this walks the statements alone."""
    stack = list(body)
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is ir.Assign:
            if stmt.op is None and len(stmt.targets) == 1:
                target, value = stmt.targets[0], stmt.value
                if isinstance(target, ir.CollectionLit) and isinstance(value, ir.CollectionLit) \
                        and len(target.items) == len(value.items):
                    if any(isinstance(item, ir.Name) and _literal_table(_unwrapped(part, functions))
                           for item, part in zip(target.items, value.items)):
                        return True
                elif isinstance(target, ir.Name) and _literal_table(_unwrapped(value, functions)):
                    return True
        elif kind is ir.If:
            stack.extend(stmt.body)
            stack.extend(stmt.orelse)
        elif kind is ir.CFor:
            stack.extend(stmt.init)
            stack.extend(stmt.update)
            stack.extend(stmt.body)
        elif kind in _BODY_NODES:
            stack.extend(stmt.body)
    return False


_BODY_NODES = frozenset({ir.Foreach, ir.While, ir.Block, ir.FunctionDef})
# the node classes ``_constant_tables`` looks at
_TABLE_FACT_NODES = frozenset({ir.Assign, ir.Foreach, ir.Call, ir.UnaryOp, ir.FunctionDef})


def _unwrapped(value: ir.Expr | None, functions) -> ir.Expr | None:
    """The literal a library constructor wraps (``vector<vector<int>> dirs = {{1, 0}, ..}``), else ``value``."""
    if isinstance(value, ir.Call) and isinstance(value.func, ir.Name) and len(value.args) == 1 \
            and value.func.id not in functions:
        return value.args[0]
    return value


def _literal_table(value: ir.Expr | None) -> bool:
    if not (isinstance(value, ir.CollectionLit) and value.kind in ("list", "tuple", "set") and value.items):
        return False
    return all(_constant(item) or isinstance(item, ir.CollectionLit) and _literal_items(item)
               for item in value.items)


def _literal_items(value: ir.CollectionLit) -> bool:
    return bool(value.items) and all(_constant(item) for item in value.items)


def _constant(item: ir.Expr) -> bool:
    """``1``, ``'a'``, ``-1``."""
    return isinstance(item, ir.Literal) or \
        isinstance(item, ir.UnaryOp) and isinstance(item.operand, ir.Literal)


def _negative_literal(expr: ir.Expr) -> bool:
    """``-1``: a position counted from the end, so ``s.slice(-1)`` is the last character, not a copy."""
    return isinstance(expr, ir.UnaryOp) and expr.op == "-" and isinstance(expr.operand, ir.Literal) \
        and expr.operand.kind == "num"


def _constant_slice(index: ir.Expr) -> bool:
    """``s[i:i + 10]``: a slice whose bounds differ by a literal copies a constant number of items, O(1)."""
    return isinstance(index, ir.Opaque) and index.what == "slice" and len(index.children) == 2 and \
        _constant_bounds(index.children[0], index.children[1])


def _slice_op(index: ir.Expr) -> str:
    """The operation a slice performs: ``xs[:]`` (no bounds) copies the whole of xs, like ``list(xs)``,
    ``xs.clone()`` and Go's ``append([]int{}, xs...)``; ``xs[::-1]`` (the extractors' ``reversed`` slice) is
    a reversed copy, like ``s.reversed()`` and ``StringBuilder(s).reverse()``; anything else copies a part."""
    if isinstance(index, ir.Opaque):
        if index.what == "reversed":
            return "reverse"
        if index.what == "slice" and not index.children:
            return "copy"
    return "slice"


def _qualified(expr: ir.Expr) -> str | None:
    """``heapq.heappush`` / ``Arrays.sort`` as one dotted name, when the receiver is a plain name."""
    if isinstance(expr, ir.Attr) and isinstance(expr.obj, ir.Name):
        return f"{expr.obj.id}.{expr.name}"
    if isinstance(expr, ir.Attr) and isinstance(expr.obj, ir.Attr):
        inner = _qualified(expr.obj)
        return None if inner is None else f"{inner}.{expr.name}"
    return None


def _conditional_branches(stmt: ir.Stmt) -> ir.If | None:
    """A statement whose whole value is a conditional expression is an ``if`` statement with the
    statement in each branch: ``x = a if c else b`` / ``return c ? f(l) : f(r)`` / Kotlin's and Rust's
    ``if`` expressions are ``if c: x = a else: x = b``, which other translations write.  Conditional
    expressions nested deeper in an expression stay flat (their operations, in order)."""
    kind = type(stmt)
    if kind is ir.Assign:
        value = stmt.value
        if type(value) is not ir.Cond or not stmt.targets:
            return None
        then, orelse = ir.Assign(stmt.targets, value.then, stmt.op, stmt.declared, stmt.line), \
            ir.Assign(stmt.targets, value.orelse, stmt.op, stmt.declared, stmt.line)
    elif kind is ir.Return:
        value = stmt.value
        if type(value) is not ir.Cond:
            return None
        then, orelse = ir.Return(value.then, stmt.line), ir.Return(value.orelse, stmt.line)
    elif kind is ir.ExprStmt:
        value = stmt.expr
        if type(value) is not ir.Cond:
            return None
        then, orelse = ir.ExprStmt(value.then, stmt.line), ir.ExprStmt(value.orelse, stmt.line)
    else:
        return None
    return ir.If(value.test, (then,), (orelse,), stmt.line)


_CHECKED_LOOKUPS = {"map.has": "map.get", "tree.has": "tree.get"}


def _checked_lookup(lowered: list[Low]) -> list[Low]:
    """``d.ContainsKey(k) ? d[k] : 0`` (``count.containsKey(c) ? count.get(c) + 1 : 1``) is a lookup with
    a default, Python's ``d.get(k, 0)``: when the branches differ only by the lookup the test guards, the
    test and the branch go (the lookup stays)."""
    if not lowered or lowered[-1][0] != "if":
        return lowered
    _, conds, then, orelse = lowered[-1]
    if conds and conds[-1][1] in _CHECKED_LOOKUPS and \
            then[:1] == [("call", _CHECKED_LOOKUPS[conds[-1][1]], conds[-1][2])] and then[1:] == orelse:
        return lowered[:-1] + conds[:-1] + then
    return lowered


def _empty_string(expr: ir.Expr) -> bool:
    """The literal ``""`` (``''``): a join with no separator."""
    return isinstance(expr, ir.Literal) and expr.kind == "str" and not expr.text.strip("'\"`")


def _same(left: ir.Expr, right: ir.Expr) -> bool:
    return left == right


def _reversal(test: ir.Expr | None, body: tuple[ir.Stmt, ...]) -> ir.Expr | None:
    """The collection ``a`` of a converging two-pointer loop ``while i < j { swap a[i], a[j]; i++; j-- }``
    (a tuple swap, ``swap(a[i], a[j])`` or one through a temporary): ``a.reverse()`` written out, else None."""
    if not (isinstance(test, ir.BinOp) and test.op in ("<", "<=") and isinstance(test.left, ir.Name)
            and isinstance(test.right, ir.Name)):
        return None
    low, high = test.left.id, test.right.id
    moves: dict[str, str] = {}
    swapped: list[ir.Index] = []
    for stmt in _body_assignments(body):
        target = stmt.targets[0] if len(stmt.targets) == 1 else None
        if isinstance(target, ir.Name) and target.id in (low, high):
            step = stmt.op if stmt.op in ("+", "-") else stmt.value.op if stmt.op is None and isinstance(
                stmt.value, ir.BinOp) and stmt.value.op in ("+", "-") and _mentions(stmt.value, target.id) else None
            if step is None:
                return None
            moves[target.id] = step
    if set(moves) != {low, high} or "-" in moves.values() and moves != {low: "+", high: "-"}:
        return None
    temporaries: set[str] = set()
    for stmt in flat_statements(body):
        if isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.UnaryOp) and stmt.expr.op in ("++", "--"):
            continue
        if isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Call) and isinstance(stmt.expr.func, ir.Name) \
                and stmt.expr.func.id.rsplit(":", 1)[-1] == "swap" and len(stmt.expr.args) == 2:
            swapped += [arg for arg in stmt.expr.args if isinstance(arg, ir.Index)]
            continue
        if isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Call) and isinstance(stmt.expr.func, ir.Attr) \
                and stmt.expr.func.name in ("swap", "swapAt") and len(stmt.expr.args) == 2:
            swapped += [ir.Index(stmt.expr.func.obj, arg) for arg in stmt.expr.args]  # a.swap(i, j)
            continue
        if not isinstance(stmt, ir.Assign) or len(stmt.targets) != 1:
            return None
        target, value = stmt.targets[0], stmt.value
        if isinstance(target, ir.CollectionLit) and isinstance(value, ir.CollectionLit):
            if all(isinstance(item, ir.Name) for item in target.items):
                continue  # i, j = i + 1, j - 1
            swapped += [item for item in target.items + value.items if isinstance(item, ir.Index)]
            if len(swapped) % 4:
                return None
        elif isinstance(target, ir.Name) and target.id in (low, high):
            continue
        elif isinstance(target, ir.Name) and isinstance(value, ir.Index):
            temporaries.add(target.id)
            swapped.append(value)
        elif isinstance(target, ir.Index) and (isinstance(value, ir.Index) or isinstance(value, ir.Name)
                                               and value.id in temporaries):
            swapped.append(target)
            if isinstance(value, ir.Index):
                swapped.append(value)
        else:
            return None
    if not swapped or any(item.obj != swapped[0].obj or item.is_slice for item in swapped) \
            or {item.index.operand if isinstance(item.index, ir.UnaryOp) and item.index.op in ("++", "--")
                else item.index for item in swapped} != {ir.Name(low), ir.Name(high)}:  # (swap(a[i++], a[j--]))
        return None
    return swapped[0].obj


def _counter_init(init: tuple[ir.Stmt, ...]) -> tuple[str | None, ir.Expr | None]:
    for stmt in init:
        if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name) \
                and stmt.value is not None and stmt.op is None:
            return stmt.targets[0].id, stmt.value
    return None, None


def _power_of_two(expr: ir.Expr | None) -> ir.Expr | None:
    """The exponent of ``1 << x``, ``2 ** x`` or ``pow(2, x)`` (any language's spelling), else None."""
    def literal(node: ir.Expr, value: str) -> bool:
        return isinstance(node, ir.Literal) and node.kind == "num" and node.text.lower().rstrip("lu") == value

    if isinstance(expr, ir.BinOp):
        if expr.op == "<<" and literal(expr.left, "1"):
            return expr.right
        if expr.op == "**" and literal(expr.left, "2"):
            return expr.right
    if isinstance(expr, ir.Call) and len(expr.args) == 2 and literal(expr.args[0], "2"):
        name = expr.func.id if isinstance(expr.func, ir.Name) else expr.func.name \
            if isinstance(expr.func, ir.Attr) else ""
        if name.rsplit(".", 1)[-1].lower() == "pow":
            return expr.args[1]
    return None


def _offset_base(expr: ir.Expr | None) -> ir.Expr | None:
    """``x`` for ``x``, ``x + 2``, ``x - 1``, ``1 + x``: the expression a literal offset is added to."""
    if isinstance(expr, ir.BinOp) and expr.op in ("+", "-"):
        if isinstance(expr.right, ir.Literal) and expr.right.kind == "num":
            return _offset_base(expr.left)
        if expr.op == "+" and isinstance(expr.left, ir.Literal) and expr.left.kind == "num":
            return _offset_base(expr.right)
    return expr


def _window_width(start: ir.Expr | None, stop: ir.Expr | None) -> ir.Expr | None:
    """``k`` for ``range(x, x + k)`` / ``x <= j < x + k + 1``: the width of a range that starts at ``x``."""
    if start is None or stop is None or isinstance(start, ir.Literal):
        return None
    base, total = _offset_base(start), _offset_base(stop)
    if isinstance(total, ir.BinOp) and total.op == "+":
        if _offset_base(total.left) == base:
            return total.right
        if _offset_base(total.right) == base:
            return total.left
    return None


def _constant_width(start: ir.Expr | None, stop: ir.Expr | None) -> bool:
    """``range(i - 1, i + 2)``, ``for (k = j; k < min(j + 3, n); k++)``: bounds that differ by a literal.

    Such a loop visits a constant number of values around a moving index (a 3x3 neighbourhood, the next
    three stones) whatever the input size, so it is a ``for const`` however large ``i`` grows.
    """
    if start is None or stop is None or isinstance(start, ir.Literal):
        return False
    base = _offset_base(start)
    bounds = [stop]
    capped = _offset_base(stop)  # min(n, i + 6) + 1: an inclusive cap is as constant
    if isinstance(capped, ir.Call) and isinstance(capped.func, (ir.Name, ir.Attr)):
        name = capped.func.id if isinstance(capped.func, ir.Name) else capped.func.name
        if name.rsplit(".", 1)[-1].split("::")[-1].lower() in ("min", "minof"):  # Kotlin minOf
            bounds = list(capped.args)
    return any(_offset_base(bound) == base and bound != start for bound in bounds) or \
        (stop == start)


def _counter_bound(cond: ir.Expr | None, variable: str | None) -> ir.Expr | None:
    if variable is None or not isinstance(cond, ir.BinOp):
        return None
    if cond.op in ("and", "&&"):
        return _counter_bound(cond.left, variable)
    if cond.op not in _COMPARISONS:
        return None
    if isinstance(cond.left, ir.Name) and cond.left.id == variable:
        return cond.right
    if isinstance(cond.right, ir.Name) and cond.right.id == variable:
        return cond.left
    if _mentions(cond.left, variable):  # i * i <= n
        return cond.right
    return None


def _counter_step(update: tuple[ir.Stmt, ...], variable: str | None) -> str | None:
    for stmt in update:
        if isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.UnaryOp) and stmt.expr.op in ("++", "--") \
                and isinstance(stmt.expr.operand, ir.Name) and stmt.expr.operand.id == variable:
            return "step"
        if isinstance(stmt, ir.Assign) and stmt.targets and isinstance(stmt.targets[0], ir.Name) \
                and stmt.targets[0].id == variable:
            if _lowbit_step(stmt, variable):
                return "halving"
            if stmt.op in ("+", "-"):
                return "step"
            if stmt.op in ("*", "/", "//", ">>", "<<"):
                return "halving"
            if stmt.op is None and isinstance(stmt.value, ir.BinOp):
                if stmt.value.op in ("+", "-"):
                    return "step"
                if stmt.value.op in ("*", "/", "//", ">>", "<<"):
                    return "halving"
    return None


def _stepped(body: tuple[ir.Stmt, ...], name: str) -> bool:
    """``name`` also moves by a step in the body (``idx += 1; idx %= n``: a wrap-around index)."""
    return any(_is_step(stmt) for stmt in _body_assignments(body)
               if any(isinstance(t, ir.Name) and t.id == name for t in stmt.targets))


def _mentions(expr: ir.Expr | None, name: str) -> bool:
    return any(isinstance(node, ir.Name) and node.id == name for node in walk_expr(expr))


def _statement_exprs(body: Iterable[ir.Stmt]):
    """Every expression in ``body``'s statements, nested blocks included (not nested functions)."""
    stack = list(body)
    while stack:
        stmt = stack.pop()
        for value in ir.field_values(stmt):
            if isinstance(value, tuple):
                for item in value:
                    if isinstance(item, (ir.Assign, ir.ExprStmt, ir.If, ir.Foreach, ir.CFor, ir.While,
                                         ir.Return, ir.Delete, ir.Block)):
                        stack.append(item)
                    elif not isinstance(item, (str, ir.FunctionDef, ir.Break, ir.Continue)):
                        yield item
            elif value is not None and not isinstance(value, (str, bool, int)):
                yield value


def target_names(targets):
    """The names an assignment binds, also inside tuple targets (``carry, digit = divmod(...)``)."""
    stack = list(targets)
    while stack:
        target = stack.pop()
        if isinstance(target, ir.Name):
            yield target.id
        elif isinstance(target, ir.CollectionLit):
            stack.extend(target.items)


def flat_statements(body):
    """The statements of ``body`` with bare blocks (``{ ... }`` scopes) opened, in order."""
    for stmt in body:
        if isinstance(stmt, ir.Block):
            yield from flat_statements(stmt.body)
        else:
            yield stmt


def walk_expr(expr):
    """Every node of an IR expression (or statement), generator iterables and conditions included."""
    stack = [expr]
    pop, push, generator, children = stack.pop, stack.append, ir.Generator, _WALK_FIELDS.get
    while stack:
        node = pop()
        if node is None:
            continue
        yield node
        getter = children(type(node), _OTHER)
        if getter is None:  # Name, Literal, Break ...: no field can hold a node
            continue
        values = ir.field_values(node) if getter is _OTHER else getter(node)
        for value in values:
            if isinstance(value, tuple):  # one loop, no generator object per tuple (the hot path)
                generators = False
                for item in value:
                    if isinstance(item, str):
                        continue
                    if isinstance(item, generator):
                        generators = True
                    else:
                        push(item)
                if generators:  # their iterables and conditions after the other items, as before
                    for item in value:
                        if isinstance(item, generator):
                            push(item.iter)
                            stack.extend(item.conditions)
            elif not isinstance(value, (str, bool, int)) and value is not None:
                push(value)


def _node_fields(cls: type):
    """The values of the fields of an IR class that can hold nodes, in declaration order, as one getter
    (None when there are none): ``walk_expr`` then skips names, operators, kinds and line numbers without
    looking at them."""
    names = tuple(f.name for f in fields(cls) if f.type not in _SCALAR_FIELD_TYPES)
    if not names:
        return None
    if len(names) == 1:
        return lambda node, get=attrgetter(names[0]): (get(node),)
    return attrgetter(*names)


_SCALAR_FIELD_TYPES = frozenset({"str", "bool", "int", "str | None", "tuple[str, ...]"})
_OTHER = object()  # a class without an entry: all its field values, checked one by one
_WALK_FIELDS = {cls: _node_fields(cls) for cls in ir.FIELD_VALUES}


def _compared_names(test: ir.Expr | None) -> set[str]:
    names: set[str] = set()
    stack = [test]
    while stack:
        node = stack.pop()
        if isinstance(node, ir.BinOp):
            if node.op in ("and", "or", "&&", "||"):
                stack += [node.left, node.right]
            elif node.op in _COMPARISONS or node.op == "==":
                for side in (node.left, node.right):
                    names.update(n.id for n in walk_expr(side) if isinstance(n, ir.Name))
        elif isinstance(node, ir.Name):  # ``while n:`` tests n != 0, like ``while (n > 0)``
            names.add(node.id)
    return names


def _comparison_sides(test: ir.Expr | None) -> list[ir.Expr]:
    sides: list[ir.Expr] = []
    stack = [test]
    while stack:
        node = stack.pop()
        if isinstance(node, ir.BinOp):
            if node.op in ("and", "or", "&&", "||"):
                stack += [node.right, node.left]
            elif node.op in _COMPARISONS or node.op == "==":
                sides += [node.right, node.left]
        elif isinstance(node, ir.Name):
            sides.append(node)
    return sides


def _body_assignments(body: Iterable[ir.Stmt]):
    """Assignments and ++/-- in a loop body, not looking into nested loops or functions."""
    stack = list(body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.CollectionLit) \
                and isinstance(stmt.value, ir.CollectionLit) and len(stmt.targets[0].items) == len(stmt.value.items):
            # ``l, r = l + 1, r - 1`` moves both pointers, as ``l++; r--`` does
            yield from (ir.Assign((target,), value, stmt.op) for target, value in zip(stmt.targets[0].items,
                                                                                    stmt.value.items))
        elif isinstance(stmt, ir.Assign):
            yield stmt
        if isinstance(stmt, (ir.Assign, ir.ExprStmt)):
            # i++ / --r anywhere in the statement (``power -= tokens[l++]``) moves i too
            for node in walk_expr(stmt.value if isinstance(stmt, ir.Assign) else stmt.expr):
                if isinstance(node, ir.UnaryOp) and node.op in ("++", "--"):
                    yield ir.Assign((node.operand,), ir.Literal("num", "1"), op="+")
        elif isinstance(stmt, ir.If):
            stack += list(stmt.body) + list(stmt.orelse)
        elif isinstance(stmt, ir.Block):
            stack += list(stmt.body)


def _halves(body: tuple[ir.Stmt, ...], names: set[str]) -> bool:
    """A binary-search, digit or doubling loop: a midpoint ``(l + r) // 2``, ``n //= 10`` or ``x *= 2`` in the body."""
    for stmt in _body_assignments(body):
        if stmt.op in ("/", "//", ">>") and any(isinstance(t, ir.Name) and t.id in names for t in stmt.targets):
            return True
        if any(isinstance(t, ir.Name) and t.id in names and _doubling(stmt, t.id) for t in stmt.targets) \
                and any(stmt is top for top in flat_statements(body)):
            return True  # (every round: a doubling in one branch of an `if` may alternate with steps)
        if any(isinstance(t, ir.Name) and t.id in names and _lowbit_step(stmt, t.id) for t in stmt.targets):
            return True
        if any(isinstance(t, ir.Name) and t.id in names and _remainder_step(stmt, t.id, names)
               and not _stepped(body, t.id) for t in stmt.targets):
            return True
        for node in walk_expr(stmt.value):
            if isinstance(node, ir.BinOp) and node.op in ("/", "//", ">>", ">>>"):
                if isinstance(node.right, ir.Literal) and node.right.text in ("2", "1", "10"):
                    if any(isinstance(n, ir.Name) and n.id in names for n in walk_expr(node.left)):
                        return True
    return False


def _doubling(stmt: ir.Assign, name: str) -> bool:
    """``x *= 2``, ``x <<= 1``, ``x = x * 3``: a compared value multiplied by a constant each step reaches any
    bound in logarithmically many steps (the mirror of halving; ``x *= y`` by a variable is not counted)."""
    value = stmt.value
    if stmt.op in ("*", "<<"):
        return isinstance(value, ir.Literal) and value.kind == "num" and value.text.isdigit() and (
            int(value.text) >= 2 or stmt.op == "<<" and int(value.text) >= 1)
    if stmt.op is None and isinstance(value, ir.BinOp) and value.op in ("*", "<<"):
        sides = (value.left, value.right)
        return any(isinstance(a, ir.Name) and a.id == name for a in sides) and any(
            isinstance(b, ir.Literal) and b.kind == "num" and b.text.isdigit()
            and (int(b.text) >= 2 or value.op == "<<" and int(b.text) >= 1) for b in sides)
    return False


def _bisected_bounds(body: tuple[ir.Stmt, ...]) -> set[str]:
    """``while True: m = (l + r) // 2; ... l = m + 1 ... r = m - 1``: the bounds a loop with no test halves.

    A loop that tests nothing (it ends by a ``return``/``break`` inside) is a binary search when it takes
    the midpoint of two names and moves one of them to that midpoint: the interval halves each round.
    """
    assignments = list(_body_assignments(body))
    midpoints: dict[str, set[str]] = {}
    for stmt in assignments:
        value = stmt.value
        if stmt.op is None and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name) and any(
                isinstance(node, ir.BinOp) and node.op in ("/", "//", ">>") and isinstance(node.right, ir.Literal)
                and node.right.text in ("2", "1") and isinstance(node.left, ir.BinOp) and node.left.op in ("+", "-")
                for node in walk_expr(value)):
            midpoints[stmt.targets[0].id] = {n.id for n in walk_expr(value) if isinstance(n, ir.Name)}
    bounds: set[str] = set()
    for stmt in assignments:
        for target in stmt.targets:
            if isinstance(target, ir.Name) and stmt.op is None and any(
                    target.id in ends and _mentions(stmt.value, mid) for mid, ends in midpoints.items()):
                bounds.add(target.id)
    return bounds


def _remainder_step(stmt: ir.Assign, name: str, compared: set[str]) -> bool:
    """``b = a % b`` / ``x %= y`` (Euclid's gcd) or ``x &= x - 1`` (clear the lowest set bit).

    A remainder is smaller than the divisor and Euclid's pair at least halves every two steps; clearing
    the lowest set bit takes as many steps as the number has set bits.  Both loops are logarithmic.  The
    divisor must be one of the loop's compared variables (``while b``, ``while a and b``): a wrap-around
    index ``j = (j + 1) % n`` or ``d = (d + 1) % 4`` divides by a size or a literal, and ``idx += 1;
    idx %= n`` also steps (see ``_stepped``).
    """
    value = stmt.value
    if stmt.op == "%":
        return _mentions_any(value, compared)
    if stmt.op is None and isinstance(value, ir.BinOp) and value.op == "%":
        return _mentions_any(value.right, compared)
    if stmt.op == "&":
        return _minus_one(value, name)
    return stmt.op is None and isinstance(value, ir.BinOp) and value.op == "&" and (
        isinstance(value.left, ir.Name) and value.left.id == name and _minus_one(value.right, name)
        or isinstance(value.right, ir.Name) and value.right.id == name and _minus_one(value.left, name))


def _minus_one(expr: ir.Expr | None, name: str) -> bool:
    return isinstance(expr, ir.BinOp) and expr.op == "-" and isinstance(expr.left, ir.Name) and \
        expr.left.id == name and isinstance(expr.right, ir.Literal) and expr.right.text == "1"


def _lowbit_step(stmt: ir.Assign, name: str) -> bool:
    """``i += i & -i`` / ``i -= i & -i`` (or ``i = i + (i & -i)``): a Fenwick-tree walk.

    Adding the lowest set bit carries it upwards and subtracting clears it, so the walk takes at most as
    many steps as the index has bits: a logarithmic loop, like halving.
    """
    value = stmt.value
    if stmt.op is None and isinstance(value, ir.BinOp) and value.op in ("+", "-") and \
            isinstance(value.left, ir.Name) and value.left.id == name:
        value = value.right
    elif stmt.op not in ("+", "-"):
        return False
    if not (isinstance(value, ir.BinOp) and value.op == "&"):
        return False
    sides = (value.left, value.right)
    plain = any(isinstance(side, ir.Name) and side.id == name for side in sides)
    negated = any(isinstance(side, ir.UnaryOp) and side.op == "-" and isinstance(side.operand, ir.Name)
                  and side.operand.id == name for side in sides)
    return plain and negated


def _steps(body: tuple[ir.Stmt, ...], names: set[str]) -> bool:
    """A pointer loop: some compared variable moves by a step in the body."""
    for stmt in _body_assignments(body):
        if any(isinstance(t, ir.Name) and t.id in names for t in stmt.targets):
            if _is_step(stmt):
                return True
    return False


def _is_step(stmt: ir.Assign) -> bool:
    """``i += 1``, ``i = i - 1``; not ``x &= x - 1`` (a bit trick, however its right side is written)."""
    return stmt.op in ("+", "-") or stmt.op is None and isinstance(stmt.value, ir.BinOp) \
        and stmt.value.op in ("+", "-")


def _stepped_names(body: tuple[ir.Stmt, ...], names: set[str]) -> set[str]:
    """The compared variables a pointer loop moves by a step (``l += 1``, ``total -= nums[l]``)."""
    found: set[str] = set()
    for stmt in _body_assignments(body):
        if _is_step(stmt):
            found.update(t.id for t in stmt.targets if isinstance(t, ir.Name) and t.id in names)
    return found


def _plain_assignments(body: tuple[ir.Stmt, ...], skip: ir.Stmt) -> dict[str, list[ir.Expr | None]]:
    """Names given a new value anywhere in ``body`` but ``skip`` (``x = 0``; not ``x += 1``, ``x = x - 1``)."""
    found: dict[str, list[ir.Expr | None]] = {}
    stack = list(body)
    while stack:
        stmt = stack.pop()
        if stmt is skip:
            continue
        if isinstance(stmt, ir.Assign) and stmt.op is None:
            pairs = [(target, stmt.value) for target in stmt.targets]
            while pairs:
                target, value = pairs.pop()
                if isinstance(target, ir.Name):
                    step = isinstance(value, ir.BinOp) and value.op in ("+", "-") and _mentions(value, target.id)
                    if not step:
                        found.setdefault(target.id, []).append(value)
                elif isinstance(target, ir.CollectionLit):  # l, r = 0, n - 1
                    values = value.items if isinstance(value, ir.CollectionLit) and len(value.items) == len(
                        target.items) else (value,) * len(target.items)
                    pairs += list(zip(target.items, values))
        elif isinstance(stmt, ir.If):
            stack += list(stmt.body) + list(stmt.orelse)
        elif isinstance(stmt, (ir.Block, ir.Foreach, ir.While)):
            stack += list(stmt.body)
        elif isinstance(stmt, ir.CFor):
            stack += list(stmt.init) + list(stmt.body) + list(stmt.update)
    return found


def _mentions_any(expr: ir.Expr | None, names: set[str]) -> bool:
    return any(isinstance(node, ir.Name) and node.id in names for node in walk_expr(expr))
