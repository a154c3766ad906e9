"""Collections built in different but equivalent ways give one skeleton (issue 3, "collections" cause).

* A table of buckets (an adjacency list) is one form whether it is Python's ``defaultdict(list)``, a dict
  or list comprehension of empty lists, Java's prefilled ``List<List<Integer>>`` or ``computeIfAbsent``,
  C++'s ``vector<vector<int>> adj(n)``, Go's ``make([][]int, n)`` or Rust's ``vec![vec![]; n]``
  (``passes.indexed_tables``).  Near misses keep their form: a table built per call of a recursion or in
  a loop, a map tested for membership or iterated, a table of numbers.
* ``words = s.split()`` is a list of the pieces in every language, as Java's ``String[] words``.
"""

from __future__ import annotations

import pytest

from skeldsl import extract_text

GRAPH_BODY_PY = """\
        for u, v in edges:
            adj[u].append(v)
            adj[v].append(u)
        seen = set()
        def dfs(node):
            seen.add(node)
            for nei in adj[node]:
                if nei not in seen:
                    dfs(nei)
        dfs(0)
        return len(seen)
"""

GRAPHS = {
    "python defaultdict(list)": ("python", "class Solution:\n    def count(self, n: int, edges: List[List[int]]) -> int:\n"
                                 "        adj = defaultdict(list)\n" + GRAPH_BODY_PY),
    "python list of empty lists": ("python", "class Solution:\n    def count(self, n: int, edges: List[List[int]]) -> int:\n"
                                   "        adj = [[] for _ in range(n)]\n" + GRAPH_BODY_PY),
    "python dict of empty lists": ("python", "class Solution:\n    def count(self, n: int, edges: List[List[int]]) -> int:\n"
                                   "        adj = {i: [] for i in range(n)}\n" + GRAPH_BODY_PY),
    "go make([][]int, n)": ("go", """\
func count(n int, edges [][]int) int {
    adj := make([][]int, n)
    for _, e := range edges {
        adj[e[0]] = append(adj[e[0]], e[1])
        adj[e[1]] = append(adj[e[1]], e[0])
    }
    seen := map[int]bool{}
    var dfs func(node int)
    dfs = func(node int) {
        seen[node] = true
        for _, nei := range adj[node] {
            if !seen[nei] {
                dfs(nei)
            }
        }
    }
    dfs(0)
    return len(seen)
}
"""),
    "javascript Array.from of empty lists": ("javascript", """\
function count(n, edges) {
    const adj = Array.from({ length: n }, () => []);
    for (const [u, v] of edges) {
        adj[u].push(v);
        adj[v].push(u);
    }
    const seen = new Set();
    const dfs = (node) => {
        seen.add(node);
        for (const nei of adj[node]) {
            if (!seen.has(nei)) dfs(nei);
        }
    };
    dfs(0);
    return seen.size;
}
"""),
}

JAVA_BODY = """\
        for (int[] e : edges) {
            %s
        }
        Set<Integer> seen = new HashSet<>();
        dfs(0, adj, seen);
        return seen.size();
    }
    void dfs(int node, %s adj, Set<Integer> seen) {
        seen.add(node);
        for (int nei : %s) {
            if (!seen.contains(nei)) dfs(nei, adj, seen);
        }
    }
}
"""

TYPED_GRAPHS = {
    "java prefilled List<List<Integer>>": ("java", """\
class Solution {
    public int count(int n, int[][] edges) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
""" + JAVA_BODY % ("adj.get(e[0]).add(e[1]); adj.get(e[1]).add(e[0]);", "List<List<Integer>>", "adj.get(node)")),
    "java HashMap with computeIfAbsent": ("java", """\
class Solution {
    public int count(int n, int[][] edges) {
        Map<Integer, List<Integer>> adj = new HashMap<>();
""" + JAVA_BODY % ("adj.computeIfAbsent(e[0], k -> new ArrayList<>()).add(e[1]); "
                   "adj.computeIfAbsent(e[1], k -> new ArrayList<>()).add(e[0]);",
                   "Map<Integer, List<Integer>>", "adj.getOrDefault(node, new ArrayList<>())")),
    "cpp vector<vector<int>> adj(n)": ("cpp", """\
class Solution {
public:
    int count(int n, vector<vector<int>>& edges) {
        vector<vector<int>> adj(n);
        for (auto& e : edges) {
            adj[e[0]].push_back(e[1]);
            adj[e[1]].push_back(e[0]);
        }
        unordered_set<int> seen;
        dfs(0, adj, seen);
        return seen.size();
    }
    void dfs(int node, vector<vector<int>>& adj, unordered_set<int>& seen) {
        seen.insert(node);
        for (int nei : adj[node]) {
            if (!seen.count(nei)) dfs(nei, adj, seen);
        }
    }
};
"""),
}

ADJACENCY_SKELETON = """\
skel 1
fn f0(p0: num, p1: seq) {
  v0 = list()
  for p1 {
    list.append(v0[])
    list.append(v0[])
  }
  v1 = set()
  f1()
}
fn f1(p0: set, p1: seq) {
  set.add(p0)
  for p1[] {
    if set.has(p0) {
      f1()
    }
  }
}
"""


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_adjacency_lists_agree(name: str) -> None:
    lang, source = GRAPHS[name]
    assert extract_text(source, lang) == ADJACENCY_SKELETON


@pytest.mark.parametrize("name", sorted(TYPED_GRAPHS))
def test_typed_adjacency_lists_agree_with_each_other(name: str) -> None:
    """Helpers that receive the table as a parameter (``List<List<Integer>>``, ``Map<Integer, List>``,
    ``vector<vector<int>>&``): the map and the array give the same skeleton."""
    lang, source = TYPED_GRAPHS[name]
    reference = extract_text(TYPED_GRAPHS["java prefilled List<List<Integer>>"][1], "java")
    assert extract_text(source, lang) == reference
    assert "map" not in reference and "v0 = list()\n" in reference


def test_table_built_per_call_keeps_its_size() -> None:
    """A recursion that builds a sized table on each call pays O(n) per call: kept as ``list(p0)``."""
    source = """\
def solve(n, k):
    if k == 0:
        return 0
    buckets = [[] for _ in range(n)]
    for i in range(n):
        buckets[i % 3].append(i)
    return solve(n, k - 1)
"""
    assert "v0 = list(p0)" in extract_text(source, "python")


def test_table_built_in_a_loop_keeps_its_size() -> None:
    source = """\
def solve(queries, n):
    for q in queries:
        buckets = [[] for _ in range(n)]
        for x in q:
            buckets[x].append(x)
"""
    assert "v0 = list(p1)" in extract_text(source, "python")


def test_grouping_map_that_is_iterated_stays_a_map() -> None:
    """``groups`` is walked (its values returned): a map's walk is not an array's, it keeps its form."""
    source = """\
def group(strs):
    groups = defaultdict(list)
    for s in strs:
        groups[tuple(sorted(s))].append(s)
    return [g for g in groups.values()]
"""
    skeleton = extract_text(source, "python")
    assert "v0 = map()" in skeleton and "map.get(v0)" in skeleton


def test_bucket_map_tested_for_membership_stays_a_map() -> None:
    source = """\
def build(edges):
    adj = defaultdict(list)
    for u, v in edges:
        if u in adj:
            adj[u].append(v)
"""
    skeleton = extract_text(source, "python")
    assert "map.has(v0)" in skeleton and "map.get(v0)" in skeleton


def test_count_table_is_not_a_bucket_table() -> None:
    """Numbers counted by key are no buckets: the map form stays (``keyed.py`` decides counts)."""
    source = """\
def counts(nums):
    count = defaultdict(int)
    for x in nums:
        count[x] += 1
    return count[0]
"""
    skeleton = extract_text(source, "python")
    assert "v0 = map(p0)" in skeleton and "map.get(v0)" in skeleton


# ------------------------------------------------------------------------------------------- split

SPLITS = {
    "python split() into a local": ("python", """\
def words(s: str) -> int:
    parts = s.split()
    total = 0
    for w in parts:
        total += len(w)
    return total
"""),
    "java String[] parts = s.split": ("java", """\
class Solution {
    int words(String s) {
        String[] parts = s.split(" ");
        int total = 0;
        for (String w : parts) total += w.length();
        return total;
    }
}
"""),
    "go strings.Fields": ("go", """\
func words(s string) int {
    parts := strings.Fields(s)
    total := 0
    for _, w := range parts {
        total += len(w)
    }
    return total
}
"""),
}


@pytest.mark.parametrize("name", sorted(SPLITS))
def test_split_result_is_a_tracked_list(name: str) -> None:
    lang, source = SPLITS[name]
    assert extract_text(source, lang) == "skel 1\nfn f0(p0: str) {\n  str.split(p0)\n  for v0 {\n  }\n}\n"


def test_split_result_reassigned_to_a_number_is_a_number() -> None:
    """``n = len(s.split())`` names a number, not the pieces."""
    source = """\
def f(s: str) -> int:
    n = len(s.split())
    for i in range(n):
        pass
    return n
"""
    assert "for v0" not in extract_text(source, "python")
