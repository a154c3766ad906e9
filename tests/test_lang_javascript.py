"""JavaScript extractor: same skeletons as Python for the same algorithm, idioms, errors, real corpus."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lang_support import (
    algorithm_names,
    assert_same_as_python,
    corpus_sample,
    extract_or_error,
    skeletons_under_hash_seed,
)
from skeldsl.extractors import _treesitter, javascript

from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError


@pytest.mark.parametrize("name", algorithm_names("js"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "js", "javascript")


def test_brute_force_and_hash_map_differ():
    assert extract_text(_read("two_sum_brute.js"), "javascript") != extract_text(_read("two_sum_map.js"), "javascript")


# --------------------------------------------------------------------------------------------- idioms


def py(source: str) -> str:
    return extract_text(source, "python")


def js(source: str) -> str:
    return extract_text(source, "javascript")


def test_jsdoc_gives_parameter_kinds():
    text = js("/**\n * @param {number[]} nums\n * @param {string} s\n * @param {TreeNode|null} root\n"
              " * @param {Map<number, number>} m\n */\nfunction f(nums, s, root, m) { return nums.length; }\n")
    assert "fn f0(p0: seq, p1: str, p2: node, p3: map)" in text


def test_undocumented_entry_parameters_take_kinds_from_usage():
    module = javascript.extract("function f(root, s, nums, k, other) {\n  root.left;\n  s.charAt(0);\n"
                                "  for (const x of nums) {}\n  const r = k % 2;\n"
                                "  const g = (p) => p.left;\n}\n")
    outer = module.functions[0]
    assert [(p.name, p.kind) for p in outer.params] == [
        ("root", "node"), ("s", "str"), ("nums", "seq"), ("k", "num"), ("other", "any")]
    nested = next(stmt for stmt in outer.body if hasattr(stmt, "params"))
    assert nested.params[0].kind == "any"  # nested helpers stay untyped, like Python's nested def


def test_helper_classes_the_file_instantiates_are_untyped():
    module = javascript.extract("class DSU {\n  /** @param {number} n */\n  constructor(n) { this.p = new Array(n); }\n"
                                "  /** @param {number} x */\n  find(x) { return x; }\n}\n"
                                "class Solution {\n  /** @param {number} n */\n  count(n) { const d = new DSU(n); }\n}\n")
    kinds = {(f.owner, f.name): [p.kind for p in f.params] for f in module.functions}
    assert kinds[("DSU", "find")] == ["any"] and kinds[("Solution", "count")] == ["num"]


def test_filled_arrays_are_python_list_repetition():
    python = py("def f(n: int):\n    a = [0] * n\n    b = list(range(n))\n    return a, b\n")
    assert js("/** @param {number} n */\nfunction f(n) {\n  const a = new Array(n).fill(0);\n"
              "  const b = Array.from({ length: n }, (_, i) => i);\n  return [a, b];\n}\n") == python


def test_map_and_filter_are_comprehensions():
    python = py("def f(nums: List[int]):\n    a = [x * 2 for x in nums]\n    b = [x for x in nums if x > 0]\n"
                "    return a, b\n")
    assert js("/** @param {number[]} nums */\nfunction f(nums) {\n  const a = nums.map((x) => x * 2);\n"
              "  const b = nums.filter((x) => x > 0);\n  return [a, b];\n}\n") == python


def test_join_copy_and_spread_push():
    python = py("def f(nums: List[int], parts: List[str]):\n    c = nums.copy()\n    c.extend(nums)\n"
                "    return ''.join(parts)\n")
    assert js("/** @param {number[]} nums\n @param {string[]} parts */\nfunction f(nums, parts) {\n"
              "  const c = [...nums];\n  c.push(...nums);\n  return parts.join('');\n}\n") == python


def test_for_each_statement_is_a_loop():
    python = py("def f(nums: List[int]):\n    s = set()\n    for x in nums:\n        s.add(x)\n    return s\n")
    assert js("/** @param {number[]} nums */\nfunction f(nums) {\n  const s = new Set();\n"
              "  nums.forEach((x) => {\n    s.add(x);\n  });\n  return s;\n}\n") == python


def test_prototype_methods_belong_to_their_constructor():
    module = javascript.extract("var C = function () { this.m = new Map(); };\n"
                                "C.prototype.get = function (k) { return this.m.get(k); };\n")
    assert [(f.name, f.owner) for f in module.functions] == [("C", None), ("get", "C")]
    assert "map.get(s0)" in js("var C = function () { this.m = new Map(); };\n"
                               "C.prototype.get = function (k) { return this.m.get(k); };\n")


def test_floor_division_and_ternary_return_of_calls():
    python = py("def f(nums: List[int], lo: int, hi: int) -> int:\n    if lo > hi:\n        return -1\n"
                "    m = (lo + hi) // 2\n    if nums[m] < 0:\n        return f(nums, m + 1, hi)\n"
                "    return f(nums, lo, m - 1)\n")
    assert js("/** @param {number[]} nums\n @param {number} lo\n @param {number} hi */\n"
              "function f(nums, lo, hi) {\n  if (lo > hi) return -1;\n  const m = Math.floor((lo + hi) / 2);\n"
              "  return nums[m] < 0 ? f(nums, m + 1, hi) : f(nums, lo, m - 1);\n}\n") == python


def test_undefined_checks_are_key_tests_on_maps_only():
    python = py("def f(nums: List[int]) -> int:\n    memo = {}\n    dp = [0] * len(nums)\n    for x in nums:\n"
                "        if x in memo:\n            return memo[x]\n        if dp[x] != 0:\n            return 1\n"
                "        memo[x] = 1\n    return 0\n")
    assert js("/** @param {number[]} nums */\nfunction f(nums) {\n  const memo = {};\n"
              "  const dp = new Array(nums.length).fill(0);\n  for (const x of nums) {\n"
              "    if (memo[x] !== undefined) return memo[x];\n    if (dp[x] !== undefined) return 1;\n"
              "    memo[x] = 1;\n  }\n  return 0;\n}\n") == python


def test_counter_bumped_inside_an_index_is_a_pointer_step():
    python = py("def f(a: List[int]) -> int:\n    l, r = 0, len(a) - 1\n    s = 0\n    while l <= r:\n"
                "        s += a[l]\n        l += 1\n    return s\n")
    assert js("/** @param {number[]} a */\nfunction f(a) {\n  let l = 0, r = a.length - 1;\n  let s = 0;\n"
              "  while (l <= r) {\n    s += a[l++];\n  }\n  return s;\n}\n") == python
    assert "for p0" in python


# ------------------------------------------------------------------------------------ invariance


_RENAMABLE = ("seen", "res", "lo", "hi", "mid", "level", "node", "cache", "dfs")
_RESERVED = {"do", "if", "in", "for", "let", "new", "try", "var", "case", "else", "this", "void", "with",
             "break", "catch", "class", "const", "super", "while", "yield", "delete", "export", "import",
             "return", "switch", "typeof", "default", "extends", "finally", "continue", "debugger",
             "function", "Map", "Set", "Array", "Math", "Queue", "true", "false", "null", "of"}
_IDENTIFIER = st.from_regex(r"[a-z][a-zA-Z0-9_]{0,7}", fullmatch=True).filter(lambda name: name not in _RESERVED)


@given(name=st.sampled_from(algorithm_names("js")), fresh=st.lists(_IDENTIFIER, min_size=len(_RENAMABLE),
                                                                       max_size=len(_RENAMABLE), unique=True))
def test_renaming_locals_keeps_the_skeleton(name, fresh):
    source = _read(f"{name}.js")
    words = set(re.findall(r"[A-Za-z_]\w*", source))
    if words & set(fresh):
        return  # a fresh name would collide with an existing word
    renamed = source
    for old, new in zip(_RENAMABLE, fresh):
        renamed = re.sub(rf"(?<![\w.]){old}\b", new, renamed)
    assert js(renamed) == js(source)


# ------------------------------------------------------------------------------ errors and corpus


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("function f(a) {\n  return a +;\n}\n", "javascript", path="bad.js")
    record = caught.value.to_record()
    assert record["kind"] == "syntax_error" and record["line"] == 2 and record["column"] is not None
    assert caught.value.path == "bad.js"


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "function f(xs) {\n  const view = <div>{xs.map((x) => x)}</div>;\n  return view;\n}\n"  # JSX
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "javascript").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="jsx_element"):
        extract_text(source, "javascript")


def test_strict_environment_variable_is_read_at_import():
    code = ("from skeldsl.extractors import _treesitter; print(_treesitter.STRICT)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={"SKELDSL_STRICT": "1", "PATH": ""}, check=True)
    assert result.stdout.strip() == "True"


def test_corpus_sample_under_strict_mode(monkeypatch):
    """Every node kind in a sample of real JavaScript has a handler (a grammar upgrade shows up here)."""
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("javascript", 120, seed=11):
        result = extract_or_error(record["code"], "javascript")
        assert isinstance(result, str), (record.get("path") or record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("javascript", 200)
    results = [extract_or_error(record["code"], "javascript") for record in sample]
    assert len(results) == len(sample)
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)


def _read(name: str) -> str:
    from lang_support import ALGORITHMS

    return (ALGORITHMS / name).read_text()


def test_output_does_not_depend_on_hash_seed():
    assert skeletons_under_hash_seed("javascript", "js", "1") == skeletons_under_hash_seed("javascript", "js", "4242")
