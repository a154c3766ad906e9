"""Function signatures are canonical across languages (``skeldsl.normalise.canonical_params``).

A helper's parameter order is its author's choice (Python closures capture the grid, Java passes
``dfs(i, j, grid)``, Go ``dfs(grid, i, j)``); scalars are one kind; and ``skeldsl.render.canonical``
rewrites skeletons the same way, so canonical skeletons stay fixed points of extraction."""

from __future__ import annotations

from skeldsl import extract_text
from skeldsl.parser import parse_skeleton
from skeldsl.printer import print_skeleton
from skeldsl.render.canonical import canonicalise

PY_CLOSURE = """
class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        def dfs(i, j):
            if grid[i][j] == "0":
                return
            grid[i][j] = "0"
            for k in range(len(grid)):
                pass
            dfs(i + 1, j)
            dfs(i, j + 1)
        count = 0
        for r in range(len(grid)):
            for c in range(len(grid[0])):
                if grid[r][c] == "1":
                    dfs(r, c)
                    count += 1
        return count
"""

JAVA_TRAILING = """
class Solution {
    public int numIslands(char[][] grid) {
        int count = 0;
        for (int r = 0; r < grid.length; r++)
            for (int c = 0; c < grid[0].length; c++)
                if (grid[r][c] == '1') { dfs(r, c, grid); count++; }
        return count;
    }
    void dfs(int i, int j, char[][] grid) {
        if (grid[i][j] == '0') return;
        grid[i][j] = '0';
        for (int k = 0; k < grid.length; k++) {}
        dfs(i + 1, j, grid);
        dfs(i, j + 1, grid);
    }
}
"""

GO_LEADING = """
package main
func numIslands(grid [][]byte) int {
    count := 0
    for r := 0; r < len(grid); r++ {
        for c := 0; c < len(grid[0]); c++ {
            if grid[r][c] == '1' { dfs(grid, r, c); count++ }
        }
    }
    return count
}
func dfs(grid [][]byte, i int, j int) {
    if grid[i][j] == '0' { return }
    grid[i][j] = '0'
    for k := 0; k < len(grid); k++ {}
    dfs(grid, i+1, j)
    dfs(grid, i, j+1)
}
"""


def test_helper_parameters_follow_first_use_whatever_the_language():
    python = extract_text(PY_CLOSURE, "python")
    # (i and j are O(1) state of a helper that is not memoised: dropped, as a closure's captured n would be)
    assert "fn f1(p0: seq) {" in python
    assert extract_text(JAVA_TRAILING, "java") == python
    assert extract_text(GO_LEADING, "go") == python


def test_entry_functions_keep_their_parameter_order():
    text = extract_text("def f(k: int, nums: List[int]):\n    for x in nums:\n        pass\n", "python")
    assert text.splitlines()[1] == "fn f0(p0: num, p1: seq) {"


def test_flags_stay_flags():
    # a bool is a two-valued dimension of a memo function's states (the cost model counts num ones)
    java = extract_text("class S { int f(boolean b, int n) { return n; } }", "java")
    assert "fn f0(p0: bool, p1: num)" in java


def test_untyped_parameters_that_are_not_collections_are_numbers():
    # ``n`` bounds a loop (range), ``flag`` is never used: both numbers; ``xs`` is indexed: a sequence
    text = extract_text("def f(n, flag, xs):\n    for i in range(n):\n        x = xs[i]\n", "python")
    assert text.splitlines()[1] == "fn f0(p0: num, p1: num, p2: seq) {"


def test_an_untyped_parameter_used_as_a_collection_keeps_its_evidence():
    text = extract_text("def f(xs):\n    for x in xs:\n        pass\n", "python")
    assert text.splitlines()[1] == "fn f0(p0: seq) {"


def test_canonicalise_orders_helper_parameters_like_extraction():
    skeleton = parse_skeleton("skel 1\nfn f0(p0: seq) {\n  f1()\n}\n"
                              "fn f1(p0: any, p1: num, p2: seq) {\n  for p2 {\n  }\n  f1()\n}\n")
    assert print_skeleton(canonicalise(skeleton)) == (
        "skel 1\nfn f0(p0: seq) {\n  f1()\n}\n"
        "fn f1(p0: seq) {\n  for p0 {\n  }\n  f1()\n}\n")
    python = extract_text(PY_CLOSURE, "python")
    assert print_skeleton(canonicalise(parse_skeleton(python))) == python


PY_MEMO_CLOSURE = """
class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        m, n = len(word1), len(word2)
        dp = {}
        def dfs(i, j):
            if i == m or j == n:
                return 0
            if (i, j) in dp:
                return dp[(i, j)]
            if word1[i] == word2[j]:
                dp[(i, j)] = dfs(i + 1, j + 1)
            else:
                dp[(i, j)] = 1 + min(dfs(i + 1, j), dfs(i, j + 1))
            return dp[(i, j)]
        return dfs(0, 0)
"""

JAVA_PASSED_ON = """
class Solution {
    public int minDistance(String word1, String word2) {
        int m = word1.length(), n = word2.length();
        Map<Integer, Integer> dp = new HashMap<>();
        return dfs(0, 0, word1, word2, m, n, dp);
    }
    private int dfs(int i, int j, String word1, String word2, int m, int n, Map<Integer, Integer> dp) {
        if (i == m || j == n) return 0;
        if (dp.containsKey(i * n + j)) return dp.get(i * n + j);
        int res;
        if (word1.charAt(i) == word2.charAt(j)) res = dfs(i + 1, j + 1, word1, word2, m, n, dp);
        else res = 1 + Math.min(dfs(i + 1, j, word1, word2, m, n, dp), dfs(i, j + 1, word1, word2, m, n, dp));
        dp.put(i * n + j, res);
        return res;
    }
}
"""


def test_state_a_helper_only_passes_on_is_captured_state():
    # m, n (numbers the skeleton never names) and the strings (read only by the Python closure's
    # captures) are passed on unchanged by every self-call: Java's explicit state, Python's closure
    python = extract_text(PY_MEMO_CLOSURE, "python")
    assert extract_text(JAVA_PASSED_ON, "java") == python
    assert "fn f1(p0: str, p1: str, p2: num, p3: num) {" in python  # i, j, and the strings it reads


def test_a_parameter_changed_before_it_is_passed_on_stays():
    # (memoised, so that its numbers are table dimensions and stay; see canonical_params)
    source = ("@cache\ndef add(a, b, carry):\n    if a is None:\n        return 0\n"
              "    carry, digit = divmod(carry + 1, 10)\n    return add(a.next, b.next, carry)\n"
              "def entry(a, b):\n    return add(a, b, 0)\n")
    assert "fn f1(p0: node, p1: node, p2: num)" in extract_text(source, "python")
