"""Syntactic strategy: fast frequent-subtree search vs the direct all-pairs oracle, same groups, one run.

    python bench/mining_syntactic.py [--problems 20] [--tolerance 0.7] [--seed 0]

Groups: every Python / Java / C++ solution of a seeded sample of LeetCode problems across NeetCode, doocs
and walkccc (``bench/mining_groups.py``).  Both implementations get the same subtree sets (parsing is not
timed); the script checks that their outputs are identical and prints the speed ratio.
"""

from __future__ import annotations

import argparse
import math
import time

from mining_groups import load_groups

from skeldsl.errors import SkelError
from skeldsl.mining.syntactic import TypeIndex, frequent_fast, frequent_naive, tree_sitter_subtrees
from skeldsl.mining.tokens import parse_solution


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=20)
    parser.add_argument("--tolerance", type=float, default=0.7)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    groups = load_groups(problems=args.problems, seed=args.seed)
    prepared = []
    n_subtrees = 0
    for (qid, lang), codes in sorted(groups.items()):
        types = TypeIndex()
        sets = []
        for code in codes:
            try:
                parsed = parse_solution(code, lang)
            except SkelError:
                continue
            sets.append(tree_sitter_subtrees(parsed.tree, parsed.char_of_byte, types))
        if len(sets) >= 2:
            prepared.append((qid, lang, sets, max(1, math.ceil(len(sets) / 2))))
            n_subtrees += sum(len(s.subtrees) for s in sets)
    t0 = time.perf_counter()
    fast = [frequent_fast(sets, args.tolerance, mc) for _, _, sets, mc in prepared]
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    naive = [frequent_naive(sets, args.tolerance, mc) for _, _, sets, mc in prepared]
    t_naive = time.perf_counter() - t0
    same = fast == naive
    n_solutions = sum(len(sets) for _, _, sets, _ in prepared)
    print(f"groups: {len(prepared)} (python/java/cpp x {args.problems} problems), solutions: {n_solutions}, "
          f"subtrees: {n_subtrees}, tolerance {args.tolerance}, min_count ceil(n/2)")
    print(f"all-pairs oracle: {t_naive:.2f} s   fast: {t_fast:.3f} s   speed ratio: {t_naive / t_fast:.1f}x   "
          f"identical output: {same}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
