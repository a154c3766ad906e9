"""``@split``: recursion whose self-calls take halves of the input is divide and conquer, not exponential.

Skeleton calls hold no arguments, so the midpoint that tells ``build(lo, mid - 1); build(mid + 1, hi)``
from ``rob(i + 1); rob(i + 2)`` is recorded on the function (``skeldsl/normalise/split.py``); the cost
model reads it with the master theorem.  Each shape is checked in several languages next to a near miss
that must keep its old reading.
"""

from __future__ import annotations

import pickle

import pytest

import skeldsl
from skeldsl.cost import coarse_class, estimate
from skeldsl.parser import parse_skeleton
from skeldsl.printer import print_skeleton
from skeldsl.render.canonical import canonicalise


def klass(source: str, lang: str) -> str:
    program = estimate(skeldsl.extract(source, lang))
    assert program.cost is not None, program.reason
    return str(coarse_class(program.cost))


def split_flags(source: str, lang: str) -> list[bool]:
    return [function.split for function in skeldsl.extract(source, lang).functions]


BALANCED_TREE = {
    "python": """
class Solution:
    def sortedArrayToBST(self, nums):
        def helper(l, r):
            if l > r:
                return None
            m = (l + r) // 2
            root = TreeNode(nums[m])
            root.left = helper(l, m - 1)
            root.right = helper(m + 1, r)
            return root
        return helper(0, len(nums) - 1)
""",
    "java": """
class Solution {
    public TreeNode sortedArrayToBST(int[] nums) { return build(nums, 0, nums.length - 1); }
    private TreeNode build(int[] nums, int l, int r) {
        if (l > r) return null;
        int mid = l + (r - l) / 2;
        TreeNode root = new TreeNode(nums[mid]);
        root.left = build(nums, l, mid - 1);
        root.right = build(nums, mid + 1, r);
        return root;
    }
}
""",
    "cpp": """
class Solution {
public:
    TreeNode* sortedArrayToBST(vector<int>& nums) { return build(nums, 0, nums.size() - 1); }
    TreeNode* build(vector<int>& nums, int l, int r) {
        if (l > r) return nullptr;
        int mid = (l + r) >> 1;
        TreeNode* root = new TreeNode(nums[mid]);
        root->left = build(nums, l, mid - 1);
        root->right = build(nums, mid + 1, r);
        return root;
    }
};
""",
    "go": """
func sortedArrayToBST(nums []int) *TreeNode {
    return build(nums, 0, len(nums)-1)
}
func build(nums []int, l, r int) *TreeNode {
    if l > r {
        return nil
    }
    mid := (l + r) / 2
    return &TreeNode{nums[mid], build(nums, l, mid-1), build(nums, mid+1, r)}
}
""",
}

BRUTE_FORCE = """
class Solution:
    def rob(self, nums):
        def dfs(i):
            if i >= len(nums):
                return 0
            return max(dfs(i + 1), nums[i] + dfs(i + 2))
        return dfs(0)
"""


@pytest.mark.parametrize("lang", sorted(BALANCED_TREE))
def test_two_calls_on_halves_with_constant_work_are_linear(lang: str) -> None:
    assert split_flags(BALANCED_TREE[lang], lang) == [False, True]
    assert klass(BALANCED_TREE[lang], lang) == "n"
    program = estimate(skeldsl.extract(BALANCED_TREE[lang], lang))
    assert any("divide and conquer into halves" in note for note in program.functions[1].notes)


def test_two_calls_that_step_stay_exponential() -> None:
    # near miss: the same skeleton body without a midpoint is a brute-force recursion
    assert split_flags(BRUTE_FORCE, "python") == [False, False]
    assert klass(BRUTE_FORCE, "python") == "exponential"


def test_a_halved_argument_next_to_a_step_is_not_a_split() -> None:
    # `f(i + 1, t // 2)` shrinks the input by one item per call; halving another value does not split it
    source = """
def count(nums, t):
    def f(i, t):
        if i == len(nums):
            return 1
        return f(i + 1, t // 2) + f(i + 1, t)
    return f(0, t)
"""
    assert not any(split_flags(source, "python"))
    assert klass(source, "python") == "exponential"


def test_merge_sort_on_slices_is_n_log_n() -> None:
    source = """
def merge_sort(arr):
    if len(arr) <= 1:
        return arr
    mid = len(arr) // 2
    left = merge_sort(arr[:mid])
    right = merge_sort(arr[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
"""
    assert split_flags(source, "python") == [True]
    assert klass(source, "python") == "n log n"


FAST_POWER = """
class Solution:
    def myPow(self, x: float, n: int) -> float:
        def helper(x, n):
            if n == 0:
                return 1
            res = helper(x * x, n // 2)
            return x * res if n % 2 else res
        return helper(x, n)
"""


def test_one_call_on_a_half_is_a_halving_loop() -> None:
    # a chain recursion stands at its call site as a loop; halving its argument makes it `for log(_)`
    assert "for log(_)" in skeldsl.extract_text(FAST_POWER, "python")
    assert klass(FAST_POWER, "python") == "log n"


def test_one_call_that_steps_stays_a_loop_of_unknown_length() -> None:
    source = FAST_POWER.replace("helper(x * x, n // 2)", "helper(x, n - 1)")
    assert "while {" in skeldsl.extract_text(source, "python")
    assert estimate(skeldsl.extract(source, "python")).cost is None


def test_one_call_on_a_half_after_other_work_is_logarithmic() -> None:
    # not a bare chain (a list operation per step), so the function stays, `@split`, one call: log N calls
    source = """
def bits(n, out):
    if n == 0:
        return
    out.append(n % 2)
    bits(n // 2, out)
"""
    assert split_flags(source, "python") == [True]
    assert klass(source, "python") == "log n"


def test_split_round_trips_through_text_pickle_and_canonical_form() -> None:
    text = ("skel 1\nfn f0(p0: seq) {\n  f1()\n}\n@memo\n@split\nfn f1(p0: seq) {\n  if {\n    return\n  }\n"
            "  f1()\n  f1()\n}\n")
    skeleton = parse_skeleton(text)
    assert print_skeleton(skeleton) == text
    assert skeleton.functions[1].split and not skeleton.functions[0].split
    assert pickle.loads(pickle.dumps(skeleton)) == skeleton
    assert skeleton != parse_skeleton(text.replace("@split\n", ""))
    assert canonicalise(skeleton).functions[1].split


def test_split_goes_below_memo() -> None:
    with pytest.raises(Exception):
        parse_skeleton("skel 1\n@split\n@memo\nfn f0() {\n  f0()\n}\n")


def test_a_split_helper_without_sized_parameters_halves_the_callers_input() -> None:
    # `lo`, `hi` are numbers the skeleton never names, so the helper has no parameters at all
    source = """
class Solution:
    def firstBadVersion(self, n: int) -> int:
        def search(lo, hi):
            if lo >= hi:
                return lo
            mid = (lo + hi) // 2
            if isBadVersion(mid):
                return search(lo, mid)
            return search(mid + 1, hi)
        return search(1, n)
"""
    skeleton = skeldsl.extract(source, "python")
    assert [function.split for function in skeleton.functions] == [False, True]
    assert not skeleton.functions[1].params
    assert klass(source, "python") == "log n"
