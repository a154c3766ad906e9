"""Kept-token ratios of every mining strategy per language, on real groups; plus fixture conformance.

    python bench/mining_ratios.py [--problems 20] [--langs python,java,cpp] [--seed 0] [--no-dynamic]

Groups: all solutions of one problem in one language across NeetCode, doocs and walkccc
(``bench/mining_groups.py``).  The dynamic and combined strategies (Python only) run each solution on the
problem's LeetCode tests from ``../shared/corpora/pairs/leetcode_tests.jsonl.gz`` (``check`` + ``prompt``
as prelude; joined by the method name all solutions define), in the sandbox.  Printed per strategy and language: groups, solutions mined, error records
(by kind), uncaught exceptions (must be 0), and the kept-token ratio (kept tokens / code tokens, pooled
over solutions, and the mean per solution).  The compat line is the release's lexical strategy
(``tokenize`` words).  First line: ``--compat effiskel`` conformance on the release's fixture.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from mining_groups import load_groups

from skeldsl.errors import SkelError
from skeldsl.mining import MiningOptions, Solution, mine_group
from skeldsl.mining.dynamic import DynamicInput

# LeetCode's judge also binds the modules themselves (``heapq.heappush``, ``collections.deque``), which
# the tests' prompt (``from heapq import *``) does not, and ``from bisect import *`` shadows ``bisect``.
LEETCODE_MODULES = "\nimport bisect, collections, functools, heapq, itertools, math, operator, random, re, string\n"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def fixture_conformance() -> tuple[int, int]:
    path = SHARED / "fixtures" / "effiskel_reference" / "cases.jsonl"
    same = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        mined = mine_group([Solution(c) for c in case["codes"]], "lexical", MiningOptions(compat="effiskel"))
        for result, expected in zip(mined, case["skeletons"]):
            total += 1
            same += int(not isinstance(result, SkelError) and result.masked == expected)
    return same, total


def leetcode_tests() -> dict[str, dict]:
    """LeetCode tests by method name (``twoSum``): the join key that works for every source (the
    tests' ``meta.question_id`` is LeetCode's internal id, not the problem number the corpora use)."""
    by_method: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(SHARED / "corpora" / "pairs" / "leetcode_tests.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            entry = record.get("entry_point", "")
            if entry.startswith("Solution()."):
                by_method[entry.split(".", 1)[1]].append(record)
    return {method: records[0] for method, records in by_method.items() if len(records) == 1}


def test_for(codes: list[str], tests: dict[str, dict]) -> dict | None:
    """The test whose method every solution of the group defines (None if not exactly one)."""
    import re

    common = None
    for code in codes:
        names = set(re.findall(r"def\s+(\w+)\s*\(", code)) & tests.keys()
        common = names if common is None else common & names
    return tests[next(iter(common))] if common and len(common) == 1 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=20)
    parser.add_argument("--langs", default="python,java,cpp")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-dynamic", action="store_true")
    args = parser.parse_args()
    same, total = fixture_conformance()
    print(f"fixture conformance (--compat effiskel, lexical): {same}/{total} skeletons byte for byte")
    langs = tuple(args.langs.split(","))
    groups = load_groups(langs=langs, problems=args.problems, seed=args.seed)
    tests = leetcode_tests()
    runs = [("lexical", None), ("syntactic", None), ("lexical", "effiskel"), ("syntactic", "effiskel")]
    if not args.no_dynamic:
        runs += [("dynamic", None), ("combined", None)]
    print(f"groups: {len(groups)} ({args.problems} problems x {', '.join(langs)}), "
          f"solutions: {sum(len(v) for v in groups.values())}")
    print(f"{'strategy':<20} {'lang':<8} {'groups':>6} {'mined':>6} {'errors':>6} {'crash':>5} "
          f"{'kept (pooled)':>13} {'kept (mean)':>11}  error kinds / time")
    for strategy, compat in runs:
        stats = defaultdict(lambda: {"groups": 0, "mined": 0, "errors": Counter(), "crash": 0, "kept": 0,
                                     "total": 0, "ratios": []})
        started = time.perf_counter()
        for (qid, lang), codes in sorted(groups.items()):
            if (compat or strategy in ("dynamic", "combined")) and lang != "python":
                continue
            options = MiningOptions(compat=compat)
            if strategy in ("dynamic", "combined"):
                test = test_for(codes, tests)
                if test is None:
                    continue
                prelude = test["prompt"] + LEETCODE_MODULES
                options = MiningOptions(inputs=(DynamicInput(check=test["test"], prelude=prelude),),
                                        entry_point=test["entry_point"])
            row = stats[lang]
            row["groups"] += 1
            try:
                results = mine_group([Solution(code, lang) for code in codes], strategy, options)
            except Exception as error:  # noqa: BLE001 - counted: must stay 0
                row["crash"] += 1
                print(f"  CRASH {qid}/{lang}: {type(error).__name__}: {error}")
                continue
            for result in results:
                if isinstance(result, SkelError):
                    row["errors"][result.kind] += 1
                    continue
                row["mined"] += 1
                row["kept"] += result.tokens_kept
                row["total"] += result.tokens_total
                row["ratios"].append(result.kept_ratio)
        elapsed = time.perf_counter() - started
        name = strategy + (" (compat)" if compat else "")
        for lang, row in sorted(stats.items()):
            pooled = row["kept"] / row["total"] if row["total"] else 0.0
            mean = sum(row["ratios"]) / len(row["ratios"]) if row["ratios"] else 0.0
            kinds = ", ".join(f"{k}={v}" for k, v in sorted(row["errors"].items())) or "-"
            print(f"{name:<20} {lang:<8} {row['groups']:>6} {row['mined']:>6} {sum(row['errors'].values()):>6} "
                  f"{row['crash']:>5} {pooled:>13.3f} {mean:>11.3f}  {kinds} / {elapsed:.1f}s")


if __name__ == "__main__":
    main()
