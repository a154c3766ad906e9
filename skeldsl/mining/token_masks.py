"""Token masks: which of an LLM tokenizer's tokens of the code belong to the skeleton (0/1 per token).

Input: a Hugging Face *fast* tokenizer (``transformers.PreTrainedTokenizerFast`` or a bare
``tokenizers.Tokenizer``), the code text, and its kept spans (character offsets, as
:class:`~skeldsl.mining.types.MinedSolution` gives them; :func:`spans_from_masked` recovers them from a
masked skeleton).  Fast tokenizers report each token's ``(start, end)`` *character* offsets into the
``str`` they were given, which is why spans are kept in characters and not bytes.

The rule (documented, tested as a property):

    bit(token) = 1  iff  at least one NON-WHITESPACE character inside the token's offsets
                         lies inside a kept span

Consequences:
- a token that straddles a span edge (``"foo."`` with only ``foo`` kept, or ``" for"`` with a leading
  space) is 1 -- it carries kept text, and dropping it would lose that text from the loss;
- a token made only of whitespace (indentation, newlines) is 0, even between kept tokens;
- multi-byte characters: byte-level BPE may split one character into several tokens, all reporting the
  same character's offsets; each of them gets that character's bit, so no piece of a kept character is
  dropped and none of a masked one is kept;
- special tokens (empty offsets) are 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from skeldsl.mining.compat import iter_words, keep_non_space
from skeldsl.mining.types import MASK

__all__ = ["TokenMask", "token_mask", "mask_from_offsets", "spans_from_masked"]


@dataclass(frozen=True)
class TokenMask:
    """Token ids, their character offsets and the 0/1 skeleton bit of each."""

    input_ids: tuple[int, ...]
    offsets: tuple[tuple[int, int], ...]
    mask: tuple[int, ...]


def mask_from_offsets(
    text: str, offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]
) -> tuple[int, ...]:
    """The rule above, for any list of character offsets (O(len(text) + tokens))."""
    length = len(text)
    kept = bytearray(length)
    for start, end in spans:
        start, end = max(0, start), min(length, end)
        for index in range(start, end):
            kept[index] = 1
    # prefix[i] = number of kept non-whitespace characters in text[:i]
    prefix = [0] * (length + 1)
    running = 0
    for index, char in enumerate(text):
        if kept[index] and not char.isspace():
            running += 1
        prefix[index + 1] = running
    bits = []
    for start, end in offsets:
        start, end = max(0, min(start, length)), max(0, min(end, length))
        bits.append(1 if end > start and prefix[end] - prefix[start] > 0 else 0)
    return tuple(bits)


def token_mask(tokenizer, text: str, spans: Sequence[tuple[int, int]], *,
               add_special_tokens: bool = False) -> TokenMask:
    """Tokenise ``text`` and give every token its skeleton bit (see the module docstring)."""
    if hasattr(tokenizer, "encode") and hasattr(tokenizer, "get_vocab_size"):  # tokenizers.Tokenizer
        encoding = tokenizer.encode(text, add_special_tokens=add_special_tokens)
        ids, offsets = list(encoding.ids), [tuple(o) for o in encoding.offsets]
    else:
        if not getattr(tokenizer, "is_fast", False):
            raise TypeError("token masks need a fast tokenizer (offset mappings); got a slow one")
        encoded = tokenizer(text, return_offsets_mapping=True, add_special_tokens=add_special_tokens)
        ids, offsets = list(encoded["input_ids"]), [tuple(o) for o in encoded["offset_mapping"]]
    return TokenMask(tuple(ids), tuple(offsets), mask_from_offsets(text, offsets, spans))


def spans_from_masked(text: str, masked: str) -> tuple[tuple[int, int], ...]:
    """Kept spans of ``text`` read off a masked skeleton of it (default mode or ``--compat effiskel``).

    A word of ``text`` is masked when the skeleton shows ``<MASK>`` (or, the release's quirk, blanks at
    the end of a line) in its place; every other non-whitespace character counts as kept.  Raises
    ``ValueError`` when ``masked`` is not a skeleton of ``text``.
    """
    from skeldsl.mining.compat import merge_spans

    kept: list[tuple[int, int]] = []
    position = 0  # in text
    cursor = 0  # in masked
    for start, end in iter_words(text):
        between = text[position:start]
        if masked[cursor : cursor + len(between)] != between:
            raise ValueError(f"skeleton does not match the code near character {position}")
        keep_non_space(text, position, start, kept)
        cursor += len(between)
        word = text[start:end]
        following = masked[cursor + len(word) : cursor + len(word) + 1]
        if masked.startswith(word, cursor) and not (following.isalnum() or following == "_"):
            kept.append((start, end))
            cursor += len(word)
        elif masked.startswith(MASK, cursor):
            cursor += len(MASK)
        elif masked.startswith(" " * len(word), cursor) and (end == len(text) or text[end] == "\n"):
            cursor += len(word)
        else:
            raise ValueError(f"skeleton does not match the code at character {start} ({word!r})")
        position = end
    if masked[cursor:] != text[position:]:
        raise ValueError("skeleton does not match the end of the code")
    keep_non_space(text, position, len(text), kept)
    return merge_spans(kept)
