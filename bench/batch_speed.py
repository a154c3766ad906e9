"""Batch throughput and memory: ``--jobs 1`` vs ``--jobs 2`` on a seeded sample, and peak RSS over the
whole shared corpus and over the corpus doubled (memory must stay flat).

    python bench/batch_speed.py [--sample 3000] [--full]

Each run is a real ``skel extract --jsonl`` subprocess; peak RSS is the largest resident set of the
command and its worker processes (``getrusage(RUSAGE_CHILDREN)`` measured in a fresh wrapper process).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import all_code_records  # noqa: E402

SKEL = Path(sys.executable).parent / "skel"
_WRAPPER = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
            "wall = time.perf_counter() - t\n"
            "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n")


def write_jsonl(path: Path, records: list[dict], copies: int = 1) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for copy in range(copies):
            for index, record in enumerate(records):
                stream.write(json.dumps({"id": f"{copy}-{index}", "lang": record["lang"], "code": record["code"]}) + "\n")


def run(path: Path, jobs: int) -> tuple[float, float]:
    out = path.with_suffix(f".out{jobs}")
    command = [sys.executable, "-c", _WRAPPER, str(SKEL), "extract", "--jsonl", str(path), "-o", str(out),
               "--id-field", "id", "--jobs", str(jobs)]
    wall, rss_kb, _ = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    return float(wall), int(rss_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--full", action="store_true", help="also measure RSS over the whole corpus and doubled")
    args = parser.parse_args()
    records = [r for _, r in all_code_records() if r.get("lang") and r["lang"] != "sql"]
    rng = random.Random(0)
    sample = rng.sample(records, min(args.sample, len(records)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.jsonl"
        write_jsonl(path, sample)
        one, rss_one = run(path, 1)
        two, rss_two = run(path, 2)
        print(f"sample: {len(sample)} records (all languages, seed 0)")
        print(f"--jobs 1: {len(sample) / one:7.1f} records/s  peak RSS {rss_one:6.0f} MB")
        print(f"--jobs 2: {len(sample) / two:7.1f} records/s  peak RSS {rss_two:6.0f} MB")
        print(f"speed-up --jobs 2 / --jobs 1: {one / two:.2f}x (target >= 1.7x on 2 idle cores)")
        same = path.with_suffix(".out1").read_bytes() == path.with_suffix(".out2").read_bytes()
        print(f"--jobs 1 and --jobs 2 outputs byte-identical: {same}")
        if args.full:
            full = Path(folder) / "full.jsonl"
            write_jsonl(full, records)
            wall, rss = run(full, 2)
            print(f"whole corpus: {len(records)} records in {wall:.0f}s, peak RSS {rss:.0f} MB (target <= 300)")
            doubled = Path(folder) / "doubled.jsonl"
            write_jsonl(doubled, records, copies=2)
            wall2, rss2 = run(doubled, 2)
            print(f"corpus doubled: {2 * len(records)} records in {wall2:.0f}s, peak RSS {rss2:.0f} MB "
                  f"(ratio {rss2 / rss:.2f}, flat means ~1.0)")


if __name__ == "__main__":
    main()
