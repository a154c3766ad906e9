"""Explicit memo tables are ``@memo`` in every language (``skeldsl.normalise.memo``).

Each case is a real idiom of one language; the expected skeleton is the Python ``@cache`` version's, so a
dict memo, an array filled with -1 and a decorator agree, while things that only look alike (a visited
set, a cache that is not consulted by a recursive function, a table rebuilt on every call) stay as written.
"""

from __future__ import annotations

import pytest

from skeldsl import extract_text

CACHED = """\
from functools import cache
class Solution:
    def uniquePaths(self, m: int, n: int) -> int:
        @cache
        def dfs(r, c):
            if r == m or c == n:
                return 0
            if r == m - 1 and c == n - 1:
                return 1
            return dfs(r + 1, c) + dfs(r, c + 1)
        return dfs(0, 0)
"""

SAME_AS_CACHED = {
    "python dict memo": ("python", """\
class Solution:
    def uniquePaths(self, m: int, n: int) -> int:
        memo = {}
        def dfs(r, c):
            if r == m or c == n:
                return 0
            if r == m - 1 and c == n - 1:
                return 1
            if (r, c) in memo:
                return memo[(r, c)]
            memo[(r, c)] = dfs(r + 1, c) + dfs(r, c + 1)
            return memo[(r, c)]
        return dfs(0, 0)
"""),
    "python list memo": ("python", """\
class Solution:
    def uniquePaths(self, m: int, n: int) -> int:
        memo = [[-1] * n for _ in range(m)]
        def dfs(r, c):
            if r == m or c == n:
                return 0
            if r == m - 1 and c == n - 1:
                return 1
            if memo[r][c] != -1:
                return memo[r][c]
            memo[r][c] = dfs(r + 1, c) + dfs(r, c + 1)
            return memo[r][c]
        return dfs(0, 0)
"""),
    "java array field filled with -1": ("java", """\
class Solution {
    int[][] memo;
    int m, n;
    public int uniquePaths(int m, int n) {
        this.m = m;
        this.n = n;
        memo = new int[m][n];
        for (int[] row : memo) Arrays.fill(row, -1);
        return dfs(0, 0);
    }
    private int dfs(int r, int c) {
        if (r == m || c == n) return 0;
        if (r == m - 1 && c == n - 1) return 1;
        if (memo[r][c] != -1) {
            return memo[r][c];
        }
        return memo[r][c] = dfs(r + 1, c) + dfs(r, c + 1);
    }
}
"""),
    "cpp vector memo passed by reference": ("cpp", """\
class Solution {
public:
    int M, N;
    int uniquePaths(int m, int n) {
        M = m;
        N = n;
        vector<vector<int>> memo(m, vector<int>(n, -1));
        return dfs(0, 0, memo);
    }
    int dfs(int r, int c, vector<vector<int>>& memo) {
        if (r == M || c == N) return 0;
        if (r == M - 1 && c == N - 1) return 1;
        if (memo[r][c] != -1) return memo[r][c];
        memo[r][c] = dfs(r + 1, c, memo) + dfs(r, c + 1, memo);
        return memo[r][c];
    }
};
"""),
    "go map memo in a closure": ("go", """\
func uniquePaths(m int, n int) int {
    memo := make(map[[2]int]int)
    var dfs func(r, c int) int
    dfs = func(r, c int) int {
        if r == m || c == n {
            return 0
        }
        if r == m-1 && c == n-1 {
            return 1
        }
        if v, ok := memo[[2]int{r, c}]; ok {
            return v
        }
        memo[[2]int{r, c}] = dfs(r+1, c) + dfs(r, c+1)
        return memo[[2]int{r, c}]
    }
    return dfs(0, 0)
}
"""),
    "javascript map memo": ("javascript", """\
class Solution {
    uniquePaths(m, n) {
        const memo = new Map();
        const dfs = (r, c) => {
            if (r === m || c === n) return 0;
            if (r === m - 1 && c === n - 1) return 1;
            const key = r + ',' + c;
            if (memo.has(key)) return memo.get(key);
            memo.set(key, dfs(r + 1, c) + dfs(r, c + 1));
            return memo.get(key);
        };
        return dfs(0, 0);
    }
}
"""),
}


def test_cached_reference_skeleton() -> None:
    """Reviewed once; other normaliser passes may reshape the base cases, the memo part must stay."""
    text = extract_text(CACHED, "python")
    assert "@memo\nfn f1(p0: num, p1: num) {" in text and "map" not in text
    assert text.count("f1()") == 3


@pytest.mark.parametrize("case", sorted(SAME_AS_CACHED))
def test_explicit_memo_tables_are_memo(case: str) -> None:
    lang, source = SAME_AS_CACHED[case]
    assert extract_text(source, lang) == extract_text(CACHED, "python")


def test_visited_set_is_not_a_memo() -> None:
    """``if x in seen: return`` returns nothing read from the set: a DFS, not a memo."""
    source = """\
def count(graph):
    seen = set()
    def dfs(node):
        if node in seen:
            return 0
        seen.add(node)
        for nb in graph[node]:
            dfs(nb)
        return 1
    return dfs(0)
"""
    text = extract_text(source, "python")
    assert "@memo" not in text and "set.has" in text


def test_non_recursive_cache_is_kept() -> None:
    """A lookup table consulted by a function that does not recurse (an LRU ``get``) stays a map."""
    source = """\
class Cache:
    def __init__(self):
        self.store = {}
    def get(self, key):
        if key in self.store:
            return self.store[key]
        self.store[key] = len(self.store)
        return self.store[key]
"""
    text = extract_text(source, "python")
    assert "@memo" not in text and "map.has" in text


def test_table_built_on_every_call_is_not_a_memo() -> None:
    source = """\
def f(n):
    table = {}
    if n in table:
        return table[n]
    table[n] = f(n - 1) if n else 0
    return table[n]
"""
    assert "@memo" not in extract_text(source, "python")


def test_table_read_after_the_recursion_stays() -> None:
    """The caller reads the filled table afterwards: the function is memoised, the table still built."""
    source = """\
def f(nums):
    memo = {}
    def dfs(i):
        if i in memo:
            return memo[i]
        memo[i] = dfs(i + 1) if i < len(nums) else 0
        return memo[i]
    dfs(0)
    return [memo[k] for k in memo]
"""
    text = extract_text(source, "python")
    assert "@memo" in text and "v0 = map()" in text


def test_memo_check_combined_with_a_base_case() -> None:
    """``if (i >= n || memo[i] != -1)`` keeps the base case, drops the lookup."""
    source = """\
class Solution {
    public int f(int[] nums) {
        int[] memo = new int[nums.length + 1];
        Arrays.fill(memo, -1);
        return dfs(nums, 0, memo);
    }
    int dfs(int[] nums, int i, int[] memo) {
        if (i >= nums.length || memo[i] != -1) return i >= nums.length ? 0 : memo[i];
        memo[i] = Math.max(dfs(nums, i + 1, memo), nums[i] + dfs(nums, i + 2, memo));
        return memo[i];
    }
}
"""
    text = extract_text(source, "java")
    assert "@memo\nfn f1(p0: seq, p1: num) {" in text and "list" not in text
    assert "return" in text.split("@memo")[1]  # the base case stays
