"""Skeleton text -> model, through the Lark grammar in ``grammars/skeleton.lark``.

The grammar is package data, loaded once per process with ``Lark.open_from_package`` (works from a wheel,
an editable install or a zip).  LALR with the transformer applied during parsing builds model objects
directly, bottom-up from the parser's explicit state stack, without a parse tree and without recursion, so
deeply nested skeletons cannot overflow the Python stack (tests/test_skeleton_errors.py nests 5,000 deep).

Two kinds of failure, both ``SkelError`` subclasses carrying line, column and a caret line:

- ``SkeletonSyntaxError``: the text does not follow the grammar.  The message names what was found and
  what was expected, prefixed with a friendlier explanation when the failure matches one of the
  ``COMMON_MISTAKES`` (lark's ``UnexpectedInput.match_examples``, as lark's own ``GRAMMAR_ERRORS``).
- ``SkeletonValidationError``: the text is grammatical but a model constructor rejects it (unknown
  operation, unknown parameter kind, parameters not numbered ``p0, p1, ...``).  The model stays the only
  judge of validity; the transformer only decides *where* to point, using the positions of the tokens of
  the construct being built.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import PatternStr

from skeldsl import model
from skeldsl.errors import SkeletonSyntaxError, SkeletonValidationError

_UNCLOSED = "a block is missing its closing `}`"

# Friendly explanations of frequent mistakes.  Each example must fail in the parser state (and, for the
# first exact match, on the token) that characterises its mistake; ``match_examples`` compares the state
# of a real error with the states of these examples.  The table is tested as a whole: every example must
# get its own message (tests/test_skeleton_errors.py::test_common_mistakes_table).
COMMON_MISTAKES: dict[str, list[str]] = {
    "a skeleton starts with the header line `skel 1`": [
        "fn f0() {\n}\n",
        "",
        "\n\nfn f0() {\n}\n",
        "@memo\nfn f0() {\n}\n",
    ],
    "the header names the language version: `skel 1`": ["skel\nfn f0() {\n}\n", "skel one\n"],
    "the header is one line: `skel 1`, then the functions on the following lines": ["skel 1 fn f0() {\n}\n"],
    "only functions (`fn f0(...) {`, optionally preceded by `@memo`) may follow the header": [
        "skel 1\nfor p0 {\n}\n",
        "skel 1\nreturn\n",
        "skel 1\nf0()\n",
        "skel 1\nfn f0() {\n}\n}\n",
    ],
    "`@memo` goes on its own line above `fn`": ["skel 1\n@memo fn f0() {\n}\n"],
    "parameters need a kind, e.g. `p0: seq`": [
        "skel 1\nfn f0(p0) {\n}\n",
        "skel 1\nfn f0(p0: seq, p1) {\n}\n",
    ],
    "parameters are separated by commas: `fn f0(p0: seq, p1: num) {`": [
        "skel 1\nfn f0(p0: seq p1: num) {\n}\n"
    ],
    "parameters are named p0, p1, ... in order": ["skel 1\nfn f0(nums: seq) {\n}\n"],
    "a block's `{` goes at the end of the line that opens it": [
        "skel 1\nfn f0()\n{\n}\n",
        "skel 1\nfn f0() {\n  for p0\n  {\n  }\n}\n",
        "skel 1\nfn f0() {\n  while\n  {\n  }\n}\n",
        "skel 1\nfn f0() {\n  if\n  {\n  }\n}\n",
    ],
    "a block's `{` ends its line: put each statement on a line of its own": [
        "skel 1\nfn f0() { return }\n",
        "skel 1\nfn f0() {\n  for p0 { break }\n}\n",
    ],
    "one statement a line": [
        "skel 1\nfn f0() {\n  return break\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  sort(p0) copy(p0)\n}\n",
        "skel 1\nfn f0() {\n  for const {\n  } return\n}\n",
    ],
    "a call takes at most one reference: `op(p0)` or `op()`": [
        "skel 1\nfn f0(p0: seq) {\n  sort(p0, p0)\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  v0 = list(p0, p0)\n}\n",
    ],
    "a call needs parentheses: `op(p0)` or `op()`": [
        "skel 1\nfn f0(p0: seq) {\n  sort p0\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  sort\n}\n",
        "skel 1\nfn f0() {\n  v0 = map\n}\n",
        "skel 1\nfn f0() {\n  if map.has {\n  }\n}\n",
    ],
    "a reference is p0.., v0.., s0.. or _, optionally followed by [] (names and literals are abstracted away)": [
        "skel 1\nfn f0(p0: seq) {\n  sort(nums)\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  sort(0)\n}\n",
        "skel 1\nfn f0() {\n  while queue {\n  }\n}\n",
    ],
    "an assignment gives a local (v0) or field (s0) the result of one call: `v0 = map()`": [
        "skel 1\nfn f0(p0: seq) {\n  v0 = p0\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  v0 =\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  v0\n}\n",
    ],
    "a `for` names only its domain: `for p0 {`, `for log(p0) {` or `for const {`": [
        "skel 1\nfn f0(p0: seq) {\n  for v0 in p0 {\n  }\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  for i in range(p0) {\n  }\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  for {\n  }\n}\n",
        "skel 1\nfn f0(p0: seq) {\n  for log p0 {\n  }\n}\n",
    ],
    "an `if` lists only the calls its condition makes: `if map.has(v0) {` or `if {`": [
        "skel 1\nfn f0(p0: seq) {\n  if p0 {\n  }\n}\n",
        "skel 1\nfn f0() {\n  if map.has(v0) and set.has(v1) {\n  }\n}\n",
    ],
    "a `while` names at most the worklist it drains: `while v0 {` or `while {`": [
        "skel 1\nfn f0() {\n  while map.has(v0) {\n  }\n}\n",
    ],
    "`else` goes on the line of the `}` it follows: `} else {`": [
        "skel 1\nfn f0() {\n  if {\n    return\n  }\n  else {\n  }\n}\n",
    ],
    "`else if` is written as an `if` inside the `else` block": [
        "skel 1\nfn f0() {\n  if {\n  } else if {\n  }\n}\n",
    ],
    _UNCLOSED: [
        "skel 1\nfn f0() {\n  return\n",
        "skel 1\nfn f0() {\n  for p0 {\n",
        "skel 1\nfn f0() {\n",
    ],
}

_T = TypeVar("_T")


class _Located(NamedTuple):
    """A model object together with the token a validation error about it should point at."""

    value: Any
    token: Token


def _at(token: Token, build: Callable[[], _T]) -> _T:
    """Run ``build`` (a model constructor); a validation error it raises gets ``token``'s position."""
    try:
        return build()
    except SkeletonValidationError as error:
        raise SkeletonValidationError(error.message, line=token.line, column=token.column) from None


# The longest version number we convert with int(): longer digit strings are certainly unsupported (and
# int() refuses strings of more than 4,300 digits).
_MAX_VERSION_DIGITS = 9


class _ToModel(Transformer):
    """Rule name -> model object.  Runs inside the LALR parser (``transformer=``), so it holds no state."""

    def start(self, items: list[Any]) -> model.Skeleton:
        version, *located = items
        seen: set[str] = set()
        for function in located:
            if function.value.name in seen:  # point at the second definition
                return _at(function.token, lambda: model.Skeleton(tuple(f.value for f in located), version))
            seen.add(function.value.name)
        return model.Skeleton(functions=tuple(f.value for f in located), version=version)

    def header(self, items: list[Token]) -> int:
        token = items[0]
        if len(token) > _MAX_VERSION_DIGITS:
            raise SkeletonValidationError(
                f"unsupported skeleton language version {token[:20]}... (this is version {model.LANGUAGE_VERSION})",
                line=token.line,
                column=token.column,
            )
        version = int(token)
        _at(token, lambda: model.Skeleton((), version))  # the model decides which versions are supported
        return version

    def function(self, items: list[Any]) -> _Located:
        memo = False
        if items and items[0] == "@memo":
            memo = True
            items = items[1:]
        split = False
        if items and items[0] == "@split":
            split = True
            items = items[1:]
        name, *params, body = items
        located = [param for param in params if param is not None]
        # Point at the first parameter out of order, else at the function's name.
        blame = next((p.token for i, p in enumerate(located) if p.value.name != f"p{i}"), name)
        function = _at(
            blame,
            lambda: model.Function(
                name=str(name), params=tuple(p.value for p in located), body=body, memo=memo, split=split
            ),
        )
        return _Located(function, name)

    def memo(self, _items: list[Any]) -> str:
        return "@memo"

    def split(self, _items: list[Any]) -> str:
        return "@split"

    def param(self, items: list[Token]) -> _Located:
        name, kind = items
        blame = kind if model.is_param_name(str(name)) else name
        return _Located(_at(blame, lambda: model.Param(str(name), str(kind))), name)

    def block(self, items: list[Any]) -> tuple[Any, ...]:
        return tuple(items)

    def call(self, items: list[Token]) -> model.Call:
        name, ref = items
        return _at(name, lambda: model.Call(str(name), None if ref is None else str(ref)))

    def assign(self, items: list[Any]) -> model.Assign:
        target, value = items
        return _at(target, lambda: model.Assign(str(target), value))

    def for_loop(self, items: list[Any]) -> model.For:
        return model.For(items[0], items[1])

    def while_loop(self, items: list[Any]) -> model.While:
        ref, body = items
        return model.While(None if ref is None else str(ref), body)

    def if_branch(self, items: list[Any]) -> model.If:
        *conditions, then, orelse = items
        calls = tuple(call for call in conditions if call is not None)
        return model.If(calls, then, orelse if orelse is not None else ())

    def exit(self, items: list[Token]) -> model.Exit:
        return model.Exit(str(items[0]))

    def over(self, items: list[Token]) -> model.Over:
        return model.Over(str(items[0]))

    def halving(self, items: list[Token]) -> model.Halving:
        return model.Halving(str(items[0]))

    def subsets(self, items: list[Token]) -> model.Subsets:
        return model.Subsets(str(items[0]))

    def const(self, _items: list[Any]) -> model.Const:
        return model.Const()


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark.open_from_package(
        "skeldsl.grammars",
        "skeleton.lark",
        parser="lalr",
        transformer=_ToModel(),
        maybe_placeholders=True,
    )


@functools.lru_cache(maxsize=1)
def grammar() -> Lark:
    """The skeleton grammar as a plain ``Lark`` object (parse trees, no model), for tools such as
    ``hypothesis.extra.lark.from_lark`` (``skeldsl.testing.grammar_texts``)."""
    return Lark.open_from_package("skeldsl.grammars", "skeleton.lark", parser="lalr", maybe_placeholders=True)


def _prepare(text: str) -> str:
    # Every statement ends with a newline; a file whose last line lacks one is still fine.
    return text if text.endswith("\n") else text + "\n"


class _Signature(NamedTuple):
    """What identifies a parse error for ``COMMON_MISTAKES``: the parser's current LALR state and the
    terminals it would accept there (both must match), then the token before the error, and the offending
    token (the more of these match, the more specific the example)."""

    state: int
    accepts: frozenset[str]
    previous: str
    token_type: str
    token_value: str


# Words that are names in skeleton text but keywords elsewhere; an error right after one of them is
# usually about that word (``else`` on its own line, ``for x in ...``, ``if a and b``).
_FOREIGN_WORDS = frozenset({"else", "elif", "in", "and", "or", "not", "range"})


def _previous(state: Any) -> str:
    """A coarse description of the last value the parser shifted (the model's inline transformer keeps
    tokens and finished model objects on the value stack)."""
    values = getattr(state, "value_stack", None)
    if not values or not isinstance(values[-1], Token):
        return ""
    token = values[-1]
    if token.type == "NAME" and model.REF_PATTERN.fullmatch(token):
        return "NAME:reference"  # a reference where a name is expected (the lexer cannot tell them apart)
    if token.type == "NAME" and token in _FOREIGN_WORDS:
        return f"NAME:{token}"
    return token.type


def _signature(error: UnexpectedInput) -> _Signature | None:
    state = getattr(error, "state", None)
    if state is None or not getattr(state, "state_stack", None):
        return None
    previous = _previous(state)
    if isinstance(error, UnexpectedToken):
        accepts = frozenset(error.accepts or error.expected or ())
        return _Signature(state.position, accepts, previous, error.token.type, str(error.token))
    if isinstance(error, UnexpectedCharacters):
        char = error.char if isinstance(error.char, str) else ""
        return _Signature(state.position, frozenset(error.allowed or ()), previous, "", char)
    return None  # pragma: no cover - LALR raises only the two above


@functools.lru_cache(maxsize=1)
def _mistake_signatures() -> tuple[tuple[str, _Signature], ...]:
    """The signature of every example in ``COMMON_MISTAKES``, computed once per process with the same
    Lark instance as real parses (LALR state numbers differ between instances)."""
    signatures = []
    for label, examples in COMMON_MISTAKES.items():
        for example in examples:
            try:
                _parser().parse(_prepare(example))
            except UnexpectedInput as error:
                signature = _signature(error)
                if signature is not None:
                    signatures.append((label, signature))
            except SkeletonValidationError:  # an example that is grammatical: the table test reports it
                pass
    return tuple(signatures)


def _common_mistake(error: UnexpectedInput) -> str | None:
    """The friendly label of the example that fails most like ``error``: same LALR state and accepted
    terminals required, then ranked by same previous token, same token type, same token text; ties go to
    the first example in table order.

    This refines lark's ``UnexpectedInput.match_examples(..., use_accepts=True)``: states are compared by
    the top of the LALR stack only (lark also requires equal stack *depth*, so a mistake shown at nesting
    level 1 would not be recognised at level 3), the previous token separates mistakes that fail in the
    same state (``v0 = p0`` and ``v0 = map``), and the examples are parsed once per process instead of on
    every error.  (lark 1.3.1's version also crashes formatting a debug message whenever two errors share
    a state but not their accepted terminals.)
    """
    signature = _signature(error)
    if signature is None:
        return None
    if signature.token_type == "$END" and "RBRACE" in signature.accepts:
        # The text stops inside a block.  LALR fails in a different state after each kind of statement,
        # so a rule covers this better than one example per statement kind.
        return _UNCLOSED
    best, best_score = None, (-1, -1, -1)
    for label, example in _mistake_signatures():
        if example.state != signature.state or example.accepts != signature.accepts:
            continue
        same_type = example.token_type == signature.token_type
        score = (
            int(example.previous == signature.previous),
            int(same_type),
            int(same_type and example.token_value == signature.token_value),
        )
        if score > best_score:
            best, best_score = label, score
    return best


def parse_skeleton(text: str, path: str | None = None) -> model.Skeleton:
    """Parse skeleton text; raise ``SkeletonSyntaxError`` or ``SkeletonValidationError`` on bad input.

    >>> parse_skeleton("skel 1\\nfn f0(p0: seq) {\\n  sort(p0)\\n}\\n").functions[0].body
    (Call(op='sort', ref='p0'),)
    """
    if not isinstance(text, str):
        raise SkeletonSyntaxError(f"skeleton text must be str, not {type(text).__name__}", path=path)
    if "\x00" in text:
        line, column = _position(text, text.index("\x00"))
        raise SkeletonSyntaxError(
            "NUL byte in skeleton text",
            path=path,
            line=line,
            column=column,
            context=_context(text, line, column),
        )
    source = _prepare(text)
    try:
        return _parser().parse(source)
    except UnexpectedInput as error:
        raise _syntax_error(error, source, path) from None
    except VisitError as error:  # pragma: no cover - lark wraps callback errors in some versions
        cause = error.orig_exc
        if isinstance(cause, SkeletonValidationError):
            raise _located(cause, source, path) from None
        raise
    except SkeletonValidationError as error:
        raise _located(error, source, path) from None


def _located(error: SkeletonValidationError, text: str, path: str | None) -> SkeletonValidationError:
    context = _context(text, error.line, error.column) if error.line is not None else None
    return SkeletonValidationError(
        error.message, path=path, line=error.line, column=error.column, context=context
    )


def _syntax_error(error: UnexpectedInput, text: str, path: str | None) -> SkeletonSyntaxError:
    line, column = error.line, error.column
    if isinstance(error, UnexpectedCharacters):
        found = repr(text[error.pos_in_stream]) if error.pos_in_stream < len(text) else "end of input"
        expected_names = error.allowed or set()
    elif isinstance(error, UnexpectedToken):
        found = _describe_token(error.token)
        expected_names = error.accepts or error.expected or set()
        if error.token.type == "$END":  # lark borrows the last token's position; point past the text
            line, column = _position(text, len(text.rstrip("\r\n")))
    else:  # pragma: no cover - LALR raises only the two above
        found, expected_names = "input", set()
    if line is None or line < 1:  # pragma: no cover - defensive
        line, column = _position(text, len(text.rstrip("\r\n")))
    expected = sorted(dict.fromkeys(_describe_terminal(name) for name in expected_names))
    message = f"unexpected {found}"
    if expected:
        message += f"; expected {' or '.join(expected)}"
    friendly = _common_mistake(error)
    if friendly:
        message = f"{friendly} ({message})"
    return SkeletonSyntaxError(
        message, path=path, line=line, column=column, context=_context(text, line, column)
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``, counting lines as lark does (by ``\\n`` only)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_CONTEXT_WIDTH = 72


def _context(text: str, line: int, column: int | None) -> str:
    """The offending line with a caret under ``column``: printable, one line, at most ~80 characters.

    Unlike ``str.splitlines`` this splits on ``\\n`` only, as lark counts lines; control characters, tabs
    and unpaired surrogates show as ``?`` or a space so the caret stays aligned and the text can be
    written to any terminal.
    """
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    source = lines[line - 1].rstrip("\r")
    column = max(column or 1, 1)
    start = max(0, column - 1 - _CONTEXT_WIDTH // 2)
    shown = source[start : start + _CONTEXT_WIDTH]
    prefix = "..." if start else ""
    suffix = "..." if start + _CONTEXT_WIDTH < len(source) else ""
    return f"  {prefix}{_printable(shown)}{suffix}\n  {' ' * (len(prefix) + column - 1 - start)}^"


def _printable(text: str) -> str:
    return "".join(" " if ch == "\t" else ch if _is_printable(ch) else "?" for ch in text)


def _is_printable(ch: str) -> bool:
    return ch == " " or (ch.isprintable() and unicodedata.category(ch) not in ("Cs", "Co", "Cn"))


def _describe_token(token: Token) -> str:
    if token.type == "$END":
        return "end of input"
    if token.type == "_NL":
        return "end of line"
    value = str(token)
    return repr(value if len(value) <= 30 else value[:30] + "...")


_TERMINAL_NAMES = {
    "_NL": "end of line",
    "REF": "a reference (p0, v0, s0, _)",
    "NAME": "a name",
    "INT": "a number",
    "$END": "end of input",
}


@functools.cache
def _describe_terminal(name: str) -> str:
    if name in _TERMINAL_NAMES:
        return _TERMINAL_NAMES[name]
    for terminal in _parser().terminals:  # keywords and punctuation: show the literal text
        if terminal.name == name and isinstance(terminal.pattern, PatternStr):
            return repr(terminal.pattern.value)
    return name.lower()  # pragma: no cover - every terminal of the grammar is covered above
