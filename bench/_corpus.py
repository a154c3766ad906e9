"""Shared readers for the corpora in ../shared (benchmarks only)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MULTILANG = SHARED / "corpora" / "multilang"


def records(name: str) -> Iterator[dict]:
    with gzip.open(MULTILANG / f"{name}.jsonl.gz", "rt", encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


def all_code_records() -> Iterator[tuple[str, dict]]:
    for name in ("neetcode_approaches", "doocs_code", "walkccc"):
        for record in records(name):
            yield name, record


def skeleton(code: str, lang: str) -> str | None:
    """The canonical skeleton text of ``code``, or None where extraction fails (the agreement benchmarks
    count those as failures of the language)."""
    from skeldsl import extract_text
    from skeldsl.errors import SkelError

    try:
        return extract_text(code, lang)
    except SkelError:
        return None
