"""Flag arrays are sets and fixed-size count arrays are maps (``skeldsl.normalise.keyed``): the same
algorithm gives the same skeleton whether its author counted in ``int[26]`` or a ``dict``, and marked
cells in ``boolean[m][n]`` or a ``set()``; arrays that are DP tables or positional buffers stay arrays."""

from __future__ import annotations

import pytest

from skeldsl import extract_text

# ------------------------------------------------------------------------------------------- counting

ANAGRAM_DICT = """\
class Solution:
    def isAnagram(self, s: str, t: str) -> bool:
        if len(s) != len(t):
            return False
        count = {}
        for c in s:
            count[c] = count.get(c, 0) + 1
        for c in t:
            count[c] = count.get(c, 0) - 1
            if count[c] < 0:
                return False
        return True
"""

ANAGRAM_ARRAYS = {
    "python [0] * 26": ("python", """\
class Solution:
    def isAnagram(self, s: str, t: str) -> bool:
        if len(s) != len(t):
            return False
        count = [0] * 26
        for c in s:
            count[ord(c) - ord("a")] += 1
        for c in t:
            count[ord(c) - ord("a")] -= 1
            if count[ord(c) - ord("a")] < 0:
                return False
        return True
"""),
    "java int[26] with a decrement in the condition": ("java", """\
class Solution {
    public boolean isAnagram(String s, String t) {
        if (s.length() != t.length()) return false;
        int[] count = new int[26];
        for (char c : s.toCharArray()) count[c - 'a']++;
        for (char c : t.toCharArray()) {
            if (--count[c - 'a'] < 0) return false;
        }
        return true;
    }
}
"""),
    "java HashMap": ("java", """\
class Solution {
    public boolean isAnagram(String s, String t) {
        if (s.length() != t.length()) return false;
        Map<Character, Integer> count = new HashMap<>();
        for (char c : s.toCharArray()) count.put(c, count.getOrDefault(c, 0) + 1);
        for (char c : t.toCharArray()) {
            count.put(c, count.getOrDefault(c, 0) - 1);
            if (count.get(c) < 0) return false;
        }
        return true;
    }
}
"""),
    "cpp vector<int>(26)": ("cpp", """\
class Solution {
public:
    bool isAnagram(string s, string t) {
        if (s.size() != t.size()) return false;
        vector<int> count(26, 0);
        for (char c : s) count[c - 'a']++;
        for (char c : t) {
            count[c - 'a']--;
            if (count[c - 'a'] < 0) return false;
        }
        return true;
    }
};
"""),
    "typescript charCodeAt offset": ("typescript", """\
class Solution {
    isAnagram(s: string, t: string): boolean {
        if (s.length !== t.length) return false;
        const count = new Array(26).fill(0);
        for (const c of s) count[c.charCodeAt(0) - 97]++;
        for (const c of t) {
            count[c.charCodeAt(0) - 97]--;
            if (count[c.charCodeAt(0) - 97] < 0) return false;
        }
        return true;
    }
}
"""),
    "go [26]int{}": ("go", """\
func isAnagram(s string, t string) bool {
    if len(s) != len(t) {
        return false
    }
    count := [26]int{}
    for _, c := range s {
        count[c-'a']++
    }
    for _, c := range t {
        count[c-'a']--
        if count[c-'a'] < 0 {
            return false
        }
    }
    return true
}
"""),
    "rust [0; 26]": ("rust", """\
impl Solution {
    pub fn is_anagram(s: String, t: String) -> bool {
        if s.len() != t.len() {
            return false;
        }
        let mut count = [0; 26];
        for b in s.bytes() {
            count[(b - b'a') as usize] += 1;
        }
        for b in t.bytes() {
            count[(b - b'a') as usize] -= 1;
            if count[(b - b'a') as usize] < 0 {
                return false;
            }
        }
        true
    }
}
"""),
    "kotlin IntArray(26)": ("kotlin", """\
class Solution {
    fun isAnagram(s: String, t: String): Boolean {
        if (s.length != t.length) return false
        val count = IntArray(26)
        for (c in s) count[c - 'a']++
        for (c in t) {
            count[c - 'a']--
            if (count[c - 'a'] < 0) return false
        }
        return true
    }
}
"""),
}


def test_count_dict_reference() -> None:
    text = extract_text(ANAGRAM_DICT, "python")
    assert "v0 = map(p0)" in text and "map.get(v0)" in text and "list" not in text


@pytest.mark.parametrize("case", sorted(ANAGRAM_ARRAYS))
def test_count_arrays_are_maps(case: str) -> None:
    lang, source = ANAGRAM_ARRAYS[case]
    assert extract_text(source, lang) == extract_text(ANAGRAM_DICT, "python")


def test_tuple_assigned_count_arrays_and_copies() -> None:
    python = """\
def f(s1: str, s2: str) -> bool:
    a, b = [0] * 26, [0] * 26
    for i in range(len(s1)):
        a[ord(s1[i]) - ord("a")] += 1
        b[ord(s2[i]) - ord("a")] += 1
    saved = a[:]
    return a == b
"""
    java = """\
class Solution {
    public boolean f(String s1, String s2) {
        int[] a = new int[26], b = new int[26];
        for (int i = 0; i < s1.length(); i++) {
            a[s1.charAt(i) - 'a']++;
            b[s2.charAt(i) - 'a']++;
        }
        int[] saved = a.clone();
        return Arrays.equals(a, b);
    }
}
"""
    text = extract_text(python, "python")
    assert "map()" in text and text == extract_text(java, "java")


# ---------------------------------------------------------------------------------------- visited sets

ISLANDS_SET = """\
class Solution:
    def numIslands(self, grid):
        rows, cols = len(grid), len(grid[0])
        visit = set()

        def dfs(r, c):
            if r < 0 or c < 0 or r >= rows or c >= cols or (r, c) in visit or grid[r][c] == "0":
                return
            visit.add((r, c))
            dfs(r + 1, c)
            dfs(r - 1, c)

        res = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] == "1" and (r, c) not in visit:
                    dfs(r, c)
                    res += 1
        return res
"""

ISLANDS_GRIDS = {
    "python boolean grid": ("python", ISLANDS_SET.replace(
        "visit = set()", "visit = [[False] * cols for _ in range(rows)]").replace(
        "(r, c) in visit", "visit[r][c]").replace("visit.add((r, c))", "visit[r][c] = True").replace(
        "(r, c) not in visit", "not visit[r][c]")),
    "java boolean[][] field": ("java", """\
class Solution {
    boolean[][] visit;
    int rows, cols;
    public int numIslands(char[][] grid) {
        rows = grid.length; cols = grid[0].length;
        visit = new boolean[rows][cols];
        int res = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (grid[r][c] == '1' && !visit[r][c]) { dfs(grid, r, c); res++; }
        return res;
    }
    void dfs(char[][] grid, int r, int c) {
        if (r < 0 || c < 0 || r >= rows || c >= cols || visit[r][c] || grid[r][c] == '0') return;
        visit[r][c] = true;
        dfs(grid, r + 1, c);
        dfs(grid, r - 1, c);
    }
}
"""),
    "java boolean[][] passed to the helper": ("java", """\
class Solution {
    public int numIslands(char[][] grid) {
        int rows = grid.length, cols = grid[0].length;
        boolean[][] visit = new boolean[rows][cols];
        int res = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (grid[r][c] == '1' && !visit[r][c]) { dfs(grid, visit, r, c); res++; }
        return res;
    }
    void dfs(char[][] grid, boolean[][] visit, int r, int c) {
        if (r < 0 || c < 0 || r >= grid.length || c >= grid[0].length || visit[r][c] || grid[r][c] == '0') return;
        visit[r][c] = true;
        dfs(grid, visit, r + 1, c);
        dfs(grid, visit, r - 1, c);
    }
}
"""),
    "kotlin Array(rows) { BooleanArray(cols) }": ("kotlin", """\
class Solution {
    fun numIslands(grid: Array<CharArray>): Int {
        val rows = grid.size
        val cols = grid[0].size
        val visit = Array(rows) { BooleanArray(cols) }
        fun dfs(r: Int, c: Int) {
            if (r < 0 || c < 0 || r >= rows || c >= cols || visit[r][c] || grid[r][c] == '0') return
            visit[r][c] = true
            dfs(r + 1, c)
            dfs(r - 1, c)
        }
        var res = 0
        for (r in 0 until rows) {
            for (c in 0 until cols) {
                if (grid[r][c] == '1' && !visit[r][c]) {
                    dfs(r, c)
                    res++
                }
            }
        }
        return res
    }
}
"""),
}


def test_visited_set_reference() -> None:
    text = extract_text(ISLANDS_SET, "python")
    assert "v0 = set()" in text and "set.add(p0)" in text


@pytest.mark.parametrize("case", sorted(ISLANDS_GRIDS))
def test_visited_grids_are_sets(case: str) -> None:
    lang, source = ISLANDS_GRIDS[case]
    python = extract_text(ISLANDS_SET, "python")
    text = extract_text(source, lang)
    # the grid itself may be a lifted parameter in one language only (not this pass's business)
    assert _without_params(text) == _without_params(python)
    assert "set.has" in text and "set.add" in text and "list" not in text


def _without_params(text: str) -> str:
    return "\n".join(line.split("(")[0] if line.startswith("fn ") else line for line in text.splitlines())


def test_backtracking_flags_are_added_and_removed() -> None:
    python = """\
def permute(nums):
    res = []
    used = [False] * len(nums)
    def backtrack(path):
        if len(path) == len(nums):
            res.append(path[:])
            return
        for i in range(len(nums)):
            if not used[i]:
                used[i] = True
                path.append(nums[i])
                backtrack(path)
                path.pop()
                used[i] = False
    backtrack([])
    return res
"""
    with_set = python.replace("[False] * len(nums)", "set()").replace("not used[i]", "i not in used") \
        .replace("used[i] = True", "used.add(i)").replace("used[i] = False", "used.remove(i)")
    text = extract_text(python, "python")
    assert text == extract_text(with_set, "python")
    assert "set.del" in text


# --------------------------------------------------------------------------------- what stays an array


@pytest.mark.parametrize("source", [
    # a boolean DP table: its values are data (returned, computed from other cells)
    "def f(s, words):\n    dp = [False] * (len(s) + 1)\n    dp[0] = True\n"
    "    for i in range(1, len(s) + 1):\n        for w in words:\n"
    "            if dp[i - 1] and s.startswith(w):\n                dp[i] = True\n    return dp[len(s)]\n",
    # indexed by arithmetic: a positional table, not a keyed one
    "def f(nums):\n    seen = [False] * len(nums)\n    for x in nums:\n        if seen[x - 1]:\n"
    "            return x\n        seen[x - 1] = True\n    return 0\n",
    # a sieve starts true
    "def f(n):\n    prime = [True] * n\n    for i in range(2, n):\n        if prime[i]:\n"
    "            for j in range(i * i, n, i):\n                prime[j] = False\n    return 0\n",
    # a flag array handed to library code
    "def f(nums):\n    seen = [False] * len(nums)\n    for x in nums:\n        seen[x] = True\n    return sum(seen)\n",
])
def test_boolean_arrays_that_are_not_sets(source: str) -> None:
    text = extract_text(source, "python")
    assert "set" not in text and "list" in text


@pytest.mark.parametrize("source", [
    # sized by the input: O(n) to allocate, unlike an empty map
    "def f(nums):\n    count = [0] * (len(nums) + 1)\n    for x in nums:\n        count[x] += 1\n    return count\n",
    # a pair indexed by literals only
    "def f(nums):\n    res = [0] * 2\n    for x in nums:\n        res[0] += x\n        res[1] -= x\n    return res[0]\n",
    # a rolling DP table: arithmetic indices
    "def f(n):\n    dp = [0] * 3\n    dp[1] = 1\n    for i in range(2, n):\n"
    "        dp[i % 3] = dp[(i - 1) % 3] + dp[(i - 2) % 3]\n    return dp[n % 3]\n",
])
def test_count_arrays_that_are_not_maps(source: str) -> None:
    text = extract_text(source, "python")
    assert "map" not in text


def test_a_flag_array_and_a_set_of_one_algorithm_differ_from_the_quadratic_one() -> None:
    """Discrimination: marking seen values (O(n)) and rescanning the prefix (O(n^2)) stay distinct."""
    flags = "def f(nums):\n    seen = [False] * 100\n    for x in nums:\n        if seen[x]:\n" \
            "            return True\n        seen[x] = True\n    return False\n"
    quadratic = "def f(nums):\n    for i in range(len(nums)):\n        for j in range(i):\n" \
                "            if nums[i] == nums[j]:\n                return True\n    return False\n"
    assert extract_text(flags, "python") != extract_text(quadratic, "python")
    assert "set.has" in extract_text(flags, "python")


def test_jagged_rows_allocated_in_a_loop_are_one_set() -> None:
    """C#'s ``new bool[rows][]`` filled row by row, and Go's rows made in a loop, are one visited set."""
    csharp = """\
public class Solution {
    public int NumIslands(char[][] grid) {
        int rows = grid.Length, cols = grid[0].Length;
        bool[][] visit = new bool[rows][];
        for (int i = 0; i < rows; i++) visit[i] = new bool[cols];
        void Dfs(int r, int c) {
            if (r < 0 || c < 0 || r >= rows || c >= cols || visit[r][c] || grid[r][c] == '0') return;
            visit[r][c] = true;
            Dfs(r + 1, c);
            Dfs(r - 1, c);
        }
        int res = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (grid[r][c] == '1' && !visit[r][c]) { Dfs(r, c); res++; }
        return res;
    }
}
"""
    go = """\
func numIslands(grid [][]byte) int {
    rows, cols := len(grid), len(grid[0])
    visit := make([][]bool, rows)
    for i := range visit {
        visit[i] = make([]bool, cols)
    }
    var dfs func(r, c int)
    dfs = func(r, c int) {
        if r < 0 || c < 0 || r >= rows || c >= cols || visit[r][c] || grid[r][c] == '0' {
            return
        }
        visit[r][c] = true
        dfs(r+1, c)
        dfs(r-1, c)
    }
    res := 0
    for r := 0; r < rows; r++ {
        for c := 0; c < cols; c++ {
            if grid[r][c] == '1' && !visit[r][c] {
                dfs(r, c)
                res++
            }
        }
    }
    return res
}
"""
    python = _without_params(extract_text(ISLANDS_SET, "python"))
    assert _without_params(extract_text(csharp, "csharp")) == python
    assert _without_params(extract_text(go, "go")) == python


def test_sentinel_initialised_index_tables_are_maps() -> None:
    """``[-1] * 26``, ``new int[26]`` filled with -1 by a loop, ``IntArray(26) { -1 }``: a map from letter to
    first index, like a dict."""
    python = """\
class Solution:
    def maxLengthBetweenEqualCharacters(self, s: str) -> int:
        first = [-1] * 26
        res = -1
        for i, c in enumerate(s):
            j = ord(c) - ord("a")
            if first[j] != -1:
                res = max(res, i - first[j] - 1)
            else:
                first[j] = i
        return res
"""
    java = """\
class Solution {
    public int maxLengthBetweenEqualCharacters(String s) {
        int[] first = new int[26];
        for (int i = 0; i < 26; i++) first[i] = -1;
        int res = -1;
        for (int i = 0; i < s.length(); i++) {
            int j = s.charAt(i) - 'a';
            if (first[j] != -1) res = Math.max(res, i - first[j] - 1);
            else first[j] = i;
        }
        return res;
    }
}
"""
    kotlin = """\
class Solution {
    fun maxLengthBetweenEqualCharacters(s: String): Int {
        val first = IntArray(26) { -1 }
        var res = -1
        for (i in s.indices) {
            val j = s[i] - 'a'
            if (first[j] != -1) res = maxOf(res, i - first[j] - 1) else first[j] = i
        }
        return res
    }
}
"""
    text = extract_text(python, "python")
    assert "v0 = map()" in text
    assert extract_text(java, "java") == text
    assert extract_text(kotlin, "kotlin") == text


def test_swift_bitmask_tables_and_named_character_offsets() -> None:
    """Swift's ``rows[r] |= bit`` is a compound assignment (the grammar reads a custom operator), and an
    offset by a constant kept in a name (``let a = Int(Character("a").asciiValue!)``) is a key."""
    python = """\
class Solution:
    def f(self, s: str) -> bool:
        count = [0] * 26
        for c in s:
            count[ord(c) - ord("a")] |= 1
        return count[0] == 1
"""
    swift = """\
class Solution {
    func f(_ s: String) -> Bool {
        var count = [Int](repeating: 0, count: 26)
        let a = Int(Character("a").asciiValue!)
        for c in s {
            count[Int(c.asciiValue!) - a] |= 1
        }
        return count[0] == 1
    }
}
"""
    text = extract_text(python, "python")
    assert "map" in text and extract_text(swift, "swift") == text


def test_go_fixed_size_arrays_keep_their_size() -> None:
    go = "func f(s string) int {\n    var count [26]int\n    for _, c := range s {\n        count[c-'a']++\n" \
         "    }\n    return count[0]\n}\n"
    python = "def f(s: str) -> int:\n    count = [0] * 26\n    for c in s:\n        count[ord(c) - ord('a')] += 1\n" \
             "    return count[0]\n"
    assert extract_text(go, "go") == extract_text(python, "python")
    assert "map(p0)" in extract_text(python, "python")
