"""Skeleton text -> model, through the Lark grammar in ``grammars/skeleton.lark``.

The grammar is package data, loaded once per process with ``Lark.open_from_package`` (works from a wheel,
an editable install or a zip).  LALR with the transformer applied during parsing builds model objects
directly, without a parse tree and without recursion, so deeply nested skeletons cannot overflow the stack.
Every failure becomes a ``SkeletonSyntaxError`` naming line, column, what was found and what was expected,
with friendlier wording for the common mistakes in ``COMMON_MISTAKES``.
"""

from __future__ import annotations

import functools

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from skeldsl import model
from skeldsl.errors import SkeletonSyntaxError, SkeletonValidationError, caret_context

# Friendly messages for frequent mistakes, matched against the parser state the example fails in
# (lark's ``match_examples``).  Tested as a whole in tests/test_skeleton_errors.py.
COMMON_MISTAKES: dict[str, list[str]] = {
    "missing the header line `skel 1`": ["fn f0() {\n}\n"],
    "a block must start on the same line: write `{` then a newline": ["skel 1\nfn f0() { return }\n"],
    "a call takes at most one reference": ["skel 1\nfn f0(p0: seq) {\n  sort(p0, p0)\n}\n"],
    "`else` must follow `}` on the same line": ["skel 1\nfn f0() {\n  if {\n    return\n  }\n  else {\n  }\n}\n"],
    "parameters need a kind, e.g. `p0: seq`": ["skel 1\nfn f0(p0) {\n}\n"],
    "a statement must end with a newline": ["skel 1\nfn f0() {\n  return break\n}\n"],
    "unclosed block: a `}` is missing": ["skel 1\nfn f0() {\n  return\n"],
}


class _ToModel(Transformer):
    """Rule name -> model object.  Runs inside the LALR parser (``transformer=``)."""

    def start(self, items):
        version, *functions = items
        return model.Skeleton(functions=tuple(functions), version=version)

    def header(self, items):
        return int(items[0])

    def function(self, items):
        memo = False
        if items and items[0] == "@memo":
            memo = True
            items = items[1:]
        name, *params, body = items
        params = tuple(param for param in params if param is not None)
        return model.Function(name=str(name), params=params, body=body, memo=memo)

    def memo(self, _items):
        return "@memo"

    def param(self, items):
        return model.Param(str(items[0]), str(items[1]))

    def block(self, items):
        return tuple(items)

    def call(self, items):
        name, ref = items
        return model.Call(str(name), None if ref is None else str(ref))

    def assign(self, items):
        return model.Assign(str(items[0]), items[1])

    def for_loop(self, items):
        return model.For(items[0], items[1])

    def while_loop(self, items):
        ref, body = items
        return model.While(None if ref is None else str(ref), body)

    def if_branch(self, items):
        *conditions, then, orelse = items
        conditions = tuple(call for call in conditions if call is not None)
        return model.If(conditions, then, orelse if orelse is not None else ())

    def exit(self, items):
        return model.Exit(str(items[0]))

    def over(self, items):
        return model.Over(str(items[0]))

    def halving(self, items):
        return model.Halving(str(items[0]))

    def const(self, _items):
        return model.Const()


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark.open_from_package(
        "skeldsl.grammars",
        "skeleton.lark",
        parser="lalr",
        transformer=_ToModel(),
        propagate_positions=False,
        maybe_placeholders=True,
    )


@functools.lru_cache(maxsize=1)
def _plain_parser() -> Lark:
    """The same grammar without the transformer, for ``match_examples`` on errors."""
    return Lark.open_from_package("skeldsl.grammars", "skeleton.lark", parser="lalr", maybe_placeholders=True)


def parse_skeleton(text: str, path: str | None = None) -> model.Skeleton:
    """Parse skeleton text; raise ``SkeletonSyntaxError`` (or ``SkeletonValidationError``) on bad input."""
    if not isinstance(text, str):
        raise SkeletonSyntaxError("skeleton text must be str", path=path)
    if "\x00" in text:
        position = text.index("\x00")
        line = text.count("\n", 0, position) + 1
        raise SkeletonSyntaxError("NUL byte in skeleton text", path=path, line=line)
    source = text if text.endswith("\n") else text + "\n"
    try:
        return _parser().parse(source)
    except UnexpectedInput as error:
        raise _syntax_error(error, source, path) from None
    except VisitError as error:  # pragma: no cover - lark wraps callback errors in some versions
        raise _validation_error(error.orig_exc, path) from None
    except SkeletonValidationError as error:
        raise _validation_error(error, path) from None


def _validation_error(error: Exception, path: str | None) -> SkeletonValidationError:
    return SkeletonValidationError(str(getattr(error, "message", error)), path=path)


def _syntax_error(error: UnexpectedInput, text: str, path: str | None) -> SkeletonSyntaxError:
    line, column = error.line, error.column
    if isinstance(error, UnexpectedEOF) or line in (None, -1):
        line = text.count("\n") or 1
        column = len(text.rstrip("\n").split("\n")[-1]) + 1
    if isinstance(error, UnexpectedCharacters):
        found = repr(text[error.pos_in_stream]) if error.pos_in_stream < len(text) else "end of input"
    elif isinstance(error, UnexpectedToken):
        found = _describe_token(error.token)
    else:
        found = "end of input"
    expected = sorted(_describe_terminal(name) for name in (getattr(error, "expected", None) or ()))
    friendly = None
    try:
        friendly = error.match_examples(_plain_parser().parse, COMMON_MISTAKES, use_accepts=True)
    except Exception:  # noqa: BLE001 - matching is best effort; the plain message stays correct
        friendly = None
    message = f"unexpected {found}"
    if expected:
        message += f"; expected {' or '.join(dict.fromkeys(expected))}"
    if friendly:
        message = f"{friendly} ({message})"
    return SkeletonSyntaxError(message, path=path, line=line, column=column, context=caret_context(text, line, column))


def _describe_token(token: Token) -> str:
    if token.type == "$END":
        return "end of input"
    if token.type == "_NL":
        return "end of line"
    return repr(str(token))


_TERMINAL_NAMES = {
    "_NL": "end of line",
    "REF": "a reference (p0, v0, s0, _)",
    "NAME": "a name",
    "INT": "a number",
    "LBRACE": "'{'",
    "RBRACE": "'}'",
    "LPAR": "'('",
    "RPAR": "')'",
    "COMMA": "','",
    "COLON": "':'",
    "EQUAL": "'='",
    "$END": "end of input",
}


def _describe_terminal(name: str) -> str:
    if name in _TERMINAL_NAMES:
        return _TERMINAL_NAMES[name]
    return f"'{name.lower()}'"
