"""doocs ``Solution*.<ext>`` agreement: for each problem directory and solution number, does language L's
skeleton equal the Python one?  (The doocs translations are looser than NeetCode's, so expect less.)

    python bench/doocs_agreement.py [--lang java ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import records, skeleton  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", help="languages to compare with Python")
    args = parser.parse_args()
    langs = args.lang or ["java", "cpp", "go", "rust", "javascript", "typescript", "csharp", "c"]
    started = time.perf_counter()
    solutions: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for record in records("doocs_code"):
        path = PurePosixPath(record["path"])
        if not path.stem.startswith("Solution"):
            continue
        solutions[(str(path.parent), path.stem)][record["lang"]] = record["code"]
    print(f"{'lang':<11} {'pairs':>6} {'agree':>7} {'L fail':>7}")
    for lang in langs:
        total = agree = fail = 0
        for codes in solutions.values():
            if lang not in codes or "python" not in codes:
                continue
            py = skeleton(codes["python"], "python")
            if py is None:
                continue
            total += 1
            other = skeleton(codes[lang], lang)
            if other is None:
                fail += 1
            elif other == py:
                agree += 1
        if total:
            print(f"{lang:<11} {total:>6} {100 * agree / total:>6.1f}% {fail:>7}")
    print(f"[{time.perf_counter() - started:.0f}s]")


if __name__ == "__main__":
    main()
