"""Every corpus record of the given languages through ``extract``: outcomes (ok / error record by kind /
uncaught), unknown node kinds under strict mode, and doocs ``Solution*`` agreement with the Python file of
the same problem and solution number (translations of one approach).

    python bench/language_corpus.py --lang javascript --lang typescript --lang swift [--strict]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import all_code_records, records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", action="append", required=True)
    parser.add_argument("--strict", action="store_true", help="unknown node kinds raise (SKELDSL_STRICT=1)")
    args = parser.parse_args()
    if args.strict:
        os.environ["SKELDSL_STRICT"] = "1"
    from skeldsl import extract_text
    from skeldsl.errors import SkelError

    started = time.perf_counter()
    outcomes: dict[str, Counter] = defaultdict(Counter)
    for _, record in all_code_records():
        language = record["lang"]
        if language not in args.lang:
            continue
        try:
            extract_text(record["code"], language)
            outcomes[language]["ok"] += 1
        except SkelError as error:
            outcomes[language][f"error:{error.kind}"] += 1
        except Exception as error:  # noqa: BLE001 - counting what escapes is the point
            outcomes[language][f"UNCAUGHT:{type(error).__name__}"] += 1
    print(f"{'lang':<11} {'records':>8}  outcomes{' (strict)' if args.strict else ''}")
    for language in args.lang:
        counts = outcomes[language]
        print(f"{language:<11} {sum(counts.values()):>8}  {dict(sorted(counts.items()))}")

    by_solution: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for record in records("doocs_code"):
        path = PurePosixPath(record["path"])
        by_solution[(str(path.parent), path.stem)][record["lang"]] = record["code"]
    print(f"\n{'lang':<11} {'doocs pairs':>11} {'agree':>7}")
    for language in args.lang:
        agree = total = 0
        for codes in by_solution.values():
            if language not in codes or "python" not in codes:
                continue
            total += 1
            try:
                agree += extract_text(codes["python"], "python") == extract_text(codes[language], language)
            except SkelError:
                pass
        if total:
            print(f"{language:<11} {total:>11} {100 * agree / total:>6.1f}%")
    print(f"[{time.perf_counter() - started:.0f}s]")


if __name__ == "__main__":
    main()
