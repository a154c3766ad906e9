"""Each language's own lexer: the tokens of a solution are the leaves of its tree-sitter tree.

Why leaves and not a hand-written lexer: tree-sitter grammars are the one lexer skeldsl has for every
registered language (``skeldsl.languages``), and leaves carry their node type, which tells comments from
code.  Two details make leaves a complete tokenisation:

- text that a node owns but none of its children covers (e.g. the letters of a Python ``string_content``
  around an ``escape_sequence`` child) becomes a token of kind ``"<parent type>#text"``, trimmed of
  surrounding whitespace;
- zero-width and whitespace-only leaves (Python's indent/newline tokens) are dropped.

Offsets are converted from tree-sitter's UTF-8 byte offsets to character offsets (see
:mod:`skeldsl.mining.types`).  A tree with ``ERROR`` or ``MISSING`` nodes raises
:class:`~skeldsl.errors.SourceSyntaxError` naming the first such position: mining a solution that does not
parse would produce a skeleton of something else.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from skeldsl.errors import SourceSyntaxError
from skeldsl.languages import get_language
from skeldsl.mining.types import Token

__all__ = ["ParsedSolution", "parse_solution", "lex"]


@dataclass(frozen=True)
class ParsedSolution:
    """A solution's text, its tree-sitter tree and its tokens (character offsets)."""

    text: str
    lang: str
    tree: object  # tree_sitter.Tree; kept untyped so importing this module stays cheap
    tokens: tuple[Token, ...]
    char_of_byte: object  # callable byte offset -> character offset


class _ByteToChar:
    """Byte offset -> character offset for one text (identity for ASCII)."""

    def __init__(self, text: str) -> None:
        self.ascii = text.isascii()
        if not self.ascii:
            starts = []
            offset = 0
            for char in text:
                starts.append(offset)
                offset += len(char.encode("utf-8", errors="surrogatepass"))
            self.starts = starts
            self.total = offset

    def __call__(self, byte_offset: int) -> int:
        if self.ascii:
            return byte_offset
        if byte_offset >= self.total:
            return len(self.starts)
        return bisect_right(self.starts, byte_offset) - 1


def parse_solution(text: str, lang: str) -> ParsedSolution:
    """Parse ``text`` with the language's tree-sitter grammar and collect its tokens."""
    language = get_language(lang)
    data = text.encode("utf-8", errors="surrogatepass")
    tree = language.ts_parser().parse(data)
    to_char = _ByteToChar(text)
    root = tree.root_node
    if root.has_error:
        _raise_first_error(root, text, to_char)
    tokens: list[Token] = []
    stack = [root]
    while stack:
        node = stack.pop()
        children = node.children
        if not children:
            _add(tokens, text, to_char(node.start_byte), to_char(node.end_byte), node.type)
            continue
        # gaps a node owns that no child covers
        position = node.start_byte
        for child in children:
            if child.start_byte > position:
                _add(tokens, text, to_char(position), to_char(child.start_byte), node.type + "#text")
            position = max(position, child.end_byte)
        if node.end_byte > position:
            _add(tokens, text, to_char(position), to_char(node.end_byte), node.type + "#text")
        stack.extend(reversed(children))
    tokens.sort(key=lambda token: (token.start, token.end))
    return ParsedSolution(text, language.name, tree, tuple(tokens), to_char)


def _add(tokens: list[Token], text: str, start: int, end: int, kind: str) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    tokens.append(Token(stripped, start, end, kind, comment="comment" in kind))


def _raise_first_error(root, text: str, to_char) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            offset = to_char(node.start_byte)
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            what = f"missing {node.type!r}" if node.is_missing else "unexpected input"
            from skeldsl.errors import caret_context

            raise SourceSyntaxError(
                f"source does not parse: {what}", line=line, column=column,
                context=caret_context(text, line, column),
            )
        stack.extend(reversed([child for child in node.children if child.has_error or child.is_missing]))
    raise SourceSyntaxError("source does not parse", line=1, column=1)


def lex(text: str, lang: str) -> tuple[Token, ...]:
    """The tokens of ``text`` in language ``lang``."""
    return parse_solution(text, lang).tokens
