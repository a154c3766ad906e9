"""Swift extractor: same skeletons as Python for the same algorithm, grammar quirks absorbed, errors, corpus."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lang_support import (
    ALGORITHMS,
    algorithm_names,
    assert_same_as_python,
    corpus_sample,
    extract_or_error,
    skeletons_under_hash_seed,
)
from skeldsl.extractors import _treesitter, swift

from skeldsl import extract_text
from skeldsl.errors import SkelError, SourceSyntaxError
from skeldsl.normalise import hoist


@pytest.mark.parametrize("name", algorithm_names("swift"))
def test_algorithm_skeleton_equals_python(name):
    assert_same_as_python(name, "swift", "swift")


def py(source: str) -> str:
    return extract_text(source, "python")


def sw(source: str) -> str:
    return extract_text(source, "swift")


def test_parameter_kinds_from_types():
    module = swift.extract("func f(_ a: [Int], _ b: [[Character]], s: String, m: [Int: Int], t: Set<Int>,"
                           " root: TreeNode?, k: inout Int, ok: Bool, cmp: (Int, Int) -> Bool) {}\n")
    assert [p.kind for p in module.functions[0].params] == [
        "seq", "seq", "str", "map", "set", "node", "num", "bool", "fn"]


def test_helper_types_and_nested_functions_are_untyped():
    """Python leaves helpers (``class DSU``, nested ``def dfs``) unannotated; the call sites decide."""
    module = swift.extract("class DSU {\n    var p: [Int]\n    init(_ n: Int) { p = Array(0..<n) }\n"
                           "    func find(_ x: Int) -> Int { return x }\n}\n"
                           "class Solution {\n    func count(_ n: Int) -> Int {\n        let d = DSU(n)\n"
                           "        func dfs(_ i: Int) -> Int { return i }\n        return dfs(0)\n    }\n}\n")
    kinds = {(f.owner, f.name): [p.kind for p in f.params] for f in module.functions}
    assert kinds[("DSU", "find")] == ["any"] and kinds[("Solution", "count")] == ["num"]
    nested = [function for function, parent in hoist(module) if parent is not None]
    assert [(f.name, [p.kind for p in f.params]) for f in nested] == [("dfs", ["any"])]


def test_binary_operators_get_swift_precedence():
    """tree-sitter-swift parses ``i < n && a[i] > 0`` as ``i < (n && ...)``: the pointer loop must still
    be recognised as a pass over ``a``."""
    python = py("def f(a: List[int]) -> int:\n    n = len(a)\n    i = 0\n    while i < n and a[i] > 0:\n"
                "        i += 1\n    return i\n")
    assert sw("func f(_ a: [Int]) -> Int {\n    let n = a.count\n    var i = 0\n"
              "    while i < n && a[i] > 0 {\n        i += 1\n    }\n    return i\n}\n") == python
    assert "for p0" in python


def test_call_suffix_binds_to_the_operand():
    """``g(a) - g(b)`` parses as ``(g(a) - g)(b)``; both calls are kept.  (The helpers loop: calls to a
    function with an empty skeleton are O(1) detail and dropped; being non-recursive, each call is inlined:
    three loops over ``a``.)"""
    text = sw("func g(_ x: Int) -> Int { var s = 0; for i in 0..<x { s += i }; return s }\n"
              "func f(_ a: Int) -> Int {\n    return g(a) - g(a - 1) + (!h(a) ? 1 : 0)\n}\n"
              "func h(_ x: Int) -> Bool { var s = 0; for i in 0..<x { s += i }; return s > 0 }\n")
    assert text == "skel 1\nfn f0(p0: num) {\n" + "  for p0 {\n  }\n" * 3 + "}\n"


def test_array_repeating_is_python_repetition():
    python = py("def f(n: int, m: int):\n    a = [0] * n\n    dp = [[0] * m for _ in range(n)]\n    return a, dp\n")
    assert sw("func f(_ n: Int, _ m: Int) {\n    var a = Array(repeating: 0, count: n)\n"
              "    var dp = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)\n}\n") == python


def test_ranges_stride_and_indices():
    python = py("def f(a: List[int]):\n    for i in range(len(a)):\n        pass\n"
                "    for i in range(0, len(a), 2):\n        pass\n    for i in range(len(a) - 1, -1, -1):\n"
                "        pass\n")
    assert sw("func f(_ a: [Int]) {\n    for i in a.indices { }\n    for i in stride(from: 0, to: a.count, by: 2) { }\n"
              "    for i in stride(from: a.count - 1, through: 0, by: -1) { }\n}\n") == python


def test_if_let_on_a_dictionary_is_a_membership_test():
    python = py("def f(a: List[int]) -> int:\n    d = {}\n    for x in a:\n        if x in d:\n"
                "            return d[x]\n        d[x] = 1\n    return 0\n")
    assert sw("func f(_ a: [Int]) -> Int {\n    var d = [Int: Int]()\n    for x in a {\n"
              "        if let v = d[x] {\n            return v\n        }\n        d[x] = 1\n    }\n    return 0\n}\n") == python


def test_nil_checks_are_key_tests_on_dictionaries_only():
    python = py("def f(a: List[int]) -> int:\n    d = {}\n    memo = [0] * len(a)\n    for x in a:\n"
                "        if x not in d:\n            d[x] = 1\n        if memo[x] != 0:\n            return 1\n"
                "    return 0\n")
    assert sw("func f(_ a: [Int]) -> Int {\n    var d = [Int: Int]()\n"
              "    var memo = [Int?](repeating: nil, count: a.count)\n    for x in a {\n"
              "        if d[x] == nil {\n            d[x] = 1\n        }\n"
              "        if let v = memo[x] {\n            return 1\n        }\n    }\n    return 0\n}\n") == python


def test_labelled_methods_and_implicit_self():
    text = sw("class C {\n    var seen = Set<Int>()\n    var order = [Int]()\n    func add(_ x: Int) {\n"
              "        seen.insert(x)\n        order.insert(x, at: 0)\n        order.remove(at: 0)\n    }\n}\n")
    # (numbered in canonical statement order, skeldsl.normalise.order)
    assert "set.add(s1)" in text and "list.insert(s0)" in text and "list.del(s0)" in text
    assert text.startswith("skel 1\nfn f0() {\n  s0 = list()\n  s1 = set()\n}")  # the initialiser's work


def test_sorted_copy_of_a_parameter_is_an_in_place_sort():
    python = py("def f(a: List[int]) -> int:\n    a.sort()\n    return a[0]\n")
    assert sw("func f(_ a: [Int]) -> Int {\n    let a = a.sorted()\n    return a[0]\n}\n") == python
    assert sw("func f(_ a: [Int]) -> Int {\n    let s = a.sorted()\n    return s[0]\n}\n") == python


_RENAMABLE = ("seen", "res", "lo", "hi", "mid", "level", "node", "cache", "dfs", "chars")
_RESERVED = {"do", "if", "in", "for", "let", "var", "try", "case", "else", "self", "func", "while", "break",
             "class", "return", "switch", "default", "continue", "true", "false", "nil", "guard", "repeat",
             "where", "as", "is", "init", "inout", "max", "min", "stride", "_"}
_IDENTIFIER = st.from_regex(r"[a-z][a-zA-Z0-9]{0,7}", fullmatch=True).filter(lambda name: name not in _RESERVED)


@given(name=st.sampled_from(algorithm_names("swift")),
       fresh=st.lists(_IDENTIFIER, min_size=len(_RENAMABLE), max_size=len(_RENAMABLE), unique=True))
def test_renaming_locals_keeps_the_skeleton(name, fresh):
    source = (ALGORITHMS / f"{name}.swift").read_text()
    if set(re.findall(r"[A-Za-z_]\w*", source)) & set(fresh):
        return
    renamed = source
    for old, new in zip(_RENAMABLE, fresh):
        renamed = re.sub(rf"(?<![\w.]){old}\b", new, renamed)
    assert sw(renamed) == sw(source)


def test_syntax_error_is_a_positioned_error():
    with pytest.raises(SourceSyntaxError) as caught:
        extract_text("func f(_ a: Int) -> Int {\n    return a +\n}\n", "swift", path="bad.swift")
    assert caught.value.line is not None and caught.value.column is not None
    assert caught.value.to_record()["kind"] == "syntax_error"


def test_unknown_kinds_fall_back_but_raise_in_strict_mode(monkeypatch):
    source = "func f(_ a: [Int]) -> Int {\n    let k = \\Int.bitWidth\n    return a.count\n}\n"
    monkeypatch.setattr(_treesitter, "STRICT", True)
    extract_text(source, "swift")  # key paths are mapped (opaque on purpose)
    source = "func f() {\n    #if DEBUG\n    print(1)\n    #endif\n}\n"
    monkeypatch.setattr(_treesitter, "STRICT", False)
    assert extract_text(source, "swift").startswith("skel 1")
    monkeypatch.setattr(_treesitter, "STRICT", True)
    with pytest.raises(SkelError, match="handler"):
        extract_text(source, "swift")


def test_corpus_sample_under_strict_mode(monkeypatch):
    monkeypatch.setattr(_treesitter, "STRICT", True)
    for record in corpus_sample("swift", 150, seed=3):
        result = extract_or_error(record["code"], "swift")
        assert isinstance(result, str), (record.get("slug"), result)


def test_corpus_sample_never_crashes():
    sample = corpus_sample("swift", 200)
    results = [extract_or_error(record["code"], "swift") for record in sample]
    assert sum(isinstance(result, str) for result in results) >= 0.98 * len(sample)


def test_output_does_not_depend_on_hash_seed():
    assert skeletons_under_hash_seed("swift", "swift", "1") == skeletons_under_hash_seed("swift", "swift", "4242")
