"""Kotlin extractor: same skeletons as Python for the same algorithm, Kotlin idioms, errors, real corpus."""

from __future__ import annotations

import pytest

from lang_support import ALGORITHMS, algorithm_names, assert_same_as_python, corpus_sample, extract_or_error
from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError
from skeldsl.extractors import _treesitter, kotlin


@pytest.mark.parametrize("name", algorithm_names("kt"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "kt", "kotlin")


def test_brute_force_and_hash_map_differ():
    brute, fast = (extract_text((ALGORITHMS / f"{n}.kt").read_text(), "kotlin") for n in ("two_sum_brute", "two_sum_map"))
    assert brute != fast


# --------------------------------------------------------------------------------------------- idioms


def py(source: str) -> str:
    return extract_text(source, "python")


def kt(body: str, signature: str = "f(nums: IntArray, n: Int): Int") -> str:
    return extract_text(f"class Solution {{\n    fun {signature} {{\n{body}\n    }}\n}}\n", "kotlin")


def test_declared_types_give_parameter_kinds():
    text = kt("return 0", "f(a: IntArray, b: List<Int>, s: String, m: Map<Int, Int>, t: MutableSet<String>, "
                          "root: TreeNode?, n: Int, ok: Boolean, grid: Array<CharArray>): Int")
    assert "fn f0(p0: seq, p1: seq, p2: str, p3: map, p4: set, p5: node, p6: num, p7: bool, p8: seq)" in text


@pytest.mark.parametrize("loop", ["for (i in 0 until nums.size)", "for (i in nums.indices)",
                                  "for (i in 0..nums.size - 1)", "for (i in nums.size - 1 downTo 0)",
                                  "for (i in 0 until nums.size step 2)"])
def test_counting_loops_are_python_ranges(loop):
    python = py("def f(nums: List[int], n: int) -> int:\n    s = 0\n    for i in range(len(nums)):\n"
                "        s += nums[i]\n    return s\n")
    assert kt(f"var s = 0\n{loop} {{\n  s += nums[i]\n}}\nreturn s") == python


def test_repeat_is_a_counting_loop():
    python = py("def f(nums: List[int], n: int) -> int:\n    seen = set()\n    for _ in range(n):\n"
                "        seen.add(n)\n    return 0\n")
    assert kt("val seen = HashSet<Int>()\nrepeat(n) { seen.add(n) }\nreturn 0") == python


def test_builders_are_literals_and_sized_arrays():
    python = py("def f(nums: List[int], n: int):\n    a = [0] * n\n    b = [[0] * n for _ in range(len(nums))]\n"
                "    return [a[0], b[0][0]]\n")
    assert kt("val a = IntArray(n)\nval b = Array(nums.size) { IntArray(n) }\nreturn intArrayOf(a[0], b[0][0]).size") == python


def test_deque_stack_and_priority_queue():
    text = kt("val st = ArrayDeque<Int>()\nval pq = PriorityQueue<Int>()\nfor (x in nums) {\n  if (x > n) { st.addLast(x); pq.add(x) }\n}\n"
              "while (st.isNotEmpty()) st.removeLast()\nwhile (pq.isNotEmpty()) pq.poll()\nreturn 0")
    # (numbered in canonical statement order, skeldsl.normalise.order)
    assert "stack.push(v1)" in text and "heap.push(v0)" in text and "while v0 {\n    heap.pop(v0)" in text


def test_break_and_continue_parse_as_identifiers_but_are_exits():
    python = py("def f(nums: List[int], n: int) -> int:\n    for x in nums:\n        if x > n:\n            break\n"
                "        if x < 0:\n            continue\n        n += 1\n    return n\n")
    assert kt("var m = n\nfor (x in nums) {\n  if (x > m) break\n  if (x < 0) continue\n  m++\n}\nreturn m") == python


def test_properties_of_design_classes_are_fields():
    text = extract_text("class KthLargest(k: Int, nums: IntArray) {\n    private val heap = PriorityQueue<Int>()\n"
                        "    init { for (n in nums) add(n) }\n    fun add(v: Int): Int {\n        heap.add(v)\n"
                        "        return heap.peek()\n    }\n}\n", "kotlin")
    # heap.peek() is O(1) indexing, dropped like Python's heap[0] (passes.drop_heap_peeks)
    assert "s0 = heap()" in text and "heap.push(s0)" in text and "heap.top" not in text
    module = kotlin.extract("class A(x: Int) {\n    fun f() = 1\n}\n")
    assert [(f.name, f.owner) for f in module.functions] == [("__init__", "A"), ("f", "A")]


# ------------------------------------------------------------------------------ errors and corpus


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("class A {\n  fun f(a: Int): Int {\n    return a + )\n  }\n}\n", "kotlin", path="Bad.kt")
    record = caught.value.to_record()
    assert record["kind"] == "syntax_error" and record["line"] == 3 and record["column"] is not None
    assert caught.value.path == "Bad.kt"


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "class A {\n  fun f(o: Any): Int {\n    if (o is String) { return 1 }\n    return 0\n  }\n}\n"
    extractor = kotlin.KotlinExtractor
    monkeypatch.setattr(extractor, "EXPRESSIONS", {k: v for k, v in extractor.EXPRESSIONS.items()
                                                  if k != "is_expression"})
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "kotlin").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="is_expression"):
        extract_text(source, "kotlin")


def test_corpus_sample_under_strict_mode(monkeypatch):
    """Every node kind in a sample of real Kotlin has a handler (a grammar upgrade shows up here)."""
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("kotlin", 150, seed=11):
        result = extract_or_error(record["code"], "kotlin")
        assert not isinstance(result, SkelError) or result.kind == "syntax_error", (record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("kotlin", 200)
    results = [extract_or_error(record["code"], "kotlin") for record in sample]
    assert len(results) == len(sample)
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)
