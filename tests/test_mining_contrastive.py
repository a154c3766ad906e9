"""Contrastive option: keep what efficient solutions share and inefficient ones lack."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skeldsl.errors import SkelError
from skeldsl.mining import MiningOptions, Solution, mine_group
from skeldsl.mining.contrastive import contrastive_filter, contrastive_scores

HASH = ["def f(a, t):\n    seen = {}\n    for i, x in enumerate(a):\n        if t - x in seen:\n"
        "            return [seen[t - x], i]\n        seen[x] = i\n",
        "def g(nums, target):\n    d = {}\n    for i in range(len(nums)):\n        if target - nums[i] in d:\n"
        "            return [d[target - nums[i]], i]\n        d[nums[i]] = i\n"]
BRUTE = ["def f(a, t):\n    for i in range(len(a)):\n        for j in range(i + 1, len(a)):\n"
         "            if a[i] + a[j] == t:\n                return [i, j]\n"]


def test_scores_are_document_frequency_differences():
    scores = contrastive_scores({"x", "y", "z"}, [{"x", "y"}, {"x", "z"}], [{"y"}, {"y", "z"}])
    assert scores == {"x": 1.0, "y": 0.5 - 1.0, "z": 0.5 - 0.5}
    assert contrastive_filter({"x", "y", "z"}, [{"x", "y"}, {"x", "z"}], [{"y"}, {"y", "z"}], 0.5) == {"x"}
    assert contrastive_filter({"x"}, [{"x"}], [], 0.5) == {"x"}  # nothing to contrast with


@given(st.lists(st.sets(st.sampled_from("abcdef")), min_size=1, max_size=4),
       st.lists(st.sets(st.sampled_from("abcdef")), max_size=4), st.floats(-1, 1))
def test_filter_is_a_subset_and_monotone_in_margin(eff, ineff, margin):
    whitelist = set().union(*eff)
    kept = contrastive_filter(whitelist, eff, ineff, margin)
    assert kept <= whitelist
    assert contrastive_filter(whitelist, eff, ineff, min(1.0, margin + 0.25)) <= kept


@pytest.mark.parametrize("strategy", ["lexical", "syntactic"])
def test_hash_map_tokens_survive_shared_loop_tokens_drop(strategy):
    options = MiningOptions(contrast=tuple(Solution(c) for c in BRUTE), min_count=2)
    plain = mine_group([Solution(c) for c in HASH], strategy, MiningOptions(min_count=2))
    contrastive = mine_group([Solution(c) for c in HASH], strategy, options)
    kept = set(contrastive[0].whitelist)
    assert kept < set(plain[0].whitelist)
    assert {"{", "}"} <= kept  # the map literal: hash-map only
    assert not {"for", "in", "range", "return", "if"} & kept  # the brute force has them too


def test_compat_contrastive_uses_tokenize_tokens():
    options = MiningOptions(compat="effiskel", contrast=tuple(Solution(c) for c in BRUTE))
    out = mine_group([Solution(c) for c in HASH], "lexical", options)
    assert not isinstance(out[0], SkelError)
    assert "{" in out[0].whitelist and "for" not in out[0].whitelist and "in" not in out[0].whitelist


def test_on_pie_pairs_slow_versions_as_contrast():
    path = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "pairs" / "pie_python_pairs.jsonl.gz"
    if not path.exists():
        pytest.skip("shared corpora absent")
    with gzip.open(path, "rt") as handle:
        records = [json.loads(next(handle)) for _ in range(40)]
    by_problem: dict[str, list[dict]] = {}
    for record in records:
        by_problem.setdefault(record["problem_id"], []).append(record)
    mined = 0
    for pairs in by_problem.values():
        fast = [Solution(r["target"]) for r in pairs]
        slow = tuple(Solution(r["input"]) for r in pairs)
        for result in mine_group(fast, "lexical", MiningOptions(contrast=slow)):
            if isinstance(result, SkelError):
                continue
            mined += 1
            assert result.tokens_kept <= result.tokens_total
    assert mined >= 20
