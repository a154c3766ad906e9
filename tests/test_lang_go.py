"""Go extractor: same skeletons as Python for the same algorithm, Go idioms, errors, real corpus."""

from __future__ import annotations

import pytest
from lang_support import ALGORITHMS, algorithm_names, assert_same_as_python, corpus_sample, extract_or_error
from skeldsl.extractors import _treesitter, go

from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError


@pytest.mark.parametrize("name", algorithm_names("go"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "go", "go")


def test_brute_force_and_hash_map_differ():
    brute, fast = (extract_text((ALGORITHMS / f"{n}.go").read_text(), "go") for n in ("two_sum_brute", "two_sum_map"))
    assert brute != fast


def py(source: str) -> str:
    return extract_text(source, "python")


def gofn(body: str, signature: str = "func f(nums []int, n int) int") -> str:
    return extract_text(f"{signature} {{\n{body}\n}}\n", "go")


def test_declared_types_give_parameter_kinds():
    text = gofn("return 0", "func f(a []int, s string, m map[int]int, t map[int]bool, root *TreeNode, n int, "
                            "ok bool, grid [][]byte, g func(int) int) int")
    assert "fn f0(p0: seq, p1: str, p2: map, p3: set, p4: node, p5: num, p6: bool, p7: seq, p8: fn)" in text


def test_slice_idioms_are_stack_and_queue_operations():
    python = py("def f(nums: List[int], n: int):\n    q = deque([n])\n    st = []\n    while q:\n"
                "        x = q.popleft()\n        st.append(x)\n        st.pop()\n        q.append(x)\n    return 0\n")
    assert gofn("q := []int{n}\nst := []int{}\nfor len(q) > 0 {\n  x := q[0]\n  q = q[1:]\n  st = append(st, x)\n"
                "  st = st[:len(st)-1]\n  q = append(q, x)\n}\nreturn 0") == python


def test_bool_maps_are_sets_and_comma_ok_is_membership():
    python = py("def f(nums: List[int], n: int):\n    seen = set()\n    count = {}\n    for x in nums:\n"
                "        if x in seen:\n            seen.remove(x)\n        seen.add(x)\n"
                "        if x in count:\n            count[x] += 1\n    return 0\n")
    text = gofn("seen := make(map[int]bool)\ncount := map[int]int{}\nfor _, x := range nums {\n"
                "  if seen[x] {\n    delete(seen, x)\n  }\n  seen[x] = true\n"
                "  if _, ok := count[x]; ok {\n    count[x]++\n  }\n}\nreturn 0")
    assert text == python


def test_range_forms_are_counting_loops_or_element_loops():
    python = py("def f(nums: List[int], n: int):\n    for i in range(n):\n        pass\n"
                "    for i in range(len(nums)):\n        pass\n    for i, x in enumerate(nums):\n        pass\n    return 0\n")
    assert gofn("for i := range n {\n  _ = i\n}\nfor i := range nums {\n  _ = i\n}\n"
                "for i, x := range nums {\n  _, _ = i, x\n}\nreturn 0") == python


def test_heap_interface_glue_is_dropped_and_heap_calls_are_heap_ops():
    text = extract_text("type H []int\nfunc (h H) Len() int { return len(h) }\n"
                        "func (h H) Less(i, j int) bool { return h[i] < h[j] }\n"
                        "func (h H) Swap(i, j int) { h[i], h[j] = h[j], h[i] }\n"
                        "func (h *H) Push(x any) { *h = append(*h, x.(int)) }\n"
                        "func (h *H) Pop() any { old := *h; n := len(old); x := old[n-1]; *h = old[:n-1]; return x }\n"
                        "func f(nums []int) int {\n  h := &H{}\n  for _, x := range nums {\n    heap.Push(h, x)\n  }\n"
                        "  for h.Len() > 0 {\n    heap.Pop(h)\n  }\n  return 0\n}\n", "go")
    assert text.count("fn ") == 1 and "heap.push(v0)" in text and "heap.pop(v0)" in text


def test_struct_literal_constructor_initialises_fields():
    text = extract_text("type LRU struct {\n  cache map[int]int\n  cap int\n}\n"
                        "func Constructor(capacity int) LRU {\n  return LRU{cache: map[int]int{}, cap: capacity}\n}\n"
                        "func (this *LRU) Get(key int) int {\n  if v, ok := this.cache[key]; ok {\n    return v\n  }\n"
                        "  return -1\n}\n", "go")
    assert "s0 = map()" in text and "map.has(s0)" in text and "map.get(s0)" in text


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("func f(a int) int {\n  x := \n  return a +\n}\n", "go", path="bad.go")
    record = caught.value.to_record()
    assert record["kind"] == "syntax_error" and record["line"] is not None and record["column"] is not None
    assert caught.value.path == "bad.go"


def test_file_without_final_newline_is_not_a_syntax_error():
    # Go's grammar wants a newline after the last declaration; editors and corpora often omit it
    # (seven doocs Go files ended in a struct type with no newline and were reported as unplaced errors).
    source = "func f(xs []int) int {\n\tfor _, x := range xs {\n\t\tuse(x)\n\t}\n\treturn 0\n}\n\ntype pair struct {\n\ta int\n}"
    assert extract_text(source, "go") == extract_text(source + "\n", "go")
    assert "  for p0 {" in extract_text(source, "go")


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "func f(a []int) int {\n  x := 1\n  x++\n  return x\n}\n"
    extractor = go.GoExtractor
    monkeypatch.setattr(extractor, "STATEMENTS", {k: v for k, v in extractor.STATEMENTS.items() if k != "inc_statement"})
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "go").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="inc_statement"):
        extract_text(source, "go")


def test_corpus_sample_under_strict_mode(monkeypatch):
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("go", 150, seed=11):
        result = extract_or_error(record["code"], "go")
        assert isinstance(result, str) or result.kind == "syntax_error", (record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("go", 200)
    results = [extract_or_error(record["code"], "go") for record in sample]
    assert len(results) == len(sample)
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)
