"""Hostile-input campaign: ≥ 10,000 inputs of every kind through the batch path; counts outcomes.

    python bench/robustness.py [--per-kind 1500] [--seed 0]

Kinds: random bytes, truncated and byte-corrupted corpus files (every language), NUL bytes, invalid
UTF-8, 5,000-deep nesting, a 10 MB file, hypothesmith-generated Python, CPython's own Lib/test files.
An "uncaught" outcome is any exception escaping ``extract_one`` (the function batch workers call).
"""

from __future__ import annotations

import argparse
import random
import sys
import sysconfig
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import all_code_records  # noqa: E402

from skeldsl import hostile  # noqa: E402
from skeldsl.batch import extract_one  # noqa: E402
from skeldsl.errors import SkelError  # noqa: E402
from skeldsl.pipeline import decode_source  # noqa: E402


def run_one(language: str, data: bytes) -> str:
    try:
        source = decode_source(data, "input")
    except SkelError as error:
        return f"error:{error.kind}"
    result = extract_one(source, language, "input", timeout_s=20)
    return "skeleton" if "skeleton" in result else f"error:{result['error']['kind']}"


def hypothesmith_programs(count: int, seed: int):
    import hypothesmith
    from hypothesis import HealthCheck, given, seed as hseed, settings

    programs: list[str] = []

    @hseed(seed)
    @settings(max_examples=count, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(hypothesmith.from_grammar())
    def collect(code):
        programs.append(code)

    collect()
    for code in programs:
        yield "hypothesmith", "python", code.encode("utf-8", "surrogatepass")


def cpython_tests(limit: int):
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test"
    for path in sorted(folder.glob("*.py"))[:limit]:
        yield "cpython_lib_test", "python", path.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-kind", type=int, default=1500)
    parser.add_argument("--hypothesmith", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sources = [(r["lang"], r["code"]) for _, r in all_code_records() if r.get("lang") and r["lang"] != "sql"]
    rng.shuffle(sources)
    sources = sources[:5000]
    generators = [
        hostile.random_bytes(rng, args.per_kind),
        hostile.truncated(rng, sources, args.per_kind * 2),
        hostile.invalid_utf8(rng, sources, args.per_kind),
        hostile.nul_bytes(rng, sources, args.per_kind),
        hostile.deep_nesting(5000),
        hostile.huge(),
        hypothesmith_programs(args.hypothesmith, args.seed),
        cpython_tests(1000),
    ]
    outcomes: dict[str, Counter] = defaultdict(Counter)
    crashes: list[str] = []
    started = time.perf_counter()
    total = 0
    for generator in generators:
        for kind, language, data in generator:
            total += 1
            try:
                outcomes[kind][run_one(language, data)] += 1
            except Exception as error:  # noqa: BLE001 - this is what the campaign counts
                outcomes[kind]["UNCAUGHT"] += 1
                crashes.append(f"{kind} {language}: {type(error).__name__}: {error}")
    print(f"{'kind':<18} {'inputs':>7}  outcomes")
    for kind, counter in outcomes.items():
        print(f"{kind:<18} {sum(counter.values()):>7}  {dict(counter.most_common())}")
    print(f"total inputs: {total}, uncaught exceptions: {len(crashes)}, {time.perf_counter() - started:.0f}s")
    for line in crashes[:20]:
        print("UNCAUGHT", line)


if __name__ == "__main__":
    main()
