"""PIE pairs through ``skel eval``: the faster ``target`` against the slower ``input`` as baseline.

Builds one ``skel eval`` record per PIE pair (tests = the CodeNet sample tests parsed from the problem
statement), runs the real CLI, and reports ER and AS plus Spearman's rho between the per-pair speedups
measured here and PIE's recorded ``runtime_lift`` (measured by PIE on its own, larger hidden tests).

    python bench/eval_pie.py                      # full set (874 pairs), 5 fresh-process runs per program
    python bench/eval_pie.py --limit 200 --seed 0 --runs 30 --plot pie_speedups.png --scatter pie_rho.png

By default every timed run is a fresh process (``skel eval --fresh``), so module imports are timed as in
PIE's whole-program measurements; ``--warm`` times repeated runs in one process after a warm-up instead.
On tiny sample inputs most of what separates a PIE pair is such one-off work (imports, input-independent
precomputation): warm timing of the algorithms alone barely correlates with PIE's lift.

The baseline of every ratio (the ``input`` program) is measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO.parent / "shared" / "corpora" / "pairs"


def build_records(limit: int | None, seed: int) -> tuple[list[dict], dict[str, dict], int]:
    from skeldsl.evaluation.samples import parse_sample_tests

    with gzip.open(PAIRS / "pie_python_pairs.jsonl.gz", "rt", encoding="utf-8") as handle:
        pairs = [json.loads(line) for line in handle]
    if limit is not None and limit < len(pairs):
        pairs = random.Random(seed).sample(pairs, limit)
    tests_of: dict[str, list[dict]] = {}
    records, lifts, skipped = [], {}, 0
    for pair in pairs:
        pid = pair["problem_id"]
        if pid not in tests_of:
            page = PAIRS / "codenet_problem_descriptions" / f"{pid}.html"
            cases = (
                parse_sample_tests(page.read_text(encoding="utf-8", errors="replace"))
                if page.exists()
                else ()
            )
            tests_of[pid] = [{"input": c.input, "output": c.output} for c in cases]
        if not tests_of[pid]:
            skipped += 1
            continue
        key = f"{pid}:{pair['submission_id_v0']}:{pair['submission_id_v1']}"
        records.append(
            {
                "problem_id": key,
                "tests": tests_of[pid],
                "float_tolerance": 1e-6,
                "candidates": [pair["target"]],
                "baseline": [pair["input"]],
            }
        )
        lifts[key] = pair
    return records, lifts, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, help="seeded random subset of pairs (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument(
        "--warm",
        action="store_true",
        help="time warm runs in one process (imports untimed) instead of fresh processes",
    )
    parser.add_argument("--timeout", type=float, default=4.0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--statistic", default="mean")
    parser.add_argument("--plot", help="speedup histogram (skel eval --plot)")
    parser.add_argument("--scatter", help="measured speedup vs PIE runtime_lift scatter plot")
    parser.add_argument("--keep", help="directory to keep the generated input/output JSONL in")
    parser.add_argument("--reuse", help="analyse the output kept by an earlier --keep run instead of running")
    parser.add_argument(
        "--measurable-s",
        type=float,
        default=1e-3,
        help="baseline time above which a pair counts as measurable on the samples",
    )
    args = parser.parse_args(argv)

    from scipy.stats import spearmanr

    from skeldsl.cli import main as skel

    records, lifts, skipped = build_records(args.limit, args.seed)
    work = Path(args.reuse or args.keep or tempfile.mkdtemp(prefix="eval-pie-"))
    work.mkdir(parents=True, exist_ok=True)
    source, output, summary_path = work / "pie_eval.jsonl", work / "pie_eval.out.jsonl", work / "summary.json"
    code, elapsed = None, None
    if not args.reuse:
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        command = [
            "eval",
            str(source),
            "--runs",
            str(args.runs),
            "--warmup",
            str(args.warmup),
            "--timeout",
            str(args.timeout),
            "--jobs",
            str(args.jobs),
            "--statistic",
            args.statistic,
            "-k",
            "1",
            "-o",
            str(output),
            "--summary",
            str(summary_path),
            "--json",
        ]
        if not args.warm:
            command.append("--fresh")
        if args.plot:
            command += ["--plot", args.plot]
        started = time.monotonic()
        code = skel(command)
        elapsed = round(time.monotonic() - started, 1)
    summary = json.loads(summary_path.read_text())
    results = [json.loads(line) for line in output.read_text().splitlines()]

    measured, recorded, judge, base_times, statuses = [], [], [], [], {"target": {}, "input": {}}
    for result in results:
        for role, field in (("target", "candidates"), ("input", "baseline")):
            for cand in result.get(field, []):
                statuses[role][cand["status"]] = statuses[role].get(cand["status"], 0) + 1
        if result.get("speedup") is not None:
            pair = lifts[result["problem_id"]]
            measured.append(result["speedup"])
            recorded.append(pair["runtime_lift"])
            judge.append(pair["cpu_time_v0"] / max(pair["cpu_time_v1"], 1))  # AtCoder/AIZU judge, ms
            base_times.append(result["baseline_time_s"])

    def rho(xs, ys):
        return None if len(xs) < 3 else round(float(spearmanr(xs, ys).statistic), 4)

    measurable = [i for i, b in enumerate(base_times) if b >= args.measurable_s]
    report = {
        "pairs": len(records) + skipped,
        "pairs_without_sample_tests": skipped,
        "runs": summary["settings"]["runs"],
        "timing": "fresh process per run (imports timed)"
        if summary["settings"].get("fresh")
        else "warm (one process, imports untimed)",
        "timeout_s": summary["settings"]["timeout_s"],
        "statistic": summary["settings"]["statistic"],
        "status_counts": statuses,
        "jointly_solved": summary["jointly_solved"],
        "efficiency_ratio": summary["efficiency_ratio"],
        "average_speedup": summary["average_speedup"],
        "median_speedup": summary["median_speedup"],
        "geometric_mean_speedup": summary["geometric_mean_speedup"],
        "pie_average_runtime_lift_same_pairs": statistics.fmean(recorded) if recorded else None,
        "spearman_rho_vs_runtime_lift": rho(measured, recorded),
        "spearman_p": None if len(measured) < 3 else float(spearmanr(measured, recorded).pvalue),
        "spearman_rho_vs_judge_cpu_time_ratio": rho(measured, judge),
        "spearman_rho_pie_lift_vs_judge_cpu_time_ratio": rho(recorded, judge),
        f"measurable_pairs_baseline_ge_{args.measurable_s:g}s": len(measurable),
        "spearman_rho_vs_runtime_lift_measurable": rho(
            [measured[i] for i in measurable], [recorded[i] for i in measurable]
        ),
        "wall_s": elapsed,
        "skel_eval_exit_code": code,
        "work_dir": str(work),
    }
    print(json.dumps(report, indent=2))
    if args.scatter and measured:
        import matplotlib

        matplotlib.use("Agg", force=True)
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(5.5, 5), dpi=120)
        ax.scatter(recorded, measured, s=8, alpha=0.5)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.axhline(1, color="grey", linewidth=0.8, linestyle="--")
        ax.set_xlabel("PIE runtime_lift (hidden tests)")
        ax.set_ylabel("measured speedup (CodeNet sample tests)")
        ax.set_title(
            f"PIE pairs: Spearman rho = {report['spearman_rho_vs_runtime_lift']} (n={len(measured)})",
            fontsize=10,
        )
        fig.tight_layout()
        fig.savefig(args.scatter)
        plt.close(fig)
    return 0 if report["spearman_rho_vs_runtime_lift"] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
