"""Rust extractor: same skeletons as Python for the same algorithm, Rust idioms, errors, real corpus."""

from __future__ import annotations

import pytest
from lang_support import ALGORITHMS, algorithm_names, assert_same_as_python, corpus_sample, extract_or_error
from skeldsl.extractors import _treesitter, rust

from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError


@pytest.mark.parametrize("name", algorithm_names("rs"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "rs", "rust")


def test_brute_force_and_hash_map_differ():
    brute, fast = (extract_text((ALGORITHMS / f"{n}.rs").read_text(), "rust") for n in ("two_sum_brute", "two_sum_map"))
    assert brute != fast


def py(source: str) -> str:
    return extract_text(source, "python")


def rs(body: str, signature: str = "fn f(nums: Vec<i32>, n: i32) -> i32") -> str:
    return extract_text(f"{signature} {{\n{body}\n}}\n", "rust")


def test_declared_types_give_parameter_kinds():
    text = rs("0", "fn f(a: Vec<i32>, s: &str, m: HashMap<i32, i32>, t: &HashSet<i32>, "
                   "root: Option<Rc<RefCell<TreeNode>>>, n: usize, ok: bool, grid: &Vec<Vec<char>>, w: String) -> i32")
    assert "fn f0(p0: seq, p1: str, p2: map, p3: set, p4: node, p5: num, p6: bool, p7: seq, p8: str)" in text


def test_while_let_pop_is_a_worklist_and_tail_expressions_return():
    python = py("def f(nums: List[int], n: int):\n    stack = [n]\n    while stack:\n        x = stack.pop()\n"
                "        if x > 0:\n            stack.append(x - 1)\n    return n\n")
    assert rs("let mut stack = vec![n];\nwhile let Some(x) = stack.pop() {\n    if x > 0 {\n"
              "        stack.push(x - 1);\n    }\n}\nn") == python


def test_entry_api_and_if_let_get_are_map_operations():
    python = py("def f(nums: List[int], n: int):\n    count = {}\n    for x in nums:\n"
                "        count[x] = count.get(x, 0) + 1\n    if n in count:\n        return count[n]\n    return 0\n")
    text = rs("let mut count = HashMap::new();\nfor &x in nums.iter() {\n    *count.entry(x).or_insert(0) += 1;\n}\n"
              "if let Some(&c) = count.get(&n) {\n    return c;\n}\n0")
    assert text == python


def test_vec_macro_and_iterator_chains():
    python = py("def f(nums: List[int], n: int):\n    dp = [0] * (len(nums) + 1)\n"
                "    squares = [x * x for x in nums if x > 0]\n    return sum(x for x in nums)\n")
    text = rs("let dp = vec![0; nums.len() + 1];\nlet squares: Vec<i32> = nums.iter().filter(|&x| *x > 0)"
              ".map(|x| x * x).collect();\nnums.iter().map(|x| x).sum()")
    assert text == python


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("fn f(a: i32) -> i32 {\n    let x = ;\n    a\n}\n", "rust", path="bad.rs")
    record = caught.value.to_record()
    assert record["kind"] == "syntax_error" and record["line"] == 2 and record["column"] is not None
    assert caught.value.path == "bad.rs"


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "fn f(a: Vec<i32>) -> usize {\n    let t = (1, 2);\n    a.len()\n}\n"
    extractor = rust.RustExtractor
    monkeypatch.setattr(extractor, "EXPRESSIONS", {k: v for k, v in extractor.EXPRESSIONS.items()
                                                  if k != "tuple_expression"})
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "rust").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="tuple_expression"):
        extract_text(source, "rust")


def test_corpus_sample_under_strict_mode(monkeypatch):
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("rust", 150, seed=11):
        result = extract_or_error(record["code"], "rust")
        assert isinstance(result, str) or result.kind == "syntax_error", (record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("rust", 200)
    results = [extract_or_error(record["code"], "rust") for record in sample]
    assert len(results) == len(sample)
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)
