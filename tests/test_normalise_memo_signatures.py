"""Memoised and recursive helpers have one signature whatever the language passes on or captures.

Translations of one algorithm differ in which state a recursive helper receives: a Python closure
captures ``nums``, ``n`` and ``zero`` where Java passes ``dfs(nums, i, n)``; Python's flag is ``True`` where
Java, Go and Rust pass ``1``.  The rules (``skeldsl.normalise``: ``drop_passed_on``, ``drop_size_parameters``,
``flag_parameters``, ``canonical_params``) make these agree, and the near misses below, which differ in
cost (a real table dimension, a number that halves, a number that counts), stay apart."""

from __future__ import annotations

from skeldsl import extract_text


def _header(skeleton: str, name: str = "f1") -> str:
    return next(line for line in skeleton.splitlines() if line.startswith(f"fn {name}("))


# --------------------------------------------------------------------- captured vs passed-on numbers

PY_CAPTURED_STEPS = """
class Solution:
    def countGoodStrings(self, low: int, high: int, zero: int, one: int) -> int:
        dp = {}
        def dfs(length):
            if length > high:
                return 0
            if length in dp:
                return dp[length]
            dp[length] = 1 if length >= low else 0
            dp[length] += dfs(length + zero) + dfs(length + one)
            return dp[length]
        return dfs(0)
"""

JAVA_PASSED_STEPS = """
public class Solution {
    private int[] dp;
    public int countGoodStrings(int low, int high, int zero, int one) {
        dp = new int[high + 1];
        Arrays.fill(dp, -1);
        return dfs(low, high, zero, one, 0);
    }
    private int dfs(int low, int high, int zero, int one, int length) {
        if (length > high) return 0;
        if (dp[length] != -1) return dp[length];
        dp[length] = (length >= low) ? 1 : 0;
        dp[length] += dfs(low, high, zero, one, length + zero) + dfs(low, high, zero, one, length + one);
        return dp[length];
    }
}
"""

PY_TWO_DIMENSIONS = """
class Solution:
    def countGoodStrings(self, low: int, high: int, zero: int, one: int) -> int:
        @cache
        def dfs(length, left):
            if length > high or left == 0:
                return 0
            return (length >= low) + dfs(length + zero, left - 1) + dfs(length + one, left - 1)
        return dfs(0, high)
"""


def test_captured_numbers_of_a_memo_helper_are_no_table_dimension():
    python = extract_text(PY_CAPTURED_STEPS, "python")
    assert "@memo\nfn f1(p0: num) {" in python  # only length: zero and one are the same in every call
    assert extract_text(JAVA_PASSED_STEPS, "java") == python


def test_a_number_that_changes_between_calls_stays_a_dimension():
    two = extract_text(PY_TWO_DIMENSIONS, "python")
    assert "@memo\nfn f1(p0: num, p1: num) {" in two
    assert two != extract_text(PY_CAPTURED_STEPS, "python")


# ------------------------------------------------------------------------- a size passed on its own

PY_CLOSURE_SIZE = """
class Solution:
    def findCircleNum(self, isConnected: List[List[int]]) -> int:
        n = len(isConnected)
        res = 0
        visited = [False] * n
        def dfs(node):
            visited[node] = True
            for nei in range(n):
                if isConnected[node][nei] and not visited[nei]:
                    dfs(nei)
        for i in range(n):
            if not visited[i]:
                dfs(i)
                res += 1
        return res
"""

RUST_PASSED_SIZE = """
impl Solution {
    pub fn find_circle_num(is_connected: Vec<Vec<i32>>) -> i32 {
        let n = is_connected.len();
        let mut visited = vec![false; n];
        let mut res = 0;
        fn dfs(node: usize, is_connected: &Vec<Vec<i32>>, visited: &mut Vec<bool>, n: usize) {
            visited[node] = true;
            for nei in 0..n {
                if is_connected[node][nei] == 1 && !visited[nei] {
                    dfs(nei, is_connected, visited, n);
                }
            }
        }
        for i in 0..n {
            if !visited[i] {
                dfs(i, &is_connected, &mut visited, n);
                res += 1;
            }
        }
        res
    }
}
"""

JAVA_PASSED_SIZE = """
public class Solution {
    public int findCircleNum(int[][] isConnected) {
        int n = isConnected.length;
        boolean[] visited = new boolean[n];
        int res = 0;
        for (int i = 0; i < n; i++) {
            if (!visited[i]) {
                dfs(i, isConnected, visited, n);
                res++;
            }
        }
        return res;
    }
    private void dfs(int node, int[][] isConnected, boolean[] visited, int n) {
        visited[node] = true;
        for (int nei = 0; nei < n; nei++) {
            if (isConnected[node][nei] == 1 && !visited[nei]) {
                dfs(nei, isConnected, visited, n);
            }
        }
    }
}
"""

JAVA_SEARCH_WITH_SIZE = """
public class Solution {
    public int[] searchRange(int[] nums, int target) {
        int n = nums.length;
        int start = binarySearch(nums, target, n);
        if (start == n || nums[start] != target) return new int[]{-1, -1};
        return new int[]{start, binarySearch(nums, target + 1, n) - 1};
    }
    private int binarySearch(int[] nums, int target, int n) {
        int l = 0, r = n;
        while (l < r) {
            int m = l + (r - l) / 2;
            if (nums[m] >= target) r = m; else l = m + 1;
        }
        return l;
    }
}
"""

PY_SEARCH = """
class Solution:
    def searchRange(self, nums: List[int], target: int) -> List[int]:
        start = self.binarySearch(nums, target)
        if start == len(nums) or nums[start] != target:
            return [-1, -1]
        return [start, self.binarySearch(nums, target + 1) - 1]

    def binarySearch(self, nums, target):
        l, r = 0, len(nums)
        while l < r:
            m = l + (r - l) // 2
            if nums[m] >= target:
                r = m
            else:
                l = m + 1
        return l
"""

JAVA_HALVING_SIZE = """
public class Solution {
    public Node construct(int[][] grid) {
        return dfs(grid, grid.length, 0, 0);
    }
    private Node dfs(int[][] grid, int n, int r, int c) {
        boolean allSame = true;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (grid[r][c] != grid[r + i][c + j]) allSame = false;
        if (allSame) return new Node(grid[r][c] == 1, true);
        int mid = n / 2;
        return new Node(false, false, dfs(grid, mid, r, c), dfs(grid, mid, r, c + mid),
                        dfs(grid, mid, r + mid, c), dfs(grid, mid, r + mid, c + mid));
    }
}
"""


def test_a_size_parameter_is_the_size_of_the_collection_passed_with_it():
    python = extract_text(PY_CLOSURE_SIZE, "python")
    assert "fn f1(p0: set, p1: seq) {\n  set.add(p0)\n  for p1 {" in python
    assert extract_text(RUST_PASSED_SIZE, "rust") == python
    assert extract_text(JAVA_PASSED_SIZE, "java") == python


def test_a_size_parameter_of_a_helper_that_is_not_recursive():
    assert extract_text(JAVA_SEARCH_WITH_SIZE, "java") == extract_text(PY_SEARCH, "python")
    # the helper is inlined at both calls (normalise/inline.py); its size parameter ``n`` was resolved to
    # the array it measures first, so both binary searches halve the input array: a halving loop over a
    # collection with nothing inside is the library search (over the number n it would stay a loop)
    assert extract_text(JAVA_SEARCH_WITH_SIZE, "java").count("  bsearch(p0)\n") == 2


def test_a_size_that_changes_between_calls_stays_a_number():
    # the quad tree halves n: the loops run over n, not over the grid, and n stays a parameter
    assert _header(extract_text(JAVA_HALVING_SIZE, "java")) == "fn f1(p0: num, p1: seq) {"


# ----------------------------------------------------------------------------------- flag parameters

PY_FLAG = """
class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        @cache
        def dfs(i, buying):
            if i >= len(prices):
                return 0
            cooldown = dfs(i + 1, buying)
            if buying:
                res = max(cooldown, dfs(i + 1, not buying) - prices[i])
            else:
                res = max(cooldown, dfs(i + 2, not buying) + prices[i])
            return res
        return dfs(0, True)
"""

GO_INT_FLAG = """
package main
func maxProfit(prices []int) int {
    dp := make([][2]int, len(prices))
    for i := range dp { dp[i] = [2]int{-1, -1} }
    var dfs func(i, buying int) int
    dfs = func(i, buying int) int {
        if i >= len(prices) { return 0 }
        if dp[i][buying] != -1 { return dp[i][buying] }
        cooldown := dfs(i+1, buying)
        if buying == 1 {
            dp[i][buying] = max(cooldown, dfs(i+1, 1-buying)-prices[i])
        } else {
            dp[i][buying] = max(cooldown, dfs(i+2, 1-buying)+prices[i])
        }
        return dp[i][buying]
    }
    return dfs(0, 1)
}
"""

JAVA_INT_FLAG = """
public class Solution {
    private int[][] memo;
    public int rob(int[] nums) {
        memo = new int[nums.length][2];
        for (int i = 0; i < nums.length; i++) { memo[i][0] = -1; memo[i][1] = -1; }
        return Math.max(dfs(0, 1, nums), dfs(1, 0, nums));
    }
    private int dfs(int i, int flag, int[] nums) {
        if (i >= nums.length || (flag == 1 && i == nums.length - 1)) return 0;
        if (memo[i][flag] != -1) return memo[i][flag];
        memo[i][flag] = Math.max(dfs(i + 1, flag, nums), nums[i] + dfs(i + 2, flag | (i == 0 ? 1 : 0), nums));
        return memo[i][flag];
    }
}
"""

PY_BOOL_FLAG = """
class Solution:
    def rob(self, nums: List[int]) -> int:
        memo = [[-1] * 2 for _ in range(len(nums))]
        def dfs(i, flag):
            if i >= len(nums) or (flag and i == len(nums) - 1):
                return 0
            if memo[i][flag] != -1:
                return memo[i][flag]
            memo[i][flag] = max(dfs(i + 1, flag), nums[i] + dfs(i + 2, flag or (i == 0)))
            return memo[i][flag]
        return max(dfs(0, True), dfs(1, False))
"""

PY_COUNTER = """
class Solution:
    def maxProfit(self, k: int, prices: List[int]) -> int:
        @cache
        def dfs(i, left):
            if i >= len(prices) or left == 0:
                return 0
            return max(dfs(i + 1, left), dfs(i + 1, left - 1) + prices[i])
        return dfs(0, 1)
"""


def test_an_int_passed_as_zero_or_one_is_a_flag_like_pythons_bool():
    python = extract_text(PY_FLAG, "python")
    assert "@memo\nfn f1(p0: seq, p1: num, p2: bool) {" in python
    assert extract_text(GO_INT_FLAG, "go") == python
    assert extract_text(JAVA_INT_FLAG, "java") == extract_text(PY_BOOL_FLAG, "python")
    assert "p2: bool" in extract_text(JAVA_INT_FLAG, "java")


def test_a_counter_is_no_flag_even_when_it_starts_at_one():
    # left - 1 can take any value: an n-valued dimension of the table, unlike a flag
    assert "@memo\nfn f1(p0: seq, p1: num, p2: num) {" in extract_text(PY_COUNTER, "python")


# -------------------------------------------------------------------------------- parameter order

PY_CLOSURE_GRID = """
class Solution:
    def cherryPickup(self, grid: List[List[int]]) -> int:
        n = len(grid)
        @cache
        def dfs(r1, c1, r2):
            c2 = r1 + c1 - r2
            if r1 >= n or c1 >= n or r2 >= n or c2 >= n or grid[r1][c1] == -1:
                return -1000
            return grid[r1][c1] + max(dfs(r1 + 1, c1, r2), dfs(r1, c1 + 1, r2 + 1))
        return max(0, dfs(0, 0, 0))
"""

JAVA_FIELD_GRID = """
public class Solution {
    int n;
    int[][][] dp;
    int[][] grid;
    public int cherryPickup(int[][] grid) {
        this.n = grid.length;
        this.grid = grid;
        dp = new int[n][n][n];
        for (int[][] a : dp) for (int[] b : a) Arrays.fill(b, Integer.MIN_VALUE);
        return Math.max(0, dfs(0, 0, 0));
    }
    private int dfs(int r1, int c1, int r2) {
        int c2 = r1 + c1 - r2;
        if (r1 >= n || c1 >= n || r2 >= n || c2 >= n || grid[r1][c1] == -1) return -1000;
        if (dp[r1][c1][r2] != Integer.MIN_VALUE) return dp[r1][c1][r2];
        int res = grid[r1][c1] + Math.max(dfs(r1 + 1, c1, r2), dfs(r1, c1 + 1, r2 + 1));
        dp[r1][c1][r2] = res;
        return res;
    }
}
"""


def test_a_captured_list_orders_like_a_captured_sequence():
    python = extract_text(PY_CLOSURE_GRID, "python")
    assert "@memo\nfn f1(p0: seq, p1: num, p2: num, p3: num) {" in python
    assert extract_text(JAVA_FIELD_GRID, "java") == python


# ----------------------------------------------------------------- untyped state passed or captured

PY_HEAPIFY = """
class Solution:
    def sortArray(self, nums: List[int]) -> List[int]:
        self.heapSort(nums)
        return nums
    def heapify(self, arr, n, i):
        l, r, largest = 2 * i + 1, 2 * i + 2, i
        if l < n and arr[l] > arr[largest]:
            largest = l
        if r < n and arr[r] > arr[largest]:
            largest = r
        if largest != i:
            arr[i], arr[largest] = arr[largest], arr[i]
            self.heapify(arr, n, largest)
    def heapSort(self, arr):
        n = len(arr)
        for i in range(n // 2 - 1, -1, -1):
            self.heapify(arr, n, i)
        for i in range(n - 1, 0, -1):
            arr[0], arr[i] = arr[i], arr[0]
            self.heapify(arr, i, 0)
"""

JAVA_HEAPIFY = """
public class Solution {
    public int[] sortArray(int[] nums) { heapSort(nums); return nums; }
    private void heapify(int[] arr, int n, int i) {
        int l = 2 * i + 1, r = 2 * i + 2, largest = i;
        if (l < n && arr[l] > arr[largest]) largest = l;
        if (r < n && arr[r] > arr[largest]) largest = r;
        if (largest != i) {
            int t = arr[i]; arr[i] = arr[largest]; arr[largest] = t;
            heapify(arr, n, largest);
        }
    }
    private void heapSort(int[] arr) {
        int n = arr.length;
        for (int i = n / 2 - 1; i >= 0; i--) heapify(arr, n, i);
        for (int i = n - 1; i > 0; i--) {
            int t = arr[0]; arr[0] = arr[i]; arr[i] = t;
            heapify(arr, i, 0);
        }
    }
}
"""

PY_UNTYPED_ENTRY = """
class Solution:
    def lengthOfLIS(self, nums):
        n = len(nums)
        memo = [[-1] * (n + 1) for _ in range(n)]
        def dfs(i, j):
            if i == n:
                return 0
            if memo[i][j + 1] != -1:
                return memo[i][j + 1]
            best = dfs(i + 1, j)
            if j == -1 or nums[j] < nums[i]:
                best = max(best, 1 + dfs(i + 1, i))
            memo[i][j + 1] = best
            return best
        return dfs(0, -1)
"""

JAVA_LIS = """
public class Solution {
    private int[][] memo;
    public int lengthOfLIS(int[] nums) {
        int n = nums.length;
        memo = new int[n][n + 1];
        for (int[] row : memo) Arrays.fill(row, -1);
        return dfs(nums, 0, -1);
    }
    private int dfs(int[] nums, int i, int j) {
        if (i == nums.length) return 0;
        if (memo[i][j + 1] != -1) return memo[i][j + 1];
        int best = dfs(nums, i + 1, j);
        if (j == -1 || nums[j] < nums[i]) best = Math.max(best, 1 + dfs(nums, i + 1, i));
        memo[i][j + 1] = best;
        return best;
    }
}
"""

PY_TUPLE_CELL = """
class Solution:
    def swimInWater(self, grid: List[List[int]]) -> int:
        n = len(grid)
        visit = [[False] * n for _ in range(n)]
        def dfs(node, t):
            r, c = node
            if min(r, c) < 0 or max(r, c) >= n or visit[r][c]:
                return 1000000
            if r == n - 1 and c == n - 1:
                return max(t, grid[r][c])
            visit[r][c] = True
            t = max(t, grid[r][c])
            res = min(dfs((r + 1, c), t), dfs((r - 1, c), t), dfs((r, c + 1), t), dfs((r, c - 1), t))
            visit[r][c] = False
            return res
        return dfs((0, 0), 0)
"""

JAVA_CELL = """
public class Solution {
    public int swimInWater(int[][] grid) {
        int n = grid.length;
        boolean[][] visit = new boolean[n][n];
        return dfs(grid, visit, 0, 0, 0);
    }
    private int dfs(int[][] grid, boolean[][] visit, int r, int c, int t) {
        int n = grid.length;
        if (r < 0 || c < 0 || r >= n || c >= n || visit[r][c]) return 1000000;
        if (r == n - 1 && c == n - 1) return Math.max(t, grid[r][c]);
        visit[r][c] = true;
        t = Math.max(t, grid[r][c]);
        int res = Math.min(Math.min(dfs(grid, visit, r + 1, c, t), dfs(grid, visit, r - 1, c, t)),
                           Math.min(dfs(grid, visit, r, c + 1, t), dfs(grid, visit, r, c - 1, t)));
        visit[r][c] = false;
        return res;
    }
}
"""


def test_an_untyped_parameter_read_by_index_is_passed_on_like_a_typed_array():
    python = extract_text(PY_HEAPIFY, "python")
    # arr stays: heapify reads it, as the closure would capture it (heapSort, called once, is inlined)
    assert "fn f1(p0: seq) {" in python
    assert extract_text(JAVA_HEAPIFY, "java") == python


def test_a_captured_untyped_parameter_has_the_kind_its_uses_show():
    python = extract_text(PY_UNTYPED_ENTRY, "python")
    assert "@memo\nfn f1(p0: seq, p1: num, p2: num) {" in python
    assert extract_text(JAVA_LIS, "java") == python


def test_a_tuple_argument_is_a_record_of_numbers_not_a_collection():
    python = extract_text(PY_TUPLE_CELL, "python")
    assert "fn f1(p0: set, p1: seq) {" in python  # visit and grid; the (r, c) cell is O(1) state
    assert extract_text(JAVA_CELL, "java") == python


JAVA_STRING_KEY = """
class Solution {
    private Map<String, Integer> memo = new HashMap<>();
    public int uniquePaths(int m, int n) { return dfs(0, 0, m, n); }
    private int dfs(int i, int j, int m, int n) {
        if (i == m - 1 || j == n - 1) return 1;
        String key = i + "," + j;
        if (memo.containsKey(key)) return memo.get(key);
        int res = dfs(i + 1, j, m, n) + dfs(i, j + 1, m, n);
        memo.put(key, res);
        return res;
    }
}
"""

PY_TUPLE_KEY = """
class Solution:
    def uniquePaths(self, m: int, n: int) -> int:
        memo = {}
        def dfs(i, j):
            if i == m - 1 or j == n - 1:
                return 1
            if (i, j) in memo:
                return memo[(i, j)]
            memo[(i, j)] = dfs(i + 1, j) + dfs(i, j + 1)
            return memo[(i, j)]
        return dfs(0, 0)
"""

PY_SUFFIX_MEMO = """
class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        words = set(wordDict)
        @cache
        def dfs(s):
            if not s:
                return True
            for i in range(1, len(s) + 1):
                if s[:i] in words and dfs(s[i:]):
                    return True
            return False
        return dfs(s)
"""


def test_a_string_key_of_numbers_is_a_tuple_key():
    python = extract_text(PY_TUPLE_KEY, "python")
    assert "@memo\nfn f1(p0: num, p1: num) {" in python
    assert extract_text(JAVA_STRING_KEY, "java") == python


def test_a_helper_called_with_a_string_and_its_slices_takes_a_string():
    assert "@memo\nfn f1(p0: str, p1: set) {" in extract_text(PY_SUFFIX_MEMO, "python")


PY_ROW_WIDTH = """
class Solution:
    def minCostII(self, costs: List[List[int]]) -> int:
        n, k = len(costs), len(costs[0])
        @lru_cache(maxsize=None)
        def solve(house, color):
            if house == n - 1:
                return costs[house][color]
            best = math.inf
            for nxt in range(k):
                if nxt != color:
                    best = min(best, solve(house + 1, nxt))
            return costs[house][color] + best
        return min(solve(0, color) for color in range(k))
"""

RUST_ROW_WIDTH = """
impl Solution {
    pub fn min_cost_ii(costs: Vec<Vec<i32>>) -> i32 {
        let n = costs.len();
        let k = costs[0].len();
        let mut memo = HashMap::new();
        fn solve(house: usize, color: usize, costs: &Vec<Vec<i32>>, k: usize, n: usize,
                 memo: &mut HashMap<(usize, usize), i32>) -> i32 {
            if house == n - 1 {
                return costs[house][color];
            }
            if let Some(&val) = memo.get(&(house, color)) {
                return val;
            }
            let mut best = i32::MAX;
            for nxt in 0..k {
                if nxt != color {
                    best = best.min(solve(house + 1, nxt, costs, k, n, memo));
                }
            }
            let total = costs[house][color] + best;
            memo.insert((house, color), total);
            total
        }
        let mut res = i32::MAX;
        for color in 0..k {
            res = res.min(solve(0, color, &costs, k, n, &mut memo));
        }
        res
    }
}
"""


def test_a_parameter_carrying_the_width_of_a_passed_grid_is_that_width():
    python = extract_text(PY_ROW_WIDTH, "python")
    assert "@memo\nfn f1(p0: seq, p1: num, p2: num) {" in python and "  for p0[] {" in python
    assert extract_text(RUST_ROW_WIDTH, "rust") == python


PY_PREVIOUS_CHAR = """
class Solution:
    def longestIdealString(self, s: str, k: int) -> int:
        @cache
        def dfs(i, prev):
            if i == len(s):
                return 0
            skip = dfs(i + 1, prev)
            if prev == "" or abs(ord(s[i]) - ord(prev)) <= k:
                return max(skip, 1 + dfs(i + 1, s[i]))
            return skip
        return dfs(0, "")
"""

JAVA_PREVIOUS_CHAR = """
public class Solution {
    private Integer[][] memo;
    public int longestIdealString(String s, int k) {
        memo = new Integer[s.length()][27];
        return dfs(0, 26, s, k);
    }
    private int dfs(int i, int prev, String s, int k) {
        if (i == s.length()) return 0;
        if (memo[i][prev] != null) return memo[i][prev];
        int skip = dfs(i + 1, prev, s, k);
        int c = s.charAt(i) - 'a';
        if (prev == 26 || Math.abs(c - prev) <= k) {
            return memo[i][prev] = Math.max(skip, 1 + dfs(i + 1, c, s, k));
        }
        return memo[i][prev] = skip;
    }
}
"""

PY_GROWN_PREFIX = """
class Solution:
    def generateParenthesis(self, n: int) -> List[str]:
        res = []
        def backtrack(cur, opened, closed):
            if len(cur) == 2 * n:
                res.append(cur)
                return
            if opened < n:
                backtrack(cur + "(", opened + 1, closed)
            if closed < opened:
                backtrack(cur + ")", opened, closed + 1)
        backtrack("", 0, 0)
        return res
"""


def test_a_string_parameter_given_only_characters_is_a_character():
    python = extract_text(PY_PREVIOUS_CHAR, "python")
    assert "@memo\nfn f1(p0: str, p1: num, p2: num) {" in python
    assert extract_text(JAVA_PREVIOUS_CHAR, "java") == python


def test_a_string_grown_by_each_call_stays_a_string():
    assert _header(extract_text(PY_GROWN_PREFIX, "python")) == "fn f1(p0: seq, p1: str) {"  # res, cur
