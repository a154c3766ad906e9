"""Cost rules for recognisable algorithm shapes, checked on skeletons extracted from small real programs.

Each rule (constant-width ranges, N-ary tree recursion, union-find ``find``) is shown in several languages
with the big-O it must give, next to a near miss that must keep the old reading.
"""

from __future__ import annotations

import pytest

import skeldsl
from skeldsl.cost import coarse_class, estimate, parse_label


def cost(source: str, lang: str) -> str:
    return str(estimate(skeldsl.extract(source, lang)).cost)


def klass(source: str, lang: str) -> str:
    program = estimate(skeldsl.extract(source, lang))
    assert program.cost is not None, program.reason
    return str(coarse_class(program.cost))


# --------------------------------------------------------------------------- constant-width ranges
NEIGHBOURHOOD = {
    "python": """
def smooth(img, m, n):
    for i in range(m):
        for j in range(n):
            for x in range(i - 1, i + 2):
                for y in range(j - 1, j + 2):
                    img.append(x + y)
""",
    "java": """
class S {
    void smooth(int[][] img, int m, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int x = i - 1; x <= i + 1; x++) {
                    for (int y = j - 1; y <= j + 1; y++) {
                        img[i][j] += x + y;
                    }
                }
            }
        }
    }
}
""",
    "cpp": """
void smooth(vector<vector<int>>& img, int m, int n) {
    for (int i = 0; i < m; ++i) {
        for (int j = 0; j < n; ++j) {
            for (int x = i - 1; x <= i + 1; ++x) {
                for (int y = j - 1; y <= j + 1; ++y) {
                    img[i][j] += x + y;
                }
            }
        }
    }
}
""",
}


@pytest.mark.parametrize("lang", sorted(NEIGHBOURHOOD))
def test_a_range_whose_bounds_differ_by_a_literal_is_constant(lang: str) -> None:
    assert klass(NEIGHBOURHOOD[lang], lang) == "n^2"
    assert "for const" in skeldsl.extract_text(NEIGHBOURHOOD[lang], lang)


def test_next_three_items_capped_by_min_are_constant() -> None:
    source = """
def best(stones):
    n = len(stones)
    for i in range(n):
        for j in range(i, min(i + 3, n)):
            stones.append(j)
"""
    assert klass(source, "python") == "n"


def test_a_range_from_the_index_to_a_size_stays_a_loop() -> None:
    # range(i, n) and range(i, i + k) grow with the input: no constant width.
    source = """
def pairs(xs, k):
    for i in range(len(xs)):
        for j in range(i, len(xs)):
            xs.append(j)
        for t in range(i, i + k):
            xs.append(t)
"""
    assert klass(source, "python") == "n^2"
    assert "for const" not in skeldsl.extract_text(source, "python")


def test_pairwise_over_a_literal_list_of_moves_is_constant() -> None:
    source = """
from itertools import pairwise
def walk(grid):
    dirs = [-1, 0, 1, 0, -1]
    out = []
    for row in grid:
        for a, b in pairwise(dirs):
            out.append(a + b)
    return out
"""
    assert klass(source, "python") == "n"


# ------------------------------------------------------------------------------ N-ary tree recursion
NARY = {
    "python": """
class Solution:
    def maxDepth(self, root: 'Node') -> int:
        if not root:
            return 0
        best = 0
        for child in root.children:
            best = max(best, self.maxDepth(child))
        return best + 1
""",
    "java": """
class Solution {
    public int maxDepth(Node root) {
        if (root == null) return 0;
        int best = 0;
        for (Node child : root.children) {
            best = Math.max(best, maxDepth(child));
        }
        return best + 1;
    }
}
""",
}


@pytest.mark.parametrize("lang", sorted(NARY))
def test_recursion_over_children_visits_each_node_once(lang: str) -> None:
    program = estimate(skeldsl.extract(NARY[lang], lang))
    assert str(coarse_class(program.cost)) == "n"
    assert any("children" in note for function in program.functions for note in function.notes)


# ------------------------------------------------------------------------------------- union-find
UNION_FIND = {
    "python": """
class Solution:
    def countComponents(self, n: int, edges: List[List[int]]) -> int:
        parent = list(range(n))
        def find(x):
            if parent[x] != x:
                parent[x] = find(parent[x])
            return parent[x]
        count = n
        for a, b in edges:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
                count -= 1
        return count
""",
    "java": """
class Solution {
    int[] p;
    public int countComponents(int n, int[][] edges) {
        p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        int count = n;
        for (int[] e : edges) {
            int a = find(e[0]), b = find(e[1]);
            if (a != b) { p[a] = b; count--; }
        }
        return count;
    }
    int find(int x) {
        if (p[x] != x) {
            p[x] = find(p[x]);
        }
        return p[x];
    }
}
""",
    "cpp": """
class Solution {
public:
    vector<int> p;
    int find(int x) {
        if (p[x] != x) p[x] = find(p[x]);
        return p[x];
    }
    int countComponents(int n, vector<vector<int>>& edges) {
        p.resize(n);
        for (int i = 0; i < n; ++i) p[i] = i;
        int count = n;
        for (auto& e : edges) {
            int a = find(e[0]), b = find(e[1]);
            if (a != b) { p[a] = b; --count; }
        }
        return count;
    }
};
""",
}


@pytest.mark.parametrize("lang", sorted(UNION_FIND))
def test_union_find_find_is_logarithmic(lang: str) -> None:
    program = estimate(skeldsl.extract(UNION_FIND[lang], lang))
    assert program.cost is not None
    assert str(coarse_class(program.cost)) == "n log n"  # E finds of O(log V) each
    assert any("union-find" in note for function in program.functions for note in function.notes)
    assert coarse_class(program.cost) == coarse_class(parse_label(r"O(E \log V)"))


def test_a_chain_with_work_per_step_is_not_a_find() -> None:
    # Walking a linked chain that records every step is N deep, not a parent-pointer chase.
    source = """
def collect(node, out):
    if node is not None:
        out.append(node.val)
        collect(node.next, out)
"""
    program = estimate(skeldsl.extract(source, "python"))
    assert not any("union-find" in note for function in program.functions for note in function.notes)
    assert str(coarse_class(program.cost)) == "n"
