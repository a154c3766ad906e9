"""Issue 2 figures over every Python record of ../shared/corpora/multilang:

1. no uncaught exception; every output parses back and reprints byte-identically;
2. invariance under renaming every local identifier + reformatting (libcst rename, then ast.unparse);
3. discrimination among NeetCode Python approaches of one problem with different complexity labels.

    python bench/python_corpus.py [--limit N]
"""

from __future__ import annotations

import argparse
import ast
import builtins
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import all_code_records  # noqa: E402

from skeldsl import extract_text  # noqa: E402
from skeldsl.errors import SkelError  # noqa: E402
from skeldsl.parser import parse_skeleton  # noqa: E402
from skeldsl.printer import print_skeleton  # noqa: E402
# Names the judge imports implicitly are the environment, not the program's own: renaming them changes
# what the program means, so the renaming check keeps them.
from skeldsl.extractors.python import _IMPLICIT_IMPORTS as IMPLICIT_IMPORTS  # noqa: E402

_BUILTINS = set(dir(builtins)) | {"self", "cls", "List", "Dict", "Set", "Optional", "Tuple", "TreeNode",
                                  "ListNode", "Node", "Solution", "collections", "heapq", "bisect",
                                  "functools", "math", "deque", "defaultdict", "Counter", "cache",
                                  "lru_cache", "heappush", "heappop", "heapify", "inf", "itertools",
                                  "bisect_left", "bisect_right", "SortedList", "accumulate", "string",
                                  "OrderedDict", "SortedDict", "SortedSet", "insort", "heapreplace",
                                  "heappushpop", "nlargest", "nsmallest"} | set(IMPLICIT_IMPORTS)


class _Renamer(ast.NodeTransformer):
    """Rename every local identifier (variables, parameters, nested function names) to r0, r1 ..."""

    def __init__(self, keep: set[str]) -> None:
        self.keep = keep
        self.names: dict[str, str] = {}

    def _new(self, name: str) -> str:
        if name in self.keep or name.startswith("__"):
            return name
        return self.names.setdefault(name, f"r{len(self.names)}_")

    def visit_Name(self, node):
        node.id = self._new(node.id)
        return node

    def visit_FunctionDef(self, node):
        node.name = self._new(node.name)
        self.generic_visit(node)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_arg(self, node):
        node.arg = self._new(node.arg)
        node.annotation = node.annotation  # keep types: they are the parameter kinds
        return node


def transform(code: str) -> str:
    tree = ast.parse(code)
    keep = set(_BUILTINS)
    for node in ast.walk(tree):  # method and class names and imported names stay (API surface)
        if isinstance(node, (ast.ClassDef,)):
            keep.add(node.name)
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    keep.add(item.name)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                keep.add((alias.asname or alias.name).split(".")[0])
        if isinstance(node, ast.Attribute):
            pass
    tree = _Renamer(keep).visit(tree)
    return ast.unparse(tree)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    total = ok = roundtrip = invariant = compared = 0
    errors: Counter = Counter()
    crashes: list[str] = []
    variants: list[tuple[str, str, str]] = []
    per_problem: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for corpus, record in all_code_records():
        if record.get("lang") != "python":
            continue
        total += 1
        if args.limit and total > args.limit:
            break
        code = record["code"]
        try:
            text = extract_text(code, "python")
        except SkelError as error:
            errors[error.kind] += 1
            continue
        except Exception as error:  # noqa: BLE001 - counted as the failure this bench looks for
            crashes.append(f"{record.get('path')}: {type(error).__name__}: {error}")
            continue
        ok += 1
        roundtrip += print_skeleton(parse_skeleton(text)) == text
        if corpus == "neetcode_approaches":
            per_problem[record["slug"]].append((re.sub(r"\s", "", record["time_complexity"] or ""), text))
        try:
            variant = transform(code)
        except Exception:  # noqa: BLE001 - ast cannot parse some inputs that libcst accepts
            continue
        compared += 1
        other = extract_text(variant, "python") if True else ""
        if other == text:
            invariant += 1
        else:
            variants.append((record.get("path", "?"), text, other))
    pairs = distinct = 0
    for items in per_problem.values():
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                if items[i][0] and items[j][0] and items[i][0] != items[j][0]:
                    pairs += 1
                    distinct += items[i][1] != items[j][1]
    print(f"python records: {total}, extracted: {ok}, clean errors: {dict(errors)}, uncaught: {len(crashes)}")
    print(f"round trip byte-identical: {roundtrip}/{ok}")
    print(f"invariance (rename + ast.unparse): {invariant}/{compared} = {100 * invariant / max(compared, 1):.2f}%")
    print(f"discrimination (neetcode, different labels): {distinct}/{pairs} = {100 * distinct / max(pairs, 1):.2f}%")
    print(f"[{time.perf_counter() - started:.0f}s]")
    for line in crashes[:10]:
        print("CRASH", line)
    for path, a, b in variants[:3]:
        print("VARIANT", path, "\n", a, "\n", b)


if __name__ == "__main__":
    main()
