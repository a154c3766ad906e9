"""Property tests: extraction is invariant under renaming, literal and comment changes and reformatting,
and deterministic across processes and hash seeds.

Programs come from a small MIT-licensed NeetCode sample in tests/data (and the bundled examples); the
transformations are real libcst rewrites whose choices hypothesis draws.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import libcst as cst
from hypothesis import given, settings
from hypothesis import strategies as st

from skeldsl import extract_text

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = [json.loads(line)["code"] for line in
            (ROOT / "tests/data/neetcode_python_sample.jsonl").read_text(encoding="utf-8").splitlines()]
PROGRAMS += [path.read_text() for path in sorted((ROOT / "examples").glob("*/*.py"))]
_KEEP = {"self", "cls", "List", "Optional", "Dict", "Set", "Tuple", "int", "str", "bool", "float", "len", "range",
         "enumerate", "zip", "sorted", "sum", "min", "max", "abs", "set", "dict", "list", "tuple", "print",
         "deque", "defaultdict", "Counter", "heapq", "collections", "cache", "lru_cache", "functools",
         "bisect", "math", "TreeNode", "ListNode", "Node", "reversed", "any", "all", "map", "filter", "inf",
         "float", "ord", "chr", "heappush", "heappop", "heapify", "Solution", "isinstance", "iter", "next",
         "divmod", "pow", "True", "False", "None", "super", "object", "SortedList", "bisect_left",
         "bisect_right", "itertools", "string", "accumulate", "reduce", "insort", "Optional", "sqrt",
         "OrderedDict", "SortedDict", "SortedSet", "Set", "deque"}


class _Rename(cst.CSTTransformer):
    """Rename local identifiers (not attributes, methods or library names) by a drawn mapping."""

    def __init__(self, keep: set[str], fresh) -> None:
        self.keep = keep
        self.fresh = fresh
        self.names: dict[str, str] = {}

    def _new(self, name: str) -> str:
        if name in self.keep or name.startswith("__"):
            return name
        return self.names.setdefault(name, self.fresh(len(self.names)))

    def leave_Name(self, original, updated):
        return updated.with_changes(value=self._new(updated.value))

    def leave_Arg(self, original, updated):
        return updated.with_changes(keyword=original.keyword)  # f(reverse=True): a keyword is API

    def visit_Attribute(self, node):
        return False  # attributes (self.x, heapq.heappush) keep their names...

    def leave_Attribute(self, original, updated):
        return updated.with_changes(value=updated.value.visit(self))  # ...but their receivers are renamed


class _Literals(cst.CSTTransformer):
    """Change integer literals other than 0/1/2 (which decide loop shapes such as halving)."""

    def __init__(self, delta: int) -> None:
        self.delta = delta

    def leave_Integer(self, original, updated):
        value = int(updated.value, 0) if updated.value.isdigit() else None
        if value is None or value <= 2 or value == 10:
            return updated
        return updated.with_changes(value=str(value + self.delta))


class _Comments(cst.CSTTransformer):
    def __init__(self, text: str) -> None:
        self.text = text

    def leave_Comment(self, original, updated):
        return updated.with_changes(value="# " + self.text)


def _keep_names(module: cst.Module) -> set[str]:
    keep = set(_KEEP)
    for node in module.body:
        if isinstance(node, cst.ClassDef):
            keep.add(node.name.value)
            keep.update(item.name.value for item in node.body.body if isinstance(item, cst.FunctionDef))
        elif isinstance(node, cst.FunctionDef):
            keep.add(node.name.value)
    return keep


fresh_names = st.sampled_from(["a{}", "tmp_{}", "x{}x", "value{}", "Q{}", "_{}"])


@given(index=st.integers(0, len(PROGRAMS) - 1), pattern=fresh_names)
def test_renaming_locals_keeps_the_skeleton(index: int, pattern: str) -> None:
    code = PROGRAMS[index]
    module = cst.parse_module(code)
    renamed = module.visit(_Rename(_keep_names(module), lambda i: pattern.format(i))).code
    assert extract_text(renamed) == extract_text(code)


@given(index=st.integers(0, len(PROGRAMS) - 1), delta=st.integers(1, 1000))
def test_changing_literals_keeps_the_skeleton(index: int, delta: int) -> None:
    code = PROGRAMS[index]
    changed = cst.parse_module(code).visit(_Literals(delta)).code
    assert extract_text(changed) == extract_text(code)


@given(index=st.integers(0, len(PROGRAMS) - 1), text=st.text(alphabet="abc xyz<>{}()[]:", max_size=30))
def test_changing_comments_keeps_the_skeleton(index: int, text: str) -> None:
    code = PROGRAMS[index]
    changed = cst.parse_module(code).visit(_Comments(text)).code
    assert extract_text(changed) == extract_text(code)


@settings(max_examples=30)
@given(index=st.integers(0, len(PROGRAMS) - 1))
def test_reformatting_keeps_the_skeleton(index: int) -> None:
    import ast

    code = PROGRAMS[index]
    assert extract_text(ast.unparse(ast.parse(code))) == extract_text(code)


def test_same_bytes_in_separate_processes_and_hash_seeds() -> None:
    script = (
        "import json, sys\nfrom skeldsl import extract_text\n"
        "codes = [json.loads(l)['code'] for l in open(sys.argv[1]).read().splitlines()]\n"
        "sys.stdout.write(''.join(extract_text(c) for c in codes))\n"
    )
    outputs = set()
    for seed in ("0", "1", "12345", "random"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run([sys.executable, "-c", script, str(ROOT / "tests/data/neetcode_python_sample.jsonl")],
                                env=env, capture_output=True, text=True, check=True)
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert next(iter(outputs)).count("skel 1\n") == 40


def test_while_loop_bounds_do_not_depend_on_variable_names() -> None:
    # Regression: a second ``_mentions`` (taking a set of names) once shadowed the one taking a name, so
    # ``node.id in "rightMost"`` became a substring test and the same loops read differently once renamed.
    source = (
        "def area(heights):\n"
        "    n = len(heights)\n"
        "    best = 0\n"
        "    for i in range(n):\n"
        "        rightMost = i + 1\n"
        "        while rightMost < n and heights[rightMost] >= heights[i]:\n"
        "            rightMost += 1\n"
        "        leftMost = i\n"
        "        while leftMost >= 0 and heights[leftMost] >= heights[i]:\n"
        "            leftMost -= 1\n"
        "        best = max(best, rightMost - leftMost)\n"
        "    return best\n"
    )
    renamed = source.replace("rightMost", "r5").replace("leftMost", "r6").replace("heights", "h")
    assert extract_text(renamed, "python") == extract_text(source, "python")
