"""Cross-language agreement: for each NeetCode (problem, approach), does language L's skeleton equal the
Python one?  Also doocs ``Solution*`` agreement and discrimination per language.

    python bench/cross_language.py [--lang java ...] [--show 5]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import records, skeleton  # noqa: E402

LANGS = ["java", "cpp", "javascript", "typescript", "go", "rust", "csharp", "kotlin", "swift", "c"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", help="languages to compare with Python (default: all)")
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements per language")
    parser.add_argument("--limit", type=int, default=0, help="only the first N problems (0 = all)")
    args = parser.parse_args()
    langs = args.lang or LANGS
    started = time.perf_counter()

    neet: dict[tuple, dict[str, str]] = defaultdict(dict)
    labels: dict[tuple, str] = {}
    slugs: list[str] = []
    for record in records("neetcode_approaches"):
        if record["lang"] not in langs and record["lang"] != "python":
            continue
        if args.limit and record["slug"] not in slugs:
            if len(slugs) >= args.limit:
                continue
            slugs.append(record["slug"])
        key = (record["slug"], record["approach_no"])
        neet[key][record["lang"]] = record["code"]
        labels[key] = record["time_complexity"]
    print(f"{'lang':<11} {'pairs':>6} {'agree':>7} {'L fail':>7} {'py fail':>7} {'discrim':>8}")
    for lang in langs:
        agree = total = fail = py_fail = 0
        shown = 0
        per_problem: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for key, codes in neet.items():
            if lang not in codes or "python" not in codes:
                continue
            total += 1
            py = skeleton(codes["python"], "python")
            other = skeleton(codes[lang], lang)
            per_problem[key[0]].append((labels[key], other))
            if py is None:
                py_fail += 1
                continue
            if other is None:
                fail += 1
                continue
            if py == other:
                agree += 1
            elif shown < args.show:
                shown += 1
                print(f"--- {key} {lang}\n{py}--- vs\n{other}")
        pairs = distinct = 0
        for items in per_problem.values():
            for i in range(len(items)):
                for j in range(i + 1, len(items)):
                    (label_a, skel_a), (label_b, skel_b) = items[i], items[j]
                    if _norm(label_a) != _norm(label_b) and skel_a and skel_b:
                        pairs += 1
                        distinct += skel_a != skel_b
        if total:
            print(f"{lang:<11} {total:>6} {100 * agree / total:>6.1f}% {fail:>7} {py_fail:>7} "
                  f"{100 * distinct / max(pairs, 1):>7.1f}%")
    print(f"[{time.perf_counter() - started:.0f}s]")


def _norm(label: str) -> str:
    return re.sub(r"\s+", "", label or "")


if __name__ == "__main__":
    main()
