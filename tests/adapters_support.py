"""Shared data for the adapter tests: real corpus code and a locally trained tokenizer (no downloads)."""

from __future__ import annotations

import gzip
import itertools
import json
from functools import lru_cache
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEETCODE = SHARED / "corpora" / "multilang" / "neetcode_approaches.jsonl.gz"


@lru_cache(maxsize=1)
def corpus_records(limit: int = 400) -> tuple[dict, ...]:
    """The first ``limit`` NeetCode records (all languages), or a skip when ../shared is absent."""
    if not NEETCODE.exists():
        pytest.skip(f"corpus not found at {NEETCODE} (the tests read ../shared next to the checkout)")
    with gzip.open(NEETCODE, "rt", encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in itertools.islice(handle, limit))


def python_rows(n: int) -> list[dict]:
    """``n`` Python solutions as ``{"code", "lang", "prompt"}`` rows (prompt: the problem slug in words)."""
    rows = [{"code": r["code"], "lang": "python", "prompt": r["slug"].replace("-", " ")}
            for r in corpus_records() if r["lang"] == "python"]
    assert len(rows) >= n
    return rows[:n]


@lru_cache(maxsize=1)
def code_tokenizer():
    """A 384-token byte-level BPE trained on the first 400 corpus records (every language)."""
    from skeldsl.adapters import train_code_tokenizer

    return train_code_tokenizer([r["code"] for r in corpus_records()], vocab_size=384)
