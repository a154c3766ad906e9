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
}
"""


def test_helper_parameters_follow_first_use_whatever_the_language():
    python = extract_text(PY_CLOSURE, "python")
    assert "fn f1(p0: seq, p1: num, p2: num) {" in python
    assert extract_text(JAVA_TRAILING, "java") == python
    assert extract_text(GO_LEADING, "go") == python


def test_entry_functions_keep_their_parameter_order():
    text = extract_text("def f(k: int, nums: List[int]):\n    for x in nums:\n        pass\n", "python")
    assert text.splitlines()[1] == "fn f0(p0: num, p1: seq) {"


def test_scalars_are_one_kind():
    java = extract_text("class S { int f(boolean b, int n) { return n; } }", "java")
    assert "fn f0(p0: num, p1: num)" in java


def test_untyped_parameters_that_are_not_collections_are_numbers():
    # ``n`` bounds a loop (range), ``flag`` is never used: both numbers; ``xs`` is indexed: a sequence
    text = extract_text("def f(n, flag, xs):\n    for i in range(n):\n        x = xs[i]\n", "python")
    assert text.splitlines()[1] == "fn f0(p0: num, p1: num, p2: seq) {"


def test_an_untyped_parameter_used_as_a_collection_keeps_its_evidence():
    text = extract_text("def f(xs):\n    for x in xs:\n        pass\n", "python")
    assert text.splitlines()[1] == "fn f0(p0: seq) {"


def test_canonicalise_orders_helper_parameters_like_extraction():
    skeleton = parse_skeleton("skel 1\nfn f0(p0: seq) {\n  f1()\n}\n"
                              "fn f1(p0: bool, p1: num, p2: seq) {\n  for p2 {\n  }\n  f1()\n}\n")
    assert print_skeleton(canonicalise(skeleton)) == (
        "skel 1\nfn f0(p0: seq) {\n  f1()\n}\n"
        "fn f1(p0: seq, p1: num, p2: num) {\n  for p0 {\n  }\n  f1()\n}\n")
    python = extract_text(PY_CLOSURE, "python")
    assert print_skeleton(canonicalise(parse_skeleton(python))) == python
