"""Helpers shared by the class-based, statically typed extractors (Java, C#, Kotlin; Swift reuses the
``Solution``-class helpers ``entry_method``, ``calls_itself``, ``fold_parameter_fields``).

Two things these languages have in common and Python does not:

* **Declared types.**  A parameter or local says what it holds (``Map<Integer, List<int[]>>``,
  ``Dictionary<int, int>``, ``IntArray``), so the kind of a variable comes from a table of type names
  (``TYPE_KINDS``) instead of usage.  Parameters may only carry the coarse ``PARAM_KINDS``; locals may
  carry container kinds (``heap``, ``deque``, ``tree`` ...), see ``param_kind``.
* **Implicit fields.**  Inside a method a bare name may be a field of the class (``memo[i]`` means
  ``this.memo[i]``).  ``ClassScope`` tracks the fields of the enclosing classes and the names declared
  in the current method, so the extractor can emit ``Attr(Name("this"), name)`` exactly when the name is
  a field and not shadowed by a parameter or local; the normaliser then treats it like ``self.x``.
"""

from __future__ import annotations

import dataclasses
import re

from skeldsl import ir
from skeldsl.normalise.lower import walk_expr

# Simple type name (generics and namespaces stripped) -> declared kind.
TYPE_KINDS: dict[str, str] = {
    # numbers, booleans, characters
    **{name: "num" for name in (
        "int", "long", "short", "byte", "float", "double", "char", "Integer", "Long", "Short", "Byte",
        "Float", "Double", "Character", "BigInteger", "BigDecimal", "Number", "uint", "ulong", "ushort",
        "sbyte", "decimal", "Int", "UInt", "ULong", "Int32", "Int64", "UInt32", "UInt64", "Char",
        "Int16", "Single", "nint", "Boolean?",
    )},
    **{name: "bool" for name in ("boolean", "Boolean", "bool")},
    # strings
    **{name: "str" for name in ("String", "string", "CharSequence")},
    # sequences
    **{name: "list" for name in (
        "List", "ArrayList", "Collection", "Iterable", "AbstractList", "IList", "ICollection", "IEnumerable",
        "IReadOnlyList", "IReadOnlyCollection", "MutableList", "Array", "IntArray", "LongArray",
        "CharArray", "BooleanArray", "DoubleArray", "FloatArray", "ByteArray", "ShortArray", "Sequence",
        "Vector", "Span", "ReadOnlySpan",
    )},
    **{name: "deque" for name in ("Deque", "ArrayDeque", "Queue", "LinkedList", "ArrayDeque", "LinkedBlockingQueue")},
    "Stack": "list",
    **{name: "heap" for name in ("PriorityQueue",)},
    # maps and sets
    **{name: "map" for name in (
        "Map", "HashMap", "LinkedHashMap", "Dictionary", "IDictionary", "IReadOnlyDictionary", "MutableMap",
        "Hashtable", "ConcurrentHashMap",
    )},
    **{name: "set" for name in ("Set", "HashSet", "LinkedHashSet", "ISet", "MutableSet")},
    **{name: "tree" for name in (
        "TreeMap", "TreeSet", "SortedMap", "SortedSet", "NavigableMap", "NavigableSet", "SortedDictionary",
        "SortedList",
    )},
    **{name: "strbuf" for name in ("StringBuilder", "StringBuffer")},
    # tree and list nodes
    **{name: "node" for name in ("TreeNode", "ListNode", "Node", "GraphNode", "NestedInteger")},
    # functions
    **{name: "fn" for name in (
        "Function", "BiFunction", "Predicate", "Supplier", "Consumer", "Func", "Action", "Comparator",
        "IntBinaryOperator", "IntUnaryOperator",
    )},
}

# Declared kind -> parameter kind (parameters carry only the coarse kinds of the skeleton language).
_PARAM_FOLD = {"list": "seq", "deque": "seq", "heap": "seq", "linked": "seq", "strbuf": "str", "tree": "map"}


def simple_type_name(text: str) -> str:
    """``java.util.Map<K, V>`` -> ``Map``; ``int[]`` -> ``int[]``; ``List<int>?`` -> ``List``."""
    head = text.split("<", 1)[0].strip().rstrip("?").strip()
    return head.rsplit(".", 1)[-1]


def kind_of_type(name: str, array: bool = False) -> str:
    """The declared kind of a type (``array``: it has array dimensions, so it is a sequence)."""
    if array:
        return "list"
    kind = TYPE_KINDS.get(name)
    if kind is not None:
        return kind
    if name.endswith("Node"):
        return "node"
    return "any"


def param_kind(declared: str) -> str:
    return _PARAM_FOLD.get(declared, declared)


class ClassScope:
    """Fields of the enclosing classes and names bound in the current method (see module docstring)."""

    def __init__(self) -> None:
        self.fields: list[frozenset[str]] = []
        self.demoted_fields: list[frozenset[str]] = []
        self.locals: set[str] = set()

    def enter_class(self, fields: frozenset[str], demoted: frozenset[str] = frozenset()) -> None:
        """``demoted``: fields treated as locals of the entry method (see the Java ``solution_class``)."""
        self.fields.append(fields)
        self.demoted_fields.append(demoted)

    def leave_class(self) -> None:
        self.fields.pop()
        self.demoted_fields.pop()

    def demoted(self, name: str) -> bool:
        return bool(self.demoted_fields) and name in self.demoted_fields[-1]

    def enter_method(self, params) -> set[str]:
        saved = self.locals
        self.locals = set(params)
        return saved

    def leave_method(self, saved: set[str]) -> None:
        self.locals = saved

    def bind(self, name: str) -> None:
        self.locals.add(name)

    def name(self, name: str) -> ir.Expr:
        if self.fields and name in self.fields[-1] and name not in self.locals:
            return ir.Attr(ir.Name("this"), name)
        return ir.Name(name)


# Conversions that only change a result's representation for the caller (``list.toArray(...)``):
# Python returns the list itself, so ``return xs.toArray()`` is ``return xs``.
OUTPUT_CONVERSIONS = frozenset({"toArray", "ToArray", "ToList", "toIntArray", "toTypedArray", "toList",
                                "toLongArray", "toCharArray", "toDoubleArray", "toMutableList",
                                "requireNoNulls"})


def returned_value(expr: ir.Expr) -> ir.Expr:
    """The value a ``return`` hands back, without an output conversion of a collection."""
    while isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr) and expr.func.name in OUTPUT_CONVERSIONS \
            and isinstance(expr.func.obj, (ir.Name, ir.Attr)):
        expr = expr.func.obj
    return expr


_CHAR_ARRAYS = frozenset({"toCharArray", "ToCharArray"})


# ``s.toCharArray()``: the string's characters (each JVM SPEC maps it to the ``view`` action, an alias of s)
CHAR_VIEW = "<chars>"


# ``xs.toSet()`` (Kotlin), ``xs.ToHashSet()`` (C#): Python's ``set(xs)``, a set built from xs
_SET_COPIES = {"toSet": "HashSet", "toHashSet": "HashSet", "toMutableSet": "HashSet", "ToHashSet": "HashSet",
               "toSortedSet": "TreeSet"}


def char_array(obj: ir.Expr, method: str, args: tuple) -> ir.Expr | None:
    """``s.toCharArray()`` is Python's ``list(s)``: the string's characters, also when ``s`` has no known
    type (``words[i].toCharArray()``).  (And ``xs.toSet()`` is Python's ``set(xs)``, see ``_SET_COPIES``:
    a conversion into a set is the set's construction.)"""
    if method in _CHAR_ARRAYS and not args:
        return ir.Call(ir.Name(CHAR_VIEW), (obj,))
    if method in _SET_COPIES and not args:
        return ir.Call(ir.Name(_SET_COPIES[method]), (obj,))
    return None


def string_of(args: tuple) -> ir.Expr:
    """``new String(chars)`` is Python's ``"".join(chars)`` (``new string(res.ToArray())`` too: the array is
    only the form the constructor takes)."""
    return ir.Call(ir.Attr(ir.Literal("str", '""'), "join"), tuple(returned_value(arg) for arg in args[:1]))


def unwrap_char_array(iterable: ir.Expr) -> ir.Expr:
    """``for (char c : s.toCharArray())`` walks ``s`` itself, as Python's ``for c in s``."""
    if isinstance(iterable, ir.Call) and isinstance(iterable.func, ir.Name) and iterable.func.id == CHAR_VIEW \
            and len(iterable.args) == 1 and not isinstance(iterable.args[0], ir.Literal):
        return iterable.args[0]
    return iterable


def entry_method(methods: list, name_of, text_of, candidate) -> object:
    """The method of a ``Solution`` class the judge calls: the first ``candidate`` (public) one that no
    other method calls (a public ``dfs`` declared first is a helper of the public method after it, and
    folding the fields into it would rebuild them on every recursive call); else the first candidate."""
    public = [m for m in methods if candidate(m)] or list(methods[:1])
    for method in public:
        name, call = name_of(method), None
        for other in methods:
            if other is method:
                continue
            text = text_of(other)
            if name not in text:  # no call without the name: skips compiling a pattern per method name
                continue
            call = call or re.compile(rf"(?<!\w){re.escape(name)}\s*\(")
            if call.search(text):
                break
        else:
            return method
    return public[0]


def calls_itself(name: str, body_text: str) -> bool:
    """Does a method body call the method ``name`` (``name(..)`` or ``this.name(..)``)?"""
    return name in body_text and \
        re.search(rf"(?:(?<![\w.])|this\.){re.escape(name)}\s*\(", body_text) is not None


def fold_parameter_fields(setup: list, params, body: tuple) -> tuple[tuple, tuple]:
    """``this.nums = nums`` in the entry method of a ``Solution`` class whose field ``nums`` the helpers
    read: with the fields demoted to locals it is ``nums = nums``, and Python's closures read the
    parameter itself.  So the self-assignments go, and so does the field's declaration (``private int[]
    nums;``, ``lateinit var nums: IntArray``, Swift's ``private var nums: [Int] = []``), which would otherwise
    make ``nums`` a fresh local instead of the parameter.  Returns the new (setup, body)."""
    names = {param.name for param in params}
    copied = {stmt.targets[0].id for stmt in body if _self_assignment(stmt) and stmt.targets[0].id in names}
    if not copied:
        return tuple(setup), body
    kept = tuple(stmt for stmt in setup if not (
        isinstance(stmt, ir.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name)
        and stmt.targets[0].id in copied and (stmt.value is None or isinstance(stmt.value, ir.Literal)
                                              or _empty_collection(stmt.value))))
    return kept, tuple(stmt for stmt in body if not (_self_assignment(stmt) and stmt.targets[0].id in copied))


def drop_overwritten_fields(setup: tuple, helpers: tuple, body: tuple) -> tuple:
    """Swift's ``private var res = [[Int]]()`` (a stored property needs a value) that the entry method
    resets (``res = []``) before it calls a helper: the first value is never read, and with the fields
    demoted to locals it would be a second construction Python does not write.  It becomes a bare
    declaration (its kind, if declared, stays).  Returns the new setup."""
    valued = {stmt.targets[0].id for stmt in setup if isinstance(stmt, ir.Assign) and stmt.value is not None
              and stmt.op is None and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ir.Name)}
    helper_names = {helper.name for helper in helpers if isinstance(helper, ir.FunctionDef)}
    dead: set[str] = set()
    for stmt in _flat(body):
        if not valued:
            break
        names = {node.id for node in walk_expr(stmt) if isinstance(node, ir.Name)}
        if isinstance(stmt, ir.Assign) and stmt.op is None and len(stmt.targets) == 1 \
                and isinstance(stmt.targets[0], ir.Name) and stmt.targets[0].id in valued:
            read = {node.id for node in walk_expr(stmt.value) if isinstance(node, ir.Name)}
            if stmt.targets[0].id not in read and not read & helper_names:
                dead.add(stmt.targets[0].id)
        if names & helper_names:
            break
        valued -= names
    if not dead:
        return tuple(setup)
    return tuple(dataclasses.replace(stmt, value=None) if isinstance(stmt, ir.Assign) and len(stmt.targets) == 1
                 and isinstance(stmt.targets[0], ir.Name) and stmt.targets[0].id in dead else stmt for stmt in setup)


def _empty_collection(value: ir.Expr) -> bool:
    """``[]``, ``[:]``, ``[Int]()``, ``new ArrayList<>()``: a placeholder value of a field."""
    return isinstance(value, ir.CollectionLit) and not value.items \
        or isinstance(value, ir.Call) and isinstance(value.func, ir.Name) and not value.args


def _flat(body: tuple):
    """The statements of ``body`` in order, the bodies of plain blocks (``{ ... }``) spliced in."""
    for stmt in body:
        if isinstance(stmt, ir.Block):
            yield from _flat(stmt.body)
        else:
            yield stmt


def _self_assignment(stmt) -> bool:
    return isinstance(stmt, ir.Assign) and stmt.op is None and len(stmt.targets) == 1 \
        and isinstance(stmt.targets[0], ir.Name) and isinstance(stmt.value, ir.Name) \
        and stmt.value.id == stmt.targets[0].id


_DEFAULT_INSERTS = frozenset({"putIfAbsent", "TryAdd"})


def drop_default_inserts(statements: tuple) -> tuple:
    """``m.putIfAbsent(k, new ArrayList<>()); m.get(k).add(x)`` is Python's ``m[k].append(x)`` on a
    ``defaultdict(list)`` (and Java's ``m.computeIfAbsent(k, ..).add(x)``): the insert of an empty default
    right before the lookup of the same key is part of that one lookup, so the insert statement goes."""
    if len(statements) < 2:
        return statements
    out = []
    for index, stmt in enumerate(statements):
        if index + 1 < len(statements) and _default_insert(stmt, statements[index + 1]):
            continue
        out.append(stmt)
    return tuple(out) if len(out) != len(statements) else statements


def _default_insert(stmt, following) -> bool:
    if not (isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.Call)):
        return False
    call = stmt.expr
    if not (isinstance(call.func, ir.Attr) and call.func.name in _DEFAULT_INSERTS and len(call.args) == 2):
        return False
    default = call.args[1]
    empty = isinstance(default, ir.CollectionLit) and not default.items or \
        isinstance(default, ir.Call) and isinstance(default.func, ir.Name) and not default.args
    if not empty:
        return False
    receiver, key = call.func.obj, call.args[0]
    for node in walk_expr(following):
        if isinstance(node, ir.Index) and node.obj == receiver and node.index == key:
            return True
        if isinstance(node, ir.Call) and isinstance(node.func, ir.Attr) and node.func.obj == receiver \
                and node.args[:1] == (key,) and node.func.name in ("get", "getValue"):
            return True
    return False


def return_collection_itself(statements: tuple, arrays: frozenset[str]) -> tuple:
    """``int[] ans = new int[res.size()]; for (..) ans[i] = res.get(i); return ans;`` (or ``for (int x :
    res) ans[k++] = x``) is the result handed over as an array, where Python returns ``res`` itself (as
    ``return res.toArray()`` is, see ``returned_value``): the statements become ``return res``.  So is
    ``int[][] out = new int[res.size()][]; return res.toArray(out);``: an array built right before
    ``return res`` is dead (a returned call might read it through a field).  ``arrays``: the language's
    array constructor names."""
    if len(statements) < 2 or not isinstance(statements[-1], ir.Return):
        return statements
    returned = statements[-1].value
    dead = statements[-2]
    if isinstance(returned, ir.Name) and isinstance(dead, ir.Assign) and len(dead.targets) == 1 \
            and isinstance(dead.targets[0], ir.Name) \
            and _array_construction(dead, dead.targets[0].id, arrays) \
            and dead.targets[0] != returned:
        return statements[:-2] + statements[-1:]
    if not isinstance(returned, ir.Name):
        return statements
    name = returned.id
    loop = statements[-2]
    source = _copied_source(loop, name) if isinstance(loop, (ir.CFor, ir.Foreach)) else None
    end = len(statements) - 2
    if source is None:
        return statements
    start = end - 1
    while start >= 0 and _counter_reset(statements[start]):
        start -= 1
    if start < 0 or not _array_construction(statements[start], name, arrays):
        return statements
    return statements[:start] + statements[start + 1:end] + (ir.Return(source, statements[-1].line),)


def _array_construction(stmt, name: str, arrays: frozenset[str]) -> bool:
    return isinstance(stmt, ir.Assign) and stmt.op is None and stmt.targets == (ir.Name(name),) \
        and isinstance(stmt.value, ir.Call) and isinstance(stmt.value.func, ir.Name) \
        and stmt.value.func.id in arrays


def _counter_reset(stmt) -> bool:
    return isinstance(stmt, ir.Assign) and stmt.op is None and len(stmt.targets) == 1 \
        and isinstance(stmt.targets[0], ir.Name) and isinstance(stmt.value, ir.Literal)


def _copied_source(loop, name: str) -> ir.Expr | None:
    """The collection a loop copies element by element into the array ``name``, or None."""
    body = [stmt for stmt in loop.body if not (
        isinstance(stmt, ir.ExprStmt) and isinstance(stmt.expr, ir.UnaryOp) and stmt.expr.op in ("++", "--"))]
    if len(body) != 1 or not isinstance(body[0], ir.Assign) or body[0].op is not None \
            or len(body[0].targets) != 1:
        return None
    target, value = body[0].targets[0], body[0].value
    if not (isinstance(target, ir.Index) and target.obj == ir.Name(name)):
        return None
    if isinstance(loop, ir.Foreach):
        if len(loop.targets) == 1 and value == ir.Name(loop.targets[0]) \
                and isinstance(loop.iter, (ir.Name, ir.Attr)):
            return loop.iter
        return None
    if isinstance(value, ir.Index) and isinstance(value.obj, (ir.Name, ir.Attr)) \
            and value.obj != ir.Name(name) \
            and isinstance(value.index, ir.Name) and target.index == value.index:
        return value.obj
    return None


def switch_chain(cases: list, line: int) -> tuple:
    """``switch`` case groups as Python's ``if / elif / else`` chain (``cases``: (is default, statements,
    line) in source order).  A ``break`` that ends a case (or sits in its branches) leaves the switch, not
    an enclosing loop, so it goes; a ``default`` written last is the final ``else``."""
    chain: tuple = ()
    for position, (default, statements, case_line) in reversed(list(enumerate(cases))):
        body = _without_switch_breaks(tuple(statements))
        if default and position == len(cases) - 1:
            chain = body
        else:
            chain = (ir.If(ir.Opaque("case"), body, chain, case_line or line),)
    return chain


def _without_switch_breaks(statements: tuple) -> tuple:
    out = []
    for stmt in statements:
        if isinstance(stmt, ir.Break):
            continue
        if isinstance(stmt, ir.If):
            stmt = ir.If(stmt.test, _without_switch_breaks(stmt.body), _without_switch_breaks(stmt.orelse),
                         stmt.line)
        elif isinstance(stmt, ir.Block):
            stmt = ir.Block(_without_switch_breaks(stmt.body), stmt.line)
        out.append(stmt)
    return tuple(out)
