"""Statement order is a habit, not a cost: translations that order independent statements differently, or
declare a collection at the top instead of at its first use, give Python's skeleton (issue 3, cross-language
agreement; ``skeldsl.normalise.order``).  Near misses whose order does matter stay distinct.
"""

from __future__ import annotations

import textwrap

from skeldsl import extract_text


def skel(code: str, lang: str) -> str:
    return extract_text(textwrap.dedent(code), lang)


# ------------------------------------------------------------------- constructions in another order

WORDS_PY = """
class Solution:
    def f(self, words: List[str]) -> List[str]:
        res = []
        seen = set(words)
        def dfs(i):
            if i in seen:
                res.append(i)
            return dfs(i + 1)
        dfs(0)
        return res
"""

WORDS_JAVA = """
class Solution {
    Set<String> seen;
    List<String> res;
    public List<String> f(String[] words) {
        seen = new HashSet<>(Arrays.asList(words));
        res = new ArrayList<>();
        dfs(0);
        return res;
    }
    int dfs(int i) {
        if (seen.contains(i)) res.add(i);
        return dfs(i + 1);
    }
}
"""

WORDS_GO = """
func f(words []string) []string {
    seen := map[string]bool{}
    for _, w := range words {
        seen[w] = true
    }
    res := []string{}
    var dfs func(i int) int
    dfs = func(i int) int {
        if seen[i] {
            res = append(res, i)
        }
        return dfs(i + 1)
    }
    dfs(0)
    return res
}
"""


def test_construction_order_is_canonical():
    python = skel(WORDS_PY, "python")
    assert skel(WORDS_JAVA, "java") == python
    assert skel(WORDS_GO, "go") == python


# --------------------------------------------------------------- declaration at top vs at first use

SCHEDULE_PY = """
class Solution:
    def f(self, n, edges):
        adj = {i: [] for i in range(n)}
        for a, b in edges:
            adj[a].append(b)
        visiting = set()
        def dfs(c):
            if c in visiting:
                return False
            visiting.add(c)
            for p in adj[c]:
                if not dfs(p):
                    return False
            visiting.remove(c)
            return True
        for c in range(n):
            if not dfs(c):
                return False
        return True
"""

SCHEDULE_JAVA = """
class Solution {
    public boolean f(int n, int[][] edges) {
        Map<Integer, List<Integer>> adj = new HashMap<>();
        Set<Integer> visiting = new HashSet<>();
        for (int i = 0; i < n; i++) adj.put(i, new ArrayList<>());
        for (int[] e : edges) adj.get(e[0]).add(e[1]);
        for (int c = 0; c < n; c++) {
            if (!dfs(c, adj, visiting)) return false;
        }
        return true;
    }
    private boolean dfs(int c, Map<Integer, List<Integer>> adj, Set<Integer> visiting) {
        if (visiting.contains(c)) return false;
        visiting.add(c);
        for (int p : adj.get(c)) {
            if (!dfs(p, adj, visiting)) return false;
        }
        visiting.remove(c);
        return true;
    }
}
"""

SORTED_PY = """
class Solution:
    def f(self, nums):
        nums.sort()
        res = []
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                res.append(nums[j])
        return res
"""

SORTED_CPP = """
class Solution {
public:
    vector<int> f(vector<int>& nums) {
        vector<int> res;
        sort(nums.begin(), nums.end());
        for (int i = 0; i < nums.size(); i++) {
            for (int j = i + 1; j < nums.size(); j++) {
                res.push_back(nums[j]);
            }
        }
        return res;
    }
};
"""


def test_declaration_at_top_moves_to_first_use():
    python = skel(SCHEDULE_PY, "python")
    assert skel(SCHEDULE_JAVA, "java") == python
    # (the set is built after the adjacency loop, where Python builds it)
    assert python.index("v1 = set()") > python.index("list.append(v0[])")


def test_construction_moves_past_independent_work():
    python = skel(SORTED_PY, "python")
    assert skel(SORTED_CPP, "cpp") == python
    assert python.index("sort(p0)") < python.index("v0 = list()")


# ------------------------------------------------------------ independent operations in another order

BFS_PY = """
from collections import deque
class Solution:
    def f(self, n, adj):
        seen = set()
        q = deque([0])
        seen.add(0)
        while q:
            x = q.popleft()
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    q.append(y)
        return len(seen)
"""

BFS_JAVA = """
class Solution {
    public int f(int n, List<List<Integer>> adj) {
        Queue<Integer> q = new LinkedList<>();
        Set<Integer> seen = new HashSet<>();
        q.offer(0);
        seen.add(0);
        while (!q.isEmpty()) {
            int x = q.poll();
            for (int y : adj.get(x)) {
                if (!seen.contains(y)) {
                    q.offer(y);
                    seen.add(y);
                }
            }
        }
        return seen.size();
    }
}
"""

BFS_RUST = """
impl Solution {
    pub fn f(n: i32, adj: Vec<Vec<usize>>) -> i32 {
        let mut q = VecDeque::new();
        let mut seen = HashSet::new();
        q.push_back(0);
        seen.insert(0);
        while let Some(x) = q.pop_front() {
            for &y in &adj[x] {
                if !seen.contains(&y) {
                    q.push_back(y);
                    seen.insert(y);
                }
            }
        }
        seen.len() as i32
    }
}
"""


def test_independent_operations_have_one_order():
    python = skel(BFS_PY, "python")
    assert skel(BFS_JAVA, "java") == python
    assert skel(BFS_RUST, "rust") == python


# ---------------------------------------------------------------------------------- near misses

OUTSIDE_PY = """
class Solution:
    def f(self, grid):
        seen = set()
        for row in grid:
            for x in row:
                seen.add(x)
        return len(seen)
"""

INSIDE_PY = """
class Solution:
    def f(self, grid):
        for row in grid:
            seen = set()
            for x in row:
                seen.add(x)
        return 0
"""

PUSH_POP_PY = """
class Solution:
    def f(self, nums):
        st = []
        for x in nums:
            st.append(x)
            st.pop()
        return st
"""

POP_PUSH_PY = """
class Solution:
    def f(self, nums):
        st = []
        for x in nums:
            if st:
                st.pop()
            st.append(x)
        return st
"""

HELPER_PY = """
class Solution:
    def f(self, nums):
        seen = set()
        def dfs(i):
            if i in seen:
                return 1
            seen.add(i)
            return dfs(i + 1) + dfs(i + 2)
        a = dfs(0)
        res = []
        for x in nums:
            res.append(x)
        return res
"""


def test_near_misses_stay_distinct():
    # a construction is never moved into a loop: built once is not built once per row
    assert skel(OUTSIDE_PY, "python") != skel(INSIDE_PY, "python")
    assert "  v0 = set()\n  for p0 {" in skel(OUTSIDE_PY, "python")
    # operations on one collection keep their order
    assert "stack.push(v0)\n    stack.pop(v0)" in skel(PUSH_POP_PY, "python")
    # a construction stays before a call of the program's own functions, which may use it
    helper = skel(HELPER_PY, "python")
    assert helper.index("v0 = set()") < helper.index("f1()")
