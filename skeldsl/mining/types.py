"""Data the mining strategies exchange: solutions in, masked skeletons out.

Offsets convention (used everywhere in ``skeldsl.mining``): a span is a half-open ``(start, end)`` pair of
**character** offsets (Python ``str`` indices, i.e. Unicode code points) into ``MinedSolution.text``, the
code the mask applies to (the original code, or its re-indented form when re-indentation was asked for).
Character offsets are what Hugging Face fast tokenizers report in ``offset_mapping`` for ``str`` input, so
spans line up with token masks without any byte arithmetic; tree-sitter's byte offsets are converted once
in :mod:`skeldsl.mining.tokens`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MASK = "<MASK>"


@dataclass(frozen=True)
class Solution:
    """One solution of a problem: its code, its language name and an optional id for reporting."""

    code: str
    lang: str = "python"
    id: str | None = None


@dataclass(frozen=True)
class Token:
    """One lexical token of a solution: ``text == source[start:end]`` (character offsets).

    ``kind`` is the tree-sitter node type (``"identifier"``, ``"for"``, ``"string_content"`` ...) or, in
    compatibility mode, the ``tokenize`` token type name.  ``comment`` tokens never enter whitelists.
    """

    text: str
    start: int
    end: int
    kind: str
    comment: bool = False


@dataclass(frozen=True)
class MinedSolution:
    """The masked-code skeleton of one solution.

    ``text`` is the code the skeleton is aligned to; ``masked`` the skeleton text; ``spans`` the kept
    character spans of ``text`` (sorted, disjoint, merged); ``whitelist`` the kept token texts (the
    group's whitelist, or for ``dynamic``/``combined`` this solution's own, as in the release).
    """

    text: str
    masked: str
    spans: tuple[tuple[int, int], ...]
    whitelist: tuple[str, ...]
    tokens_total: int = 0
    tokens_kept: int = 0
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def kept_ratio(self) -> float:
        """Share of the solution's units that the skeleton keeps: non-comment tokens in the default mode,
        words (the release's masking unit) under ``--compat effiskel``."""
        return self.tokens_kept / self.tokens_total if self.tokens_total else 0.0

    def to_record(self) -> dict:
        return {
            "masked": self.masked,
            "whitelist": list(self.whitelist),
            "spans": [list(span) for span in self.spans],
            "kept_ratio": round(self.kept_ratio, 6),
            **self.extra,
        }
