"""Groups of real solutions for the mining benchmarks: one problem, one language, every source.

A group = all solutions of one LeetCode problem (``qid``) in one language across NeetCode (every
approach), doocs and walkccc, from ``../shared/corpora/multilang``.  Problems are a seeded sample of those
that have at least ``min_size`` solutions in each requested language, so runs are reproducible.
"""

from __future__ import annotations

import gzip
import json
import random
from collections import defaultdict
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "multilang"
SOURCES = ("neetcode_approaches", "doocs_code", "walkccc")


def load_groups(langs=("python", "java", "cpp"), problems=20, min_size=3, seed=0):
    """``{(qid, lang): [code, ...]}`` for a seeded sample of ``problems`` problems."""
    by_key: dict[tuple[int, str], list[str]] = defaultdict(list)
    for source in SOURCES:
        with gzip.open(CORPORA / f"{source}.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["lang"] in langs and record.get("qid") is not None:
                    by_key[(int(record["qid"]), record["lang"])].append(record["code"])
    qids = sorted({qid for qid, _ in by_key if all(len(by_key.get((qid, lang), ())) >= min_size for lang in langs)})
    chosen = sorted(random.Random(seed).sample(qids, min(problems, len(qids))))
    return {(qid, lang): by_key[(qid, lang)] for qid in chosen for lang in langs}
