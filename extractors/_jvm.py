"""Helpers shared by the class-based, statically typed extractors (Java, C#, Kotlin).

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

import re

from skeldsl import ir

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
                                "toLongArray", "toCharArray", "toDoubleArray", "toMutableList"})


def returned_value(expr: ir.Expr) -> ir.Expr:
    """The value a ``return`` hands back, without an output conversion of a collection."""
    while isinstance(expr, ir.Call) and isinstance(expr.func, ir.Attr) and expr.func.name in OUTPUT_CONVERSIONS \
            and isinstance(expr.func.obj, (ir.Name, ir.Attr)):
        expr = expr.func.obj
    return expr


_CHAR_ARRAYS = frozenset({"toCharArray", "ToCharArray"})


# ``s.toCharArray()``: the string's characters (each JVM SPEC maps it to the ``view`` action, an alias of s)
CHAR_VIEW = "<chars>"


def char_array(obj: ir.Expr, method: str, args: tuple) -> ir.Expr | None:
    """``s.toCharArray()`` is Python's ``list(s)``: the string's characters, also when ``s`` has no known
    type (``words[i].toCharArray()``)."""
    if method in _CHAR_ARRAYS and not args:
        return ir.Call(ir.Name(CHAR_VIEW), (obj,))
    return None


def string_of(args: tuple) -> ir.Expr:
    """``new String(chars)`` is Python's ``"".join(chars)``."""
    return ir.Call(ir.Attr(ir.Literal("str", '""'), "join"), args[:1])


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
