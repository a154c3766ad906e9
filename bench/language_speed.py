"""Per-language extraction throughput vs tree-sitter parse-only and vs lizard, on the same records, in one
run.  (Python is also compared with libcst parse-only, since its extractor parses with libcst.)

    python bench/language_speed.py [--per-lang 400] [--rounds 2] [--clock wall|cpu]

Each figure is the best of ``--rounds`` passes over the same records.  ``--clock cpu`` times passes with
the process's CPU time instead of the wall clock: on a machine shared with other jobs, wall time also
counts the time this process waits for a core, which inflates whichever measurement a busy moment hits;
CPU time counts only the work done (the three measurements still run in the same process, one after the
other, on the same records).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import all_code_records  # noqa: E402

from skeldsl.errors import SkelError  # noqa: E402
from skeldsl.languages import all_languages, get_language  # noqa: E402
from skeldsl.pipeline import extract  # noqa: E402

LIZARD_EXT = {"python": "py", "java": "java", "cpp": "cpp", "c": "c", "javascript": "js", "typescript": "ts",
              "go": "go", "rust": "rs", "csharp": "cs", "kotlin": "kt", "swift": "swift"}


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def best_of(rounds: int, function, items, clock=time.perf_counter) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = clock()
        for item in items:
            function(item)
        best = min(best, clock() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-lang", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--lang", action="append", help="only these languages (default: all)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="wall clock (default) or this process's CPU time (for a shared machine)")
    args = parser.parse_args()
    import lizard

    by_lang: dict[str, list[str]] = defaultdict(list)
    for _, record in all_code_records():
        by_lang[record.get("lang") or ""].append(record["code"])
    rng = random.Random(0)
    print(f"{'lang':<11} {'n':>4} {'ts parse/s':>11} {'extract/s':>10} {'lizard/s':>9} {'ext/parse':>9} {'ext/lizard':>10}")
    for language in all_languages():
        codes = by_lang.get(language.name, [])
        if not codes or args.lang and language.name not in args.lang:
            continue
        codes = rng.sample(codes, min(args.per_lang, len(codes)))
        try:
            extract(codes[0], language.name)
        except SkelError as error:
            if error.kind == "unsupported":
                print(f"{language.name:<11} (no extractor yet)")
                continue
        parser_ = get_language(language.name).ts_parser()
        data = [code.encode("utf-8") for code in codes]

        def run_extract(code: str, name=language.name) -> None:
            try:
                extract(code, name)
            except SkelError:
                pass

        ext = LIZARD_EXT[language.name]
        clock = CLOCKS[args.clock]
        parse_s = best_of(args.rounds, parser_.parse, data, clock)
        extract_s = best_of(args.rounds, run_extract, codes, clock)
        lizard_s = best_of(args.rounds, lambda code: lizard.analyze_file.analyze_source_code(f"x.{ext}", code),
                           codes, clock)
        n = len(codes)
        print(f"{language.name:<11} {n:>4} {n / parse_s:>11.0f} {n / extract_s:>10.0f} {n / lizard_s:>9.0f} "
              f"{parse_s / extract_s:>9.2f} {lizard_s / extract_s:>10.2f}")
    print("ext/parse: extraction throughput / tree-sitter parse-only throughput (target >= 0.33)")
    print("ext/lizard: extraction throughput / lizard throughput (target >= 1.0)")


if __name__ == "__main__":
    main()
