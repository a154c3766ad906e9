"""Helpers written in one language and inline in another (issue 3, cross-language agreement).

A non-recursive helper is inlined at its call sites (``skeldsl.normalise.inline``): its cost stays where
the call stood (a loop in the helper stays nested in the caller's loop), its parameters become the
caller's arguments, its ``return`` an early exit of its own loops.  A helper that recurses along a chain
(``steps(n / 2)``) is a loop of unknown length; Euclid's ``gcd`` is the library's, O(1) detail.
Recursive helpers (two self-calls, a DFS, union-find's ``find``) and memoised ones stay functions.
"""

from __future__ import annotations

from skeldsl import extract_text
from skeldsl.parser import parse_skeleton
from skeldsl.printer import print_skeleton
from skeldsl.render.canonical import canonicalise, is_canonical


def py(source: str) -> str:
    return extract_text(source, "python")


def java(source: str) -> str:
    return extract_text(source, "java")


def test_input_guard_of_a_helper_goes_as_in_a_function_of_its_own() -> None:
    guarded = py("def f(xs: List[str]):\n    for x in xs:\n        g(x)\n\n"
                 "def g(w: str):\n    if len(w) == 0:\n        return\n    for c in w:\n        print(c)\n")
    assert guarded == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    for p0[] {\n    }\n  }\n}\n"


def test_scan_helper_is_the_inline_loop() -> None:
    python = py("""
class Solution:
    def countElements(self, arr: List[int]) -> int:
        count = 0
        for x in arr:
            for y in arr:
                if y == x + 1:
                    count += 1
                    break
        return count
""")
    other = java("""
class Solution {
    public int countElements(int[] arr) {
        int count = 0;
        for (int x : arr) {
            if (contains(arr, x + 1)) count++;
        }
        return count;
    }
    private boolean contains(int[] arr, int target) {
        for (int y : arr) {
            if (y == target) return true;
        }
        return false;
    }
}
""")
    assert python == other == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    for p0 {\n    }\n  }\n}\n"


def test_python_bfs_helper_is_go_inline_bfs() -> None:
    python = py("""
from collections import deque
class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        seen = set()
        def bfs(r, c):
            q = deque([(r, c)])
            seen.add((r, c))
            while q:
                row, col = q.popleft()
                for dr, dc in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
                    nr, nc = row + dr, col + dc
                    if (nr, nc) not in seen and grid[nr][nc] == "1":
                        q.append((nr, nc))
                        seen.add((nr, nc))
        count = 0
        for r in range(len(grid)):
            for c in range(len(grid[0])):
                if grid[r][c] == "1" and (r, c) not in seen:
                    bfs(r, c)
                    count += 1
        return count
""")
    go = extract_text("""
func numIslands(grid [][]byte) int {
    seen := map[[2]int]bool{}
    count := 0
    for r := 0; r < len(grid); r++ {
        for c := 0; c < len(grid[0]); c++ {
            if grid[r][c] == '1' && !seen[[2]int{r, c}] {
                q := [][2]int{{r, c}}
                seen[[2]int{r, c}] = true
                for len(q) > 0 {
                    cur := q[0]
                    q = q[1:]
                    for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
                        nr, nc := cur[0]+d[0], cur[1]+d[1]
                        if !seen[[2]int{nr, nc}] && grid[nr][nc] == '1' {
                            q = append(q, [2]int{nr, nc})
                            seen[[2]int{nr, nc}] = true
                        }
                    }
                }
                count++
            }
        }
    }
    return count
}
""", "go")
    assert "fn f1" not in python
    assert "    for p0[] {\n      if set.has(v0) {\n        v1 = queue()" in python
    assert python == go


def test_recursive_find_stays_a_function_for_the_cost_model() -> None:
    python = py("""
class Solution:
    def findCircleNum(self, isConnected: List[List[int]]) -> int:
        n = len(isConnected)
        par = list(range(n))
        def find(x):
            if par[x] != x:
                par[x] = find(par[x])
            return par[x]
        res = n
        for i in range(n):
            for j in range(i + 1, n):
                if isConnected[i][j]:
                    a, b = find(i), find(j)
                    if a != b:
                        par[a] = b
                        res -= 1
        return res
""")
    other = java("""
class Solution {
    private int[] par;
    public int findCircleNum(int[][] isConnected) {
        int n = isConnected.length;
        par = new int[n];
        for (int i = 0; i < n; i++) par[i] = i;
        int res = n;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (isConnected[i][j] == 1) {
                    int a = find(i), b = find(j);
                    if (a != b) {
                        par[a] = b;
                        res--;
                    }
                }
            }
        }
        return res;
    }
    private int find(int x) {
        if (par[x] != x) par[x] = find(par[x]);
        return par[x];
    }
}
""")
    assert python == other
    assert "fn f1(p0: seq) {\n  if {\n    f1()\n  }\n}\n" in python  # (amortised O(α(n)): skeldsl.cost)


def test_euclid_is_the_library_gcd() -> None:
    python = py("import math\ndef f(nums: List[int]) -> int:\n    g = 0\n    for x in nums:\n"
                "        g = math.gcd(g, x)\n    return g\n")
    other = java("class S { int f(int[] nums) { int g = 0; for (int x : nums) g = gcd(g, x); return g; }\n"
                 "  int gcd(int a, int b) { if (b == 0) return a; return gcd(b, a % b); } }")
    assert python == other == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n  }\n}\n"


def test_chain_recursion_without_euclid_is_a_loop() -> None:
    text = java("class S { int f(int[] nums) { int s = 0; for (int x : nums) s += steps(x); return s; }\n"
                "  int steps(int n) { if (n <= 1) return 0; return 1 + steps(n - 3); } }")
    assert text == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    while {\n    }\n  }\n}\n"
    # a chain that halves its argument (``@split``, skeldsl/normalise/split.py) is a halving loop
    halving = java("class S { int f(int[] nums) { int s = 0; for (int x : nums) s += steps(x); return s; }\n"
                   "  int steps(int n) { if (n <= 1) return 0; return 1 + steps(n / 2); } }")
    assert halving == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    for log(_) {\n    }\n  }\n}\n"


def test_each_call_takes_its_own_arguments() -> None:
    text = py("def f(a: List[int], b: List[int]):\n    return g(a) + g(b)\n\n"
              "def g(xs):\n    t = 0\n    for x in xs:\n        t += x\n    return t\n")
    assert text == "skel 1\nfn f0(p0: seq, p1: seq) {\n  for p0 {\n  }\n  for p1 {\n  }\n}\n"


def test_helper_return_exits_its_own_loop_and_guards_its_rest() -> None:
    text = py("""
def f(grid: List[List[int]], words: List[str]):
    seen = set()
    for row in grid:
        check(row, seen)

def check(row, seen: Set[int]):
    seen.add(-1)
    if len(row) == 0:
        return
    for x in row:
        if x in seen:
            seen.add(x)
            return
    seen.add(0)
""")
    # the guard's ``return`` puts the rest under the test; the loop's ``return`` is a break
    assert text == ("skel 1\nfn f0(p0: seq, p1: seq) {\n  v0 = set()\n  for p0 {\n    set.add(v0)\n    if {\n      for p0[] {\n"
                    "        if set.has(v0) {\n          set.add(v0)\n          break\n        }\n      }\n"
                    "      set.add(v0)\n    }\n  }\n}\n")


# ------------------------------------------------------------------------------------- near misses


def test_helper_loop_stays_nested_in_the_callers_loop() -> None:
    inside = py("def f(xs: List[int]):\n    for x in xs:\n        g(xs)\n\n"
                "def g(ys):\n    for y in ys:\n        print(y)\n")
    outside = py("def f(xs: List[int]):\n    for x in xs:\n        pass\n    g(xs)\n\n"
                 "def g(ys):\n    for y in ys:\n        print(y)\n")
    assert inside == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    for p0 {\n    }\n  }\n}\n"
    assert outside == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n  }\n  for p0 {\n  }\n}\n"


def test_tree_recursion_stays_a_function() -> None:
    text = py("def f(n: int):\n    return fib(n)\n\n"
              "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n")
    assert "fn f1(" in text and text.count("  f1()") == 3  # the call, and two self-calls: exponential


def test_memoised_helper_stays_a_function() -> None:
    text = py("from functools import cache\ndef f(n: int):\n    return g(n)\n\n"
              "@cache\ndef g(n):\n    if n < 2:\n        return n\n    return g(n - 1) + 1\n")
    assert "@memo\nfn f1(" in text


def test_mutual_recursion_stays() -> None:
    text = py("def f(n: int):\n    return even(n)\n\ndef even(n):\n    if n == 0:\n        return True\n"
              "    return odd(n - 1)\n\ndef odd(n):\n    if n == 0:\n        return False\n    return even(n - 1)\n")
    assert text.count("fn ") == 3


# ------------------------------------------------------------------------------------ canonical form


def test_canonical_form_inlines_helpers_too() -> None:
    skeleton = parse_skeleton("skel 1\nfn f0(p0: seq) {\n  for p0 {\n    f1()\n  }\n}\n"
                              "fn f1() {\n  v0 = set()\n  for const {\n    set.add(v0)\n  }\n}\n")
    assert not is_canonical(skeleton)
    assert print_skeleton(canonicalise(skeleton)) == \
        "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    v0 = set()\n    for const {\n      set.add(v0)\n    }\n  }\n}\n"


def test_canonical_form_keeps_recursive_helpers() -> None:
    skeleton = parse_skeleton("skel 1\nfn f0(p0: seq) {\n  f1()\n}\nfn f1(p0: seq) {\n  if {\n    return\n  }\n"
                              "  for p0 {\n    f1()\n  }\n}\n")
    assert is_canonical(skeleton)


# ------------------------------------------------------------------------- classes and constructors


def test_helper_class_is_built_where_it_is_used() -> None:
    """``uf = UnionFind(n)`` calls its constructor as Go's ``NewUnionFind(n)`` does; both inline, and the
    fields only the caller then names are its locals."""
    python = py("""
class UnionFind:
    def __init__(self, n):
        self.par = list(range(n))
        self.rank = [1] * n
    def union(self, a, b):
        self.par[a] = b
        self.rank[b] += self.rank[a]

class Solution:
    def countComponents(self, n: int, edges: List[List[int]]) -> int:
        uf = UnionFind(n)
        for a, b in edges:
            uf.union(a, b)
        return n
""")
    go = extract_text("""
type UnionFind struct {
    par  []int
    rank []int
}

func NewUnionFind(n int) *UnionFind {
    uf := &UnionFind{par: make([]int, n), rank: make([]int, n)}
    return uf
}

func (uf *UnionFind) union(a, b int) {
    uf.par[a] = b
    uf.rank[b] += uf.rank[a]
}

func countComponents(n int, edges [][]int) int {
    uf := NewUnionFind(n)
    for _, e := range edges {
        uf.union(e[0], e[1])
    }
    return n
}
""", "go")
    assert python == "skel 1\nfn f0(p0: num, p1: seq) {\n  v0 = list(p0)\n  v1 = list(p0)\n  for p1 {\n  }\n}\n"
    assert go == python


def test_design_class_method_called_by_another_stays_an_operation() -> None:
    text = py("""
class MyHashSet:
    def __init__(self):
        self.data = []
    def add(self, key: int) -> None:
        if not self.contains(key):
            self.data.append(key)
    def remove(self, key: int) -> None:
        self.data = [x for x in self.data if x != key]
    def contains(self, key: int) -> bool:
        for x in self.data:
            if x == key:
                return True
        return False
""")
    # ``add`` holds the scan ``contains`` does (its ``return`` a break there); ``contains`` stays (f3)
    assert text == ("skel 1\nfn f0() {\n  s0 = list()\n}\nfn f1(p0: num) {\n  for s0 {\n  }\n  if {\n"
                    "    list.append(s0)\n  }\n}\nfn f2(p0: num) {\n  s0 = list()\n  for s0 {\n    if {\n"
                    "      list.append(s0)\n    }\n  }\n}\nfn f3(p0: num) {\n  for s0 {\n    if {\n      return\n"
                    "    }\n  }\n}\n")
