"""Java extractor: same skeletons as Python for the same algorithm, Java idioms, errors, real corpus."""

from __future__ import annotations

import pytest

from lang_support import ALGORITHMS, algorithm_names, assert_same_as_python, corpus_sample, extract_or_error
from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError
from skeldsl.extractors import _treesitter, java


@pytest.mark.parametrize("name", algorithm_names("java"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "java", "java")


def test_brute_force_and_hash_map_differ():
    brute, fast = (extract_text((ALGORITHMS / f"{n}.java").read_text(), "java") for n in ("two_sum_brute", "two_sum_map"))
    assert brute != fast


# --------------------------------------------------------------------------------------------- idioms


def py(source: str) -> str:
    return extract_text(source, "python")


def jv(body: str, signature: str = "int f(int[] nums, int n)") -> str:
    return extract_text(f"class Solution {{\n    public {signature} {{\n{body}\n    }}\n}}\n", "java")


def test_declared_types_give_parameter_kinds():
    text = jv("return 0;", "int f(int[] a, List<Integer> b, String s, Map<Integer, Integer> m, Set<String> t, "
                           "TreeNode root, int n, boolean ok, char[][] grid)")
    assert "fn f0(p0: seq, p1: seq, p2: str, p3: map, p4: set, p5: node, p6: num, p7: bool, p8: seq)" in text


def test_map_get_put_and_merge_are_python_subscripts():
    python = py("def f(nums: List[int], n: int):\n    count = {}\n    for x in nums:\n"
                "        count[x] = count.get(x, 0) + 1\n    for x in nums:\n        count[x] += 1\n    return count[n]\n")
    assert jv("Map<Integer, Integer> count = new HashMap<>();\nfor (int x : nums) count.put(x, count.getOrDefault(x, 0) + 1);\n"
              "for (int x : nums) count.merge(x, 1, Integer::sum);\nreturn count.get(n);") == python


def test_deque_as_stack_and_list_remove_last_are_pops():
    python = py("def f(nums: List[int], n: int):\n    stack = []\n    path = []\n    for x in nums:\n"
                "        while stack and stack[-1] < x:\n            stack.pop()\n        stack.append(x)\n"
                "        path.append(x)\n        path.pop()\n    return 0\n")
    java_text = jv("Deque<Integer> stack = new ArrayDeque<>();\nList<Integer> path = new ArrayList<>();\n"
                   "for (int x : nums) {\n  while (!stack.isEmpty() && stack.peek() < x) stack.pop();\n"
                   "  stack.push(x);\n  path.add(x);\n  path.remove(path.size() - 1);\n}\nreturn 0;")
    assert java_text == python
    assert "stack.pop(v0)" in java_text and "stack.pop(v1)" in java_text  # both used at one end only


def test_priority_queue_and_string_builder():
    text = jv("PriorityQueue<Integer> heap = new PriorityQueue<>();\nStringBuilder sb = new StringBuilder();\n"
              "for (int x : nums) { heap.offer(x); sb.append(x); }\nwhile (!heap.isEmpty()) heap.poll();\n"
              "return sb.length();")
    assert "heap.push(v0)" in text and "strbuf.append(v1)" in text and "while v0 {\n    heap.pop(v0)" in text


def test_string_concatenation_in_a_loop_is_str_concat():
    """Java strings are immutable: ``res += c`` copies ``res`` each time (O(n)), unlike CPython's in-place
    ``res += c`` on a local, which is a builder's append; ``StringBuilder`` is what matches Python."""
    python = py("def f(s: str, n: int) -> str:\n    res = ''\n    for c in s:\n        res += c\n    return res\n")
    concat = jv('String res = "";\nfor (char c : s.toCharArray()) res += c;\nreturn res;', "String f(String s, int n)")
    assert "str.concat(v0)" in concat and concat != python
    assert jv('StringBuilder sb = new StringBuilder();\nfor (char c : s.toCharArray()) sb.append(c);\n'
              'return sb.toString();', "String f(String s, int n)") == python


def test_static_library_calls_map_to_the_vocabulary():
    text = jv("Arrays.sort(nums);\nint i = Arrays.binarySearch(nums, n);\nCollections.reverse(list);\n"
              "return Math.max(i, n);", "int f(int[] nums, int n, List<Integer> list)")
    assert "sort(p0)" in text and "bsearch(p0)" in text and "reverse(p2)" in text


def test_fields_become_this_and_constructors_init():
    text = extract_text("class LRU {\n  private Map<Integer, Integer> cache;\n  private int cap;\n"
                        "  public LRU(int capacity) { cap = capacity; cache = new HashMap<>(); }\n"
                        "  public int get(int key) { return cache.containsKey(key) ? cache.get(key) : -1; }\n}\n", "java")
    # containsKey(key) ? get(key) : -1 is one lookup with a default (Python's cache.get(key, -1))
    assert "s0 = map()" in text and "map.get(s0)" in text and "map.has(s0)" not in text
    module = java.extract("class A { A() {} void f() {} }")
    assert [(f.name, f.owner) for f in module.functions] == [("__init__", "A"), ("f", "A")]


def test_solution_helpers_are_closures_like_python():
    python = py("class Solution:\n    def f(self, grid: List[List[int]]) -> int:\n        seen = set()\n"
                "        def dfs(r, c):\n            if (r, c) in seen:\n                return\n            seen.add((r, c))\n"
                "            dfs(r + 1, c)\n        dfs(0, 0)\n        return len(seen)\n")
    java_text = extract_text("class Solution {\n  private Set<Integer> seen = new HashSet<>();\n"
                             "  public int f(int[][] grid) { dfs(0, 0); return seen.size(); }\n"
                             "  private void dfs(int r, int c) {\n    if (seen.contains(r * 1000 + c)) return;\n"
                             "    seen.add(r * 1000 + c);\n    dfs(r + 1, c);\n  }\n}\n", "java")
    assert java_text == python


# ------------------------------------------------------------------------------ errors and corpus


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("class A {\n  int f(int a) {\n    return a +;\n  }\n}\n", "java", path="Bad.java")
    record = caught.value.to_record()
    assert record["kind"] == "syntax_error" and record["line"] == 3 and record["column"] is not None
    assert caught.value.path == "Bad.java"


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "class A {\n  int f(Object o) {\n    if (o instanceof String s) { return 1; }\n    return 0;\n  }\n}\n"
    extractor = java.JavaExtractor
    monkeypatch.setattr(extractor, "EXPRESSIONS", {k: v for k, v in extractor.EXPRESSIONS.items()
                                                  if k != "instanceof_expression"})
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "java").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="instanceof_expression"):
        extract_text(source, "java")


def test_corpus_sample_under_strict_mode(monkeypatch):
    """Every node kind in a sample of real Java has a handler (a grammar upgrade shows up here)."""
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("java", 150, seed=11):
        result = extract_or_error(record["code"], "java")
        assert isinstance(result, str), (record.get("path") or record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("java", 200)
    results = [extract_or_error(record["code"], "java") for record in sample]
    assert len(results) == len(sample)
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)
