"""``--compat effiskel``: the EffiSkel release's lexical strategy reproduced byte for byte (Python only).

Three rules, each matching the release (and checked against its published skeletons in
``tests/test_mining_compat.py``):

1. whitelist = token texts that Python's ``tokenize`` yields for *every* solution of the group, leaving
   out comments and tokens whose text is blank (NEWLINE, INDENT, DEDENT, ENDMARKER ...);
2. each solution is re-indented with tabs (:func:`skeldsl.mining.reindent.reindent_tabs`);
3. every *word* -- a maximal run of characters that are ``str.isalnum()`` or ``_``, wherever it stands,
   strings and comments included -- that is not in the whitelist becomes ``<MASK>``; the release's quirk:
   such a word at the very end of a line becomes that many spaces instead.

Kept spans in this mode are the words kept plus every non-word, non-whitespace character (the filter
keeps all of them), in character offsets of the re-indented text.
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Iterable, Sequence

from skeldsl.errors import SourceSyntaxError
from skeldsl.mining.reindent import reindent_tabs
from skeldsl.mining.types import MASK, MinedSolution

__all__ = ["python_token_texts", "effiskel_filter", "effiskel_lexical", "iter_words"]


def python_token_texts(code: str) -> list[str]:
    """The release's token list: ``tokenize`` strings, no comments, no blank strings (in order)."""
    texts: list[str] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type != tokenize.COMMENT and token.string.strip():
                texts.append(token.string)
    except (tokenize.TokenError, IndentationError, SyntaxError) as error:
        line, column = _error_position(error)
        raise SourceSyntaxError(f"Python tokenizer failed: {_first_line(error)}", line=line, column=column)
    return texts


def _error_position(error: Exception) -> tuple[int | None, int | None]:
    if isinstance(error, SyntaxError):
        return error.lineno, (error.offset or 0) or None
    args = getattr(error, "args", ())
    if len(args) > 1 and isinstance(args[1], tuple) and len(args[1]) == 2:
        return args[1][0], args[1][1] + 1
    return None, None


def _first_line(error: Exception) -> str:
    text = str(error.args[0] if error.args else error)
    return text.splitlines()[0] if text else type(error).__name__


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def iter_words(text: str) -> Iterable[tuple[int, int]]:
    """Character spans of the words of ``text`` (maximal runs of ``isalnum()`` or ``_`` characters)."""
    index = 0
    length = len(text)
    while index < length:
        if _is_word_char(text[index]):
            end = index + 1
            while end < length and _is_word_char(text[end]):
                end += 1
            yield index, end
            index = end
        else:
            index += 1


def effiskel_filter(text: str, whitelist: Iterable[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The release's ``filter_code``: mask non-whitelisted words, with its end-of-line quirk.

    Returns the masked text and the kept character spans of ``text``.
    """
    allowed = set(whitelist)
    pieces: list[str] = []
    kept: list[tuple[int, int]] = []
    position = 0
    for start, end in iter_words(text):
        keep_non_space(text, position, start, kept)
        pieces.append(text[position:start])
        word = text[start:end]
        if word in allowed:
            pieces.append(word)
            kept.append((start, end))
        elif end == len(text) or text[end] == "\n":
            pieces.append(" " * len(word))  # the quirk: a masked word at the end of a line
        else:
            pieces.append(MASK)
        position = end
    keep_non_space(text, position, len(text), kept)
    pieces.append(text[position:])
    return "".join(pieces), merge_spans(kept)


def keep_non_space(text: str, start: int, end: int, kept: list[tuple[int, int]]) -> None:
    """Append to ``kept`` the runs of non-space characters of ``text[start:end]``: text between masked
    words (punctuation, operators) that a mask keeps."""
    index = start
    while index < end:
        if text[index].isspace():
            index += 1
            continue
        run = index
        while index < end and not text[index].isspace():
            index += 1
        kept.append((run, index))


def merge_spans(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sort, drop empty spans and merge touching or overlapping ones."""
    merged: list[list[int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def effiskel_lexical_whitelist(codes: Sequence[str]) -> list[str]:
    """Tokens common to every solution (sorted, as the release sorts them)."""
    common: set[str] | None = None
    for code in codes:
        texts = set(python_token_texts(code))
        common = texts if common is None else common & texts
    return sorted(common or ())


def effiskel_mask(code: str, whitelist: Sequence[str]) -> MinedSolution:
    """One solution's skeleton under the release's rules (re-indent, then filter)."""
    text = reindent_tabs(code)
    masked, spans = effiskel_filter(text, whitelist)
    words = list(iter_words(text))
    allowed = set(whitelist)
    kept = sum(1 for start, end in words if text[start:end] in allowed)
    return MinedSolution(
        text=text, masked=masked, spans=spans, whitelist=tuple(whitelist),
        tokens_total=len(words), tokens_kept=kept,
    )


def effiskel_lexical(codes: Sequence[str]) -> list[MinedSolution]:
    """The release's lexical strategy (``SMS.py``) over one group of Python solutions."""
    whitelist = effiskel_lexical_whitelist(codes)
    return [effiskel_mask(code, whitelist) for code in codes]
