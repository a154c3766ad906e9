"""Kotlin idioms that translate Python one-for-one must give Python's skeleton, and near misses must not:
the cross-language agreement cases of issue 3 for ``extractors/kotlin.py``."""

from __future__ import annotations

from skeldsl import extract_text


def py(source: str) -> str:
    return extract_text(source, "python")


def kt(source: str) -> str:
    return extract_text(source, "kotlin")


def test_lateinit_field_set_from_the_parameter_is_the_parameter():
    python = py("""
class Solution:
    def f(self, nums: List[int], k: int) -> int:
        def dfs(i):
            res = 0
            for j in range(i + 1, len(nums)):
                if j - i > k:
                    break
                res = max(res, nums[i] + dfs(j))
            return res
        ans = 0
        for i in range(len(nums)):
            ans = max(ans, dfs(i))
        return ans
""")
    source = """
class Solution {
    private lateinit var nums: IntArray
    private var k: Int = 0
    fun f(nums: IntArray, k: Int): Int {
        this.nums = nums
        this.k = k
        var ans = 0
        for (i in nums.indices) {
            ans = maxOf(ans, dfs(i))
        }
        return ans
    }
    private fun dfs(i: Int): Int {
        var res = 0
        for (j in i + 1 until nums.size) {
            if (j - i > k) break
            res = maxOf(res, nums[i] + dfs(j))
        }
        return res
    }
}
"""
    assert kt(source) == python


def test_put_if_absent_and_sorted_join_are_a_default_dict_of_sorted_keys():
    python = py("""
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        res = defaultdict(list)
        for s in strs:
            res[''.join(sorted(s))].append(s)
        return list(res.values())
""")
    source = """
class Solution {
    fun groupAnagrams(strs: Array<String>): List<List<String>> {
        val res = HashMap<String, MutableList<String>>()
        for (s in strs) {
            val key = s.toCharArray().sorted().joinToString("")
            res.putIfAbsent(key, mutableListOf())
            res[key]!!.add(s)
        }
        return res.values.toList()
    }
}
"""
    assert kt(source) == python
    # near miss: joining the words themselves (not a sorted view of one) is a join of its own
    assert "str.join" in kt(source.replace('s.toCharArray().sorted().joinToString("")', 'strs.joinToString("")'))


def test_element_reverse_and_string_reversed():
    python = py("""
class Solution:
    def f(self, s: str, res: List[List[int]]) -> bool:
        for i, level in enumerate(res):
            if i & 1:
                level.reverse()
        return s == s[::-1]
""")
    source = """
class Solution {
    fun f(s: String, res: List<MutableList<Int>>): Boolean {
        for (i in res.indices) {
            if (i % 2 == 1) res[i].reverse()
        }
        return s == s.reversed()
    }
}
"""
    assert kt(source) == python
    assert "reverse(p1[])" in python


def test_min_of_bounds_a_constant_window():
    python = py("""
class Solution:
    def f(self, stones: List[int]) -> int:
        n = len(stones)
        dp = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            total = 0
            for j in range(i, min(i + 3, n)):
                total += stones[j]
                dp[i] = max(dp[i], total - dp[j + 1])
        return dp[0]
""")
    source = """
class Solution {
    fun f(stones: IntArray): Int {
        val n = stones.size
        val dp = IntArray(n + 1)
        for (i in n - 1 downTo 0) {
            var total = 0
            for (j in i until minOf(i + 3, n)) {
                total += stones[j]
                dp[i] = maxOf(dp[i], total - dp[j + 1])
            }
        }
        return dp[0]
    }
}
"""
    assert kt(source) == python
    assert "for const {" in python
    # near miss: a window up to another bound is a pass over the input
    assert "for const {" not in kt(source.replace("minOf(i + 3, n)", "minOf(i + k, n)").replace(
        "fun f(stones: IntArray)", "fun f(stones: IntArray, k: Int)"))


def test_sorted_array_clone_and_array_of_nulls():
    python = py("""
class Solution:
    def f(self, heights: List[int], people: List[List[int]]) -> int:
        expected = sorted(heights)
        row = heights[:]
        res = [None] * len(people)
        for i in range(len(heights)):
            if heights[i] != expected[i]:
                res[i] = row
        return len(res)
""")
    source = """
class Solution {
    fun f(heights: IntArray, people: Array<IntArray>): Int {
        val expected = heights.sortedArray()
        val row = heights.clone()
        val res = arrayOfNulls<IntArray>(people.size)
        for (i in heights.indices) {
            if (heights[i] != expected[i]) res[i] = row
        }
        return res.size
    }
}
"""
    assert kt(source) == python
    assert "sort(p0)" in python and "v0 = list(p0)" in python and "list(p1)" in python


def test_split_of_a_trimmed_string():
    python = py("class Solution:\n    def f(self, s: str) -> int:\n        return len(s.strip().split(' ')[-1])\n")
    source = ('class Solution {\n    fun f(s: String): Int {\n        return s.trim().split(" ").last().length\n'
              '    }\n}\n')
    assert kt(source) == python
    assert "str.split" in python


def test_destructured_element_bounds_a_loop_like_an_unpacking_loop():
    python = py("""
class Solution:
    def f(self, words: List[str], queries: List[List[int]]) -> List[int]:
        res = []
        for start, end in queries:
            cnt = 0
            for i in range(start, end + 1):
                if words[i][0] == 'a':
                    cnt += 1
            res.append(cnt)
        return res
""")
    source = """
class Solution {
    fun f(words: Array<String>, queries: Array<IntArray>): List<Int> {
        val res = mutableListOf<Int>()
        for (k in queries.indices) {
            val (start, end) = queries[k]
            var cnt = 0
            for (i in start..end) {
                if (words[i][0] == 'a') cnt++
            }
            res.add(cnt)
        }
        return res
    }
}
"""
    assert kt(source) == python
    assert "for p1[] {" in python


def test_map_over_a_range_is_a_counting_loop_and_to_set_a_set():
    python = py("""
class Solution:
    def f(self, quality: List[int], nums: List[int]) -> int:
        pairs = [q * 2 for q in quality]
        seen = set(nums)
        return len(pairs) + len(seen)
""")
    source = """
class Solution {
    fun f(quality: IntArray, nums: IntArray): Int {
        val pairs = (0 until quality.size).map { quality[it] * 2 }
        val seen = nums.toSet()
        return pairs.size + seen.size
    }
}
"""
    text = kt(source)
    assert "for p0 {" in text and "set(p1)" in text
    assert "set(p1)" in python


def test_inclusive_capped_window_is_constant():
    python = py("class Solution:\n    def f(self, n: int) -> int:\n        dp = list(range(n + 1))\n"
                "        for i in range(n - 2):\n            for j in range(i + 3, min(n, i + 6) + 1):\n"
                "                dp[j] = max(dp[j], (j - i - 1) * dp[i])\n        return dp[n]\n")
    source = ("class Solution {\n    fun f(n: Int): Int {\n        val dp = IntArray(n + 1) { it }\n"
              "        for (i in 0..n - 3) {\n            for (j in i + 3..minOf(n, i + 6)) {\n"
              "                dp[j] = maxOf(dp[j], (j - i - 1) * dp[i])\n            }\n        }\n"
              "        return dp[n]\n    }\n}\n")
    assert kt(source) == python
    assert "for const {" in python


def test_when_is_an_elif_chain():
    python = py("""
class Solution:
    def f(self, s: str) -> int:
        st = []
        for c in s:
            if c == '(':
                st.append(1)
            elif c == ')':
                if st:
                    st.pop()
            else:
                return 0
        return len(st)
""")
    source = """
class Solution {
    fun f(s: String): Int {
        val st = ArrayList<Int>()
        for (c in s) {
            when (c) {
                '(' -> st.add(1)
                ')' -> { if (st.isNotEmpty()) st.removeAt(st.size - 1) }
                else -> return 0
            }
        }
        return st.size
    }
}
"""
    assert kt(source) == python
    # near miss: two independent ifs (both may run) are no chain
    separate = kt(source.replace("')' ->", "else -> {}\n            }\n            when (c) {\n                ')' ->"))
    assert separate != python


def test_conversion_of_a_fresh_slice_is_no_second_copy():
    python = py("""
class Solution:
    def f(self, nums: List[int]) -> int:
        best = 0
        for i in range(1, len(nums) - 1):
            best = max(best, self.f(nums[:i] + nums[i + 1:]))
        return best
""")
    source = """
class Solution {
    fun f(nums: IntArray): Int {
        var best = 0
        for (i in 1 until nums.size - 1) {
            best = maxOf(best, f(nums.take(i).toIntArray() + nums.drop(i + 1).toIntArray()))
        }
        return best
    }
}
"""
    assert kt(source) == python
    # near miss: converting the input itself is a copy of it
    assert "copy(p0)" in kt(source.replace("nums.take(i).toIntArray()", "nums.toList().toIntArray()"))
