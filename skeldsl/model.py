"""The skeleton model: immutable objects that the parser builds and the printer prints.

All classes are frozen dataclasses that compare *by value*: two skeletons are equal exactly when they
print to the same bytes, which is the point of a canonical form (LibCST makes the opposite choice, identity
equality, because it edits trees in place; skeletons are values).  Every constructor validates its
arguments, so an invalid skeleton cannot exist, whether it came from the parser, an extractor or a
hypothesis strategy.  Nodes are hashable, and nodes that hold statements compare, hash, print (``repr``),
pickle and copy without recursion (``_Composite``), so a skeleton nested thousands of levels deep is still
a usable value.

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

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import repeat, zip_longest
from typing import Any, Union

from skeldsl._fast_init import fast_init
from skeldsl.errors import SkeletonValidationError
from skeldsl.vocabulary import CONSTANT_DOMAIN, CONSTRUCTORS, OPERATIONS, PARAM_KINDS, is_user_function

LANGUAGE_VERSION = 1

_REF = re.compile(r"(?:[pvs](?:0|[1-9][0-9]*)|_)(?:\[\])*")
REF_PATTERN = _REF  # the grammar's REF terminal, for tools that need to recognise a reference
_FUNCTION_NAME = re.compile(r"f(?:0|[1-9][0-9]*)")
_PARAM_NAME = re.compile(r"p(?:0|[1-9][0-9]*)")
_LOCAL_OR_FIELD = re.compile(r"[vs](?:0|[1-9][0-9]*)(?:\[\])*")


def _fail(message: str) -> None:
    raise SkeletonValidationError(message)


def _did_you_mean(word: str, vocabulary: Iterable[str]) -> str:
    """`` (did you mean 'map.put'?)`` when ``word`` is close to one entry of ``vocabulary``, else ``""``."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, sorted(vocabulary), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def is_param_name(name: object) -> bool:
    """``p0``, ``p1`` ...: a well-formed parameter name (numbering is checked by ``Function``)."""
    return isinstance(name, str) and _PARAM_NAME.fullmatch(name) is not None


class _Composite:
    """Value semantics without recursion for nodes that contain statements (any depth).

    Dataclass-generated ``__eq__``, ``__hash__`` and ``__repr__``, and ``pickle``/``copy``, recurse once per
    nesting level and overflow the stack on a skeleton nested a few hundred levels deep (which the parser
    and printer handle).  Composite nodes instead work on a flat pre-order stream (``_flatten``): for each
    composite node a head tuple (its type, scalar fields and the lengths of its tuple fields, which makes
    the stream unambiguous), then its children; leaf nodes (``Call``, ``Assign``, ``Exit``, ``Param``,
    domains) keep their dataclass methods, whose depth is bounded.  Equality is exactly "same class, equal
    fields" as for dataclasses, ``repr`` is the dataclass ``repr``, a pickle holds the flat stream and
    unpickling rebuilds (and so re-validates) the nodes; copies are the node itself (it is immutable).
    """

    __slots__ = ()

    def _parts(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:  # pragma: no cover - abstract
        """(head, children) of this node in the flat stream."""
        raise NotImplementedError

    @classmethod
    def _build(cls, head: tuple[Any, ...], children: list[Any]) -> Any:  # pragma: no cover - abstract
        """The inverse of ``_parts``."""
        raise NotImplementedError

    @staticmethod
    def _count(head: tuple[Any, ...]) -> int:
        """How many children follow ``head`` in the stream (the sum of its tuple fields' lengths)."""
        return sum(value for value in head[-head[0]._N_COUNTS :])

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if type(other) is not type(self):
            return NotImplemented
        end = object()
        return all(a == b for a, b in zip_longest(_flatten(self), _flatten(other), fillvalue=end))

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(tuple(_flatten(self)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unflatten, (tuple(_flatten(self)),))

    def __copy__(self) -> Any:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return self

    def __repr__(self) -> str:
        out: list[str] = []
        stack: list[Any] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, _Text):
                out.append(item.text)
            elif isinstance(item, _Composite):
                pieces: list[Any] = [_Text(f"{type(item).__name__}(")]
                for index, field in enumerate(fields(item)):  # type: ignore[arg-type]
                    value = getattr(item, field.name)
                    pieces.append(_Text(f"{', ' if index else ''}{field.name}="))
                    if isinstance(value, tuple):
                        pieces.append(_Text("("))
                        for position, element in enumerate(value):
                            pieces.extend((_Text(", "), element) if position else (element,))
                        pieces.append(_Text(",)" if len(value) == 1 else ")"))
                    else:
                        pieces.append(value)
                pieces.append(_Text(")"))
                stack.extend(reversed(pieces))
            else:
                out.append(repr(item))
        return "".join(out)


@dataclass(frozen=True)
class _Text:
    text: str


def _flatten(node: _Composite) -> Iterator[Any]:
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _Composite):
            head, children = item._parts()
            yield head
            stack.extend(reversed(children))
        else:
            yield item


def _unflatten(stream: tuple[Any, ...]) -> Any:
    """The node whose ``_flatten`` stream is ``stream``, built bottom-up without recursion."""
    frames: list[tuple[tuple[Any, ...], int, list[Any]]] = []  # (head, children expected, children so far)
    for item in stream:
        if isinstance(item, tuple):  # the head of a composite node; leaves are never tuples
            frames.append((item, _Composite._count(item), []))
        else:
            frames[-1][2].append(item)
        while len(frames[-1][2]) == frames[-1][1]:  # close every node that has all its children
            head, _, children = frames.pop()
            node = head[0]._build(head, children)
            if not frames:
                return node
            frames[-1][2].append(node)
    raise ValueError("truncated skeleton stream")


# (op, ref) of Calls and ("param", name, kind) of Params that passed validation: leaves repeat, so each
# distinct one is checked once per process (bounded, so hostile input cannot grow it without limit)
_VALID: set[tuple[str | None, ...]] = set()
_VALID_MAX = 20_000


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
        if type(self.op) is str and (self.ref is None or type(self.ref) is str) and (self.op, self.ref) in _VALID:
            return  # validated before (the normaliser builds the same few calls over and over)
        if not isinstance(self.op, str) or not (
            self.op in OPERATIONS or self.op in CONSTRUCTORS or is_user_function(self.op)
        ):
            _fail(f"unknown operation {self.op!r}{_did_you_mean(self.op, [*OPERATIONS, *CONSTRUCTORS])}")
        if self.ref is not None:
            check_ref(self.ref)
        if is_user_function(self.op) and not _FUNCTION_NAME.fullmatch(self.op):
            _fail(f"invalid function name {self.op!r}: expected f0, f1, ...")
        if is_user_function(self.op) and self.ref is not None:
            _fail(f"a call of a program function takes no reference: {self.op}({self.ref})")
        if self.op in OPERATIONS and self.ref is None:
            _fail(f"operation {self.op!r} needs the collection it applies to")
        if type(self.op) is str and (self.ref is None or type(self.ref) is str) and len(_VALID) < _VALID_MAX:
            _VALID.add((self.op, self.ref))


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
class Subsets:
    """A loop over every subset of ``ref``'s elements: a bitmask ``0 .. 2^|ref|`` (``range(1 << n)``)."""

    ref: str

    def __post_init__(self) -> None:
        check_ref(self.ref)


@dataclass(frozen=True)
class Const:
    """A loop with a constant number of iterations (``range(26)``, four neighbour directions)."""


Domain = Union[Over, Halving, Subsets, Const]


@dataclass(frozen=True, eq=False, repr=False)
class For(_Composite):
    """A loop whose iteration domain is known."""

    domain: Domain
    body: tuple[Stmt, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.domain, (Over, Halving, Subsets, Const)):
            _fail(f"invalid loop domain {self.domain!r}")
        _check_body(self.body)

    _N_COUNTS = 1  # the last entries of the head are children counts

    def _parts(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        return (For, 1 + len(self.body)), (self.domain, *self.body)

    @classmethod
    def _build(cls, head: tuple[Any, ...], children: list[Any]) -> For:
        return cls(children[0], tuple(children[1:]))


@dataclass(frozen=True, eq=False, repr=False)
class While(_Composite):
    """A condition loop; with ``ref`` it runs while that collection is not empty (a worklist)."""

    ref: str | None
    body: tuple[Stmt, ...]

    def __post_init__(self) -> None:
        if self.ref is not None:
            check_ref(self.ref)
        _check_body(self.body)

    _N_COUNTS = 1

    def _parts(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        return (While, self.ref, len(self.body)), self.body

    @classmethod
    def _build(cls, head: tuple[Any, ...], children: list[Any]) -> While:
        return cls(head[1], tuple(children))


@dataclass(frozen=True, eq=False, repr=False)
class If(_Composite):
    """A branch that contains work or an exit; ``cond`` holds the operations its condition performs."""

    cond: tuple[Call, ...]
    then: tuple[Stmt, ...]
    orelse: tuple[Stmt, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.cond, tuple) or not all(map(isinstance, self.cond, repeat(Call))):
            _fail("an if's condition must be a tuple of Calls")
        _check_body(self.then)
        _check_body(self.orelse)

    _N_COUNTS = 3

    def _parts(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        return (If, len(self.cond), len(self.then), len(self.orelse)), (*self.cond, *self.then, *self.orelse)

    @classmethod
    def _build(cls, head: tuple[Any, ...], children: list[Any]) -> If:
        _, n_cond, n_then, _ = head
        return cls(
            tuple(children[:n_cond]),
            tuple(children[n_cond : n_cond + n_then]),
            tuple(children[n_cond + n_then :]),
        )


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
    if not isinstance(body, tuple) or not all(map(isinstance, body, repeat(_STMT_TYPES))):
        _fail("a block must be a tuple of statements")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str

    def __post_init__(self) -> None:
        if type(self.name) is str and type(self.kind) is str and ("param", self.name, self.kind) in _VALID:
            return
        if not isinstance(self.name, str) or not _PARAM_NAME.fullmatch(self.name):
            _fail(f"invalid parameter name {self.name!r}: expected p0, p1, ...")
        if self.kind not in PARAM_KINDS:
            hint = _did_you_mean(self.kind, PARAM_KINDS) or f" (one of: {', '.join(PARAM_KINDS)})"
            _fail(f"unknown parameter kind {self.kind!r}{hint}")
        if type(self.name) is str and type(self.kind) is str and len(_VALID) < _VALID_MAX:
            _VALID.add(("param", self.name, self.kind))


@dataclass(frozen=True, eq=False, repr=False)
class Function(_Composite):
    name: str
    params: tuple[Param, ...]
    body: tuple[Stmt, ...]
    memo: bool = False
    # ``@split``: every self-call receives a part of the input split at a midpoint (``f(lo, mid)``,
    # ``f(xs[:mid])``), so the recursion is divide and conquer, log N deep, not one that shrinks by a step
    split: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not _FUNCTION_NAME.fullmatch(self.name):
            _fail(f"invalid function name {self.name!r}: expected f0, f1, ...")
        if not isinstance(self.params, tuple) or not all(map(isinstance, self.params, repeat(Param))):
            _fail("parameters must be a tuple of Params")
        for index, param in enumerate(self.params):
            if param.name != f"p{index}":
                _fail(
                    f"parameters of {self.name} must be numbered p0, p1, ... in order: found {param.name} "
                    f"where p{index} belongs"
                )
        _check_body(self.body)

    _N_COUNTS = 2

    def _parts(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        return ((Function, self.name, self.memo, self.split, len(self.params), len(self.body)),
                (*self.params, *self.body))

    @classmethod
    def _build(cls, head: tuple[Any, ...], children: list[Any]) -> Function:
        _, name, memo, split, n_params, _ = head
        return cls(name, tuple(children[:n_params]), tuple(children[n_params:]), memo, split)


@dataclass(frozen=True, eq=False, repr=False)
class Skeleton(_Composite):
    """A whole program: its functions in canonical order, and the language version it is written in."""

    functions: tuple[Function, ...]
    version: int = LANGUAGE_VERSION

    def __post_init__(self) -> None:
        if self.version != LANGUAGE_VERSION:
            _fail(
                f"unsupported skeleton language version {self.version} (this is version {LANGUAGE_VERSION})"
            )
        if not isinstance(self.functions, tuple) or not all(map(isinstance, self.functions, repeat(Function))):
            _fail("functions must be a tuple of Functions")
        seen: set[str] = set()
        for function in self.functions:
            if function.name in seen:
                _fail(f"function names must be unique: {function.name} is defined twice")
            seen.add(function.name)

    _N_COUNTS = 1

    def _parts(self) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        return (Skeleton, self.version, len(self.functions)), self.functions

    @classmethod
    def _build(cls, head: tuple[Any, ...], children: list[Any]) -> Skeleton:
        return cls(tuple(children), head[1])


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
    "Subsets",
    "If",
    "Over",
    "Param",
    "Skeleton",
    "Stmt",
    "While",
]


# The normaliser builds one node per skeleton statement: construction without a ``object.__setattr__``
# call per field (still frozen, still validated by ``__post_init__``).
fast_init(Call, Assign, Over, Halving, Subsets, Const, For, While, If, Exit, Param, Function, Skeleton)
