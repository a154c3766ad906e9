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
def test_union_find_find_is_amortised_constant(lang: str) -> None:
    program = estimate(skeldsl.extract(UNION_FIND[lang], lang))
    assert program.cost is not None
    assert any("union-find" in note for function in program.functions for note in function.notes)
    assert coarse_class(program.cost) == coarse_class(parse_label(r"O(n + E \times \alpha(n))"))


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


# ------------------------------------------------------------------ Fenwick trees on program objects
FENWICK = {
    "python": """
class BIT:
    def __init__(self, n):
        self.n = n
        self.c = [0] * (n + 1)

    def update(self, x, v):
        while x <= self.n:
            self.c[x] += v
            x += x & -x

    def query(self, x):
        s = 0
        while x:
            s += self.c[x]
            x -= x & -x
        return s


class Solution:
    def countSmaller(self, nums):
        tree = BIT(len(nums))
        ans = 0
        for x in nums:
            ans += tree.query(x)
            tree.update(x, 1)
        return ans
""",
    "java": """
class BIT {
    int n; int[] c;
    BIT(int n) { this.n = n; c = new int[n + 1]; }
    void update(int x, int v) { for (; x <= n; x += x & -x) c[x] += v; }
    int query(int x) { int s = 0; while (x > 0) { s += c[x]; x -= x & -x; } return s; }
}
class Solution {
    public int countSmaller(int[] nums) {
        BIT tree = new BIT(nums.length);
        int ans = 0;
        for (int x : nums) { ans += tree.query(x); tree.update(x, 1); }
        return ans;
    }
}
""",
    "cpp": """
class BIT {
public:
    int n; vector<int> c;
    void update(int x, int v) { for (; x <= n; x += x & -x) c[x] += v; }
    int query(int x) { int s = 0; for (; x > 0; x -= x & -x) s += c[x]; return s; }
};
class Solution {
public:
    int countSmaller(vector<int>& nums) {
        BIT* tree = new BIT();
        int ans = 0;
        for (int x : nums) { ans += tree->query(x); tree->update(x, 1); }
        return ans;
    }
};
""",
}


@pytest.mark.parametrize("lang", sorted(FENWICK))
def test_fenwick_walks_are_logarithmic_and_method_calls_on_objects_are_linked(lang: str) -> None:
    text = skeldsl.extract_text(FENWICK[lang], lang)
    assert text.count("for log(") == 2, text
    # the solution calls the tree's methods in its loop, so they are not roots of their own
    assert klass(FENWICK[lang], lang) == "n log n", text


def test_a_library_method_of_the_same_name_is_not_linked() -> None:
    # `seen.add(x)` on a set stays a set operation even when the program defines an `add` of its own.
    source = """
class Counter2:
    def add(self, x):
        for i in range(x):
            pass

class Solution:
    def f(self, nums):
        seen = set()
        for x in nums:
            if x % 2:
                seen.add(x)
            if x in seen:
                return x
        return len(seen)
"""
    text = skeldsl.extract_text(source, "python")
    assert "set.add(v0)" in text and "f0()" not in text, text
    assert klass(source, "python") == "n"


# ----------------------------------------------------------------------- C++ iterator-range calls
def test_cpp_iterator_range_reductions_are_passes_over_the_collection() -> None:
    source = """
class Solution {
public:
    long long f(vector<int>& nums) {
        long long s = accumulate(nums.begin(), nums.end(), 0LL);
        int m = *max_element(nums.begin(), nums.end());
        return s * m;
    }
};
"""
    assert klass(source, "cpp") == "n"


def test_cpp_max_of_two_items_is_not_a_pass() -> None:
    source = """
class Solution {
public:
    int f(vector<int>& dp) {
        return max(dp[0], dp[1]);
    }
};
"""
    assert klass(source, "cpp") == "1"


# ------------------------------------------------------------------------------ bitmask enumeration
SUBSETS = {
    "python": """
class Solution:
    def subsets(self, nums):
        n = len(nums)
        ans = []
        for mask in range(1 << n):
            t = []
            for i in range(n):
                if mask >> i & 1:
                    t.append(nums[i])
            ans.append(t)
        return ans
""",
    "java": """
class Solution {
    public int best(int[] nums) {
        int n = nums.length, best = 0;
        for (int mask = 0; mask < (1 << n); ++mask) {
            int s = 0;
            for (int i = 0; i < n; ++i) {
                if ((mask >> i & 1) == 1) s += nums[i];
            }
            best = Math.max(best, s);
        }
        return best;
    }
}
""",
    "go": """
func best(nums []int) int {
	n, best := len(nums), 0
	for mask := 0; mask < 1<<n; mask++ {
		s := 0
		for i := 0; i < n; i++ {
			if mask>>i&1 == 1 {
				s += nums[i]
			}
		}
		best = max(best, s)
	}
	return best
}
""",
    "rust": """
impl Solution {
    pub fn best(nums: Vec<i32>) -> i32 {
        let n = nums.len();
        let mut best = 0;
        for mask in 0..(1 << n) {
            let mut s = 0;
            for i in 0..n {
                if mask >> i & 1 == 1 { s += nums[i]; }
            }
            best = best.max(s);
        }
        best
    }
}
""",
}


@pytest.mark.parametrize("lang", sorted(SUBSETS))
def test_bitmask_loops_are_subsets_and_exponential(lang: str) -> None:
    text = skeldsl.extract_text(SUBSETS[lang], lang)
    assert "for subsets(p0) {" in text, text
    program = estimate(skeldsl.extract(SUBSETS[lang], lang))
    assert str(program.cost) == "O(n * 2^n)"
    assert any("bitmask" in note for note in program.function("f0").notes)


def test_a_shift_by_a_literal_is_a_constant_loop() -> None:
    source = """
def f(nums):
    for mask in range(1 << 10):
        nums.append(mask)
"""
    text = skeldsl.extract_text(source, "python")
    assert "for const" in text and "subsets" not in text
    assert klass(source, "python") == "1"


def test_subsets_in_the_skeleton_language_cost_two_to_the_n() -> None:
    from skeldsl.parser import parse_skeleton

    program = estimate(parse_skeleton("skel 1\nfn f0(p0: num) {\n  for subsets(p0) {\n  }\n}\n"))
    assert str(program.cost) == "O(2^n)"
    assert coarse_class(program.cost).exponential


# ------------------------------------------------------------------------- constant-length slices
WINDOWS = {
    "python": """
def repeated(s):
    seen, ans = set(), set()
    for i in range(len(s) - 9):
        t = s[i:i + 10]
        if t in seen:
            ans.add(t)
        seen.add(t)
    return ans
""",
    "java": """
class S {
    List<String> repeated(String s) {
        Set<String> seen = new HashSet<>(), ans = new HashSet<>();
        for (int i = 0; i + 10 <= s.length(); i++) {
            String t = s.substring(i, i + 10);
            if (seen.contains(t)) ans.add(t);
            seen.add(t);
        }
        return new ArrayList<>(ans);
    }
}
""",
    "cpp": """
vector<string> repeated(string s) {
    unordered_set<string> seen, ans;
    for (int i = 0; i + 10 <= (int) s.size(); ++i) {
        string t = s.substr(i, 10);
        if (seen.count(t)) ans.insert(t);
        seen.insert(t);
    }
    return vector<string>(ans.begin(), ans.end());
}
""",
}


@pytest.mark.parametrize("lang", sorted(WINDOWS))
def test_a_slice_of_constant_length_is_constant_work(lang: str) -> None:
    assert klass(WINDOWS[lang], lang) == "n"


def test_a_prefix_slice_in_a_loop_still_costs_its_length() -> None:
    source = """
def prefixes(s):
    out = []
    for i in range(len(s)):
        out.append(s[:i])
    return out
"""
    assert klass(source, "python") == "n^2"


# ------------------------------------------------------------------------------ traversal launches
def test_iterative_dfs_launched_from_unvisited_nodes_visits_each_once() -> None:
    source = """
def components(n, edges):
    adj = [[] for _ in range(n)]
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    seen = [False] * n
    count = 0
    for i in range(n):
        if not seen[i]:
            count += 1
            stack = [i]
            seen[i] = True
            while stack:
                u = stack.pop()
                for v in adj[u]:
                    if not seen[v]:
                        seen[v] = True
                        stack.append(v)
    return count
"""
    program = estimate(skeldsl.extract(source, "python"))
    assert str(coarse_class(program.cost)) == "n", skeldsl.extract_text(source, "python")
    assert any("launched under a guard" in note for note in program.function("f0").notes)


def test_bfs_from_every_node_without_a_guard_is_quadratic() -> None:
    source = """
def all_pairs(n, adj):
    total = 0
    for s in range(n):
        queue = deque([s])
        seen = {s}
        while queue:
            u = queue.popleft()
            for v in adj[u]:
                if v not in seen:
                    seen.add(v)
                    queue.append(v)
        total += len(seen)
    return total
"""
    assert klass(source, "python") == "n^2"


def test_a_reversed_copy_of_each_level_is_counted_by_the_traversal() -> None:
    source = """
class Solution:
    def zigzagLevelOrder(self, root: Optional[TreeNode]) -> List[List[int]]:
        res = []
        q = deque([root] if root else [])
        while q:
            level = []
            for i in range(len(q)):
                node = q.popleft()
                level.append(node.val)
                if node.left:
                    q.append(node.left)
                if node.right:
                    q.append(node.right)
            level = list(q)
            if len(res) % 2:
                level.reverse()
            res.append(level)
        return res
"""
    assert klass(source, "python") == "n"


# --------------------------------------------------------------------------- elements walked by operations
def test_splitting_each_element_costs_its_length() -> None:
    source = """
def unique(emails: list[str]) -> int:
    seen = set()
    for email in emails:
        local, domain = email.split("@")
        seen.add(local.replace(".", "") + domain)
    return len(seen)
"""
    assert klass(source, "python") == "n^2"  # |emails| x the length of one address


def test_comparing_two_elements_stays_constant_per_element() -> None:
    source = """
def best(rows: list[list[int]]) -> int:
    ans = 0
    for row in rows:
        ans = max(ans, max(row[0], row[1]))
    return ans
"""
    assert klass(source, "python") == "n"


# --------------------------------------------------------------------------- argument swap
SWAP = {
    "python": """
def one_edit(s: str, t: str) -> bool:
    if len(s) < len(t):
        return one_edit(t, s)
    for i, c in enumerate(t):
        if c != s[i]:
            return s[i + 1:] == t[i + 1:]
    return len(s) == len(t) + 1
""",
    "java": """
class S {
    boolean oneEdit(String s, String t) {
        if (s.length() < t.length()) return oneEdit(t, s);
        for (int i = 0; i < t.length(); i++) {
            if (s.charAt(i) != t.charAt(i)) return s.substring(i + 1).equals(t.substring(i + 1));
        }
        return s.length() == t.length() + 1;
    }
}
""",
}


@pytest.mark.parametrize("lang", sorted(SWAP))
def test_a_call_with_the_arguments_swapped_re_enters_once(lang: str) -> None:
    program = estimate(skeldsl.extract(SWAP[lang], lang))
    assert str(coarse_class(program.cost)) == "n"
    assert any("argument swap" in note for item in program.functions for note in item.notes)


def test_a_guarded_self_call_with_no_other_work_stays_a_recursion() -> None:
    source = """
def steps(a: int, b: int) -> int:
    if b > 0:
        return steps(b, a - b)
    return a
"""
    program = estimate(skeldsl.extract(source, "python"))
    assert not any("argument swap" in note for item in program.functions for note in item.notes)
    assert str(coarse_class(program.cost)) == "n"


# --------------------------------------------------------------------------- cycle detection vs backtracking
def test_cycle_detection_with_a_kept_visited_set_visits_each_node_once() -> None:
    source = """
def order(n: int, edges: list[list[int]]) -> list[int]:
    adj = [[] for _ in range(n)]
    for a, b in edges:
        adj[a].append(b)
    done, path, out = set(), set(), []
    def dfs(u):
        if u in path:
            return False
        if u in done:
            return True
        path.add(u)
        for v in adj[u]:
            if not dfs(v):
                return False
        path.remove(u)
        done.add(u)
        out.append(u)
        return True
    for u in range(n):
        if not dfs(u):
            return []
    return out
"""
    program = estimate(skeldsl.extract(source, "python"))
    assert not program.cost.terms[0].is_exponential, program.cost
    assert not any("backtracking" in note for item in program.functions for note in item.notes)


def test_a_path_mark_alone_is_still_backtracking() -> None:
    source = """
def paths(n: int, adj: list[list[int]]) -> int:
    path = set()
    def dfs(u):
        if u in path:
            return 0
        path.add(u)
        total = 1
        for v in adj[u]:
            total += dfs(v)
        path.remove(u)
        return total
    return dfs(0)
"""
    assert klass(source, "python") == "exponential"


# --------------------------------------------------------------------------- chains, bit walks, capped ranges
CHAIN_WITH_A_SCAN_AT_THE_END = """
class Solution:
    def walk(self, head, k):
        if head is None or k == 0:
            node = head
            while node:
                node = node.next
            return head
        return self.walk(head.next, k - 1)
"""


def test_a_chain_recursion_pays_its_base_case_once() -> None:
    program = estimate(skeldsl.extract(CHAIN_WITH_A_SCAN_AT_THE_END, "python"))
    assert str(coarse_class(program.cost)) == "n", program.cost
    assert any("the base case runs once" in note for note in program.functions[0].notes)


def test_a_tree_recursion_pays_its_base_case_at_every_leaf() -> None:
    # near miss: two self-calls reach about N leaves, so a linear scan there is paid N times
    source = CHAIN_WITH_A_SCAN_AT_THE_END.replace("head, k", "root: TreeNode, k").replace("head", "root").replace(
        "        return self.walk(root.next, k - 1)",
        "        self.walk(root.left, k - 1)\n        return self.walk(root.right, k - 1)")
    assert "f0()\n  f0()" in skeldsl.extract_text(source, "python")
    assert klass(source, "python") == "n^2"


def test_halving_an_element_is_not_a_row_scan() -> None:
    # `for x in nums: while x: x //= 2` walks the bits of each value: n log m, not a grid's n m log m
    source = """
def f(nums):
    total = 0
    for x in nums:
        while x > 0:
            x //= 2
            total += 1
    return total
"""
    assert "for log(p0[])" in skeldsl.extract_text(source, "python")
    assert cost(source, "python") == "O(n log m)"


def test_scanning_the_rows_inside_a_scan_is_still_a_grid() -> None:
    source = """
def f(grid):
    total = 0
    for row in grid:
        for x in row:
            total += x
    return total
"""
    assert cost(source, "python") == "O(m n)"


def test_a_range_between_library_functions_of_literals_is_constant() -> None:
    source = """
def f(s: str) -> int:
    res = 0
    for ch in range(ord('a'), ord('z') + 1):
        res += s.find(chr(ch))
    return res
"""
    assert klass(source, "python") == "n"
    assert "for const" in skeldsl.extract_text(source, "python")


WHILE_TRUE_BISECTION = {
    "python": """
class Solution:
    def guessNumber(self, n: int) -> int:
        l, r = 1, n
        while True:
            m = (l + r) // 2
            res = guess(m)
            if res > 0:
                l = m + 1
            elif res < 0:
                r = m - 1
            else:
                return m
""",
    "java": """
class Solution {
    public int guessNumber(int n) {
        int l = 1, r = n;
        while (true) {
            int m = l + (r - l) / 2;
            int res = guess(m);
            if (res > 0) l = m + 1;
            else if (res < 0) r = m - 1;
            else return m;
        }
    }
}
""",
}


@pytest.mark.parametrize("lang", sorted(WHILE_TRUE_BISECTION))
def test_a_loop_without_a_test_that_moves_a_bound_to_the_midpoint_halves(lang: str) -> None:
    assert "for log(" in skeldsl.extract_text(WHILE_TRUE_BISECTION[lang], lang)
    assert klass(WHILE_TRUE_BISECTION[lang], lang) == "log n"


def test_a_loop_without_a_test_that_steps_its_bounds_stays_unknown() -> None:
    # near miss: the midpoint is computed but the bounds move by one, so the interval does not halve
    source = WHILE_TRUE_BISECTION["python"].replace("l = m + 1", "l = l + 1").replace("r = m - 1", "r = r - 1")
    assert "while {" in skeldsl.extract_text(source, "python")
    assert estimate(skeldsl.extract(source, "python")).cost is None


# --------------------------------------------------------------------------- one-line passes in a return
@pytest.mark.parametrize("source", [
    "from functools import reduce\ndef f(nums: List[int]) -> int:\n    return reduce(xor, nums)\n",
    "def f(nums: List[int]) -> bool:\n    return reduce(gcd, nums) == 1\n",  # implicit import, compared
    "def f(nums: List[int]) -> int:\n    return max(accumulate(nums, initial=0))\n",
    "def f(nums: List[int]) -> bool:\n    return len(set(nums)) < len(nums)\n",
    "def f(nums: List[int]) -> int:\n    return len(set(nums))\n",
])
def test_a_pass_inside_a_returned_expression_is_linear(source: str) -> None:
    assert klass(source, "python") == "n"


def test_a_returned_copy_alone_is_still_handing_the_result_over() -> None:
    # near miss: `return list(set(nums))` converts the result to the caller's type, as before
    assert klass("def f(nums: List[int]) -> List[int]:\n    return list(set(nums))\n", "python") == "1"
    assert klass("def f(a: int, b: int) -> int:\n    return max(a, b)\n", "python") == "1"


DOUBLING = {
    "python": "def f(n: int) -> bool:\n    x = 1\n    while x < n:\n        x *= 2\n    return x == n\n",
    "java": "class S { boolean f(int n) { long x = 1; while (x < n) { x = x * 2; } return x == n; } }",
    "cpp": "bool f(int n) { long x = 1; while (x < n) { x <<= 1; } return x == n; }",
}


@pytest.mark.parametrize("lang", sorted(DOUBLING))
def test_a_compared_value_multiplied_by_a_constant_is_a_halving_loop(lang: str) -> None:
    assert "for log(p0)" in skeldsl.extract_text(DOUBLING[lang], lang)
    assert klass(DOUBLING[lang], lang) == "log n"


def test_multiplying_by_a_variable_or_adding_a_constant_is_not_doubling() -> None:
    by_variable = DOUBLING["python"].replace("(n: int)", "(n: int, k: int)").replace("x *= 2", "x *= k")
    assert "for log" not in skeldsl.extract_text(by_variable, "python")
    stepping = DOUBLING["python"].replace("x *= 2", "x += 2")
    assert klass(stepping, "python") == "n"


def test_a_doubling_in_one_branch_is_not_a_halving_loop() -> None:
    # `x <<= 1` only when no element fits; the other branch steps through nums: not logarithmic
    source = """
def patches(nums: List[int], n: int) -> int:
    x = 1
    ans = i = 0
    while x <= n:
        if i < len(nums) and nums[i] <= x:
            x += nums[i]
            i += 1
        else:
            ans += 1
            x <<= 1
    return ans
"""
    assert "for log" not in skeldsl.extract_text(source, "python")


def test_a_range_from_x_to_x_plus_k_loops_over_k() -> None:
    source = """
class Solution:
    def isNStraightHand(self, hand: List[int], groupSize: int) -> bool:
        count = Counter(hand)
        hand.sort()
        for card in hand:
            if count[card]:
                for c in range(card, card + groupSize):
                    if not count[c]:
                        return False
                    count[c] -= 1
        return True
"""
    text = skeldsl.extract_text(source, "python")
    assert "for p1 {" in text and "p0[]" not in text
    java = "class S { int f(int[] a, int k) { int s = 0; for (int i = 0; i < a.length; i++) " \
           "{ for (int j = i; j < i + k; j++) { s += a[j]; } } return s; } }"
    assert skeldsl.extract_text(java, "java") == "skel 1\nfn f0(p0: seq, p1: num) {\n  for p0 {\n    for p1 {\n    }\n  }\n}\n"


def test_a_range_from_x_to_a_size_stays_a_loop_over_the_size() -> None:
    # near miss: range(i, n) is bounded by n, not a window of width n
    source = "def f(a: List[int]) -> int:\n    s = 0\n    for i in range(len(a)):\n        for j in range(i, len(a)):\n            s += j\n    return s\n"
    assert skeldsl.extract_text(source, "python") == "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    for p0 {\n    }\n  }\n}\n"
