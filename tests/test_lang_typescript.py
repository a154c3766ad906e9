"""TypeScript extractor: JavaScript's plus annotations; same skeletons as Python for the same algorithm."""

from __future__ import annotations

import pytest
from lang_support import (
    algorithm_names,
    assert_same_as_python,
    corpus_sample,
    extract_or_error,
    skeletons_under_hash_seed,
)
from skeldsl.extractors import _treesitter, typescript
from skeldsl.extractors.javascript import type_kind

from skeldsl import extract_text
from skeldsl.errors import SourceSyntaxError


@pytest.mark.parametrize("name", algorithm_names("ts"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "ts", "typescript")


@pytest.mark.parametrize("text, kind", [
    ("number", "num"), ("number[]", "seq"), ("string[][]", "seq"), ("Array<number>", "seq"),
    ("string", "str"), ("boolean", "bool"), ("Map<number, string[]>", "map"), ("Set<string>", "set"),
    ("TreeNode | null", "node"), ("null | ListNode", "node"), ("(a: number, b: number) => number", "fn"),
    ("[number, number]", "seq"), ("Record<string, number>", "map"), ("Foo", "any"), ("", "any"),
])
def test_type_text_kinds(text, kind):
    assert type_kind(text) == kind


def test_annotations_give_parameter_and_local_kinds():
    module = typescript.extract("function f(nums: number[], k: number, root: TreeNode | null, s?: string,"
                                " ...rest: number[]): void {\n  const m: Map<number, number> = build();\n"
                                "  let xs: number[];\n}\n")
    function = module.functions[0]
    assert [(p.name, p.kind) for p in function.params] == [
        ("nums", "seq"), ("k", "num"), ("root", "node"), ("s", "str"), ("rest", "seq")]
    assert [stmt.declared for stmt in function.body] == ["map", "list"]


def test_declared_map_without_constructor_is_a_map():
    python = extract_text("def f(nums: List[int], m: Dict[int, int]):\n    for x in nums:\n"
                          "        if x in m:\n            return m[x]\n", "python")
    assert extract_text("function f(nums: number[], m: Map<number, number>) {\n  for (const x of nums) {\n"
                        "    if (m.has(x)) {\n      return m.get(x)!;\n    }\n  }\n}\n", "typescript") == python


def test_type_only_declarations_do_not_change_the_skeleton():
    plain = "function f(nums: number[]): number {\n  return nums.length;\n}\n"
    typed = ("interface P { a: number }\ntype Q = P | null;\nenum E { A, B }\ndeclare const z: number;\n"
             + plain.replace("nums.length", "(nums as number[]).length"))
    assert extract_text(typed, "typescript") == extract_text(plain, "typescript")


def test_class_members_with_modifiers():
    text = extract_text("class LRU {\n  private cache: Map<number, number> = new Map();\n"
                        "  constructor(private capacity: number) {}\n  get(key: number): number {\n"
                        "    if (!this.cache.has(key)) return -1;\n    return this.cache.get(key)!;\n  }\n}\n",
                        "typescript")
    assert "map.has(s0)" in text and "map.get(s0)" in text


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("function f(a: number): number {\n  return a +;\n}\n", "typescript")
    assert caught.value.line == 2 and caught.value.column is not None


def test_corpus_sample_under_strict_mode(monkeypatch):
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("typescript", 150, seed=5):
        result = extract_or_error(record["code"], "typescript")
        assert isinstance(result, str), (record.get("path") or record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("typescript", 200)
    results = [extract_or_error(record["code"], "typescript") for record in sample]
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)


def test_output_does_not_depend_on_hash_seed():
    assert skeletons_under_hash_seed("typescript", "ts", "1") == skeletons_under_hash_seed("typescript", "ts", "4242")
