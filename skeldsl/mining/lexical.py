"""The lexical strategy: the tokens that occur in every solution of the group (no threshold)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from skeldsl.mining.types import Token

__all__ = ["lexical_whitelist", "token_texts"]


def token_texts(tokens: Iterable[Token]) -> set[str]:
    """A solution's token texts, comments left out (blank tokens never exist: see ``tokens``)."""
    return {token.text for token in tokens if not token.comment}


def lexical_whitelist(token_lists: Sequence[Iterable[Token]]) -> frozenset[str]:
    """Texts present in every solution (empty for an empty group)."""
    common: set[str] | None = None
    for tokens in token_lists:
        texts = token_texts(tokens)
        common = texts if common is None else common & texts
    return frozenset(common or ())
