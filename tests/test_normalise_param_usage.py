"""Kinds of untyped parameters from their use (issue 3, cross-language agreement).

``len(xs)`` / ``xs.length`` read a collection whether or not the size bounds a loop, so an untyped
parameter read that way is ``seq`` (it printed ``num`` before).  A parameter the body uses as a sequence
and every call site passes a string is ``str``, as a typed language's ``String s`` parameter prints.
"""

from __future__ import annotations

from skeldsl import extract_text


def test_len_only_parameter_is_a_collection() -> None:
    python = extract_text("def f(xs):\n    return len(xs) * 2\n", "python")
    javascript = extract_text("function f(xs) { return xs.length * 2; }", "javascript")
    java = extract_text("class S { int f(int[] xs) { return xs.length * 2; } }", "java")
    assert python == javascript == java == "skel 1\nfn f0(p0: seq) {\n}\n"


def test_numbers_stay_numbers() -> None:
    assert extract_text("def f(n):\n    return n * 2\n", "python") == "skel 1\nfn f0(p0: num) {\n}\n"


def test_sequence_parameter_passed_strings_is_a_string() -> None:
    python = extract_text("""
class Solution:
    def backspaceCompare(self, s: str, t: str) -> bool:
        def convert(s):
            st = []
            for c in s:
                if c == "#":
                    if st:
                        st.pop()
                else:
                    st.append(c)
            return st
        return convert(s) == convert(t)
""", "python")
    java = extract_text("""
class Solution {
    public boolean backspaceCompare(String s, String t) {
        return convert(s).equals(convert(t));
    }
    private List<Character> convert(String s) {
        List<Character> st = new ArrayList<>();
        for (char c : s.toCharArray()) {
            if (c == '#') {
                if (!st.isEmpty()) st.remove(st.size() - 1);
            } else {
                st.add(c);
            }
        }
        return st;
    }
}
""", "java")
    assert python == java
    assert python.startswith("skel 1\nfn f0(p0: str, p1: str) {\n  v0 = stack()\n  for p0 {")  # (inlined twice)
    assert "  v1 = stack()\n  for p1 {" in python
    recursive = extract_text("""
def f(a: str, b: str):
    return g(a, 0, len(a)) + g(b, 0, len(b))

def g(xs, lo, hi):
    if lo >= hi:
        return 0
    mid = (lo + hi) // 2
    return g(xs, lo, mid) + g(xs, mid + 1, hi) + xs[mid]
""", "python")
    assert "fn f1(p0: str)" in recursive  # a helper that stays (it recurses) takes the kind from its callers


def test_sequence_parameter_passed_lists_stays_a_sequence() -> None:
    text = extract_text("""
def f(a: list[int], b: list[int]):
    return g(a, 0, len(a)) + g(b, 0, len(b))

def g(xs, lo, hi):
    if lo >= hi:
        return 0
    mid = (lo + hi) // 2
    return g(xs, lo, mid) + g(xs, mid + 1, hi) + xs[mid]
""", "python")
    assert "fn f1(p0: seq)" in text
