"""Fields of a LeetCode ``Solution`` class and helper-class constructions: Swift and C++ agree with Python.

Python writes shared state as locals of the entry method captured by nested functions; Swift keeps it in
stored properties (``private var memo = [Int: Int]()``) the entry method sets and helpers read, as Java,
Kotlin and C++ do in fields.  C++ builds a helper class of the program with ``DSU dsu(n);`` where Java
writes ``new DSU(n)`` and Python ``DSU(n)``.  Each test compares with the Python equivalent, and a near
miss checks that what differs in cost (state rebuilt on every iteration) still differs.
"""

from __future__ import annotations

from skeldsl import extract_text


def py(source: str) -> str:
    return extract_text(source, "python")


def sw(source: str) -> str:
    return extract_text(source, "swift")


def cpp(source: str) -> str:
    return extract_text(source, "cpp")


# ------------------------------------------------------------------------------------- Swift fields

SWIFT_SUBSETS = """\
class Solution {
    private var res = [[Int]]()
    private var path = [Int]()

    func subsets(_ nums: [Int]) -> [[Int]] {
        res = []
        path = []
        backtrack(nums, 0)
        return res
    }

    private func backtrack(_ nums: [Int], _ start: Int) {
        res.append(path)
        for i in start..<nums.count {
            path.append(nums[i])
            backtrack(nums, i + 1)
            path.removeLast()
        }
    }
}
"""

PY_SUBSETS = """\
class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        res = []
        path = []

        def backtrack(start):
            res.append(path.copy())
            for i in range(start, len(nums)):
                path.append(nums[i])
                backtrack(i + 1)
                path.pop()

        backtrack(0)
        return res
"""


def test_swift_fields_reset_by_the_entry_method_are_its_locals():
    """``private var res = [[Int]]()`` reset by ``res = []``: one construction, as Python's ``res = []``."""
    assert sw(SWIFT_SUBSETS) == py(PY_SUBSETS)


SWIFT_ROB = """\
class Solution {
    private var nums: [Int] = []
    private var memo: [Int?] = []

    func rob(_ nums: [Int]) -> Int {
        self.nums = nums
        self.memo = [Int?](repeating: nil, count: nums.count)
        return dfs(0)
    }

    private func dfs(_ i: Int) -> Int {
        if i >= nums.count { return 0 }
        if let cached = memo[i] { return cached }
        let best = max(dfs(i + 1), nums[i] + dfs(i + 2))
        memo[i] = best
        return best
    }
}
"""

PY_ROB = """\
class Solution:
    def rob(self, nums: List[int]) -> int:
        memo = [None] * len(nums)

        def dfs(i):
            if i >= len(nums):
                return 0
            if memo[i] is not None:
                return memo[i]
            memo[i] = max(dfs(i + 1), nums[i] + dfs(i + 2))
            return memo[i]

        return dfs(0)
"""


def test_swift_parameter_copied_into_a_field_is_the_parameter():
    """``self.nums = nums`` with ``private var nums: [Int] = []``: helpers read the parameter itself (the
    placeholder ``[]`` must not make ``nums`` a fresh empty list); the memo built in the entry method is the
    closure's memo."""
    assert sw(SWIFT_ROB) == py(PY_ROB)


SWIFT_REACH_EACH = """\
class Solution {
    private var adj = [[Int]]()
    private var visited = [Bool]()

    func countReachable(_ n: Int, _ edges: [[Int]]) -> Int {
        adj = Array(repeating: [], count: n)
        for e in edges {
            adj[e[0]].append(e[1])
        }
        var total = 0
        for i in 0..<n {
            visited = Array(repeating: false, count: n)
            total += dfs(i)
        }
        return total
    }

    private func dfs(_ node: Int) -> Int {
        visited[node] = true
        var count = 1
        for nei in adj[node] {
            if !visited[nei] {
                count += dfs(nei)
            }
        }
        return count
    }
}
"""

SWIFT_REACH_ONCE = """\
class Solution {
    private var adj = [[Int]]()
    private var visited = [Bool]()

    func countReachable(_ n: Int, _ edges: [[Int]]) -> Int {
        adj = Array(repeating: [], count: n)
        for e in edges {
            adj[e[0]].append(e[1])
        }
        visited = Array(repeating: false, count: n)
        var total = 0
        for i in 0..<n {
            total += dfs(i)
        }
        return total
    }

    private func dfs(_ node: Int) -> Int {
        visited[node] = true
        var count = 1
        for nei in adj[node] {
            if !visited[nei] {
                count += dfs(nei)
            }
        }
        return count
    }
}
"""

PY_REACH_ONCE = """\
class Solution:
    def countReachable(self, n, edges):
        adj = [[] for _ in range(n)]
        for a, b in edges:
            adj[a].append(b)
        visited = [False] * n

        def dfs(node):
            visited[node] = True
            count = 1
            for nei in adj[node]:
                if not visited[nei]:
                    count += dfs(nei)
            return count

        total = 0
        for i in range(n):
            total += dfs(i)
        return total
"""


def test_swift_state_rebuilt_per_iteration_is_not_merged_with_state_built_once():
    """Near miss: the visited array built once is Python's closure; rebuilt inside the loop it costs O(n)
    per start and must keep a different skeleton."""
    assert sw(SWIFT_REACH_ONCE) == py(PY_REACH_ONCE)
    assert sw(SWIFT_REACH_EACH) != sw(SWIFT_REACH_ONCE)
    assert "for p0 {\n    v1 = list(p0)" in sw(SWIFT_REACH_EACH)


SWIFT_READ_BEFORE_RESET = """\
class Solution {
    private var seen = Set<Int>()

    func distinctAfter(_ nums: [Int], _ more: [Int]) -> Int {
        mark(nums)
        seen = Set(more)
        mark(nums)
        return seen.count
    }

    private func mark(_ nums: [Int]) {
        for x in nums {
            seen.insert(x)
        }
    }
}
"""

PY_READ_BEFORE_RESET = """\
class Solution:
    def distinctAfter(self, nums: List[int], more: List[int]) -> int:
        seen = set()

        def mark():
            for x in nums:
                seen.add(x)

        mark()
        seen = set(more)
        mark()
        return len(seen)
"""


def test_swift_field_value_read_by_a_helper_before_the_reset_stays():
    """Near miss of the reset rule: ``mark`` reads the initial ``Set<Int>()`` before ``seen = Set(more)``,
    so that first value is live (Python's ``seen = set()`` before the first call)."""
    assert sw(SWIFT_READ_BEFORE_RESET) == py(PY_READ_BEFORE_RESET)


SWIFT_RECURSIVE_ENTRY = """\
class Solution {
    private var memo = [Int: Int]()

    func fib(_ n: Int) -> Int {
        if n < 2 { return n }
        if let v = memo[n] { return v }
        let r = fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    }
}
"""


def test_swift_recursive_entry_keeps_its_memo_field():
    """A recursive entry method keeps the memo a field built once (demoted to a local it would be rebuilt
    on every call): it stays memoised."""
    assert "@memo" in sw(SWIFT_RECURSIVE_ENTRY)


# ------------------------------------------------------------------------------- C++ constructions

CPP_DSU = """\
class DSU {
public:
    vector<int> parent;
    DSU(int n) : parent(n) {
        for (int i = 0; i < n; i++) parent[i] = i;
    }
    int find(int x) {
        while (x != parent[x]) x = parent[x];
        return x;
    }
    bool unite(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return false;
        parent[ra] = rb;
        return true;
    }
};

class Solution {
public:
    int countComponents(int n, vector<vector<int>>& edges) {
        DSU dsu(n + 1);
        int res = n;
        for (auto& e : edges) {
            if (dsu.unite(e[0], e[1])) res--;
        }
        return res;
    }
};
"""

PY_DSU = """\
class DSU:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, x):
        while x != self.parent[x]:
            x = self.parent[x]
        return x

    def unite(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb
        return True

class Solution:
    def countComponents(self, n, edges):
        dsu = DSU(n + 1)
        res = n
        for a, b in edges:
            if dsu.unite(a, b):
                res -= 1
        return res
"""

CPP_DSU_IN_LOOP = """\
class DSU {
public:
    vector<int> parent;
    DSU(int n) : parent(n) {
        for (int i = 0; i < n; i++) parent[i] = i;
    }
    int find(int x) {
        while (x != parent[x]) x = parent[x];
        return x;
    }
    bool unite(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra == rb) return false;
        parent[ra] = rb;
        return true;
    }
};

class Solution {
public:
    int countComponents(int n, vector<vector<int>>& edges) {
        int res = n;
        for (auto& e : edges) {
            DSU dsu(n + 1);
            if (dsu.unite(e[0], e[1])) res--;
        }
        return res;
    }
};
"""


def test_cpp_object_construction_of_a_program_class_is_a_constructor_call():
    """``DSU dsu(n + 1);`` constructs the helper class, as Python's ``DSU(n + 1)``: its constructor and
    methods are inlined where it is built and used (as for ``new DSU(n + 1)``)."""
    assert cpp(CPP_DSU) == py(PY_DSU)
    assert cpp(CPP_DSU.replace("DSU dsu(n + 1);", "DSU* dsu = new DSU(n + 1);").replace("dsu.", "dsu->")) \
        == cpp(CPP_DSU)


def test_cpp_construction_inside_a_loop_is_not_merged_with_one_construction():
    """Near miss: a DSU built for every edge (O(n) each) is not the DSU built once."""
    assert cpp(CPP_DSU_IN_LOOP) != cpp(CPP_DSU)
    assert "for p1 {\n    v0 = list(p0)" in cpp(CPP_DSU_IN_LOOP)


CPP_TALLY = """\
class Tally {
public:
    unordered_map<int, int> freq;
    Tally() {}
    void add(int x) {
        freq[x]++;
    }
};

class Solution {
public:
    int distinct(vector<int>& nums) {
        Tally tally;
        for (int x : nums) {
            tally.add(x);
        }
        return tally.freq.size();
    }
};
"""


def test_cpp_default_construction_of_a_program_class_is_a_constructor_call():
    """``Tally tally;`` is ``Tally tally = Tally();``: one construction, like ``new Tally()``."""
    assert cpp(CPP_TALLY) == cpp(CPP_TALLY.replace("Tally tally;", "Tally tally = Tally();"))


CPP_SIZED = """\
class Solution {
public:
    int f(int n) {
        vector<int> dp(n + 1);
        string s(n, 'a');
        for (int i = 1; i <= n; i++) dp[i] = dp[i - 1] + 1;
        return dp[n] + s.size();
    }
};
"""

PY_SIZED = """\
class Solution:
    def f(self, n: int) -> int:
        dp = [0] * (n + 1)
        s = "a" * n
        for i in range(1, n + 1):
            dp[i] = dp[i - 1] + 1
        return dp[n] + len(s)
"""


def test_cpp_sized_library_constructions_are_unchanged():
    """``vector<int> dp(n + 1)`` and ``string s(n, 'a')`` stay the library constructions they were."""
    assert cpp(CPP_SIZED) == py(PY_SIZED)
