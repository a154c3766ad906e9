"""The shared tree-sitter walker: every non-Python extractor is a subclass with mostly declarative tables.

A language module defines a subclass of ``TreeSitterExtractor`` that maps node kinds to handlers
(``STATEMENTS`` / ``EXPRESSIONS``: node kind -> method name; alias several kinds to one handler, as
pyflakes does with ``FOR = WHILE = handleChildren``) and writes the few handlers its syntax needs, plus a
``SPEC`` (``skeldsl.normalise.spec.LanguageSpec``) mapping its library calls to the shared vocabulary.

Syntax-error policy (the same in every language, and the same as Python's libcst extractor): tree-sitter
recovers from errors, but a skeleton of a recovered tree would silently describe a different program, so
any ``ERROR`` or missing node makes extraction fail with a ``SourceSyntaxError`` naming the line and
column of the first one.  Callers (batch mode) turn it into an error record.

Unknown node kinds fall back gracefully: an unknown statement becomes a block of its named children, an
unknown expression an ``Opaque`` of its named children (operations inside still count).  With the
environment variable ``SKELDSL_STRICT=1`` (set in the tests) they raise instead, so a grammar upgrade that
adds kinds is caught in CI, not by users.
"""

from __future__ import annotations

import functools
import os
from operator import attrgetter
from typing import Callable, ClassVar, Iterable

from skeldsl import ir
from skeldsl.errors import SourceSyntaxError
from skeldsl.languages import get_language

STRICT = os.environ.get("SKELDSL_STRICT") == "1"
_KIND_ID = attrgetter("kind_id")


class UnknownNodeKind(Exception):
    """Raised in strict mode for a node kind without a handler or an ignore entry."""


def parse_tree(language_name: str, source: str, path: str | None):
    """Parse with tree-sitter; raise ``SourceSyntaxError`` at the first error or missing node."""
    parser = get_language(language_name).ts_parser()
    data = source.encode("utf-8", "surrogatepass")
    if not data.endswith(b"\n"):
        data += b"\n"  # Go's grammar needs a terminator (newline) after the last declaration
    tree = parser.parse(data)
    root = tree.root_node
    if root.has_error:
        node = first_error(root)
        line, column = (node.start_point[0] + 1, node.start_point[1] + 1) if node is not None else (None, None)
        what = "missing " + node.type if node is not None and node.is_missing else "unexpected syntax"
        raise SourceSyntaxError(f"{what} ({language_name})", path=path, line=line, column=column)
    return tree, data


def first_error(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing or node.has_error and not node.children:
            return node  # (a leaf with an error holds a missing hidden token, e.g. C#'s _identifier_token)
        if node.has_error:
            stack.extend(reversed(node.children))
    return None


class TreeSitterExtractor:
    """Base class: converts a tree-sitter tree to IR through the subclass's handler tables.

    Subclasses set ``LANGUAGE`` (registry name), ``STATEMENTS`` and ``EXPRESSIONS`` (node kind -> method
    name), ``IGNORED`` (kinds that carry nothing: comments, imports, punctuation), and implement
    ``module(root) -> ir.Module``.  Handlers receive the node and return IR (a list of statements for
    statement handlers, one expression for expression handlers).
    """

    LANGUAGE: ClassVar[str] = ""
    STATEMENTS: ClassVar[dict[str, str]] = {}
    EXPRESSIONS: ClassVar[dict[str, str]] = {}
    IGNORED: ClassVar[frozenset[str]] = frozenset({"comment", "line_comment", "block_comment"})

    def __init__(self, source: bytes, path: str | None) -> None:
        self.source = source
        self.path = path
        self._statement_ids, self._expression_ids, self._ignored_ids = _kind_id_tables(type(self))
        field_ids = _field_ids(self.LANGUAGE)

        def field(node, name: str):  # by id: a lookup by name scans the grammar's field names (strncmp)
            return node.child_by_field_id(field_ids[name])

        def fields(node, name: str) -> list:
            return node.children_by_field_id(field_ids[name])

        self.field, self.fields = field, fields  # type: ignore[method-assign]
        if source.isascii():  # byte offsets are character offsets: slice the text decoded once
            decoded = source.decode("ascii")
            self.text = lambda node: decoded[node.start_byte:node.end_byte]  # type: ignore[method-assign]

    @classmethod
    def extract(cls, source: str, path: str | None = None) -> ir.Module:
        tree, data = parse_tree(cls.LANGUAGE, source, path)
        return cls(data, path).module(tree.root_node)

    def module(self, root) -> ir.Module:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    # ----------------------------------------------------------------------------------- helpers

    def text(self, node) -> str:
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    @staticmethod
    def line(node) -> int:
        return node.start_point[0] + 1

    @staticmethod
    def field(node, name: str):
        return node.child_by_field_name(name)

    @staticmethod
    def fields(node, name: str) -> list:
        return list(node.children_by_field_name(name))

    def named(self, node) -> list:
        """Named children that are not ignored (comments etc.)."""
        children = node.named_children  # a fresh list per call
        ignored = self._ignored_ids
        if ignored.isdisjoint(map(_KIND_ID, children)):  # the common case, decided in C
            return children
        return [child for child in children if child.kind_id not in ignored]

    # ---------------------------------------------------------------------------------- dispatch

    def statements(self, nodes: Iterable) -> tuple[ir.Stmt, ...]:
        out: list[ir.Stmt] = []
        for node in nodes:
            out += self.statement(node)
        return tuple(out)

    def statement(self, node) -> list[ir.Stmt]:
        if node is None:
            return []
        kind = node.kind_id
        if kind in self._ignored_ids:
            return []
        handler = self._statement_ids.get(kind)
        if handler is not None:
            return handler(self, node)
        if kind in self._expression_ids:
            return [ir.ExprStmt(self.expr(node), self.line(node))]
        self.unknown(node, "statement")
        return [ir.Block(self.statements(self.named(node)), self.line(node))]

    def expr(self, node) -> ir.Expr:
        if node is None:
            return ir.Literal("none")
        kind = node.kind_id
        handler = self._expression_ids.get(kind)
        if handler is not None:
            return handler(self, node)
        if kind in self._ignored_ids:
            return ir.Literal("none")
        self.unknown(node, "expression")
        return ir.Opaque(node.type, tuple(self.expr(child) for child in self.named(node)))

    def unknown(self, node, role: str) -> None:
        if STRICT:
            raise UnknownNodeKind(f"{self.LANGUAGE}: no {role} handler for node kind {node.type!r} "
                                  f"at line {self.line(node)}")

    # ------------------------------------------------------------------- handlers shared by many

    def h_block(self, node) -> list[ir.Stmt]:
        return [ir.Block(self.statements(self.named(node)), self.line(node))]

    def h_expression_statement(self, node) -> list[ir.Stmt]:
        return [ir.ExprStmt(self.expr(child), self.line(node)) for child in self.named(node)]

    def h_break(self, node) -> list[ir.Stmt]:
        return [ir.Break(self.line(node))]

    def h_continue(self, node) -> list[ir.Stmt]:
        return [ir.Continue(self.line(node))]

    def h_ignore(self, node) -> list[ir.Stmt]:
        return []

    def e_name(self, node) -> ir.Expr:
        return ir.Name(self.text(node))

    def e_number(self, node) -> ir.Expr:
        return ir.Literal("num", self.text(node))

    def e_string(self, node) -> ir.Expr:
        return ir.Literal("str", self.text(node))

    def e_char(self, node) -> ir.Expr:
        return ir.Literal("char", self.text(node))

    def e_bool(self, node) -> ir.Expr:
        return ir.Literal("bool", self.text(node))

    def e_none(self, node) -> ir.Expr:
        return ir.Literal("none", self.text(node))

    def e_parenthesized(self, node) -> ir.Expr:
        children = self.named(node)
        return self.expr(children[0]) if len(children) == 1 else ir.Opaque("group", tuple(map(self.expr, children)))

    def e_opaque(self, node) -> ir.Expr:
        return ir.Opaque(node.type, tuple(self.expr(child) for child in self.named(node)))

    def operator(self, node) -> str:
        """The operator token of a binary/unary/update/assignment node (its first anonymous child)."""
        op = self.field(node, "operator")
        if op is not None:
            return self.text(op)
        for child in node.children:
            if not child.is_named:
                return self.text(child)
        return "?"

    def e_binary(self, node) -> ir.Expr:
        left, right = self.field(node, "left"), self.field(node, "right")
        op = self.operator(node)
        op = {"&&": "and", "||": "or"}.get(op, op)
        return ir.BinOp(op, self.expr(left), self.expr(right))

    def e_unary(self, node) -> ir.Expr:
        operand = self.field(node, "operand") or self.field(node, "argument") or self.named(node)[-1]
        op = self.operator(node)
        return ir.UnaryOp("not" if op == "!" else op, self.expr(operand))

    def e_update(self, node) -> ir.Expr:
        """``i++`` / ``--i``."""
        operand = self.field(node, "argument") or self.field(node, "operand") or self.named(node)[0]
        text = self.text(node)
        return ir.UnaryOp("++" if "++" in text else "--", self.expr(operand))

    def assignment(self, node, left_field: str = "left", right_field: str = "right") -> list[ir.Stmt]:
        """``a = b`` and ``a op= b`` (op from the operator token)."""
        left, right = self.field(node, left_field), self.field(node, right_field)
        op = self.operator(node)
        aug = op[:-1] if op.endswith("=") and op not in ("=", "==", ":=") else None
        return [ir.Assign((self.expr(left),), self.expr(right), op=aug, line=self.line(node))]


_HANDLER_FUNCTIONS: dict[type, tuple[dict, dict, tuple[dict, dict]]] = {}


def _handler_functions(cls: type) -> tuple[dict, dict]:
    """``STATEMENTS`` / ``EXPRESSIONS`` of ``cls`` with method names resolved to plain functions, so a
    node costs one dict lookup instead of a lookup plus ``getattr``; rebuilt when a class's table is
    replaced (e.g. in tests)."""
    statements, expressions = cls.STATEMENTS, cls.EXPRESSIONS  # type: ignore[attr-defined]
    cached = _HANDLER_FUNCTIONS.get(cls)
    if cached is None or cached[0] is not statements or cached[1] is not expressions:
        tables = ({kind: getattr(cls, name) for kind, name in statements.items()},
                  {kind: getattr(cls, name) for kind, name in expressions.items()})
        cached = _HANDLER_FUNCTIONS[cls] = (statements, expressions, tables)
    return cached[2]


class _FieldIds(dict):
    """Field name -> field id of a grammar; a name the grammar lacks is id 0, which tree-sitter answers
    with no child (``child_by_field_id(0)`` is None, ``children_by_field_id(0)`` is []), as a lookup by
    that name does."""

    def __missing__(self, name: str) -> int:
        return 0


@functools.cache
def _field_ids(language_name: str) -> _FieldIds:
    """The field ids of a grammar (``child_by_field_id`` skips the name lookup)."""
    language = get_language(language_name).ts_language()
    return _FieldIds({name: field_id for field_id in range(1, language.field_count + 1)
                      if (name := language.field_name_for_id(field_id)) is not None})


_KIND_ID_TABLES: dict[type, tuple[tuple, tuple[dict, dict, frozenset]]] = {}


def _kind_id_tables(cls: type) -> tuple[dict, dict, frozenset]:
    """The handler tables of ``cls`` keyed by tree-sitter kind id, and the ids of ``IGNORED`` kinds.

    ``node.kind_id`` costs a third of ``node.type`` (no string is built), and a kind name can have
    several ids (aliases), so every id whose name is in a table maps to that name's handler:
    ``language.node_kind_for_id(node.kind_id) == node.type`` for every node (checked over the corpus).
    Rebuilt when a class's tables are replaced (e.g. in tests)."""
    key = (cls.STATEMENTS, cls.EXPRESSIONS, cls.IGNORED)  # type: ignore[attr-defined]
    cached = _KIND_ID_TABLES.get(cls)
    if cached is None or any(a is not b for a, b in zip(cached[0], key)):
        statements, expressions = _handler_functions(cls)
        language = get_language(cls.LANGUAGE).ts_language()  # type: ignore[attr-defined]
        names = [(kind_id, language.node_kind_for_id(kind_id)) for kind_id in range(language.node_kind_count)]
        tables = ({kind_id: statements[name] for kind_id, name in names if name in statements},
                  {kind_id: expressions[name] for kind_id, name in names if name in expressions},
                  frozenset(kind_id for kind_id, name in names if name in key[2]))
        cached = _KIND_ID_TABLES[cls] = (key, tables)
    return cached[1]


def handler_table(**groups: Iterable[str]) -> dict[str, str]:
    """``handler_table(h_block=["block", "compound_statement"])`` -> {"block": "h_block", ...}."""
    table: dict[str, str] = {}
    for handler, kinds in groups.items():
        for kind in kinds:
            if kind in table:
                raise ValueError(f"node kind {kind!r} mapped twice")
            table[kind] = handler
    return table


Handler = Callable[..., object]
