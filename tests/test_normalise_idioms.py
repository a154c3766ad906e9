"""Library idioms and conversions that only change representation give the same skeleton in every language.

Each case is one algorithm written with each language's usual idiom; the skeletons must be equal to
Python's, and (once, by hand) to the expected text.  The counter-cases check that what does cost stays:
a copy per recursive call, a sort, a join.
"""

from __future__ import annotations

import textwrap

import pytest

from skeldsl import extract_text


def skel(code: str, lang: str) -> str:
    return extract_text(textwrap.dedent(code), lang)


# --------------------------------------------------------------------- a string's characters are the string

CHARS = {
    "python": """
        def f(s: str) -> int:
            chars = list(s)
            n = 0
            for c in chars:
                n += 1
            return n
    """,
    "java": """
        class Solution {
            int f(String s) {
                char[] chars = s.toCharArray();
                int n = 0;
                for (char c : chars) n++;
                return n;
            }
        }
    """,
    "csharp": """
        public class Solution {
            public int F(string s) {
                char[] chars = s.ToCharArray();
                int n = 0;
                foreach (char c in chars) n++;
                return n;
            }
        }
    """,
    "kotlin": """
        class Solution {
            fun f(s: String): Int {
                val chars = s.toCharArray()
                var n = 0
                for (c in chars) n++
                return n
            }
        }
    """,
    "javascript": """
        function f(s) {
            const chars = s.split('');
            let n = 0;
            for (const c of chars) n++;
            return n;
        }
    """,
    "go": """
        func f(s string) int {
            chars := []byte(s)
            n := 0
            for range chars { n++ }
            return n
        }
    """,
    "swift": """
        func f(_ s: String) -> Int {
            let chars = Array(s)
            var n = 0
            for _ in chars { n += 1 }
            return n
        }
    """,
}


@pytest.mark.parametrize("lang", sorted(CHARS))
def test_char_array_of_a_string_is_the_string(lang: str) -> None:
    assert skel(CHARS[lang], lang) == "skel 1\nfn f0(p0: str) {\n  for p0 {\n  }\n}\n"


def test_char_array_of_an_element_is_the_element() -> None:
    """``words[i].toCharArray()`` views the word even though its type is not declared."""
    java = """
        class Solution {
            int f(String[] words) {
                int n = 0;
                for (String w : words) {
                    char[] a = w.toCharArray();
                    Arrays.sort(a);
                    n += new String(a).length();
                }
                return n;
            }
        }
    """
    python = """
        def f(words: list[str]) -> int:
            n = 0
            for w in words:
                n += len("".join(sorted(w)))
            return n
    """
    # the sorted characters joined back into a string: a change of representation, no step of its own
    expected = "skel 1\nfn f0(p0: seq) {\n  for p0 {\n    sort(p0[])\n  }\n}\n"
    assert skel(java, "java") == skel(python, "python") == expected


# ------------------------------------------------------------------------- sorted copies sort the original

SORTED = {
    "python": """
        def f(nums: list[int]) -> int:
            ordered = sorted(nums)
            best = 0
            for x in ordered:
                best += x
            return best
    """,
    "java": """
        class Solution {
            int f(int[] nums) {
                int[] ordered = nums.clone();
                Arrays.sort(ordered);
                int best = 0;
                for (int x : ordered) best += x;
                return best;
            }
        }
    """,
    "kotlin": """
        class Solution {
            fun f(nums: IntArray): Int {
                val ordered = nums.sorted()
                var best = 0
                for (x in ordered) best += x
                return best
            }
        }
    """,
    "javascript": """
        /** @param {number[]} nums */
        function f(nums) {
            const ordered = [...nums].sort((a, b) => a - b);
            let best = 0;
            for (const x of ordered) best += x;
            return best;
        }
    """,
}


@pytest.mark.parametrize("lang", sorted(SORTED))
def test_sorted_copy_is_sorting_in_place(lang: str) -> None:
    assert skel(SORTED[lang], lang) == "skel 1\nfn f0(p0: seq) {\n  sort(p0)\n  for p0 {\n  }\n}\n"


# ------------------------------------------------------------------------------ whole copies and reversals

def test_whole_slice_is_a_copy() -> None:
    python = """
        def f(xs: list[int]) -> list[list[int]]:
            res = []
            for x in xs:
                res.append(xs[:])
            return res
    """
    javascript = """
        function f(xs) {
            const res = [];
            for (const x of xs) res.push(xs.slice());
            return res;
        }
    """
    go = """
        func f(xs []int) [][]int {
            res := [][]int{}
            for range xs { res = append(res, append([]int{}, xs...)) }
            return res
        }
    """
    java = """
        class Solution {
            List<List<Integer>> f(List<Integer> xs) {
                List<List<Integer>> res = new ArrayList<>();
                for (int x : xs) res.add(new ArrayList<>(xs));
                return res;
            }
        }
    """
    # (a list appended to once per pass is sized by the loop: v0 = list(p0))
    expected = "skel 1\nfn f0(p0: seq) {\n  v0 = list(p0)\n  for p0 {\n    copy(p0)\n  }\n}\n"
    assert skel(python, "python") == expected
    assert skel(javascript, "javascript") == skel(go, "go") == skel(java, "java") == expected


REVERSED = {
    "python": "def f(s: str) -> bool:\n    t = s[::-1]\n    return s == t\n",
    "javascript": "function f(s) {\n  const t = s.split('').reverse().join('');\n  return s === t;\n}\n",
    "kotlin": "class Solution {\n  fun f(s: String): Boolean {\n    val t = s.reversed()\n    return s == t\n  }\n}\n",
    "swift": "func f(_ s: String) -> Bool {\n  let t = String(s.reversed())\n  return s == t\n}\n",
}


@pytest.mark.parametrize("lang", sorted(REVERSED))
def test_whole_reversal_is_reverse(lang: str) -> None:
    assert skel(REVERSED[lang], lang) == "skel 1\nfn f0(p0: str) {\n  v0 = reverse(p0)\n}\n"


def test_stepped_slice_stays_a_slice() -> None:
    assert "v0 = slice(p0)" in skel("def f(s: str):\n    t = s[::2]\n    return t\n", "python")


# --------------------------------------------------------------------------------- results and builders

def test_returned_copy_is_the_result_itself() -> None:
    python = """
        def f(nums: list[int]) -> list[int]:
            res = deque()
            for x in nums:
                res.appendleft(x)
            return list(res)
    """
    java = """
        class Solution {
            List<Integer> f(int[] nums) {
                Deque<Integer> res = new ArrayDeque<>();
                for (int x : nums) res.addFirst(x);
                return new ArrayList<>(res);
            }
        }
    """
    expected = "skel 1\nfn f0(p0: seq) {\n  v0 = deque()\n  for p0 {\n    deque.pushfront(v0)\n  }\n}\n"
    assert skel(python, "python") == skel(java, "java") == expected


def test_recursive_function_keeps_its_returned_copy() -> None:
    """A copy per call is work: ``return path[:]`` in a recursion stays."""
    code = """
        def f(path: list[int], n: int) -> list[int]:
            if n == 0:
                return path[:]
            path.append(n)
            return f(path, n - 1)
    """
    assert "copy(p0)" in skel(code, "python")


def test_builder_filled_by_a_loop_is_a_join() -> None:
    java = """
        class Solution {
            boolean f(String[] a, String[] b) {
                StringBuilder x = new StringBuilder();
                for (String w : a) x.append(w);
                StringBuilder y = new StringBuilder();
                for (String w : b) y.append(w);
                return x.toString().equals(y.toString());
            }
        }
    """
    python = 'def f(a: list[str], b: list[str]) -> bool:\n    return "".join(a) == "".join(b)\n'
    expected = "skel 1\nfn f0(p0: seq, p1: seq) {\n  str.join(p0)\n  str.join(p1)\n}\n"
    assert skel(java, "java") == skel(python, "python") == expected


def test_builder_used_after_its_loop_stays_a_builder() -> None:
    java = """
        class Solution {
            String f(String[] a) {
                StringBuilder x = new StringBuilder();
                for (String w : a) x.append(w);
                x.append("!");
                return x.toString();
            }
        }
    """
    assert "strbuf.append" in skel(java, "java")


def test_reduction_in_a_test_is_the_loop_before_it() -> None:
    python = """
        def f(nums: list[int]) -> bool:
            if sum(nums) % 2:
                return False
            return True
    """
    go = """
        func f(nums []int) bool {
            total := 0
            for _, x := range nums { total += x }
            if total % 2 != 0 { return false }
            return true
        }
    """
    expected = "skel 1\nfn f0(p0: seq) {\n  for p0 {\n  }\n}\n"
    assert skel(python, "python") == skel(go, "go") == expected


# ----------------------------------------------------------------------- value semantics copy on insertion

BACKTRACK = {
    "python": """
        def f(nums: list[int]) -> list[list[int]]:
            res, path = [], []
            def dfs(i):
                if i == len(nums):
                    res.append(path[:])
                    return
                path.append(nums[i])
                dfs(i + 1)
                path.pop()
                dfs(i + 1)
            dfs(0)
            return res
    """,
    "cpp": """
        class Solution {
        public:
            vector<vector<int>> f(vector<int>& nums) {
                vector<vector<int>> res;
                vector<int> path;
                dfs(nums, 0, path, res);
                return res;
            }
            void dfs(vector<int>& nums, int i, vector<int>& path, vector<vector<int>>& res) {
                if (i == nums.size()) {
                    res.push_back(path);
                    return;
                }
                path.push_back(nums[i]);
                dfs(nums, i + 1, path, res);
                path.pop_back();
                dfs(nums, i + 1, path, res);
            }
        };
    """,
    "swift": """
        func f(_ nums: [Int]) -> [[Int]] {
            var res = [[Int]](), path = [Int]()
            func dfs(_ i: Int) {
                if i == nums.count {
                    res.append(path)
                    return
                }
                path.append(nums[i])
                dfs(i + 1)
                path.removeLast()
                dfs(i + 1)
            }
            dfs(0)
            return res
        }
    """,
}


@pytest.mark.parametrize("lang", ["cpp", "swift"])
def test_inserting_a_shared_collection_copies_it_in_value_languages(lang: str) -> None:
    text = skel(BACKTRACK[lang], lang)
    assert "copy(" in text
    assert text == skel(BACKTRACK["python"], "python")


def test_inserting_a_fresh_local_does_not_copy() -> None:
    """A BFS level built in the loop is handed over (C++ copies it, Python does not need to)."""
    cpp = """
        class Solution {
        public:
            vector<vector<int>> f(vector<int>& nums) {
                vector<vector<int>> res;
                for (int x : nums) {
                    vector<int> level;
                    level.push_back(x);
                    res.push_back(level);
                }
                return res;
            }
        };
    """
    assert "copy(" not in skel(cpp, "cpp")
