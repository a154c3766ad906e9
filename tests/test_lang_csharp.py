"""C# extractor: same skeletons as Python for the same algorithm, C# idioms, errors, real corpus."""

from __future__ import annotations

import pytest

from lang_support import ALGORITHMS, algorithm_names, assert_same_as_python, corpus_sample, extract_or_error
from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError
from skeldsl.extractors import _treesitter, csharp


@pytest.mark.parametrize("name", algorithm_names("cs"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "cs", "csharp")


def test_brute_force_and_hash_map_differ():
    brute, fast = (extract_text((ALGORITHMS / f"{n}.cs").read_text(), "csharp") for n in ("two_sum_brute", "two_sum_map"))
    assert brute != fast


# --------------------------------------------------------------------------------------------- idioms


def py(source: str) -> str:
    return extract_text(source, "python")


def cs(body: str, signature: str = "int F(int[] nums, int n)") -> str:
    return extract_text(f"public class Solution {{\n    public {signature} {{\n{body}\n    }}\n}}\n", "csharp")


def test_declared_types_give_parameter_kinds():
    text = cs("return 0;", "int F(int[] a, IList<int> b, string s, Dictionary<int, int> m, HashSet<string> t, "
                           "TreeNode root, int n, bool ok, char[][] grid, int[,] g)")
    assert "fn f0(p0: seq, p1: seq, p2: str, p3: map, p4: set, p5: node, p6: num, p7: bool, p8: seq, p9: seq)" in text


def test_indexers_counts_and_try_get_value():
    python = py("def f(nums: List[int], n: int):\n    count = {}\n    for x in nums:\n"
                "        count[x] = count.get(x, 0) + 1\n    if n in count:\n        return count[n]\n    return len(count)\n")
    assert cs("var count = new Dictionary<int, int>();\nforeach (int x in nums) count[x] = count.GetValueOrDefault(x) + 1;\n"
              "if (count.TryGetValue(n, out int v)) return v;\nreturn count.Count;") != ""
    assert cs("var count = new Dictionary<int, int>();\nforeach (int x in nums) count[x] = count.GetValueOrDefault(x) + 1;\n"
              "if (count.ContainsKey(n)) return count[n];\nreturn count.Count;") == python


def test_var_and_target_typed_new_take_the_constructed_kind():
    text = cs("var seen = new HashSet<int>();\nHashSet<int> other = new();\nforeach (var x in nums) { seen.Add(x); other.Add(x); }\n"
              "return seen.Count + other.Count;")
    assert "set.add(v0)" in text and "set.add(v1)" in text


def test_stack_queue_priority_queue():
    text = cs("var st = new Stack<int>();\nvar q = new Queue<int>();\nvar pq = new PriorityQueue<int, int>();\n"
              "foreach (int x in nums) { if (x > n) { st.Push(x); q.Enqueue(x); pq.Enqueue(x, x); } }\n"
              "while (st.Count > 0) st.Pop();\nwhile (q.Count > 0) q.Dequeue();\nwhile (pq.Count > 0) pq.Dequeue();\nreturn 0;")
    # (numbered in canonical statement order, skeldsl.normalise.order)
    assert "stack.push(v2)" in text and "queue.push(v1)" in text and "heap.push(v0)" in text
    assert "while v2 {\n    stack.pop(v2)" in text and "while v0 {\n    heap.pop(v0)" in text


def test_local_functions_are_closures_like_python():
    python = py("class Solution:\n    def f(self, nums: List[int], n: int) -> int:\n        seen = set()\n"
                "        def dfs(i):\n            if i in seen:\n                return 0\n            seen.add(i)\n"
                "            return dfs(i + 1)\n        return dfs(0)\n")
    assert cs("var seen = new HashSet<int>();\nint Dfs(int i) {\n  if (seen.Contains(i)) return 0;\n  seen.Add(i);\n"
              "  return Dfs(i + 1);\n}\nreturn Dfs(0);") == python


def test_static_library_calls_and_linq():
    text = cs("Array.Sort(nums);\nint i = Array.BinarySearch(nums, n);\nint best = nums.Max();\nreturn Math.Max(i, best);")
    assert "sort(p0)" in text and "bsearch(p0)" in text and "for p0 {" in text


def test_remove_at_last_index_is_a_pop():
    python = py("def f(nums: List[int], n: int):\n    path = []\n    for x in nums:\n        path.append(x)\n"
                "        path.pop()\n    return 0\n")
    assert cs("var path = new List<int>();\nforeach (int x in nums) { path.Add(x); path.RemoveAt(path.Count - 1); }\n"
              "return 0;") == python


# ------------------------------------------------------------------------------ errors and corpus


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("class A {\n  int F(int a) {\n    return a +;\n  }\n}\n", "csharp", path="Bad.cs")
    record = caught.value.to_record()
    assert record["kind"] == "syntax_error" and record["line"] == 3 and record["column"] is not None
    assert caught.value.path == "Bad.cs"


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "class A {\n  int F(object o) {\n    if (o is string s) { return 1; }\n    return 0;\n  }\n}\n"
    extractor = csharp.CSharpExtractor
    monkeypatch.setattr(extractor, "EXPRESSIONS", {k: v for k, v in extractor.EXPRESSIONS.items()
                                                  if k != "is_pattern_expression"})
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "csharp").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="is_pattern_expression"):
        extract_text(source, "csharp")


def test_corpus_sample_under_strict_mode(monkeypatch):
    """Every node kind in a sample of real C# has a handler (a grammar upgrade shows up here)."""
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("csharp", 150, seed=11):
        result = extract_or_error(record["code"], "csharp")
        assert isinstance(result, str), (record.get("path") or record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("csharp", 200)
    results = [extract_or_error(record["code"], "csharp") for record in sample]
    assert len(results) == len(sample)
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)
