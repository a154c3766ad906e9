"""Conditional expressions and ``if`` statements give one skeleton (issue 3, cross-language agreement).

``x = a if c else b``, ``c ? a : b`` and Kotlin's / Rust's ``if`` expressions are ``if`` statements with
the assignment (or ``return``) in each branch; a test that only picks between O(1) values is no branch;
an ``if``/``else`` whose two branches do the same work is that work; the branch order of a final
``if c { A; return }; B`` is canonical (less work first); ``m.containsKey(k) ? m.get(k) : 0`` is one
lookup with a default.  Each case is one algorithm in Python and in another language's idiom; the
expected texts were reviewed by hand.  The negative cases must stay distinct: they differ in cost.
"""

from __future__ import annotations

import pytest

from skeldsl import extract_text

GCD = """\
skel 1
fn f0(p0: num, p1: num) {
  if {
    return
  }
  f0()
}
"""

# (the recursive search is not memoised: its bounds l, r are O(1) state, see canonical_params)
SEARCH = """\
skel 1
fn f0(p0: seq, p1: num) {
  f1()
}
@split
fn f1(p0: seq) {
  if {
    return
  }
  if {
    f1()
    return
  }
  f1()
}
"""

COUNT = """\
skel 1
fn f0(p0: str) {
  v0 = map()
  for p0 {
    map.get(v0)
    map.put(v0)
    if map.get(v0) {
      return
    }
  }
}
"""

PREFIX_MAX = """\
skel 1
fn f0(p0: seq, p1: num) {
  v0 = list(p0)
  v1 = list(p0)
}
"""

CASES = {
    "python conditional expression returning a recursive call": ("python", """
def gcd(a, b):
    return gcd(b, a % b) if b else a
""", GCD),
    "python if statement, base case first": ("python", """
def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)
""", GCD),
    "python if statement, recursive case first": ("python", """
def gcd(a, b):
    if b:
        return gcd(b, a % b)
    return a
""", GCD),
    "java ternary with the other polarity": ("java", """
class Solution {
    int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }
}
""", GCD),
    "go has no conditional expression": ("go", """
func gcd(a, b int) int {
    if b != 0 {
        return gcd(b, a%b)
    }
    return a
}
""", GCD),
    "kotlin if expression": ("kotlin", """
class Solution {
    fun gcd(a: Int, b: Int): Int = if (b == 0) a else gcd(b, a % b)
}
""", GCD),
    "rust tail if expression": ("rust", """
impl Solution {
    fn gcd(a: i32, b: i32) -> i32 {
        if b == 0 { a } else { Self::gcd(b, a % b) }
    }
}
""", GCD),
    "python recursive binary search with if statements": ("python", """
class Solution:
    def search(self, nums, target):
        return self.bs(nums, target, 0, len(nums) - 1)

    def bs(self, nums: List[int], target: int, l: int, r: int):
        if l > r:
            return -1
        m = (l + r) // 2
        if nums[m] == target:
            return m
        if nums[m] < target:
            return self.bs(nums, target, m + 1, r)
        return self.bs(nums, target, l, m - 1)
""", SEARCH),
    "kotlin return of an if-else-if expression": ("kotlin", """
class Solution {
    fun search(nums: IntArray, target: Int): Int {
        return bs(nums, target, 0, nums.size - 1)
    }

    fun bs(nums: IntArray, target: Int, l: Int, r: Int): Int {
        if (l > r) return -1
        val m = (l + r) / 2
        return if (nums[m] == target) m
        else if (nums[m] < target) bs(nums, target, m + 1, r)
        else bs(nums, target, l, m - 1)
    }
}
""", SEARCH),
    "python counting with get and a default": ("python", """
def f(s: str):
    count = {}
    for c in s:
        count[c] = count.get(c, 0) + 1
        if count[c] > 2:
            return False
    return True
""", COUNT),
    "csharp counting with a checked-lookup ternary": ("csharp", """
public class Solution {
    public bool F(string s) {
        var count = new Dictionary<char, int>();
        foreach (char c in s) {
            count[c] = count.ContainsKey(c) ? count[c] + 1 : 1;
            if (count[c] > 2) return false;
        }
        return true;
    }
}
""", COUNT),
    "csharp counting with a checked-lookup if/else": ("csharp", """
public class Solution {
    public bool F(string s) {
        var count = new Dictionary<char, int>();
        foreach (char c in s) {
            if (count.ContainsKey(c)) {
                count[c]++;
            } else {
                count[c] = 1;
            }
            if (count[c] > 2) return false;
        }
        return true;
    }
}
""", COUNT),
    "python block maxima with if statements": ("python", """
def f(nums, k):
    n = len(nums)
    left = [0] * n
    right = [0] * n
    left[0] = nums[0]
    for i in range(1, n):
        if i % k == 0:
            left[i] = nums[i]
        else:
            left[i] = max(left[i - 1], nums[i])
    for i in range(n - 2, -1, -1):
        right[i] = nums[i] if (i + 1) % k == 0 else max(right[i + 1], nums[i])
    return left, right
""", PREFIX_MAX),
    "rust block maxima with if expressions": ("rust", """
impl Solution {
    pub fn f(nums: Vec<i32>, k: usize) -> (Vec<i32>, Vec<i32>) {
        let n = nums.len();
        let mut left = vec![0; n];
        let mut right = vec![0; n];
        left[0] = nums[0];
        for i in 1..n {
            left[i] = if i % k == 0 { nums[i] } else { left[i - 1].max(nums[i]) };
        }
        for i in (0..n - 1).rev() {
            if (i + 1) % k == 0 {
                right[i] = nums[i];
            } else {
                right[i] = right[i + 1].max(nums[i]);
            }
        }
        (left, right)
    }
}
""", PREFIX_MAX),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_conditional_idioms_agree(name: str) -> None:
    language, source, expected = CASES[name]
    assert extract_text(source, language) == expected


def test_same_work_in_both_branches_is_that_work() -> None:
    branches = extract_text("""
def f(xs, c, m, k):
    if c:
        m[k] = sorted(xs)
    else:
        m[k] = sorted(xs)
""", "python")
    plain = extract_text("""
def f(xs, c, m, k):
    m[k] = sorted(xs)
""", "python")
    assert branches == plain


# Pairs that differ in cost (or in the work a branch guards) and must keep different skeletons.
DISTINCT = {
    "two recursive calls are not one": ("""
def fib(n):
    return fib(n - 1) + fib(n - 2) if n > 1 else n
""", """
def fib(n):
    return fib(n - 1) if n > 1 else n
"""),
    "a linear count in one branch is work": ("""
def f(s: str, c: str):
    x = s.count(c) if c else 0
    return x
""", """
def f(s: str, c: str):
    x = 1 if c else 0
    return x
"""),
    "a guarded sort is not an unconditional one": ("""
def f(xs, c):
    ys = sorted(xs) if c else xs
    return ys
""", """
def f(xs, c):
    ys = sorted(xs)
    return ys
"""),
    "a lookup guarded without a default branch stays guarded": ("""
def f(xs, m):
    res = 0
    for x in xs:
        if x in m:
            res = max(res, m[x])
    return res
""", """
def f(xs, m):
    res = 0
    for x in xs:
        res = max(res, m.get(x, 0))
    return res
"""),
}


@pytest.mark.parametrize("name", sorted(DISTINCT))
def test_cost_differences_stay_distinct(name: str) -> None:
    first, second = DISTINCT[name]
    assert extract_text(first, "python") != extract_text(second, "python")


def test_memo_store_of_a_conditional_expression_is_an_if() -> None:
    """``dp[i][j] = if (..) dfs(..) + 2 else maxOf(dfs(..), dfs(..))`` in a memo table is Python's
    ``@cache`` function assigning the result in each branch (it was one flat expression before)."""
    python = extract_text("""
class Solution:
    def longestPalindromeSubseq(self, s: str) -> int:
        @cache
        def dfs(i, j):
            if i > j:
                return 0
            if i == j:
                return 1
            if s[i] == s[j]:
                res = dfs(i + 1, j - 1) + 2
            else:
                res = max(dfs(i + 1, j), dfs(i, j - 1))
            return res
        return dfs(0, len(s) - 1)
""", "python")
    kotlin = extract_text("""
class Solution {
    private lateinit var dp: Array<IntArray>

    fun longestPalindromeSubseq(s: String): Int {
        val n = s.length
        dp = Array(n) { IntArray(n) { -1 } }
        return dfs(0, n - 1, s)
    }

    private fun dfs(i: Int, j: Int, s: String): Int {
        if (i > j) return 0
        if (i == j) return 1
        if (dp[i][j] != -1) return dp[i][j]
        dp[i][j] = if (s[i] == s[j]) {
            dfs(i + 1, j - 1, s) + 2
        } else {
            maxOf(dfs(i + 1, j, s), dfs(i, j - 1, s))
        }
        return dp[i][j]
    }
}
""", "kotlin")
    assert python == kotlin
    assert "  if {\n    f1()\n  } else {\n    f1()\n    f1()\n  }\n" in python
