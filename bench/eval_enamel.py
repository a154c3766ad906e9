"""ENAMEL at its largest input level: expert reference solutions (model) vs HumanEval canonical (baseline).

Follows ENAMEL's own evaluator (``enam.evaluate.Evaluator``, defaults of its ``demo.py``):
* problems: ``enam.PROBLEMSET`` (142 of the 164 HumanEval problems);
* tests: the 4 generated inputs of the largest level (index 3), seeded exactly as ENAMEL does
  (``random.seed(998244353 ^ i ^ (16 + k))``, generator run after the prompt with ``enam.datautils`` in
  scope); answers from the expert reference solution; ENAMEL's ``__check`` as the checker;
* timing: every call timed on a deep copy of its input, 6 repetitions, Hodges-Lehmann estimator per test;
* timeouts as ENAMEL documents: timeout T = alpha * (slowest reference test time) + 0.01 s with alpha = 2;
  a test slower than T is a timeout, which does *not* fail the solution but scores efficiency 0 at that
  level (eff = max(0, T - t) / (T - t_ref) per test, ENAMEL's ``calc_eff``).  For speedups a timed-out
  baseline is censored at T (a lower bound on its true time, so AS is conservative).

Speedup per problem = t_canonical / t_reference with t = the slowest of the 4 tests (ENAMEL takes the
max over a level).  Both sides are measured in the same run, in the sandbox, one candidate at a time.

    pip install enam==0.2.0
    python bench/eval_enamel.py --plot enamel_speedups.png
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENAMEL = REPO.parent / "shared" / "corpora" / "pairs" / "enamel"
SEED, N_TESTS, LEVEL, ALPHA, TOLERANCE_S = 998244353, (8, 4, 4, 4), 3, 2.0, 0.01


def setup_code(row: dict, index: int) -> str:
    """The untimed setup: generate the level's inputs, compute answers with the reference, define verify."""
    size = int(row["input_levels"].split()[LEVEL])
    offset = sum(N_TESTS[:LEVEL])
    prompt = row["prompt"] + "\n    pass\n"  # ENAMEL templates join with "\n"
    reference = row["prompt"] + "\n" + row["reference_solution"]
    return "\n".join(
        [
            "import random, time",
            "from copy import deepcopy",
            "from enam.datautils import *",
            prompt,
            row["input_generator"],
            "cases = []",
            f"for _k in range({N_TESTS[LEVEL]}):",
            f"    random.seed({SEED} ^ {index} ^ ({offset} + _k))",
            f"    cases.append(generate_input(size={size}, lid={LEVEL}, cid=_k))",
            "_ref_ns = {}",
            f"exec({reference!r}, _ref_ns)",
            f"expected = [_ref_ns[{row['entry_point']!r}](*deepcopy(c)) for c in cases]",
            row["checker"],
            "def verify(args, answer, output):",
            "    return __check(args, answer, output)",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="first N problems of the problem set")
    parser.add_argument("--reps", type=int, default=6, help="timed repetitions (ENAMEL: 6)")
    parser.add_argument("--alpha", type=float, default=ALPHA, help="ENAMEL timeout factor")
    parser.add_argument("--plot", help="speedup histogram PNG")
    parser.add_argument("--output", help="per-problem JSONL")
    parser.add_argument("--reuse", help="recompute the report and plot from an earlier --output file")
    args = parser.parse_args(argv)

    import enam

    from skeldsl.evaluation import EvalSettings, metrics, problem_from_record, run_candidate
    from skeldsl.evaluation.plot import plot_speedups

    csv.field_size_limit(1 << 30)
    with open(ENAMEL / "enamel.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    references = json.loads((ENAMEL / "enamel-references.json").read_text())
    canonicals = json.loads((ENAMEL / "humaneval-canonical.json").read_text())
    subset = list(enam.PROBLEMSET)[: args.limit]

    started = time.monotonic()
    per_problem, out_lines = [], []
    if args.reuse:
        per_problem = [json.loads(line) for line in Path(args.reuse).read_text().splitlines() if line.strip()]
        subset = [None] * len(per_problem)
    for i in subset if not args.reuse else []:
        row = rows[i]
        record = {
            "problem_id": row["task_id"],
            "entry_point": row["entry_point"],
            "setup": setup_code(row, i),
            "candidates": [],
        }
        problem = problem_from_record(record)
        base_settings = {"runs": args.reps, "warmup": 1, "statistic": "hl", "memory_mb": 4096}
        ref = run_candidate(problem, references[i][0], EvalSettings(timeout_s=60.0, **base_settings))
        entry = {"problem": row["task_id"], "reference_status": ref.status}
        if not ref.passed:
            entry["message"] = ref.message
            per_problem.append(entry)
            out_lines.append(json.dumps(entry))
            continue
        ref_tests = [metrics.summarise_times(col, "hl") for col in zip(*ref.times)]
        timeout = args.alpha * max(ref_tests) + TOLERANCE_S
        # Per-run timeout covers the 4 calls; exceeding it implies some call exceeded T.
        canon = run_candidate(
            problem, canonicals[i][0], EvalSettings(timeout_s=timeout * len(ref_tests) + 0.5, **base_settings)
        )
        entry.update(canonical_status=canon.status, timeout_s=timeout, reference_s=max(ref_tests))
        if canon.passed:
            canon_tests = [metrics.summarise_times(col, "hl") for col in zip(*canon.times)]
            timed_out = any(t > timeout for t in canon_tests)
        elif canon.status == "timeout":
            canon_tests, timed_out = [], True
        else:
            entry["message"] = canon.message
            per_problem.append(entry)
            out_lines.append(json.dumps(entry))
            continue
        canon_s = timeout if timed_out else max(canon_tests)
        effs = (
            [max(0.0, timeout - t) / (timeout - r) for t, r in zip(canon_tests, ref_tests)]
            if not timed_out
            else [0.0]
        )
        entry.update(
            canonical_s=canon_s,
            canonical_timed_out=timed_out,
            speedup=metrics.speedup(canon_s, max(ref_tests)),
            canonical_eff=min(effs),
        )
        per_problem.append(entry)
        out_lines.append(json.dumps(entry))
        print(
            f"{row['task_id']:<14} ref {max(ref_tests):.6f}s canon {canon_s:.6f}s "
            f"{'TIMEOUT ' if timed_out else ''}speedup {entry['speedup']:.2f}",
            file=sys.stderr,
            flush=True,
        )

    joint = [e for e in per_problem if "speedup" in e]
    pairs = [(e["reference_s"], e["canonical_s"]) for e in joint]
    report = {
        "problems": len(subset),
        "reference_failed": sum(1 for e in per_problem if e["reference_status"] != "passed"),
        "canonical_failed": sum(
            1 for e in per_problem if e.get("canonical_status") not in (None, "passed", "timeout")
        ),
        "jointly_solved": len(joint),
        "canonical_timeouts": sum(1 for e in joint if e["canonical_timed_out"]),
        "alpha": args.alpha,
        "reps": args.reps,
        "efficiency_ratio": metrics.efficiency_ratio(pairs),
        "average_speedup": metrics.average_speedup(pairs),
        "median_speedup": statistics.median(e["speedup"] for e in joint) if joint else None,
        "geometric_mean_speedup": metrics.geometric_mean_speedup(pairs),
        "max_speedup": max((e["speedup"] for e in joint), default=None),
        "canonical_mean_eff_at_level": statistics.fmean(e["canonical_eff"] for e in joint) if joint else None,
        "wall_s": None if args.reuse else round(time.monotonic() - started, 1),
    }
    print(json.dumps(report, indent=2))
    if args.output:
        Path(args.output).write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    if args.plot and joint:
        plot_speedups(
            [e["speedup"] for e in joint],
            args.plot,
            title=f"ENAMEL level {LEVEL}: reference vs canonical (timeouts censored at {args.alpha:g}x ref + 0.01 s)",
            average=report["average_speedup"],
            ratio=report["efficiency_ratio"],
        )
    return 0 if joint and not math.isnan(report["average_speedup"] or 0) else 1


if __name__ == "__main__":
    sys.exit(main())
