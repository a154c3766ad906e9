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
    assert "map.del(v0)" in skel("def f(xs):\n    d = {}\n    for x in xs:\n        d.pop(x, None)\n", "python")


def test_pop_front_costs_a_pass_per_pop():
    deque = QUEUE_POP0_PY.replace("[root]", "collections.deque([root])").replace("q.pop(0)", "q.popleft()")
    assert str(estimate(extract(textwrap.dedent(deque), "python")).cost) == "O(n)"
    assert str(estimate(extract(textwrap.dedent(QUEUE_POP0_PY), "python")).cost) == "O(n^2)"
