"""Container kinds and their operations agree across languages (issue 3, cross-language agreement).

Each test writes one algorithm in Python and in the languages whose idiom differs, and asserts the
skeletons are equal (and, once, what they say), so a change that breaks one language's idiom fails here.
"""

from __future__ import annotations

import textwrap

import pytest

from skeldsl import extract_text


def skel(code: str, lang: str) -> str:
    return extract_text(textwrap.dedent(code), lang)


# --------------------------------------------------------------------------------------------- heaps

LAST_STONE_PY = """
import heapq
class Solution:
    def f(self, nums):
        h = []
        for x in nums:
            heapq.heappush(h, -x)
        while len(h) > 1:
            a = heapq.heappop(h)
            b = heapq.heappop(h)
            if a != b:
                heapq.heappush(h, a - b)
        return -h[0]
"""

LAST_STONE_KOTLIN = """
class Solution {
    fun f(nums: IntArray): Int {
        val h = PriorityQueue<Int>(reverseOrder())
        for (x in nums) h.add(x)
        while (h.size > 1) {
            val a = h.poll()
            val b = h.poll()
            if (a != b) h.add(a - b)
        }
        return h.peek()
    }
}
"""

LAST_STONE_JAVA = """
class Solution {
    public int f(int[] nums) {
        PriorityQueue<Integer> h = new PriorityQueue<>((a, b) -> b - a);
        for (int x : nums) h.offer(x);
        while (h.size() > 1) {
            int a = h.poll();
            int b = h.poll();
            if (a != b) h.offer(a - b);
        }
        return h.peek();
    }
}
"""


def test_heap_with_comparator_and_top_agree() -> None:
    """Kotlin's ``PriorityQueue<Int>(reverseOrder())`` (which tree-sitter-kotlin reads as two comparisons)
    is a heap, and reading the top (Python's ``h[0]``, ``peek()``) is O(1) indexing in every language."""
    python = skel(LAST_STONE_PY, "python")
    assert python == skel(LAST_STONE_KOTLIN, "kotlin") == skel(LAST_STONE_JAVA, "java")
    assert "heap.top" not in python and "while v0 {\n    heap.pop(v0)" in python


def test_rust_collect_into_a_declared_heap_builds_a_heap() -> None:
    rust = """
    impl Solution {
        pub fn f(nums: Vec<i32>) -> i32 {
            let mut h: BinaryHeap<i32> = nums.into_iter().collect();
            while h.len() > 1 {
                let a = h.pop().unwrap();
                let b = h.pop().unwrap();
                if a != b { h.push(a - b); }
            }
            0
        }
    }
    """
    cpp = """
    class Solution {
    public:
        int f(vector<int>& nums) {
            priority_queue<int> h(nums.begin(), nums.end());
            while (h.size() > 1) {
                int a = h.top(); h.pop();
                int b = h.top(); h.pop();
                if (a != b) h.push(a - b);
            }
            return 0;
        }
    };
    """
    text = skel(rust, "rust")
    assert text == skel(cpp, "cpp")
    assert "v0 = heap(p0)" in text and "stack" not in text


# ------------------------------------------------------------------------------------ hash lookups


def test_membership_test_then_read_is_one_lookup_with_default() -> None:
    python = """
    class Solution:
        def f(self, nums):
            mp = {}
            for n in nums:
                if n not in mp:
                    mp[n] = mp.get(n - 1, 0) + 1
            return 0
    """
    csharp = """
    public class Solution {
        public int F(int[] nums) {
            var mp = new Dictionary<int, int>();
            foreach (int n in nums) {
                if (!mp.ContainsKey(n)) {
                    mp[n] = (mp.ContainsKey(n - 1) ? mp[n - 1] : 0) + 1;
                }
            }
            return 0;
        }
    }
    """
    text = skel(python, "python")
    assert text == skel(csharp, "csharp")
    assert "if map.has(v0) {\n      map.get(v0)\n      map.put(v0)\n    }" in text


# ------------------------------------------------------------------------------------- fill loops


def test_go_set_filled_from_a_slice_keeps_its_source() -> None:
    """``seen[x] = true`` over the elements of a slice fills the set from it (Python's ``set(xs)``); only
    stores at plain positions (``dp[i] = -1``) are initialisation the extractor may drop."""
    python = """
    def f(nums: list[int], k: int):
        seen = set(nums)
        return k in seen
    """
    go = """
    func f(nums []int, k int) bool {
        seen := make(map[int]bool)
        for _, x := range nums {
            seen[x] = true
        }
        return seen[k]
    }
    """
    text = skel(go, "go")
    assert text == skel(python, "python")
    assert "v0 = set(p0)" in text


# -------------------------------------------------------------------------------- queues and deques

BFS_PY = """
from collections import deque
class Solution:
    def f(self, n, adj):
        q = deque([0])
        seen = set()
        while q:
            x = q.popleft()
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    q.append(y)
        return len(seen)
"""

BFS_WORKLISTS = {
    "python": """
    class Solution:
        def f(self, n, adj):
            q = [0]
            seen = set()
            for x in q:
                for y in adj[x]:
                    if y not in seen:
                        seen.add(y)
                        q.append(y)
            return len(seen)
    """,
    "swift": """
    class Solution {
        func f(_ n: Int, _ adj: [[Int]]) -> Int {
            var queue = [0]
            var seen = Set<Int>()
            var head = 0
            while head < queue.count {
                let x = queue[head]
                head += 1
                for y in adj[x] {
                    if !seen.contains(y) {
                        seen.insert(y)
                        queue.append(y)
                    }
                }
            }
            return seen.count
        }
    }
    """,
    "cpp": """
    class Solution {
    public:
        int f(int n, vector<vector<int>>& adj) {
            vector<int> q = {0};
            unordered_set<int> seen;
            for (int i = 0; i < q.size(); i++) {
                int x = q[i];
                for (int y : adj[x]) {
                    if (!seen.count(y)) { seen.insert(y); q.push_back(y); }
                }
            }
            return seen.size();
        }
    };
    """,
}


@pytest.mark.parametrize("lang", sorted(BFS_WORKLISTS))
def test_walk_over_a_growing_list_is_a_queue(lang: str) -> None:
    """A loop over a list's live size (or its elements) that appends to the list drains a FIFO worklist."""
    expected = skel(BFS_PY, "python")
    assert "while v0 {\n    queue.pop(v0)" in expected
    assert skel(BFS_WORKLISTS[lang], lang) == expected


def test_walk_over_a_saved_size_stays_a_loop() -> None:
    """``for i in range(len(res)): res.append(..)`` walks the elements there were (subsets doubling)."""
    text = skel("""
    def f(nums):
        res = [[]]
        for x in nums:
            for i in range(len(res)):
                res.append(res[i] + [x])
        return res
    """, "python")
    assert "queue" not in text and "while" not in text


def test_slice_popped_at_both_ends_is_a_deque() -> None:
    python = """
    from collections import deque
    def f(nums, k):
        q = deque()
        res = 0
        for i, x in enumerate(nums):
            while q and q[0] < i - k:
                q.popleft()
            while q and nums[q[-1]] < x:
                q.pop()
            q.append(i)
        return res
    """
    go = """
    func f(nums []int, k int) int {
        q := []int{}
        res := 0
        for i, x := range nums {
            for len(q) > 0 && q[0] < i-k {
                q = q[1:]
            }
            for len(q) > 0 && nums[q[len(q)-1]] < x {
                q = q[:len(q)-1]
            }
            q = append(q, i)
        }
        return res
    }
    """
    text = skel(go, "go")
    assert text == skel(python, "python")
    assert "v0 = deque()" in text and "deque.popfront(v0)" in text and "deque.pop(v0)" in text

