"""Skeleton language benchmark: parse and print throughput against lark's own parse in the same run.

    python bench/skeleton_language.py [N]

Prints, for N canonical texts from ``skeldsl.testing.skeleton_texts()`` (derandomised, so the same
texts every run): lark's parse to a tree (the baseline: grammar and lexer cost only), ``parse_skeleton``
(model objects with validation, built inside the LALR parser), ``print_skeleton``; each as texts/s and as
a ratio to the baseline.  Then one skeleton nested 5,000 deep, and the share of ``grammar_texts()`` that
build a model.
"""

from __future__ import annotations

import sys
import time

from hypothesis import HealthCheck, given, settings

from skeldsl.errors import SkeletonValidationError
from skeldsl.parser import grammar, parse_skeleton
from skeldsl.printer import print_skeleton
from skeldsl.testing import grammar_texts, skeleton_texts


def collect(strategy, count: int) -> list[str]:
    found: list[str] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: str) -> None:
        found.append(value)

    draw()
    return found


def rate(function, items) -> float:
    start = time.perf_counter()
    for item in items:
        function(item)
    return len(items) / (time.perf_counter() - start)


def main(count: int) -> None:
    texts = [text for text in collect(skeleton_texts(), count) if "fn " in text]
    models = [parse_skeleton(text) for text in texts]
    lark = grammar()
    lark.parse(texts[0])
    chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} canonical texts, mean {chars:.0f} characters")
    baseline = rate(lark.parse, texts)
    print(f"lark parse tree (baseline)  {baseline:9.0f} texts/s  1.00")
    for name, function, items in (
        ("parse_skeleton", parse_skeleton, texts),
        ("print_skeleton", print_skeleton, models),
    ):
        value = rate(function, items)
        print(f"{name:<27} {value:9.0f} texts/s  {value / baseline:.2f}")

    deep = "skel 1\nfn f0(p0: seq) {\n" + "for p0 {\n" * 5000 + "sort(p0)\n" + "}\n" * 5000 + "}\n"
    start = time.perf_counter()
    skeleton = parse_skeleton(deep)
    middle = time.perf_counter()
    printed = print_skeleton(skeleton)
    end = time.perf_counter()
    print(
        f"5,000 deep: parse {middle - start:.2f} s, print {end - middle:.2f} s ({len(printed) / 1e6:.0f} MB of text)"
    )

    built = nonempty = 0
    generated = collect(grammar_texts(), min(count, 500))
    for text in generated:
        try:
            nonempty += bool(parse_skeleton(text).functions)
            built += 1
        except SkeletonValidationError:
            pass
    print(
        f"grammar_texts(): {built}/{len(generated)} build a model ({nonempty} with functions), the rest "
        "fail validation (syntax errors would fail the test suite)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
