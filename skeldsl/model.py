"""The skeleton model: immutable objects that the parser builds and the printer prints.

All classes are frozen dataclasses that compare *by value*: two skeletons are equal exactly when they
print to the same bytes, which is the point of a canonical form (LibCST makes the opposite choice, identity
equality, because it edits trees in place; skeletons are values).  Every constructor validates its
arguments, so an invalid skeleton cannot exist, whether it came from the parser, an extractor or a
hypothesis strategy.

A skeleton in text (see ``grammars/skeleton.lark``)::

    skel 1
    fn f0(p0: seq, p1: num) {
      v0 = map()
      for p0 {
        if map.has(v0) {
          map.get(v0)
          return
        }
        map.put(v0)
      }
    }

References name collections and sizes: ``p0``.. parameters, ``v0``.. local collections, ``s0``.. fields of
an object (``self.x``), each numbered in order of first use; ``p0[]`` is an element of ``p0`` (a row of a
grid); ``_`` is a collection the extractor could not name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from skeldsl.errors import SkeletonValidationError
from skeldsl.vocabulary import CONSTANT_DOMAIN, CONSTRUCTORS, OPERATIONS, PARAM_KINDS, is_user_function

LANGUAGE_VERSION = 1

_REF = re.compile(r"(?:[pvs](?:0|[1-9][0-9]*)|_)(?:\[\])*")
_FUNCTION_NAME = re.compile(r"f(?:0|[1-9][0-9]*)")
_PARAM_NAME = re.compile(r"p(?:0|[1-9][0-9]*)")
_LOCAL_OR_FIELD = re.compile(r"[vs](?:0|[1-9][0-9]*)(?:\[\])*")


def _fail(message: str) -> None:
    raise SkeletonValidationError(message)


def check_ref(ref: str) -> None:
    if not isinstance(ref, str) or not _REF.fullmatch(ref):
        _fail(f"invalid reference {ref!r}: expected p0, v1, s2, _ or one of these followed by []")


@dataclass(frozen=True)
class Call:
    """An operation from the vocabulary, a constructor, or a call of a program function (``f1()``).

    ``ref`` is the collection it applies to (the receiver), or for constructors what the new collection
    is built from or sized by; ``None`` when there is none.
    """

    op: str
    ref: str | None = None

    def __post_init__(self) -> None:
        if not (self.op in OPERATIONS or self.op in CONSTRUCTORS or is_user_function(self.op)):
            _fail(f"unknown operation {self.op!r}")
        if self.ref is not None:
            check_ref(self.ref)
        if is_user_function(self.op) and self.ref is not None:
            _fail(f"a call of a program function takes no reference: {self.op}({self.ref})")
        if self.op in OPERATIONS and self.ref is None:
            _fail(f"operation {self.op!r} needs the collection it applies to")


@dataclass(frozen=True)
class Assign:
    """``target = call``: a named collection is built (or produced by an operation such as ``sort``)."""

    target: str
    value: Call

    def __post_init__(self) -> None:
        if not isinstance(self.target, str) or not _LOCAL_OR_FIELD.fullmatch(self.target):
            _fail(f"invalid assignment target {self.target!r}: expected a local (v0) or field (s0)")
        if not isinstance(self.value, Call):
            _fail("an assignment's value must be a Call")


@dataclass(frozen=True)
class Over:
    """A loop over every element (or index) of a collection, or ``0..n`` for a number reference."""

    ref: str

    def __post_init__(self) -> None:
        check_ref(self.ref)


@dataclass(frozen=True)
class Halving:
    """A loop that halves an interval each step (binary search), over the size of ``ref``."""

    ref: str

    def __post_init__(self) -> None:
        check_ref(self.ref)


@dataclass(frozen=True)
class Const:
    """A loop with a constant number of iterations (``range(26)``, four neighbour directions)."""


Domain = Union[Over, Halving, Const]


@dataclass(frozen=True)
class For:
    """A loop whose iteration domain is known."""

    domain: Domain
    body: tuple["Stmt", ...]

    def __post_init__(self) -> None:
        if not isinstance(self.domain, (Over, Halving, Const)):
            _fail(f"invalid loop domain {self.domain!r}")
        _check_body(self.body)


@dataclass(frozen=True)
class While:
    """A condition loop; with ``ref`` it runs while that collection is not empty (a worklist)."""

    ref: str | None
    body: tuple["Stmt", ...]

    def __post_init__(self) -> None:
        if self.ref is not None:
            check_ref(self.ref)
        _check_body(self.body)


@dataclass(frozen=True)
class If:
    """A branch that contains work or an exit; ``cond`` holds the operations its condition performs."""

    cond: tuple[Call, ...]
    then: tuple["Stmt", ...]
    orelse: tuple["Stmt", ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.cond, tuple) or not all(isinstance(call, Call) for call in self.cond):
            _fail("an if's condition must be a tuple of Calls")
        _check_body(self.then)
        _check_body(self.orelse)


@dataclass(frozen=True)
class Exit:
    """``return``, ``break`` or ``continue``."""

    kind: str

    def __post_init__(self) -> None:
        if self.kind not in ("return", "break", "continue"):
            _fail(f"invalid exit {self.kind!r}")


Stmt = Union[Call, Assign, For, While, If, Exit]
_STMT_TYPES = (Call, Assign, For, While, If, Exit)


def _check_body(body: object) -> None:
    if not isinstance(body, tuple) or not all(isinstance(stmt, _STMT_TYPES) for stmt in body):
        _fail("a block must be a tuple of statements")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _PARAM_NAME.fullmatch(self.name):
            _fail(f"invalid parameter name {self.name!r}: expected p0, p1, ...")
        if self.kind not in PARAM_KINDS:
            _fail(f"unknown parameter kind {self.kind!r} (one of: {', '.join(PARAM_KINDS)})")


@dataclass(frozen=True)
class Function:
    name: str
    params: tuple[Param, ...]
    body: tuple[Stmt, ...]
    memo: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _FUNCTION_NAME.fullmatch(self.name):
            _fail(f"invalid function name {self.name!r}: expected f0, f1, ...")
        if not isinstance(self.params, tuple) or not all(isinstance(p, Param) for p in self.params):
            _fail("parameters must be a tuple of Params")
        expected = tuple(f"p{index}" for index in range(len(self.params)))
        if tuple(param.name for param in self.params) != expected:
            _fail(f"parameters of {self.name} must be numbered in order: {', '.join(expected)}")
        _check_body(self.body)


@dataclass(frozen=True)
class Skeleton:
    """A whole program: its functions in canonical order, and the language version it is written in."""

    functions: tuple[Function, ...]
    version: int = LANGUAGE_VERSION

    def __post_init__(self) -> None:
        if self.version != LANGUAGE_VERSION:
            _fail(f"unsupported skeleton language version {self.version} (this is version {LANGUAGE_VERSION})")
        if not isinstance(self.functions, tuple) or not all(isinstance(f, Function) for f in self.functions):
            _fail("functions must be a tuple of Functions")
        names = [function.name for function in self.functions]
        if len(set(names)) != len(names):
            _fail("function names must be unique")


__all__ = [
    "CONSTANT_DOMAIN",
    "LANGUAGE_VERSION",
    "Assign",
    "Call",
    "Const",
    "Domain",
    "Exit",
    "For",
    "Function",
    "Halving",
    "If",
    "Over",
    "Param",
    "Skeleton",
    "Stmt",
    "While",
]
