"""A table's construction absorbs the loops that only initialise it (``skeldsl.normalise.tables``), and a
multi-dimensional table is one sized construction in every language."""

from __future__ import annotations

import pytest

from skeldsl import extract_text

PYTHON = """\
class Solution:
    def findRotateSteps(self, ring: str, key: str) -> int:
        n, m = len(ring), len(key)
        dp = [[float("inf")] * n for _ in range(m + 1)]
        for k in range(m - 1, -1, -1):
            for r in range(n):
                for i in range(n):
                    if ring[i] == key[k]:
                        dp[k][r] = min(dp[k][r], 1 + dp[k + 1][i])
        return dp[0][0]
"""

EXPECTED = """\
skel 1
fn f0(p0: str, p1: str) {
  v0 = list(p1)
  for p1 {
    for p0 {
      for p0 {
      }
    }
  }
}
"""

SAME = {
    "python boundary loop": ("python", PYTHON.replace(
        "        for k in", "        for i in range(n):\n            dp[m][i] = 0\n        for k in")),
    "java nested fill loops and a boundary loop": ("java", """\
class Solution {
    public int findRotateSteps(String ring, String key) {
        int n = ring.length(), m = key.length();
        int[][] dp = new int[m + 1][n];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j < n; j++) {
                dp[i][j] = Integer.MAX_VALUE;
            }
        }
        for (int i = 0; i < n; i++) dp[m][i] = 0;
        for (int k = m - 1; k >= 0; k--) {
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < n; i++) {
                    if (ring.charAt(i) == key.charAt(k)) {
                        dp[k][r] = Math.min(dp[k][r], 1 + dp[k + 1][i]);
                    }
                }
            }
        }
        return dp[0][0];
    }
}
"""),
    "java Arrays.fill over the rows": ("java", """\
class Solution {
    public int findRotateSteps(String ring, String key) {
        int n = ring.length(), m = key.length();
        int[][] dp = new int[m + 1][n];
        for (int[] row : dp) Arrays.fill(row, Integer.MAX_VALUE);
        for (int k = m - 1; k >= 0; k--) {
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < n; i++) {
                    if (ring.charAt(i) == key.charAt(k)) {
                        dp[k][r] = Math.min(dp[k][r], 1 + dp[k + 1][i]);
                    }
                }
            }
        }
        return dp[0][0];
    }
}
"""),
}


def test_python_reference() -> None:
    assert extract_text(PYTHON, "python") == EXPECTED


@pytest.mark.parametrize("case", sorted(SAME))
def test_fill_loops_are_part_of_the_construction(case: str) -> None:
    lang, source = SAME[case]
    assert extract_text(source, lang) == EXPECTED


def test_three_dimensional_tables_are_one_construction() -> None:
    python = """\
def f(strs, m, n):
    dp = [[[0] * (n + 1) for _ in range(m + 1)] for _ in range(len(strs) + 1)]
    for i in range(len(strs)):
        for j in range(m):
            for k in range(n):
                dp[i][j][k] = dp[i - 1][j][k] + 1
    return dp[0][0][0]
"""
    java = """\
class Solution {
    public int f(String[] strs, int m, int n) {
        int[][][] dp = new int[strs.length + 1][m + 1][n + 1];
        for (int[][] plane : dp) for (int[] row : plane) Arrays.fill(row, -1);
        for (int i = 0; i < strs.length; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < n; k++)
                    dp[i][j][k] = dp[i - 1][j][k] + 1;
        return dp[0][0][0];
    }
}
"""
    text = extract_text(python, "python")
    assert text == extract_text(java, "java")
    assert text.count("for ") == 3 and "v0 = list(p0)" in text


@pytest.mark.parametrize("body", [
    # a copy reads another collection: work of its own
    "dp[i][j] = nums[j]",
    # a loop that also calls something
    "dp[i][j] = 0\n            print(i)",
    # the same cell written n * n times: j does not index it
    "dp[i][0] = 0",
])
def test_loops_that_do_more_than_initialise_stay(body: str) -> None:
    source = ("def f(nums, n):\n    dp = [[0] * n for _ in range(n)]\n    x = 1\n"
              f"    for i in range(n):\n        for j in range(n):\n            {body}\n    return dp\n")
    assert "for p1 {\n    for p1 {" in extract_text(source, "python")
