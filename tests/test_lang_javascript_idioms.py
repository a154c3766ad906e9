"""JavaScript idioms that translate Python one-for-one must give Python's skeleton, and near misses must
not: the cross-language agreement cases of issue 3 for ``extractors/javascript.py``, and the generic rules
(list concatenation, constant slices) they rely on."""

from __future__ import annotations

from skeldsl import extract_text


def py(source: str) -> str:
    return extract_text(source, "python")


def js(source: str) -> str:
    return extract_text(source, "javascript")


_PY_BALLOONS = """
class Solution:
    def f(self, text: str) -> int:
        mp = defaultdict(int)
        for c in text:
            mp[c] += 1
        return min(mp.values())
"""


def test_spread_of_a_copy_into_math_min_is_the_collection():
    source = """
class Solution {
    f(text) {
        const mp = new Map();
        for (const c of text) mp.set(c, (mp.get(c) || 0) + 1);
        return Math.min(...Array.from(mp.values()));
    }
}
"""
    expected = py(_PY_BALLOONS).replace("p0: str", "p0: seq")  # an untyped JS parameter
    assert js(source) == expected
    assert js(source.replace("...Array.from(mp.values())", "...[...mp.values()]")) == expected
    assert js(source.replace("...Array.from(mp.values())", "...mp.values()")) == expected


def test_slice_from_the_end_by_a_constant_is_an_element():
    python = py("""
class Solution:
    def f(self, sentence: str) -> bool:
        w = sentence.split(" ")
        for i in range(len(w)):
            if w[i][0] != w[i - 1][-1]:
                return False
        return True
""")
    source = """
class Solution {
    f(sentence) {
        const w = sentence.split(' ');
        for (let i = 0; i < w.length; i++) {
            const prevEnd = w[(i - 1 + w.length) % w.length].slice(-1);
            if (w[i][0] !== prevEnd) return false;
        }
        return true;
    }
}
"""
    assert js(source) == python
    # near miss: slice(1) copies all but the first character
    assert "slice(" in js(source.replace(".slice(-1)", ".slice(1)"))


def test_list_concatenation_with_literals_is_a_new_list():
    python = py("""
class Solution:
    def f(self, nums: List[int]) -> int:
        nums = [1] + nums + [1]
        total = 0
        for i in range(1, len(nums) - 1):
            total += nums[i - 1] * nums[i + 1]
        return total
""")
    source = """
class Solution {
    f(nums) {
        const arr = [1, ...nums, 1];
        let total = 0;
        for (let i = 1; i < arr.length - 1; i++) total += arr[i - 1] * arr[i + 1];
        return total;
    }
}
"""
    assert "v0 = list(p0)" in python
    java = extract_text("""
class Solution {
    public int f(int[] nums) {
        int n = nums.length;
        int[] arr = new int[n + 2];
        arr[0] = arr[n + 1] = 1;
        for (int i = 0; i < n; i++) arr[i + 1] = nums[i];
        int total = 0;
        for (int i = 1; i < arr.length - 1; i++) total += arr[i - 1] * arr[i + 1];
        return total;
    }
}
""", "java")
    assert java == python
    assert "v0 = list(p0)" in js(source) or "copy(p0)" in js(source)


def test_sum_of_numbers_is_no_list():
    # near miss: ``a + b`` of numbers (no list literal among the pieces) builds nothing
    text = py("class Solution:\n    def f(self, nums: List[int], a: int) -> int:\n        b = a + nums[0] + 1\n"
              "        for x in nums:\n            b += x\n        return b\n")
    assert "list(" not in text
    assert "[poured] + [0] * n" and "v0 = list(p1)" in py(
        "class Solution:\n    def f(self, poured: int, n: int) -> float:\n        dp = [poured] + [0] * n\n"
        "        for i in range(n):\n            dp[i + 1] += dp[i] / 2\n        return dp[n]\n")


def test_lookup_of_keys_walked_in_sorted_order_is_an_items_walk():
    python = py("""
class Solution:
    def f(self, intervals: List[List[int]]) -> int:
        mp = defaultdict(int)
        for s, e in intervals:
            mp[s] += 1
            mp[e] -= 1
        prev = res = 0
        for i in sorted(mp.keys()):
            prev += mp[i]
            res = max(res, prev)
        return res
""")
    source = """
class Solution {
    f(intervals) {
        const mp = new Map();
        for (const [s, e] of intervals) {
            mp.set(s, (mp.get(s) || 0) + 1);
            mp.set(e, (mp.get(e) || 0) - 1);
        }
        const keys = Array.from(mp.keys()).sort((a, b) => a - b);
        let prev = 0, res = 0;
        for (const key of keys) {
            prev += mp.get(key);
            res = Math.max(res, prev);
        }
        return res;
    }
}
"""
    assert js(source) == python
    # near miss: a lookup in another map of the walked keys is a lookup
    other = source.replace("prev += mp.get(key);", "prev += other.get(key);").replace(
        "const mp = new Map();", "const mp = new Map();\n        const other = new Map();")
    assert "    map.get(v1)\n" in js(other)


def test_power_of_ten_bound_is_constant():
    python = py("class MyHashSet:\n    def __init__(self):\n        self.set = [ListNode(0) for _ in range(10**4)]\n")
    source = ("class MyHashSet {\n    constructor() {\n        this.set = [];\n"
              "        for (let i = 0; i < 10000; i++) this.set.push(new ListNode(0));\n    }\n}\n")
    assert js(source) == python
    assert "for const {" in python
