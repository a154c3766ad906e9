"""The EffiSkel paper's mining strategies: masked-code skeletons and token masks, for every language.

``mine_group(solutions, strategy, options)`` turns a group of solutions of one problem into one
masked-code skeleton per solution (``MinedSolution``: the masked text, the kept character spans, the
whitelist) by the ``lexical``, ``syntactic``, ``dynamic`` or ``combined`` strategy, in the default mode
(tree-sitter tokens of any registered language) or in the release's compatibility mode
(``MiningOptions(compat="effiskel")``, Python only).  ``token_mask`` aligns kept spans with a Hugging Face
fast tokenizer's tokens.  Heavy imports (tree-sitter, transformers) happen inside the functions.
"""

from __future__ import annotations

from skeldsl.mining.api import STRATEGIES, MiningOptions, mine_group
from skeldsl.mining.types import MASK, MinedSolution, Solution, Token

__all__ = ["MASK", "STRATEGIES", "MinedSolution", "MiningOptions", "Solution", "Token", "mine_group",
           "token_mask"]


def token_mask(tokenizer, text: str, spans, *, add_special_tokens: bool = False):  # noqa: ANN001
    """0/1 per tokenizer token of ``text``: see :mod:`skeldsl.mining.token_masks`."""
    from skeldsl.mining.token_masks import token_mask as _token_mask

    return _token_mask(tokenizer, text, spans, add_special_tokens=add_special_tokens)
