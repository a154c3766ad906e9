"""Container kinds follow how a container is used, never an O(n) operation dressed as an O(1) one
(issue 3, cross-language agreement: the same stack or queue in every language's spelling).
"""

from __future__ import annotations

import textwrap

from skeldsl import extract, extract_text
from skeldsl.cost import estimate


def skel(code: str, lang: str) -> str:
    return extract_text(textwrap.dedent(code), lang)


# ----------------------------------------------------------- list.pop(i) removes at a position: O(n)

LARGEST_PY = """
class Solution:
    def f(self, nums: List[int]) -> str:
        arr = [str(x) for x in nums]
        res = []
        while arr:
            best = 0
            for i in range(1, len(arr)):
                if arr[i] > arr[best]:
                    best = i
            res.append(arr[best])
            arr.pop(best)
        return "".join(res)
"""

LARGEST_JAVA = """
class Solution {
    public String f(int[] nums) {
        List<String> arr = new ArrayList<>();
        for (int x : nums) arr.add(String.valueOf(x));
        StringBuilder res = new StringBuilder();
        while (!arr.isEmpty()) {
            int best = 0;
            for (int i = 1; i < arr.size(); i++) {
                if (arr.get(i).compareTo(arr.get(best)) > 0) best = i;
            }
            res.append(arr.get(best));
            arr.remove(best);
        }
        return res.toString();
    }
}
"""

QUEUE_POP0_PY = """
class Solution:
    def f(self, root):
        q = [root]
        while q:
            node = q.pop(0)
            q.append(node.left)
        return 0
"""

STACK_PY = """
class Solution:
    def f(self, root):
        q = [root]
        while q:
            node = q.pop()
            q.append(node.left)
        return 0
"""


def test_pop_at_a_position_is_a_delete_like_java_remove():
    python = skel(LARGEST_PY, "python")
    assert "list.del(v0)" in python and "stack" not in python
    assert skel(LARGEST_JAVA, "java") == python


def test_python_pop_front_of_a_list_never_becomes_an_o1_queue():
    text = skel(QUEUE_POP0_PY, "python")
    assert "list.del(v0)" in text and "queue" not in text and "stack" not in text
    # near miss: pop() and pop(-1) take the end, a stack
    assert "stack.pop(v0)" in skel(STACK_PY, "python")
    assert skel(STACK_PY.replace("q.pop()", "q.pop(-1)"), "python") == skel(STACK_PY, "python")
    # and a dict's pop(key) is still a delete of the key
    pop_key = "def f(xs):\n    d = {}\n    for x in xs:\n        d.pop(x, None)\n"
    assert "map.del(v0)" in skel(pop_key, "python")


def test_pop_front_costs_a_pass_per_pop():
    deque = QUEUE_POP0_PY.replace("[root]", "collections.deque([root])").replace("q.pop(0)", "q.popleft()")
    assert str(estimate(extract(textwrap.dedent(deque), "python")).cost) == "O(n)"
    assert str(estimate(extract(textwrap.dedent(QUEUE_POP0_PY), "python")).cost) == "O(n^2)"


# ------------------------------------------------------------------ kinds follow use, not declaration

SEATS_PY = """
import heapq
class SeatManager:
    def __init__(self, n: int):
        self.free = []

    def reserve(self) -> int:
        return heapq.heappop(self.free)

    def unreserve(self, seat: int) -> None:
        heapq.heappush(self.free, seat)
"""

SEATS_JAVA = """
class SeatManager {
    private PriorityQueue<Integer> free;
    public SeatManager(int n) {
        free = new PriorityQueue<>();
    }
    public int reserve() {
        return free.poll();
    }
    public void unreserve(int seat) {
        free.offer(seat);
    }
}
"""

WINDOW_PY = """
from collections import deque
class Solution:
    def f(self, root: Optional[TreeNode], k: int) -> List[int]:
        q = deque()
        def dfs(node, q):
            if not node:
                return
            dfs(node.left, q)
            q.append(node.val)
            if len(q) > k:
                if q[0] > node.val:
                    q.pop()
                    return
                q.popleft()
            dfs(node.right, q)
        dfs(root, q)
        return list(q)
"""

WINDOW_JAVA = """
class Solution {
    public List<Integer> f(TreeNode root, int k) {
        Deque<Integer> q = new ArrayDeque<>();
        dfs(root, q, k);
        return new ArrayList<>(q);
    }
    private void dfs(TreeNode node, Deque<Integer> q, int k) {
        if (node == null) return;
        dfs(node.left, q, k);
        q.addLast(node.val);
        if (q.size() > k) {
            if (q.peekFirst() > node.val) {
                q.pollLast();
                return;
            }
            q.pollFirst();
        }
        dfs(node.right, q, k);
    }
}
"""


def test_a_list_used_only_through_heapq_is_a_heap():
    python = skel(SEATS_PY, "python")
    assert "s0 = heap()" in python and "list" not in python
    assert skel(SEATS_JAVA, "java") == python


def test_list_operations_on_a_deque_are_the_deque_operations():
    python = skel(WINDOW_PY, "python")
    assert "deque.push(p0)" in python and "deque.pop(p0)" in python and "deque.popfront(p0)" in python
    assert skel(WINDOW_JAVA, "java") == python


def test_near_misses_keep_their_kinds():
    # a list field that is also appended to as a list is no heap (pushing without sifting is another thing)
    mixed = skel(SEATS_PY.replace("heapq.heappush(self.free, seat)", "self.free.append(seat)"), "python")
    assert "s0 = list()" in mixed and "heap" not in mixed.replace("heap.pop", "")
    # a deque used at both ends stays a deque; used at one end it is a stack
    both = skel("from collections import deque\ndef f(xs):\n    q = deque()\n    for x in xs:\n"
                "        q.append(x)\n        q.popleft()\n        q.pop()\n    return q\n", "python")
    assert "v0 = deque()" in both and "deque.popfront(v0)" in both and "deque.pop(v0)" in both
    one = skel("from collections import deque\ndef f(xs):\n    q = deque()\n    for x in xs:\n"
               "        q.appendleft(x)\n        q.popleft()\n    return q\n", "python")
    assert "v0 = stack()" in one
