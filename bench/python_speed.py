"""Python extraction throughput against libcst parse-only on the same files, measured in one run;
plus the cold start of ``skel extract`` on a bundled example.

    python bench/python_speed.py [--sample 1500] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import all_code_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def timed(function, items) -> float:
    started = time.perf_counter()
    for item in items:
        function(item)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import libcst

    from skeldsl import extract_text

    codes = [r["code"] for _, r in all_code_records() if r.get("lang") == "python"]
    random.Random(args.seed).shuffle(codes)
    codes = codes[: args.sample]
    good = []
    for code in codes:
        try:
            libcst.parse_module(code)
            good.append(code)
        except Exception:  # noqa: BLE001 - only files both sides accept are timed
            pass
    lines = sum(code.count("\n") + 1 for code in good)
    parse, full = [], []
    for _ in range(args.rounds):  # interleaved rounds: both sides see the same machine load
        parse.append(timed(libcst.parse_module, good))
        full.append(timed(extract_text, good))
    parse_s, full_s = min(parse), min(full)
    print(f"files: {len(good)}  lines: {lines}")
    print(f"libcst parse-only : {len(good) / parse_s:8.1f} files/s  {lines / parse_s:9.0f} lines/s")
    print(f"skeldsl extract   : {len(good) / full_s:8.1f} files/s  {lines / full_s:9.0f} lines/s")
    print(f"ratio extract / parse-only throughput: {parse_s / full_s:.2f}  (target >= 0.5)")

    example = ROOT / "examples/two_sum/fast.py"
    skel = Path(sys.executable).parent / "skel"
    walls = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run([str(skel), "extract", str(example)], check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
    baseline = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)
        baseline.append(time.perf_counter() - started)
    print(f"cold `skel extract {example.relative_to(ROOT)}`: median {statistics.median(walls):.3f}s "
          f"(bare python start {statistics.median(baseline):.3f}s; target <= 0.8s)")


if __name__ == "__main__":
    main()
