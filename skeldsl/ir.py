"""The language-agnostic IR that every extractor emits and the normaliser consumes.

The IR is a small imperative language: functions, assignments, loops, branches, exits and expressions with
*original* names kept.  It is deliberately shallow: extractors translate syntax, they do not judge cost.
All semantic decisions (which call is a hash-map lookup, what a loop iterates over, what is O(1) detail)
are made once, in ``skeldsl.normalise``, from each language's declarative tables (``LanguageSpec``).

Conventions extractors follow:

* A method call ``x.add(y)`` is ``Call(Attr(Name("x"), "add"), (Name("y"),))``; a constructor
  ``new HashMap<>()`` or ``dict()`` is a ``Call`` of the class name (qualified as the language resolves it,
  e.g. ``collections.deque`` after ``from collections import deque as dq``).
* ``Foreach`` iterates the elements of an expression; a counting loop with a known range is a ``Foreach``
  over ``Range(start, stop)`` (Rust ``0..n``, Kotlin ``0 until n``, Swift ``0..<n``); a C-style ``for``
  is ``CFor`` and the normaliser recognises ``i = a; i < n; i++`` itself.
* Anything without a mapping becomes ``Opaque`` (an expression whose children still count) rather than
  being dropped, so operations nested in unusual syntax are not lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Union

from skeldsl._fast_init import fast_init

# ----------------------------------------------------------------------------------------- expressions


@dataclass(frozen=True)
class Name:
    id: str


@dataclass(frozen=True)
class Literal:
    """A literal; ``kind`` is one of num, str, bool, none, char."""

    kind: str
    text: str = ""


@dataclass(frozen=True)
class Attr:
    """Field access ``obj.name`` (``self.x``, ``this.x``, ``arr.length``)."""

    obj: "Expr"
    name: str


@dataclass(frozen=True)
class Index:
    """Subscript ``obj[index]``; ``is_slice`` for ``obj[a:b]`` style copies."""

    obj: "Expr"
    index: "Expr"
    is_slice: bool = False


@dataclass(frozen=True)
class Call:
    func: "Expr"
    args: tuple["Expr", ...] = ()


@dataclass(frozen=True)
class BinOp:
    """Arithmetic, comparison (``<``, ``==``), membership (``in``, ``not in``) and boolean (``and``, ``or``)."""

    op: str
    left: "Expr"
    right: "Expr"


@dataclass(frozen=True)
class UnaryOp:
    op: str
    operand: "Expr"


@dataclass(frozen=True)
class Cond:
    """Conditional expression ``a if test else b`` / ``test ? a : b``."""

    test: "Expr"
    then: "Expr"
    orelse: "Expr"


@dataclass(frozen=True)
class CollectionLit:
    """A literal collection; ``kind`` is list, set, map or tuple."""

    kind: str
    items: tuple["Expr", ...] = ()


@dataclass(frozen=True)
class Range:
    """The integers ``start <= i < stop`` (or ``<= stop`` when ``inclusive``), ``step`` if not 1."""

    start: "Expr"
    stop: "Expr"
    step: "Expr | None" = None
    inclusive: bool = False


@dataclass(frozen=True)
class Generator:
    targets: tuple[str, ...]
    iter: "Expr"
    conditions: tuple["Expr", ...] = ()


@dataclass(frozen=True)
class Comprehension:
    """``[elt for t in iter if cond ...]``; ``kind`` is list, set, map or gen (a lazy generator)."""

    kind: str
    element: "Expr"
    generators: tuple[Generator, ...]


@dataclass(frozen=True)
class Lambda:
    params: tuple[str, ...]
    body: "Expr"


@dataclass(frozen=True)
class Opaque:
    """Syntax without a mapping; its children are still visited for operations."""

    what: str
    children: tuple["Expr", ...] = ()


Expr = Union[Name, Literal, Attr, Index, Call, BinOp, UnaryOp, Cond, CollectionLit, Range, Comprehension, Lambda, Opaque]

# ------------------------------------------------------------------------------------------ statements


@dataclass(frozen=True)
class Assign:
    """``targets = value``; ``op`` is set for augmented assignment (``+=`` has op "+").

    ``declared`` is the declared type of a local (``Map<Integer,Integer> m``), resolved by the extractor
    to a skeleton kind, or None.
    """

    targets: tuple[Expr, ...]
    value: Expr | None
    op: str | None = None
    declared: str | None = None
    line: int = 0


@dataclass(frozen=True)
class ExprStmt:
    expr: Expr
    line: int = 0


@dataclass(frozen=True)
class If:
    test: Expr
    body: tuple["Stmt", ...]
    orelse: tuple["Stmt", ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Foreach:
    targets: tuple[str, ...]
    iter: Expr
    body: tuple["Stmt", ...]
    line: int = 0


@dataclass(frozen=True)
class CFor:
    """C-style ``for (init; cond; update) body``."""

    init: tuple["Stmt", ...]
    cond: Expr | None
    update: tuple["Stmt", ...]
    body: tuple["Stmt", ...]
    line: int = 0


@dataclass(frozen=True)
class While:
    """``while test: body``; do-while loops too (``test`` then runs after the body, same skeleton)."""

    test: Expr | None
    body: tuple["Stmt", ...]
    line: int = 0


@dataclass(frozen=True)
class Return:
    value: Expr | None = None
    line: int = 0


@dataclass(frozen=True)
class Break:
    line: int = 0


@dataclass(frozen=True)
class Continue:
    line: int = 0


@dataclass(frozen=True)
class Delete:
    """``del x[k]``."""

    targets: tuple[Expr, ...]
    line: int = 0


@dataclass(frozen=True)
class Block:
    """A nested block with no control meaning (C ``{ }``, Python ``with``, ``try`` bodies)."""

    body: tuple["Stmt", ...]
    line: int = 0


@dataclass(frozen=True)
class Param:
    """A parameter; ``kind`` is a skeleton parameter kind (seq, str, map, set, num, bool, node, fn, any)."""

    name: str
    kind: str = "any"


@dataclass(frozen=True)
class FunctionDef:
    """A function, method, constructor, nested function or named lambda.

    ``owner`` is the enclosing class for methods (its fields are ``self.x`` / ``this.x``), ``memo`` is set
    when a decorator or annotation memoises it (Python ``@cache``).
    """

    name: str
    params: tuple[Param, ...]
    body: tuple["Stmt", ...]
    owner: str | None = None
    memo: bool = False
    line: int = 0


Stmt = Union[Assign, ExprStmt, If, Foreach, CFor, While, Return, Break, Continue, Delete, Block, FunctionDef]


@dataclass(frozen=True)
class Module:
    """One source file: its functions (methods included, nested ones inside their parents) and the
    statements at top level (scripts; wrapped into a function by the normaliser when they do work)."""

    lang: str
    functions: tuple[FunctionDef, ...]
    toplevel: tuple[Stmt, ...] = ()
    # Names the extractor resolved to qualified library names (``dq`` -> ``collections.deque``).
    aliases: tuple[tuple[str, str], ...] = field(default=())


# Built one per syntax node: construction without the generated ``__init__``'s global and attribute lookups per
# field (still frozen).  ``inline=True``: IR nodes are read far more often than built (every normaliser
# analysis walks them), so their attributes stay in CPython's inline values (a store through
# ``object.__setattr__``) instead of a materialised instance dict, which makes every later read slower.
_NODE_CLASSES = (Name, Literal, Attr, Index, Call, BinOp, UnaryOp, Cond, CollectionLit, Range, Generator, Comprehension,
                 Lambda, Opaque, Assign, ExprStmt, If, Foreach, CFor, While, Return, Break, Continue, Delete, Block,
                 Param, FunctionDef, Module)
fast_init(*_NODE_CLASSES, inline=True)


def _values_getter(cls: type):
    names = tuple(f.name for f in fields(cls))
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda node: (get(node),)
    return attrgetter(*names)


# node class -> function giving an instance's field values in order: ``vars(node).values()`` without asking
# for ``__dict__`` (which would materialise the instance dict; see ``fast_init(inline=True)`` above)
FIELD_VALUES = {cls: _values_getter(cls) for cls in _NODE_CLASSES}


def field_values(node) -> tuple:
    """The values of an IR node's fields in declaration order (as ``tuple(vars(node).values())``)."""
    getter = FIELD_VALUES.get(type(node))
    return getter(node) if getter is not None else tuple(vars(node).values())
