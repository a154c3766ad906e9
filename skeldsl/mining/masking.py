"""From a whitelist to a masked-code skeleton (default mode, every language).

The rule, one for all strategies: a token is *kept* when it is not a comment and its text is in the
whitelist (whitelists are sets of token texts, as in the release, so a whitelisted name is kept wherever it
occurs).  The kept spans are the kept tokens' spans, merged.  The masked text is the code with every
*word* (maximal run of ``str.isalnum()``/``_`` characters, the release's notion) that does not lie inside a
kept span replaced by ``<MASK>`` -- also at the end of a line (the release's end-of-line quirk is fixed) --
and everything else (layout, operators, punctuation) copied.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from skeldsl.mining.compat import iter_words, merge_spans
from skeldsl.mining.types import MASK, MinedSolution, Token

__all__ = ["apply_whitelist", "mask_outside", "kept_tokens"]


def kept_tokens(tokens: Iterable[Token], whitelist: set[str] | frozenset[str]) -> list[Token]:
    return [token for token in tokens if not token.comment and token.text in whitelist]


def mask_outside(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with every word not inside one of ``spans`` (merged, sorted) replaced by ``<MASK>``."""
    starts = [start for start, _ in spans]
    pieces: list[str] = []
    position = 0
    for start, end in iter_words(text):
        index = bisect_right(starts, start) - 1
        inside = index >= 0 and spans[index][1] >= end
        pieces.append(text[position:start])
        pieces.append(text[start:end] if inside else MASK)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def apply_whitelist(
    text: str, tokens: tuple[Token, ...], whitelist: Iterable[str], *, extra: dict | None = None
) -> MinedSolution:
    """The skeleton of one solution under ``whitelist``."""
    allowed = frozenset(whitelist)
    keep = kept_tokens(tokens, allowed)
    spans = merge_spans((token.start, token.end) for token in keep)
    code_tokens = sum(1 for token in tokens if not token.comment)
    return MinedSolution(
        text=text,
        masked=mask_outside(text, spans),
        spans=spans,
        whitelist=tuple(sorted(allowed)),
        tokens_total=code_tokens,
        tokens_kept=len(keep),
        extra=dict(extra or {}),
    )
